/**
 * Centred, weighted cross-products of data rows and a response: the one O(n k^2)
 * pass of least squares by the normal equations. Internal kernel.
 *
 * Rows are taken in blocks of {@link BLOCK} and transposed, minus a shift, into a small
 * column-major buffer that stays in cache; the block's co-moments are dot products over it, three
 * columns by three (nine sums in registers for six loads per row), moved from the shift to the
 * block's mean by M = S - t t' / W. Blocks are merged into chunks of {@link CHUNK} and chunks into
 * the total by Chan, Golub & LeVeque's pairwise update
 * M += M_b + (W W_b / (W + W_b)) (mean_b - mean)(mean_b - mean)'. So one pass gives the means and
 * the co-moments about them, with the rounding of short sums instead of n u, and without the
 * cancellation of raw sums of squares.
 */

import { GRAM_WASM_BASE64 } from './gram-wasm.js';
import { backgroundWasmModule } from './wasm-module.js';

/** Rows per block. */
export const BLOCK = 256;

/** Blocks merged into a chunk before the chunk is merged into the total. */
const CHUNK = 64;

/** Means and co-moments of [X | y]. */
export interface CrossProducts {
  /** (p + 1) x (p + 1), row-major, symmetric: sum over rows of w (z - mean)(z - mean)', y last; uncentred: sum w z z'. */
  readonly comoments: Float64Array;
  /** Weighted means of the p columns and y (zeros when not centred). */
  readonly means: Float64Array;
  /** Total weight of the rows (their number when unweighted). */
  readonly weight: number;
}

/**
 * Weighted co-moments of z = [x_r, y_r] over the rows, about their means (`centred`) or about zero.
 *
 * @param rows n rows of p numbers each
 * @param y length n
 * @param w the weights (length n), or null for unit weights
 * @param kernelChoice `'javascript'` skips the WebAssembly kernel (for tests of the fallback)
 * @returns null as soon as a row is not p finite numbers, so the pass can double as the check of
 *   rows nobody has validated yet (the caller then takes the general, listwise route)
 */
export function crossProducts(
  rows: readonly (readonly number[])[],
  y: Float64Array,
  w: Float64Array | null,
  n: number,
  p: number,
  centred: boolean,
  kernelChoice: 'auto' | 'javascript' = 'auto',
): CrossProducts | null {
  const origin = (out: Float64Array): void => {
    const first = rows[0] as readonly number[];
    for (let j = 0; j < p; j++) out[j] = first[j] as number;
    out[p] = y[0] as number;
  };
  const fill: BlockFill = (start, length, shift, z, sums) => {
    const yShift = shift[p] as number;
    if (w === null) {
      for (let i = 0; i < length; i++) {
        const row = rows[start + i] as readonly number[];
        if (row.length !== p) return false;
        for (let j = 0, at = i; j < p; j++, at += BLOCK) {
          const x = row[j];
          if (typeof x !== 'number' || x - x !== 0) return false;
          const v = x - (shift[j] as number);
          z[at] = v;
          sums[j] = (sums[j] as number) + v;
        }
        const v = (y[start + i] as number) - yShift;
        z[p * BLOCK + i] = v;
        sums[p] = (sums[p] as number) + v;
      }
    } else {
      for (let i = 0; i < length; i++) {
        const row = rows[start + i] as readonly number[];
        if (row.length !== p) return false;
        const wi = w[start + i] as number;
        const si = Math.sqrt(wi);
        for (let j = 0, at = i; j < p; j++, at += BLOCK) {
          const x = row[j];
          if (typeof x !== 'number' || x - x !== 0) return false;
          const v = x - (shift[j] as number);
          z[at] = v * si;
          sums[j] = (sums[j] as number) + wi * v;
        }
        const v = (y[start + i] as number) - yShift;
        z[p * BLOCK + i] = v * si;
        sums[p] = (sums[p] as number) + wi * v;
      }
    }
    return true;
  };
  const blockWeight =
    w === null
      ? null
      : (start: number, length: number): number => {
          let s = 0;
          for (let i = 0; i < length; i++) s += w[start + i] as number;
          return s;
        };
  return accumulate(p + 1, n, centred, origin, fill, blockWeight, kernelChoice);
}

