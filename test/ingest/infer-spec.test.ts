import { describe, expect, it } from 'vitest';
import { InferenceRefusedError, InvalidArgumentError } from '../../src/errors.js';
import { inferSurveySpec } from '../../src/ingest/infer-spec.js';

describe('inferSurveySpec', () => {
  it('takes numeric rating columns as touchpoints in file order and the overall column by name', () => {
    const { spec, notes } = inferSurveySpec('id,region,price,delivery,Overall satisfaction,support\n101,n,4,5,5,3\n102,s,3,NA,4,2\n');
    expect(spec.overall).toBe('Overall satisfaction');
    expect(spec.touchpoints).toEqual(['price', 'delivery', 'support']);
    expect(spec.scale).toEqual({ min: 1, max: 5 });
    expect(notes.some((n) => n.includes('"id" looks like a respondent id'))).toBe(true);
    expect(inferSurveySpec('code,a,overall\n500,2,3\n').notes[0]).toBe('"code" is numeric but not a rating (values 500 to 500); left out');
    expect(notes).toHaveLength(5);
    expect(notes).toContain('"region" holds text (e.g. "n"); left out (if it is a rating, map its answers to scores with --labels)');
    expect(inferSurveySpec('id,a,overall\n1,2,3\n2,3,4\n').notes[0]).toBe('"id" looks like a respondent id; left out (pass --id "id" to name respondents by it)');
  });

  it('recognises a Chinese overall column and refuses to guess when no name says which column is overall', () => {
    expect(inferSurveySpec('品牌形象,价格,总体满意度\n5,4,4\n').spec.overall).toBe('总体满意度');
    expect(() => inferSurveySpec('a,b,c\n1,2,3\n')).toThrow(InferenceRefusedError);
    expect(() => inferSurveySpec('a,b,c\n1,2,3\n')).toThrow(/No column name says which is the overall rating .* name it with --overall COL\. Rating columns: "a", "b", "c"\./);
  });

  it('keeps a rating column with a stray text cell, so reading reports it, and names text columns it leaves out', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${(i % 5) + 1},${((i + 2) % 5) + 1},${(i % 3) + 3},Very good`);
    rows[7] = '2,excellent,4,Fine';
    const { spec, notes } = inferSurveySpec(`a,b,overall,comment\n${rows.join('\n')}\n`);
    expect(spec.touchpoints).toEqual(['a', 'b']);
    expect(spec.scale).toEqual({ min: 1, max: 5 });
    expect(notes).toContain('scale: 1-5 (the smallest standard scale holding the values seen: 1, 2, 3, 4, 5; set --scale to change)');
    expect(notes).toContain('"comment" holds text (e.g. "Very good"); left out (if it is a rating, map its answers to scores with --labels)');
  });

  it('refuses a scale that a single far-off value would stretch (1-5 data and one 7)', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `${(i % 5) + 1},${((i + 2) % 5) + 1},${(i % 3) + 3}`);
    rows[4] = '7,2,3';
    const error = refusal(() => inferSurveySpec(`a,b,overall\n${rows.join('\n')}\n`));
    expect(error.reason).toBe('scale_ambiguous');
    expect(error.message).toContain('Is the scale 1-5 or 1-7? The answers run 1 to 5, then 1 cell holds 7 (in "a") with nothing between. Pass --scale 1-5');
  });

  it('picks the smallest standard scale holding every value (0-10 when zeros occur)', () => {
    expect(inferSurveySpec('a,overall\n0,9\n10,8\n').spec.scale).toEqual({ min: 0, max: 10 });
    expect(inferSurveySpec('a,overall\n1,7\n6,2\n').spec.scale).toEqual({ min: 1, max: 7 });
  });

  it('keeps what the caller gives and only announces guesses', () => {
    const { spec, notes } = inferSurveySpec('a,b,c\n1,2,3\n', { overall: 'a', touchpoints: ['c', 'b'], scale: { min: 1, max: 5 } });
    expect(spec).toMatchObject({ overall: 'a', touchpoints: ['c', 'b'], scale: { min: 1, max: 5 } });
    expect(notes).toEqual([]);
  });

  it('explains when there is nothing numeric to analyse', () => {
    expect(() => inferSurveySpec('name,comment\nann,good\n')).toThrow(InvalidArgumentError);
    expect(() => inferSurveySpec('name,comment\nann,good\n')).toThrow(/No column holds ratings/);
    expect(() => inferSurveySpec('score\n4\n')).toThrow(/No numeric touchpoint columns/);
  });
});

function refusal(run: () => unknown): InferenceRefusedError {
  try {
    run();
  } catch (error) {
    if (error instanceof InferenceRefusedError) return error;
    throw error;
  }
  throw new Error('expected an InferenceRefusedError');
}
