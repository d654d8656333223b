/**
 * Fuzzing ingest with fast-check (seeded). For any bytes, text, rows or columns, readSurvey either
 * returns a Survey whose row accounting holds, or throws one of the library's error classes:
 * never another exception. The budget is small by default; set PEAK_END_FUZZ_RUNS for more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeakEndError } from '../../src/errors.js';
import { readSurvey, type SurveyInput } from '../../src/ingest/read-survey.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';

const runs = Number(process.env.PEAK_END_FUZZ_RUNS ?? 300);
const spec: SurveySpec = { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 }, missing: ['', 'NA', 99] };
const lenient: SurveySpec = { ...spec, invalid: 'missing' };
const dropping: SurveySpec = { ...spec, invalid: 'drop-row' };

function holds(input: SurveyInput, s: SurveySpec): boolean {
  try {
    const survey = readSurvey(input, s);
    const r = survey.report;
    const reasons = Object.values(r.droppedByReason).reduce((x, y) => x + y, 0);
    return r.rowsRead === r.rowsUsed + r.rowsDropped && reasons === r.rowsDropped && survey.n === r.rowsUsed && [...survey.ratings.values()].every((c) => c.length === survey.n);
  } catch (error) {
    if (error instanceof PeakEndError) return true;
    throw error;
  }
}

const csvAlphabet = fc.constantFrom('1', '2', '3', '4', '5', '9', '0', ',', ';', '\t', '"', '\n', '\r', ' ', 'a', 'b', 'o', 'N', 'A', '-', '.', 'e', '+', '４', '\uFEFF', '\u0000', 'é', '满');

describe('ingest fuzzing', () => {
  it('arbitrary bytes after a valid header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(spec, lenient, dropping), (body, s) => {
        const header = new TextEncoder().encode('a,b,o\n');
        return holds(new Uint8Array([...header, ...body]), s);
      }),
      { numRuns: runs, seed: 1 },
    );
  });

  it('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => holds(bytes, spec)),
      { numRuns: runs, seed: 2 },
    );
  });

  it('CSV-like text built from the characters that break parsers', () => {
    fc.assert(
      fc.property(fc.array(csvAlphabet, { maxLength: 300 }), fc.constantFrom(spec, lenient, dropping), (chars, s) => holds(`a,b,o\n${chars.join('')}`, s)),
      { numRuns: runs, seed: 3 },
    );
  });

  it('row objects and columns holding any JavaScript value', () => {
    const cell = fc.oneof(fc.integer({ min: -2, max: 8 }), fc.double(), fc.string({ maxLength: 4 }), fc.constant(null), fc.constant(undefined), fc.boolean(), fc.anything());
    fc.assert(
      fc.property(fc.array(fc.record({ a: cell, b: cell, o: cell }, { requiredKeys: [] }), { maxLength: 30 }), fc.constantFrom(spec, lenient, dropping), (rows, s) => holds(rows as SurveyInput, s)),
      { numRuns: runs, seed: 4 },
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 10 }), fc.array(cell, { maxLength: 10 }), fc.array(cell, { maxLength: 10 }), (a, b, o) => holds({ a, b, o } as SurveyInput, lenient)),
      { numRuns: runs, seed: 5 },
    );
  });

  it('reads a hostile file (100k quotes, then 50k ragged records) to a typed verdict', () => {
    // Time grows linearly with the input; csv-parse spends about 40 microseconds on each record
    // whose length differs from the header's (docs/reliability.md).
    const hostile = `a,b,o\n${'"'.repeat(100_000)}${',;\t\n'.repeat(50_000)}`;
    expect(holds(hostile, spec)).toBe(true);
    expect(holds(hostile, dropping)).toBe(true);
  });
});
