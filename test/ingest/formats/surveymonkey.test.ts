import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../../src/errors.js';
import { readSurveyFile } from '../../../src/ingest/read-survey-file.js';
import type { SurveySpec } from '../../../src/schema/survey-spec.js';
import { expectSameSurvey } from './twin.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../fixtures/exports/surveymonkey/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'peak-end-surveymonkey-'));
const MATRIX = 'How satisfied were you with each part of your stay?';
const NPS = 'How likely are you to recommend us to a friend?';
const PURPOSE = 'What was the purpose of your trip?';
const satisfaction = { 'Very dissatisfied': 1, Dissatisfied: 2, Neutral: 3, Satisfied: 4, 'Very satisfied': 5 };
const twinSpec: SurveySpec = { touchpoints: ['booking', 'checkin', 'room', 'checkout'], overall: 'nps', scale: { min: 0, max: 10 }, id: 'Respondent ID', segments: ['purpose'] };

describe('SurveyMonkey exports', () => {
  it('reads matrix items (named by question - item, or the item alone) to the same Survey as the plain-CSV twin', async () => {
    const survey = await readSurveyFile(fixture('hotel.csv'), {
      touchpoints: [`${MATRIX} - Booking`, 'Check-in', 'Room', 'Check-out'],
      overall: NPS,
      scale: { min: 0, max: 10 },
      labels: satisfaction,
      id: 'Respondent ID',
      segments: [PURPOSE],
    });
    const twin = await readSurveyFile(fixture('hotel-twin.csv'), twinSpec);
    expectSameSurvey(survey, twin, { booking: `${MATRIX} - Booking`, checkin: 'Check-in', room: 'Room', checkout: 'Check-out', nps: NPS });
    expect(survey.report.source).toBe('surveymonkey');
    expect(survey.touchpoints.map((t) => t.label)).toEqual(['Booking', 'Check-in', 'Room', 'Check-out']);
    expect(survey.report.ignoredColumns).toContain('Collector ID');
  });

  it('reads an old export with bare-CR line ends and Windows-1252 bytes in its headers', async () => {
    const old = await readSurveyFile(fixture('hotel-old.csv'), {
      touchpoints: ['Booking', 'Check–in', 'Room', 'Check-out'],
      overall: NPS,
      scale: { min: 0, max: 10 },
      labels: satisfaction,
      id: 'Respondent ID',
      segments: [PURPOSE],
    });
    const twin = await readSurveyFile(fixture('hotel-twin.csv'), twinSpec);
    expectSameSurvey(old, twin, { booking: 'Booking', checkin: 'Check–in', room: 'Room', checkout: 'Check-out', nps: NPS });
    expect(old.report.warnings.find((w) => w.code === 'encoding_mixed')?.message).toMatch(/^2 bytes were not valid UTF-8 \(first on line 1\)/);
    expect(old.report.rowsRead).toBe(11);
  });

  it('an item text shared by two questions must be named with its question', async () => {
    const text = readFileSync(fixture('hotel.csv'), 'utf8').replace(`${PURPOSE}`, `${PURPOSE},`).split('\n');
    // Make the purpose question a second matrix whose only item is "Booking".
    text[1] = `${text[1]?.replace(/Response,Response,/, 'Response,Booking,')}`;
    const path = join(dir, 'shared-item.csv');
    writeFileSync(path, text.join('\n'));
    const error = await readSurveyFile(path, { touchpoints: ['Booking'], overall: NPS, scale: { min: 0, max: 10 }, labels: satisfaction }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
  });

  it('an export without its second header row is an export_layout error with a fix', async () => {
    const lines = readFileSync(fixture('hotel.csv'), 'utf8').split('\r\n');
    const path = join(dir, 'one-header.csv');
    writeFileSync(path, [lines[0], ...lines.slice(2)].join('\r\n'));
    const error = await readSurveyFile(path, twinSpec, { format: 'surveymonkey' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).issues[0]?.code).toBe('export_layout');
    expect((error as DataValidationError).message).toMatch(/second header row.*export "All responses data" again/);
  });
});
