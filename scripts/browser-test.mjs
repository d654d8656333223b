// Browser test of the HTML report (run after `npm run build`; needs Debian's chromium, which
// .ci/run installs): opens the Zhijiang report and a report of hostile column names in headless
// Chromium, checks that nothing logs an error, every chart rendered marks, and no script ran;
// saves a screenshot to docs/img/report.png. Exits non-zero on any failure.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { analyze, readSurvey } from '../dist/index.js';
import { zhijiangSpec } from '../dist/zhijiang.js';
import { readSurveyFile, renderReportHtml } from '../dist/node.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'peak-end-browser-'));
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? 'ok ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};

const zhijiang = analyze(await readSurveyFile(join(root, 'fixtures/zhijiang/zhijiang.csv'), zhijiangSpec()), { keyDrivers: { bootstrap: { replicates: 200, seed: 1 } } });
const evilNames = ['<script>window.__pwned=1;alert(1)</script>', '"><img src=x onerror="window.__pwned=1">', "'><svg onload=window.__pwned=1>", '=HYPERLINK("http://x")'];
const rows = [[4, 3, 5, 4, 4], [2, 3, 4, 3, 3], [5, 4, 4, 5, 5], [3, 2, 3, 2, 3], [4, 5, 2, 4, 4], [1, 2, 2, 1, 2], [5, 5, 4, 4, 5], [3, 4, 5, 4, 4], [2, 2, 3, 3, 2], [4, 4, 4, 5, 4]];
const quote = (s) => `"${s.replace(/"/g, '""')}"`;
const evilCsv = [[...evilNames, 'overall'].map(quote).join(','), ...rows.map((r) => r.join(','))].join('\n');
const evil = analyze(readSurvey(evilCsv, { touchpoints: evilNames.map((column) => ({ column, label: column })), overall: 'overall', scale: { min: 1, max: 5 } }));

const pages = [
  ['zhijiang (en)', await renderReportHtml(zhijiang)],
  ['zhijiang (zh-CN)', await renderReportHtml(zhijiang, { locale: 'zh-CN' })],
  ['hostile column names', await renderReportHtml(evil)],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // Control: the detector must see a script that does run (a page without escaping or CSP).
  {
    const control = await browser.newPage();
    await control.setContent('<img src="x" onerror="window.__pwned=1">');
    await control.waitForFunction(() => window.__pwned === 1, null, { timeout: 5000 }).catch(() => undefined);
    check((await control.evaluate(() => window.__pwned)) === 1, 'control: an unescaped handler does run, so the checks below can see one');
    await control.close();
  }
  for (const [label, html] of pages) {
    const file = join(dir, `${label.replace(/\W+/g, '-')}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const errors = [];
    let dialogs = 0;
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', async (d) => {
      dialogs++;
      await d.dismiss();
    });
    await page.goto(`file://${file}`);
    const charts = await page.$$eval('figure.chart', (figures) => figures.map((f) => ({ chart: f.dataset.chart, marks: f.querySelectorAll('svg .role-mark > *').length })));
    check(errors.length === 0, `${label}: no console errors${errors.length ? ` (${errors.join('; ')})` : ''}`);
    check(charts.length === 4 && charts.every((c) => c.marks > 0), `${label}: 4 charts rendered with marks (${charts.map((c) => `${c.chart} ${c.marks}`).join(', ')})`);
    check(dialogs === 0 && (await page.evaluate(() => window.__pwned)) === undefined, `${label}: no script from the data ran`);
    if (label === 'zhijiang (en)') {
      await page.screenshot({ path: join(root, 'docs/img/report.png'), clip: { x: 0, y: 0, width: 1100, height: 1400 } });
      console.log('     screenshot saved to docs/img/report.png');
    }
    await page.close();
  }
} finally {
  await browser.close();
}
if (failures.length > 0) {
  console.error(`${failures.length} browser check(s) failed.`);
  process.exit(1);
}
