import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type GestaltResult, gestalt } from '../../src/experience/gestalt.js';
import { GESTALT_FEATURES, gestaltFeatures } from '../../src/experience/gestalt-features.js';
import { peakEnd } from '../../src/experience/peak-end.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';
import type { Survey } from '../../src/survey/survey.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

// Against R's glm (test/golden/gestalt/binary.R).
interface GoldenModel {
  name: string;
  terms: string[];
  n: number;
  estimates: number[];
  stdErrors: number[];
  zValues: number[];
  pValues: number[];
  logLik: number;
  aic: number;
  bic: number;
  deviance: number;
  mcFaddenRSquared: number;
  crossValidatedLogLoss: number | null;
}
interface GoldenCase {
  n: number;
  excluded: number;
  events: number;
  models: GoldenModel[];
  likelihoodRatioTests: { from: string; to: string; statistic: number; df: number; pValue: number }[];
  meanPeakEndOverallTest: { statistic: number; df: number; pValue: number };
  dependentCorrelation: Record<string, number>;
  importance: Record<string, number>;
  importanceRSquared: number;
  features: Record<string, (number | null)[]>;
  featureSums: Record<string, number>;
  featureCounts: Record<string, number>;
}
const golden = loadGolden<{ cases: Record<string, GoldenCase>; journey: string[] }>('gestalt/binary.json');
const heldoutPath = fileURLToPath(new URL('../golden/gestalt/heldout-journey.csv', import.meta.url));
const airlinePath = fileURLToPath(new URL('../corpus/heldout/airline-passenger-satisfaction.csv', import.meta.url));

// The held-out journey survey with the overall rating dichotomised as a column top2: 6 or 7 of 7 = 1.
const heldoutText = (() => {
  const [header, ...lines] = readFileSync(heldoutPath, 'utf8').trim().split(/\r?\n/);
  return [
    `${header},"top2"`,
    ...lines.map((line) => {
      const overall = line.split(',')[7] as string;
      return `${line},${overall === '' ? '' : Number(overall) >= 6 ? 1 : 0}`;
    }),
  ].join('\n');
})();
const heldoutBinarySpec = (weighted: boolean): SurveySpec => ({
  touchpoints: ['booking', 'arrival', 'waiting', 'service', 'billing', 'farewell'],
  overall: { column: 'top2', type: 'binary' },
  scale: { min: 1, max: 7 },
  id: 'id',
  ...(weighted && { weight: 'weight' }),
});
const heldoutBinary = (weighted: boolean): Survey => readSurvey(heldoutText, heldoutBinarySpec(weighted));
// The public airline survey: 14 ratings in a journey order (booking to baggage claim; the file
// records none, so this order is ours), 0 = not applicable, satisfied / neutral or dissatisfied.
const AIRLINE_JOURNEY = [
  'Ease of Online booking',
  'Departure/Arrival time convenient',
  'Checkin service',
  'Gate location',
  'Online boarding',
  'Seat comfort',
  'Leg room service',
  'On-board service',
  'Inflight service',
  'Inflight wifi service',
  'Inflight entertainment',
  'Food and drink',
  'Cleanliness',
  'Baggage handling',
];
const airlineSpec = (): SurveySpec => ({
  touchpoints: AIRLINE_JOURNEY,
  overall: { column: 'satisfaction', type: 'binary', positive: ['satisfied'] },
  scale: { min: 1, max: 5 },
  notApplicable: [0],
});

const tolerance = { relative: 1e-9, absolute: 1e-12 };

function compare(name: string, r: GestaltResult, g: GoldenCase): void {
  expect([r.outcome, r.n, r.excluded, r.importanceMethod, r.verdict.basis]).toEqual(['binary', g.n, g.excluded, 'pseudo-r-squared-shapley', 'logistic']);
  const logistic = r.logistic as NonNullable<GestaltResult['logistic']>;
  expect(logistic.events).toBe(g.events);
  logistic.models.forEach((m, j) => {
    const e = g.models[j] as GoldenModel;
    expect([m.name, m.terms, m.n]).toEqual([e.name, e.terms, e.n]);
    expectGolden(
      {
        estimates: m.coefficients.map((c) => c.estimate),
        stdErrors: m.coefficients.map((c) => c.stdError),
        zValues: m.coefficients.map((c) => c.zValue),
        pValues: m.coefficients.map((c) => c.pValue),
        logLik: m.logLik,
        aic: m.aic,
        bic: m.bic,
        deviance: m.deviance,
        mcFaddenRSquared: m.mcFaddenRSquared,
        ...(e.crossValidatedLogLoss !== null && { crossValidatedLogLoss: m.crossValidatedLogLoss }),
      },
      (({ name: _n, terms: _t, n: _size, crossValidatedLogLoss, ...numbers }) => ({ ...numbers, ...(crossValidatedLogLoss !== null && { crossValidatedLogLoss }) }))(e),
      // A tail p-value magnifies the relative error of its z about z^2 times (z reaches 43 on the airline data).
      { ...tolerance, fields: { pValues: { relative: 1e-6, absolute: 0 } } },
      `${name} glm ${m.name}`,
    );
  });
  // A deviance difference: absolute accuracy about 1e-9 of the deviances.
  expectGolden(logistic.likelihoodRatioTests, g.likelihoodRatioTests, { relative: 1e-9, absolute: 1e-9, fields: { pValue: { relative: 1e-7, absolute: 0 } } }, `${name} LR tests`);
  expectGolden(logistic.overallTest, g.meanPeakEndOverallTest, { relative: 1e-9, absolute: 1e-9, fields: { pValue: { relative: 1e-7, absolute: 0 } } }, `${name} overall LR test`);
  expectGolden(r.dependentCorrelation, g.dependentCorrelation, tolerance, `${name} point-biserial dependent correlation`);
  expectGolden(r.importance, g.importance, tolerance, `${name} Shapley of McFadden R2`);
  const sum = Object.values(r.importance ?? {}).reduce((s, v) => s + v, 0);
  expect(sum).toBeCloseTo(g.importanceRSquared, 12);
}

