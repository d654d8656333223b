/**
 * logisticRegression: a binary outcome (e.g. satisfied / not satisfied, top-2-box) on
 * predictors, as R's glm(family = binomial).
 */
import { ConvergenceError, InsufficientDataError, InvalidArgumentError, type Warning } from '../errors.js';
import { cholesky, choleskySolve } from '../linalg/cholesky.js';
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

/** Options for {@link logisticRegression}. */
export interface LogisticOptions extends ModelInputOptions {
  /** The value of y that counts as the event (1). Default: 1 if y is 0/1, else the larger of the two values. */
  readonly positive?: number;
  /** Confidence level of the coefficient intervals. Default 0.95. */
  readonly level?: number;
  /** Iterations before giving up. Default 50. */
  readonly maxIterations?: number;
}

/** Result of {@link logisticRegression}. Field names follow R's glm summary. */
export interface LogisticResult {
  readonly method: 'logistic';
  readonly n: number;
  readonly rowsDropped: { readonly missing: number; readonly zeroWeight: number };
  /** The y value modelled as the event. */
  readonly positive: number;
  readonly coefficients: readonly WaldCoefficient[];
  readonly logLik: number;
  readonly nullLogLik: number;
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly aic: number;
  readonly bic: number;
  readonly likelihoodRatio: { readonly statistic: number; readonly df: number; readonly pValue: number };
  readonly mcFaddenRSquared: number;
  readonly convergence: Convergence;
  readonly warnings: readonly Warning[];
}

/**
 * Maximum-likelihood logistic regression of a binary outcome on predictors (intercept first), with
 * prior weights as glm's `weights`.
 *
 * Algorithm: Newton-Raphson, which for the canonical logit link is iteratively reweighted least
 * squares: gradient X'W(y - mu), information X'WX with W = w mu (1 - mu), solved by Cholesky, step
 * halving when the log-likelihood would fall, start at mu = (w y + 1/2) / (w + 1) as glm does;
 * stop after a full step whose Newton decrement g'H^-1 g was below 1e-12 max(1, |logLik|) (invariant to
 * the units of the predictors; the remaining error is of order its square). Standard errors from the inverse
 * information at the solution; Wald z tests and normal intervals. Deviance, null deviance, AIC and
 * BIC as glm: BIC counts the rows with non-zero weight, and with non-integer weights glm's logLik
 * (hence AIC and BIC) counts each row round(weight) times (`binomial()$aic`), which a warning
 * notes, while the deviances use the weights as given. Likelihood-ratio test (null deviance minus
 * deviance, on p degrees of freedom) and McFadden's pseudo-R-squared 1 - deviance / null deviance
 * against the intercept-only model. Separation is declared when every fitted probability of the
 * observed outcome exceeds 1 - 1e-9 or a standardized coefficient |beta| sd(x) exceeds
 * SEPARATION_LIMIT = 15 (an odds ratio above e^15 per standard deviation, which only diverging
 * estimates reach), the rule every likelihood model shares (regression/maximum-likelihood.ts).
 *
 * Accuracy: estimates, standard errors, z, p, log-likelihood, AIC, BIC and deviances agree with
 * R's glm to 1e-9 relative on four reference surveys and two weighted fits (integer and
 * non-integer weights; test/golden/logistic/generate.R).
 *
 * References: McCullagh & Nelder (1989), Generalized Linear Models, ch. 4; Agresti (2013),
 * Categorical Data Analysis, ch. 5 (separation: 6.5).
 *
 * @example
 * ```ts
 * const delivery = [[1], [2], [2], [3], [3], [4], [4], [5], [5], [5]];
 * const fit = logisticRegression(delivery, [0, 0, 1, 0, 1, 0, 1, 1, 0, 1], { names: ['delivery'] });
 * fit.coefficients[1]; // { name: 'delivery', estimate: 0.4594, stdError: 0.5065, zValue: 0.9071, pValue: 0.3644, ... }
 * fit.deviance;        // 12.96944; fit.aic: 16.96944 (as glm(top ~ delivery, binomial))
 * ```
 * @throws InsufficientDataError when there are no complete rows, y has one value only, or rows are
 *   too few for the parameters.
 * @throws ConvergenceError 'separation' when a predictor separates the outcome, 'singular_information'
 *   for a constant or collinear predictor, 'no_convergence'.
 * @throws InvalidArgumentError when y has more than two values or input is malformed.
 */
