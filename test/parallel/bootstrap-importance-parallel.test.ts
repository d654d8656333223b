import { describe, expect, it } from 'vitest';
import { DataValidationError, InvalidArgumentError, PeakEndError, RankDeficientError } from '../../src/errors.js';
import { bootstrapImportance, jackknifeRange, planBootstrap } from '../../src/importance/bootstrap.js';
import { relativeImportance } from '../../src/importance/relative-importance.js';
import { bootstrapImportanceParallel } from '../../src/parallel/bootstrap-importance-parallel.js';
import { runInWorkers } from '../../src/parallel/pool.js';
import { reviveError, serializeError } from '../../src/parallel/protocol.js';
import { relativeImportanceParallel } from '../../src/parallel/relative-importance-parallel.js';
import { ratings } from './ratings.js';

describe('bootstrapImportanceParallel', () => {
  it('gives exactly the synchronous result with concurrency 1, 2 and 3', async () => {
    const { X, y } = ratings(80, 5, 1);
    const options = { method: 'lmg', replicates: 101, seed: 12 } as const;
    const serial = bootstrapImportance(X, y, options);
    for (const concurrency of [1, 2, 3]) {
      expect(await bootstrapImportanceParallel(X, y, { ...options, concurrency })).toStrictEqual(serial);
    }
  });

  it('gives exactly the synchronous result with grouped jackknife (n > 1000), groups and progress', async () => {
    const { X, y } = ratings(1200, 4, 2);
    const options = { method: 'lmg', names: ['a', 'b', 'c', 'd'], groups: { ab: ['a', 'b'], c: ['c'], d: ['d'] }, replicates: 30, seed: 3 } as const;
    const serial = bootstrapImportance(X, y, options);
    const progress: number[] = [];
    const parallel = await bootstrapImportanceParallel(X, y, { ...options, concurrency: 3, onProgress: (p) => progress.push(p.completed) });
    expect(parallel).toStrictEqual(serial);
    expect(progress).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('rejects a concurrency that is not a positive integer, naming the value', async () => {
    const { X, y } = ratings(30, 3, 3);
    for (const concurrency of [0, -2, 1.5, Number.NaN]) {
      await expect(bootstrapImportanceParallel(X, y, { method: 'lmg', concurrency })).rejects.toThrow(InvalidArgumentError);
    }
    await expect(bootstrapImportanceParallel(X, y, { method: 'lmg', concurrency: 0 })).rejects.toThrow(
      'concurrency must be a positive integer (the number of threads; 1 computes in this thread without workers), got 0.',
    );
    await expect(bootstrapImportanceParallel(X, y, { method: 'lmg', concurrency: '2' as unknown as number })).rejects.toThrow('got "2"');
  });

  it('rejects the settings bootstrapImportance rejects, with the same error', async () => {
    const { X, y } = ratings(30, 3, 4);
    const bad = { method: 'lmg', replicates: 1 } as const;
    const expected = (() => {
      try {
        bootstrapImportance(X, y, bad);
      } catch (error) {
        return error;
      }
    })();
    await expect(bootstrapImportanceParallel(X, y, { ...bad, concurrency: 2 })).rejects.toStrictEqual(expected);
    await expect(bootstrapImportanceParallel(X, y, { method: 'lmg', seed: Number.POSITIVE_INFINITY, concurrency: 2 })).rejects.toThrow('seed must be a finite number, got Infinity.');
  });

  it('passes an error thrown in a worker back as the same library error class, code and message', async () => {
    const { X, y } = ratings(40, 3, 5);
    const plan = planBootstrap(X, y, { method: 'lmg', replicates: 2 });
    let inThread: unknown;
    try {
      jackknifeRange(plan.work, 0, plan.work.groups + 1);
    } catch (error) {
      inThread = error;
    }
    expect(inThread).toBeInstanceOf(InvalidArgumentError);
    let sent = false;
    const outcome = runInWorkers({
      job: { kind: 'bootstrap', work: plan.work, reportProgress: false },
      workers: 2,
      next: () => {
        if (sent) return undefined;
        sent = true;
        return { task: { kind: 'jackknife', from: 0, to: plan.work.groups + 1 }, done: () => undefined };
      },
    });
    await expect(outcome).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(outcome).rejects.toMatchObject({ name: 'InvalidArgumentError', code: 'invalid_argument', message: (inThread as Error).message });
  });

  it('stops every worker and rejects with the error when onProgress throws', async () => {
    const { X, y } = ratings(60, 4, 6);
    const stop = new Error('stop at 5');
    const progress: number[] = [];
    await expect(
      bootstrapImportanceParallel(X, y, {
        method: 'lmg',
        replicates: 200,
        concurrency: 2,
        onProgress: ({ completed }) => {
          progress.push(completed);
          if (completed === 5) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const seen = progress.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(progress.length).toBe(seen);
  });
});

describe('worker error transport', () => {
  it('rebuilds each library error class with its code, message and details', () => {
    const issue = { code: 'out_of_scale', path: [3, 'price'], line: 4, message: 'Row 3, column "price": 9 is outside the scale 1-5.', input: '9' } as const;
    for (const error of [new DataValidationError([issue]), new RankDeficientError('x is collinear', ['x']), new PeakEndError('bootstrap_failed', 'Only 1 of 2')]) {
      const back = reviveError(structuredClone(serializeError(error)));
      expect(back).toStrictEqual(error);
      expect(back.constructor).toBe(error.constructor);
    }
    const other = reviveError(serializeError(new TypeError('bad')));
    expect(other).toMatchObject({ name: 'TypeError', message: 'bad' });
  });
});

describe('relativeImportanceParallel', () => {
  it('gives exactly the relativeImportance result for exact LMG of 24 predictors with concurrency 1, 2 and 3', async () => {
    const { X, y } = ratings(300, 24, 7);
    const serial = relativeImportance(X, y, { method: 'lmg' });
    for (const concurrency of [1, 2, 3]) expect(await relativeImportanceParallel(X, y, { method: 'lmg', concurrency })).toStrictEqual(serial);
  });

  it('runs other methods and small k in the calling thread with the same result, and validates concurrency', async () => {
    const { X, y } = ratings(100, 6, 8);
    expect(await relativeImportanceParallel(X, y, { method: 'pratt', concurrency: 2 })).toStrictEqual(relativeImportance(X, y, { method: 'pratt' }));
    expect(await relativeImportanceParallel(X, y, { method: 'lmg', concurrency: 2 })).toStrictEqual(relativeImportance(X, y, { method: 'lmg' }));
    await expect(relativeImportanceParallel(X, y, { method: 'lmg', concurrency: 0 })).rejects.toThrow(InvalidArgumentError);
    const collinear = X.map((row) => [...row, (row[0] as number) + (row[1] as number)]);
    await expect(relativeImportanceParallel(collinear, y, { method: 'lmg', concurrency: 2 })).rejects.toThrow(RankDeficientError);
  });
});
