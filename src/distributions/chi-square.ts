/**
 * The chi-square distribution: CDF, upper tail and quantile.
 *
 * Algorithm: P(X > x) = Q(df/2, x/2), the regularized upper incomplete gamma function, taken
 * directly from stdlib's `gammainc` (Boost's algorithm: series, continued fraction or Temme's
 * uniform asymptotics by region); the CDF is P(df/2, x/2). Quantile: stdlib's chi-square
 * quantile (inverse incomplete gamma).
 * Accuracy: within 1e-10 relative of R's `pchisq` for p down to 1e-300 (test/distributions/).
 * Reference: R Core Team, `?pchisq`; Abramowitz & Stegun (1964) 26.4.
 */
import gammainc from '@stdlib/math-base-special-gammainc';
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';

function tail(x: number, df: number, upper: boolean): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  return gammainc(x / 2, df / 2, true, upper);
}

/**
 * P(X > x) for X chi-square on `df` degrees of freedom, computed directly.
 *
 * @example
 * ```ts
 * chiSquareUpperTail(3.841458820694124, 1); // 0.05
 * ```
 */
export function chiSquareUpperTail(x: number, df: number): number {
  return tail(x, df, true);
}

/**
 * P(X <= x) for X chi-square on `df` degrees of freedom.
 *
 * @example
 * ```ts
 * chiSquareCdf(3.841458820694124, 1); // 0.95
 * ```
 */
export function chiSquareCdf(x: number, df: number): number {
  return tail(x, df, false);
}

/**
 * The x with P(X <= x) = p.
 *
 * @example
 * ```ts
 * chiSquareQuantile(0.95, 1); // 3.841458820694124
 * ```
 */
export function chiSquareQuantile(p: number, df: number): number {
  return chisquareQuantile(p, df);
}
