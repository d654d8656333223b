import { describe, expect, it } from 'vitest';
import { InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { pairedTTest } from '../../src/inference/paired-t-test.js';
import { wilcoxonSignedRank } from '../../src/inference/wilcoxon-signed-rank.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

interface Case {
  name: string;
  x: number[];
  y: number[];
  wilcoxon: { statistic: number; pValue: number; n: number; exact: boolean };
  t: Record<string, number>;
}
const { cases } = loadGolden<{ cases: Case[] }>('inference/paired-tests.json');

describe('paired tests match R (t.test and wilcox.test with paired = TRUE)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expectGolden(wilcoxonSignedRank(c.x, c.y), c.wilcoxon, { relative: 1e-10, absolute: 0 }, `wilcoxon ${c.name}`);
    expectGolden(pairedTTest(c.x, c.y), c.t, { relative: 1e-10, absolute: 1e-15 }, `t ${c.name}`);
  });
});

describe('paired test edge cases', () => {
  it('skip pairs with a missing value', () => {
    const full = pairedTTest([5, 4, 4, 3], [4, 4, 2, 2]);
    const gappy = pairedTTest([5, 4, NaN, 4, 3, 2], [4, 4, 3, 2, 2, NaN]);
    expect(gappy).toEqual(full);
    expect(wilcoxonSignedRank([5, NaN, 4, 4, 3], [4, 1, 4, 2, 2])).toEqual(wilcoxonSignedRank([5, 4, 4, 3], [4, 4, 2, 2]));
  });

  it('do not depend on the order of the pairs', () => {
    const c = cases[2] as Case;
    const order = c.x.map((_, i) => i).reverse();
    const x = order.map((i) => c.x[i] as number);
    const y = order.map((i) => c.y[i] as number);
    expect(wilcoxonSignedRank(x, y).pValue).toBe(wilcoxonSignedRank(c.x, c.y).pValue);
    expect(pairedTTest(x, y).pValue).toBeCloseTo(pairedTTest(c.x, c.y).pValue, 14);
  });

  it('refuse empty, one-pair, constant and mismatched input with clear errors', () => {
    expect(() => pairedTTest([], [])).toThrow(InsufficientDataError);
    expect(() => pairedTTest([1], [2])).toThrow(/at least 2 complete pairs/);
    expect(() => pairedTTest([2, 3, 4], [1, 2, 3])).toThrow(/essentially constant/);
    expect(() => wilcoxonSignedRank([1, 2], [1, 2])).toThrow(/every difference is zero/);
    expect(() => wilcoxonSignedRank([1, 2], [1])).toThrow(InvalidArgumentError);
  });
});
