import { describe, expect, it } from 'vitest';
import { InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { dependentCorrelation } from '../../src/inference/dependent-correlation.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

interface Golden {
  n: number;
  r12: number;
  r13: number;
  r23: number;
  tValue: number;
  df: number;
  pValue: number;
  ciLower: number;
  ciUpper: number;
}
const golden = loadGolden<{ dependent: Golden[] }>('gestalt/gestalt.json').dependent;

describe('dependentCorrelation (Williams t, Zou interval)', () => {
  it.each(golden)("matches psych::r.test and Zou's formula in R for n = $n, r12 = $r12, r13 = $r13, r23 = $r23", (g) => {
    const r = dependentCorrelation({ n: g.n, r12: g.r12, r13: g.r13, r23: g.r23 });
    expectGolden(r, g, { relative: 1e-12, absolute: 1e-15 }, `n = ${g.n}`);
    expect(r.difference).toBe(g.r12 - g.r13);
  });

  it('is antisymmetric: swapping r12 and r13 negates t and mirrors the interval', () => {
    const a = dependentCorrelation({ n: 80, r12: 0.62, r13: 0.41, r23: 0.55 });
    const b = dependentCorrelation({ n: 80, r12: 0.41, r13: 0.62, r23: 0.55 });
    expect(b.tValue).toBeCloseTo(-a.tValue, 14);
    expect(b.pValue).toBeCloseTo(a.pValue, 14);
    expect(b.ciLower).toBeCloseTo(-a.ciUpper, 14);
    expect(b.ciUpper).toBeCloseTo(-a.ciLower, 14);
  });

  it('treats a perfect correlation as a singular correlation matrix (the variables are linearly dependent)', () => {
    expect(() => dependentCorrelation({ n: 50, r12: 1, r13: 0.5, r23: 0.5 })).toThrow(InsufficientDataError);
  });

  it('rejects impossible input', () => {
    expect(() => dependentCorrelation({ n: 3, r12: 0.5, r13: 0.3, r23: 0.2 })).toThrow(InsufficientDataError);
    expect(() => dependentCorrelation({ n: 20, r12: 1.2, r13: 0.3, r23: 0.2 })).toThrow(/r12 must be a correlation/);
    expect(() => dependentCorrelation({ n: 20.5, r12: 0.5, r13: 0.3, r23: 0.2 })).toThrow(InvalidArgumentError);
    expect(() => dependentCorrelation({ n: 20, r12: 0.5, r13: 0.3, r23: 0.2 }, { level: 0 })).toThrow(InvalidArgumentError);
    // r23 = 1 with r12 = r13: the two predictors are the same variable.
    expect(() => dependentCorrelation({ n: 20, r12: 0.5, r13: 0.5, r23: 1 })).toThrow(/singular correlation matrix/);
  });
});
