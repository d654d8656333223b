/**
 * SurveyBuilder: the one place where records become a Survey. Every input form (CSV text, bytes,
 * file streams, row objects, columns) feeds it a header and then records, one at a time, so the
 * validation rules and the row accounting are the same everywhere and memory grows only with the
 * used data.
 */
import { type DataIssue, DataValidationError, type IssueCode, IssueTally, type Warning, type WarningCode } from '../errors.js';
import { type NormalizedSpec, normalizeText } from '../schema/survey-spec.js';
import { float64Column } from '../survey/column-storage.js';
import { type ColumnReport, DROP_REASONS, type DropReason, type IngestReport, type Survey } from '../survey/survey.js';
import { CellReader, type CellResult, columnRules, NOT_APPLICABLE, readNumber, readText, readWeight, UNREAD } from './cell.js';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.js';

/** Where the records come from, for the ingest report. */
export interface SourceInfo {
  readonly source: IngestReport['source'];
  readonly encoding: string | null;
  readonly delimiter: string | null;
  /** Whether "4,5" reads as 4.5 (default false). */
  readonly decimalComma?: boolean;
  readonly warnings?: readonly Warning[];
}

/** How many straight-lining rows are listed in the report (all are counted). */
const MAX_LISTED_STRAIGHT_LINERS = 1000;

/** How many distinct values of a binary outcome are kept for the error message. */
const MAX_LISTED_BINARY_VALUES = 20;

/** First-cell words of a row of totals or averages (normalised; a prefix match suffices). */
const TOTAL_WORDS = ['total', 'totals', 'sum', 'grand total', 'subtotal', 'average', 'averages', 'mean', 'means', 'avg', '合计', '总计', '總計', '合計', '总和', '小计', '平均', '均值'];

/** Cell states of the row being read. */
const STATE_OK = 0;
const STATE_INVALID = 1;
const STATE_NOT_APPLICABLE = 2;

interface RatedColumn {
  readonly name: string;
  readonly role: 'touchpoint' | 'overall';
  readonly index: number;
  readonly reverse: boolean;
  invalid: number;
  labelled: number;
  notApplicable: number;
}

/** One distinct value of a binary outcome. */
interface BinaryClass {
  readonly shown: string;
  readonly positive: boolean;
  count: number;
}

/** Collects records, validates them against the spec and builds the Survey. */
export class SurveyBuilder {
  private readonly readers: CellReader[];
  private readonly decimalComma: boolean;
  private readonly missingText: Set<string>;
  private headerNames: string[] | null = null;
  private rated: RatedColumn[] = [];
  private weightIndex = -1;
  private idIndex = -1;
  private segmentIndex: [string, number][] = [];
  private weights: number[] = [];
  private ids: (string | null)[] = [];
  private segmentValues: (string | null)[][] = [];
  private sourceRows = new Uint32Array(64);
  private idMissing = 0;
  private segmentMissing: number[] = [];
  /** Covariate columns that are not segments (those are read once, as segments). */
  private covariateIndex: [string, number][] = [];
  private covariateValues: (string | null)[][] = [];
  private covariateMissing: number[] = [];
  private straightCount = 0;
  private readonly straightRows: number[] = [];
  private weightInvalid = 0;
  /** Every issue counted by cause; the first 50 kept in full. */
  private readonly tally = new IssueTally();
  private rowsRead = 0;
  private used = 0;
  private blankLines = 0;
  private readonly dropped = new Map<DropReason, number>(DROP_REASONS.map((r) => [r, 0]));
  private readonly warnings: Warning[] = [];
  /** Scratch for the row being read: rated values (NaN = missing) and each cell's state (STATE_*). */
  private rowValues = new Float64Array(0);
  private rowState = new Uint8Array(0);
  /** All zero: every cell of the row is a value or missing. */
  private noneInvalid = new Uint8Array(0);
  /** Issues found in the row being read, reported when the row is not a row of totals. */
  private rowIssueList: DataIssue[] = [];
  /** The binary outcome's class key in the row being read (null when missing or not binary). */
  private rowBinaryKey: string | null = null;
  private rowBinaryShown = '';
  private rowBinaryPositive = false;
  private readonly binaryClasses = new Map<string, BinaryClass>();
  private anyReverse = false;
  /** Storage of the rated columns (spec order; capacity = sourceRows.length) and their missing counts. */
  private columns: Float64Array[] = [];
  /** Not-applicable flags per rated column, allocated at a column's first not-applicable cell. */
  private naColumns: (Uint8Array | null)[] = [];
  private missingCounts = new Float64Array(0);
  private totalRows: number[] = [];
  /** Rows whose binary class was not kept because MAX_LISTED_BINARY_VALUES were already listed. */
  private binaryOverflow = 0;

