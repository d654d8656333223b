/**
 * The survey-loading options every data command shares (--spec, --overall, --touchpoints, --scale,
 * --missing, --encoding, --delimiter) and the function that turns them into a Survey.
 */
import { readFileSync } from 'node:fs';
import { PeakEndError } from '../errors.js';
import { inferSurveySpecFile } from '../ingest/formats/survey-export.js';
import { readSurveyFile } from '../ingest/read-survey-file.js';
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
} as const;

/** Help text for the survey-loading flags. */
export const surveyOptionsHelp = `Survey options:
  --spec FILE            survey spec (JSON): touchpoints, overall, scale, missing, labels, ...
  --overall COL          overall-satisfaction column (default: inferred from its name, else the last numeric column)
  --touchpoints A,B,...  touchpoint columns in journey order (default: all numeric columns except overall)
  --scale MIN-MAX        rating scale, e.g. 1-5 or 0-10 (default: inferred from the values)
  --missing CODES        comma-separated missing-value codes (default: empty, NA, N/A, -)
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
}

/**
 * Reads the survey named on the command line. Guesses made for missing flags are passed to
 * `announce` (the CLI prints them on stderr).
 */
export async function loadSurvey(
  file: string,
  flags: SurveyFlags,
  announce: (message: string) => void,
  progress: (label: string, completed: number, total: number) => void = () => undefined,
): Promise<Survey> {
  const readOptions = { ...(flags.encoding && { encoding: flags.encoding }), ...(flags.delimiter && { delimiter: flags.delimiter }) };
  let spec: SurveySpec;
  if (flags.spec !== undefined) {
    spec = readSpecFile(flags.spec);
  } else {
    // Any file readSurveyFile reads (CSV, .xlsx, .sav, Qualtrics, SurveyMonkey), with its metadata.
    const inferred = await inferSurveySpecFile(file, {
      ...readOptions,
      ...(flags.overall && { overall: flags.overall }),
      ...(flags.touchpoints && { touchpoints: splitList(flags.touchpoints) }),
      ...(flags.scale && { scale: parseScale(flags.scale) }),
      ...(flags.missing !== undefined && { missing: parseMissing(flags.missing) }),
    }).catch((error: unknown) => {
      if (error instanceof PeakEndError && error.code === 'file_not_readable') throw new UsageError(`Cannot read "${file}": ${(error.cause as Error | undefined)?.message ?? error.message}.`);
      throw error;
    });
    inferred.notes.forEach((note) => announce(`Note: ${note}.`));
    spec = inferred.spec;
  }
  if (flags.invalid !== undefined) {
    if (!['error', 'missing', 'drop-row'].includes(flags.invalid)) throw new UsageError(`--invalid must be error, missing or drop-row, got "${flags.invalid}".`);
    spec = { ...spec, invalid: flags.invalid as 'error' | 'missing' | 'drop-row' };
  }
  return readSurveyFile(file, spec, {
    ...readOptions,
    onProgress: ({ bytesRead, totalBytes }) => {
      // Only worth a bar for files that take a moment (over 8 MiB).
      if (totalBytes > 8 << 20) progress('Reading', Math.round(bytesRead / 1024), Math.round(totalBytes / 1024));
    },
  });
}

function readSpecFile(path: string): SurveySpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new UsageError(`Cannot read the spec file "${path}": ${(cause as Error).message}.`);
  }
  try {
    return JSON.parse(text) as SurveySpec;
  } catch (cause) {
    throw new UsageError(`The spec file "${path}" is not valid JSON (${(cause as Error).message}); see docs/getting-started.md for the format.`);
  }
}

function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function parseScale(text: string): { min: number; max: number } {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*[-–:]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (match === null) throw new UsageError(`--scale expects MIN-MAX such as 1-5 or 0-10, got "${text}".`);
  return { min: Number(match[1]), max: Number(match[2]) };
}

function parseMissing(text: string): (string | number)[] {
  return text.split(',').map((s) => s.trim()).map((s) => (s !== '' && Number.isFinite(Number(s)) ? Number(s) : s));
}
