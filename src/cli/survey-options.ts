/**
 * The survey-loading options every data command shares (--spec, --overall, --touchpoints, --scale,
 * --missing, --labels, --weight, --id, --segment, --encoding, --delimiter) and the function that
 * turns them into a Survey: flags override the spec file, and whatever neither gives is inferred
 * from the data and announced.
 */
import { readFileSync } from 'node:fs';
import { PeakEndError } from '../errors.js';
import { inferSurveySpecFile } from '../ingest/formats/survey-export.js';
import { inferSurveySpecFromRecords } from '../ingest/infer-spec.js';
import { readCsvRecords, readSurveyFile } from '../ingest/read-survey-file.js';
import type { SurveySpec } from '../schema/survey-spec.js';
import type { Survey } from '../survey/survey.js';
import { UsageError } from './usage-error.js';

/** parseArgs option definitions for the survey-loading flags. */
export const surveyOptionDefinitions = {
  spec: { type: 'string' },
  overall: { type: 'string' },
  touchpoints: { type: 'string' },
  scale: { type: 'string' },
  missing: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  invalid: { type: 'string' },
  labels: { type: 'string' },
  weight: { type: 'string' },
  id: { type: 'string' },
  segment: { type: 'string', multiple: true },
  na: { type: 'string' },
  'outcome-type': { type: 'string' },
  positive: { type: 'string' },
} as const;

/** Help text for the survey-loading flags. */
export const surveyOptionsHelp = `Survey options:
  --spec FILE            survey spec (JSON): touchpoints, overall, scale, missing, labels, ...;
                         a partial spec (e.g. no touchpoints) is completed by inference
  --overall COL          overall-satisfaction column (default: the column whose name says so:
                         overall, satisfaction, rating, 总体, 满意度, ...; refused when no name decides)
  --touchpoints A,B,...  touchpoint columns in journey order (default: the rating columns except overall)
  --scale MIN-MAX        rating scale, e.g. 1-5 or 0-10 (default: the smallest standard scale holding the values)
  --missing CODES        comma-separated missing-value codes (default: empty, NA, N/A, -); given
                         codes replace NA, N/A and -, and an empty cell stays missing
  --labels FILE|JSON     text answers to scores, e.g. '{"Very satisfied": 5, "Satisfied": 4}' or a JSON file
  --weight COL           column of survey weights
  --id COL               respondent id column
  --segment COL          a column of groups to keep for comparisons (repeatable, or A,B)
  --na CODES             comma-separated "did not experience this touchpoint" codes (e.g. 0), kept apart from missing
  --outcome-type TYPE    rating (default), binary (two classes), nps (0-10 likelihood to recommend) or numeric
  --positive VALUES      binary outcome: the value(s) of the positive class, e.g. satisfied or 1 (implies binary)
  --encoding NAME        utf-8, utf-16le, gb18030, gbk, windows-1252 (default: detected)
  --delimiter CHAR       , ; tab (default: sniffed)
  --invalid POLICY       invalid cells: error (default), missing (treat as blank) or drop-row`;

/** Parsed values of the survey-loading flags. */
export interface SurveyFlags {
  readonly spec?: string;
  readonly overall?: string;
  readonly touchpoints?: string;
  readonly scale?: string;
  readonly missing?: string;
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly invalid?: string;
  readonly labels?: string;
  readonly weight?: string;
  readonly id?: string;
  readonly segment?: readonly string[];
  readonly na?: string;
  readonly 'outcome-type'?: string;
  readonly positive?: string;
  /** Adjustment covariates (analyze --control): added to the spec's covariates unless they are segments. */
  readonly control?: readonly string[];
  /** Columns read as segments as well (the --rake margins), whether or not they are compared. */
  readonly rakeSegments?: readonly string[];
}

/** Spec keys that, with the flags, make inference unnecessary. */
function isComplete(spec: Partial<SurveySpec>): spec is SurveySpec {
  return spec.touchpoints !== undefined && spec.overall !== undefined && (spec.scale !== undefined || typeof spec.overall === 'object');
}

