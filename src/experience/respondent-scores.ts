/**
 * The per-respondent kernels of peakEnd, by column: each respondent's own peak and end, the
 * comparison models' predictions and the cross-validated regression, in single passes over the
 * survey's columns without building rows (a million respondents are a million arrays otherwise).
 * Internal; each gives exactly what the row-by-row definitions in peak-end.ts give.
 */
import { crossProductsOfColumns, mergeCrossProducts, type CrossProducts } from '../linalg/cross-product.js';
import { createRng } from '../random/rng.js';
import { columnModelData, rowsOfColumns } from '../regression/ols-columns.js';
import { CROSS_PRODUCT_MIN_ROWS, ols, olsOfModelData } from '../regression/ols.js';
import { TIE_TOLERANCE } from './aggregate-peak-end.js';

/**
 * The index of the largest score among values[0..m) (the earliest within the tie tolerance, as
 * `argmaxEarliest`) and whether a tied value differs from it.
 */
export function ownPeak(values: Float64Array, m: number, score: (v: number) => number): { index: number; ambiguous: boolean } {
  let index = -1;
  let best = -Infinity;
  for (let t = 0; t < m; t++) {
    const s = score(values[t] as number);
    if (index === -1 || s > best + TIE_TOLERANCE * Math.max(1, Math.abs(best))) {
      best = s;
      index = t;
    }
  }
  const tolerance = TIE_TOLERANCE * Math.max(1, Math.abs(best));
  const chosen = values[index] as number;
  let ambiguous = false;
  for (let t = 0; t < m; t++) {
    if (t !== index && Math.abs(score(values[t] as number) - best) <= tolerance && values[t] !== chosen) {
      ambiguous = true;
      break;
    }
  }
  return { index, ambiguous };
}

/**
 * Each respondent's prediction w * peak + (1 - w) * end in journey order (no positions): the peak
 * term averages the peaks the rule's scores choose among the answered touchpoints, the end is
 * `columns[endIndex]`; NaN where nothing was answered or the end was not. Writes `predictions`
 * (length n) and returns how many respondents had a tie between different values.
 */
export function ownPeakEndPredictions(columns: readonly Float64Array[], n: number, scores: readonly ((v: number) => number)[], weight: number, endIndex: number, predictions: Float64Array): number {
  const k = columns.length;
  const row = new Float64Array(k);
  const end = columns[endIndex] as Float64Array;
  let ambiguousPeaks = 0;
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < k; j++) {
      const v = (columns[j] as Float64Array)[i] as number;
      if (v === v) row[m++] = v;
    }
    const endValue = end[i] as number;
    if (m === 0 || endValue !== endValue) {
      predictions[i] = Number.NaN;
      continue;
    }
    let peakSum = 0;
    let ambiguous = false;
    for (const score of scores) {
      const peak = ownPeak(row, m, score);
      if (peak.ambiguous) ambiguous = true;
      peakSum += row[peak.index] as number;
    }
    if (ambiguous) ambiguousPeaks++;
    predictions[i] = weight * (peakSum / scores.length) + (1 - weight) * endValue;
  }
  return ambiguousPeaks;
}

/** The simple models' predictions on complete rows (every touchpoint answered). */
export interface SimpleModelPredictions {
  readonly mean: Float64Array;
  readonly end: Float64Array;
  readonly peak: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  readonly first: Float64Array;
}

/**
 * For survey rows `rows` (all touchpoints answered): the mean of the touchpoints, the last, the
 * peak term of the rule (over all touchpoints), the lowest, the highest and the first, in one pass.
 */
export function simpleModelPredictions(columns: readonly Float64Array[], rows: Uint32Array, scores: readonly ((v: number) => number)[]): SimpleModelPredictions {
  const k = columns.length;
  const n = rows.length;
  const out = { mean: new Float64Array(n), end: new Float64Array(n), peak: new Float64Array(n), min: new Float64Array(n), max: new Float64Array(n), first: new Float64Array(n) };
  const x = new Float64Array(k);
  for (let r = 0; r < n; r++) {
    const i = rows[r] as number;
    let sum = 0;
    let low = Infinity;
    let high = -Infinity;
    for (let j = 0; j < k; j++) {
      const v = (columns[j] as Float64Array)[i] as number;
      x[j] = v;
      sum += v;
      if (v < low) low = v;
      if (v > high) high = v;
    }
    let peakSum = 0;
    for (const score of scores) peakSum += x[ownPeak(x, k, score).index] as number;
    out.mean[r] = sum / k;
    out.end[r] = x[k - 1] as number;
    out.peak[r] = peakSum / scores.length;
    out.min[r] = low;
    out.max[r] = high;
    out.first[r] = x[0] as number;
  }
  return out;
}

/**
 * Out-of-fold OLS predictions of `y[rows[r]]` from the touchpoints at `rows[r]`, with the seeded
 * random assignment of rows to folds. When every training set has at least 10,000 rows (where
 * `ols` takes the normal equations), each fold's cross-products are formed once, in one pass over
 * the columns altogether, and each training set's are the merge of the other folds' (Chan, Golub &
 * LeVeque), so the cost is one pass instead of `folds - 1`; the fit is `ols`'s own from those
 * cross-products (rows are built only if it needs them). Smaller data run `ols` on each training
 * set's rows, as before.
 */
export function crossValidatedPredictions(columns: readonly Float64Array[], y: Float64Array, rows: Uint32Array, folds: number, seed: number): Float64Array {
  const n = rows.length;
  const k = columns.length;
  const rng = createRng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const fold = new Int32Array(n);
  order.forEach((row, position) => (fold[row] = position % folds));
  const sizes = new Int32Array(folds);
  for (let r = 0; r < n; r++) sizes[fold[r] as number] = (sizes[fold[r] as number] as number) + 1;
  const names = Array.from({ length: k }, (_, j) => `x${j + 1}`);
  const out = new Float64Array(n);
  const predict = (f: number, coefficients: readonly number[]): void => {
    for (let r = 0; r < n; r++) {
      if (fold[r] !== f) continue;
      const i = rows[r] as number;
      let s = coefficients[0] as number;
      for (let j = 0; j < k; j++) s += ((columns[j] as Float64Array)[i] as number) * (coefficients[j + 1] as number);
      out[r] = s;
    }
  };
  const estimates = (fit: ReturnType<typeof ols>): number[] => fit.coefficients.map((c) => ('estimate' in c && typeof c.estimate === 'number' ? c.estimate : 0));
  const byMerging = sizes.every((size) => n - size >= CROSS_PRODUCT_MIN_ROWS);
  let products: (CrossProducts | null)[] = [];
  if (byMerging) {
    products = Array.from({ length: folds }, (_, f) => {
      const index = new Uint32Array(sizes[f] as number);
      for (let r = 0, at = 0; r < n; r++) if (fold[r] === f) index[at++] = rows[r] as number;
      return crossProductsOfColumns(columns, y, null, index, index.length, true);
    });
  }
  for (let f = 0; f < folds; f++) {
    const trainSize = n - (sizes[f] as number);
    const train = new Uint32Array(trainSize);
    for (let r = 0, at = 0; r < n; r++) if (fold[r] !== f) train[at++] = rows[r] as number;
    const own = byMerging && products.every((p) => p !== null) ? mergeCrossProducts(products.filter((_, g) => g !== f) as CrossProducts[]) : null;
    const fit =
      own === null
        ? ols(rowsOfColumns(columns, train, trainSize), Array.from(train, (i) => y[i] as number))
        : olsOfModelData(columnModelData(columns, y, null, train, trainSize, names), own, true, {});
    predict(f, estimates(fit));
  }
  return out;
}
