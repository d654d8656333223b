import { describe, expect, it } from 'vitest';
import { columnStandardDeviation, pearsonCorrelation, sampleStandardDeviation } from '../../src/stats/moments.js';

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
});