describe('gestalt battery on a binary outcome against R (glm, anova LRT, AIC/BIC, McFadden, Shapley)', () => {
  it.each([
    ['heldout-binary', false],
    ['heldout-binary-weighted', true],
  ] as const)('%s: logistic fits, LR tests, leave-one-out log-loss, point-biserial Williams t and Shapley importance match R to 1e-9', async (name, weighted) => {
    const g = golden.cases[name] as GoldenCase;
    const survey = heldoutBinary(weighted);
    expectGolden(gestaltFeatures(survey).features, g.features, tolerance, `${name} features`);
    const r = gestalt(survey, { folds: g.n });
    expect(r.weighted).toBe(weighted);
    compare(name, r, g);
  });

  it('airline passengers (public, 8,507 rows, 14 touchpoints, 0 = not applicable): features and the logistic battery match R', async () => {
    const g = golden.cases.airline as GoldenCase;
    expect(golden.journey).toEqual(AIRLINE_JOURNEY);
    const survey = await readSurveyFile(airlinePath, airlineSpec());
    const features = gestaltFeatures(survey).features;
    expectGolden(Object.fromEntries(GESTALT_FEATURES.map((f) => [f, features[f].slice(0, 200)])), g.features, tolerance, 'airline features (first 200 rows)');
    const present = (f: (typeof GESTALT_FEATURES)[number]) => features[f].filter((v): v is number => v !== null);
    expectGolden(Object.fromEntries(GESTALT_FEATURES.map((f) => [f, present(f).length])), g.featureCounts, { relative: 0, absolute: 0 }, 'airline feature counts');
    expectGolden(Object.fromEntries(GESTALT_FEATURES.map((f) => [f, present(f).reduce((s, v) => s + v, 0)])), g.featureSums, { relative: 1e-12, absolute: 1e-9 }, 'airline feature sums');
    const r = gestalt(survey);
    compare('airline', r, g);
    // R: peak and end add to the mean (p = 5.3e-9) and the mean adds to them (p < 1e-300).
    expect(r.verdict).toMatchObject({ code: 'both-contribute', otherFeaturesAdd: true, strongestFeature: 'mean' });
    expect(r.logistic?.models.every((m) => m.crossValidatedLogLoss !== null && m.crossValidatedLogLoss > 0)).toBe(true);
  });

  it('is peakEnd(survey).gestalt for a binary survey; a rating survey has no logistic battery', async () => {
    const survey = heldoutBinary(false);
    const viaPeakEnd = peakEnd(survey, { includePredictions: false }).gestalt as GestaltResult;
    expect(viaPeakEnd).toEqual(gestalt(survey));
    expect(viaPeakEnd.verdict.code).toBe('both-contribute'); // R: LR p = 4.5e-10 and 1.6e-6
    const rating = gestalt(readSurvey(heldoutText, { ...heldoutBinarySpec(false), overall: 'overall' }));
    expect([rating.outcome, rating.logistic, rating.importanceMethod, rating.verdict.basis]).toEqual(['rating', null, 'lmg', 'ols']);
  });

  it('falls back to the least-squares verdict with a warning when the logistic fits fail (the mean separates the outcome)', () => {
    // Outcome 1 exactly when the mean rating is above 3: the maximum-likelihood estimate does not exist.
    const a = [1, 2, 4, 5, 3, 2, 5, 4, 1, 3, 4, 2, 5, 1, 3, 4, 2, 5, 3, 1];
    const b = [2, 1, 5, 4, 2, 3, 4, 5, 2, 1, 5, 1, 4, 2, 2, 5, 1, 4, 2, 2];
    const c = [1, 3, 4, 4, 3, 1, 5, 3, 2, 2, 4, 3, 5, 1, 3, 4, 3, 4, 3, 2];
    const o = a.map((v, i) => ((v + (b[i] as number) + (c[i] as number)) / 3 > 3 ? 1 : 0));
    const survey = readSurvey({ a, b, c, o }, { touchpoints: ['a', 'b', 'c'], overall: { column: 'o', type: 'binary' }, scale: { min: 1, max: 5 } });
    const r = gestalt(survey);
    expect([r.outcome, r.logistic, r.importanceMethod, r.verdict.basis]).toEqual(['binary', null, 'lmg', 'ols']);
    expect(r.warnings.map((w) => w.code)).toContain('gestalt_logistic_skipped');
    expect(r.warnings.find((w) => w.code === 'gestalt_logistic_skipped')?.message).toMatch(/separate/);
  });
});
