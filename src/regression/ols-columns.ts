/**
 * olsOfColumns: {@link ols} on data held by column, as surveys hold it, without building rows.
 * Internal (the survey-level analyses call it); the public `ols` takes rows.
 */
import { type CrossProducts, crossProductsOfColumns } from '../linalg/cross-product.js';
import type { ModelData } from './glm-data.js';
import { CROSS_PRODUCT_MIN_ROWS, checkOlsOptions, type OlsOptions, type OlsResult, ols, olsOfModelData } from './ols.js';

/** Options of {@link olsOfColumns}: those of `ols`, with the weights (if any) as a typed array. */
export interface ColumnOlsOptions extends Omit<OlsOptions, 'weights'> {
  readonly names: readonly string[];
  readonly weights?: Float64Array;
}

/**
 * The same result as `ols(rows, y, options)` with `rows[r][j] = columns[j][r]`, bit for bit: on
 * the normal-equations path (from 10,000 rows, `algorithm: 'auto'`) the cross-products are formed
 * from the columns in the same blocks as from rows, and rows are built only if that path needs
 * them (ill-conditioning, refinement passes, residuals); otherwise, and for missing values or
 * zero weights, the rows are built and `ols` runs as usual. `given` are these columns'
 * cross-products when the caller already has them (e.g. `selectCrossProducts` of a wider set's),
 * used where the pass would form them.
 *
 * @throws as {@link ols}
 */
export function olsOfColumns(columns: readonly ArrayLike<number>[], y: Float64Array, options: ColumnOlsOptions, given: CrossProducts | null = null): OlsResult {
  const { intercept, algorithm } = checkOlsOptions(options);
  const n = y.length;
  const weights = options.weights ?? null;
  const useCrossProducts = algorithm === 'cholesky' || (algorithm === 'auto' && n >= CROSS_PRODUCT_MIN_ROWS);
  let products: CrossProducts | null = null;
  if (useCrossProducts && columns.length === options.names.length && (weights === null || allPositive(weights))) {
    products = given ?? crossProductsOfColumns(columns, y, weights, null, n, intercept);
  }
  if (products === null) return ols(rowsOfColumns(columns, null, n), y, options);
  return olsOfModelData(columnModelData(columns, y, weights, null, n, options.names), products, true, options);
}

/**
 * Complete cases held by column as `ModelData`: row r < n is entry `index[r]` of every column
 * (entry r without an index; the index may be a function that builds it when first needed). Its
 * `rows`, `y` and `w` are built only when first read. Every value must be a finite number and
 * every weight positive.
 */
export function columnModelData(
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  rowIndex: ArrayLike<number> | (() => ArrayLike<number>) | null,
  n: number,
  names: readonly string[],
): ModelData {
  let rows: number[][] | null = null;
  let ys: Float64Array | null = null;
  let ws: Float64Array | null = null;
  let resolved: ArrayLike<number> | null = null;
  const indexOf = (): ArrayLike<number> | null => {
    if (typeof rowIndex !== 'function') return rowIndex;
    resolved ??= rowIndex();
    return resolved;
  };
  const gather = (values: ArrayLike<number> | null): Float64Array => {
    const index = indexOf();
    // Read only by ols: y itself when it is the whole column, shared unit weights without weights.
    if (values === null) return unitWeights(n);
    if (index === null && values instanceof Float64Array && values.length === n) return values;
    const out = new Float64Array(n);
    if (values === null) out.fill(1);
    else if (index === null) for (let r = 0; r < n; r++) out[r] = values[r] as number;
    else for (let r = 0; r < n; r++) out[r] = values[index[r] as number] as number;
    return out;
  };
  // Each built when first read: a fit from cross-products may need none of them.
  return {
    names,
    get rows() {
      rows ??= rowsOfColumns(columns, indexOf(), n);
      return rows;
    },
    get y() {
      ys ??= gather(y);
      return ys;
    },
    get w() {
      ws ??= gather(weights);
      return ws;
    },
    n,
    p: columns.length,
    rowsDropped: { missing: 0, zeroWeight: 0 },
  };
}

/** Rows `index[r]` (or r) of the columns, r < n, as arrays. */
export function rowsOfColumns(columns: readonly ArrayLike<number>[], index: ArrayLike<number> | null, n: number): number[][] {
  const width = columns.length;
  const rows: number[][] = new Array<number[]>(n);
  for (let r = 0; r < n; r++) {
    const i = index === null ? r : (index[r] as number);
    const row = new Array<number>(width);
    for (let j = 0; j < width; j++) row[j] = (columns[j] as ArrayLike<number>)[i] as number;
    rows[r] = row;
  }
  return rows;
}

let ones = new Float64Array(0);

/**
 * n unit weights, as a view of one shared array (grown when a longer one is asked for): fits of
 * unweighted data read them and never write them, and a fresh array of a million ones per fit
 * costs more than the fit's own arithmetic.
 */
export function unitWeights(n: number): Float64Array {
  if (ones.length < n) ones = new Float64Array(n).fill(1);
  return ones.subarray(0, n);
}

function allPositive(weights: Float64Array): boolean {
  for (let i = 0; i < weights.length; i++) if (!((weights[i] as number) > 0 && (weights[i] as number) < Infinity)) return false;
  return true;
}
