/**
 * The shape every survey-tool reader produces (an export table: columns with the tool's metadata,
 * then rows) and the one function that turns it into a Survey through the same SurveyBuilder as
 * CSV input, so validation and row accounting are identical for every format.
 */
import { type DataIssue, DataValidationError, type Warning } from '../../errors.js';
import { normalizeSpec, normalizeText, type SurveySpec } from '../../schema/survey-spec.js';
import { DROP_REASONS, type DropReason, type IngestReport, type Survey } from '../../survey/survey.js';
import { SurveyBuilder } from '../builder.js';
import type { IngestLimits } from '../limits.js';

/** File formats readSurveyFile recognises. */
export type SurveyFileFormat = 'csv' | 'xlsx' | 'sav' | 'qualtrics' | 'surveymonkey';

/** Every format, for validating the `format` option. */
export const SURVEY_FILE_FORMATS: readonly SurveyFileFormat[] = ['csv', 'xlsx', 'sav', 'qualtrics', 'surveymonkey'];

/** A cell as a reader hands it over: text, a number, or null for an empty cell. */
export type ExportCell = string | number | null;

/** Why a survey tool marked a response as not a real one. */
export type ExclusionReason = 'survey_preview' | 'test_response' | 'spam';

/** One column of an export, with what the tool knows about it. */
export interface ExportColumn {
  /** The column's id as the tool names it: Qualtrics `Q5_1`, an SPSS variable, a header cell. */
  readonly name: string;
  /** Other names a spec may use for it: question text, Qualtrics import id, short name. */
  readonly aliases: readonly string[];
  /** Question text or variable label (becomes the touchpoint label), or null. */
  readonly label: string | null;
  /** Answer codes and their labels, e.g. 1 -> "Very dissatisfied" (SPSS value labels, numbered choices). */
  readonly valueLabels: readonly { readonly value: number | string; readonly label: string }[];
  /** User-missing codes (SPSS): discrete values and a closed range; they read as missing. */
  readonly missing: { readonly values: readonly (number | string)[]; readonly range: { readonly low: number; readonly high: number } | null };
  /** Whether the tool adds this column itself (response id, dates, status, progress...). */
  readonly metadata: boolean;
  /** Measurement level, when the tool records it (SPSS). */
  readonly measure: 'nominal' | 'ordinal' | 'scale' | null;
  /**
   * Choice-text answers that carry their scale point ("Very likely 7", "0 - Not at all likely"),
   * with the number each reads as; null when the column has none.
   */
  readonly choices: ReadonlyMap<string, number> | null;
}

/** One row of an export. */
export interface ExportRow {
  readonly cells: readonly ExportCell[];
  /** Where it is in the file: the line (text exports) or the sheet row (workbooks); null for SPSS cases. */
  readonly line: number | null;
  /** Set when the tool marked the response as a preview, a test or spam. */
  readonly exclusion: ExclusionReason | null;
  /** Whether the tool marked the response as not finished (Qualtrics Finished = 0). */
  readonly unfinished: boolean;
}

/** What a reader produces. */
export interface ExportTable {
  readonly format: SurveyFileFormat;
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly ExportRow[];
  /** Line (or sheet row) of the header naming the columns, for messages. */
  readonly headerLine: number | null;
  readonly encoding: string | null;
  readonly delimiter: string | null;
  /** Whether the rows came from delimited text (blank lines, ragged rows and repeated headers apply). */
  readonly text: boolean;
  /** What the reader noticed (e.g. numeric recodes, bytes read as Windows-1252). */
  readonly warnings: readonly Warning[];
  /** The weight variable the file declares (SPSS WEIGHT BY), if any. */
  readonly weight?: string | null;
}

/** What to do with responses a survey tool marked. */
export interface ResponseFilterOptions {
  /** Survey-preview responses: dropped (default) or kept. */
  readonly preview?: 'drop' | 'keep';
  /** Generated test responses: dropped (default) or kept. */
  readonly test?: 'drop' | 'keep';
  /** Responses flagged as spam: dropped (default) or kept. */
  readonly spam?: 'drop' | 'keep';
  /** Unfinished responses (Qualtrics Finished = 0): kept (default) or dropped. Either way they are counted. */
  readonly unfinished?: 'keep' | 'drop';
}

