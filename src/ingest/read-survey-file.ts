/**
 * readSurveyFile: streams a CSV file into a Survey (Node only; exported from 'peak-end/node').
 * Memory holds one chunk of text plus the used ratings, never the whole file. readCsvRecords
 * reads the same way into CsvRecords (every column coded), for the CLI's inference.
 */
import { Buffer, isAscii } from 'node:buffer';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, type Options, parse } from 'csv-parse';
import { DataValidationError, PeakEndError } from '../errors.js';
import { normalizeSpec, type SurveySpec } from '../schema/survey-spec.js';
import type { Survey } from '../survey/survey.js';
import { SurveyBuilder } from './builder.js';
import { csvParseOptions, csvSyntaxError, LineTracker, sniffDelimiter } from './csv.js';
import { CsvRecords, type CsvSource } from './csv-records.js';
import { type ByteDecoder, byteDecoder, type DetectedEncoding, detectEncoding, encodingError, firstInvalidUtf8, guessedEncodingWarning, lineAt } from './decode.js';
import { checkFormat, readExportFile, readHead, sniffFormat } from './formats/read-export.js';
import { type ResponseFilterOptions, type SurveyFileFormat, surveyFromTable } from './formats/table.js';
import { ingestLimits } from './limits.js';
import { checkDelimiter, decimalCommaFor, type ReadSurveyOptions } from './read-survey.js';
import { type CsvRecordSink, Utf8RecordReader } from './utf8-records.js';

/** Options for {@link readSurveyFile}. */
export interface ReadSurveyFileOptions extends ReadSurveyOptions {
  /**
   * The file's format; recognised from its bytes when omitted: an Excel workbook (`xlsx`), an
   * SPSS file (`sav`, also .zsav), a Qualtrics or SurveyMonkey export (by their header rows), else CSV.
   */
  readonly format?: SurveyFileFormat;
  /** Worksheet of an Excel workbook: its name or 1-based position. Default: the first. */
  readonly sheet?: string | number;
  /**
   * Responses a survey tool marked: previews, tests and spam are dropped by default (each counted
   * under its own reason), unfinished responses kept (and counted in a warning).
   */
  readonly responses?: ResponseFilterOptions;
  /** Called after each chunk with the bytes read so far and the file size. */
  readonly onProgress?: (progress: { readonly bytesRead: number; readonly totalBytes: number }) => void;
  /** Chunk size in bytes. Default 1 MiB (smaller chunks make reading the file itself several times slower). */
  readonly chunkSize?: number;
}

/**
 * Reads a survey file with the same validation and row accounting as `readSurvey`. The format is
 * recognised from the bytes (`options.format` forces it): CSV streams chunk by chunk, with the
 * encoding detected from the first chunk (BOM, then UTF-8, else GB18030) unless `options.encoding`
 * is given and the delimiter sniffed from the header line unless `options.delimiter` is given.
 * Excel workbooks (.xlsx; `options.sheet`), SPSS files (.sav, .zsav), and Qualtrics and
 * SurveyMonkey exports (CSV/TSV, or the same rows in a workbook) are read whole; their spec
 * columns may be named as the tool names them (`Q5_1`, an SPSS variable) or by the question text,
 * question texts and variable labels label the touchpoints, SPSS user-missing values read as
 * missing, and responses the tool marked as previews, tests or spam are dropped and counted (see
 * `options.responses`).
 *
 * @example
 * ```ts
 * import { readSurveyFile } from 'peak-end/node';
 * const spec = JSON.parse(await readFile('fixtures/zhijiang/spec.json', 'utf8'));
 * const survey = await readSurveyFile('fixtures/zhijiang/zhijiang.csv', spec);
 * survey.report.rowsRead; // 47
 * ```
 * @throws DataValidationError as `readSurvey` does (with file lines), including `invalid_encoding`
 *   naming the line where decoding failed.
 * @throws DataValidationError with code `corrupt_file` for a truncated or damaged workbook or SPSS
 *   file (or an Excel 97-2003 .xls), `export_layout` for a Qualtrics or SurveyMonkey export whose
 *   header rows were edited, each with the fix; `unknown_column` listing the tool's columns and
 *   question texts.
 * @throws InvalidArgumentError for an unknown `format` or a `sheet` the workbook lacks.
 * @throws PeakEndError with code `file_not_readable` when the file cannot be opened.
 */
