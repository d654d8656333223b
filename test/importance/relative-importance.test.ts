import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, InvalidArgumentError, RankDeficientError } from '../../src/errors.js';
import { type ImportanceMethod, relativeImportance } from '../../src/importance/relative-importance.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';
import { loadReference, REFERENCE_NAMES } from '../helpers/reference.js';

const absolute = { relative: 0, absolute: 1e-10 };

describe('relativeImportance reproduces relaimpo (calc.relimp, rela = FALSE) on every reference survey', () => {
  const cases = REFERENCE_NAMES.filter((name) => loadReference(name).relimp !== undefined);
  it.each(cases)('%s: lmg, pratt, first, last, betasq to 1e-10 absolute', (name) => {
    const ref = loadReference(name);
    const relimp = ref.relimp as Record<string, unknown> & { R2: number };
    for (const method of ['lmg', 'pratt', 'first', 'last', 'betasq'] as const) {
      const result = relativeImportance(ref.X, ref.y, { method, names: ref.model.x });
      expect(result.rSquared).toBeCloseTo(relimp.R2, 12);
      expectGolden({ ...result.importance }, relimp[method], absolute, `${name} ${method}`);
    }
  });
});

interface ImportanceGolden {
  rSquared: number;
  lmg: Record<string, number>;
  johnson: Record<string, number>;
  dominance?: {
    general: Record<string, number>;
    conditional: { predictor: string; bySubsetSize: number[] }[];
    complete: [string, string][];
  };
  groups?: { definition: Record<string, string[]>; lmg: Record<string, number> };
}
const golden = loadGolden<Record<string, ImportanceGolden>>('importance/importance.json');
const goldenNames = Object.keys(golden).filter((k) => k.startsWith('survey-'));

describe('Johnson weights, dominance, grouped and weighted LMG match base-R all-subset computations', () => {
  it.each(goldenNames)('%s', (name) => {
    const ref = loadReference(name);
    const g = golden[name] as ImportanceGolden;
    const common = { names: ref.model.x, ...(ref.weights && { weights: ref.weights }) };
    expectGolden({ ...relativeImportance(ref.X, ref.y, { ...common, method: 'johnson' }).importance }, g.johnson, absolute, `${name} johnson`);
    expectGolden({ ...relativeImportance(ref.X, ref.y, { ...common, method: 'lmg' }).importance }, g.lmg, absolute, `${name} lmg`);
    if (g.dominance) {
      const d = relativeImportance(ref.X, ref.y, { ...common, method: 'dominance' });
      expectGolden({ ...d.importance }, g.dominance.general, absolute, `${name} general dominance`);
      expectGolden(d.dominance?.conditional, g.dominance.conditional, absolute, `${name} conditional dominance`);
      const pairs = (d.dominance?.complete ?? []).flatMap((c) => c.dominates.map((other) => [c.predictor, other]));
      expect(pairs.sort()).toEqual([...g.dominance.complete].sort());
    }
    if (g.groups) {
      const grouped = relativeImportance(ref.X, ref.y, { ...common, method: 'lmg', groups: g.groups.definition });
      expectGolden({ ...grouped.importance }, g.groups.lmg, absolute, `${name} grouped lmg`);
    }
  });
});