/** A column with no metadata (plain header cells). */
export function plainColumn(name: string, label: string | null = null, aliases: readonly string[] = [], metadata = false): ExportColumn {
  return { name, aliases, label, valueLabels: [], missing: { values: [], range: null }, metadata, measure: null, choices: null };
}

const PURE_NUMBER = /^[+-]?\d+$/;
/** "Very likely 7", "Extremely likely (10)", "Very likely - 7". */
const NUMBER_AFTER = /^(\D*?\D)\s*(?:[-–—:=]\s*)?\(?([+-]?\d+)\)?$/;
/** "0 - Not at all likely", "1 = Poor", "5. Excellent", "7 Very likely". */
const NUMBER_BEFORE = /^\(?([+-]?\d+)\)?\s*(?:[-–—:=.)]\s*|\s+)(\D.*)$/;

/**
 * Finds choice-text answers that carry their scale point, as choice-text exports write scales whose
 * end points are labelled ("Very likely 7", "0 - Not at all likely" next to plain "2".."6"): when
 * every answer in the column is a whole number or such a text, and each text has one number, the
 * column gets `choices` (text -> number) and the texts as value labels.
 */
export function numberedChoices(column: ExportColumn, rows: readonly ExportRow[], index: number): ExportColumn {
  const choices = new Map<string, number>();
  let anchored = 0;
  for (const row of rows) {
    const cell = row.cells[index];
    if (cell === null || cell === undefined || typeof cell === 'number') continue;
    const text = cell.trim();
    if (text === '' || PURE_NUMBER.test(text) || choices.has(text)) continue;
    const after = NUMBER_AFTER.exec(text);
    const before = after === null ? NUMBER_BEFORE.exec(text) : null;
    const value = after !== null ? Number(after[2]) : before !== null ? Number(before[1]) : Number.NaN;
    if (Number.isNaN(value)) return column;
    const label = (after !== null ? (after[1] as string) : ((before as RegExpExecArray)[2] as string)).trim();
    if ([...choices].some(([t, v]) => v === value && t !== text && normalizeText(t.replace(/[\d()\-–—:=.]/g, '')) !== normalizeText(label))) return column;
    choices.set(text, value);
    anchored++;
    if (choices.size > 50) return column;
  }
  if (anchored === 0) return column;
  const valueLabels = [...choices].map(([text, value]) => {
    const after = NUMBER_AFTER.exec(text);
    const label = after !== null ? (after[1] as string) : ((NUMBER_BEFORE.exec(text) as RegExpExecArray)[2] as string);
    return { value, label: label.trim() };
  });
  return { ...column, choices, valueLabels: [...column.valueLabels, ...valueLabels] };
}

/**
 * The table of a survey-tool text export (Qualtrics, SurveyMonkey) once its header rows are read:
 * each column that is not the tool's metadata gets its numbered choices ({@link numberedChoices}).
 */
export function toolExportTable(
  format: 'qualtrics' | 'surveymonkey',
  columns: readonly ExportColumn[],
  rows: readonly ExportRow[],
  headerLine: number,
  source: { encoding: string | null; delimiter: string | null; text: boolean },
): ExportTable {
  return {
    format,
    columns: columns.map((c, i) => (c.metadata ? c : numberedChoices(c, rows, i))),
    rows,
    headerLine,
    encoding: source.encoding,
    delimiter: source.delimiter,
    text: source.text,
    warnings: [],
  };
}

function layoutIssue(message: string, line: number | null = null, code: DataIssue['code'] = 'unknown_column', column: string | null = null): DataValidationError {
  return new DataValidationError([{ code, path: [null, column], line, message, input: null }]);
}

/**
 * Finds the export column a spec names: its id, else one of its aliases (question text, import
 * id), else the same after Unicode normalisation, trimming and lower-casing. A name matching two
 * columns' question texts is an error naming both ids.
 */
export function resolveColumn(table: ExportTable, name: string): number {
  const exact = table.columns.findIndex((c) => c.name === name);
  if (exact >= 0) return exact;
  const byAlias = table.columns.flatMap((c, i) => (c.aliases.includes(name) ? [i] : []));
  const key = normalizeText(name);
  const loose = byAlias.length > 0 ? byAlias : table.columns.flatMap((c, i) => (normalizeText(c.name) === key || c.aliases.some((a) => normalizeText(a) === key) ? [i] : []));
  if (loose.length === 1) return loose[0] as number;
  if (loose.length > 1) {
    throw layoutIssue(
      `The spec names column "${name}", which matches ${loose.length} columns of this ${formatName(table.format)} (${loose.map((i) => `"${table.columns[i]?.name}"`).join(', ')}); name the one you mean by its id.`,
      table.headerLine,
      'duplicate_header',
      name,
    );
  }
  return -1;
}

