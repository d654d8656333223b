/**
 * aggregatePeakEnd: the peak-end rule applied to touchpoint means, the way the Zhijiang study
 * applied it.
 */
import { InvalidArgumentError, type Warning } from '../errors.js';

/**
 * How the peak is chosen: the moment furthest from the scale's neutral point (`'most-intense'`),
 * the best (`'max'`), the worst (`'min'`, as in the pain studies), or the best and the worst
 * separately (`'both'`).
 */
export type PeakRule = 'most-intense' | 'max' | 'min' | 'both';

/** The rule's settings, shared by the aggregate and the per-respondent method. */
export interface PeakEndRule {
  /** Default `'most-intense'`. */
  readonly peak?: PeakRule;
  /** The end touchpoint. Default: the last touchpoint in journey order. */
  readonly end?: string;
  /** Weight w of the peak: prediction = w * peak + (1 - w) * end. Default 0.5. */
  readonly weight?: number;
}

/** One touchpoint's mean, in journey order. */
export interface TouchpointMean {
  readonly touchpoint: string;
  readonly mean: number;
}

/** A chosen moment. `kind` says which peak it is (`'positive'`/`'negative'` under rule `'both'`). */
export interface Moment {
  readonly touchpoint: string;
  readonly mean: number;
  readonly kind: 'most-intense' | 'max' | 'min' | 'positive' | 'negative' | 'end';
}

/** Result of {@link aggregatePeakEnd}. */
export interface AggregatePeakEndResult {
  readonly method: 'peak-end-aggregate';
  readonly rule: PeakRule;
  readonly weight: number;
  /** The peak used in the prediction; under `'both'`, the more intense of the two peaks. */
  readonly peak: Moment;
  /** Every peak: one, or the positive and the negative peak under `'both'`. */
  readonly peaks: readonly Moment[];
  readonly end: Moment;
  /** w * peak + (1 - w) * end; under `'both'` the peak term is the average of the two peaks. */
  readonly prediction: number;
  /** The observed overall mean. */
  readonly observed: number;
  /** prediction - observed. */
  readonly gap: number;
  readonly warnings: readonly Warning[];
}

/** Means equal to within this relative difference count as tied. */
export const TIE_TOLERANCE = 1e-12;

/**
 * Applies the peak-end rule to touchpoint means in journey order (the study's aggregate method):
 * the peak is chosen among the means by `rule.peak`, the end is the last touchpoint (or
 * `rule.end`), and the prediction w * peak + (1 - w) * end is compared with the observed overall
 * mean.
 *
 * Ties: when several touchpoints are equally extreme (within 1e-12 relative), the earliest in
 * journey order is the peak, and a `peak_tie` warning names the others. Under `'most-intense'` a
 * mean above neutral and one equally far below it also tie; the earliest wins.
 *
 * Reference: Kahneman, Fredrickson, Schreiber & Redelmeier (1993); Redelmeier & Kahneman (1996).
 *
 * @example
 * ```ts
 * // The Zhijiang study's published means (journey order) and overall mean 4.17:
 * aggregatePeakEnd([{ touchpoint: 'brand_image', mean: 4.82 }, ..., { touchpoint: 'meeting', mean: 4.46 }], 4.17, { neutral: 3 });
 * // { peak: { touchpoint: 'brand_image', mean: 4.82 }, end: { touchpoint: 'meeting', mean: 4.46 }, prediction: 4.64, gap: 0.47, ... }
 * ```
 * @throws InvalidArgumentError when there are no touchpoints, a mean is not finite, `end` names
 *   no touchpoint, or `weight` is outside [0, 1].
 */
