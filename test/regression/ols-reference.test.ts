import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { createRng } from '../../src/random/rng.js';
import { type OlsCoefficient, ols } from '../../src/regression/ols.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';
import { loadReference, REFERENCE_NAMES } from '../helpers/reference.js';

const tolerance = { relative: 1e-9, absolute: 1e-13 };

// Both solvers against the same R answers: 'cholesky' (normal equations, used by default from
// 10,000 rows) runs on every well-conditioned survey and hands the others to QR.
const ALGORITHMS = ['qr', 'cholesky'] as const;

describe.each(ALGORITHMS)('ols (%s) reproduces R lm/summary.lm/confint on every reference survey', (algorithm) => {
  it.each(REFERENCE_NAMES)('%s', (name) => {
    const ref = loadReference(name);
    const fit = ols(ref.X, ref.y, { names: ref.model.x, algorithm, ...(ref.weights && { weights: ref.weights }) });
    expectGolden(fit, ref.lm, tolerance, name);
    const aliased = fit.coefficients.some((c) => 'aliased' in c);
    expect(fit.algorithm).toBe(algorithm === 'cholesky' && !aliased && fit.conditionNumber <= 100 ? 'cholesky' : 'qr');
  });
});

describe.each(ALGORITHMS)('ols (%s) robust standard errors reproduce sandwich::vcovHC with coeftest p-values', (algorithm) => {
  const cases = REFERENCE_NAMES.flatMap((name) => (['HC0', 'HC1', 'HC2', 'HC3'] as const).map((type) => [name, type] as const));
  it.each(cases.filter(([name, type]) => loadReference(name)[type] !== undefined))('%s %s', (name, type) => {
    const ref = loadReference(name);
    const fit = ols(ref.X, ref.y, { names: ref.model.x, covariance: type, algorithm, ...(ref.weights && { weights: ref.weights }) });
    const golden = ref[type] as { stdError: Record<string, number>; pValue: Record<string, number> };
    const coefficients = fit.coefficients as OlsCoefficient[];
    expectGolden(Object.fromEntries(coefficients.map((c) => [c.name, c.stdError])), golden.stdError, tolerance, `${name} ${type} stdError`);
    expectGolden(Object.fromEntries(coefficients.map((c) => [c.name, c.pValue])), golden.pValue, tolerance, `${name} ${type} pValue`);
  });
});

