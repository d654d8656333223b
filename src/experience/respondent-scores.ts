/**
 * The per-respondent kernels of peakEnd, by column: each respondent's own peak and end, the
 * comparison models' predictions and the cross-validated regression, in single passes over the
 * survey's columns without building rows (a million respondents are a million arrays otherwise).
 * Internal; each gives exactly what the row-by-row definitions in peak-end.ts give.
 */

import { assignFolds } from '../random/rng.js';
import { CROSS_PRODUCT_MIN_ROWS, ols } from '../regression/ols.js';
import { rowsOfColumns } from '../regression/ols-columns.js';
import { float64Column, int32Column } from '../survey/column-storage.js';
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

/**
 * scores[0..m) = what `kind` maximises of values[0..m): the kind is chosen once per row, each
 * loop then being one plain operation per cell.
 */
function scoresOf(values: Float64Array, m: number, kind: ScoreKind, neutral: number, scores: Float64Array): void {
  if (kind === 0) for (let t = 0; t < m; t++) scores[t] = values[t] as number;
  else if (kind === 1) for (let t = 0; t < m; t++) scores[t] = -(values[t] as number);
  else for (let t = 0; t < m; t++) scores[t] = Math.abs((values[t] as number) - neutral);
}

/**
 * The index of the largest of scores[0..m), m >= 1: the earliest within the tie tolerance, as
 * `argmaxEarliest`. The bar a later score must clear is recomputed only when the best changes
 * (the same arithmetic).
 */
function bestScoreIndex(scores: Float64Array, m: number): number {
  let index = 0;
  let best = scores[0] as number;
  let bar = best + TIE_TOLERANCE * Math.max(1, Math.abs(best));
  for (let t = 1; t < m; t++) {
    const s = scores[t] as number;
    if (s > bar) {
      best = s;
      index = t;
      bar = best + TIE_TOLERANCE * Math.max(1, Math.abs(best));
    }
  }
  return index;
}

/** Whether a score within the tie tolerance of scores[index] belongs to a value other than values[index]. */
function tiedWithOtherValue(values: Float64Array, scores: Float64Array, m: number, index: number): boolean {
  const best = scores[index] as number;
  const tolerance = TIE_TOLERANCE * Math.max(1, Math.abs(best));
  const chosen = values[index] as number;
  for (let t = 0; t < m; t++) {
    if (values[t] !== chosen && Math.abs((scores[t] as number) - best) <= tolerance) return true;
  }
  return false;
}

/**
 * The index of the largest score among values[0..m) (the earliest within the tie tolerance, as
 * `argmaxEarliest`), as -(index + 1) when a tied value differs from the chosen one; `scores` is
 * scratch space of at least m. Rows of integers can take {@link peakOfIntegers} instead.
 */
export function ownPeak(values: Float64Array, m: number, kind: ScoreKind, neutral: number, scores: Float64Array): number {
  if (m === 0) return -1;
  scoresOf(values, m, kind, neutral, scores);
  const index = bestScoreIndex(scores, m);
  return tiedWithOtherValue(values, scores, m, index) ? -(index + 1) : index;
}

/**
 * Whether {@link peakOfIntegers} is exact at this neutral point: on the half-integer grid (the
 * midpoint of any integer scale) and small enough that int32 ratings' distances from it are exact.
 */
export function integerPeaksExact(neutral: number): boolean {
  return Number.isInteger(2 * neutral) && Math.abs(neutral) < 2 ** 30;
}

/**
 * {@link ownPeak}'s answer, the same index, for a row of int32 ratings when
 * {@link integerPeaksExact}(neutral), from the row's highest rating (first at `highAt`) and lowest
 * (first at `lowAt`), which the caller tracks while gathering the row. Exact because the scores
 * are then exact and distinct scores differ by at least 0.5, far beyond the tie tolerance, so the
 * tolerant argmax is the exact earliest argmax: the highest rating (`'max'`), the lowest
 * (`'min'`), or, for the most intense, whichever of the two is further from neutral, the earlier
 * of the two when they are as far (a tie between different values unless they are equal).
 */
