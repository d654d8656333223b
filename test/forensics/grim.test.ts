import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { checkPublishedTable } from '../../src/forensics/check-published-table.js';
import { grim, roundRational } from '../../src/forensics/grim.js';
import { grimmer } from '../../src/forensics/grimmer.js';

/** Brute-force oracle: every mean (as printed with `decimals`) that n integer answers can give. */
function bruteForceMeans(n: number, decimals: number, lo = 0, hi = 10): Set<string> {
  const out = new Set<string>();
  for (let s = n * lo; s <= n * hi; s++) {
    // Both roundings of s / n at a tie, computed in exact integer arithmetic by hand.
    const scaled = s * 10 ** decimals;
    const floor = Math.floor(scaled / n);
    const twice = 2 * (scaled - floor * n);
    const options = twice < n ? [floor] : twice > n ? [floor + 1] : [floor, floor + 1];
    for (const v of options) out.add((v / 10 ** decimals).toFixed(decimals));
  }
  return out;
}

/** Brute-force oracle for GRIMMER: every (mean, sd) pair printed with 2 decimals from n answers in [lo, hi]. */
function bruteForcePairs(n: number, lo: number, hi: number): Set<string> {
  const out = new Set<string>();
  const recurse = (start: number, left: number, sum: number, squares: number): void => {
    if (left === 0) {
      const mean = sum / n;
      const sd = Math.sqrt((squares - (sum * sum) / n) / (n - 1));
      // Values landing within 1e-9 of a rounding tie are included both ways (ties count as consistent).
      for (const m of [mean - 1e-9, mean + 1e-9]) for (const d of [sd - 1e-9, sd + 1e-9]) out.add(`${m.toFixed(2)} ${Math.max(0, d).toFixed(2)}`);
      return;
    }
    for (let v = start; v <= hi; v++) recurse(v, left - 1, sum + v, squares + v * v);
  };
  recurse(lo, n, 0, 0);
  return out;
}

describe('grim', () => {
  it('reproduces the Zhijiang GRIM finding (fixtures/zhijiang/README.md table, n = 47, rounding up or down)', () => {
    const published = JSON.parse(readFileSync(new URL('../../fixtures/zhijiang/published.json', import.meta.url), 'utf8'));
    const rows = [...published.touchpoints, published.overall].map((t: { id: string; mean: number }) => ({ id: t.id, mean: t.mean.toFixed(2), n: 47 }));
    // The README's table is exactly what half-up rounding gives. (Under 'up_or_down', exact ties at
    // n = 40 also pass: 193/40 = 4.825, 145/40 = 3.625 and 167/40 = 4.175 round down to the
    // published 4.82, 3.62 and 4.17; the verdicts at n = 47 are the same either way.)
    const result = checkPublishedTable(rows, { rounding: 'half_up' });
    const either = checkPublishedTable(rows);
    for (const id of ['brand_image', 'price', 'overall']) expect(either.rows.find((r) => r.id === id)?.consistentSampleSizes[0]).toBe(40);
    expect(either.rows.map((r) => r.grimConsistent)).toEqual(result.rows.map((r) => r.grimConsistent));
    // Expected verdicts and sample sizes in 40..54, copied from the study README's table.
    const expected: Record<string, [boolean, number[]]> = {
      brand_image: [false, [44, 45, 49, 50, 51]],
      price: [true, [42, 45, 47, 50, 52, 53]],
      technology: [true, [40, 41, 46, 47, 48, 52, 53, 54]],
      quality: [false, [41, 46, 48, 50, 52, 54]],
      delivery: [false, [41, 44, 46, 49, 51, 54]],
      service_staff: [true, [40, 43, 44, 47, 48, 52, 53]],
      meeting: [false, [41, 46, 48, 50, 52, 54]],
      overall: [true, [41, 42, 46, 47, 48, 52, 53, 54]],
    };
    for (const row of result.rows) {
      const [consistent, sizes] = expected[row.id] as [boolean, number[]];
      expect(row.grimConsistent, row.id).toBe(consistent);
      expect(row.consistentSampleSizes, row.id).toEqual(sizes);
    }
    expect(result.inconsistent).toBe(4);
    expect(result.commonSampleSizes).toEqual([]);
    expect(result.summary).toContain('no single sample size');
  });

  it('flags Brown & Heathers\' example: a mean of 5.19 from 28 integers is impossible', () => {
    // 145 / 28 = 5.1786 -> 5.18 and 146 / 28 = 5.2143 -> 5.21: nothing rounds to 5.19.
    const r = grim('5.19', 28);
    expect(r.consistent).toBe(false);
    expect(r.nearestPossibleMeans).toEqual(['5.18', '5.21']);
    // 4.17 over 47: 196 / 47 = 4.1702.
    expect(grim('4.17', 47).possibleSums).toEqual([196]);
  });

  it('agrees with brute-force enumeration for every mean with 2 decimals and n = 1..40', () => {
    for (let n = 1; n <= 40; n++) {
      const possible = bruteForceMeans(n, 2);
      for (let units = 0; units <= 1000; units += 7) {
        const mean = (units / 100).toFixed(2);
        expect(grim(mean, n).consistent, `${mean} with n = ${n}`).toBe(possible.has(mean));
      }
    }
  });

  it('counts trailing zeros in text, handles multi-item scales, rounding rules and numeric input', () => {
    expect(grim('3.5', 3).consistent).toBe(false); // 10/3 = 3.33 -> 3.3, 11/3 = 3.67 -> 3.7
    expect(grim('3.5', 2).consistent).toBe(true); // 7/2
    expect(grim('3.50', 3).consistent).toBe(false); // 3.33, 3.67 at 2 decimals
    expect(grim('3.50', 3, { items: 2 }).consistent).toBe(true); // 21 / 6 = 3.5
    expect(grim(3.5, 3, { decimals: 2 }).consistent).toBe(false);
    // 5 / 8 = 0.625 exactly: a tie at 2 decimals.
    expect(grim('0.63', 8, { rounding: 'half_up' }).consistent).toBe(true);
    expect(grim('0.63', 8, { rounding: 'half_down' }).consistent).toBe(false);
    expect(grim('0.62', 8, { rounding: 'half_even' }).consistent).toBe(true);
    expect(grim('0.62', 8, { rounding: 'down' }).consistent).toBe(true);
    expect(grim('0.63', 8, { rounding: 'up' }).consistent).toBe(true);
    expect(grim('4.5', 200).warnings[0]?.code).toBe('grim_uninformative');
    expect(() => grim(4.5, 3)).toThrow(/decimals/);
    expect(() => grim('four', 3)).toThrow(InvalidArgumentError);
    expect(() => grim('4.5', 0)).toThrow(InvalidArgumentError);
  });

  it('rounds rationals exactly at ties', () => {
    expect(roundRational(5n, 2n, 'up_or_down')).toEqual([2n, 3n]);
    expect(roundRational(-5n, 2n, 'half_up')).toEqual([-3n]);
    expect(roundRational(7n, 2n, 'half_even')).toEqual([4n]);
  });
});

