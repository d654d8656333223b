/**
 * relativeImportance: how much of R-squared each predictor (touchpoint) accounts for.
 */
import { InsufficientDataError, InvalidArgumentError, RankDeficientError, type Warning } from '../errors.js';
import { correlationMatrix } from '../linalg/correlation.js';
import type { CrossProducts } from '../linalg/cross-product.js';
import { symmetricEigen } from '../linalg/jacobi.js';
import { sweepInPlace } from '../linalg/sweep.js';
import { unitWeights } from '../regression/ols-columns.js';
import { type DominanceDetails, dominanceAnalysis } from './dominance.js';
import { exactShapley, sampledShapley } from './lmg.js';

/** Relative-importance measures. Values are on the R-squared scale (relaimpo's `rela = FALSE`). */
export type ImportanceMethod = 'lmg' | 'pratt' | 'first' | 'last' | 'betasq' | 'johnson' | 'dominance';

/** Every method, in documentation order. */
export const IMPORTANCE_METHODS: readonly ImportanceMethod[] = ['lmg', 'pratt', 'first', 'last', 'betasq', 'johnson', 'dominance'];

/** Largest number of players for the exact LMG (2^25 subsets). */
export const MAX_EXACT_LMG_PLAYERS = 25;
/** Largest number of predictors for complete dominance analysis (2^20 subset R-squared values kept). */
export const MAX_DOMINANCE_PREDICTORS = 20;

/** A group of predictors (a journey stage) in the array form of `groups`. */
export interface ImportanceGroup {
  readonly name: string;
  readonly members: readonly string[];
}

/** Options for {@link relativeImportance}. */
export interface RelativeImportanceOptions {
  readonly method: ImportanceMethod;
  /** Predictor names (default x1, x2, ...). */
  readonly names?: readonly string[];
  /** Non-negative case weights: weighted correlations. */
  readonly weights?: ArrayLike<number | null>;
  /**
   * Groups of predictors (journey stages) treated as one player in the Shapley decomposition
   * (`lmg` only), as `{ stage: [predictor names] }` or, to keep an order or use any name,
   * `[{ name: 'stage', members: [predictor names] }]`; every predictor must be in exactly one group.
   */
  readonly groups?: Readonly<Record<string, readonly string[]>> | readonly ImportanceGroup[];
  /**
   * LMG by Monte Carlo over random orderings instead of all subsets (for more than 25 players).
   * The result carries `standardErrors`.
   */
  readonly sampling?: { readonly permutations: number; readonly seed: number };
  /**
   * Predictors kept in every model (adjustment covariates, relaimpo's `always`): importance is
   * shared among the other predictors only and sums to R^2 - R^2(always) (`lmg` only).
   */
  readonly always?: readonly string[];
}

/** Result of {@link relativeImportance}. */
export interface RelativeImportanceResult {
  readonly method: ImportanceMethod;
  /** R-squared of the full model on the complete cases. */
  readonly rSquared: number;
  /** R-squared of the `always` predictors alone (0 without them). */
  readonly rSquaredAlways?: number;
  /** Importance per predictor (or per group), summing to R-squared for lmg, johnson and dominance. */
  readonly importance: Readonly<Record<string, number>>;
  /** Monte Carlo standard errors (sampled LMG only). */
  readonly standardErrors?: Readonly<Record<string, number>>;
  /** Dominance details (method 'dominance' only). */
  readonly dominance?: DominanceDetails;
  readonly n: number;
  /** Rows left out, by reason, as the regressions count them: a missing value (in X, y or the weight), or weight 0. */
  readonly rowsDropped: RowsDropped;
  readonly warnings: readonly Warning[];
}

/** Rows left out of a model, by reason: the same shape in the regressions and the importance measures. */
export interface RowsDropped {
  /** A missing value in a predictor, the outcome or the weight. */
  readonly missing: number;
  /** Weight 0. */
  readonly zeroWeight: number;
}

/** Complete-case correlation matrix of predictors and outcome (outcome last), with accounting. */
export interface ImportanceData {
  readonly names: readonly string[];
  readonly corr: Float64Array;
  readonly n: number;
  /** Rows left out by reason; a count alone (the streaming accumulator's) counts rows with a missing value. */
  readonly rowsDropped: RowsDropped | number;
  /** Complete-case columns: the predictors, then the outcome. */
  readonly columns: readonly Float64Array[];
  /** Complete-case weights (all 1 without weights). */
  readonly weights: Float64Array;
  readonly weighted: boolean;
}

