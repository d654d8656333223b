/**
 * Centred, weighted cross-products of data rows and a response: the one O(n k^2)
 * pass of least squares by the normal equations. Internal kernel.
 *
 * Rows are taken in blocks of {@link BLOCK} and transposed into a small column-major buffer that
 * stays in cache; every pair of columns is then a dot product over the block, computed three by
 * three (nine sums in registers for six loads per row). Summing per block and then across blocks
 * also bounds the rounding error by about (BLOCK + n / BLOCK) units in the last place instead of n.
 */

const BLOCK = 256;

/**
 * The (p + 1) x (p + 1) matrix of sums over rows of w (z - c)(z - c)', where z = [x_r, y_r], row-major
 * and symmetric, y in the last row and column.
 *
 * @param rows n rows of p numbers each
 * @param y length n
 * @param sw square roots of the weights (length n), or null for unit weights
 * @param centre length p + 1: the column centres (means, or zeros for an uncentred product)
 */
export function centredCrossProducts(rows: readonly (readonly number[])[], y: Float64Array, sw: Float64Array | null, n: number, p: number, centre: Float64Array): Float64Array {
  const q = p + 1;
  const padded = Math.ceil(q / 3) * 3;
  // Padding columns stay zero, so the 3 x 3 tiles never need a remainder case.
  const z = new Float64Array(padded * BLOCK);
  const sums = new Float64Array(padded * padded);
  const yCentre = centre[p] as number;
  for (let start = 0; start < n; start += BLOCK) {
    const length = Math.min(BLOCK, n - start);
    for (let i = 0; i < length; i++) {
      const row = rows[start + i] as readonly number[];
      for (let j = 0, at = i; j < p; j++, at += BLOCK) z[at] = (row[j] as number) - (centre[j] as number);
    }
    const yBase = p * BLOCK;
    for (let i = 0; i < length; i++) z[yBase + i] = (y[start + i] as number) - yCentre;
    if (sw !== null) {
      for (let j = 0; j < q; j++) {
        const base = j * BLOCK;
        for (let i = 0; i < length; i++) z[base + i] = (z[base + i] as number) * (sw[start + i] as number);
      }
    }
    if (length < BLOCK) for (let j = 0; j < q; j++) z.fill(0, j * BLOCK + length, (j + 1) * BLOCK);
    for (let a = 0; a < q; a += 3) {
      const a0 = a * BLOCK;
      const a1 = a0 + BLOCK;
      const a2 = a1 + BLOCK;
      for (let b = a; b < q; b += 3) {
        const b0 = b * BLOCK;
        const b1 = b0 + BLOCK;
        const b2 = b1 + BLOCK;
        let s00 = 0;
        let s01 = 0;
        let s02 = 0;
        let s10 = 0;
        let s11 = 0;
        let s12 = 0;
        let s20 = 0;
        let s21 = 0;
        let s22 = 0;
        for (let i = 0; i < length; i++) {
          const u0 = z[a0 + i] as number;
          const u1 = z[a1 + i] as number;
          const u2 = z[a2 + i] as number;
          const v0 = z[b0 + i] as number;
          const v1 = z[b1 + i] as number;
          const v2 = z[b2 + i] as number;
          s00 += u0 * v0;
          s01 += u0 * v1;
          s02 += u0 * v2;
          s10 += u1 * v0;
          s11 += u1 * v1;
          s12 += u1 * v2;
          s20 += u2 * v0;
          s21 += u2 * v1;
          s22 += u2 * v2;
        }
        const o0 = a * padded + b;
        const o1 = o0 + padded;
        const o2 = o1 + padded;
        sums[o0] = (sums[o0] as number) + s00;
        sums[o0 + 1] = (sums[o0 + 1] as number) + s01;
        sums[o0 + 2] = (sums[o0 + 2] as number) + s02;
        sums[o1] = (sums[o1] as number) + s10;
        sums[o1 + 1] = (sums[o1 + 1] as number) + s11;
        sums[o1 + 2] = (sums[o1 + 2] as number) + s12;
        sums[o2] = (sums[o2] as number) + s20;
        sums[o2 + 1] = (sums[o2 + 1] as number) + s21;
        sums[o2 + 2] = (sums[o2 + 2] as number) + s22;
      }
    }
  }
  // Tiles on the diagonal computed both halves; elsewhere only a <= b. Mirror the upper triangle.
  const out = new Float64Array(q * q);
  for (let a = 0; a < q; a++) {
    for (let b = a; b < q; b++) {
      const v = sums[a * padded + b] as number;
      out[a * q + b] = v;
      out[b * q + a] = v;
    }
  }
  return out;
}
