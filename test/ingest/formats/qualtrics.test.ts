import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../../src/errors.js';
import { readSurveyFile } from '../../../src/ingest/read-survey-file.js';
import type { SurveySpec } from '../../../src/schema/survey-spec.js';
import { expectSameSurvey } from './twin.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../fixtures/exports/qualtrics/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'peak-end-qualtrics-'));
const spec: SurveySpec = {
  touchpoints: ['Q1_1', 'Q1_2', 'Q1_3', 'Q1_4'],
  overall: 'Q2',
  scale: { min: 0, max: 10 },
  missing: ['', -1],
  id: 'ResponseId',
  segments: ['Q4'],
};
const satisfaction = { 'Very dissatisfied': 1, Dissatisfied: 2, Neutral: 3, Satisfied: 4, 'Very satisfied': 5 };
const twin = (): Promise<Awaited<ReturnType<typeof readSurveyFile>>> => readSurveyFile(fixture('hotel-twin.csv'), spec);

describe('Qualtrics exports', () => {
  it.each(['hotel-numeric.csv', 'hotel-2017.csv', 'hotel-legacy.csv', 'hotel.tsv'])('%s reads to the same Survey as its plain-CSV twin', async (name) => {
    const survey = await readSurveyFile(fixture(name), spec);
    expectSameSurvey(survey, await twin());
    expect(survey.report.source).toBe('qualtrics');
  });

  it('a choice-text export (statuses as text, "Extremely likely 10" anchors) reads to the same Survey', async () => {
    const survey = await readSurveyFile(fixture('hotel-choice-text.csv'), { ...spec, segments: [], missing: ['', 'Never tried'], labels: satisfaction });
    expectSameSurvey(survey, await readSurveyFile(fixture('hotel-twin.csv'), { ...spec, segments: [] }));
    expect(survey.report.droppedByReason).toMatchObject({ survey_preview: 2, test_response: 1, spam: 1 });
    expect(survey.report.warnings.find((w) => w.code === 'numbered_choices')?.message).toContain('"Q2"');
  });

  it('drops previews, tests and spam by default, counting each reason, and keeps unfinished responses with a warning', async () => {
    const survey = await readSurveyFile(fixture('hotel-numeric.csv'), spec);
    expect(survey.report).toMatchObject({ rowsRead: 16, rowsUsed: 12, rowsDropped: 4 });
    expect(survey.report.droppedByReason).toMatchObject({ survey_preview: 2, test_response: 1, spam: 1, unfinished: 0 });
    expect(survey.report.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['responses_excluded', 'unfinished_responses', 'rows_dropped']));
    expect(survey.ids).not.toContain('R_3c');
    expect(Array.from(survey.sourceRows)).toEqual([1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 15, 16]);
  });

  it('keeps flagged responses and drops unfinished ones on request', async () => {
    const survey = await readSurveyFile(
      fixture('hotel-choice-text.csv'),
      { ...spec, missing: ['', 'Never tried'], labels: satisfaction },
      {
        responses: { preview: 'keep', test: 'keep', spam: 'drop', unfinished: 'drop' },
      },
    );
    expect(survey.report.droppedByReason).toMatchObject({ survey_preview: 0, test_response: 0, spam: 1, unfinished: 1 });
    expect(survey.n).toBe(14);
    expect(survey.ids).toContain('R_3c');
    expect(survey.ids).not.toContain('R_8h');
  });

  it('names columns by question text or import id, and labels touchpoints by their statement', async () => {
    const survey = await readSurveyFile(fixture('hotel-2017.csv'), {
      ...spec,
      touchpoints: ['How satisfied were you with each part of your stay? - Booking', 'QID1-2', 'QID1_3', 'Q1_4'],
      overall: 'How likely are you to recommend us to a friend?',
    });
    expect(survey.touchpoints.map((t) => t.label)).toEqual(['Booking', 'Check-in', 'Room', 'Check-out']);
    expect(Array.from(survey.ratings.get('QID1-2') ?? [])).toEqual(Array.from((await twin()).ratings.get('Q1_2') ?? []));
  });

  it('says that negative codes are probably recodes when they are out of scale', async () => {
    const error = await readSurveyFile(fixture('hotel-numeric.csv'), { ...spec, missing: [''] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    const issue = (error as DataValidationError).issues[0];
    expect(issue).toMatchObject({ code: 'out_of_scale', path: [5, 'Q1_4'], line: 8, input: '-1' });
    expect(issue?.message).toMatch(/^Row 5 \(line 8\).*recode answers such as "no opinion" or "never tried" as negative numbers/);
  });

  it('warns about negative codes the spec accepts as ratings', async () => {
    const survey = await readSurveyFile(fixture('hotel-numeric.csv'), { ...spec, missing: [''], scale: { min: -1, max: 10 } });
    expect(survey.report.warnings.find((w) => w.code === 'negative_codes')?.message).toContain('"Q1_4" holds -1');
  });

  it.each([
    ['the question-text row deleted', (lines: string[]) => [lines[0], ...lines.slice(2)], /question-text row was deleted/],
    ['the import-id row deleted', (lines: string[]) => [lines[0], lines[1], ...lines.slice(3)], /not in Qualtrics' layout/],
  ])('an export with %s is an export_layout error with a fix', async (_, edit, message) => {
    const lines = readFileSync(fixture('hotel-numeric.csv'), 'utf8').split('\r\n');
    const path = join(dir, `edited-${lines.length}-${String(message).length}.csv`);
    writeFileSync(path, edit(lines).join('\r\n'));
    const error = await readSurveyFile(path, spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).issues[0]?.code).toBe('export_layout');
    expect((error as DataValidationError).message).toMatch(message);
    expect((error as DataValidationError).message).toMatch(/Export the responses again/);
  });

  it('format: "csv" reads a Qualtrics file as plain CSV (its header rows then fail as data)', async () => {
    await expect(readSurveyFile(fixture('hotel-numeric.csv'), spec, { format: 'csv' })).rejects.toThrow(DataValidationError);
  });
});