/**
 * Complete cases of X, y (and weights) and their correlation matrix, outcome last.
 *
 * @throws InvalidArgumentError, InsufficientDataError as {@link relativeImportance}.
 */
export function importanceData(
  X: readonly (readonly (number | null)[])[],
  y: ArrayLike<number | null>,
  options: { names?: readonly string[]; weights?: ArrayLike<number | null> } = {},
): ImportanceData {
  if (X.length !== y.length) throw new InvalidArgumentError(`relativeImportance needs one row of X per value of y, got ${X.length} and ${y.length}.`);
  const k = X[0]?.length ?? options.names?.length ?? 0;
  const names = options.names ? [...options.names] : Array.from({ length: k }, (_, j) => `x${j + 1}`);
  if (names.length !== k) throw new InvalidArgumentError(`names has ${names.length} entries but X has ${k} columns.`);
  if (new Set(names).size !== names.length) throw new InvalidArgumentError('Predictor names must be unique.');
  if (k === 0) throw new InvalidArgumentError('relativeImportance needs at least one predictor.');
  // One plain pass (no per-row arrays or callbacks: this runs cold on a first call): each row's
  // values are written at the next free position and kept only when the row is complete.
  const rows = y.length;
  const columns = Array.from({ length: k + 1 }, () => new Float64Array(rows));
  const w = new Float64Array(rows);
  const weights = options.weights;
  let n = 0;
  let dropped = 0;
  let zeroWeight = 0;
  for (let i = 0; i < rows; i++) {
    const row = X[i] as readonly (number | null)[];
    if (row.length !== k) throw new InvalidArgumentError(`Row ${i + 1} of X has ${row.length} values; row 1 has ${k}.`);
    const weight = weights === undefined ? 1 : weights[i];
    let missing = false;
    let infinite = false;
    for (let j = 0; j <= k; j++) {
      const v = j < k ? row[j] : y[i];
      if (typeof v !== 'number' || Number.isNaN(v)) missing = true;
      else if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) infinite = true;
      else (columns[j] as Float64Array)[n] = v;
    }
    if (infinite || (typeof weight === 'number' && !Number.isFinite(weight))) throw new InvalidArgumentError(`Row ${i + 1} has an infinite value; use NaN or null for missing values.`);
    if (typeof weight === 'number' && weight < 0) throw new InvalidArgumentError(`Weight ${weight} in row ${i + 1} is negative; weights must be >= 0.`);
    if (missing || typeof weight !== 'number' || weight === 0) {
      dropped++;
      if (!missing && weight === 0) zeroWeight++;
      continue;
    }
    w[n] = weight;
    n++;
  }
  if (n < k + 2) {
    throw new InsufficientDataError(
      `relativeImportance requires at least ${k + 2} complete rows for ${k} predictors, got ${n}${dropped > 0 ? ` (${dropped} rows dropped for missing values or zero weight)` : ''}.`,
    );
  }
  const complete = n === rows ? columns : columns.map((c) => c.slice(0, n));
  const completeWeights = n === rows ? w : w.slice(0, n);
  const corr = correlationMatrix(complete, weights === undefined ? undefined : completeWeights);
  const constant = [...names, 'the outcome'].filter((_, j) => !Number.isFinite(corr[j * (k + 1) + j] as number));
  if (constant.length > 0) {
    throw new RankDeficientError(
      `${constant.join(', ')} ${constant.length === 1 ? 'is' : 'are'} constant on the complete cases; relative importance needs variation in every predictor and the outcome.`,
      constant,
    );
  }
  return { names, corr, n, rowsDropped: { missing: dropped - zeroWeight, zeroWeight }, columns: complete, weights: completeWeights, weighted: weights !== undefined };
}

/**
 * {@link importanceData} of complete cases held by column (one array per name, and y; every value
 * a finite number, every weight positive), without building rows: the same correlation matrix,
 * bit for bit. The columns are used as they are, not copied. With `products` (the centred,
 * weighted cross-products of the same columns and y, as a least-squares fit from 10,000 rows
 * forms them) the correlations are M_ab / sqrt(M_aa M_bb) of those instead of another pass over
 * the data (equal to the pass's to rounding).
 *
 * @throws InvalidArgumentError, InsufficientDataError, RankDeficientError as {@link relativeImportance}.
 */
