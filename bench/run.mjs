// Benchmarks of the public API against outside anchors (run with `npm run bench`; never part of
// the tests or CI). Prints one JSON document on stdout (progress goes to stderr): for each case our
// median wall-clock time, each anchor's median on the same data in the same run, the ratio
// ours/anchor, the issue-9 floor for that ratio and whether it is met; then a "growth" section
// with our OLS and LMG times over n and k.
//
//   node bench/run.mjs [--quick] [--no-anchors] [--only ols,ingest,stream,growth,lmg,lmgfirst,bootstrap,bootstrap20]   (after `npm run build`)
//
// The data are generated once from the library's seeded generator and written to temporary CSV
// files, which the anchors in bench/anchors/ read; anchors time only their computation, not the
// loading (except pandas read_csv, whose loading is the computation). An anchor whose tool is
// missing is reported as skipped. `--quick` shrinks the sizes for a smoke run; `--no-anchors`
// times only our side. The child-process cases re-enter this script with `--child <case>`.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapImportance, ols, relativeImportance } from '../dist/index.js';
import { accumulateSurveyFile, bootstrapImportanceParallel, readSurveyFile } from '../dist/node.js';
import { ratings } from './ratings.mjs';

const quick = process.argv.includes('--quick');
// --only ols,ingest,stream,growth,lmg,bootstrap runs just those cases.
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? '').split(',') : null;
const wanted = (name) => only === null || only.includes(name);
const withAnchors = !process.argv.includes('--no-anchors');
const sizes = quick
  ? { olsRows: 100_000, streamRows: 1_000_000, replicates: 100, relaimpoK20: false, growthRows: [10_000, 100_000], bootstrap20Rows: 1000, firstCalls: 3 }
  : { olsRows: 1_000_000, streamRows: 10_000_000, replicates: 1000, relaimpoK20: true, growthRows: [10_000, 100_000, 1_000_000], bootstrap20Rows: 10_000, firstCalls: 7 };
const MiB = 1024 * 1024;
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const log = (message) => process.stderr.write(`${message}\n`);

// ---------------------------------------------------------------------------------------------
// Data: bench/ratings.mjs.

const csvHeader = (data) => `${data.names.join(',')}\n`;
const csvBody = (data) => `${data.X.map((row, i) => `${row.join(',')},${data.y[i]}`).join('\n')}\n`;

/** Writes the data as CSV (header t1..tk,overall), the body `copies` times over. */
function writeCsv(path, data, copies = 1) {
  const fd = openSync(path, 'w');
  writeSync(fd, csvHeader(data));
  const body = csvBody(data);
  for (let c = 0; c < copies; c++) writeSync(fd, body);
  closeSync(fd);
  return path;
}

const surveySpec = (data) => ({ touchpoints: data.names.slice(0, -1), overall: 'overall', scale: { min: 1, max: 5 } });

// ---------------------------------------------------------------------------------------------
// Timing: our side (in this process) and the anchors (each in its own process).

/**
 * Median and minimum milliseconds of `runs` timed calls of fn after `warmup` untimed ones, and
 * `check(result)` of the last call (a few numbers to compare with the anchors' answers).
 */
async function timeOurs(fn, { runs = 3, warmup = 1, check = () => undefined } = {}) {
  for (let w = 0; w < warmup; w++) await fn();
  const ms = [];
  // CPU milliseconds of the whole process (worker threads included), steadier than wall time on a shared machine.
  const cpuMs = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    result = await fn();
    ms.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  ms.sort((a, b) => a - b);
  cpuMs.sort((a, b) => a - b);
  return {
    medianMs: round(ms[Math.floor(ms.length / 2)]),
    minMs: round(ms[0]),
    medianCpuMs: round(cpuMs[Math.floor(cpuMs.length / 2)]),
    runs,
    loadAverage: Number(loadavg()[0].toFixed(2)),
    check: check(result),
  };
}

const round = (value, digits = 1) => Number(value.toFixed(digits));

