import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { crossValidatedRmseOf, type GestaltResult, gestalt } from '../../src/experience/gestalt.js';
import { GESTALT_FEATURES, gestaltFeatures } from '../../src/experience/gestalt-features.js';
import { peakEnd } from '../../src/experience/peak-end.js';
import { zhijiangSpec } from '../../src/forensics/zhijiang.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';
import type { Survey } from '../../src/survey/survey.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

const NaN_ = null;

// Hand-made journeys on a 1-5 scale (neutral 3), touchpoints a-d in journey order; null = skipped.
const journeys = {
  a: [4, 5, NaN_, NaN_, 2, 1],
  b: [NaN_, 1, NaN_, NaN_, 2, 1],
  c: [1, 3, 4, NaN_, NaN_, 4],
  d: [2, 3, NaN_, NaN_, 5, 4],
  o: [2, 4, 4, 3, 4, 2],
};
const spec = { touchpoints: ['a', 'b', 'c', 'd'], overall: 'o', scale: { min: 1, max: 5 } };

describe('gestaltFeatures (definitions checked by hand)', () => {
  const survey = readSurvey(journeys, spec);
  const f = gestaltFeatures(survey).features;
  const row = (i: number) => Object.fromEntries(GESTALT_FEATURES.map((k) => [k, f[k][i]]));

  it('skips an unanswered touchpoint and keeps journey positions: 4, -, 1, 2', () => {
    // Positions 1, 3, 4; mean 7/3; slope = sum dt dx / sum dt^2 = (-33/9) / (42/9); SD^2 = (42/9) / 2.
    const r = row(0);
    expect(r).toMatchObject({ peak: 1, peakHigh: 4, trough: 1, beginning: 4, end: 2 });
    expect(r.mean).toBeCloseTo(7 / 3, 14);
    expect(r.trend).toBeCloseTo(-11 / 14, 14);
    expect(r.variability).toBeCloseTo(Math.sqrt(7 / 3), 14);
  });

  it('breaks a tie between equally intense ratings of different values (5 and 1 around neutral 3) by the earliest', () => {
    // 5, 1, 3, 3: |5 - 3| = |1 - 3|; slope over positions 1-4 = (2 * -1.5 + -2 * -0.5) / 5 = -0.4; SD = sqrt(8 / 3).
    const r = row(1);
    expect(r).toMatchObject({ peak: 5, peakHigh: 5, trough: 1, beginning: 5, end: 3, mean: 3 });
    expect(r.trend).toBeCloseTo(-0.4, 14);
    expect(r.variability).toBeCloseTo(Math.sqrt(8 / 3), 14);
  });

  it('gives a single answer as every level feature, and null trend and variability', () => {
    expect(row(2)).toEqual({ peak: 4, peakHigh: 4, trough: 4, beginning: 4, end: 4, mean: 4, trend: null, variability: null });
  });

  it('gives null everywhere for a respondent who answered no touchpoint', () => {
    expect(row(3)).toEqual({ peak: null, peakHigh: null, trough: null, beginning: null, end: null, mean: null, trend: null, variability: null });
  });

  it('takes the most intense rating, not the highest: 2, 2, -, 5 has peak 5; a gap before the end', () => {
    // Positions 1, 2, 4: dt = -4/3, -1/3, 5/3; dx = -1, -1, 2: slope = 5 / (42/9) = 15/14; SD = sqrt(6 / 2).
    const r = row(4);
    expect(r).toMatchObject({ peak: 5, peakHigh: 5, trough: 2, beginning: 2, end: 5, mean: 3 });
    expect(r.trend).toBeCloseTo(15 / 14, 14);
    expect(r.variability).toBeCloseTo(Math.sqrt(3), 14);
  });

  it('counts only ties between different values as ambiguous peaks (1, 1, 4, 4 is not)', () => {
    expect(row(5).peak).toBe(1);
    const result = gestaltFeatures(survey);
    expect(result.ambiguousPeaks).toBe(1);
    expect(result.warnings.map((w) => w.code)).toEqual(['peak_tie']);
    expect(result.answered).toEqual([3, 4, 1, 0, 3, 4]);
  });

  it.each([
    ['max', 5],
    ['min', 1],
    ['both', 3],
  ] as const)('peak rule %s gives %d for 5, 1, 3, 3', (peak, expected) => {
    expect(gestaltFeatures(survey, { peak }).features.peak[1]).toBe(expected);
  });

  it("follows each respondent's own order with positions: d, c, -, a reverses the first journey", () => {
    const positions = [['d', 'c', 'b', 'a'], ['a', 'b', 'c', 'd'], ['c'], [], ['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd']];
    const r = gestaltFeatures(survey, { positions }).features;
    // 2, 1, (b skipped), 4 at positions 1, 2, 4: dx = -1/3, -4/3, 5/3; slope = (33/9) / (42/9).
    expect([r.beginning[0], r.end[0], r.peak[0]]).toEqual([2, 4, 1]);
    expect(r.trend[0]).toBeCloseTo(11 / 14, 14);
    expect(r.trend[1]).toBeCloseTo(-0.4, 14);
  });

  it('rejects an unknown rule and malformed positions', () => {
    expect(() => gestaltFeatures(survey, { peak: 'loudest' as never })).toThrow(InvalidArgumentError);
    expect(() => gestaltFeatures(survey, { positions: [['a']] })).toThrow(/one order per respondent \(6\)/);
    expect(() => gestaltFeatures(survey, { positions: [['z'], [], [], [], [], []] })).toThrow(/"z", which is not a touchpoint/);
    expect(() => gestaltFeatures(survey, { positions: [['a', 'a'], [], [], [], [], []] })).toThrow(/twice/);
  });
});

