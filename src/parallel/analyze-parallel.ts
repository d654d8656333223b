/**
 * analyzeParallel ('peak-end/node'): the whole analysis on two threads, with exactly the Report of
 * the core `analyze`.
 */
import { PeakEndError } from '../errors.js';
import { type CompareSegmentsResult, compareSegments } from '../experience/compare-segments.js';
import type { GestaltResult } from '../experience/gestalt.js';
import type { GestaltFeatureColumns } from '../experience/gestalt-features.js';
import { keyDrivers } from '../experience/key-drivers.js';
import { runGestalt } from '../experience/peak-end.js';
import { type AnalysisParts, type AnalyzeOptions, analyze, analyzeParts, peakEndOptionsOf, type Report, segmentColumnsOf } from '../report/analyze.js';
import type { Survey, SurveyRatings, Warning } from '../survey/survey.js';
import { type ConcurrencyOptions, HelperThread, resolveConcurrency } from './pool.js';
import { type HelperParts, reviveError, type Settled } from './protocol.js';

/** Options for {@link analyzeParallel}: those of `analyze` plus `concurrency`. */
export interface AnalyzeParallelOptions extends AnalyzeOptions, ConcurrencyOptions {}

/**
 * Fewest respondents for which part of the analysis goes to a helper thread: below this, starting
 * the thread and loading its code cost more than the part (docs/performance.md).
 */
export const PARALLEL_ANALYZE_MIN_ROWS = 50_000;

/**
 * {@link analyze} on two threads: a helper thread runs the peak-end analysis (without its Gestalt
 * battery) and the descriptives while this thread computes the key drivers, segment comparisons
 * and the Gestalt battery; the two threads share the peak-end walk over the respondents, half
 * each, and the helper hands the walk's features over for the battery. The Report is the same as
 * `analyze`'s, bit for bit, with its warnings in the same order and the same error thrown (each
 * part computes what it computes in `analyze`, and the Report is assembled from them in analyze's
 * order).
 *
 * The helper reads the survey's rated columns where they are, so they must be in shared memory:
 * read the survey with `sharedMemory: true` (`readSurveyFile`, `readSurvey`). A survey that is
 * not, `concurrency: 1`, or fewer than {@link PARALLEL_ANALYZE_MIN_ROWS} respondents: everything
 * runs in this thread, as `analyze`.
 *
 * @example
 * ```ts
 * import { analyzeParallel, readSurveyFile } from 'peak-end/node';
 * const survey = await readSurveyFile('big.csv', spec, { sharedMemory: true });
 * const report = await analyzeParallel(survey); // equals analyze(survey)
 * ```
 * @throws Everything `analyze` throws (the promise rejects), and InvalidArgumentError for a bad
 *   `concurrency`.
 */
export function analyzeParallel(survey: Survey, options: AnalyzeParallelOptions = {}): Promise<Report> {
  return analyzeWithHelper(survey, options, null);
}

/**
 * {@link analyzeParallel} on a helper thread already started (the CLI starts one before reading
 * the file, and closes it), or on one started here and closed when done when `helper` is null.
 * Internal.
 */
export async function analyzeWithHelper(survey: Survey, options: AnalyzeParallelOptions, helper: HelperThread | null): Promise<Report> {
  const concurrency = resolveConcurrency(options.concurrency);
  if (concurrency === 1 || survey.n < PARALLEL_ANALYZE_MIN_ROWS || !inSharedMemory(survey)) return analyze(survey, options);
  if (helper !== null) return analyzeOnTwoThreads(survey, options, helper);
  const own = new HelperThread();
  try {
    return await analyzeOnTwoThreads(survey, options, own);
  } finally {
    void own.close();
  }
}

/**
 * The two-thread analysis of {@link analyzeParallel}, whatever the survey's size (its rated
 * columns are copied to the helper thread unless they are in shared memory). Internal; exported
 * for tests.
 */
