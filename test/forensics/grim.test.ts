import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { formatScaled, grim, parseReported, ROUNDING_RULES, roundRational } from '../../src/forensics/grim.js';

/**
 * Brute-force oracle: every mean (printed with `decimals`, rounding half-up or half-down) that a
 * total of `granules` integers in [lo, hi] can give. Each total s is rounded in exact integer
 * arithmetic written out here: floor(s * 10^d / N) and the doubled remainder against N.
 */
function bruteForceMeans(granules: number, decimals: number, lo = 0, hi = 10): Set<string> {
  const out = new Set<string>();
  for (let s = granules * lo; s <= granules * hi; s++) {
    const scaled = s * 10 ** decimals;
    const floor = Math.floor(scaled / granules);
    const twice = 2 * (scaled - floor * granules);
    const candidates = twice < granules ? [floor] : twice > granules ? [floor + 1] : [floor, floor + 1];
    for (const v of candidates) out.add((v / 10 ** decimals).toFixed(decimals));
  }
  return out;
}

describe('grim: published examples with known verdicts (hand-checked)', () => {
  it("flags Brown & Heathers' (2017) example: a mean of 5.19 from 28 integers is impossible", () => {
    // Means that print as 5.19 lie in [5.185, 5.195]; times 28 that is [145.18, 145.46]: no
    // integer total. The neighbours: 145/28 = 5.1786 -> 5.18 and 146/28 = 5.2143 -> 5.21.
    const r = grim('5.19', 28);
    expect(r.consistent).toBe(false);
    expect(r.possibleSums).toEqual([]);
    expect(r.nearestPossibleMeans).toEqual(['5.18', '5.21']);
  });

  it("flags scrutiny's vignette example, 5.27 with n = 43", () => {
    // [5.265, 5.275] * 43 = [226.395, 226.825]: no integer. 226/43 = 5.2558 -> 5.26, 227/43 = 5.2791 -> 5.28.
    const r = grim('5.27', 43);
    expect(r.consistent).toBe(false);
    expect(r.nearestPossibleMeans).toEqual(['5.26', '5.28']);
  });

  it("flags Allard's (2018) example, 3.45 from 10 answers on a 1-7 scale", () => {
    // 3.45 * 10 = 34.5; [3.445, 3.455] * 10 = [34.45, 34.55] holds no integer. 34/10 = 3.40, 35/10 = 3.50.
    expect(grim('3.45', 10).nearestPossibleMeans).toEqual(['3.40', '3.50']);
    expect(grim('3.50', 10).possibleSums).toEqual([35]);
  });

  it('flags the grim (PyPI) README example, 11.09 with n = 21 under half-up rounding', () => {
    // [11.085, 11.095) * 21 = [232.785, 232.995): no integer. 232/21 = 11.0476 -> 11.05, 233/21 = 11.0952 -> 11.10.
    const r = grim('11.09', 21, { rounding: 'half_up' });
    expect(r.consistent).toBe(false);
    expect(r.nearestPossibleMeans).toEqual(['11.05', '11.10']);
  });

  it("accepts scrutiny's flying-pigs means once the three items per scale are counted", () => {
    // 5.71 with n = 40: [5.705, 5.715] * 40 = [228.2, 228.6], no integer. With 3 items the
    // granularity is 1/120: [684.6, 685.8] holds 685, and 685/120 = 5.7083 -> 5.71.
    expect(grim('5.71', 40).consistent).toBe(false);
    expect(grim('5.71', 40, { items: 3 })).toMatchObject({ consistent: true, possibleSums: [685], items: 3 });
  });

  it('accepts the Zhijiang overall mean 4.17 at n = 47 with total 196', () => {
    // [4.165, 4.175] * 47 = [195.755, 196.225] holds only 196; 196/47 = 4.1702.
    expect(grim('4.17', 47)).toMatchObject({ consistent: true, possibleSums: [196], nearestPossibleMeans: ['4.17', '4.17'] });
  });
});