// ---------------------------------------------------------------------------------------------
// Against R (test/golden/gestalt/generate.R).

interface GoldenModel {
  name: string;
  terms: string[];
  n: number;
  estimates: number[];
  stdErrors: number[];
  tValues: number[];
  pValues: number[];
  rSquared: number;
  adjustedRSquared: number;
  residualStdError: number;
  dfResidual: number;
  logLik: number;
  aic: number;
  bic: number;
  looRmse: number;
}
interface GoldenCase {
  n: number;
  excluded: number;
  models: GoldenModel[];
  nestedTests: unknown[];
  dependentCorrelation: Record<string, number>;
  importance: Record<string, number>;
  importanceRSquared: number;
  features: Record<string, (number | null)[]>;
  ordinal:
    | {
        models: { name: string; n: number; thresholds: number[]; beta: number[]; logLik: number; aic: number; bic: number }[];
        likelihoodRatioTests: { from: string; to: string; statistic: number; df: number; pValue: number }[];
      }
    | Record<string, never>;
}
const golden = loadGolden<{ cases: Record<string, GoldenCase>; dependent: unknown[] }>('gestalt/gestalt.json');
const heldoutPath = fileURLToPath(new URL('../golden/gestalt/heldout-journey.csv', import.meta.url));
const zhijiangPath = fileURLToPath(new URL('../../fixtures/zhijiang/zhijiang.csv', import.meta.url));
const heldoutSpec = (weighted: boolean): SurveySpec => ({
  touchpoints: ['booking', 'arrival', 'waiting', 'service', 'billing', 'farewell'],
  overall: 'overall',
  scale: { min: 1, max: 7 },
  id: 'id',
  ...(weighted && { weight: 'weight' }),
});

const cases = [
  { name: 'zhijiang', file: zhijiangPath, spec: () => zhijiangSpec(), options: {} },
  { name: 'zhijiang-min', file: zhijiangPath, spec: () => zhijiangSpec(), options: { peak: 'min' as const } },
  { name: 'heldout', file: heldoutPath, spec: () => heldoutSpec(false), options: {} },
  { name: 'heldout-weighted', file: heldoutPath, spec: () => heldoutSpec(true), options: {} },
  { name: 'heldout-max-w07', file: heldoutPath, spec: () => heldoutSpec(false), options: { peak: 'max' as const, weight: 0.7 } },
];
const tolerance = { relative: 1e-9, absolute: 1e-12 };