export async function analyzeOnTwoThreads(survey: Survey, options: AnalyzeOptions, helper: HelperThread): Promise<Report> {
  const peakOptions = peakEndOptionsOf(options);
  const ratings: SurveyRatings = {
    spec: survey.spec,
    touchpoints: survey.touchpoints,
    overall: survey.overall,
    n: survey.n,
    ratings: survey.ratings,
    notApplicable: survey.notApplicable,
    weights: survey.weights,
    ...(survey.calibration !== undefined && { calibration: survey.calibration }),
  };
  // The helper thread asks this thread to walk half the rows, hands over the walk's Gestalt
  // features, then gives its result.
  let walked: () => void = () => undefined;
  const halfWalked = new Promise<void>((resolve) => {
    walked = resolve;
  });
  let handOver: (features: GestaltFeatureColumns | null) => void = () => undefined;
  const features = new Promise<GestaltFeatureColumns | null>((resolve) => {
    handOver = resolve;
  });
  // The helper's parts: the peak-end analysis (less its battery), then the descriptives.
  const onHelper = helper.run({ kind: 'peak-end-and-descriptives', survey: ratings, peakEnd: peakOptions, describe: options.describe ?? {} }, { features: handOver, walked }).then(
    (value) => {
      const parts = value as HelperParts;
      return { peak: revived(parts.peakEnd), describe: revived(parts.describe) };
    },
    // The thread itself failed: no part has a result.
    (error: unknown) => ({ peak: { ok: false as const, error }, describe: { ok: false as const, error } }),
  );
  // This thread's parts, each kept as its result or its error, to be handed over in analyze's
  // order; first its half of the walk (the helper asks for it at once and waits for it).
  await Promise.race([halfWalked, onHelper]);
  const drivers = outcome(() => keyDrivers(survey, options.keyDrivers));
  const segments = new Map(segmentColumnsOf(survey, options).map((column) => [column, outcome(() => compareSegments(survey, column, options.compareSegments))]));
  // The battery on the walk's features, as peakEnd runs it last (none handed over: peakEnd failed first).
  const walk = peakOptions.gestalt === false ? NOT_HANDED : await Promise.race([features, onHelper.then((): typeof NOT_HANDED => NOT_HANDED)]);
  const battery = (given: GestaltFeatureColumns | null): Outcome<{ result: GestaltResult | null; warnings: Warning[] }> =>
    outcome(() => {
      const warnings: Warning[] = [];
      return { result: runGestalt(survey, peakOptions, given, warnings), warnings };
    });
  const gestalt = walk === NOT_HANDED ? null : battery(walk);
  const { peak, describe } = await onHelper;
  const parts: AnalysisParts = {
    describe: () => settled(describe),
    // peakEnd runs its Gestalt battery last and appends its warnings: the same result.
    peakEnd: () => {
      const result = settled(peak);
      if (gestalt === null) {
        if (peakOptions.gestalt !== false) throw new PeakEndError('worker_protocol', 'The helper thread gave a peak-end result without its walk.');
        return result;
      }
      const ran = settled(gestalt);
      return { ...result, gestalt: ran.result, warnings: [...result.warnings, ...ran.warnings] };
    },
    keyDrivers: () => settled(drivers),
    segment: (column) => settled(segments.get(column) as Outcome<CompareSegmentsResult>),
  };
  return analyzeParts(survey, options, parts);
}

/** No features were handed over. */
const NOT_HANDED: unique symbol = Symbol('not handed');

type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function outcome<T>(run: () => T): Outcome<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A part settled on the helper thread, its error rebuilt as the same library error class. */
function revived<T>(part: Settled<T>): Outcome<T> {
  return part.ok ? part : { ok: false, error: reviveError(part.error) };
}

/** The value, or the error thrown again. */
function settled<T>(result: Outcome<T>): T {
  if (result.ok) return result.value;
  throw result.error;
}

/** Whether every rated column is in a SharedArrayBuffer (a worker then reads it without a copy). */
function inSharedMemory(survey: Survey): boolean {
  for (const column of survey.ratings.values()) if (!(column.buffer instanceof SharedArrayBuffer)) return false;
  return true;
}
