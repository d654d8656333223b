/**
 * bootstrapImportance: seeded case-resampling bootstrap of relative importance, with percentile
 * and BCa intervals for each importance and for its rank.
 */

import { normalCdf, normalQuantile } from '../distributions/index.js';
import { InvalidArgumentError, PeakEndError, type Warning } from '../errors.js';
import { BLOCK, blockGram } from '../linalg/cross-product.js';
import { createRng, type Rng } from '../random/rng.js';
import { sampleStandardDeviation } from '../stats/moments.js';
import { quantileSorted } from '../stats/quantile.js';
import { rankDescending } from './rank.js';
import { type ImportanceData, importanceData, importanceFromData, type RelativeImportanceOptions, type RelativeImportanceResult } from './relative-importance.js';

/** Options for {@link bootstrapImportance}. */
export interface BootstrapImportanceOptions extends RelativeImportanceOptions {
  /** Bootstrap resamples. Default 1000. */
  readonly replicates?: number;
  /** Seed of the resampling. Default 1. */
  readonly seed?: number;
  /** Interval level. Default 0.95. */
  readonly level?: number;
  /**
   * Compute BCa intervals (default true). Their acceleration needs a jackknife; with `false` it
   * is skipped (the `bca` bounds are null) and only percentile intervals are computed.
   */
  readonly bca?: boolean;
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

/** Delete-one jackknife up to this many complete cases; above it, delete-a-group. */
const DELETE_ONE_MAX_ROWS = 200;

/**
 * Jackknife groups for 1,000 resamples (and a floor for fewer), growing with the square root of
 * the resamples: the acceleration estimated from G groups has a standard deviation of about
 * 0.4 / G, which moves the BCa quantile levels by about a fifth of the Monte Carlo error of the
 * resamples' own quantiles at G = 100 and B = 1,000; keeping G proportional to sqrt(B) keeps that
 * share as B grows (see docs/methods.md).
 */
const JACKKNIFE_GROUPS_PER_1000 = 100;

/**
 * Bootstraps relative importance (any method of `relativeImportance`, groups included).
 *
 * Algorithm: `replicates` resamples of the complete cases, drawn with replacement by the seeded
 * generator (identical results for the same seed); each resample's correlation matrix is computed
 * with the multiplicities as weights, so no data are copied. Percentile intervals are the
 * (1 -/+ level)/2 quantiles (R's type 7) of the resampled values. BCa intervals (Efron 1987)
 * adjust those quantile levels by the bias correction z0 = qnorm(share of resamples below the
 * estimate, ties counted half) and the acceleration a = sum d^3 / (6 (sum d^2)^1.5) from the
 * jackknife: delete-one for n <= 200, otherwise delete-a-group with
 * G = min(n, max(100, round(100 sqrt(replicates / 1000)))) random groups (100 for 1,000
 * resamples), whose error in a moves the BCa levels by about a fifth of the resamples' own Monte
 * Carlo error; `bca: false` skips the jackknife. Ranks are recomputed in every resample. Each
 * resample's weighted correlation matrix skips the rows drawn zero times (about 37%) and sums
 * the cross-products of the rows centred at the resample's means in the blocked Gram kernel of
 * least squares.
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
  if (options.bca !== undefined && typeof options.bca !== 'boolean') throw new InvalidArgumentError(`bca must be true or false, got ${JSON.stringify(options.bca)}.`);
  const { groups, groupOf } = jackknifeGroups(data.n, seed, replicates, options.bca ?? true);
  return { work: { data, options: importanceOptions, labels, groups, groupOf }, full, replicates, seed, level };
}

/**
 * Runs replicates [from, to): each draws n row indices with replacement by `rng.int(n)` from the
 * generator, which must stand where replicate `from` starts (see {@link skipResamples}). Calls
 * `onProgress` with the number of replicates of the range completed so far.
 */
export function resampleRange(work: BootstrapWork, rng: Rng, from: number, to: number, onProgress?: (completed: number) => void): ReplicateBlock {
  const n = work.data.n;
  checkRange(from, to, Number.MAX_SAFE_INTEGER, 'replicate');
  return importanceOfReplicates(
    work,
    from,
    to,
    (_, counts) => {
      counts.fill(0);
      for (let i = 0; i < n; i++) {
        const pick = rng.int(n);
        counts[pick] = (counts[pick] as number) + 1;
      }
    },
    onProgress,
  );
}

/** Advances `rng` past `count` replicates of an n-row bootstrap (the draws resampleRange makes). */
export function skipResamples(rng: Rng, n: number, count: number): void {
  for (let b = 0; b < count; b++) for (let i = 0; i < n; i++) rng.int(n);
}

/** Jackknife importances leaving out groups [from, to), one row per group as in {@link ReplicateBlock}. */
export function jackknifeRange(work: BootstrapWork, from: number, to: number): ReplicateBlock {
  const n = work.data.n;
  checkRange(from, to, work.groups, 'jackknife group');
  return importanceOfReplicates(work, from, to, (g, keep) => {
    for (let i = 0; i < n; i++) keep[i] = work.groupOf[i] === g ? 0 : 1;
  });
}

/** The importances of replicates [from, to), each with the row weights `weightsOf` writes for it (in order). */
function importanceOfReplicates(
  work: BootstrapWork,
  from: number,
  to: number,
  weightsOf: (replicate: number, weights: Float64Array) => void,
  onProgress?: (completed: number) => void,
): ReplicateBlock {
  const p = work.labels.length;
  const weights = new Float64Array(work.data.n);
  const values = new Float64Array((to - from) * p);
  const ok = new Uint8Array(to - from);
  for (let b = from; b < to; b++) {
    weightsOf(b, weights);
    const v = tryImportance(work.data, weights, work.options, work.labels);
    if (v !== null) {
      values.set(v, (b - from) * p);
      ok[b - from] = 1;
    }
    onProgress?.(b - from + 1);
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
  // Without a jackknife (bca: false) there is no acceleration and no BCa interval.
  const acceleration = Float64Array.from(labels, (_, j) => (work.groups === 0 ? Number.NaN : jackknifeAccelerationOf(jackknifeValues.map((v) => v[j] as number))));
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
      rankInterval: { lower: quantileSorted(ranks, alpha), upper: quantileSorted(ranks, 1 - alpha) },
      shareRankedFirst: (firstShare[j] as number) / good,
    };
  });
  return { method: 'bootstrap', measure: full.method, replicates, failedReplicates: failed, seed, level, n: work.data.n, rSquared: full.rSquared, estimates, warnings };
}