  constructor(
    private readonly spec: NormalizedSpec,
    private readonly sourceInfo: SourceInfo,
    private readonly limits: IngestLimits = DEFAULT_LIMITS,
    /**
     * When given, used rows go here (rated columns in spec order, then the weight) instead of
     * being stored. The ratings array is reused for the next row: copy it to keep it.
     */
    private readonly sink: ((ratings: Float64Array, weight: number) => void) | null = null,
  ) {
    this.decimalComma = sourceInfo.decimalComma ?? false;
    this.readers = columnRules(spec, this.decimalComma).map((rule) => new CellReader(rule));
    this.missingText = new Set(spec.missing.map((m) => normalizeText(String(m))));
    this.warnings.push(...(sourceInfo.warnings ?? []));
  }

  /** Whether the header has been seen. */
  get hasHeader(): boolean {
    return this.headerNames !== null;
  }

  /**
   * Declares the column names. Throws at once when a spec column is missing or a used column name
   * is duplicated: no record can be read meaningfully without the header.
   */
  header(rawNames: readonly string[], line: number | null): void {
    if (rawNames.length > this.limits.maxColumns) {
      throw new DataValidationError([
        issue(
          'too_many_columns',
          null,
          null,
          line,
          `The header has ${rawNames.length} columns, more than the limit of ${this.limits.maxColumns}; keep the columns you need or raise maxColumns.`,
          null,
        ),
      ]);
    }
    this.checkFieldSizes(rawNames, null, line);
    const names = rawNames.map((n) => n.replace(/^\uFEFF/, '').trim());
    this.headerNames = names;
    const positions = new Map<string, number[]>();
    names.forEach((n, i) => {
      positions.set(n, [...(positions.get(n) ?? []), i]);
    });
    const issues: DataIssue[] = [];
    const used = this.usedColumns();
    const locate = (column: string): number => {
      const at = positions.get(column);
      if (at === undefined) {
        const close = names.find((n) => normalizeText(n) === normalizeText(column));
        const hint = close !== undefined ? `did you mean "${close}"?` : `the columns are: ${names.map((n) => `"${n}"`).join(', ')}`;
        issues.push(issue('unknown_column', null, column, line, `The spec names column "${column}", which is not in the data; ${hint}`, null));
        return -1;
      }
      if (at.length > 1) {
        issues.push(
          issue(
            'duplicate_header',
            null,
            column,
            line,
            `Column "${column}" appears ${at.length} times in the header (positions ${at.map((p) => p + 1).join(', ')}); rename the duplicates so each column has one name.`,
            column,
          ),
        );
        return -1;
      }
      return at[0] as number;
    };
    const reversed = new Set(this.spec.reverse);
    this.rated = [...this.spec.touchpoints.map((t) => ({ name: t.column, role: 'touchpoint' as const })), { name: this.spec.overall, role: 'overall' as const }].map(({ name, role }) => ({
      name,
      role,
      index: locate(name),
      reverse: reversed.has(name),
      invalid: 0,
      labelled: 0,
      notApplicable: 0,
    }));
    this.columns = this.rated.map(() => this.newColumn(this.sourceRows.length));
    this.naColumns = this.rated.map(() => null);
    this.missingCounts = new Float64Array(this.rated.length);
    this.rowValues = new Float64Array(this.rated.length);
    this.noneInvalid = new Uint8Array(this.rated.length);
    this.anyReverse = this.rated.some((col) => col.reverse);
    this.rowState = new Uint8Array(this.rated.length);
    if (this.spec.weight !== null) this.weightIndex = locate(this.spec.weight);
    if (this.spec.id !== null) this.idIndex = locate(this.spec.id);
    this.segmentIndex = this.spec.segments.map((s) => [s, locate(s)]);
    this.segmentValues = this.segmentIndex.map(() => []);
    this.segmentMissing = this.segmentIndex.map(() => 0);
    this.covariateIndex = this.spec.covariates.filter((c) => !this.spec.segments.includes(c)).map((c) => [c, locate(c)]);
    this.covariateValues = this.covariateIndex.map(() => []);
    this.covariateMissing = this.covariateIndex.map(() => 0);
    for (const [name, at] of positions) {
      if (at.length > 1 && !used.has(name)) {
        this.warnings.push({ code: 'duplicate_header', message: `Column "${name}" appears ${at.length} times in the header; it is not used by the spec, so it was ignored.` });
      }
    }
    if (issues.length > 0) throw new DataValidationError(issues);
  }

