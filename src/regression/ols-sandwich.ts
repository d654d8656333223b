/**
 * White's heteroskedasticity-consistent (sandwich) covariances HC0-HC3 of an `ols` fit, as the
 * sandwich package computes them. Internal.
 */
import type { CovarianceType } from './ols.js';

/**
 * White's sandwich (X'WX)^-1 [sum_i w_i^2 e_i^2 omega_i x_i x_i'] (X'WX)^-1 over the full design
 * [intercept?, kept columns] in original units, `bread` being (X'WX)^-1 (m x m): omega = 1 (HC0,
 * and HC1 times n / (n - m)), 1 / (1 - h_i) (HC2), 1 / (1 - h_i)^2 (HC3), with the leverage
 * h_i = w_i x_i' (X'WX)^-1 x_i. References: White (1980); MacKinnon & White (1985); Zeileis (2004).
 */
export function sandwich(
  bread: Float64Array,
  m: number,
  rows: readonly (readonly number[])[],
  kept: number[],
  intercept: boolean,
  w: Float64Array,
  residuals: Float64Array,
  type: Exclude<CovarianceType, 'classical'>,
  n: number,
): Float64Array {
  const meat = new Float64Array(m * m);
  const z = new Float64Array(m);
  const bz = new Float64Array(m);
  for (let r = 0; r < n; r++) {
    let k = 0;
    if (intercept) z[k++] = 1;
    const row = rows[r] as readonly number[];
    for (const col of kept) z[k++] = row[col] as number;
    const wr = w[r] as number;
    let omega = 1;
    if (type === 'HC2' || type === 'HC3') {
      let h = 0;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += (bread[i * m + j] as number) * (z[j] as number);
        bz[i] = s;
        h += (z[i] as number) * s;
      }
      h *= wr;
      omega = type === 'HC2' ? 1 / (1 - h) : 1 / (1 - h) ** 2;
    }
    const u = wr * wr * (residuals[r] as number) ** 2 * omega;
    for (let i = 0; i < m; i++) for (let j = i; j < m; j++) meat[i * m + j] = (meat[i * m + j] as number) + u * (z[i] as number) * (z[j] as number);
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) meat[i * m + j] = meat[j * m + i] as number;
  const factor = type === 'HC1' ? n / (n - m) : 1;
  const tmp = multiply(bread, meat, m);
  return multiply(tmp, bread, m).map((v) => v * factor);
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k] as number;
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] = (out[i * m + j] as number) + aik * (b[k * m + j] as number);
    }
  }
  return out;
}
