/**
 * Centred cross-products of the dummies of three-level factors and a response, counted instead of
 * multiplied: the one pass of least squares by the normal equations when every predictor is a 0/1
 * dummy, as in penalty-reward's regression (a low-box and a high-box dummy per touchpoint).
 * Internal kernel.
 *
 * Factor j takes, in each row, the code 0 (its reference level: no dummy set), 1 (dummy 2j set) or
 * 2 (dummy 2j + 1 set). The codes are packed {@link CODES_PER_BYTE} factors to a byte in base 3:
 * byte g of row r holds sum_i code(5g + i) 3^i, at most 242. Sequential passes over the bytes
 * histogram each byte, with the sum of y - s in each of its values, and each pair of bytes
 * (243 x 243 cells); the dummies' counts, pair counts and sums of y follow from the histograms
 * (a few hundred thousand additions, whatever n). So a row costs
 * G + G (G - 1) / 2 increments for G = ceil(k / 5) bytes, against (2k + 1)(2k + 2) / 2
 * multiply-adds in the general kernel (cross-product.ts): 10 against 861 for 20 touchpoints.
 *
 * The result is {@link CrossProducts} as the general kernel gives it (means, and co-moments about
 * the means), from exact counts: with c_a the rows with dummy a, C_ab the rows with both, the
 * co-moment is (n C_ab - c_a c_b) / n, an integer difference (exact while n^2 < 2^53) divided
 * once, so correctly rounded. The response is taken minus a shift s near its mean: the mean
 * rounded to a multiple of 2^e, 2^e the largest power of two at most range / 32, so
 * |mean - s| <= range / 64 and s has few significant bits; for responses on a grid (whole
 * numbers, halves, quarters) every y - s, its square and the sums below are then exact (while
 * they stay below 2^53 grid steps). With T = sum (y - s) and T_a its sum over the rows with dummy
 * a, the co-moment of dummy a and y is (n T_a - c_a T) / n, y's own (n sum (y - s)^2 - T^2) / n
 * and its mean (n s + T) / n: on a grid, again exact numbers divided once, so correctly rounded
 * (while n times the sums stays below 2^53 grid steps). Little cancels because s is near the
 * mean: T^2 is at most n^2 (range / 64)^2. Sums of y - s are added per block of {@link BLOCK}
 * rows and then block by block, so their rounding, where there is any, grows like
 * BLOCK + n / BLOCK units, not n.
 *
 * Reference: the co-moment identity and shifted sums as in Chan, Golub & LeVeque (1983),
 * "Algorithms for computing the sample variance", The American Statistician 37(3).
 */
import type { CrossProducts } from './cross-product.js';

/** Factors packed into one byte: 3^5 = 243 values fit in 0..255. */
export const CODES_PER_BYTE = 5;

/** Values of a packed byte. */
const VALUES = 243;

/** Rows whose sums of y - s are added up before they join the totals. */
const BLOCK = 4096;

/** {@link CrossProducts} with the number of rows in which each dummy is set (exact). */
export interface CountedCrossProducts extends CrossProducts {
  /** Length 2k: rows with dummy 2j (factor j's code 1) and 2j + 1 (its code 2). */
  readonly counts: Float64Array;
}

/**
 * Means and co-moments of [dummies | y] over n rows (see the module comment); the dummies of
 * factor j are columns 2j (code 1) and 2j + 1 (code 2), y is last.
 *
 * @param packed ceil(k / 5) arrays of at least n bytes: byte g of row r is sum_i code(5g + i) 3^i
 *   (codes of factors beyond k are 0)
 * @param k the number of factors
 * @param y the response, n finite numbers
 */
