/**
 * The normal-equations path of `ols`: least squares from the centred, weighted co-moments of
 * [X | y] (one blocked pass over the rows, or mergeable summaries), by Cholesky, refined by
 * passes over the rows when there are rows. Internal.
 */
import { cholesky, choleskySolve } from '../linalg/cholesky.js';
import type { CrossProducts } from '../linalg/cross-product.js';
import type { ModelData } from './glm-data.js';
import { conditionNumber, type Factorization, residualPass, unscale } from './ols-fit.js';

/** RSS is taken as TSS - MSS (no pass over the rows) only while it is at least this share of TSS (R^2 <= 0.99). */
const RSS_BY_DIFFERENCE_MIN_SHARE = 0.01;

/** Passes of refinement over the rows at most (one suffices on well-conditioned data). */
const MAX_REFINEMENT_PASSES = 3;

/** Largest condition number of the scaled design for which `ols` uses the normal equations (kappa^2 u < 1e-12). */
const CROSS_PRODUCT_MAX_CONDITION = 100;

/**
 * Remaining squared norm (of a unit-length column, after the earlier estimable ones are taken
 * out) at or below which a column counts as aliased when there are only moments: R's lm rank
 * tolerance 1e-7 on the norm, squared. It is also the smallest pivot `cholesky` accepts, so the
 * columns kept are exactly those the factorisation resolves.
 */
const MOMENTS_ALIAS_PIVOT = 1e-14;

/** The normal equations of the centred, weighted design scaled to unit-length columns, solved over its estimable columns. */
export interface NormalEquations {
  /** Original indices of the estimable columns (all p when none is aliased). */
  readonly kept: number[];
  /** Column norms after centring and weighting. */
  readonly scale: Float64Array;
  /** rank x rank A'A of the kept scaled columns (unit diagonal), row-major. */
  readonly gram: Float64Array;
  /** Its Cholesky factor L (lower, row-major) and R = L' (upper, row-major): QR's R up to signs. */
  readonly l: Float64Array;
  readonly r: Float64Array;
  readonly conditionNumber: number;
  /** Solution in the scaled coordinates of the kept columns. */
  readonly betaScaled: Float64Array;
}

/**
 * Scales the co-moments of [X | y] to unit diagonal (A'A and A'b of the design QR would
 * decompose), finds the estimable columns and solves by Cholesky. With `aliasing` false (the
 * `ols` fast path) null unless every column is estimable; with `aliasing` true a constant
 * column, or one whose remaining squared norm is at most 1e-14 after the earlier estimable
 * columns (R's lm tolerance, 1e-7 on the norm), is left out like R's `NA` term. Null also when
 * the kept columns still fail to factorise.
 */
export function solveNormalEquations(products: CrossProducts, p: number, aliasing: boolean): NormalEquations | null {
  const g = products.comoments;
  const q = p + 1;
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) scale[j] = Math.sqrt(g[j * q + j] as number);
  const usable = (j: number): boolean => (scale[j] as number) > 0 && Number.isFinite(scale[j] as number);
  if (!aliasing && !scale.every((_, j) => usable(j))) return null;
  const scaled = (i: number, j: number): number => (g[i * q + j] as number) / ((scale[i] as number) * (scale[j] as number));
  const kept = aliasing ? estimableColumns(p, usable, scaled) : Array.from({ length: p }, (_, j) => j);
  const rank = kept.length;
  const gram = new Float64Array(rank * rank);
  const cy = new Float64Array(rank);
  for (let i = 0; i < rank; i++) {
    const a = kept[i] as number;
    for (let j = 0; j < rank; j++) gram[i * rank + j] = scaled(a, kept[j] as number);
    cy[i] = (g[a * q + p] as number) / (scale[a] as number);
  }
  const l = cholesky(gram, rank);
  if (l === null) return null;
  const r = new Float64Array(rank * rank);
  for (let i = 0; i < rank; i++) for (let j = i; j < rank; j++) r[i * rank + j] = l[j * rank + i] as number;
  return { kept, scale, gram, l, r, conditionNumber: conditionNumber(r, rank), betaScaled: choleskySolve(l, rank, cy) };
}

/**
 * The columns, in order, whose squared norm left after projecting out the earlier kept ones
 * (a Cholesky pivot of the scaled Gram matrix) exceeds {@link MOMENTS_ALIAS_PIVOT}: dqrdc2's
 * limited pivoting, on the normal equations.
 */
function estimableColumns(p: number, usable: (j: number) => boolean, scaled: (i: number, j: number) => number): number[] {
  const kept: number[] = [];
  // Rows of L for the kept columns, row-major with stride p.
  const l = new Float64Array(p * p);
  const row = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (!usable(j)) continue;
    const k = kept.length;
    let d = scaled(j, j);
    for (let a = 0; a < k; a++) {
      let s = scaled(j, kept[a] as number);
      for (let b = 0; b < a; b++) s -= (row[b] as number) * (l[a * p + b] as number);
      row[a] = s / (l[a * p + a] as number);
      d -= (row[a] as number) ** 2;
    }
    if (!(d > MOMENTS_ALIAS_PIVOT * scaled(j, j)) || !Number.isFinite(d)) continue;
    l.set(row.subarray(0, k), k * p);
    l[k * p + k] = Math.sqrt(d);
    kept.push(j);
  }
  return kept;
}