/** The name users know a format by. */
export function formatName(format: SurveyFileFormat): string {
  return { csv: 'CSV file', xlsx: 'Excel workbook', sav: 'SPSS file', qualtrics: 'Qualtrics export', surveymonkey: 'SurveyMonkey export' }[format];
}

/** Whether a user-missing definition covers a cell. */
export function isUserMissing(column: ExportColumn, cell: ExportCell): boolean {
  if (cell === null) return false;
  const { values, range } = column.missing;
  if (values.length === 0 && range === null) return false;
  if (typeof cell === 'number') {
    if (values.includes(cell)) return true;
    return range !== null && cell >= range.low && cell <= range.high;
  }
  const text = cell.trimEnd();
  return values.some((v) => typeof v === 'string' && v === text);
}

/** A spec with string touchpoints, read loosely (the schema validates it). */
interface LooseSpec {
  readonly touchpoints?: readonly (string | { readonly column: string; readonly label?: string; readonly en?: string; readonly notApplicable?: readonly unknown[] })[];
  readonly overall?: string | { readonly column: string };
  readonly weight?: string;
  readonly id?: string;
  readonly segments?: readonly string[];
  readonly reverse?: readonly string[];
  readonly notApplicable?: readonly unknown[];
  readonly labels?: unknown;
}

/**
 * Reads an export table into a Survey with the spec's validation and row accounting.
 *
 * - Spec columns may be named by the tool's id, its question text or its import id
 *   ({@link resolveColumn}); the Survey keys them by the name the spec used.
 * - Touchpoints without a label get the question text (variable label) as their label.
 * - User-missing codes read as missing (unless the spec lists the code as not applicable).
 * - Value labels shared by the rated columns become the spec's `labels` (text -> code), so a
 *   text answer and its code both read; labels of user-missing codes are left out.
 * - Responses the tool marked as preview, test or spam are dropped (by default) and counted under
 *   their own reasons; unfinished responses are kept (by default) and counted.
 *
 * @throws InvalidArgumentError for a malformed spec; DataValidationError as readSurvey does, with
 *   row numbers counting the export's data rows and lines naming the file's lines.
 */
export function surveyFromTable(table: ExportTable, spec: SurveySpec, limits: IngestLimits, filter: ResponseFilterOptions = {}): Survey {
  normalizeSpec(spec); // a malformed spec is reported as such before anything else
  const loose = spec as unknown as LooseSpec;
  const overallName = typeof loose.overall === 'string' ? loose.overall : (loose.overall?.column ?? '');
  const touchpoints = (loose.touchpoints ?? []).map((t) => (typeof t === 'string' ? t : t.column));
  const used = [...touchpoints, overallName, ...(loose.weight !== undefined ? [loose.weight] : []), ...(loose.id !== undefined ? [loose.id] : []), ...(loose.segments ?? [])];
  const { resolved, header } = resolveUsedColumns(table, used);
  const normalized = normalizeSpec(labelledSpec(table, spec, loose, [...touchpoints, overallName], resolved));

  // Codes the spec declares not applicable stay raw, so the builder can tell them apart.
  const notApplicable = notApplicableOf(loose);
  const missingColumns = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.missing.values.length > 0 || c.missing.range !== null);
  // Choice texts that carry their scale point read as that number in the rated columns.
  const ratedIndexes = [...touchpoints, overallName].map((n) => resolved.get(n) ?? -1).filter((i) => i >= 0);
  const choiceColumns = ratedIndexes.flatMap((i) => {
    const choices = table.columns[i]?.choices;
    return choices === null || choices === undefined ? [] : [{ i, choices }];
  });
  const warnings: Warning[] = [...table.warnings];
  if (choiceColumns.length > 0) {
    warnings.push({
      code: 'numbered_choices',
      message: `Answers written with their scale point (e.g. ${JSON.stringify([...(choiceColumns[0]?.choices.keys() ?? [])][0])}) were read as that number in ${choiceColumns.map(({ i }) => `"${table.columns[i]?.name}"`).join(', ')}.`,
    });
  }
  const recodes = negativeCodes(table, ratedIndexes, normalizeSpec(spec).missing, notApplicableOf(loose));
  if (recodes.length > 0) {
    warnings.push({
      code: 'negative_codes',
      message: `${recodes.map((r) => `"${r.column}" holds ${r.codes.join(', ')}`).join('; ')}: survey tools recode answers such as "no opinion" or "never tried" as negative numbers; list them in missing (or notApplicable) unless they are ratings.`,
    });
  }

  const builder = new SurveyBuilder(normalized, { source: table.format, encoding: table.encoding, delimiter: table.delimiter, warnings }, limits);
  builder.header(header, table.headerLine);
  /** The export data row (1-based, header rows excluded) of each row the builder saw. */
  const fed: number[] = [];
  try {
    const { excluded, unfinishedKept } = feedRows(table, builder, filter, fed, (cells) => recodedCells(cells, missingColumns, choiceColumns, notApplicable));
    const survey = builder.finish();
    return withExclusions(survey, fed, excluded, unfinishedKept);
  } catch (error) {
    if (error instanceof DataValidationError) throw renumber(error, fed, recodes.length > 0);
    throw error;
  }
}

