// Issue 20, floor 3: how much the delete-a-group jackknife (G groups) moves the BCa acceleration
// against the delete-one jackknife, on seeded 5-point ratings (n = 2,000, k = 8, LMG). For each
// predictor: delete-one a, then a over 20 random groupings into G groups: mean and standard
// deviation, and the shift that standard deviation causes in the BCa quantile level at
// 0.025 (about phi(z) (z0 + z)^2 sd(a) with z0 = 0), beside the Monte Carlo standard deviation
// of that level from B = 1,000 resamples (sqrt(0.025 x 0.975 / B)).
// Usage: npm run build && node bench/jackknife-groups.mjs   (bundles src/importance/bootstrap.ts with esbuild)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ratings } from './ratings.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'peak-end-jackknife-'));
try {
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(join(root, 'node_modules/.bin/esbuild'), [
    join(root, 'src/importance/bootstrap.ts'),
    '--bundle',
    '--format=esm',
    '--platform=node',
    '--packages=external',
    `--outfile=${join(dir, 'b.mjs')}`,
    '--log-level=warning',
  ]);
  const { planBootstrap, jackknifeRange, jackknifeAccelerationOf } = await import(join(dir, 'b.mjs'));
  const { X, y } = ratings(2000, 8, 11);
  const accelerations = (plan) => {
    const { work } = plan;
    const p = work.labels.length;
    const block = jackknifeRange(work, 0, work.groups);
    return work.labels.map((_, j) => jackknifeAccelerationOf(Array.from({ length: work.groups }, (_, g) => block.values[g * p + j])));
  };
  // Delete-one: n groups (as for n <= 200), by a plan whose groups are replaced.
  const base = planBootstrap(X, y, { method: 'lmg', seed: 1 });
  const n = base.work.data.n;
  const deleteOne = accelerations({ ...base, work: { ...base.work, groups: n, groupOf: Int32Array.from({ length: n }, (_, i) => i) } });
  const z = 1.959964;
  const phi = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const rows = [];
  for (const replicates of [1000, 4000]) {
    const grouped = Array.from({ length: 20 }, (_, s) => accelerations(planBootstrap(X, y, { method: 'lmg', seed: 100 + s, replicates })));
    const groups = planBootstrap(X, y, { method: 'lmg', seed: 1, replicates }).work.groups;
    base.work.labels.forEach((name, j) => {
      const values = grouped.map((a) => a[j]);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
      rows.push({
        replicates,
        groups,
        predictor: name,
        deleteOne: Number(deleteOne[j].toPrecision(3)),
        groupedMean: Number(mean.toPrecision(3)),
        groupedSd: Number(sd.toPrecision(3)),
        levelShift: Number((phi * z * z * sd).toPrecision(2)),
        monteCarloLevelSd: Number(Math.sqrt((0.025 * 0.975) / replicates).toPrecision(2)),
      });
    });
  }
  console.log(JSON.stringify({ n, k: 8, rows }, null, 1));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
