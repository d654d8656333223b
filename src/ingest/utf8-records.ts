/**
 * The byte-level fast path of readSurveyFile for UTF-8 text: quote-free lines are split at the
 * delimiter byte and line ends, and rated fields that are plain integers are read straight from
 * the bytes into the builder, without building strings. Every other line (a header, a line with
 * a byte above 0x7F, a ragged, blank or possibly repeated-header line) is decoded and handed to
 * `SurveyBuilder.record` as the text fast path does; every other rated field is read from its
 * text by `CellReader.rating`. So both paths give the same survey, account and errors; a property
 * test cross-checks them, and both against csv-parse.
 */
import type { DataValidationError } from '../errors.js';
import { isBlank, UNREAD } from './cell.js';
import { csvSyntaxError } from './csv.js';

/**
 * How a {@link CsvRecordSink} reads one column's plain fields from bytes (a CellReader reads a
 * rating, CsvRecords codes the text): see `CellReader.digits` and `CellReader.asciiField`.
 */
export interface FieldReader {
  digits(value: number, length: number): number;
  asciiField(bytes: Uint8Array, start: number, end: number): number;
}

/**
 * What the CSV readers feed: the header, then records, each either as its fields or, from the
 * byte path, as the readings of its read columns (`SurveyBuilder`, which validates them into a
 * Survey, and `CsvRecords`, which keeps every column coded for inference and a later Survey).
 */
export interface CsvRecordSink {
  readonly hasHeader: boolean;
  header(fields: readonly string[], line: number): void;
  record(fields: string[], line: number, csv: true): void;
  /** The header names (trimmed, BOM removed), or null before the header. */
  readonly columnNames: readonly string[] | null;
  /** The readers of the read columns, in slot order. */
  readonly cellReaders: readonly FieldReader[];
  /** For each header position, the slot of the column read from it, or -1. */
  ratedSlots(): Int32Array;
  /** A record with as many fields as the header, not blank, not a repeated header: `parsed[slot]` is each read column's reading ({@link UNREAD}: read it from `text(index)`). */
  recordParsed(parsed: Float64Array, line: number, text: (index: number) => string): void;
  /** A hint of the rows to come. */
  reserve(rows: number): void;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const EMPTY = new Uint8Array(0);

/** Feeds UTF-8 bytes (already validated by the caller) line by line to a SurveyBuilder or CsvRecords. */
export class Utf8RecordReader {
  /** Lines consumed so far (each of \r\n, \n and \r ends one). */
  lineNo = 0;
  /** LF bytes consumed so far (how TextDecoder-based line numbering counts lines). */
  newlines = 0;
  /** Bytes of the complete lines consumed so far. */
  bytesConsumed = 0;
  private carry: Uint8Array = EMPTY;
  private scratch: Uint8Array = EMPTY;
  private readonly text = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly delimiterText: string;
  // Set up once the header is known.
  private readers: readonly FieldReader[] | null = null;
  private slots: Int32Array = new Int32Array(0);
  private width = 0;
  private parsed = new Float64Array(0);
  /** Where the line being recorded starts in `buf`. */
  private lineStart = 0;
  /** The readings of the one-digit fields 0 to 9, the commonest rating cells: rated column j's at 10 j + digit. */
  private oneDigit = new Float64Array(0);
  /** The first header name as bytes when it is ASCII (a data line starting with it may repeat the header). */
  private firstName: Uint8Array | null = null;
  private buf: Uint8Array = EMPTY;
  /** A field of the line being recorded, by header position (found again: rarely needed). */
  private readonly fieldText = (index: number): string => {
    const buf = this.buf;
    let start = this.lineStart;
    for (let k = 0; k < index; k++) while (buf[start++] !== this.delimiter);
    let end = start;
    while (end < buf.length && buf[end] !== this.delimiter && buf[end] !== LF && buf[end] !== CR) end++;
    return asciiText(buf, start, end);
  };

  /**
   * @param delimiter one ASCII byte that is not a digit, a double quote, CR or LF.
   */
  constructor(
    private readonly builder: CsvRecordSink,
    private readonly delimiter: number,
    private readonly maxFieldBytes: number,
  ) {
    this.delimiterText = String.fromCharCode(delimiter);
  }