const OUTCOME_TYPES = ['rating', 'binary', 'nps', 'numeric'] as const;

/**
 * Reads the survey named on the command line. Guesses made for missing flags are passed to
 * `announce` (the CLI prints them on stderr). Before a CSV file is read for spec inference,
 * `prepare` may return where its rated columns' storage comes from (CsvRecords.survey): the CLI's
 * columns prepared while the file is read.
 */
export async function loadSurvey(
  file: string,
  flags: SurveyFlags,
  announce: (message: string) => void,
  progress: (label: string, completed: number, total: number) => void = () => undefined,
  prepare?: () => ((length: number) => Float64Array) | undefined,
): Promise<Survey> {
  // The rated columns go to shared memory, so that `analyze` can run its peak-end part on a second
  // thread without copying them (analyzeParallel); the values are the same.
  const readOptions = { ...(flags.encoding && { encoding: flags.encoding }), ...(flags.delimiter && { delimiter: flags.delimiter }), sharedMemory: true };
  // The spec file, then each flag over it.
  const given: Record<string, unknown> = flags.spec === undefined ? {} : { ...readSpecFile(flags.spec) };
  if (flags.overall !== undefined) given.overall = flags.overall;
  if (flags.touchpoints !== undefined) given.touchpoints = splitList(flags.touchpoints);
  if (flags.scale !== undefined) given.scale = parseScale(flags.scale);
  if (flags.missing !== undefined) given.missing = parseMissing(flags.missing);
  if (flags.labels !== undefined) given.labels = parseLabels(flags.labels);
  if (flags.weight !== undefined) given.weight = flags.weight;
  if (flags.id !== undefined) given.id = flags.id;
  if (flags.segment !== undefined) given.segments = flags.segment.flatMap(splitList);
  if (flags.rakeSegments !== undefined) given.segments = [...new Set([...((given.segments as string[] | undefined) ?? []), ...flags.rakeSegments])];
  if (flags.na !== undefined) given.notApplicable = parseMissing(flags.na);
  if (flags.control !== undefined) {
    const segments = (given.segments as string[] | undefined) ?? [];
    const covariates = [...((given.covariates as string[] | undefined) ?? []), ...controlList(flags.control).filter((c) => !segments.includes(c))];
    if (covariates.length > 0) given.covariates = [...new Set(covariates)];
  }
  const outcomeType = flags['outcome-type'];
  if (outcomeType !== undefined && !(OUTCOME_TYPES as readonly string[]).includes(outcomeType)) {
    throw new UsageError(`--outcome-type must be ${OUTCOME_TYPES.join(', ')}, got "${outcomeType}".`);
  }
  const positive = flags.positive === undefined ? undefined : parseMissing(flags.positive);
  if (positive !== undefined && outcomeType !== undefined && outcomeType !== 'binary') throw new UsageError(`--positive applies to a binary outcome; --outcome-type is "${outcomeType}".`);
  const type = (outcomeType ?? (positive !== undefined ? 'binary' : undefined)) as (typeof OUTCOME_TYPES)[number] | undefined;
  if (type !== undefined && given.overall !== undefined) {
    const base = typeof given.overall === 'object' && given.overall !== null ? (given.overall as Record<string, unknown>) : { column: given.overall };
    given.overall = { ...base, type, ...(positive !== undefined && { positive }) };
  }
  if (flags.invalid !== undefined) {
    if (!['error', 'missing', 'drop-row'].includes(flags.invalid)) throw new UsageError(`--invalid must be error, missing or drop-row, got "${flags.invalid}".`);
    given.invalid = flags.invalid;
  }
  const onProgress = ({ bytesRead, totalBytes }: { bytesRead: number; totalBytes: number }): void => {
    // Only worth a bar for files that take a moment (over 8 MiB).
    if (totalBytes > 8 << 20) progress('Reading', Math.round(bytesRead / 1024), Math.round(totalBytes / 1024));
  };
  if (isComplete(given as Partial<SurveySpec>)) return readSurveyFile(file, given as unknown as SurveySpec, { ...readOptions, onProgress });
  const unreadable = (error: unknown): never => {
    if (error instanceof PeakEndError && error.code === 'file_not_readable') throw new UsageError(`Cannot read "${file}": ${(error.cause as Error | undefined)?.message ?? error.message}.`);
    throw error;
  };
  const inferOptions = {
    ...readOptions,
    spec: given as Partial<SurveySpec>,
    ...(type !== undefined && given.overall === undefined && { outcomeType: type }),
    ...(positive !== undefined && given.overall === undefined && { positive }),
  };
  // A CSV file is read once: the spec is inferred from its records, and the survey built from them.
  const column = prepare?.();
  const records = await readCsvRecords(file, { ...readOptions, onProgress }).catch(unreadable);
  // Any other file readSurveyFile reads (.xlsx, .sav, Qualtrics, SurveyMonkey), with its metadata.
  const inferred = records === null ? await inferSurveySpecFile(file, inferOptions).catch(unreadable) : inferSurveySpecFromRecords(records, inferOptions);
  inferred.notes.forEach((note) => {
    announce(`Note: ${note}.`);
  });
  if (records !== null) return records.survey(inferred.spec, readOptions, column);
  return readSurveyFile(file, inferred.spec, { ...readOptions, onProgress });
}

