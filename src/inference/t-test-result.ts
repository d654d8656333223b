/**
 * The fields a t test with a confidence interval reports, written once for the paired t test and
 * the dependent-correlation test (and, through the latter, the Gestalt battery). Types only.
 */

/** A two-sided t test with a confidence interval, fields named like R's `htest`. */
export interface TTestWithInterval {
  readonly tValue: number;
  /** Degrees of freedom of the t distribution. */
  readonly df: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  /** Confidence level of the interval. */
  readonly level: number;
  readonly ciLower: number;
  readonly ciUpper: number;
}
