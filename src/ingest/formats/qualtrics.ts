/**
 * Qualtrics response exports (CSV, TSV, or the same rows in a workbook).
 *
 * Layouts, as Qualtrics writes them:
 * - three header rows: column ids (`Q5_1`), question texts (`How satisfied... - Check-in`), and
 *   import ids as JSON (`{"ImportId":"QID5_1"}`); exports from 2016/17 write the third row with
 *   single quotes and hyphenated ids (`{'ImportId': 'QID5-1'}`);
 * - the legacy two-row layout: `V1`..`V10` over the metadata names (`ResponseID`, ..., `Status`,
 *   `StartDate`, `EndDate`, `Finished`), question ids over question texts.
 * `Status` is text ("Survey Preview", "Spam", ...) or a numeric code whose bits mean survey
 * preview (1), survey test (2), imported (4), spam (8), offline (16); `Finished` is 1/0 or
 * True/False.
 */
import { DataValidationError } from '../../errors.js';
import { type ExclusionReason, type ExportCell, type ExportColumn, type ExportRow, type ExportTable, plainColumn, toolExportTable } from './table.js';
import type { ExportRecord } from './text.js';

const IMPORT_ID = /^\s*\{\s*["']ImportId["']\s*:\s*["']([^"']*)["']/;
const LEGACY_ID = /^V\d+$/;
/** Column ids Qualtrics adds itself (new and legacy names). */
const METADATA = new Set(
  [
    'StartDate',
    'EndDate',
    'Status',
    'IPAddress',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'RecordedDate',
    'ResponseId',
    'ResponseID',
    'RecipientLastName',
    'RecipientFirstName',
    'RecipientEmail',
    'ExternalReference',
    'ExternalDataReference',
    'LocationLatitude',
    'LocationLongitude',
    'LocationAccuracy',
    'DistributionChannel',
    'UserLanguage',
    'ResponseSet',
    'Name',
    'EmailAddress',
    'Q_RecaptchaScore',
    'Q_RelevantIDDuplicate',
    'Q_RelevantIDDuplicateScore',
    'Q_RelevantIDFraudScore',
    'Q_RelevantIDLastStartDate',
    'Q_DuplicateRespondent',
    'Q_BallotBoxStuffing',
  ].map((s) => s.toLowerCase()),
);

/** Which Qualtrics layout the first rows show, or null when they are not a Qualtrics export. */
export function qualtricsLayout(rows: readonly (readonly ExportCell[])[]): 'import-ids' | 'legacy' | null {
  const [first, second, third] = rows;
  if (first === undefined || second === undefined) return null;
  const text = (cells: readonly ExportCell[]): string[] => cells.map((c) => (c === null ? '' : String(c).trim()));
  const r1 = text(first);
  const r2 = text(second);
  if (third !== undefined) {
    const r3 = text(third).filter((c) => c !== '');
    if (r3.length > 0 && r3.filter((c) => IMPORT_ID.test(c)).length >= r3.length / 2) return 'import-ids';
  }
  if (r1[0] === 'V1' && r1.slice(0, 10).every((c) => LEGACY_ID.test(c)) && r2.some((c) => c === 'ResponseID')) return 'legacy';
  return null;
}

/**
 * Whether the first rows are a Qualtrics export whose header rows were edited: Qualtrics' column
 * ids (ResponseId with Status, Finished or StartDate) over either the import ids (the question-text
 * row deleted) or the question texts of the metadata ("Response ID", "Response Type") followed by
 * data (the import-id row deleted). A plain CSV with such columns is not one.
 */
export function isDamagedQualtrics(rows: readonly (readonly ExportCell[])[]): boolean {
  const [first, second] = rows;
  if (first === undefined || second === undefined) return false;
  const ids = new Set(first.map((c) => (c === null ? '' : String(c).trim().toLowerCase())));
  if (!((ids.has('responseid') || ids.has('_recordid')) && (ids.has('status') || ids.has('finished') || ids.has('startdate')))) return false;
  const texts = second.map((c) => (c === null ? '' : String(c).trim()));
  return texts.some((c) => IMPORT_ID.test(c)) || texts.includes('Response ID') || texts.includes('Response Type');
}

/**
 * Reads a Qualtrics export from its records (header rows included).
 *
 * @throws DataValidationError (code `export_layout`) when the header rows are not a Qualtrics
 *   layout (e.g. the question-text or import-id row was deleted), naming the line and the fix.
 */
export function parseQualtrics(records: readonly ExportRecord[], source: { encoding: string | null; delimiter: string | null; text: boolean }): ExportTable {
  const layout = qualtricsLayout(records.slice(0, 3).map((r) => r.cells));
  if (layout === null) {
    const second = records[1]?.cells.map((c) => String(c ?? '')) ?? [];
    const secondIsImportIds = second.some((c) => IMPORT_ID.test(c));
    throw new DataValidationError([
      {
        code: 'export_layout',
        path: [null, null],
        line: records[1]?.line ?? null,
        message: secondIsImportIds
          ? `This Qualtrics export has its import ids on line ${records[1]?.line} where the question texts belong: the question-text row was deleted. Export the responses again (Data & Analysis > Export > CSV), or keep only the first header row and read it with format: "csv".`
          : `The header rows of this Qualtrics export are not in Qualtrics' layout (ids, question texts, then import ids such as {"ImportId":"QID1"}; or the legacy V1..V10 layout): line ${records[2]?.line ?? 3} holds ${JSON.stringify(String(records[2]?.cells[0] ?? ''))}. Export the responses again without editing the header rows, or keep only the first header row and read it with format: "csv".`,
        input: null,
      },
    ]);
  }
  const ids = cellsOf(records[0]);
  const texts = cellsOf(records[1]);
  const width = Math.max(ids.length, texts.length);
  const columns: ExportColumn[] = [];
  if (layout === 'import-ids') {
    const importIds = cellsOf(records[2]).map((c) => IMPORT_ID.exec(c)?.[1] ?? '');
    const matrix = matrixPrefixes(texts);
    for (let i = 0; i < width; i++) {
      const id = ids[i] ?? '';
      const text = texts[i] ?? '';
      const importId = importIds[i] ?? '';
      const metadata = METADATA.has(id.toLowerCase()) || (importId !== '' && !/^QID/i.test(importId));
      const aliases = [text, importId, importId.replace(/-/g, '_')].filter((a, k, all) => a !== '' && a !== id && all.indexOf(a) === k);
      columns.push({ ...plainColumn(id, text === '' ? null : labelOf(text, matrix), aliases, metadata) });
    }
  } else {
    const matrix = matrixPrefixes(texts);
    for (let i = 0; i < width; i++) {
      const id = ids[i] ?? '';
      const text = texts[i] ?? '';
      if (LEGACY_ID.test(id) && METADATA.has(text.toLowerCase())) columns.push(plainColumn(text, text, [id], true));
      else columns.push(plainColumn(id, text === '' ? null : labelOf(text, matrix), text === '' || text === id ? [] : [text], METADATA.has(id.toLowerCase())));
    }
  }
  const first = layout === 'import-ids' ? 3 : 2;
  const find = (name: string): number => columns.findIndex((c) => c.name.toLowerCase() === name || c.aliases.some((a) => a.toLowerCase() === name));
  const statusAt = find('status');
  const finishedAt = find('finished');
  const rows: ExportRow[] = records.slice(first).map((r) => ({
    cells: r.cells,
    line: r.line,
    exclusion: statusAt >= 0 ? statusExclusion(r.cells[statusAt] ?? null) : null,
    unfinished: finishedAt >= 0 ? isUnfinished(r.cells[finishedAt] ?? null) : false,
  }));
  return toolExportTable('qualtrics', columns, rows, records[0]?.line ?? 1, source);
}

function cellsOf(record: ExportRecord | undefined): string[] {
  return (record?.cells ?? []).map((c) => (c === null ? '' : String(c).trim()));
}

/**
 * Question-text prefixes shared by several columns ("How satisfied were you with... - "): the
 * matrix questions, whose columns are labelled by their statement alone.
 */
function matrixPrefixes(texts: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const at = t.lastIndexOf(' - ');
    if (at > 0) counts.set(t.slice(0, at), (counts.get(t.slice(0, at)) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n > 1).map(([p]) => p));
}

function labelOf(text: string, matrix: ReadonlySet<string>): string {
  const at = text.lastIndexOf(' - ');
  return at > 0 && matrix.has(text.slice(0, at)) ? text.slice(at + 3).trim() : text;
}

/** The exclusion a Status cell means: numeric code bits 1 (preview), 2 (test), 8 (spam), or the text. */
export function statusExclusion(cell: ExportCell): ExclusionReason | null {
  if (cell === null) return null;
  const text = String(cell).trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) {
    const code = Number(text);
    if (code & 1) return 'survey_preview';
    if (code & 2) return 'test_response';
    if (code & 8) return 'spam';
    return null;
  }
  const lower = text.toLowerCase();
  if (lower.includes('preview')) return 'survey_preview';
  if (lower.includes('test')) return 'test_response';
  if (lower.includes('spam')) return 'spam';
  return null;
}

function isUnfinished(cell: ExportCell): boolean {
  if (cell === null) return false;
  const text = String(cell).trim().toLowerCase();
  return text === '0' || text === 'false';
}