export function aggregatePeakEnd(means: readonly TouchpointMean[], observed: number, options: PeakEndRule & { readonly neutral: number }): AggregatePeakEndResult {
  const { rule, weight, endIndex } = resolveRule(
    means.map((m) => m.touchpoint),
    options,
  );
  if (means.length === 0) throw new InvalidArgumentError('aggregatePeakEnd needs at least one touchpoint mean.');
  const bad = means.find((m) => !Number.isFinite(m.mean));
  if (bad !== undefined) throw new InvalidArgumentError(`The mean of touchpoint "${bad.touchpoint}" is not a number (no answers?); the peak-end rule needs every touchpoint's mean.`);
  if (!Number.isFinite(observed)) throw new InvalidArgumentError('The observed overall mean is not a number; the overall column has no answers.');
  const warnings: Warning[] = [];
  const values = means.map((m) => m.mean);
  const choose = (kind: Moment['kind'], score: (v: number) => number): Moment => {
    const { index, tied } = argmaxEarliest(values, score);
    const chosen = means[index] as TouchpointMean;
    if (tied.length > 0) {
      const others = tied.map((i) => `"${(means[i] as TouchpointMean).touchpoint}"`).join(', ');
      warnings.push({
        code: 'peak_tie',
        message: `The ${kind === 'negative' || kind === 'min' ? 'lowest' : kind === 'positive' || kind === 'max' ? 'highest' : 'most intense'} mean is shared by "${chosen.touchpoint}" and ${others}; the earliest in journey order, "${chosen.touchpoint}", is the peak.`,
      });
    }
    return { touchpoint: chosen.touchpoint, mean: chosen.mean, kind };
  };
  const neutral = options.neutral;
  const peaks: Moment[] =
    rule === 'both' ? [choose('positive', (v) => v), choose('negative', (v) => -v)] : [choose(rule, rule === 'max' ? (v) => v : rule === 'min' ? (v) => -v : (v) => Math.abs(v - neutral))];
  const peakTerm = peaks.reduce((s, p) => s + p.mean, 0) / peaks.length;
  const endMean = means[endIndex] as TouchpointMean;
  const end: Moment = { touchpoint: endMean.touchpoint, mean: endMean.mean, kind: 'end' };
  const prediction = weight * peakTerm + (1 - weight) * end.mean;
  const peak = peaks.length === 1 ? (peaks[0] as Moment) : mostIntense(peaks, neutral);
  return { method: 'peak-end-aggregate', rule, weight, peak, peaks, end, prediction, observed, gap: prediction - observed, warnings };
}

/** Validates the rule options against the touchpoint names. */
export function resolveRule(touchpoints: readonly string[], options: PeakEndRule): { rule: PeakRule; weight: number; endIndex: number } {
  const rule = options.peak ?? 'most-intense';
  if (!['most-intense', 'max', 'min', 'both'].includes(rule)) {
    throw new InvalidArgumentError(`peak must be 'most-intense', 'max', 'min' or 'both', got ${JSON.stringify(rule)}.`);
  }
  const weight = options.weight ?? 0.5;
  if (!(weight >= 0 && weight <= 1)) throw new InvalidArgumentError(`weight (the peak's share of the prediction) must be between 0 and 1, got ${weight}.`);
  const endIndex = options.end === undefined ? touchpoints.length - 1 : touchpoints.indexOf(options.end);
  if (endIndex < 0) {
    throw new InvalidArgumentError(`end names "${options.end}", which is not a touchpoint; touchpoints: ${touchpoints.join(', ')}.`);
  }
  return { rule, weight, endIndex };
}

/** Index of the largest score (earliest on ties) and the indices tied with it. */
export function argmaxEarliest(values: ArrayLike<number>, score: (v: number) => number): { index: number; tied: number[] } {
  let index = -1;
  let best = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const s = score(values[i] as number);
    if (index === -1 || s > best + TIE_TOLERANCE * Math.max(1, Math.abs(best))) {
      best = s;
      index = i;
    }
  }
  const tied: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (i !== index && Math.abs(score(values[i] as number) - best) <= TIE_TOLERANCE * Math.max(1, Math.abs(best))) tied.push(i);
  }
  return { index, tied };
}

function mostIntense(peaks: readonly Moment[], neutral: number): Moment {
  const [positive, negative] = peaks as [Moment, Moment];
  return Math.abs(negative.mean - neutral) > Math.abs(positive.mean - neutral) ? negative : positive;
}
