/**
 * pairedTTest: Student's t test of the mean of paired differences, as R's
 * `t.test(x, y, paired = TRUE)`.
 */
import { studentTQuantile, studentTUpperTail } from '../distributions/index.js';
import { InsufficientDataError, InvalidArgumentError } from '../errors.js';
import { sampleMoments } from '../stats/moments.js';
import type { TTestWithInterval } from './t-test-result.js';

/** Result of {@link pairedTTest}. Fields named like R's `htest`; df = n - 1, the interval is for the mean difference. */
export interface PairedTTestResult extends TTestWithInterval {
  readonly method: 'paired-t';
  /** Pairs used (both values finite). */
  readonly n: number;
  readonly meanDifference: number;
  readonly standardError: number;
}

/**
 * Paired t test of mean(x - y) = 0 over the pairs where both values are present (NaN = missing).
 * t = mean(d) / (sd(d) / sqrt(n)) on n - 1 df; two-sided p = 2 * upper tail of |t|, computed from
 * the upper tail directly; interval mean(d) -/+ qt((1 + level) / 2, n - 1) * se. Matches R's
 * `t.test(x, y, paired = TRUE)` to about 1e-12 relative. When every difference is equal (se = 0)
 * R stops with "data are essentially constant"; so does this function.
 *
 * Reference: Student (1908); R Core Team, `?t.test`.
 *
 * @example
 * ```ts
 * pairedTTest([5, 4, 4, 3], [4, 4, 2, 2]).pValue; // 0.0917 (R: t = 2.4495, df = 3)
 * ```
 * @throws InsufficientDataError with fewer than 2 complete pairs or constant differences.
 * @throws InvalidArgumentError when x and y differ in length or level is not in (0, 1).
 */
export function pairedTTest(x: ArrayLike<number>, y: ArrayLike<number>, options: { level?: number } = {}): PairedTTestResult {
  const level = options.level ?? 0.95;
  if (x.length !== y.length) throw new InvalidArgumentError(`pairedTTest needs paired samples of equal length, got ${x.length} and ${y.length}.`);
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  const d = new Float64Array(x.length);
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = (x[i] as number) - (y[i] as number);
    if (Number.isFinite(v)) d[n++] = v;
  }
  return tTestOfDifferences(d.subarray(0, n), level);
}

/**
 * {@link pairedTTest} of differences already taken (every one a finite number), read in place:
 * for callers that have them (the peak-end gap, the comparison's paired errors). Internal.
 */
export function tTestOfDifferences(d: Float64Array, level = 0.95): PairedTTestResult {
  const n = d.length;
  if (n < 2) throw new InsufficientDataError(`pairedTTest needs at least 2 complete pairs, got ${n}.`);
  const { mean, variance } = sampleMoments(d);
  const standardError = Math.sqrt(variance / n);
  if (!(standardError > 10 * Number.EPSILON * Math.abs(mean))) {
    throw new InsufficientDataError(`pairedTTest: the ${n} differences are essentially constant (all ${mean}); a t test is undefined.`);
  }
  const tValue = mean / standardError;
  const df = n - 1;
  const half = studentTQuantile((1 + level) / 2, df) * standardError;
  return {
    method: 'paired-t',
    n,
    meanDifference: mean,
    standardError,
    tValue,
    df,
    pValue: Math.min(1, 2 * studentTUpperTail(Math.abs(tValue), df)),
    level,
    ciLower: mean - half,
    ciUpper: mean + half,
  };
}
