/**
 * The public airline passenger satisfaction survey (test/corpus/heldout/airline-passenger-satisfaction.csv,
 * 8,507 passengers, 14 service ratings 1-5 where 0 = not applicable, a binary outcome) read from
 * the CSV as a user would and checked against R (test/golden/public-airline/generate.R):
 * glm(binomial), the Shapley values of McFadden's pseudo-R-squared from all-subsets glm fits,
 * dummy-variable adjustment, the ingest report's not-applicable counts and the CLI.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyDrivers } from '../../src/experience/key-drivers.js';
import { peakEnd } from '../../src/experience/peak-end.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import type { LogisticResult } from '../../src/regression/logistic.js';
import { describeSurvey } from '../../src/survey/describe-survey.js';
import type { Survey } from '../../src/survey/survey.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';
import { runCli } from '../helpers/run-cli.js';

interface Coefficient {
  name: string;
  estimate: number;
  stdError: number;
  stdErrorAtEstimate: number;
  zValue: number;
  pValue: number;
  zValueAtEstimate: number;
  pValueAtEstimate: number;
}
interface Fit {
  n: number;
  coefficients: Coefficient[];
  logLik: number;
  deviance: number;
  nullDeviance: number;
  aic: number;
}
interface Decomposition {
  n: number;
  logLik: number;
  nullLogLik: number;
  rSquared: number;
  importance: Record<string, number>;
}
interface Golden {
  rows: number;
  touchpoints: string[];
  notApplicable: Record<string, number>;
  completeCases: number;
  glm14: Fit;
  touchpoints8: string[];
  glm8: Fit;
  shapley8: Decomposition;
  dummy: Fit & { fillMeans: Record<string, number>; touchpoints: string[] };
  separatingIndicators: string[];
}

const golden = loadGolden<Golden>('public-airline/public-airline.json');
const peakEndGolden = loadGolden<{ peak: string; end: string; n: number; logLik: number; aic: number; coefficients: (Coefficient & { zValueAtEstimate: number; pValueAtEstimate: number })[] }>(
  'public-airline/peak-end.json',
);
const file = fileURLToPath(new URL('heldout/airline-passenger-satisfaction.csv', import.meta.url));
const specOf = (touchpoints: readonly string[]) => ({
  touchpoints: [...touchpoints],
  overall: { column: 'satisfaction', type: 'binary' as const, positive: ['satisfied'] },
  scale: { min: 1, max: 5 },
  notApplicable: [0],
});
const tight = { relative: 1e-8, absolute: 1e-12 };
// R names the indicator "<touchpoint>:not answered"; modelData "<touchpoint> not answered".
const rename = (name: string): string => name.replace(':not answered', ' not answered');
// R's summary() SEs come from the IRLS weights one step before the estimate (about 1e-8 away);
// our fit's come from the estimate, as R's `AtEstimate` values (test/golden/public-airline/README.md).
const expectedCoefficients = (fit: Fit) =>
  Object.fromEntries(
    fit.coefficients.map(({ name, estimate, stdErrorAtEstimate, zValueAtEstimate, pValueAtEstimate }) => [
      rename(name),
      { estimate, stdError: stdErrorAtEstimate, zValue: zValueAtEstimate, pValue: pValueAtEstimate },
    ]),
  );
const byName = (coefficients: readonly { name: string }[]): Record<string, unknown> => Object.fromEntries(coefficients.map((c) => [c.name, c]));
const logisticFit = (fit: unknown): LogisticResult => {
  if (fit === null || typeof fit !== 'object' || (fit as { method?: string }).method !== 'logistic') throw new Error('expected a logistic fit');
  return fit as LogisticResult;
};

// Whole-file analyses of 8,507 rows (the CLI runs every section): generous timeouts for a busy machine.
describe('public airline survey (8,507 passengers, 14 touchpoints, 0 = not applicable) against R', { timeout: 300_000 }, () => {
  let survey: Survey;
  beforeAll(async () => {
    survey = await readSurveyFile(file, specOf(golden.touchpoints));
  });

  it('reads every passenger and counts the not-applicable answers per column, apart from missing', () => {
    expect(survey.n).toBe(golden.rows);
    for (const column of golden.touchpoints) {
      const entry = survey.report.columns.find((c) => c.column === column);
      expect(entry?.notApplicable, column).toBe(golden.notApplicable[column]);
      expect(entry?.missing, column).toBe(0);
    }
    expect(survey.report.columns.find((c) => c.role === 'overall')?.missing).toBe(0);
  });

  it('describes each touchpoint with its not-applicable answers apart from its missing ones', () => {
    const items = describeSurvey(survey).items;
    for (const column of golden.touchpoints) {
      const item = items.find((i) => i.column === column);
      expect([item?.n, item?.missing, item?.notApplicable], column).toEqual([golden.rows - (golden.notApplicable[column] as number), 0, golden.notApplicable[column]]);
    }
  });

  it("complete cases: glm(binomial) coefficients, SEs, z, p, logLik, deviance and AIC; the 14-touchpoint sampling estimate within 4 Monte Carlo SEs of R's exact Shapley values", () => {
    const r = keyDrivers(survey, { weighted: false });
    expect(r.model).toBe('logistic');
    expect(r.n).toBe(golden.completeCases);
    expect(r.missingData.rowsDropped.notApplicable).toBe(golden.rows - golden.completeCases);
    const fit = logisticFit(r.modelFit);
    expect(fit.n).toBe(golden.glm14.n);
    expectGolden(byName(fit.coefficients), expectedCoefficients(golden.glm14), tight, 'glm');
    const { logLik, deviance, nullDeviance, aic } = golden.glm14;
    expectGolden({ logLik: fit.logLik, deviance: fit.deviance, nullDeviance: fit.nullDeviance, aic: fit.aic }, { logLik, deviance, nullDeviance, aic }, tight, 'fit');
    for (const t of r.touchpoints) expect(t.estimate, t.touchpoint).toBe(fit.coefficients.find((c) => c.name === t.touchpoint && 'estimate' in c)?.estimate);

    // More than 12 touchpoints: a seeded sampling estimate with Monte Carlo standard errors.
    const { shapley14 } = loadGolden<{ shapley14: Decomposition }>('public-airline/shapley14.json');
    const importance = r.importance;
    expect(importance.method).toBe('pseudo-r-squared-shapley');
    if (!('exact' in importance)) throw new Error('expected a pseudo-R-squared decomposition');
    expect(importance.exact).toBe(false);
    expectGolden({ rSquared: importance.rSquared }, { rSquared: shapley14.rSquared }, tight, 'McFadden R2');
    const standardErrors = importance.standardErrors as Record<string, number>;
    for (const column of golden.touchpoints) {
      const se = standardErrors[column] as number;
      expect(se, column).toBeGreaterThan(0);
      expect(Math.abs((importance.importance[column] as number) - (shapley14.importance[column] as number)), column).toBeLessThanOrEqual(4 * se);
    }
  });

  it('exact McFadden Shapley values over 8 touchpoints equal all-subsets glm in R', async () => {
    const eight = await readSurveyFile(file, specOf(golden.touchpoints8));
    const r = keyDrivers(eight, { weighted: false });
    expect(r.n).toBe(golden.shapley8.n);
    const importance = r.importance;
    if (!('exact' in importance)) throw new Error('expected a pseudo-R-squared decomposition');
    expect(importance.exact).toBe(true);
    expectGolden({ rSquared: importance.rSquared, importance: importance.importance }, { rSquared: golden.shapley8.rSquared, importance: golden.shapley8.importance }, tight, 'exact 8');
    expectGolden(byName(logisticFit(r.modelFit).coefficients), expectedCoefficients(golden.glm8), tight, 'glm 8');
  });

  it('dummy adjustment keeps every passenger: glm on the mean-filled columns and "not answered" indicators', async () => {
    // Seven touchpoints whose indicator does not separate the outcome (see the generator).
    const seven = await readSurveyFile(file, specOf(golden.dummy.touchpoints));
    const r = keyDrivers(seven, { weighted: false, missingData: 'dummy-adjustment' });
    expect(r.n).toBe(golden.rows);
    const fit = logisticFit(r.modelFit);
    expectGolden(byName(fit.coefficients), expectedCoefficients(golden.dummy), tight, 'dummy glm');
    expectGolden({ logLik: fit.logLik, deviance: fit.deviance, aic: fit.aic }, { logLik: golden.dummy.logLik, deviance: golden.dummy.deviance, aic: golden.dummy.aic }, tight, 'dummy fit');
    expectGolden(Object.fromEntries(r.missingData.indicators.map((i) => [i.column, i.fill])), golden.dummy.fillMeans, tight, 'fill means');
    expect(r.missingData.indicators.map((i) => i.notApplicable)).toEqual(r.missingData.indicators.map((i) => golden.notApplicable[i.column]));
  });

  it('dummy adjustment over all 14: the wifi indicator separates the outcome (every passenger without wifi was satisfied), and the error says so', () => {
    expect(golden.separatingIndicators).toContain('Inflight wifi service');
    expect(() => keyDrivers(survey, { weighted: false, missingData: 'dummy-adjustment', sampling: { permutations: 2, seed: 1 } })).toThrow(
      /"Inflight wifi service" \(254 without an answer, all positive\)/,
    );
  });

  it("peakEnd's regression check on the binary outcome is R's glm(binomial) on the peak and end touchpoints, not OLS", () => {
    const r = peakEnd(survey);
    expect(r.aggregate.peak.touchpoint).toBe(peakEndGolden.peak);
    expect(r.aggregate.end.touchpoint).toBe(peakEndGolden.end);
    const fit = logisticFit(r.regression);
    expect(fit.n).toBe(peakEndGolden.n);
    // R's summary() SEs come from the weights one IRLS step before the estimate; compare at the estimate.
    const expected = Object.fromEntries(
      peakEndGolden.coefficients.map(({ name, estimate, stdErrorAtEstimate, zValueAtEstimate, pValueAtEstimate }) => [
        name,
        { estimate, stdError: stdErrorAtEstimate, zValue: zValueAtEstimate, pValue: pValueAtEstimate },
      ]),
    );
    expectGolden(byName(fit.coefficients), expected, tight, 'peak-end glm');
    expectGolden({ logLik: fit.logLik, aic: fit.aic }, { logLik: peakEndGolden.logLik, aic: peakEndGolden.aic }, tight, 'peak-end fit');
    // The Gestalt battery of a binary outcome is the logistic one (checked against R in
    // test/experience/gestalt-binary.test.ts).
    expect(r.gestalt?.outcome).toBe('binary');
    expect(r.gestalt?.logistic).not.toBeNull();
    expect(r.warnings.map((w) => w.code)).not.toContain('gestalt_skipped');
  });

  it('peak-end analyze FILE --na 0 --json: the key-driver coefficients are R glm log-odds, not linear-probability ones', async () => {
    const { code, stdout } = await runCli(['analyze', file, '--na', '0', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.keyDrivers.model).toBe('logistic');
    expect(report.keyDrivers.outcome).toBe('binary');
    const expected = expectedCoefficients(golden.glm14);
    const estimates = Object.fromEntries(
      report.keyDrivers.touchpoints.map((t: { touchpoint: string; estimate: number; stdError: number; pValue: number }) => [
        t.touchpoint,
        { estimate: t.estimate, stdError: t.stdError, pValue: t.pValue },
      ]),
    );
    const table = Object.fromEntries(golden.touchpoints.map((c) => [c, { estimate: expected[c]?.estimate, stdError: expected[c]?.stdError, pValue: expected[c]?.pValue }]));
    expectGolden(estimates, table, tight, 'CLI key drivers');
    expectGolden(byName(report.keyDrivers.modelFit.coefficients), expected, tight, 'CLI model fit');
  });
});
