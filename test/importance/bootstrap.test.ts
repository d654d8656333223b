import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { bootstrapImportance, quantile } from '../../src/importance/bootstrap.js';
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
