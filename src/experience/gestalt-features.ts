/**
 * gestaltFeatures: each respondent's "Gestalt characteristics" of the experience (Ariely &
 * Carmon 2000): peak, highest, lowest, first, last, mean, trend and variability of the ratings
 * they gave along the journey.
 */
import { InvalidArgumentError, type Warning } from '../errors.js';
import type { Survey } from '../survey/survey.js';
import type { PeakRule } from './aggregate-peak-end.js';
import { integerPeaksExact, ownPeak, peakOfIntegers } from './respondent-scores.js';

/** The per-respondent features, in documentation order. */
export type GestaltFeature = 'peak' | 'peakHigh' | 'trough' | 'beginning' | 'end' | 'mean' | 'trend' | 'variability';

/** Every feature, in documentation order. */
export const GESTALT_FEATURES: readonly GestaltFeature[] = ['peak', 'peakHigh', 'trough', 'beginning', 'end', 'mean', 'trend', 'variability'];

/** Options for {@link gestaltFeatures}. */
export interface GestaltFeaturesOptions {
  /**
   * How `peak` is chosen among a respondent's answers: the one furthest from the scale's neutral
   * point (`'most-intense'`, default), the highest (`'max'`), the lowest (`'min'`), or the average
   * of the highest and the lowest (`'both'`, the peak term of the peak-end prediction under that
   * rule). Ties go to the earliest touchpoint in journey order.
   */
  readonly peak?: PeakRule;
  /**
   * Per respondent (survey row order), the touchpoints in the order that respondent met them;
   * touchpoints left out were not met. With positions, "journey order" and the positions of
   * `trend` are each respondent's own (1 = the first touchpoint they met). Default: the spec's
   * order for everyone.
   */
  readonly positions?: readonly (readonly string[])[];
}

/** Result of {@link gestaltFeatures}. */
export interface GestaltFeaturesResult {
  readonly method: 'gestalt-features';
  readonly rule: PeakRule;
  /** The scale's neutral point that `'most-intense'` measures intensity from. */
  readonly neutral: number;
  /** Each feature as an array over survey rows (null where undefined for that respondent). */
  readonly features: Readonly<Record<GestaltFeature, readonly (number | null)[]>>;
  /** Touchpoints each respondent answered (survey row order). */
  readonly answered: readonly number[];
  /** Respondents whose most intense rating was tied between different values (earliest used). */
  readonly ambiguousPeaks: number;
  readonly warnings: readonly Warning[];
}

/**
 * Gestalt characteristics of each respondent's journey, over the touchpoints they answered, in
 * journey order (a missing cell, NaN, is a touchpoint not answered and is skipped):
 *
 * - `peak`: the most intense rating, |x - neutral| largest (or as `options.peak` says); ties go to
 *   the earliest touchpoint, and ties between different values (as far above neutral as another
 *   is below) are counted in `ambiguousPeaks` with a `peak_tie` warning;
 * - `peakHigh`: the highest rating; `trough`: the lowest;
 * - `beginning`: the rating of the first answered touchpoint; `end`: of the last answered one;
 * - `mean`: the mean of the answered ratings;
 * - `trend`: the least-squares slope of the answered ratings on their journey positions
 *   (1 = the spec's first touchpoint, so a skipped touchpoint leaves a gap in the positions):
 *   sum (t - t̄)(x - x̄) / sum (t - t̄)^2, null with fewer than two answers;
 * - `variability`: the sample standard deviation (n - 1 denominator), null with fewer than two
 *   answers.
 *
 * Every feature is null for a respondent who answered no touchpoint. Respondent weights play no
 * part here (each respondent's features are their own); analyses that use the features weight
 * respondents.
 *
 * Algorithm: one pass per respondent over their answers, which gathers them with their sum,
 * highest and lowest (the most intense of integer ratings is then the highest or the lowest,
 * exactly as the tolerant comparison chooses it); mean, trend and variability by two-pass centred
 * sums, accurate to a few units in the last place for ratings on any scale.
 *
 * References: Ariely & Carmon (2000), Gestalt characteristics of experiences; Kahneman,
 * Fredrickson, Schreiber & Redelmeier (1993). See docs/methods.md.
 *
 * @example
 * ```ts
 * // One respondent on a 1-5 scale (neutral 3), touchpoints a-d: a = 4, b skipped, c = 1, d = 2.
 * const f = gestaltFeatures(survey).features;
 * f.peak[0];        // 1     (|1 - 3| = 2 beats |4 - 3| = 1)
 * f.beginning[0];   // 4;  f.end[0]: 2;  f.mean[0]: 2.333...
 * f.trend[0];       // -0.7857... (ratings 4, 1, 2 at positions 1, 3, 4)
 * f.variability[0]; // 1.5275...
 * ```
 * @throws InvalidArgumentError for an unknown peak rule or malformed positions.
 */
export function gestaltFeatures(survey: Survey, options: GestaltFeaturesOptions = {}): GestaltFeaturesResult {
  const { rule, neutral, features, answered, ambiguousPeaks, warnings } = gestaltFeatureColumns(survey, options);
  const asArray = (values: Float64Array): (number | null)[] => Array.from(values, (v) => (Number.isNaN(v) ? null : v));
  const out = Object.fromEntries(GESTALT_FEATURES.map((f) => [f, asArray(features[f])])) as Record<GestaltFeature, (number | null)[]>;
  return { method: 'gestalt-features', rule, neutral, features: out, answered: Array.from(answered), ambiguousPeaks, warnings };
}

/** {@link gestaltFeatures} as typed columns: NaN where a feature is undefined (null there). */
export interface GestaltFeatureColumns extends Omit<GestaltFeaturesResult, 'features' | 'answered'> {
  readonly features: Readonly<Record<GestaltFeature, Float64Array>>;
  readonly answered: Int32Array;
}

