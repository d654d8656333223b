import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { grimmer } from '../../src/forensics/grimmer.js';

/** Integer square root by correction of the float estimate (exact for the small values used here). */
function isqrt(x: number): number {
  let r = Math.floor(Math.sqrt(x));
  while (r * r > x) r--;
  while ((r + 1) * (r + 1) <= x) r++;
  return r;
}

/**
 * Brute-force oracle: every (mean, sd) pair, printed with 2 decimals by half-up rounding, that n
 * answers in [lo, hi] produce. Exact integer arithmetic: the printed mean is
 * floor((200 s + n) / (2 n)) hundredths; with V = (nQ - s^2) / (n (n - 1)) and
 * w = floor(200 sd) = isqrt(floor(40000 V)), the printed SD is floor((w + 1) / 2) hundredths.
 */
function bruteForcePairs(n: number, lo: number, hi: number): Set<string> {
  const out = new Set<string>();
  const recurse = (start: number, left: number, s: number, q: number): void => {
    if (left === 0) {
      const meanUnits = Math.floor((200 * s + n) / (2 * n));
      const w = isqrt(Math.floor((40000 * (n * q - s * s)) / (n * (n - 1))));
      const sdUnits = Math.floor((w + 1) / 2);
      out.add(`${(meanUnits / 100).toFixed(2)} ${(sdUnits / 100).toFixed(2)}`);
      return;
    }
    for (let v = start; v <= hi; v++) recurse(v, left - 1, s + v, q + v * v);
  };
  recurse(lo, n, 0, 0);
  return out;
}

describe('grimmer: published examples with known verdicts (hand-checked)', () => {
  it('accepts 1, 2, 3, 4, 5 (mean 3.00, sd 1.58) and rejects sd 1.60', () => {
    // s = 15, Q = 55: V = (5 * 55 - 225) / 20 = 2.5, sd = 1.5811 -> 1.58.
    expect(grimmer('3.00', '1.58', 5)).toMatchObject({ consistent: true, reason: null, solutions: [{ sum: 15, sumOfSquares: 55 }] });
    // sd in [1.595, 1.605] means V in [2.544025, 2.576025] and Q = 4V + 45 in [55.18, 55.30]: no integer.
    expect(grimmer('3.00', '1.60', 5)).toMatchObject({ consistent: false, reason: 'sd', solutions: [] });
  });

  it("rejects scrutiny's vignette example 7.3 / 2.51 / 12 (one total fails parity, the other the SD)", () => {
    // GRIM: 87/12 = 7.25 (a tie, kept under up_or_down) and 88/12 = 7.333 print as 7.3.
    // V in [2.505^2, 2.515^2] = [6.275025, 6.325225]; Q = 11 V + s^2 / 12.
    // s = 87: Q in [699.775, 700.327] -> Q = 700, even, but Q must have the parity of s (odd).
    // s = 88: Q in [714.359, 714.911] -> no integer.
    const r = grimmer('7.3', '2.51', 12);
    expect(r).toMatchObject({ consistent: false, reason: 'sd', possibleSums: [87, 88] });
    // With SD 2.50: s = 88 gives Q in [713.809, 714.359], and Q = 714 is even like 88.
    expect(grimmer('7.3', '2.50', 12).solutions).toEqual([{ sum: 88, sumOfSquares: 714 }]);
  });

  it("accepts the distribution rsprite2's README shows for mean 2.2, sd 1.3, n = 20 on 1-5", () => {
    // 2 2 2 4 2 1 1 4 1 1 2 1 4 2 5 1 4 2 3 1: s = 45, Q = 133, mean 2.25 (prints 2.2 rounding
    // half down), V = (20 * 133 - 2025) / 380 = 635 / 380 = 1.6711, sd = 1.2927 -> 1.3.
    const r = grimmer('2.2', '1.3', 20, { scale: { min: 1, max: 5 } });
    expect(r.consistent).toBe(true);
    expect(r.solutions).toContainEqual({ sum: 45, sumOfSquares: 133 });
    // Half-up rounding excludes 2.25 (it prints 2.3), so s = 45 is no longer a candidate.
    expect(grimmer('2.2', '1.3', 20, { scale: { min: 1, max: 5 }, rounding: 'half_up' }).possibleSums).toEqual([43, 44]);
  });

  it("applies rsprite2's boundary example: on a 1-7 scale with n = 20 and mean 4, sd 1.5 is possible and 3.5 is not", () => {
    // Largest variance of 20 answers on 1-7: ten 1s and ten 7s, V = 20 * 9 / 19 = 9.47, sd 3.08 < 3.45.
    expect(grimmer('4', '3.5', 20, { scale: { min: 1, max: 7 } })).toMatchObject({ consistent: false, reason: 'sd' });
    // Without the scale only the granularity is checked, and 3.5 passes.
    expect(grimmer('4', '3.5', 20).consistent).toBe(true);
    expect(grimmer('4', '1.5', 20, { scale: { min: 1, max: 7 } }).consistent).toBe(true);
    // With the mean printed as 4.00 only s = 80 remains; V in [1.45^2, 1.55^2] gives
    // Q = 19 V + 320 in [359.95, 365.65], even like 80: 360, 362, 364. Q = 360 is five 2s, ten
    // 4s and five 6s: V = (7200 - 6400) / 380 = 2.105, sd 1.451.
    expect(grimmer('4.00', '1.5', 20, { scale: { min: 1, max: 7 } }).solutions).toEqual([
      { sum: 80, sumOfSquares: 360 },
      { sum: 80, sumOfSquares: 362 },
      { sum: 80, sumOfSquares: 364 },
    ]);
  });
});

