/**
 * The worker-thread entry of 'peak-end/node' (built to dist/parallel-worker.js and .cjs): it
 * receives one job as `workerData`, then computes the ranges the main thread sends, one message
 * each, and answers with the values (buffers transferred, not copied), progress, or the error. A
 * one-call job (`peak-end`) is computed at once and answered with its result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { peakEnd } from '../experience/peak-end.js';
import { jackknifeRange, type ReplicateBlock, resampleRange } from '../importance/bootstrap.js';
import { exactShapleyBlocks } from '../importance/lmg.js';
import { fromState } from '../random/rng.js';
import { serializeError, type WorkerJob, type WorkerReply, type WorkerTask } from './protocol.js';

const port = parentPort;
const job = workerData as WorkerJob;

function run(task: WorkerTask): ReplicateBlock {
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

function post(reply: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(reply, transfer);
}

if (job.kind === 'peak-end') {
  try {
    post({ type: 'value', value: peakEnd(job.survey, job.options) });
  } catch (error) {
    post({ type: 'error', error: serializeError(error) });
  }
}

port?.on('message', (task: WorkerTask) => {
  try {
    const { values, ok } = run(task);
    post({ type: 'result', values, ok }, [values.buffer as ArrayBuffer, ok.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'error', error: serializeError(error) });
  }
});
