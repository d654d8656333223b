/**
 * readSurveyExport and inferSurveySpecFile: what a survey-tool file says about its columns
 * (question texts, value labels, user-missing codes) and a starting spec guessed with it.
 */
import type { Warning } from '../../errors.js';
import { DEFAULT_MISSING_CODES } from '../../schema/survey-spec.js';
import type { CsvRecords } from '../csv-records.js';
import { type InferredSpec, type InferSpecOptions, inferSurveySpec, inferSurveySpecFromRecords } from '../infer-spec.js';
import { ingestLimits } from '../limits.js';
import { readCsvRecords } from '../read-survey-file.js';
import { checkFormat, readExportFile, readHead, sniffFormat } from './read-export.js';
import { type ExportCell, type ExportColumn, type ExportTable, isUserMissing, type ResponseFilterOptions, type SurveyFileFormat } from './table.js';

/** One column of a survey-tool file, as the tool describes it. */
export interface SurveyExportColumn {
  /** The id to name it by in a spec (the tool's id; the question text works too). */
  readonly name: string;
  /** Question text or variable label, or null. */
  readonly label: string | null;
  /** Other names a spec may use (question text, import id, short name). */
  readonly aliases: readonly string[];
  /** Whether the tool adds it (response id, dates, status...). */
  readonly metadata: boolean;
  readonly measure: 'nominal' | 'ordinal' | 'scale' | null;
  /** Answer codes and their labels (SPSS value labels, numbered choice texts). */
  readonly valueLabels: readonly { readonly value: number | string; readonly label: string }[];
  /** User-missing codes (SPSS). */
  readonly missing: { readonly values: readonly (number | string)[]; readonly range: { readonly low: number; readonly high: number } | null };
}

/** What {@link readSurveyExport} returns: a file's columns and row counts, no ratings. */
export interface SurveyExport {
  readonly format: SurveyFileFormat;
  /** The worksheet read (workbooks), else null. */
  readonly sheet: string | null;
  readonly encoding: string | null;
  /** Data rows (responses) in the file, flagged ones included. */
  readonly rows: number;
  /** Responses the tool flagged, by reason. */
  readonly flagged: { readonly survey_preview: number; readonly test_response: number; readonly spam: number; readonly unfinished: number };
  readonly columns: readonly SurveyExportColumn[];
  readonly warnings: readonly Warning[];
}

/** Options of {@link readSurveyExport} and {@link inferSurveySpecFile}. */
export interface SurveyExportOptions {
  readonly format?: SurveyFileFormat;
  readonly sheet?: string | number;
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly maxFieldBytes?: number;
}

async function table(path: string, options: SurveyExportOptions): Promise<ExportTable & { readonly sheet?: string }> {
  const format = checkFormat(options.format) ?? sniffFormat(await readHead(path), options.encoding);
  return readExportFile(path, format, { ...options, maxFieldBytes: ingestLimits(options).maxFieldBytes });
}

/**
 * Reads what a survey file says about its columns: ids, question texts (variable labels), value
 * labels, user-missing codes, measurement levels, which columns the tool adds itself, and how many
 * responses it flagged as previews, tests, spam or unfinished. Any format readSurveyFile reads.
 *
 * @example
 * ```ts
 * const info = await readSurveyExport('fixtures/exports/spss/hotel-compressed.sav');
 * info.columns[2]; // { name: 'checkin', label: 'Check-in: how satisfied were you? (入住)', valueLabels: [{ value: 1, label: 'Very dissatisfied' }, ...], missing: { values: [9], range: null }, ... }
 * ```
 * @throws DataValidationError for a damaged file or export header (codes `corrupt_file`,
 *   `export_layout`, `csv_syntax`, `invalid_encoding`); PeakEndError `file_not_readable`.
 */
export async function readSurveyExport(path: string, options: SurveyExportOptions = {}): Promise<SurveyExport> {
  const t = await table(path, options);
  const flagged = { survey_preview: 0, test_response: 0, spam: 0, unfinished: 0 };
  for (const row of t.rows) {
    if (row.exclusion !== null) flagged[row.exclusion]++;
    else if (row.unfinished) flagged.unfinished++;
  }
  return {
    format: t.format,
    sheet: t.sheet ?? null,
    encoding: t.encoding,
    rows: t.rows.length,
    flagged,
    columns: t.columns.map((c) => ({ name: c.name, label: c.label, aliases: c.aliases, metadata: c.metadata, measure: c.measure, valueLabels: c.valueLabels, missing: c.missing })),
    warnings: t.warnings,
  };
}

