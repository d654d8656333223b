/**
 * analyze: the whole analysis of a survey in one call, as one JSON-serialisable Report.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { ConvergenceError, InsufficientDataError, InvalidArgumentError, RankDeficientError } from '../errors.js';
import { type CompareSegmentsOptions, type CompareSegmentsResult, compareSegments } from '../experience/compare-segments.js';
import { type KeyDriversOptions, type KeyDriversResult, keyDrivers } from '../experience/key-drivers.js';
import { type PeakEndOptions, type PeakEndResult, peakEnd } from '../experience/peak-end.js';
import { type DescribeOptions, describeSurvey, type SurveyDescriptives } from '../survey/describe-survey.js';
import type { Calibration, IngestReport, Survey, Warning } from '../survey/survey.js';

/**
 * The whole analysis of a survey: what {@link analyze} returns and `peak-end analyze --json`
 * prints. Its parts are the analyses' own result types (one source: `reportSchema` in
 * schema/report.ts is checked against this type at compile time). Every number is finite: a
 * statistic that is undefined on the data is `null` where its result type says `number | null`.
 */
export interface Report {
  readonly method: 'analyze';
  /** Version of the Report layout (docs/report.schema.json). */
  readonly schemaVersion: 2;
  readonly generator: { readonly name: 'peak-end'; readonly version: string };
  readonly survey: ReportSurvey;
  readonly ingest: IngestReport;
  readonly descriptives: SurveyDescriptives;
  /** The peak-end analysis; `null` when it could not run on these data (a `peak_end_skipped` warning says why). */
  readonly peakEnd: PeakEndResult | null;
  /** The key-driver analysis; `null` when it could not run on these data (a `key_drivers_skipped` warning says why). */
  readonly keyDrivers: KeyDriversResult | null;
  /** Each segment column against its complement, one result per column (present when segments were compared). */
  readonly segments?: readonly CompareSegmentsResult[];
  /** The raking that produced the survey's weights (present when the survey was raked). */
  readonly calibration?: CalibrationSummary;
  /** Every warning of every part, tagged with the part it came from. */
  readonly warnings: readonly ReportWarning[];
}

/** The survey a {@link Report} describes: its touchpoints in journey order, overall column, scale and size. */
export interface ReportSurvey {
  readonly touchpoints: readonly { readonly column: string; readonly label: string; readonly zh: string | null; readonly en: string | null }[];
  readonly overall: string;
  readonly scale: { readonly min: number; readonly max: number; readonly neutral: number; readonly integer: boolean };
  readonly n: number;
}

/** How the survey's weights were calibrated: a raked survey's `calibration` without the row indices. */
export interface CalibrationSummary extends Omit<Calibration, 'margins'> {
  readonly margins: readonly { readonly column: string; readonly levels: readonly string[] }[];
}

/** A warning of one part of the {@link Report}, tagged with that part. */
export interface ReportWarning {
  readonly source: 'ingest' | 'descriptives' | 'peak-end' | 'key-drivers' | 'segments';
  /** A `WarningCode`, or `<part>_skipped`, `segment_not_compared`, `non_finite_number` (see the schema). */
  readonly code: string;
  /** English fallback; presenters word the code. */
  readonly message: string;
}

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
 * The parts are the analyses' results as they return them (`ingest` is `survey.report`), nothing
 * copied or converted; should a part hold a non-finite number, which JSON cannot carry, it is
 * set to `null` and a `non_finite_number` warning names the field.
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
  return analyzeParts(survey, options, {
    describe: () => describeSurvey(survey, options.describe),
    peakEnd: () => peakEnd(survey, peakEndOptionsOf(options)),
    keyDrivers: () => keyDrivers(survey, options.keyDrivers),
    segment: (column) => compareSegments(survey, column, options.compareSegments),
  });
}

/**
 * The parts of {@link analyze}, each run when the Report needs it, in the order descriptives,
 * peak-end, key drivers, segments; each returns its result or throws as the part itself would.
 * `analyzeParallel` ('peak-end/node') computes some of them on another thread first and hands over
 * functions that return (or throw) what was computed, so the Report, its warnings and any error
 * are those of `analyze`. Internal.
 */