export function peakOfIntegers(kind: ScoreKind, neutral: number, high: number, highAt: number, low: number, lowAt: number): number {
  if (kind === 0) return highAt;
  if (kind === 1) return lowAt;
  const above = high - neutral;
  const below = neutral - low;
  if (above !== below) return above > below ? highAt : lowAt;
  const at = Math.min(highAt, lowAt);
  return high === low ? at : -(at + 1);
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
  /** The Gestalt features the same walk gives (`features: true`), else null. */
  readonly features: RespondentFeatures | null;
}

/**
 * What the Gestalt features need beyond {@link RespondentPass}, from the same walk along each
 * respondent's answers in journey order (NaN where undefined): the first and the last answer, the
 * least-squares slope of the answers on their journey positions (1, 2, ... as met; two answers at
 * least) and their standard deviation (n - 1), and the rule's peak as `gestaltFeatures` defines it
 * (the highest, the lowest or their average under 'max', 'min', 'both'; the pass's peak under
 * 'most-intense').
 */
export interface RespondentFeatures {
  readonly peak: Float64Array;
  readonly beginning: Float64Array;
  readonly last: Float64Array;
  readonly trend: Float64Array;
  readonly variability: Float64Array;
  /** Respondents (any answer, end or not) whose most intense answer was tied between values ('most-intense' only). */
  readonly ambiguousPeaks: number;
}

/** What {@link respondentPass} computes. */
export interface RespondentPassOptions {
  readonly rule: PeakRule;
  readonly neutral: number;
  /** The peak's weight w in the prediction w * peak + (1 - w) * end. */
  readonly weight: number;
  /** The end touchpoint's column. */
  readonly endIndex: number;
  /** `notApplicable[j]` flags touchpoint j's not-applicable cells (null or absent: none). */
  readonly notApplicable?: readonly (Uint8Array | null)[];
  /** A not-applicable end gives way to the last touchpoint before it that applied. Default false. */
  readonly walkBackEnd?: boolean;
  /** Also the Gestalt features of the same walk (`features`). Default false. */
  readonly features?: boolean;
  /** Per respondent, the columns in the order met (journey positions); default the columns' order for everyone. */
  readonly orders?: readonly (readonly number[])[] | null;
  /** Store the per-respondent arrays in shared memory, for another thread to read. Default false. */
  readonly shared?: boolean;
  /**
   * Walk only rows [from, to), filling the arrays of `into` (from {@link respondentPassStorage}
   * with the same options): the result has `into`'s arrays and the counts of these rows only, and
   * another thread can walk the other rows at the same time (each row's values depend on that row
   * alone). Default: every row, into new arrays.
   */
  readonly rows?: { readonly from: number; readonly to: number; readonly into: RespondentPass };
}

/**
 * Each respondent's own peak and end in journey order, and the summaries the comparison models
 * need, in one pass over the rows: the peak term averages the peaks the rule's scores choose
 * among the answered touchpoints (the earliest on ties, as `argmaxEarliest`), the end is
 * `columns[endIndex]` (with `walkBackEnd`, a not-applicable end gives way to the last touchpoint
 * before it that applied), and where every touchpoint was answered `mean`, `min`, `max` and
 * `peak` are exactly the mean, worst, best and peak models' predictions.
 *
 * Each row's answers are gathered once into a small buffer (count, sum in journey order, lowest
 * and highest on the way), and the peaks are chosen on that buffer: no per-row arrays, and one
 * read of each cell.
 */
