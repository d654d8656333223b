/**
 * describeSurvey: per-column descriptive statistics of the touchpoints (journey order) and the
 * overall rating.
 */
import { sampleStandardDeviation, mean as ssMean, median as ssMedian } from 'simple-statistics';
import { studentTQuantile } from '../distributions/index.js';
import { InvalidArgumentError } from '../errors.js';
import { KERNEL_BLOCK } from '../stats/moments.js';
import { medianOfCounts } from '../stats/quantile.js';
import { designMean } from './design-mean.js';
import { type NpsResult, netPromoterScore } from './nps.js';
import type { Calibration, SurveyRatings, Warning } from './survey.js';

/** Options for {@link describeSurvey}. */
export interface DescribeOptions {
  /** Confidence level of the t interval for each mean. Default 0.95. */
  readonly level?: number;
  /**
   * Use the survey weights when it has them (default true): weighted means, shares and median with
   * design-based standard errors, as R's `svymean` on `svydesign(ids = ~1, weights = ~w)` (and on
   * the design `survey::rake` returns, for a raked survey).
   */
  readonly weighted?: boolean;
}

/** How many respondents chose one scale point. */
export interface ScalePointCount {
  readonly value: number;
  readonly count: number;
}

/** Descriptive statistics of one rated column. Statistics that need more answers are `null`. */
export interface ItemDescriptives {
  readonly column: string;
  readonly label: string;
  readonly role: 'touchpoint' | 'overall';
  /** Answered cells. */
  readonly n: number;
  /** Cells without an answer (missing codes, blanks), not counting not-applicable ones. */
  readonly missing: number;
  /** Cells marked "did not experience this touchpoint" (the spec's `notApplicable` codes). */
  readonly notApplicable: number;
  readonly mean: number | null;
  /** Sample standard deviation (denominator n - 1), as R's `sd`. */
  readonly sampleStandardDeviation: number | null;
  /** Standard error of the mean, sd / sqrt(n). */
  readonly standardError: number | null;
  /** t interval for the mean: mean -/+ qt((1 + level) / 2, n - 1) * standardError. */
  readonly ciLower: number | null;
  readonly ciUpper: number | null;
  readonly median: number | null;
  /** Count per scale point (every point of an integer scale, zero counts included). */
  readonly counts: readonly ScalePointCount[];
  /** Share of answers in the top two scale points (max - 1 and above). */
  readonly topTwoBox: number | null;
  /** Standard error of `topTwoBox` (sqrt(p(1-p)/(n-1)) unweighted; design-based when weighted). */
  readonly topTwoBoxStdError: number | null;
  /** Share of answers in the bottom two scale points (min + 1 and below). */
  readonly bottomTwoBox: number | null;
  readonly bottomTwoBoxStdError: number | null;
  /**
   * The overall item of an NPS outcome (type 'nps', 0-10) with at least one answer: the Net
   * Promoter Score from {@link netPromoterScore} (weighted when the descriptives are; normal
   * interval at `level`). Absent otherwise.
   */
  readonly nps?: NpsSummary;
}

/**
 * The NPS of an overall item: score in points, shares 0-1, SE and normal interval in points (the
 * fields of {@link NpsResult} that describe the score, so their meaning is written once).
 */
export type NpsSummary = Pick<NpsResult, 'score' | 'promoters' | 'passives' | 'detractors' | 'standardError' | 'ciLower' | 'ciUpper'>;

/** Result of {@link describeSurvey}. */
export interface SurveyDescriptives {
  readonly method: 'describe';
  readonly level: number;
  /** Whether means, shares, SDs and the median are weighted (the survey has weights and `weighted` was not false). */
  readonly weighted: boolean;
  /** Touchpoints in journey order, then the overall rating. */
  readonly items: readonly ItemDescriptives[];
  readonly warnings: readonly Warning[];
}

/**
 * Describes each touchpoint and the overall rating over its answered cells (pairwise: each column
 * uses every respondent who answered it): n, missing, mean, sample SD, standard error, t interval,
 * median, count per scale point, top-2-box and bottom-2-box shares with standard errors. With
 * survey weights (default), means, shares, SD and median are weighted and standard errors are
 * design-based (Taylor linearisation), equal to R's `svymean` on `svydesign(ids = ~1, weights = ~w)`
 * or on a raked design from {@link rake}; intervals use t on n - 1 df (`confint(..., df = degf)`).
 *
 * Mean, SD and median come from simple-statistics (two-pass SD); the t quantile from the
 * distributions module. Matches R's `mean`, `sd`, `median`, `qt` to about 1e-13 relative.
 *
 * @example
 * ```ts
 * const d = describeSurvey(readSurvey('a,overall\n4,5\n5,4\n3,4\n', { touchpoints: ['a'], overall: 'overall', scale: { min: 1, max: 5 } }));
 * d.items[0].mean;                     // 4
 * d.items[0].sampleStandardDeviation;  // 1
 * d.items[0].ciLower;                  // 1.5159 (4 - qt(0.975, 2) / sqrt(3))
 * ```
 * @throws InvalidArgumentError when `level` is not strictly between 0 and 1.
 */
