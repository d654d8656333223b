/**
 * Correlation matrix of columns (optionally weighted) by two-pass centred cross-products.
 * Internal kernel.
 */

import { CONSTANT_COLUMN_TOLERANCE } from '../stats/moments.js';
import { BLOCK, blockGram, correlationSums } from './cross-product.js';

/** Most values (rows x columns) the WebAssembly pass of {@link correlationMatrix} takes. */
export const WASM_CORRELATION_MAX_VALUES = 2 ** 18;

/**
 * Row-major correlation matrix of `columns` (equal lengths, no missing values), with weighted
 * means and cross-products when `weights` (non-negative) is given.
 *
 * Algorithm: each column's (weighted) mean is summed in the pass that finds its largest absolute
 * value (again on the values divided by it, should the sum overflow); the deviations from the
 * mean are taken in the original units (no precision lost to an offset) and divided by the
 * column's largest absolute value before the cross-products are summed (correlations are scale
 * invariant), so that values anywhere between about 1e-300 and 1e300 neither overflow nor
 * underflow. The cross-products
 * (times sqrt(w) each) are summed over blocks of 256 rows by the Gram kernel of least squares
 * (WebAssembly SIMD where available, so compiled from the first call), then over the blocks. A
 * constant column (by the rule of `pearsonCorrelation`: standard deviation at most 1e-14 of its
 * largest absolute value) gets NaN in its whole row and column, diagonal included, where
 * `pearsonCorrelation` returns null; callers check the diagonal.
 *
 * Accuracy: two-pass centring keeps the relative error of each correlation near n * 1e-16
 * (Chan, Golub & LeVeque 1983), independent of the columns' offsets and scales.
 *
 * @example
 * ```ts
 * correlationMatrix([[1, 2, 3], [2, 4, 7]]); // [1, 0.9934, 0.9934, 1]
 * ```
 */
export function correlationMatrix(columns: readonly ArrayLike<number>[], weights?: ArrayLike<number>): Float64Array {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  // Unweighted typed columns of up to 2^18 values in all: the same pass in WebAssembly
  // (correlationSums; a first call would interpret the loops below), kept small since the module's
  // memory holds a copy and never shrinks. Larger data and weights: the JavaScript below.
  const small = n * k <= WASM_CORRELATION_MAX_VALUES;
  const sums = small && weights === undefined && columns.every((c) => c instanceof Float64Array) ? correlationSums(columns as readonly Float64Array[], n) : null;
  if (sums !== null) return correlationsOf(sums.cross, sums.maxima, k, n);
  let sumW = n;
  if (weights !== undefined) {
    sumW = 0;
    for (let i = 0; i < n; i++) sumW += weights[i] as number;
  }
  // Per column, one pass: the largest |value| and the (weighted) sum. The sum can overflow only
  // for values near the largest double; then it is summed again on values divided by the maximum.
  const means = new Float64Array(k);
  const maxima = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const c = columns[a] as ArrayLike<number>;
    let maxAbs = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = c[i] as number;
      const size = v < 0 ? -v : v;
      if (size > maxAbs) maxAbs = size;
      sum += weights === undefined ? v : (weights[i] as number) * v;
    }
    maxima[a] = maxAbs;
    if (!Number.isFinite(sum) && maxAbs > 0) {
      sum = 0;
      for (let i = 0; i < n; i++) sum += (weights === undefined ? 1 : (weights[i] as number)) * ((c[i] as number) / maxAbs);
      sum *= maxAbs;
      if (!Number.isFinite(sum)) sum = 0;
    }
    means[a] = sum / sumW;
  }
  // Cross-products of the deviations divided by the column's largest |value| (so no square
  // overflows; correlations do not depend on the scale), times sqrt(w), by blocks of rows in the
  // Gram kernel, summed block by block.
  const kernel = blockGram(k);
  const { z, tiles, padded } = kernel;
  const scale = maxima.map((m) => (m > 0 ? 1 / m : 0));
  const cross = new Float64Array(k * k);
  for (let start = 0; start < n; start += BLOCK) {
    const length = Math.min(BLOCK, n - start);
    for (let a = 0; a < k; a++) {
      const c = columns[a] as ArrayLike<number>;
      const mean = means[a] as number;
      const f = scale[a] as number;
      const at = a * BLOCK - start;
      if (weights === undefined) for (let i = start; i < start + length; i++) z[at + i] = ((c[i] as number) - mean) * f;
      else for (let i = start; i < start + length; i++) z[at + i] = ((c[i] as number) - mean) * f * Math.sqrt(weights[i] as number);
    }
    kernel.gram(length);
    for (let a = 0; a < k; a++) for (let b = a; b < k; b++) cross[a * k + b] = (cross[a * k + b] as number) + (tiles[a * padded + b] as number);
  }
  return correlationsOf(cross, maxima, k, sumW);
}

/** The correlations from the scaled cross-products (upper triangle) and each column's largest |value|. */
function correlationsOf(cross: Float64Array, maxima: Float64Array, k: number, sumW: number): Float64Array {
  const sd = new Float64Array(k);
  const constant: boolean[] = [];
  for (let a = 0; a < k; a++) {
    const ss = cross[a * k + a] as number;
    sd[a] = Math.sqrt(ss);
    constant.push(!((maxima[a] as number) > 0 && Math.sqrt(ss / sumW) > CONSTANT_COLUMN_TOLERANCE));
  }
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const r = constant[a] || constant[b] ? Number.NaN : a === b ? 1 : (cross[a * k + b] as number) / ((sd[a] as number) * (sd[b] as number));
      out[a * k + b] = r;
      out[b * k + a] = r;
    }
  }
  return out;
}