export function importanceDataOfColumns(columns: readonly Float64Array[], y: Float64Array, options: { names: readonly string[]; weights?: Float64Array; products?: CrossProducts }): ImportanceData {
  const k = columns.length;
  const names = [...options.names];
  if (names.length !== k) throw new InvalidArgumentError(`names has ${names.length} entries but there are ${k} columns.`);
  if (new Set(names).size !== names.length) throw new InvalidArgumentError('Predictor names must be unique.');
  if (k === 0) throw new InvalidArgumentError('relativeImportance needs at least one predictor.');
  const n = y.length;
  if (n < k + 2) throw new InsufficientDataError(`relativeImportance requires at least ${k + 2} complete rows for ${k} predictors, got ${n}.`);
  const all = [...columns, y];
  const corr = options.products === undefined ? correlationMatrix(all, options.weights) : correlationOfCrossProducts(options.products);
  const constant = [...names, 'the outcome'].filter((_, j) => !Number.isFinite(corr[j * (k + 1) + j] as number));
  if (constant.length > 0) {
    throw new RankDeficientError(
      `${constant.join(', ')} ${constant.length === 1 ? 'is' : 'are'} constant on the complete cases; relative importance needs variation in every predictor and the outcome.`,
      constant,
    );
  }
  return { names, corr, n, rowsDropped: { missing: 0, zeroWeight: 0 }, columns: all, weights: options.weights ?? unitWeights(n), weighted: options.weights !== undefined };
}

/**
 * The correlation matrix of centred cross-products; a constant column (standard deviation at most
 * 1e-14 of its mean's size, `correlationMatrix`'s rule with the mean for the largest value) gets
 * NaN in its row and column, diagonal included.
 */
function correlationOfCrossProducts(products: CrossProducts): Float64Array {
  const { comoments, means, weight } = products;
  const q = means.length;
  const constant = Array.from({ length: q }, (_, a) => !(Math.sqrt((comoments[a * q + a] as number) / weight) > 1e-14 * Math.abs(means[a] as number)) || !((comoments[a * q + a] as number) > 0));
  const corr = new Float64Array(q * q);
  for (let a = 0; a < q; a++) {
    for (let b = 0; b < q; b++) {
      const scale = Math.sqrt((comoments[a * q + a] as number) * (comoments[b * q + b] as number));
      corr[a * q + b] = constant[a] || constant[b] ? Number.NaN : a === b ? 1 : (comoments[a * q + b] as number) / scale;
    }
  }
  return corr;
}

/**
 * {@link relativeImportance} of complete cases held by column (see {@link importanceDataOfColumns}):
 * the same result as on the rows they make.
 */
export function relativeImportanceOfColumns(
  columns: readonly Float64Array[],
  y: Float64Array,
  options: RelativeImportanceOptions & { readonly names: readonly string[]; readonly weights?: Float64Array; readonly products?: CrossProducts },
): RelativeImportanceResult {
  const data = importanceDataOfColumns(columns, y, options);
  if (options.always !== undefined && options.always.length > 0) return importanceWithAlways(data, options);
  return importanceFromData(data, options);
}

