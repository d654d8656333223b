/**
 * The per-respondent kernels of peakEnd, by column: each respondent's own peak and end, the
 * comparison models' predictions and the cross-validated regression, in single passes over the
 * survey's columns without building rows (a million respondents are a million arrays otherwise).
 * Internal; each gives exactly what the row-by-row definitions in peak-end.ts give.
 */
import { assignFolds } from '../random/rng.js';
import { CROSS_PRODUCT_MIN_ROWS, ols } from '../regression/ols.js';
import { rowsOfColumns } from '../regression/ols-columns.js';
import { type PeakRule, TIE_TOLERANCE } from './aggregate-peak-end.js';
import { foldCrossProducts, trainingCoefficients } from './cross-validation.js';

/**
 * What a peak rule maximises, as a number rather than a closure so that the kernels inline it:
 * 0 the rating (`'max'`), 1 minus the rating (`'min'`), 2 its distance from the neutral point
 * (`'most-intense'`); `'both'` takes the first two, one peak each.
 */
export type ScoreKind = 0 | 1 | 2;

/** The scores a peak rule maximises (one peak per score). */
export function scoreKinds(rule: PeakRule): ScoreKind[] {
  return rule === 'max' ? [0] : rule === 'min' ? [1] : rule === 'both' ? [0, 1] : [2];
}

function score(kind: ScoreKind, neutral: number, v: number): number {
  return kind === 0 ? v : kind === 1 ? -v : Math.abs(v - neutral);
}

/**
 * The index of the largest score among values[0..m) (the earliest within the tie tolerance, as
 * `argmaxEarliest`), as -(index + 1) when a tied value differs from the chosen one.
 */
export function ownPeak(values: Float64Array, m: number, kind: ScoreKind, neutral: number): number {
  if (m === 0) return -1;
  // The bar a later score must clear, recomputed only when the best changes (the same arithmetic).
  let index = 0;
  let best = score(kind, neutral, values[0] as number);
  let bar = best + TIE_TOLERANCE * Math.max(1, Math.abs(best));
  for (let t = 1; t < m; t++) {
    const s = score(kind, neutral, values[t] as number);
    if (s > bar) {
      best = s;
      index = t;
      bar = best + TIE_TOLERANCE * Math.max(1, Math.abs(best));
    }
  }
  const tolerance = TIE_TOLERANCE * Math.max(1, Math.abs(best));
  const chosen = values[index] as number;
  for (let t = 0; t < m; t++) {
    const v = values[t] as number;
    if (v !== chosen && Math.abs(score(kind, neutral, v) - best) <= tolerance) return -(index + 1);
  }
  return index;
}

/** Per respondent (survey row), from one pass over the touchpoints in journey order. */
export interface RespondentPass {
  /** w * peak + (1 - w) * end; NaN where nothing or not the end was answered. */
  readonly predictions: Float64Array;
  /** Respondents whose peak was tied between different values. */
  readonly ambiguousPeaks: number;
  /** Respondents with at least one not-applicable touchpoint. */
  readonly partialJourneys: number;
  /** Respondents whose end touchpoint was not applicable, so their end is the last one they experienced. */
  readonly earlierEnd: number;
  /** Touchpoints answered. */
  readonly answered: Int32Array;
  /** The peak term (the mean of the rule's peaks) over the answered touchpoints. */
  readonly peak: Float64Array;
  /** The mean, lowest and highest of the answered touchpoints. */
  readonly mean: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
}

/**
 * Each respondent's own peak and end in journey order, and the summaries the comparison models
 * need, in one pass by column: the peak term averages the peaks the rule's scores choose among
 * the answered touchpoints (the earliest on ties, as `argmaxEarliest`), the end is
 * `columns[endIndex]` (with `walkBackEnd`, a not-applicable end gives way to the last touchpoint
 * before it that applied), and where every touchpoint was answered `mean`, `min`, `max` and
 * `peak` are exactly the mean, worst, best and peak models' predictions. `notApplicable[j]` flags
 * touchpoint j's not-applicable cells (null: none).
 */
