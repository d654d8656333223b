import { describe, expect, it } from 'vitest';
import { ConvergenceError, InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { ordinalLogit } from '../../src/regression/ordinal.js';
import { expectGolden } from '../helpers/golden.js';
import { REFERENCE_NAMES, loadReference } from '../helpers/reference.js';

interface Clm {
  thresholds: Record<string, number>;
  thresholdStdErrors: Record<string, number>;
  beta: Record<string, number>;
  betaStdErrors: Record<string, number>;
  logLik: number;
}

describe('ordinalLogit reproduces ordinal::clm (logit link) on every reference survey', () => {
  it.each(REFERENCE_NAMES.filter((name) => loadReference(name).clm))('%s', (name) => {
    const ref = loadReference(name);
    const clm = ref.clm as unknown as Clm;
    const fit = ordinalLogit(ref.X, ref.y, { names: ref.model.x });
    const byName = <T extends { name: string }>(list: readonly T[], field: keyof T) => Object.fromEntries(list.map((t) => [t.name, t[field]]));
    const tol = { relative: 1e-6, absolute: 1e-9 };
    expectGolden(byName(fit.thresholds, 'estimate'), clm.thresholds, tol, `${name} thresholds`);
    expectGolden(byName(fit.thresholds, 'stdError'), clm.thresholdStdErrors, tol, `${name} threshold SEs`);
    expectGolden(byName(fit.coefficients, 'estimate'), clm.beta, tol, `${name} beta`);
    expectGolden(byName(fit.coefficients, 'stdError'), clm.betaStdErrors, tol, `${name} beta SEs`);
    expectGolden(fit.logLik, clm.logLik, { relative: 1e-8, absolute: 0 }, `${name} logLik`);
    expect(fit.convergence.converged).toBe(true);
    expect(fit.n).toBe(ref.lm.n);
  });
});

describe('ordinalLogit contract and edge cases', () => {
  const ref = loadReference('survey-n47-k7-s1000');

  it('reports categories that never occur instead of renumbering them', () => {
    const fit = ordinalLogit(ref.X, ref.y, { names: ref.model.x, levels: [1, 2, 3, 4, 5] });
    expect(fit.emptyCategories).toEqual([1]);
    expect(fit.thresholds.map((t) => t.name)).toEqual(['2|3', '3|4', '4|5']);
    expect(fit.warnings.map((w) => w.code)).toContain('empty_categories');
  });

  it('refuses a single-category outcome with a clear message', () => {
    expect(() => ordinalLogit([[1], [2], [3], [4]], [4, 4, 4, 4])).toThrow(InsufficientDataError);
    expect(() => ordinalLogit([[1], [2], [3], [4]], [4, 4, 4, 4])).toThrow(/at least two different outcome categories; every complete row has 4/);
  });

  it('detects complete separation and names the predictor', () => {
    const X = [[1], [2], [3], [4], [5], [6], [7], [8]];
    const y = [1, 1, 1, 1, 2, 2, 2, 2];
    expect(() => ordinalLogit(X, y, { names: ['delivery'] })).toThrow(
      expect.objectContaining({ name: ConvergenceError.name, code: 'separation', message: expect.stringContaining('"delivery"') }),
    );
  });

  it('gives the thresholds-only model when there are no predictors (thresholds = cumulative logits)', () => {
    // 2 ones, 3 twos, 5 threes: logit(0.2) and logit(0.5).
    const fit = ordinalLogit(Array.from({ length: 10 }, () => []), [1, 1, 2, 2, 2, 3, 3, 3, 3, 3]);
    expect(fit.thresholds[0]?.estimate).toBeCloseTo(Math.log(0.2 / 0.8), 10);
    expect(fit.thresholds[1]?.estimate).toBeCloseTo(0, 10);
    expect(fit.logLik).toBeCloseTo(fit.nullLogLik, 10);
  });

  it('does not depend on row order, and handles missing values and a probit link', () => {
    const order = ref.y.map((_, i) => i).reverse();
    const a = ordinalLogit(ref.X, ref.y, { names: ref.model.x });
    const b = ordinalLogit(order.map((i) => ref.X[i] as (number | null)[]), order.map((i) => ref.y[i] as number), { names: ref.model.x });
    b.coefficients.forEach((c, j) => expect(c.estimate).toBeCloseTo((a.coefficients[j] as { estimate: number }).estimate, 8));
    const missing = loadReference('survey-n500-k7-missing-s1000');
    expect(ordinalLogit(missing.X, missing.y).rowsDropped.missing).toBe(135);
    const probit = ordinalLogit(ref.X, ref.y, { link: 'probit' });
    expect(probit.method).toBe('ordinal-probit');
    expect(probit.logLik).toBeLessThan(0);
  });

  it('rejects a constant predictor and bad options with typed errors', () => {
    expect(() => ordinalLogit(ref.X.map((r) => [...r, 1]), ref.y)).toThrow(ConvergenceError);
    expect(() => ordinalLogit(ref.X, ref.y, { link: 'cloglog' as never })).toThrow(InvalidArgumentError);
    expect(() => ordinalLogit(ref.X, ref.y, { levels: [2, 3, 4] })).toThrow(/not one of the levels/);
  });
});
