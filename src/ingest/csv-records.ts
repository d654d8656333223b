/**
 * CsvRecords: a CSV file's records kept in one compact form, so the file is parsed once when a
 * spec must first be inferred from it (the CLI without a complete spec). Each column keeps its
 * distinct cell texts (a dictionary) and one code per record (Uint8, widened to Uint16 or Uint32
 * as the dictionary grows): a column of ratings costs one byte a row. Inference reads the
 * distinct texts with their counts ({@link CsvRecords.cellCounts}); the Survey is then built by
 * reading each distinct text once and handing the records to the SurveyBuilder in file order
 * ({@link CsvRecords.survey}), with the same validation, row account and errors as streaming the
 * file with the spec.
 */
import type { DataValidationError } from '../errors.js';
import { normalizeSpec, type SurveySpec } from '../schema/survey-spec.js';
import type { Survey } from '../survey/survey.js';
import { SurveyBuilder, tooManyRows } from './builder.js';
import { type CellResult, NOT_APPLICABLE, UNREAD } from './cell.js';
import { guessedEncodingWarning } from './decode.js';
import { DEFAULT_LIMITS, ingestLimits } from './limits.js';
import { decimalCommaFor, type ReadSurveyOptions } from './read-survey.js';
import type { CsvRecordSink, FieldReader } from './utf8-records.js';

/** Encoding and delimiter of a CSV file, known once its header line has been read. */
export interface CsvSource {
  readonly encoding: string;
  readonly delimiter: string;
  /** Whether the encoding was guessed (not from a BOM or the caller). */
  readonly guessed: boolean;
}

/** Distinct cell texts of one column in first-seen order, with how often each occurs. */
export interface CellTally {
  readonly raw: string[];
  readonly count: number[];
}

/** The records as inference reads them: the header, each column's distinct cells counted, and the last records. */
export interface CellCounts {
  /** Header names, trimmed, BOM removed. */
  readonly header: string[];
  /** Data rows counted. */
  readonly rows: number;
  /** The last (up to three) data records, not counted: they may be totals of the rows above. */
  readonly pending: { fields: string[]; line: number }[];
  /** Per header column, the cells of the counted rows (a missing trailing field counts as ''). */
  readonly cells: readonly CellTally[];
}

type Codes = Uint8Array | Uint16Array | Uint32Array;

/**
 * One column's dictionary: text -> code. The one-digit texts "0" to "9" hold codes 0 to 9 from
 * the start, so the byte reader's table of one-digit fields is fixed before any row is read.
 */
class ColumnCoder implements FieldReader {
  readonly texts: string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
  private readonly codes = new Map<string, number>(this.texts.map((t, i) => [t, i]));

  code(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.texts.push(text);
      this.codes.set(text, code);
    }
    return code;
  }

  digits(value: number, length: number): number {
    return length === 1 ? value : this.code(String(value).padStart(length, '0'));
  }

  asciiField(bytes: Uint8Array, start: number, end: number): number {
    if (end - start === 1 && (bytes[start] as number) >= 0x30 && (bytes[start] as number) <= 0x39) return (bytes[start] as number) - 0x30;
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] as number);
    return this.code(text);
  }
}

/** The records of a CSV file, every column coded; fed by the CSV readers as a SurveyBuilder is. */
export class CsvRecords implements CsvRecordSink {
  /** Records after the header (blank lines and repeated headers included, as the readers give them). */
  count = 0;
  /** The error that stopped reading (a CSV syntax error, a line over the limit): the records before it are kept. */
  failure: DataValidationError | null = null;
  private headerFields: readonly string[] | null = null;
  private headerLine = 0;
  private names: string[] | null = null;
  private coders: ColumnCoder[] = [];
  private codes: Codes[] = [];
  private lines = new Int32Array(0);
  /** Records whose field count differs from the header's, by record index, with their fields. */
  private readonly irregular = new Map<number, string[]>();
  private slots = new Int32Array(0);

  /** Records the builder will count as data rows (all but blank lines). */
  private rows = 0;

  /**
   * @param source null for an empty file.
   * @param maxRows the maxRows limit: reading stops at the record the builder refuses (as
   *   streaming stops there), so that memory stays bounded.
   */
  constructor(
    readonly source: CsvSource | null,
    private readonly maxRows = DEFAULT_LIMITS.maxRows,
  ) {}

  get hasHeader(): boolean {
    return this.headerFields !== null;
  }

  get columnNames(): readonly string[] | null {
    return this.names;
  }

  get cellReaders(): readonly FieldReader[] {
    return this.coders;
  }

  ratedSlots(): Int32Array {
    return this.slots;
  }

