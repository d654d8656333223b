/**
 * bootstrapImportance: seeded case-resampling bootstrap of relative importance, with percentile
 * and BCa intervals for each importance and for its rank.
 */
import { sampleStandardDeviation } from '../stats/moments.js';
import { normalCdf, normalQuantile } from '../distributions/index.js';
import { InvalidArgumentError, PeakEndError, type Warning } from '../errors.js';
import { correlationMatrix } from '../linalg/correlation.js';
import { createRng, type Rng } from '../random/rng.js';
import { rankDescending } from './rank.js';
import { importanceData, importanceFromData, type ImportanceData, type RelativeImportanceOptions, type RelativeImportanceResult } from './relative-importance.js';

/** Options for {@link bootstrapImportance}. */
export interface BootstrapImportanceOptions extends RelativeImportanceOptions {
  /** Bootstrap resamples. Default 1000. */
  readonly replicates?: number;
  /** Seed of the resampling. Default 1. */
  readonly seed?: number;
  /** Interval level. Default 0.95. */
  readonly level?: number;
  /** Called after each resample. */
  readonly onProgress?: (progress: { readonly completed: number; readonly total: number }) => void;
}

/** An interval; null bounds when it cannot be computed (e.g. BCa with every resample on one side). */
export interface Interval {
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Bootstrap summary of one predictor (or group). */
export interface BootstrapEstimate {
  readonly name: string;
  /** Importance on the full sample. */
  readonly estimate: number;
  /** Standard deviation of the resampled importances. */
  readonly standardError: number;
  readonly percentile: Interval;
  readonly bca: Interval;
  /** Rank on the full sample (1 = most important; ties share the mean rank). */
  readonly rank: number;
  /** Percentile interval of the rank over resamples. */
  readonly rankInterval: Interval;
  /** Share of resamples in which this predictor ranks first (ties split the share). */
  readonly shareRankedFirst: number;
}

/** Result of {@link bootstrapImportance}. */
export interface BootstrapImportanceResult {
  readonly method: 'bootstrap';
  readonly measure: RelativeImportanceOptions['method'];
  readonly replicates: number;
  /** Resamples that could not be analysed (e.g. a constant column in the resample). */
  readonly failedReplicates: number;
  readonly seed: number;
  readonly level: number;
  readonly n: number;
  readonly rSquared: number;
  readonly estimates: readonly BootstrapEstimate[];
  readonly warnings: readonly Warning[];
}

/** Largest number of jackknife groups for the BCa acceleration (delete-one up to this n). */
const MAX_JACKKNIFE_GROUPS = 1000;

/**
 * Bootstraps relative importance (any method of `relativeImportance`, groups included).
 *
 * Algorithm: `replicates` resamples of the complete cases, drawn with replacement by the seeded
 * generator (identical results for the same seed); each resample's correlation matrix is computed
 * with the multiplicities as weights, so no data are copied. Percentile intervals are the
 * (1 -/+ level)/2 quantiles (R's type 7) of the resampled values. BCa intervals (Efron 1987)
 * adjust those quantile levels by the bias correction z0 = qnorm(share of resamples below the
 * estimate, ties counted half) and the acceleration a = sum d^3 / (6 (sum d^2)^1.5) from the
 * jackknife (delete-one for n <= 1000, otherwise 1000 random delete-a-group blocks). Ranks are
 * recomputed in every resample.
 *
 * Needs the individual rows (not only mergeable moments): it cannot run on pushed-down SQL
 * aggregates.
 *
 * Reference: Efron, B. (1987). Better bootstrap confidence intervals. JASA 82, 171-185;
 * Davison & Hinkley (1997) 5.3; Gromping (2006), relaimpo's booteval.relimp.
 *
 * @example
 * ```ts
 * const b = bootstrapImportance(X, y, { method: 'lmg', names, replicates: 1000, seed: 42 });
 * b.estimates[0]; // { name: 'price', estimate: 0.061, percentile: { lower: 0.02, upper: 0.11 }, bca: {...}, shareRankedFirst: 0.03, ... }
 * ```
 * @throws InvalidArgumentError for a bad replicate count or level, and as relativeImportance.
 */
export function bootstrapImportance(X: readonly (readonly (number | null)[])[], y: ArrayLike<number | null>, options: BootstrapImportanceOptions): BootstrapImportanceResult {
  const plan = planBootstrap(X, y, options);
  const rng = createRng(plan.seed);
  const resamples = resampleRange(plan.work, rng, 0, plan.replicates, options.onProgress && ((completed) => options.onProgress?.({ completed, total: plan.replicates })));
  const jackknife = jackknifeRange(plan.work, 0, plan.work.groups);
  return summarizeBootstrap(plan, resamples, jackknife);
}

/**
 * What every part of a bootstrap run needs, and nothing that cannot cross to a worker thread
 * (plain data and typed arrays; no callbacks).
 */
export interface BootstrapWork {
  readonly data: ImportanceData;
  /** The importance options without callbacks or case weights (those are in `data`). */
  readonly options: RelativeImportanceOptions;
  /** Player labels in result order. */
  readonly labels: readonly string[];
  /** Jackknife groups: `groupOf[row]` in 0..groups-1. */
  readonly groups: number;
  readonly groupOf: Int32Array;
}

/** A validated bootstrap run: the work plus the full-sample result and the settings. */
export interface BootstrapPlan {
  readonly work: BootstrapWork;
  readonly full: RelativeImportanceResult;
  readonly replicates: number;
  readonly seed: number;
  readonly level: number;
}

/**
 * Importance values of a contiguous range of replicates or jackknife groups: row r (r = 0 ..
 * to - from - 1) holds the values of replicate from + r in `values[r * labels.length ...]`, and
 * `ok[r]` is 0 where that replicate could not be analysed.
 */
export interface ReplicateBlock {
  readonly values: Float64Array;
  readonly ok: Uint8Array;
}

/**
 * Validates the settings and prepares the complete cases, the full-sample importance and the
 * jackknife groups.
 *
 * @throws InvalidArgumentError for a bad replicate count, seed or level, and as relativeImportance.
 */
export function planBootstrap(X: readonly (readonly (number | null)[])[], y: ArrayLike<number | null>, options: BootstrapImportanceOptions): BootstrapPlan {
  const replicates = options.replicates ?? 1000;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(replicates) || replicates < 2) throw new InvalidArgumentError(`replicates must be an integer of at least 2, got ${replicates}.`);
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new InvalidArgumentError(`seed must be a finite number, got ${String(seed)}.`);
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new InvalidArgumentError('onProgress must be a function.');
  const data = importanceData(X, y, options);
  const full = importanceFromData(data, options);
  const labels = Object.keys(full.importance);
  const importanceOptions: RelativeImportanceOptions = {
    method: options.method,
    ...(options.names !== undefined && { names: options.names }),
    ...(options.groups !== undefined && { groups: options.groups }),
    ...(options.sampling !== undefined && { sampling: options.sampling }),
  };
  const { groups, groupOf } = jackknifeGroups(data.n, seed);
  return { work: { data, options: importanceOptions, labels, groups, groupOf }, full, replicates, seed, level };
}

