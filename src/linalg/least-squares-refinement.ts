/**
 * Iterative refinement of a least-squares solution with residuals in double-double arithmetic
 * (Bjorck 1967; Bjorck 1996, 2.9): the augmented system
 *
 *     [ I   A ] [ r ]   [ b ]
 *     [ A'  0 ] [ x ] = [ 0 ]
 *
 * is refined for the residual vector r and the solution x together. Each step computes
 * f = b - r - A x and g = -A' r in double-double (about 32 digits), solves for the corrections
 * with the Householder QR factors already at hand (h = R^-T g, dx = R^-1 (Q1'f - h),
 * dr = Q [h; Q2'f]) and adds them. Refining x alone (as `ols` does by default) converges to a
 * point whose error still carries the term kappa^2 u tan(theta) of a large residual; refining r
 * with it removes that term, so for kappa u < 1 the iterates converge to the exact least-squares
 * solution of the data as given, at a rate of about kappa u per step.
 *
 * The exact problem is stated in the caller's own numbers: b = sqrt(w) (y - mean y) and the
 * columns sqrt(w) (x_j - mean x_j) / scale_j, with the weighted means held in double-double, so
 * that centring is an exact reparametrisation of the model with an intercept (with means rounded
 * to double it would not be), and the intercept mean(y) - sum b_j mean(x_j) is formed in
 * double-double from double-double slopes, free of the cancellation that costs its digits when it
 * is small beside mean(y). The QR factors may be those of the rounded design: they only have to
 * be close enough for the iteration to contract.
 *
 * The double-double steps (x - mean, the product with a slope, the running sum) are written out
 * in each pass over the rows rather than called as helpers returning pairs: a pair would be an
 * allocation per cell in the innermost loop. `duplicates` reports the two passes as alike; that
 * is intended.
 *
 * Internal kernel.
 */
import { applyQ, applyQTranspose, type QrDecomposition, solveR, solveRTranspose } from './qr.js';

/** What the refinement needs about the problem and its factorisation. */
export interface RefinementProblem {
  /** The complete rows (no intercept column). */
  readonly rows: readonly (readonly number[])[];
  readonly y: Float64Array;
  /** Case weights, or null for none. */
  readonly weights: Float64Array | null;
  readonly n: number;
  readonly p: number;
  readonly intercept: boolean;
  /** Original indices of the estimable columns, in the order of the QR factors. */
  readonly kept: readonly number[];
  /** The column scaling the QR factors were computed with (unit-length columns). */
  readonly scale: Float64Array;
  readonly qr: QrDecomposition;
  /** The starting slopes in original units (NaN where aliased). */
  readonly slope: Float64Array;
}

/** A refined fit, rounded to double at the end. */
export interface RefinedFit {
  /** Slopes in original units (NaN where aliased). */
  readonly slope: Float64Array;
  readonly interceptEstimate: number;
  /** The weighted means of the p columns and y (zeros without an intercept), rounded to double. */
  readonly centre: Float64Array;
  readonly rss: number;
  readonly mss: number;
  readonly fitted: Float64Array | null;
  readonly residuals: Float64Array | null;
  /** Refinement steps taken. */
  readonly steps: number;
}

/** At most this many steps (each gains about -log10(kappa u) digits; 32 digits are all there is). */
const MAX_STEPS = 10;

/** Stop once the correction is below this share of the solution (double-double resolution). */
const CONVERGED = 1e-20;

/** A correction that stops shrinking while below this share of the solution is rounding noise. */
const STALLED = 1e-15;

/**
 * Refines the solution; returns null (keep the double-precision solution) if the iteration does
 * not contract, which happens only when kappa u is not small.
 */