/** The segment columns the user asked to compare: --segment, else the spec file's segments. */
export function requestedSegments(flags: SurveyFlags): string[] {
  if (flags.segment !== undefined) return [...new Set(flags.segment.flatMap(splitList))];
  return flags.spec === undefined ? [] : [...(readSpecFile(flags.spec).segments ?? [])];
}

function readSpecFile(path: string): Partial<SurveySpec> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new UsageError(`Cannot read the spec file "${path}": ${(cause as Error).message}.`);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected an object { "touchpoints": [...], "overall": ..., ... }');
    return parsed as Partial<SurveySpec>;
  } catch (cause) {
    throw new UsageError(`The spec file "${path}" is not valid JSON (${(cause as Error).message}); see docs/getting-started.md for the format.`);
  }
}

/** The columns named by repeated or comma-separated --control flags, each once, in order. */
export function controlList(flags: readonly string[]): string[] {
  return [...new Set(flags.flatMap(splitList))];
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function parseScale(text: string): { min: number; max: number } {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*[-–:]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (match === null) throw new UsageError(`--scale expects MIN-MAX such as 1-5 or 0-10, got "${text}".`);
  return { min: Number(match[1]), max: Number(match[2]) };
}

function parseMissing(text: string): (string | number)[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .map((s) => (s !== '' && Number.isFinite(Number(s)) ? Number(s) : s));
}

/** --labels: inline JSON (starts with { or [) or a JSON file; an object { text: score } or [[text, score], ...]. */
function parseLabels(value: string): Record<string, number> | [string, number][] {
  const inline = /^\s*[[{]/.test(value);
  let text = value;
  if (!inline) {
    try {
      text = readFileSync(value, 'utf8');
    } catch (cause) {
      throw new UsageError(`--labels expects JSON such as '{"Very satisfied": 5}' or a JSON file; cannot read "${value}": ${(cause as Error).message}.`);
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new UsageError(`--labels ${inline ? 'value' : `file "${value}"`} is not valid JSON (${(cause as Error).message}); write '{"Very satisfied": 5, "Satisfied": 4}'.`);
  }
  const entries = Array.isArray(parsed) ? parsed : typeof parsed === 'object' && parsed !== null ? Object.entries(parsed) : null;
  if (entries === null || !entries.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'number' && Number.isFinite(e[1]))) {
    throw new UsageError(`--labels must map each text answer to a number, e.g. '{"Very satisfied": 5, "Satisfied": 4}'.`);
  }
  return Array.isArray(parsed) ? (parsed as [string, number][]) : (parsed as Record<string, number>);
}
