/**
 * readSurveyFile: streams a CSV file into a Survey (Node only; exported from 'peak-end/node').
 * Memory holds one chunk of text plus the used ratings, never the whole file.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse, type Options } from 'csv-parse';
import { DataValidationError, PeakEndError } from '../errors.js';
import { normalizeSpec, type SurveySpec } from '../schema/survey-spec.js';
import type { Survey } from '../survey/survey.js';
import { SurveyBuilder } from './builder.js';
import { LineTracker, csvParseOptions, csvSyntaxError, sniffDelimiter } from './csv.js';
import { detectEncoding, encodingError, type DetectedEncoding, firstInvalidUtf8, guessedEncodingWarning, lineAt } from './decode.js';
import { ingestLimits } from './limits.js';
import { checkDelimiter, type ReadSurveyOptions } from './read-survey.js';

/** Options for {@link readSurveyFile}. */
export interface ReadSurveyFileOptions extends ReadSurveyOptions {
  /** Called after each chunk with the bytes read so far and the file size. */
  readonly onProgress?: (progress: { readonly bytesRead: number; readonly totalBytes: number }) => void;
  /** Chunk size in bytes. Default 64 KiB. */
  readonly chunkSize?: number;
}

/**
 * Reads a survey CSV file with the same validation and row accounting as `readSurvey`, streaming
 * it chunk by chunk. The encoding is detected from the first chunk (BOM, then UTF-8, else
 * GB18030) unless `options.encoding` is given; the delimiter is sniffed from the header line
 * unless `options.delimiter` is given.
 *
 * @example
 * ```ts
 * import { readSurveyFile } from 'peak-end/node';
 * const survey = await readSurveyFile('fixtures/demo/survey.csv', spec);
 * survey.report.rowsRead; // 47
 * ```
 * @throws DataValidationError as `readSurvey` does (with file lines), including `invalid_encoding`
 *   naming the line where decoding failed.
 * @throws PeakEndError with code `file_not_readable` when the file cannot be opened.
 */
export async function readSurveyFile(path: string, spec: SurveySpec, options: ReadSurveyFileOptions = {}): Promise<Survey> {
  return (await streamSurveyFile(path, spec, options, null)).finish();
}

/**
 * Streams a survey file through validation, handing each used row to `sink` (rated columns in
 * spec order and the row's weight) instead of storing it when `sink` is given. Internal: the engine
 * of readSurveyFile and accumulateSurveyFile.
 */