describe('grimmer: exact arithmetic', () => {
  it('never rejects a pair that data produce, and rejects most that none do (all data, n = 6, scale 1-5, half-up)', () => {
    // GRIMMER checks necessary conditions, so a few unreachable pairs may pass; a reachable pair
    // must never fail.
    const n = 6;
    const possible = bruteForcePairs(n, 1, 5);
    // The rate that matters is among impossible pairs whose mean passes GRIM (the SD is the only
    // evidence): at the time of writing 3080 of 3088 are caught (99.7%).
    let impossibleWithPossibleMean = 0;
    let caughtBySd = 0;
    for (let m = 100; m <= 500; m++) {
      for (let s = 0; s <= 250; s += 2) {
        const mean = (m / 100).toFixed(2);
        const sd = (s / 100).toFixed(2);
        const bounded = grimmer(mean, sd, n, { scale: { min: 1, max: 5 }, rounding: 'half_up' });
        if (possible.has(`${mean} ${sd}`)) {
          expect(bounded.consistent, `${mean} ${sd}`).toBe(true);
          expect(grimmer(mean, sd, n, { rounding: 'half_up' }).consistent, `${mean} ${sd} unbounded`).toBe(true);
        } else if (bounded.reason !== 'grim') {
          impossibleWithPossibleMean++;
          if (bounded.reason === 'sd') caughtBySd++;
        }
      }
    }
    expect(possible.size).toBe(151);
    expect(impossibleWithPossibleMean).toBeGreaterThan(2000);
    expect(caughtBySd / impossibleWithPossibleMean).toBeGreaterThan(0.99);
  });

  it('rounds the SD by the chosen rule at an exact tie (sd = 0.25 from one 1 and fifteen 0s)', () => {
    // s = 1, Q = 1, n = 16: mean 1/16 = 0.0625 exactly; V = (16 - 1) / 240 = 1/16, sd = 0.25
    // exactly. The next odd Q = 3 gives V = 47/240, sd 0.44, so only Q = 1 can print as 0.2 or 0.3.
    const cases = [
      ['half_up', '0.3', true],
      ['half_up', '0.2', false],
      ['half_down', '0.2', true],
      ['half_down', '0.3', false],
      ['half_even', '0.2', true],
      ['half_even', '0.3', false],
      ['down', '0.2', true],
      ['down', '0.3', false],
      ['up', '0.3', true],
      ['up', '0.2', false],
      ['up_or_down', '0.2', true],
      ['up_or_down', '0.3', true],
    ] as const;
    for (const [rounding, sd, consistent] of cases) {
      expect(grimmer('0.0625', sd, 16, { rounding, scale: { min: 0, max: 1 } }).consistent, `${rounding} ${sd}`).toBe(consistent);
    }
    // At two decimals 0.25 is reproduced exactly by every rule.
    expect(grimmer('0.0625', '0.25', 16, { rounding: 'half_even' }).solutions).toEqual([{ sum: 1, sumOfSquares: 1 }]);
  });

  it('handles huge and tiny magnitudes exactly', () => {
    // 10^6, 10^6 + 1, 10^6 + 2: mean 1000001, V = (1 + 0 + 1) / 2 = 1.
    expect(grimmer('1000001.00', '1.00', 3).solutions).toEqual([{ sum: 3000003, sumOfSquares: 3000006000005 }]);
    expect(grimmer('1000001.00', '1.01', 3).reason).toBe('sd');
    // 0 and 1: mean 0.5, V = 0.5, sd 0.7071.
    expect(grimmer('0.50', '0.71', 2).solutions).toEqual([{ sum: 1, sumOfSquares: 1 }]);
  });
});

