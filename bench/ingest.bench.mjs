// Ingest benchmark (not a test): readSurveyFile and accumulateSurveyFile on a seeded
// 1,000,000 x 21 integer CSV (header t1..t20,overall; values 1..5; '\n' line ends), median of 3
// runs after a warm-up, and pandas.read_csv on the same file in the same run when python3 has
// pandas. Run after `npm run build`:
//   node bench/ingest.bench.mjs [--rows N] [--runs 3] [--file PATH] [--dist DIR] [--no-accumulate] [--no-pandas]
// --file reuses (or creates and keeps) a data file; --dist times another build (e.g. an older commit's).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection before each timed run, so no run pays for freeing the previous run's survey.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1];
};
const dist = arg('--dist', null);
const distUrl = (file) => (dist === null ? new URL(`../dist/${file}`, import.meta.url).href : pathToFileURL(resolve(dist, file)).href);
const { createRng } = await import(distUrl('index.js'));
const { accumulateSurveyFile, readSurveyFile } = await import(distUrl('node.js'));
const rows = Number(arg('--rows', '1000000'));
const runs = Number(arg('--runs', '3'));
const names = [...Array.from({ length: 20 }, (_, j) => `t${j + 1}`), 'overall'];
const dir = mkdtempSync(join(tmpdir(), 'peak-end-ingest-'));
const file = arg('--file', join(dir, 'survey.csv'));

if (!existsSync(file)) {
  const rng = createRng(4);
  const parts = [`${names.join(',')}\n`];
  for (let i = 0; i < rows; i++) {
    let line = String(1 + rng.int(5));
    for (let j = 1; j < 21; j++) line += `,${1 + rng.int(5)}`;
    parts.push(`${line}\n`);
  }
  writeFileSync(file, parts.join(''));
}
const spec = { touchpoints: names.slice(0, 20), overall: 'overall', scale: { min: 1, max: 5 } };

async function time(name, fn) {
  await fn();
  const times = [];
  for (let r = 0; r < runs; r++) {
    collect();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const entry = { name, rows, bytes: statSync(file).size, medianMs: Number(times[Math.floor(times.length / 2)].toFixed(1)), times: times.map((t) => Number(t.toFixed(1))) };
  process.stderr.write(`${JSON.stringify(entry)}\n`);
  return entry;
}

const results = [];
results.push(await time('readSurveyFile', () => readSurveyFile(file, spec)));
if (!process.argv.includes('--no-accumulate')) results.push(await time('accumulateSurveyFile', () => accumulateSurveyFile(file, spec)));
// pandas.read_csv (default C engine, dtypes inferred: int64 columns) in the same run: the first of
// $PYTHON, python3 and /usr/bin/python3 that imports pandas.
let pandasEntry = { name: 'pandas read_csv', skipped: 'no python3 with pandas' };
if (!process.argv.includes('--no-pandas')) {
  const script = [
    'import sys, time, pandas',
    'pandas.read_csv(sys.argv[1])',
    'ts = []',
    `for _ in range(${runs}):`,
    '    t = time.perf_counter(); pandas.read_csv(sys.argv[1]); ts.append((time.perf_counter() - t) * 1000)',
    'ts.sort(); print(ts[len(ts) // 2], pandas.__version__, *ts)',
  ].join('\n');
  for (const python of [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean)) {
    try {
      const [median, version, ...times] = execFileSync(python, ['-c', script, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .trim()
        .split(' ');
      pandasEntry = { name: `pandas ${version} read_csv (${python})`, rows, medianMs: Number(Number(median).toFixed(1)), times: times.map((t) => Number(Number(t).toFixed(1))) };
      process.stderr.write(`${JSON.stringify(pandasEntry)}\n`);
      break;
    } catch {
      // try the next interpreter
    }
  }
}
results.push(pandasEntry);
const ours = results[0].medianMs;
const pandas = results.find((r) => r.name.startsWith('pandas') && r.medianMs !== undefined);
console.log(
  JSON.stringify({ node: process.version, date: new Date().toISOString(), dist: dist ?? 'dist', results, ratioToPandas: pandas ? Number((ours / pandas.medianMs).toFixed(2)) : null }, null, 2),
);
if (arg('--file', null) === null) rmSync(dir, { recursive: true, force: true });
