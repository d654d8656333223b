// Benchmark of issue 20's floors 1 and 2 (never part of the tests or CI): the whole analysis and
// streaming, each figure next to its anchors measured in the same run on the same file.
//
//   npm run bench:analyze -- [--quick] [--only analyze,growth,stream,bigstream] [--runs 3]
//
// - analyze: `peak-end analyze big.csv --overall overall --scale 1-5` (text report, no bootstrap)
//   on 1,000,000 x 21 seeded 5-point ratings (bench/ratings.mjs), wall time and peak RSS, against
//   pandas read_csv of the same file (bench/anchors/pandas_read_csv.py; floor <= 3 x, <= 700 MB);
//   analyze() in the library against readSurveyFile on the same file (floor <= 4 x), and
//   analyzeParallel ('peak-end/node') on the survey read with sharedMemory: true.
// - growth: analyze() and readSurveyFile over n = 10^4 .. 10^6 (k = 20) and k = 5 .. 25
//   (n = 10^5), with pandas read_csv of each file.
// - stream: accumulateSurveyFile against readSurveyFile per row (floor <= 1.3 x) and against
//   DuckDB running momentsQuery on the same CSV (floor <= 0.5 x), 1,000,000 x 21.
// - bigstream: 10,000,000 x 21 streamed by accumulateSurveyFile in a child process, peak RSS
//   (floor <= 150 MiB); the file (420 MB) is written first.
//
// Every case records the load average beside its timings (the machine is shared). Timings are
// medians of --runs runs after one warm-up; CPU seconds (user + system) are given beside wall
// time, since under load the CPU time is the steadier figure. Prints one JSON document on stdout.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze, createRng, formatReportText, momentsQuery } from '../dist/index.js';
import { accumulateSurveyFile, analyzeParallel, readSurveyFile } from '../dist/node.js';
import { ratings } from './ratings.mjs';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1];
};
const quick = process.argv.includes('--quick');
const only = arg('--only', null)?.split(',') ?? null;
const wanted = (name) => (only === null ? name !== 'bigstream' || !quick : only.includes(name));
const runs = Number(arg('--runs', quick ? '1' : '3'));
const bigRows = Number(arg('--big-rows', '10000000'));
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const log = (message) => process.stderr.write(`${message}\n`);
const load = () => loadavg().map((v) => Number(v.toFixed(2)));
const round = (v, digits = 3) => (v === null ? null : Number(v.toFixed(digits)));
const dir = mkdtempSync(join(tmpdir(), 'peak-end-analyze-bench-'));