export async function readSurveyFile(path: string, spec: SurveySpec, options: ReadSurveyFileOptions = {}): Promise<Survey> {
  normalizeSpec(spec);
  const forced = checkFormat(options.format);
  const format = forced ?? sniffFormat(await readHead(path), options.encoding);
  if (format === 'csv') return (await streamSurveyFile(path, spec, options, null)).finish();
  const limits = ingestLimits(options);
  const table = await readExportFile(path, format, { ...options, maxFieldBytes: limits.maxFieldBytes });
  const survey = surveyFromTable(table, spec, limits, options.responses);
  const size = (await stat(path)).size;
  options.onProgress?.({ bytesRead: size, totalBytes: size });
  return survey;
}

/** Which fast path streamSurveyFile may use; internal, for tests that cross-check the paths. */
export interface StreamPaths {
  /** Read UTF-8 files as bytes (default true); false keeps the text path for every encoding. */
  readonly bytes?: boolean;
}

/**
 * Streams a survey file through validation, handing each used row to `sink` (rated columns in
 * spec order and the row's weight; the array is reused for the next row) instead of storing it
 * when `sink` is given. Internal: readSurveyFile and accumulateSurveyFile read CSV with it
 * (see {@link streamCsv}).
 */
export async function streamSurveyFile(
  path: string,
  spec: SurveySpec,
  options: ReadSurveyFileOptions,
  sink: ((ratings: Float64Array, weight: number) => void) | null,
  paths: StreamPaths = {},
): Promise<SurveyBuilder> {
  const normalized = normalizeSpec(spec);
  const limits = ingestLimits(options);
  return streamCsv(
    path,
    options,
    (source) =>
      source === null
        ? new SurveyBuilder(normalized, { source: 'csv', encoding: null, delimiter: null }, limits, sink)
        : new SurveyBuilder(
            normalized,
            {
              source: 'csv',
              encoding: source.encoding,
              delimiter: source.delimiter,
              decimalComma: decimalCommaFor(options.decimalComma, source.delimiter),
              warnings: source.guessed && source.encoding !== 'utf-8' ? [guessedEncodingWarning(source.encoding)] : [],
            },
            limits,
            sink,
          ),
    paths,
  );
}

/**
 * Reads a CSV file once into {@link CsvRecords} (every column coded), for inferring a spec from
 * it and then building the Survey without reading the file again. Null when the file is not CSV
 * (a workbook, SPSS file or survey-tool export, read by their own path). A data error after the
 * header line (CSV syntax, a line over the limit, a byte the encoding lacks, a row past maxRows)
 * ends the reading: the records before it are kept and the error is thrown when the Survey is
 * built, as streaming the file would.
 *
 * @throws DataValidationError for the header line (`not_csv`, `invalid_encoding`, ...);
 *   PeakEndError `file_not_readable`.
 */
export async function readCsvRecords(path: string, options: ReadSurveyFileOptions = {}, paths: StreamPaths = {}): Promise<CsvRecords | null> {
  const format = checkFormat(options.format) ?? sniffFormat(await readHead(path), options.encoding);
  if (format !== 'csv') return null;
  let records: CsvRecords | null = null;
  try {
    return await streamCsv(
      path,
      options,
      (source) => {
        records = new CsvRecords(source, ingestLimits(options).maxRows);
        return records;
      },
      paths,
    );
  } catch (error) {
    if (records === null || !(error instanceof DataValidationError)) throw error;
    (records as CsvRecords).failure = error;
    return records;
  }
}

/**
 * The engine of streamSurveyFile and readCsvRecords: streams a CSV file into the sink made for
 * its encoding and delimiter (`sinkFor(null)` for an empty file).
 *
 * Three readers share the work, all with the same results: UTF-8 files (BOM, detected or given)
 * are read as bytes by {@link Utf8RecordReader} while no double quote has been seen
 * ({@link readBytes}); other encodings are decoded and their quote-free lines split as text
 * ({@link readText}); from the first double quote on, csv-parse reads the rest of the file
 * ({@link parseRest}). {@link readHeaderLine} reads up to the end of the header line first, to detect
 * the encoding and sniff the delimiter.
 */
