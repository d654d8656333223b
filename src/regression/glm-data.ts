/**
 * Complete-case preparation shared by the likelihood models (ordinal and logistic): listwise
 * deletion counted, input checks, zero weights excluded. Internal.
 */
import { InvalidArgumentError } from '../errors.js';

/** Complete cases as dense arrays. */
export interface ModelData {
  readonly names: readonly string[];
  /** Row-major n x p predictors (no intercept column). */
  readonly x: Float64Array;
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
  if (X.length !== y.length) throw new InvalidArgumentError(`${what} needs one row of X per value of y, got ${X.length} rows and ${y.length} values.`);
  const p = X[0]?.length ?? options.names?.length ?? 0;
  const names = options.names ? [...options.names] : Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (names.length !== p) throw new InvalidArgumentError(`names has ${names.length} entries but X has ${p} columns.`);
  if (options.weights !== undefined && options.weights.length !== y.length) throw new InvalidArgumentError(`weights has ${options.weights.length} entries but y has ${y.length}.`);
  const present = (v: number | null | undefined): v is number => typeof v === 'number' && !Number.isNaN(v);
  const finite = (v: number | null | undefined, row: number, column: string): void => {
    if (v !== null && v !== undefined && typeof v !== 'number') throw new InvalidArgumentError(`Row ${row + 1}, ${column}: ${JSON.stringify(v)} is not a number; use NaN or null for missing values.`);
    if (present(v) && !Number.isFinite(v)) throw new InvalidArgumentError(`Row ${row + 1}, ${column}: ${v} is not a finite number; use NaN or null for missing values.`);
  };
  const xs: number[] = [];
  const ys: number[] = [];
  const ws: number[] = [];
  let missing = 0;
  let zeroWeight = 0;
  for (let i = 0; i < y.length; i++) {
    const row = X[i] as readonly (number | null)[];
    if (row.length !== p) throw new InvalidArgumentError(`Row ${i + 1} of X has ${row.length} values; row 1 has ${p}.`);
    finite(y[i], i, 'y');
    row.forEach((v, j) => finite(v, i, names[j] as string));
    const w = options.weights === undefined ? 1 : options.weights[i];
    finite(w, i, 'weights');
    if (present(w) && w < 0) throw new InvalidArgumentError(`Weight ${w} in row ${i + 1} is negative; weights must be >= 0.`);
    if (!present(y[i]) || !row.every(present) || !present(w)) {
      missing++;
      continue;
    }
    if (w === 0) {
      zeroWeight++;
      continue;
    }
    xs.push(...(row as number[]));
    ys.push(y[i] as number);
    ws.push(w);
  }
  return { names, x: Float64Array.from(xs), y: Float64Array.from(ys), w: Float64Array.from(ws), n: ys.length, p, rowsDropped: { missing, zeroWeight } };
}
