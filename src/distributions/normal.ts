/**
 * The standard normal distribution: CDF, upper tail and quantile.
 *
 * Algorithm: Phi(x) = erfc(-x / sqrt 2) / 2 and 1 - Phi(x) = erfc(x / sqrt 2) / 2, with stdlib's
 * erfc (a port of FreeBSD's msun/Sun's fdlibm, < 1 ulp); each tail is computed directly, so
 * upper tails keep full relative accuracy down to about 1e-308 (x near 37.5). Quantile: stdlib's
 * inverse (erfcinv) as a start, which is only good to about 1e-9 relative in the far tails, then
 * two Newton steps on the directly computed tail probability (lower tail for p < 1/2, upper tail
 * with the exact 1 - p otherwise).
 * Accuracy: within about 1e-14 relative of R's pnorm/qnorm (test/distributions/).
 * Reference: R Core Team, `?pnorm`; Abramowitz & Stegun (1964) 26.2.
 */
import erfc from '@stdlib/math-base-special-erfc';
import normalQuantileStdlib from '@stdlib/stats-base-dists-normal-quantile';

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
  let x = normalQuantileStdlib(p, 0, 1);
  if (!Number.isFinite(x) || p === 0.5) return x;
  for (let step = 0; step < 2; step++) {
    const density = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    if (density === 0) break;
    // For p >= 1/2, 1 - p is exact (Sterbenz), so the upper tail carries no cancellation.
    const error = p < 0.5 ? normalCdf(x) - p : 1 - p - normalUpperTail(x);
    x -= error / density;
  }
  return x;
}