/** Features, models, nested F tests, dependent correlations and LMG of `survey` against R's values `g`. */
function expectBatteryAsR(name: string, g: GoldenCase, survey: Survey, options: { peak?: 'max' | 'min'; weight?: number }): void {
  expect(survey.n).toBe(g.n + g.excluded);
  const features = gestaltFeatures(survey, options).features;
  expectGolden(features, g.features, tolerance, `${name} features`);
  // Leave-one-out cross-validation (folds = n) is R's PRESS RMSE, whatever the seed.
  const r = gestalt(survey, { ...options, folds: g.n });
  expect([r.n, r.excluded, r.folds]).toEqual([g.n, g.excluded, g.n]);
  expect(r.weighted).toBe(name === 'heldout-weighted');
  r.models.forEach((m, j) => {
    const e = g.models[j] as GoldenModel;
    expect([m.name, m.terms, m.n, m.dfResidual]).toEqual([e.name, e.terms, e.n, e.dfResidual]);
    const coefficients = m.coefficients.map((c) => ('estimate' in c ? c : null));
    expectGolden(
      {
        estimates: coefficients.map((c) => c?.estimate),
        stdErrors: coefficients.map((c) => c?.stdError),
        tValues: coefficients.map((c) => c?.tValue),
        pValues: coefficients.map((c) => c?.pValue),
        ...m,
        looRmse: m.crossValidatedRmse,
      },
      (({ name: _name, terms: _terms, ...numbers }) => numbers)(e),
      tolerance,
      `${name} model ${m.name}`,
    );
  });
  expectGolden(r.nestedTests, g.nestedTests, tolerance, `${name} nested tests`);
  expectGolden(r.dependentCorrelation, g.dependentCorrelation, tolerance, `${name} dependent correlation`);
  expectGolden(r.importance, g.importance, tolerance, `${name} LMG`);
  const lmgSum = Object.values(r.importance ?? {}).reduce((s, v) => s + v, 0);
  expect(lmgSum).toBeCloseTo(g.importanceRSquared, 12);
  expect(lmgSum).toBeCloseTo(r.models[3]?.rSquared as number, 12);
}

