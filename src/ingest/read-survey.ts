/**
 * readSurvey / safeReadSurvey: survey data in any in-memory form to a validated Survey.
 */
import { DataValidationError, InvalidArgumentError, PeakEndError, type Warning } from '../errors.js';
import { normalizeSpec, type SurveySpec } from '../schema/survey-spec.js';
import type { Survey } from '../survey/survey.js';
import { SurveyBuilder } from './builder.js';
import { parseCsvText, sniffDelimiter } from './csv.js';
import { decodeBytes, guessedEncodingWarning } from './decode.js';
import { type IngestLimits, ingestLimits } from './limits.js';

/** A cell value in row or column input. */
export type CellValue = string | number | null | undefined;

/**
 * Survey data in memory: CSV text, CSV bytes (any supported encoding), an array of row objects
 * keyed by column name, or columns (an object or Map from column name to values).
 */
export type SurveyInput =
  | string
  | Uint8Array
  | ArrayBuffer
  | readonly Readonly<Record<string, CellValue>>[]
  | Readonly<Record<string, ArrayLike<CellValue>>>
  | ReadonlyMap<string, ArrayLike<CellValue>>;

/** Options for reading CSV input. */
export interface ReadSurveyOptions {
  /** Text encoding of CSV bytes; detected when omitted (BOM, then UTF-8, else GB18030). */
  readonly encoding?: string;
  /** CSV delimiter; sniffed from the header line when omitted (`,` `;` or tab). */
  readonly delimiter?: string;
  /**
   * Read numbers written with a decimal comma ("4,5" = 4.5) in weights, numeric outcomes and
   * ratings (a fractional rating is still refused on an integer scale). Default: on when the
   * CSV delimiter is not a comma (semicolon- and tab-delimited exports), off otherwise and for
   * rows or columns input. A point is always read as a decimal point.
   */
  readonly decimalComma?: boolean;
  /** Fail fast beyond this many data rows. Default 50,000,000. */
  readonly maxRows?: number;
  /** Fail fast beyond this many columns. Default 20,000. */
  readonly maxColumns?: number;
  /** Fail fast on a CSV field (or record) longer than this many characters. Default 1,048,576. */
  readonly maxFieldBytes?: number;
  /**
   * Store the rated columns (`survey.ratings`) in SharedArrayBuffers, so that worker threads read
   * them without a copy (`analyzeParallel` in 'peak-end/node' runs part of the analysis on a
   * second thread only for such a survey). The values are the same. Default false; needs a runtime
   * with SharedArrayBuffer (Node, Deno, Bun; a browser page only when cross-origin isolated).
   */
  readonly sharedMemory?: boolean;
}

/** Result of {@link safeReadSurvey}: the survey, or the typed error that prevented it. */
export type SafeReadResult = { readonly success: true; readonly survey: Survey } | { readonly success: false; readonly error: PeakEndError };

/**
 * Reads and validates survey data against a spec.
 *
 * Every input row is accounted for in `survey.report` (`rowsRead = rowsUsed + rowsDropped`, with
 * the reason for each drop, rows of column totals included); each rated column is read by its own
 * rules (scale, codes, labels: the column's own, else the spec's). Cells matching a missing code
 * become `NaN`; cells matching a not-applicable code become `NaN` flagged in
 * `survey.notApplicable`; both codes are matched on the raw cell before text answers are mapped
 * through the labels; reverse-coded columns are stored as `min + max - answer`; a binary outcome
 * is stored as 1 (positive class) or 0.
 *
 * @example
 * ```ts
 * const survey = readSurvey('price,delivery,overall\n4,5,5\n3,,4\n', {
 *   touchpoints: ['price', 'delivery'], overall: 'overall', scale: { min: 1, max: 5 },
 * });
 * survey.n;                          // 2
 * survey.ratings.get('delivery');    // Float64Array [5, NaN]
 * ```
 * @throws InvalidArgumentError when the spec is malformed or the input is of an unsupported type.
 * @throws DataValidationError listing every problem (first 50, all counted) with row, column and
 *   file line: unknown column, duplicate header, value out of scale, non-integer on an integer
 *   scale, unparseable number, ragged row, empty file, header only, CSV syntax, invalid encoding,
 *   a binary outcome without exactly two values (`not_binary`, naming the values seen).
 */
