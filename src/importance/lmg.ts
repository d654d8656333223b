/**
 * LMG / Shapley decomposition of R-squared: exact over all subsets, or estimated from random
 * orderings for many predictors.
 */
import { eliminateLeading } from '../linalg/sweep.js';
import { createRng } from '../random/rng.js';

/**
 * Calls `visit(mask, size, rSquared)` once for every subset of players (bit i of `mask` = player
 * i included; `size` = number of players). Players are groups of variable indices (0..k-1) into
 * the (k+1) x (k+1) correlation matrix `corr`, whose last row/column is the outcome.
 *
 * Algorithm: depth-first enumeration by increasing player index. A child subset's matrix is the
 * Schur complement of its parent's after eliminating the added player's variables, restricted to
 * the variables of later players and the outcome; R^2 of a subset is 1 minus the outcome's
 * remaining diagonal entry. Every subset's matrix is reached by at most k eliminations from the
 * original (no accumulation of rounding along the enumeration), and each costs O(m^2) for the m
 * variables still in play, so the whole enumeration is O(2^p k^2) at most and much less on average.
 */
export function forEachSubsetRSquared(
  corr: Float64Array,
  players: readonly (readonly number[])[],
  visit: (mask: number, size: number, rSquared: number) => void,
): void {
  const k = Math.round(Math.sqrt(corr.length)) - 1;
  // Reorder variables player by player, outcome last.
  const order = [...players.flat(), k];
  const dim = order.length;
  const m0 = new Float64Array(dim * dim);
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) m0[a * dim + b] = corr[(order[a] as number) * (k + 1) + (order[b] as number)] as number;
  const offsets: number[] = [];
  let offset = 0;
  for (const p of players) {
    offsets.push(offset);
    offset += p.length;
  }
  const levels = players.length + 1;
  const buffers = Array.from({ length: levels }, () => new Float64Array(dim * dim));
  const work = new Float64Array(dim * dim);
  const recurse = (m: Float64Array, mDim: number, base: number, first: number, mask: number, size: number): void => {
    visit(mask, size, 1 - (m[mDim * mDim - 1] as number));
    for (let t = first; t < players.length; t++) {
      const from = (offsets[t] as number) - base;
      const count = (players[t] as readonly number[]).length;
      const child = buffers[size + 1] as Float64Array;
      eliminateLeading(m, mDim, from, count, child, work);
      recurse(child, mDim - from - count, (offsets[t] as number) + count, t + 1, mask | (1 << t), size + 1);
    }
  };
  recurse(m0, dim, 0, 0, 0, 0);
}

/** Shapley weight of a coalition of `size` others in a game of `players` players: s!(p-s-1)!/p!. */
export function shapleyWeights(players: number): Float64Array {
  const weights = new Float64Array(players);
  for (let s = 0; s < players; s++) {
    // 1 / (p * C(p - 1, s)), with the binomial built multiplicatively (exact for p <= 50).
    let binomial = 1;
    for (let i = 1; i <= s; i++) binomial = (binomial * (players - s + i - 1)) / i;
    weights[s] = 1 / (players * binomial);
  }
  return weights;
}

/**
 * Exact Shapley values of R^2 over players (LMG when each player is one predictor), from
 * lmg_j = sum over subsets T containing j of w(|T| - 1) R^2(T) - sum over S not containing j of
 * w(|S|) R^2(S): each subset's R^2 is used once, as it is enumerated, with no table of 2^p values.
 */
export function exactShapley(corr: Float64Array, players: readonly (readonly number[])[]): { values: Float64Array; rSquared: number } {
  const p = players.length;
  const weights = shapleyWeights(p);
  const values = new Float64Array(p);
  let full = 0;
  forEachSubsetRSquared(corr, players, (mask, size, r2) => {
    if (size === p) full = r2;
    const inWeight = size > 0 ? (weights[size - 1] as number) * r2 : 0;
    const outWeight = size < p ? (weights[size] as number) * r2 : 0;
    for (let j = 0; j < p; j++) values[j] = (values[j] as number) + ((mask >>> j) & 1 ? inWeight : -outWeight);
  });
  return { values, rSquared: full };
}

/**
 * Monte Carlo Shapley values from `permutations` random orderings (seeded): each ordering adds the
 * players one by one and credits each with its R^2 increment; the estimate is the mean increment
 * and its standard error the standard deviation over orderings / sqrt(permutations).
 * Reference: Castro, Gomez & Tejada (2009), polynomial calculation of the Shapley value based on
 * sampling.
 */
export function sampledShapley(
  corr: Float64Array,
  players: readonly (readonly number[])[],
  permutations: number,
  seed: number,
): { values: Float64Array; standardErrors: Float64Array; rSquared: number } {
  const p = players.length;
  const k = Math.round(Math.sqrt(corr.length)) - 1;
  const rng = createRng(seed);
  const sum = new Float64Array(p);
  const sumSq = new Float64Array(p);
  const dim = k + 1;
  const buffers = [new Float64Array(dim * dim), new Float64Array(dim * dim)];
  const work = new Float64Array(dim * dim);
  let rSquared = 0;
  for (let r = 0; r < permutations; r++) {
    const order = Array.from({ length: p }, (_, i) => i);
    for (let i = p - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    // Variables in the permuted player order, outcome last.
    const vars = [...order.flatMap((t) => players[t] as number[]), k];
    let m: Float64Array = new Float64Array(dim * dim);
    for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) m[a * dim + b] = corr[(vars[a] as number) * dim + (vars[b] as number)] as number;
    let mDim = dim;
    let previous = 0;
    order.forEach((t, step) => {
      const count = (players[t] as readonly number[]).length;
      const out = buffers[step % 2] as Float64Array;
      eliminateLeading(m, mDim, 0, count, out, work);
      m = out;
      mDim -= count;
      const r2 = 1 - (m[mDim * mDim - 1] as number);
      const increment = r2 - previous;
      previous = r2;
      sum[t] = (sum[t] as number) + increment;
      sumSq[t] = (sumSq[t] as number) + increment * increment;
    });
    rSquared = previous;
  }
  const values = sum.map((s) => s / permutations);
  const standardErrors = values.map((mean, t) => {
    const variance = ((sumSq[t] as number) - permutations * mean * mean) / Math.max(1, permutations - 1);
    return Math.sqrt(Math.max(0, variance) / permutations);
  });
  return { values, standardErrors, rSquared };
}
