import { describe, expect, it } from 'vitest';
import { columnStandardDeviation, pearsonCorrelation, sampleMoments, sampleStandardDeviation, weightedStandardDeviation } from '../../src/stats/moments.js';
import { medianOfCounts, quantileSorted } from '../../src/stats/quantile.js';

// Expected values from R 4.2.2: sd(), cor(use = "pairwise.complete.obs"), and
// sqrt(sum(w * (x - weighted.mean(x, w))^2) / sum(w)).
describe('moments written once (src/stats/moments.ts)', () => {
  it('sampleStandardDeviation matches R sd(), skipping NaN; 0 for one value, NaN for none', () => {
    expect(sampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.1380899352993952, 14);
    expect(sampleStandardDeviation([1, Number.NaN, 3, 8])).toBeCloseTo(3.605551275463989, 14);
    expect(sampleStandardDeviation(Float64Array.of(1e9 + 1, 1e9 + 2, 1e9 + 3))).toBe(1);
    expect(sampleStandardDeviation([4])).toBe(0);
    expect(sampleStandardDeviation([])).toBeNaN();
  });

  it('columnStandardDeviation is the weighted population SD of one column of a row-major matrix', () => {
    const x = Float64Array.of(1, 0, 3, 0, 2, 0, 5, 0);
    expect(columnStandardDeviation(x, 2, 0, Float64Array.of(1, 2, 1, 0.5))).toBeCloseTo(1.1653431646335017, 14);
    expect(columnStandardDeviation(x, 2, 1)).toBe(0);
  });

  it('pearsonCorrelation matches R cor() on pairwise-complete rows and is null (undefined) for a constant column', () => {
    expect(pearsonCorrelation([1, 2, 3, 4], [2, 4, 5, 9])).toBeCloseTo(0.96476382123773219, 14);
    expect(pearsonCorrelation([1, 2, Number.NaN, 4, 5], [2, 1, 3, Number.NaN, 7])).toBeCloseTo(0.92155064056542813, 14);
    expect(pearsonCorrelation([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(pearsonCorrelation([1], [2])).toBeNull();
  });

  it('sampleMoments matches R mean() and var(), skipping NaN; variance NaN below two values', () => {
    const m = sampleMoments([2, 4, 4, Number.NaN, 4, 5, 5, 7, 9]);
    expect(m.n).toBe(8);
    expect(m.mean).toBe(5);
    expect(m.variance).toBeCloseTo(4.5714285714285712, 14);
    expect(sampleMoments([3]).variance).toBeNaN();
  });

  it('weightedStandardDeviation matches sqrt(sum(w * (x - weighted.mean(x, w))^2) / sum(w))', () => {
    expect(weightedStandardDeviation([1, 2, 3, 4])).toBeCloseTo(1.1180339887498949, 15);
    expect(weightedStandardDeviation([1, 2, 3], [1, 0, 1])).toBe(1);
  });

  it('pearsonCorrelation is null for a column constant up to the rounding of its mean (R: cor gives NA)', () => {
    // mean(c(0.1, 0.1, 0.1)) rounds to 0.10000000000000002: deviations of 1.4e-17 that are not a correlation.
    expect(pearsonCorrelation([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
    expect(pearsonCorrelation([1, 2, Number.POSITIVE_INFINITY, 4], [2, 4, 5, 9])).toBeCloseTo(0.99862542890352402, 14); // R: cor(c(1, 2, 4), c(2, 4, 9))
  });
});

describe('order statistics written once (src/stats/quantile.ts)', () => {
  it("quantileSorted is R's quantile(type = 7)", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([0.3, 1.2, 5, 7, 9.5], 0.025)).toBeCloseTo(0.39000000000000007, 15);
    expect(quantileSorted([0.3, 1.2, 5, 7, 9.5], 0.975)).toBeCloseTo(9.250000000000002, 14);
  });

  it("medianOfCounts is R's median of the counted answers", () => {
    expect(medianOfCounts([1, 2, 3, 4, 5], [2, 0, 1, 0, 1], 4)).toBe(2); // median(c(1, 1, 3, 5))
    expect(medianOfCounts([1, 2, 3, 4, 5], [0, 3, 0, 1, 1], 5)).toBe(2); // median(c(2, 2, 2, 4, 5))
  });
});