/** The first Python that imports every module named, or null. */
function findPython(modules) {
  const candidates = [process.env.PYTHON, 'python3', '/usr/bin/python3'].filter(Boolean);
  return candidates.find((python) => spawnSync(python, ['-c', `import ${modules.join(', ')}`]).status === 0) ?? null;
}

const tools = {
  R: () => 'Rscript',
  python: (modules) => findPython(modules),
  node: () => process.execPath,
};

/**
 * Runs one anchor script: `tool script csv runs warmup ...extra`, which answers with one JSON line
 * ({ medianMs, minMs, runs, version, check } or { skipped }). Missing tools and failures become
 * { skipped } with the reason, so a machine without R or Python still gets our numbers.
 */
function runAnchor(name, { tool, script, csv, runs = 3, warmup = 1, extra = [], timeoutMinutes = 30 }) {
  if (!withAnchors) return { name, skipped: '--no-anchors' };
  const executable = tool();
  if (executable === null) return { name, skipped: `no ${script.endsWith('.py') ? 'Python 3 with the modules it needs (set PYTHON)' : 'interpreter'} found` };
  log(`anchor ${name} ...`);
  const child = spawnSync(executable, [here(`anchors/${script}`), csv, String(runs), String(warmup), ...extra.map(String)], {
    encoding: 'utf8',
    timeout: timeoutMinutes * 60_000,
    maxBuffer: 16 * MiB,
  });
  if (child.error?.code === 'ENOENT') return { name, skipped: `${executable} not found` };
  if (child.error?.code === 'ETIMEDOUT') return { name, skipped: `did not finish within ${timeoutMinutes} minutes`, lowerBoundMs: timeoutMinutes * 60_000 };
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const answer = JSON.parse(last);
    log(`  ${JSON.stringify(answer)}`);
    return { name, ...answer };
  } catch {
    return { name, skipped: `failed (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-3).join(' | ')}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Comparing: ratios ours/anchor and the issue's floors.

/** A case: our time, each anchor with its ratio ours/anchor, and the floors checked. */
function compare(name, caseSizes, ours, anchors, floors) {
  const withRatios = anchors.map((anchor) => ({ ...anchor, ...ratioTo(ours, anchor) }));
  const entry = { case: name, ...caseSizes, ours, anchors: withRatios, floors: floors.map((floor) => floor(ours, withRatios)) };
  log(JSON.stringify({ case: name, ours, floors: entry.floors }));
  return entry;
}

/** ours / anchor; for an anchor stopped at its time limit, an upper bound on that ratio. */
function ratioTo(ours, anchor) {
  if (anchor.medianMs) return { ratio: round(ours.medianMs / anchor.medianMs, 4), ...(ours.medianCpuMs && anchor.medianCpuMs && { cpuRatio: round(ours.medianCpuMs / anchor.medianCpuMs, 4) }) };
  if (anchor.lowerBoundMs) return { ratio: null, ratioBelow: round(ours.medianMs / anchor.lowerBoundMs, 4) };
  return { ratio: null };
}

/** Floor: ours / (the named anchor) <= limit. Unknown (met: null) when that anchor was skipped. */
const ratioAtMost = (anchorName, limit, rule) => (_ours, anchors) => {
  const anchor = anchors.find((candidate) => candidate.name === anchorName);
  const ratio = anchor?.ratio ?? anchor?.ratioBelow ?? null;
  return { rule, limit, value: ratio, met: ratio === null ? null : ratio <= limit };
};

/** Floor on one of our own measurements (e.g. medianMs or peakRssMiB) <= limit. */
const oursAtMost = (field, limit, rule) => (ours) => ({ rule, limit, value: ours[field], met: ours[field] <= limit });

// ---------------------------------------------------------------------------------------------
// Cases: one function each.

async function olsCase(data, csv) {
  const ours = await timeOurs(() => ols(data.X, data.y), { check: (fit) => ({ rSquared: fit.rSquared, residualStdError: fit.residualStdError }) });
  const anchors = [
    runAnchor('R lm + summary', { tool: tools.R, script: 'lm.R', csv }),
    runAnchor('statsmodels OLS', { tool: () => tools.python(['pandas', 'statsmodels']), script: 'statsmodels_ols.py', csv }),
    runAnchor('ml-regression', { tool: tools.node, script: 'ml-regression.mjs', csv, warmup: 0 }),
  ];
  return compare('ols(X, y), rows of arrays, full inference', { n: data.X.length, k: 20 }, ours, anchors, [ratioAtMost('R lm + summary', 0.25, 'ours <= 0.25 x R lm + summary')]);
}

async function lmgCase(k, dir) {
  const data = ratings(1000, k, 2);
  const csv = writeCsv(join(dir, `lmg-k${k}.csv`), data);
  const ours = await timeOurs(() => relativeImportance(data.X, data.y, { method: 'lmg' }), { runs: 5, check: lmgCheck });
  const relaimpo =
    k <= 14 || sizes.relaimpoK20
      ? runAnchor('relaimpo calc.relimp lmg', { tool: tools.R, script: 'relaimpo-lmg.R', csv, ...(k > 14 ? { runs: 1, warmup: 0 } : {}) })
      : { name: 'relaimpo calc.relimp lmg', skipped: '--quick' };
  const floors = k === 14 ? [ratioAtMost('relaimpo calc.relimp lmg', 0.01, 'ours <= 1/100 x relaimpo')] : [oursAtMost('medianMs', 1000, 'ours <= 1 s')];
  return compare('exact LMG, relativeImportance(method lmg)', { n: 1000, k }, ours, [relaimpo], floors);
}

/**
 * Issue 20, floor 4: exact LMG at k = 14, n = 1,000 as the first call in a fresh process (no
 * warm-up), against relaimpo on the same data in this run (the k = 14 case's anchor, or its own
 * run when that case was skipped). Median over `firstCalls` fresh processes; each also reports
 * how long importing the package took (not part of the call).
 */
function lmgFirstCallCase(dir, relaimpo) {
  const runs = Array.from({ length: sizes.firstCalls }, () => {
    const child = spawnSync(process.execPath, [here('lmg-first-call.mjs')], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`bench/lmg-first-call.mjs failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1));
  });
  const calls = runs.map((r) => r.firstCallMs).sort((a, b) => a - b);
  const imports = runs.map((r) => r.importMs).sort((a, b) => a - b);
  const cpu = runs.map((r) => r.firstCallCpuMs).sort((a, b) => a - b);
  const ours = {
    medianMs: calls[Math.floor(calls.length / 2)],
    minMs: calls[0],
    medianCpuMs: cpu[Math.floor(cpu.length / 2)],
    runs: calls.length,
    importMedianMs: imports[Math.floor(imports.length / 2)],
    check: runs[0]?.check,
  };
  let anchor = relaimpo;
  if (anchor === undefined) {
    const csv = writeCsv(join(dir, 'lmg-first-k14.csv'), ratings(1000, 14, 2));
    anchor = runAnchor('relaimpo calc.relimp lmg', { tool: tools.R, script: 'relaimpo-lmg.R', csv });
  }
  return compare('exact LMG, first call in a fresh process (no warm-up)', { n: 1000, k: 14 }, ours, [anchor], [ratioAtMost('relaimpo calc.relimp lmg', 0.01, 'ours <= 1/100 x relaimpo')]);
}