/**
 * Runs replicates [from, to): each draws n row indices with replacement by `rng.int(n)` from the
 * generator, which must stand where replicate `from` starts (see {@link skipResamples}). Calls
 * `onProgress` with the number of replicates of the range completed so far.
 */
export function resampleRange(work: BootstrapWork, rng: Rng, from: number, to: number, onProgress?: (completed: number) => void): ReplicateBlock {
  const n = work.data.n;
  const p = work.labels.length;
  checkRange(from, to, Number.MAX_SAFE_INTEGER, 'replicate');
  const counts = new Float64Array(n);
  const values = new Float64Array((to - from) * p);
  const ok = new Uint8Array(to - from);
  for (let b = from; b < to; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const pick = rng.int(n);
      counts[pick] = (counts[pick] as number) + 1;
    }
    const v = tryImportance(work.data, counts, work.options, work.labels);
    if (v !== null) {
      values.set(v, (b - from) * p);
      ok[b - from] = 1;
    }
    onProgress?.(b - from + 1);
  }
  return { values, ok };
}

/** Advances `rng` past `count` replicates of an n-row bootstrap (the draws resampleRange makes). */
export function skipResamples(rng: Rng, n: number, count: number): void {
  for (let b = 0; b < count; b++) for (let i = 0; i < n; i++) rng.int(n);
}

