// Browser test of the HTML report (run after `npm run build`; needs Debian's chromium, which
// .ci/run installs): opens the Zhijiang report, an ECSI-like report (long touchpoint labels, means
// within 0.7 of each other on 1-10, in English and Chinese) and a report of hostile column names
// in headless Chromium. Checks that nothing logs an error, every chart rendered marks, no script
// ran, no chart text is cut (an ellipsis) or leaves its SVG, and no two text marks overlap. Saves
// docs/img/report.png and one screenshot per chart to $SCREENSHOT_DIR (default: a temp dir).
// Exits non-zero on any failure.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { analyze, readSurvey } from '../dist/index.js';
import { readSurveyFile, renderReportHtml } from '../dist/node.js';
import { zhijiangSpec } from '../dist/zhijiang.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'peak-end-browser-'));
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? 'ok ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};

const zhijiang = analyze(await readSurveyFile(join(root, 'fixtures/zhijiang/zhijiang.csv'), zhijiangSpec()), { keyDrivers: { bootstrap: { replicates: 200, seed: 1 } } });
const evilNames = ['<script>window.__pwned=1;alert(1)</script>', '"><img src=x onerror="window.__pwned=1">', "'><svg onload=window.__pwned=1>", '=HYPERLINK("http://x")'];
const rows = [
  [4, 3, 5, 4, 4],
  [2, 3, 4, 3, 3],
  [5, 4, 4, 5, 5],
  [3, 2, 3, 2, 3],
  [4, 5, 2, 4, 4],
  [1, 2, 2, 1, 2],
  [5, 5, 4, 4, 5],
  [3, 4, 5, 4, 4],
  [2, 2, 3, 3, 2],
  [4, 4, 4, 5, 4],
];
const quote = (s) => `"${s.replace(/"/g, '""')}"`;
const evilCsv = [[...evilNames, 'overall'].map(quote).join(','), ...rows.map((r) => r.join(','))].join('\n');
const evil = analyze(readSurvey(evilCsv, { touchpoints: evilNames.map((column) => ({ column, label: column })), overall: 'overall', scale: { min: 1, max: 5 } }));

// ECSI-like: seven touchpoints with long labels on a 1-10 scale whose means sit close together,
// which once made the importance-performance labels pile up and zh-CN axis labels lose their start.
const ecsiTouchpoints = [
  ['image', 'Brand image and reputation in the market', '品牌形象与市场声誉'],
  ['expect', 'Customer expectations of overall quality', '顾客对整体质量的期望'],
  ['tech', 'Technology content', '产品的科技含量与创新程度'],
  ['quality', 'Perceived product quality', '感知产品质量'],
  ['staff', 'Service staff professionalism', '客服人员的专业性与响应速度'],
  ['value', 'Perceived value for money', '感知性价比'],
  ['complaints', 'Complaint handling after purchase', '售后投诉处理'],
];
let seed = 20261201;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const normal = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
const clamp10 = (v) => Math.min(10, Math.max(1, Math.round(v)));
const ecsiRows = Array.from({ length: 300 }, () => {
  const base = 7.6 + 1.3 * normal();
  const scores = ecsiTouchpoints.map((_, i) => clamp10(base + (i % 3) * 0.2 - 0.3 + 1.1 * normal()));
  const overall = clamp10(0.35 * scores[0] + 0.3 * scores[4] + 0.2 * scores[2] + 0.15 * scores[6] + 0.8 * normal());
  return [...scores, overall];
});
const ecsiCsv = [[...ecsiTouchpoints.map(([c]) => c), 'overall'].join(','), ...ecsiRows.map((r) => r.join(','))].join('\n');
const ecsi = analyze(readSurvey(ecsiCsv, { touchpoints: ecsiTouchpoints.map(([column, label, zh]) => ({ column, label, zh })), overall: 'overall', scale: { min: 1, max: 10 } }), {
  keyDrivers: { bootstrap: { replicates: 100, seed: 1 } },
});
const ecsiMeans = ecsi.keyDrivers.ipa.points.map((p) => p.performance);
check(
  Math.max(...ecsiMeans) - Math.min(...ecsiMeans) < 0.7,
  `ECSI-like data: touchpoint means within 0.7 of each other (${Math.min(...ecsiMeans).toFixed(2)} to ${Math.max(...ecsiMeans).toFixed(2)})`,
);

