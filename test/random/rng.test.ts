import { describe, expect, it } from 'vitest';
import { chiSquareUpperTail } from '../../src/distributions/index.js';
import { createRng, fromState } from '../../src/random/rng.js';
import { loadGolden } from '../helpers/golden.js';

describe('seeded generator', () => {
  it('matches the reference C implementation of xoshiro128** (test/golden/rng/xoshiro128ss.c)', () => {
    const golden = loadGolden<{ state: [number, number, number, number]; outputs: number[] }>('rng/xoshiro128ss.json');
    const rng = fromState(golden.state);
    expect(golden.outputs.map(() => rng.nextUint32())).toEqual(golden.outputs);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const rng = createRng(seed);
      return Array.from({ length: 10 }, () => rng.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(2 ** 40)).not.toEqual(draw(0));
  });

  it('draws unbiased integers: a chi-square goodness-of-fit test does not reject uniformity', () => {
    const rng = createRng(123);
    const counts = new Array<number>(7).fill(0);
    const draws = 70_000;
    for (let i = 0; i < draws; i++) {
      const k = rng.int(7);
      counts[k] = (counts[k] as number) + 1;
    }
    const expected = draws / 7;
    const statistic = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chiSquareUpperTail(statistic, 6)).toBeGreaterThan(0.001);
    const u = createRng(5);
    for (let i = 0; i < 1000; i++) {
      const v = u.next();
      expect(v >= 0 && v < 1).toBe(true);
    }
  });
});