describe('grim: exact arithmetic', () => {
  it('agrees with brute-force enumeration for every mean with 2 decimals and n = 1..40', () => {
    for (let n = 1; n <= 40; n++) {
      const possible = bruteForceMeans(n, 2);
      for (let units = 0; units <= 1000; units += 7) {
        const mean = (units / 100).toFixed(2);
        expect(grim(mean, n).consistent, `${mean} with n = ${n}`).toBe(possible.has(mean));
      }
    }
  });

  it('agrees with brute force on multi-item scales and one decimal (n = 1..12, items = 1..4)', () => {
    for (let n = 1; n <= 12; n++) {
      for (let items = 1; items <= 4; items++) {
        const possible = bruteForceMeans(n * items, 1, 1, 7);
        for (let units = 10; units <= 70; units++) {
          const mean = (units / 10).toFixed(1);
          expect(grim(mean, n, { items }).consistent, `${mean}, n = ${n}, items = ${items}`).toBe(possible.has(mean));
        }
      }
    }
  });

  it('reports as nearest possible means the closest printed values some total gives', () => {
    for (const n of [7, 13, 28, 47]) {
      const possible = [...bruteForceMeans(n, 2)].map(Number).sort((a, b) => a - b);
      for (let units = 101; units <= 499; units += 11) {
        const mean = (units / 100).toFixed(2);
        const r = grim(mean, n);
        if (r.consistent) continue;
        const below = possible.filter((v) => v < units / 100).at(-1);
        const above = possible.find((v) => v > units / 100);
        expect(r.nearestPossibleMeans, `${mean} with n = ${n}`).toEqual([below?.toFixed(2), above?.toFixed(2)]);
      }
    }
  });

  it('decides exact ties exactly where floating point would not (193/40 = 4.825)', () => {
    // 193/40 as a double is 4.82500000000000017..., so float rounding gives 4.83 under any rule;
    // exactly it is a tie: half-up gives 4.83, half-down 4.82.
    expect(grim('4.82', 40, { rounding: 'half_up' }).consistent).toBe(false);
    expect(grim('4.82', 40, { rounding: 'half_down' }).possibleSums).toEqual([193]);
    expect(grim('4.83', 40, { rounding: 'half_up' }).possibleSums).toEqual([193]);
    expect(grim('4.82', 40).possibleSums).toEqual([193]); // up_or_down accepts either side of a tie
    // 0.29 * 100 = 28.999999999999996 in doubles; exactly it is 29/100.
    expect(grim('0.29', 100).possibleSums).toEqual([29]);
  });

  it('handles huge and tiny magnitudes exactly', () => {
    // 10^12 / 3 = 333333333333.333...: prints as .33; the next totals give .00 and .67.
    expect(grim('333333333333.33', 3).possibleSums).toEqual([1e12]);
    expect(grim('333333333333.34', 3).nearestPossibleMeans).toEqual(['333333333333.33', '333333333333.67']);
    // 0.001 needs s/N in [0.0005, 0.0015]: N = 600 gives [0.3, 0.9], no integer; N = 999 gives s = 1.
    expect(grim('0.001', 600).consistent).toBe(false);
    expect(grim('0.001', 999).possibleSums).toEqual([1]);
  });

  it('handles negative means (centred scales) by rounding magnitudes', () => {
    // -5/8 = -0.625: a tie; half-up (away from zero) gives -0.63, half-down -0.62.
    expect(grim('-0.63', 8, { rounding: 'half_up' }).possibleSums).toEqual([-5]);
    expect(grim('-0.63', 8, { rounding: 'half_down' }).consistent).toBe(false);
    expect(grim('-0.63', 8).possibleSums).toEqual([-5]);
    // -1.5 from n = 3: -4/3 = -1.33 -> -1.3 and -5/3 = -1.67 -> -1.7.
    expect(grim('-1.5', 3).nearestPossibleMeans).toEqual(['-1.7', '-1.3']);
  });
});

describe('grim: rounding rules', () => {
  // 5/8 = 0.625 exactly: a tie at 2 decimals. 4/8 = 0.500 and 6/8 = 0.750 are the neighbours.
  it.each([
    ['half_up', '0.63', true],
    ['half_up', '0.62', false],
    ['half_down', '0.62', true],
    ['half_down', '0.63', false],
    ['half_even', '0.62', true], // 2 is even
    ['half_even', '0.63', false],
    ['down', '0.62', true], // truncation: [0.62, 0.63) holds 0.625
    ['down', '0.63', false], // [0.63, 0.64) holds no multiple of 1/8
    ['up', '0.63', true], // ceiling: (0.62, 0.63] holds 0.625
    ['up', '0.62', false], // (0.61, 0.62] holds none
    ['up_or_down', '0.62', true],
    ['up_or_down', '0.63', true],
  ] as const)('with %s rounding, %s from n = 8 is %s', (rounding, mean, consistent) => {
    expect(grim(mean, 8, { rounding })).toMatchObject({ consistent, rounding });
  });

  it('half_even sends ties to the even digit: 0.375 (3/8) prints 0.38, 0.125 (1/8) prints 0.12', () => {
    expect(grim('0.38', 8, { rounding: 'half_even' }).possibleSums).toEqual([3]);
    expect(grim('0.12', 8, { rounding: 'half_even' }).possibleSums).toEqual([1]);
    expect(grim('0.13', 8, { rounding: 'half_even' }).consistent).toBe(false);
  });

  it('rounds rationals exactly at ties', () => {
    expect(roundRational(5n, 2n, 'up_or_down')).toEqual([2n, 3n]);
    expect(roundRational(-5n, 2n, 'half_up')).toEqual([-3n]);
    expect(roundRational(7n, 2n, 'half_even')).toEqual([4n]);
    expect(roundRational(-7n, 3n, 'down')).toEqual([-2n]);
    expect(roundRational(7n, 3n, 'up')).toEqual([3n]);
    expect(() => roundRational(1n, 0n, 'half_up')).toThrow(InvalidArgumentError);
  });

  it('rejects an unknown rounding rule instead of guessing', () => {
    expect(ROUNDING_RULES).toHaveLength(6);
    expect(() => grim('4.5', 2, { rounding: 'bankers' as never })).toThrow(/Unknown rounding "bankers"/);
  });
});