async function streamCsv<S extends CsvRecordSink>(path: string, options: ReadSurveyFileOptions, sinkFor: (source: CsvSource | null) => S, paths: StreamPaths = {}): Promise<S> {
  const explicitDelimiter = checkDelimiter(options.delimiter);
  const limits = ingestLimits(options);
  const file = await ChunkedFile.open(path, options.chunkSize ?? 1 << 20, options.onProgress);
  try {
    const head = await readHeaderLine(file, options.encoding, explicitDelimiter, limits.maxFieldBytes);
    if (head === null) return sinkFor(null);
    const { encoding, guessed } = head.detected;
    const delimiter = head.delimiter;
    const sink = sinkFor({ encoding, delimiter, guessed });
    const delimiterByte = delimiter.charCodeAt(0);
    if (paths.bytes !== false && encoding === 'utf-8' && delimiterByte < 0x80 && !(delimiterByte >= 0x30 && delimiterByte <= 0x39)) {
      await readBytes(file, sink, head, delimiterByte, limits.maxFieldBytes);
    } else {
      await readText(file, sink, head, limits.maxFieldBytes);
    }
    return sink;
  } finally {
    await file.close();
  }
}

/**
 * A file read chunk by chunk into one reused buffer (so streaming a file of any size allocates
 * nothing per chunk; whatever must outlive a chunk is copied by the caller), with the progress
 * reports and the count of LF characters decoded so far, by which decoding errors name lines.
 */
