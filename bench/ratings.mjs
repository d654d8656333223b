// The benchmarks' data: n rows of k correlated 5-point ratings and a 5-point overall rating near
// their mean, from the library's seeded generator (the same rows for the same seed everywhere).
import { createRng } from '../dist/index.js';

export function ratings(n, k, seed) {
  const rng = createRng(seed);
  const X = Array.from({ length: n }, () => {
    const common = rng.next();
    return Array.from({ length: k }, () => Math.round(1 + 4 * (0.6 * common + 0.4 * rng.next())));
  });
  const y = X.map((row) => Math.min(5, Math.max(1, Math.round(row.reduce((s, v) => s + v, 0) / k + rng.next() - 0.5))));
  return { X, y, names: [...Array.from({ length: k }, (_, j) => `t${j + 1}`), 'overall'] };
}
