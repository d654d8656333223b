import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../src/errors.js';
import { binaryFormatOf, decodeBytes } from '../../src/ingest/decode.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';

const corpus = join(import.meta.dirname, '..', 'corpus', 'judgement');
const spec = { touchpoints: ['a'], overall: 'o', scale: { min: 1, max: 5 } };

describe('files that are not CSV text', () => {
  it('recognises an Excel workbook, also renamed .csv, and says how to proceed', async () => {
    const book = new Uint8Array(readFileSync(join(corpus, 'workbook.xlsx')));
    expect(binaryFormatOf(book)?.kind).toBe('xlsx');
    expect(() => decodeBytes(book)).toThrow(/^This is an Excel workbook \(\.xlsx\), not CSV text; save it as CSV/);
    await expect(readSurveyFile(join(corpus, 'workbook-renamed.csv'), spec)).rejects.toThrow(/Excel workbook/);
    try {
      readSurvey(book, spec);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataValidationError);
      expect((error as DataValidationError).issues[0]?.code).toBe('not_csv');
    }
  });

  it('recognises OLE (.xls), gzip, PDF, OpenDocument and plain ZIP signatures', () => {
    expect(binaryFormatOf(new Uint8Array(readFileSync(join(corpus, 'legacy-workbook.xls'))))?.kind).toBe('xls');
    expect(binaryFormatOf(new Uint8Array(readFileSync(join(corpus, 'compressed.csv.gz'))))?.kind).toBe('gzip');
    const text = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(binaryFormatOf(text('%PDF-1.7\n'))?.kind).toBe('pdf');
    expect(binaryFormatOf(text('PK\u0003\u0004....mimetypeapplication/vnd.oasis.opendocument.spreadsheet'))?.kind).toBe('ods');
    expect(binaryFormatOf(text('PK\u0003\u0004....data.csv'))?.kind).toBe('zip');
    expect(binaryFormatOf(text('a,b,o\n1,2,3\n'))).toBeNull();
    expect(binaryFormatOf(text('PK,b,o\n1,2,3\n'))).toBeNull();
  });
});