/**
 * The correlation matrix (outcome last) of the complete cases weighted by their weights times
 * `multiplicity` (how often each row was drawn, or 0/1 for a jackknife), as every resample uses it.
 */
export function bootstrapCorrelation(data: ImportanceData, multiplicity: Float64Array): Float64Array {
  return resampleCorrelation(centredRows(data), multiplicity);
}

function tryImportance(data: ImportanceData, multiplicity: Float64Array, options: RelativeImportanceOptions, labels: readonly string[]): number[] | null {
  const corr = bootstrapCorrelation(data, multiplicity);
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
 * Jackknife groups for the BCa acceleration: none without BCa, delete-one for
 * n <= {@link DELETE_ONE_MAX_ROWS}, otherwise G = min(n, max(100, round(100 sqrt(replicates / 1000))))
 * blocks of a random permutation (seed + 1).
 */
function jackknifeGroups(n: number, seed: number, replicates: number, bca: boolean): { groups: number; groupOf: Int32Array } {
  const groupOf = new Int32Array(n);
  if (!bca) return { groups: 0, groupOf: groupOf.fill(-1) };
  const groups = n <= DELETE_ONE_MAX_ROWS ? n : Math.min(n, Math.max(JACKKNIFE_GROUPS_PER_1000, Math.round(JACKKNIFE_GROUPS_PER_1000 * Math.sqrt(replicates / 1000))));
  if (groups === n) {
    groupOf.forEach((_, i) => {
      groupOf[i] = i;
    });
  } else {
    const rng = createRng(seed + 1);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    order.forEach((row, position) => {
      groupOf[row] = position % groups;
    });
  }
  return { groups, groupOf };
}

/** The complete cases as rows, each column centred at its full-sample mean and scaled by its largest deviation. */
interface CentredRows {
  readonly n: number;
  /** Columns: the predictors, then the outcome. */
  readonly dim: number;
  /** n x dim, row-major. */
  readonly rows: Float64Array;
  readonly weights: Float64Array;
  /** Per column: a resample standard deviation (in these units) below this counts as constant. */
  readonly constantBelow: Float64Array;
}

const centredCache = new WeakMap<ImportanceData, CentredRows>();

/**
 * {@link CentredRows} of the data, made once per data object (and thread). Correlations do not
 * depend on a column's location or scale, so the centring and scaling change nothing but keep
 * every value within a few units: no overflow, and no offset left to cancel.
 */
function centredRows(data: ImportanceData): CentredRows {
  const cached = centredCache.get(data);
  if (cached !== undefined) return cached;
  const { columns, weights } = data;
  const n = weights.length;
  const dim = columns.length;
  const rows = new Float64Array(n * dim);
  const constantBelow = new Float64Array(dim);
  columns.forEach((column, a) => {
    let maxAbs = 0;
    let sum = 0;
    let weight = 0;
    for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(column[i] as number));
    const unit = maxAbs > 0 ? maxAbs : 1;
    for (let i = 0; i < n; i++) {
      sum += (weights[i] as number) * ((column[i] as number) / unit);
      weight += weights[i] as number;
    }
    const mean = (sum / weight) * unit;
    let spread = 0;
    for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs((column[i] as number) - mean));
    const scale = spread > 0 ? spread : 1;
    for (let i = 0; i < n; i++) rows[i * dim + a] = ((column[i] as number) - mean) / scale;
    // As correlationMatrix: constant when the standard deviation is below 1e-14 of the largest |value|.
    constantBelow[a] = (1e-14 * unit) / scale;
  });
  const prepared = { n, dim, rows, weights, constantBelow };
  centredCache.set(data, prepared);
  return prepared;
}

