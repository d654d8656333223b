/**
 * Singular values of a tall column-major matrix by one-sided Jacobi rotations (Hestenes 1958):
 * columns are orthogonalised pairwise until every pair is orthogonal to machine precision; the
 * singular values are then the column norms. Accurate to high relative precision even for tiny
 * singular values (Demmel & Veselic 1992). Internal kernel: `a` is copied, not modified.
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
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < n; i++) {
          const x = u[j * n + i] as number;
          const y = u[k * n + i] as number;
          u[j * n + i] = c * x - s * y;
          u[k * n + i] = s * x + c * y;
        }
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
