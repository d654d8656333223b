/**
 * twoProportionTest: the chi-square test of equal proportions in two groups, as R's
 * `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)`.
 */
import { chiSquareUpperTail } from '../distributions/index.js';
import { InsufficientDataError } from '../errors.js';

/** Result of {@link twoProportionTest}. */
export interface TwoProportionTestResult {
  readonly method: 'two-proportion';
  readonly proportionX: number;
  readonly proportionY: number;
  /** proportionX - proportionY. */
  readonly difference: number;
  /** Pearson chi-square on 1 df (the square of the pooled z statistic). */
  readonly chiSquare: number;
  readonly pValue: number;
}

/**
 * Pearson's chi-square test of p1 = p2 without continuity correction: chi2 = (p1 - p2)^2 /
 * (p(1 - p)(1/n1 + 1/n2)) with the pooled p, upper tail of chi-square(1). When the pooled
 * proportion is 0 or 1 the groups cannot differ: p = 1 (R returns NaN there).
 *
 * Reference: R Core Team, `?prop.test`; Agresti (2013), Categorical Data Analysis, 3.2.
 *
 * @example
 * ```ts
 * twoProportionTest(30, 50, 20, 50).pValue; // 0.0455 (R: X-squared = 4)
 * ```
 * @throws InsufficientDataError when a group is empty.
 */
export function twoProportionTest(successesX: number, nX: number, successesY: number, nY: number): TwoProportionTestResult {
  if (!(nX > 0 && nY > 0)) throw new InsufficientDataError(`twoProportionTest needs two non-empty groups, got ${nX} and ${nY}.`);
  const proportionX = successesX / nX;
  const proportionY = successesY / nY;
  const pooled = (successesX + successesY) / (nX + nY);
  const variance = pooled * (1 - pooled) * (1 / nX + 1 / nY);
  const difference = proportionX - proportionY;
  const chiSquare = variance > 0 ? (difference * difference) / variance : 0;
  return { method: 'two-proportion', proportionX, proportionY, difference, chiSquare, pValue: variance > 0 ? chiSquareUpperTail(chiSquare, 1) : 1 };
}
