import { describe, expect, it } from 'vitest';
import { DataValidationError, PeakEndError } from '../../src/errors.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { baseSpec, type CorpusCase, corpus } from './cases.js';

function run(c: CorpusCase): { survey?: ReturnType<typeof readSurvey>; error?: unknown } {
  const input = typeof c.input === 'function' ? c.input() : c.input;
  try {
    return { survey: readSurvey(input, c.spec ?? baseSpec, c.options) };
  } catch (error) {
    return { error };
  }
}

describe('malformed-input corpus', () => {
  it('has at least 40 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { survey, error } = run(c);
    const expected = c.expected;
    if ('error' in expected) {
      expect(error, 'expected a DataValidationError').toBeInstanceOf(DataValidationError);
      const found = (error as DataValidationError).issues[0];
      expect(found?.code).toBe(expected.error);
      if (expected.path !== undefined) expect(found?.path).toEqual(expected.path);
      if (expected.line !== undefined) expect(found?.line).toBe(expected.line);
      expect(found?.message).toMatch(/;|\./);
      return;
    }
    if (error !== undefined) throw error;
    const s = survey as NonNullable<typeof survey>;
    const r = s.report;
    expect(r.rowsRead).toBe(r.rowsUsed + r.rowsDropped);
    for (const [column, values] of Object.entries(expected.ratings ?? {})) expect(Array.from(s.ratings.get(column) ?? [])).toEqual(values);
    for (const [reason, count] of Object.entries(expected.dropped ?? {})) expect(r.droppedByReason[reason as keyof typeof r.droppedByReason]).toBe(count);
    for (const code of expected.warnings ?? []) expect(r.warnings.map((w) => w.code)).toContain(code);
    if (expected.n !== undefined) expect(s.n).toBe(expected.n);
  });

  it("never throws anything but the library's errors on the corpus, as bytes too", () => {
    for (const c of corpus) {
      const input = typeof c.input === 'function' ? c.input() : c.input;
      const asBytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
      for (const candidate of [input, asBytes]) {
        try {
          readSurvey(candidate, c.spec ?? baseSpec, c.options);
        } catch (error) {
          expect(error, c.name).toBeInstanceOf(PeakEndError);
        }
      }
    }
  });
});