describe('grimmer: scale, edge cases and input', () => {
  it('uses the scale to rule out spreads no bounded data can reach', () => {
    // Mean 4.80 from 5 answers (total 24): 6, 6, 6, 6, 0 has Q = 144 and sd sqrt((144 - 115.2) / 4) = 2.683,
    // but on a 1-5 scale the only total-24 sample is 5, 5, 5, 5, 4 (Q = 116, sd 0.447).
    expect(grimmer('4.80', '2.68', 5).consistent).toBe(true);
    expect(grimmer('4.80', '2.68', 5, { scale: { min: 1, max: 5 } }).reason).toBe('sd');
    expect(grimmer('4.80', '0.45', 5, { scale: { min: 1, max: 5 } }).solutions).toEqual([{ sum: 24, sumOfSquares: 116 }]);
  });

  it('reports a mean off the scale as a GRIM failure with a warning', () => {
    const r = grimmer('5.20', '0.45', 5, { scale: { min: 1, max: 5 } });
    expect(r).toMatchObject({ consistent: false, reason: 'grim', possibleSums: [] });
    expect(r.warnings.map((w) => w.code)).toEqual(['mean_outside_scale']);
  });

  it('reports reason grim when the mean fails GRIM (Brown & Heathers 5.19, n = 28)', () => {
    expect(grimmer('5.19', '1.00', 28)).toMatchObject({ consistent: false, reason: 'grim', solutions: [] });
  });

  it('accepts constant data (sd 0) only when the mean is a whole number', () => {
    expect(grimmer('3.00', '0.00', 5).solutions).toEqual([{ sum: 15, sumOfSquares: 45 }]);
    // 3.20 needs s = 16, and V = 0 needs 5Q = 256: no integer.
    expect(grimmer('3.20', '0.00', 5).reason).toBe('sd');
  });

  it('lists at most 20 solutions but still decides on all of them', () => {
    const r = grimmer('50', '30', 100); // wide intervals at 0 decimals: thousands of (s, Q) pairs
    expect(r.consistent).toBe(true);
    expect(r.solutions).toHaveLength(20);
    expect(r.warnings.map((w) => w.code)).toEqual(['grim_uninformative']);
  });

  it('takes numbers with decimals, and separate SD decimals', () => {
    expect(grimmer(3, 1.58, 5, { decimals: 2 })).toMatchObject({ mean: '3.00', sd: '1.58', consistent: true });
    expect(grimmer(3, 1.6, 5, { decimals: 2, sdDecimals: 1 })).toMatchObject({ sd: '1.6', consistent: true });
  });

  it('rejects malformed input with InvalidArgumentError', () => {
    expect(() => grimmer('3.00', '1.58', 1)).toThrow(/n >= 2/);
    expect(() => grimmer('3.00', '1.58', 2.5)).toThrow(InvalidArgumentError);
    expect(() => grimmer('3.00', '-1.58', 5)).toThrow(/negative/);
    expect(() => grimmer('3.00', 'wide', 5)).toThrow(InvalidArgumentError);
    expect(() => grimmer('3.00', '1.58', 5, { scale: { min: 5, max: 1 } })).toThrow(/min < max/);
    expect(() => grimmer('3.00', '1.58', 5, { scale: { min: 1.5, max: 5 } })).toThrow(InvalidArgumentError);
    expect(() => grimmer('3.00', '1.58', 5, { rounding: 'nearest' as never })).toThrow(/Unknown rounding/);
  });

  it('returns plain JSON-serialisable data', () => {
    const r = grimmer('7.3', '2.51', 12);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r).toMatchObject({ method: 'grimmer', mean: '7.3', sd: '2.51', n: 12, rounding: 'up_or_down' });
    // 12 >= 10^1: the mean alone cannot fail, the SD still can (and does here).
    expect(r.warnings.map((w) => w.code)).toEqual(['grim_uninformative']);
    expect(r.warnings[0]?.message).toContain('the SD can still be checked');
  });
});
