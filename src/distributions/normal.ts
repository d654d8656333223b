/**
 * The standard normal distribution: CDF, upper tail and quantile.
 *
 * Algorithm: Phi(x) = erfc(-x / sqrt 2) / 2 and 1 - Phi(x) = erfc(x / sqrt 2) / 2, with stdlib's
 * erfc (a port of FreeBSD's msun/Sun's fdlibm, < 1 ulp); each tail is computed directly, so
 * upper tails keep full relative accuracy down to about 1e-308 (x near 37.5). Quantile: by
 * symmetry the positive root of P(Z > q) = min(p, 1 - p) (1 - p is exact for p >= 1/2), started
 * from stdlib's inverse complementary error function, -sqrt(2) erfcinv(2 p), and finished by
 * safeguarded Newton steps on the directly computed tail (special.ts). (stdlib's own normal
 * quantile goes through erfinv(2p - 1), which cancels and returns -Infinity below p = 1e-17.)
 * Accuracy: within about 1e-14 relative of R's pnorm/qnorm, for p down to 1e-300
 * (test/distributions/).
 * Reference: R Core Team, `?pnorm`; Abramowitz & Stegun (1964) 26.2.
 */
import erfc from '@stdlib/math-base-special-erfc';
import erfcinv from '@stdlib/math-base-special-erfcinv';
import { invertTail } from './special.js';

const LOG_SQRT_2PI = 0.9189385332046728;

/**
 * P(Z <= x) for a standard normal Z.
 *
 * @example
 * ```ts
 * normalCdf(1.959963984540054); // 0.975
 * ```
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * P(Z > x), computed directly (not as 1 - cdf).
 *
 * @example
 * ```ts
 * normalUpperTail(10); // 7.6198530241605e-24 (R: pnorm(10, lower.tail = FALSE))
 * ```
 */
export function normalUpperTail(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

/**
 * The x with P(Z <= x) = p.
 *
 * @example
 * ```ts
 * normalQuantile(0.975); // 1.959963984540054
 * ```
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0.5) return 0;
  const target = p < 0.5 ? p : 1 - p;
  const q = invertTail(target, true, normalUpperTail, (x) => -0.5 * x * x - LOG_SQRT_2PI, Math.SQRT2 * erfcinv(2 * target));
  return p < 0.5 ? -q : q;
}
