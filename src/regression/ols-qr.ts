/**
 * The QR path of `ols`: Householder QR of the centred, weighted, scaled design with R's rank
 * rule, iterative refinement, and Bjorck's double-double refinement when digits are at risk.
 * Handles every design, including aliased columns and ill-conditioning. Internal.
 */
import { refineLeastSquares } from '../linalg/least-squares-refinement.js';
import { applyQTranspose, householderQr, rEntry, solveR } from '../linalg/qr.js';
import type { ModelData } from './glm-data.js';
import { conditionNumber, type Factorization, type ResidualSums, residualPass, unscale } from './ols-fit.js';

/**
 * Relative norm below which a column counts as a linear combination of the earlier ones, after
 * centring and scaling. Exact collinearity leaves about 1e-15; R's lm uses 1e-7 on the raw
 * design, which also drops legitimately estimable terms (NIST Filip); 1e-10 keeps them while
 * still catching collinearity up to rounding of typical data.
 */
const RANK_TOLERANCE = 1e-10;

/**
 * QR's solution is refined in double-double when the digits it may have lost exceed this factor
 * (about 5 of 16): kappa (1 + kappa tan(theta)) for the slopes (the least-squares error bound,
 * with tan(theta) = sqrt(RSS / MSS)), or (|mean y| + sum |b_j mean x_j|) / |intercept| for the
 * intercept's cancellation. Survey fits (kappa < 30, R^2 > 0.01) stay below it.
 */
const REFINEMENT_LOSS = 1e5;

/**
 * Householder QR of the centred, weighted, scaled design with dqrdc2's rank rule, then two steps
 * of iterative refinement. Handles every case, including aliased columns and ill-conditioning.
 */
export function qrFit(data: ModelData, weights: Float64Array | null, intercept: boolean, keep: boolean): Factorization {
  const { n, p, rows, y } = data;
  const centre = intercept ? weightedMeans(data) : new Float64Array(p + 1);
  const sw = weights === null ? null : weights.map(Math.sqrt);
  const a = new Float64Array(n * p);
  for (let r = 0; r < n; r++) {
    const row = rows[r] as readonly number[];
    const f = sw === null ? 1 : (sw[r] as number);
    for (let j = 0; j < p; j++) a[j * n + r] = ((row[j] as number) - (centre[j] as number)) * f;
  }
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sq = 0;
    for (let r = 0; r < n; r++) sq += (a[j * n + r] as number) ** 2;
    const norm = Math.sqrt(sq);
    scale[j] = norm;
    if (norm > 0) for (let r = 0; r < n; r++) a[j * n + r] = (a[j * n + r] as number) / norm;
  }
  const design = a.slice();
  const yCentre = centre[p] as number;
  const b = Float64Array.from(y, (v, r) => (sw === null ? 1 : (sw[r] as number)) * (v - yCentre));
  const qr = householderQr(a, n, p, RANK_TOLERANCE);
  const rank = qr.rank;
  const kept = Array.from(qr.pivot.subarray(0, rank));
  // Solve, then refine: beta += R^-1 Q' (b - A beta).
  const qtb = b.slice();
  applyQTranspose(qr, qtb);
  const betaScaled = solveR(qr, qtb);
  for (let step = 0; step < 2; step++) {
    const residual = b.slice();
    kept.forEach((col, k) => {
      const beta = betaScaled[k] as number;
      for (let r = 0; r < n; r++) residual[r] = (residual[r] as number) - beta * (design[col * n + r] as number);
    });
    applyQTranspose(qr, residual);
    const correction = solveR(qr, residual);
    for (let k = 0; k < rank; k++) betaScaled[k] = (betaScaled[k] as number) + (correction[k] as number);
  }
  const r = new Float64Array(rank * rank);
  for (let i = 0; i < rank; i++) for (let j = i; j < rank; j++) r[i * rank + j] = rEntry(qr, i, j);
  const coefficients = unscale(betaScaled, kept, scale, centre, intercept);
  const sums = residualPass(data, coefficients.slope, centre, intercept, keep, null);
  const kappa = conditionNumber(r, rank);
  if (rank > 0 && digitsAtRisk(kappa, sums, coefficients, centre, kept, intercept) > REFINEMENT_LOSS) {
    const refined = refineLeastSquares({ rows: data.rows, y, weights, n, p, intercept, kept, scale, qr, slope: coefficients.slope }, keep);
    if (refined !== null) {
      const { slope, interceptEstimate, rss, mss, fitted, residuals } = refined;
      return { algorithm: 'qr', centre: refined.centre, kept, scale, r, conditionNumber: kappa, slope, interceptEstimate, rss, mss, fitted, residuals };
    }
  }
  return { algorithm: 'qr', centre, kept, scale, r, conditionNumber: kappa, ...coefficients, ...sums };
}

/**
 * The factor by which rounding may have been amplified in QR's solution: the least-squares bound
 * kappa (1 + kappa tan(theta)) for the slopes, and the cancellation in the intercept
 * mean(y) - sum b_j mean(x_j); the larger of the two.
 */
function digitsAtRisk(kappa: number, sums: ResidualSums, coefficients: { slope: Float64Array; interceptEstimate: number }, centre: Float64Array, kept: readonly number[], intercept: boolean): number {
  const tanTheta = sums.mss > 0 ? Math.sqrt(sums.rss / sums.mss) : Infinity;
  const slopes = kappa * (1 + kappa * tanTheta);
  if (!intercept) return slopes;
  let terms = Math.abs(centre[centre.length - 1] as number);
  for (const col of kept) terms += Math.abs((coefficients.slope[col] as number) * (centre[col] as number));
  return Math.max(slopes, terms / Math.abs(coefficients.interceptEstimate));
}

/**
 * Normal equations for large n: one blocked pass forms the centred, weighted cross-products of
 * [X | y]; scaled to unit diagonal they are A'A and A'b of the design QR would decompose, and


/** Weighted means of the p columns and y over the rows (sums by blocks of 1024 rows, then over blocks). */
function weightedMeans(data: ModelData): Float64Array {
  const { n, p, rows, y, w } = data;
  const sums = new Float64Array(p + 1);
  const partial = new Float64Array(p + 1);
  let weight = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r] as readonly number[];
    const wr = w[r] as number;
    weight += wr;
    for (let j = 0; j < p; j++) partial[j] = (partial[j] as number) + wr * (row[j] as number);
    partial[p] = (partial[p] as number) + wr * (y[r] as number);
    if ((r & 1023) === 1023 || r === n - 1) {
      for (let j = 0; j <= p; j++) sums[j] = (sums[j] as number) + (partial[j] as number);
      partial.fill(0);
    }
  }
  return sums.map((s) => s / weight);
}
