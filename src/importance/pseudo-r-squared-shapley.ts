/**
 * pseudoRSquaredShapley: relative importance for a binary outcome, the Shapley decomposition
 * (general dominance) of a logistic model's pseudo-R-squared over its predictors.
 */
import { InsufficientDataError, InvalidArgumentError } from '../errors.js';
import { createRng, shuffledIndices } from '../random/rng.js';
import { modelData } from '../regression/glm-data.js';
import type { Warning } from '../survey/survey.js';
import { shapleyWeights } from './lmg.js';
import { LogitSubsetFitter, type Patterns, type SubsetFit } from './pseudo-r-squared-kernel.js';
import { type ImportanceGroup, playersOf, type RowsDropped, record } from './relative-importance.js';

/** Pseudo-R-squared measures of a logistic model (all 0 for the intercept-only model). */
export type PseudoRSquaredMeasure = 'mcfadden' | 'estrella' | 'nagelkerke' | 'cox-snell';

/** Every measure, in documentation order. */
export const PSEUDO_R_SQUARED_MEASURES: readonly PseudoRSquaredMeasure[] = ['mcfadden', 'estrella', 'nagelkerke', 'cox-snell'];

/** Largest number of players decomposed exactly by default (2^12 = 4,096 logistic fits). */
export const DEFAULT_MAX_EXACT_PLAYERS = 12;
/** Largest number of players the exact method accepts at all (2^20 fits). */
export const MAX_EXACT_PSEUDO_R_SQUARED_PLAYERS = 20;
/** Random orderings of the sampling estimator when none are given. */
export const DEFAULT_PERMUTATIONS = 200;

/** Options for {@link pseudoRSquaredShapley}. */
export interface PseudoRSquaredShapleyOptions {
  /** Predictor names (default x1, x2, ...). */
  readonly names?: readonly string[];
  /** Prior weights (glm's `weights`); rows with weight 0 are left out. */
  readonly weights?: ArrayLike<number | null>;
  /** The y value that counts as the event. Default: 1 if y is 0/1, else the larger of its two values. */
  readonly positive?: number;
  /** Default 'mcfadden'. */
  readonly measure?: PseudoRSquaredMeasure;
  /**
   * Groups of predictors that enter and leave every model together (one player each), as
   * `{ group: [predictor names] }` or `[{ name, members }]`; every predictor in exactly one group.
   * Used for dummy-variable adjustment (a touchpoint and its "not answered" indicator).
   */
  readonly groups?: Readonly<Record<string, readonly string[]>> | readonly ImportanceGroup[];
  /**
   * Estimate from seeded random orderings instead of all subsets. Used automatically, with
   * {@link DEFAULT_PERMUTATIONS} orderings and seed 1, beyond `maxExactPlayers` players.
   */
  readonly sampling?: { readonly permutations: number; readonly seed: number };
  /** Players up to which the exact decomposition is used when `sampling` is not given. Default 12. */
  readonly maxExactPlayers?: number;
}

/** Result of {@link pseudoRSquaredShapley}. Shaped like relativeImportance's result. */
export interface PseudoRSquaredShapleyResult {
  readonly method: 'pseudo-r-squared-shapley';
  readonly measure: PseudoRSquaredMeasure;
  /** True for the all-subsets decomposition, false for the sampling estimate. */
  readonly exact: boolean;
  /** The measure for the full model. */
  readonly rSquared: number;
  /** Shapley value per predictor (or per group); they sum to `rSquared` (exactly for the sampling estimate too). */
  readonly importance: Readonly<Record<string, number>>;
  /** Monte Carlo standard errors (sampling only). */
  readonly standardErrors?: Readonly<Record<string, number>>;
  /** Orderings and seed of the sampling estimate (sampling only). */
  readonly sampling?: { readonly permutations: number; readonly seed: number };
  /** Log-likelihoods of the full and the intercept-only model (glm's logLik for unit or integer weights). */
  readonly logLik: number;
  readonly nullLogLik: number;
  /** Logistic models fitted (distinct subsets). */
  readonly fits: number;
  /** The y value modelled as the event. */
  readonly positive: number;
  /** Complete cases used by every subset model. */
  readonly n: number;
  /** Rows left out by reason: a missing value in y, a predictor or the weight; weight 0. */
  readonly rowsDropped: RowsDropped;
  readonly warnings: readonly Warning[];
}

