/**
 * Student's t distribution: CDF, upper tail and quantile.
 *
 * Algorithm (as R's `pt`): with x = t^2, the two-sided tail P(|T| > |t|) is the regularized
 * incomplete beta I_{df/(df+x)}(df/2, 1/2) when df <= x and the upper tail of
 * I_{x/(df+x)}(1/2, df/2) otherwise, both arguments formed without cancellation, so no branch
 * ever forms 1 - (something near 1); the one-sided tails are half of it. The incomplete beta is
 * stdlib's `betainc` (Boost's algorithm), recomputed in logarithms below 1e-200 where stdlib loses
 * digits (see special.ts); for |t| > 1e150, where t^2 overflows, the tail is its leading term
 * (df/t^2)^(df/2) / ((df/2) B(df/2, 1/2)), exact to double precision there. Quantile: stdlib's
 * `t-quantile` as a start, then safeguarded Newton steps on the directly computed tail (special.ts).
 * Accuracy: p-values within 1e-10 relative of R's `pt` for p down to 1e-300, quantiles within
 * 1e-10 of R's `qt` and pt(qt(p)) = p to 1e-13 relative (test/distributions/).
 * Reference: R Core Team, `?pt` and src/nmath/pt.c; Abramowitz & Stegun (1964) 26.7.
 */
import betainc from '@stdlib/math-base-special-betainc';
import betaln from '@stdlib/math-base-special-betaln';
import tQuantileStdlib from '@stdlib/stats-base-dists-t-quantile';
import { incompleteBeta, invertTail } from './special.js';

/** P(|T| > |t|) on df degrees of freedom, computed without cancellation. */
function twoSidedTail(t: number, df: number): number {
  const abs = Math.abs(t);
  if (abs === Infinity) return 0;
  if (abs > 1e150) return Math.exp((df / 2) * (Math.log(df) - 2 * Math.log(abs)) - Math.log(df / 2) - betaln(df / 2, 0.5));
  const x = t * t;
  if (df <= x) return incompleteBeta(df / (df + x), x / (df + x), df / 2, 0.5, false);
  // Here the tail is 1 - I_{x/(df+x)}(1/2, df/2). While I is small, 1 - I is exact enough (and
  // more accurate than Boost's upper-tail branch for tiny |t|); once I passes 1/2 the tail is
  // small and is taken from the upper incomplete beta directly.
  const z = x / (df + x);
  const lower = betainc(z, 0.5, df / 2, true, false);
  return lower < 0.5 ? 1 - lower : incompleteBeta(z, df / (df + x), 0.5, df / 2, true);
}

/** log density of t on df degrees of freedom at t >= 0. */
function logDensity(t: number, df: number): number {
  const ratio = (t * t) / df;
  const log1pRatio = Number.isFinite(ratio) ? Math.log1p(ratio) : 2 * Math.log(t) - Math.log(df);
  return -0.5 * Math.log(df) - betaln(df / 2, 0.5) - ((df + 1) / 2) * log1pRatio;
}

/**
 * P(T > t) on `df` degrees of freedom, computed directly.
 *
 * @example
 * ```ts
 * studentTUpperTail(2.5, 10); // 0.015723422... (R: pt(2.5, 10, lower.tail = FALSE))
 * ```
 */
export function studentTUpperTail(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  const half = 0.5 * twoSidedTail(t, df);
  return t > 0 ? half : 1 - half;
}

/**
 * P(T <= t) on `df` degrees of freedom.
 *
 * @example
 * ```ts
 * studentTCdf(-2.5, 10); // 0.015723422...
 * ```
 */
export function studentTCdf(t: number, df: number): number {
  return studentTUpperTail(-t, df);
}

/**
 * The t with P(T <= t) = p on `df` degrees of freedom.
 *
 * @example
 * ```ts
 * studentTQuantile(0.975, 2); // 4.302652729749464 (R: 4.302652729749464)
 * ```
 */
export function studentTQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return Number.NaN;
  if (p === 0.5) return 0;
  // By symmetry, solve P(T > q) = min(p, 1 - p) for q > 0 (1 - p is exact for p >= 1/2).
  const target = p < 0.5 ? p : 1 - p;
  const q = invertTail(target, true, (x) => 0.5 * twoSidedTail(x, df), (x) => logDensity(x, df), tQuantileStdlib(1 - target, df));
  return p < 0.5 ? -q : q;
}