describe('ols contract and edge cases', () => {
  it('reports a term as aliased when it is a linear combination of others, like R, with a warning', () => {
    const ref = loadReference('survey-n120-k5-collinear-s1000');
    const fit = ols(ref.X, ref.y, { names: ref.model.x });
    expect(fit.coefficients.at(-1)).toEqual({ name: 'tp5', aliased: true });
    expect(fit.dfResidual).toBe(115);
    expect(fit.warnings.find((w) => w.code === 'aliased')?.message).toContain('"tp5"');
  });

  it('reports a constant predictor as aliased when there is an intercept', () => {
    const fit = ols(
      [
        [1, 5],
        [2, 5],
        [3, 5],
        [4, 5],
        [5, 5],
      ],
      [1.1, 2.3, 2.8, 4.2, 5.1],
      { names: ['x', 'constant'] },
    );
    expect(fit.coefficients[2]).toEqual({ name: 'constant', aliased: true });
    // Hand check: slope of y on x = Sxy / Sxx = 9.9 / 10 = 0.99.
    expect((fit.coefficients[1] as OlsCoefficient).estimate).toBeCloseTo(0.99, 12);
  });

  it('drops rows with missing values listwise and counts them', () => {
    const fit = ols([[1], [2], [null], [4], [5], [Number.NaN]], [1.1, 2.3, 2.8, 4.2, Number.NaN, 6], { names: ['x'] });
    expect(fit.n).toBe(3);
    expect(fit.rowsDropped).toEqual({ missing: 3, zeroWeight: 0 });
    expect(fit.warnings.map((w) => w.code)).toContain('rows_dropped_missing');
  });

  it('excludes zero weights, counts them, and matches the fit without those rows', () => {
    const X = [[1], [2], [3], [4], [5], [6]];
    const y = [1.2, 1.9, 3.2, 3.8, 5.3, 100];
    const weighted = ols(X, y, { weights: [1, 2, 1, 2, 1, 0] });
    const dropped = ols(X.slice(0, 5), y.slice(0, 5), { weights: [1, 2, 1, 2, 1] });
    expect(weighted.rowsDropped.zeroWeight).toBe(1);
    expect(weighted.coefficients).toEqual(dropped.coefficients);
    expect(weighted.logLik).toBeCloseTo(dropped.logLik as number, 12);
  });

  it('throws InsufficientDataError naming the rows needed and dropped', () => {
    const X = [
      [1, 2],
      [2, 1],
      [3, 5],
      [null, 1],
    ];
    expect(() => ols(X, [1, 2, 3, 4])).toThrow(InsufficientDataError);
    expect(() => ols(X, [1, 2, 3, 4])).toThrow('ols requires at least 4 complete rows for 2 predictors and an intercept, got 3 (1 rows dropped for missing values).');
    expect(() => ols([], [])).toThrow(InsufficientDataError);
  });

  it('rejects infinite values, negative weights and ragged rows', () => {
    expect(() => ols([[1], [Infinity], [3]], [1, 2, 3])).toThrow(InvalidArgumentError);
    expect(() => ols([[1], [2], [3]], [1, 2, 3], { weights: [1, -1, 1] })).toThrow(/negative/);
    expect(() => ols([[1], [2, 3], [3]], [1, 2, 3])).toThrow(/Row 2 of X/);
  });

  it('handles huge and tiny magnitudes: scaling x by 1e12 scales the slope by 1e-12', () => {
    const ref = loadReference('survey-n200-k5-s1000');
    const base = ols(ref.X, ref.y);
    for (const factor of [1e12, 1e-12]) {
      const scaled = ols(
        ref.X.map((row) => row.map((v) => (v === null ? null : v * factor))),
        ref.y,
      );
      (scaled.coefficients as OlsCoefficient[]).slice(1).forEach((c, j) => {
        const b = (base.coefficients as OlsCoefficient[])[j + 1] as OlsCoefficient;
        expect(c.estimate * factor).toBeCloseTo(b.estimate, 10);
        expect(c.pValue).toBeCloseTo(b.pValue as number, 10);
      });
    }
  });

  it('gives R-squared and F without an intercept as R does (uncentred)', () => {
    // Hand check, y = b x through the origin: b = Sxy / Sxx = (1*2 + 2*3.9 + 3*6.1) / 14 = 28.1 / 14.
    const fit = ols([[1], [2], [3]], [2, 3.9, 6.1], { intercept: false });
    const b = 28.1 / 14;
    expect((fit.coefficients[0] as OlsCoefficient).estimate).toBeCloseTo(b, 14);
    const rss = (2 - b) ** 2 + (3.9 - 2 * b) ** 2 + (6.1 - 3 * b) ** 2;
    const mss = b * b * 14;
    expect(fit.rSquared).toBeCloseTo(mss / (mss + rss), 14);
    expect(fit.fStatistic).toBeCloseTo(mss / (rss / 2), 10);
  });

  it('keeps residuals out of the result unless asked', () => {
    expect(ols([[1], [2], [3]], [1, 2, 4]).residuals).toBeUndefined();
    const fit = ols([[1], [2], [3]], [1, 2, 4], { keepResiduals: true });
    // Fitted line: y = -1/3 + 1.5 x -> residuals 1/6, -1/3, 1/6.
    expect(fit.residuals?.map((r) => Number(r.toFixed(12)))).toEqual([0.166666666667, -0.333333333333, 0.166666666667]);
  });

  it('property: row order does not matter, and scaling or shifting y acts on coefficients as algebra says', () => {
    const ref = loadReference('survey-n47-k7-s1000');
    const base = ols(ref.X, ref.y);
    const estimates = (f: ReturnType<typeof ols>) => (f.coefficients as OlsCoefficient[]).map((c) => c.estimate);
    fc.assert(
      fc.property(
        fc.array(fc.nat(), { minLength: ref.y.length, maxLength: ref.y.length }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (keys, shift, factor) => {
          const order = ref.y.map((_, i) => i).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
          const permuted = ols(
            order.map((i) => ref.X[i] as (number | null)[]),
            order.map((i) => ref.y[i] as number),
          );
          estimates(permuted).forEach((e, j) => {
            expect(e).toBeCloseTo(estimates(base)[j] as number, 10);
          });
          const transformed = ols(
            ref.X,
            ref.y.map((v) => (v as number) * factor + shift),
          );
          estimates(transformed).forEach((e, j) => {
            const expected = (estimates(base)[j] as number) * factor + (j === 0 ? shift : 0);
            expect(e).toBeCloseTo(expected, 9);
          });
        },
      ),
      { numRuns: 30, seed: 42 },
    );
  });

  it("'auto' solves large data by the normal equations, which agree with QR to 1e-12, weighted and with missing rows", () => {
    const rng = createRng(9);
    const n = 20_000;
    const X = Array.from({ length: n }, (_, i) => {
      const common = rng.next();
      return Array.from({ length: 8 }, (_, j) => (i % 997 === j ? null : Math.round(1 + 4 * (0.5 * common + 0.5 * rng.next()))));
    });
    const y = X.map((row) => Math.round(row.reduce<number>((s, v) => s + (v ?? 3), 0) / 8 + rng.next() - 0.5));
    const weights = X.map(() => 0.5 + rng.next());
    for (const covariance of ['classical', 'HC3'] as const) {
      const auto = ols(X, y, { weights, covariance });
      const qr = ols(X, y, { weights, covariance, algorithm: 'qr' });
      expect([auto.algorithm, qr.algorithm]).toEqual(['cholesky', 'qr']);
      expect(auto.rowsDropped.missing).toBeGreaterThan(0);
      const { algorithm: _a, ...rest } = qr;
      // p-values near 1e-200 magnify the 1e-12 relative error of t about t^2 (~900) times.
      expectGolden(auto, rest, { relative: 1e-12, absolute: 1e-14, fields: { pValue: { relative: 1e-9 }, fPValue: { relative: 1e-9 } } }, `auto vs qr ${covariance}`);
    }
    expect(ols(X.slice(0, 9_999), y.slice(0, 9_999)).algorithm).toBe('qr');
  });

  it('large unweighted data read in one pass: a late missing cell is still dropped and counted, a late text cell still an error naming its row', () => {
    const rng = createRng(12);
    const X = Array.from({ length: 12_000 }, () => Array.from({ length: 4 }, () => 1 + Math.floor(5 * rng.next())));
    const y = X.map((row) => (row[0] as number) + 0.5 * (row[1] as number) + rng.next());
    const withMissing = X.map((row, i) => (i === 11_000 ? [row[0], null, row[2], row[3]] : row)) as (number | null)[][];
    const dropped = ols(withMissing, y);
    expect(dropped.rowsDropped.missing).toBe(1);
    const without = ols(
      X.filter((_, i) => i !== 11_000),
      y.filter((_, i) => i !== 11_000),
    );
    expectGolden(dropped.coefficients, without.coefficients, { relative: 1e-13, absolute: 1e-15 }, 'late missing cell');
    const withText = X.map((row, i) => (i === 11_000 ? [row[0], 'n/a', row[2], row[3]] : row)) as unknown as number[][];
    expect(() => ols(withText, y)).toThrow(/Row 11001, x2: "n\/a" is not a number/);
    expect(() =>
      ols(
        X,
        y.map((v, i) => (i === 11_500 ? Infinity : v)),
      ),
    ).toThrow(/Row 11501, y: Infinity is not a finite number/);
  });

  it("'cholesky' hands aliased or ill-conditioned designs to QR, so they are reported as R does", () => {
    const ref = loadReference('survey-n120-k5-collinear-s1000');
    const fit = ols(ref.X, ref.y, { names: ref.model.x, algorithm: 'cholesky' });
    expect(fit.algorithm).toBe('qr');
    expect(fit.coefficients.at(-1)).toEqual({ name: 'tp5', aliased: true });
    expect(() => ols([[1], [2], [3]], [1, 2, 4], { algorithm: 'svd' as 'qr' })).toThrow("algorithm must be 'auto', 'qr' or 'cholesky', got \"svd\".");
  });

  it('reports VIF, standardized coefficients and a condition number', () => {
    const ref = loadReference('survey-n120-k5-collinear-s1000');
    const fit = ols(
      ref.X.map((r) => r.slice(0, 4)),
      ref.y,
    );
    const c = fit.coefficients as OlsCoefficient[];
    expect(c[0]?.vif).toBeNull();
    expect(c.slice(1).every((x) => (x.vif as number) >= 1)).toBe(true);
    expect(fit.conditionNumber).toBeGreaterThan(1);
  });
});

describe.each(ALGORITHMS)('ols (%s) extras match R: kappa(scale(X), exact = TRUE), diag(solve(cor(X))), b * sd(x) / sd(y)', (algorithm) => {
  const extras = loadGolden<Record<string, { conditionNumber: number; vif: Record<string, number>; standardized: Record<string, number> }>>('ols-extra/ols-extra.json');
  it.each(Object.keys(extras).filter((k) => k.startsWith('survey-')))('%s', (name) => {
    const ref = loadReference(name);
    const g = extras[name] as { conditionNumber: number; vif: Record<string, number>; standardized: Record<string, number> };
    const fit = ols(ref.X, ref.y, { names: ref.model.x, algorithm });
    const slopes = fit.coefficients.slice(1) as OlsCoefficient[];
    expect(fit.conditionNumber).toBeCloseTo(g.conditionNumber, 10);
    expectGolden(Object.fromEntries(slopes.map((c) => [c.name, c.vif])), g.vif, tolerance, `${name} VIF`);
    expectGolden(Object.fromEntries(slopes.map((c) => [c.name, c.standardized])), g.standardized, tolerance, `${name} standardized`);
  });
});
