/**
 * The maximum-likelihood machinery shared by {@link logisticRegression} and {@link ordinalLogit}:
 * one damped Newton driver, one separation rule, one Wald table and one likelihood summary. Each
 * model supplies only its log-likelihood with gradient and information. Internal.
 */
import { chiSquareUpperTail, normalQuantile, normalUpperTail } from '../distributions/index.js';
import { ConvergenceError } from '../errors.js';
import { cholesky, choleskyInverse, choleskySolve } from '../linalg/cholesky.js';
import { columnStandardDeviation } from '../stats/moments.js';

/** A coefficient with Wald inference. */
export interface WaldCoefficient {
  readonly name: string;
  readonly estimate: number;
  readonly stdError: number;
  readonly zValue: number;
  readonly pValue: number;
  readonly ciLower: number;
  readonly ciUpper: number;
}

/** How the fit converged. */
export interface Convergence {
  readonly converged: boolean;
  readonly iterations: number;
  /** Largest absolute gradient component at the solution. */
  readonly maxGradient: number;
  /** Condition number of the information matrix (ratio of extreme Cholesky pivots squared). */
  readonly conditionNumber: number;
}

/** The log-likelihood at a parameter vector, with its gradient and the (observed) information, m x m row-major. */
export interface LikelihoodPoint {
  readonly ll: number;
  readonly gradient: Float64Array;
  readonly information: Float64Array;
}

/** A model as the Newton driver sees it. */
export interface LikelihoodModel<P extends LikelihoodPoint> {
  /** Number of parameters. */
  readonly size: number;
  /** The log-likelihood and derivatives at `params`; null where it cannot be evaluated (a zero probability). */
  evaluate(params: Float64Array): P | null;
  /** Whether `params` is admissible (e.g. ordered thresholds); default every vector is. */
  admissible?(params: Float64Array): boolean;
}

/** Where {@link maximizeLikelihood} stopped. */
export interface NewtonResult<P extends LikelihoodPoint> {
  readonly params: Float64Array;
  readonly point: P;
  readonly converged: boolean;
  readonly iterations: number;
}

/** Newton decrement, relative to max(1, |log-likelihood|), below which the next full step ends the fit. */
export const CONVERGENCE_TOLERANCE = 1e-12;

/**
 * Largest standardized coefficient |beta| sd(x) (weighted population SD of the predictor) a fit
 * may report. Beyond it the odds ratio per standard deviation exceeds e^15 (about 3.3 million),
 * which finite data only produce when the estimate diverges because a predictor (almost)
 * perfectly separates the outcome. One threshold for every likelihood model, converged or not.
 */
export const SEPARATION_LIMIT = 15;

/**
 * Maximizes a log-likelihood by damped Newton-Raphson: each step solves information * step =
 * gradient by Cholesky, halves the step (up to 40 times) while the log-likelihood would fall by
 * more than 1e-12 relative or the parameters would be inadmissible, and stops after a full step
 * whose Newton decrement g'H^-1 g was below {@link CONVERGENCE_TOLERANCE} max(1, |logLik|)
 * (invariant to the units of the predictors; the remaining error is of order its square). Stops
 * early, unconverged, when the information is not positive definite or no halving is accepted.
 *
 * Reference: Boyd & Vandenberghe (2004), Convex Optimization, 9.5 (Newton's method, the decrement).
 *
 * @param start the starting parameters (modified: the driver works in place and returns it).
 * @throws ConvergenceError 'no_convergence' when the likelihood cannot be evaluated at `start`.
 */
export function maximizeLikelihood<P extends LikelihoodPoint>(what: string, model: LikelihoodModel<P>, start: Float64Array, maxIterations: number): NewtonResult<P> {
  const m = model.size;
  const params = start;
  let current = model.evaluate(params);
  if (current === null) throw new ConvergenceError('no_convergence', `${what} could not evaluate the likelihood at its starting values.`);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const l = cholesky(current.information, m);
    if (l === null) break;
    const step = choleskySolve(l, m, current.gradient);
    // Newton decrement g' H^-1 g: twice the predicted gain, invariant to rescaling the predictors.
    let decrement = 0;
    for (let j = 0; j < m; j++) decrement += (current.gradient[j] as number) * (step[j] as number);
    let scale = 1;
    let next: P | null = null;
    let candidate = params;
    for (let halving = 0; halving < 40; halving++, scale /= 2) {
      candidate = params.map((v, j) => v + scale * (step[j] as number));
      if (model.admissible !== undefined && !model.admissible(candidate)) continue;
      next = model.evaluate(candidate);
      if (next !== null && next.ll >= current.ll - 1e-12 * Math.abs(current.ll)) break;
      next = null;
    }
    if (next === null) break;
    params.set(candidate);
    current = next;
    // A full step from a decrement this small leaves an error of order decrement^2.
    if (scale === 1 && decrement < CONVERGENCE_TOLERANCE * Math.max(1, Math.abs(current.ll))) {
      converged = true;
      iterations++;
      break;
    }
  }
  return { params, point: current, converged, iterations };
}

