import { describe, expect, it } from 'vitest';
import { ConvergenceError, InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { logisticRegression } from '../../src/regression/logistic.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';
import { loadReference } from '../helpers/reference.js';

interface GlmCase {
  reference: string;
  top: number;
  weights: number[] | null;
  coefficients: { name: string; estimate: number; stdError: number; zValue: number; pValue: number }[];
  logLik: number;
  aic: number;
  bic: number;
  deviance: number;
  nullDeviance: number;
  n: number;
  iterations: number;
  stdErrorsAtEstimate: Record<string, number>;
}
const golden = loadGolden<{ producer: string; cases: Record<string, GlmCase> }>('logistic/logistic.json');

const topBox = (y: readonly (number | null)[], top: number): (number | null)[] => y.map((v) => (v === null ? null : v >= top ? 1 : 0));

describe('logisticRegression reproduces R glm(family = binomial) (test/golden/logistic/generate.R)', () => {
  it.each(Object.keys(golden.cases))('%s', (label) => {
    const { reference, top, weights, iterations: _iterations, stdErrorsAtEstimate, ...expected } = golden.cases[label] as GlmCase;
    const ref = loadReference(reference);
    const fit = logisticRegression(ref.X, topBox(ref.y, top), { names: ref.model.x, ...(weights !== null && { weights }) });
    // summary.glm's standard errors use the IRLS weights one iteration behind its final estimates
    // (up to 3e-9 relative off); against R's inverse information at the estimates we agree to 1e-10.
    // A tail p-value magnifies the relative error of z about z^2 times (d log p / dz ~ -z): with
    // z near 10 R's own 3e-9 becomes 3e-7 in a p-value of 1e-22, so p-values get 1e-5 relative.
    expectGolden(fit, expected, { relative: 1e-7, absolute: 1e-12, fields: { pValue: { relative: 1e-5 } } }, label);
    expectGolden(Object.fromEntries(fit.coefficients.map((c) => [c.name, c.stdError])), stdErrorsAtEstimate, { relative: 1e-10 }, `${label} standard errors at the estimates`);
    expect(fit.convergence.converged).toBe(true);
    expect(fit.coefficients[0]?.name).toBe('(Intercept)');
  });

  it('with non-integer weights follows glm (logLik counts round(weight)) and says so; the deviance uses the exact weights', () => {
    const g = golden.cases["n300 top-2-box, the reference survey's non-integer weights"] as GlmCase;
    const ref = loadReference(g.reference);
    const fit = logisticRegression(ref.X, topBox(ref.y, g.top), { names: ref.model.x, weights: g.weights as number[] });
    expect(fit.warnings.map((w) => w.code)).toContain('non_integer_weights');
    // R: deviance 391.50 is not -2 logLik = 394.52 here.
    expect(Math.abs(fit.deviance + 2 * fit.logLik)).toBeGreaterThan(1);
    expect(fit.likelihoodRatio.statistic).toBeCloseTo(g.nullDeviance - g.deviance, 8);
    expect(fit.mcFaddenRSquared).toBeCloseTo(1 - g.deviance / g.nullDeviance, 12);
  });
});

describe('logisticRegression contract and edge cases', () => {
  const ref = loadReference('survey-n200-k5-s1000');
  const y = topBox(ref.y, 4);
  const base = logisticRegression(ref.X, y, { names: ref.model.x });

  it('detects complete separation and names the predictor', () => {
    expect(() => logisticRegression([[1], [2], [3], [4], [5], [6]], [0, 0, 0, 1, 1, 1], { names: ['delivery'] })).toThrow(
      expect.objectContaining({ name: ConvergenceError.name, code: 'separation', message: expect.stringContaining('"delivery" (almost) perfectly separates the two outcomes') }),
    );
  });

  it('detects quasi-complete separation (one tied value of the predictor has both outcomes) and names the predictor', () => {
    // delivery <= 3 -> all 0, delivery >= 5 -> all 1, delivery = 4 mixed; price is noise.
    const X = [
      [1, 3],
      [2, 1],
      [3, 4],
      [4, 2],
      [4, 5],
      [4, 3],
      [4, 1],
      [5, 4],
      [6, 2],
      [7, 5],
      [2, 2],
      [6, 3],
    ];
    const yq = [0, 0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1];
    expect(() => logisticRegression(X, yq, { names: ['delivery', 'price'] })).toThrow(
      expect.objectContaining({ code: 'separation', message: expect.stringMatching(/^logisticRegression: "delivery" \(almost\) perfectly separates/) }),
    );
  });

  it('refuses empty input, a single-valued or non-binary outcome with a clear message', () => {
    expect(() => logisticRegression([], [])).toThrow(new InsufficientDataError('logisticRegression: no complete rows to fit (0 dropped for missing values, 0 for zero weight).'));
    expect(() => logisticRegression([[1], [null]], [1, 0])).toThrow(/every complete row has y = 1/);
    expect(() => logisticRegression([[1], [2], [3]], [1, 1, 1])).toThrow(InsufficientDataError);
    expect(() => logisticRegression([[1], [2], [3]], [1, 2, 3])).toThrow(/binary outcome; y has 3 values/);
    expect(() => logisticRegression([[1], [2], [3], [4]], [0, 1, 0, 1], { positive: 5 })).toThrow(InvalidArgumentError);
    expect(() => logisticRegression([[1], [2]], [0, 1])).toThrow(/more than 2 complete rows for 1 predictors and an intercept, got 2/);
  });

  it('models any two values, the larger as the event by default; the intercept-only fit is the logit of the share', () => {
    // 3 of 8 are 5s: logit(3/8) = log(3/5).
    const fit = logisticRegression(
      Array.from({ length: 8 }, () => []),
      [2, 5, 2, 2, 5, 2, 5, 2],
    );
    expect(fit.positive).toBe(5);
    expect(fit.coefficients[0]?.estimate).toBeCloseTo(Math.log(3 / 5), 10);
    expect(fit.logLik).toBeCloseTo(fit.nullLogLik, 10);
    // positive = 2 flips every sign.
    const flipped = logisticRegression(
      ref.X,
      ref.y.map((v) => (v === null ? null : v >= 4 ? 7 : 3)),
      { names: ref.model.x, positive: 3 },
    );
    flipped.coefficients.forEach((c, j) => {
      expect(c.estimate).toBeCloseTo(-(base.coefficients[j]?.estimate as number), 8);
    });
  });

  it('drops missing rows listwise and counts them', () => {
    const missing = loadReference('survey-n500-k7-missing-s1000');
    const fit = logisticRegression(missing.X, topBox(missing.y, 4));
    expect(fit.rowsDropped).toEqual({ missing: 135, zeroWeight: 0 });
    expect(fit.n).toBe(365);
    expect(fit.warnings.map((w) => w.code)).toContain('rows_dropped_missing');
  });

  it('rejects a constant or collinear predictor with singular_information', () => {
    expect(() =>
      logisticRegression(
        ref.X.map((r) => [...r, 2]),
        y,
      ),
    ).toThrow(expect.objectContaining({ code: 'singular_information', message: expect.stringContaining('constant or a linear combination') }));
    expect(() =>
      logisticRegression(
        ref.X.map((r) => [...r, (r[0] as number) + (r[1] as number)]),
        y,
      ),
    ).toThrow(expect.objectContaining({ code: 'singular_information' }));
  });

  it('does not depend on row order, and zero weights equal dropping the rows', () => {
    const order = y.map((_, i) => i).sort((a, b) => ((a * 7919) % 200) - ((b * 7919) % 200));
    const permuted = logisticRegression(
      order.map((i) => ref.X[i] as (number | null)[]),
      order.map((i) => y[i] as number),
      { names: ref.model.x },
    );
    permuted.coefficients.forEach((c, j) => {
      expect(c.estimate).toBeCloseTo(base.coefficients[j]?.estimate as number, 9);
      expect(c.stdError).toBeCloseTo(base.coefficients[j]?.stdError as number, 9);
    });
    const weights = y.map((_, i) => (i < 20 ? 0 : 1));
    const zero = logisticRegression(ref.X, y, { names: ref.model.x, weights });
    const dropped = logisticRegression(ref.X.slice(20), y.slice(20), { names: ref.model.x });
    expect(zero.rowsDropped.zeroWeight).toBe(20);
    zero.coefficients.forEach((c, j) => {
      expect(c.estimate).toBeCloseTo(dropped.coefficients[j]?.estimate as number, 10);
    });
  });

  it('handles huge and tiny magnitudes: scaling x by 1e8 scales the slopes by 1e-8 and leaves z unchanged', () => {
    for (const factor of [1e8, 1e-8]) {
      const scaled = logisticRegression(
        ref.X.map((r) => r.map((v) => (v === null ? null : v * factor))),
        y,
        { names: ref.model.x },
      );
      scaled.coefficients.slice(1).forEach((c, j) => {
        const b = base.coefficients[j + 1];
        expect((c.estimate * factor) / (b?.estimate as number)).toBeCloseTo(1, 8);
        expect(c.zValue).toBeCloseTo(b?.zValue as number, 8);
      });
    }
  });
});
