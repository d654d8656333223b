/**
 * Centred, weighted cross-products of data rows and a response: the one O(n k^2)
 * pass of least squares by the normal equations. Internal kernel.
 *
 * Rows are taken in blocks of {@link BLOCK} and transposed into a small column-major buffer that
 * stays in cache. Each block is centred at its own (weighted) means, its co-moments are formed as
 * dot products over the block, three columns by three (nine sums in registers for six loads per
 * row), and the block is merged into the running total by Chan, Golub & LeVeque's pairwise update
 * M += M_b + (W W_b / (W + W_b)) (mean_b - mean)(mean_b - mean)'. So one pass gives the means and
 * the co-moments about them, with the rounding of a sum over a block plus one over the blocks
 * (about (BLOCK + n / BLOCK) u) instead of n u, and without the cancellation of raw sums.
 */

const BLOCK = 256;

/** Means and co-moments of [X | y]. */
export interface CrossProducts {
  /** (p + 1) x (p + 1), row-major, symmetric: sum over rows of w (z - mean)(z - mean)', y last; uncentred: sum w z z'. */
  readonly comoments: Float64Array;
  /** Weighted means of the p columns and y (zeros when not centred). */
  readonly means: Float64Array;
}

/**
 * Weighted co-moments of z = [x_r, y_r] over the rows, about their means (`centred`) or about zero.
 *
 * @param rows n rows of p numbers each
 * @param y length n
 * @param w the weights (length n), or null for unit weights
 */
export function crossProducts(rows: readonly (readonly number[])[], y: Float64Array, w: Float64Array | null, n: number, p: number, centred: boolean): CrossProducts {
  const q = p + 1;
  const padded = Math.ceil(q / 3) * 3;
  // Padding columns stay zero, so the 3 x 3 tiles never need a remainder case.
  const z = new Float64Array(padded * BLOCK);
  const block = new Float64Array(padded * padded);
  const total = new Float64Array(q * q);
  const means = new Float64Array(q);
  const blockMeans = new Float64Array(q);
  const sw = new Float64Array(BLOCK);
  let weight = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const length = Math.min(BLOCK, n - start);
    for (let i = 0; i < length; i++) {
      const row = rows[start + i] as readonly number[];
      for (let j = 0, at = i; j < p; j++, at += BLOCK) z[at] = row[j] as number;
      z[p * BLOCK + i] = y[start + i] as number;
    }
    let blockWeight = length;
    if (w !== null) {
      blockWeight = 0;
      for (let i = 0; i < length; i++) {
        blockWeight += w[start + i] as number;
        sw[i] = Math.sqrt(w[start + i] as number);
      }
    }
    if (centred) {
      for (let j = 0; j < q; j++) {
        const base = j * BLOCK;
        let sum = 0;
        if (w === null) for (let i = 0; i < length; i++) sum += z[base + i] as number;
        else for (let i = 0; i < length; i++) sum += (w[start + i] as number) * (z[base + i] as number);
        const mean = sum / blockWeight;
        blockMeans[j] = mean;
        for (let i = 0; i < length; i++) z[base + i] = (z[base + i] as number) - mean;
      }
    }
    if (w !== null) {
      for (let j = 0; j < q; j++) {
        const base = j * BLOCK;
        for (let i = 0; i < length; i++) z[base + i] = (z[base + i] as number) * (sw[i] as number);
      }
    }
    gram(z, block, q, padded, length);
    // Merge the block into the total (Chan, Golub & LeVeque 1979).
    const merged = weight + blockWeight;
    const factor = centred ? (weight * blockWeight) / merged : 0;
    for (let a = 0; a < q; a++) {
      const da = (blockMeans[a] as number) - (means[a] as number);
      for (let b = a; b < q; b++) {
        const db = (blockMeans[b] as number) - (means[b] as number);
        total[a * q + b] = (total[a * q + b] as number) + (block[a * padded + b] as number) + factor * da * db;
      }
    }
    if (centred) for (let a = 0; a < q; a++) means[a] = (means[a] as number) + (blockWeight / merged) * ((blockMeans[a] as number) - (means[a] as number));
    weight = merged;
  }
  for (let a = 0; a < q; a++) for (let b = 0; b < a; b++) total[a * q + b] = total[b * q + a] as number;
  return { comoments: total, means };
}

/** Upper triangle (by 3 x 3 tiles) of the co-moments of the first `length` entries of each column of z. */
function gram(z: Float64Array, out: Float64Array, q: number, padded: number, length: number): void {
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
      out[o0] = s00;
      out[o0 + 1] = s01;
      out[o0 + 2] = s02;
      out[o1] = s10;
      out[o1 + 1] = s11;
      out[o1 + 2] = s12;
      out[o2] = s20;
      out[o2 + 1] = s21;
      out[o2 + 2] = s22;
    }
  }
}
