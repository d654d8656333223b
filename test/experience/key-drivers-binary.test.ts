import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyDrivers } from '../../src/experience/key-drivers.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { AIRLINE_TOUCHPOINTS, airlineCsvPath } from '../helpers/airline.js';
import { expectGolden, type GoldenCoefficient, loadGolden } from '../helpers/golden.js';

interface Case {
  n: number;
  columns: string[];
  logLik: number;
  measures: Record<string, { rSquared: number; importance: Record<string, number> }>;
  coefficients: GoldenCoefficient[];
  rSquared?: number;
  importance?: Record<string, number>;
}
const golden = loadGolden<{ cases: Record<string, Case> }>('pseudo-r-squared/pseudo-r-squared.json');
const csv = readFileSync(airlineCsvPath(), 'utf8');
const touchpoints = [...AIRLINE_TOUCHPOINTS];
const binarySpec = { touchpoints, overall: { column: 'satisfaction', type: 'binary' as const, positive: ['satisfied'] }, scale: { min: 1, max: 5 }, notApplicable: [0], weight: 'weight', id: 'id' };
const survey = readSurvey(csv, binarySpec);
// R names the indicator "<touchpoint>:not answered"; modelData "<touchpoint> not answered".
const rename = (name: string): string => name.replace(':not answered', ' not answered');
const byName = (coefficients: readonly { name: string }[]): Record<string, unknown> => Object.fromEntries(coefficients.map((c) => [c.name, c]));
const tight = { relative: 1e-8, absolute: 1e-12 };

describe('keyDrivers with a binary outcome reproduces R glm(binomial) and all-subsets McFadden Shapley values', () => {
  it('complete cases: logistic by default, importance = McFadden Shapley values, rSquared = full McFadden R2, n and rows left out stated', () => {
    const g = golden.cases.complete as Case;
    const r = keyDrivers(survey, { weighted: false });
    expect(r.outcome).toBe('binary');
    expect(r.model).toBe('logistic');
    expect(r.n).toBe(g.n);
    expect(r.missingData.n).toBe(g.n);
    const dropped = r.missingData.rowsDropped;
    expect(dropped.missing + dropped.notApplicable + dropped.invalidWeight + dropped.zeroWeight).toBe(1500 - g.n);
    expect(dropped.notApplicable).toBeGreaterThan(0);
    expect(r.importance.method).toBe('pseudo-r-squared-shapley');
    expectGolden({ rSquared: r.importance.rSquared, importance: r.importance.importance }, g.measures.mcfadden, tight, 'importance');
    const fit = r.modelFit;
    if (fit === null || !('nullDeviance' in fit)) throw new Error('expected a logistic fit');
    expectGolden(
      byName(fit.coefficients),
      Object.fromEntries(g.coefficients.map(({ name, estimate, stdErrorAtEstimate, zValue: _z, pValue: _p }) => [name, { estimate, stdError: stdErrorAtEstimate }])),
      tight,
      'coefficients',
    );
    expect(fit.mcFaddenRSquared).toBeCloseTo(r.importance.rSquared, 12);
    for (const t of r.touchpoints) expect(t.importance).toBe(r.importance.importance[t.touchpoint]);
    expect(r.touchpoints.reduce((s, t) => s + t.importanceShare, 0)).toBeCloseTo(1, 12);
  });

  it('weighted (the survey weight as prior weights)', () => {
    const g = golden.cases.weighted as Case;
    const r = keyDrivers(survey);
    expectGolden({ rSquared: r.importance.rSquared, importance: r.importance.importance }, g.measures.mcfadden, tight, 'weighted importance');
  });

  it("dummy adjustment: every respondent with an outcome, coefficient under the touchpoint's column, touchpoint + indicator one player", () => {
    const g = golden.cases.dummy as Case;
    const r = keyDrivers(survey, { weighted: false, missingData: 'dummy-adjustment' });
    expect(r.n).toBe(g.n);
    expectGolden({ rSquared: r.importance.rSquared, importance: r.importance.importance }, g.measures.mcfadden, tight, 'dummy importance');
    const fit = r.modelFit;
    if (fit === null || !('nullDeviance' in fit)) throw new Error('expected a logistic fit');
    expectGolden(
      byName(fit.coefficients),
      Object.fromEntries(g.coefficients.map(({ name, estimate, stdErrorAtEstimate }) => [rename(name), { estimate, stdError: stdErrorAtEstimate }])),
      tight,
      'dummy coefficients',
    );
    const wifi = r.touchpoints.find((t) => t.touchpoint === 'wifi');
    expect(wifi?.estimate).toBeCloseTo(fit.coefficients.find((c) => c.name === 'wifi')?.estimate as number, 14);
    expect(Object.keys(r.importance.importance)).toEqual(touchpoints);
  });
});

describe('keyDrivers with an NPS outcome', () => {
  const npsSurvey = readSurvey(csv, { ...binarySpec, overall: { column: 'recommend', type: 'nps' as const } });
  it('drivers of the 0-10 rating as a rating, dummy-adjusted, equal R lm and grouped LMG', () => {
    const g = golden.cases.dummyLm as Case;
    const r = keyDrivers(npsSurvey, { weighted: false, missingData: 'dummy-adjustment' });
    expect(r.outcome).toBe('rating');
    expect(r.model).toBe('ols');
    expect(r.n).toBe(g.n);
    expectGolden({ rSquared: r.importance.rSquared, importance: r.importance.importance }, { rSquared: g.rSquared, importance: g.importance }, tight, 'lmg');
    expectGolden(
      byName(r.regression.coefficients),
      Object.fromEntries(g.coefficients.map(({ name, estimate, stdError, tValue, pValue }) => [rename(name), { estimate, stdError, tValue, pValue }])),
      tight,
      'lm',
    );
  });
  it("promoter vs not on request: logistic, McFadden importance summing to the full model's R2", () => {
    const r = keyDrivers(npsSurvey, { weighted: false, nps: 'promoter' });
    expect(r.outcome).toBe('promoter');
    expect(r.model).toBe('logistic');
    const sum = Object.values(r.importance.importance).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(r.importance.rSquared, 12);
    expect(() => keyDrivers(survey, { nps: 'promoter' })).toThrow(/needs an NPS outcome/);
  });
});
