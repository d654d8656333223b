// Runs docs/zhijiang.ipynb in real Jupyter with Deno's kernel (run after `npm run build`; needs
// Debian's jupyter-nbconvert and python3-ipykernel and the kernel registered with
// `deno jupyter --install`, which .ci/run does): installs the packed tarball into a fresh project
// as a user would, executes the notebook there (`jupyter nbconvert --execute --to notebook`),
// exports it to HTML, and checks the outputs: no errors, the Report as HTML tables with its charts
// as inline SVG and as Vega-Lite 5, each chart cell likewise, and the published figures in them.
// `--write` copies the executed notebook back to docs/zhijiang.ipynb. Exits non-zero on failure.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installPackedPackage } from './smoke-install.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VEGA_LITE = 'application/vnd.vegalite.v5+json';
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? 'ok ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};
const text = (value) => (Array.isArray(value) ? value.join('') : String(value ?? ''));

const { work, project } = installPackedPackage(root);
try {
  copyFileSync(join(root, 'docs', 'zhijiang.ipynb'), join(project, 'zhijiang.ipynb'));
  const jupyter = (args) => execFileSync('jupyter', args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // Deno's kernel (2.x) publishes a cell's result from JavaScript while it sends the cell's
  // execute_reply and idle status itself, and nbclient stops listening at idle: now and then a
  // quickly formatted result arrives too late and the cell shows none. Such a run is repeated
  // (up to 4 runs); anything else fails at once.
  let notebook;
  for (let attempt = 1; ; attempt++) {
    try {
      jupyter(['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.kernel_name=deno', '--ExecutePreprocessor.timeout=600', '--output', 'executed.ipynb', 'zhijiang.ipynb']);
    } catch (error) {
      throw new Error(`jupyter nbconvert --execute failed:\n${error.stderr ?? error.message}`);
    }
    notebook = JSON.parse(readFileSync(join(project, 'executed.ipynb'), 'utf8'));
    const missing = notebook.cells.filter((cell) => cell.cell_type === 'code' && cell.outputs.length === 0).length;
    if (missing === 0 || attempt === 4) break;
    console.log(`     run ${attempt}: ${missing} cell(s) lost their result to the kernel's race; running again`);
  }
  jupyter(['nbconvert', '--to', 'html', '--output', 'executed.html', 'executed.ipynb']);
  const code = notebook.cells.filter((cell) => cell.cell_type === 'code');
  const outputs = code.flatMap((cell) => cell.outputs);
  const errors = outputs.filter((o) => o.output_type === 'error');
  check(errors.length === 0, `notebook ran without errors${errors.length ? `: ${errors.map((e) => `${e.ename}: ${e.evalue}`).join('; ')}` : ''}`);
  check(
    code.every((cell) => cell.outputs.some((o) => o.output_type === 'execute_result')),
    `every one of the ${code.length} code cells shows its result`,
  );

  const bundles = outputs.filter((o) => o.output_type === 'execute_result').map((o) => o.data);
  const source = (pattern) => code.findIndex((cell) => pattern.test(text(cell.source)));
  const resultOf = (pattern) => code[source(pattern)]?.outputs.find((o) => o.output_type === 'execute_result')?.data ?? {};

  const tables = bundles.filter((b) => /<table>/.test(text(b['text/html'])) && 'text/markdown' in b && 'text/plain' in b);
  check(tables.length >= 4, `${tables.length} results display as HTML tables with Markdown and text alternatives (describeSurvey, peakEnd, keyDrivers, the report)`);

  const report = resultOf(/^const report = analyze/m);
  const reportHtml = text(report['text/html']);
  check((reportHtml.match(/<figure class="chart"/g) ?? []).length === 4 && (reportHtml.match(/<svg[\s>]/g) ?? []).length === 4, 'the report shows its four charts as inline SVG in text/html');
  check(
    report[VEGA_LITE]?.$schema === 'https://vega.github.io/schema/vega-lite/v5.json' && report[VEGA_LITE]?.vconcat?.length === 4,
    'the report carries its charts as one Vega-Lite 5 spec (application/vnd.vegalite.v5+json)',
  );
  // The published figures (fixtures/zhijiang/published.json): means, and the peak-end prediction 4.64.
  const published = JSON.parse(readFileSync(join(root, 'fixtures', 'zhijiang', 'published.json'), 'utf8'));
  const means = [...published.touchpoints.map((t) => t.mean), published.overall.mean].map((m) => m.toFixed(2));
  check(means.every((m) => reportHtml.includes(`<td class="n">${m}</td>`)) && reportHtml.includes('4.64'), `the report's tables show the published means (${means.join(', ')}) and prediction 4.64`);

  for (const pattern of [/^journeyChart\(report\)/m, /^driverChart\(report\)/m]) {
    const chart = resultOf(pattern);
    check(
      chart[VEGA_LITE]?.$schema === 'https://vega.github.io/schema/vega-lite/v5.json' && /<svg[\s>]/.test(text(chart['text/html'])),
      `${pattern.source.slice(1).replace(/\\/g, '')} displays as Vega-Lite 5 and inline SVG`,
    );
  }
  const interactive = resultOf(/^vegaLite\(/m);
  check(VEGA_LITE in interactive && !('text/html' in interactive), 'vegaLite(chart) displays only the Vega-Lite entry');
  check(
    /16 of 16\*\* published figures and findings reproduced/.test(text(resultOf(/^const reproduction = /m)['text/markdown'])),
    'the reproduction summary shows every published figure and finding reproduced',
  );

  const html = readFileSync(join(project, 'executed.html'), 'utf8');
  check((html.match(/<svg[\s>]/g) ?? []).length >= 6 && html.includes('Distributor meeting'), "nbconvert's HTML export shows the tables and the charts (inline SVG)");

  if (process.argv.includes('--write')) {
    // Without the execution timestamps, so that rerunning changes nothing that did not change.
    for (const cell of notebook.cells) delete cell.metadata.execution;
    writeFileSync(join(root, 'docs', 'zhijiang.ipynb'), `${JSON.stringify(notebook, null, 1)}\n`);
    console.log('     executed notebook written to docs/zhijiang.ipynb');
  }
} finally {
  if (process.env.KEEP_NOTEBOOK_WORK) console.log(work);
  else rmSync(work, { recursive: true, force: true });
}
if (failures.length > 0) {
  console.error(`${failures.length} notebook check(s) failed.`);
  process.exit(1);
}
