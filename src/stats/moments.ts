/**
 * Moments written once: sample mean and variance, sample standard deviation, weighted
 * (population) standard deviation and Pearson's r, NaN-aware where the callers need it. Internal: not exported from the barrel.
 *
 * One answer for a degenerate column: a correlation with a constant column is undefined, so
 * {@link pearsonCorrelation} returns `null` (never 0, never an error); callers decide what an
 * undefined correlation means for them.
 */

/** Count, mean and sample variance of the values that are not NaN (see {@link sampleMoments}). */
export interface SampleMoments {
  readonly n: number;
  /** NaN for no value. */
  readonly mean: number;
  /** Divisor n - 1; NaN for fewer than two values, as R's `var()` gives NA. */
  readonly variance: number;
}

/**
 * Count, mean and sample variance (divisor n - 1) of the values that are not NaN, by two passes
 * (mean, then the sum of squared deviations), accurate to a few ulps for data of any offset.
 * The one copy behind {@link sampleStandardDeviation} and the t tests.
 *
 * Reference: Chan, Golub & LeVeque (1983), Algorithms for computing the sample variance.
 *
 * @example
 * ```ts
 * sampleMoments([2, 4, 4, 4, 5, 5, 7, 9]); // { n: 8, mean: 5, variance: 4.571429 } (R: var(c(2,4,4,4,5,5,7,9)))
 * ```
 */
export function sampleMoments(values: ArrayLike<number>): SampleMoments {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  const mean = n > 0 ? sum / n : Number.NaN;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
  }
  return { n, mean, variance: n > 1 ? ss / (n - 1) : Number.NaN };
}

/**
 * Sample standard deviation (divisor n - 1) of the values that are not NaN: the square root of
 * {@link sampleMoments}' variance. Returns 0 for a single value and NaN for none (R's `sd()`
 * gives NA for fewer than two; the single-value 0 is what the bootstrap's standard error of one
 * resample and the reconstruction's SD of one answer want).
 *
 * @example
 * ```ts
 * sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]); // 2.138090 (R: sd(c(2,4,4,4,5,5,7,9)))
 * ```
 */
export function sampleStandardDeviation(values: ArrayLike<number>): number {
  const { n, variance } = sampleMoments(values);
  if (n === 0) return Number.NaN;
  if (n === 1) return 0;
  return Math.sqrt(variance);
}

/**
 * Weighted population standard deviation sqrt(sum w (x - m)^2 / sum w), m the weighted mean, by
 * two passes (all weights 1 when `weights` is omitted). Used to put coefficients on a
 * per-standard-deviation scale (standardized OLS coefficients, the separation check of the
 * likelihood driver). No NaN check: the callers pass complete cases.
 *
 * @example
 * ```ts
 * weightedStandardDeviation([1, 2, 3, 4]);          // 1.118034 (sqrt(1.25))
 * weightedStandardDeviation([1, 2, 3], [1, 0, 1]);  // 1
 * ```
 */
export function weightedStandardDeviation(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  return stridedStandardDeviation(values, values.length, 1, 0, weights);
}

/** {@link weightedStandardDeviation} of column `j` of a row-major n x p matrix (n = floor(length / p)), without copying it. */
export function columnStandardDeviation(x: ArrayLike<number>, p: number, j: number, weights?: ArrayLike<number>): number {
  return stridedStandardDeviation(x, Math.floor(x.length / p), p, j, weights);
}

/** The weighted population SD of values[offset + i * stride], i < n. */
function stridedStandardDeviation(values: ArrayLike<number>, n: number, stride: number, offset: number, weights?: ArrayLike<number>): number {
  let sw = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights === undefined ? 1 : (weights[i] as number);
    sw += wi;
    mean += wi * (values[offset + i * stride] as number);
  }
  mean /= sw;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const wi = weights === undefined ? 1 : (weights[i] as number);
    ss += wi * ((values[offset + i * stride] as number) - mean) ** 2;
  }
  return Math.sqrt(ss / sw);
}

/**
 * A column counts as constant when its standard deviation is at most this fraction of its
 * largest absolute value: a truly constant column leaves only the rounding of its mean (about
 * 1e-16 relative). The one rule for {@link pearsonCorrelation} and `linalg/correlation.ts`.
 */
export const CONSTANT_COLUMN_TOLERANCE = 1e-14;

/**
 * Pearson correlation of `a` and `b` over the positions where both are finite numbers (pairwise
 * complete; NaN = missing), by two passes over centred values. `null` when fewer than two pairs
 * remain or either column is constant on them (standard deviation at most
 * {@link CONSTANT_COLUMN_TOLERANCE} of its largest absolute value, which catches the rounding of
 * a constant column's mean): the correlation is undefined there. This is the one contract for
 * r of a constant column; the correlation matrix marks such a column with NaN instead (a matrix
 * of numbers), and callers of either decide what an undefined correlation means for them.
 *
 * @example
 * ```ts
 * pearsonCorrelation([1, 2, 3, 4], [2, 4, 5, 9]); // 0.9648 (R: cor(1:4, c(2,4,5,9)))
 * pearsonCorrelation([1, 2, 3], [5, 5, 5]);       // null
 * ```
 */
export function pearsonCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  return pairedMoments(a, b).correlation;
}

/** What {@link pairedMoments} gives: the pairs, the sums of a - b, and r. */
export interface PairedMoments {
  /** Pairs where both are finite numbers. */
  readonly n: number;
  /** Sums over those pairs of |a - b|, (a - b)^2 and a - b. */
  readonly absoluteError: number;
  readonly squaredError: number;
  readonly error: number;
  /** {@link pearsonCorrelation} of the pairs (null where undefined). */
  readonly correlation: number | null;
}

/**
 * The pairwise-complete moments of `a` and `b` in two passes: the first counts the pairs and sums
 * a, b, |a - b|, (a - b)^2 and a - b (with the largest |a| and |b|), the second the centred
 * cross-products of r. One kernel for r and for the accuracy of predictions.
 */
export function pairedMoments(a: ArrayLike<number>, b: ArrayLike<number>): PairedMoments {
  const length = Math.min(a.length, b.length);
  let n = 0;
  let sa = 0;
  let sb = 0;
  let maxA = 0;
  let maxB = 0;
  let absoluteError = 0;
  let squaredError = 0;
  let error = 0;
  for (let i = 0; i < length; i++) {
    const ai = a[i] as number;
    const bi = b[i] as number;
    if (!(Number.isFinite(ai) && Number.isFinite(bi))) continue;
    n++;
    sa += ai;
    sb += bi;
    maxA = Math.max(maxA, Math.abs(ai));
    maxB = Math.max(maxB, Math.abs(bi));
    const e = ai - bi;
    absoluteError += Math.abs(e);
    squaredError += e * e;
    error += e;
  }
  if (n < 2) return { n, absoluteError, squaredError, error, correlation: null };
  const ma = sa / n;
  const mb = sb / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < length; i++) {
    const ai = a[i] as number;
    const bi = b[i] as number;
    if (!(Number.isFinite(ai) && Number.isFinite(bi))) continue;
    const da = ai - ma;
    const db = bi - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  const constant = (ss: number, max: number): boolean => !(Math.sqrt(ss / n) > CONSTANT_COLUMN_TOLERANCE * max);
  const correlation = constant(saa, maxA) || constant(sbb, maxB) ? null : sab / Math.sqrt(saa * sbb);
  return { n, absoluteError, squaredError, error, correlation };
}