export function respondentPass(
  columns: readonly Float64Array[],
  n: number,
  rule: PeakRule,
  neutral: number,
  weight: number,
  endIndex: number,
  notApplicable: readonly (Uint8Array | null)[] = [],
  walkBackEnd = false,
): RespondentPass {
  const kinds = scoreKinds(rule);
  const end = columns[endIndex] as Float64Array;
  const predictions = new Float64Array(n);
  const answered = new Int32Array(n);
  const peak = new Float64Array(n);
  const mean = new Float64Array(n);
  const min = new Float64Array(n).fill(Infinity);
  const max = new Float64Array(n).fill(-Infinity);
  // Column by column (each a sequential read), the same operations in the same order per row as
  // a walk along the row: count, sum, lowest and highest of the answered touchpoints.
  for (const column of columns) {
    for (let i = 0; i < n; i++) {
      const v = column[i] as number;
      if (Number.isNaN(v)) continue;
      answered[i] = (answered[i] as number) + 1;
      mean[i] = (mean[i] as number) + v;
      if (v < (min[i] as number)) min[i] = v;
      if (v > (max[i] as number)) max[i] = v;
    }
  }
  const peaks = kinds.map((kind) => columnPeaks(columns, n, kind, neutral));
  let ambiguousPeaks = 0;
  let partialJourneys = 0;
  let earlierEnd = 0;
  const flagged = notApplicable.some((flags) => flags !== null && flags !== undefined);
  const endFlags = notApplicable[endIndex] ?? null;
  for (let i = 0; i < n; i++) {
    if (flagged && notApplicable.some((flags) => flags?.[i] === 1)) partialJourneys++;
    const m = answered[i] as number;
    if (m === 0) {
      predictions[i] = peak[i] = mean[i] = min[i] = max[i] = Number.NaN;
      continue;
    }
    let peakSum = 0;
    let ambiguous = false;
    for (const p of peaks) {
      peakSum += p.chosen[i] as number;
      if (p.ambiguous[i] === 1) ambiguous = true;
    }
    const peakTerm = peakSum / kinds.length;
    let endValue = end[i] as number;
    if (walkBackEnd && endFlags !== null && endFlags[i] === 1) {
      let endJ = endIndex;
      while (endJ > 0 && notApplicable[endJ]?.[i] === 1) endJ--;
      earlierEnd++;
      endValue = (columns[endJ] as Float64Array)[i] as number;
    }
    // Respondents without an end answer have no prediction, and their ties are not counted.
    if (!Number.isNaN(endValue)) {
      predictions[i] = weight * peakTerm + (1 - weight) * endValue;
      if (ambiguous) ambiguousPeaks++;
    } else predictions[i] = Number.NaN;
    peak[i] = peakTerm;
    mean[i] = (mean[i] as number) / m;
  }
  return { predictions, ambiguousPeaks, partialJourneys, earlierEnd, answered, peak, mean, min, max };
}

/**
 * {@link ownPeak} for rows 0..n-1 of the columns at once, column by column: each row's chosen
 * value (NaN where nothing was answered) and 1 where a tied value differs from it. The first
 * pass keeps each row's best score and the bar a later score must clear (as `ownPeak` walks the
 * row, so the same choices); the second compares every answer with the final best.
 */
export function columnPeaks(columns: readonly ArrayLike<number>[], n: number, kind: ScoreKind, neutral: number): { chosen: Float64Array; ambiguous: Uint8Array } {
  const { chosen, best } = peakValues(columns, n, kind, neutral);
  const bar = new Float64Array(n);
  const ambiguous = new Uint8Array(n);
  for (let i = 0; i < n; i++) bar[i] = TIE_TOLERANCE * Math.max(1, Math.abs(best[i] as number));
  for (const column of columns) {
    for (let i = 0; i < n; i++) {
      const v = column[i] as number;
      if (!Number.isNaN(v) && v !== chosen[i] && Math.abs(score(kind, neutral, v) - (best[i] as number)) <= (bar[i] as number)) ambiguous[i] = 1;
    }
  }
  return { chosen, ambiguous };
}

/**
 * The first pass of {@link columnPeaks}: each row's chosen value (NaN where nothing was answered)
 * and its best score, without the ties (what a caller needing only the peaks, such as the
 * streaming accumulator, reads).
 */
export function peakValues(columns: readonly ArrayLike<number>[], n: number, kind: ScoreKind, neutral: number): { chosen: Float64Array; best: Float64Array } {
  const chosen = new Float64Array(n).fill(Number.NaN);
  const best = new Float64Array(n).fill(-Infinity);
  const bar = new Float64Array(n).fill(-Infinity);
  for (const column of columns) {
    for (let i = 0; i < n; i++) {
      const v = column[i] as number;
      if (Number.isNaN(v)) continue;
      const s = score(kind, neutral, v);
      // The first answer always clears -Infinity.
      if (s > (bar[i] as number)) {
        best[i] = s;
        bar[i] = s + TIE_TOLERANCE * Math.max(1, Math.abs(s));
        chosen[i] = v;
      }
    }
  }
  return { chosen, best };
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
  const fold = assignFolds(n, folds, seed);
  const sizes = new Int32Array(folds);
  for (let r = 0; r < n; r++) sizes[fold[r] as number] = (sizes[fold[r] as number] as number) + 1;
  const out = new Float64Array(n);
  // Each fold's intercept and slopes, then every row's out-of-fold prediction in one pass.
  const fitted = new Float64Array(folds * (k + 1));
  const byMerging = sizes.every((size) => n - size >= CROSS_PRODUCT_MIN_ROWS);
  const shared = byMerging ? foldCrossProducts(columns, y, null, rows, fold, folds) : null;
  const every = columns.map((_, j) => j);
  for (let f = 0; f < folds; f++) {
    const fast = shared === null ? null : trainingCoefficients(shared, f, every);
    if (fast !== null) {
      fitted.set(fast, f * (k + 1));
      continue;
    }
    const train = Uint32Array.from(rows).filter((_, r) => fold[r] !== f);
    const fit = ols(
      rowsOfColumns(columns, train, train.length),
      Array.from(train, (i) => y[i] as number),
    );
    // An aliased term predicts with coefficient 0, as R's predict.lm.
    fitted.set(
      fit.coefficients.map((c) => ('estimate' in c && typeof c.estimate === 'number' ? c.estimate : 0)),
      f * (k + 1),
    );
  }
  // Column by column (sequential reads), each row's terms added in the same order as along the row.
  for (let r = 0; r < n; r++) out[r] = fitted[(fold[r] as number) * (k + 1)] as number;
  for (let j = 0; j < k; j++) {
    const column = columns[j] as Float64Array;
    for (let r = 0; r < n; r++) out[r] = (out[r] as number) + (column[rows[r] as number] as number) * (fitted[(fold[r] as number) * (k + 1) + j + 1] as number);
  }
  return out;
}