  /**
   * Reads the complete lines of `carry + chunk` and keeps the incomplete last one. Returns null,
   * or, when a line holds a double quote, the bytes from that line's start to the chunk's end:
   * the caller hands them and the rest of the file to csv-parse.
   *
   * Long on purpose: the line loop is the hot kernel of reading a large file (every byte of every
   * rated field passes through it once). The per-field state (`i`, `fields`, `ascii`, the value
   * and digit count) lives in locals of one loop so the engine keeps it in registers; moving the
   * field scan into a method would return several values per field (an object, or fields on
   * `this`) on the hottest path. Only the per-chunk work around it is split out
   * ({@link joinCarry}, {@link keepCarry}).
   */
  push(chunk: Uint8Array): Uint8Array | null {
    const buf = this.joinCarry(chunk);
    this.buf = buf;
    const start = this.readLines(buf);
    if (start < 0) return this.stop(buf, -start - 1);
    this.bytesConsumed += start;
    this.keepCarry(buf, start);
    return null;
  }

  /**
   * The line loop of {@link push}: reads the complete lines of `buf` and returns where the
   * incomplete last one starts, or -(s + 1) when the line starting at s holds a double quote. Its
   * own function so that the engine's optimized code for the loop (compiled while the first chunk
   * is read) ends at a plain return: code after a loop that had not run when the loop was compiled
   * sends every later chunk back to the interpreter.
   */
  private readLines(buf: Uint8Array): number {
    const n = buf.length;
    const delimiter = this.delimiter;
    let start = 0;
    while (start < n) {
      if (this.readers === null) {
        // Header: find the line end and read the line as text.
        let i = start;
        while (i < n && buf[i] !== LF && buf[i] !== CR && buf[i] !== QUOTE) i++;
        if (i < n && buf[i] === QUOTE) return -start - 1;
        const next = this.lineEnd(buf, i);
        if (next < 0) break;
        this.textLine(buf, start, i);
        start = next;
        if (this.builder.hasHeader) this.prepare();
        continue;
      }
      const readers = this.readers;
      const slots = this.slots;
      const parsed = this.parsed;
      const width = this.width;
      const oneDigit = this.oneDigit;
      let i = start;
      let fields = 0;
      let ascii = true;
      for (;;) {
        // The commonest fields, one digit and a delimiter, two bytes at a time.
        while (fields < width && i + 1 < n) {
          const d = (buf[i] as number) - 0x30;
          if (d < 0 || d > 9 || buf[i + 1] !== delimiter) break;
          const slot = slots[fields] as number;
          if (slot >= 0) parsed[slot] = oneDigit[slot * 10 + d] as number;
          fields++;
          i += 2;
        }
        // Any other field, byte by byte.
        const fieldStart = i;
        let value = 0;
        let digits = 0;
        let plain = true;
        let b = 0;
        for (; i < n; i++) {
          b = buf[i] as number;
          if (b >= 0x30 && b <= 0x39) {
            value = value * 10 + (b - 0x30);
            digits++;
          } else if (b === delimiter || b === LF || b === CR) {
            break;
          } else if (b === QUOTE) {
            return -start - 1;
          } else {
            if (b >= 0x80) ascii = false;
            plain = false;
          }
        }
        if (i >= n) break;
        if (fields < width) {
          const slot = slots[fields] as number;
          if (slot >= 0) {
            const reader = readers[slot] as FieldReader;
            parsed[slot] =
              plain && digits === 1
                ? (oneDigit[slot * 10 + value] as number)
                : plain && digits > 1 && digits <= 9
                  ? reader.digits(value, digits)
                  : ascii
                    ? reader.asciiField(buf, fieldStart, i)
                    : UNREAD;
          }
        }
        fields++;
        if (b !== delimiter) break;
        i++;
      }
      const next = this.lineEnd(buf, i);
      if (next < 0) break;
      const length = i - start;
      if (ascii && fields === width && length > 0 && !this.mayRepeatHeader(buf, start, i)) {
        if (length > this.maxFieldBytes) throw this.tooLong();
        this.lineNo++;
        this.lineStart = start;
        this.builder.recordParsed(parsed, this.lineNo, this.fieldText);
      } else {
        this.textLine(buf, start, i);
      }
      start = next;
    }
    return start;
  }

  /** The bytes to read: the chunk, or the carry (an incomplete line) joined to it in the reused scratch buffer. */
  private joinCarry(chunk: Uint8Array): Uint8Array {
    // A plain Uint8Array view (not a Buffer subclass) keeps the byte reads in push monomorphic.
    let buf = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry.length > 0) {
      // carry + chunk in a scratch buffer reused from chunk to chunk, so a long stream allocates
      // nothing per chunk (the carry, an incomplete line, may already sit in the scratch buffer).
      const needed = this.carry.length + chunk.length;
      if (this.scratch.length < needed) {
        const grown = new Uint8Array(Math.max(needed, 2 * this.scratch.length));
        grown.set(this.carry);
        this.scratch = grown;
      } else if (this.carry.buffer === this.scratch.buffer) {
        this.scratch.copyWithin(0, this.carry.byteOffset - this.scratch.byteOffset, this.carry.byteOffset - this.scratch.byteOffset + this.carry.length);
      } else {
        this.scratch.set(this.carry);
      }
      this.scratch.set(chunk, this.carry.length);
      buf = this.scratch.subarray(0, needed);
    }
    return buf;
  }

