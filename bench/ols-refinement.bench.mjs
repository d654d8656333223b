// Issue 20, floor 5's cost side: well-conditioned survey fits must not get more than 10% slower
// from the double-double refinement of ill-conditioned QR fits. Times `ols` of the built package
// (dist/) against `ols` of a baseline commit (default: the merge-base with main), both bundled
// from their sources by esbuild into a temporary folder, alternating calls on the same data, and
// reports the NIST Wampler5 fit (which the refinement targets) for both.
// Usage: npm run build && node bench/ols-refinement.bench.mjs [--baseline <git ref>] [--runs 41]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ols } from '../dist/index.js';
import { ratings } from './ratings.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const flag = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const baseRef = flag('--baseline', execFileSync('git', ['merge-base', 'main', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim());
const runs = Number(flag('--runs', '41'));

const dir = mkdtempSync(join(tmpdir(), 'peak-end-ols-baseline-'));
try {
  execFileSync('sh', ['-c', `git archive ${baseRef} src | tar -x -C ${dir}`], { cwd: root });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(
    join(root, 'node_modules/.bin/esbuild'),
    [join(dir, 'src/regression/ols.ts'), '--bundle', '--format=esm', '--platform=neutral', '--packages=external', `--outfile=${join(dir, 'baseline.mjs')}`, '--log-level=warning'],
    { cwd: dir },
  );
  const baseline = (await import(join(dir, 'baseline.mjs'))).ols;

  const cases = [
    { name: 'survey ratings, QR path', n: 1000, k: 10, algorithm: 'qr' },
    { name: 'survey ratings, QR path', n: 5000, k: 20, algorithm: 'qr' },
    { name: 'survey ratings, auto (normal equations)', n: 100_000, k: 20, algorithm: 'auto' },
  ];
  const results = [];
  for (const c of cases) {
    const { X, y } = ratings(c.n, c.k, 7);
    const times = { current: [], baseline: [] };
    const fns = { current: () => ols(X, y, { algorithm: c.algorithm }), baseline: () => baseline(X, y, { algorithm: c.algorithm }) };
    for (let w = 0; w < 3; w++) for (const f of Object.values(fns)) f();
    const reps = c.n >= 100_000 ? Math.min(runs, 11) : runs;
    for (let r = 0; r < reps; r++) {
      for (const which of r % 2 === 0 ? ['current', 'baseline'] : ['baseline', 'current']) {
        const start = performance.now();
        fns[which]();
        times[which].push(performance.now() - start);
      }
    }
    const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
    const current = median(times.current);
    const base = median(times.baseline);
    results.push({ ...c, runs: reps, currentMedianMs: Number(current.toFixed(3)), baselineMedianMs: Number(base.toFixed(3)), ratio: Number((current / base).toFixed(3)) });
    process.stderr.write(`${JSON.stringify(results.at(-1))}\n`);
  }
  // What the refinement buys: NIST Wampler5 (coefficients certified as exactly 1).
  const w5 = JSON.parse(readFileSync(join(root, 'fixtures/nist/Wampler5.json'), 'utf8'));
  const X5 = w5.x.map(([v]) => [v, v ** 2, v ** 3, v ** 4, v ** 5]);
  const lre = (fit) => Math.min(...fit.coefficients.map((c) => (c.estimate === 1 ? 15 : -Math.log10(Math.abs(c.estimate - 1)))));
  const wampler5 = { currentLre: Number(lre(ols(X5, w5.y)).toFixed(1)), baselineLre: Number(lre(baseline(X5, w5.y)).toFixed(1)) };
  console.log(JSON.stringify({ node: process.version, baseline: baseRef, loadAverage: loadavg().map((v) => Number(v.toFixed(2))), results, wampler5 }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
