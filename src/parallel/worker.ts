/**
 * The worker-thread entry of 'peak-end/node' (built to dist/parallel-worker.js and .cjs): it
 * receives one job as `workerData`, then computes the ranges the main thread sends, one message
 * each, and answers with the values (buffers transferred, not copied), progress, or the error. A
 * helper thread (job `helper`) instead touches the pages of shared columns, and runs one call and
 * answers with its result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { GestaltFeatureColumns } from '../experience/gestalt-features.js';
import { peakEndHandingOff } from '../experience/peak-end.js';
import { jackknifeRange, type ReplicateBlock, resampleRange } from '../importance/bootstrap.js';
import { exactShapleyBlocks } from '../importance/lmg.js';
import { fromState } from '../random/rng.js';
import { touchPages } from '../survey/column-storage.js';
import { describeSurvey } from '../survey/describe-survey.js';
import { type HelperParts, type Settled, serializeError, type WorkerJob, type WorkerReply, type WorkerTask } from './protocol.js';
import { PreparedPassArrays, splitWalk } from './split-walk.js';

const port = parentPort;
const job = workerData as WorkerJob;

function run(task: WorkerTask): ReplicateBlock {
  if (task.kind === 'touch' || task.kind === 'call' || task.kind === 'prepare-walk') throw new Error(`A ${job.kind} worker cannot run a ${task.kind} task.`);
  if (job.kind === 'bootstrap') {
    if (task.kind === 'resample') {
      const progress = job.reportProgress ? () => post({ type: 'progress', completed: 1 }) : undefined;
      return resampleRange(job.work, fromState([...task.state]), task.from, task.to, progress);
    }
    if (task.kind === 'jackknife') return jackknifeRange(job.work, task.from, task.to);
  } else if (job.kind === 'lmg' && task.kind === 'lmg-blocks') {
    const values = exactShapleyBlocks(job.corr, job.players, job.depth, task.from, task.to);
    return { values, ok: new Uint8Array(0) };
  }
  throw new Error(`A ${job.kind} worker cannot run a ${task.kind} task.`);
}

/** The part's result, or its error as plain data. */
function settle<T>(run: () => T): Settled<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error: serializeError(error) };
  }
}

function post(reply: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(reply, transfer);
}

/** A helper thread's walk arrays, made while it waits for the survey (one walk uses them). */
let passArrays: PreparedPassArrays | undefined;

port?.on('message', (task: WorkerTask) => {
  if (task.kind === 'touch') {
    touchPages(task.columns);
    return;
  }
  if (task.kind === 'prepare-walk') {
    passArrays = new PreparedPassArrays(task.rows);
    return;
  }
  if (task.kind === 'call') {
    const { survey } = task.call;
    const hooks = { handOff: (features: GestaltFeatureColumns | null) => post({ type: 'features', features }), walk: splitWalk((request) => post({ type: 'walk', request }), passArrays) };
    passArrays = undefined;
    const parts: HelperParts = {
      peakEnd: settle(() => peakEndHandingOff(survey, task.call.peakEnd, hooks)),
      describe: settle(() => describeSurvey(survey, task.call.describe)),
    };
    post({ type: 'value', value: parts });
    return;
  }
  try {
    const { values, ok } = run(task);
    post({ type: 'result', values, ok }, [values.buffer as ArrayBuffer, ok.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'error', error: serializeError(error) });
  }
});
