// Benchmark of the exact and sampled Shapley decomposition of McFadden's pseudo-R-squared
// (pseudoRSquaredShapley) on the built package.
// Usage: npm run build && node bench/pseudo-r-squared.bench.mjs [n] [k ...]   (default n = 25000, k = 8 10 12)
// Data: seeded synthetic ratings 1-5 sharing a common factor, outcome drawn from a logistic model,
// so every run times the same problem. One warm-up, then the median of three runs.
import { createRng, pseudoRSquaredShapley } from '../dist/index.js';

const [nArg, ...kArgs] = process.argv.slice(2).map(Number);
const n = nArg || 25000;
const ks = kArgs.length > 0 ? kArgs : [8, 10, 12];

function dataset(k) {
  const rng = createRng(20260515 + k);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const X = [];
  const y = [];
  for (let i = 0; i < n; i++) {
    const common = normal();
    const row = Array.from({ length: k }, () => Math.min(5, Math.max(1, Math.round(3 + 0.7 * common + 0.9 * normal()))));
    const eta = row.reduce((s, v, j) => s + (0.1 + 0.5 * ((j % 4) / 3)) * (v - 3), -0.2);
    X.push(row);
    y.push(rng.next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0);
  }
  return { X, y };
}

function time(run, runs = 3) {
  run();
  const times = [];
  const cpu = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = run();
    times.push(performance.now() - start);
    cpu.push(process.cpuUsage(startCpu).user / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], cpu: cpu[Math.floor(runs / 2)], result };
}

console.log(`node ${process.version}, n = ${n}`);
for (const k of ks) {
  const { X, y } = dataset(k);
  const exact = time(() => pseudoRSquaredShapley(X, y, { maxExactPlayers: 20 }), k >= 12 ? 1 : 3);
  const sampled = time(() => pseudoRSquaredShapley(X, y, { sampling: { permutations: 200, seed: 1 } }), 1);
  const maxError = Math.max(...Object.keys(exact.result.importance).map((key) => Math.abs(sampled.result.importance[key] - exact.result.importance[key])));
  const maxSe = Math.max(...Object.values(sampled.result.standardErrors));
  console.log(
    `k = ${String(k).padStart(2)}: exact ${(exact.median / 1000).toFixed(2)} s wall, ${(exact.cpu / 1000).toFixed(2)} s CPU (${exact.result.fits} fits, ${(exact.median / exact.result.fits).toFixed(2)} ms/fit, McFadden R^2 ${exact.result.rSquared.toFixed(4)}); ` +
      `sampled (200 orderings) ${(sampled.median / 1000).toFixed(2)} s wall, ${(sampled.cpu / 1000).toFixed(2)} s CPU (${sampled.result.fits} fits), max |sampled - exact| ${maxError.toExponential(1)}, max MC SE ${maxSe.toExponential(1)}`,
  );
}