/**
 * Standardized effects |beta_j| sd(x_j) of the predictors (columns of the row-major n x p matrix
 * `x`, coefficients `beta[offset + j]`), with the SD weighted by the prior weights.
 */
export function standardizedEffects(x: Float64Array, p: number, beta: Float64Array, offset: number, weights: Float64Array): number[] {
  return Array.from({ length: p }, (_, j) => Math.abs(beta[offset + j] as number) * columnStandardDeviation(x, p, j, weights));
}

/**
 * The predictors whose standardized effect exceeds {@link SEPARATION_LIMIT}, or, when the model
 * itself saw separation (`separatedAnyway`, e.g. every fitted probability is 1), the predictor with
 * the largest effect (the intercept if there is none). Empty when there is no separation.
 */
export function separatingPredictors(names: readonly string[], standardized: readonly number[], separatedAnyway: boolean): string[] {
  const beyond = names.filter((_, j) => (standardized[j] as number) > SEPARATION_LIMIT);
  if (beyond.length > 0 || !separatedAnyway) return beyond;
  const top = standardized.indexOf(Math.max(...standardized));
  return top >= 0 ? [names[top] as string] : ['(Intercept)'];
}

/** `"a", "b"` for messages. */
export function quoted(names: readonly string[]): string {
  return names.map((c) => `"${c}"`).join(', ');
}

/**
 * Covariance of the estimates as the inverse information at the solution, with the convergence
 * record; throws when the information is singular or the fit did not converge.
 *
 * @throws ConvergenceError 'singular_information' (message `singular`), then 'no_convergence'.
 */
export function covarianceAtSolution(what: string, fit: NewtonResult<LikelihoodPoint>, m: number, singular: string): { covariance: Float64Array; convergence: Convergence } {
  const l = cholesky(fit.point.information, m);
  if (l === null) throw new ConvergenceError('singular_information', singular);
  const maxGradient = Math.max(...Array.from(fit.point.gradient, Math.abs));
  if (!fit.converged) {
    throw new ConvergenceError('no_convergence', `${what} did not converge in ${fit.iterations} iterations (largest gradient ${maxGradient.toExponential(2)}).`);
  }
  const diag = Array.from({ length: m }, (_, j) => (l[j * m + j] as number) ** 2);
  return {
    covariance: choleskyInverse(l, m),
    convergence: { converged: true, iterations: fit.iterations, maxGradient, conditionNumber: Math.max(...diag) / Math.min(...diag) },
  };
}

/**
 * Wald table: for each name, estimate `params[offset + j]`, standard error from the diagonal of
 * `covariance` (m x m), z = estimate / SE, two-sided normal p-value from the upper tail, and a
 * normal interval at `level`.
 */
export function waldTable(names: readonly string[], params: Float64Array, covariance: Float64Array, m: number, offset: number, level: number): WaldCoefficient[] {
  const z = normalQuantile((1 + level) / 2);
  return names.map((name, j) => {
    const estimate = params[offset + j] as number;
    const stdError = Math.sqrt(covariance[(offset + j) * m + offset + j] as number);
    const zValue = estimate / stdError;
    return { name, estimate, stdError, zValue, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(zValue))), ciLower: estimate - z * stdError, ciUpper: estimate + z * stdError };
  });
}

/** Likelihood summary of a fit against its null model. */
export interface LikelihoodSummary {
  readonly aic: number;
  readonly bic: number;
  readonly likelihoodRatio: { readonly statistic: number; readonly df: number; readonly pValue: number };
  readonly mcFaddenRSquared: number;
}

/**
 * AIC = -2 logLik + 2 m and BIC = -2 logLik + log(observations) m for m parameters; the
 * likelihood-ratio test `statistic` on `df` degrees of freedom (chi-square upper tail; p = 1 when
 * df = 0); McFadden's pseudo-R-squared 1 - logLik / nullLogLik (or the deviance ratio passed in).
 */
export function likelihoodSummary(input: { logLik: number; parameters: number; observations: number; statistic: number; df: number; mcFaddenRSquared: number }): LikelihoodSummary {
  const { logLik, parameters, observations, statistic, df } = input;
  return {
    aic: -2 * logLik + 2 * parameters,
    bic: -2 * logLik + Math.log(observations) * parameters,
    likelihoodRatio: { statistic, df, pValue: df > 0 ? chiSquareUpperTail(statistic, df) : 1 },
    mcFaddenRSquared: input.mcFaddenRSquared,
  };
}