/** MSS = |A beta|^2 = beta' (A'A) beta in the scaled coordinates (centred with an intercept). */
export function modelSumOfSquares(equations: NormalEquations): number {
  const { gram, betaScaled } = equations;
  const k = betaScaled.length;
  let mss = 0;
  for (let i = 0; i < k; i++) {
    let row = 0;
    for (let j = 0; j < k; j++) row += (gram[i * k + j] as number) * (betaScaled[j] as number);
    mss += (betaScaled[i] as number) * row;
  }
  return mss;
}

/**
 * The fit from co-moments alone (no rows to refine with): the normal equations' solution, MSS
 * as beta'(A'A)beta and RSS = TSS - MSS, which loses log10(TSS / RSS) digits (two at R^2 = 0.99).
 */
export function momentsFit(products: CrossProducts, equations: NormalEquations, intercept: boolean): Factorization {
  const p = equations.scale.length;
  const q = p + 1;
  const { kept, scale, r, conditionNumber: kappa, betaScaled } = equations;
  const centre = products.means;
  const mss = modelSumOfSquares(equations);
  const rss = (products.comoments[p * q + p] as number) - mss;
  return { algorithm: 'cholesky', centre, kept, scale, r, conditionNumber: kappa, ...unscale(betaScaled, kept, scale, centre, intercept), rss, mss, fitted: null, residuals: null };
}

/**
 * Normal equations for large n: one blocked pass forms the centred, weighted cross-products of
 * [X | y]; scaled to unit diagonal they are A'A and A'b of the design QR would decompose, and
 * their Cholesky factor is QR's R (up to signs). Then corrected semi-normal equations: a
 * refinement pass beta += (R'R)^-1 A'(b - A beta) over the data. Returns null, so that QR is
 * used instead, unless the scaled design is clearly full rank and well conditioned (condition
 * number <= {@link CROSS_PRODUCT_MAX_CONDITION}, where the normal equations' error bound
 * kappa^2 u is below 1e-12), so aliasing and ill-conditioning are always QR's business.
 */
export function crossProductFit(data: ModelData, products: CrossProducts, intercept: boolean, keep: boolean): Factorization | null {
  const equations = solveNormalEquations(products, data.p, false);
  if (equations === null || !(equations.conditionNumber <= CROSS_PRODUCT_MAX_CONDITION)) return null;
  if (!keep) {
    // Without a pass over the rows: RSS = TSS - MSS, at most two digits lost while R^2 <= 0.99.
    // The coefficients are then the cross-products' solution, whose error (the rounding of the
    // blocked sums times kappa^2) was 1.4e-14 on a million ratings.
    const fit = momentsFit(products, equations, intercept);
    const tss = products.comoments[data.p * (data.p + 1) + data.p] as number;
    if (fit.rss >= RSS_BY_DIFFERENCE_MIN_SHARE * tss) return fit;
  }
  return refinedFit(data, products, equations, intercept, keep);
}

/**
 * Refinement: each pass over the rows gives the residuals at the current coefficients and the
 * gradient A'e; the correction (R'R)^-1 A'e is always applied. Its size is the error it removed:
 * once below 1e-8 relative, the next one would be below kappa^2 u times that, so stop.
 */
function refinedFit(data: ModelData, products: CrossProducts, equations: NormalEquations, intercept: boolean, keep: boolean): Factorization {
  const { p } = data;
  const { kept, scale, l, r, conditionNumber: kappa, betaScaled } = equations;
  const centre = products.means;
  const gradient = new Float64Array(p);
  let rss = 0;
  for (let step = 0; step < MAX_REFINEMENT_PASSES; step++) {
    const sums = residualPass(data, unscale(betaScaled, kept, scale, centre, intercept).slope, centre, intercept, false, gradient);
    for (let j = 0; j < p; j++) gradient[j] = (gradient[j] as number) / (scale[j] as number);
    const correction = choleskySolve(l, p, gradient);
    let size = 0;
    let norm = 0;
    // RSS at the corrected coefficients, exactly: |e - A d|^2 = |e|^2 - 2 d'A'e + d'A'A d = |e|^2 - d'A'e.
    rss = sums.rss;
    for (let j = 0; j < p; j++) {
      betaScaled[j] = (betaScaled[j] as number) + (correction[j] as number);
      rss -= (correction[j] as number) * (gradient[j] as number);
      size = Math.max(size, Math.abs(correction[j] as number));
      norm = Math.max(norm, Math.abs(betaScaled[j] as number));
    }
    if (size <= 1e-8 * norm) break;
  }
  const coefficients = unscale(betaScaled, kept, scale, centre, intercept);
  if (keep) {
    const sums = residualPass(data, coefficients.slope, centre, intercept, true, null);
    return { algorithm: 'cholesky', centre, kept, scale, r, conditionNumber: kappa, ...coefficients, ...sums };
  }
  return { algorithm: 'cholesky', centre, kept, scale, r, conditionNumber: kappa, ...coefficients, rss, mss: modelSumOfSquares(equations), fitted: null, residuals: null };
}

/**
 * The intercept and slopes `ols` (with an intercept, classical covariance) gives from these
 * centred cross-products by the normal equations, without its inference; null where `ols` would
 * not use them (a constant outcome, rank deficiency or ill-conditioning: QR's business), so the
 * caller runs `ols` itself. `data` is read only by refinement passes. Internal (cross-validation).
 */
export function olsCoefficientsOfCrossProducts(data: ModelData, products: CrossProducts): Float64Array | null {
  const q = data.p + 1;
  if (!((products.comoments[q * q - 1] as number) > 0)) return null;
  const fit = crossProductFit(data, products, true, false);
  if (fit === null) return null;
  const out = new Float64Array(q);
  out[0] = fit.interceptEstimate;
  out.set(fit.slope, 1);
  return out;
}