/**
 * Relative importance of predictors of a binary outcome: the Shapley value of a pseudo-R-squared
 * of the logistic model over all subsets of predictors, i.e. the general dominance statistic of
 * R's dominanceanalysis and domir for glm(family = binomial) (Budescu 1993; Azen & Traxel 2009).
 * For each subset S of players, R2(S) is computed from the maximised log-likelihood LL(S) and the
 * intercept-only LL(0) on the same complete cases (N = sum of weights):
 *
 * - `mcfadden` (McFadden 1974): 1 - LL(S) / LL(0);
 * - `estrella` (Estrella 1998): 1 - (LL(S) / LL(0))^(-(2/N) LL(0));
 * - `cox-snell`: 1 - exp(2 (LL(0) - LL(S)) / N);
 * - `nagelkerke` (Nagelkerke 1991): Cox-Snell / (1 - exp(2 LL(0) / N)).
 *
 * Shapley value of player j: sum over subsets S without j of |S|! (p - |S| - 1)! / p! (R2(S + j) - R2(S)).
 *
 * Algorithm: exact (up to `maxExactPlayers`, default 12): one logistic fit per subset, 2^p - 1 in
 * all, enumerated depth first so each fit starts from its parent's coefficients (the added
 * predictors at 0): Newton-Raphson with step halving until the Newton decrement is below 1e-12
 * |LL|, on columns validated once and shared by every fit. Sampling (beyond that, or with
 * `sampling`): each of `permutations` seeded random orderings adds the players one at a time and
 * credits each with its R2 increment; estimate = mean increment, standard error = standard
 * deviation of the increments / sqrt(permutations) (Castro, Gomez & Tejada 2009); fits of repeated
 * subsets are reused.
 *
 * Accuracy: exact values equal all-subsets glm(binomial) fits in R (glm.control(epsilon = 1e-14))
 * to 1e-10 relative (test/golden/pseudo-r-squared/generate.R), unweighted, weighted and grouped.
 *
 * With prior weights, LL = sum of w_i log P(y_i) (= -deviance / 2), which equals glm's logLik for
 * integer weights.
 *
 * @example
 * ```ts
 * const r = pseudoRSquaredShapley(X, satisfied, { names: ['wifi', 'boarding', 'seat'] });
 * r.importance; // { wifi: 0.061, boarding: 0.142, seat: 0.038 }, summing to r.rSquared = 0.241
 * ```
 * @throws InvalidArgumentError for bad options, a y that is not binary, infinite values.
 * @throws InsufficientDataError with too few complete rows or only one outcome value, or too many
 *   players for the exact method.
 * @throws RankDeficientError for a constant or collinear predictor; ConvergenceError for separation.
 */