export function logisticRegression(X: readonly (readonly (number | null)[])[], y: ArrayLike<number | null>, options: LogisticOptions = {}): LogisticResult {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  const data = modelData('logisticRegression', X, y, options);
  const { n, p, w } = data;
  const x = rowMajor(data);
  const { positive, event } = binaryOutcome(data, options.positive);
  const m = p + 1;
  if (n <= m) throw new InsufficientDataError(`logisticRegression requires more than ${m} complete rows for ${p} predictors and an intercept, got ${n}.`);
  const row = (i: number, j: number): number => (j === 0 ? 1 : (x[i * p + j - 1] as number));

  const evaluate = logisticLikelihood(n, m, w, event, row);

  const fit = maximizeLikelihood('logisticRegression', { size: m, evaluate }, glmStart(n, m, w, event, row), options.maxIterations ?? 50);
  const beta = fit.params;
  const separatedAnyway = fit.point.minProbability > 1 - 1e-9 || (!fit.converged && fit.point.ll > -1e-6);
  const culprits = separatingPredictors(data.names, standardizedEffects(x, p, beta, 1, w), separatedAnyway);
  if (culprits.length > 0) {
    throw new ConvergenceError(
      'separation',
      `logisticRegression: ${quoted(culprits)} (almost) perfectly separate${culprits.length === 1 ? 's' : ''} the two outcomes, so the maximum-likelihood estimate does not exist (coefficients diverge); drop or recode the predictor, or use a penalised (Firth) model.`,
    );
  }
  const { covariance, convergence } = covarianceAtSolution('logisticRegression', fit, m, singularMessage());
  const coefficients = waldTable(['(Intercept)', ...data.names], beta, covariance, m, 0, level);
  const { logLik, nullLogLik, deviance, nullDeviance, sumW, sumWy } = logisticLikelihoods(n, m, w, event, row, beta, fit.point.ll);
  const warnings = logisticWarnings(data, sumW, sumWy);
  return {
    method: 'logistic',
    n,
    rowsDropped: data.rowsDropped,
    positive,
    coefficients,
    logLik,
    nullLogLik,
    deviance,
    nullDeviance,
    ...likelihoodSummary({ logLik, parameters: m, observations: n, statistic: nullDeviance - deviance, df: p, mcFaddenRSquared: 1 - deviance / nullDeviance }),
    convergence,
    warnings,
  };
}

interface LogisticPoint extends LikelihoodPoint {
  /** Smallest fitted probability of the observed outcome (near 1 for every row: separation). */
  readonly minProbability: number;
}

/** glm's start: mu = (w y + 1/2) / (w + 1), one weighted least-squares step on the working response. */
function glmStart(n: number, m: number, w: Float64Array, event: Float64Array, row: (i: number, j: number) => number): Float64Array {
  const info = new Float64Array(m * m);
  const rhs = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const wi = w[i] as number;
    const mu = (wi * (event[i] as number) + 0.5) / (wi + 1);
    const eta = Math.log(mu / (1 - mu));
    const weight = wi * mu * (1 - mu);
    const z = eta + ((event[i] as number) - mu) / (mu * (1 - mu));
    for (let j = 0; j < m; j++) {
      rhs[j] = (rhs[j] as number) + weight * row(i, j) * z;
      for (let k = 0; k < m; k++) info[j * m + k] = (info[j * m + k] as number) + weight * row(i, j) * row(i, k);
    }
  }
  const l = cholesky(info, m);
  if (l === null) throw new ConvergenceError('singular_information', singularMessage());
  return choleskySolve(l, m, rhs);
}

/** log(1 + e^x) without overflow or cancellation. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function singularMessage(): string {
  return 'logisticRegression: the information matrix is singular: a predictor is constant or a linear combination of others; remove it.';
}

/**
 * The binary outcome: its two values (the larger is the positive class unless `positive` says
 * otherwise) and the 0/1 event indicator of each complete row.
 *
 * @throws InvalidArgumentError for more than two values or a `positive` that is not one of them.
 * @throws InsufficientDataError with no complete row or only one outcome value.
 */
function binaryOutcome(data: ModelData, requested: number | undefined): { positive: number; event: Float64Array } {
  const values = [...new Set(data.y)].sort((a, b) => a - b);
  if (values.length > 2)
    throw new InvalidArgumentError(`logisticRegression needs a binary outcome; y has ${values.length} values (${values.slice(0, 5).join(', ')}...). Dichotomise it first, e.g. top-2-box.`);
  const positive = requested ?? (values.length === 2 ? (values[1] as number) : 1);
  if (data.n === 0)
    throw new InsufficientDataError(`logisticRegression: no complete rows to fit (${data.rowsDropped.missing} dropped for missing values, ${data.rowsDropped.zeroWeight} for zero weight).`);
  if (values.length < 2) {
    throw new InsufficientDataError(`logisticRegression needs both outcomes, but every complete row has y = ${values[0]}; there is nothing to model.`);
  }
  if (!values.includes(positive)) throw new InvalidArgumentError(`positive = ${positive} is not one of the outcome values ${values.join(', ')}.`);
  return { positive, event: Float64Array.from(data.y, (v) => (v === positive ? 1 : 0)) };
}

