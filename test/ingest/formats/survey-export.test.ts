import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inferSurveySpecFile, readSurveyExport } from '../../../src/ingest/formats/survey-export.js';
import { readSurveyFile } from '../../../src/ingest/read-survey-file.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../../fixtures/exports/${name}`, import.meta.url));

describe('readSurveyExport', () => {
  it("lists an SPSS file's variables with labels, value labels and user-missing codes", async () => {
    const info = await readSurveyExport(fixture('spss/hotel.zsav'));
    expect(info).toMatchObject({ format: 'sav', sheet: null, encoding: 'utf-8', rows: 14 });
    expect(info.columns.find((c) => c.name === 'overall')).toMatchObject({
      label: 'Overall, how likely are you to recommend us? (0-10)',
      measure: 'ordinal',
      missing: { values: [-1], range: { low: 97, high: 99 } },
      valueLabels: [
        { value: -1, label: 'Never stayed' },
        { value: 0, label: 'Not at all likely' },
        { value: 10, label: 'Extremely likely' },
        { value: 97, label: 'Refused' },
        { value: 98, label: 'Not asked' },
      ],
    });
  });

  it('counts the responses a Qualtrics export flags and marks the columns Qualtrics adds', async () => {
    const info = await readSurveyExport(fixture('qualtrics/hotel-numeric.csv'));
    expect(info.flagged).toEqual({ survey_preview: 2, test_response: 1, spam: 1, unfinished: 1 });
    expect(info.columns.filter((c) => !c.metadata).map((c) => [c.name, c.label, c.aliases])).toEqual([
      ['Q1_1', 'Booking', ['How satisfied were you with each part of your stay? - Booking', 'QID1_1']],
      ['Q1_2', 'Check-in', ['How satisfied were you with each part of your stay? - Check-in', 'QID1_2']],
      ['Q1_3', 'Room', ['How satisfied were you with each part of your stay? - Room', 'QID1_3']],
      ['Q1_4', 'Check-out', ['How satisfied were you with each part of your stay? - Check-out', 'QID1_4']],
      ['Q2', 'How likely are you to recommend us to a friend?', ['How likely are you to recommend us to a friend?', 'QID2']],
      ['Q3', 'Anything else you want to tell us?', ['Anything else you want to tell us?', 'QID3_TEXT']],
      ['Q4', 'What was the purpose of your trip?', ['What was the purpose of your trip?', 'QID4']],
    ]);
    expect(info.columns.filter((c) => c.metadata)).toHaveLength(17);
  });

  it("marks SurveyMonkey's respondent columns as metadata", async () => {
    const info = await readSurveyExport(fixture('surveymonkey/hotel.csv'));
    expect(info.columns.filter((c) => c.metadata).map((c) => c.name)).toEqual([
      'Respondent ID',
      'Collector ID',
      'Start Date',
      'End Date',
      'IP Address',
      'Email Address',
      'First Name',
      'Last Name',
      'Custom Data 1',
    ]);
  });
});

describe('inferSurveySpecFile', () => {
  it("guesses an SPSS file's spec from its value labels and weight, and the guess reads", async () => {
    const { spec, notes } = await inferSurveySpecFile(fixture('spss/hotel-compressed.sav'));
    expect(spec).toMatchObject({ touchpoints: ['booking', 'checkin', 'room', 'checkout'], overall: 'overall', scale: { min: 0, max: 10 }, weight: 'wt' });
    expect(notes).toContain('scale: 0-10 (from the value labels; set --scale to change)');
    const survey = await readSurveyFile(fixture('spss/hotel-compressed.sav'), spec);
    expect(survey.n).toBe(14);
  });

  it("leaves Qualtrics' own columns out and lists negative recodes as missing", async () => {
    const { spec, notes } = await inferSurveySpecFile(fixture('qualtrics/hotel-numeric.csv'), { overall: 'Q2', touchpoints: ['Q1_1', 'Q1_2', 'Q1_3', 'Q1_4'] });
    // The touchpoints are rated 1-5 and the recommendation question on its own, longer scale.
    expect(spec).toMatchObject({ scale: { min: 1, max: 5 }, overall: { column: 'Q2', scale: { min: 1, max: 10 } }, id: 'ResponseId' });
    expect(spec.missing).toContain(-1);
    expect(notes.some((n) => n.startsWith('missing: -1 added'))).toBe(true);
    const survey = await readSurveyFile(fixture('qualtrics/hotel-numeric.csv'), spec);
    expect(survey.n).toBe(12);
  });
});