export function pseudoRSquaredShapley(X: readonly (readonly (number | null)[])[], y: ArrayLike<number | null>, options: PseudoRSquaredShapleyOptions = {}): PseudoRSquaredShapleyResult {
  const measure = options.measure ?? 'mcfadden';
  if (!PSEUDO_R_SQUARED_MEASURES.includes(measure)) throw new InvalidArgumentError(`measure must be one of ${PSEUDO_R_SQUARED_MEASURES.join(', ')}, got ${JSON.stringify(measure)}.`);
  const data = modelData('pseudoRSquaredShapley', X, y, options);
  const { n, p, names } = data;
  if (new Set(names).size !== names.length) throw new InvalidArgumentError('Predictor names must be unique.');
  if (p === 0) throw new InvalidArgumentError('pseudoRSquaredShapley needs at least one predictor.');
  const rowsDropped = data.rowsDropped.missing + data.rowsDropped.zeroWeight;
  const values = [...new Set(data.y)].sort((a, b) => a - b);
  if (values.length > 2) throw new InvalidArgumentError(`pseudoRSquaredShapley needs a binary outcome; y has ${values.length} values (${values.slice(0, 5).join(', ')}...).`);
  if (n === 0) throw new InsufficientDataError(`pseudoRSquaredShapley: no complete rows (${rowsDropped} dropped for missing values or zero weight).`);
  if (values.length < 2) throw new InsufficientDataError(`pseudoRSquaredShapley needs both outcomes, but every complete row has y = ${values[0]}.`);
  const positive = options.positive ?? (values[1] === 1 && values[0] === 0 ? 1 : (values[1] as number));
  if (!values.includes(positive)) throw new InvalidArgumentError(`positive = ${positive} is not one of the outcome values ${values.join(', ')}.`);
  if (n <= p + 1)
    throw new InsufficientDataError(
      `pseudoRSquaredShapley requires more than ${p + 1} complete rows for ${p} predictors and an intercept, got ${n}${rowsDropped > 0 ? ` (${rowsDropped} rows dropped for missing values or zero weight)` : ''}.`,
    );
  const columns = Array.from({ length: p }, (_, j) => Float64Array.from(data.rows, (row) => row[j] as number));
  const event = Float64Array.from(data.y, (v) => (v === positive ? 1 : 0));
  const weighted = options.weights !== undefined;
  const fitter = new LogitSubsetFitter(columns, names, event, weighted ? data.w : null);
  const players = playersOf(names, options.groups);
  const labels = players.map((pl) => pl.label);
  const indices = players.map((pl) => pl.indices);
  const score = measureOf(measure, fitter.nullLogLik, fitter.totalWeight);
  const warnings: Warning[] = [];
  if (rowsDropped > 0)
    warnings.push({
      code: 'rows_dropped_missing',
      message: `${rowsDropped} row${rowsDropped === 1 ? '' : 's'} with a missing value or weight 0 left out; every subset model uses the same ${n} complete rows.`,
    });
  const totals = [0, 0];
  event.forEach((v, i) => {
    totals[v] = (totals[v] as number) + (weighted ? (data.w[i] as number) : 1);
  });
  const smaller = Math.min(...totals);
  if (smaller < 10 * p)
    warnings.push({ code: 'few_events', message: `Only ${Math.round(smaller)} cases in the smaller outcome group for ${p} predictors (fewer than 10 per predictor): estimates may be biased.` });

  const maxExact = options.maxExactPlayers ?? DEFAULT_MAX_EXACT_PLAYERS;
  if (!(Number.isInteger(maxExact) && maxExact >= 1 && maxExact <= MAX_EXACT_PSEUDO_R_SQUARED_PLAYERS)) {
    throw new InvalidArgumentError(`maxExactPlayers must be an integer from 1 to ${MAX_EXACT_PSEUDO_R_SQUARED_PLAYERS}, got ${maxExact}.`);
  }
  const sampling = options.sampling ?? (players.length > maxExact ? { permutations: DEFAULT_PERMUTATIONS, seed: 1 } : undefined);
  const base = {
    method: 'pseudo-r-squared-shapley' as const,
    measure,
    nullLogLik: fitter.nullLogLik,
    positive,
    n,
    rowsDropped: { missing: data.rowsDropped.missing, zeroWeight: data.rowsDropped.zeroWeight },
    warnings,
  };
  if (sampling !== undefined) {
    const { permutations, seed } = sampling;
    if (!Number.isInteger(permutations) || permutations < 2) throw new InvalidArgumentError(`sampling.permutations must be an integer of at least 2, got ${permutations}.`);
    if (!Number.isSafeInteger(seed)) throw new InvalidArgumentError(`sampling.seed must be an integer, got ${seed}.`);
    const sampled = sampledPseudoShapley(fitter, indices, score, permutations, seed);
    warnings.push({
      code: 'importance_sampled',
      message: `Importance estimated from ${permutations} random orderings (seed ${seed}) of ${players.length} predictors${options.sampling === undefined ? ` (more than ${maxExact} predictors; set sampling or maxExactPlayers to choose)` : ''}; see standardErrors.`,
    });
    return {
      ...base,
      exact: false,
      rSquared: score(sampled.fullLogLik),
      importance: record(labels, (j) => sampled.values[j] as number),
      standardErrors: record(labels, (j) => sampled.standardErrors[j] as number),
      sampling: { permutations, seed },
      logLik: sampled.fullLogLik,
      fits: sampled.fits,
    };
  }
  const logLiks = subsetLogLiks(fitter, indices);
  const r2 = logLiks.map((ll, mask) => (mask === 0 ? 0 : score(ll)));
  const shapley = shapleyFromSubsets(r2, players.length);
  const full = logLiks[logLiks.length - 1] as number;
  return { ...base, exact: true, rSquared: score(full), importance: record(labels, (j) => shapley[j] as number), logLik: full, fits: logLiks.length - 1 };
}

