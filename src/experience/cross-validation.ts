/**
 * Out-of-fold loss: each row predicted by the model fitted without its fold. The one loop behind
 * the Gestalt battery's cross-validated RMSE (least squares) and log-loss (logistic). Internal.
 */
import { InvalidArgumentError, PeakEndError } from '../errors.js';
import type { Warning } from '../survey/survey.js';

/** Fits a training set; returns its coefficients, intercept first (0 for an aliased term). */
export type FoldFit = (trainX: number[][], trainY: number[], trainW: number[] | null) => readonly number[];

/**
 * sum loss_i / sum w_i over every row, where loss_i = `weightedLoss(w_i, eta_i, y_i)` and eta_i =
 * b0 + x_i'b comes from the coefficients `fitTrainingSet` returns for the rows outside row i's fold (w_i = 1
 * and `trainW` null without weights).
 */
export function outOfFoldMeanLoss(
  X: readonly number[][],
  y: Float64Array,
  w: Float64Array | null,
  fold: Int32Array,
  folds: number,
  fitTrainingSet: FoldFit,
  weightedLoss: (weight: number, eta: number, observed: number) => number,
): number {
  const n = y.length;
  let loss = 0;
  let sumW = 0;
  for (let f = 0; f < folds; f++) {
    const trainX: number[][] = [];
    const trainY: number[] = [];
    const trainW: number[] | null = w === null ? null : [];
    for (let i = 0; i < n; i++) {
      if (fold[i] === f) continue;
      trainX.push(X[i] as number[]);
      trainY.push(y[i] as number);
      if (trainW !== null) trainW.push((w as Float64Array)[i] as number);
    }
    const b = fitTrainingSet(trainX, trainY, trainW);
    for (let i = 0; i < n; i++) {
      if (fold[i] !== f) continue;
      const x = X[i] as number[];
      const eta = x.reduce((s, v, j) => s + v * (b[j + 1] as number), b[0] as number);
      const wi = w === null ? 1 : (w[i] as number);
      loss += weightedLoss(wi, eta, y[i] as number);
      sumW += wi;
    }
  }
  return loss / sumW;
}

/**
 * A model's cross-validated score, or null with a `gestalt_cv_skipped` warning naming the model
 * when a fold cannot be fitted (invalid arguments and other errors still throw).
 */
export function crossValidatedOrSkipped(model: string, warnings: Warning[], score: () => number): number | null {
  try {
    return score();
  } catch (error) {
    if (!(error instanceof PeakEndError) || error instanceof InvalidArgumentError) throw error;
    warnings.push({ code: 'gestalt_cv_skipped', message: `Model ${model}: a cross-validation fold could not be fitted (${error.message})` });
    return null;
  }
}
