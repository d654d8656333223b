/**
 * LMG / Shapley decomposition of R-squared: exact over all subsets, or estimated from random
 * orderings for many predictors.
 */
import { LMG_WASM_BASE64 } from '../linalg/lmg-wasm.js';
import { eliminateLeading, schurStepLower } from '../linalg/sweep.js';
import { backgroundWasmModule } from '../linalg/wasm-module.js';
import { createRng, shuffledIndices } from '../random/rng.js';

/**
 * Calls `visit(mask, size, rSquared)` once for every subset of players (bit i of `mask` = player
 * i included; `size` = number of players). Players are groups of variable indices (0..k-1) into
 * the (k+1) x (k+1) correlation matrix `corr`, whose last row/column is the outcome.
 *
 * Algorithm: depth-first enumeration by increasing player index. A child subset's matrix is the
 * Schur complement of its parent's after eliminating the added player's variables, restricted to
 * the variables of later players and the outcome; R^2 of a subset is 1 minus the outcome's
 * remaining diagonal entry. Every subset's matrix is reached by at most k eliminations from the
 * original (no accumulation of rounding along the enumeration), and each costs O(m^2) for the m
 * variables still in play, so the whole enumeration is O(2^p k^2) at most and much less on average.
 */
export function forEachSubsetRSquared(corr: Float64Array, players: readonly (readonly number[])[], visit: (mask: number, size: number, rSquared: number) => void): void {
  const k = Math.round(Math.sqrt(corr.length)) - 1;
  // Reorder variables player by player, outcome last.
  const order = [...players.flat(), k];
  const dim = order.length;
  const m0 = new Float64Array(dim * dim);
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) m0[a * dim + b] = corr[(order[a] as number) * (k + 1) + (order[b] as number)] as number;
  const offsets: number[] = [];
  let offset = 0;
  for (const p of players) {
    offsets.push(offset);
    offset += p.length;
  }
  const levels = players.length + 1;
  const buffers = Array.from({ length: levels }, () => new Float64Array(dim * dim));
  const work = new Float64Array(dim * dim);
  const recurse = (m: Float64Array, mDim: number, base: number, first: number, mask: number, size: number): void => {
    visit(mask, size, 1 - (m[mDim * mDim - 1] as number));
    for (let t = first; t < players.length; t++) {
      const from = (offsets[t] as number) - base;
      const count = (players[t] as readonly number[]).length;
      const child = buffers[size + 1] as Float64Array;
      eliminateLeading(m, mDim, from, count, child, work);
      recurse(child, mDim - from - count, (offsets[t] as number) + count, t + 1, mask | (1 << t), size + 1);
    }
  };
  recurse(m0, dim, 0, 0, 0, 0);
}

/** Shapley weight of a coalition of `size` others in a game of `players` players: s!(p-s-1)!/p!. */
export function shapleyWeights(players: number): Float64Array {
  const weights = new Float64Array(players);
  for (let s = 0; s < players; s++) {
    // 1 / (p * C(p - 1, s)), with the binomial built multiplicatively (exact for p <= 50).
    let binomial = 1;
    for (let i = 1; i <= s; i++) binomial = (binomial * (players - s + i - 1)) / i;
    weights[s] = 1 / (players * binomial);
  }
  return weights;
}

