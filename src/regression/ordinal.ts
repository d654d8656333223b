/**
 * ordinalLogit: the cumulative-link (proportional-odds) model for an ordinal outcome, as R's
 * ordinal::clm and MASS::polr.
 */
import { normalCdf, normalQuantile, normalUpperTail } from '../distributions/index.js';
import { ConvergenceError, InsufficientDataError, InvalidArgumentError, type Warning } from '../errors.js';
import { type ModelData, type ModelInputOptions, modelData, rowMajor } from './glm-data.js';
import {
  type Convergence,
  covarianceAtSolution,
  type LikelihoodPoint,
  likelihoodSummary,
  maximizeLikelihood,
  quoted,
  separatingPredictors,
  standardizedEffects,
  type WaldCoefficient,
  waldTable,
} from './maximum-likelihood.js';

export type { Convergence, WaldCoefficient } from './maximum-likelihood.js';

/** Options for {@link ordinalLogit}. */
export interface OrdinalOptions extends ModelInputOptions {
  /** Link function. Default 'logit' (proportional odds). */
  readonly link?: 'logit' | 'probit';
  /**
   * The ordered categories (e.g. the scale points [1, 2, 3, 4, 5]); default the distinct values of
   * y. Categories nobody chose are reported in `emptyCategories`.
   */
  readonly levels?: readonly number[];
  /** Confidence level of the coefficient intervals. Default 0.95. */
  readonly level?: number;
  /** Newton iterations before giving up. Default 100. */
  readonly maxIterations?: number;
}

/** A threshold (cut point) between two adjacent observed categories, named like clm's '2|3'. */
export interface Threshold {
  readonly name: string;
  readonly estimate: number;
  readonly stdError: number;
}

/** Result of {@link ordinalLogit}. */
export interface OrdinalResult {
  readonly method: 'ordinal-logit' | 'ordinal-probit';
  readonly link: 'logit' | 'probit';
  readonly n: number;
  readonly rowsDropped: { readonly missing: number; readonly zeroWeight: number };
  readonly categories: readonly { readonly value: number; readonly count: number }[];
  readonly emptyCategories: readonly number[];
  readonly thresholds: readonly Threshold[];
  /** Effects on the latent scale: positive = higher categories more likely (no intercept). */
  readonly coefficients: readonly WaldCoefficient[];
  readonly logLik: number;
  readonly nullLogLik: number;
  readonly aic: number;
  readonly bic: number;
  /** Likelihood-ratio test against the thresholds-only model. */
  readonly likelihoodRatio: { readonly statistic: number; readonly df: number; readonly pValue: number };
  readonly mcFaddenRSquared: number;
  readonly nagelkerkeRSquared: number;
  readonly convergence: Convergence;
  readonly warnings: readonly Warning[];
}

interface Link {
  cdf(x: number): number;
  upper(x: number): number;
  density(x: number): number;
  /** Derivative of the density. */
  slope(x: number): number;
  quantile(p: number): number;
}

const logit: Link = {
  cdf: (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
  upper: (x) => logit.cdf(-x),
  density: (x) => {
    const e = Math.exp(-Math.abs(x));
    return e / ((1 + e) * (1 + e));
  },
  slope: (x) => logit.density(x) * (logit.upper(x) - logit.cdf(x)),
  quantile: (p) => Math.log(p / (1 - p)),
};

const probit: Link = {
  cdf: normalCdf,
  upper: normalUpperTail,
  density: (x) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI),
  slope: (x) => -x * probit.density(x),
  quantile: normalQuantile,
};

