/**
 * wilcoxonSignedRank: the Wilcoxon signed-rank test of paired samples, as R's
 * `wilcox.test(x, y, paired = TRUE)` (two-sided, continuity correction).
 */
import { normalUpperTail } from '../distributions/index.js';
import { InsufficientDataError, InvalidArgumentError } from '../errors.js';

/** Result of {@link wilcoxonSignedRank}. */
export interface WilcoxonSignedRankResult {
  readonly method: 'wilcoxon-signed-rank';
  /** Pairs with a non-zero difference (R drops zero differences). */
  readonly n: number;
  /** Pairs dropped because the difference was zero. */
  readonly zeros: number;
  /** R's V: the sum of the ranks of |d| over positive differences. */
  readonly statistic: number;
  /** Two-sided p-value. */
  readonly pValue: number;
  /** Whether the exact null distribution was used (n < 50, no ties, no zeros) or the normal approximation. */
  readonly exact: boolean;
}

/**
 * Two-sided Wilcoxon signed-rank test of the differences x - y (pairs with a NaN are skipped).
 *
 * Zero differences are dropped; |d| is ranked with mid-ranks for ties; V = sum of ranks of the
 * positive differences. With n < 50 and no ties or zeros the p-value is exact (the null
 * distribution of V counted by dynamic programming over subsets of 1..n, as R's `psignrank`);
 * otherwise z = (V - n(n+1)/4 - sign * 0.5) / sigma with the tie-corrected variance
 * sigma^2 = n(n+1)(2n+1)/24 - sum(t^3 - t)/48 and p = 2 * min(Phi(z), 1 - Phi(z)), both tails
 * computed directly. This is exactly R's `wilcox.test(x, y, paired = TRUE)`.
 *
 * Reference: Wilcoxon (1945); Hollander & Wolfe (1973), ch. 3; R Core Team, `?wilcox.test`.
 *
 * @example
 * ```ts
 * wilcoxonSignedRank([1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30], [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]);
 * // { statistic: 40, pValue: 0.0390625, exact: true, ... }  (R's ?wilcox.test example)
 * ```
 * @throws InsufficientDataError when no pair has a non-zero difference.
 * @throws InvalidArgumentError when x and y differ in length.
 */
export function wilcoxonSignedRank(x: ArrayLike<number>, y: ArrayLike<number>): WilcoxonSignedRankResult {
  if (x.length !== y.length) throw new InvalidArgumentError(`wilcoxonSignedRank needs paired samples of equal length, got ${x.length} and ${y.length}.`);
  const differences = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) differences[i] = (x[i] as number) - (y[i] as number);
  return wilcoxonOfDifferences(differences);
}

/**
 * {@link wilcoxonSignedRank} of the differences x - y already taken (non-finite ones skipped as
 * missing pairs): for callers that have them (the comparison's paired errors). Internal.
 */
export function wilcoxonOfDifferences(differences: Float64Array): WilcoxonSignedRankResult {
  let n = 0;
  let zeros = 0;
  for (let i = 0; i < differences.length; i++) {
    const v = differences[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v === 0) zeros++;
    else n++;
  }
  if (n === 0) throw new InsufficientDataError('wilcoxonSignedRank: every difference is zero or missing; there is nothing to test.');
  const { statistic, tieSizes } = tallyByValue(differences) ?? tallyBySorting(nonZero(differences, n), n);
  const ties = tieSizes.some((t) => t > 1);
  const mean = (n * (n + 1)) / 4;
  if (n < 50 && !ties && zeros === 0) {
    const p = statistic > mean ? signedRankUpperTail(statistic - 1, n) : signedRankLowerTail(statistic, n);
    return { method: 'wilcoxon-signed-rank', n, zeros, statistic, pValue: Math.min(1, 2 * p), exact: true };
  }
  const tieTerm = tieSizes.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
  const centred = statistic - mean;
  const z = (centred - Math.sign(centred) * 0.5) / sigma;
  return { method: 'wilcoxon-signed-rank', n, zeros, statistic, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(z))), exact: false };
}