export function respondentPass(columns: readonly Float64Array[], n: number, options: RespondentPassOptions): RespondentPass {
  const { rule, neutral, weight, endIndex } = options;
  const notApplicable = options.notApplicable ?? [];
  const walkBackEnd = options.walkBackEnd ?? false;
  const kinds = scoreKinds(rule);
  const k = columns.length;
  const orders = options.orders ?? null;
  const withFeatures = options.features === true;
  const rows = options.rows ?? { from: 0, to: n, into: respondentPassStorage(n, options) };
  const { predictions, answered, peak, mean, min, max } = rows.into;
  // The Gestalt features' arrays (empty when not asked for), and each answer's journey position.
  const sharedPeak = rule === 'most-intense';
  const featureArrays = rows.into.features;
  if (withFeatures !== (featureArrays !== null)) throw new Error('respondentPass: rows.into was made with other options.');
  const featurePeak = sharedPeak || featureArrays === null ? null : featureArrays.peak;
  const empty = new Float64Array(0);
  const beginning = featureArrays?.beginning ?? empty;
  const last = featureArrays?.last ?? empty;
  const trend = featureArrays?.trend ?? empty;
  const variability = featureArrays?.variability ?? empty;
  const positions = new Float64Array(k);
  let featureTies = 0;
  const end = columns[endIndex] as Float64Array;
  const values = new Float64Array(k);
  const scores = new Float64Array(k);
  const integerPeaks = integerPeaksExact(neutral);
  const flags = notApplicable.filter((f): f is Uint8Array => f !== null && f !== undefined);
  const endFlags = notApplicable[endIndex] ?? null;
  let ambiguousPeaks = 0;
  let partialJourneys = 0;
  let earlierEnd = 0;
  for (let i = rows.from; i < rows.to; i++) {
    for (let f = 0; f < flags.length; f++) {
      if ((flags[f] as Uint8Array)[i] === 1) {
        partialJourneys++;
        break;
      }
    }
    // The answered ratings in journey order, with their count, sum, lowest and highest (each
    // first at lowAt, highAt), and whether all are int32.
    let m = 0;
    let sum = 0;
    let low = Infinity;
    let high = -Infinity;
    let lowAt = 0;
    let highAt = 0;
    let integral = integerPeaks;
    let positionSum = 0;
    const order = orders === null ? null : (orders[i] as readonly number[]);
    const length = order === null ? k : order.length;
    for (let position = 0; position < length; position++) {
      const v = (columns[order === null ? position : (order[position] as number)] as Float64Array)[i] as number;
      if (Number.isNaN(v)) continue;
      if ((v | 0) !== v) integral = false;
      sum += v;
      positionSum += position + 1;
      positions[m] = position + 1;
      if (v < low) {
        low = v;
        lowAt = m;
      }
      if (v > high) {
        high = v;
        highAt = m;
      }
      values[m++] = v;
    }
    answered[i] = m;
    if (m === 0) {
      predictions[i] = peak[i] = mean[i] = min[i] = max[i] = Number.NaN;
      if (withFeatures) {
        beginning[i] = last[i] = trend[i] = variability[i] = Number.NaN;
        if (featurePeak !== null) featurePeak[i] = Number.NaN;
      }
      continue;
    }
    let peakSum = 0;
    let ambiguous = false;
    for (let r = 0; r < kinds.length; r++) {
      const kind = kinds[r] as ScoreKind;
      const at = integral ? peakOfIntegers(kind, neutral, high, highAt, low, lowAt) : ownPeak(values, m, kind, neutral, scores);
      peakSum += values[at < 0 ? -at - 1 : at] as number;
      if (at < 0) ambiguous = true;
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
    const average = sum / m;
    mean[i] = average;
    min[i] = low;
    max[i] = high;
    if (withFeatures) {
      if (sharedPeak && ambiguous) featureTies++;
      if (featurePeak !== null) featurePeak[i] = rule === 'max' ? high : rule === 'min' ? low : (high + low) / 2;
      beginning[i] = values[0] as number;
      last[i] = values[m - 1] as number;
      if (m < 2) trend[i] = variability[i] = Number.NaN;
      else {
        const positionMean = positionSum / m;
        let sxx = 0;
        let sxy = 0;
        let syy = 0;
        for (let r = 0; r < m; r++) {
          const dt = (positions[r] as number) - positionMean;
          const dx = (values[r] as number) - average;
          sxx += dt * dt;
          sxy += dt * dx;
          syy += dx * dx;
        }
        trend[i] = sxy / sxx;
        variability[i] = Math.sqrt(syy / (m - 1));
      }
    }
  }
  const features = featureArrays === null ? null : { ...featureArrays, ambiguousPeaks: featureTies };
  return { predictions, ambiguousPeaks, partialJourneys, earlierEnd, answered, peak, mean, min, max, features };
}

/** Where a {@link respondentPassStorage}'s arrays come from (each of at least the length asked for, any values: the walk writes every row it walks). */
export interface PassArrays {
  float64(length: number): Float64Array;
  int32(length: number): Int32Array;
}

/**
 * The arrays a {@link respondentPass} with these options fills, for `n` rows (in shared memory
 * with `shared`, or from `arrays`), with every count 0: what `rows.into` takes when the rows are
 * walked in parts.
 */
export function respondentPassStorage(n: number, options: RespondentPassOptions, arrays?: PassArrays): RespondentPass {
  const shared = options.shared ?? false;
  const float64 = (length: number): Float64Array => (arrays === undefined ? float64Column(length, shared) : arrays.float64(length).subarray(0, length));
  const size = options.features === true ? n : 0;
  const peak = float64(n);
  return {
    predictions: float64(n),
    ambiguousPeaks: 0,
    partialJourneys: 0,
    earlierEnd: 0,
    answered: arrays === undefined ? int32Column(n, shared) : arrays.int32(n).subarray(0, n),
    peak,
    mean: float64(n),
    min: float64(n),
    max: float64(n),
    features:
      options.features === true
        ? {
            // Under 'most-intense' the features' peak is the pass's own.
            peak: options.rule === 'most-intense' ? peak : float64(size),
            beginning: float64(size),
            last: float64(size),
            trend: float64(size),
            variability: float64(size),
            ambiguousPeaks: 0,
          }
        : null,
  };
}

/** The counts of a {@link respondentPass} over some rows and of one over the others, added: the pass over all of them. */
export function addRespondentCounts(pass: RespondentPass, other: RespondentPassCounts): RespondentPass {
  return {
    ...pass,
    ambiguousPeaks: pass.ambiguousPeaks + other.ambiguousPeaks,
    partialJourneys: pass.partialJourneys + other.partialJourneys,
    earlierEnd: pass.earlierEnd + other.earlierEnd,
    features: pass.features === null ? null : { ...pass.features, ambiguousPeaks: pass.features.ambiguousPeaks + other.featureTies },
  };
}

/** The counts of a {@link respondentPass} (its features' ambiguous peaks as `featureTies`). */
export interface RespondentPassCounts {
  readonly ambiguousPeaks: number;
  readonly partialJourneys: number;
  readonly earlierEnd: number;
  readonly featureTies: number;
}

/**
 * Each row's peak by one score, without the ties (what a caller needing only the peaks, such as
 * the streaming accumulator, reads): the value {@link ownPeak} chooses, NaN where nothing was
 * answered. Column by column, for blocks of rows that stay in cache: each row keeps the bar a
 * later score must clear (its best score plus the tie tolerance, as `ownPeak`'s walk), with one
 * loop per kind of score; a missing cell's score is NaN, which clears no bar.
 */
export function peakValues(columns: readonly ArrayLike<number>[], n: number, kind: ScoreKind, neutral: number): { chosen: Float64Array } {
  const chosen = new Float64Array(n).fill(Number.NaN);
  const bar = new Float64Array(n).fill(-Infinity);
  const sign = kind === 1 ? -1 : 1;
  for (const column of columns) {
    if (kind === 2) {
      for (let i = 0; i < n; i++) {
        const v = column[i] as number;
        const s = Math.abs(v - neutral);
        if (s > (bar[i] as number)) {
          bar[i] = s + TIE_TOLERANCE * Math.max(1, s);
          chosen[i] = v;
        }
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = column[i] as number;
        const s = sign * v;
        if (s > (bar[i] as number)) {
          bar[i] = s + TIE_TOLERANCE * Math.max(1, Math.abs(s));
          chosen[i] = v;
        }
      }
    }
  }
  return { chosen };
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
  // Column by column (sequential reads), each row's terms added in the same order as along the row;
  // term j's coefficient by fold in a small array of its own.
  const coefficient = new Float64Array(folds);
  const identity = n === (columns[0]?.length ?? 0) && rows.every((i, r) => i === r);
  for (let j = 0; j <= k; j++) {
    for (let f = 0; f < folds; f++) coefficient[f] = fitted[f * (k + 1) + j] as number;
    if (j === 0) {
      for (let r = 0; r < n; r++) out[r] = coefficient[fold[r] as number] as number;
      continue;
    }
    const column = columns[j - 1] as Float64Array;
    if (identity) for (let r = 0; r < n; r++) out[r] = (out[r] as number) + (column[r] as number) * (coefficient[fold[r] as number] as number);
    else for (let r = 0; r < n; r++) out[r] = (out[r] as number) + (column[rows[r] as number] as number) * (coefficient[fold[r] as number] as number);
  }
  return out;
}
