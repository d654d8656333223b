import { describe, expect, it } from 'vitest';
import {
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareUpperTail,
  fCdf,
  fQuantile,
  fUpperTail,
  normalCdf,
  normalQuantile,
  normalUpperTail,
  studentTCdf,
  studentTQuantile,
  studentTUpperTail,
} from '../../src/distributions/index.js';
import { loadGolden } from '../helpers/golden.js';

interface Golden {
  t: { x: number; df: number; upper: number; lower: number }[];
  f: { x: number; df1: number; df2: number; upper: number; lower: number }[];
  chisq: { x: number; df: number; upper: number; lower: number }[];
  normal: { x: number; upper: number; lower: number }[];
  quantiles: { p: number; df: number; t: number; chisq: number; f: number; normal: number }[];
  deepT: { t: number; df: number; p: number }[];
  deepF: { x: number; df1: number; df2: number; p: number }[];
  deepChisq: { x: number; df: number; p: number }[];
}
const g = loadGolden<Golden>('distributions/distributions.json');

/** Relative error; below 1e-300 (subnormal doubles, which R prints with few digits) both must be below 1e-300. */
function expectRelative(actual: number, expected: number, tolerance: number, label: string): void {
  if (Math.abs(expected) < 1e-300) {
    expect(Math.abs(actual), label).toBeLessThan(1e-300);
    return;
  }
  const rel = Math.abs(actual - expected) / Math.abs(expected);
  expect(rel, `${label}: expected ${expected}, got ${actual}`).toBeLessThanOrEqual(tolerance);
}

describe('distributions match R 4.2.2 (test/golden/distributions/generate.R)', () => {
  it('t: upper tail and CDF agree with pt to 1e-10 relative', () => {
    for (const r of g.t) {
      expectRelative(studentTUpperTail(r.x, r.df), r.upper, 1e-10, `pt(${r.x}, ${r.df}, lower = F)`);
      expectRelative(studentTCdf(r.x, r.df), r.lower, 1e-10, `pt(${r.x}, ${r.df})`);
    }
  });
  it('F: upper tail and CDF agree with pf to 1e-10 relative', () => {
    for (const r of g.f) {
      expectRelative(fUpperTail(r.x, r.df1, r.df2), r.upper, 1e-10, `pf(${r.x}, ${r.df1}, ${r.df2}, lower = F)`);
      expectRelative(fCdf(r.x, r.df1, r.df2), r.lower, 1e-10, `pf(${r.x}, ${r.df1}, ${r.df2})`);
    }
  });
  it('chi-square: upper tail and CDF agree with pchisq to 1e-10 relative', () => {
    for (const r of g.chisq) {
      expectRelative(chiSquareUpperTail(r.x, r.df), r.upper, 1e-10, `pchisq(${r.x}, ${r.df}, lower = F)`);
      expectRelative(chiSquareCdf(r.x, r.df), r.lower, 1e-10, `pchisq(${r.x}, ${r.df})`);
    }
  });
  it('normal: upper tail and CDF agree with pnorm to 1e-12 relative', () => {
    for (const r of g.normal) {
      expectRelative(normalUpperTail(r.x), r.upper, 1e-12, `pnorm(${r.x}, lower = F)`);
      expectRelative(normalCdf(r.x), r.lower, 1e-12, `pnorm(${r.x})`);
    }
  });
  it('upper tails keep 1e-10 relative accuracy for p-values down to 1e-297', () => {
    for (const r of g.deepT) expectRelative(studentTUpperTail(r.t, r.df), r.p, 1e-10, `pt(${r.t}, ${r.df}, lower = F)`);
    for (const r of g.deepF) expectRelative(fUpperTail(r.x, r.df1, r.df2), r.p, 1e-10, `pf(${r.x}, ${r.df1}, ${r.df2}, lower = F)`);
    for (const r of g.deepChisq) expectRelative(chiSquareUpperTail(r.x, r.df), r.p, 1e-10, `pchisq(${r.x}, ${r.df}, lower = F)`);
  });
  it('quantiles agree with qt, qchisq, qf and qnorm to 1e-10 relative', () => {
    for (const r of g.quantiles) {
      expectRelative(studentTQuantile(r.p, r.df), r.t, 1e-10, `qt(${r.p}, ${r.df})`);
      expectRelative(chiSquareQuantile(r.p, r.df), r.chisq, 1e-10, `qchisq(${r.p}, ${r.df})`);
      // R's qf is inaccurate in the far lower tail: qf(1e-10, 1, 17) underflows to 0 (the truth is
      // about 1.6e-20, as F(1, 17) = T^2), qf(1e-10, 2, 17) is 9e-6 too high (F(2, n) has
      // P(F <= f) ~ f near 0), and pf(qf(0.001, 1, 17), 1, 17) = 0.00099999999990377 in R.
      // So: agreement with qf to 1e-9 for p >= 0.01, and the round trip pf(qf(p)) = p everywhere.
      const q = fQuantile(r.p, r.df, 17);
      if (r.p >= 0.01) expectRelative(q, r.f, 1e-9, `qf(${r.p}, ${r.df}, 17)`);
      expectRelative(r.p < 0.5 ? fCdf(q, r.df, 17) : fUpperTail(q, r.df, 17), r.p < 0.5 ? r.p : 1 - r.p, 1e-10, `pf(qf(${r.p}, ${r.df}, 17))`);
      expectRelative(normalQuantile(r.p), r.normal, 1e-12, `qnorm(${r.p})`);
    }
  });
});

describe('distribution edge cases', () => {
  it('return NaN for invalid degrees of freedom and handle infinite arguments', () => {
    expect(studentTUpperTail(1, 0)).toBeNaN();
    expect(fUpperTail(1, -1, 3)).toBeNaN();
    expect(chiSquareUpperTail(Number.NaN, 3)).toBeNaN();
    expect(studentTUpperTail(Infinity, 5)).toBe(0);
    expect(studentTUpperTail(-Infinity, 5)).toBe(1);
    expect(fUpperTail(Infinity, 2, 3)).toBe(0);
    expect(fUpperTail(0, 2, 3)).toBe(1);
    expect(chiSquareUpperTail(0, 3)).toBe(1);
  });
});
