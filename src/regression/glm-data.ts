/**
 * Complete-case preparation shared by the regression models (OLS, ordinal, logistic): listwise
 * deletion counted, input checks, zero weights excluded. Internal.
 */
import { InvalidArgumentError } from '../errors.js';

/** Complete cases as dense arrays. */
export interface ModelData {
  readonly names: readonly string[];
  /** The complete rows (no intercept column), the caller's own arrays: not copied. */
  readonly rows: readonly (readonly number[])[];
  readonly y: Float64Array;
  readonly w: Float64Array;
  readonly n: number;
  readonly p: number;
  readonly rowsDropped: { readonly missing: number; readonly zeroWeight: number };
}

/** Options every model shares. */
export interface ModelInputOptions {
  readonly names?: readonly string[];
  readonly weights?: ArrayLike<number | null>;
}

/**
 * Keeps rows where y, every predictor and the weight are present (NaN or null = missing) and the
 * weight is positive.
 *
 * @throws InvalidArgumentError for ragged rows, infinite values, negative weights or bad names.
 */
export function modelData(what: string, X: readonly (readonly (number | null)[])[], y: ArrayLike<number | null>, options: ModelInputOptions): ModelData {
  const { p, names } = shape(what, X, y, options);
  const N = y.length;
  // The complete rows: X itself until a row is dropped, then a list of references.
  let rows: (readonly number[])[] | null = null;
  const ys = new Float64Array(N);
  const ws = new Float64Array(N);
  const weights = options.weights;
  let n = 0;
  let missing = 0;
  let zeroWeight = 0;
  for (let i = 0; i < N; i++) {
    const row = X[i] as readonly (number | null)[];
    if (row.length !== p) throw new InvalidArgumentError(`Row ${i + 1} of X has ${row.length} values; row 1 has ${p}.`);
    let complete = true;
    const yi = value(y[i], i, 'y');
    if (Number.isNaN(yi)) complete = false;
    for (let j = 0; j < p; j++) {
      const v = row[j];
      if (!(typeof v === 'number' && v - v === 0) && Number.isNaN(value(v, i, names[j] as string))) complete = false;
    }
    const wi = weights === undefined ? 1 : value(weights[i], i, 'weights');
    if (wi < 0) throw new InvalidArgumentError(`Weight ${wi} in row ${i + 1} is negative; weights must be >= 0.`);
    if (!complete || Number.isNaN(wi) || wi === 0) {
      if (!complete || Number.isNaN(wi)) missing++;
      else zeroWeight++;
      rows ??= X.slice(0, i) as (readonly number[])[];
      continue;
    }
    rows?.push(row as readonly number[]);
    ys[n] = yi;
    ws[n] = wi;
    n++;
  }
  return { names, rows: rows ?? (X as readonly (readonly number[])[]), y: ys.subarray(0, n), w: ws.subarray(0, n), n, p, rowsDropped: { missing, zeroWeight } };
}

/** Checks the sizes of X, y, weights and names; returns p and the names. */
function shape(what: string, X: readonly (readonly (number | null)[])[], y: ArrayLike<number | null>, options: ModelInputOptions): { p: number; names: string[] } {
  if (X.length !== y.length) throw new InvalidArgumentError(`${what} needs one row of X per value of y, got ${X.length} rows and ${y.length} values.`);
  const p = X[0]?.length ?? options.names?.length ?? 0;
  const names = options.names ? [...options.names] : Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (names.length !== p) throw new InvalidArgumentError(`names has ${names.length} entries but X has ${p} columns.`);
  if (options.weights !== undefined && options.weights.length !== y.length) throw new InvalidArgumentError(`weights has ${options.weights.length} entries but y has ${y.length}.`);
  return { p, names };
}

/**
 * {@link modelData}'s result for the common case where nothing can be dropped: no weights and
 * every y a finite number; null otherwise. The cells of X are NOT checked here: the caller's own
 * pass over the rows must check them (e.g. `crossProducts`, which returns null on the first cell
 * that is not a finite number) and fall back to `modelData` if one is not, so bad input still
 * gets modelData's errors and listwise deletion. This saves a full read of X.
 */
export function completeCaseData(what: string, X: readonly (readonly (number | null)[])[], y: ArrayLike<number | null>, options: ModelInputOptions): ModelData | null {
  const { p, names } = shape(what, X, y, options);
  if (options.weights !== undefined) return null;
  const n = y.length;
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (typeof v !== 'number' || v - v !== 0) return null;
    ys[i] = v;
  }
  return { names, rows: X as readonly (readonly number[])[], y: ys, w: new Float64Array(n).fill(1), n, p, rowsDropped: { missing: 0, zeroWeight: 0 } };
}

/** The complete rows as one row-major n x p Float64Array (for models that sweep the data many times). */
export function rowMajor(data: ModelData): Float64Array {
  const { n, p, rows } = data;
  const x = new Float64Array(n * p);
  for (let r = 0; r < n; r++) {
    const row = rows[r] as readonly number[];
    for (let j = 0; j < p; j++) x[r * p + j] = row[j] as number;
  }
  return x;
}

/** A cell as a number, NaN when missing (NaN, null or undefined). */
function value(v: unknown, row: number, column: string): number {
  if (v === null || v === undefined) return Number.NaN;
  if (typeof v !== 'number') throw new InvalidArgumentError(`Row ${row + 1}, ${column}: ${JSON.stringify(v)} is not a number; use NaN or null for missing values.`);
  if (!Number.isFinite(v) && !Number.isNaN(v)) throw new InvalidArgumentError(`Row ${row + 1}, ${column}: ${v} is not a finite number; use NaN or null for missing values.`);
  return v;
}
