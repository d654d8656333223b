/**
 * readSurveyFile: streams a CSV file into a Survey (Node only; exported from 'peak-end/node').
 * Memory holds one chunk of text plus the used ratings, never the whole file.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { PeakEndError } from '../errors.js';
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
  const lines = new LineTracker();
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
  async function* all(head: string): AsyncGenerator<string> {
    yield head;
    yield* chunks;
  }
  const parser = parse({ ...csvParseOptions(state.delimiter ?? ',', limits.maxFieldBytes), info: true });
  let failure: unknown = null;
  const piping = pipeline(Readable.from(all(first.value)), parser).catch((error: unknown) => {
    failure ??= error;
  });
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = lines.next(info.lines);
      if (active.hasHeader) active.record(record, line, true);
      else active.header(record, line);
    }
  } catch (error) {
    failure ??= error;
    parser.destroy();
  }
  await piping;
  if (failure !== null) {
    if (failure instanceof PeakEndError) throw failure;
    if ((failure as { code?: string }).code?.startsWith('CSV_')) throw csvSyntaxError(failure, lines.pendingLine);
    throw new PeakEndError('file_not_readable', `Cannot read "${path}": ${(failure as Error).message}.`, { cause: failure });
  }
  return active;
}
