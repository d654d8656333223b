/**
 * modelData: complete cases and the dummy-variable adjustment, on a hand-made survey (every count
 * worked out by hand below) and on a journey survey against R's lm() (test/golden/model-data/).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { keyDrivers } from '../../src/experience/key-drivers.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { ols } from '../../src/regression/ols.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';
import { missingDataSummary, modelData } from '../../src/survey/model-data.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

// wifi: 0 = did not use it; food: empty = no answer.
//  row  wifi food overall weight   complete cases (weighted)     dummy adjustment (weighted)
//   1    4    5     5      1       used                          used
//   2    0    3     4      1       not applicable                used, wifi filled
//   3    2          2      1       missing (food)                used, food filled
//   4    0          3      1       missing (food; wifi n/a)      used, both filled
//   5    5    4            1       missing (outcome)             missing (outcome)
//   6    3    3     3      0       zero weight                   zero weight
//   7    1    2     1      2       used                          used
const csv = 'wifi,food,overall,w\n4,5,5,1\n0,3,4,1\n2,,2,1\n0,,3,1\n5,4,,1\n3,3,3,0\n1,2,1,2\n';
const spec: SurveySpec = { touchpoints: ['wifi', 'food'], overall: 'overall', scale: { min: 1, max: 5 }, notApplicable: [0], weight: 'w' };
const survey = readSurvey(csv, spec);

describe('modelData: complete cases', () => {
  it('keeps the rows with every value present and counts the others once, under missing, not applicable or zero weight', () => {
    const data = modelData(survey);
    expect(data.method).toBe('complete-cases');
    expect(data.n).toBe(2);
    expect(Array.from(data.rows)).toEqual([0, 6]);
    expect(data.X).toEqual([
      [4, 5],
      [1, 2],
    ]);
    expect(Array.from(data.y)).toEqual([5, 1]);
    expect(Array.from(data.weights ?? [])).toEqual([1, 2]);
    expect(data.rowsDropped).toEqual({ missing: 3, notApplicable: 1, invalidWeight: 0, zeroWeight: 1 });
    expect(data.indicators).toEqual([]);
    expect(data.names).toEqual(['wifi', 'food']);
    expect(data.warnings.map((w) => w.code)).toEqual(['rows_dropped_missing', 'rows_dropped_not_applicable', 'rows_dropped_zero_weight']);
  });

  it('ignores the weights when unweighted: the zero-weight row is used', () => {
    const data = modelData(survey, { weighted: false });
    expect(Array.from(data.rows)).toEqual([0, 5, 6]);
    expect(data.weights).toBeNull();
    expect(data.rowsDropped).toEqual({ missing: 3, notApplicable: 1, invalidWeight: 0, zeroWeight: 0 });
  });

  it('takes any rated columns as predictors, and another outcome', () => {
    const data = modelData(survey, { predictors: ['food'], outcome: 'wifi', weighted: false });
    // wifi present in rows 1, 3, 5, 6, 7; food present in 1, 2, 5, 6, 7.
    expect(Array.from(data.rows)).toEqual([0, 4, 5, 6]);
    // Rows 2 and 4 have no outcome (wifi not applicable: the outcome has no such state), row 3 no food.
    expect(data.rowsDropped).toEqual({ missing: 3, notApplicable: 0, invalidWeight: 0, zeroWeight: 0 });
  });

  it('refuses unknown columns, a predictor listed twice or equal to the outcome, and an unknown method', () => {
    expect(() => modelData(survey, { predictors: ['nope'] })).toThrow(InvalidArgumentError);
    expect(() => modelData(survey, { predictors: ['wifi', 'wifi'] })).toThrow(/listed twice/);
    expect(() => modelData(survey, { predictors: ['overall'] })).toThrow(/is the outcome/);
    expect(() => modelData(survey, { missingData: 'mean-imputation' as never })).toThrow(/missingData must be one of/);
  });
});

describe('modelData: dummy-variable adjustment', () => {
  it('keeps every respondent with an outcome, fills unanswered cells with the observed mean and adds "not answered" indicators', () => {
    const data = modelData(survey, { missingData: 'dummy-adjustment' });
    expect(data.n).toBe(5);
    expect(Array.from(data.rows)).toEqual([0, 1, 2, 3, 6]);
    expect(data.rowsDropped).toEqual({ missing: 1, notApplicable: 0, invalidWeight: 0, zeroWeight: 1 });
    // wifi answered 4, 2, 1 among the used rows: mean 7/3; food 5, 3, 2: mean 10/3.
    expect(data.indicators).toEqual([
      { column: 'wifi', indicator: 'wifi not answered', fill: 7 / 3, missing: 0, notApplicable: 2 },
      { column: 'food', indicator: 'food not answered', fill: 10 / 3, missing: 2, notApplicable: 0 },
    ]);
    expect(data.names).toEqual(['wifi', 'food', 'wifi not answered', 'food not answered']);
    expect(data.X).toEqual([
      [4, 5, 0, 0],
      [7 / 3, 3, 1, 0],
      [2, 10 / 3, 0, 1],
      [7 / 3, 10 / 3, 1, 1],
      [1, 2, 0, 0],
    ]);
    expect(Array.from(data.y)).toEqual([5, 4, 2, 3, 1]);
    expect(data.warnings.map((w) => w.code)).toEqual(['rows_dropped_missing', 'rows_dropped_zero_weight', 'dummy_adjustment']);
    expect(missingDataSummary(data)).toEqual({ method: 'dummy-adjustment', rowsAvailable: 7, n: 5, rowsDropped: data.rowsDropped, indicators: data.indicators });
  });

  it('adds no indicator for a touchpoint answered by every used respondent', () => {
    const data = modelData(survey, { missingData: 'dummy-adjustment', predictors: ['wifi'], outcome: 'food', weighted: false });
    // food present in rows 1, 2, 5, 6, 7; wifi there: 4, n/a, 5, 3, 1.
    expect(data.indicators.map((d) => d.column)).toEqual(['wifi']);
    expect(data.indicators[0]?.fill).toBe(13 / 4);
  });

  it('refuses a touchpoint nobody with an outcome answered', () => {
    const none = readSurvey('a,b,o\n0,1,2\n0,2,3\n', { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 }, notApplicable: [0] });
    expect(() => modelData(none, { missingData: 'dummy-adjustment' })).toThrow(InsufficientDataError);
    expect(() => modelData(none, { missingData: 'dummy-adjustment' })).toThrow(/"a" has no answer among the 2 respondents/);
  });
});

interface Fit {
  n: number;
  rowsDropped: Record<string, number>;
  fills?: Record<string, { fill: number; missing: number; notApplicable: number }>;
  coefficients: { name: string; estimate: number; stdError: number; tValue: number; pValue: number }[];
  rSquared: number;
  adjustedRSquared: number;
  residualStdError: number;
  dfResidual: number;
}
interface Golden {
  completeCases: Fit;
  completeCasesWeighted: Fit;
  dummyAdjustment: Fit;
  dummyAdjustmentWeighted: Fit;
  lmgGroups: { importance: Record<string, number>; rSquared: number };
}

describe('modelData against R lm() (test/golden/model-data, journey survey with not-applicable answers)', () => {
  const golden = loadGolden<Golden>('model-data/model-data.json');
  const text = readFileSync(fileURLToPath(new URL('../golden/model-data/journey.csv', import.meta.url)), 'utf8');
  const journey = readSurvey(text, { touchpoints: ['wifi', 'food', 'seat', 'staff'], overall: 'overall', scale: { min: 1, max: 5 }, notApplicable: [0], weight: 'weight', id: 'id' });
  // R's names: wifi_f for the filled touchpoint, wifi_na for its indicator.
  const rName = (name: string): string => name.replace(/ not answered$/, '_na');
  const cases = [
    ['complete cases', 'complete-cases', false, golden.completeCases],
    ['complete cases, weighted', 'complete-cases', true, golden.completeCasesWeighted],
    ['dummy adjustment', 'dummy-adjustment', false, golden.dummyAdjustment],
    ['dummy adjustment, weighted', 'dummy-adjustment', true, golden.dummyAdjustmentWeighted],
  ] as const;

  it.each(cases)('%s: rows used and left out, fill values, and the fit equal R to 1e-10', (_, method, weighted, expected) => {
    const data = modelData(journey, { missingData: method, weighted });
    expect(data.n).toBe(expected.n);
    expect(data.rowsDropped).toMatchObject(expected.rowsDropped);
    expect(data.rowsDropped.missing + data.rowsDropped.notApplicable + data.rowsDropped.zeroWeight + data.n).toBe(journey.n);
    if (expected.fills !== undefined) {
      expect(Object.fromEntries(data.indicators.map((d) => [d.column, { fill: d.fill, missing: d.missing, notApplicable: d.notApplicable }]))).toEqual(
        Object.fromEntries(Object.entries(expected.fills).map(([k, v]) => [k, { ...v, fill: expect.closeTo(v.fill, 13) }])),
      );
    }
    const fit = ols(data.X, Array.from(data.y), { names: data.names.map(rName), ...(data.weights && { weights: Array.from(data.weights) }) });
    const rCoefficients = expected.coefficients.map((c) => ({ ...c, name: c.name.replace(/_f$/, '') }));
    expectGolden(
      { n: fit.n, coefficients: fit.coefficients, rSquared: fit.rSquared, adjustedRSquared: fit.adjustedRSquared, residualStdError: fit.residualStdError, dfResidual: fit.dfResidual },
      {
        n: expected.n,
        coefficients: rCoefficients,
        rSquared: expected.rSquared,
        adjustedRSquared: expected.adjustedRSquared,
        residualStdError: expected.residualStdError,
        dfResidual: expected.dfResidual,
      },
      { relative: 1e-10, fields: { pValue: { relative: 1e-8, absolute: 1e-14 } } },
      method,
    );
  });

  it('keyDrivers with missingData "dummy-adjustment": the regression is lm with indicators, and LMG treats each touchpoint and its indicator as one player', () => {
    const drivers = keyDrivers(journey, { missingData: 'dummy-adjustment', weighted: false });
    expect(drivers.n).toBe(golden.dummyAdjustment.n);
    expect(drivers.missingData.method).toBe('dummy-adjustment');
    expect(drivers.missingData.indicators.map((d) => d.column)).toEqual(['wifi', 'food', 'seat']);
    const wifi = drivers.regression.coefficients.find((c) => c.name === 'wifi');
    const rWifi = golden.dummyAdjustment.coefficients.find((c) => c.name === 'wifi_f');
    expect(wifi && 'estimate' in wifi ? wifi.estimate : NaN).toBeCloseTo(rWifi?.estimate ?? NaN, 10);
    expectGolden({ importance: drivers.importance.importance, rSquared: drivers.importance.rSquared }, golden.lmgGroups, { relative: 1e-10 }, 'grouped LMG');
    expect(drivers.touchpoints.map((t) => t.importance)).toEqual(['wifi', 'food', 'seat', 'staff'].map((c) => drivers.importance.importance[c]));
  });

  it('keyDrivers by default (complete cases) reports the respondents left out and why', () => {
    const drivers = keyDrivers(journey, { weighted: false });
    expect(drivers.missingData).toMatchObject({ method: 'complete-cases', rowsAvailable: 300, n: 188, rowsDropped: { missing: 15, notApplicable: 97, invalidWeight: 0, zeroWeight: 0 } });
    expect(drivers.warnings.map((w) => w.code)).toContain('rows_dropped_not_applicable');
  });
});