/**
 * Exact Shapley values of R^2 over players (LMG when each player is one predictor).
 *
 * Algorithm: lmg_j = sum over sizes s of w(s) [A_j(s + 1) - (T(s) - A_j(s))], where T(s) sums
 * R^2 over all subsets of s players, A_j(s) over those of them containing player j, and
 * w(s) = s!(p-s-1)!/p!. The subsets are enumerated depth first, deciding player 0, 1, ... in turn:
 * including a player conditions the remaining variables and the outcome on its variables (one
 * Schur-complement step per variable on the lower triangle, so each subset is at most k
 * eliminations from the correlation matrix and rounding does not accumulate), and each subtree
 * returns its R^2 sums by subset size, which are added to A_j where player j was included. Cost:
 * O(2^p) elimination work and bookkeeping on average (no per-subset loop over players), no table
 * of 2^p values; k = 20 predictors take a few tens of milliseconds, k = 25 about a second.
 * Pivots below 1e-12 (a variable explained by those already in) are skipped; the caller rejects
 * collinear designs beforehand. From {@link BLOCKED_LMG_MIN_PLAYERS} players the enumeration runs
 * as 64 blocks (which of the first six players are in) whose sums are added in block order, so
 * 'peak-end/node' can spread the blocks over worker threads and get the same bits.
 */
export function exactShapley(corr: Float64Array, players: readonly (readonly number[])[]): { values: Float64Array; rSquared: number } {
  const depth = lmgBlockDepth(players.length);
  return mergeShapleyBlocks(exactShapleyBlocks(corr, players, depth, 0, 2 ** depth), players.length, depth);
}

/** Players below which the exact LMG runs as one block (the plain depth-first enumeration). */
export const BLOCKED_LMG_MIN_PLAYERS = 16;
/** Leading players decided per block at and above {@link BLOCKED_LMG_MIN_PLAYERS}: 2^6 = 64 blocks. */
const BLOCK_DEPTH = 6;

/**
 * How many leading players the exact LMG decides per block: 0 (one block) for fewer than
 * {@link BLOCKED_LMG_MIN_PLAYERS} players, else 6. It depends on the number of players only, never
 * on how many threads run the blocks, so the sums (and the result) are the same bit for bit
 * however the blocks are spread.
 */
export function lmgBlockDepth(players: number): number {
  return players >= BLOCKED_LMG_MIN_PLAYERS ? BLOCK_DEPTH : 0;
}

/** Numbers per block in {@link exactShapleyBlocks}' output for p players. */
export function shapleyBlockStride(players: number): number {
  return (players + 1) * (players + 1);
}

/**
 * The subset R^2 sums of blocks [from, to) of the exact LMG enumeration. Block `mask` fixes which
 * of the first `depth` players are in (bit t = player t) and enumerates every completion by the
 * others. Each block writes {@link shapleyBlockStride} numbers: R^2 summed by subset size
 * (0..p), then for each player j >= depth the sums over the block's subsets containing j.
 */