/**
 * Relative importance of predictors for an outcome, from the correlation matrix of the complete
 * cases (every subset model uses the same rows), as R's relaimpo (Gromping 2006) with
 * `rela = FALSE`:
 *
 * - `lmg`: Shapley value of R^2 (Lindeman, Merenda & Gold 1980): each predictor's R^2 increment
 *   averaged over all orderings; exact over all 2^k subsets (k <= 25; `groups` make journey stages
 *   single players), or estimated from seeded random orderings with `sampling`.
 * - `pratt`: standardized coefficient times the zero-order correlation (Pratt 1987).
 * - `first`: squared zero-order correlation; `last`: the R^2 lost when the predictor is removed
 *   last; `betasq`: squared standardized coefficient.
 * - `johnson`: relative weights (Johnson 2000): R^2 shared out through the orthogonal
 *   counterparts of the predictors (symmetric square root of the predictor correlation matrix).
 * - `dominance`: general dominance (= LMG) with conditional and complete dominance
 *   (Budescu 1993; Azen & Budescu 2003) in `dominance`.
 *
 * Accuracy: lmg, pratt, first, last and betasq equal relaimpo 2.2.7 to 1e-10 absolute on the
 * reference surveys; johnson, dominance, grouped and weighted LMG equal base-R computations from
 * all-subset `lm` fits to 1e-10.
 *
 * @example
 * ```ts
 * // The Zhijiang reconstruction: seven touchpoints, 43 complete cases.
 * const r = relativeImportance(X, y, { method: 'lmg', names: touchpointIds });
 * r.importance.delivery; // 0.195
 * r.importance.meeting;  // 0.159 (all seven sum to r.rSquared = 0.419)
 * ```
 * @throws InvalidArgumentError for an unknown method, bad names or groups, infinite values.
 * @throws InsufficientDataError with fewer than k + 2 complete rows, or too many predictors for an
 *   exact method (the message suggests groups or sampling).
 * @throws RankDeficientError for a constant or perfectly collinear predictor.
 */
export function relativeImportance(X: readonly (readonly (number | null)[])[], y: ArrayLike<number | null>, options: RelativeImportanceOptions): RelativeImportanceResult {
  const data = importanceData(X, y, options);
  if (options.always !== undefined && options.always.length > 0) return importanceWithAlways(data, options);
  return importanceFromData(data, options);
}

/**
 * LMG among the predictors not in `always`, conditional on them: the correlation matrix is swept
 * on the always-predictors (leaving the partial covariances of the rest and the outcome), rescaled
 * to a correlation matrix, decomposed, and scaled back by 1 - R^2(always), so that every subset's
 * increment is R^2(S + always) - R^2(always), as relaimpo's `always`.
 */
function importanceWithAlways(data: ImportanceData, options: RelativeImportanceOptions): RelativeImportanceResult {
  if (options.method !== 'lmg') throw new InvalidArgumentError(`always applies to the lmg method only, not ${options.method}.`);
  const { names, corr } = data;
  const k = names.length;
  const dim = k + 1;
  const alwaysIndex = (options.always as readonly string[]).map((name) => {
    const j = names.indexOf(name);
    if (j < 0) throw new InvalidArgumentError(`always names "${name}", which is not a predictor; predictors: ${names.join(', ')}.`);
    return j;
  });
  const rest = names.map((_, j) => j).filter((j) => !alwaysIndex.includes(j));
  if (rest.length === 0) throw new InvalidArgumentError('always lists every predictor; leave at least one to share the importance.');
  const swept = corr.slice();
  if (!sweepInPlace(swept, dim, alwaysIndex, 1e-10)) {
    throw new RankDeficientError(`The always-predictors ${(options.always as readonly string[]).join(', ')} are collinear; remove one.`, [...(options.always as readonly string[])]);
  }
  const rSquaredAlways = 1 - (swept[k * dim + k] as number);
  const keep = [...rest, k];
  const size = keep.length;
  const partial = new Float64Array(size * size);
  keep.forEach((a, p) => {
    keep.forEach((b, q) => {
      partial[p * size + q] = (swept[a * dim + b] as number) / Math.sqrt((swept[a * dim + a] as number) * (swept[b * dim + b] as number));
    });
  });
  const reduced: ImportanceData = { ...data, names: rest.map((j) => names[j] as string), corr: partial };
  const { always: _always, ...withoutAlways } = options;
  const inner = importanceFromData(reduced, withoutAlways);
  const scale = 1 - rSquaredAlways;
  const importance = record(Object.keys(inner.importance), (j) => (Object.values(inner.importance)[j] as number) * scale);
  const full = importanceFromData(data, { method: 'first' });
  return {
    ...inner,
    rSquared: full.rSquared,
    rSquaredAlways,
    importance,
    ...(inner.standardErrors && { standardErrors: record(Object.keys(inner.standardErrors), (j) => (Object.values(inner.standardErrors as Record<string, number>)[j] as number) * scale) }),
  };
}

/** The exact Shapley kernel: values per player and R^2 from the correlation matrix. */
export type ExactShapleyKernel = (corr: Float64Array, players: readonly (readonly number[])[]) => { values: Float64Array; rSquared: number };

