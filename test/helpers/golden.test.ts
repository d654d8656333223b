import { describe, expect, it } from 'vitest';
import { compareToGolden, logRelativeError } from './golden.js';

describe('the golden checker', () => {
  it('flags numbers outside the relative tolerance, missing fields and length mismatches', () => {
    const expected = { a: 1, b: [1, 2], c: { d: 'x', e: null }, f: 1e-20 };
    expect(compareToGolden({ a: 1 + 1e-12, b: [1, 2], c: { d: 'x', e: null }, f: 0 }, expected, { relative: 1e-9, absolute: 1e-15 })).toEqual([]);
    const found = compareToGolden({ a: 1.001, b: [1], c: { d: 'y', e: 3 } }, expected, { relative: 1e-9, absolute: 1e-30 });
    expect(found.map((m) => m.path)).toEqual(['a', 'b', 'c.d', 'c.e', 'f']);
  });

  it('applies per-field tolerances by the last path segment', () => {
    const mismatches = compareToGolden({ p: 1.01, q: 1.01 }, { p: 1, q: 1 }, { relative: 1e-9, fields: { p: { relative: 0.1 } } });
    expect(mismatches.map((m) => m.path)).toEqual(['q']);
  });

  it('compares p-values relatively however small: an absolute floor does not let a wrong tiny p-value pass', () => {
    const expected = { fPValue: 4.85e-17, coefficients: [{ pValue: 1e-20, estimate: 1e-20 }], pValues: [3e-30], pAdjusted: 0 };
    const tolerance = { relative: 1e-9, absolute: 1e-13 };
    expect(compareToGolden({ fPValue: 4.85e-17, coefficients: [{ pValue: 1e-20, estimate: 0 }], pValues: [3e-30], pAdjusted: 0 }, expected, tolerance)).toEqual([]);
    const found = compareToGolden({ fPValue: 1e-15, coefficients: [{ pValue: 2e-20, estimate: 0 }], pValues: [0], pAdjusted: 1e-20 }, expected, tolerance);
    expect(found.map((m) => m.path)).toEqual(['fPValue', 'coefficients[0].pValue', 'pValues[0]', 'pAdjusted']);
  });

  it('computes the log relative error as NIST defines it', () => {
    expect(logRelativeError(1.0001, 1)).toBeCloseTo(4, 6);
    expect(logRelativeError(1e-7, 0)).toBeCloseTo(7, 10);
    expect(logRelativeError(2, 2)).toBe(15);
  });
});