describe('gestalt battery against R (lm, anova, AIC/BIC, PRESS, psych::r.test, Zou, relaimpo)', () => {
  it.each(cases)('$name: features, models, nested F tests, dependent correlations and LMG match R to 1e-9', async ({ name, file, spec: makeSpec, options }) => {
    expectBatteryAsR(name, golden.cases[name] as GoldenCase, await readSurveyFile(file, makeSpec()), options);
  });

  it('a public survey with a rating outcome (Air France export, 300 passengers, scores 1.0-10.0): the battery matches R', async () => {
    // test/golden/gestalt/air-france.R; the six scores in a journey order of our choosing (the file records none).
    const af = loadGolden<{ cases: Record<string, GoldenCase>; journey: string[] }>('gestalt/air-france.json');
    const file = fileURLToPath(new URL('../corpus/heldout/air-france-satisfaction-head300.csv', import.meta.url));
    const survey = await readSurveyFile(file, { touchpoints: af.journey, overall: 'note_globale', scale: { min: 1, max: 10, integer: false } });
    expectBatteryAsR('air-france', af.cases['air-france'] as GoldenCase, survey, {});
    // R: peak and end add nothing to the mean (p = 0.17), the mean adds to them (p = 3e-92).
    expect(gestalt(survey).verdict).toMatchObject({ code: 'mean-suffices', correlation: 'mean-higher', strongestFeature: 'mean' });
  });

  it.each(cases.filter((c) => 'models' in (golden.cases[c.name] as GoldenCase).ordinal))(
    '$name: proportional-odds fits and likelihood-ratio tests match ordinal::clm and anova',
    async ({ name, file, spec: makeSpec, options }) => {
      const g = (golden.cases[name] as GoldenCase).ordinal as Extract<GoldenCase['ordinal'], { models: unknown }>;
      const r = gestalt(await readSurveyFile(file, makeSpec()), { ...options, ordinal: true });
      expect(r.ordinal).not.toBeNull();
      const ordinal = r.ordinal as NonNullable<GestaltResult['ordinal']>;
      ordinal.models.forEach((m, j) => {
        const e = g.models[j] as (typeof g.models)[number];
        expect([m.name, m.n, m.converged]).toEqual([e.name, e.n, true]);
        // clm's own convergence (gradient 1e-12) limits the estimates to about 1e-8; the likelihood is flat there.
        expectGolden(
          { thresholds: m.thresholds.map((t) => t.estimate), beta: m.coefficients.map((c) => c.estimate) },
          { thresholds: e.thresholds, beta: e.beta },
          { relative: 1e-7, absolute: 1e-9 },
          `${name} ${m.name} clm estimates`,
        );
        expectGolden({ logLik: m.logLik, aic: m.aic, bic: m.bic }, { logLik: e.logLik, aic: e.aic, bic: e.bic }, { relative: 1e-10, absolute: 0 }, `${name} ${m.name} clm fit`);
      });
      // The LR statistic is a difference of log-likelihoods: absolute accuracy 1e-8.
      expectGolden(ordinal.likelihoodRatioTests, g.likelihoodRatioTests, { relative: 1e-8, absolute: 1e-8, fields: { pValue: { relative: 1e-7, absolute: 1e-12 } } }, `${name} LR tests`);
    },
  );

  it('states the verdict from the nested tests at alpha = 0.05', async () => {
    const zj = gestalt(await readSurveyFile(zhijiangPath, zhijiangSpec()));
    // R: mean -> mean+peak-end p = 0.013, peak-end -> mean+peak-end p = 0.905, -> gestalt p = 0.162.
    expect(zj.verdict).toMatchObject({ code: 'peak-end-beyond-mean', alpha: 0.05, otherFeaturesAdd: false, correlation: 'no-difference', strongestFeature: 'end' });
    const ho = gestalt(await readSurveyFile(heldoutPath, heldoutSpec(false)));
    // R: both p < 1e-10 (each adds to the other); -> gestalt p = 0.0478.
    expect(ho.verdict).toMatchObject({ code: 'both-contribute', otherFeaturesAdd: true, correlation: 'no-difference' });
    const hw = gestalt(await readSurveyFile(heldoutPath, heldoutSpec(true)));
    expect(hw.verdict.otherFeaturesAdd).toBe(false); // R: p = 0.0521
  });

  it("is peakEnd(survey).gestalt, with the call's rule, weight and level", async () => {
    const survey = await readSurveyFile(heldoutPath, heldoutSpec(false));
    const viaPeakEnd = peakEnd(survey, { peak: 'max', weight: 0.7, folds: 390, includePredictions: false }).gestalt as GestaltResult;
    const direct = gestalt(survey, { peak: 'max', weight: 0.7, folds: 390 });
    expect(viaPeakEnd).toEqual(direct);
    expect(peakEnd(survey, { gestalt: false }).gestalt).toBeNull();
    expect(viaPeakEnd.ordinal).toBeNull();
    expect(peakEnd(survey, { gestalt: { ordinal: true }, includePredictions: false }).gestalt?.ordinal?.models).toHaveLength(4);
    expect(gestalt(survey, { level: 0.9 }).verdict.alpha).toBe(0.1);
  });
});

