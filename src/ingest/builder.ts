/**
 * SurveyBuilder: the one place where records become a Survey. Every input form (CSV text, bytes,
 * file streams, row objects, columns) feeds it a header and then records, one at a time, so the
 * validation rules and the row accounting are the same everywhere and memory grows only with the
 * used data.
 */
import { DataValidationError, MAX_LISTED_ISSUES, type DataIssue, type IssueCode } from '../errors.js';
import { normalizeText, type NormalizedSpec } from '../schema/survey-spec.js';
import { DROP_REASONS, type ColumnReport, type DropReason, type IngestReport, type Survey, type Warning } from '../survey/survey.js';
import { CellReader, readText, readWeight } from './cell.js';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.js';

/** Where the records come from, for the ingest report. */
export interface SourceInfo {
  readonly source: IngestReport['source'];
  readonly encoding: string | null;
  readonly delimiter: string | null;
  readonly warnings?: readonly Warning[];
}

/** How many straight-lining rows are listed in the report (all are counted). */
const MAX_LISTED_STRAIGHT_LINERS = 1000;

interface RatedColumn {
  readonly name: string;
  readonly role: 'touchpoint' | 'overall';
  readonly index: number;
  readonly reverse: boolean;
  values: Float64Array;
  missing: number;
  invalid: number;
  labelled: number;
}

/** Collects records, validates them against the spec and builds the Survey. */
export class SurveyBuilder {
  private readonly reader: CellReader;
  private readonly missingText: Set<string>;
  private headerNames: string[] | null = null;
  private headerKey = '';
  private rated: RatedColumn[] = [];
  private weightIndex = -1;
  private idIndex = -1;
  private segmentIndex: [string, number][] = [];
  private weights: number[] = [];
  private ids: (string | null)[] = [];
  private segmentValues: (string | null)[][] = [];
  private sourceRows: number[] = [];
  private idMissing = 0;
  private segmentMissing: number[] = [];
  private straightCount = 0;
  private readonly straightRows: number[] = [];
  private weightInvalid = 0;
  private readonly issues: DataIssue[] = [];
  private issueCount = 0;
  private rowsRead = 0;
  private used = 0;
  private blankLines = 0;
  private readonly dropped = new Map<DropReason, number>(DROP_REASONS.map((r) => [r, 0]));
  private readonly warnings: Warning[] = [];