class ChunkedFile {
  bytesRead = 0;
  /** LF characters in the text decoded (or validated) so far. */
  newlines = 0;
  /** Whether the last chunk has been read. */
  ended = false;
  private readonly buffer: Buffer;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly totalBytes: number,
    chunkSize: number,
    private readonly onProgress: ReadSurveyFileOptions['onProgress'],
  ) {
    this.buffer = Buffer.allocUnsafe(chunkSize);
  }

  /** @throws PeakEndError `file_not_readable` when the file cannot be opened. */
  static async open(path: string, chunkSize: number, onProgress: ReadSurveyFileOptions['onProgress']): Promise<ChunkedFile> {
    const unreadable = (cause: unknown): PeakEndError => new PeakEndError('file_not_readable', `Cannot read "${path}": ${(cause as Error).message}. Check the path and permissions.`, { cause });
    let totalBytes: number;
    try {
      totalBytes = (await stat(path)).size;
    } catch (cause) {
      throw unreadable(cause);
    }
    try {
      return new ChunkedFile(path, await open(path, 'r'), totalBytes, chunkSize, onProgress);
    } catch (cause) {
      throw unreadable(cause);
    }
  }

  /** The next chunk (a view of the shared buffer, valid until the next call), or null at the end. */
  async next(): Promise<Uint8Array | null> {
    try {
      const { bytesRead: got } = await this.handle.read(this.buffer, 0, this.buffer.length, null);
      if (got === 0) {
        this.ended = true;
        return null;
      }
      this.bytesRead += got;
      return this.buffer.subarray(0, got);
    } catch (cause) {
      throw new PeakEndError('file_not_readable', `Cannot read "${this.path}": ${(cause as Error).message}.`, { cause });
    }
  }

  progress(): void {
    this.onProgress?.({ bytesRead: this.bytesRead, totalBytes: this.totalBytes });
  }

  /**
   * Decodes `bytes` (continuing a stream when `stream`) and counts its LF characters.
   *
   * @throws DataValidationError `invalid_encoding` naming the line of the first bad byte.
   */
  decode(decoder: ByteDecoder, bytes: Uint8Array, stream: boolean): string {
    try {
      const text = decoder.decode(bytes, { stream });
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.newlines++;
      return text;
    } catch (cause) {
      const offset = decoder.encoding === 'utf-8' ? firstInvalidUtf8(bytes, stream) : -1;
      const line = offset >= 0 ? this.newlines + lineAt(bytes, offset) : this.newlines + 1;
      throw encodingError(
        `The file is not valid ${decoder.encoding} (first bad byte on line ${line}); save it as UTF-8, or pass the right encoding (e.g. encoding: "gb18030" or "windows-1252").`,
        line,
        cause,
      );
    }
  }

  /** The rest of the file as text, decoded chunk by chunk (nothing once the file has ended). */
  async *decodedRest(decoder: ByteDecoder): AsyncGenerator<string> {
    if (this.ended) return;
    for (let bytes = await this.next(); bytes !== null; bytes = await this.next()) {
      yield this.decode(decoder, bytes, true);
      this.progress();
    }
    const rest = this.decode(decoder, new Uint8Array(0), false);
    if (rest !== '') yield rest;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** The file's first chunks, up to the end of the header line, and what they tell. */
interface Head {
  /** The head's text (BOM removed). */
  readonly text: string;
  /** Copies of the head's bytes (BOM removed), chunk by chunk. */
  readonly bytes: readonly Uint8Array[];
  readonly detected: DetectedEncoding;
  /** The decoder that decoded the head, to continue with. */
  readonly decoder: ByteDecoder;
  readonly delimiter: string;
}

/**
 * Reads chunks up to the end of the header line (or `maxFieldBytes` of text, or the end of the
 * file), detecting the encoding from the first chunk and sniffing the delimiter from the header
 * unless it is given. Null for an empty file.
 */
async function readHeaderLine(file: ChunkedFile, encoding: string | undefined, explicitDelimiter: string | undefined, maxFieldBytes: number): Promise<Head | null> {
  let decoder: ByteDecoder | null = null;
  let detected: DetectedEncoding | null = null;
  let text = '';
  const bytes: Uint8Array[] = [];
  let delimiter: string | null = null;
  while (delimiter === null) {
    let chunk = await file.next();
    if (chunk === null) break;
    if (decoder === null) {
      detected = detectEncoding(chunk, encoding);
      decoder = byteDecoder(detected.encoding);
      chunk = chunk.subarray(detected.bomLength);
    }
    text += file.decode(decoder, chunk, true);
    bytes.push(new Uint8Array(chunk)); // chunks share one read buffer: keep a copy (Buffer#slice would not)
    if (/[\r\n]/.test(text) || text.length > maxFieldBytes) delimiter = explicitDelimiter ?? sniffDelimiter(text);
    else file.progress();
  }
  if (decoder === null || detected === null) return null;
  if (file.ended) {
    text += file.decode(decoder, new Uint8Array(0), false);
    delimiter = explicitDelimiter ?? sniffDelimiter(text);
  }
  return { text, bytes, detected, decoder, delimiter: delimiter ?? ',' };
}

/**
 * The UTF-8 byte path: lines go to {@link Utf8RecordReader} chunk by chunk (non-ASCII chunks are
 * validated by the head's decoder first) until a line holds a double quote; from there the rest
 * of the file is decoded and handed to {@link parseRest}.
 */
async function readBytes(file: ChunkedFile, builder: CsvRecordSink, head: Head, delimiterByte: number, maxFieldBytes: number): Promise<void> {
  const validator = head.decoder;
  const lines = new Utf8RecordReader(builder, delimiterByte, maxFieldBytes);
  const first = head.bytes.length === 1 ? (head.bytes[0] as Uint8Array) : Buffer.concat(head.bytes);
  // Whether the validating decoder may hold the start of a multi-byte character.
  let mayHold = !isAscii(head.bytes[head.bytes.length - 1] as Uint8Array);
  let rest = lines.push(first);
  file.progress();
  // Reserve the columns for the rows the file size suggests (a hint: they still grow if needed).
  if (rest === null && lines.lineNo > 1 && lines.bytesConsumed > 0) builder.reserve(1.02 * (lines.lineNo - 1) * (file.totalBytes / lines.bytesConsumed) + 64);
  while (rest === null && !file.ended) {
    const bytes = await file.next();
    if (bytes === null) break;
    // ASCII needs no decoding; anything else is validated (and thrown on) before its lines are read.
    const ascii = isAscii(bytes);
    if (mayHold || !ascii) {
      file.newlines = lines.newlines;
      file.decode(validator, bytes, true);
    }
    mayHold = !ascii;
    rest = lines.push(bytes);
    file.progress();
  }
  if (rest === null) {
    if (mayHold) {
      file.newlines = lines.newlines;
      file.decode(validator, new Uint8Array(0), false);
    }
    lines.end();
    return;
  }
  // From the first quote on, the rest is text for csv-parse. Its bytes were validated already.
  file.newlines = lines.newlines;
  const textDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const text = file.decode(textDecoder, rest, !file.ended);
  await parseRest(file, builder, text, file.decodedRest(textDecoder), lines.lineNo, String.fromCharCode(delimiterByte), maxFieldBytes);
}

/** Hands a record to the builder: the first is the header. */
function feedRecord(builder: CsvRecordSink, fields: string[], line: number): void {
  if (builder.hasHeader) builder.record(fields, line, true);
  else builder.header(fields, line);
}

/**
 * The text path: while no double quote has been seen, a record is a line and its fields are the
 * line split at the delimiter, which is exactly what csv-parse returns for such text (a test
 * cross-checks the two). From the first quote on, csv-parse takes over the rest of the file.
 */
async function readText(file: ChunkedFile, builder: CsvRecordSink, head: Head, maxFieldBytes: number): Promise<void> {
  const delimiter = head.delimiter;
  const chunks = file.decodedRest(head.decoder);
  let lineNo = 0;
  let pending = '';
  let rest: string | null = null;
  const lineEnd = /\r\n|\n|\r/g;
  const tooLong = (): DataValidationError => csvSyntaxError(Object.assign(new Error('record too large'), { code: 'CSV_MAX_RECORD_SIZE' }), lineNo + 1);
  for (let chunk: string | null = head.text; chunk !== null; ) {
    const text = pending + chunk;
    let start = 0;
    for (;;) {
      lineEnd.lastIndex = start;
      const match = lineEnd.exec(text);
      // A lone \r at the end of a chunk may be the first half of \r\n: wait for the next chunk.
      if (match === null || (match[0] === '\r' && match.index === text.length - 1)) break;
      const line = text.slice(start, match.index);
      if (line.includes('"')) {
        rest = text.slice(start);
        break;
      }
      if (line.length > maxFieldBytes) throw tooLong();
      lineNo++;
      feedRecord(builder, line.split(delimiter), lineNo);
      start = match.index + match[0].length;
    }
    if (rest !== null) break;
    pending = text.slice(start);
    if (pending.includes('"')) {
      rest = pending;
      pending = '';
      break;
    }
    if (pending.length > maxFieldBytes) throw tooLong();
    const next = await chunks.next();
    chunk = next.done === true ? null : next.value;
  }
  if (rest === null) {
    // The file may end in the lone \r held back above: it ends the last line.
    if (pending.endsWith('\r')) feedRecord(builder, pending.slice(0, -1).split(delimiter), ++lineNo);
    else if (pending !== '') feedRecord(builder, pending.split(delimiter), ++lineNo);
    return;
  }
  await parseRest(file, builder, rest, chunks, lineNo, delimiter, maxFieldBytes);
}

/** csv-parse reads `first` and then `chunks`; `lineNo` lines were read before. */
async function parseRest(file: ChunkedFile, builder: CsvRecordSink, first: string, chunks: AsyncGenerator<string>, lineNo: number, delimiter: string, maxFieldBytes: number): Promise<void> {
  const tracker = new LineTracker(lineNo);
  async function* remainder(): AsyncGenerator<string> {
    yield first;
    yield* chunks;
  }
  // Lines are tracked in on_record, synchronously inside the parser, so a syntax error names the
  // right line even when the records before it have not been consumed yet.
  const parser = parse({
    ...csvParseOptions(delimiter, maxFieldBytes),
    on_record: (record: string[], context: { lines: number }) => ({ fields: record, line: tracker.next(lineNo + context.lines) }),
  } as unknown as Options);
  let failure: unknown = null;
  const piping = pipeline(Readable.from(remainder()), parser).catch((error: unknown) => {
    failure ??= error;
  });
  try {
    for await (const { fields, line } of parser as AsyncIterable<{ fields: string[]; line: number }>) feedRecord(builder, fields, line);
  } catch (error) {
    failure ??= error;
    parser.destroy();
  }
  await piping;
  if (failure !== null) {
    if (failure instanceof PeakEndError) throw failure;
    if (failure instanceof CsvError) throw csvSyntaxError(failure, tracker.pendingLine);
    throw new PeakEndError('file_not_readable', `Cannot read "${file.path}": ${(failure as Error).message}.`, { cause: failure });
  }
}
