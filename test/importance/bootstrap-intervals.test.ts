import { describe, expect, it } from 'vitest';
import { bootstrapIntervals, jackknifeAccelerationOf } from '../../src/importance/bootstrap.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

interface IntervalGolden {
  level: number;
  predictors: {
    name: string;
    estimate: number;
    replicates: number[];
    jackknife: number[];
    acceleration: number;
    percentile: { lower: number; upper: number };
    bca: { lower: number; upper: number };
  }[];
}

// R's own resamples (boot, set.seed(2)) and jackknife values of LMG, with the intervals computed in
// base R from the formulas (test/golden/importance/intervals.R).
const golden = loadGolden<IntervalGolden>('importance/intervals.json');

describe('bootstrap interval formulas reproduce a base-R computation on the same replicates', () => {
  it.each(golden.predictors.map((p) => [p.name, p] as const))('%s: jackknife acceleration, percentile and BCa bounds to 1e-12', (_name, p) => {
    const acceleration = jackknifeAccelerationOf(p.jackknife);
    expect(Math.abs(acceleration - p.acceleration)).toBeLessThan(1e-12);
    const sorted = Float64Array.from(p.replicates).sort();
    const intervals = bootstrapIntervals(sorted, p.estimate, acceleration, golden.level);
    expectGolden(intervals, { percentile: p.percentile, bca: p.bca }, { relative: 1e-12, absolute: 1e-14 }, p.name);
  });
});

describe('bootstrapIntervals', () => {
  it('uses type-7 quantiles for the percentile interval (hand computation)', () => {
    // 0.25 and 0.75 quantiles of 1..5 with type 7: 1 + 4 * 0.25 = 2 and 4.
    expect(bootstrapIntervals(Float64Array.of(1, 2, 3, 4, 5), 3, 0, 0.5).percentile).toEqual({ lower: 2, upper: 4 });
  });

  it('equals the percentile interval when the estimate is the median and there is no acceleration', () => {
    // z0 = qnorm(0.5) = 0 and a = 0 leave the levels unchanged.
    const sorted = Float64Array.from({ length: 101 }, (_, i) => i / 100);
    const r = bootstrapIntervals(sorted, 0.5, 0, 0.9);
    expect(r.bca.lower).toBeCloseTo(r.percentile.lower as number, 14);
    expect(r.bca.upper).toBeCloseTo(r.percentile.upper as number, 14);
  });

  it('gives null BCa bounds when every replicate lies above the estimate', () => {
    const r = bootstrapIntervals(Float64Array.of(2, 3, 4), 1, 0, 0.95);
    expect(r.bca).toEqual({ lower: null, upper: null });
    expect(r.percentile.lower).toBeGreaterThanOrEqual(2);
  });

  it('computes the jackknife acceleration of a hand example and 0 for constant values', () => {
    // d = mean - theta = (4/3, 1/3, -5/3): sum d^3 = -60/27, sum d^2 = 14/3.
    expect(jackknifeAccelerationOf([1, 2, 4])).toBeCloseTo(-60 / 27 / (6 * (14 / 3) ** 1.5), 15);
    expect(jackknifeAccelerationOf([2, 2, 2])).toBe(0);
  });
});