export interface AnalysisParts {
  readonly describe: () => SurveyDescriptives;
  readonly peakEnd: () => PeakEndResult;
  readonly keyDrivers: () => KeyDriversResult;
  readonly segment: (column: string) => CompareSegmentsResult;
}

/** The peak-end options analyze runs with: per-respondent predictions left out unless asked for. Internal. */
export function peakEndOptionsOf(options: AnalyzeOptions): PeakEndOptions {
  return { includePredictions: false, ...options.peakEnd };
}

/** The segment columns analyze compares. Internal. */
export function segmentColumnsOf(survey: Survey, options: AnalyzeOptions): readonly string[] {
  return options.segments === false ? [] : (options.segments ?? [...survey.segments.keys()]);
}

/** {@link analyze} with its parts given (see {@link AnalysisParts}). Internal. */
export function analyzeParts(survey: Survey, options: AnalyzeOptions, parts: AnalysisParts): Report {
  const warnings: ReportWarning[] = [];
  const tag = (source: ReportWarning['source'], list: readonly Warning[]): void => {
    for (const w of list) warnings.push({ source, code: w.code, message: w.message });
  };
  tag('ingest', survey.report.warnings);
  const descriptives = parts.describe();
  tag('descriptives', descriptives.warnings);
  const peak = attempt<PeakEndResult>(parts.peakEnd, 'peak-end', warnings);
  if (peak !== null) tag('peak-end', peak.warnings);
  const drivers = attempt<KeyDriversResult>(parts.keyDrivers, 'key-drivers', warnings);
  if (drivers !== null) tag('key-drivers', drivers.warnings);
  const segmentColumns = segmentColumnsOf(survey, options);
  const segments: CompareSegmentsResult[] = [];
  for (const column of segmentColumns) {
    let result: CompareSegmentsResult | null;
    try {
      result = attempt<CompareSegmentsResult>(() => parts.segment(column), 'segments', warnings);
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
    schemaVersion: 2,
    generator: { name: 'peak-end', version: packageJson.version },
    survey: {
      touchpoints: survey.touchpoints.map((t) => ({ column: t.column, label: t.label, zh: t.zh, en: t.en })),
      overall: survey.overall,
      scale: { ...survey.spec.scale },
      n: survey.n,
    },
    ingest: survey.report,
    descriptives,
    peakEnd: peak,
    keyDrivers: drivers,
    ...(segmentColumns.length > 0 && { segments }),
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
  const sections = [
    ['survey', 'ingest'],
    ['ingest', 'ingest'],
    ['calibration', 'ingest'],
    ['descriptives', 'descriptives'],
    ['peakEnd', 'peak-end'],
    ['keyDrivers', 'key-drivers'],
    ['segments', 'segments'],
  ] as const;
  for (const [key, source] of sections) nullNonFinite(report[key], key, source, warnings);
  return report;
}

/**
 * JSON has no NaN or Infinity. Analyses return `null` for a statistic that is undefined on the
 * data, so a Report should hold finite numbers only; should a part return a non-finite number
 * anyway, it is replaced by `null` here, in place, and a `non_finite_number` warning names the
 * field and the value. Nothing else is converted. Where the schema allows `null` (a nullable
 * number) the Report stays valid; where it does not, `reportSchema` rejects the Report at that
 * field, so the analysis's bug shows instead of being printed as a plausible `null`.
 */
function nullNonFinite(value: unknown, path: string, source: ReportWarning['source'], warnings: ReportWarning[]): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (typeof item === 'number' && !Number.isFinite(item)) {
      Reflect.set(value, key, null);
      warnings.push({ source, code: 'non_finite_number', message: `${at} was ${item}; JSON has no ${item}, so the Report gives null.` });
    } else nullNonFinite(item, at, source, warnings);
  }
}

function attempt<T>(run: () => T, source: 'peak-end' | 'key-drivers' | 'segments', warnings: ReportWarning[]): T | null {
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
