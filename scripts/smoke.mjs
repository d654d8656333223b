// Smoke tests of the packed package (run after `npm run build`): `npm pack`, then an npm install
// of the tarball into a fresh project (dependencies from the npm cache that `npm ci` filled), and
// from there the core import works under Node (ESM and CJS), Deno (with --allow-read only: from
// the project, from a notebook folder through an `npm:` specifier and through an import map,
// and from the package's own folder) and Bun; the CLI runs; and the core bundles for browsers
// with no Node built-ins. Exits non-zero on the first failure.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { installPackedPackage } from './smoke-install.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// slope: (x - 2.5)'(y - 5) / |x - 2.5|^2 = 9.7 / 5 by hand.
const data = { n: 3, meanPrice: 3, rowsRead: 3, algorithm: 'cholesky', slope: 1.94 };
const display = { bundle: ['application/vnd.vegalite.v5+json', 'text/html', 'text/plain'], svg: true };
const expected = { ...data, ...display };

function check(label, output, want = expected) {
  const got = JSON.parse(output.trim().split('\n').pop());
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${label}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  console.log(`ok  ${label}`);
}

// The tarball, installed as a user would.
const { work, project, installed } = installPackedPackage(root);
try {
  const script = join(project, 'smoke-runtime.mjs');
  cpSync(join(root, 'scripts', 'smoke-runtime.mjs'), script);
  const run = (command, args, cwd = project) => execFileSync(command, args, { encoding: 'utf8', cwd });

  check('node ESM', run(process.execPath, [script, 'peak-end']));

  const require = createRequire(join(project, 'index.cjs'));
  const cjs = require('peak-end');
  const survey = cjs.readSurvey('a,o\n1,2\n3,4\n5,5\n', { touchpoints: ['a'], overall: 'o', scale: { min: 1, max: 5 } });
  const cjsFit = cjs.ols([[1], [2], [3], [4]], [2.1, 3.9, 6.2, 7.8], { algorithm: 'cholesky' });
  check('node CJS', JSON.stringify({ n: survey.n, meanPrice: cjs.describeSurvey(survey).items[0].mean, rowsRead: 3, algorithm: cjsFit.algorithm, slope: Number(cjsFit.coefficients[1].estimate.toFixed(10)) }), data);
  const nodeEntry = await import(join(installed, 'dist', 'node.js'));
  if (typeof nodeEntry.readSurveyFile !== 'function') throw new Error('peak-end/node does not export readSurveyFile');
  if (typeof require('peak-end/node').readSurveyFile !== 'function') throw new Error("require('peak-end/node') does not export readSurveyFile");
  console.log('ok  peak-end/node exports readSurveyFile (ESM and CJS)');
  {
    // Worker threads from the installed package: dist/parallel-worker.js must be found and give
    // the synchronous result.
    const X = [[1, 2], [2, 1], [3, 5], [4, 3], [5, 4], [2, 2], [4, 5], [1, 1]];
    const y = [1, 2, 4, 3, 5, 2, 5, 1];
    const options = { method: 'lmg', replicates: 20, seed: 3 };
    const parallel = await nodeEntry.bootstrapImportanceParallel(X, y, { ...options, concurrency: 2 });
    if (JSON.stringify(parallel) !== JSON.stringify(cjs.bootstrapImportance(X, y, options))) throw new Error('bootstrapImportanceParallel differs from bootstrapImportance');
    console.log('ok  peak-end/node bootstrapImportanceParallel on worker threads');
  }

  // Deno with --allow-read only (no --allow-env): nothing the core imports reads the environment.
  const deno = (args, cwd) => run(bin('deno'), ['run', '--quiet', '--allow-read', ...args], cwd);
  check('deno: bare specifier in the npm project', deno([script, 'peak-end']));
  const notebooks = join(project, 'notebooks');
  mkdirSync(notebooks);
  check(`deno: npm:peak-end@${version} from a notebook folder`, deno([script, `npm:peak-end@${version}`], notebooks));
  writeFileSync(join(project, 'deno.json'), JSON.stringify({ imports: { pe: `npm:peak-end@^${version}` } }));
  check('deno: import map to an npm: specifier', deno([script, 'pe'], notebooks));
  rmSync(join(project, 'deno.json'));
  check('deno: from the package folder', deno([script, pathToFileURL(join(installed, 'dist', 'index.js')).href], installed));
  check('bun', run(bin('bun'), [script, 'peak-end']));

  await build({
    entryPoints: [join(installed, 'dist', 'index.js')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    absWorkingDir: project,
  });
  console.log('ok  browser bundle (esbuild, platform browser, no Node built-ins)');

  const help = run(process.execPath, [join(installed, 'dist', 'cli.js'), '--version']);
  if (help.trim() !== version) throw new Error(`CLI --version printed ${help}`);
  console.log('ok  CLI runs');
} finally {
  rmSync(work, { recursive: true, force: true });
}