  /** Adds one data record; `line` is its 1-based starting line in the file (null for non-CSV input). */
  record(cells: ArrayLike<unknown>, line: number | null, csv = false): void {
    const names = this.headerNames;
    if (names === null) throw new Error('SurveyBuilder.record called before header');
    if (csv && cells.length === 1 && cells[0] === '' && names.length > 1) {
      this.blankLines++;
      return;
    }
    const row = this.startRow(line);
    this.checkFieldSizes(cells, row, line);
    if (csv && cells.length === names.length && Array.prototype.every.call(cells, (c, i) => String(c).trim() === names[i])) {
      this.drop('repeated_header');
      this.warnOnce('repeated_header', `The header is repeated as data row ${row}${line === null ? '' : ` (line ${line})`}; such rows were dropped.`);
      return;
    }
    if (csv && cells.length !== names.length && !extraCellsEmpty(cells, names.length)) {
      const message = `Row ${row}${line === null ? '' : ` (line ${line})`} has ${cells.length} fields but the header has ${names.length}; check for an unquoted delimiter or a missing field in that row.`;
      if (this.spec.invalid === 'error') this.report(issue('ragged_row', row, null, line, message, null));
      else this.drop('ragged_row');
      return;
    }
    let rowIssues = 0;
    let answered = 0;
    this.rowBinaryKey = null;
    for (let j = 0; j < this.rated.length; j++) {
      const raw = cells[(this.rated[j] as RatedColumn).index];
      const outcome = this.cell(j, raw, (this.readers[j] as CellReader).rating(raw), row, line);
      if (outcome > 0) answered++;
      else if (outcome < 0) rowIssues++;
    }
    this.finishRow(row, line, rowIssues, answered, (index) => cells[index], this.rowValues, this.rowState);
  }

  /**
   * For each header position, the index of the rated column read from it (touchpoints in spec
   * order, then overall), or -1. For fast readers that parse rated fields themselves.
   */
  ratedSlots(): Int32Array {
    const names = this.headerNames;
    if (names === null) throw new Error('SurveyBuilder.ratedSlots called before header');
    const slots = new Int32Array(names.length).fill(-1);
    this.rated.forEach((col, j) => {
      if (col.index >= 0) slots[col.index] = j;
    });
    return slots;
  }

  /** The header names (trimmed, BOM removed), or null before the header. */
  get columnNames(): readonly string[] | null {
    return this.headerNames;
  }

  /** The cell readers of the rated columns (spec order), for fast readers that classify plain integers themselves. */
  get cellReaders(): readonly CellReader[] {
    return this.readers;
  }

  /**
   * Adds one CSV record whose rated cells a fast reader has already read, with exactly the effect
   * of `record(fields, line, true)`. The caller guarantees that the record has as many fields as
   * the header, that it is not a blank line or a repeated header, and that no field is longer
   * than maxFieldBytes. `parsed[j]` is rated column j's reading: a value on the scale (before
   * reverse coding), NaN for missing, {@link NOT_APPLICABLE}, or {@link UNREAD} to have the cell
   * read from `text(index)`.
   * `text(index)` returns the field at a header position (used for unread cells, weight, id and
   * segments). `results[j]`, when given for an unread cell, is its `CellReader.rating` of that
   * text, worked out by the caller (once per distinct text), instead of reading it again.
   */
  recordParsed(parsed: Float64Array, line: number, text: (index: number) => string, results: readonly (CellResult | undefined)[] | null = null): void {
    const row = this.startRow(line);
    let answered = 0;
    this.rowBinaryKey = null;
    if (!this.anyReverse) {
      // The common case, every cell read and nothing to reverse: the readings are the row. They
      // are stored at once in the next free row of the columns; a dropped row is overwritten later.
      const at = this.used;
      if (this.sink === null && at >= this.sourceRows.length) this.grow();
      const columns = this.sink === null ? this.columns : null;
      let complete = true;
      for (let j = 0; j < parsed.length; j++) {
        const v = parsed[j] as number;
        if (v === UNREAD || v === NOT_APPLICABLE) {
          complete = false;
          break;
        }
        if (columns !== null) (columns[j] as Float64Array)[at] = v;
        if (!Number.isNaN(v)) answered++;
      }
      if (complete) {
        this.finishRow(row, line, 0, answered, text, parsed, this.noneInvalid, columns !== null);
        return;
      }
      answered = 0;
    }
    let rowIssues = 0;
    const values = this.rowValues;
    const state = this.rowState;
    for (let j = 0; j < this.rated.length; j++) {
      const v = parsed[j] as number;
      if (v === UNREAD) {
        const col = this.rated[j] as RatedColumn;
        const raw = text(col.index);
        const outcome = this.cell(j, raw, results?.[j] ?? (this.readers[j] as CellReader).rating(raw), row, line);
        if (outcome > 0) answered++;
        else if (outcome < 0) rowIssues++;
      } else if (v === NOT_APPLICABLE) {
        values[j] = Number.NaN;
        state[j] = STATE_NOT_APPLICABLE;
      } else if (Number.isNaN(v)) {
        values[j] = Number.NaN;
        state[j] = STATE_OK;
      } else {
        values[j] = (this.rated[j] as RatedColumn).reverse ? (this.readers[j] as CellReader).reverse(v) : v;
        state[j] = STATE_OK;
        answered++;
      }
    }
    this.finishRow(row, line, rowIssues, answered, text, values, state);
  }

