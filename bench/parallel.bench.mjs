// Benchmark of the worker-thread functions of 'peak-end/node' against concurrency 1 (the calling
// thread, no workers) on the built package: 1,000-resample bootstrap of LMG (n = 1,000, k = 10
// and 14) and exact LMG of many predictors. Usage: npm run build && node bench/parallel.bench.mjs
// [--runs 3]. Runs of the two concurrencies alternate so background load hits both alike; prints
// one JSON document (median and minimum wall-clock milliseconds and median process CPU time, all
// threads, per case), progress on stderr.
import { availableParallelism, loadavg } from 'node:os';
import { bootstrapImportanceParallel, relativeImportanceParallel } from '../dist/node.js';
import { ratings } from './ratings.mjs';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;

const results = [];
async function compare(name, sizes, fn) {
  const concurrencies = [1, 2];
  const times = new Map(concurrencies.map((c) => [c, []]));
  const cpu = new Map(concurrencies.map((c) => [c, []]));
  const outputs = new Map();
  await fn(1); // warm-up (JIT) in this thread
  for (let r = 0; r < runs; r++) {
    for (const c of concurrencies) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      outputs.set(c, JSON.stringify(await fn(c)));
      times.get(c).push(performance.now() - start);
      const used = process.cpuUsage(startCpu);
      cpu.get(c).push((used.user + used.system) / 1000);
    }
  }
  for (const c of concurrencies) {
    const sorted = times.get(c).sort((a, b) => a - b);
    const cpuSorted = cpu.get(c).sort((a, b) => a - b);
    // cpuMs: CPU time of the whole process (all threads); wall / cpu shows how much CPU the run got.
    const entry = {
      name,
      ...sizes,
      concurrency: c,
      medianMs: Number(sorted[Math.floor(sorted.length / 2)].toFixed(0)),
      minMs: Number(sorted[0].toFixed(0)),
      cpuMs: Number(cpuSorted[Math.floor(cpuSorted.length / 2)].toFixed(0)),
    };
    results.push(entry);
    process.stderr.write(`${JSON.stringify(entry)}\n`);
  }
  if (outputs.get(1) !== outputs.get(2)) throw new Error(`${name}: concurrency 1 and 2 gave different results`);
}

for (const k of [10, 14]) {
  const { X, y } = ratings(1000, k, 3);
  await compare('bootstrap-lmg', { n: 1000, k, replicates: 1000 }, (concurrency) => bootstrapImportanceParallel(X, y, { method: 'lmg', replicates: 1000, seed: 1, concurrency }));
}
for (const k of [22, 24]) {
  const { X, y } = ratings(1000, k, 2);
  await compare('lmg', { n: 1000, k }, (concurrency) => relativeImportanceParallel(X, y, { method: 'lmg', concurrency }));
}
console.log(JSON.stringify({ node: process.version, cpus: availableParallelism(), loadAverage: loadavg().map((v) => Number(v.toFixed(2))), runs, results }, null, 2));