/**
 * Finds each column the spec names (refusing unknown ones together) and renames it in the header
 * to the name the spec gave, so the builder sees it under that name.
 */
function resolveUsedColumns(table: ExportTable, used: readonly string[]): { resolved: Map<string, number>; header: string[] } {
  const header = table.columns.map((c) => c.name);
  const resolved = new Map<string, number>();
  const unknown: DataIssue[] = [];
  for (const name of used) {
    const at = resolveColumn(table, name);
    if (at < 0) {
      unknown.push({
        code: 'unknown_column',
        path: [null, name],
        line: table.headerLine,
        message: `The spec names column "${name}", which is not in this ${formatName(table.format)}; ${columnHint(table, name)}`,
        input: null,
      });
      continue;
    }
    resolved.set(name, at);
  }
  if (unknown.length > 0) throw new DataValidationError(unknown);
  // The builder sees each used column under the name the spec gave it.
  for (const [name, at] of resolved) {
    const clash = header.findIndex((h, i) => h === name && i !== at);
    if (clash >= 0) header[clash] = `${header[clash]} (column ${clash + 1})`;
    header[at] = name;
  }
  return { resolved, header };
}

/** The spec with the export's labels: question texts for unlabelled touchpoints; shared value labels as text answers. */
function labelledSpec(table: ExportTable, spec: SurveySpec, loose: LooseSpec, ratedNames: readonly string[], resolved: ReadonlyMap<string, number>): SurveySpec {
  const labelOf = (name: string): string | null => {
    const column = table.columns[resolved.get(name) ?? -1];
    if (column === undefined || column.label === null || column.label === name) return null;
    return column.label;
  };
  const augmentedTouchpoints = (loose.touchpoints ?? []).map((t) => {
    if (typeof t === 'string') {
      const label = labelOf(t);
      return label === null ? t : { column: t, label };
    }
    if (t.label !== undefined || t.en !== undefined) return t;
    const label = labelOf(t.column);
    return label === null ? t : { ...t, label };
  });
  const rated = ratedNames.map((n) => table.columns[resolved.get(n) ?? -1]).filter((c): c is ExportColumn => c !== undefined);
  const sharedLabels = spec.labels === undefined ? sharedValueLabels(rated) : null;
  return {
    ...(spec as object),
    touchpoints: augmentedTouchpoints,
    ...(sharedLabels !== null && sharedLabels.length > 0 && { labels: sharedLabels }),
  } as SurveySpec;
}

/** A row's cells with user-missing codes blanked (not-applicable codes kept) and numbered choices read as their number. */
function recodedCells(
  cells: readonly ExportCell[],
  missingColumns: readonly { c: ExportColumn; i: number }[],
  choiceColumns: readonly { i: number; choices: ReadonlyMap<string, number> }[],
  notApplicable: ReadonlySet<string>,
): readonly ExportCell[] {
  if (missingColumns.length === 0 && choiceColumns.length === 0) return cells;
  const copy = cells.slice();
  for (const { c, i } of missingColumns) {
    const cell = copy[i] ?? null;
    if (isUserMissing(c, cell) && !notApplicable.has(String(cell))) copy[i] = null;
  }
  for (const { i, choices } of choiceColumns) {
    const cell = copy[i];
    if (typeof cell === 'string') copy[i] = choices.get(cell.trim()) ?? cell;
  }
  return copy;
}

