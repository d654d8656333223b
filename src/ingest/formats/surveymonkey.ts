/**
 * SurveyMonkey response exports ("All responses data", CSV or the same rows in a workbook).
 *
 * Two header rows: the first holds the respondent metadata names (Respondent ID, Collector ID,
 * Start Date, End Date, IP Address, Email Address, First Name, Last Name, Custom Data 1) and then
 * each question's text in its first column, blank over the question's further columns; the second
 * holds "Response" (or "Open-Ended Response") under single-answer questions, and the row item
 * (matrix questions) or choice (multiple answers) under each column of the others.
 */
import { DataValidationError } from '../../errors.js';
import { normalizeText } from '../../schema/survey-spec.js';
import { type ExportCell, type ExportColumn, type ExportRow, type ExportTable, plainColumn, toolExportTable } from './table.js';
import type { ExportRecord } from './text.js';

const METADATA = /^(respondent id|collector id|start date|end date|ip address|email address|first name|last name|custom data( \d+)?)$/i;
const SINGLE = /^(response|open-ended response|responses?)$/i;

function clean(cell: ExportCell | undefined): string {
  return cell === null || cell === undefined
    ? ''
    : String(cell)
        .replace(/\u00a0/g, ' ')
        .trim();
}

/** Whether the first rows look like a SurveyMonkey export. */
export function isSurveyMonkeyLayout(rows: readonly (readonly ExportCell[])[]): boolean {
  const [first, second] = rows;
  if (first === undefined || second === undefined) return false;
  const r1 = first.map(clean);
  const r2 = second.map(clean);
  if (!r1.some((c) => /^respondent id$/i.test(c))) return false;
  const metadata = r1.filter((c) => METADATA.test(c)).length;
  if (metadata < 2) return false;
  // Row 2 is a header too: blank under the metadata columns, "Response" or item texts elsewhere.
  return r1.every((c, i) => !METADATA.test(c) || (r2[i] ?? '') === '') && r2.some((c) => c !== '');
}

/**
 * Reads a SurveyMonkey export from its records (both header rows included). Columns are named
 * by the question text, and matrix (or multiple-answer) columns by "question - item"; the item
 * alone is an alias and the column's label.
 *
 * @throws DataValidationError (code `export_layout`) when the second row is not a header row.
 */
export function parseSurveyMonkey(records: readonly ExportRecord[], source: { encoding: string | null; delimiter: string | null; text: boolean }): ExportTable {
  if (!isSurveyMonkeyLayout(records.slice(0, 2).map((r) => r.cells))) {
    throw new DataValidationError([
      {
        code: 'export_layout',
        path: [null, null],
        line: records[1]?.line ?? null,
        message: `This SurveyMonkey export lacks its second header row (line ${records[1]?.line ?? 2} should hold "Response" or the row items, blank under Respondent ID): export "All responses data" again without editing the header, or keep one header row and read it with format: "csv".`,
        input: null,
      },
    ]);
  }
  const r1 = (records[0]?.cells ?? []).map(clean);
  const r2 = (records[1]?.cells ?? []).map(clean);
  const width = Math.max(r1.length, r2.length);
  const columns: ExportColumn[] = [];
  let question = '';
  for (let i = 0; i < width; i++) {
    const top = r1[i] ?? '';
    const sub = r2[i] ?? '';
    if (top !== '') question = top;
    if (top !== '' && METADATA.test(top)) {
      columns.push(plainColumn(top, top, [], true));
      question = '';
      continue;
    }
    if (question === '') {
      columns.push(plainColumn(sub === '' ? `column ${i + 1}` : sub, sub === '' ? null : sub));
      continue;
    }
    if (sub === '' || SINGLE.test(sub)) columns.push(plainColumn(question, question));
    else columns.push(plainColumn(`${question} - ${sub}`, sub, [sub]));
  }
  // An item text is an alias only where it names one column.
  const itemCounts = new Map<string, number>();
  for (const c of columns) for (const a of c.aliases) itemCounts.set(normalizeText(a), (itemCounts.get(normalizeText(a)) ?? 0) + 1);
  const unique = columns.map((c) => ({ ...c, aliases: c.aliases.filter((a) => itemCounts.get(normalizeText(a)) === 1) }));
  const rows: ExportRow[] = records.slice(2).map((r) => ({ cells: r.cells, line: r.line, exclusion: null, unfinished: false }));
  return toolExportTable('surveymonkey', unique, rows, records[0]?.line ?? 1, source);
}