/** Jackknife importances leaving out groups [from, to), one row per group as in {@link ReplicateBlock}. */
export function jackknifeRange(work: BootstrapWork, from: number, to: number): ReplicateBlock {
  const n = work.data.n;
  const p = work.labels.length;
  checkRange(from, to, work.groups, 'jackknife group');
  const keep = new Float64Array(n);
  const values = new Float64Array((to - from) * p);
  const ok = new Uint8Array(to - from);
  for (let g = from; g < to; g++) {
    for (let i = 0; i < n; i++) keep[i] = work.groupOf[i] === g ? 0 : 1;
    const v = tryImportance(work.data, keep, work.options, work.labels);
    if (v !== null) {
      values.set(v, (g - from) * p);
      ok[g - from] = 1;
    }
  }
  return { values, ok };
}

function checkRange(from: number, to: number, limit: number, what: string): void {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > limit) {
    throw new InvalidArgumentError(`A ${what} range must satisfy 0 <= from <= to <= ${limit} with integers, got [${from}, ${to}).`);
  }
}

/**
 * The result from every replicate (in replicate order) and every jackknife group (in group
 * order); the sums run in that order, so the result does not depend on how the ranges were split.
 *
 * @throws PeakEndError `bootstrap_failed` when fewer than two resamples could be analysed.
 */
export function summarizeBootstrap(plan: BootstrapPlan, resamples: ReplicateBlock, jackknife: ReplicateBlock): BootstrapImportanceResult {
  const { work, full, replicates, seed, level } = plan;
  const labels = work.labels;
  const p = labels.length;
  const estimate = labels.map((l) => full.importance[l] as number);
  const samples: number[][] = labels.map(() => []);
  const rankSamples: number[][] = labels.map(() => []);
  const firstShare = new Float64Array(p);
  let failed = 0;
  for (let b = 0; b < replicates; b++) {
    if (resamples.ok[b] !== 1) {
      failed++;
      continue;
    }
    const values = Array.from(resamples.values.subarray(b * p, (b + 1) * p));
    const ranks = rankDescending(values);
    const top = Math.max(...values);
    const tied = values.filter((v) => v === top).length;
    values.forEach((v, j) => {
      (samples[j] as number[]).push(v);
      (rankSamples[j] as number[]).push(ranks[j] as number);
      if (v === top) firstShare[j] = (firstShare[j] as number) + 1 / tied;
    });
  }
  const good = replicates - failed;
  const warnings: Warning[] = [...full.warnings];
  if (failed > 0) warnings.push({ code: 'bootstrap_failures', message: `${failed} of ${replicates} resamples could not be analysed (e.g. a constant column) and were left out.` });
  if (good < 2) throw new PeakEndError('bootstrap_failed', `Only ${good} of ${replicates} resamples could be analysed; the data are too small or too degenerate to bootstrap.`);
  const jackknifeValues: number[][] = [];
  for (let g = 0; g < work.groups; g++) if (jackknife.ok[g] === 1) jackknifeValues.push(Array.from(jackknife.values.subarray(g * p, (g + 1) * p)));
  const acceleration = Float64Array.from(labels, (_, j) => jackknifeAccelerationOf(jackknifeValues.map((v) => v[j] as number)));
  const alpha = (1 - level) / 2;
  const fullRanks = rankDescending(estimate);
  const estimates = labels.map((name, j): BootstrapEstimate => {
    const sorted = Float64Array.from(samples[j] as number[]).sort();
    const theta = estimate[j] as number;
    const intervals = bootstrapIntervals(sorted, theta, acceleration[j] as number, level);
    const ranks = Float64Array.from(rankSamples[j] as number[]).sort();
    return {
      name,
      estimate: theta,
      standardError: sampleStandardDeviation(sorted),
      percentile: intervals.percentile,
      bca: intervals.bca,
      rank: fullRanks[j] as number,
      rankInterval: { lower: quantile(ranks, alpha), upper: quantile(ranks, 1 - alpha) },
      shareRankedFirst: (firstShare[j] as number) / good,
    };
  });
  return { method: 'bootstrap', measure: full.method, replicates, failedReplicates: failed, seed, level, n: work.data.n, rSquared: full.rSquared, estimates, warnings };
}

