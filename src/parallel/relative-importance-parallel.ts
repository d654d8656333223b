/**
 * relativeImportanceParallel ('peak-end/node'): relative importance with the exact LMG
 * enumeration of many predictors spread over worker threads, with exactly the result of the core
 * `relativeImportance`.
 */
import { lmgBlockDepth, mergeShapleyBlocks, shapleyBlockStride } from '../importance/lmg.js';
import { importanceData, importanceFromData, type RelativeImportanceOptions, type RelativeImportanceResult } from '../importance/relative-importance.js';
import { type ConcurrencyOptions, type PoolTask, resolveConcurrency, runInWorkers } from './pool.js';

/** Options for {@link relativeImportanceParallel}: those of `relativeImportance` plus `concurrency`. */
export interface RelativeImportanceParallelOptions extends RelativeImportanceOptions, ConcurrencyOptions {}

/**
 * Fewest players for which the exact LMG goes to worker threads. Measured on an idle 2-core
 * machine (docs/performance.md): at k = 22 two workers took 0.23 s against 0.11 s in the calling
 * thread (starting workers and their cold code cost more than the enumeration); at k = 24,
 * 0.43 s against 0.53 s.
 */
export const PARALLEL_LMG_MIN_PLAYERS = 24;

/**
 * {@link relativeImportance} with the exact LMG of {@link PARALLEL_LMG_MIN_PLAYERS} or more
 * players computed on `concurrency` threads; every other method, sampled LMG and smaller k run in
 * the calling thread. The result is the same bit for bit for every concurrency and equals
 * `relativeImportance`.
 *
 * Algorithm: from 16 players on, the exact LMG enumeration is cut into 64 blocks by which of the
 * first six players are in the subset; each block enumerates the completions of its subset
 * depth first and returns its R^2 sums by subset size (and per player). `relativeImportance`
 * itself sums the blocks the same way, in block order, so spreading the blocks over threads
 * changes nothing in the result. Validation (names, groups, rank) runs in the calling thread
 * before any worker starts.
 *
 * @example
 * ```ts
 * import { relativeImportance } from 'peak-end';
 * import { relativeImportanceParallel } from 'peak-end/node';
 * // 24 touchpoints: 2^24 subset models.
 * const r = await relativeImportanceParallel(X, y, { method: 'lmg', names, concurrency: 2 });
 * r.importance.checkout === relativeImportance(X, y, { method: 'lmg', names }).importance.checkout; // true
 * ```
 * @throws InvalidArgumentError for a bad `concurrency`, and everything `relativeImportance`
 *   throws (the promise rejects).
 */
export async function relativeImportanceParallel(
  X: readonly (readonly (number | null)[])[],
  y: ArrayLike<number | null>,
  options: RelativeImportanceParallelOptions,
): Promise<RelativeImportanceResult> {
  const concurrency = resolveConcurrency(options.concurrency);
  const data = importanceData(X, y, options);
  // A first pass validates everything and captures the players of an exact LMG, if any.
  let request: { corr: Float64Array; players: readonly (readonly number[])[] } | undefined;
  const serial = importanceFromData(data, options, (corr, players) => {
    request = { corr, players };
    return { values: new Float64Array(players.length), rSquared: 0 };
  });
  if (request === undefined) return serial;
  const { corr, players } = request;
  const p = players.length;
  const depth = lmgBlockDepth(p);
  if (concurrency === 1 || p < PARALLEL_LMG_MIN_PLAYERS || depth === 0) return importanceFromData(data, options);
  const blockCount = 2 ** depth;
  const stride = shapleyBlockStride(p);
  const blocks = new Float64Array(blockCount * stride);
  const workers = Math.min(concurrency, blockCount);
  const step = Math.max(1, Math.ceil(blockCount / (workers * 4)));
  let nextBlock = 0;
  const next = (): PoolTask | undefined => {
    if (nextBlock >= blockCount) return undefined;
    const from = nextBlock;
    const to = Math.min(blockCount, from + step);
    nextBlock = to;
    return { task: { kind: 'lmg-blocks', from, to }, done: (reply) => blocks.set(reply.values, from * stride) };
  };
  await runInWorkers({ job: { kind: 'lmg', corr, players, depth }, workers, next });
  const exact = mergeShapleyBlocks(blocks, p, depth);
  return importanceFromData(data, options, () => exact);
}