  header(fields: readonly string[], line: number): void {
    this.headerFields = fields;
    this.headerLine = line;
    this.names = fields.map((n) => n.replace(/^\uFEFF/, '').trim());
    this.coders = fields.map(() => new ColumnCoder());
    this.codes = fields.map(() => new Uint8Array(this.lines.length));
    this.slots = Int32Array.from(fields, (_, i) => i);
  }

  reserve(rows: number): void {
    if (rows > this.lines.length) this.grow(Math.ceil(rows));
  }

  record(fields: string[], line: number): void {
    const r = this.next(line);
    const width = this.coders.length;
    for (let j = 0; j < width; j++) this.store(j, r, (this.coders[j] as ColumnCoder).code(fields[j] ?? ''));
    if (fields.length !== width) this.irregular.set(r, fields);
    if (!(fields.length === 1 && fields[0] === '' && width > 1)) this.countRow(line);
  }

  recordParsed(parsed: Float64Array, line: number, text: (index: number) => string): void {
    const r = this.next(line);
    for (let j = 0; j < parsed.length; j++) {
      const code = parsed[j] as number;
      this.store(j, r, code === UNREAD ? (this.coders[j] as ColumnCoder).code(text(j)) : code);
    }
    this.countRow(line);
  }

  /** Counts a data row; past the limit, ends the reading with the error the builder will give for it. */
  private countRow(line: number): void {
    if (++this.rows > this.maxRows) throw tooManyRows(this.rows, line, this.maxRows);
  }

  /** Counts the record and notes its line; returns its index. */
  private next(line: number): number {
    const r = this.count++;
    if (r >= this.lines.length) this.grow(Math.max(64, 2 * this.lines.length));
    this.lines[r] = line;
    return r;
  }

  private store(j: number, r: number, code: number): void {
    let codes = this.codes[j] as Codes;
    if (code > 0xff && (codes instanceof Uint8Array || (code > 0xffff && codes instanceof Uint16Array))) {
      const wider = code > 0xffff ? new Uint32Array(codes.length) : new Uint16Array(codes.length);
      wider.set(codes);
      this.codes[j] = wider;
      codes = wider;
    }
    codes[r] = code;
  }

  private grow(capacity: number): void {
    const lines = new Int32Array(capacity);
    lines.set(this.lines.subarray(0, this.count));
    this.lines = lines;
    this.codes = this.codes.map((codes) => {
      const grown = new (codes.constructor as new (length: number) => Codes)(capacity);
      grown.set(codes);
      return grown;
    });
  }

  /** The fields of record `r` as the reader gave them. */
  private fieldsOf(r: number): string[] {
    return this.irregular.get(r) ?? this.coders.map((coder, j) => coder.texts[(this.codes[j] as Codes)[r] as number] as string);
  }

  /**
   * The records as inference reads them: the header; blank lines (one blank field, when the
   * header has several) and repeated headers skipped; the last three data records held back; of
   * the others, the first `limit` counted per column by distinct text, in first-seen order.
   * Null without a header.
   */
  cellCounts(limit = Number.POSITIVE_INFINITY): CellCounts | null {
    const names = this.names;
    if (names === null) return null;
    const width = names.length;
    const key = names.join('\u0000');
    const isHeader = (fields: readonly string[]): boolean => key.startsWith((fields[0] ?? '').trim()) && fields.map((f) => f.trim()).join('\u0000') === key;
    // Records that are not data: a cheap test on the first column's code first.
    const first = this.coders[0] as ColumnCoder;
    const mayBeHeader = first.texts.map((t) => key.startsWith(t.trim()));
    const firstCodes = this.codes[0] as Codes;
    const skipped: number[] = [];
    for (const [r, fields] of this.irregular) if ((fields.length === 1 && (fields[0] as string).trim() === '' && width > 1) || isHeader(fields)) skipped.push(r);
    for (let r = 0; r < this.count; r++) if (mayBeHeader[firstCodes[r] as number] === true && !this.irregular.has(r) && isHeader(this.fieldsOf(r))) skipped.push(r);
    skipped.sort((a, b) => a - b);
    const data = this.count - skipped.length;
    const pendingCount = Math.min(3, data);
    const rows = Math.min(limit, data - pendingCount);
    // The records to count (the first `rows` data records, up to index `end`) and the pending ones.
    const pending: { fields: string[]; line: number }[] = [];
    let end = 0;
    let seen = 0;
    for (let r = 0, s = 0; r < this.count; r++) {
      if (s < skipped.length && skipped[s] === r) {
        s++;
        continue;
      }
      if (seen < rows) end = r + 1;
      else if (seen >= data - pendingCount) pending.push({ fields: this.fieldsOf(r), line: this.lines[r] as number });
      seen++;
    }
    const cells = this.coders.map((coder, j) => {
      const codes = this.codes[j] as Codes;
      const counts = new Float64Array(coder.texts.length);
      const order: number[] = [];
      for (let r = 0, s = 0; r < end; r++) {
        if (s < skipped.length && skipped[s] === r) {
          s++;
          continue;
        }
        const code = codes[r] as number;
        if (counts[code] === 0) order.push(code);
        counts[code] = (counts[code] as number) + 1;
      }
      return { raw: order.map((c) => coder.texts[c] as string), count: order.map((c) => counts[c] as number) };
    });
    return { header: names, rows, pending, cells };
  }

