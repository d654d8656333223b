/**
 * Moments written once: sample mean and variance, sample standard deviation, weighted
 * (population) standard deviation and Pearson's r, NaN-aware where the callers need it. Internal: not exported from the barrel.
 *
 * One answer for a degenerate column: a correlation with a constant column is undefined, so
 * {@link pearsonCorrelation} returns `null` (never 0, never an error); callers decide what an
 * undefined correlation means for them.
 */

/**
 * Rows per call of a block kernel. A kernel over millions of rows is called block by block
 * rather than run as one loop: its first calls run whole in the interpreter, so the engine then
 * optimizes it with feedback for every line. One long loop is optimized while it runs (on-stack
 * replacement) before the code after it has ever run, and that code then sends every later call
 * back to the interpreter, where each arithmetic result is a new heap number (docs/performance.md).
 * The blocks continue one running sum in order, so the result is that of the one loop, bit for bit.
 */
export const KERNEL_BLOCK = 4096;

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
  const length = values.length;
  const { count: n, sum } = countAndSum(values);
  const mean = n > 0 ? sum / n : Number.NaN;
  const ss = new Float64Array(1);
  for (let from = 0; from < length; from += KERNEL_BLOCK) squaresBlock(values, from, Math.min(length, from + KERNEL_BLOCK), mean, ss);
  return { n, mean, variance: n > 1 ? (ss[0] as number) / (n - 1) : Number.NaN };
}

/** How many of the values are not NaN, and their sum in order (the first pass of {@link sampleMoments}). */
export function countAndSum(values: ArrayLike<number>): { count: number; sum: number } {
  const length = values.length;
  const sums = new Float64Array(2);
  for (let from = 0; from < length; from += KERNEL_BLOCK) sumBlock(values, from, Math.min(length, from + KERNEL_BLOCK), sums);
  return { count: sums[0] as number, sum: sums[1] as number };
}

/** sampleMoments' first pass over [from, to) (a block kernel, see KERNEL_BLOCK), continuing s = [count, sum] of the values that are not NaN. */
function sumBlock(values: ArrayLike<number>, from: number, to: number, s: Float64Array): void {
  let n = s[0] as number;
  let sum = s[1] as number;
  for (let i = from; i < to; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  s[0] = n;
  s[1] = sum;
}

/** sampleMoments' second pass over [from, to), continuing s = [sum of (v - mean)^2] over the values that are not NaN. */
function squaresBlock(values: ArrayLike<number>, from: number, to: number, mean: number, s: Float64Array): void {
  let ss = s[0] as number;
  for (let i = from; i < to; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
  }
  s[0] = ss;
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
  const first = new Float64Array(8);
  for (let from = 0; from < length; from += KERNEL_BLOCK) pairedSumsBlock(a, b, from, Math.min(length, from + KERNEL_BLOCK), first);
  const [n, sa, sb, maxA, maxB, absoluteError, squaredError, error] = first as unknown as [number, number, number, number, number, number, number, number];
  if (n < 2) return { n, absoluteError, squaredError, error, correlation: null };
  const ma = sa / n;
  const mb = sb / n;
  const second = new Float64Array(3);
  for (let from = 0; from < length; from += KERNEL_BLOCK) pairedCrossBlock(a, b, from, Math.min(length, from + KERNEL_BLOCK), ma, mb, second);
  const [sab, saa, sbb] = second as unknown as [number, number, number];
  const constant = (ss: number, max: number): boolean => !(Math.sqrt(ss / n) > CONSTANT_COLUMN_TOLERANCE * max);
  const correlation = constant(saa, maxA) || constant(sbb, maxB) ? null : sab / Math.sqrt(saa * sbb);
  return { n, absoluteError, squaredError, error, correlation };
}

/** pairedMoments' first pass over rows [from, to), continuing s = [n, sum a, sum b, max |a|, max |b|, sum |a - b|, sum (a - b)^2, sum (a - b)]. */
function pairedSumsBlock(a: ArrayLike<number>, b: ArrayLike<number>, from: number, to: number, s: Float64Array): void {
  let n = s[0] as number;
  let sa = s[1] as number;
  let sb = s[2] as number;
  let maxA = s[3] as number;
  let maxB = s[4] as number;
  let absoluteError = s[5] as number;
  let squaredError = s[6] as number;
  let error = s[7] as number;
  for (let i = from; i < to; i++) {
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
  s[0] = n;
  s[1] = sa;
  s[2] = sb;
  s[3] = maxA;
  s[4] = maxB;
  s[5] = absoluteError;
  s[6] = squaredError;
  s[7] = error;
}

/** pairedMoments' second pass over rows [from, to), continuing s = [sum da db, sum da^2, sum db^2] about the means. */
function pairedCrossBlock(a: ArrayLike<number>, b: ArrayLike<number>, from: number, to: number, ma: number, mb: number, s: Float64Array): void {
  let sab = s[0] as number;
  let saa = s[1] as number;
  let sbb = s[2] as number;
  for (let i = from; i < to; i++) {
    const ai = a[i] as number;
    const bi = b[i] as number;
    if (!(Number.isFinite(ai) && Number.isFinite(bi))) continue;
    const da = ai - ma;
    const db = bi - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  s[0] = sab;
  s[1] = saa;
  s[2] = sbb;
}
