/**
 * The Gestalt battery for a binary outcome: the four nested models by logistic regression,
 * likelihood-ratio tests, McFadden's R-squared, cross-validated log-loss and the Shapley value of
 * McFadden's R-squared over the features. Internal: `gestalt()` calls it and returns its result.
 */
import { chiSquareUpperTail } from '../distributions/index.js';
import { pseudoRSquaredShapley } from '../importance/pseudo-r-squared-shapley.js';
import { type LogisticResult, logisticRegression } from '../regression/logistic.js';
import type { WaldCoefficient } from '../regression/maximum-likelihood.js';
import { rowsOfColumns } from '../regression/ols-columns.js';
import type { Warning } from '../survey/survey.js';
import { crossValidatedOrSkipped, type FoldFit, outOfFoldMeanLoss } from './cross-validation.js';
import type { GestaltModelName, LikelihoodRatioTest } from './gestalt.js';
import type { GestaltFeature } from './gestalt-features.js';

/** One logistic fit of the battery (R's `glm(family = binomial)`). */
export interface GestaltLogisticModel {
  readonly name: GestaltModelName;
  readonly terms: readonly GestaltFeature[];
  readonly n: number;
  /** Intercept first: estimates, standard errors, Wald z and p as `summary(glm)`. */
  readonly coefficients: readonly WaldCoefficient[];
  /** R's logLik, AIC and BIC of the glm (non-integer weights: each row counted round(weight) times, as glm). */
  readonly logLik: number;
  readonly aic: number;
  readonly bic: number;
  /** Residual deviance (weights as given). */
  readonly deviance: number;
  /** 1 - deviance / null deviance. */
  readonly mcFaddenRSquared: number;
  /** Mean out-of-fold log-loss (weighted with weights: sum w loss / sum w); null when a fold could not be fitted. */
  readonly crossValidatedLogLoss: number | null;
}

/** The battery with a binary outcome (`gestalt(survey).logistic`). */
export interface GestaltLogistic {
  readonly method: 'logistic';
  /** Respondents in the positive class. */
  readonly events: number;
  readonly models: readonly GestaltLogisticModel[];
  /** Deviance differences of the nested pairs, as R's `anova(m1, m2, test = "LRT")`. */
  readonly likelihoodRatioTests: readonly LikelihoodRatioTest[];
  /** Likelihood-ratio test of mean + peak + end against the intercept-only model (does anything predict the outcome?). */
  readonly overallTest: { readonly statistic: number; readonly df: number; readonly pValue: number };
}

/** The inputs `gestalt()` has gathered: the sample's features by column, the 0/1 outcome, weights and folds. */
export interface LogisticBatteryInput {
  readonly terms: Readonly<Record<GestaltModelName, readonly GestaltFeature[]>>;
  readonly models: readonly GestaltModelName[];
  readonly column: (feature: GestaltFeature) => Float64Array;
  readonly y: Float64Array;
  readonly w: Float64Array | null;
  readonly fold: Int32Array;
  readonly folds: number;
  readonly level: number;
}

/**
 * Fits the four models by logistic regression and tests the nested pairs by likelihood ratio.
 * Throws what `logisticRegression` throws (separation, a singular information matrix); the caller
 * turns that into a warning.
 */
export function logisticBattery(input: LogisticBatteryInput, warnings: Warning[]): GestaltLogistic {
  const { terms, column, y, w, fold, folds, level } = input;
  const n = y.length;
  const weights = w === null ? undefined : w;
  const fits = new Map<GestaltModelName, LogisticResult>();
  const models = input.models.map((name): GestaltLogisticModel => {
    const X = rowsOfColumns(terms[name].map(column), null, n);
    const fit = logisticRegression(X, y, { names: terms[name], level, positive: 1, ...(weights !== undefined && { weights }) });
    fits.set(name, fit);
    for (const warning of fit.warnings) warnings.push({ code: warning.code, message: `Model ${name}: ${warning.message}` });
    const crossValidatedLogLoss = crossValidatedOrSkipped(name, warnings, () => crossValidatedLogLossOf(X, y, w, fold, folds, level));
    return {
      name,
      terms: terms[name],
      n: fit.n,
      coefficients: fit.coefficients,
      logLik: fit.logLik,
      aic: fit.aic,
      bic: fit.bic,
      deviance: fit.deviance,
      mcFaddenRSquared: fit.mcFaddenRSquared,
      crossValidatedLogLoss,
    };
  });
  const lr = (from: GestaltModelName, to: GestaltModelName): LikelihoodRatioTest => {
    const small = fits.get(from) as LogisticResult;
    const large = fits.get(to) as LogisticResult;
    // The deviance difference (weights as given), as anova.glm; never below 0 by rounding.
    const statistic = Math.max(0, small.deviance - large.deviance);
    const df = large.coefficients.length - small.coefficients.length;
    return { from, to, statistic, df, pValue: chiSquareUpperTail(statistic, df) };
  };
  const meanPeakEnd = fits.get('mean+peak-end') as LogisticResult;
  let events = 0;
  for (let i = 0; i < n; i++) events += y[i] as number;
  return {
    method: 'logistic',
    events,
    models,
    likelihoodRatioTests: [lr('mean', 'mean+peak-end'), lr('peak-end', 'mean+peak-end'), lr('mean+peak-end', 'gestalt')],
    overallTest: meanPeakEnd.likelihoodRatio,
  };
}

/**
 * Shapley value of McFadden's R-squared over the gestalt model's features (all 2^7 - 1 subset
 * fits), as `pseudoRSquaredShapley`.
 */
export function logisticImportance(
  features: readonly GestaltFeature[],
  column: (feature: GestaltFeature) => Float64Array,
  y: Float64Array,
  w: Float64Array | null,
): Partial<Record<GestaltFeature, number>> {
  const X = rowsOfColumns(features.map(column), null, y.length);
  const result = pseudoRSquaredShapley(X, y, { names: features, positive: 1, maxExactPlayers: features.length, ...(w !== null && { weights: w }) });
  return Object.fromEntries(features.map((f) => [f, result.importance[f] as number]));
}

/** Out-of-fold log-loss: -[y log p + (1 - y) log(1 - p)] of each respondent under the model fitted without their fold. */
function crossValidatedLogLossOf(X: readonly number[][], y: Float64Array, w: Float64Array | null, fold: Int32Array, folds: number, level: number): number {
  const fit: FoldFit = (trainX, trainY, trainW) => logisticRegression(trainX, trainY, { level, positive: 1, ...(trainW !== null && { weights: trainW }) }).coefficients.map((c) => c.estimate);
  // -log P(observed) = softplus(-eta) for y = 1, softplus(eta) for y = 0, without cancellation.
  const logLoss = (wi: number, eta: number, observed: number): number => wi * softplus(observed === 1 ? -eta : eta);
  return outOfFoldMeanLoss(X, y, w, fold, folds, fit, logLoss);
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
