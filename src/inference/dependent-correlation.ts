/**
 * dependentCorrelation: do two correlations that share a variable differ? Williams' t test and
 * Zou's confidence interval for r12 - r13 on the same sample.
 */
import { normalQuantile, studentTUpperTail } from '../distributions/index.js';
import { InsufficientDataError, InvalidArgumentError } from '../errors.js';
import type { TTestWithInterval } from './t-test-result.js';

/** The three correlations among variables 1, 2 and 3 on one sample of size n. */
export interface DependentCorrelationInput {
  /** Sample size (pairs behind every correlation). */
  readonly n: number;
  /** r(1, 2): the shared variable with the first predictor. */
  readonly r12: number;
  /** r(1, 3): the shared variable with the second predictor. */
  readonly r13: number;
  /** r(2, 3): between the two predictors. */
  readonly r23: number;
}

/**
 * Result of {@link dependentCorrelation}: `tValue` is Williams' t (Steiger's 1980 eq. 14) on
 * df = n - 3; `ciLower` and `ciUpper` are Zou's (2007) interval for r12 - r13.
 */
export interface DependentCorrelationResult extends TTestWithInterval {
  readonly method: 'williams-t';
  readonly n: number;
  readonly r12: number;
  readonly r13: number;
  readonly r23: number;
  /** r12 - r13. */
  readonly difference: number;
}

/**
 * Compares two dependent, overlapping correlations r12 and r13 (variable 1 shared, as the
 * overall rating is shared by r(overall, peak-end) and r(overall, mean)).
 *
 * - Williams' t (Williams 1959, as recommended by Steiger 1980, eq. 14):
 *   t = (r12 - r13) sqrt((n - 1)(1 + r23) / (2 (n - 1)/(n - 3) |R| + r̄^2 (1 - r23)^3)),
 *   |R| = 1 - r12^2 - r13^2 - r23^2 + 2 r12 r13 r23, r̄ = (r12 + r13)/2, on n - 3 df, two-sided
 *   p from the t upper tail. The same statistic as `psych::r.test(n, r12, r13, r23)`.
 * - Zou's (2007) interval: each correlation's Fisher-z interval (l_j, u_j) = tanh(atanh(r) -/+
 *   z_{(1+level)/2} / sqrt(n - 3)) combined with the correlation between r12 and r13,
 *   c = ((r23 - r12 r13 / 2)(1 - r12^2 - r13^2 - r23^2) + r23^3) / ((1 - r12^2)(1 - r13^2)):
 *   L = d - sqrt((r12 - l1)^2 + (u2 - r13)^2 - 2c (r12 - l1)(u2 - r13)),
 *   U = d + sqrt((u1 - r12)^2 + (r13 - l2)^2 - 2c (u1 - r12)(r13 - l2)), d = r12 - r13.
 *
 * Accuracy: closed forms; t and p agree with psych 2.2.9 and the interval with the formula in R
 * to 1e-12 relative (test/golden/gestalt).
 *
 * References: Williams (1959); Steiger (1980), Psychological Bulletin 87, 245-251; Zou (2007),
 * Psychological Methods 12, 399-413 (example 2).
 *
 * @example
 * ```ts
 * dependentCorrelation({ n: 103, r12: 0.5, r13: 0.3, r23: 0.4 });
 * // { tValue: 2.097, df: 100, pValue: 0.0385, ciLower: 0.0109, ciUpper: 0.3899, ... } (psych::r.test: t = 2.1, p < 0.039)
 * ```
 * @throws InvalidArgumentError for a correlation outside [-1, 1], a non-integer n or a level
 *   outside (0, 1).
 * @throws InsufficientDataError for n < 4 (no degrees of freedom), or a correlation matrix that
 *   is not positive definite (|R| <= 0: the three variables are linearly dependent, as when any
 *   correlation is +-1).
 */
export function dependentCorrelation(input: DependentCorrelationInput, options: { level?: number } = {}): DependentCorrelationResult {
  const { n, r12, r13, r23 } = input;
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(`n must be a whole number of observations, got ${n}.`);
  for (const [name, r] of [
    ['r12', r12],
    ['r13', r13],
    ['r23', r23],
  ] as const) {
    if (!(r >= -1 && r <= 1)) throw new InvalidArgumentError(`${name} must be a correlation between -1 and 1, got ${r}.`);
  }
  if (n < 4) throw new InsufficientDataError(`The dependent-correlation test needs at least 4 observations (n - 3 degrees of freedom), got ${n}.`);
  const determinant = 1 - r12 * r12 - r13 * r13 - r23 * r23 + 2 * r12 * r13 * r23;
  if (!(determinant > 0)) {
    throw new InsufficientDataError(
      `The three correlations (r12 = ${r12}, r13 = ${r13}, r23 = ${r23}) have a singular correlation matrix (determinant ${determinant}); one variable is a linear function of the others and the difference cannot be tested.`,
    );
  }
  const difference = r12 - r13;
  const average = (r12 + r13) / 2;
  const tValue = difference * Math.sqrt(((n - 1) * (1 + r23)) / (((2 * (n - 1)) / (n - 3)) * determinant + average * average * (1 - r23) ** 3));
  const df = n - 3;
  const pValue = Math.min(1, 2 * studentTUpperTail(Math.abs(tValue), df));
  // |R| > 0 implies |r| < 1 for all three, so the Fisher z transforms are finite.
  const half = normalQuantile((1 + level) / 2) / Math.sqrt(n - 3);
  const [l1, u1] = [Math.tanh(Math.atanh(r12) - half), Math.tanh(Math.atanh(r12) + half)];
  const [l2, u2] = [Math.tanh(Math.atanh(r13) - half), Math.tanh(Math.atanh(r13) + half)];
  const c = ((r23 - (r12 * r13) / 2) * (1 - r12 * r12 - r13 * r13 - r23 * r23) + r23 ** 3) / ((1 - r12 * r12) * (1 - r13 * r13));
  const ciLower = difference - Math.sqrt((r12 - l1) ** 2 + (u2 - r13) ** 2 - 2 * c * (r12 - l1) * (u2 - r13));
  const ciUpper = difference + Math.sqrt((u1 - r12) ** 2 + (r13 - l2) ** 2 - 2 * c * (u1 - r12) * (r13 - l2));
  return { method: 'williams-t', n, r12, r13, r23, difference, tValue, df, pValue, level, ciLower, ciUpper };
}