export function exactShapleyBlocks(corr: Float64Array, players: readonly (readonly number[])[], depth: number, from: number, to: number, kernelChoice: 'auto' | 'javascript' = 'auto'): Float64Array {
  if (kernelChoice === 'auto') {
    const compiled = wasmShapleyBlocks(corr, players, depth, from, to);
    if (compiled !== null) return compiled;
  }
  const p = players.length;
  const k = Math.round(Math.sqrt(corr.length)) - 1;
  const order = [...players.flat(), k];
  const dim = order.length;
  const yy = dim * dim - 1;
  const start = new Int32Array(p + 1);
  players.forEach((members, t) => {
    start[t + 1] = (start[t] as number) + members.length;
  });
  const buffers = Array.from({ length: p + 1 }, () => new Float64Array(dim * dim));
  const root = buffers[0] as Float64Array;
  for (let a = 0; a < dim; a++) for (let b = 0; b <= a; b++) root[a * dim + b] = corr[(order[a] as number) * (k + 1) + (order[b] as number)] as number;
  const stride = shapleyBlockStride(p);
  const output = new Float64Array((to - from) * stride);
  let total = new Float64Array(p + 1);
  let containing = Array.from({ length: p }, () => new Float64Array(p + 1));
  const subtree = Array.from({ length: p }, () => new Float64Array(p + 1));
  const lastSingle = p > 0 && (players[p - 1] as readonly number[]).length === 1;
  const lastVar = start[p - 1] as number;
  const lastTwoSingle = lastSingle && p > 1 && (players[p - 2] as readonly number[]).length === 1;
  const lastThreeSingle = lastTwoSingle && p > 2 && (players[p - 3] as readonly number[]).length === 1;

  // Player t's variables conditioned into `child` (pivots below 1e-12 skipped), from `m`.
  const include = (t: number, m: Float64Array, child: Float64Array): void => {
    let source = m;
    for (let q = start[t] as number; q < (start[t + 1] as number); q++) {
      if ((source[q * dim + q] as number) > 1e-12) {
        schurStepLower(source, child, dim, q);
        source = child;
      }
    }
    if (source !== child) child.set(m);
  };

  // Adds to out[s] the R^2 of every subset decided so far (players < t, of which `size` are in,
  // conditioned into `m`) completed in every way by players t..p-1.
  const visit = (t: number, m: Float64Array, size: number, out: Float64Array): void => {
    if (t === p) {
      out[size] = (out[size] as number) + 1 - (m[yy] as number);
      return;
    }
    if (t === p - 3 && lastThreeSingle) {
      lastThreeLeaves(m, dim, lastVar - 2, size, out, containing[t] as Float64Array, containing[t + 1] as Float64Array, containing[t + 2] as Float64Array);
      return;
    }
    if (t === p - 2 && lastTwoSingle) {
      lastTwoLeaves(m, dim, lastVar, size, out, containing[t] as Float64Array, containing[t + 1] as Float64Array);
      return;
    }
    if (t === p - 1 && lastSingle) {
      lastLeaf(m, dim, lastVar, size, out, containing[t] as Float64Array);
      return;
    }
    visit(t + 1, m, size, out);
    const child = buffers[t + 1] as Float64Array;
    include(t, m, child);
    const sums = subtree[t] as Float64Array;
    const lo = size + 1;
    const hi = size + p - t;
    for (let s = lo; s <= hi; s++) sums[s] = 0;
    visit(t + 1, child, size + 1, sums);
    const c = containing[t] as Float64Array;
    for (let s = lo; s <= hi; s++) {
      c[s] = (c[s] as number) + (sums[s] as number);
      out[s] = (out[s] as number) + (sums[s] as number);
    }
  };

  for (let mask = from; mask < to; mask++) {
    // Condition on the block's leading players, exactly as the enumeration would on its way down.
    let m = root;
    let size = 0;
    for (let t = 0; t < depth; t++) {
      if ((mask & (1 << t)) === 0) continue;
      const child = buffers[t + 1] as Float64Array;
      include(t, m, child);
      m = child;
      size++;
    }
    total = output.subarray((mask - from) * stride, (mask - from) * stride + p + 1);
    containing = Array.from({ length: p }, (_, j) => output.subarray((mask - from) * stride + (j + 1) * (p + 1), (mask - from) * stride + (j + 2) * (p + 1)));
    visit(depth, m, size, total);
  }
  return output;
}

/**
 * The last three players of {@link exactShapleyBlocks}, one variable each (a, b, c, the first at
 * `va`): all eight leaves in closed form, with the same conditioning steps (and pivot rule) as its
 * include(). Adds to `out` by subset size and to `ka`, `kb`, `kc` the sums containing a, b, c.
 */
