import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataValidationError, InvalidArgumentError } from '../../../src/errors.js';
import { readXlsxRows } from '../../../src/ingest/formats/xlsx.js';
import { readSurveyFile } from '../../../src/ingest/read-survey-file.js';
import type { SurveySpec } from '../../../src/schema/survey-spec.js';
import { expectSameSurvey } from './twin.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../fixtures/exports/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'peak-end-xlsx-'));
const spec: SurveySpec = { touchpoints: ['booking', 'checkin', 'room', 'checkout'], overall: 'overall', scale: { min: 0, max: 10 }, id: 'id', segments: ['purpose'] };

describe('Excel workbooks', () => {
  it.each(['hotel-libreoffice.xlsx', 'hotel-openpyxl.xlsx'])('%s (sheet "Responses") reads to the same Survey as its plain-CSV twin', async (name) => {
    const survey = await readSurveyFile(fixture(`excel/${name}`), spec, { sheet: 'Responses' });
    expectSameSurvey(survey, await readSurveyFile(fixture('excel/hotel-twin.csv'), spec));
    expect(survey.report.source).toBe('xlsx');
    expect(survey.report.encoding).toBeNull();
  });

  it('picks a sheet by position, and reports an unknown sheet with the sheets it has', async () => {
    const byIndex = await readSurveyFile(fixture('excel/hotel-libreoffice.xlsx'), spec, { sheet: 2 });
    expect(byIndex.n).toBe(12);
    const error = await readSurveyFile(fixture('excel/hotel-libreoffice.xlsx'), spec, { sheet: 'Data' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toBe('The workbook has no sheet "Data"; its sheets are: "About", "Responses".');
  });

  it('reads dates as ISO text and formulas as the values LibreOffice stored', async () => {
    const sheet = await readXlsxRows(new Uint8Array(readFileSync(fixture('excel/hotel-libreoffice.xlsx'))), 'Responses');
    expect(sheet.records[0]?.cells).toEqual(['id', 'stayed', 'booking', 'checkin', 'room', 'checkout', 'overall', 'purpose', 'journey mean']);
    expect(sheet.records[1]).toEqual({ cells: ['R_1a', '2024-03-04', 4, 5, 4, 3, 8, 'Business', 4], line: 2 });
    expect(sheet.records[2]?.cells.slice(0, 2)).toEqual(['R_2b', '2024-03-05T23:30:00Z']);
    expect(sheet.records[4]?.cells[8]).toBeCloseTo((4 + 4 + 5) / 3, 12);
    expect(sheet.warnings).toEqual([]);
  });

  it('warns when formulas have no stored value (a workbook written by a program that does not calculate)', async () => {
    const survey = await readSurveyFile(fixture('excel/hotel-openpyxl.xlsx'), spec, { sheet: 'Responses' });
    expect(survey.report.warnings.find((w) => w.code === 'formula_without_value')?.message).toMatch(/^12 formula cells \(first I2\) had no calculated value/);
  });

  it('reads a Qualtrics export saved as a workbook like the CSV export', async () => {
    const qualtricsSpec: SurveySpec = { touchpoints: ['Q1_1', 'Q1_2', 'Q1_3', 'Q1_4'], overall: 'Q2', scale: { min: 0, max: 10 }, missing: ['', -1], id: 'ResponseId', segments: ['Q4'] };
    const survey = await readSurveyFile(fixture('excel/qualtrics-export.xlsx'), qualtricsSpec);
    expect(survey.report.source).toBe('qualtrics');
    expectSameSurvey(survey, await readSurveyFile(fixture('qualtrics/hotel-twin.csv'), qualtricsSpec));
  });

  it.each([0.5, 0.9])('a workbook cut to %f of its size is a corrupt_file error telling how to recover', async (fraction) => {
    const bytes = readFileSync(fixture('excel/hotel-libreoffice.xlsx'));
    const path = join(dir, `cut-${fraction}.xlsx`);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length * fraction)));
    const error = await readSurveyFile(path, spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).issues[0]?.code).toBe('corrupt_file');
    expect((error as DataValidationError).message).toMatch(/truncated, damaged or not an \.xlsx file\. Open it in Excel or LibreOffice and save it again/);
  });

  it('an Excel 97-2003 workbook is reported with how to convert it, not read as text', async () => {
    const path = join(dir, 'old.xls');
    writeFileSync(path, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
    const error = await readSurveyFile(path, spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).message).toMatch(/Excel 97-2003 workbook \(\.xls\).*save it as \.xlsx/);
  });
});