  /** Counts a new data row and enforces maxRows; returns its 1-based number. */
  private startRow(line: number | null): number {
    this.rowsRead++;
    const row = this.rowsRead;
    if (row > this.limits.maxRows) throw tooManyRows(row, line, this.limits.maxRows);
    return row;
  }

  /**
   * Stores rated column j's reading in the row scratch and counts it: 1 for a value, 0 for
   * missing or not applicable, -1 for an invalid cell (its issue is kept for the end of the row).
   */
  private cell(j: number, raw: unknown, result: CellResult, row: number, line: number | null): number {
    const col = this.rated[j] as RatedColumn;
    if (result.kind === 'value') {
      this.rowValues[j] = col.reverse ? (this.readers[j] as CellReader).reverse(result.value) : result.value;
      this.rowState[j] = STATE_OK;
      if (result.labelled) col.labelled++;
      if (result.key !== undefined) {
        this.rowBinaryKey = result.key;
        this.rowBinaryShown = typeof raw === 'string' ? raw.trim() : String(raw);
        this.rowBinaryPositive = result.value === 1;
      }
      return 1;
    }
    this.rowValues[j] = Number.NaN;
    this.rowState[j] = result.kind === 'invalid' ? STATE_INVALID : result.kind === 'not_applicable' ? STATE_NOT_APPLICABLE : STATE_OK;
    if (result.kind !== 'invalid') return 0;
    if (this.spec.invalid === 'error') {
      const shown = typeof raw === 'string' ? raw : String(raw);
      this.rowIssueList.push(
        issue(
          result.code,
          row,
          col.name,
          line,
          `Row ${row}${line === null ? '' : ` (line ${line})`}, column "${col.name}": ${JSON.stringify(shown)} ${result.problem}; ${result.fix}, or set invalid: "missing".`,
          shown,
        ),
      );
    }
    return -1;
  }

  /**
   * Whether a row with invalid cells is a row of column totals or averages (a spreadsheet's
   * trailing "Total" row): its first cell is empty or a total word such as "Total" or "合计", and
   * every rated cell that holds a number equals that column's sum (or, for a total word, its
   * mean) over the rows stored so far, to the precision written. Only checked when the columns are
   * stored (not with a sink).
   */
  private isTotalRow(cellAt: (index: number) => unknown): boolean {
    if (this.sink !== null || this.used < 2) return false;
    const firstCell = cellAt(0);
    const first = firstCell === null || firstCell === undefined ? '' : normalizeText(String(firstCell));
    const word = first !== '' && TOTAL_WORDS.some((w) => first === w || (first.startsWith(w) && !/^[\p{L}\p{N}]/u.test(first.slice(w.length))));
    let sums = 0;
    let means = 0;
    let numbers = 0;
    let firstChecked = false;
    for (let j = 0; j < this.rated.length; j++) {
      const col = this.rated[j] as RatedColumn;
      const raw = cellAt(col.index);
      const text = raw === null || raw === undefined ? '' : String(raw).trim();
      const value = typeof raw === 'number' ? raw : readNumber(text, this.decimalComma);
      if (!Number.isFinite(value)) continue;
      numbers++;
      if (col.index === 0) firstChecked = true;
      const column = this.columns[j] as Float64Array;
      let sum = 0;
      let count = 0;
      for (let i = 0; i < this.used; i++) {
        const v = column[i] as number;
        if (!Number.isNaN(v)) {
          sum += v;
          count++;
        }
      }
      if (col.reverse) sum = count * (this.readers[j] as CellReader).reverse(0) - sum;
      const decimals = /[.,](\d+)$/.exec(text)?.[1]?.length ?? 0;
      const tolerance = 0.5 * 10 ** -decimals + 1e-9 * Math.abs(sum);
      if (Math.abs(value - sum) <= tolerance) sums++;
      else if (count > 0 && Math.abs(value - sum / count) <= tolerance + 1e-9 * Math.abs(sum / count)) means++;
      else return false;
    }
    if (numbers < 2) return false;
    // A row of sums needs a label, an empty first cell, or a first cell that is itself a column's sum.
    if (sums === numbers) return word || first === '' || firstChecked;
    return word && sums + means === numbers && means > 0 && sums === 0;
  }

