/**
 * Cross-check of readSurveyFile's fast path (quote-free lines split at the delimiter) against
 * csv-parse (readSurvey on the same bytes): same survey and account, or the same error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataValidationError } from '../../src/errors.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';

const dir = mkdtempSync(join(tmpdir(), 'peak-end-fast-'));
const spec: SurveySpec = { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 }, invalid: 'drop-row' };

async function outcome(run: () => unknown): Promise<unknown> {
  try {
    const s = (await run()) as { ratings: Map<string, Float64Array>; report: unknown };
    return { ratings: [...s.ratings.entries()].map(([k, v]) => [k, Array.from(v)]), report: s.report };
  } catch (error) {
    if (error instanceof DataValidationError) return { error: error.issues[0]?.code, line: error.issues[0]?.line };
    throw error;
  }
}

describe('readSurveyFile fast path equals csv-parse', () => {
  it('property: for any text of digits, delimiters, spaces, line ends and (sometimes) quotes, read in any chunk size', async () => {
    const piece = fc.constantFrom('1', '2', '3', '4', '5', '7', ',', ',', ';', ' ', '\n', '\n', '\r\n', '\r', 'x', '"');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 120 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (pieces, chunkSize, allowQuotes) => {
        const body = pieces.filter((p) => allowQuotes || p !== '"').join('');
        const text = `a,b,o\n${body}`;
        const file = join(dir, 'case.csv');
        writeFileSync(file, text);
        const fromFile = await outcome(() => readSurveyFile(file, spec, { chunkSize }));
        const inMemory = await outcome(() => readSurvey(new TextEncoder().encode(text), spec));
        expect(fromFile).toEqual(inMemory);
      }),
      { numRuns: Number(process.env.PEAK_END_FUZZ_RUNS ?? 200), seed: 8 },
    );
  });
});
