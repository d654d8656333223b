// Benchmark of exact LMG (relativeImportance, method 'lmg') on the built package.
// Usage: npm run build && node bench/lmg.bench.mjs [k ...]   (default k = 10 15 20 25)
// Data: 1,000 rows of correlated synthetic ratings from the library's seeded generator, so every
// run times the same problem. Reports the median and minimum of several runs after a warm-up.
import { createRng, relativeImportance } from '../dist/index.js';

const sizes = process.argv.slice(2).map(Number);
const ks = sizes.length > 0 ? sizes : [10, 15, 20, 25];
const n = 1000;

function dataset(k) {
  const rng = createRng(20261124 + k);
  const X = Array.from({ length: n }, () => {
    const common = rng.next();
    return Array.from({ length: k }, () => Math.round(1 + 4 * (0.6 * common + 0.4 * rng.next())));
  });
  const y = X.map((row) => row.reduce((sum, v, j) => sum + v * (1 + (j % 3)), 0) + 6 * k * rng.next());
  return { X, y };
}

console.log(`node ${process.version}, ${n} rows`);
for (const k of ks) {
  const { X, y } = dataset(k);
  const runs = k >= 24 ? 3 : 9;
  for (let w = 0; w < 3; w++) relativeImportance(X, y, { method: 'lmg' }); // warm-up (JIT)
  const times = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = relativeImportance(X, y, { method: 'lmg' });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const sum = Object.values(result.importance).reduce((a, b) => a + b, 0);
  console.log(
    `k = ${String(k).padStart(2)}: median ${times[Math.floor(runs / 2)].toFixed(1)} ms, min ${times[0].toFixed(1)} ms ` +
      `(2^${k} subsets; R^2 ${result.rSquared.toFixed(6)}, |sum LMG - R^2| = ${Math.abs(sum - result.rSquared).toExponential(1)})`,
  );
}