/** The measure as a function of a subset's log-likelihood. */
export function measureOf(measure: PseudoRSquaredMeasure, nullLogLik: number, total: number): (logLik: number) => number {
  switch (measure) {
    case 'mcfadden':
      return (ll) => 1 - ll / nullLogLik;
    case 'estrella':
      return (ll) => 1 - (ll / nullLogLik) ** ((-2 / total) * nullLogLik);
    case 'cox-snell':
      return (ll) => -Math.expm1((2 * (nullLogLik - ll)) / total);
    default: {
      const maximum = -Math.expm1((2 * nullLogLik) / total);
      return (ll) => -Math.expm1((2 * (nullLogLik - ll)) / total) / maximum;
    }
  }
}

/**
 * Log-likelihood of the logistic model on every subset of players (index = bit mask; entry 0 is
 * the intercept-only model), by a depth-first enumeration in which each fit starts from its
 * parent subset's coefficients with the added player's at 0.
 */
export function subsetLogLiks(fitter: LogitSubsetFitter, players: readonly (readonly number[])[]): Float64Array {
  const p = players.length;
  if (p > MAX_EXACT_PSEUDO_R_SQUARED_PLAYERS) {
    throw new InsufficientDataError(`The exact decomposition over ${p} predictors would need 2^${p} logistic fits; group them or use sampling: { permutations: ${DEFAULT_PERMUTATIONS}, seed: 1 }.`);
  }
  const out = new Float64Array(2 ** p);
  out[0] = fitter.nullLogLik;
  const visit = (first: number, parent: SubsetFit | null, cols: readonly number[], beta: Float64Array, mask: number, patterns: Patterns): void => {
    for (let t = first; t < p; t++) {
      const added = players[t] as readonly number[];
      const start = new Float64Array(beta.length + added.length);
      start.set(beta);
      const childCols = [...cols, ...added];
      const childPatterns = fitter.refine(patterns, added);
      const fit = fitter.fit(childCols, start, childPatterns, parent);
      const childMask = mask | (1 << t);
      out[childMask] = fit.logLik;
      visit(t + 1, fit, childCols, fit.beta, childMask, childPatterns);
    }
  };
  visit(0, null, [], Float64Array.of(fitter.nullIntercept), 0, fitter.root);
  return out;
}