export function ternaryCrossProducts(packed: readonly Uint8Array[], k: number, y: ArrayLike<number>, n: number): CountedCrossProducts {
  const bytes = packed.length;
  const p = 2 * k;
  const q = p + 1;
  // The shift: the mean rounded to a multiple of a power of two near range / 32 (see the module
  // comment), so y - s is exact for responses on a grid (whole numbers, halves, ...).
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < n; r++) {
    const v = y[r] as number;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const step = max > min ? 2 ** (Math.floor(Math.log2(max - min)) - 5) : 1;
  const shift = n === 0 ? 0 : max > min ? Math.round(sum / n / step) * step : min;

  // Each byte's histogram and sums of y - s by value; the squares and the total of y - s.
  const histogram = new Float64Array(bytes * VALUES);
  const ySums = new Float64Array(bytes * VALUES);
  const blockSums = new Float64Array(bytes * VALUES);
  const deviations = new Float64Array(BLOCK);
  let total = 0;
  let squares = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const length = Math.min(BLOCK, n - start);
    let blockTotal = 0;
    let blockSquares = 0;
    for (let i = 0; i < length; i++) {
      const d = (y[start + i] as number) - shift;
      deviations[i] = d;
      blockTotal += d;
      blockSquares += d * d;
    }
    total += blockTotal;
    squares += blockSquares;
    for (let g = 0; g < bytes; g++) {
      const codes = packed[g] as Uint8Array;
      const offset = g * VALUES;
      for (let i = 0; i < length; i++) {
        const at = offset + (codes[start + i] as number);
        histogram[at] = (histogram[at] as number) + 1;
        blockSums[at] = (blockSums[at] as number) + (deviations[i] as number);
      }
    }
    for (let v = 0; v < blockSums.length; v++) {
      ySums[v] = (ySums[v] as number) + (blockSums[v] as number);
      blockSums[v] = 0;
    }
  }

  // dummiesOf[v * 5 + i]: the dummy (0..9 within the byte) that value v sets for its factor i, or -1.
  const dummiesOf = new Int8Array(VALUES * CODES_PER_BYTE);
  for (let v = 0; v < VALUES; v++) {
    for (let i = 0, rest = v; i < CODES_PER_BYTE; i++, rest = Math.floor(rest / 3)) {
      const code = rest % 3;
      dummiesOf[v * CODES_PER_BYTE + i] = code === 0 ? -1 : 2 * i + code - 1;
    }
  }
  const perByte = 2 * CODES_PER_BYTE;
  const stride = bytes * perByte;
  // Counts, pair counts and sums of y - s by dummy: byte g's dummy d (0..9) is dummy 10g + d, the
  // order of the result (those of factors beyond k stay zero).
  const counts = new Float64Array(stride);
  const yByDummy = new Float64Array(stride);
  const pairs = new Float64Array(stride * stride);
  for (let g = 0; g < bytes; g++) {
    for (let v = 0; v < VALUES; v++) {
      const c = histogram[g * VALUES + v] as number;
      if (c === 0) continue;
      const s = ySums[g * VALUES + v] as number;
      for (let i = 0; i < CODES_PER_BYTE; i++) {
        const a = dummiesOf[v * CODES_PER_BYTE + i] as number;
        if (a < 0) continue;
        const at = g * perByte + a;
        counts[at] = (counts[at] as number) + c;
        yByDummy[at] = (yByDummy[at] as number) + s;
        // Pairs within the byte: factors i < l.
        for (let l = i + 1; l < CODES_PER_BYTE; l++) {
          const b = dummiesOf[v * CODES_PER_BYTE + l] as number;
          if (b >= 0) pairs[at * stride + g * perByte + b] = (pairs[at * stride + g * perByte + b] as number) + c;
        }
      }
    }
  }
  // Pairs across bytes g < h: the joint histogram, folded first over h's values into per
  // (g value, h dummy) counts, then over g's values.
  const joint = new Uint32Array(VALUES * VALUES);
  const byValue = new Float64Array(VALUES * perByte);
  for (let g = 0; g < bytes; g++) {
    const first = packed[g] as Uint8Array;
    for (let h = g + 1; h < bytes; h++) {
      const second = packed[h] as Uint8Array;
      joint.fill(0);
      for (let r = 0; r < n; r++) {
        const at = (first[r] as number) * VALUES + (second[r] as number);
        joint[at] = (joint[at] as number) + 1;
      }
      byValue.fill(0);
      for (let u = 0; u < VALUES; u++) {
        for (let v = 0; v < VALUES; v++) {
          const c = joint[u * VALUES + v] as number;
          if (c === 0) continue;
          for (let l = 0; l < CODES_PER_BYTE; l++) {
            const b = dummiesOf[v * CODES_PER_BYTE + l] as number;
            if (b >= 0) byValue[u * perByte + b] = (byValue[u * perByte + b] as number) + c;
          }
        }
      }
      for (let u = 0; u < VALUES; u++) {
        for (let i = 0; i < CODES_PER_BYTE; i++) {
          const a = dummiesOf[u * CODES_PER_BYTE + i] as number;
          if (a < 0) continue;
          const row = (g * perByte + a) * stride + h * perByte;
          for (let b = 0; b < perByte; b++) pairs[row + b] = (pairs[row + b] as number) + (byValue[u * perByte + b] as number);
        }
      }
    }
  }

  // Centred: (n C_ab - c_a c_b) / n, exact integers divided once.
  const comoments = new Float64Array(q * q);
  const means = new Float64Array(q);
  for (let a = 0; a < p; a++) {
    const ca = counts[a] as number;
    means[a] = ca / n;
    comoments[a * q + a] = (n * ca - ca * ca) / n;
    for (let b = a + 1; b < p; b++) {
      const value = (n * (pairs[a * stride + b] as number) - ca * (counts[b] as number)) / n;
      comoments[a * q + b] = value;
      comoments[b * q + a] = value;
    }
    const withY = (n * (yByDummy[a] as number) - ca * total) / n;
    comoments[a * q + p] = withY;
    comoments[p * q + a] = withY;
  }
  comoments[p * q + p] = (n * squares - total * total) / n;
  means[p] = (n * shift + total) / n;
  return { comoments, means, weight: n, counts: counts.slice(0, p) };
}

/**
 * The rows of 0/1 dummies the packed codes stand for (2k numbers per row, in the order of
 * {@link ternaryCrossProducts}): for the paths that need rows (QR, refinement passes).
 */
export function rowsOfTernaryCodes(packed: readonly Uint8Array[], k: number, n: number): number[][] {
  const rows: number[][] = new Array<number[]>(n);
  for (let r = 0; r < n; r++) {
    const row = new Array<number>(2 * k).fill(0);
    for (let j = 0; j < k; j++) {
      const code = Math.floor(((packed[Math.floor(j / CODES_PER_BYTE)] as Uint8Array)[r] as number) / 3 ** (j % CODES_PER_BYTE)) % 3;
      if (code > 0) row[2 * j + code - 1] = 1;
    }
    rows[r] = row;
  }
  return rows;
}