function lastThreeLeaves(m: Float64Array, dim: number, va: number, size: number, out: Float64Array, ka: Float64Array, kb: Float64Array, kc: Float64Array): void {
  const ra = va * dim;
  const rb = ra + dim;
  const rc = rb + dim;
  const ry = (dim - 1) * dim;
  const aa = m[ra + va] as number;
  const ba = m[rb + va] as number;
  const bb = m[rb + va + 1] as number;
  const ca = m[rc + va] as number;
  const cb = m[rc + va + 1] as number;
  const cc = m[rc + va + 2] as number;
  const ya = m[ry + va] as number;
  const yb = m[ry + va + 1] as number;
  const yc = m[ry + va + 2] as number;
  const r0 = m[dim * dim - 1] as number;
  // Conditioned on a.
  const okA = aa > 1e-12;
  const fb = okA ? ba / aa : 0;
  const fc = okA ? ca / aa : 0;
  const fy = okA ? ya / aa : 0;
  const bbA = bb - fb * ba;
  const cbA = cb - fc * ba;
  const ccA = cc - fc * ca;
  const ybA = yb - fy * ba;
  const ycA = yc - fy * ca;
  const rA = r0 - fy * ya;
  // Conditioned on b (alone, and after a).
  const okB = bb > 1e-12;
  const rB = okB ? r0 - (yb / bb) * yb : r0;
  const ccB = okB ? cc - (cb / bb) * cb : cc;
  const ycB = okB ? yc - (yb / bb) * cb : yc;
  const okAB = bbA > 1e-12;
  const rAB = okAB ? rA - (ybA / bbA) * ybA : rA;
  const ccAB = okAB ? ccA - (cbA / bbA) * cbA : ccA;
  const ycAB = okAB ? ycA - (ybA / bbA) * cbA : ycA;
  // Then c.
  const rC = cc > 1e-12 ? r0 - (yc / cc) * yc : r0;
  const rAC = ccA > 1e-12 ? rA - (ycA / ccA) * ycA : rA;
  const rBC = ccB > 1e-12 ? rB - (ycB / ccB) * ycB : rB;
  const rABC = ccAB > 1e-12 ? rAB - (ycAB / ccAB) * ycAB : rAB;
  const sA = 1 - rA;
  const sB = 1 - rB;
  const sC = 1 - rC;
  const sAB = 1 - rAB;
  const sAC = 1 - rAC;
  const sBC = 1 - rBC;
  const sABC = 1 - rABC;
  out[size] = (out[size] as number) + (1 - r0);
  out[size + 1] = (out[size + 1] as number) + (sA + sB + sC);
  out[size + 2] = (out[size + 2] as number) + (sAB + sAC + sBC);
  out[size + 3] = (out[size + 3] as number) + sABC;
  ka[size + 1] = (ka[size + 1] as number) + sA;
  ka[size + 2] = (ka[size + 2] as number) + (sAB + sAC);
  ka[size + 3] = (ka[size + 3] as number) + sABC;
  kb[size + 1] = (kb[size + 1] as number) + sB;
  kb[size + 2] = (kb[size + 2] as number) + (sAB + sBC);
  kb[size + 3] = (kb[size + 3] as number) + sABC;
  kc[size + 1] = (kc[size + 1] as number) + sC;
  kc[size + 2] = (kc[size + 2] as number) + (sAC + sBC);
  kc[size + 3] = (kc[size + 3] as number) + sABC;
}

/** The last two players, one variable each (a, then b, the last at `lastVar`): all four leaves in closed form. */
function lastTwoLeaves(m: Float64Array, dim: number, lastVar: number, size: number, out: Float64Array, ca: Float64Array, cb: Float64Array): void {
  const daa = m[lastVar * dim - dim + lastVar - 1] as number;
  const dbb = m[lastVar * dim + lastVar] as number;
  const dba = m[lastVar * dim + lastVar - 1] as number;
  const residual = m[dim * dim - 1] as number;
  const cya = m[(dim - 1) * dim + lastVar - 1] as number;
  const cyb = m[(dim - 1) * dim + lastVar] as number;
  const okA = daa > 1e-12;
  const rA = okA ? residual - (cya * cya) / daa : residual;
  const rB = dbb > 1e-12 ? residual - (cyb * cyb) / dbb : residual;
  const dbbA = okA ? dbb - (dba * dba) / daa : dbb;
  const cybA = okA ? cyb - (cya * dba) / daa : cyb;
  const rAB = dbbA > 1e-12 ? rA - (cybA * cybA) / dbbA : rA;
  out[size] = (out[size] as number) + 1 - residual;
  out[size + 1] = (out[size + 1] as number) + (1 - rA) + (1 - rB);
  out[size + 2] = (out[size + 2] as number) + 1 - rAB;
  ca[size + 1] = (ca[size + 1] as number) + 1 - rA;
  ca[size + 2] = (ca[size + 2] as number) + 1 - rAB;
  cb[size + 1] = (cb[size + 1] as number) + 1 - rB;
  cb[size + 2] = (cb[size + 2] as number) + 1 - rAB;
}

