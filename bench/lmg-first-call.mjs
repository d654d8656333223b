// Issue 20, floor 4: exact LMG (relativeImportance, method 'lmg') at k = 14, n = 1,000 as the
// first call of the package in a fresh process: nothing of peak-end has run before the timed call
// (no warm-up). Prints one JSON line: the call's milliseconds, the import's (not part of the
// call), and a check of the result. bench/run.mjs runs it in several fresh processes.
// Usage: node bench/lmg-first-call.mjs   (after `npm run build`)
const startImport = performance.now();
const { relativeImportance } = await import('../dist/index.js');
const importMs = performance.now() - startImport;
const { ratings } = await import('./ratings.mjs');
const data = ratings(1000, 14, 2);
const cpu = process.cpuUsage();
const start = performance.now();
const result = relativeImportance(data.X, data.y, { method: 'lmg' });
const firstCallMs = performance.now() - start;
// CPU of the whole process during the call (the compiler's background threads included).
const used = process.cpuUsage(cpu);
const firstCallCpuMs = (used.user + used.system) / 1000;
const lmgSum = Object.values(result.importance).reduce((a, b) => a + b, 0);
console.log(
  JSON.stringify({
    firstCallMs: Number(firstCallMs.toFixed(2)),
    firstCallCpuMs: Number(firstCallCpuMs.toFixed(2)),
    importMs: Number(importMs.toFixed(1)),
    check: { rSquared: result.rSquared, lmgSum },
  }),
);