/**
 * Hands the builder each row the filter keeps (recoded by `recode`), recording its data row in
 * `fed`; counts preview, test, spam and (when dropped) unfinished responses by reason.
 */
function feedRows(
  table: ExportTable,
  builder: SurveyBuilder,
  filter: ResponseFilterOptions,
  fed: number[],
  recode: (cells: readonly ExportCell[]) => readonly ExportCell[],
): { excluded: Map<DropReason, number>; unfinishedKept: number } {
  const excluded = new Map<DropReason, number>();
  let unfinishedKept = 0;
  const drop = (reason: DropReason): void => void excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
  const keep = { survey_preview: filter.preview === 'keep', test_response: filter.test === 'keep', spam: filter.spam === 'keep' };
  table.rows.forEach((row, k) => {
    if (row.exclusion !== null && !keep[row.exclusion]) {
      drop(row.exclusion);
      return;
    }
    if (row.unfinished) {
      if (filter.unfinished === 'drop') {
        drop('unfinished');
        return;
      }
      unfinishedKept++;
    }
    const cells = recode(row.cells);
    fed.push(k + 1);
    builder.record(table.text ? cells.map((cell) => (cell === null ? '' : cell)) : cells, row.line, table.text);
  });
  return { excluded, unfinishedKept };
}

/** Text -> code for value labels that every rated column labelling the text agrees on (user-missing codes left out). */
function sharedValueLabels(columns: readonly ExportColumn[]): [string, number][] {
  const scores = new Map<string, number | null>();
  const texts = new Map<string, string>();
  for (const column of columns) {
    for (const { value, label } of column.valueLabels) {
      if (typeof value !== 'number' || isUserMissing(column, value) || label.trim() === '') continue;
      const key = normalizeText(label);
      const previous = scores.get(key);
      scores.set(key, previous === undefined || previous === value ? value : null);
      texts.set(key, label);
    }
  }
  return [...scores].flatMap(([key, score]) => (score === null ? [] : [[texts.get(key) as string, score] as [string, number]]));
}

function columnHint(table: ExportTable, name: string): string {
  const key = normalizeText(name);
  const close = table.columns.find((c) =>
    [c.name, ...c.aliases, ...(c.label === null ? [] : [c.label])].some((n) => {
      const other = normalizeText(n);
      return other.length >= 3 && (other.includes(key) || key.includes(other));
    }),
  );
  if (close !== undefined && key.length >= 3) return `did you mean "${close.name}"${close.label !== null && close.label !== close.name ? ` (${JSON.stringify(close.label)})` : ''}?`;
  const listed = table.columns.filter((c) => !c.metadata && c.name !== '').slice(0, 30);
  return `name a column by its id or question text; the questions are: ${listed.map((c) => (c.label !== null && c.label !== c.name ? `"${c.name}" (${JSON.stringify(c.label)})` : `"${c.name}"`)).join(', ')}${table.columns.length > listed.length ? ', ...' : ''}`;
}