export function refineLeastSquares(problem: RefinementProblem, keep: boolean): RefinedFit | null {
  const { n, p, intercept, kept, scale, qr, weights } = problem;
  const k = kept.length;
  const sw = weights === null ? null : weights.map(Math.sqrt);
  const means = intercept ? doubleDoubleMeans(problem) : new Float64Array(2 * (p + 1));
  // Slopes (kept columns, in QR order) as double-double pairs.
  const slopeHi = new Float64Array(k);
  const slopeLo = new Float64Array(k);
  kept.forEach((col, i) => {
    slopeHi[i] = problem.slope[col] as number;
  });
  const r = new Float64Array(n);
  const f = new Float64Array(n);
  const g = new Float64Array(k);
  let previous = Infinity;
  let steps = 0;
  for (let step = 0; step < MAX_STEPS; step++) {
    augmentedResiduals(problem, means, sw, slopeHi, slopeLo, r, f, g);
    for (let i = 0; i < k; i++) g[i] = (g[i] as number) / (scale[kept[i] as number] as number);
    applyQTranspose(qr, f);
    const h = solveRTranspose(qr, g);
    const c = new Float64Array(k);
    for (let i = 0; i < k; i++) c[i] = (f[i] as number) - (h[i] as number);
    const dx = solveR(qr, c);
    f.set(h);
    applyQ(qr, f);
    let size = 0;
    let norm = 0;
    for (let i = 0; i < k; i++) {
      const s = scale[kept[i] as number] as number;
      const d = (dx[i] as number) / s;
      // (hi, lo) += d, renormalised.
      const hi = slopeHi[i] as number;
      const sum = hi + d;
      const bb = sum - hi;
      const err = hi - (sum - bb) + (d - bb) + (slopeLo[i] as number);
      const newHi = sum + err;
      slopeLo[i] = err - (newHi - sum);
      slopeHi[i] = newHi;
      size = Math.max(size, Math.abs(dx[i] as number));
      norm = Math.max(norm, Math.abs(newHi * s));
    }
    for (let i = 0; i < n; i++) r[i] = (r[i] as number) + (f[i] as number);
    steps++;
    if (!Number.isFinite(size)) return null;
    if (size <= CONVERGED * norm) break;
    // The first two corrections are the double solution's error (the second, from refining r,
    // carries its kappa^2 u tan(theta) term); from then on each must shrink, or the iteration
    // has stalled at double-double rounding or does not contract (kappa u not small).
    if (step >= 2 && size > 0.5 * previous) {
      if (size > STALLED * norm) return null;
      break;
    }
    previous = size;
  }
  return finish(problem, means, slopeHi, slopeLo, keep, steps);
}

/** Weighted means of the p columns and y in double-double: [hi_0, lo_0, hi_1, lo_1, ...]. */
function doubleDoubleMeans(problem: RefinementProblem): Float64Array {
  const { n, p, rows, y, weights } = problem;
  const sums = new Float64Array(2 * (p + 1));
  let wHi = 0;
  let wLo = 0;
  const add = (index: number, value: number, weight: number): void => {
    const ph = value * weight;
    const pl = weights === null ? 0 : twoProductError(value, weight, ph);
    const hi = sums[index] as number;
    const s = hi + ph;
    const bb = s - hi;
    const e = hi - (s - bb) + (ph - bb) + (sums[index + 1] as number) + pl;
    sums[index] = s + e;
    sums[index + 1] = e - (s + e - s);
  };
  for (let r = 0; r < n; r++) {
    const row = rows[r] as readonly number[];
    const wr = weights === null ? 1 : (weights[r] as number);
    for (let j = 0; j < p; j++) add(2 * j, row[j] as number, wr);
    add(2 * p, y[r] as number, wr);
    const s = wHi + wr;
    const bb = s - wHi;
    const e = wHi - (s - bb) + (wr - bb) + wLo;
    wHi = s + e;
    wLo = e - (wHi - s);
  }
  for (let j = 0; j <= p; j++) {
    const [hi, lo] = divide(sums[2 * j] as number, sums[2 * j + 1] as number, wHi, wLo);
    sums[2 * j] = hi;
    sums[2 * j + 1] = lo;
  }
  return sums;
}

