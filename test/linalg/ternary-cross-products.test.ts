import { describe, expect, it } from 'vitest';
import { CODES_PER_BYTE, rowsOfTernaryCodes, ternaryCrossProducts } from '../../src/linalg/ternary-cross-products.js';
import { createRng } from '../../src/random/rng.js';

/** k factors' codes (0, 1, 2) for n rows, packed five to a byte, and the 0/1 dummy rows they stand for. */
function codes(n: number, k: number, seed: number) {
  const rng = createRng(seed);
  const packed = Array.from({ length: Math.ceil(k / CODES_PER_BYTE) }, () => new Uint8Array(n));
  const rows = Array.from({ length: n }, () => new Array<number>(2 * k).fill(0));
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < k; j++) {
      // Uneven levels: the reference about half the time, level 2 rarest.
      const u = rng.next();
      const code = u < 0.5 ? 0 : u < 0.85 ? 1 : 2;
      const bytes = packed[Math.floor(j / CODES_PER_BYTE)] as Uint8Array;
      bytes[r] = (bytes[r] as number) + code * 3 ** (j % CODES_PER_BYTE);
      if (code > 0) (rows[r] as number[])[2 * j + code - 1] = 1;
    }
  }
  return { packed, rows };
}

describe('ternaryCrossProducts (dummies of three-level factors, counted)', () => {
  // 12 factors: three bytes, the last holding two factors; 9,001 rows: three blocks of 4,096 rows, the last partial.
  const n = 9001;
  const k = 12;
  const { packed, rows } = codes(n, k, 17);
  const rng = createRng(4);

  it('packs and unpacks: rowsOfTernaryCodes gives the dummy rows', () => {
    expect(rowsOfTernaryCodes(packed, k, n)).toEqual(rows);
  });

  it('whole-number responses: counts exact, every mean and co-moment the correctly rounded exact value', () => {
    // A large offset: the co-moments must not lose the ratings' digits to it.
    const y = Float64Array.from(rows, (row) => 1e6 + (row[0] as number) - 2 * (row[5] as number) + Math.floor(7 * rng.next()));
    const got = ternaryCrossProducts(packed, k, y, n);
    const z = rows.map((row, r) => [...row, y[r] as number]);
    const q = 2 * k + 1;
    // Exact rationals with BigInt: the co-moment of columns a and b is (n S_ab - S_a S_b) / n.
    const sums = Array.from({ length: q }, (_, a) => z.reduce((s, row) => s + BigInt(row[a] as number), 0n));
    for (let a = 0; a < q; a++) {
      if (a < 2 * k) expect(got.counts[a]).toBe(Number(sums[a]));
      for (let b = 0; b < q; b++) {
        const products = z.reduce((s, row) => s + BigInt(row[a] as number) * BigInt(row[b] as number), 0n);
        const numerator = BigInt(n) * products - (sums[a] as bigint) * (sums[b] as bigint);
        expect(got.comoments[a * q + b]).toBe(correctlyRounded(numerator, BigInt(n)));
      }
      expect(got.means[a]).toBe(correctlyRounded(sums[a] as bigint, BigInt(n)));
    }
    expect(got.weight).toBe(n);
  });

  it('real-valued responses: means and co-moments as the two-pass textbook formula to 1e-13', () => {
    const y = Float64Array.from(rows, (row) => 3.7 + (row[1] as number) * 0.9 - (row[22] as number) * 1.3 + rng.next() / 3);
    const got = ternaryCrossProducts(packed, k, y, n);
    const z = rows.map((row, r) => [...row, y[r] as number]);
    const q = 2 * k + 1;
    const means = Array.from({ length: q }, (_, a) => z.reduce((s, row) => s + (row[a] as number), 0) / n);
    const scale = z.reduce((s, row) => s + ((row[q - 1] as number) - (means[q - 1] as number)) ** 2, 0);
    for (let a = 0; a < q; a++) {
      expect(Math.abs((got.means[a] as number) - (means[a] as number))).toBeLessThanOrEqual(1e-13 * Math.abs(means[a] as number));
      for (let b = 0; b < q; b++) {
        const m = z.reduce((s, row) => s + ((row[a] as number) - (means[a] as number)) * ((row[b] as number) - (means[b] as number)), 0);
        expect(Math.abs((got.comoments[a * q + b] as number) - m)).toBeLessThanOrEqual(1e-13 * Math.max(scale, n));
      }
    }
  });
});

/** The double nearest numerator / denominator (positive denominator; ties are not reached here). */
function correctlyRounded(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  // Scale so the quotient has 64+ significant bits, then let Number round the integer quotient;
  // the remainder decides only exact ties, which these data do not produce.
  const shift = 80n;
  const quotient = (magnitude << shift) / denominator;
  const value = Number(quotient) / 2 ** 80;
  return negative ? -value : value;
}
