import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { aggregatePeakEnd } from '../../src/experience/aggregate-peak-end.js';
import { peakEnd } from '../../src/experience/peak-end.js';
import { predictionAccuracy } from '../../src/experience/prediction-accuracy.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { peakEndVerdictText } from '../../src/report/i18n.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

// The Zhijiang study's published means (fixtures/zhijiang/published.json), journey order.
const zhijiang = [
  { touchpoint: 'brand_image', mean: 4.82 },
  { touchpoint: 'technology', mean: 4.15 },
  { touchpoint: 'quality', mean: 4.54 },
  { touchpoint: 'price', mean: 3.62 },
  { touchpoint: 'delivery', mean: 3.61 },
  { touchpoint: 'service_staff', mean: 4.23 },
  { touchpoint: 'meeting', mean: 4.46 },
];

describe("aggregatePeakEnd (the study's method on touchpoint means)", () => {
  it('reproduces the Zhijiang study: peak brand image 4.82, end meeting 4.46, prediction 4.64, gap 0.47 over 4.17', () => {
    const r = aggregatePeakEnd(zhijiang, 4.17, { neutral: 3 });
    expect(r.peak).toMatchObject({ touchpoint: 'brand_image', mean: 4.82 });
    expect(r.end).toMatchObject({ touchpoint: 'meeting', mean: 4.46 });
    expect(r.prediction).toBeCloseTo(4.64, 12); // (4.82 + 4.46) / 2
    expect(r.observed).toBe(4.17);
    expect(r.gap).toBeCloseTo(0.47, 12);
    expect(r.warnings).toEqual([]);
  });

  // Hand-computed: means 2.2, 4.1, 1.5, 3.9 on a 1-5 scale (neutral 3); end = 3.9.
  const means = [
    { touchpoint: 'a', mean: 2.2 },
    { touchpoint: 'b', mean: 4.1 },
    { touchpoint: 'c', mean: 1.5 },
    { touchpoint: 'd', mean: 3.9 },
  ];
  it.each([
    ['most-intense', 'c', (1.5 + 3.9) / 2], // |1.5 - 3| = 1.5 beats |4.1 - 3| = 1.1
    ['max', 'b', (4.1 + 3.9) / 2],
    ['min', 'c', (1.5 + 3.9) / 2],
    ['both', 'c', ((4.1 + 1.5) / 2 + 3.9) / 2], // peak term = mean of the positive and negative peak
  ] as const)('peak rule %s picks %s and predicts %d', (rule, touchpoint, prediction) => {
    const r = aggregatePeakEnd(means, 3, { neutral: 3, peak: rule });
    expect(r.peak.touchpoint).toBe(touchpoint);
    expect(r.prediction).toBeCloseTo(prediction, 14);
    if (rule === 'both')
      expect(r.peaks.map((p) => [p.kind, p.touchpoint])).toEqual([
        ['positive', 'b'],
        ['negative', 'c'],
      ]);
  });

  it('weights the peak by w: w = 0.7 gives 0.7 * peak + 0.3 * end', () => {
    expect(aggregatePeakEnd(means, 3, { neutral: 3, peak: 'max', weight: 0.7 }).prediction).toBeCloseTo(0.7 * 4.1 + 0.3 * 3.9, 14);
    expect(aggregatePeakEnd(means, 3, { neutral: 3, weight: 0 }).prediction).toBe(3.9);
  });

  it('uses a named end touchpoint', () => {
    const r = aggregatePeakEnd(means, 3, { neutral: 3, peak: 'max', end: 'a' });
    expect(r.end.touchpoint).toBe('a');
    expect(r.prediction).toBeCloseTo((4.1 + 2.2) / 2, 14);
  });

  it('breaks a tie for the peak by journey order and warns', () => {
    const r = aggregatePeakEnd(
      [
        { touchpoint: 'a', mean: 4 },
        { touchpoint: 'b', mean: 2 },
        { touchpoint: 'c', mean: 3.5 },
      ],
      3,
      { neutral: 3 },
    );
    expect(r.peak.touchpoint).toBe('a'); // |4 - 3| = |2 - 3| = 1: the earlier, a, wins
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'peak_tie', message: expect.stringContaining('"b"') })]);
  });

  it("measures intensity from the scale's neutral point (1-7 with neutral 4; 0-10 with neutral 5)", () => {
    const seven = aggregatePeakEnd(
      [
        { touchpoint: 'a', mean: 6.5 },
        { touchpoint: 'b', mean: 1.2 },
        { touchpoint: 'c', mean: 4 },
      ],
      4,
      { neutral: 4 },
    );
    expect(seven.peak.touchpoint).toBe('b'); // |1.2 - 4| = 2.8 > |6.5 - 4| = 2.5
    const ten = aggregatePeakEnd(
      [
        { touchpoint: 'a', mean: 8.9 },
        { touchpoint: 'b', mean: 1.5 },
        { touchpoint: 'c', mean: 7 },
      ],
      6,
      { neutral: 5 },
    );
    expect(ten.peak.touchpoint).toBe('a'); // |8.9 - 5| = 3.9 > |1.5 - 5| = 3.5
    expect(ten.prediction).toBeCloseTo((8.9 + 7) / 2, 14);
  });

  it('rejects impossible settings with clear messages', () => {
    expect(() => aggregatePeakEnd(means, 3, { neutral: 3, weight: 1.5 })).toThrow(/between 0 and 1/);
    expect(() => aggregatePeakEnd(means, 3, { neutral: 3, end: 'zzz' })).toThrow(/not a touchpoint/);
    expect(() => aggregatePeakEnd(means, 3, { neutral: 3, peak: 'median' as never })).toThrow(InvalidArgumentError);
    expect(() => aggregatePeakEnd([{ touchpoint: 'a', mean: Number.NaN }], 3, { neutral: 3 })).toThrow(/no answers/);
  });
});