/**
 * {@link crossProducts} of data held by column: `columns[j][index[r]]` is row r's predictor j and
 * `y[index[r]]` its response (`index` null: row r is entry r). The same blocks, shifts and merges
 * as from rows, so the result is bit for bit the one `crossProducts` gives on the same rows;
 * without building them. `weights` are indexed like the columns.
 *
 * @returns null as soon as a cell is not a finite number
 */
export function crossProductsOfColumns(
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  w: ArrayLike<number> | null,
  index: ArrayLike<number> | null,
  n: number,
  centred: boolean,
  kernelChoice: 'auto' | 'javascript' = 'auto',
): CrossProducts | null {
  const p = columns.length;
  const at = index === null ? (r: number): number => r : (r: number): number => index[r] as number;
  const origin = (out: Float64Array): void => {
    const first = at(0);
    for (let j = 0; j < p; j++) out[j] = (columns[j] as ArrayLike<number>)[first] as number;
    out[p] = y[first] as number;
  };
  // Column by column over the block (the rows' loop order within a column is the same, so the
  // sums are the same): each inner loop reads one array.
  const fill: BlockFill = (start, length, shift, z, sums) => {
    for (let j = 0; j <= p; j++) {
      const column = j < p ? (columns[j] as ArrayLike<number>) : y;
      const s = shift[j] as number;
      const offset = j * BLOCK;
      let sum = sums[j] as number;
      if (w === null) {
        if (index === null) {
          for (let i = 0; i < length; i++) {
            const x = column[start + i] as number;
            if (x - x !== 0) return false;
            const v = x - s;
            z[offset + i] = v;
            sum += v;
          }
        } else {
          for (let i = 0; i < length; i++) {
            const x = column[index[start + i] as number] as number;
            if (x - x !== 0) return false;
            const v = x - s;
            z[offset + i] = v;
            sum += v;
          }
        }
      } else {
        for (let i = 0; i < length; i++) {
          const r = at(start + i);
          const x = column[r] as number;
          if (x - x !== 0) return false;
          const wi = w[r] as number;
          const v = x - s;
          z[offset + i] = v * Math.sqrt(wi);
          sum += wi * v;
        }
      }
      sums[j] = sum;
    }
    return true;
  };
  const blockWeight =
    w === null
      ? null
      : (start: number, length: number): number => {
          let s = 0;
          for (let i = 0; i < length; i++) s += w[at(start + i)] as number;
          return s;
        };
  return accumulate(p + 1, n, centred, origin, fill, blockWeight, kernelChoice);
}

/**
 * Writes rows [start, start + length) of a block into z (value j of row i at z[j * BLOCK + i]),
 * minus `shift` and times sqrt(w), and adds their (weighted) shifted values to `sums`; false when a
 * cell is not a finite number.
 */
type BlockFill = (start: number, length: number, shift: Float64Array, z: Float64Array, sums: Float64Array) => boolean;

/** The blocked pass shared by {@link crossProducts} and {@link crossProductsOfColumns}. */
function accumulate(
  q: number,
  n: number,
  centred: boolean,
  firstRow: (out: Float64Array) => void,
  fill: BlockFill,
  blockWeightOf: ((start: number, length: number) => number) | null,
  kernelChoice: 'auto' | 'javascript',
): CrossProducts | null {
  const kernel = blockKernel(q, kernelChoice);
  const origin = new Float64Array(q);
  if (centred && n > 0) firstRow(origin);
  const stream = new MomentStream(q, centred, origin);
  const sums = new Float64Array(q);
  for (let start = 0; start < n; start += BLOCK) {
    const length = Math.min(BLOCK, n - start);
    sums.fill(0);
    if (!fill(start, length, stream.shift, kernel.z, sums)) return null;
    kernel.gram(length);
    stream.add(kernel.tiles, kernel.padded, sums, blockWeightOf === null ? length : blockWeightOf(start, length));
  }
  return stream.result();
}

