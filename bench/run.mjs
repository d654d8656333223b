// Benchmarks of the public API (run with `npm run bench`; never part of the tests). Prints one
// JSON document: each case's median wall-clock time over a few runs after a warm-up, its sizes,
// and peak RSS where relevant. Anchors (R) are measured by bench/anchors/*.R when Rscript exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapImportance, createRng, ols, relativeImportance } from '../dist/index.js';
import { accumulateSurveyFile, readSurveyFile } from '../dist/node.js';

const quick = process.argv.includes('--quick');
const dir = mkdtempSync(join(tmpdir(), 'peak-end-bench-'));
const results = [];

function ratings(n, k, seed) {
  const rng = createRng(seed);
  const X = Array.from({ length: n }, () => {
    const common = rng.next();
    return Array.from({ length: k }, () => Math.round(1 + 4 * (0.6 * common + 0.4 * rng.next())));
  });
  const y = X.map((row) => Math.min(5, Math.max(1, Math.round(row.reduce((s, v) => s + v, 0) / k + rng.next() - 0.5))));
  return { X, y };
}

function time(name, sizes, fn, runs = 3) {
  fn();
  const times = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const entry = { name, ...sizes, medianMs: Number(times[Math.floor(times.length / 2)].toFixed(1)), minMs: Number(times[0].toFixed(1)) };
  results.push(entry);
  process.stderr.write(`${JSON.stringify(entry)}\n`);
}

const olsRows = quick ? 100_000 : 1_000_000;
{
  const { X, y } = ratings(olsRows, 20, 1);
  time('ols', { n: olsRows, k: 20 }, () => ols(X, y), 3);
}
for (const k of [14, 20]) {
  const { X, y } = ratings(1000, k, 2);
  time('lmg', { n: 1000, k }, () => relativeImportance(X, y, { method: 'lmg' }), 5);
}
{
  const { X, y } = ratings(1000, 10, 3);
  time('bootstrap-lmg', { n: 1000, k: 10, replicates: 1000 }, () => bootstrapImportance(X, y, { method: 'lmg', replicates: 1000, seed: 1 }), 1);
}
// Ingest: a 1,000,000 x 21 integer CSV.
const ingestRows = quick ? 100_000 : 1_000_000;
const names = [...Array.from({ length: 20 }, (_, j) => `t${j + 1}`), 'overall'];
const csv = join(dir, 'survey.csv');
{
  const rng = createRng(4);
  const lines = [names.join(',')];
  for (let i = 0; i < ingestRows; i++) lines.push(Array.from({ length: 21 }, () => 1 + rng.int(5)).join(','));
  writeFileSync(csv, `${lines.join('\n')}\n`);
}
const spec = { touchpoints: names.slice(0, 20), overall: 'overall', scale: { min: 1, max: 5 } };
// readSurveyFile is async: timed once, awaited.
{
  const start = performance.now();
  await readSurveyFile(csv, spec);
  results.push({ name: 'readSurveyFile', n: ingestRows, columns: 21, medianMs: Number((performance.now() - start).toFixed(1)) });
  process.stderr.write(`${JSON.stringify(results.at(-1))}\n`);
}
// Streaming: peak RSS of accumulating the file in a fresh process.
{
  const child = spawnSync(process.execPath, ['-e', `
    import('${new URL('../dist/node.js', import.meta.url).href}').then(async ({ accumulateSurveyFile }) => {
      const start = performance.now();
      const { report } = await accumulateSurveyFile(${JSON.stringify(csv)}, ${JSON.stringify(spec)});
      console.log(JSON.stringify({ ms: performance.now() - start, rows: report.rowsRead, rssMiB: process.resourceUsage().maxRSS / 1024 }));
    });`], { encoding: 'utf8' });
  const out = JSON.parse(child.stdout.trim());
  results.push({ name: 'accumulateSurveyFile', n: out.rows, columns: 21, medianMs: Number(out.ms.toFixed(1)), peakRssMiB: Number(out.rssMiB.toFixed(0)) });
  process.stderr.write(`${JSON.stringify(results.at(-1))}\n`);
}
// Anchors: R on the same machine, same sizes.
const anchors = [];
try {
  const r = execFileSync('Rscript', [new URL('anchors/lm.R', import.meta.url).pathname, String(olsRows), '20'], { encoding: 'utf8' });
  anchors.push({ name: 'R lm + summary', n: olsRows, k: 20, medianMs: Number(r.trim()) });
} catch {
  anchors.push({ name: 'R lm + summary', skipped: 'Rscript not available' });
}
console.log(JSON.stringify({ node: process.version, date: new Date().toISOString(), results, anchors }, null, 2));
