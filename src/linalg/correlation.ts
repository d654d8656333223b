/**
 * Correlation matrix of columns (optionally weighted) by two-pass centred cross-products.
 * Internal kernel.
 */

/**
 * A column whose weighted standard deviation is below this fraction of its largest absolute value
 * counts as constant: a truly constant column leaves only the rounding of its mean (about 1e-16).
 */
const CONSTANT_TOLERANCE = 1e-14;

/**
 * Row-major correlation matrix of `columns` (equal lengths, no missing values), with weighted
 * means and cross-products when `weights` (non-negative) is given.
 *
 * Algorithm: each column's (weighted) mean is summed over the column divided by its largest
 * absolute value, so that it cannot overflow; the deviations from the mean are taken in the
 * original units (no precision lost to an offset) and divided by their largest absolute value
 * before the cross-products are summed (correlations are scale invariant), so that values
 * anywhere between about 1e-300 and 1e300 neither overflow nor underflow. A constant column (standard deviation below 1e-14 of its largest absolute value) gets
 * NaN in its whole row and column, diagonal included; callers check the diagonal.
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
  const weight = (i: number): number => (weights === undefined ? 1 : (weights[i] as number));
  let sumW = 0;
  for (let i = 0; i < n; i++) sumW += weight(i);
  const constant: boolean[] = [];
  const centred = columns.map((c) => {
    let maxAbs = 0;
    for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(c[i] as number));
    const d = new Float64Array(n);
    if (maxAbs === 0) {
      constant.push(true);
      return d;
    }
    // The mean is summed on the scaled values (no overflow) but the deviations are taken in the
    // original units, so that an offset (ratings around 1e9) costs no precision.
    let mean = 0;
    for (let i = 0; i < n; i++) mean += weight(i) * ((c[i] as number) / maxAbs);
    mean = (mean / sumW) * maxAbs;
    let spread = 0;
    for (let i = 0; i < n; i++) {
      const v = (c[i] as number) - mean;
      d[i] = v;
      if (weight(i) > 0) spread = Math.max(spread, Math.abs(v));
    }
    let ss = 0;
    if (spread > 0) {
      for (let i = 0; i < n; i++) {
        const v = (d[i] as number) / spread;
        d[i] = v;
        ss += weight(i) * v * v;
      }
    }
    constant.push(!((spread / maxAbs) * Math.sqrt(ss / sumW) > CONSTANT_TOLERANCE));
    return d;
  });
  const out = new Float64Array(k * k);
  const sd = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const ca = centred[a] as Float64Array;
    for (let b = a; b < k; b++) {
      const cb = centred[b] as Float64Array;
      let s = 0;
      if (weights === undefined) for (let i = 0; i < n; i++) s += (ca[i] as number) * (cb[i] as number);
      else for (let i = 0; i < n; i++) s += (weights[i] as number) * (ca[i] as number) * (cb[i] as number);
      out[a * k + b] = s;
      out[b * k + a] = s;
    }
    sd[a] = Math.sqrt(out[a * k + a] as number);
  }
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      out[a * k + b] = constant[a] || constant[b] ? Number.NaN : a === b ? 1 : (out[a * k + b] as number) / ((sd[a] as number) * (sd[b] as number));
    }
  }
  return out;
}