/**
 * {@link crossProductsOfColumns} of each group of rows at once, in one pass over the rows in
 * order: sample row r is data row `rows[r]` (r when null) and belongs to group `group[r]`; each
 * group's rows are written to its own block buffer as they come and a full buffer goes through
 * the kernel. The same blocks, shifts and merges as `crossProductsOfColumns` over the group's rows
 * (in sample order) gives, so the same numbers, bit for bit, without gathering each group's rows.
 * null as soon as a cell is not a finite number.
 */
export function crossProductsByGroup(
  columns: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  w: ArrayLike<number> | null,
  rows: ArrayLike<number> | null,
  group: Int32Array,
  groups: number,
): CrossProducts[] | null {
  const q = columns.length + 1;
  const n = group.length;
  const values = [...columns, y];
  const kernel = blockKernel(q, 'auto');
  const size = kernel.padded * BLOCK;
  // Every group's block buffer, shift and shifted sums side by side in flat arrays (group g's at
  // g * size and g * q), so the row loop reads and writes typed arrays only.
  const buffers = new Float64Array(groups * size);
  const shifts = new Float64Array(groups * q);
  const sums = new Float64Array(groups * q);
  const filled = new Int32Array(groups);
  const weights = new Float64Array(groups);
  const streams: MomentStream[] = [];
  for (let g = 0; g < groups; g++) {
    // Each group is centred from its first row, as a pass over its rows alone would be.
    let first = -1;
    for (let r = 0; r < n && first === -1; r++) if (group[r] === g) first = rows === null ? r : (rows[r] as number);
    const origin = new Float64Array(q);
    if (first !== -1) for (let j = 0; j < q; j++) origin[j] = (values[j] as ArrayLike<number>)[first] as number;
    const stream = new MomentStream(q, true, origin);
    streams.push(stream);
    shifts.set(stream.shift, g * q);
  }
  const flush = (g: number): void => {
    const length = filled[g] as number;
    const stream = streams[g] as MomentStream;
    kernel.z.set(buffers.subarray(g * size, (g + 1) * size));
    kernel.gram(length);
    stream.add(kernel.tiles, kernel.padded, sums.subarray(g * q, (g + 1) * q), w === null ? length : (weights[g] as number));
    shifts.set(stream.shift, g * q);
    filled[g] = 0;
    weights[g] = 0;
    sums.fill(0, g * q, (g + 1) * q);
  };
  for (let r = 0; r < n; r++) {
    const g = group[r] as number;
    const i = rows === null ? r : (rows[r] as number);
    const at = filled[g] as number;
    const base = g * q;
    let cell = g * size + at;
    if (w === null) {
      for (let j = 0; j < q; j++, cell += BLOCK) {
        const x = (values[j] as ArrayLike<number>)[i] as number;
        if (x - x !== 0) return null;
        const v = x - (shifts[base + j] as number);
        buffers[cell] = v;
        sums[base + j] = (sums[base + j] as number) + v;
      }
    } else {
      const wi = w[i] as number;
      const root = Math.sqrt(wi);
      for (let j = 0; j < q; j++, cell += BLOCK) {
        const x = (values[j] as ArrayLike<number>)[i] as number;
        if (x - x !== 0) return null;
        const v = x - (shifts[base + j] as number);
        buffers[cell] = v * root;
        sums[base + j] = (sums[base + j] as number) + wi * v;
      }
      weights[g] = (weights[g] as number) + wi;
    }
    filled[g] = at + 1;
    if (at + 1 === BLOCK) flush(g);
  }
  for (let g = 0; g < groups; g++) if ((filled[g] as number) > 0) flush(g);
  return streams.map((stream) => stream.result());
}