  /** The row-level rules after the rated cells are read: weight, policy, accounting, storage. */
  private finishRow(row: number, line: number | null, rowIssues: number, answered: number, cellAt: (index: number) => unknown, values: Float64Array, state: Uint8Array, stored = false): void {
    if (rowIssues > 0 && this.settleInvalidCells(row, cellAt, state)) return;
    let weight = Number.NaN;
    if (this.weightIndex >= 0) {
      const w = this.rowWeight(row, line, cellAt);
      if (w === null) return;
      weight = w;
    }
    if (this.spec.invalid === 'error' && this.tally.total > 0) return;
    if (rowIssues > 0 && this.spec.invalid === 'drop-row') {
      this.drop('invalid_value');
      return;
    }
    if (answered === 0) {
      this.drop('no_answers');
      return;
    }
    this.countStraightLine(row, values);
    const id = this.idIndex >= 0 ? readText(cellAt(this.idIndex), this.missingText) : null;
    if (this.idIndex >= 0 && id === null) this.idMissing++;
    const segments = this.textCells(this.segmentIndex, this.segmentMissing, cellAt);
    const covariates = this.textCells(this.covariateIndex, this.covariateMissing, cellAt);
    this.used++;
    const at = this.used - 1;
    // Room for the row first: its not-applicable flags are stored below (the fast path has already grown).
    if (this.sink === null && at >= this.sourceRows.length) this.grow();
    if (this.rowBinaryKey !== null) this.countBinary();
    // A cell that is not a value is missing, not applicable or invalid; with every cell answered there is none.
    if (answered < values.length) this.countUnanswered(values, state, at);
    if (this.sink !== null) {
      this.sink(values, this.weightIndex >= 0 ? weight : 1);
      return;
    }
    if (!stored) {
      const columns = this.columns;
      for (let j = 0; j < values.length; j++) (columns[j] as Float64Array)[at] = values[j] as number;
    }
    if (this.weightIndex >= 0) this.weights.push(weight);
    if (this.idIndex >= 0) this.ids.push(id);
    segments?.forEach((text, k) => {
      this.segmentValues[k]?.push(text);
    });
    covariates?.forEach((text, k) => {
      this.covariateValues[k]?.push(text);
    });
    this.sourceRows[at] = row;
  }

  /**
   * A row with invalid cells: drops it as a total row (returns true), or counts its invalid cells
   * and reports their issues (returns false).
   */
  private settleInvalidCells(row: number, cellAt: (index: number) => unknown, state: Uint8Array): boolean {
    if (this.isTotalRow(cellAt)) {
      this.rowIssueList.length = 0;
      this.drop('total_row');
      this.totalRows.push(row);
      return true;
    }
    for (let j = 0; j < state.length; j++) if (state[j] === STATE_INVALID) (this.rated[j] as RatedColumn).invalid++;
    for (const found of this.rowIssueList) this.report(found);
    this.rowIssueList.length = 0;
    return false;
  }

  /**
   * The row's weight; an invalid one is reported (NaN) when invalid is "error", else the row is
   * dropped (null).
   */
  private rowWeight(row: number, line: number | null, cellAt: (index: number) => unknown): number | null {
    const raw = cellAt(this.weightIndex);
    const w = readWeight(raw, this.decimalComma);
    if (w !== null) return w;
    this.weightInvalid++;
    if (this.spec.invalid !== 'error') {
      this.drop('invalid_weight');
      return null;
    }
    const shown = raw === undefined || raw === null ? '' : String(raw);
    this.report(
      issue(
        'invalid_weight',
        row,
        this.spec.weight,
        line,
        `Row ${row}${line === null ? '' : ` (line ${line})`}, column "${this.spec.weight}": weight ${JSON.stringify(shown)} is not a non-negative number; fix it or remove the row.`,
        shown,
      ),
    );
    return Number.NaN;
  }

  /** Counts the row as a straight-liner when every touchpoint has the same answer. */
  private countStraightLine(row: number, values: Float64Array): void {
    const touchpoints = this.spec.touchpoints.length;
    const first = values[0] as number;
    if (touchpoints >= 2 && !Number.isNaN(first)) {
      let same = true;
      for (let j = 1; j < touchpoints && same; j++) same = values[j] === first;
      if (same) {
        this.straightCount++;
        if (this.straightRows.length < MAX_LISTED_STRAIGHT_LINERS) this.straightRows.push(row);
      }
    }
  }

