import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { analyze } from '../../src/report/analyze.js';
import { segmentsChart } from '../../src/report/charts.js';
import { formatReportHtml } from '../../src/report/html.js';
import { formatReportMarkdown } from '../../src/report/markdown.js';
import { renderReportHtml } from '../../src/report/render-html.js';
import { formatReportText } from '../../src/report/text.js';
import { reportSchema } from '../../src/schema/report.js';
import { rake } from '../../src/survey/rake.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

const csv = readFileSync(fileURLToPath(new URL('../golden/segments/data.csv', import.meta.url)), 'utf8');
const golden = loadGolden<Record<string, any>>('segments/golden.json');
const spec = { touchpoints: ['price', 'delivery', 'service'], overall: 'overall', scale: { min: 1, max: 5 }, id: 'id', segments: ['region', 'gender'] };
const survey = readSurvey(csv, spec);

describe('analyze with segments', () => {
  const report = analyze(survey);

  it('compares every segment the spec names, in a schema-valid Report', () => {
    expect(reportSchema.safeParse(report).error).toBeUndefined();
    expect(report.segments?.map((s) => s.segment)).toEqual(['region', 'gender']);
  });

  it('carries the driver differences and BH-adjusted p-values of R lm and p.adjust', () => {
    const region = report.segments?.[0];
    const actual = (region?.groups ?? []).flatMap((g) => g.drivers.map((d) => ({ value: g.value, ...d, n: g.nModel })));
    expectGolden(
      actual,
      golden.drivers.map(({ tValue, ...rest }: Record<string, number>) => rest),
      { relative: 1e-9 },
    );
    expectGolden(region?.groups[1]?.means[1], (({ tValue, df, ...rest }) => rest)(golden.welch[1].means[1]), { relative: 1e-10 });
  });

  it('leaves segments out with segments: false and compares only the named ones', () => {
    expect(analyze(survey, { segments: false }).segments).toBeUndefined();
    expect(analyze(survey, { segments: ['gender'] }).segments?.map((s) => s.segment)).toEqual(['gender']);
    expect(() => analyze(survey, { segments: ['price'] })).toThrow(/not a segment column/);
  });

  it('has a Segments section in text, Markdown and HTML, in English and Chinese', () => {
    const md = formatReportMarkdown(report);
    expect(md).toContain('Segments: region');
    expect(md).toContain('p (BH)');
    expect(md).toContain('n (model)');
    expect(md).toMatch(/\| North \|/);
    expect(formatReportText(report)).toContain('SEGMENTS: GENDER');
    expect(formatReportMarkdown(report, { locale: 'zh-CN' })).toContain('细分群体：region');
    const html = formatReportHtml(report);
    expect(html).toContain('<h2>Segments: region</h2>');
  });

  it('draws a chart of slope differences by group, one bar per group and touchpoint', async () => {
    const spec = segmentsChart(report) as { data: { values: { group: string; touchpoint: string; difference: number }[] } };
    expect(spec.data.values).toHaveLength(5 * 3);
    const north = spec.data.values.find((v) => v.group === 'region: North' && v.touchpoint === 'delivery');
    expect(north?.difference).toBeCloseTo(golden.drivers[4].difference, 12);
    const html = await renderReportHtml(report);
    expect(html).toContain('data-chart="segments"');
  });

  it('says when the weights were raked, with iterations and convergence', () => {
    const raked = rake(survey, golden.raking.margins);
    const r = analyze(raked, { segments: false });
    expect(reportSchema.safeParse(r).error).toBeUndefined();
    expect(r.calibration?.converged).toBe(true);
    expect(r.calibration?.margins.map((m) => m.column)).toEqual(['region', 'gender']);
    expect(formatReportMarkdown(r)).toMatch(/Weights raked to population margins \(region: East\/North\/South; gender: female\/male\): \d+ iterations, converged\./);
    expect(analyze(survey, { segments: false }).calibration).toBeUndefined();
  });
});