export function describeSurvey(survey: SurveyRatings, options: DescribeOptions = {}): SurveyDescriptives {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1 (e.g. 0.95), got ${level}.`);
  const columns = [
    ...survey.touchpoints.map((t) => ({ column: t.column, label: t.label, role: 'touchpoint' as const, scale: t.scale as ItemScale | null })),
    { column: survey.overall, label: survey.overall, role: 'overall' as const, scale: (survey.spec.outcome === undefined ? survey.spec.scale : survey.spec.outcome.scale) as ItemScale | null },
  ];
  const warnings: Warning[] = [];
  const weights = (options.weighted ?? true) && survey.weights !== null ? survey.weights.subarray(0, survey.n) : null;
  const calibration = weights !== null ? (survey.calibration ?? null) : null;
  const items = columns.map(({ column, label, role, scale }): ItemDescriptives => {
    const all = (survey.ratings.get(column) as Float64Array).subarray(0, survey.n);
    const tally = countScalePoints(all, scale);
    const stats = weights !== null ? weightedStatistics(all, weights, calibration, scale) : tally !== null ? statisticsFromCounts(tally) : statisticsFromValues(all, scale);
    const { n } = stats;
    if (n === 0) warnings.push({ code: 'no_answers', message: `Column "${column}" has no answers; its statistics are null.` });
    const notApplicable = countFlags(survey.notApplicable.get(column), survey.n);
    const half = stats.standardError !== null ? studentTQuantile((1 + level) / 2, n - 1) * stats.standardError : null;
    return {
      column,
      label,
      role,
      n,
      missing: all.length - n - notApplicable,
      notApplicable,
      mean: stats.mean,
      sampleStandardDeviation: stats.sd,
      standardError: stats.standardError,
      ciLower: stats.mean !== null && half !== null ? stats.mean - half : null,
      ciUpper: stats.mean !== null && half !== null ? stats.mean + half : null,
      median: stats.median,
      counts: tally !== null ? tally.values.map((value, k) => ({ value, count: tally.counts[k] as number })) : countsOf(all),
      topTwoBox: stats.top.p,
      topTwoBoxStdError: stats.top.se,
      bottomTwoBox: stats.bottom.p,
      bottomTwoBoxStdError: stats.bottom.se,
      ...(role === 'overall' && survey.spec.outcome.type === 'nps' && n > 0 && { nps: npsSummary(all, weights, level) }),
    };
  });
  return { method: 'describe', level, weighted: weights !== null, items, warnings };
}

function npsSummary(values: Float64Array, weights: Float64Array | null, level: number): NpsSummary {
  const r = netPromoterScore(values, { level, ...(weights !== null && { weights }) });
  return { score: r.score, promoters: r.promoters, passives: r.passives, detractors: r.detractors, standardError: r.standardError, ciLower: r.ciLower, ciUpper: r.ciUpper };
}

interface ItemScale {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

interface Share {
  readonly p: number | null;
  readonly se: number | null;
}

interface ItemStatistics {
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly standardError: number | null;
  readonly median: number | null;
  readonly top: Share;
  readonly bottom: Share;
}

const NO_SHARE: Share = { p: null, se: null };

/** Scale points and their counts when every answer is a point of an integer scale (else null). */
interface Tally {
  readonly values: number[];
  readonly counts: Float64Array;
  readonly scale: ItemScale;
}

/** One pass over the column: counts per scale point, or null when an answer is not a point of an integer scale. */
function countScalePoints(values: Float64Array, scale: ItemScale | null): Tally | null {
  if (scale === null || !scale.integer) return null;
  const low = Math.ceil(scale.min);
  const points = Math.floor(scale.max) - low + 1;
  if (!(points > 0 && points <= 1001)) return null;
  const counts = new Float64Array(points);
  // Block by block (KERNEL_BLOCK): the engine optimizes the kernel whole.
  for (let from = 0; from < values.length; from += KERNEL_BLOCK) {
    if (!tallyBlock(values, from, Math.min(values.length, from + KERNEL_BLOCK), low, points, counts)) return null;
  }
  return { values: Array.from({ length: points }, (_, k) => low + k), counts, scale };
}

/** Counts the values of [from, to) by scale point into `counts` (NaN skipped); false at a value off the scale's points. */
function tallyBlock(values: Float64Array, from: number, to: number, low: number, points: number, counts: Float64Array): boolean {
  for (let i = from; i < to; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    const k = v - low;
    if (!(k >= 0 && k < points) || k !== Math.floor(k)) return false;
    counts[k] = (counts[k] as number) + 1;
  }
  return true;
}

/** Unweighted statistics from the counts: exact sums, two-pass SD, median from the cumulative counts. */
function statisticsFromCounts(tally: Tally): ItemStatistics {
  const { values, counts, scale } = tally;
  let n = 0;
  let sum = 0;
  let top = 0;
  let bottom = 0;
  values.forEach((v, k) => {
    const c = counts[k] as number;
    n += c;
    sum += c * v;
    if (v >= scale.max - 1) top += c;
    if (v <= scale.min + 1) bottom += c;
  });
  if (n === 0) return { n, mean: null, sd: null, standardError: null, median: null, top: NO_SHARE, bottom: NO_SHARE };
  const mean = sum / n;
  let ss = 0;
  values.forEach((v, k) => {
    ss += (counts[k] as number) * (v - mean) * (v - mean);
  });
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : null;
  return { n, mean, sd, standardError: sd !== null ? sd / Math.sqrt(n) : null, median: medianOfCounts(values, counts, n), top: proportion(top, n), bottom: proportion(bottom, n) };
}

function proportion(count: number, n: number): Share {
  if (n === 0) return NO_SHARE;
  const p = count / n;
  return { p, se: n > 1 ? Math.sqrt((p * (1 - p)) / (n - 1)) : null };
}

/** Unweighted statistics of answers that are not all points of an integer scale (simple-statistics). */
function statisticsFromValues(all: Float64Array, scale: ItemScale | null): ItemStatistics {
  const values = Array.from(all).filter((v) => !Number.isNaN(v));
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, standardError: null, median: null, top: NO_SHARE, bottom: NO_SHARE };
  const sd = n > 1 ? sampleStandardDeviation(values) : null;
  return {
    n,
    mean: ssMean(values),
    sd,
    standardError: sd !== null ? sd / Math.sqrt(n) : null,
    median: ssMedian(values),
    top: scale === null ? NO_SHARE : proportion(values.filter((v) => v >= scale.max - 1).length, n),
    bottom: scale === null ? NO_SHARE : proportion(values.filter((v) => v <= scale.min + 1).length, n),
  };
}

function weightedStatistics(all: Float64Array, weights: Float64Array, calibration: Calibration | null, scale: ItemScale | null): ItemStatistics {
  let n = 0;
  for (let i = 0; i < all.length; i++) if (!Number.isNaN(all[i] as number)) n++;
  if (n === 0) return { n, mean: null, sd: null, standardError: null, median: null, top: NO_SHARE, bottom: NO_SHARE };
  const d = designMean(all, weights, calibration);
  const share = (inside: (v: number) => boolean): Share => {
    const indicator = all.map((v) => (Number.isNaN(v) ? Number.NaN : inside(v) ? 1 : 0));
    const m = designMean(indicator, weights, calibration);
    return { p: m.mean, se: n > 1 ? m.standardError : null };
  };
  return {
    n,
    mean: d.mean,
    sd: n > 1 ? weightedStandardDeviation(all, weights, d.mean, n) : null,
    standardError: n > 1 ? d.standardError : null,
    median: weightedMedian(all, weights),
    top: scale === null ? NO_SHARE : share((v) => v >= scale.max - 1),
    bottom: scale === null ? NO_SHARE : share((v) => v <= scale.min + 1),
  };
}

/** Counts of the distinct answered values, in increasing order (for answers off an integer scale). */
function countsOf(all: Float64Array): ScalePointCount[] {
  const tally = new Map<number, number>();
  for (const v of all) if (!Number.isNaN(v)) tally.set(v, (tally.get(v) ?? 0) + 1);
  return [...tally.entries()].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
}

/** sqrt(sum w (y - mean)^2 / sum w * n / (n - 1)) over answered rows: sd() when the weights are equal. */
function weightedStandardDeviation(values: Float64Array, weights: Float64Array, mean: number, n: number): number {
  let ss = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const y = values[i] as number;
    if (Number.isNaN(y)) continue;
    const w = weights[i] as number;
    ss += w * (y - mean) * (y - mean);
    total += w;
  }
  return Math.sqrt((ss / total) * (n / (n - 1)));
}

/** The lowest answered value whose cumulative weight share reaches 1/2 (R's svyquantile, qrule = "math"). */
function weightedMedian(values: Float64Array, weights: Float64Array): number {
  const answered: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) answered.push(i);
  answered.sort((a, b) => (values[a] as number) - (values[b] as number));
  const total = answered.reduce((sum, i) => sum + (weights[i] as number), 0);
  let cumulative = 0;
  for (const i of answered) {
    cumulative += weights[i] as number;
    if (cumulative >= 0.5 * total) return values[i] as number;
  }
  return values[answered.at(-1) as number] as number;
}

/** How many of the first `n` flags are set (0 without flags). */
function countFlags(flags: Uint8Array | undefined, n: number): number {
  let count = 0;
  for (let i = 0; flags !== undefined && i < n; i++) count += flags[i] as number;
  return count;
}