  /** The row's text cells at the given columns (segments or covariates), counting missing ones; null without such columns. */
  private textCells(indexes: readonly [string, number][], missingCounts: number[], cellAt: (index: number) => unknown): (string | null)[] | null {
    if (indexes.length === 0) return null;
    return indexes.map(([, at], k) => {
      const text = readText(cellAt(at), this.missingText);
      if (text === null) missingCounts[k] = (missingCounts[k] ?? 0) + 1;
      return text;
    });
  }

  /** Counts the row's unanswered rated cells: missing by column, not-applicable flags at row `at`. */
  private countUnanswered(values: Float64Array, state: Uint8Array, at: number): void {
    const missing = this.missingCounts;
    for (let j = 0; j < values.length; j++) {
      const v = values[j] as number;
      if (Number.isNaN(v)) {
        const cellState = state[j] as number;
        if (cellState === STATE_OK) missing[j] = (missing[j] as number) + 1;
        else if (cellState === STATE_NOT_APPLICABLE) this.notApplicableAt(j, at);
      }
    }
  }

  /**
   * Makes room for `rows` used rows in advance (a hint from a reader that can estimate the row
   * count, e.g. from the file size), so the columns need not grow by doubling. No effect with a sink.
   */
  reserve(rows: number): void {
    const capacity = Math.min(Math.ceil(rows), this.limits.maxRows);
    if (this.sink === null && capacity > this.sourceRows.length) this.grow(capacity);
  }

  /**
   * Where the rated columns' storage comes from: by default a new zero-filled array (in shared
   * memory under `sharedMemory`); the CLI gives columns it had a helper thread prepare while the
   * file was read. Set before the header.
   */
  private newColumn: (length: number) => Float64Array = (length) => float64Column(length, this.limits.sharedMemory);

  /** Takes the rated columns' storage from `column` (zero-filled arrays of at least `length` values), before the header. */
  storeColumnsIn(column: (length: number) => Float64Array): void {
    this.newColumn = (length) => column(length).subarray(0, length);
  }

  /** Counts the not-applicable cell of rated column j in used row `at` and flags it when stored. */
  private notApplicableAt(j: number, at: number): void {
    const col = this.rated[j] as RatedColumn;
    col.notApplicable++;
    if (this.sink !== null) return;
    // The row's storage may not exist yet (rows are stored after their cells are classified).
    if (at >= this.sourceRows.length) this.grow();
    let flags = this.naColumns[j] ?? null;
    if (flags === null) {
      flags = new Uint8Array(this.sourceRows.length);
      this.naColumns[j] = flags;
    }
    flags[at] = 1;
  }

  /** Counts the binary outcome's class in the row just used. */
  private countBinary(): void {
    const key = this.rowBinaryKey as string;
    const found = this.binaryClasses.get(key);
    if (found !== undefined) found.count++;
    else if (this.binaryClasses.size < MAX_LISTED_BINARY_VALUES) this.binaryClasses.set(key, { shown: this.rowBinaryShown, positive: this.rowBinaryPositive, count: 1 });
    else this.binaryOverflow++;
  }

  /** Grows the storage of the rated columns and source rows (they always have the same capacity). */
  private grow(capacity = this.sourceRows.length * 2): void {
    this.columns = this.columns.map((column) => {
      const grown = this.newColumn(capacity);
      grown.set(column);
      return grown;
    });
    this.naColumns = this.naColumns.map((flags) => {
      if (flags === null) return null;
      const grown = new Uint8Array(capacity);
      grown.set(flags);
      return grown;
    });
    const rows = new Uint32Array(capacity);
    rows.set(this.sourceRows);
    this.sourceRows = rows;
  }

