/**
 * Text exports (Qualtrics, SurveyMonkey): decoding with a byte-order mark, else UTF-8 in which
 * stray bytes that are not UTF-8 (old exports mixing Windows-1252 into the headers) read as
 * Windows-1252, and splitting into records with their lines.
 */
import { type Options, parse } from 'csv-parse/sync';
import type { Warning } from '../../errors.js';
import { csvParseOptions, csvSyntaxError, LineTracker, sniffDelimiter } from '../csv.js';
import { canonicalEncoding, decodeBytes, firstInvalidUtf8, lineAt } from '../decode.js';
import { decodeWindows1252 } from './cp1252.js';
import type { ExportCell } from './table.js';

/** A record of an export with the line it starts on. */
export interface ExportRecord {
  readonly cells: readonly ExportCell[];
  readonly line: number;
}

/** Decoded text of an export. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: string;
  readonly warnings: readonly Warning[];
}

/**
 * Decodes an export: the caller's encoding, else a byte-order mark (UTF-8, UTF-16 LE/BE: Qualtrics
 * writes TSV exports as UTF-16), else UTF-8 where each byte that does not start a valid UTF-8
 * sequence is read as Windows-1252 (and counted in a warning naming its first line).
 *
 * @throws DataValidationError (code `invalid_encoding`) when the caller's encoding does not fit.
 */
export function decodeExportText(bytes: Uint8Array, encoding?: string): DecodedText {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8' : bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (encoding !== undefined || (bom !== null && bom !== 'utf-8')) {
    const { text, detected } = decodeBytes(bytes, encoding ?? (bom as string));
    return { text, encoding: encoding === undefined ? detected.encoding : canonicalEncoding(encoding), warnings: [] };
  }
  const body = bom === 'utf-8' ? bytes.subarray(3) : bytes;
  const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  let start = 0;
  let replaced = 0;
  let firstLine = 0;
  for (;;) {
    const rest = body.subarray(start);
    const bad = firstInvalidUtf8(rest, false);
    if (bad < 0) {
      text += utf8.decode(rest);
      break;
    }
    if (replaced === 0) firstLine = lineAt(body, start + bad);
    text += utf8.decode(rest.subarray(0, bad)) + decodeWindows1252(rest.subarray(bad, bad + 1));
    replaced++;
    start += bad + 1;
  }
  const warnings: Warning[] =
    replaced === 0
      ? []
      : [
          {
            code: 'encoding_mixed',
            message: `${replaced} byte${replaced === 1 ? ' was' : 's were'} not valid UTF-8 (first on line ${firstLine}) and ${replaced === 1 ? 'was' : 'were'} read as Windows-1252; pass encoding if the file uses another one.`,
          },
        ];
  return { text, encoding: 'utf-8', warnings };
}

/**
 * Splits export text into records (quoted fields, embedded newlines; CRLF, LF or bare CR line
 * ends), sniffing the delimiter (comma, semicolon or tab) from the first line unless given.
 *
 * @throws DataValidationError (code `csv_syntax`) on malformed quoting, naming the line.
 */
export function exportRecords(text: string, delimiter: string | undefined, maxFieldBytes: number, limit = Number.POSITIVE_INFINITY): { records: ExportRecord[]; delimiter: string } {
  const chosen = delimiter ?? sniffDelimiter(text);
  const records: ExportRecord[] = [];
  const lines = new LineTracker();
  try {
    parse(text, {
      ...csvParseOptions(chosen, maxFieldBytes),
      ...(Number.isFinite(limit) && { to: limit }),
      on_record: (record: string[], context: { lines: number }) => {
        records.push({ cells: record, line: lines.next(context.lines) });
        return null;
      },
    } as unknown as Options);
  } catch (cause) {
    throw csvSyntaxError(cause, lines.pendingLine);
  }
  return { records, delimiter: chosen };
}

/** The first records of a file's head, read leniently for format detection (never throws). */
export function headRecords(text: string, count: number): string[][] {
  const cut = text.length > 65536 ? text.slice(0, Math.max(text.lastIndexOf('\n', 65536), text.lastIndexOf('\r', 65536), 0)) : text;
  try {
    const out: string[][] = [];
    parse(cut, {
      ...csvParseOptions(sniffDelimiter(cut), 1 << 20),
      relax_quotes: true,
      to: count,
      on_record: (record: string[]) => {
        out.push(record);
        return null;
      },
    } as unknown as Options);
    return out;
  } catch {
    return [];
  }
}
