import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataValidationError, PeakEndError } from '../../src/errors.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/encodings/${name}`, import.meta.url));
const chinese: SurveySpec = {
  touchpoints: ['品牌形象', '价格', '交货速度'],
  overall: '总体满意度',
  id: '编号',
  scale: { min: 1, max: 5 },
  labels: { 非常满意: 5, 满意: 4 },
};
const spec: SurveySpec = { touchpoints: ['price', 'delivery'], overall: 'overall', scale: { min: 1, max: 5 } };
const dir = mkdtempSync(join(tmpdir(), 'peak-end-'));

function writeTemp(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('readSurveyFile', () => {
  it.each(['utf8.csv', 'utf8-bom.csv', 'utf16le-bom.csv', 'utf16be-bom.csv', 'gbk.csv', 'gb18030.csv', 'semicolon.csv', 'tab.tsv'])(
    'streams %s in 5-byte chunks (splitting multi-byte characters) to the same survey as readSurvey',
    async (name) => {
      const streamed = await readSurveyFile(fixture(name), chinese, { chunkSize: 5 });
      const inMemory = readSurvey(new Uint8Array(readFileSync(fixture(name))), chinese);
      expect(streamed.ratings).toEqual(inMemory.ratings);
      expect(streamed.ids).toEqual(inMemory.ids);
      expect(streamed.report).toEqual(inMemory.report);
    },
  );

  it('reports progress up to the file size', async () => {
    const path = writeTemp('progress.csv', `price,delivery,overall\n${'4,4,4\n'.repeat(1000)}`);
    const seen: number[] = [];
    const survey = await readSurveyFile(path, spec, { chunkSize: 1024, onProgress: (p) => seen.push(p.bytesRead / p.totalBytes) });
    expect(survey.n).toBe(1000);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
  });

  it('names the file line of a validation issue after many chunks', async () => {
    const path = writeTemp('late.csv', `price,delivery,overall\n${'4,4,4\n'.repeat(500)}4,8,4\n`);
    await expect(readSurveyFile(path, spec, { chunkSize: 64 })).rejects.toMatchObject({
      issues: [{ code: 'out_of_scale', path: [501, 'delivery'], line: 502 }],
    });
  });

  it('rejects invalid UTF-8 after the first chunk with the line where decoding failed', async () => {
    const head = new TextEncoder().encode(`price,delivery,overall\n${'4,4,4\n'.repeat(100)}`);
    const path = writeTemp('bad.csv', new Uint8Array([...head, 0x34, 0xff, 0x2c, 0x34, 0x0a]));
    const error = await readSurveyFile(path, spec, { chunkSize: 64 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).issues[0]).toMatchObject({ code: 'invalid_encoding', line: 102 });
  });

  it('reports an unterminated quote with the line where the record starts', async () => {
    const path = writeTemp('quote.csv', 'price,delivery,overall\n4,4,4\n"4,4,4\n4,4,4\n');
    await expect(readSurveyFile(path, spec)).rejects.toMatchObject({ issues: [{ code: 'csv_syntax', line: 3 }] });
  });

  it('reports an empty file and a missing file with typed errors', async () => {
    await expect(readSurveyFile(writeTemp('empty.csv', ''), spec)).rejects.toMatchObject({ issues: [{ code: 'empty_file' }] });
    const missing = await readSurveyFile(join(dir, 'nope.csv'), spec).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(PeakEndError);
    expect((missing as PeakEndError).code).toBe('file_not_readable');
  });
});

describe('readSurveyFile: Windows-1252 streamed in small chunks', () => {
  it('decodes the bytes 0x80-0x9F (euro sign, dash, curly quotes) like readSurvey', async () => {
    const path = fileURLToPath(new URL('../../fixtures/encodings/windows-1252.csv', import.meta.url));
    const spec: SurveySpec = { touchpoints: ['Accueil', 'Prix €', 'Délai – livraison'], overall: 'Satisfaction “globale”', scale: { min: 1, max: 5 } };
    const survey = await readSurveyFile(path, spec, { chunkSize: 7 });
    expect(survey.report.encoding).toBe('windows-1252');
    expect(Array.from(survey.ratings.get('Satisfaction “globale”') as Float64Array)).toEqual([4, 4, 3, 5]);
  });
});