describe('grimmer', () => {
  it('accepts 1, 2, 3, 4, 5 (mean 3.00, sd sqrt(2.5) = 1.58) and rejects sd 1.60 by hand', () => {
    expect(grimmer('3.00', '1.58', 5).consistent).toBe(true);
    // s = 15; sd in [1.595, 1.605] needs Q in [4 * 1.595^2 + 45, 4 * 1.605^2 + 45] = [55.18, 55.30]: no integer.
    expect(grimmer('3.00', '1.60', 5)).toMatchObject({ consistent: false, reason: 'sd' });
    expect(grimmer('5.19', '1.00', 28)).toMatchObject({ consistent: false, reason: 'grim' });
  });

  it('never flags a pair that real data produce, and catches most impossible pairs (brute force, n = 6, scale 1-5)', () => {
    // GRIMMER checks necessary conditions (GRIM, the SD interval, parity, scale bounds on the sum
    // of squares), so it may pass a few pairs no sample reaches, but it must never reject one that
    // a sample does reach.
    const n = 6;
    const possible = bruteForcePairs(n, 1, 5);
    let impossible = 0;
    let caught = 0;
    for (let m = 100; m <= 500; m += 3) {
      for (let s = 0; s <= 200; s += 3) {
        const mean = (m / 100).toFixed(2);
        const sd = (s / 100).toFixed(2);
        const consistent = grimmer(mean, sd, n, { scale: { min: 1, max: 5 } }).consistent;
        if (possible.has(`${mean} ${sd}`)) expect(consistent, `${mean} ${sd}`).toBe(true);
        else {
          impossible++;
          if (!consistent) caught++;
        }
      }
    }
    expect(caught / impossible).toBeGreaterThan(0.95);
  });

  it('uses the scale to rule out spreads no bounded data can reach', () => {
    // Mean 4.80 from 5 answers (total 24): 6, 6, 6, 6, 0 has Q = 144 and sd sqrt((144 - 115.2) / 4) = 2.683,
    // but on a 1-5 scale the only total-24 sample is 5, 5, 5, 5, 4 (Q = 116, sd 0.45).
    expect(grimmer('4.80', '2.68', 5).consistent).toBe(true);
    expect(grimmer('4.80', '2.68', 5, { scale: { min: 1, max: 5 } }).consistent).toBe(false);
    expect(grimmer('4.80', '0.45', 5, { scale: { min: 1, max: 5 } }).consistent).toBe(true);
  });
});
