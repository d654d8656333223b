/**
 * predictionAccuracy: how well predictions match observed ratings.
 */
import { InsufficientDataError, InvalidArgumentError } from '../errors.js';

/** Accuracy of predictions against observations. `correlation` is null when either side is constant. */
export interface PredictionAccuracy {
  readonly n: number;
  /** mean |prediction - observed| */
  readonly meanAbsoluteError: number;
  /** sqrt(mean (prediction - observed)^2) */
  readonly rootMeanSquaredError: number;
  /** mean (prediction - observed): positive when predictions run high. */
  readonly meanBias: number;
  /** Pearson correlation of predictions and observations. */
  readonly correlation: number | null;
}

/**
 * MAE, RMSE, mean bias and Pearson correlation of `predicted` against `observed` over the pairs
 * where both are present (NaN = missing). Two-pass sums; exact for Likert data up to rounding.
 *
 * @example
 * ```ts
 * predictionAccuracy([4, 4.5, 3], [5, 4, 3]);
 * // { n: 3, meanAbsoluteError: 0.5, rootMeanSquaredError: 0.6455, meanBias: -0.1667, correlation: 0.6547 }
 * ```
 * @throws InsufficientDataError when no pair is complete.
 * @throws InvalidArgumentError when the lengths differ.
 */
export function predictionAccuracy(predicted: ArrayLike<number>, observed: ArrayLike<number>): PredictionAccuracy {
  if (predicted.length !== observed.length) {
    throw new InvalidArgumentError(`predictionAccuracy needs one prediction per observation, got ${predicted.length} and ${observed.length}.`);
  }
  // Over the complete pairs in order, read in place (two passes, no copies).
  const length = predicted.length;
  let n = 0;
  let abs = 0;
  let sq = 0;
  let bias = 0;
  let meanP = 0;
  let meanO = 0;
  for (let i = 0; i < length; i++) {
    const a = predicted[i] as number;
    const b = observed[i] as number;
    if (!(Number.isFinite(a) && Number.isFinite(b))) continue;
    const e = a - b;
    abs += Math.abs(e);
    sq += e * e;
    bias += e;
    meanP += a;
    meanO += b;
    n++;
  }
  if (n === 0) throw new InsufficientDataError('predictionAccuracy: no respondent has both a prediction and an observed rating.');
  meanP /= n;
  meanO /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < length; i++) {
    const a = predicted[i] as number;
    const b = observed[i] as number;
    if (!(Number.isFinite(a) && Number.isFinite(b))) continue;
    const dp = a - meanP;
    const dq = b - meanO;
    sxy += dp * dq;
    sxx += dp * dp;
    syy += dq * dq;
  }
  const scale = Math.max(Math.abs(meanP), Math.abs(meanO), 1);
  const constant = sxx <= 1e-24 * n * scale * scale || syy <= 1e-24 * n * scale * scale;
  return {
    n,
    meanAbsoluteError: abs / n,
    rootMeanSquaredError: Math.sqrt(sq / n),
    meanBias: bias / n,
    correlation: constant ? null : sxy / Math.sqrt(sxx * syy),
  };
}