  /** Validates the totals and returns the ingest report; throws DataValidationError listing every issue. */
  finishReport(): IngestReport {
    if (this.headerNames === null) {
      throw new DataValidationError([issue('empty_file', null, null, null, 'The input is empty: expected a header row naming the columns, then one row per respondent.', null)]);
    }
    if (this.rowsRead === 0) {
      throw new DataValidationError([issue('header_only', null, null, 1, 'The input has a header but no data rows; add one row per respondent.', null)]);
    }
    if (this.tally.total > 0) throw new DataValidationError(this.tally.listed, { totalIssues: this.tally.total, causes: this.tally.causes() });
    this.checkBinary();
    const n = this.used;
    if (this.totalRows.length > 0) {
      const rows = this.totalRows;
      this.warnings.push({
        code: 'total_rows_dropped',
        message: `${rows.length === 1 ? `Row ${rows[0]} holds` : `Rows ${rows.join(', ')} hold`} column totals or averages, not a respondent's answers; ${rows.length === 1 ? 'it was' : 'they were'} dropped.`,
      });
    }
    if (this.straightCount > 0) {
      this.warnings.push({
        code: 'straight_lining',
        message: `${this.straightCount} respondent${this.straightCount === 1 ? '' : 's'} gave the same answer on every touchpoint (rows listed in report.straightLining).`,
      });
    }
    const columns: ColumnReport[] = [
      ...this.rated.map((c, j) => ({ column: c.name, role: c.role, missing: this.missingCounts[j] ?? 0, notApplicable: c.notApplicable, invalid: c.invalid, labelled: c.labelled })),
      ...(this.spec.weight !== null ? [{ column: this.spec.weight, role: 'weight' as const, missing: 0, notApplicable: 0, invalid: this.weightInvalid, labelled: 0 }] : []),
      ...(this.spec.id !== null ? [{ column: this.spec.id, role: 'id' as const, missing: this.idMissing, notApplicable: 0, invalid: 0, labelled: 0 }] : []),
      ...this.segmentIndex.map(([name], k) => ({ column: name, role: 'segment' as const, missing: this.segmentMissing[k] ?? 0, notApplicable: 0, invalid: 0, labelled: 0 })),
      ...this.covariateIndex.map(([name], k) => ({ column: name, role: 'covariate' as const, missing: this.covariateMissing[k] ?? 0, notApplicable: 0, invalid: 0, labelled: 0 })),
    ];
    const usedColumns = this.usedColumns();
    const rowsDropped = this.rowsRead - n;
    const droppedByReason = Object.fromEntries(DROP_REASONS.map((r) => [r, this.dropped.get(r) ?? 0])) as Record<DropReason, number>;
    for (const [j, col] of this.rated.entries()) {
      if ((this.missingCounts[j] as number) + col.notApplicable === n) this.warnings.push({ code: 'column_all_missing', message: `Column "${col.name}" has no answers in any used row.` });
    }
    if (rowsDropped > 0) {
      const parts = DROP_REASONS.filter((r) => droppedByReason[r] > 0).map((r) => `${droppedByReason[r]} ${r.replace(/_/g, ' ')}`);
      this.warnings.push({ code: 'rows_dropped', message: `${rowsDropped} of ${this.rowsRead} rows were dropped (${parts.join(', ')}).` });
    }
    return {
      source: this.sourceInfo.source,
      encoding: this.sourceInfo.encoding,
      delimiter: this.sourceInfo.delimiter,
      decimalComma: this.decimalComma,
      rowsRead: this.rowsRead,
      rowsUsed: n,
      rowsDropped,
      droppedByReason,
      blankLines: this.blankLines,
      columns,
      ignoredColumns: [...new Set(this.headerNames.filter((h) => !usedColumns.has(h)))],
      straightLining: { count: this.straightCount, rows: [...this.straightRows] },
      warnings: this.warnings,
    };
  }

  /** Validates the totals and returns the Survey; throws DataValidationError listing every issue. */
  finish(): Survey {
    const report = this.finishReport();
    const n = this.used;
    const ratings = new Map<string, Float64Array>();
    // The columns are handed over without a copy when at most 1/8 of their storage is unused (a
    // copy stays in shared memory when the columns are).
    const keep = n >= this.sourceRows.length - (this.sourceRows.length >> 3);
    const trimmed = (column: Float64Array): Float64Array => {
      if (keep) return column.subarray(0, n);
      const copy = this.newColumn(n);
      copy.set(column.subarray(0, n));
      return copy;
    };
    const notApplicable = new Map<string, Uint8Array>();
    this.rated.forEach((col, j) => {
      const column = this.columns[j] as Float64Array;
      ratings.set(col.name, trimmed(column));
      const flags = this.naColumns[j] ?? null;
      if (flags !== null) notApplicable.set(col.name, flags.slice(0, n));
    });
    return {
      spec: this.spec,
      touchpoints: this.spec.touchpoints,
      overall: this.spec.overall,
      n,
      ratings,
      notApplicable,
      weights: this.weightIndex >= 0 ? Float64Array.from(this.weights) : null,
      ids: this.idIndex >= 0 ? this.ids.map((v, i) => v ?? `row ${this.sourceRows[i]}`) : null,
      segments: new Map(this.segmentIndex.map(([name], k) => [name, this.segmentValues[k] ?? []])),
      ...(this.covariateIndex.length > 0 && { covariates: new Map(this.covariateIndex.map(([name], k) => [name, this.covariateValues[k] ?? []])) }),
      sourceRows: keep ? this.sourceRows.subarray(0, n) : this.sourceRows.slice(0, n),
      report,
    };
  }