/** A seeded n x (k + 1) CSV (t1..tk, overall) from bench/ratings.mjs. */
function writeRatings(n, k) {
  const path = join(dir, `ratings-${n}-${k}.csv`);
  const { X, y, names } = ratings(n, k, 1);
  const lines = [names.join(',')];
  for (let i = 0; i < n; i++) lines.push(`${X[i].join(',')},${y[i]}`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const specOf = (k) => ({ touchpoints: Array.from({ length: k }, (_, j) => `t${j + 1}`), overall: 'overall', scale: { min: 1, max: 5 } });

/** Median wall and CPU seconds of `runs` calls after one warm-up (a full collection before each). */
async function time(fn, times = runs) {
  await fn();
  const wall = [];
  const cpu = [];
  for (let r = 0; r < times; r++) {
    collect();
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push((performance.now() - t) / 1000);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1e6);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wallSeconds: round(median(wall)), cpuSeconds: round(median(cpu)), runs: times };
}

/** pandas read_csv of the file (the anchor script), or why it was skipped. */
function pandas(csv) {
  for (const python of [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean)) {
    if (spawnSync(python, ['-c', 'import pandas']).status !== 0) continue;
    const out = spawnSync(python, [here('anchors/pandas_read_csv.py'), csv, String(runs), '1'], { encoding: 'utf8', cwd: here('anchors') });
    const last = out.stdout.trim().split('\n').pop();
    try {
      const parsed = JSON.parse(last);
      return parsed.skipped
        ? { skipped: parsed.skipped }
        : { wallSeconds: round(parsed.medianMs / 1000), cpuSeconds: parsed.medianCpuMs === undefined ? null : round(parsed.medianCpuMs / 1000), version: parsed.version };
    } catch {
      return { skipped: `anchor failed: ${out.stderr.slice(0, 200)}` };
    }
  }
  return { skipped: 'no python3 with pandas' };
}

/** Wall seconds, CPU seconds (user + system, all threads) and peak RSS of a child `node` running args (both reported by the child on exit). */
function child(args) {
  const report = "process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nPEAK_RSS '+u.maxRSS+'\\nCPU_US '+(u.userCPUTime+u.systemCPUTime)+'\\n')})";
  const t = performance.now();
  const out = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallSeconds = (performance.now() - t) / 1000;
  const rss = /PEAK_RSS (\d+)/.exec(out.stderr);
  const cpu = /CPU_US (\d+)/.exec(out.stderr);
  if (out.status !== 0) throw new Error(`child failed: ${out.stderr.slice(0, 500)}`);
  // maxRSS is in KiB.
  const kib = rss ? Number(rss[1]) : null;
  return {
    wallSeconds: round(wallSeconds),
    cpuSeconds: cpu ? round(Number(cpu[1]) / 1e6) : null,
    peakRssMB: kib === null ? null : round((kib * 1024) / 1e6, 0),
    peakRssMiB: kib === null ? null : round(kib / 1024, 0),
    stdout: out.stdout,
  };
}

const result = { date: new Date().toISOString(), node: process.version, loadAverage: load(), cases: {} };

if (wanted('analyze')) {
  const n = quick ? 100_000 : 1_000_000;
  log(`analyze: writing ${n} x 21`);
  const csv = writeRatings(n, 20);
  const spec = specOf(20);
  const startLoad = load();
  const read = await time(() => readSurveyFile(csv, spec));
  const survey = await readSurveyFile(csv, spec);
  const library = await time(() => analyze(survey));
  const text = await time(() => formatReportText(analyze(survey)), 1);
  // analyzeParallel on the survey read into shared memory (two threads; the same Report).
  const shared = await readSurveyFile(csv, spec, { sharedMemory: true });
  const parallel = await time(() => analyzeParallel(shared));
  const cli = [];
  for (let r = 0; r < runs; r++) cli.push(child([here('../dist/cli.js'), 'analyze', csv, '--overall', 'overall', '--scale', '1-5']));
  cli.sort((a, b) => a.wallSeconds - b.wallSeconds);
  const cliMedian = cli[Math.floor(cli.length / 2)];
  const anchor = pandas(csv);
  result.cases.analyze = {
    rows: n,
    columns: 21,
    bytes: statSync(csv).size,
    loadAverage: { start: startLoad, end: load() },
    cli: { wallSeconds: cliMedian.wallSeconds, cpuSeconds: cliMedian.cpuSeconds, peakRssMB: Math.max(...cli.map((c) => c.peakRssMB)), reportLines: cliMedian.stdout.split('\n').length },
    pandasReadCsv: anchor,
    cliOverPandas: anchor.wallSeconds ? round(cliMedian.wallSeconds / anchor.wallSeconds, 2) : null,
    cliOverPandasCpu: anchor.cpuSeconds && cliMedian.cpuSeconds ? round(cliMedian.cpuSeconds / anchor.cpuSeconds, 2) : null,
    readSurveyFile: read,
    analyzeLibrary: library,
    analyzeOverRead: { wall: round(library.wallSeconds / read.wallSeconds, 2), cpu: round(library.cpuSeconds / read.cpuSeconds, 2) },
    analyzePlusTextLibrary: text,
    analyzeParallelLibrary: parallel,
    analyzeParallelOverRead: { wall: round(parallel.wallSeconds / read.wallSeconds, 2), cpu: round(parallel.cpuSeconds / read.cpuSeconds, 2) },
    floors: { cliOverPandas: 3, cliPeakRssMB: 700, analyzeOverRead: 4 },
  };
  log(JSON.stringify(result.cases.analyze));
  rmSync(csv);
}

if (wanted('growth')) {
  const points = [...(quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]).map((n) => ({ n, k: 20 })), ...[5, 10, 15, 25].map((k) => ({ n: quick ? 10_000 : 100_000, k }))];
  result.cases.growth = [];
  for (const { n, k } of points) {
    const csv = writeRatings(n, k);
    const spec = specOf(k);
    const startLoad = load();
    const read = await time(() => readSurveyFile(csv, spec));
    const survey = await readSurveyFile(csv, spec);
    const library = await time(() => analyze(survey));
    const entry = { n, k, loadAverage: startLoad, readSurveyFile: read, analyze: library, analyzeOverRead: round(library.wallSeconds / read.wallSeconds, 2), pandasReadCsv: pandas(csv) };
    result.cases.growth.push(entry);
    log(JSON.stringify(entry));
    rmSync(csv);
  }
}

