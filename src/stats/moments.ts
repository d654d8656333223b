/**
 * Moments written once: sample standard deviation, weighted (population) standard deviation and
 * Pearson's r, NaN-aware where the callers need it. Internal: not exported from the barrel.
 *
 * One answer for a degenerate column: a correlation with a constant column is undefined, so
 * {@link pearsonCorrelation} returns `null` (never 0, never an error); callers decide what an
 * undefined correlation means for them.
 */

/**
 * Sample standard deviation (divisor n - 1) of the values that are not NaN, by two passes (mean,
 * then the sum of squared deviations), accurate to a few ulps for data of any offset.
 * Returns 0 for a single value and NaN for none, as R's `sd()` gives NA for fewer than two.
 *
 * Reference: Chan, Golub & LeVeque (1983), Algorithms for computing the sample variance.
 *
 * @example
 * ```ts
 * sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9]); // 2.138090 (R: sd(c(2,4,4,4,5,5,7,9)))
 * ```
 */
export function sampleStandardDeviation(values: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  if (n === 0) return Number.NaN;
  if (n === 1) return 0;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) ss += (v - mean) ** 2;
  }
  return Math.sqrt(ss / (n - 1));
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
 * Pearson correlation of `a` and `b` over the positions where both are not NaN (pairwise complete),
 * by two passes over centred values. `null` when fewer than two pairs remain or either column is
 * constant on them: the correlation is undefined there.
 *
 * @example
 * ```ts
 * pearsonCorrelation([1, 2, 3, 4], [2, 4, 5, 9]); // 0.9648 (R: cor(1:4, c(2,4,5,9)))
 * pearsonCorrelation([1, 2, 3], [5, 5, 5]);       // null
 * ```
 */
export function pearsonCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const length = Math.min(a.length, b.length);
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < length; i++) {
    const ai = a[i] as number;
    const bi = b[i] as number;
    if (Number.isNaN(ai) || Number.isNaN(bi)) continue;
    n++;
    sa += ai;
    sb += bi;
  }
  if (n < 2) return null;
  const ma = sa / n;
  const mb = sb / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < length; i++) {
    const ai = a[i] as number;
    const bi = b[i] as number;
    if (Number.isNaN(ai) || Number.isNaN(bi)) continue;
    const da = ai - ma;
    const db = bi - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (!(saa > 0 && sbb > 0)) return null;
  return sab / Math.sqrt(saa * sbb);
}
