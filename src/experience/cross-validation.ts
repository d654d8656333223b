/**
 * Out-of-fold loss: each row predicted by the model fitted without its fold. The one loop behind
 * the Gestalt battery's cross-validated RMSE (least squares) and log-loss (logistic). Internal.
 */
import { InvalidArgumentError, PeakEndError } from '../errors.js';
import { type CrossProducts, crossProductsByGroup, mergeCrossProducts, selectCrossProducts } from '../linalg/cross-product.js';
import { columnModelData } from '../regression/ols-columns.js';
import { olsCoefficientsOfCrossProducts } from '../regression/ols-normal-equations.js';
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

/**
 * k-fold cross-validation of least squares from cross-products, for large samples: one pass forms
 * each fold's centred cross-products of every column and y ({@link foldCrossProducts}); a training
 * set's are the merge of the other folds' (Chan, Golub & LeVeque); a model on any subset of the
 * columns takes its entries ({@link selectCrossProducts}) and `ols`'s own normal-equations solve;
 * and a fold's held-out squared errors come from its own cross-products
 * ({@link heldOutSquaredError}), so no model needs another pass over the rows.
 */
export interface FoldCrossProducts {
  /** Fold f's cross-products (its rows in sample order); columns, then y. */
  readonly parts: readonly CrossProducts[];
  /** Sample row r's fold, and its data row (`rows[r]`, r itself when null). */
  readonly fold: Int32Array;
  /** Rows per fold. */
  readonly sizes: Int32Array;
  readonly rows: ArrayLike<number> | null;
  readonly columns: readonly ArrayLike<number>[];
  readonly y: ArrayLike<number>;
  readonly w: ArrayLike<number> | null;
}

/**
 * Each fold's centred cross-products of the columns and y, in one pass ({@link crossProductsByGroup}).
 * Sample row r is data row `rows[r]` (r itself when `rows` is null) of the columns, y and the
 * weights w (positive); `fold[r]` is its fold. null when a cell is not a finite number.
 */
export function foldCrossProducts(
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  w: ArrayLike<number> | null,
  rows: ArrayLike<number> | null,
  fold: Int32Array,
  folds: number,
): FoldCrossProducts | null {
  const parts = crossProductsByGroup(columns, y, w, rows, fold, folds);
  if (parts === null) return null;
  const sizes = new Int32Array(folds);
  for (let r = 0; r < fold.length; r++) sizes[fold[r] as number] = (sizes[fold[r] as number] as number) + 1;
  return { parts, fold, sizes, rows, columns, y, w };
}

/**
 * The intercept and slopes of least squares on columns `keep` fitted to every fold but `f`, as
 * `ols` solves them from the merged cross-products; null where `ols` would not use the normal
 * equations (an ill-conditioned or singular training design: the caller refits by QR). The
 * training rows are gathered only if the solve's refinement reads them.
 */
export function trainingCoefficients(folds: FoldCrossProducts, f: number, keep: readonly number[]): Float64Array | null {
  const { parts, fold, sizes, rows, columns, y, w } = folds;
  const merged = mergeCrossProducts(parts.filter((_, g) => g !== f));
  const size = fold.length - (sizes[f] as number);
  // The training rows (data rows of the other folds, in sample order), gathered only if read.
  const train = (): Uint32Array => {
    const out = new Uint32Array(size);
    for (let r = 0, at = 0; r < fold.length; r++) if (fold[r] !== f) out[at++] = rows === null ? r : (rows[r] as number);
    return out;
  };
  const names = keep.map((j) => `x${j + 1}`);
  const data = columnModelData(
    keep.map((j) => columns[j] as ArrayLike<number>),
    y,
    w,
    train,
    size,
    names,
  );
  return olsCoefficientsOfCrossProducts(data, selectCrossProducts(merged, keep));
}

/**
 * sum over fold f's rows of w (y - b0 - x'b)^2, x the columns `keep` and b (intercept first) a
 * model's coefficients, from the fold's cross-products alone: with v = (-b, 1) and S the fold's
 * centred co-moments of (x, y), the sum is v'Sv + W (mean y - b0 - (mean x)'b)^2 (W the fold's
 * weight). Exact algebra; rounding relative to the sum grows like 1 / (1 - R^2) of the fit on the
 * fold, harmless for surveys (R^2 well below 0.99).
 */
export function heldOutSquaredError(folds: FoldCrossProducts, f: number, keep: readonly number[], b: ArrayLike<number>): number {
  const part = folds.parts[f] as CrossProducts;
  const q = part.means.length;
  const m = keep.length;
  const at = (a: number): number => (a < m ? (keep[a] as number) : q - 1);
  const v = (a: number): number => (a < m ? -(b[a + 1] as number) : 1);
  let quadratic = 0;
  for (let a = 0; a <= m; a++) {
    let row = 0;
    for (let c = 0; c <= m; c++) row += (part.comoments[at(a) * q + at(c)] as number) * v(c);
    quadratic += v(a) * row;
  }
  let meanResidual = (part.means[q - 1] as number) - (b[0] as number);
  for (let a = 0; a < m; a++) meanResidual -= (b[a + 1] as number) * (part.means[keep[a] as number] as number);
  return Math.max(0, quadratic + part.weight * meanResidual * meanResidual);
}