/** Counts of subsets of {1..n} by their sum: counts[s] = #{A : sum(A) = s}. */
/** V and the sizes of the groups of tied |d| (in increasing |d|), over the non-zero differences. */
interface RankTally {
  readonly statistic: number;
  readonly tieSizes: number[];
}

/** Most distinct |d| counted before {@link tallyByValue} gives way to sorting. */
const MAX_DISTINCT = 4096;

/**
 * The tally by counting: ratings give differences with few distinct sizes, so each |d| and its
 * positive count are tallied in a map and only the distinct sizes are sorted; a group's
 * mid-rank is its cumulative count. Ranks are multiples of 1/2 and their sums stay far below
 * 2^53, so V is exact in any order of summation (the same V as by sorting). Zero and non-finite
 * differences are skipped. null when the differences have more than {@link MAX_DISTINCT} sizes.
 */
function tallyByValue(d: Float64Array): RankTally | null {
  const slot = new Map<number, number>();
  const counts: number[] = [];
  const positives: number[] = [];
  for (let i = 0; i < d.length; i++) {
    const v = d[i] as number;
    if (v === 0 || !Number.isFinite(v)) continue;
    const size = Math.abs(v);
    let at = slot.get(size);
    if (at === undefined) {
      if (counts.length === MAX_DISTINCT) return null;
      at = counts.length;
      slot.set(size, at);
      counts.push(0);
      positives.push(0);
    }
    counts[at] = (counts[at] as number) + 1;
    if (v > 0) positives[at] = (positives[at] as number) + 1;
  }
  const sizes = [...slot.keys()].sort((a, b) => a - b);
  const tieSizes: number[] = [];
  let statistic = 0;
  let below = 0;
  for (const size of sizes) {
    const at = slot.get(size) as number;
    const count = counts[at] as number;
    statistic += ((2 * below + count + 1) / 2) * (positives[at] as number);
    tieSizes.push(count);
    below += count;
  }
  return { statistic, tieSizes };
}

/** The n finite, non-zero differences, in order. */
function nonZero(differences: Float64Array, n: number): Float64Array {
  const d = new Float64Array(n);
  for (let i = 0, at = 0; i < differences.length; i++) {
    const v = differences[i] as number;
    if (v !== 0 && Number.isFinite(v)) d[at++] = v;
  }
  return d;
}

/**
 * The tally by sorting: the absolute values (numeric typed-array sort) and, apart, those of the
 * positive differences; walking both in step gives each group of ties its mid-rank, its size and
 * how many of it are positive.
 */
function tallyBySorting(d: Float64Array, n: number): RankTally {
  const magnitudes = new Float64Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const v = d[i] as number;
    magnitudes[i] = Math.abs(v);
    if (v > 0) positives++;
  }
  const positive = new Float64Array(positives);
  for (let i = 0, at = 0; i < n; i++) if ((d[i] as number) > 0) positive[at++] = d[i] as number;
  magnitudes.sort();
  positive.sort();
  const tieSizes: number[] = [];
  let statistic = 0;
  let next = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    const value = magnitudes[start] as number;
    while (end + 1 < n && magnitudes[end + 1] === value) end++;
    const midRank = (start + end + 2) / 2;
    let count = 0;
    while (next < positives && positive[next] === value) {
      next++;
      count++;
    }
    statistic += midRank * count;
    tieSizes.push(end - start + 1);
    start = end + 1;
  }
  return { statistic, tieSizes };
}

function subsetSumCounts(n: number): Float64Array {
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let s = (k * (k + 1)) / 2; s >= k; s--) counts[s] = (counts[s] as number) + (counts[s - k] as number);
  }
  return counts;
}

/** P(V <= q) under the null with n pairs. */
function signedRankLowerTail(q: number, n: number): number {
  const counts = subsetSumCounts(n);
  let total = 0;
  for (let s = 0; s <= Math.floor(q); s++) total += counts[s] as number;
  return total / 2 ** n;
}

/** P(V > q) under the null with n pairs. */
function signedRankUpperTail(q: number, n: number): number {
  const counts = subsetSumCounts(n);
  let total = 0;
  for (let s = Math.floor(q) + 1; s < counts.length; s++) total += counts[s] as number;
  return total / 2 ** n;
}
