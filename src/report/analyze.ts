/**
 * analyze: the whole analysis of a survey in one call, as one JSON-serialisable Report.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { ConvergenceError, InsufficientDataError, InvalidArgumentError, RankDeficientError } from '../errors.js';
import { compareSegments, type CompareSegmentsOptions, type CompareSegmentsResult } from '../experience/compare-segments.js';
import { keyDrivers, type KeyDriversOptions, type KeyDriversResult } from '../experience/key-drivers.js';
import { peakEnd, type PeakEndOptions, type PeakEndResult } from '../experience/peak-end.js';
import type { Report } from '../schema/report.js';
import { describeSurvey, type DescribeOptions } from '../survey/describe-survey.js';
import type { Survey, Warning } from '../survey/survey.js';

/** Options for {@link analyze}: each part's own options. */
export interface AnalyzeOptions {
  readonly describe?: DescribeOptions;
  /** Peak-end options; per-respondent predictions are left out unless `includePredictions: true`. */
  readonly peakEnd?: PeakEndOptions;
  readonly keyDrivers?: KeyDriversOptions;
  /**
   * Segment columns to compare, each value against everyone else (`compareSegments`): default
   * every segment the spec names; `false` or `[]` for none. The Report then carries `segments`.
   */
  readonly segments?: readonly string[] | false;
  readonly compareSegments?: CompareSegmentsOptions;
}

/**
 * Runs descriptives, the peak-end analysis and key-driver analysis on a survey and returns one
 * Report (plain data, valid against `reportSchema`). A part that cannot run on these data
 * (too few complete rows, a collinear design) is `null`, with a warning saying why; bad options
 * still throw. When the survey has segment columns (spec `segments`), each is compared with
 * `compareSegments` and the Report carries `segments`; a raked survey's Report carries `calibration`.
 *
 * @example
 * ```ts
 * const spec = JSON.parse(await readFile('fixtures/zhijiang/spec.json', 'utf8'));
 * const report = analyze(await readSurveyFile('fixtures/zhijiang/zhijiang.csv', spec), { keyDrivers: { bootstrap: { replicates: 1000, seed: 1 } } });
 * report.peakEnd?.aggregate.prediction;                                         // 4.625
 * report.keyDrivers?.touchpoints.filter((t) => t.flags.keyMoment).map((t) => t.label); // ['Delivery speed', 'Distributor meeting']
 * ```
 * @throws InvalidArgumentError for invalid options.
 */
export function analyze(survey: Survey, options: AnalyzeOptions = {}): Report {
  const warnings: Report['warnings'] = [];
  const tag = (source: Report['warnings'][number]['source'], list: readonly Warning[]): void => {
    for (const w of list) warnings.push({ source, code: w.code, message: w.message });
  };
  tag('ingest', survey.report.warnings);
  const descriptives = describeSurvey(survey, options.describe);
  tag('descriptives', descriptives.warnings);
  const peak = attempt<PeakEndResult>(() => peakEnd(survey, { includePredictions: false, ...options.peakEnd }), 'peak-end', warnings);
  if (peak !== null) tag('peak-end', peak.warnings);
  const drivers = attempt<KeyDriversResult>(() => keyDrivers(survey, options.keyDrivers), 'key-drivers', warnings);
  if (drivers !== null) tag('key-drivers', drivers.warnings);
  const segmentColumns = options.segments === false ? [] : (options.segments ?? [...survey.segments.keys()]);
  const segments: CompareSegmentsResult[] = [];
  for (const column of segmentColumns) {
    let result: CompareSegmentsResult | null;
    try {
      result = attempt<CompareSegmentsResult>(() => compareSegments(survey, column, options.compareSegments), 'segments', warnings);
    } catch (error) {
      // A segment the spec names but that has one value here is said, not fatal; a named one throws.
      if (options.segments !== undefined || !(error instanceof InvalidArgumentError)) throw error;
      warnings.push({ source: 'segments', code: 'segment_not_compared', message: `Segment "${column}" was not compared: ${error.message}` });
      continue;
    }
    if (result === null) continue;
    segments.push(result);
    tag('segments', result.warnings);
  }
  const c = survey.calibration;
  const report: Report = {
    method: 'analyze',
    schemaVersion: 1,
    generator: { name: 'peak-end', version: packageJson.version },
    survey: {
      touchpoints: survey.touchpoints.map((t) => ({ column: t.column, label: t.label, zh: t.zh, en: t.en })),
      overall: survey.overall,
      scale: { ...survey.spec.scale },
      n: survey.n,
    },
    ingest: survey.report as Report['ingest'],
    descriptives: descriptives as Report['descriptives'],
    peakEnd: peak as Report['peakEnd'],
    keyDrivers: drivers as Report['keyDrivers'],
    ...(segmentColumns.length > 0 && { segments: segments as NonNullable<Report['segments']> }),
    ...(c !== undefined &&
      survey.weights !== null && {
        calibration: {
          method: c.method,
          margins: c.margins.map(({ column, levels }) => ({ column, levels: [...levels] })),
          iterations: c.iterations,
          converged: c.converged,
          maxDeviation: c.maxDeviation,
          trimmed: c.trimmed,
        },
      }),
    warnings,
  };
  // Plain data: records built without prototypes and typed arrays become ordinary JSON values.
  return JSON.parse(JSON.stringify(report)) as Report;
}

function attempt<T>(run: () => T, source: 'peak-end' | 'key-drivers' | 'segments', warnings: Report['warnings']): T | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof InsufficientDataError || error instanceof RankDeficientError || error instanceof ConvergenceError) {
      warnings.push({ source, code: `${source.replace('-', '_')}_skipped`, message: `The ${source} analysis was skipped: ${error.message}` });
      return null;
    }
    throw error;
  }
}
