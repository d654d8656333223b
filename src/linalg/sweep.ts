/**
 * The sweep operator (Goodnight 1979) on symmetric row-major matrices, and the Schur-complement
 * step used to enumerate subset regressions. Internal kernels.
 */

/**
 * Sweeps a symmetric dim x dim matrix in place on each pivot in turn. After sweeping the
 * predictors of a correlation matrix [Rxx rxy; ryx 1], the predictor block holds -Rxx^-1, the
 * y column the standardized coefficients, and the y diagonal 1 - R^2.
 *
 * @returns false if a pivot was (numerically) zero: the predictors are collinear.
 */
export function sweepInPlace(m: Float64Array, dim: number, pivots: readonly number[], tolerance = 1e-12): boolean {
  for (const k of pivots) {
    const d = m[k * dim + k] as number;
    if (!(Math.abs(d) > tolerance)) return false;
    for (let j = 0; j < dim; j++) m[k * dim + j] = (m[k * dim + j] as number) / d;
    for (let i = 0; i < dim; i++) {
      if (i === k) continue;
      const b = m[i * dim + k] as number;
      if (b === 0) continue;
      for (let j = 0; j < dim; j++) m[i * dim + j] = (m[i * dim + j] as number) - b * (m[k * dim + j] as number);
      m[i * dim + k] = -b / d;
    }
    m[k * dim + k] = 1 / d;
  }
  return true;
}

/**
 * Eliminates rows/columns [from, from + count) of the symmetric matrix `m` (dim x dim) and writes
 * the Schur complement of the remaining trailing block [from + count, dim) into `out`
 * (row-major, size (dim - from - count)^2). `work` must hold (dim - from)^2 values. A pivot
 * below `tolerance` (a variable already explained by the ones before it) is skipped.
 */
export function eliminateLeading(m: Float64Array, dim: number, from: number, count: number, out: Float64Array, work: Float64Array, tolerance = 1e-12): void {
  const size = dim - from;
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) work[a * size + b] = m[(a + from) * dim + b + from] as number;
  for (let q = 0; q < count; q++) {
    const pivot = work[q * size + q] as number;
    if (!(pivot > tolerance)) continue;
    for (let a = q + 1; a < size; a++) {
      const factor = (work[a * size + q] as number) / pivot;
      if (factor === 0) continue;
      for (let b = q + 1; b < size; b++) work[a * size + b] = (work[a * size + b] as number) - factor * (work[q * size + b] as number);
    }
  }
  const rest = size - count;
  for (let a = 0; a < rest; a++) for (let b = 0; b < rest; b++) out[a * rest + b] = work[(a + count) * size + b + count] as number;
}

/**
 * One conditioning (Schur-complement) step on the lower triangle of a symmetric row-major matrix:
 * for `pivot < j <= i < dim`, `out[i][j] = m[i][j] - m[i][pivot] m[j][pivot] / m[pivot][pivot]`.
 * Only entries with both indices above `pivot` are written, and `out` may be `m` itself. On a
 * covariance matrix this conditions the later variables on the pivot: after the predictors of a
 * subset, the outcome's diagonal entry is its residual variance (1 - R^2 on a correlation matrix).
 * One step of symmetric Gaussian elimination: backward stable for positive definite input
 * (Higham 2002, Thm 10.3).
 *
 * @returns the pivot m[pivot][pivot].
 */
export function schurStepLower(m: Float64Array, out: Float64Array, dim: number, pivot: number): number {
  const d = m[pivot * dim + pivot] as number;
  for (let i = pivot + 1; i < dim; i++) {
    const row = i * dim;
    const f = (m[row + pivot] as number) / d;
    for (let j = pivot + 1; j <= i; j++) out[row + j] = (m[row + j] as number) - f * (m[j * dim + pivot] as number);
  }
  return d;
}