/** A block buffer z (column j of a block at z[j * BLOCK ...]) and the kernel that fills `tiles` with its Gram matrix. */
interface BlockKernel {
  readonly z: Float64Array;
  readonly tiles: Float64Array;
  readonly padded: number;
  gram(length: number): void;
}

/** The WebAssembly kernel for q columns where available (`'auto'`), the JavaScript one otherwise. */
function blockKernel(q: number, kernelChoice: 'auto' | 'javascript'): BlockKernel {
  const padded = Math.ceil(q / 3) * 3;
  // Padding columns stay zero, so the 3 x 3 tiles never need a remainder case.
  // The block buffer and the tile sums live in the WebAssembly kernel's memory when it is
  // available (SIMD, two rows per instruction), in plain arrays for the JavaScript kernel otherwise.
  const kernel = kernelChoice === 'auto' ? wasmKernel(padded) : null;
  if (kernel === null) {
    const z = new Float64Array(padded * BLOCK);
    const tiles = new Float64Array(padded * padded);
    return { z, tiles, padded, gram: (length) => gram(z, tiles, q, padded, length) };
  }
  const { z, tiles } = kernel;
  return {
    z,
    tiles,
    padded,
    gram: (length) => {
      // The kernel takes rows in pairs: an odd last row is paired with a zero one.
      if (length % 2 === 1) for (let j = 0; j < q; j++) z[j * BLOCK + length] = 0;
      kernel.gram(q, length + (length % 2));
    },
  };
}

/**
 * The means and co-moments of a stream of blocks. Two levels of merging (blocks into chunks of
 * CHUNK blocks, chunks into the total) keep every sum short: the rounding grows like BLOCK +
 * CHUNK + n / (BLOCK CHUNK) units, not like n.
 *
 * Each block is taken minus `shift`, its co-moments formed about the shift and moved to the
 * block's mean by the exact identity M = S - t t' / W (S the shifted cross-products, t the
 * shifted sums). The shift is the running mean of the rows before (the first row to begin with),
 * so the shifted values are deviations of the size of the spread, and the identity cancels
 * little: S exceeds M by W d d', d the block mean's distance from the running mean. Means are
 * kept relative to the first row (`origin`), so their differences in the merges carry the
 * spread's digits, not the magnitude's (data like 10^6 + ratings).
 */
class MomentStream {
  /** What the next block's values are taken minus (zeros when not centred). */
  readonly shift: Float64Array;
  private readonly offset: Float64Array;
  private readonly block: Moments;
  private readonly chunk: Moments;
  private readonly total: Moments;
  private blocksInChunk = 0;

  constructor(
    private readonly q: number,
    private readonly centred: boolean,
    private readonly origin: Float64Array,
  ) {
    this.shift = origin.slice();
    this.offset = new Float64Array(q);
    this.block = emptyMoments(q);
    this.chunk = emptyMoments(q);
    this.total = emptyMoments(q);
  }

  /** Adds a block: `tiles` its shifted cross-products (padded x padded, upper triangle), `sums` its (weighted) shifted sums. */
  add(tiles: Float64Array, padded: number, sums: Float64Array, blockWeight: number): void {
    const { q, centred, block, chunk, total, offset, shift, origin } = this;
    block.weight = blockWeight;
    for (let a = 0; a < q; a++) {
      const ta = (sums[a] as number) / blockWeight;
      block.means[a] = centred ? (offset[a] as number) + ta : 0;
      for (let b = a; b < q; b++) block.m2[a * q + b] = (tiles[a * padded + b] as number) - (centred ? ta * (sums[b] as number) : 0);
    }
    merge(chunk, block, q);
    if (++this.blocksInChunk === CHUNK) this.closeChunk();
    if (centred) {
      const running = total.weight > 0 ? total.means : chunk.means;
      for (let j = 0; j < q; j++) {
        shift[j] = (origin[j] as number) + (running[j] as number);
        offset[j] = (shift[j] as number) - (origin[j] as number);
      }
    }
  }

