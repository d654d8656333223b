/**
 * Excel workbooks (.xlsx): one worksheet's rows through exceljs, loaded only when a workbook is
 * read (Node only: this module is reachable from 'peak-end/node', never from the core).
 */
import { Buffer } from 'node:buffer';
import { DataValidationError, InvalidArgumentError, type Warning } from '../../errors.js';
import type { ExportCell } from './table.js';
import type { ExportRecord } from './text.js';

/** The rows of one worksheet, each with its 1-based sheet row number as `line`. */
export interface SheetRows {
  readonly sheet: string;
  readonly sheets: readonly string[];
  readonly records: readonly ExportRecord[];
  readonly warnings: readonly Warning[];
}

/** Whether bytes start like a ZIP archive (an .xlsx workbook is one). */
export function isZipSignature(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06);
}

/** Whether bytes start like an OLE compound file (Excel 97-2003 .xls, or an encrypted .xlsx). */
export function isOleSignature(head: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return sig.every((b, i) => head[i] === b);
}

type ExcelModule = typeof import('exceljs');

async function loadExcelJs(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule };
  return mod.default ?? mod;
}

/**
 * Reads one worksheet of an .xlsx workbook: the first, or `sheet` (a name or a 1-based index).
 * Cells become text, numbers or null: dates (date-formatted numbers) become ISO text (date only
 * at midnight), formulas their cached result, rich text and hyperlinks their text, errors such as
 * `#N/A` their text. A formula without a cached result (a workbook written by a program that does
 * not calculate) reads as empty and is counted in a warning.
 *
 * @throws DataValidationError (code `corrupt_file`) for a truncated or damaged workbook;
 *   InvalidArgumentError for a sheet the workbook does not have (naming its sheets).
 */
export async function readXlsxRows(bytes: Uint8Array, sheet?: string | number): Promise<SheetRows> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (cause) {
    throw new DataValidationError(
      [
        {
          code: 'corrupt_file',
          path: [null, null],
          line: null,
          message: `This Excel workbook cannot be opened (${(cause as Error).message}): it is truncated, damaged or not an .xlsx file. Open it in Excel or LibreOffice and save it again as .xlsx, or export the sheet as CSV.`,
          input: null,
        },
      ],
      { cause },
    );
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  if (sheets.length === 0) {
    throw new DataValidationError([{ code: 'empty_file', path: [null, null], line: null, message: 'This Excel workbook has no worksheets; save the survey data in a worksheet.', input: null }]);
  }
  let worksheet = workbook.worksheets[0];
  if (sheet !== undefined) {
    worksheet =
      typeof sheet === 'number'
        ? workbook.worksheets[sheet - 1]
        : (workbook.worksheets.find((w) => w.name === sheet) ?? workbook.worksheets.find((w) => w.name.trim().toLowerCase() === String(sheet).trim().toLowerCase()));
    if (worksheet === undefined) {
      throw new InvalidArgumentError(
        `The workbook has no sheet ${typeof sheet === 'number' ? `number ${sheet}` : JSON.stringify(sheet)}; its sheets are: ${sheets.map((s) => JSON.stringify(s)).join(', ')}.`,
      );
    }
  }
  const ws = worksheet as NonNullable<typeof worksheet>;
  const records: ExportRecord[] = [];
  let uncalculated = 0;
  let firstUncalculated = '';
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells: ExportCell[] = [];
    for (let col = 1; col < values.length; col++) {
      const { cell, formulaWithoutValue } = convert(values[col]);
      if (formulaWithoutValue) {
        uncalculated++;
        if (firstUncalculated === '') firstUncalculated = `${columnLetters(col)}${rowNumber}`;
      }
      cells.push(cell);
    }
    if (cells.every((c) => c === null || c === '')) return;
    records.push({ cells, line: rowNumber });
  });
  const warnings: Warning[] =
    uncalculated === 0
      ? []
      : [
          {
            code: 'formula_without_value',
            message: `${uncalculated} formula cell${uncalculated === 1 ? '' : 's'} (first ${firstUncalculated}) had no calculated value in the workbook and read as empty; open the workbook in Excel or LibreOffice and save it so the values are stored.`,
          },
        ];
  return { sheet: ws.name, sheets, records, warnings };
}

function convert(value: unknown): { cell: ExportCell; formulaWithoutValue: boolean } {
  if (value === null || value === undefined) return { cell: null, formulaWithoutValue: false };
  if (typeof value === 'number') return { cell: value, formulaWithoutValue: false };
  if (typeof value === 'string') return { cell: value, formulaWithoutValue: false };
  if (typeof value === 'boolean') return { cell: value ? 'TRUE' : 'FALSE', formulaWithoutValue: false };
  if (value instanceof Date) return { cell: isoDate(value), formulaWithoutValue: false };
  if (typeof value === 'object') {
    const v = value as { formula?: string; sharedFormula?: string; result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if (v.formula !== undefined || v.sharedFormula !== undefined) {
      if (v.result === undefined || v.result === null) return { cell: null, formulaWithoutValue: true };
      return convert(v.result);
    }
    if (Array.isArray(v.richText)) return { cell: v.richText.map((r) => r.text).join(''), formulaWithoutValue: false };
    if (v.error !== undefined) return { cell: String(v.error), formulaWithoutValue: false };
    if (v.text !== undefined) return convert(v.text);
  }
  return { cell: String(value), formulaWithoutValue: false };
}

function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