function tryImportance(data: ImportanceData, multiplicity: Float64Array, options: RelativeImportanceOptions, labels: readonly string[]): number[] | null {
  const weights = data.weights.map((w, i) => w * (multiplicity[i] as number));
  const corr = correlationMatrix(data.columns, weights);
  if (corr.some((v) => !Number.isFinite(v))) return null;
  try {
    const result = importanceFromData({ ...data, corr }, options);
    return labels.map((l) => result.importance[l] as number);
  } catch (error) {
    if (error instanceof PeakEndError) return null;
    throw error;
  }
}

/**
 * Jackknife groups for the BCa acceleration: delete-one for n <= 1000, otherwise 1000 blocks of a
 * random permutation (seed + 1).
 */
function jackknifeGroups(n: number, seed: number): { groups: number; groupOf: Int32Array } {
  const groups = Math.min(n, MAX_JACKKNIFE_GROUPS);
  const groupOf = new Int32Array(n);
  if (groups === n) groupOf.forEach((_, i) => (groupOf[i] = i));
  else {
    const rng = createRng(seed + 1);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    order.forEach((row, position) => (groupOf[row] = position % groups));
  }
  return { groups, groupOf };
}

/**
 * BCa acceleration from jackknife values theta_(i): a = sum d^3 / (6 (sum d^2)^1.5) with
 * d_i = mean(theta_(.)) - theta_(i) (Efron 1987, eq. 6.6; Efron & Tibshirani 1993, eq. 14.15);
 * 0 when all jackknife values are equal.
 *
 * @example
 * ```ts
 * jackknifeAccelerationOf([1, 2, 4]); // d = (4/3, 1/3, -5/3): a = (-60/27) / (6 (14/3)^1.5) = -0.036739
 * ```
 */
export function jackknifeAccelerationOf(thetas: readonly number[]): number {
  const mean = thetas.reduce((s, t) => s + t, 0) / thetas.length;
  let s2 = 0;
  let s3 = 0;
  for (const t of thetas) {
    const d = mean - t;
    s2 += d * d;
    s3 += d * d * d;
  }
  return s2 > 0 ? s3 / (6 * s2 ** 1.5) : 0;
}

/**
 * Percentile and BCa intervals from sorted bootstrap replicates of a statistic whose full-sample
 * value is `estimate`. Percentile: type-7 quantiles at (1 -/+ level)/2. BCa (Efron 1987): the
 * quantile levels become Phi(z0 + (z0 + z) / (1 - a (z0 + z))) with z = Phi^-1((1 -/+ level)/2),
 * z0 = Phi^-1(share of replicates below the estimate, ties counted half) and acceleration a; the
 * BCa bounds are null when z0 is infinite (all replicates on one side) or 1 - a (z0 + z) <= 0.
 *
 * @example
 * ```ts
 * bootstrapIntervals(Float64Array.of(1, 2, 3, 4, 5), 3, 0, 0.5).percentile; // { lower: 2, upper: 4 }
 * ```
 */
export function bootstrapIntervals(sorted: ArrayLike<number>, estimate: number, acceleration: number, level: number): { percentile: Interval; bca: Interval } {
  const alpha = (1 - level) / 2;
  let below = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] as number;
    below += v < estimate ? 1 : v === estimate ? 0.5 : 0;
  }
  const z0 = normalQuantile(below / sorted.length);
  const adjusted = (zAlpha: number): number | null => {
    const denominator = 1 - acceleration * (z0 + zAlpha);
    if (!Number.isFinite(z0) || !(denominator > 0)) return null;
    return normalCdf(z0 + (z0 + zAlpha) / denominator);
  };
  const lowLevel = adjusted(normalQuantile(alpha));
  const highLevel = adjusted(normalQuantile(1 - alpha));
  return {
    percentile: { lower: quantile(sorted, alpha), upper: quantile(sorted, 1 - alpha) },
    bca: { lower: lowLevel === null ? null : quantile(sorted, lowLevel), upper: highLevel === null ? null : quantile(sorted, highLevel) },
  };
}


/** Quantile of sorted values, R's type 7 (linear interpolation between order statistics). */
export function quantile(sorted: ArrayLike<number>, probability: number): number {
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, probability));
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}