/** The last player, one variable at `lastVar`: both leaves without writing a matrix. */
function lastLeaf(m: Float64Array, dim: number, lastVar: number, size: number, out: Float64Array, c: Float64Array): void {
  const d = m[lastVar * dim + lastVar] as number;
  const residual = m[dim * dim - 1] as number;
  const cross = m[(dim - 1) * dim + lastVar] as number;
  const included = 1 - (d > 1e-12 ? residual - (cross * cross) / d : residual);
  out[size] = (out[size] as number) + 1 - residual;
  out[size + 1] = (out[size + 1] as number) + included;
  c[size + 1] = (c[size + 1] as number) + included;
}

interface LmgKernel {
  readonly memory: WebAssembly.Memory;
  readonly blocks: (m0: number, bufs: number, dim: number, p: number, depth: number, from: number, to: number, out: number, sub: number) => void;
}

/** The module (compiled in the background from load; null where WebAssembly is unavailable) and this thread's instance of it. */
const lmgModule = backgroundWasmModule(LMG_WASM_BASE64);
let lmgInstance: LmgKernel | undefined;

function lmgKernel(): LmgKernel | null {
  if (lmgInstance !== undefined) return lmgInstance;
  const module = lmgModule.get();
  if (module === null) return null;
  lmgInstance = new WebAssembly.Instance(module, {}).exports as unknown as LmgKernel;
  return lmgInstance;
}

/**
 * {@link exactShapleyBlocks} in WebAssembly (src/linalg/lmg.wat): the same enumeration with the
 * same operations in the same order, so the same bits, compiled from the first call instead of
 * interpreted until the JIT warms up. Players of one variable each, at least three, with the last
 * three below the block depth; null otherwise (or without WebAssembly), and the JavaScript runs.
 */
function wasmShapleyBlocks(corr: Float64Array, players: readonly (readonly number[])[], depth: number, from: number, to: number): Float64Array | null {
  const p = players.length;
  if (p < 3 || depth > p - 3 || !players.every((members) => members.length === 1)) return null;
  const kernel = lmgKernel();
  if (kernel === null) return null;
  const k = Math.round(Math.sqrt(corr.length)) - 1;
  const dim = p + 1;
  const order = [...players.map((members) => members[0] as number), k];
  const matrix = dim * dim;
  const stride = shapleyBlockStride(p);
  // Memory: the root matrix and p + 1 scratch matrices, the output blocks, the subtree sums.
  const bufs = 8 * matrix;
  const out = bufs + 8 * matrix * (p + 1);
  const sub = out + 8 * stride * (to - from);
  const bytes = sub + 8 * p * (p + 1);
  const have = kernel.memory.buffer.byteLength;
  if (bytes > have) kernel.memory.grow(Math.ceil((bytes - have) / 65536));
  const heap = new Float64Array(kernel.memory.buffer);
  for (let a = 0; a < dim; a++) for (let b = 0; b <= a; b++) heap[a * dim + b] = corr[(order[a] as number) * (k + 1) + (order[b] as number)] as number;
  heap.fill(0, out / 8, sub / 8);
  kernel.blocks(0, bufs, dim, p, depth, from, to, out, sub);
  return heap.slice(out / 8, out / 8 + stride * (to - from));
}

