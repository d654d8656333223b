// Smoke tests of the built package (run after `npm run build`): the core import works under
// Node (ESM and CJS), Deno and Bun, the CLI runs, and the core bundles for browsers with no
// Node built-ins. Exits non-zero on the first failure.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
// slope: (x - 2.5)'(y - 5) / |x - 2.5|^2 = 9.7 / 5 by hand.
const expected = { n: 3, meanPrice: 3, rowsRead: 3, algorithm: 'cholesky', slope: 1.94 };
const script = join(root, 'scripts', 'smoke-runtime.mjs');

function check(label, output) {
  const got = JSON.parse(output.trim().split('\n').pop());
  if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`${label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  console.log(`ok  ${label}`);
}

check('node ESM', execFileSync(process.execPath, [script], { encoding: 'utf8' }));

const require = createRequire(import.meta.url);
const cjs = require(join(root, 'dist', 'index.cjs'));
const survey = cjs.readSurvey('a,o\n1,2\n3,4\n5,5\n', { touchpoints: ['a'], overall: 'o', scale: { min: 1, max: 5 } });
const cjsFit = cjs.ols([[1], [2], [3], [4]], [2.1, 3.9, 6.2, 7.8], { algorithm: 'cholesky' });
check('node CJS', JSON.stringify({ n: survey.n, meanPrice: cjs.describeSurvey(survey).items[0].mean, rowsRead: 3, algorithm: cjsFit.algorithm, slope: Number(cjsFit.coefficients[1].estimate.toFixed(10)) }));
const nodeEntry = await import(join(root, 'dist', 'node.js'));
if (typeof nodeEntry.readSurveyFile !== 'function') throw new Error('peak-end/node does not export readSurveyFile');
console.log('ok  peak-end/node exports readSurveyFile');
{
  // peak-end/zhijiang: the study's data and reproduction, ESM and CJS; the core no longer carries them.
  const zhijiang = await import(join(root, 'dist', 'zhijiang.js'));
  const zhijiangCjs = require(join(root, 'dist', 'zhijiang.cjs'));
  for (const entry of [zhijiang, zhijiangCjs]) {
    if (typeof entry.reproduceZhijiang !== 'function' || typeof entry.zhijiangSpec !== 'function' || typeof entry.formatReproductionText !== 'function') throw new Error('peak-end/zhijiang lacks its exports');
  }
  if (zhijiang.zhijiangSpec().touchpoints.length === 0) throw new Error('peak-end/zhijiang zhijiangSpec() has no touchpoints');
  if ('reproduceZhijiang' in cjs || 'ZHIJIANG_PUBLISHED' in cjs) throw new Error('the core entry still exports the Zhijiang study');
  console.log('ok  peak-end/zhijiang exports the study (ESM and CJS); the core does not carry it');
}
{
  // Worker threads from the built package: dist/parallel-worker.js must be found and give the
  // synchronous result.
  const X = [[1, 2], [2, 1], [3, 5], [4, 3], [5, 4], [2, 2], [4, 5], [1, 1]];
  const y = [1, 2, 4, 3, 5, 2, 5, 1];
  const options = { method: 'lmg', replicates: 20, seed: 3 };
  const parallel = await nodeEntry.bootstrapImportanceParallel(X, y, { ...options, concurrency: 2 });
  if (JSON.stringify(parallel) !== JSON.stringify(cjs.bootstrapImportance(X, y, options))) throw new Error('bootstrapImportanceParallel differs from bootstrapImportance');
  console.log('ok  peak-end/node bootstrapImportanceParallel on worker threads');
}

check('deno', execFileSync(bin('deno'), ['run', '--quiet', '--allow-read', '--allow-env', script], { encoding: 'utf8', cwd: root }));
check('bun', execFileSync(bin('bun'), [script], { encoding: 'utf8', cwd: root }));

await build({
  entryPoints: [join(root, 'dist', 'index.js')],
  bundle: true,
  platform: 'browser',
  format: 'esm',
  write: false,
  logLevel: 'silent',
});
console.log('ok  browser bundle (esbuild, platform browser, no Node built-ins)');

const help = execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' });
if (!/^\d+\.\d+\.\d+/.test(help.trim())) throw new Error(`CLI --version printed ${help}`);
console.log('ok  CLI runs');