  constructor(
    private readonly spec: NormalizedSpec,
    private readonly sourceInfo: SourceInfo,
    private readonly limits: IngestLimits = DEFAULT_LIMITS,
    /** When given, used rows go here (rated columns in spec order, then the weight) instead of being stored. */
    private readonly sink: ((ratings: Float64Array, weight: number) => void) | null = null,
  ) {
    this.reader = new CellReader(spec);
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
        issue('too_many_columns', null, null, line, `The header has ${rawNames.length} columns, more than the limit of ${this.limits.maxColumns}; keep the columns you need or raise maxColumns.`, null),
      ]);
    }
    this.checkFieldSizes(rawNames, null, line);
    const names = rawNames.map((n) => n.replace(/^\uFEFF/, '').trim());
    this.headerNames = names;
    this.headerKey = names.join('\u0000');
    const positions = new Map<string, number[]>();
    names.forEach((n, i) => positions.set(n, [...(positions.get(n) ?? []), i]));
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
          issue('duplicate_header', null, column, line, `Column "${column}" appears ${at.length} times in the header (positions ${at.map((p) => p + 1).join(', ')}); rename the duplicates so each column has one name.`, column),
        );
        return -1;
      }
      return at[0] as number;
    };
    const reversed = new Set(this.spec.reverse);
    this.rated = [
      ...this.spec.touchpoints.map((t) => ({ name: t.column, role: 'touchpoint' as const })),
      { name: this.spec.overall, role: 'overall' as const },
    ].map(({ name, role }) => ({
      name,
      role,
      index: locate(name),
      reverse: reversed.has(name),
      values: new Float64Array(64),
      missing: 0,
      invalid: 0,
      labelled: 0,
    }));
    if (this.spec.weight !== null) this.weightIndex = locate(this.spec.weight);
    if (this.spec.id !== null) this.idIndex = locate(this.spec.id);
    this.segmentIndex = this.spec.segments.map((s) => [s, locate(s)]);
    this.segmentValues = this.segmentIndex.map(() => []);
    this.segmentMissing = this.segmentIndex.map(() => 0);
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
    this.rowsRead++;
    const row = this.rowsRead;
    if (row > this.limits.maxRows) {
      throw new DataValidationError([issue('too_many_rows', row, null, line, `The input has more than ${this.limits.maxRows} data rows (the maxRows limit); read it in parts or raise maxRows.`, null)]);
    }
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
    const values: number[] = [];
    const invalidAt: boolean[] = [];
    let rowIssues = 0;
    let answered = 0;
    for (const col of this.rated) {
      const raw = cells[col.index];
      const result = this.reader.rating(raw);
      if (result.kind === 'value') {
        values.push(col.reverse ? this.reader.reverse(result.value) : result.value);
        invalidAt.push(false);
        if (result.labelled) col.labelled++;
        answered++;
        continue;
      }
      values.push(Number.NaN);
      invalidAt.push(result.kind === 'invalid');
      if (result.kind === 'missing') continue;
      col.invalid++;
      rowIssues++;
      if (this.spec.invalid === 'error') {
        const shown = typeof raw === 'string' ? raw : String(raw);
        this.report(issue(result.code, row, col.name, line, `Row ${row}${line === null ? '' : ` (line ${line})`}, column "${col.name}": ${JSON.stringify(shown)} ${result.problem}; ${result.fix}, or set invalid: "missing".`, shown));
      }
    }
    let weight = Number.NaN;
    if (this.weightIndex >= 0) {
      const raw = cells[this.weightIndex];
      const w = readWeight(raw);
      if (w === null) {
        this.weightInvalid++;
        if (this.spec.invalid === 'error') {
          const shown = raw === undefined || raw === null ? '' : String(raw);
          this.report(issue('invalid_weight', row, this.spec.weight, line, `Row ${row}${line === null ? '' : ` (line ${line})`}, column "${this.spec.weight}": weight ${JSON.stringify(shown)} is not a non-negative number; fix it or remove the row.`, shown));
        } else {
          this.drop('invalid_weight');
          return;
        }
      }
      weight = w ?? Number.NaN;
    }
    if (this.spec.invalid === 'error' && this.issueCount > 0) return;
    if (rowIssues > 0 && this.spec.invalid === 'drop-row') {
      this.drop('invalid_value');
      return;
    }
    if (answered === 0) {
      this.drop('no_answers');
      return;
    }
    const touchpoints = this.spec.touchpoints.length;
    const first = values[0] as number;
    if (touchpoints >= 2 && !Number.isNaN(first) && values.slice(0, touchpoints).every((v) => v === first)) {
      this.straightCount++;
      if (this.straightRows.length < MAX_LISTED_STRAIGHT_LINERS) this.straightRows.push(row);
    }
    this.rated.forEach((col, j) => {
      if (Number.isNaN(values[j] as number) && !invalidAt[j]) col.missing++;
    });
    const id = this.idIndex >= 0 ? readText(cells[this.idIndex], this.missingText) : null;
    if (this.idIndex >= 0 && id === null) this.idMissing++;
    const segments = this.segmentIndex.map(([, at], k) => {
      const text = readText(cells[at], this.missingText);
      if (text === null) this.segmentMissing[k] = (this.segmentMissing[k] ?? 0) + 1;
      return text;
    });
    this.used++;
    if (this.sink !== null) {
      this.sink(Float64Array.from(values), this.weightIndex >= 0 ? weight : 1);
      return;
    }
    this.rated.forEach((col, j) => {
      if (this.used > col.values.length) {
        const grown = new Float64Array(col.values.length * 2);
        grown.set(col.values);
        col.values = grown;
      }
      col.values[this.used - 1] = values[j] as number;
    });
    if (this.weightIndex >= 0) this.weights.push(weight);
    if (this.idIndex >= 0) this.ids.push(id);
    segments.forEach((text, k) => this.segmentValues[k]?.push(text));
    this.sourceRows.push(row);
  }

  /** Validates the totals and returns the ingest report; throws DataValidationError listing every issue. */
  finishReport(): IngestReport {
    if (this.headerNames === null) {
      throw new DataValidationError([issue('empty_file', null, null, null, 'The input is empty: expected a header row naming the columns, then one row per respondent.', null)]);
    }
    if (this.rowsRead === 0) {
      throw new DataValidationError([issue('header_only', null, null, 1, 'The input has a header but no data rows; add one row per respondent.', null)]);
    }
    if (this.issueCount > 0) throw new DataValidationError(this.issues, { totalIssues: this.issueCount });
    const n = this.used;
    if (this.straightCount > 0) {
      this.warnings.push({ code: 'straight_lining', message: `${this.straightCount} respondent${this.straightCount === 1 ? '' : 's'} gave the same answer on every touchpoint (rows listed in report.straightLining).` });
    }
    const columns: ColumnReport[] = [
      ...this.rated.map((c) => ({ column: c.name, role: c.role, missing: c.missing, invalid: c.invalid, labelled: c.labelled })),
      ...(this.spec.weight !== null ? [{ column: this.spec.weight, role: 'weight' as const, missing: 0, invalid: this.weightInvalid, labelled: 0 }] : []),
      ...(this.spec.id !== null ? [{ column: this.spec.id, role: 'id' as const, missing: this.idMissing, invalid: 0, labelled: 0 }] : []),
      ...this.segmentIndex.map(([name], k) => ({ column: name, role: 'segment' as const, missing: this.segmentMissing[k] ?? 0, invalid: 0, labelled: 0 })),
    ];
    const usedColumns = this.usedColumns();
    const rowsDropped = this.rowsRead - n;
    const droppedByReason = Object.fromEntries(DROP_REASONS.map((r) => [r, this.dropped.get(r) ?? 0])) as Record<DropReason, number>;
    for (const col of this.rated) {
      if (col.missing === n) this.warnings.push({ code: 'column_all_missing', message: `Column "${col.name}" has no answers in any used row.` });
    }
    if (rowsDropped > 0) {
      const parts = DROP_REASONS.filter((r) => droppedByReason[r] > 0).map((r) => `${droppedByReason[r]} ${r.replace(/_/g, ' ')}`);
      this.warnings.push({ code: 'rows_dropped', message: `${rowsDropped} of ${this.rowsRead} rows were dropped (${parts.join(', ')}).` });
    }
    return {
      source: this.sourceInfo.source,
      encoding: this.sourceInfo.encoding,
      delimiter: this.sourceInfo.delimiter,
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
    for (const col of this.rated) ratings.set(col.name, col.values.slice(0, n));
    return {
      spec: this.spec,
      touchpoints: this.spec.touchpoints,
      overall: this.spec.overall,
      n,
      ratings,
      weights: this.weightIndex >= 0 ? Float64Array.from(this.weights) : null,
      ids: this.idIndex >= 0 ? this.ids.map((v, i) => v ?? `row ${this.sourceRows[i]}`) : null,
      segments: new Map(this.segmentIndex.map(([name], k) => [name, this.segmentValues[k] ?? []])),
      sourceRows: Uint32Array.from(this.sourceRows),
      report,
    };
  }

  private usedColumns(): Set<string> {
    const s = this.spec;
    return new Set([...s.touchpoints.map((t) => t.column), s.overall, ...(s.weight ? [s.weight] : []), ...(s.id ? [s.id] : []), ...s.segments]);
  }

  private checkFieldSizes(cells: ArrayLike<unknown>, row: number | null, line: number | null): void {
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j];
      if (typeof cell === 'string' && cell.length > this.limits.maxFieldBytes) {
        const column = row === null ? null : (this.headerNames?.[j] ?? null);
        throw new DataValidationError([
          issue('field_too_large', row, column, line, `${row === null ? 'A header name' : `Row ${row}${column === null ? '' : `, column "${column}"`}`} has ${cell.length} characters, more than the limit of ${this.limits.maxFieldBytes}; check for a missing closing quote, or raise maxFieldBytes.`, cell.slice(0, 40)),
        ]);
      }
    }
  }

  private drop(reason: DropReason): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
  }

  private report(found: DataIssue): void {
    this.issueCount++;
    if (this.issues.length < MAX_LISTED_ISSUES) this.issues.push(found);
  }

  private warnOnce(code: string, message: string): void {
    if (!this.warnings.some((w) => w.code === code)) this.warnings.push({ code, message });
  }
}

function issue(code: IssueCode, row: number | null, column: string | null, line: number | null, message: string, input: string | null): DataIssue {
  return { code, path: [row, column], line, message, input };
}

function extraCellsEmpty(cells: ArrayLike<unknown>, expected: number): boolean {
  if (cells.length < expected) return false;
  for (let i = expected; i < cells.length; i++) if (String(cells[i]).trim() !== '') return false;
  return true;
}
