import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeImportance } from '../../src/importance/relative-importance.js';
import { createRng } from '../../src/random/rng.js';

/** Seeded correlated ratings: k touchpoints sharing a common factor, overall = weighted sum + noise. */
function survey(seed: number, k: number, n: number): { X: number[][]; y: number[] } {
  const rng = createRng(seed);
  const X = Array.from({ length: n }, () => {
    const common = rng.next();
    return Array.from({ length: k }, () => Math.round(1 + 4 * (0.5 * common + 0.5 * rng.next())));
  });
  const y = X.map((row) => row.reduce((s, v, j) => s + v * ((j % 3) - 0.5), 0) + 4 * rng.next());
  return { X, y };
}

describe('relativeImportance invariants (seeded property tests)', () => {
  it('exact LMG sums to R-squared to 1e-12 for up to 14 predictors, with and without groups', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), (k, seed, grouped) => {
        const { X, y } = survey(seed, k, 40 + 3 * k);
        const names = Array.from({ length: k }, (_, j) => `t${j}`);
        // Consecutive touchpoints in stages of up to three.
        const groups = grouped ? Object.fromEntries(Array.from({ length: Math.ceil(k / 3) }, (_, g) => [`stage${g}`, names.slice(3 * g, 3 * g + 3)])) : undefined;
        const r = relativeImportance(X, y, { method: 'lmg', names, ...(groups && { groups }) });
        const total = Object.values(r.importance).reduce((a, b) => a + b, 0);
        expect(Math.abs(total - r.rSquared)).toBeLessThan(1e-12);
      }),
      { numRuns: 60, seed: 20261124 },
    );
  });

  it('does not depend on row order, and is unchanged when y is rescaled and shifted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (k, seed, scale) => {
        const { X, y } = survey(seed, k, 60);
        const rng = createRng(seed + 1);
        const order = y.map((_, i) => i);
        for (let i = order.length - 1; i > 0; i--) {
          const j = rng.int(i + 1);
          [order[i], order[j]] = [order[j] as number, order[i] as number];
        }
        for (const method of ['lmg', 'pratt', 'last', 'johnson'] as const) {
          const a = relativeImportance(X, y, { method });
          const b = relativeImportance(
            order.map((i) => X[i] as number[]),
            order.map((i) => ((y[i] as number) - 7) * scale),
            { method },
          );
          for (const [name, value] of Object.entries(a.importance)) expect(Math.abs((b.importance[name] as number) - value)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});
