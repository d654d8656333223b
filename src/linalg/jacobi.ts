/**
 * Jacobi rotations, written once: the rotation that zeroes the off-diagonal entry of a symmetric
 * 2 x 2 matrix, and the two algorithms built on it: one-sided Jacobi for singular values
 * (`singularValues`, where relative accuracy of tiny singular values matters: the condition
 * number of least squares) and cyclic two-sided Jacobi for the eigen-decomposition of a small
 * symmetric matrix (`symmetricEigen`: Johnson's relative weights). Internal kernels.
 */

/**
 * The rotation [c s; -s c] that diagonalises [alpha gamma; gamma beta]: t = sign(zeta) /
 * (|zeta| + sqrt(1 + zeta^2)) with zeta = (beta - alpha) / (2 gamma) (the smaller of the two
 * angles, for stability), c = 1 / sqrt(1 + t^2), s = c t. Golub & Van Loan (2013), Algorithm 8.5.1.
 */
function jacobiRotation(alpha: number, beta: number, gamma: number): { c: number; s: number } {
  const zeta = (beta - alpha) / (2 * gamma);
  const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
  const c = 1 / Math.sqrt(1 + t * t);
  return { c, s: c * t };
}

/**
 * Singular values of a tall column-major matrix by one-sided Jacobi rotations (Hestenes 1958):
 * columns are orthogonalised pairwise until every pair is orthogonal to machine precision; the
 * singular values are then the column norms. Accurate to high relative precision even for tiny
 * singular values (Demmel & Veselic 1992). `a` is copied, not modified.
 */
export function singularValues(a: Float64Array, n: number, p: number): number[] {
  const u = a.slice();
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let j = 0; j < p - 1; j++) {
      for (let k = j + 1; k < p; k++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < n; i++) {
          const x = u[j * n + i] as number;
          const y = u[k * n + i] as number;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const { c, s } = jacobiRotation(alpha, beta, gamma);
        rotate(u, j * n, k * n, 1, n, c, s);
      }
    }
    if (!rotated) break;
  }
  const values: number[] = [];
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += (u[j * n + i] as number) ** 2;
    values.push(Math.sqrt(s));
  }
  return values;
}

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan
 * 2013, 8.5): accurate eigenvalues and orthonormal eigenvectors; sweeps until the off-diagonal
 * sum of squares is below 1e-30 (at most 100).
 *
 * @returns values (unsorted) and vectors as row-major dim x dim with eigenvector j in column j.
 */
export function symmetricEigen(matrix: Float64Array, dim: number): { values: Float64Array; vectors: Float64Array } {
  const a = matrix.slice();
  const v = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) v[i * dim + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < dim; p++) for (let q = p + 1; q < dim; q++) off += (a[p * dim + q] as number) ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < dim; p++) {
      for (let q = p + 1; q < dim; q++) {
        const apq = a[p * dim + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const { c, s } = jacobiRotation(a[p * dim + p] as number, a[q * dim + q] as number, apq);
        rotate(a, p, q, dim, dim, c, s); // columns p and q
        rotate(a, p * dim, q * dim, 1, dim, c, s); // rows p and q
        rotate(v, p, q, dim, dim, c, s);
      }
    }
  }
  return { values: Float64Array.from({ length: dim }, (_, i) => a[i * dim + i] as number), vectors: v };
}

/** x <- c x - s y, y <- s x + c y for the `length` entries of x at `from + i * stride` and of y at `to + i * stride`. */
function rotate(m: Float64Array, from: number, to: number, stride: number, length: number, c: number, s: number): void {
  for (let i = 0; i < length; i++) {
    const x = m[from + i * stride] as number;
    const y = m[to + i * stride] as number;
    m[from + i * stride] = c * x - s * y;
    m[to + i * stride] = s * x + c * y;
  }
}