describe('gestalt battery: cross-validation and edge cases', () => {
  it('assigns seeded folds: same seed, same RMSE; another seed, another; row order matters only through the folds', async () => {
    const survey = await readSurveyFile(heldoutPath, heldoutSpec(false));
    const rmse = (seed: number) => gestalt(survey, { seed }).models.map((m) => m.crossValidatedRmse);
    expect(rmse(3)).toEqual(rmse(3));
    expect(rmse(3)).not.toEqual(rmse(4));
    expect(gestalt(survey).folds).toBe(10);
  });

  it('computes the cross-validated RMSE from downdated cross-products (large data) as QR per fold does, to 1e-10', async () => {
    const survey = await readSurveyFile(heldoutPath, heldoutSpec(true));
    const f = gestaltFeatures(survey).features;
    const overall = survey.ratings.get('overall') as Float64Array;
    const rows = Array.from({ length: survey.n }, (_, i) => i).filter((i) => f.variability[i] !== null && !Number.isNaN(overall[i] as number));
    const names = ['mean', 'peak', 'end', 'trough', 'beginning', 'trend', 'variability'] as const;
    const X = rows.map((i) => names.map((name) => f[name][i] as number));
    const y = Float64Array.from(rows, (i) => overall[i] as number);
    const w = Float64Array.from(rows, (i) => (survey.weights as Float64Array)[i] as number);
    const n = rows.length;
    for (const folds of [10, n]) {
      const fold = Int32Array.from({ length: n }, (_, i) => (i * 7) % folds);
      for (const weights of [null, w]) {
        for (const columns of [[0], [1, 2], [0, 1, 2, 3, 4, 5, 6]]) {
          const Xs = X.map((x) => columns.map((j) => x[j] as number));
          const qr = crossValidatedRmseOf(Xs, y, weights, fold, folds, 'qr');
          const fast = crossValidatedRmseOf(Xs, y, weights, fold, folds, 'cross-products');
          expect(Math.abs(fast - qr) / qr).toBeLessThan(1e-10);
        }
      }
    }
  });

  it('gives the same fits, tests and importance for permuted respondents', () => {
    const rows = 40;
    const make = (order: number[]) => {
      const col = (f: (i: number) => number | null) => order.map(f);
      return readSurvey(
        {
          a: col((i) => 1 + ((i * 7) % 5)),
          b: col((i) => (i % 9 === 0 ? null : 1 + ((i * 3) % 5))),
          c: col((i) => 1 + ((i * 11 + 2) % 5)),
          d: col((i) => 1 + ((i * 13 + 1) % 5)),
          o: col((i) => 1 + ((i * 5 + (i % 3)) % 5)),
        },
        spec,
      );
    };
    const order = Array.from({ length: rows }, (_, i) => i);
    const shuffled = [...order].reverse();
    const a = gestalt(make(order), { folds: rows });
    const b = gestalt(make(shuffled), { folds: rows });
    expectGolden(b.models, JSON.parse(JSON.stringify(a.models)), { relative: 1e-10, absolute: 1e-12 });
    expectGolden(b.nestedTests, JSON.parse(JSON.stringify(a.nestedTests)), { relative: 1e-10, absolute: 1e-12 });
    expectGolden(b.importance, a.importance, { relative: 1e-10, absolute: 1e-12 });
  });

  it('needs nine respondents with two answers and an overall rating; peakEnd then skips it with a warning', () => {
    const survey = readSurvey(journeys, spec);
    expect(() => gestalt(survey)).toThrow(InsufficientDataError);
    expect(() => gestalt(survey)).toThrow(/at least 9 respondents .* got 4 \(2 left out\)/);
    const r = peakEnd(survey);
    expect(r.gestalt).toBeNull();
    expect(r.warnings.find((w) => w.code === 'gestalt_skipped')?.message).toMatch(/at least 9 respondents/);
  });

  it('skips the battery when the overall rating is constant (nothing to explain)', () => {
    const n = 12;
    const survey = readSurvey(
      {
        a: Array.from({ length: n }, (_, i) => 1 + (i % 5)),
        b: Array.from({ length: n }, (_, i) => 1 + ((i * 2) % 5)),
        c: Array.from({ length: n }, (_, i) => 1 + ((i * 3) % 5)),
        o: Array.from({ length: n }, () => 4),
      },
      { touchpoints: ['a', 'b', 'c'], overall: 'o', scale: { min: 1, max: 5 } },
    );
    expect(() => gestalt(survey)).toThrow(/no variation/);
    expect(peakEnd(survey).warnings.map((w) => w.code)).toContain('gestalt_skipped');
  });

  it('reports aliased features and no importance when the features are collinear (two touchpoints: mean = (beginning + end) / 2)', () => {
    const n = 30;
    const survey = readSurvey(
      { a: Array.from({ length: n }, (_, i) => 1 + ((i * 7) % 5)), b: Array.from({ length: n }, (_, i) => 1 + ((i * 3 + 1) % 5)), o: Array.from({ length: n }, (_, i) => 1 + ((i * 2 + (i % 4)) % 5)) },
      { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 } },
    );
    const r = gestalt(survey);
    const g = r.models.find((m) => m.name === 'gestalt');
    expect(g?.coefficients.some((c) => 'aliased' in c)).toBe(true);
    expect(r.importance).toBeNull();
    expect(r.warnings.map((w) => w.code)).toContain('gestalt_importance_undefined');
    expect(r.nestedTests).toHaveLength(3);
  });

  it('rejects invalid options', () => {
    const survey = readSurvey(journeys, spec);
    expect(() => gestalt(survey, { weight: 1.5 })).toThrow(InvalidArgumentError);
    expect(() => gestalt(survey, { level: 1 })).toThrow(InvalidArgumentError);
    expect(() => gestalt(survey, { folds: 1 })).toThrow(/folds must be an integer of at least 2/);
  });
});
