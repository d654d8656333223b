/**
 * bootstrapImportanceParallel ('peak-end/node'): the bootstrap of relative importance spread over
 * worker threads, with exactly the result of the core `bootstrapImportance`.
 */
import {
  type BootstrapImportanceOptions,
  type BootstrapImportanceResult,
  jackknifeRange,
  planBootstrap,
  type ReplicateBlock,
  resampleRange,
  skipResamples,
  summarizeBootstrap,
} from '../importance/bootstrap.js';
import { createRng } from '../random/rng.js';
import { type ConcurrencyOptions, type PoolTask, resolveConcurrency, runInWorkers } from './pool.js';

/** Options for {@link bootstrapImportanceParallel}: those of `bootstrapImportance` plus `concurrency`. */
export interface BootstrapImportanceParallelOptions extends BootstrapImportanceOptions, ConcurrencyOptions {}

/** Ranges handed out per worker and phase: small enough to balance uneven threads, large enough to keep messages rare. */
const RANGES_PER_WORKER = 4;

/**
 * {@link bootstrapImportance} on `concurrency` threads: the same resamples, the same jackknife and
 * the same result, bit for bit, for every concurrency and for the synchronous function.
 *
 * Algorithm: the replicates are cut into contiguous ranges (about four per thread) and so are the
 * jackknife groups; each worker computes whole ranges. The resamples come from one seeded
 * generator stream in replicate order, as in the synchronous function: the main thread walks the
 * stream (n integer draws per replicate, a small fraction of a replicate's cost) and hands each
 * range the generator state at its first replicate, so a worker continues the stream exactly
 * where that range starts. Replies are stored by replicate index and summarised in replicate
 * order by the same code as `bootstrapImportance`. With `concurrency: 1` everything runs in the
 * calling thread without workers. `onProgress` is called in the calling thread as resamples
 * finish (jackknife groups are not counted, as in `bootstrapImportance`).
 *
 * Workers are started per call (about 30-60 ms each) and terminated when the call settles,
 * including on error, so they never keep the process alive. Pays from a few hundred
 * milliseconds of work, e.g. 1,000 resamples of LMG with k = 10 and n = 1,000.
 *
 * @example
 * ```ts
 * import { bootstrapImportance } from 'peak-end';
 * import { bootstrapImportanceParallel } from 'peak-end/node';
 * const options = { method: 'lmg', names, replicates: 1000, seed: 42 } as const;
 * const parallel = await bootstrapImportanceParallel(X, y, { ...options, concurrency: 2 });
 * const serial = bootstrapImportance(X, y, options);
 * parallel.estimates[0]?.percentile.lower === serial.estimates[0]?.percentile.lower; // true: identical results
 * ```
 * @throws InvalidArgumentError for a bad `concurrency` (not a positive integer), and everything
 *   `bootstrapImportance` throws, as the same error classes with the same codes and messages
 *   (the promise rejects).
 */
export async function bootstrapImportanceParallel(
  X: readonly (readonly (number | null)[])[],
  y: ArrayLike<number | null>,
  options: BootstrapImportanceParallelOptions,
): Promise<BootstrapImportanceResult> {
  const concurrency = resolveConcurrency(options.concurrency);
  const plan = planBootstrap(X, y, options);
  const { work, replicates } = plan;
  const total = replicates;
  const report = options.onProgress;
  if (concurrency === 1) {
    const resamples = resampleRange(work, createRng(plan.seed), 0, replicates, report && ((completed) => report({ completed, total })));
    return summarizeBootstrap(plan, resamples, jackknifeRange(work, 0, work.groups));
  }
  const p = work.labels.length;
  const n = work.data.n;
  const workers = Math.min(concurrency, replicates);
  const resamples: ReplicateBlock = { values: new Float64Array(replicates * p), ok: new Uint8Array(replicates) };
  const jackknife: ReplicateBlock = { values: new Float64Array(work.groups * p), ok: new Uint8Array(work.groups) };
  const resampleStep = Math.max(1, Math.ceil(replicates / (workers * RANGES_PER_WORKER)));
  const jackknifeStep = Math.max(1, Math.ceil(work.groups / (workers * RANGES_PER_WORKER)));
  const store = (target: ReplicateBlock, from: number) => (reply: ReplicateBlock) => {
    target.values.set(reply.values, from * p);
    target.ok.set(reply.ok, from);
  };
  // The stream is walked in task order: each resample range starts where the previous one ended.
  const rng = createRng(plan.seed);
  let nextReplicate = 0;
  let nextGroup = 0;
  const next = (): PoolTask | undefined => {
    if (nextReplicate < replicates) {
      const from = nextReplicate;
      const to = Math.min(replicates, from + resampleStep);
      const state = rng.state();
      skipResamples(rng, n, to - from);
      nextReplicate = to;
      return { task: { kind: 'resample', from, to, state }, done: store(resamples, from) };
    }
    if (nextGroup < work.groups) {
      const from = nextGroup;
      const to = Math.min(work.groups, from + jackknifeStep);
      nextGroup = to;
      return { task: { kind: 'jackknife', from, to }, done: store(jackknife, from) };
    }
    return undefined;
  };
  let completed = 0;
  await runInWorkers({
    job: { kind: 'bootstrap', work, reportProgress: report !== undefined },
    workers,
    next,
    ...(report && {
      onProgress: (increment: number) => {
        completed += increment;
        report({ completed, total });
      },
    }),
  });
  return summarizeBootstrap(plan, resamples, jackknife);
}
