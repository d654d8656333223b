/**
 * The F distribution: CDF, upper tail and quantile.
 *
 * Algorithm (as R's `pf`): with u = df1 * x, P(F > x) = I_{df2/(df2+u)}(df2/2, df1/2) when
 * u > df2 and the upper tail of I_{u/(df2+u)}(df1/2, df2/2) otherwise, each taken directly from
 * the regularized incomplete beta (stdlib's `betainc`, recomputed in logarithms below 1e-200 where
 * stdlib loses digits; see special.ts), so small p-values keep their relative accuracy.
 * Quantile: the closest of Paulson's approximation and the tails' leading terms as a start, then
 * safeguarded Newton steps on the directly computed tail (special.ts).
 * Accuracy: within 1e-10 relative of R's `pf` for p down to 1e-300; pf(qf(p)) = p to 1e-13
 * relative (test/distributions/).
 * Reference: R Core Team, `?pf` and src/nmath/pf.c; Abramowitz & Stegun (1964) 26.6.
 */
import betaln from '@stdlib/math-base-special-betaln';
import { normalQuantile } from './normal.js';
import { closestStart, incompleteBeta, invertTail } from './special.js';

function tail(x: number, df1: number, df2: number, upper: boolean): number {
  if (Number.isNaN(x) || !(df1 > 0) || !(df2 > 0)) return Number.NaN;
  if (x <= 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  const u = df1 * x;
  if (u === Infinity) {
    // df1 * x overflows: the lower-tail argument is 1 to double precision and its complement is
    // df2 / u, formed in logarithms.
    const small = Math.exp(Math.log(df2) - Math.log(df1) - Math.log(x));
    return incompleteBeta(small, 1, df2 / 2, df1 / 2, !upper);
  }
  return u > df2 ? incompleteBeta(df2 / (df2 + u), u / (df2 + u), df2 / 2, df1 / 2, !upper) : incompleteBeta(u / (df2 + u), df2 / (df2 + u), df1 / 2, df2 / 2, upper);
}

function logDensity(x: number, df1: number, df2: number): number {
  const ratio = (df1 * x) / df2;
  const log1pRatio = Number.isFinite(ratio) ? Math.log1p(ratio) : Math.log(df1) + Math.log(x) - Math.log(df2);
  return (df1 / 2) * Math.log(df1 / df2) + (df1 / 2 - 1) * Math.log(x) - ((df1 + df2) / 2) * log1pRatio - betaln(df1 / 2, df2 / 2);
}

/**
 * P(F > x) for F on (df1, df2) degrees of freedom, computed directly.
 *
 * @example
 * ```ts
 * fUpperTail(4, 3, 20); // 0.022077 (R: pf(4, 3, 20, lower.tail = FALSE))
 * ```
 */
export function fUpperTail(x: number, df1: number, df2: number): number {
  return tail(x, df1, df2, true);
}

/**
 * P(F <= x) for F on (df1, df2) degrees of freedom.
 *
 * @example
 * ```ts
 * fCdf(4, 3, 20); // 0.977923
 * ```
 */
export function fCdf(x: number, df1: number, df2: number): number {
  return tail(x, df1, df2, false);
}

/**
 * The x with P(F <= x) = p.
 *
 * @example
 * ```ts
 * fQuantile(0.95, 3, 20); // 3.098391...
 * ```
 */
export function fQuantile(p: number, df1: number, df2: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df1 > 0) || !(df2 > 0)) return Number.NaN;
  const upper = p >= 0.5;
  const target = upper ? 1 - p : p;
  const oneTail = (x: number): number => tail(x, df1, df2, upper);
  return invertTail(target, upper, oneTail, (x) => logDensity(x, df1, df2), closestStart(target, oneTail, startingValues(p, df1, df2)));
}

/**
 * Approximate x with P(F <= x) = p: Paulson's cube-root normal approximation (Abramowitz &
 * Stegun 26.6.15) and the leading terms of the two tails, P(F <= x) ~ (df1 x/df2)^(df1/2) /
 * ((df1/2) B) near 0 and P(F > x) ~ (df2/(df1 x))^(df2/2) / ((df2/2) B) for large x.
 */
function startingValues(p: number, df1: number, df2: number): number[] {
  const a = 2 / (9 * df1);
  const b = 2 / (9 * df2);
  const z = normalQuantile(p);
  // ((1 - b) y - (1 - a)) / sqrt(b y^2 + a) = z with y = x^(1/3): a quadratic in y.
  const qa = (1 - b) ** 2 - z * z * b;
  const qb = -2 * (1 - a) * (1 - b);
  const qc = (1 - a) ** 2 - z * z * a;
  const discriminant = qb * qb - 4 * qa * qc;
  const paulson =
    qa > 0 && discriminant >= 0
      ? [(-qb + Math.sqrt(discriminant)) / (2 * qa), (-qb - Math.sqrt(discriminant)) / (2 * qa)].filter((y) => y > 0 && Math.sign((1 - b) * y - (1 - a)) === Math.sign(z)).map((y) => y ** 3)
      : [];
  const logBeta = betaln(df1 / 2, df2 / 2);
  const lower = (df2 / df1) * Math.exp((2 / df1) * (Math.log(p) + Math.log(df1 / 2) + logBeta));
  const upperTail = (df2 / df1) * Math.exp((-2 / df2) * (Math.log1p(-p) + Math.log(df2 / 2) + logBeta));
  return [...paulson, lower, upperTail];
}