/** Shapley values from a value per subset (bit mask over p players, value[0] the empty set's). */
export function shapleyFromSubsets(value: ArrayLike<number>, p: number): Float64Array {
  const weights = shapleyWeights(p);
  const out = new Float64Array(p);
  const size = new Uint8Array(2 ** p);
  for (let mask = 1; mask < size.length; mask++) size[mask] = (size[mask >> 1] as number) + (mask & 1);
  for (let j = 0; j < p; j++) {
    const bit = 1 << j;
    let sum = 0;
    for (let mask = 0; mask < size.length; mask++) {
      if ((mask & bit) !== 0) continue;
      sum += (weights[size[mask] as number] as number) * ((value[mask | bit] as number) - (value[mask] as number));
    }
    out[j] = sum;
  }
  return out;
}

/** Permutation-sampling Shapley estimate with Monte Carlo standard errors. */
function sampledPseudoShapley(
  fitter: LogitSubsetFitter,
  players: readonly (readonly number[])[],
  score: (ll: number) => number,
  permutations: number,
  seed: number,
): { values: Float64Array; standardErrors: Float64Array; fullLogLik: number; fits: number } {
  const p = players.length;
  const rng = createRng(seed);
  // Subsets seen so far, keyed by their sorted player list: log-likelihood and coefficients.
  const cache = new Map<string, { logLik: number; cols: readonly number[]; beta: Float64Array; fit: SubsetFit | null }>();
  cache.set('', { logLik: fitter.nullLogLik, cols: [], beta: Float64Array.of(fitter.nullIntercept), fit: null });
  const sum = new Float64Array(p);
  const sumSq = new Float64Array(p);
  let fullLogLik = fitter.nullLogLik;
  for (let r = 0; r < permutations; r++) {
    const order = shuffledIndices(p, rng);
    const included = new Uint8Array(p);
    let parent = cache.get('') as { logLik: number; cols: readonly number[]; beta: Float64Array; fit: SubsetFit | null };
    let previous = 0;
    let patterns = fitter.root;
    for (const t of order) {
      included[t] = 1;
      const key = keyOf(included);
      let entry = cache.get(key);
      // Patterns follow the ordering (cheap next to a fit); a subset seen before is not refitted.
      patterns = fitter.refine(patterns, players[t] as readonly number[]);
      if (entry === undefined) {
        const cols = players.flatMap((members, u) => (included[u] === 1 ? members : []));
        const fit = fitter.fit(cols, startFrom(parent, cols, fitter.nullIntercept), patterns, parent.fit);
        entry = { logLik: fit.logLik, cols, beta: fit.beta, fit };
        cache.set(key, entry);
      }
      const value = score(entry.logLik);
      const increment = value - previous;
      previous = value;
      sum[t] = (sum[t] as number) + increment;
      sumSq[t] = (sumSq[t] as number) + increment * increment;
      parent = entry;
    }
    fullLogLik = parent.logLik;
  }
  const values = sum.map((s) => s / permutations);
  const standardErrors = values.map((mean, t) => {
    const variance = ((sumSq[t] as number) - permutations * mean * mean) / (permutations - 1);
    return Math.sqrt(Math.max(0, variance) / permutations);
  });
  return { values, standardErrors, fullLogLik, fits: cache.size - 1 };
}

function keyOf(included: Uint8Array): string {
  let key = '';
  for (let t = 0; t < included.length; t++) if (included[t] === 1) key += `${t},`;
  return key;
}

/** Starting coefficients for `cols` from a parent fit: its coefficients where it has the column, 0 elsewhere. */
function startFrom(parent: { cols: readonly number[]; beta: Float64Array }, cols: readonly number[], intercept: number): Float64Array {
  const start = new Float64Array(cols.length + 1);
  start[0] = parent.cols.length === 0 ? intercept : (parent.beta[0] as number);
  const position = new Map(parent.cols.map((c, k) => [c, k + 1]));
  cols.forEach((c, k) => {
    const at = position.get(c);
    if (at !== undefined) start[k + 1] = parent.beta[at] as number;
  });
  return start;
}