  /** The weight, means and co-moments (full symmetric matrix) of every block added. */
  result(): CrossProducts {
    const { q, total, origin } = this;
    this.closeChunk();
    const { m2 } = total;
    for (let a = 0; a < q; a++) for (let b = 0; b < a; b++) m2[a * q + b] = m2[b * q + a] as number;
    return { comoments: m2, means: total.means.map((mean, j) => (origin[j] as number) + mean), weight: total.weight };
  }

  private closeChunk(): void {
    const { q, chunk, total } = this;
    merge(total, chunk, q);
    chunk.weight = 0;
    chunk.means.fill(0);
    chunk.m2.fill(0);
    this.blocksInChunk = 0;
  }
}

/**
 * The cross-products of the union of disjoint sets of rows from theirs, by the same pairwise
 * update as the blocks (Chan, Golub & LeVeque 1979), in the order given; all centred or all not.
 * Used to form each cross-validation fold's training set from the folds' own cross-products.
 */
export function mergeCrossProducts(parts: readonly CrossProducts[]): CrossProducts {
  const q = Math.round(Math.sqrt((parts[0] as CrossProducts).comoments.length));
  const total = emptyMoments(q);
  const part = emptyMoments(q);
  for (const from of parts) {
    part.weight = from.weight;
    part.means.set(from.means);
    part.m2.set(from.comoments);
    merge(total, part, q);
  }
  const { m2 } = total;
  for (let a = 0; a < q; a++) for (let b = 0; b < a; b++) m2[a * q + b] = m2[b * q + a] as number;
  return { comoments: m2, means: total.means, weight: total.weight };
}

/**
 * The cross-products of predictors `keep` (indices into the p predictors, in the order wanted) and
 * y, taken from those of all p. With `keep` increasing this is bit for bit what
 * {@link crossProductsOfColumns} gives on those columns alone: every entry (a mean, a co-moment of
 * two columns) is formed from its own two columns only, with the same blocks, shifts and merges
 * whatever the other columns are (in another order the products' factors swap, which can change
 * the last bit).
 */
export function selectCrossProducts(products: CrossProducts, keep: readonly number[]): CrossProducts {
  const q = products.means.length;
  const from = [...keep, q - 1];
  const m = from.length;
  const comoments = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) comoments[a * m + b] = products.comoments[(from[a] as number) * q + (from[b] as number)] as number;
  return { comoments, means: Float64Array.from(from, (j) => products.means[j] as number), weight: products.weight };
}

interface WasmKernel {
  readonly z: Float64Array;
  readonly tiles: Float64Array;
  gram(q: number, length: number): void;
}

/**
 * A block Gram kernel for `q` columns: write up to {@link BLOCK} values of column j at
 * z[j * BLOCK ...] (the padding columns stay zero), call gram(length), and tiles (padded x padded,
 * row-major) holds sum_i z[a][i] z[b][i] for a <= b in the upper triangle. The WebAssembly SIMD
 * kernel where available (compiled when first used, so fast from the first call), the JavaScript
 * one otherwise.
 */
export function blockGram(q: number): BlockKernel {
  return blockKernel(q, 'auto');
}

/** The kernel's module, compiled in the background from load. */
const gramModule = backgroundWasmModule(GRAM_WASM_BASE64);

/**
 * The WebAssembly SIMD version of {@link gram} (src/linalg/gram.wat, compiled into gram-wasm.ts),
 * with fresh memory sized for `padded` columns; null where WebAssembly or its SIMD instructions
 * are unavailable, so the JavaScript kernel runs instead. Both sum each pair of columns over the
 * block; the kernel adds even and odd rows separately first, so results may differ from the
 * JavaScript kernel's in the last bits.
 */