/**
 * {@link relativeImportance} on an already prepared correlation matrix (used by the bootstrap).
 * `exact` computes the exact LMG; 'peak-end/node' passes one that runs on worker threads.
 */
export function importanceFromData(data: ImportanceData, options: RelativeImportanceOptions, exact: ExactShapleyKernel = exactShapley): RelativeImportanceResult {
  const { names, corr, n } = data;
  const rowsDropped: RowsDropped = typeof data.rowsDropped === 'number' ? { missing: data.rowsDropped, zeroWeight: 0 } : { ...data.rowsDropped };
  const method = options.method;
  if (!IMPORTANCE_METHODS.includes(method)) {
    throw new InvalidArgumentError(`method must be one of ${IMPORTANCE_METHODS.join(', ')}, got ${JSON.stringify(method)}.`);
  }
  const k = names.length;
  const warnings: Warning[] = [];
  const full = fullModel(corr, k, names);
  if (options.groups !== undefined && method !== 'lmg') throw new InvalidArgumentError(`groups apply to the lmg method only, not ${method}.`);
  const base = { method, rSquared: full.rSquared, n, rowsDropped, warnings };
  switch (method) {
    case 'first':
      return { ...base, importance: record(names, (j) => (corr[j * (k + 1) + k] as number) ** 2) };
    case 'betasq':
      return { ...base, importance: record(names, (j) => (full.beta[j] as number) ** 2) };
    case 'pratt':
      return { ...base, importance: record(names, (j) => (full.beta[j] as number) * (corr[j * (k + 1) + k] as number)) };
    case 'last':
      return { ...base, importance: record(names, (j) => (full.beta[j] as number) ** 2 / (full.inverseDiagonal[j] as number)) };
    case 'johnson':
      return { ...base, importance: record(names, johnsonWeights(corr, k)) };
    case 'dominance': {
      if (k > MAX_DOMINANCE_PREDICTORS) {
        throw new InsufficientDataError(
          `Dominance analysis keeps all 2^k subset models and is limited to ${MAX_DOMINANCE_PREDICTORS} predictors, got ${k}; use method 'lmg' (general dominance) or group the predictors.`,
        );
      }
      const dominance = dominanceAnalysis(corr, names);
      return { ...base, importance: record(names, (j) => dominance.general[j] as number), dominance: dominance.details };
    }
    default: {
      const players = playersOf(names, options.groups);
      const labels = players.map((p) => p.label);
      const indices = players.map((p) => p.indices);
      if (options.sampling !== undefined) {
        const { permutations, seed } = options.sampling;
        if (!Number.isInteger(permutations) || permutations < 2) throw new InvalidArgumentError(`sampling.permutations must be an integer of at least 2, got ${permutations}.`);
        const sampled = sampledShapley(corr, indices, permutations, seed);
        warnings.push({ code: 'lmg_sampled', message: `LMG estimated from ${permutations} random orderings (seed ${seed}); see standardErrors.` });
        return { ...base, importance: record(labels, (j) => sampled.values[j] as number), standardErrors: record(labels, (j) => sampled.standardErrors[j] as number) };
      }
      if (players.length > MAX_EXACT_LMG_PLAYERS) {
        throw new InsufficientDataError(
          `Exact LMG over ${players.length} predictors would need 2^${players.length} subset models; group touchpoints into journey stages (groups) or use sampling: { permutations: 2000, seed: 1 } for an estimate with standard errors.`,
        );
      }
      const shapley = exact(corr, indices);
      return { ...base, importance: record(labels, (j) => shapley.values[j] as number) };
    }
  }
}

/** Standardized coefficients, R^2 and diag(Rxx^-1) of the full model, by sweeping. */
function fullModel(corr: Float64Array, k: number, names: readonly string[]): { beta: Float64Array; rSquared: number; inverseDiagonal: Float64Array } {
  const m = corr.slice();
  const dim = k + 1;
  for (let j = 0; j < k; j++) {
    if (!sweepInPlace(m, dim, [j], 1e-10)) {
      throw new RankDeficientError(`Predictor "${names[j]}" is a linear combination of the predictors before it; remove it or combine them (relative importance needs a full-rank design).`, [
        names[j] as string,
      ]);
    }
  }
  return {
    beta: Float64Array.from({ length: k }, (_, j) => m[j * dim + k] as number),
    rSquared: 1 - (m[k * dim + k] as number),
    inverseDiagonal: Float64Array.from({ length: k }, (_, j) => m[j * dim + j] as number),
  };
}