if (wanted('stream')) {
  const n = quick ? 100_000 : 1_000_000;
  const csv = writeRatings(n, 20);
  const spec = specOf(20);
  const startLoad = load();
  const read = await time(() => readSurveyFile(csv, spec));
  const stream = await time(() => accumulateSurveyFile(csv, spec));
  let duck = { skipped: '@duckdb/node-api is not installed' };
  try {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(`CREATE VIEW survey AS SELECT * FROM read_csv('${csv.replaceAll("'", "''")}', header = true)`);
    const sql = momentsQuery(spec, { dialect: 'duckdb', table: 'survey' });
    duck = { ...(await time(() => connection.runAndReadAll(sql))), what: 'momentsQuery on a view over read_csv (the CSV is read by every run)' };
  } catch (error) {
    if (!/Cannot find (package|module)/.test(String(error))) throw error;
  }
  result.cases.stream = {
    rows: n,
    columns: 21,
    loadAverage: { start: startLoad, end: load() },
    readSurveyFile: read,
    accumulateSurveyFile: stream,
    accumulateOverRead: { wall: round(stream.wallSeconds / read.wallSeconds, 2), cpu: round(stream.cpuSeconds / read.cpuSeconds, 2) },
    duckdbMomentsQuery: duck,
    accumulateOverDuckdb: duck.wallSeconds ? round(stream.wallSeconds / duck.wallSeconds, 2) : null,
    floors: { accumulateOverRead: 1.3, accumulateOverDuckdb: 0.5 },
  };
  log(JSON.stringify(result.cases.stream));
  rmSync(csv);
}

if (wanted('bigstream')) {
  const csv = join(dir, 'uniform-big.csv');
  log(`bigstream: writing ${bigRows} x 21`);
  // Uniform 1..5 ratings (the ingest benchmark's generator), written in pieces.
  const rng = createRng(4);
  const out = createWriteStream(csv);
  out.write(`${[...Array.from({ length: 20 }, (_, j) => `t${j + 1}`), 'overall'].join(',')}\n`);
  for (let start = 0; start < bigRows; start += 100_000) {
    const lines = [];
    for (let i = start; i < Math.min(bigRows, start + 100_000); i++) {
      let line = String(1 + rng.int(5));
      for (let j = 1; j < 21; j++) line += `,${1 + rng.int(5)}`;
      lines.push(line);
    }
    if (!out.write(`${lines.join('\n')}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  const startLoad = load();
  const script = `import { accumulateSurveyFile } from ${JSON.stringify(here('../dist/node.js'))}; const r = await accumulateSurveyFile(${JSON.stringify(csv)}, ${JSON.stringify(specOf(20))}); process.stdout.write(String(r.report.rowsUsed));`;
  const run = child(['--input-type=module', '-e', script]);
  result.cases.bigstream = {
    rows: bigRows,
    columns: 21,
    bytes: statSync(csv).size,
    loadAverage: { start: startLoad, end: load() },
    wallSeconds: run.wallSeconds,
    rowsUsed: Number(run.stdout),
    peakRssMiB: run.peakRssMiB,
    floorPeakRssMiB: 150,
  };
  log(JSON.stringify(result.cases.bigstream));
  rmSync(csv);
}

rmSync(dir, { recursive: true, force: true });
result.finished = { date: new Date().toISOString(), loadAverage: load() };
console.log(JSON.stringify(result, null, 2));
