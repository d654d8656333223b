/**
 * Householder QR with limited column pivoting (the strategy of LINPACK's dqrdc2, which R's `lm`
 * uses): columns are processed left to right, and a column whose norm, after the reflections so
 * far, has fallen below `tolerance` times its original norm is moved to the end and counted as
 * linearly dependent on the columns before it. The kept columns keep their order, so the aliased
 * terms are the same ones R reports.
 *
 * Internal kernel: matrices are column-major Float64Arrays, overwritten in place.
 */

/** A QR decomposition of an n x p matrix with rank detection. */
export interface QrDecomposition {
  readonly rows: number;
  readonly columns: number;
  /** Number of linearly independent columns found. */
  readonly rank: number;
  /** Column-major n x p: R above the diagonal, Householder vectors on and below it. */
  readonly qr: Float64Array;
  /** Diagonal of R. */
  readonly rDiagonal: Float64Array;
  /** pivot[k] = original index of the column in position k; the first `rank` are the kept ones. */
  readonly pivot: Int32Array;
}

/**
 * Decomposes A (column-major, n rows, p columns; overwritten) as A P = Q R.
 *
 * @param tolerance relative norm below which a column counts as dependent on earlier ones.
 */
export function householderQr(a: Float64Array, n: number, p: number, tolerance: number): QrDecomposition {
  const pivot = Int32Array.from({ length: p }, (_, j) => j);
  const originalNorm = new Float64Array(p);
  for (let j = 0; j < p; j++) originalNorm[j] = columnNorm(a, n, j, 0);
  const rDiagonal = new Float64Array(p);
  let rank = 0;
  let last = p; // columns at positions >= last are the moved (dependent) ones
  const limit = Math.min(n, p);
  while (rank < limit && rank < last) {
    const k = rank;
    const norm = columnNorm(a, n, k, k);
    if (!(norm > tolerance * (originalNorm[k] as number)) || norm === 0) {
      moveColumnToEnd(a, n, k, last, pivot, originalNorm);
      last--;
      continue;
    }
    // Householder reflector for a[k.., k] (LINPACK convention: v[0] = 1 + |x0| / norm).
    const base = k * n;
    const signedNorm = (a[base + k] as number) < 0 ? -norm : norm;
    for (let i = k; i < n; i++) a[base + i] = (a[base + i] as number) / signedNorm;
    a[base + k] = (a[base + k] as number) + 1;
    const v0 = a[base + k] as number;
    for (let j = k + 1; j < p; j++) {
      const cj = j * n;
      let dot = 0;
      for (let i = k; i < n; i++) dot += (a[base + i] as number) * (a[cj + i] as number);
      const t = -dot / v0;
      for (let i = k; i < n; i++) a[cj + i] = (a[cj + i] as number) + t * (a[base + i] as number);
    }
    rDiagonal[k] = -signedNorm;
    rank++;
  }
  return { rows: n, columns: p, rank, qr: a, rDiagonal, pivot };
}

/** Overwrites b (length n) with Q' b. */
export function applyQTranspose(d: QrDecomposition, b: Float64Array): void {
  for (let k = 0; k < d.rank; k++) reflect(d, k, b);
}

/** Overwrites b (length n) with Q b: the reflections of {@link applyQTranspose} in reverse order. */
export function applyQ(d: QrDecomposition, b: Float64Array): void {
  for (let k = d.rank - 1; k >= 0; k--) reflect(d, k, b);
}

/** Applies the k-th Householder reflection H_k = I - v v' / v_k (v stored in column k from row k) to b. */
function reflect(d: QrDecomposition, k: number, b: Float64Array): void {
  const { qr, rows: n } = d;
  const base = k * n;
  const v0 = qr[base + k] as number;
  let dot = 0;
  for (let i = k; i < n; i++) dot += (qr[base + i] as number) * (b[i] as number);
  const t = -dot / v0;
  for (let i = k; i < n; i++) b[i] = (b[i] as number) + t * (qr[base + i] as number);
}

/** Solves R' x = c for the leading rank x rank block (forward substitution; c and x in pivoted order). */
export function solveRTranspose(d: QrDecomposition, c: ArrayLike<number>): Float64Array {
  const { qr, rows: n, rank, rDiagonal } = d;
  const x = new Float64Array(rank);
  for (let i = 0; i < rank; i++) {
    let s = c[i] as number;
    for (let j = 0; j < i; j++) s -= (qr[i * n + j] as number) * (x[j] as number);
    x[i] = s / (rDiagonal[i] as number);
  }
  return x;
}

/** Solves R x = c for the leading rank x rank block (x in pivoted order). */
export function solveR(d: QrDecomposition, c: ArrayLike<number>): Float64Array {
  const { qr, rows: n, rank, rDiagonal } = d;
  const x = new Float64Array(rank);
  for (let i = rank - 1; i >= 0; i--) {
    let s = c[i] as number;
    for (let j = i + 1; j < rank; j++) s -= (qr[j * n + i] as number) * (x[j] as number);
    x[i] = s / (rDiagonal[i] as number);
  }
  return x;
}

/** The R factor's entry (i, j), i <= j < rank. */
export function rEntry(d: QrDecomposition, i: number, j: number): number {
  return i === j ? (d.rDiagonal[i] as number) : (d.qr[j * d.rows + i] as number);
}

function columnNorm(a: Float64Array, n: number, j: number, from: number): number {
  // Scaled two-pass norm: immune to overflow and underflow of the squares.
  const base = j * n;
  let scale = 0;
  for (let i = from; i < n; i++) scale = Math.max(scale, Math.abs(a[base + i] as number));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (let i = from; i < n; i++) {
    const v = (a[base + i] as number) / scale;
    sum += v * v;
  }
  return scale * Math.sqrt(sum);
}

function moveColumnToEnd(a: Float64Array, n: number, k: number, last: number, pivot: Int32Array, norms: Float64Array): void {
  const column = a.slice(k * n, (k + 1) * n);
  a.copyWithin(k * n, (k + 1) * n, last * n);
  a.set(column, (last - 1) * n);
  const piv = pivot[k] as number;
  const norm = norms[k] as number;
  for (let j = k; j < last - 1; j++) {
    pivot[j] = pivot[j + 1] as number;
    norms[j] = norms[j + 1] as number;
  }
  pivot[last - 1] = piv;
  norms[last - 1] = norm;
}

/** R^-1 of an upper-triangular rank x rank R (row-major), by back substitution. */
export function invertUpper(r: Float64Array, k: number): Float64Array {
  const inv = new Float64Array(k * k);
  for (let col = 0; col < k; col++) {
    for (let i = col; i >= 0; i--) {
      let s = i === col ? 1 : 0;
      for (let j = i + 1; j <= col; j++) s -= (r[i * k + j] as number) * (inv[j * k + col] as number);
      inv[i * k + col] = s / (r[i * k + i] as number);
    }
  }
  return inv;
}