/**
 * Fits the cumulative-link model P(Y <= j | x) = F(theta_j - x'beta) by maximum likelihood, with
 * F the logistic (default) or normal CDF: thresholds theta_j between adjacent observed categories,
 * coefficients beta on the latent scale, no intercept (the thresholds play its part), exactly R's
 * ordinal::clm parametrisation.
 *
 * Algorithm: Newton-Raphson with the analytic gradient and Hessian of the log-likelihood
 * sum w_i log(F(theta_{y_i} - eta_i) - F(theta_{y_i - 1} - eta_i)), each probability taken from
 * whichever tail avoids cancellation; step halving keeps the likelihood increasing and the
 * thresholds ordered; start from the empirical cumulative logits (probits) and beta = 0; stop
 * after a full step whose Newton decrement g'H^-1 g was below 1e-12 max(1, |logLik|) (invariant to
 * the units of the predictors; the remaining error is of order its square). Standard errors from
 * the inverse observed information (Cholesky); Wald z and normal p-values and intervals;
 * likelihood-ratio test against the thresholds-only model; McFadden's and Nagelkerke's
 * pseudo-R-squared. AIC = -2 logLik + 2 (thresholds + predictors); BIC uses log(sum of weights)
 * as clm does (the row count when unweighted). Separation is declared when a standardized
 * coefficient |beta| sd(x) exceeds SEPARATION_LIMIT = 15, converged or not: only diverging
 * estimates reach such odds ratios (the rule every likelihood model shares, in
 * regression/maximum-likelihood.ts; the Newton driver is shared with logisticRegression).
 *
 * Accuracy: thresholds, coefficients and standard errors agree with ordinal::clm to 1e-8 relative
 * and the log-likelihood, AIC and BIC to 1e-10 on every reference survey, with the probit link and
 * with non-integer weights (test/golden/ordinal/generate.R).
 *
 * References: McCullagh, P. (1980). Regression models for ordinal data. JRSS B 42(2), 109-142;
 * Agresti, A. (2010). Analysis of Ordinal Categorical Data, ch. 3; Christensen, R. H. B. (2019),
 * ordinal: Regression Models for Ordinal Data.
 *
 * @example
 * ```ts
 * const delivery = [[1], [2], [2], [3], [3], [4], [4], [5], [5], [5]];
 * const fit = ordinalLogit(delivery, [1, 2, 1, 3, 2, 2, 3, 3, 2, 3], { names: ['delivery'] });
 * fit.thresholds;      // [{ name: '1|2', estimate: 2.5040, stdError: 1.9123 }, { name: '2|3', estimate: 5.6270, stdError: 2.7533 }]
 * fit.coefficients[0]; // { name: 'delivery', estimate: 1.3987, stdError: 0.6842, zValue: 2.0444, pValue: 0.04092, ... }
 * fit.logLik;          // -7.449958 (R: clm(y ~ delivery) gives the same)
 * ```
 * @throws InsufficientDataError when there are no complete rows, fewer than two categories occur,
 *   or rows are too few for the parameters.
 * @throws ConvergenceError 'separation' when a predictor separates the categories (coefficients
 *   diverge), 'singular_information' for a constant or collinear predictor, 'no_convergence'.
 * @throws InvalidArgumentError for malformed input or a y value outside `levels`.
 */
