import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { zhijiangSpec } from '../../src/forensics/zhijiang.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import { analyze } from '../../src/report/analyze.js';
import { gestaltChart } from '../../src/report/charts.js';
import { formatGestaltText } from '../../src/report/gestalt-section.js';
import { type GestaltVerdictWords, gestaltVerdictText } from '../../src/report/i18n.js';
import { formatReportMarkdown } from '../../src/report/markdown.js';
import { type Report, reportSchema } from '../../src/schema/report.js';

let report: Report;
beforeAll(async () => {
  const survey = await readSurveyFile(fileURLToPath(new URL('../../fixtures/zhijiang/zhijiang.csv', import.meta.url)), zhijiangSpec());
  report = analyze(survey, { peakEnd: { gestalt: { ordinal: true } } });
});

describe('"Does the peak-end rule hold here?" section', () => {
  it('is in the schema-valid Report, with the proportional-odds fits when asked for', () => {
    expect(reportSchema.safeParse(report).error).toBeUndefined();
    expect(report.peakEnd?.gestalt?.ordinal?.likelihoodRatioTests).toHaveLength(3);
  });

  it('shows models, nested tests, the dependent-correlation test, LMG, the ordinal fits and the verdict beside the aggregate method', () => {
    const g = report.peakEnd?.gestalt as NonNullable<NonNullable<Report['peakEnd']>['gestalt']>;
    const text = formatGestaltText(g, { aggregate: report.peakEnd?.aggregate ?? null });
    for (const part of [
      'DOES THE PEAK-END RULE HOLD HERE?',
      'peak-end prediction of 4.64 against an observed overall mean of 4.17',
      'Gestalt (seven features)',
      'Do peak and end add to the mean?',
      "Williams' t(44)",
      "Zou's 95% CI",
      'LMG (R²)',
      'LR χ²',
      'Verdict: The peak-end rule holds here',
    ]) {
      expect(text).toContain(part);
    }
    const zh = formatReportMarkdown(report, { locale: 'zh-CN' });
    for (const part of ['## 峰终定律在这里成立吗？', '峰值和终值能否在均值之外增加解释力？', '似然比 χ²', '结论: 峰终定律在此成立']) expect(zh).toContain(part);
  });

  it("charts every feature's LMG, peak and end in their own colour group", () => {
    const spec = gestaltChart(report) as { data: { values: { feature: string; importance: number; group: string }[] } };
    const importance = report.peakEnd?.gestalt?.importance as Record<string, number>;
    expect(spec.data.values.map((v) => v.importance)).toEqual(Object.values(importance));
    expect(spec.data.values.filter((v) => v.group === 'peak and end').map((v) => v.feature)).toEqual(['peak', 'end']);
    expect((gestaltChart({ ...report, peakEnd: null }) as { data: { values: unknown[] } }).data.values).toEqual([]);
  });

  it('words every verdict code in English and Chinese', () => {
    const base: Omit<GestaltVerdictWords, 'code'> = {
      peakEndAddsPValue: 0.2,
      meanAddsPValue: 0.0004,
      otherFeaturesPValue: 0.03,
      otherFeaturesAdd: true,
      correlation: 'mean-higher',
      strongestFeature: 'mean',
      correlationPValue: 0.01,
      rBetween: 0.8,
    };
    for (const code of ['peak-end-beyond-mean', 'both-contribute', 'mean-suffices', 'indistinguishable', 'no-relation'] as const) {
      for (const locale of ['en', 'zh-CN'] as const) {
        const text = gestaltVerdictText({ ...base, code }, locale);
        expect(text).not.toMatch(/undefined|NaN/);
        expect(text).toMatch(locale === 'en' ? /LMG\): mean\.$/ : /均值。$/);
      }
    }
    expect(gestaltVerdictText({ ...base, code: 'mean-suffices' })).toBe(
      "No: the mean explains the overall rating and peak and end add nothing beyond it (p = 0.200), while the mean adds to them (p < 0.001). Trough, beginning, trend and variability add further (p = 0.030). The mean correlates more strongly with the overall rating than the peak-end score does (Williams' p = 0.010). Largest share of the explained variance (LMG): mean.",
    );
  });

  it('shows the logistic battery for a binary outcome: McFadden R², CV log-loss, LR tests, Shapley importance (en, zh-CN)', () => {
    // The held-out journey survey with its overall rating dichotomised (6 or 7 of 7 = 1), as test/golden/gestalt/binary.R.
    const [header, ...lines] = readFileSync(fileURLToPath(new URL('../golden/gestalt/heldout-journey.csv', import.meta.url)), 'utf8')
      .trim()
      .split(/\r?\n/);
    const text = [`${header},"top2"`, ...lines.map((l) => `${l},${l.split(',')[7] === '' ? '' : Number(l.split(',')[7]) >= 6 ? 1 : 0}`)].join('\n');
    const survey = readSurvey(text, {
      touchpoints: ['booking', 'arrival', 'waiting', 'service', 'billing', 'farewell'],
      overall: { column: 'top2', type: 'binary' },
      scale: { min: 1, max: 7 },
      id: 'id',
    });
    const binary = analyze(survey);
    expect(reportSchema.safeParse(binary).error).toBeUndefined();
    const g = binary.peakEnd?.gestalt as NonNullable<NonNullable<Report['peakEnd']>['gestalt']>;
    expect([g.outcome, g.importanceMethod, g.verdict.basis]).toEqual(['binary', 'pseudo-r-squared-shapley', 'logistic']);
    const en = formatGestaltText(g);
    // R (binary.R): LR chi-squared 43.05 on 2 df, 22.98 on 1 df, 8.34 on 4 df; McFadden R² 0.355, 0.396, 0.442, 0.458.
    for (const part of [
      'The outcome is binary (132 of 390 in the positive class)',
      'McFadden R²',
      'CV log-loss',
      '0.442',
      'likelihood-ratio tests',
      '43.05',
      '22.98',
      '8.34',
      'Shapley (McFadden R²)',
      "Largest share of McFadden's R² (Shapley value): mean.",
    ]) {
      expect(en).toContain(part);
    }
    expect(en).not.toContain('Adj. R²');
    const zh = formatReportMarkdown(binary, { locale: 'zh-CN' });
    for (const part of ['结果变量为二分类', '交叉验证对数损失', '似然比检验', 'Shapley（McFadden R²）']) expect(zh).toContain(part);
    const chart = gestaltChart(binary) as { title: string; data: { values: { importance: number }[] } };
    expect(chart.title).toContain('McFadden');
    expect(chart.data.values.map((v) => v.importance)).toEqual(Object.values(g.importance ?? {}));
  });
});
