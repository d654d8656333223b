/**
 * The numbers TSDoc examples quote (peakEnd, keyDrivers, penaltyReward, analyze, readSurveyFile)
 * are what the code produces, and R agrees (test/golden/docs/generate.R).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keyDrivers } from '../../src/experience/key-drivers.js';
import { peakEnd } from '../../src/experience/peak-end.js';
import { penaltyReward } from '../../src/experience/penalty-reward.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import { peakEndVerdictText } from '../../src/report/i18n.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const spec = JSON.parse(readFileSync(root('fixtures/zhijiang/spec.json'), 'utf8')) as SurveySpec;
const golden = loadGolden<{
  rowsRead: number;
  peakEnd: Record<string, number | string>;
  keyDrivers: { n: number; rSquared: number; lmgShare: Record<string, number>; keyMoments: string[]; painPoints: string[] };
  penaltyReward: { delivery: Record<string, number> };
}>('docs/zhijiang-examples.json');
const tol = { relative: 1e-10, absolute: 1e-12 };
/** The source text of a file, to check that its example quotes the number. */
const source = (path: string): string => readFileSync(root(path), 'utf8');

describe('TSDoc examples quote what the code computes (checked against R)', () => {
  it('readSurveyFile: the bundled Zhijiang file has 47 rows', async () => {
    const survey = await readSurveyFile(root('fixtures/zhijiang/zhijiang.csv'), spec);
    expect(survey.report.rowsRead).toBe(golden.rowsRead);
    expect(source('src/ingest/read-survey-file.ts')).toContain("readSurveyFile('fixtures/zhijiang/zhijiang.csv', spec);\n * survey.report.rowsRead; // 47");
  });

  it('peakEnd: prediction 4.625 on the same respondents, 4.64 over all answers, and the verdict', async () => {
    const r = peakEnd(await readSurveyFile(root('fixtures/zhijiang/zhijiang.csv'), spec));
    const g = golden.peakEnd;
    expect(r.aggregate.peak.touchpoint).toBe(g.peak);
    expect(r.aggregate.n).toBe(g.n);
    expectGolden(
      { prediction: r.aggregate.prediction, observed: r.aggregate.observed, allAnswersPrediction: r.aggregate.allAnswers.prediction, allAnswersObserved: r.aggregate.allAnswers.observed },
      { prediction: g.prediction, observed: g.observed, allAnswersPrediction: g.allAnswersPrediction, allAnswersObserved: g.allAnswersObserved },
      tol,
      'Zhijiang aggregate',
    );
    const mae = (model: string) => (r.comparison?.models.find((m) => m.model === model) as { meanAbsoluteError?: number } | undefined)?.meanAbsoluteError;
    expectGolden(
      { n: r.comparison?.n, pe: mae('peak-end'), mean: mae('mean'), p: r.comparison?.wilcoxon?.pValue },
      { n: g.comparisonN, pe: g.maePeakEnd, mean: g.maeMean, p: g.wilcoxonPValue },
      tol,
      'Zhijiang comparison',
    );
    // R's Wilcoxon p (0.21) is above 0.05: no clear difference, worded with R's numbers.
    expect(r.comparison?.verdict.code).toBe('no-clear-difference');
    const [maePe, maeMean, pValue] = [g.maePeakEnd, g.maeMean, g.wilcoxonPValue] as [number, number, number];
    const words = `no clear difference between peak-end and averaging here (MAE ${maePe.toFixed(2)} vs ${maeMean.toFixed(2)}, Wilcoxon signed-rank p = ${pValue.toFixed(3)}, n = ${g.comparisonN}).`;
    expect(peakEndVerdictText((r.comparison as NonNullable<typeof r.comparison>).verdict)).toBe(words);
    const doc = source('src/experience/peak-end.ts');
    expect(doc).toContain(`result.aggregate.prediction; // ${String(r.aggregate.prediction)}`);
    expect(doc).toContain(`result.comparison?.verdict.code; // 'no-clear-difference' (MAE ${maePe.toFixed(2)} vs ${maeMean.toFixed(2)}, Wilcoxon p = ${pValue.toFixed(2)}, n = ${g.comparisonN})`);
    expect(source('src/report/i18n.ts')).toContain(`// '${words}'`);
  });

  it('keyDrivers: key moments delivery and meeting, pain point delivery, relevance 1/14', async () => {
    const d = keyDrivers(await readSurveyFile(root('fixtures/zhijiang/zhijiang.csv'), spec));
    expect(d.n).toBe(golden.keyDrivers.n);
    for (const t of d.touchpoints) expect(t.importanceShare).toBeCloseTo(golden.keyDrivers.lmgShare[t.touchpoint] as number, 10);
    expect(d.touchpoints.filter((t) => t.flags.keyMoment).map((t) => t.touchpoint)).toEqual(golden.keyDrivers.keyMoments);
    expect(d.touchpoints.filter((t) => t.flags.painPoint).map((t) => t.touchpoint)).toEqual(golden.keyDrivers.painPoints);
    expect([d.highPerformance, d.minImportanceShare]).toEqual([4, 1 / 14]);
  });

  it('penaltyReward: delivery with minCellSize 5', async () => {
    const r = penaltyReward(await readSurveyFile(root('fixtures/zhijiang/zhijiang.csv'), spec), { minCellSize: 5 });
    const delivery = r.factors.find((f) => f.touchpoint === 'delivery');
    expectGolden(delivery, golden.penaltyReward.delivery, tol, 'delivery');
    expect(delivery?.factor).toBe('basic');
    expect(penaltyReward(await readSurveyFile(root('fixtures/zhijiang/zhijiang.csv'), spec)).factors.every((f) => f.factor === 'insufficient data')).toBe(true);
  });
});
