/**
 * olsOfMoments: `ols` from co-moments alone (mergeable summaries, SQL aggregates), returning the
 * same `OlsResult` with classical inference. Internal: `SurveyAccumulator.ols` calls it.
 */
import { RankDeficientError } from '../errors.js';
import type { CrossProducts } from '../linalg/cross-product.js';
import { checkOlsOptions, type OlsResult } from './ols.js';
import { checkEnoughRows, constantOutcomeError, olsResultOfFit } from './ols-inference.js';
import { momentsFit, solveNormalEquations } from './ols-normal-equations.js';

/** What the co-moments do not say: the predictors' names, the rows behind them, the rows left out. */
export interface MomentsDesign {
  /** Names of the p predictors, in the order of the co-moments (y last). */
  readonly names: readonly string[];
  /** Complete cases summarised. */
  readonly n: number;
  /** Sum of the log weights (0 without weights). */
  readonly sumLogW: number;
  /** Rows left out for a missing value. */
  readonly missing: number;
  /** Confidence level of the intervals. Default 0.95. */
  readonly level?: number;
}

/**
 * OLS with an intercept from the centred, weighted co-moments of [X | y] ((p + 1) x (p + 1), y
 * last), their means and total weight: the same result `ols` gives on the rows (classical
 * covariance, `algorithm: 'cholesky'`), by the normal equations scaled to unit diagonal. A
 * constant predictor, or one whose remaining squared norm after the earlier estimable ones is at
 * most 1e-14 (R's lm tolerance 1e-7 on the norm), is reported as aliased. With no rows to
 * refine with, RSS = TSS - MSS (log10(TSS / RSS) digits lost) and ill-conditioning is a warning
 * (condition number >= 30), not a refit. Agrees with `ols` to about 1e-10 on survey data
 * (test/scale/survey-accumulator.test.ts).
 *
 * @throws InsufficientDataError with no more complete rows than parameters, or a constant outcome.
 * @throws RankDeficientError when the estimable columns still fail to factorise.
 * @throws InvalidArgumentError for a level outside (0, 1).
 */
export function olsOfMoments(products: CrossProducts, design: MomentsDesign): OlsResult {
  const { names, n, missing } = design;
  const { level } = checkOlsOptions({ level: design.level ?? 0.95 });
  const p = names.length;
  const rowsDropped = { missing, zeroWeight: 0 };
  checkEnoughRows(n, p, true, rowsDropped);
  const tss = products.comoments[p * (p + 1) + p] as number;
  if (!(tss > 0)) throw constantOutcomeError(products.means[p] as number);
  const equations = solveNormalEquations(products, p, true);
  if (equations === null)
    throw new RankDeficientError(`ols: the co-moments of ${names.join(', ')} could not be factorised even after leaving out aliased columns; fit the rows with ols instead.`, [...names]);
  return olsResultOfFit(momentsFit(products, equations, true), {
    names,
    n,
    intercept: true,
    sumW: products.weight,
    sumLogW: design.sumLogW,
    rowsDropped,
    covariance: 'classical',
    level,
    sdY: Math.sqrt(tss / products.weight),
    columnSd: () => Number.NaN,
    robust: null,
    keepResiduals: false,
  });
}
