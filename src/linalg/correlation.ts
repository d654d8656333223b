/**
 * Correlation matrix of columns (optionally weighted) by two-pass centred cross-products.
 * Internal kernel.
 */

/**
 * Row-major correlation matrix of `columns` (equal lengths, no missing values).
 * Weighted means and cross-products when `weights` is given. A constant column gets NaN
 * correlations (its variance is zero); callers check.
 */
export function correlationMatrix(columns: readonly ArrayLike<number>[], weights?: ArrayLike<number>): Float64Array {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  let sumW = 0;
  for (let i = 0; i < n; i++) sumW += weights === undefined ? 1 : (weights[i] as number);
  const centred = columns.map((c) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += (weights === undefined ? 1 : (weights[i] as number)) * (c[i] as number);
    mean /= sumW;
    return Float64Array.from({ length: n }, (_, i) => (c[i] as number) - mean);
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
    for (let b = 0; b < k; b++) out[a * k + b] = a === b ? 1 : (out[a * k + b] as number) / ((sd[a] as number) * (sd[b] as number));
  }
  return out;
}