describe('peakEnd on surveys', () => {
  const spec = { touchpoints: ['a', 'b', 'c'], overall: 'o', scale: { min: 1, max: 5 } };

  it('computes per-respondent peaks and ends by hand', () => {
    // r1: 2,5,4 -> peak 5, end 4 -> 4.5 (observed 4); r2: 1,3,3 -> peak 1, end 3 -> 2 (observed 3);
    // r3: 4,4,2 -> |4-3| = |2-3|: earliest, 4; end 2 -> 3 (observed 2; an ambiguous peak).
    const survey = readSurvey({ a: [2, 1, 4], b: [5, 3, 4], c: [4, 3, 2], o: [4, 3, 2] }, spec);
    const r = peakEnd(survey, { folds: 3 });
    expect(r.respondents.predictions).toEqual([4.5, 2, 3]);
    expect(r.respondents.ambiguousPeaks).toBe(1);
    expect(r.respondents.accuracy).toMatchObject({ n: 3, meanAbsoluteError: (0.5 + 1 + 1) / 3, meanBias: (0.5 - 1 + 1) / 3 });
  });

  it('leaves out respondents without the end touchpoint unless positions say where each ended', () => {
    const survey = readSurvey({ a: [2, 5], b: [5, 3], c: [4, null], o: [4, 4] }, spec);
    const fixedEnd = peakEnd(survey, { folds: 2 });
    expect(fixedEnd.respondents.predictions).toEqual([4.5, null]);
    expect(fixedEnd.respondents.excluded).toBe(1);
    expect(fixedEnd.warnings.map((w) => w.code)).toContain('respondents_excluded');
    // r2 met b before a and skipped c: own order b, a; last answered = a (5); peak = 5 -> 5.
    const own = peakEnd(survey, {
      positions: [
        ['a', 'b', 'c'],
        ['b', 'a'],
      ],
      folds: 2,
    });
    expect(own.respondents.predictions).toEqual([4.5, 5]);
    expect(() => peakEnd(survey, { positions: [['a']], folds: 2 })).toThrow(/one order per respondent/);
    expect(() => peakEnd(survey, { positions: [['a'], ['a']], end: 'a' })).toThrow(/not both/);
  });

  interface Golden {
    aggregate: Record<string, unknown>;
    respondents: Record<string, unknown>;
    comparison: {
      n: number;
      models: Record<string, Record<string, number>>;
      wilcoxon: Record<string, number>;
      pairedT: Record<string, number>;
      verdict: { outcome: 'no-clear-difference' | 'peak-end-worse' | 'peak-end-better'; meanAbsoluteErrorPeakEnd: number; meanAbsoluteErrorMean: number };
    };
    regression: { rSquared: number; estimates: number[]; pValues: number[] };
  }
  const golden = loadGolden<Record<string, Golden>>('peak-end/peak-end.json');
  it.each(['survey-n47-k7-s1000', 'survey-n500-k7-missing-s1000', 'survey-n60-k4-scale7-s1000'])('matches an independent R computation on %s', (name) => {
    const ref = loadGolden<{ columns: string[]; data: (number | null)[][]; model: { x: string[]; y: string } }>(`reference/${name}.json`);
    const g = golden[name] as Golden;
    const seven = name.includes('scale7');
    const columns = Object.fromEntries(ref.columns.map((c, j) => [c, ref.data.map((row) => row[j] ?? null)]));
    const survey = readSurvey(columns, { touchpoints: ref.model.x, overall: ref.model.y, scale: { min: 1, max: seven ? 7 : 5 } });
    const r = peakEnd(survey);
    const tol = { relative: 1e-10, absolute: 1e-13 };
    expectGolden(r.aggregate, g.aggregate, tol, `${name} aggregate`);
    expectGolden(r.respondents, g.respondents, tol, `${name} respondents`);
    expect(r.comparison?.n).toBe(g.comparison.n);
    for (const [model, expected] of Object.entries(g.comparison.models)) {
      expectGolden(
        r.comparison?.models.find((m) => m.model === model),
        expected,
        tol,
        `${name} model ${model}`,
      );
    }
    expectGolden(r.comparison?.wilcoxon, g.comparison.wilcoxon, tol, `${name} wilcoxon`);
    expectGolden(r.comparison?.pairedT, g.comparison.pairedT, tol, `${name} paired t`);
    expect(r.regression?.method === 'ols' ? r.regression.rSquared : null).toBeCloseTo(g.regression.rSquared, 10);
    expectGolden(
      r.regression?.coefficients.map((c) => ('estimate' in c ? c.estimate : null)),
      g.regression.estimates,
      tol,
      `${name} regression`,
    );
    expect(r.comparison?.models.some((m) => m.model === 'regression')).toBe(true);
    // The verdict R's numbers lead to, with R's mean absolute errors as its evidence.
    const { outcome, meanAbsoluteErrorPeakEnd, meanAbsoluteErrorMean } = g.comparison.verdict;
    const opening = {
      'no-clear-difference': 'no clear difference between peak-end and averaging here (',
      'peak-end-worse': 'peak-end predicts worse than averaging here: ',
      'peak-end-better': 'peak-end predicts better than averaging here: ',
    }[outcome];
    const verdict = r.comparison?.verdict;
    expect(verdict?.code).toBe(outcome);
    expect(verdict?.measure).toBe('mean-absolute-error');
    expectGolden(
      { peakEnd: verdict?.peakEnd, mean: verdict?.mean, pValue: verdict?.pValue, n: verdict?.n },
      { peakEnd: meanAbsoluteErrorPeakEnd, mean: meanAbsoluteErrorMean, pValue: g.comparison.wilcoxon.pValue, n: g.comparison.n },
      tol,
      `${name} verdict`,
    );
    // The presenters word the code with its numbers.
    expect(peakEndVerdictText(verdict as NonNullable<typeof verdict>).startsWith(`${opening}MAE ${meanAbsoluteErrorPeakEnd.toFixed(2)} vs ${meanAbsoluteErrorMean.toFixed(2)}, `)).toBe(true);
  });

  it('cross-validates the regression model reproducibly: same seed same result, another seed differs', () => {
    const ref = loadGolden<{ columns: string[]; data: (number | null)[][]; model: { x: string[]; y: string } }>('reference/survey-n47-k7-s1000.json');
    const columns = Object.fromEntries(ref.columns.map((c, j) => [c, ref.data.map((row) => row[j] ?? null)]));
    const survey = readSurvey(columns, { touchpoints: ref.model.x, overall: ref.model.y, scale: { min: 1, max: 5 } });
    const mae = (seed: number) => (peakEnd(survey, { seed }).comparison?.models.find((m) => m.model === 'regression') as { meanAbsoluteError?: number } | undefined)?.meanAbsoluteError;
    expect(mae(7)).toBe(mae(7));
    expect(mae(7)).not.toBe(mae(8));
  });
});

describe('predictionAccuracy', () => {
  it('computes MAE, RMSE, bias and correlation by hand', () => {
    // errors -1, 0.5, 0: MAE 0.5, RMSE sqrt(1.25 / 3), bias -1/6
    const a = predictionAccuracy([4, 4.5, 3], [5, 4, 3]);
    expect(a.meanAbsoluteError).toBeCloseTo(0.5, 15);
    expect(a.rootMeanSquaredError).toBeCloseTo(Math.sqrt(1.25 / 3), 15);
    expect(a.meanBias).toBeCloseTo(-1 / 6, 15);
    // cor((4, 4.5, 3), (5, 4, 3)): deviations (1/6, 2/3, -5/6) and (1, 0, -1): sxy = 1, sxx = 7/6, syy = 2
    expect(a.correlation).toBeCloseTo(1 / Math.sqrt(7 / 3), 14);
    expect(predictionAccuracy([3, 3], [1, 5]).correlation).toBeNull();
  });
});
