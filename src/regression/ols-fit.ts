/**
 * The factorisation both least-squares solvers of `ols` return (QR in ols-qr.ts, the normal
 * equations in ols-normal-equations.ts), and the steps they share: undoing the centring and
 * scaling, the pass over the rows for residuals, and the condition number. Internal.
 */
import { singularValues } from '../linalg/jacobi.js';
import type { ModelData } from './glm-data.js';

/** One factorisation of the centred, scaled design, in the coordinates the rest of `ols` shares. */
export interface Factorization {
  readonly algorithm: 'qr' | 'cholesky';
  /** The centres of the p columns and y: weighted means with an intercept, zeros without. */
  readonly centre: Float64Array;
  /** Original indices of the estimable columns, in the order of `r`. */
  readonly kept: number[];
  /** Column norms after centring and weighting (the scaling that gives unit-length columns). */
  readonly scale: Float64Array;
  /** rank x rank upper-triangular R (row-major) with A_kept = Q R for the scaled columns. */
  readonly r: Float64Array;
  readonly conditionNumber: number;
  /** Slopes in original units (NaN where aliased) and the intercept (0 without one). */
  readonly slope: Float64Array;
  readonly interceptEstimate: number;
  /** Sums of squares at those coefficients; fitted values and residuals if asked for. */
  readonly rss: number;
  readonly mss: number;
  readonly fitted: Float64Array | null;
  readonly residuals: Float64Array | null;
}

/**
 * Householder QR of the centred, weighted, scaled design with dqrdc2's rank rule, then two steps
 * of iterative refinement. Handles every case, including aliased columns and ill-conditioning.

/** Slopes in original units (NaN for aliased columns) and the intercept, from the coefficients of the scaled columns. */
export function unscale(betaScaled: Float64Array, kept: readonly number[], scale: Float64Array, centre: Float64Array, intercept: boolean): { slope: Float64Array; interceptEstimate: number } {
  const p = scale.length;
  const slope = new Float64Array(p).fill(Number.NaN);
  kept.forEach((col, k) => {
    slope[col] = (betaScaled[k] as number) / (scale[col] as number);
  });
  let interceptEstimate = intercept ? (centre[p] as number) : 0;
  if (intercept) for (const col of kept) interceptEstimate -= (slope[col] as number) * (centre[col] as number);
  return { slope, interceptEstimate };
}

/** Sums of squares from {@link residualPass}; fitted values and residuals when they were asked for. */
export interface ResidualSums {
  /** Weighted residual sum of squares. */
  readonly rss: number;
  /** Weighted model sum of squares: about the weighted mean of the fitted values with an intercept, about zero without. */
  readonly mss: number;
  readonly fitted: Float64Array | null;
  readonly residuals: Float64Array | null;
}

/**
 * One pass over the rows at the given coefficients, in centred form (fitted = centre_y +
 * sum_j b_j (x_j - centre_j), which is the intercept form rearranged without its cancellation):
 * RSS and MSS, the fitted values and residuals when `keep` (complete-case order), and, with
 * `gradient`, the centred normal-equations residual sum_r w_r (x_r - centre) e_r for refinement.
 */
export function residualPass(data: ModelData, slope: Float64Array, centre: Float64Array, intercept: boolean, keep: boolean, gradient: Float64Array | null): ResidualSums {
  const { n, p, rows, y, w } = data;
  // Aliased slopes (NaN) contribute nothing.
  const b = slope.map((v) => (Number.isNaN(v) ? 0 : v));
  const c = centre.subarray(0, p);
  const yCentre = centre[p] as number;
  const d = new Float64Array(p);
  const fitted = keep ? new Float64Array(n) : null;
  const residuals = keep ? new Float64Array(n) : null;
  gradient?.fill(0);
  let rss = 0;
  let sumFc = 0;
  let sumFc2 = 0;
  let weight = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r] as readonly number[];
    let fc = 0;
    for (let j = 0; j < p; j++) {
      const dj = (row[j] as number) - (c[j] as number);
      d[j] = dj;
      fc += (b[j] as number) * dj;
    }
    const e = (y[r] as number) - yCentre - fc;
    const wr = w[r] as number;
    const we = wr * e;
    rss += we * e;
    sumFc += wr * fc;
    sumFc2 += wr * fc * fc;
    weight += wr;
    if (fitted !== null && residuals !== null) {
      fitted[r] = yCentre + fc;
      residuals[r] = e;
    }
    if (gradient !== null) for (let j = 0; j < p; j++) gradient[j] = (gradient[j] as number) + we * (d[j] as number);
  }
  // With an intercept the centred fitted values average zero up to rounding, so this has no cancellation.
  const mss = intercept ? sumFc2 - (sumFc * sumFc) / weight : sumFc2;
  return { rss, mss, fitted, residuals };
}

/**
 * Condition number of the kept predictors, each scaled to unit length (Belsley, Kuh & Welsch),
 * centred at their (weighted) means when the model has an intercept: uncentred, a rating scale
 * whose mean is far from zero always looks collinear with the intercept, which is not what a

 * that was factorised, and its singular values are those of R (k x k, row-major upper
 * triangular), so the cost does not grow with n.
 */
export function conditionNumber(r: Float64Array, k: number): number {
  if (k === 0) return 1;
  // singularValues takes column-major storage: R' row-major is R column-major; same singular values.
  const values = singularValues(r, k, k);
  const max = Math.max(...values);
  const min = Math.min(...values);
  return min > 0 ? max / min : Infinity;
}