  /**
   * Reads the records into a Survey with `spec`, as streaming the file with it would: each
   * distinct text of a rated column is read once; records go to the SurveyBuilder in file order;
   * a failure that stopped reading is thrown after the records before it. `column`, when given,
   * supplies the rated columns' storage (zero-filled arrays of at least the length asked for; the
   * CLI's are in shared memory, their pages touched by its helper thread while the file was read).
   *
   * @throws DataValidationError as readSurveyFile.
   */
  survey(spec: SurveySpec, options: ReadSurveyOptions = {}, column?: (length: number) => Float64Array): Survey {
    const normalized = normalizeSpec(spec);
    const limits = ingestLimits(options);
    const source = this.source;
    const headerFields = this.headerFields;
    if (source === null || headerFields === null) {
      if (this.failure !== null) throw this.failure;
      return new SurveyBuilder(normalized, { source: 'csv', encoding: null, delimiter: null }, limits).finish();
    }
    const { encoding, delimiter } = source;
    const builder = new SurveyBuilder(
      normalized,
      {
        source: 'csv',
        encoding,
        delimiter,
        decimalComma: decimalCommaFor(options.decimalComma, delimiter),
        warnings: source.guessed && encoding !== 'utf-8' ? [guessedEncodingWarning(encoding)] : [],
      },
      limits,
    );
    if (column !== undefined) builder.storeColumnsIn(column);
    builder.header(headerFields, this.headerLine);
    builder.reserve(this.count);
    // Each rated column's header position and the reading of each of its distinct texts.
    const slots = builder.ratedSlots();
    const readers = builder.cellReaders;
    const at = new Int32Array(readers.length);
    slots.forEach((j, i) => {
      if (j >= 0) at[j] = i;
    });
    const results = readers.map((reader, j) => (this.coders[at[j] as number] as ColumnCoder).texts.map((text) => reader.rating(text)));
    const readings = results.map((column) => Float64Array.from(column, readingOf));
    const ratedCodes = readers.map((_, j) => this.codes[at[j] as number] as Codes);
    // A record whose first field may be the first header name goes the text way (which drops repeated headers).
    const firstName = (this.names as string[])[0];
    const mayRepeatHeader = (this.coders[0] as ColumnCoder).texts.map((t) => t.trim() === firstName);
    const firstCodes = this.codes[0] as Codes;
    const parsed = new Float64Array(readers.length);
    // The readings of the row's cells that are not plain values (labels, binary classes, invalid cells).
    const rowResults: CellResult[] = [];
    // Records with another field count than the header's, in file order (the Map keeps insertion order).
    const irregular = [...this.irregular.keys(), -1];
    let next = 0;
    let r = 0;
    const text = (index: number): string => (this.coders[index] as ColumnCoder).texts[(this.codes[index] as Codes)[r] as number] as string;
    for (; r < this.count; r++) {
      const line = this.lines[r] as number;
      if (r === irregular[next] || mayRepeatHeader[firstCodes[r] as number] === true) {
        if (r === irregular[next]) next++;
        builder.record(this.fieldsOf(r), line, true);
        continue;
      }
      let plain = true;
      for (let j = 0; j < parsed.length; j++) {
        const code = (ratedCodes[j] as Codes)[r] as number;
        const reading = (readings[j] as Float64Array)[code] as number;
        parsed[j] = reading;
        if (reading === UNREAD) {
          rowResults[j] = (results[j] as CellResult[])[code] as CellResult;
          plain = false;
        }
      }
      builder.recordParsed(parsed, line, text, plain ? null : rowResults);
    }
    if (this.failure !== null) throw this.failure;
    return builder.finish();
  }
}

/**
 * A rated cell's reading for `SurveyBuilder.recordParsed`: its value (not reverse-coded), NaN
 * when missing, NOT_APPLICABLE, or UNREAD for a result the builder must see whole in each row (an
 * invalid cell, a label's score, a binary class: each counted or reported per row).
 */
function readingOf(result: CellResult): number {
  if (result.kind === 'missing') return Number.NaN;
  if (result.kind === 'not_applicable') return NOT_APPLICABLE;
  if (result.kind === 'value' && !result.labelled && result.key === undefined) return result.value;
  return UNREAD;
}