export function ordinalLogit(X: readonly (readonly (number | null)[])[], y: ArrayLike<number | null>, options: OrdinalOptions = {}): OrdinalResult {
  const linkName = options.link ?? 'logit';
  if (linkName !== 'logit' && linkName !== 'probit') throw new InvalidArgumentError(`link must be 'logit' or 'probit', got ${JSON.stringify(linkName)}.`);
  const link = linkName === 'logit' ? logit : probit;
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  const data = modelData('ordinalLogit', X, y, options);
  const { n, p, w } = data;
  const x = rowMajor(data);
  const { observed, emptyCategories } = outcomeCategories(data, options.levels);
  const K = observed.length;
  const m = K - 1 + p;
  if (n <= m) throw new InsufficientDataError(`ordinalLogit requires more than ${m} complete rows for ${K - 1} thresholds and ${p} predictors, got ${n}.`);
  const category = Int32Array.from(data.y, (v) => observed.indexOf(v));
  const counts = observed.map((_, k) => category.reduce((s, c, i) => s + (c === k ? (w[i] as number) : 0), 0));
  const totalW = counts.reduce((a, b) => a + b, 0);

  // Start: empirical cumulative quantiles for the thresholds, beta = 0.
  const theta = new Float64Array(m);
  let cumulative = 0;
  for (let k = 0; k < K - 1; k++) {
    cumulative += counts[k] as number;
    theta[k] = link.quantile(cumulative / totalW);
  }
  const evaluate = cumulativeLinkLikelihood(x, p, K, w, category, link);
  const ordered = (params: Float64Array): boolean => {
    for (let k = 1; k < K - 1; k++) if (!((params[k] as number) > (params[k - 1] as number))) return false;
    return true;
  };

  const fit = maximizeLikelihood('ordinalLogit', { size: m, evaluate, admissible: ordered }, theta, options.maxIterations ?? 100);
  const culprits = separatingPredictors(data.names, standardizedEffects(x, p, theta, K - 1, w), false);
  if (culprits.length > 0) {
    throw new ConvergenceError(
      'separation',
      `ordinalLogit: ${quoted(culprits)} (almost) perfectly separate${culprits.length === 1 ? 's' : ''} the outcome categories, so ${culprits.length === 1 ? 'its coefficient diverges' : 'their coefficients diverge'}; merge sparse categories, drop or recode the predictor, or use a penalised model.`,
    );
  }
  const { covariance, convergence } = covarianceAtSolution(
    'ordinalLogit',
    fit,
    m,
    'ordinalLogit: the information matrix is singular: a predictor is constant, collinear with others, or a category is empty given the predictors.',
  );
  const se = (j: number): number => Math.sqrt(covariance[j * m + j] as number);
  const names = observed.map(String);
  const thresholds: Threshold[] = Array.from({ length: K - 1 }, (_, k) => ({ name: `${names[k]}|${names[k + 1]}`, estimate: theta[k] as number, stdError: se(k) }));
  const coefficients = waldTable(data.names, theta, covariance, m, K - 1, level);
  const logLik = fit.point.ll;
  const nullLogLik = counts.reduce((s, c) => s + (c > 0 ? c * Math.log(c / totalW) : 0), 0);
  const warnings: Warning[] = [];
  if (emptyCategories.length > 0) {
    warnings.push({ code: 'empty_categories', message: `No respondent chose ${emptyCategories.join(', ')}; thresholds are estimated between the observed categories only (${observed.join(', ')}).` });
  }
  if (data.rowsDropped.missing > 0)
    warnings.push({ code: 'rows_dropped_missing', message: `${data.rowsDropped.missing} row${data.rowsDropped.missing === 1 ? '' : 's'} with a missing value left out (listwise deletion).` });
  return {
    method: linkName === 'logit' ? 'ordinal-logit' : 'ordinal-probit',
    link: linkName,
    n,
    rowsDropped: data.rowsDropped,
    categories: observed.map((value, k) => ({ value, count: counts[k] as number })),
    emptyCategories,
    thresholds,
    coefficients,
    logLik,
    nullLogLik,
    // clm counts the observations (for BIC) as the sum of the weights.
    ...likelihoodSummary({ logLik, parameters: m, observations: totalW, statistic: 2 * (logLik - nullLogLik), df: p, mcFaddenRSquared: 1 - logLik / nullLogLik }),
    nagelkerkeRSquared: (1 - Math.exp((2 * (nullLogLik - logLik)) / totalW)) / (1 - Math.exp((2 * nullLogLik) / totalW)),
    convergence,
    warnings,
  };
}

/**
 * The outcome categories observed (sorted) and the declared `levels` nobody chose.
 *
 * @throws InvalidArgumentError for a y value outside `levels`.
 * @throws InsufficientDataError with no complete row or fewer than two categories observed.
 */
function outcomeCategories(data: ModelData, declared: readonly number[] | undefined): { observed: number[]; emptyCategories: number[] } {
  const observed = [...new Set(data.y)].sort((a, b) => a - b);
  const levels = declared !== undefined ? [...declared].sort((a, b) => a - b) : observed;
  const stray = observed.find((v) => !levels.includes(v));
  if (stray !== undefined) throw new InvalidArgumentError(`y contains ${stray}, which is not one of the levels ${levels.join(', ')}.`);
  const emptyCategories = levels.filter((v) => !observed.includes(v));
  if (data.n === 0) throw new InsufficientDataError(`ordinalLogit: no complete rows to fit (${data.rowsDropped.missing} dropped for missing values, ${data.rowsDropped.zeroWeight} for zero weight).`);
  if (observed.length < 2) {
    throw new InsufficientDataError(
      `ordinalLogit needs at least two different outcome categories; every complete row has y = ${observed[0]}, so there are no thresholds to estimate and nothing for the predictors to explain.`,
    );
  }
  return { observed, emptyCategories };
}