/**
 * One pass over the rows: f = sqrt(w) (y - mean y - sum_j b_j (x_j - mean x_j)) - r and
 * g_i = -sum_r sqrt(w_r) (x_{r,kept i} - mean) r_r (not yet divided by the column's scale), both
 * accumulated in double-double and rounded at the end.
 */
function augmentedResiduals(
  problem: RefinementProblem,
  means: Float64Array,
  sw: Float64Array | null,
  slopeHi: Float64Array,
  slopeLo: Float64Array,
  r: Float64Array,
  f: Float64Array,
  g: Float64Array,
): void {
  const { n, p, rows, y, kept } = problem;
  const k = kept.length;
  const gHi = new Float64Array(k);
  const gLo = new Float64Array(k);
  const yHi = means[2 * p] as number;
  const yLo = means[2 * p + 1] as number;
  for (let row = 0; row < n; row++) {
    const x = rows[row] as readonly number[];
    // e = (y - mean y) in double-double.
    let eHi = (y[row] as number) - yHi;
    let t = eHi - (y[row] as number);
    let eLo = (y[row] as number) - (eHi - t) + (-yHi - t) - yLo;
    // -sqrt(w) r in double-double, for g.
    const s = sw === null ? 1 : (sw[row] as number);
    const rr = r[row] as number;
    const qHi = -s * rr;
    const qLo = sw === null ? 0 : -twoProductError(s, rr, s * rr);
    for (let i = 0; i < k; i++) {
      const col = kept[i] as number;
      const xv = x[col] as number;
      const mHi = means[2 * col] as number;
      // d = x - mean in double-double.
      let dHi = xv - mHi;
      t = dHi - xv;
      let dLo = xv - (dHi - t) + (-mHi - t) - (means[2 * col + 1] as number);
      let u = dHi + dLo;
      dLo -= u - dHi;
      dHi = u;
      // e -= d * b.
      const bHi = slopeHi[i] as number;
      const pHi = dHi * bHi;
      const pLo = twoProductError(dHi, bHi, pHi) + dHi * (slopeLo[i] as number) + dLo * bHi;
      u = eHi - pHi;
      t = u - eHi;
      eLo += eHi - (u - t) + (-pHi - t) - pLo;
      eHi = u + eLo;
      eLo -= eHi - u;
      // g_i += d * q.
      const cHi = dHi * qHi;
      const cLo = twoProductError(dHi, qHi, cHi) + dHi * qLo + dLo * qHi;
      const gh = gHi[i] as number;
      u = gh + cHi;
      t = u - gh;
      const gl = (gLo[i] as number) + (gh - (u - t)) + (cHi - t) + cLo;
      gHi[i] = u + gl;
      gLo[i] = gl - (u + gl - u);
    }
    // f = sqrt(w) e - r.
    let fHi = eHi;
    let fLo = eLo;
    if (sw !== null) {
      fHi = s * eHi;
      fLo = twoProductError(s, eHi, fHi) + s * eLo;
    }
    f[row] = fHi - rr + fLo;
  }
  for (let i = 0; i < k; i++) g[i] = (gHi[i] as number) + (gLo[i] as number);
}