/** Johnson's (2000) relative weights. */
function johnsonWeights(corr: Float64Array, k: number): (j: number) => number {
  const rxx = new Float64Array(k * k);
  const rxy = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    rxy[a] = corr[a * (k + 1) + k] as number;
    for (let b = 0; b < k; b++) rxx[a * k + b] = corr[a * (k + 1) + b] as number;
  }
  const { values, vectors } = symmetricEigen(rxx, k);
  // Lambda = V diag(sqrt(l)) V' (correlations of X with its orthogonal counterparts Z);
  // beta* = Lambda^-1 rxy = V diag(1/sqrt(l)) V' rxy; weight_j = sum_m Lambda[j][m]^2 beta*_m^2.
  const lambda = new Float64Array(k * k);
  const vtr = new Float64Array(k);
  for (let m = 0; m < k; m++) {
    let s = 0;
    for (let a = 0; a < k; a++) s += (vectors[a * k + m] as number) * (rxy[a] as number);
    vtr[m] = s / Math.sqrt(values[m] as number);
  }
  const betaStar = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let m = 0; m < k; m++) s += (vectors[a * k + m] as number) * (vtr[m] as number);
    betaStar[a] = s;
    for (let b = 0; b < k; b++) {
      let l = 0;
      for (let m = 0; m < k; m++) l += (vectors[a * k + m] as number) * Math.sqrt(values[m] as number) * (vectors[b * k + m] as number);
      lambda[a * k + b] = l;
    }
  }
  return (j) => {
    let s = 0;
    for (let m = 0; m < k; m++) s += (lambda[j * k + m] as number) ** 2 * (betaStar[m] as number) ** 2;
    return s;
  };
}

/** The players of a Shapley decomposition: one per predictor, or the groups (validated). */
export function playersOf(names: readonly string[], groups: RelativeImportanceOptions['groups']): { label: string; indices: number[] }[] {
  if (groups === undefined) return names.map((label, j) => ({ label, indices: [j] }));
  const index = new Map(names.map((name, j) => [name, j]));
  const seen = new Set<string>();
  const entries: [string, unknown][] = Array.isArray(groups)
    ? (groups as readonly ImportanceGroup[]).map((g, i) => {
        if (typeof g !== 'object' || g === null || typeof g.name !== 'string') throw new InvalidArgumentError(`groups[${i}] must be { name, members }.`);
        return [g.name, g.members];
      })
    : Object.entries(groups);
  const labels = new Set<string>();
  for (const [label, members] of entries) {
    if (labels.has(label)) throw new InvalidArgumentError(`Group "${label}" is defined twice; group names must be unique.`);
    labels.add(label);
    if (!Array.isArray(members) || members.some((m) => typeof m !== 'string')) {
      throw new InvalidArgumentError(`Group "${label}" must list predictor names, e.g. { "${label}": ["${names[0] ?? 'x1'}"] }.`);
    }
  }
  const players = (entries as [string, readonly string[]][]).map(([label, members]) => ({
    label,
    indices: members.map((name) => {
      const j = index.get(name);
      if (j === undefined) throw new InvalidArgumentError(`Group "${label}" names "${name}", which is not a predictor; predictors: ${names.join(', ')}.`);
      if (seen.has(name)) throw new InvalidArgumentError(`"${name}" is in more than one group; each predictor belongs to exactly one.`);
      seen.add(name);
      return j;
    }),
  }));
  const missing = names.filter((n) => !seen.has(n));
  if (missing.length > 0) throw new InvalidArgumentError(`Every predictor must be in a group; not grouped: ${missing.join(', ')}.`);
  if (players.some((p) => p.indices.length === 0)) throw new InvalidArgumentError('A group has no predictors.');
  return players;
}

/** A prototype-free record (keys such as "__proto__" stay plain data). */
export function record(keys: readonly string[], value: (j: number) => number): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  keys.forEach((key, j) => {
    Object.defineProperty(out, key, { value: value(j), enumerable: true, writable: true, configurable: true });
  });
  return out;
}
