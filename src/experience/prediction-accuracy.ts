/**
 * predictionAccuracy: how well predictions match observed ratings; binaryPredictionAccuracy: how
 * well predicted probabilities match a binary outcome.
 */
import { InsufficientDataError, InvalidArgumentError } from '../errors.js';
import { pairedMoments } from '../stats/moments.js';

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
  // Over the complete pairs in order, read in place (no copies), with r, by the shared kernel.
  const { n, absoluteError, squaredError, error, correlation } = pairedMoments(predicted, observed);
  if (n === 0) throw new InsufficientDataError('predictionAccuracy: no respondent has both a prediction and an observed rating.');
  return {
    n,
    meanAbsoluteError: absoluteError / n,
    rootMeanSquaredError: Math.sqrt(squaredError / n),
    meanBias: error / n,
    correlation,
  };
}

/** Accuracy of predicted probabilities of a binary outcome. `auc` is null when only one class occurs. */
export interface BinaryPredictionAccuracy {
  readonly n: number;
  /** Respondents with the positive outcome (1). */
  readonly events: number;
  /** Mean negative log-likelihood, -mean(y log p + (1 - y) log(1 - p)), natural log; lower is better. */
  readonly logLoss: number;
  /** Mean squared difference of probability and outcome, mean (p - y)^2; lower is better. */
  readonly brierScore: number;
  /** Area under the ROC curve of the scores: P(score of a positive > score of a negative), ties 1/2. */
  readonly auc: number | null;
}

/**
 * Log-loss, Brier score and AUC of predicted probabilities against a 0/1 outcome, over the pairs
 * where both are present (NaN = missing). The AUC ranks `scores` (default: the probabilities),
 * so a score on any scale (e.g. a peak-end prediction in rating points) can be judged on
 * discrimination alone; it is the Mann-Whitney statistic W / (n1 n0) with mid-ranks for ties.
 * Probabilities are clipped to [1e-15, 1 - 1e-15] in the log-loss so that one confident miss
 * gives a large but finite loss.
 *
 * Reference: Brier (1950); Hanley & McNeil (1982) for the AUC as a Mann-Whitney statistic.
 *
 * @example
 * ```ts
 * binaryPredictionAccuracy([0.9, 0.3, 0.6, 0.2], [1, 0, 0, 0]);
 * // { n: 4, events: 1, logLoss: 0.4389, brierScore: 0.125, auc: 1 }
 * ```
 * @throws InsufficientDataError when no pair is complete.
 * @throws InvalidArgumentError when the lengths differ, a probability is outside [0, 1] or an
 *   outcome is not 0 or 1.
 */
export function binaryPredictionAccuracy(probabilities: ArrayLike<number>, outcomes: ArrayLike<number>, scores: ArrayLike<number> = probabilities): BinaryPredictionAccuracy {
  if (probabilities.length !== outcomes.length || scores.length !== outcomes.length) {
    throw new InvalidArgumentError(
      `binaryPredictionAccuracy needs one probability and score per outcome, got ${probabilities.length} probabilities, ${scores.length} scores and ${outcomes.length} outcomes.`,
    );
  }
  const pairs: { p: number; y: number; s: number }[] = [];
  for (let i = 0; i < outcomes.length; i++) {
    const p = probabilities[i] as number;
    const y = outcomes[i] as number;
    const s = scores[i] as number;
    if (!Number.isFinite(p) || !Number.isFinite(y) || !Number.isFinite(s)) continue;
    if (p < 0 || p > 1) throw new InvalidArgumentError(`Probability ${p} (respondent ${i + 1}) is outside [0, 1].`);
    if (y !== 0 && y !== 1) throw new InvalidArgumentError(`Outcome ${y} (respondent ${i + 1}) is not 0 or 1.`);
    pairs.push({ p, y, s });
  }
  const n = pairs.length;
  if (n === 0) throw new InsufficientDataError('binaryPredictionAccuracy: no respondent has both a prediction and an observed outcome.');
  let logLoss = 0;
  let brier = 0;
  let events = 0;
  for (const { p, y } of pairs) {
    const q = Math.min(1 - 1e-15, Math.max(1e-15, p));
    logLoss -= y === 1 ? Math.log(q) : Math.log1p(-q);
    brier += (p - y) ** 2;
    events += y;
  }
  return { n, events, logLoss: logLoss / n, brierScore: brier / n, auc: areaUnderCurve(pairs) };
}

/** Mann-Whitney AUC with mid-ranks: (sum of positive ranks - n1 (n1 + 1) / 2) / (n1 n0). */
function areaUnderCurve(pairs: readonly { y: number; s: number }[]): number | null {
  const sorted = [...pairs].sort((a, b) => a.s - b.s);
  const n1 = sorted.reduce((c, x) => c + x.y, 0);
  const n0 = sorted.length - n1;
  if (n1 === 0 || n0 === 0) return null;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as { s: number }).s === (sorted[i] as { s: number }).s) j++;
    const midRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) if ((sorted[k] as { y: number }).y === 1) rankSum += midRank;
    i = j + 1;
  }
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}