function wasmKernel(padded: number): WasmKernel | null {
  const wasmModule = gramModule.get();
  if (wasmModule === null) return null;
  // One instance per width, kept: instantiating costs more than a small call's arithmetic. Callers
  // are synchronous, so they never share it at once; a wider caller's values left in the padding
  // columns only reach tiles of padding columns, which nobody reads.
  const cached = kernels.get(padded);
  if (cached !== undefined) return cached;
  const exports = new WebAssembly.Instance(wasmModule, {}).exports as { memory: WebAssembly.Memory; gram: (z: number, out: number, q: number, padded: number, length: number, stride: number) => void };
  const zBytes = padded * BLOCK * 8;
  const needed = zBytes + padded * padded * 8;
  const pages = Math.ceil(needed / 65536) - exports.memory.buffer.byteLength / 65536;
  if (pages > 0) exports.memory.grow(pages);
  const kernel: WasmKernel = {
    z: new Float64Array(exports.memory.buffer, 0, padded * BLOCK),
    tiles: new Float64Array(exports.memory.buffer, zBytes, padded * padded),
    gram: (q, length) => exports.gram(0, zBytes, q, padded, length, BLOCK),
  };
  kernels.set(padded, kernel);
  return kernel;
}

const kernels = new Map<number, WasmKernel>();

/** The module's exports with the correlation pass (a separate instance: its memory grows with the data). */
interface CorrelationExports {
  memory: WebAssembly.Memory;
  correlation: (data: number, n: number, k: number, z: number, tiles: number, padded: number, maxima: number, cross: number) => number;
}

let correlationInstance: CorrelationExports | null | undefined;

/**
 * The unweighted pass of `correlationMatrix` in WebAssembly (gram.wat's `correlation`: the same
 * operations in the same order, so the same bits): each column's largest |value| and the
 * upper triangle of the cross-products of its deviations from its mean divided by that value,
 * summed over blocks of {@link BLOCK} rows. The columns are copied into the module's memory
 * (native copies), so none of the per-value work runs in JavaScript, which on a first call is
 * interpreted. null without WebAssembly, or when a column's sum overflows (the caller's route).
 */
export function correlationSums(columns: readonly Float64Array[], n: number): { maxima: Float64Array; cross: Float64Array } | null {
  if (correlationInstance === undefined) {
    const wasmModule = gramModule.get();
    correlationInstance = wasmModule === null ? null : (new WebAssembly.Instance(wasmModule, {}).exports as unknown as CorrelationExports);
  }
  const kernel = correlationInstance;
  if (kernel === null) return null;
  const k = columns.length;
  const padded = Math.ceil(k / 3) * 3;
  // Memory: z (padded columns of BLOCK), tiles, maxima, cross (k k sums, then k means), the data.
  const tiles = padded * BLOCK * 8;
  const maxima = tiles + padded * padded * 8;
  const cross = maxima + k * 8;
  const data = cross + (k * k + k) * 8;
  const bytes = data + k * n * 8;
  const pages = Math.ceil(bytes / 65536) - kernel.memory.buffer.byteLength / 65536;
  if (pages > 0) kernel.memory.grow(pages);
  const memory = new Float64Array(kernel.memory.buffer);
  // The padding columns of z and the sums start at zero.
  memory.fill(0, 0, data / 8);
  for (let a = 0; a < k; a++) memory.set(columns[a] as Float64Array, data / 8 + a * n);
  if (kernel.correlation(data, n, k, 0, tiles, padded, maxima, cross) !== 0) return null;
  return { maxima: memory.slice(maxima / 8, maxima / 8 + k), cross: memory.slice(cross / 8, cross / 8 + k * k) };
}

/** Weight, means and co-moments (upper triangle, q x q) of a set of rows. */
interface Moments {
  weight: number;
  readonly means: Float64Array;
  readonly m2: Float64Array;
}

function emptyMoments(q: number): Moments {
  return { weight: 0, means: new Float64Array(q), m2: new Float64Array(q * q) };
}