/**
 * The cumulative-link log-likelihood sum w_i log(F(theta_k - eta_i) - F(theta_{k-1} - eta_i))
 * over parameters [thresholds (K - 1), slopes (p)], with its gradient and observed information
 * (minus the analytic Hessian), for the likelihood driver; null where a category's probability
 * is not positive (the driver then halves its step).
 */
function cumulativeLinkLikelihood(x: Float64Array, p: number, K: number, w: Float64Array, category: Int32Array, link: Link): (params: Float64Array) => LikelihoodPoint | null {
  const n = category.length;
  const m = K - 1 + p;
  return (params: Float64Array): LikelihoodPoint | null => {
    const g = new Float64Array(m);
    const h = new Float64Array(m * m);
    let ll = 0;
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j < p; j++) eta += (x[i * p + j] as number) * (params[K - 1 + j] as number);
      const k = category[i] as number;
      const hasUpper = k < K - 1;
      const hasLower = k > 0;
      const a = hasUpper ? (params[k] as number) - eta : Infinity;
      const b = hasLower ? (params[k - 1] as number) - eta : -Infinity;
      const prob = !hasLower ? link.cdf(a) : !hasUpper ? link.upper(b) : b > 0 ? link.upper(b) - link.upper(a) : link.cdf(a) - link.cdf(b);
      if (!(prob > 0)) return null;
      const wi = w[i] as number;
      ll += wi * Math.log(prob);
      const fa = hasUpper ? link.density(a) : 0;
      const fb = hasLower ? link.density(b) : 0;
      const sa = hasUpper ? link.slope(a) : 0;
      const sb = hasLower ? link.slope(b) : 0;
      const diff = (fa - fb) / prob;
      // Gradient.
      if (hasUpper) g[k] = (g[k] as number) + (wi * fa) / prob;
      if (hasLower) g[k - 1] = (g[k - 1] as number) - (wi * fb) / prob;
      for (let j = 0; j < p; j++) g[K - 1 + j] = (g[K - 1 + j] as number) - wi * (x[i * p + j] as number) * diff;
      // Hessian (lower and upper thresholds, their cross term, threshold-beta and beta-beta blocks).
      const add = (r: number, c: number, v: number): void => {
        h[r * m + c] = (h[r * m + c] as number) + v;
      };
      if (hasUpper) add(k, k, wi * (sa / prob - (fa / prob) ** 2));
      if (hasLower) add(k - 1, k - 1, wi * (-sb / prob - (fb / prob) ** 2));
      if (hasUpper && hasLower) {
        const cross = (wi * fa * fb) / (prob * prob);
        add(k, k - 1, cross);
        add(k - 1, k, cross);
      }
      const upperBeta = hasUpper ? sa / prob - (fa * diff) / prob : 0;
      const lowerBeta = hasLower ? -sb / prob + (fb * diff) / prob : 0;
      const betaBeta = (sa - sb) / prob - diff * diff;
      for (let j = 0; j < p; j++) {
        const xj = x[i * p + j] as number;
        if (hasUpper) {
          add(k, K - 1 + j, -wi * xj * upperBeta);
          add(K - 1 + j, k, -wi * xj * upperBeta);
        }
        if (hasLower) {
          add(k - 1, K - 1 + j, -wi * xj * lowerBeta);
          add(K - 1 + j, k - 1, -wi * xj * lowerBeta);
        }
        for (let l = 0; l < p; l++) add(K - 1 + j, K - 1 + l, wi * xj * (x[i * p + l] as number) * betaBeta);
      }
    }
    // The observed information is minus the Hessian.
    return { ll, gradient: g, information: h.map((v) => -v) };
  };
}
