/**
 * CSV text to records, with csv-parse: header row, quoted fields, embedded newlines, delimiter
 * `,` `;` or tab (sniffed from the header line unless given). Each record is handed to a sink with
 * the physical line it starts on, so validation errors can name file lines.
 */
// csv-parse/sync through package.json "imports": its browser build where the "browser" condition
// applies (the Node build uses Buffer, even at import, which browsers lack).
import { type Options, parse } from '#csv-parse-sync';
import { DataValidationError } from '../errors.js';

/** Delimiters recognised by sniffing. */
export const SNIFFED_DELIMITERS = [',', ';', '\t'] as const;

/** Receives records in order; `line` is the 1-based physical line the record starts on. */
export interface RecordSink {
  record(fields: string[], line: number): void;
}

/**
 * Chooses the delimiter from the first line: the most frequent of `,` `;` and tab outside
 * double quotes; a comma when none occurs or on a tie.
 */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(SNIFFED_DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

/** csv-parse options shared by the in-memory and the streaming reader. */
export function csvParseOptions(delimiter: string, maxRecordSize: number): Options {
  return {
    delimiter,
    max_record_size: maxRecordSize,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  };
}

/** Tracks record start lines from csv-parse's end-of-record line counts. */
export class LineTracker {
  /** @param lastEndLine lines already consumed before this tracker's records. */
  constructor(private lastEndLine = 0) {}

  /** Start line of a record that ends at `endLine`. */
  next(endLine: number): number {
    const start = this.lastEndLine + 1;
    this.lastEndLine = endLine;
    return start;
  }

  /** Line where the next (unfinished) record starts. */
  get pendingLine(): number {
    return this.lastEndLine + 1;
  }
}

/** Converts a csv-parse failure into a typed validation error naming the line. */
export function csvSyntaxError(cause: unknown, line: number): DataValidationError {
  const code = (cause as { code?: string }).code;
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return new DataValidationError(
      [
        {
          code: 'field_too_large',
          path: [null, null],
          line,
          message: `The record starting on line ${line} has a field longer than the limit (maxFieldBytes); check for a missing closing quote, or raise maxFieldBytes.`,
          input: null,
        },
      ],
      { cause },
    );
  }
  const message =
    code === 'CSV_QUOTE_NOT_CLOSED'
      ? `A quoted field opened on line ${line} is never closed; add the closing double quote (") or remove the stray one.`
      : `CSV syntax error in the record starting on line ${line}: ${(cause as Error).message}. Check the quoting on that line.`;
  return new DataValidationError([{ code: 'csv_syntax', path: [null, null], line, message, input: null }], { cause });
}

/**
 * Parses CSV text and feeds every record (including the header) to `sink`.
 *
 * @throws DataValidationError (code `csv_syntax`) on malformed quoting, naming the record's line.
 */
export function parseCsvText(text: string, delimiter: string, maxRecordSize: number, sink: RecordSink): void {
  const lines = new LineTracker();
  try {
    parse(text, {
      ...csvParseOptions(delimiter, maxRecordSize),
      on_record: (record: string[], context) => {
        sink.record(record, lines.next(context.lines));
        return null;
      },
    });
  } catch (cause) {
    if (cause instanceof DataValidationError) throw cause;
    throw csvSyntaxError(cause, lines.pendingLine);
  }
}
