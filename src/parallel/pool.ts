/**
 * Node-only parallelism (this folder is reached only from 'peak-end/node'; the core never imports
 * it, so `peak-end` stays free of `node:` modules for browsers, Deno and Bun). The design splits
 * each computation into contiguous ranges that a core function computes in any thread, and merges
 * the ranges in a fixed order, so the result is the same bit for bit for every concurrency.
 *
 * This file runs the ranges on `worker_threads`: it starts the workers, hands each idle worker the
 * next range, collects the replies, and terminates every worker when the work is done or at the
 * first error (an error from a worker is rebuilt as the same library error class).
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InvalidArgumentError, PeakEndError } from '../errors.js';
import type { GestaltFeatureColumns } from '../experience/gestalt-features.js';
import { type OneCall, reviveError, type WorkerJob, type WorkerReply, type WorkerTask } from './protocol.js';
import { walkRequested } from './split-walk.js';

/** The `concurrency` option of the parallel functions. */
export interface ConcurrencyOptions {
  /**
   * Threads to use: 1 computes in the calling thread without workers; more starts that many
   * worker threads (fewer when there are fewer ranges). Default `os.availableParallelism()`.
   */
  readonly concurrency?: number;
}

/**
 * The validated thread count.
 *
 * @throws InvalidArgumentError unless `concurrency` is undefined or a positive integer.
 */
export function resolveConcurrency(concurrency: unknown): number {
  if (concurrency === undefined) return Math.max(1, availableParallelism());
  if (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1) {
    throw new InvalidArgumentError(
      `concurrency must be a positive integer (the number of threads; 1 computes in this thread without workers), got ${typeof concurrency === 'number' ? concurrency : JSON.stringify(concurrency)}.`,
    );
  }
  return concurrency;
}

/** A range handed to a worker, with what to do with its reply. */
export interface PoolTask {
  readonly task: WorkerTask;
  readonly done: (reply: { readonly values: Float64Array; readonly ok: Uint8Array }) => void;
}

/** Settings of {@link runInWorkers}. */
export interface PoolOptions {
  /** What every worker is set up with (structured-cloned to each). */
  readonly job: WorkerJob;
  /** Number of worker threads. */
  readonly workers: number;
  /** The next task, or undefined when there are no more (called in task order). */
  readonly next: () => PoolTask | undefined;
  /** Progress reports from the workers (increments). */
  readonly onProgress?: (completed: number) => void;
}

/**
 * Runs tasks on worker threads until `next` has none left; resolves when every reply has been
 * handled and every worker has exited, rejects with the first error after terminating them all.
 */
export function runInWorkers(options: PoolOptions): Promise<void> {
  const entry = workerEntry();
  const workers: Worker[] = [];
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let running = 0;
    const finish = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      const stopped = Promise.allSettled(workers.map((w) => w.terminate()));
      void stopped.then(() => (error === undefined ? resolve() : reject(error)));
    };
    const feed = (worker: Worker, assigned: { current?: PoolTask }): void => {
      const item = options.next();
      if (item === undefined) {
        delete assigned.current;
        if (running === 0) finish();
        return;
      }
      assigned.current = item;
      running++;
      worker.postMessage(item.task);
    };
    try {
      for (let w = 0; w < options.workers; w++) {
        const worker = new Worker(entry.url, { workerData: options.job, argv: entry.argv });
        workers.push(worker);
        const assigned: { current?: PoolTask } = {};
        worker.on('message', (reply: WorkerReply) => {
          if (settled) return;
          try {
            if (reply.type === 'progress') options.onProgress?.(reply.completed);
            else if (reply.type === 'error') finish(reviveError(reply.error));
            else if (reply.type === 'value' || reply.type === 'features' || reply.type === 'walk')
              finish(new PeakEndError('worker_protocol', 'A worker answered a range with what a helper thread answers.'));
            else {
              running--;
              assigned.current?.done(reply);
              feed(worker, assigned);
            }
          } catch (error) {
            finish(error);
          }
        });
        worker.on('error', (error) => finish(error));
        worker.on('exit', (code) => {
          if (!settled) finish(new PeakEndError('worker_exit', `A worker thread exited with code ${code} before finishing its work.`));
        });
        feed(worker, assigned);
      }
    } catch (error) {
      finish(error);
    }
  });
}

