/**
 * Format detection and the export readers behind readSurveyFile (Node only: files and zlib).
 */
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { DataValidationError, InvalidArgumentError, PeakEndError, type Warning } from '../../errors.js';
import { isDamagedQualtrics, parseQualtrics, qualtricsLayout } from './qualtrics.js';
import { isSavSignature, parseSav } from './sav.js';
import { isSurveyMonkeyLayout, parseSurveyMonkey } from './surveymonkey.js';
import { type ExportColumn, type ExportRow, type ExportTable, plainColumn, SURVEY_FILE_FORMATS, type SurveyFileFormat } from './table.js';
import { decodeExportText, type ExportRecord, exportRecords, headRecords } from './text.js';
import { isOleSignature, isZipSignature, readXlsxRows } from './xlsx.js';

/** Options of the export readers. */
export interface ReadExportOptions {
  /** Force a format instead of recognising it from the bytes. */
  readonly format?: SurveyFileFormat;
  /** Worksheet of an .xlsx workbook: its name or 1-based position. Default: the first. */
  readonly sheet?: string | number;
  /** Text encoding of text exports; detected when omitted. */
  readonly encoding?: string;
  /** Delimiter of text exports; sniffed when omitted. */
  readonly delimiter?: string;
  readonly maxFieldBytes?: number;
}

/** Validates the `format` option. */
export function checkFormat(format: unknown): SurveyFileFormat | undefined {
  if (format === undefined) return undefined;
  if (typeof format !== 'string' || !(SURVEY_FILE_FORMATS as readonly string[]).includes(format)) {
    throw new InvalidArgumentError(`Unknown format ${JSON.stringify(format)}; use one of ${SURVEY_FILE_FORMATS.map((f) => `"${f}"`).join(', ')} (or leave it out to recognise the file).`);
  }
  return format as SurveyFileFormat;
}

/**
 * Recognises a survey file from its first bytes: a ZIP archive is an Excel workbook, `$FL2` /
 * `$FL3` an SPSS file; text whose first rows are Qualtrics' header rows (three, or the legacy
 * V1..V10 two) or SurveyMonkey's two is that export; anything else is CSV.
 *
 * @throws DataValidationError (code `corrupt_file`) for an Excel 97-2003 (.xls) or encrypted
 *   workbook, which cannot be read: the message says how to save it.
 */
export function sniffFormat(head: Uint8Array, encoding?: string): SurveyFileFormat {
  if (isZipSignature(head)) return 'xlsx';
  if (isSavSignature(head)) return 'sav';
  if (isOleSignature(head)) {
    throw new DataValidationError([
      {
        code: 'corrupt_file',
        path: [null, null],
        line: null,
        message:
          'This is an Excel 97-2003 workbook (.xls) or a password-protected one, which peak-end cannot read: open it in Excel or LibreOffice and save it as .xlsx (without a password) or as CSV.',
        input: null,
      },
    ]);
  }
  let text: string;
  try {
    text = decodeExportText(head, encoding).text;
  } catch {
    return 'csv';
  }
  const rows = headRecords(text, 3);
  if (qualtricsLayout(rows) !== null || isDamagedQualtrics(rows)) return 'qualtrics';
  if (isSurveyMonkeyLayout(rows)) return 'surveymonkey';
  return 'csv';
}

/** Reads the first `bytes` of a file. */
export async function readHead(path: string, bytes = 65536): Promise<Uint8Array> {
  const { open } = await import('node:fs/promises');
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    throw new PeakEndError('file_not_readable', `Cannot read "${path}": ${(cause as Error).message}. Check the path and permissions.`, { cause });
  }
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function readAll(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    throw new PeakEndError('file_not_readable', `Cannot read "${path}": ${(cause as Error).message}. Check the path and permissions.`, { cause });
  }
}

/** Reads a survey-tool file (any format but streamed CSV) into an export table. */
export async function readExportFile(path: string, format: Exclude<SurveyFileFormat, 'csv'> | 'csv', options: ReadExportOptions = {}): Promise<ExportTable & { readonly sheet?: string }> {
  return exportTableFromBytes(await readAll(path), format, options);
}

/** Reads the bytes of a survey-tool file into an export table. */
export async function exportTableFromBytes(bytes: Uint8Array, format: SurveyFileFormat, options: ReadExportOptions = {}): Promise<ExportTable & { readonly sheet?: string }> {
  const maxFieldBytes = options.maxFieldBytes ?? 1_048_576;
  if (format === 'sav') return savTable(bytes);
  if (format === 'xlsx') {
    const sheet = await readXlsxRows(bytes, options.sheet);
    const table = tableFromRecords(sheet.records, { encoding: null, delimiter: null, text: false }, options.format);
    return { ...table, warnings: [...sheet.warnings, ...table.warnings], sheet: sheet.sheet };
  }
  const decoded = decodeExportText(bytes, options.encoding);
  const { records, delimiter } = exportRecords(decoded.text, options.delimiter, maxFieldBytes);
  const table = tableFromRecords(records, { encoding: decoded.encoding, delimiter, text: true }, format === 'csv' ? undefined : format);
  return { ...table, warnings: [...decoded.warnings, ...table.warnings] };
}

/**
 * Rows (text or a worksheet) to an export table: a Qualtrics or SurveyMonkey layout when `forced`
 * says so or the header rows show it, else a plain table whose first row names the columns.
 */
function tableFromRecords(records: readonly ExportRecord[], source: { encoding: string | null; delimiter: string | null; text: boolean }, forced?: SurveyFileFormat): ExportTable {
  const head = records.slice(0, 3).map((r) => r.cells);
  const format =
    forced === 'qualtrics' || forced === 'surveymonkey' ? forced : qualtricsLayout(head) !== null || isDamagedQualtrics(head) ? 'qualtrics' : isSurveyMonkeyLayout(head) ? 'surveymonkey' : 'plain';
  if (format === 'qualtrics') return parseQualtrics(records, source);
  if (format === 'surveymonkey') return parseSurveyMonkey(records, source);
  const [header, ...rest] = records;
  const names = (header?.cells ?? []).map((c) => (c === null ? '' : String(c).trim()));
  return {
    format: source.text ? 'csv' : 'xlsx',
    columns: names.map((n) => plainColumn(n)),
    rows: rest.map((r): ExportRow => ({ cells: r.cells, line: r.line, exclusion: null, unfinished: false })),
    headerLine: header?.line ?? null,
    encoding: source.encoding,
    delimiter: source.delimiter,
    text: source.text,
    warnings: [],
  };
}

/** An SPSS file as an export table: variable labels, value labels and user-missing values as column metadata. */
function savTable(bytes: Uint8Array): ExportTable {
  const sav = parseSav(bytes, { inflate: (b) => new Uint8Array(inflateSync(b)) });
  const columns: ExportColumn[] = sav.variables.map((v) => ({
    name: v.name,
    aliases: [v.label, v.shortName].filter((a): a is string => a !== null && a !== v.name),
    label: v.label,
    valueLabels: [...v.valueLabels].map(([value, label]) => ({ value, label })),
    missing: v.missing,
    metadata: false,
    measure: v.measure,
    choices: null,
  }));
  const warnings: Warning[] = [];
  return {
    format: 'sav',
    columns,
    rows: sav.rows.map((cells): ExportRow => ({ cells, line: null, exclusion: null, unfinished: false })),
    headerLine: null,
    encoding: sav.encoding,
    delimiter: null,
    text: false,
    warnings,
    weight: sav.weight,
  };
}