export function readSurvey(input: SurveyInput, spec: SurveySpec, options: ReadSurveyOptions = {}): Survey {
  const normalized = normalizeSpec(spec);
  if (typeof input === 'string' || input instanceof Uint8Array || input instanceof ArrayBuffer) {
    let text: string;
    let encoding: string | null = null;
    const warnings: Warning[] = [];
    if (typeof input === 'string') {
      text = input;
    } else {
      const decoded = decodeBytes(input instanceof ArrayBuffer ? new Uint8Array(input) : input, options.encoding);
      text = decoded.text;
      encoding = decoded.detected.encoding;
      if (decoded.detected.guessed && encoding !== 'utf-8') {
        warnings.push(guessedEncodingWarning(encoding));
      }
    }
    const delimiter = checkDelimiter(options.delimiter) ?? sniffDelimiter(text);
    const limits = ingestLimits(options);
    const builder = new SurveyBuilder(normalized, { source: 'csv', encoding, delimiter, decimalComma: decimalCommaFor(options.decimalComma, delimiter), warnings }, limits);
    parseCsvText(text, delimiter, limits.maxFieldBytes, {
      record(fields, line) {
        if (builder.hasHeader) builder.record(fields, line, true);
        else builder.header(fields, line);
      },
    });
    return builder.finish();
  }
  const decimalComma = options.decimalComma ?? false;
  if (Array.isArray(input)) return fromRows(input as readonly Readonly<Record<string, CellValue>>[], normalized, ingestLimits(options), decimalComma);
  if (input instanceof Map || (typeof input === 'object' && input !== null)) {
    return fromColumns(input as Readonly<Record<string, ArrayLike<CellValue>>> | ReadonlyMap<string, ArrayLike<CellValue>>, normalized, ingestLimits(options), decimalComma);
  }
  throw new InvalidArgumentError(`readSurvey expects CSV text, bytes, an array of row objects or an object of columns; got ${input === null ? 'null' : typeof input}.`);
}

/**
 * Like {@link readSurvey} but never throws the library's errors: returns `{ success: true, survey }`
 * or `{ success: false, error }` (zod-style), for services that validate uploads.
 */
export function safeReadSurvey(input: SurveyInput, spec: SurveySpec, options: ReadSurveyOptions = {}): SafeReadResult {
  try {
    return { success: true, survey: readSurvey(input, spec, options) };
  } catch (error) {
    if (error instanceof PeakEndError) return { success: false, error };
    throw error;
  }
}

/** Whether to read decimal commas: as the option says, else when the CSV delimiter is not a comma. */
export function decimalCommaFor(option: boolean | undefined, delimiter: string): boolean {
  if (option !== undefined && typeof option !== 'boolean') throw new InvalidArgumentError(`decimalComma must be true or false; got ${JSON.stringify(option)}.`);
  return option ?? delimiter !== ',';
}

/** Validates an explicit delimiter. */
export function checkDelimiter(delimiter: string | undefined): string | undefined {
  if (delimiter === undefined) return undefined;
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';' };
  const value = Object.hasOwn(named, delimiter) ? (named[delimiter] as string) : delimiter;
  if (value.length !== 1 || value === '"' || value === '\n' || value === '\r') {
    throw new InvalidArgumentError(`Invalid delimiter ${JSON.stringify(delimiter)}: use one character such as ",", ";" or "\\t" (or the names comma, semicolon, tab).`);
  }
  return value;
}

function fromRows(rows: readonly Readonly<Record<string, CellValue>>[], spec: ReturnType<typeof normalizeSpec>, limits: IngestLimits, decimalComma: boolean): Survey {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new InvalidArgumentError(`Row ${i + 1} is not an object of column values; pass rows like { price: 4, overall: 5 }.`);
    }
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  const builder = new SurveyBuilder(spec, { source: 'rows', encoding: null, delimiter: null, decimalComma }, limits);
  builder.header(names, null);
  const own = Object.prototype.hasOwnProperty;
  for (const row of rows)
    builder.record(
      names.map((name) => (own.call(row, name) ? row[name] : undefined)),
      null,
    );
  return builder.finish();
}

function fromColumns(
  input: Readonly<Record<string, ArrayLike<CellValue>>> | ReadonlyMap<string, ArrayLike<CellValue>>,
  spec: ReturnType<typeof normalizeSpec>,
  limits: IngestLimits,
  decimalComma: boolean,
): Survey {
  const entries: [string, ArrayLike<CellValue>][] = input instanceof Map ? [...input.entries()] : Object.entries(input);
  const lengths = entries.map(([, values]) => values?.length);
  const length = lengths[0] ?? 0;
  const bad = entries.find(([, values]) => values === null || typeof values !== 'object' || typeof values.length !== 'number');
  if (bad !== undefined) throw new InvalidArgumentError(`Column "${bad[0]}" is not an array of values.`);
  const ragged = entries.find(([, values]) => values.length !== length);
  if (ragged !== undefined) {
    throw new DataValidationError([
      {
        code: 'ragged_row',
        path: [null, ragged[0]],
        line: null,
        message: `Column "${ragged[0]}" has ${ragged[1].length} values but "${entries[0]?.[0]}" has ${length}; give every column one value per respondent (null for missing).`,
        input: null,
      },
    ]);
  }
  const builder = new SurveyBuilder(spec, { source: 'columns', encoding: null, delimiter: null, decimalComma }, limits);
  builder.header(
    entries.map(([name]) => name),
    null,
  );
  for (let i = 0; i < length; i++)
    builder.record(
      entries.map(([, values]) => values[i]),
      null,
    );
  return builder.finish();
}