/** What a {@link HelperThread}'s call hands over before its result. */
export interface HelperHandlers {
  /** The Gestalt features of the call's walk. */
  readonly features?: (features: GestaltFeatureColumns | null) => void;
  /** This thread has walked its rows of the call's walk. */
  readonly walked?: () => void;
}

/**
 * A worker thread started ahead of its work: while this thread fills columns in shared memory it
 * can touch their pages ({@link HelperThread.touch}), then it runs one library call
 * ({@link HelperThread.run}). The CLI starts one before reading a large file, so that the
 * thread's start and code loading overlap the reading. {@link HelperThread.close} terminates it.
 */
export class HelperThread {
  private readonly worker: Worker;
  private failure: Error | null = null;
  private pending: { resolve: (value: unknown) => void; reject: (error: unknown) => void; handlers: HelperHandlers } | null = null;

  constructor() {
    const entry = workerEntry();
    this.worker = new Worker(entry.url, { workerData: { kind: 'helper' } satisfies WorkerJob, argv: entry.argv });
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'value') this.settle(null, reply.value);
      else if (reply.type === 'error') this.settle(reviveError(reply.error));
      else if (reply.type === 'features') this.pending?.handlers.features?.(reply.features);
      else if (reply.type === 'walk') {
        // Always answered: the helper thread waits for these rows.
        walkRequested(reply.request);
        this.pending?.handlers.walked?.();
      }
    });
    // A thread that fails or stops can run nothing more.
    const fail = (error: Error): void => {
      this.failure ??= error;
      this.settle(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new PeakEndError('worker_exit', `A worker thread exited with code ${code} before finishing its work.`)));
  }

  /** Asks the thread to make the pages of these shared columns resident (no effect on their values). */
  touch(columns: readonly Float64Array[]): void {
    if (this.failure === null) this.worker.postMessage({ kind: 'touch', columns } satisfies WorkerTask);
  }

  /** Asks the thread to make the arrays of a peak-end walk over up to `rows` respondents while it waits (the next call's walk uses them). */
  prepareWalk(rows: number): void {
    if (this.failure === null) this.worker.postMessage({ kind: 'prepare-walk', rows } satisfies WorkerTask);
  }

  /**
   * Runs one call on the thread: its result (structured-cloned back), or its error rebuilt as the
   * same library error class. The call's walk is split with this thread, which walks its rows when
   * it next yields (then `handlers.walked`); the features it hands over go to `handlers.features`.
   */
  run(call: OneCall, handlers: HelperHandlers = {}): Promise<unknown> {
    if (this.failure !== null) return Promise.reject(this.failure);
    if (this.pending !== null) return Promise.reject(new PeakEndError('worker_busy', 'A helper thread runs one call at a time.'));
    return new Promise<unknown>((resolve, reject) => {
      this.pending = { resolve, reject, handlers };
      this.worker.postMessage({ kind: 'call', call } satisfies WorkerTask);
    });
  }

  /** Terminates the thread. */
  async close(): Promise<void> {
    this.failure ??= new PeakEndError('worker_closed', 'The helper thread was closed.');
    await this.worker.terminate();
  }

  private settle(error: unknown, value?: unknown): void {
    const pending = this.pending;
    if (pending === null) return;
    this.pending = null;
    if (error === null) pending.resolve(value);
    else pending.reject(error);
  }
}

/**
 * Where the worker script is, beside the code that starts it: dist/parallel-worker.js for the ESM
 * build, dist/parallel-worker.cjs for the CommonJS build, and, when running from the TypeScript
 * sources (vitest, development), src/parallel/worker.ts through scripts/typescript-worker.mjs,
 * which compiles the sources on the fly.
 */
function workerEntry(): { url: URL; argv: string[] } {
  const here = typeof __filename === 'string' ? pathToFileURL(__filename) : new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) return { url: new URL('../../scripts/typescript-worker.mjs', here), argv: [new URL('./worker.ts', here).href] };
  return { url: new URL(here.pathname.endsWith('.cjs') ? './parallel-worker.cjs' : './parallel-worker.js', here), argv: [] };
}