const shots = process.env.SCREENSHOT_DIR ?? dir;
mkdirSync(shots, { recursive: true });
const pages = [
  ['zhijiang (en)', await renderReportHtml(zhijiang)],
  ['zhijiang (zh-CN)', await renderReportHtml(zhijiang, { locale: 'zh-CN' })],
  ['ECSI-like long labels (en)', await renderReportHtml(ecsi)],
  ['ECSI-like long labels (zh-CN)', await renderReportHtml(ecsi, { locale: 'zh-CN' })],
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
    check(charts.length === 5 && charts.every((c) => c.marks > 0), `${label}: 5 charts rendered with marks (${charts.map((c) => `${c.chart} ${c.marks}`).join(', ')})`);
    check(dialogs === 0 && (await page.evaluate(() => window.__pwned)) === undefined, `${label}: no script from the data ran`);
    // Layout: every text of a chart inside its SVG, uncut, and text marks (point labels, quadrant
    // names, value labels) clear of each other; axis and legend labels clear of each other too.
    const layout = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const svg = f.querySelector('svg').getBoundingClientRect();
        // Hidden texts (axis labels Vega drops for space get opacity 0) do not count.
        const texts = [...f.querySelectorAll('svg text')]
          .filter((t) => t.textContent.trim() !== '' && t.closest('[opacity="0"]') === null && getComputedStyle(t).opacity !== '0')
          .map((t) => {
            const b = t.getBoundingClientRect();
            const role =
              t
                .closest('[class*="role-"]')
                ?.getAttribute('class')
                ?.match(/role-[\w-]+/)?.[0] ?? '';
            const rotate = Number((t.getAttribute('transform') ?? '').match(/rotate\((-?[\d.]+)/)?.[1] ?? 0);
            const translate = (t.getAttribute('transform') ?? '').match(/translate\((-?[\d.]+),\s*(-?[\d.]+)\)/);
            return {
              text: t.textContent,
              role,
              rotate,
              x: Number(translate?.[1] ?? 0),
              y: Number(translate?.[2] ?? 0),
              size: parseFloat(getComputedStyle(t).fontSize),
              left: b.left,
              right: b.right,
              top: b.top,
              bottom: b.bottom,
            };
          });
        const outside = texts.filter((t) => t.left < svg.left - 1 || t.right > svg.right + 1 || t.top < svg.top - 1 || t.bottom > svg.bottom + 1).map((t) => t.text);
        const cut = texts.filter((t) => t.text.includes('…')).map((t) => t.text);
        const overlaps = [];
        const groups = ['role-mark', 'role-axis-label', 'role-legend-label'];
        for (const group of groups) {
          const list = texts.filter((t) => t.role === group);
          for (let i = 0; i < list.length; i++)
            for (let j = i + 1; j < list.length; j++) {
              const a = list[i];
              const b = list[j];
              if (a.rotate !== 0 || b.rotate !== 0) {
                // Parallel rotated labels (the journey's x axis): their boxes always intersect, so
                // compare the distance between their baselines across the text direction instead.
                const angle = (a.rotate * Math.PI) / 180;
                const across = Math.abs(-(b.x - a.x) * Math.sin(angle) + (b.y - a.y) * Math.cos(angle));
                if (a.rotate === b.rotate && across < 0.9 * Math.max(a.size, b.size)) overlaps.push(`"${a.text}" / "${b.text}" (rotated)`);
                continue;
              }
              const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (w > 1 && h > 1) overlaps.push(`"${a.text}" / "${b.text}"`);
            }
        }
        return { chart: f.dataset.chart, outside, cut, overlaps };
      }),
    );
    for (const c of layout) {
      check(c.outside.length === 0, `${label}: ${c.chart} chart: all text inside the SVG${c.outside.length ? ` (outside: ${c.outside.join(', ')})` : ''}`);
      check(c.cut.length === 0, `${label}: ${c.chart} chart: no text cut with an ellipsis${c.cut.length ? ` (${c.cut.join(', ')})` : ''}`);
      check(c.overlaps.length === 0, `${label}: ${c.chart} chart: no overlapping labels${c.overlaps.length ? ` (${c.overlaps.join('; ')})` : ''}`);
    }
    // Before the chart screenshots, which scroll the page.
    if (label === 'zhijiang (en)') {
      await page.screenshot({ path: join(root, 'docs/img/report.png'), clip: { x: 0, y: 0, width: 1100, height: 1400 } });
      console.log('     screenshot saved to docs/img/report.png');
    }
    const figures = await page.$$('figure.chart');
    for (const [i, figure] of figures.entries()) await figure.screenshot({ path: join(shots, `${label.replace(/\W+/g, '-')}-${charts[i].chart}.png`) });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`     chart screenshots in ${shots}`);
if (failures.length > 0) {
  console.error(`${failures.length} browser check(s) failed.`);
  process.exit(1);
}