/**
 * Issue 20, floor 3: bootstrapImportanceParallel, LMG, k = 20, n = 10,000, 1,000 resamples with
 * BCa intervals (the jackknife included), concurrency 2; one run (a warm-up would be a run as
 * long). Also timed with bca: false (percentile intervals only, no jackknife).
 */
async function bootstrap20Case() {
  const data = ratings(sizes.bootstrap20Rows, 20, 4);
  const options = { method: 'lmg', replicates: sizes.replicates, seed: 1, concurrency: 2 };
  const ours = await timeOurs(() => bootstrapImportanceParallel(data.X, data.y, options), { runs: 1, warmup: 0, check: (r) => ({ rSquared: r.rSquared, bcaLower: r.estimates[0].bca.lower }) });
  const percentileOnly = await timeOurs(() => bootstrapImportanceParallel(data.X, data.y, { ...options, bca: false }), { runs: 1, warmup: 0 });
  return compare(
    'bootstrapImportanceParallel LMG with BCa, concurrency 2',
    { n: data.X.length, k: 20, replicates: sizes.replicates },
    { ...ours, percentileOnlyMs: percentileOnly.medianMs, percentileOnlyCpuMs: percentileOnly.medianCpuMs },
    [],
    [oursAtMost('medianMs', 15_000, 'ours <= 15 s')],
  );
}

