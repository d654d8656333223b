import { createRng } from '../../src/random/rng.js';

/** Correlated synthetic 1-5 ratings and a continuous outcome, reproducible from the seed. */
export function ratings(n: number, k: number, seed: number): { X: number[][]; y: number[] } {
  const rng = createRng(seed);
  const X = Array.from({ length: n }, () => {
    const common = rng.next();
    return Array.from({ length: k }, () => Math.round(1 + 4 * (0.6 * common + 0.4 * rng.next())));
  });
  const y = X.map((row) => row.reduce((s, v, j) => s + v * (1 + (j % 3)), 0) + 6 * k * rng.next());
  return { X, y };
}
