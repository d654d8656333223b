/**
 * The peak-end walk (`respondentPass`) split between a helper thread and the calling thread: the
 * helper walks the first half of the rows and asks the calling thread (a `walk` reply) to walk
 * the second half into the same arrays in shared memory, then waits for its counts. Each row's
 * values depend on that row alone and the counts are sums of whole numbers, so the pass is the
 * one-thread pass, bit for bit.
 */
import { addRespondentCounts, type PassArrays, type RespondentPass, type RespondentPassOptions, respondentPass, respondentPassStorage } from '../experience/respondent-scores.js';
import { float64Column, int32Column, touchPages } from '../survey/column-storage.js';

/** Rows of a walk that the helper thread asks the calling thread to walk. */
export interface WalkRequest {
  readonly columns: readonly Float64Array[];
  readonly n: number;
  readonly options: RespondentPassOptions;
  readonly into: RespondentPass;
  readonly from: number;
  readonly to: number;
  /** [state (0 walking, 1 done, 2 failed), ambiguous peaks, partial journeys, earlier ends, feature ties]. */
  readonly signal: Int32Array;
}

const DONE = 1;
const FAILED = 2;

/**
 * The helper thread's walk: its half of the rows, and the other half asked of the calling thread
 * through `ask`; it blocks until that half is done. Walks by journey positions stay whole.
 */
export function splitWalk(ask: (request: WalkRequest) => void, arrays?: PassArrays): (columns: readonly Float64Array[], n: number, options: RespondentPassOptions) => RespondentPass {
  return (columns, n, options) => {
    if (options.orders !== undefined && options.orders !== null) return respondentPass(columns, n, options);
    const shared = { ...options, shared: true };
    const into = respondentPassStorage(n, shared, arrays);
    const half = n >> 1;
    const signal = new Int32Array(new SharedArrayBuffer(4 * 5));
    ask({ columns, n, options: shared, into, from: half, to: n, signal });
    const mine = respondentPass(columns, n, { ...shared, rows: { from: 0, to: half, into } });
    Atomics.wait(signal, 0, 0);
    if (Atomics.load(signal, 0) !== DONE) throw new Error('The calling thread could not walk its rows of the peak-end walk.');
    return addRespondentCounts(mine, { ambiguousPeaks: signal[1] as number, partialJourneys: signal[2] as number, earlierEnd: signal[3] as number, featureTies: signal[4] as number });
  };
}

/**
 * The walk's arrays made ahead, for up to `rows` respondents, in shared memory, their pages touched
 * by the thread that makes them (the CLI's helper thread, while it waits for the survey): the walk
 * then writes to resident memory on both threads. A longer array than prepared is made when asked.
 */
export class PreparedPassArrays implements PassArrays {
  private readonly doubles: Float64Array[];
  private readonly integers: Int32Array;
  private next = 0;
  private integersTaken = false;

  constructor(rows: number) {
    // The most a walk takes: predictions, peak, mean, min, max and five feature arrays.
    this.doubles = Array.from({ length: 10 }, () => float64Column(rows, true));
    this.integers = int32Column(rows, true);
    touchPages([...this.doubles, this.integers]);
  }

  float64(length: number): Float64Array {
    const prepared = this.doubles[this.next];
    if (prepared === undefined || prepared.length < length) return float64Column(length, true);
    this.next++;
    return prepared;
  }

  int32(length: number): Int32Array {
    if (this.integersTaken || this.integers.length < length) return int32Column(length, true);
    this.integersTaken = true;
    return this.integers;
  }
}

/** The calling thread's part: walks the requested rows and signals the helper thread (also when it fails). */
export function walkRequested(request: WalkRequest): void {
  const { columns, n, options, into, from, to, signal } = request;
  let state = FAILED;
  try {
    const theirs = respondentPass(columns, n, { ...options, rows: { from, to, into } });
    signal[1] = theirs.ambiguousPeaks;
    signal[2] = theirs.partialJourneys;
    signal[3] = theirs.earlierEnd;
    signal[4] = theirs.features?.ambiguousPeaks ?? 0;
    state = DONE;
  } finally {
    Atomics.store(signal, 0, state);
    Atomics.notify(signal, 0);
  }
}