/**
 * Guesses a starting spec for any file readSurveyFile reads, as inferSurveySpec does for CSV,
 * using what the tool recorded: its own columns (ids, dates, status, progress) are never
 * touchpoints; SPSS user-missing values and flagged responses (previews, tests, spam) are left
 * out; choice texts with their scale point read as numbers; the scale comes from the value
 * labels' codes when the rated columns have them (e.g. 1-5 from "1 = Very dissatisfied" ...
 * "5 = Very satisfied"), else from the values; the tool's response id becomes the spec's id.
 *
 * @throws as {@link readSurveyExport}, and InvalidArgumentError as inferSurveySpec.
 */
export async function inferSurveySpecFile(path: string, options: InferSpecOptions & SurveyExportOptions & { readonly responses?: ResponseFilterOptions } = {}): Promise<InferredSpec> {
  const format = checkFormat(options.format) ?? sniffFormat(await readHead(path), options.encoding);
  if (format === 'csv') return inferSurveySpecFromRecords((await readCsvRecords(path, { ...options, format })) as CsvRecords, options);
  const t = await readExportFile(path, format, { ...options, maxFieldBytes: ingestLimits(options).maxFieldBytes });
  const keep = options.responses ?? {};
  const keepFlag = { survey_preview: keep.preview === 'keep', test_response: keep.test === 'keep', spam: keep.spam === 'keep' };
  const candidates = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.metadata && c.name !== '');
  // Where the tool labelled the answers of some columns (SPSS value labels), those are the ratings.
  const labelledColumns = candidates.filter(({ c }) => c.valueLabels.some((l) => typeof l.value === 'number'));
  const used = options.touchpoints === undefined && labelledColumns.length >= 2 ? labelledColumns : candidates;
  const rows = t.rows.filter((r) => (r.exclusion === null || keepFlag[r.exclusion]) && !(r.unfinished && keep.unfinished === 'drop'));
  const cellText = (column: ExportColumn, cell: ExportCell | undefined): string => {
    if (cell === null || cell === undefined || isUserMissing(column, cell)) return '';
    if (typeof cell === 'string' && column.choices !== null) return String(column.choices.get(cell.trim()) ?? cell);
    return String(cell);
  };
  const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [used.map(({ c }) => quote(c.name)).join(','), ...rows.map((r) => used.map(({ c, i }) => quote(cellText(c, r.cells[i]))).join(','))];
  const scalePoints: Record<string, number[]> = {};
  for (const { c } of used) {
    const points = c.valueLabels.flatMap((l) => (typeof l.value === 'number' && !isUserMissing(c, l.value) ? [l.value] : []));
    if (points.length >= 2) scalePoints[c.name] = points;
  }
  // Negative codes in the answer columns are recodes ("no opinion", "never tried"): missing, not ratings.
  const allowed = new Set([...(options.touchpoints ?? []), ...(options.overall === undefined ? [] : [options.overall])]);
  const negative = new Set<number>();
  for (const { c, i } of used) {
    if (allowed.size > 0 && !allowed.has(c.name)) continue;
    for (const r of rows) {
      const text = cellText(c, r.cells[i]).trim();
      if (/^-\d+$/.test(text)) negative.add(Number(text));
    }
  }
  const codes = options.missing === undefined ? [...negative].sort((a, b) => b - a) : [];
  const inferred = inferSurveySpec(`${lines.join('\n')}\n`, {
    ...options,
    delimiter: ',',
    encoding: undefined,
    scalePoints,
    ...(codes.length > 0 && { missing: [...DEFAULT_MISSING_CODES, ...codes] }),
  });
  let spec = inferred.spec;
  const notes = [...inferred.notes];
  if (used !== candidates) notes.push(`only the ${used.length} columns with value labels were considered as ratings`);
  if (codes.length > 0) notes.push(`missing: ${codes.join(', ')} added (negative codes are survey-tool recodes such as "no opinion"; set --missing to change)`);
  const rated = new Set([...spec.touchpoints.map((tp) => (typeof tp === 'string' ? tp : tp.column)), String(spec.overall)]);
  const id = t.columns.find((c) => /^(responseid|respondent id|_recordid)$/i.test(c.name));
  if (id !== undefined && spec.id === undefined) {
    spec = { ...spec, id: id.name };
    notes.push(`id: "${id.name}" (the ${t.format === 'surveymonkey' ? 'SurveyMonkey' : 'Qualtrics'} response id)`);
  }
  if (t.weight !== undefined && t.weight !== null && spec.weight === undefined && !rated.has(t.weight)) {
    spec = { ...spec, weight: t.weight };
    notes.push(`weight: "${t.weight}" (the SPSS file's weight variable)`);
  }
  return { spec, notes };
}