const lmgCheck = (result) => ({ rSquared: result.rSquared, lmgSum: Object.values(result.importance).reduce((a, b) => a + b, 0) });

/** k = 25 in a child process, so that its peak RSS is its own. */
function lmgLargeCase() {
  const ours = runChild('lmg25');
  return compare(
    'exact LMG, relativeImportance(method lmg), own process',
    { n: 1000, k: 25 },
    ours,
    [],
    [oursAtMost('medianMs', 60_000, 'ours <= 60 s'), oursAtMost('peakRssMiB', 1024, 'peak RSS <= 1 GiB')],
  );
}

async function bootstrapCase(dir) {
  const data = ratings(1000, 10, 3);
  const csv = writeCsv(join(dir, 'bootstrap-k10.csv'), data);
  const replicates = sizes.replicates;
  const ours = await timeOurs(() => bootstrapImportance(data.X, data.y, { method: 'lmg', replicates, seed: 1 }), {
    runs: 1,
    check: (result) => ({ rSquared: result.rSquared }),
  });
  const relaimpo = runAnchor('relaimpo boot.relimp + booteval.relimp perc', {
    tool: tools.R,
    script: 'relaimpo-boot.R',
    csv,
    runs: 1,
    warmup: 0,
    extra: [replicates],
  });
  return compare('bootstrap of LMG, percentile intervals', { n: 1000, k: 10, replicates }, ours, [relaimpo], [ratioAtMost(relaimpo.name, 1 / 50, 'ours <= 1/50 x relaimpo boot.relimp')]);
}

const surveyCheck = (survey) => ({ rows: survey.n, sum: [...survey.ratings.values()].reduce((total, column) => column.reduce((a, b) => a + b, total), 0) });

async function ingestCase(data, csv) {
  const ours = await timeOurs(() => readSurveyFile(csv, surveySpec(data)), { check: surveyCheck });
  const pandas = runAnchor('pandas read_csv', { tool: () => tools.python(['pandas']), script: 'pandas_read_csv.py', csv });
  return compare('readSurveyFile(path, spec)', { n: data.X.length, columns: data.names.length }, ours, [pandas], [ratioAtMost('pandas read_csv', 1, 'ours <= 1 x pandas read_csv')]);
}

/** Streaming accumulation of a large file (the 1M-row body repeated) in a child process. */
function streamingCase(data, dir) {
  const copies = sizes.streamRows / data.X.length;
  const csv = writeCsv(join(dir, 'stream.csv'), data, copies);
  const ours = runChild('stream', csv, JSON.stringify(surveySpec(data)));
  rmSync(csv);
  return compare('accumulateSurveyFile(path, spec), streaming, own process', { n: ours.rows, columns: data.names.length }, ours, [], [oursAtMost('peakRssMiB', 300, 'peak RSS <= 300 MiB')]);
}