/**
 * Correlation matrix (row-major, outcome last) of the rows weighted by weight x multiplicity: the
 * weighted means, then the cross-products of the rows centred at them (two passes, so nothing
 * cancels), over the rows with a positive multiplicity only. The first pass also lists those rows
 * and their sqrt(weight); the second writes them, centred and times sqrt(weight), into blocks of
 * {@link BLOCK} rows for the Gram kernel of least squares (WebAssembly SIMD where available) and
 * sums the blocks. A constant column gets NaN in its row and column, as in correlationMatrix.
 */
function resampleCorrelation(prepared: CentredRows, multiplicity: Float64Array): Float64Array {
  const { n, dim, rows, weights, constantBelow } = prepared;
  const mean = new Float64Array(dim);
  const drawn = new Int32Array(n);
  const root = new Float64Array(n);
  let count = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = (weights[i] as number) * (multiplicity[i] as number);
    if (w === 0) continue;
    drawn[count] = i;
    root[count] = Math.sqrt(w);
    count++;
    total += w;
    const base = i * dim;
    for (let a = 0; a < dim; a++) mean[a] = (mean[a] as number) + w * (rows[base + a] as number);
  }
  for (let a = 0; a < dim; a++) mean[a] = (mean[a] as number) / total;
  const kernel = blockGram(dim);
  const { z, tiles, padded } = kernel;
  const cross = new Float64Array(dim * dim);
  for (let start = 0; start < count; start += BLOCK) {
    const length = Math.min(BLOCK, count - start);
    for (let t = 0; t < length; t++) {
      const base = (drawn[start + t] as number) * dim;
      const s = root[start + t] as number;
      for (let a = 0; a < dim; a++) z[a * BLOCK + t] = s * ((rows[base + a] as number) - (mean[a] as number));
    }
    kernel.gram(length);
    for (let a = 0; a < dim; a++) for (let b = a; b < dim; b++) cross[a * dim + b] = (cross[a * dim + b] as number) + (tiles[a * padded + b] as number);
  }
  const sd = new Float64Array(dim);
  for (let a = 0; a < dim; a++) {
    const s = Math.sqrt(cross[a * dim + a] as number);
    sd[a] = s / Math.sqrt(total) > (constantBelow[a] as number) ? s : Number.NaN;
  }
  const corr = new Float64Array(dim * dim);
  for (let a = 0; a < dim; a++) {
    for (let b = a; b < dim; b++) {
      const r = a === b ? (Number.isNaN(sd[a] as number) ? Number.NaN : 1) : (cross[a * dim + b] as number) / ((sd[a] as number) * (sd[b] as number));
      corr[a * dim + b] = r;
      corr[b * dim + a] = r;
    }
  }
  return corr;
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
    percentile: { lower: quantileSorted(sorted, alpha), upper: quantileSorted(sorted, 1 - alpha) },
    bca: { lower: lowLevel === null ? null : quantileSorted(sorted, lowLevel), upper: highLevel === null ? null : quantileSorted(sorted, highLevel) },
  };
}