/**
 * The features of {@link gestaltFeatures} in one pass by column, as Float64Arrays with NaN for
 * null (a million respondents' features as arrays of numbers and nulls are boxed values).
 * Internal: `gestalt` uses it; the public function converts.
 *
 * @throws as {@link gestaltFeatures}
 */
export function gestaltFeatureColumns(survey: Survey, options: GestaltFeaturesOptions = {}): GestaltFeatureColumns {
  const rule = options.peak ?? 'most-intense';
  if (!['most-intense', 'max', 'min', 'both'].includes(rule)) {
    throw new InvalidArgumentError(`peak must be 'most-intense', 'max', 'min' or 'both', got ${JSON.stringify(rule)}.`);
  }
  const names = survey.touchpoints.map((t) => t.column);
  const columns = names.map((c) => survey.ratings.get(c) as Float64Array);
  const neutral = survey.spec.scale.neutral;
  const orders = options.positions === undefined ? null : journeyOrders(options.positions, names, survey.n);
  const n = survey.n;
  const width = names.length;
  // Every row of every feature is written once in the loop (NaN where undefined).
  const peakOut = new Float64Array(n);
  const peakHigh = new Float64Array(n);
  const trough = new Float64Array(n);
  const beginning = new Float64Array(n);
  const end = new Float64Array(n);
  const meanOut = new Float64Array(n);
  const trend = new Float64Array(n);
  const variability = new Float64Array(n);
  const answered = new Int32Array(n);
  // One respondent's answered ratings, their journey positions, and scratch for the peak's scores.
  const x = new Float64Array(width);
  const t = new Float64Array(width);
  const scores = new Float64Array(width);
  const integerPeaks = integerPeaksExact(neutral);
  let ambiguousPeaks = 0;
  for (let i = 0; i < n; i++) {
    // Gather the answers in journey order, with their sum, highest and lowest on the way (the
    // same sums in the same order as separate loops over the answers).
    let k = 0;
    let sum = 0;
    let tSum = 0;
    let high = -Infinity;
    let low = Infinity;
    let highAt = 0;
    let lowAt = 0;
    let integral = integerPeaks;
    const order = orders === null ? null : (orders[i] as number[]);
    const length = order === null ? width : order.length;
    for (let position = 0; position < length; position++) {
      const v = (columns[order === null ? position : (order[position] as number)] as Float64Array)[i] as number;
      if (Number.isNaN(v)) continue;
      if ((v | 0) !== v) integral = false;
      sum += v;
      tSum += position + 1;
      if (v > high) {
        high = v;
        highAt = k;
      }
      if (v < low) {
        low = v;
        lowAt = k;
      }
      x[k] = v;
      t[k] = position + 1;
      k++;
    }
    answered[i] = k;
    if (k === 0) {
      peakOut[i] = peakHigh[i] = trough[i] = beginning[i] = end[i] = meanOut[i] = trend[i] = variability[i] = Number.NaN;
      continue;
    }
    let peak: number;
    if (rule === 'max') peak = high;
    else if (rule === 'min') peak = low;
    else if (rule === 'both') peak = (high + low) / 2;
    else {
      const at = integral ? peakOfIntegers(2, neutral, high, highAt, low, lowAt) : ownPeak(x, k, 2, neutral, scores);
      peak = x[at < 0 ? -at - 1 : at] as number;
      if (at < 0) ambiguousPeaks++;
    }
    const mean = sum / k;
    peakOut[i] = peak;
    peakHigh[i] = high;
    trough[i] = low;
    beginning[i] = x[0] as number;
    end[i] = x[k - 1] as number;
    meanOut[i] = mean;
    if (k < 2) {
      trend[i] = variability[i] = Number.NaN;
      continue;
    }
    const tMean = tSum / k;
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (let r = 0; r < k; r++) {
      const dt = (t[r] as number) - tMean;
      const dx = (x[r] as number) - mean;
      sxx += dt * dt;
      sxy += dt * dx;
      syy += dx * dx;
    }
    trend[i] = sxy / sxx;
    variability[i] = Math.sqrt(syy / (k - 1));
  }
  const out: Record<GestaltFeature, Float64Array> = { peak: peakOut, peakHigh, trough, beginning, end, mean: meanOut, trend, variability };
  const warnings: Warning[] = [];
  if (ambiguousPeaks > 0) {
    warnings.push({
      code: 'peak_tie',
      message: `${ambiguousPeaks} respondent${ambiguousPeaks === 1 ? '' : 's'} had equally intense ratings with different values (one as far above neutral as another is below); the earliest in journey order was taken as their peak.`,
    });
  }
  return { method: 'gestalt-features', rule, neutral, features: out, answered, ambiguousPeaks, warnings };
}

/** Per respondent, the touchpoint indices in their own order (validated). */
export function journeyOrders(positions: readonly (readonly string[])[], names: readonly string[], n: number): number[][] {
  if (positions.length !== n) throw new InvalidArgumentError(`positions must list one order per respondent (${n}), got ${positions.length}.`);
  const index = new Map(names.map((name, j) => [name, j]));
  return positions.map((order, i) => {
    const seen = new Set<number>();
    return order.map((name) => {
      const j = index.get(name);
      if (j === undefined) throw new InvalidArgumentError(`positions[${i}] names "${name}", which is not a touchpoint; touchpoints: ${names.join(', ')}.`);
      if (seen.has(j)) throw new InvalidArgumentError(`positions[${i}] lists "${name}" twice; each touchpoint is met at most once.`);
      seen.add(j);
      return j;
    });
  });
}