/** Adds the rows the tool's flags excluded to the report and maps row numbers to the export's data rows. */
function withExclusions(survey: Survey, fed: readonly number[], excluded: ReadonlyMap<DropReason, number>, unfinishedKept: number): Survey {
  const report = survey.report;
  const extra = [...excluded.values()].reduce((a, b) => a + b, 0);
  const mapRow = (row: number): number => fed[row - 1] ?? row;
  const droppedByReason = { ...report.droppedByReason } as Record<DropReason, number>;
  for (const [reason, count] of excluded) droppedByReason[reason] = (droppedByReason[reason] ?? 0) + count;
  const rowsRead = report.rowsRead + extra;
  const rowsDropped = report.rowsDropped + extra;
  const warnings: Warning[] = report.warnings.filter((w) => w.code !== 'rows_dropped');
  const flagged = (['survey_preview', 'test_response', 'spam'] as const).filter((r) => (excluded.get(r) ?? 0) > 0);
  if (flagged.length > 0) {
    warnings.push({
      code: 'responses_excluded',
      message: `${flagged.map((r) => `${excluded.get(r)} ${r.replace(/_/g, ' ')}${excluded.get(r) === 1 ? '' : 's'}`).join(', ')} marked by the survey tool ${flagged.reduce((n, r) => n + (excluded.get(r) ?? 0), 0) === 1 ? 'was' : 'were'} left out (keep them with the responses option).`,
    });
  }
  if (unfinishedKept > 0) {
    warnings.push({
      code: 'unfinished_responses',
      message: `${unfinishedKept} unfinished response${unfinishedKept === 1 ? ' was' : 's were'} kept (drop them with responses: { unfinished: "drop" }).`,
    });
  }
  if (rowsDropped > 0) {
    const parts = DROP_REASONS.filter((r) => droppedByReason[r] > 0).map((r) => `${droppedByReason[r]} ${r.replace(/_/g, ' ')}`);
    warnings.push({ code: 'rows_dropped', message: `${rowsDropped} of ${rowsRead} rows were dropped (${parts.join(', ')}).` });
  }
  const sourceRows = Uint32Array.from(survey.sourceRows, mapRow);
  const newReport: IngestReport = {
    ...report,
    rowsRead,
    rowsDropped,
    droppedByReason,
    straightLining: { count: report.straightLining.count, rows: report.straightLining.rows.map(mapRow) },
    warnings,
  };
  return {
    ...survey,
    sourceRows,
    ids: survey.ids === null ? null : survey.ids.map((id, i) => (id === `row ${survey.sourceRows[i]}` ? `row ${sourceRows[i]}` : id)),
    report: newReport,
  };
}

/**
 * Renumbers the builder's rows (the rows it saw) as the export's data rows in a validation error,
 * and explains negative codes found out of scale when the export has them.
 */
function renumber(error: DataValidationError, fed: readonly number[], recodes: boolean): DataValidationError {
  const moved = error.issues.some((i) => i.path[0] !== null && fed[i.path[0] - 1] !== undefined && fed[i.path[0] - 1] !== i.path[0]);
  const negative = (i: DataIssue): boolean => recodes && i.code === 'out_of_scale' && i.input !== null && /^\s*-\d+\s*$/.test(i.input);
  if (!moved && !error.issues.some(negative)) return error;
  const issues = error.issues.map((i): DataIssue => {
    const row = i.path[0];
    const to = row === null ? undefined : fed[row - 1];
    const message = negative(i) ? `${i.message} (Survey tools recode answers such as "no opinion" or "never tried" as negative numbers: list such codes in missing or notApplicable.)` : i.message;
    if (row === null || to === undefined || to === row) return { ...i, message };
    return { ...i, path: [to, i.path[1]], message: message.replace(new RegExp(`^Row ${row}\\b`), `Row ${to}`) };
  });
  return new DataValidationError(issues, { totalIssues: error.totalIssues, cause: error.cause });
}

/** Codes the spec declares not applicable, globally or per touchpoint, as text. */
function notApplicableOf(loose: LooseSpec): Set<string> {
  const codes = new Set<string>((loose.notApplicable ?? []).map((v) => String(v)));
  for (const t of loose.touchpoints ?? []) if (typeof t !== 'string') for (const v of t.notApplicable ?? []) codes.add(String(v));
  return codes;
}

/** Negative integer codes in the rated columns that the spec does not declare missing or not applicable. */
function negativeCodes(table: ExportTable, indexes: readonly number[], missing: readonly (string | number)[], notApplicable: ReadonlySet<string>): { column: string; codes: number[] }[] {
  const declared = new Set([...missing.map((m) => String(m).trim()), ...notApplicable]);
  const found: { column: string; codes: number[] }[] = [];
  for (const i of indexes) {
    const column = table.columns[i] as ExportColumn;
    const codes = new Set<number>();
    for (const row of table.rows) {
      const cell = row.cells[i];
      const text = cell === null || cell === undefined ? '' : String(cell).trim();
      if (/^-\d+$/.test(text) && !declared.has(text) && !isUserMissing(column, Number(text))) codes.add(Number(text));
    }
    if (codes.size > 0) found.push({ column: column.name, codes: [...codes].sort((a, b) => b - a) });
  }
  return found;
}