/**
 * Adds `from` into `into` (Chan, Golub & LeVeque 1979): M += M_from + (W W_from / (W + W_from)) d d',
 * mean += (W_from / (W + W_from)) d, with d = mean_from - mean. Uncentred moments (all means 0)
 * just add.
 */
function merge(into: Moments, from: Moments, q: number): void {
  if (from.weight === 0) return;
  const weight = into.weight + from.weight;
  const factor = (into.weight * from.weight) / weight;
  for (let a = 0; a < q; a++) {
    const da = (from.means[a] as number) - (into.means[a] as number);
    for (let b = a; b < q; b++) {
      const db = (from.means[b] as number) - (into.means[b] as number);
      into.m2[a * q + b] = (into.m2[a * q + b] as number) + (from.m2[a * q + b] as number) + factor * da * db;
    }
  }
  for (let a = 0; a < q; a++) into.means[a] = (into.means[a] as number) + (from.weight / weight) * ((from.means[a] as number) - (into.means[a] as number));
  into.weight = weight;
}

/**
 * Upper triangle (by 3 x 3 tiles, upper halves only on the diagonal) of the co-moments of the
 * first `length` entries of each column of z. Unrolled on purpose: the diagonal tile (six sums)
 * and the off-diagonal tile (nine sums) are written out so that every accumulator stays in a
 * register; `duplicates` reports the two loops as alike, and that is intended, not a copy to merge.
 */
function gram(z: Float64Array, out: Float64Array, q: number, padded: number, length: number): void {
  for (let a = 0; a < q; a += 3) {
    const a0 = a * BLOCK;
    const a1 = a0 + BLOCK;
    const a2 = a1 + BLOCK;
    // The diagonal tile: six distinct products from three loads.
    let d00 = 0;
    let d01 = 0;
    let d02 = 0;
    let d11 = 0;
    let d12 = 0;
    let d22 = 0;
    for (let i = 0; i < length; i++) {
      const u0 = z[a0 + i] as number;
      const u1 = z[a1 + i] as number;
      const u2 = z[a2 + i] as number;
      d00 += u0 * u0;
      d01 += u0 * u1;
      d02 += u0 * u2;
      d11 += u1 * u1;
      d12 += u1 * u2;
      d22 += u2 * u2;
    }
    const diagonal = a * padded + a;
    out[diagonal] = d00;
    out[diagonal + 1] = d01;
    out[diagonal + 2] = d02;
    out[diagonal + padded + 1] = d11;
    out[diagonal + padded + 2] = d12;
    out[diagonal + 2 * padded + 2] = d22;
    for (let b = a + 3; b < q; b += 3) {
      const b0 = b * BLOCK;
      const b1 = b0 + BLOCK;
      const b2 = b1 + BLOCK;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s20 = 0;
      let s21 = 0;
      let s22 = 0;
      for (let i = 0; i < length; i++) {
        const u0 = z[a0 + i] as number;
        const u1 = z[a1 + i] as number;
        const u2 = z[a2 + i] as number;
        const v0 = z[b0 + i] as number;
        const v1 = z[b1 + i] as number;
        const v2 = z[b2 + i] as number;
        s00 += u0 * v0;
        s01 += u0 * v1;
        s02 += u0 * v2;
        s10 += u1 * v0;
        s11 += u1 * v1;
        s12 += u1 * v2;
        s20 += u2 * v0;
        s21 += u2 * v1;
        s22 += u2 * v2;
      }
      const o0 = a * padded + b;
      const o1 = o0 + padded;
      const o2 = o1 + padded;
      out[o0] = s00;
      out[o0 + 1] = s01;
      out[o0 + 2] = s02;
      out[o1] = s10;
      out[o1 + 1] = s11;
      out[o1 + 2] = s12;
      out[o2] = s20;
      out[o2 + 1] = s21;
      out[o2 + 2] = s22;
    }
  }
}