export async function streamSurveyFile(
  path: string,
  spec: SurveySpec,
  options: ReadSurveyFileOptions,
  sink: ((ratings: Float64Array, weight: number) => void) | null,
): Promise<SurveyBuilder> {
  const normalized = normalizeSpec(spec);
  const explicitDelimiter = checkDelimiter(options.delimiter);
  const limits = ingestLimits(options);
  let totalBytes: number;
  try {
    totalBytes = (await stat(path)).size;
  } catch (cause) {
    throw new PeakEndError('file_not_readable', `Cannot read "${path}": ${(cause as Error).message}. Check the path and permissions.`, { cause });
  }
  const state: { detected: DetectedEncoding | null; delimiter: string | null } = { detected: null, delimiter: null };
  let decodedLines = 1;

  async function* decodeChunks(): AsyncGenerator<string> {
    let decoder: TextDecoder | null = null;
    let bytesRead = 0;
    // Text held back until the header line is complete, so the delimiter can be sniffed.
    let head = '';
    const file = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 16 });
    for await (const chunk of file as AsyncIterable<Buffer>) {
      let bytes: Uint8Array = chunk;
      bytesRead += chunk.length;
      if (decoder === null) {
        const detected = detectEncoding(bytes, options.encoding);
        decoder = new TextDecoder(detected.encoding, { fatal: true, ignoreBOM: true });
        bytes = bytes.subarray(detected.bomLength);
        state.detected = detected;
      }
      const text = decode(decoder, bytes, true);
      if (state.delimiter === null) {
        head += text;
        if (/[\r\n]/.test(head) || head.length > limits.maxFieldBytes) {
          state.delimiter = explicitDelimiter ?? sniffDelimiter(head);
          yield head;
        }
      } else {
        yield text;
      }
      options.onProgress?.({ bytesRead, totalBytes });
    }
    if (decoder === null) return;
    const rest = decode(decoder, new Uint8Array(0), false);
    if (state.delimiter === null) {
      state.delimiter = explicitDelimiter ?? sniffDelimiter(head);
      yield head + rest;
    } else if (rest !== '') {
      yield rest;
    }
  }

  function decode(decoder: TextDecoder, bytes: Uint8Array, stream: boolean): string {
    try {
      const text = decoder.decode(bytes, { stream });
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) decodedLines++;
      return text;
    } catch (cause) {
      const offset = decoder.encoding === 'utf-8' ? firstInvalidUtf8(bytes, stream) : -1;
      const line = offset >= 0 ? decodedLines + lineAt(bytes, offset) - 1 : decodedLines;
      throw encodingError(
        `The file is not valid ${decoder.encoding} (first bad byte on line ${line}); save it as UTF-8, or pass the right encoding (e.g. encoding: "gb18030").`,
        line,
        cause,
      );
    }
  }

  const chunks = decodeChunks();
  const first = await chunks.next();
  if (first.done === true || state.detected === null) {
    return new SurveyBuilder(normalized, { source: 'csv', encoding: null, delimiter: null }, limits, sink);
  }
  const { encoding, guessed } = state.detected;
  const active = new SurveyBuilder(
    normalized,
    { source: 'csv', encoding, delimiter: state.delimiter, warnings: guessed && encoding !== 'utf-8' ? [guessedEncodingWarning(encoding)] : [] },
    limits,
    sink,
  );
  const delimiter = state.delimiter ?? ',';
  const feed = (fields: string[], line: number): void => {
    if (active.hasHeader) active.record(fields, line, true);
    else active.header(fields, line);
  };
  // Fast path: while no double quote has been seen, a record is a line and its fields are the
  // line split at the delimiter, which is exactly what csv-parse returns for such text (a test
  // cross-checks the two). From the first quote on, csv-parse takes over the rest of the file.
  let lineNo = 0;
  let pending = '';
  let rest: string | null = null;
  const lineEnd = /\r\n|\n|\r/g;
  const tooLong = (): DataValidationError => csvSyntaxError(Object.assign(new Error('record too large'), { code: 'CSV_MAX_RECORD_SIZE' }), lineNo + 1);
  for (let chunk: IteratorResult<string> = first; chunk.done !== true; chunk = await chunks.next()) {
    const text = pending + chunk.value;
    let start = 0;
    lineEnd.lastIndex = 0;
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
      if (line.length > limits.maxFieldBytes) throw tooLong();
      lineNo++;
      feed(line.split(delimiter), lineNo);
      start = match.index + match[0].length;
    }
    if (rest !== null) break;
    pending = text.slice(start);
    if (pending.includes('"')) {
      rest = pending;
      pending = '';
      break;
    }
    if (pending.length > limits.maxFieldBytes) throw tooLong();
  }
  if (rest === null) {
    // The file may end in the lone \r held back above: it ends the last line.
    if (pending.endsWith('\r')) feed(pending.slice(0, -1).split(delimiter), ++lineNo);
    else if (pending !== '') feed(pending.split(delimiter), ++lineNo);
    return active;
  }
  const tracker = new LineTracker(lineNo);
  async function* remainder(head: string): AsyncGenerator<string> {
    yield head;
    yield* chunks;
  }
  // Lines are tracked in on_record, synchronously inside the parser, so a syntax error names the
  // right line even when the records before it have not been consumed yet.
  const parser = parse({
    ...csvParseOptions(delimiter, limits.maxFieldBytes),
    on_record: (record: string[], context: { lines: number }) => ({ fields: record, line: tracker.next(lineNo + context.lines) }),
  } as unknown as Options);
  let failure: unknown = null;
  const piping = pipeline(Readable.from(remainder(rest)), parser).catch((error: unknown) => {
    failure ??= error;
  });
  try {
    for await (const { fields, line } of parser as AsyncIterable<{ fields: string[]; line: number }>) feed(fields, line);
  } catch (error) {
    failure ??= error;
    parser.destroy();
  }
  await piping;
  if (failure !== null) {
    if (failure instanceof PeakEndError) throw failure;
    if (failure instanceof CsvError) throw csvSyntaxError(failure, tracker.pendingLine);
    throw new PeakEndError('file_not_readable', `Cannot read "${path}": ${(failure as Error).message}.`, { cause: failure });
  }
  return active;
}
