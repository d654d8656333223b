// The worker script must also run from the built package: build the real tsup config (without
// type declarations) into a scratch folder inside the repository (so dependencies resolve), then
// run the parallel functions from its ESM and CommonJS entries in fresh Node processes. Each child
// must exit by itself: a worker left running would keep it alive until the timeout.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/random/rng.js';

const root = join(import.meta.dirname, '..', '..');
let out = '';

beforeAll(async () => {
  out = mkdtempSync(join(root, '.test-build-'));
  await build({ outDir: out, dts: false, silent: true, sourcemap: false });
}, 120_000);

afterAll(() => {
  if (out !== '') rmSync(out, { recursive: true, force: true });
});

const body = `
const rng = createRng(3);
const X = Array.from({ length: 200 }, () => { const c = rng.next(); return Array.from({ length: 4 }, () => Math.round(1 + 4 * (0.6 * c + 0.4 * rng.next()))); });
const y = X.map((r) => r.reduce((s, v) => s + v, 0) + 3 * rng.next());
const o = { method: 'lmg', replicates: 60, seed: 2 };
(async () => {
  const serial = JSON.stringify(bootstrapImportance(X, y, o));
  const parallel = JSON.stringify(await bootstrapImportanceParallel(X, y, { ...o, concurrency: 2 }));
  let stopped = null;
  try {
    await bootstrapImportanceParallel(X, y, { ...o, concurrency: 2, onProgress: ({ completed }) => { if (completed === 3) throw new Error('stop'); } });
  } catch (error) { stopped = error.message; }
  let invalid = null;
  try { await bootstrapImportanceParallel(X, y, { ...o, concurrency: -1 }); } catch (error) { invalid = error instanceof InvalidArgumentError ? error.code : String(error); }
  console.log(JSON.stringify({ same: serial === parallel, stopped, invalid }));
})();
`;

describe('the built package', () => {
  for (const format of ['esm', 'cjs'] as const) {
    it(`runs bootstrapImportanceParallel on worker threads from the ${format === 'esm' ? 'ESM' : 'CommonJS'} build and exits when done`, () => {
      const script =
        format === 'esm'
          ? `import { bootstrapImportance, createRng, InvalidArgumentError } from ${JSON.stringify(join(out, 'index.js'))};\nimport { bootstrapImportanceParallel } from ${JSON.stringify(join(out, 'node.js'))};\n${body}`
          : `const { bootstrapImportance, createRng, InvalidArgumentError, bootstrapImportanceParallel } = require(${JSON.stringify(join(out, 'node.cjs'))});\n${body}`;
      const file = join(out, `child.${format === 'esm' ? 'mjs' : 'cjs'}`);
      writeFileSync(file, script);
      const output = execFileSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
      expect(JSON.parse(output.trim())).toEqual({ same: true, stopped: 'stop', invalid: 'invalid_argument' });
    }, 90_000);
  }

  it('runs the CLI on a file of 60,000 rows on two threads (a helper thread from dist/parallel-worker.js) with the one-thread report, and exits by itself', () => {
    const rng = createRng(9);
    const lines = ['t1,t2,t3,t4,t5,t6,t7,t8,t9,t10,overall'];
    for (let i = 0; i < 60_000; i++) {
      const common = rng.next();
      const row = Array.from({ length: 10 }, () => Math.round(1 + 4 * (0.6 * common + 0.4 * rng.next())));
      lines.push([...row, Math.round(1 + 4 * common)].join(','));
    }
    const csv = join(out, 'sixty-thousand.csv');
    writeFileSync(csv, `${lines.join('\n')}\n`);
    const cli = execFileSync(process.execPath, [join(out, 'cli.js'), 'analyze', csv, '--overall', 'overall', '--scale', '1-5', '--json'], {
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const script = `import { analyze } from ${JSON.stringify(join(out, 'index.js'))};
import { readSurveyFile } from ${JSON.stringify(join(out, 'node.js'))};
const spec = { touchpoints: Array.from({ length: 10 }, (_, j) => 't' + (j + 1)), overall: 'overall', scale: { min: 1, max: 5 } };
console.log(JSON.stringify(analyze(await readSurveyFile(${JSON.stringify(csv)}, spec), { peakEnd: { seed: 1 } }), null, 2));`;
    const file = join(out, 'one-thread.mjs');
    writeFileSync(file, script);
    const serial = execFileSync(process.execPath, [file], { encoding: 'utf8', timeout: 60_000 });
    expect(cli.length).toBeGreaterThan(1000);
    expect(cli.trim()).toBe(serial.trim());
  }, 120_000);
});