  /**
   * A binary outcome must hold exactly two distinct values (besides missing codes), one of them
   * positive; with the default `positive` ([1]) they must be 0 and 1.
   */
  private checkBinary(): void {
    const outcome = this.spec.outcome;
    if (outcome.type !== 'binary' || this.used === 0) return;
    const classes = [...this.binaryClasses.entries()];
    const positives = classes.filter(([, c]) => c.positive).length;
    const defaultOk = !outcome.positiveIsDefault || (this.binaryClasses.has('0') && this.binaryClasses.has('1'));
    if (classes.length === 2 && this.binaryOverflow === 0 && positives === 1 && defaultOk) return;
    const seen = classes.map(([, c]) => `${JSON.stringify(c.shown)} (${c.count} row${c.count === 1 ? '' : 's'})`).join(', ') + (this.binaryOverflow > 0 ? ` and more` : '');
    const column = outcome.column;
    let problem: string;
    let fix: string;
    if (classes.length !== 2 || this.binaryOverflow > 0) {
      problem = `a binary outcome needs exactly two distinct values besides missing codes, but "${column}" holds ${this.binaryOverflow > 0 ? 'more than ' : ''}${classes.length}: ${seen}`;
      fix = classes.length < 2 ? 'check the column, or use another outcome type' : 'add the extra values to the outcome\'s missing codes, recode them, or use type "rating" or "numeric"';
    } else if (positives !== 1) {
      problem = `"${column}" holds ${seen}, and ${positives === 0 ? 'neither' : 'both'} of them ${positives === 0 ? 'is' : 'are'} listed in overall.positive (${JSON.stringify(outcome.positive)})`;
      fix = `set overall.positive to the value of the positive class, e.g. { "column": "${column}", "type": "binary", "positive": [${JSON.stringify(classes[0]?.[1].shown ?? '')}] }`;
    } else {
      problem = `"${column}" holds ${seen}, not 0 and 1, and the spec does not say which value is positive`;
      fix =
        'set overall.positive, e.g. { "column": "' +
        column +
        '", "type": "binary", "positive": [' +
        JSON.stringify(classes.find(([, c]) => !c.positive)?.[1].shown ?? classes[0]?.[1].shown ?? '') +
        '] }';
    }
    throw new DataValidationError([issue('not_binary', null, column, null, `${problem[0]?.toUpperCase()}${problem.slice(1)}; ${fix}.`, null)]);
  }

  private usedColumns(): Set<string> {
    const s = this.spec;
    return new Set([...s.touchpoints.map((t) => t.column), s.overall, ...(s.weight ? [s.weight] : []), ...(s.id ? [s.id] : []), ...s.segments, ...s.covariates]);
  }

  private checkFieldSizes(cells: ArrayLike<unknown>, row: number | null, line: number | null): void {
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j];
      if (typeof cell === 'string' && cell.length > this.limits.maxFieldBytes) {
        const column = row === null ? null : (this.headerNames?.[j] ?? null);
        throw new DataValidationError([
          issue(
            'field_too_large',
            row,
            column,
            line,
            `${row === null ? 'A header name' : `Row ${row}${column === null ? '' : `, column "${column}"`}`} has ${cell.length} characters, more than the limit of ${this.limits.maxFieldBytes}; check for a missing closing quote, or raise maxFieldBytes.`,
            cell.slice(0, 40),
          ),
        ]);
      }
    }
  }

  private drop(reason: DropReason): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
  }

  private report(found: DataIssue): void {
    this.tally.add(found);
  }

  private warnOnce(code: WarningCode, message: string): void {
    if (!this.warnings.some((w) => w.code === code)) this.warnings.push({ code, message });
  }
}

/** The error for data row `row` beyond the maxRows limit. */
export function tooManyRows(row: number, line: number | null, maxRows: number): DataValidationError {
  return new DataValidationError([issue('too_many_rows', row, null, line, `The input has more than ${maxRows} data rows (the maxRows limit); read it in parts or raise maxRows.`, null)]);
}

function issue(code: IssueCode, row: number | null, column: string | null, line: number | null, message: string, input: string | null): DataIssue {
  return { code, path: [row, column], line, message, input };
}

function extraCellsEmpty(cells: ArrayLike<unknown>, expected: number): boolean {
  if (cells.length < expected) return false;
  for (let i = expected; i < cells.length; i++) if (String(cells[i]).trim() !== '') return false;
  return true;
}
