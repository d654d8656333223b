// Smoke tests of the packed package (run after `npm run build`): `npm pack`, then an npm install
// of the tarball into a fresh project (dependencies from the npm cache that `npm ci` filled), and
// from there the core import works under Node (ESM and CJS), Deno (with --allow-read only: from
// the project, from a notebook folder through an `npm:` specifier and through an import map,
// and from the package's own folder) and Bun; the CLI runs; and the core bundles for browsers
// with no Node built-ins. Exits non-zero on the first failure.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  check(
    'node CJS',
    JSON.stringify({ n: survey.n, meanPrice: cjs.describeSurvey(survey).items[0].mean, rowsRead: 3, algorithm: cjsFit.algorithm, slope: Number(cjsFit.coefficients[1].estimate.toFixed(10)) }),
    data,
  );
  const nodeEntry = await import(join(installed, 'dist', 'node.js'));
  if (typeof nodeEntry.readSurveyFile !== 'function') throw new Error('peak-end/node does not export readSurveyFile');
  if (typeof require('peak-end/node').readSurveyFile !== 'function') throw new Error("require('peak-end/node') does not export readSurveyFile");
  console.log('ok  peak-end/node exports readSurveyFile (ESM and CJS)');
  {
    // peak-end/zhijiang: the study's data and reproduction, ESM and CJS; the core no longer carries them.
    const zhijiang = await import(join(installed, 'dist', 'zhijiang.js'));
    for (const entry of [zhijiang, require('peak-end/zhijiang')]) {
      if (typeof entry.reproduceZhijiang !== 'function' || typeof entry.zhijiangSpec !== 'function' || typeof entry.formatReproductionText !== 'function')
        throw new Error('peak-end/zhijiang lacks its exports');
    }
    if (zhijiang.zhijiangSpec().touchpoints.length === 0) throw new Error('peak-end/zhijiang zhijiangSpec() has no touchpoints');
    if ('reproduceZhijiang' in cjs || 'ZHIJIANG_PUBLISHED' in cjs) throw new Error('the core entry still exports the Zhijiang study');
    console.log('ok  peak-end/zhijiang exports the study (ESM and CJS); the core does not carry it');
  }
  {
    // Worker threads from the installed package: dist/parallel-worker.js must be found and give
    // the synchronous result.
    const X = [
      [1, 2],
      [2, 1],
      [3, 5],
      [4, 3],
      [5, 4],
      [2, 2],
      [4, 5],
      [1, 1],
    ];
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

  // Observable and other browser notebooks: the core reads CSV text (csv-parse's browser build,
  // through package.json's "browser" field, since its Node build needs Buffer) and reportElement
  // builds the report with its charts as SVG in a real DOM (headless Chromium, which .ci/run
  // installs; skipped where there is none).
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromiumPath)) {
    const page = await build({
      stdin: {
        contents: `import { analyze, readSurvey, reportElement } from 'peak-end';
const survey = readSurvey('a,b,c,o\\n4,3,5,4\\n2,3,4,3\\n5,4,4,5\\n3,2,3,2\\n4,5,2,4\\n1,2,2,1\\n5,5,4,4\\n3,4,5,4\\n2,2,3,3\\n4,4,4,5\\n', { touchpoints: ['a', 'b', 'c'], overall: 'o', scale: { min: 1, max: 5 } });
const element = await reportElement(analyze(survey));
document.body.append(element);
window.__result = { tag: element.tagName, svgs: element.querySelectorAll('figure.chart svg').length, marks: element.querySelectorAll('svg .role-mark > *').length, tables: element.querySelectorAll('table').length };`,
        resolveDir: project,
        loader: 'js',
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const tab = await browser.newPage();
      const errors = [];
      tab.on('pageerror', (e) => errors.push(String(e.stack ?? e).slice(0, 600)));
      tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await tab.setContent('<!doctype html><html><body></body></html>');
      await tab.addScriptTag({ content: page.outputFiles[0].text, type: 'module' });
      const result = await tab
        .waitForFunction(() => window.__result, null, { timeout: 60_000 })
        .then(
          (h) => h.jsonValue(),
          (error) => ({ error: String(error) }),
        );
      if (errors.length > 0 || result.tag !== 'DIV' || result.svgs !== 4 || result.marks === 0 || result.tables < 3)
        throw new Error(`reportElement in Chromium: ${JSON.stringify(result)} ${errors.join('; ')}`);
      console.log(`ok  reportElement in headless Chromium: a div with ${result.tables} tables and ${result.svgs} SVG charts (${result.marks} marks)`);
    } finally {
      await browser.close();
    }
  } else {
    console.log(`skip reportElement in a browser (no Chromium at ${chromiumPath})`);
  }

  const help = run(process.execPath, [join(installed, 'dist', 'cli.js'), '--version']);
  if (help.trim() !== version) throw new Error(`CLI --version printed ${help}`);
  console.log('ok  CLI runs');
} finally {
  rmSync(work, { recursive: true, force: true });
}