describe('grim: input and output', () => {
  it('counts trailing zeros in text and restores them with decimals', () => {
    expect(grim('3.5', 3).consistent).toBe(false); // 10/3 = 3.33 -> 3.3, 11/3 = 3.67 -> 3.7
    expect(grim('3.5', 2).consistent).toBe(true); // 7/2
    expect(grim('3.50', 3).consistent).toBe(false); // [3.495, 3.505] * 3 = [10.485, 10.515]
    expect(grim('3.50', 3, { items: 2 }).possibleSums).toEqual([21]); // 21/6 = 3.5
    expect(grim('3.5', 3, { decimals: 2 }).mean).toBe('3.50');
    expect(() => grim('3.55', 3, { decimals: 1 })).toThrow(/2 decimals, more than the 1 given/);
  });

  it('takes a number with its decimals through its shortest decimal form', () => {
    expect(grim(3.5, 3, { decimals: 2 })).toMatchObject({ mean: '3.50', consistent: false });
    expect(grim(4.1, 10, { decimals: 2 })).toMatchObject({ mean: '4.10', possibleSums: [41] });
    expect(parseReported(1e-7, 7)).toEqual({ units: 1n, decimals: 7 });
    expect(parseReported(1.5e21, 0)).toEqual({ units: 1500000000000000000000n, decimals: 0 });
    // 4.825 is not silently rounded to two decimals in either direction.
    expect(() => grim(4.825, 40, { decimals: 2 })).toThrow(InvalidArgumentError);
    expect(() => grim(4.5, 3)).toThrow(/decimals/);
    expect(formatScaled({ units: -5n, decimals: 2 })).toBe('-0.05');
  });

  it('handles n = 1: only whole numbers are possible', () => {
    expect(grim('4.00', 1).possibleSums).toEqual([4]);
    expect(grim('4.50', 1).nearestPossibleMeans).toEqual(['4.00', '5.00']);
    expect(grim('4', 1, { rounding: 'half_up' }).possibleSums).toEqual([4]);
  });

  it('warns that GRIM is uninformative when n * items >= 10^decimals', () => {
    expect(grim('4.5', 10).warnings.map((w) => w.code)).toEqual(['grim_uninformative']);
    expect(grim('4.5', 9).warnings).toEqual([]);
    expect(grim('4.52', 20, { items: 5 }).warnings.map((w) => w.code)).toEqual(['grim_uninformative']);
    // Large samples: every mean is possible, and the totals are listed exactly.
    const big = grim('3.14159', 1_000_000);
    expect(big.consistent).toBe(true);
    expect(big.possibleSums).toEqual([3141585, 3141586, 3141587, 3141588, 3141589, 3141590, 3141591, 3141592, 3141593, 3141594, 3141595]);
  });

  it('rejects malformed input with InvalidArgumentError', () => {
    for (const mean of ['', ' ', '.', 'four', '4.5.1', '1e3', '4,5', '--1']) expect(() => grim(mean, 3), mean).toThrow(InvalidArgumentError);
    expect(() => grim(Number.NaN, 3, { decimals: 2 })).toThrow(InvalidArgumentError);
    expect(() => grim(Number.POSITIVE_INFINITY, 3, { decimals: 2 })).toThrow(InvalidArgumentError);
    expect(() => grim(null as never, 3)).toThrow(InvalidArgumentError);
    for (const n of [0, -3, 2.5, Number.NaN]) expect(() => grim('4.5', n), String(n)).toThrow(InvalidArgumentError);
    expect(() => grim('4.5', 3, { items: 0 })).toThrow(InvalidArgumentError);
    expect(() => grim('4.5', 3, { decimals: -1 })).toThrow(InvalidArgumentError);
    expect(() => grim('4.5', 2 ** 40, { items: 2 ** 20 })).toThrow(/too large/);
  });

  it('returns plain JSON-serialisable data', () => {
    const r = grim('5.19', 28);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r).toMatchObject({ method: 'grim', mean: '5.19', n: 28, items: 1, decimals: 2, rounding: 'up_or_down', warnings: [] });
  });
});