/**
 * Shapley values from all 2^depth blocks of {@link exactShapleyBlocks} (in block order):
 * lmg_j = sum over sizes s of w(s) [A_j(s + 1) - (T(s) - A_j(s))]. Block sums are added in block
 * order, so the result is the same however the blocks were computed.
 */
export function mergeShapleyBlocks(blocks: Float64Array, players: number, depth: number): { values: Float64Array; rSquared: number } {
  const p = players;
  const stride = shapleyBlockStride(p);
  const total = new Float64Array(p + 1);
  const containing = Array.from({ length: p }, () => new Float64Array(p + 1));
  const count = 2 ** depth;
  for (let mask = 0; mask < count; mask++) {
    const base = mask * stride;
    for (let s = 0; s <= p; s++) {
      const v = blocks[base + s] as number;
      total[s] = mask === 0 ? v : (total[s] as number) + v;
      for (let t = 0; t < depth; t++) {
        const c = containing[t] as Float64Array;
        if ((mask & (1 << t)) !== 0) c[s] = (c[s] as number) + v;
      }
      for (let j = depth; j < p; j++) {
        const c = containing[j] as Float64Array;
        const w = blocks[base + (j + 1) * (p + 1) + s] as number;
        c[s] = mask === 0 ? w : (c[s] as number) + w;
      }
    }
  }
  const weights = shapleyWeights(p);
  const values = Float64Array.from({ length: p }, (_, j) => {
    const c = containing[j] as Float64Array;
    let v = 0;
    for (let s = 0; s < p; s++) v += (weights[s] as number) * ((c[s + 1] as number) - ((total[s] as number) - (c[s] as number)));
    return v;
  });
  return { values, rSquared: total[p] as number };
}

/**
 * Monte Carlo Shapley values from `permutations` random orderings (seeded): each ordering adds the
 * players one by one and credits each with its R^2 increment; the estimate is the mean increment
 * and its standard error the standard deviation over orderings / sqrt(permutations).
 * Reference: Castro, Gomez & Tejada (2009), polynomial calculation of the Shapley value based on
 * sampling.
 */
export function sampledShapley(
  corr: Float64Array,
  players: readonly (readonly number[])[],
  permutations: number,
  seed: number,
): { values: Float64Array; standardErrors: Float64Array; rSquared: number } {
  const p = players.length;
  const k = Math.round(Math.sqrt(corr.length)) - 1;
  const rng = createRng(seed);
  const sum = new Float64Array(p);
  const sumSq = new Float64Array(p);
  const dim = k + 1;
  const buffers = [new Float64Array(dim * dim), new Float64Array(dim * dim)];
  const work = new Float64Array(dim * dim);
  let rSquared = 0;
  for (let r = 0; r < permutations; r++) {
    const order = Array.from(shuffledIndices(p, rng));
    // Variables in the permuted player order, outcome last.
    const vars = [...order.flatMap((t) => players[t] as number[]), k];
    let m: Float64Array = new Float64Array(dim * dim);
    for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) m[a * dim + b] = corr[(vars[a] as number) * dim + (vars[b] as number)] as number;
    let mDim = dim;
    let previous = 0;
    order.forEach((t, step) => {
      const count = (players[t] as readonly number[]).length;
      const out = buffers[step % 2] as Float64Array;
      eliminateLeading(m, mDim, 0, count, out, work);
      m = out;
      mDim -= count;
      const r2 = 1 - (m[mDim * mDim - 1] as number);
      const increment = r2 - previous;
      previous = r2;
      sum[t] = (sum[t] as number) + increment;
      sumSq[t] = (sumSq[t] as number) + increment * increment;
    });
    rSquared = previous;
  }
  const values = sum.map((s) => s / permutations);
  const standardErrors = values.map((mean, t) => {
    const variance = ((sumSq[t] as number) - permutations * mean * mean) / Math.max(1, permutations - 1);
    return Math.sqrt(Math.max(0, variance) / permutations);
  });
  return { values, standardErrors, rSquared };
}