describe('relativeImportance properties and edge cases', () => {
  it('LMG, Johnson and general dominance sum to R-squared (property, random data)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1e6 }), (k, seed) => {
        // A seeded pseudo-random design with correlated columns.
        let state = seed + 1;
        const rand = () => {
          state = (state * 1103515245 + 12345) % 2147483648;
          return state / 2147483648;
        };
        const n = 30 + k * 5;
        const X = Array.from({ length: n }, () => {
          const common = rand();
          return Array.from({ length: k }, () => common + rand());
        });
        const y = X.map((row) => row.reduce((a, b, j) => a + b * (j % 2 ? 1 : -0.5), 0) + rand() * 2);
        for (const method of ['lmg', 'johnson', 'dominance'] as const) {
          const r = relativeImportance(X, y, { method });
          const total = Object.values(r.importance).reduce((a, b) => a + b, 0);
          expect(Math.abs(total - r.rSquared)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('does not depend on row order', () => {
    const ref = loadReference('survey-n47-k7-s1000');
    const a = relativeImportance(ref.X, ref.y, { method: 'lmg', names: ref.model.x });
    const order = ref.y.map((_, i) => i).reverse();
    const b = relativeImportance(
      order.map((i) => ref.X[i] as (number | null)[]),
      order.map((i) => ref.y[i] as number),
      { method: 'lmg', names: ref.model.x },
    );
    for (const name of ref.model.x) expect(b.importance[name]).toBeCloseTo(a.importance[name] as number, 13);
  });

  it('estimates LMG by seeded sampling with standard errors that cover the exact value', () => {
    const ref = loadReference('survey-n200-k5-s1000');
    const exact = relativeImportance(ref.X, ref.y, { method: 'lmg', names: ref.model.x });
    const sampled = relativeImportance(ref.X, ref.y, { method: 'lmg', names: ref.model.x, sampling: { permutations: 4000, seed: 3 } });
    for (const name of ref.model.x) {
      const se = sampled.standardErrors?.[name] as number;
      expect(se).toBeGreaterThan(0);
      expect(Math.abs((sampled.importance[name] as number) - (exact.importance[name] as number))).toBeLessThan(5 * se);
    }
    const again = relativeImportance(ref.X, ref.y, { method: 'lmg', names: ref.model.x, sampling: { permutations: 4000, seed: 3 } });
    expect(again.importance).toEqual(sampled.importance);
  });

  it('refuses exact LMG above 25 predictors, suggesting groups or sampling', () => {
    const X = Array.from({ length: 40 }, (_, i) => Array.from({ length: 26 }, (_, j) => Math.sin(i * (j + 1)) + (i % (j + 2))));
    const y = X.map((r) => r[0] as number);
    expect(() => relativeImportance(X, y, { method: 'lmg' })).toThrow(/group touchpoints into journey stages \(groups\) or use sampling/);
  });

  it('drops incomplete rows, and rejects collinear, constant, unknown or malformed input with typed errors', () => {
    const ref = loadReference('survey-n500-k7-missing-s1000');
    const r = relativeImportance(ref.X, ref.y, { method: 'first', names: ref.model.x });
    expect(r.n).toBe(365);
    expect(r.rowsDropped).toEqual({ missing: 135, zeroWeight: 0 });
    const collinear = loadReference('survey-n120-k5-collinear-s1000');
    expect(() => relativeImportance(collinear.X, collinear.y, { method: 'lmg', names: collinear.model.x })).toThrow(RankDeficientError);
    expect(() =>
      relativeImportance(
        [
          [1, 2],
          [1, 3],
          [1, 4],
          [1, 5],
        ],
        [1, 2, 3, 5],
        { method: 'lmg' },
      ),
    ).toThrow(/constant/);
    expect(() => relativeImportance([[1], [2]], [1, 2], { method: 'lmg' })).toThrow(InsufficientDataError);
    expect(() => relativeImportance([[1], [2], [3]], [1, 2, 4], { method: 'median' as ImportanceMethod })).toThrow(InvalidArgumentError);
    expect(() => relativeImportance(ref.X, ref.y, { method: 'lmg', names: ref.model.x, groups: { a: ['tp1'] } })).toThrow(/Every predictor must be in a group/);
  });

  it('keeps predictor names such as __proto__ as plain keys', () => {
    const X = [
      [1, 2],
      [2, 1],
      [3, 5],
      [4, 2],
      [5, 6],
      [6, 1],
    ];
    const y = [1, 2, 4, 3, 6, 5];
    const r = relativeImportance(X, y, { method: 'first', names: ['__proto__', 'constructor'] });
    expect(Object.keys(r.importance)).toEqual(['__proto__', 'constructor']);
    // biome-ignore lint/suspicious/noProto: the test is that a column named __proto__ is an ordinary key
    expect(JSON.parse(JSON.stringify(r.importance)).__proto__).toBeCloseTo(r.importance.__proto__ as number, 15);
  });
});
