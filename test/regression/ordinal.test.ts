import { describe, expect, it } from 'vitest';
import { ConvergenceError, InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { type OrdinalResult, ordinalLogit } from '../../src/regression/ordinal.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';
import { loadReference, REFERENCE_NAMES } from '../helpers/reference.js';

interface Clm {
  thresholds: Record<string, number>;
  thresholdStdErrors: Record<string, number>;
  beta: Record<string, number>;
  betaStdErrors: Record<string, number>;
  logLik: number;
}
interface ClmCase extends Clm {
  reference: string;
  link: 'logit' | 'probit';
  weighted: boolean;
  aic: number;
  bic: number;
  nobs: number;
  nullLogLik: number;
  likelihoodRatio: number;
  maxGradient: number;
}

const byName = <T extends { name: string }>(list: readonly T[], field: keyof T) => Object.fromEntries(list.map((t) => [t.name, t[field]]));
const asClm = (fit: OrdinalResult) => ({
  thresholds: byName(fit.thresholds, 'estimate'),
  thresholdStdErrors: byName(fit.thresholds, 'stdError'),
  beta: byName(fit.coefficients, 'estimate'),
  betaStdErrors: byName(fit.coefficients, 'stdError'),
});

describe('ordinalLogit reproduces ordinal::clm (logit link) on every reference survey', () => {
  it.each(REFERENCE_NAMES.filter((name) => loadReference(name).clm))('%s', (name) => {
    const ref = loadReference(name);
    const { thresholds, thresholdStdErrors, beta, betaStdErrors, logLik } = ref.clm as unknown as Clm;
    const fit = ordinalLogit(ref.X, ref.y, { names: ref.model.x });
    expectGolden(asClm(fit), { thresholds, thresholdStdErrors, beta, betaStdErrors }, { relative: 1e-6, absolute: 1e-9 }, `${name} thresholds, beta and their standard errors`);
    expectGolden(fit.logLik, logLik, { relative: 1e-8, absolute: 0 }, `${name} logLik`);
    expect(fit.convergence.converged).toBe(true);
    expect(fit.n).toBe(ref.lm.n);
    expect(fit.rowsDropped.missing).toBe(ref.y.length - (ref.lm.n as number));
  });
});

describe('ordinalLogit reproduces clm with the probit link and with weights (test/golden/ordinal/generate.R)', () => {
  const golden = loadGolden<{ producer: string; cases: Record<string, ClmCase> }>('ordinal/clm.json');
  it.each(Object.keys(golden.cases))('%s', (label) => {
    const g = golden.cases[label] as ClmCase;
    const ref = loadReference(g.reference);
    const fit = ordinalLogit(ref.X, ref.y, { names: ref.model.x, link: g.link, ...(g.weighted && { weights: ref.weights as number[] }) });
    expect(fit.method).toBe(g.link === 'logit' ? 'ordinal-logit' : 'ordinal-probit');
    const { thresholds, thresholdStdErrors, beta, betaStdErrors } = g;
    expectGolden(asClm(fit), { thresholds, thresholdStdErrors, beta, betaStdErrors }, { relative: 1e-8, absolute: 1e-12 }, label);
    expectGolden(
      { logLik: fit.logLik, aic: fit.aic, bic: fit.bic, nullLogLik: fit.nullLogLik, likelihoodRatio: fit.likelihoodRatio.statistic },
      { logLik: g.logLik, aic: g.aic, bic: g.bic, nullLogLik: g.nullLogLik, likelihoodRatio: g.likelihoodRatio },
      { relative: 1e-10, absolute: 1e-10 },
      `${label} likelihood summaries`,
    );
    expect(fit.categories.reduce((s, c) => s + c.count, 0)).toBeCloseTo(g.nobs, 9);
  });
});

describe('ordinalLogit contract and edge cases', () => {
  const ref = loadReference('survey-n47-k7-s1000');
  const base = ordinalLogit(ref.X, ref.y, { names: ref.model.x });

  it('reports categories that never occur, with a warning, instead of renumbering them (the n47 survey has no 1s)', () => {
    const fit = ordinalLogit(ref.X, ref.y, { names: ref.model.x, levels: [1, 2, 3, 4, 5] });
    expect(fit.emptyCategories).toEqual([1]);
    expect(fit.thresholds.map((t) => t.name)).toEqual(['2|3', '3|4', '4|5']);
    expect(fit.warnings.find((w) => w.code === 'empty_categories')?.message).toBe('No respondent chose 1; thresholds are estimated between the observed categories only (2, 3, 4, 5).');
    // The clm reference fit of the same survey: declaring the empty level changes nothing.
    expect(fit.logLik).toBe(base.logLik);
  });

  it('joins the categories around an empty middle category, as clm does after droplevels', () => {
    const X = [[1], [2], [2], [3], [4], [3], [5], [6], [5], [7], [8], [6]];
    const y = [1, 1, 2, 1, 2, 4, 2, 4, 5, 5, 5, 4];
    const fit = ordinalLogit(X, y, { levels: [1, 2, 3, 4, 5] });
    expect(fit.emptyCategories).toEqual([3]);
    expect(fit.thresholds.map((t) => t.name)).toEqual(['1|2', '2|4', '4|5']);
  });

  it('refuses empty input and a single-category outcome with a clear message', () => {
    expect(() => ordinalLogit([], [])).toThrow(new InsufficientDataError('ordinalLogit: no complete rows to fit (0 dropped for missing values, 0 for zero weight).'));
    expect(() => ordinalLogit([[1], [2], [3], [4]], [4, 4, 4, 4])).toThrow(InsufficientDataError);
    expect(() => ordinalLogit([[1], [2], [3], [4]], [4, 4, 4, 4])).toThrow(/at least two different outcome categories; every complete row has y = 4/);
    expect(() => ordinalLogit([[1]], [3])).toThrow(InsufficientDataError);
    expect(() => ordinalLogit([[1], [2], [3]], [1, 2, 3])).toThrow(/requires more than 3 complete rows for 2 thresholds and 1 predictors, got 3/);
  });

  it('detects complete separation and names the predictor', () => {
    const X = [[1], [2], [3], [4], [5], [6], [7], [8]];
    const y = [1, 1, 1, 1, 2, 2, 2, 2];
    expect(() => ordinalLogit(X, y, { names: ['delivery'] })).toThrow(
      expect.objectContaining({ name: ConvergenceError.name, code: 'separation', message: expect.stringContaining('"delivery" (almost) perfectly separates the outcome categories') }),
    );
  });

  it('detects quasi-complete separation (adjacent categories share one value of the predictor) and names the predictor', () => {
    // delivery 1-3 -> 1, 4 -> 1 or 2, 5 -> 2, 6 -> 2 or 3, 7-8 -> 3. With price added, R's clm
    // reports logLik 0.00, estimates 51.9 and 13.7 and NA standard errors (a singular Hessian).
    const delivery = [1, 2, 3, 4, 4, 5, 6, 6, 7, 8, 2, 5];
    const price = [3, 1, 4, 2, 5, 3, 1, 4, 2, 5, 3, 1];
    const y = [1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 1, 2];
    expect(() =>
      ordinalLogit(
        delivery.map((v) => [v]),
        y,
        { names: ['delivery'] },
      ),
    ).toThrow(
      expect.objectContaining({ code: 'separation', message: expect.stringMatching(/^ordinalLogit: "delivery" \(almost\) perfectly separates the outcome categories, so its coefficient diverges/) }),
    );
    expect(() =>
      ordinalLogit(
        delivery.map((v, i) => [v, price[i] as number]),
        y,
        { names: ['delivery', 'price'] },
      ),
    ).toThrow(expect.objectContaining({ code: 'separation', message: expect.stringContaining('"delivery", "price" (almost) perfectly separate the outcome categories') }));
  });

  it('gives the thresholds-only model when there are no predictors (thresholds = cumulative logits)', () => {
    // 2 ones, 3 twos, 5 threes: logit(0.2) and logit(0.5).
    const fit = ordinalLogit(
      Array.from({ length: 10 }, () => []),
      [1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
    );
    expect(fit.thresholds[0]?.estimate).toBeCloseTo(Math.log(0.2 / 0.8), 10);
    expect(fit.thresholds[1]?.estimate).toBeCloseTo(0, 10);
    expect(fit.logLik).toBeCloseTo(fit.nullLogLik, 10);
    expect(fit.likelihoodRatio).toEqual({ statistic: expect.closeTo(0, 9), df: 0, pValue: 1 });
  });

  it('does not depend on row order', () => {
    const order = ref.y.map((_, i) => i).sort((a, b) => ((a * 31) % 47) - ((b * 31) % 47));
    const permuted = ordinalLogit(
      order.map((i) => ref.X[i] as (number | null)[]),
      order.map((i) => ref.y[i] as number),
      { names: ref.model.x },
    );
    expectGolden(asClm(permuted), asClm(base), { relative: 1e-9, absolute: 1e-12 }, 'permuted rows');
    expect(permuted.logLik).toBeCloseTo(base.logLik, 10);
  });

  it('drops rows with missing values listwise, counts them and warns; zero weights equal dropping the rows', () => {
    const missing = loadReference('survey-n500-k7-missing-s1000');
    const fit = ordinalLogit(missing.X, missing.y);
    expect(fit.rowsDropped).toEqual({ missing: 135, zeroWeight: 0 });
    expect(fit.warnings.map((w) => w.code)).toContain('rows_dropped_missing');
    const weights = ref.y.map((_, i) => (i < 5 ? 0 : 1));
    const zero = ordinalLogit(ref.X, ref.y, { names: ref.model.x, weights });
    const dropped = ordinalLogit(ref.X.slice(5), ref.y.slice(5), { names: ref.model.x });
    expect(zero.rowsDropped.zeroWeight).toBe(5);
    expectGolden(asClm(zero), asClm(dropped), { relative: 1e-9, absolute: 1e-12 }, 'zero weights');
  });

  it('handles huge and tiny magnitudes: scaling x by 1e8 scales beta by 1e-8 and leaves thresholds and z unchanged', () => {
    for (const factor of [1e8, 1e-8]) {
      const scaled = ordinalLogit(
        ref.X.map((r) => r.map((v) => (v === null ? null : v * factor))),
        ref.y,
        { names: ref.model.x },
      );
      scaled.coefficients.forEach((c, j) => {
        expect((c.estimate * factor) / (base.coefficients[j]?.estimate as number)).toBeCloseTo(1, 8);
        expect(c.zValue).toBeCloseTo(base.coefficients[j]?.zValue as number, 7);
      });
      scaled.thresholds.forEach((t, k) => {
        expect(t.estimate).toBeCloseTo(base.thresholds[k]?.estimate as number, 7);
      });
    }
  });

  it('rejects a constant or collinear predictor and bad options with typed errors', () => {
    expect(() =>
      ordinalLogit(
        ref.X.map((r) => [...r, 1]),
        ref.y,
      ),
    ).toThrow(expect.objectContaining({ code: 'singular_information', message: expect.stringContaining('constant, collinear') }));
    expect(() =>
      ordinalLogit(
        ref.X.map((r) => [...r, (r[0] as number) - (r[1] as number)]),
        ref.y,
      ),
    ).toThrow(expect.objectContaining({ code: 'singular_information' }));
    expect(() => ordinalLogit(ref.X, ref.y, { link: 'cloglog' as never })).toThrow(InvalidArgumentError);
    expect(() => ordinalLogit(ref.X, ref.y, { levels: [2, 3, 4] })).toThrow('y contains 5, which is not one of the levels 2, 3, 4.');
    expect(() => ordinalLogit(ref.X, ref.y, { level: 1.5 })).toThrow(InvalidArgumentError);
  });
});
