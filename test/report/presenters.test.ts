import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { zhijiangSpec } from '../../src/forensics/zhijiang.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import { analyze } from '../../src/report/analyze.js';
import { driverChart, ipaChart, journeyChart, peakEndChart, reportCharts } from '../../src/report/charts.js';
import { csvField, formatDriversCsv } from '../../src/report/csv.js';
import { escapeHtml, formatReportHtml, sanitizeSvg } from '../../src/report/html.js';
import { formatReportMarkdown } from '../../src/report/markdown.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { formatReportText } from '../../src/report/text.js';
import type { Report } from '../../src/schema/report.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/zhijiang/${name}`, import.meta.url));
let report: Report;
let reportWithBootstrap: Report;

beforeAll(async () => {
  const survey = await readSurveyFile(fixture('zhijiang.csv'), zhijiangSpec());
  report = analyze(survey);
  reportWithBootstrap = analyze(survey, { keyDrivers: { bootstrap: { replicates: 50, seed: 1 } } });
});

describe('chart specs', () => {
  const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url)), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(schema);

  it('every chart validates against the Vega-Lite JSON schema, in both locales and with bootstrap intervals', () => {
    for (const r of [report, reportWithBootstrap]) {
      for (const locale of ['en', 'zh-CN'] as const) {
        for (const [name, spec] of Object.entries(reportCharts(r, { locale }))) {
          const ok = validate(spec);
          expect(ok, `${name} ${locale}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
        }
      }
    }
  });

  it('journey chart plots the means in journey order with intervals, neutral, observed and predicted rules, peak and end', () => {
    const spec = journeyChart(report) as { layer: { data: { values: Record<string, unknown>[] } }[] };
    const points = spec.layer[1]?.data.values ?? [];
    expect(points.map((p) => p.touchpoint)).toEqual(['Brand image', 'Technology content', 'Product quality', 'Price', 'Delivery speed', 'Service staff professionalism', 'Distributor meeting']);
    expect(points.every((p) => typeof p.lower === 'number' && typeof p.upper === 'number')).toBe(true);
    expect(spec.layer[2]?.data.values.map((p) => p.moment)).toEqual(['Peak', 'End']);
    expect(spec.layer[3]?.data.values.map((r) => r.value)).toEqual([3, report.peakEnd?.aggregate.observed, report.peakEnd?.aggregate.prediction]);
  });

  it("driver, IPA and peak-end charts carry the report's numbers", () => {
    const drivers = driverChart(reportWithBootstrap) as { data: { values: Record<string, unknown>[] }; layer: unknown[] };
    expect(drivers.layer).toHaveLength(2); // bars and bootstrap interval rules
    expect(drivers.data.values.find((v) => v.touchpoint === 'Delivery speed')?.significance).toBe('KEY MOMENT');
    const ipa = ipaChart(report) as { layer: { mark: { type: string }; data: { values: Record<string, unknown>[] } }[] };
    expect(ipa.layer.find((l) => l.mark.type === 'point')?.data.values).toHaveLength(7);
    const pe = peakEndChart(report) as { data: { values: { value: number }[] } };
    expect(pe.data.values.map((v) => v.value)).toContain(report.peakEnd?.aggregate.prediction);
  });
});

describe('text and Markdown reports (pinned by snapshots)', () => {
  it('text report of the Zhijiang fixture', async () => {
    await expect(formatReportText(report)).toMatchFileSnapshot('__snapshots__/zhijiang.txt');
  });
  it('Markdown report of the Zhijiang fixture, in English and Chinese', async () => {
    await expect(formatReportMarkdown(report)).toMatchFileSnapshot('__snapshots__/zhijiang.md');
    await expect(formatReportMarkdown(report, { locale: 'zh-CN' })).toMatchFileSnapshot('__snapshots__/zhijiang.zh-CN.md');
  });
  it("zh-CN uses Chinese headings, the spec's Chinese touchpoint names and a Chinese verdict", () => {
    const md = formatReportMarkdown(report, { locale: 'zh-CN' });
    for (const text of ['## 描述统计', '## 峰终定律', '## 关键驱动因素', '| 送货速度 |', 'Wilcoxon 符号秩检验', '## 峰终定律在这里成立吗？', '峰终定律在此成立']) expect(md).toContain(text);
  });
});

describe('HTML report', () => {
  it('is self-contained: no script, no external resource, every chart inline as SVG', async () => {
    const html = await renderReportHtml(reportWithBootstrap);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    // journey, peak-end, Gestalt feature importance, drivers, IPA
    expect((html.match(/<figure class="chart"/g) ?? []).length).toBe(5);
    expect((html.match(/<svg/g) ?? []).length).toBe(5);
    expect(html).toContain('data-chart="gestalt"');
    expect(html).toContain('Content-Security-Policy');
  });

  it('escapes data-derived text everywhere (headers and labels crafted as HTML)', async () => {
    const evil = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>"];
    const survey = readSurvey(csvText(evil), { touchpoints: evil.map((column) => ({ column, label: column })), overall: 'overall', scale: { min: 1, max: 5 } });
    const r = analyze(survey);
    const html = await renderReportHtml(r);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/<svg[^>]*onload/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = formatReportMarkdown(r);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
  });

  it('escapes and sanitises by the book', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(sanitizeSvg('<svg onload="x()"><script>alert(1)</script><a href="javascript:alert(1)">t</a></svg>')).toBe('<svg><a href="#alert(1)">t</a></svg>');
    expect(formatReportHtml(report)).not.toContain('<figure'); // no SVGs given: no chart slots
  });
});

describe('CSV export', () => {
  it('neutralises formula injection in text cells and keeps numbers numeric', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const start of ['+', '-', '@', '\t', '\r']) expect(csvField(`${start}cmd`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField('a,b')).toBe('"a,b"');
    const csv = formatDriversCsv(report);
    expect(csv.startsWith('\uFEFFtouchpoint,label,mean,coefficient')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(8);
  });
});

function csvText(names: string[]): string {
  // Five respondents; quoted headers so commas and quotes in the names survive.
  const rows = [
    [4, 3, 5, 4],
    [2, 3, 4, 3],
    [5, 4, 4, 5],
    [3, 2, 3, 2],
    [4, 5, 2, 4],
    [1, 2, 2, 1],
    [5, 5, 4, 4],
    [3, 4, 5, 4],
  ];
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  return [[...names, 'overall'].map(quote).join(','), ...rows.map((r) => r.join(','))].join('\n');
}
