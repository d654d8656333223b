import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keyDrivers, readSurvey } from '../../src/index.js';
import { analyze } from '../../src/report/analyze.js';
import { reportSchema } from '../../src/schema/report.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

const csv = readFileSync(fileURLToPath(new URL('../golden/segments/data.csv', import.meta.url)), 'utf8');
const golden = loadGolden<Record<string, any>>('segments/golden.json');
const spec = { touchpoints: ['price', 'delivery', 'service'], overall: 'overall', scale: { min: 1, max: 5 }, id: 'id', segments: ['region', 'gender'], covariates: ['age', 'gender'] };
const survey = readSurvey(csv, spec);

describe('keyDrivers with adjustment covariates (controls)', () => {
  const result = keyDrivers(survey, { controls: ['age', 'gender'] });

  it('shares R-squared among the touchpoints only, as relaimpo calc.relimp(always = ...)', () => {
    const c = golden.controls;
    expect(result.n).toBe(c.n);
    expectGolden(
      { rSquared: result.importance.rSquared, rSquaredAlways: (result.importance as { rSquaredAlways?: number }).rSquaredAlways, importance: result.importance.importance },
      { rSquared: c.rSquared, rSquaredAlways: c.rSquaredAlways, importance: c.importance },
      { relative: 1e-10 },
    );
    const total = Object.values(c.importance as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(result.touchpoints.map((t) => t.importanceShare)).toEqual(['price', 'delivery', 'service'].map((n) => expect.closeTo(c.importance[n] / total, 12)));
  });

  it('keeps the controls in the regression, age as a number and gender dummy-coded, as lm does', () => {
    const lm = golden.controls.lm;
    const byName = new Map(result.regression.coefficients.map((x) => [x.name, x]));
    const actual = lm.coefficients.map((x: { name: string }) => {
      const c = byName.get(x.name) as { name: string; estimate: number; stdError: number; tValue: number; pValue: number };
      return { name: c.name, estimate: c.estimate, stdError: c.stdError, tValue: c.tValue, pValue: c.pValue };
    });
    expectGolden({ rSquared: result.regression.rSquared, adjustedRSquared: result.regression.adjustedRSquared, coefficients: actual }, lm, { relative: 1e-9 });
  });

  it('stores spec covariates at ingest and accounts for them in the column report', () => {
    expect(survey.covariates?.get('age')?.slice(0, 2)).toEqual(['30', '64']);
    expect(survey.report.columns.find((c) => c.column === 'age')?.role).toBe('covariate');
    expect(reportSchema.safeParse(analyze(survey, { keyDrivers: { controls: ['age'] }, segments: false })).error).toBeUndefined();
  });

  it('refuses a control that is not declared, and controls with a binary outcome', () => {
    expect(() => keyDrivers(survey, { controls: ['w'] })).toThrow(/not a covariate or segment/);
    expect(() => keyDrivers(survey, { controls: ['age'], importanceMethod: 'pratt' })).toThrow(/controls apply to LMG/);
  });
});

describe('the report with controls', () => {
  it('says which covariates were held constant and their R-squared', async () => {
    const { formatReportMarkdown } = await import('../../src/report/markdown.js');
    const report = analyze(survey, { keyDrivers: { controls: ['age', 'gender'] }, segments: false });
    expect(formatReportMarkdown(report)).toContain(`Adjusted for age, gendermale (in every model; R² of these alone ${golden.controls.rSquaredAlways.toFixed(3)})`);
  });
});