/** The weighted Bernoulli log-likelihood with its gradient and (expected = observed) information, for the likelihood driver. */
function logisticLikelihood(n: number, m: number, w: Float64Array, event: Float64Array, row: (i: number, j: number) => number): (beta: Float64Array) => LogisticPoint {
  return (beta: Float64Array): LogisticPoint => {
    const gradient = new Float64Array(m);
    const information = new Float64Array(m * m);
    let ll = 0;
    let minProbability = 1;
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j < m; j++) eta += row(i, j) * (beta[j] as number);
      // log mu and log (1 - mu) without cancellation.
      const logMu = -softplus(-eta);
      const logOneMinus = -softplus(eta);
      const mu = Math.exp(logMu);
      const yi = event[i] as number;
      const wi = w[i] as number;
      ll += wi * (yi * logMu + (1 - yi) * logOneMinus);
      minProbability = Math.min(minProbability, yi === 1 ? mu : 1 - mu);
      const variance = mu * Math.exp(logOneMinus);
      for (let j = 0; j < m; j++) {
        const xj = row(i, j);
        gradient[j] = (gradient[j] as number) + wi * (yi - mu) * xj;
        for (let k = j; k < m; k++) information[j * m + k] = (information[j * m + k] as number) + wi * variance * xj * row(i, k);
      }
    }
    for (let j = 0; j < m; j++) for (let k = 0; k < j; k++) information[j * m + k] = information[k * m + j] as number;
    return { ll, gradient, information, minProbability };
  };
}

/**
 * Deviance and null deviance with the weights as given; glm's logLik (binomial()$aic) counts
 * each row round(w) times, which differs only for non-integer weights.
 */
function logisticLikelihoods(
  n: number,
  m: number,
  w: Float64Array,
  event: Float64Array,
  row: (i: number, j: number) => number,
  beta: Float64Array,
  maximum: number,
): { logLik: number; nullLogLik: number; deviance: number; nullDeviance: number; sumW: number; sumWy: number } {
  let sumW = 0;
  let sumWy = 0;
  for (let i = 0; i < n; i++) {
    sumW += w[i] as number;
    sumWy += (w[i] as number) * (event[i] as number);
  }
  const p0 = sumWy / sumW;
  const deviance = -2 * maximum;
  const nullDeviance = -2 * (sumWy * Math.log(p0) + (sumW - sumWy) * Math.log(1 - p0));
  let logLik = 0;
  let nullLogLik = 0;
  for (let i = 0; i < n; i++) {
    const count = Math.round(w[i] as number);
    if (count === 0) continue;
    let eta = beta[0] as number;
    for (let j = 1; j < m; j++) eta += row(i, j) * (beta[j] as number);
    const yes = (event[i] as number) === 1;
    logLik += count * -softplus(yes ? -eta : eta);
    nullLogLik += count * Math.log(yes ? p0 : 1 - p0);
  }
  return { logLik, nullLogLik, deviance, nullDeviance, sumW, sumWy };
}

/** Rows left out, non-integer weights, fewer than 10 events per predictor. */
function logisticWarnings(data: ModelData, sumW: number, sumWy: number): Warning[] {
  const { w, p } = data;
  const warnings: Warning[] = [];
  if (data.rowsDropped.missing > 0)
    warnings.push({ code: 'rows_dropped_missing', message: `${data.rowsDropped.missing} row${data.rowsDropped.missing === 1 ? '' : 's'} with a missing value left out (listwise deletion).` });
  if (data.rowsDropped.zeroWeight > 0)
    warnings.push({ code: 'rows_dropped_zero_weight', message: `${data.rowsDropped.zeroWeight} row${data.rowsDropped.zeroWeight === 1 ? '' : 's'} with weight 0 left out.` });
  if (Array.from(w).some((v) => v !== Math.round(v))) {
    warnings.push({
      code: 'non_integer_weights',
      message:
        'The weights are not whole numbers: logLik, AIC and BIC follow glm and count each row round(weight) times; deviance, the likelihood-ratio test and McFadden R-squared use the weights as given.',
    });
  }
  if (Math.min(sumWy, sumW - sumWy) < 10 * p) {
    warnings.push({
      code: 'few_events',
      message: `Only ${Math.round(Math.min(sumWy, sumW - sumWy))} cases in the smaller outcome group for ${p} predictors (fewer than 10 per predictor): estimates may be biased.`,
    });
  }
  return warnings;
}