/** How our cost grows: OLS over n (k = 20) and over k (n = 1e5); exact LMG over k (n = 1000). */
async function growth(big) {
  const olsOverN = [];
  for (const n of sizes.growthRows) {
    const X = big.X.slice(0, n);
    const y = big.y.slice(0, n);
    olsOverN.push({ n, k: 20, ...(await timeOurs(() => ols(X, y))) });
    log(JSON.stringify({ growth: 'ols', ...olsOverN.at(-1) }));
  }
  const olsOverK = [];
  for (const k of [5, 10, 20]) {
    const data = ratings(100_000, k, 5);
    olsOverK.push({ n: 100_000, k, ...(await timeOurs(() => ols(data.X, data.y))) });
    log(JSON.stringify({ growth: 'ols', ...olsOverK.at(-1) }));
  }
  const lmgOverK = [];
  for (const k of [10, 14, 18, 20]) {
    const data = ratings(1000, k, 2);
    lmgOverK.push({ n: 1000, k, subsets: 2 ** k, ...(await timeOurs(() => relativeImportance(data.X, data.y, { method: 'lmg' }), { runs: 5 })) });
    log(JSON.stringify({ growth: 'lmg', ...lmgOverK.at(-1) }));
  }
  return { olsOverN, olsOverK, lmgOverK };
}

// ---------------------------------------------------------------------------------------------
// Child processes: a case whose peak RSS must be its own.

function runChild(name, ...args) {
  log(`child ${name} ...`);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, ...args], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench child ${name} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

const peakRssMiB = () => round(process.resourceUsage().maxRSS / 1024, 0);

async function child(name, args) {
  if (name === 'lmg25') {
    const data = ratings(1000, 25, 2);
    const ours = await timeOurs(() => relativeImportance(data.X, data.y, { method: 'lmg' }), { runs: 3, warmup: 0 });
    return { ...ours, peakRssMiB: peakRssMiB() };
  }
  if (name === 'stream') {
    const [csv, spec] = args;
    const start = performance.now();
    const { report } = await accumulateSurveyFile(csv, JSON.parse(spec));
    return { medianMs: round(performance.now() - start), runs: 1, rows: report.rowsRead, peakRssMiB: peakRssMiB() };
  }
  throw new Error(`unknown bench child ${name}`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'peak-end-bench-'));
  const started = { date: new Date().toISOString(), loadAverage: loadavg().map((v) => round(v, 2)) };
  log(`data in ${dir}`);
  try {
    const big = ratings(sizes.olsRows, 20, 1);
    const csv = writeCsv(join(dir, 'survey.csv'), big);
    const cases = [];
    if (wanted('ols')) cases.push(await olsCase(big, csv));
    if (wanted('ingest')) cases.push(await ingestCase(big, csv));
    if (wanted('stream')) cases.push(streamingCase(big, dir));
    const growthSection = wanted('growth') ? await growth(big) : null;
    if (wanted('lmg')) for (const k of [14, 20]) cases.push(await lmgCase(k, dir));
    if (wanted('lmgfirst')) {
      const k14 = cases.find((c) => c.case.startsWith('exact LMG, relativeImportance') && c.k === 14);
      cases.push(lmgFirstCallCase(dir, k14?.anchors[0]?.skipped === undefined ? k14?.anchors[0] : undefined));
    }
    if (wanted('lmg')) cases.push(lmgLargeCase());
    if (wanted('bootstrap')) cases.push(await bootstrapCase(dir));
    if (wanted('bootstrap20')) cases.push(await bootstrap20Case());
    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version };
    const finished = { date: new Date().toISOString(), loadAverage: loadavg().map((v) => round(v, 2)) };
    const data = 'seeded synthetic 5-point ratings (createRng), written to one temporary CSV per case that its anchors read';
    console.log(JSON.stringify({ quick, machine, started, finished, data, cases, growth: growthSection }, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childIndex = process.argv.indexOf('--child');
if (childIndex >= 0) {
  console.log(JSON.stringify(await child(process.argv[childIndex + 1], process.argv.slice(childIndex + 2))));
} else {
  await main();
}