/** The final pass: exact residuals at the refined slopes, the intercept, RSS and MSS. */
function finish(problem: RefinementProblem, means: Float64Array, slopeHi: Float64Array, slopeLo: Float64Array, keep: boolean, steps: number): RefinedFit {
  const { n, p, rows, y, kept, weights, intercept } = problem;
  const k = kept.length;
  const fitted = keep ? new Float64Array(n) : null;
  const residuals = keep ? new Float64Array(n) : null;
  const yHi = means[2 * p] as number;
  const yLo = means[2 * p + 1] as number;
  let rss = 0;
  let sumFc = 0;
  let sumFc2 = 0;
  let weight = 0;
  for (let row = 0; row < n; row++) {
    const x = rows[row] as readonly number[];
    // fc = sum_j b_j (x_j - mean x_j) in double-double.
    let fHi = 0;
    let fLo = 0;
    for (let i = 0; i < k; i++) {
      const col = kept[i] as number;
      const xv = x[col] as number;
      const mHi = means[2 * col] as number;
      let dHi = xv - mHi;
      let t = dHi - xv;
      let dLo = xv - (dHi - t) + (-mHi - t) - (means[2 * col + 1] as number);
      const u = dHi + dLo;
      dLo -= u - dHi;
      dHi = u;
      const bHi = slopeHi[i] as number;
      const pHi = dHi * bHi;
      const pLo = twoProductError(dHi, bHi, pHi) + dHi * (slopeLo[i] as number) + dLo * bHi;
      const v = fHi + pHi;
      t = v - fHi;
      fLo += fHi - (v - t) + (pHi - t) + pLo;
      fHi = v + fLo;
      fLo -= fHi - v;
    }
    // e = (y - mean y) - fc.
    const yv = y[row] as number;
    const a = yv - yHi;
    let t = a - yv;
    const aLo = yv - (a - t) + (-yHi - t) - yLo;
    const eHi = a - fHi;
    t = eHi - a;
    const e = eHi + (a - (eHi - t) + (-fHi - t) + aLo - fLo);
    const fc = fHi + fLo;
    const wr = weights === null ? 1 : (weights[row] as number);
    rss += wr * e * e;
    sumFc += wr * fc;
    sumFc2 += wr * fc * fc;
    weight += wr;
    if (fitted !== null && residuals !== null) {
      residuals[row] = e;
      // mean y + fc, rounded once.
      const s = yHi + fHi;
      t = s - yHi;
      fitted[row] = s + (yHi - (s - t) + (fHi - t) + yLo + fLo);
    }
  }
  const mss = intercept ? sumFc2 - (sumFc * sumFc) / weight : sumFc2;
  // Intercept = mean y - sum_j b_j mean x_j, in double-double.
  let aHi = intercept ? yHi : 0;
  let aLo = intercept ? yLo : 0;
  const slope = new Float64Array(p).fill(Number.NaN);
  for (let i = 0; i < k; i++) {
    const col = kept[i] as number;
    slope[col] = (slopeHi[i] as number) + (slopeLo[i] as number);
    if (!intercept) continue;
    const mHi = means[2 * col] as number;
    const bHi = slopeHi[i] as number;
    const pHi = mHi * bHi;
    const pLo = twoProductError(mHi, bHi, pHi) + mHi * (slopeLo[i] as number) + (means[2 * col + 1] as number) * bHi;
    const u = aHi - pHi;
    const t = u - aHi;
    aLo += aHi - (u - t) + (-pHi - t) - pLo;
    aHi = u + aLo;
    aLo -= aHi - u;
  }
  const centre = new Float64Array(p + 1);
  for (let j = 0; j <= p; j++) centre[j] = means[2 * j] as number;
  return { slope, interceptEstimate: aHi + aLo, centre, rss, mss, fitted, residuals, steps };
}

/** Veltkamp's splitting constant 2^27 + 1. */
const SPLIT = 134217729;

/** The rounding error of the product a b = p (Dekker 1971): a b - p exactly, for |a|, |b| < 1e300. */
function twoProductError(a: number, b: number, product: number): number {
  let t = SPLIT * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLIT * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - product + aHi * bLo + aLo * bHi + aLo * bLo;
}

/** (aHi + aLo) / (bHi + bLo) in double-double. */
function divide(aHi: number, aLo: number, bHi: number, bLo: number): [number, number] {
  const q1 = aHi / bHi;
  // remainder = a - q1 b, exactly enough.
  const ph = q1 * bHi;
  const pl = twoProductError(q1, bHi, ph) + q1 * bLo;
  const s = aHi - ph;
  const t = s - aHi;
  const rem = s + (aHi - (s - t) + (-ph - t) + aLo - pl);
  const q2 = rem / bHi;
  const hi = q1 + q2;
  return [hi, q2 - (hi - q1)];
}
