import { describe, expect, it } from 'vitest';
import { type OlsCoefficient, ols } from '../../src/regression/ols.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

// 200,000 integer rows, 8 predictors: the reference is exact rational least squares computed in
// Python (test/golden/ols-exact/generate.py), rounded once to double at the end. The rows are
// MINSTD draws, repeated here line for line.
interface Exact {
  n: number;
  k: number;
  estimate: number[];
  stdError: number[];
  rSquared: number;
  fStatistic: number;
  residualStdError: number;
}
const exact = loadGolden<Exact>('ols-exact/ols-exact.json');

function rows(): { X: number[][]; y: number[] } {
  let state = 12345;
  const draw = (): number => (state = (state * 48271) % 2147483647);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < exact.n; i++) {
    const common = draw() % 5;
    const x = Array.from({ length: exact.k }, () => 1 + Math.floor((common + (draw() % 5)) / 2));
    X.push(x);
    y.push(1 + Math.floor((2 * ((x[0] as number) + (x[1] as number) + (x[2] as number)) + (draw() % 10)) / 7));
  }
  return { X, y };
}

describe('ols at scale against exact rational least squares (200,000 x 8 integers)', () => {
  const { X, y } = rows();
  it.each(['cholesky', 'qr'] as const)('%s: every estimate, standard error, R-squared and F to 1e-12', (algorithm) => {
    const fit = ols(X, y, { algorithm });
    expect(fit.algorithm).toBe(algorithm);
    const coefficients = fit.coefficients as OlsCoefficient[];
    // Absolute floor for the near-zero slopes (|b| ~ 1e-4, standard errors ~ 1.4e-3): QR is within
    // 2.4e-15 of them there, the normal equations within 1e-15.
    const tolerance = { relative: 1e-12, absolute: 1e-14 };
    expectGolden(
      {
        estimate: coefficients.map((c) => c.estimate),
        stdError: coefficients.map((c) => c.stdError),
        rSquared: fit.rSquared,
        fStatistic: fit.fStatistic,
        residualStdError: fit.residualStdError,
      },
      { estimate: exact.estimate, stdError: exact.stdError, rSquared: exact.rSquared, fStatistic: exact.fStatistic, residualStdError: exact.residualStdError },
      tolerance,
      algorithm,
    );
  });

  it.each(['cholesky', 'qr'] as const)('%s: the same slopes and standard errors when every value is shifted by 1e6 (exact in doubles)', (algorithm) => {
    // Shifting the integers by 1e6 keeps them exact; slopes, their standard errors and R-squared
    // are shift-invariant, so the exact answer still applies. Centring must not lose the digits
    // that the magnitude 1e6 pushes out of a naive sum of squares.
    const fit = ols(
      X.map((row) => row.map((v) => v + 1e6)),
      y.map((v) => v + 1e6),
      { algorithm },
    );
    const slopes = (fit.coefficients as OlsCoefficient[]).slice(1);
    expectGolden(
      { estimate: slopes.map((c) => c.estimate), stdError: slopes.map((c) => c.stdError), rSquared: fit.rSquared },
      { estimate: exact.estimate.slice(1), stdError: exact.stdError.slice(1), rSquared: exact.rSquared },
      { relative: 1e-11, absolute: 1e-13 },
      `${algorithm} shifted`,
    );
  });
});