  /** Keeps the incomplete last line (from `start`) as the carry; refuses one longer than the field limit. */
  private keepCarry(buf: Uint8Array, start: number): void {
    // The incomplete last line outlives this chunk, whose buffer the caller reuses: keep it in
    // the scratch buffer (where it already is when the chunk was joined to an earlier carry).
    const carry = start === 0 ? buf : buf.subarray(start);
    if (carry.length === 0 || carry.buffer === this.scratch.buffer) this.carry = carry;
    else {
      if (this.scratch.length < carry.length) this.scratch = new Uint8Array(Math.max(carry.length, 2 * this.scratch.length));
      this.scratch.set(carry);
      this.carry = this.scratch.subarray(0, carry.length);
    }
    if (this.carry.length > this.maxFieldBytes && this.text.decode(this.carry, { stream: true }).length > this.maxFieldBytes) throw this.tooLong();
    // The decoder only measured the carry; reset it for the next measurement.
    this.text.decode();
  }

  /** Reads the last line when the file does not end with a line break. */
  end(): void {
    const buf = this.carry;
    this.carry = EMPTY;
    if (buf.length === 0) return;
    // A carry never holds a quote (push stops at one) and can only end in a lone \r.
    this.textLine(buf, 0, buf[buf.length - 1] === CR ? buf.length - 1 : buf.length);
  }

  /**
   * Index after the line end at `i` (\n, \r\n or \r), counting LF bytes, or -1 when the line is
   * not complete in `buf` (a lone \r at its end may be the first half of \r\n).
   */
  private lineEnd(buf: Uint8Array, i: number): number {
    if (i >= buf.length) return -1;
    if (buf[i] === LF) {
      this.newlines++;
      return i + 1;
    }
    if (i + 1 < buf.length) {
      if (buf[i + 1] !== LF) return i + 1;
      this.newlines++;
      return i + 2;
    }
    return -1;
  }

  /** A line read as text and split at the delimiter, as the text fast path reads every line. */
  private textLine(buf: Uint8Array, start: number, end: number): void {
    const line = this.text.decode(buf.subarray(start, end));
    if (line.length > this.maxFieldBytes) throw this.tooLong();
    this.lineNo++;
    const fields = line.split(this.delimiterText);
    if (this.builder.hasHeader) this.builder.record(fields, this.lineNo, true);
    else this.builder.header(fields, this.lineNo);
  }

  private stop(buf: Uint8Array, start: number): Uint8Array {
    this.carry = EMPTY;
    return buf.subarray(start);
  }

  private prepare(): void {
    const names = this.builder.columnNames ?? [];
    const readers = this.builder.cellReaders;
    this.readers = readers;
    this.oneDigit = new Float64Array(10 * readers.length);
    readers.forEach((reader, j) => {
      for (let d = 0; d < 10; d++) this.oneDigit[10 * j + d] = reader.digits(d, 1);
    });
    this.slots = this.builder.ratedSlots();
    this.width = names.length;
    this.parsed = new Float64Array(Math.max(...this.slots, -1) + 1);
    const first = names[0] ?? '';
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test is for any ASCII, control characters included
    this.firstName = /^[\x00-\x7f]*$/.test(first) ? Uint8Array.from(first, (c) => c.charCodeAt(0)) : null;
  }

  /**
   * Whether the first field of the line `buf[start, lineEnd)`, trimmed, equals the first header
   * name (then the line goes the text way, which drops repeated headers).
   */
  private mayRepeatHeader(buf: Uint8Array, start: number, lineEnd: number): boolean {
    const name = this.firstName;
    if (name === null) return false;
    let end = start;
    while (end < lineEnd && buf[end] !== this.delimiter) end++;
    while (start < end && isBlank(buf[start] as number)) start++;
    while (end > start && isBlank(buf[end - 1] as number)) end--;
    if (end - start !== name.length) return false;
    for (let k = 0; k < name.length; k++) if (buf[start + k] !== name[k]) return false;
    return true;
  }

  private tooLong(): DataValidationError {
    return csvSyntaxError(Object.assign(new Error('record too large'), { code: 'CSV_MAX_RECORD_SIZE' }), this.lineNo + 1);
  }
}

/** ASCII bytes as a string. */
function asciiText(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 64) return new TextDecoder().decode(bytes.subarray(start, end));
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
}
