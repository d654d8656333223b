import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../../src/errors.js';
import { parseSav } from '../../../src/ingest/formats/sav.js';
import { readSurveyFile } from '../../../src/ingest/read-survey-file.js';
import type { SurveySpec } from '../../../src/schema/survey-spec.js';
import { expectSameSurvey } from './twin.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../fixtures/exports/spss/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'peak-end-sav-'));
const spec: SurveySpec = {
  touchpoints: ['booking', 'checkin', 'room', 'checkout'],
  overall: 'overall',
  scale: { min: 0, max: 10 },
  weight: 'wt',
  id: 'resp',
  segments: ['segment'],
};
const files = ['hotel-compressed.sav', 'hotel-uncompressed.sav', 'hotel-unknown-count.sav', 'hotel.zsav'];

describe('SPSS .sav files written by PSPP', () => {
  it.each(files)('%s reads to the same Survey as the CSV twin PSPP wrote (user-missing values blank)', async (name) => {
    const sav = await readSurveyFile(fixture(name), spec);
    const twin = await readSurveyFile(fixture('hotel.csv'), spec);
    expectSameSurvey(sav, twin);
    expect(sav.report.source).toBe('sav');
    expect(sav.report.rowsRead).toBe(14);
  });

  it('reads the dictionary: variable labels, value labels, discrete and range user-missing values, measure, encoding', () => {
    const sav = parseSav(new Uint8Array(readFileSync(fixture('hotel-compressed.sav'))));
    expect(sav.encoding).toBe('utf-8');
    expect(sav.compression).toBe('bytecode');
    expect(sav.weight).toBe('wt');
    const byName = new Map(sav.variables.map((v) => [v.name, v]));
    expect(byName.get('checkin')?.label).toBe('Check-in: how satisfied were you? (入住)');
    expect([...(byName.get('room')?.valueLabels ?? [])]).toEqual([
      [1, 'Very dissatisfied'],
      [2, 'Dissatisfied'],
      [3, 'Neutral'],
      [4, 'Satisfied'],
      [5, 'Very satisfied'],
      [9, "Don't know"],
    ]);
    expect(byName.get('room')?.missing).toEqual({ values: [9], range: null });
    expect(byName.get('overall')?.missing).toEqual({ values: [-1], range: { low: 97, high: 99 } });
    expect(byName.get('segment')?.missing).toEqual({ values: ['family'], range: null });
    expect(byName.get('segment')?.valueLabels.get('business')).toBe('Business trip');
    expect(byName.get('overall')?.measure).toBe('ordinal');
    expect(byName.get('wt')?.measure).toBe('scale');
  });

  it('reads a very long string (300 bytes, two segments) and dates as ISO text', () => {
    const sav = parseSav(new Uint8Array(readFileSync(fixture('hotel-uncompressed.sav'))));
    const comment = sav.variables.findIndex((v) => v.name === 'comment');
    const stayed = sav.variables.findIndex((v) => v.name === 'stayed');
    expect(sav.variables[comment]?.width).toBe(300);
    const csv = readFileSync(fixture('hotel.csv'), 'utf8').split('\n')[1] as string;
    const first = sav.rows[0] as (string | number | null)[];
    expect(csv).toContain(first[comment] as string);
    expect((first[comment] as string).endsWith('~')).toBe(true);
    expect(first[stayed]).toBe('2024-03-12');
    expect(sav.rows[5]?.[comment]).toBe('');
  });

  it('reads the same cases from every compression and from a header with an unknown case count', () => {
    const inflate = (b: Uint8Array): Uint8Array => new Uint8Array(inflateSync(b));
    const [first, ...rest] = files.map((f) => parseSav(new Uint8Array(readFileSync(fixture(f))), { inflate }));
    expect(rest.map((s) => s.rows)).toEqual(rest.map(() => first?.rows));
    expect(rest.map((s) => s.declaredCases)).toEqual([14, null, 14]);
  });

  it('names touchpoints by their variable labels and takes value labels as text answers', async () => {
    const survey = await readSurveyFile(fixture('hotel-compressed.sav'), { ...spec, touchpoints: ['booking', 'Check-in: how satisfied were you? (入住)', 'room', 'checkout'] });
    expect(survey.touchpoints.map((t) => t.label)).toEqual([
      'How easy was booking your stay?',
      'Check-in: how satisfied were you? (入住)',
      'Your room – comfort and cleanliness',
      'Check-out: how satisfied were you?',
    ]);
    expect(survey.spec.labels.get('very satisfied')).toBe(5);
    expect(survey.spec.labels.has("don't know")).toBe(false);
    expect(Array.from(survey.ratings.get('Check-in: how satisfied were you? (入住)') ?? []).slice(0, 4)).toEqual([5, 2, 5, Number.NaN]);
  });

  it.each([
    [100, 'shorter'],
    [176 + 40, 'inside'],
    [-30, 'data end inside case'],
  ])('a file cut at byte %i is a corrupt_file error telling to copy it again', async (cut, words) => {
    const bytes = readFileSync(fixture('hotel-uncompressed.sav'));
    const path = join(dir, `cut-${cut}.sav`);
    writeFileSync(path, bytes.subarray(0, cut < 0 ? bytes.length + cut : cut));
    const error = await readSurveyFile(path, spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).issues[0]?.code).toBe('corrupt_file');
    expect((error as DataValidationError).message).toMatch(new RegExp(words.split(' ')[0] as string));
    expect((error as DataValidationError).message).toMatch(/copy it again|truncated/);
  });

  it('reports a spec column the file lacks with the variables and their labels', async () => {
    const error = await readSurveyFile(fixture('hotel.zsav'), { ...spec, touchpoints: ['parking'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).issues[0]).toMatchObject({ code: 'unknown_column', path: [null, 'parking'] });
    expect((error as DataValidationError).message).toContain('"checkin" ("Check-in: how satisfied were you? (入住)")');
  });
});
