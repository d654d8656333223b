import { describe, expect, it } from 'vitest';
import { InsufficientDataError } from '../../src/errors.js';
import { type OlsCoefficient, ols } from '../../src/regression/ols.js';
import { loadReference } from '../helpers/reference.js';

describe('ols under numerical stress: a correct answer or a clear error, never a silent NaN', () => {
  const X = [
    [1, 2],
    [2, 1],
    [3, 5],
    [4, 2],
    [5, 7],
    [6, 3],
  ];
  const y = [1.2, 1.9, 4.1, 3.2, 6.8, 4.9];

  it('n = k + 2 (one residual df) fits; n = k + 1 is an InsufficientDataError', () => {
    const fit = ols(X.slice(0, 4), y.slice(0, 4));
    expect(fit.dfResidual).toBe(1);
    expect(JSON.stringify(fit)).not.toMatch(/NaN|null,"pValue":null/);
    expect(() => ols(X.slice(0, 3), y.slice(0, 3))).toThrow(InsufficientDataError);
  });

  it('rejects text where numbers belong instead of dropping the row', () => {
    expect(() => ols([[1], ['2' as unknown as number], [3], [4]], [1, 2, 3, 5])).toThrow(/"2" is not a number/);
  });

  it('a constant outcome is a clear error, not R-squared 0/0', () => {
    expect(() => ols(X, [4, 4, 4, 4, 4, 4])).toThrow(/no variation/);
  });

  it('extreme magnitudes (1e-150, 1e150) give the same fit, rescaled', () => {
    const base = ols(X, y);
    for (const factor of [1e-150, 1e150]) {
      const fit = ols(
        X.map((r) => r.map((v) => v * factor)),
        y.map((v) => v * factor),
      );
      const b = base.coefficients as OlsCoefficient[];
      (fit.coefficients as OlsCoefficient[]).forEach((c, j) => {
        expect(c.estimate / (j === 0 ? factor : 1)).toBeCloseTo((b[j] as OlsCoefficient).estimate, 9);
        expect(c.pValue).toBeCloseTo((b[j] as OlsCoefficient).pValue as number, 9);
      });
      expect(fit.rSquared).toBeCloseTo(base.rSquared, 12);
    }
  });

  it('nearly collinear touchpoints are estimated with a near-collinearity warning', () => {
    const near = X.map((r, i) => [r[0] as number, (r[0] as number) * 2 + (i % 2 ? 1e-6 : -1e-6)]);
    const fit = ols(near, y);
    expect(fit.coefficients.every((c) => !('aliased' in c))).toBe(true);
    expect(fit.warnings.map((w) => w.code)).toContain('near_collinearity');
    expect(JSON.stringify(fit)).not.toContain('NaN');
  });

  it('property: duplicating every row leaves the coefficients unchanged', () => {
    const ref = loadReference('survey-n200-k5-s1000');
    const once = ols(ref.X, ref.y).coefficients as OlsCoefficient[];
    const twice = ols([...ref.X, ...ref.X], [...ref.y, ...ref.y]).coefficients as OlsCoefficient[];
    twice.forEach((c, j) => {
      expect(c.estimate).toBeCloseTo((once[j] as OlsCoefficient).estimate, 12);
    });
  });
});
