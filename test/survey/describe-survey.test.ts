import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { describeSurvey } from '../../src/survey/describe-survey.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

interface Reference {
  columns: string[];
  data: (number | null)[][];
  model: { y: string; x: string[] };
}
type Golden = Record<string, { scale: { min: number; max: number }; items: Record<string, unknown>[] }>;

const golden = loadGolden<Golden>('descriptives/descriptives.json');
const names = Object.keys(golden).filter((k) => k.startsWith('survey-'));

describe('describeSurvey matches R (mean, sd, qt, median, table) on every reference survey', () => {
  it.each(names)('%s to 1e-12 relative', (name) => {
    const ref = loadGolden<Reference>(`reference/${name}.json`);
    const { scale, items } = golden[name] as Golden[string];
    const columns = Object.fromEntries(ref.columns.map((c, j) => [c, ref.data.map((row) => row[j] ?? null)]));
    const survey = readSurvey(columns, { touchpoints: ref.model.x, overall: ref.model.y, scale });
    const result = describeSurvey(survey);
    expect(result.items.map((i) => i.column)).toEqual(items.map((i) => i.column));
    expectGolden(result.items, items, { relative: 1e-12, absolute: 1e-14 }, name);
  });
});

describe('describeSurvey edge cases', () => {
  const spec = { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 } };

  it('computes a hand-checked example: values 3, 4, 5 have mean 4, sd 1, t interval 4 -/+ 4.302653 / sqrt(3)', () => {
    const d = describeSurvey(readSurvey({ a: [3, 4, 5], b: [1, 1, 2], o: [5, 4, 4] }, spec));
    const a = d.items[0];
    expect(a).toMatchObject({ column: 'a', n: 3, missing: 0, mean: 4, sampleStandardDeviation: 1, median: 4 });
    // qt(0.975, 2) = 4.302652729749464 (R)
    expect(a?.ciLower).toBeCloseTo(4 - 4.302652729749464 / Math.sqrt(3), 12);
    expect(a?.topTwoBox).toBeCloseTo(2 / 3, 15);
    expect(a?.counts).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 0 },
      { value: 3, count: 1 },
      { value: 4, count: 1 },
      { value: 5, count: 1 },
    ]);
    expect(d.items[1]?.bottomTwoBox).toBe(1);
  });

  it('returns null statistics (not NaN) for a column with one answer or none, with a warning', () => {
    const d = describeSurvey(readSurvey({ a: [4, null], b: [null, null], o: [5, 4] }, spec));
    expect(d.items[0]).toMatchObject({ n: 1, mean: 4, sampleStandardDeviation: null, ciLower: null, median: 4 });
    expect(d.items[1]).toMatchObject({ n: 0, missing: 2, mean: null, median: null, topTwoBox: null });
    expect(d.warnings.map((w) => w.code)).toContain('no_answers');
    expect(JSON.stringify(d)).not.toContain('NaN');
  });

  it('gives a zero SD for a constant column', () => {
    const d = describeSurvey(readSurvey({ a: [3, 3, 3], b: [1, 2, 3], o: [5, 4, 4] }, spec));
    expect(d.items[0]).toMatchObject({ sampleStandardDeviation: 0, standardError: 0, ciLower: 3, ciUpper: 3 });
  });

  it('does not depend on row order', () => {
    const a = describeSurvey(readSurvey({ a: [1, 5, 2, 4], b: [2, 2, 3, 5], o: [5, 4, 4, 1] }, spec));
    const b = describeSurvey(readSurvey({ a: [4, 2, 5, 1], b: [5, 3, 2, 2], o: [1, 4, 4, 5] }, spec));
    expect(b.items).toEqual(a.items);
  });

  it('rejects a confidence level outside (0, 1)', () => {
    const survey = readSurvey({ a: [1, 2], b: [1, 2], o: [1, 2] }, spec);
    expect(() => describeSurvey(survey, { level: 95 })).toThrow(InvalidArgumentError);
  });
});
