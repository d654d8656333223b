import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { bootstrapCorrelation, bootstrapImportance, planBootstrap } from '../../src/importance/bootstrap.js';
import { importanceData } from '../../src/importance/relative-importance.js';
import { correlationMatrix } from '../../src/linalg/correlation.js';
import { quantileSorted as quantile } from '../../src/stats/quantile.js';
import { loadGolden } from '../helpers/golden.js';
import { loadReference } from '../helpers/reference.js';

interface BootGolden {
  name: string;
  estimate: number;
  standardError: number;
  percentile: { lower: number; upper: number };
  bca: { lower: number; upper: number };
}
const golden = loadGolden<Record<string, BootGolden[]>>('importance/bootstrap.json');

describe('bootstrapImportance', () => {
  it.each(['survey-n25-k3-s1000', 'survey-n200-k5-s1000'])(
    '%s: LMG percentile and BCa intervals agree with R boot (4000 resamples each) within Monte Carlo error',
    (name) => {
      const ref = loadReference(name);
      const result = bootstrapImportance(ref.X, ref.y, { method: 'lmg', names: ref.model.x, replicates: 4000, seed: 11 });
      for (const expected of golden[name] as BootGolden[]) {
        const actual = result.estimates.find((e) => e.name === expected.name);
        expect(actual?.estimate).toBeCloseTo(expected.estimate, 12);
        // Different random streams: endpoints differ by Monte Carlo error, a small fraction of the SE.
        const allowance = 0.25 * expected.standardError;
        expect(Math.abs((actual?.standardError as number) - expected.standardError)).toBeLessThan(0.1 * expected.standardError);
        expect(Math.abs((actual?.percentile.lower as number) - expected.percentile.lower)).toBeLessThan(allowance);
        expect(Math.abs((actual?.percentile.upper as number) - expected.percentile.upper)).toBeLessThan(allowance);
        expect(Math.abs((actual?.bca.lower as number) - expected.bca.lower)).toBeLessThan(allowance);
        expect(Math.abs((actual?.bca.upper as number) - expected.bca.upper)).toBeLessThan(allowance);
      }
    },
    120_000,
  );

  it('is identical for the same seed and different for another, and reports progress', () => {
    const ref = loadReference('survey-n47-k7-s1000');
    const progress: number[] = [];
    const a = bootstrapImportance(ref.X, ref.y, { method: 'lmg', names: ref.model.x, replicates: 50, seed: 5, onProgress: (p) => progress.push(p.completed) });
    const b = bootstrapImportance(ref.X, ref.y, { method: 'lmg', names: ref.model.x, replicates: 50, seed: 5 });
    const c = bootstrapImportance(ref.X, ref.y, { method: 'lmg', names: ref.model.x, replicates: 50, seed: 6 });
    expect(b).toEqual(a);
    expect(c.estimates).not.toEqual(a.estimates);
    expect(progress).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('gives ranks, rank intervals and first-place shares that add up to one', () => {
    const ref = loadReference('survey-n200-k5-s1000');
    const r = bootstrapImportance(ref.X, ref.y, { method: 'pratt', names: ref.model.x, replicates: 200, seed: 1 });
    expect(r.estimates.map((e) => e.rank).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(r.estimates.reduce((s, e) => s + e.shareRankedFirst, 0)).toBeCloseTo(1, 12);
    for (const e of r.estimates) {
      expect(e.rankInterval.lower as number).toBeLessThanOrEqual(e.rankInterval.upper as number);
      expect(e.percentile.lower as number).toBeLessThanOrEqual(e.percentile.upper as number);
    }
  });

  it('bootstraps groups of touchpoints as single players', () => {
    const ref = loadReference('survey-n47-k7-s1000');
    const r = bootstrapImportance(ref.X, ref.y, {
      method: 'lmg',
      names: ref.model.x,
      groups: { pre: ['tp1', 'tp2', 'tp3'], sale: ['tp4', 'tp5'], after: ['tp6', 'tp7'] },
      replicates: 30,
    });
    expect(r.estimates.map((e) => e.name)).toEqual(['pre', 'sale', 'after']);
  });

  it('computes type-7 quantiles as R does (quantile(1:5, 0.3) = 2.2)', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.3)).toBeCloseTo(2.2, 15);
    expect(quantile([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4, 5], 1)).toBe(5);
  });

  it('rejects bad settings', () => {
    const ref = loadReference('survey-n25-k3-s1000');
    expect(() => bootstrapImportance(ref.X, ref.y, { method: 'lmg', replicates: 1 })).toThrow(InvalidArgumentError);
    expect(() => bootstrapImportance(ref.X, ref.y, { method: 'lmg', level: 2 })).toThrow(/level/);
  });
});

describe('bootstrapImportance jackknife and resample correlations', () => {
  const rows = (n: number, seed: number): { X: number[][]; y: number[] } => {
    let state = seed;
    const next = (): number => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647;
    };
    const X = Array.from({ length: n }, () => Array.from({ length: 4 }, () => 1 + Math.floor(5 * next())));
    const y = X.map((r) => r.reduce((a, b) => a + b, 0) / 4 + next());
    return { X, y };
  };

  it('uses delete-one up to 200 rows, then 100 groups per 1,000 resamples growing with sqrt(replicates), and none without BCa', () => {
    const small = rows(150, 3);
    const large = rows(5000, 4);
    expect(planBootstrap(small.X, small.y, { method: 'lmg' }).work.groups).toBe(150);
    expect(planBootstrap(large.X, large.y, { method: 'lmg', replicates: 1000 }).work.groups).toBe(100);
    expect(planBootstrap(large.X, large.y, { method: 'lmg', replicates: 4000 }).work.groups).toBe(200);
    expect(planBootstrap(large.X, large.y, { method: 'lmg', replicates: 200 }).work.groups).toBe(100);
    expect(planBootstrap(large.X, large.y, { method: 'lmg', bca: false }).work.groups).toBe(0);
  });

  it('with bca: false gives the same percentile intervals and null BCa bounds', () => {
    const { X, y } = rows(400, 5);
    const withBca = bootstrapImportance(X, y, { method: 'lmg', replicates: 200, seed: 2 });
    const without = bootstrapImportance(X, y, { method: 'lmg', replicates: 200, seed: 2, bca: false });
    withBca.estimates.forEach((e, j) => {
      const other = without.estimates[j] as (typeof without.estimates)[number];
      expect(other.percentile).toEqual(e.percentile);
      expect(other.standardError).toBe(e.standardError);
      expect(other.bca).toEqual({ lower: null, upper: null });
      expect(e.bca.lower).not.toBeNull();
    });
    expect(() => bootstrapImportance(X, y, { method: 'lmg', replicates: 10, bca: 'yes' as unknown as boolean })).toThrow(InvalidArgumentError);
  });

  it('computes each resample correlation as the weighted correlation of the rows drawn (to 1e-13)', () => {
    const { X, y } = rows(300, 6);
    const data = importanceData(
      X,
      y.map((v) => v * 1e6 + 1e9),
    );
    const multiplicity = Float64Array.from({ length: 300 }, (_, i) => (i * 7) % 4);
    const expected = correlationMatrix(data.columns, multiplicity);
    const actual = bootstrapCorrelation(data, multiplicity);
    actual.forEach((v, i) => {
      expect(Math.abs(v - (expected[i] as number))).toBeLessThan(1e-13);
    });
  });
});
