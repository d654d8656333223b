/**
 * Cross-checks of readSurveyFile's fast paths: the byte path (UTF-8, plain integers read from the
 * bytes), the text path (quote-free lines split as text) and csv-parse (readSurvey on the same
 * bytes) must give the same survey and account, or the same errors, for any input read in any
 * chunk size; and reading a file once into CsvRecords (the CLI's path when it infers the spec)
 * must give the same survey and errors, and the same inferred spec as inferSurveySpec on the bytes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataValidationError, PeakEndError } from '../../src/errors.js';
import { parseCsvText } from '../../src/ingest/csv.js';
import type { CsvRecords } from '../../src/ingest/csv-records.js';
import { inferSurveySpec, inferSurveySpecFromRecords } from '../../src/ingest/infer-spec.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { type ReadSurveyFileOptions, readCsvRecords, readSurveyFile, streamSurveyFile } from '../../src/ingest/read-survey-file.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';
import type { Survey } from '../../src/survey/survey.js';

const dir = mkdtempSync(join(tmpdir(), 'peak-end-fast-'));
const runs = Number(process.env.PEAK_END_FUZZ_RUNS ?? 200);
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

/** Everything a survey holds, or every issue of the error. */
async function fullOutcome(run: () => Promise<Survey> | Survey): Promise<unknown> {
  try {
    const s = await run();
    return {
      ratings: [...s.ratings.entries()].map(([k, v]) => [k, Array.from(v)]),
      notApplicable: [...s.notApplicable.entries()].map(([k, v]) => [k, Array.from(v)]),
      weights: s.weights === null ? null : Array.from(s.weights),
      ids: s.ids,
      segments: [...s.segments.entries()],
      sourceRows: Array.from(s.sourceRows),
      report: s.report,
    };
  } catch (error) {
    if (error instanceof DataValidationError) return { error: error.code, issues: error.issues };
    throw error;
  }
}

/** The rows a sink receives (copied: the array is reused) and the account, or the error. */
async function sinkOutcome(file: string, surveySpec: SurveySpec, options: ReadSurveyFileOptions, bytes: boolean): Promise<unknown> {
  const rows: number[][] = [];
  try {
    const builder = await streamSurveyFile(file, surveySpec, options, (ratings, weight) => rows.push([...ratings, weight]), { bytes });
    return { rows, report: builder.finishReport() };
  } catch (error) {
    if (error instanceof DataValidationError) return { error: error.code, issues: error.issues, rows };
    throw error;
  }
}

let cases = 0;
function write(bytes: Uint8Array): string {
  const file = join(dir, `case-${cases++}.csv`);
  writeFileSync(file, bytes);
  return file;
}

const encoder = new TextEncoder();

// A rating field: plain integers (with leading zeros, signs, blanks), missing codes, labels,
// decimals, text, full-width digits and other non-ASCII text, empty.
const integerText = fc
  .tuple(
    fc.constantFrom('', '', '', '+', '-'),
    fc.constantFrom('', '', '0', '00'),
    fc.integer({ min: 0, max: 120 }),
    fc.constantFrom('', '', '', ' ', '\t'),
    fc.constantFrom('', '', '', ' ', '\u000b'),
  )
  .map(([sign, zeros, value, before, after]) => `${before}${sign}${zeros}${value}${after}`);
const field = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }).map(String) },
  { weight: 4, arbitrary: integerText },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'NA',
      'na',
      '-',
      '99',
      '9',
      '09',
      '0',
      '-0',
      '+5',
      '4.5',
      '4.',
      '4e0',
      '1e400',
      'x',
      'Good',
      '４',
      '５',
      '中',
      'é',
      '😀',
      '\u00a0' + '3',
      '3\u00a0',
      '1234567890',
      '0000000004',
      '4,5',
    ),
  },
);
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

interface Case {
  readonly text: string;
  readonly spec: SurveySpec;
  readonly bom: boolean;
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    delimiter: fc.constantFrom(',', ',', ';', '\t'),
    weighted: fc.boolean(),
    extra: fc.constantFrom<'none' | 'id' | 'segment'>('none', 'id', 'segment'),
    min: fc.constantFrom(0, 1),
    max: fc.constantFrom(5, 10, 99),
    missing: fc.option(fc.subarray<string | number>(['', 'NA', '-', '99', '9', 9, 99, '09', '+1', -1, '-1', 0, '0', '+5', 'x'])),
    labels: fc.option(fc.constantFrom<Record<string, number>>({ '5': 4 }, { good: 5, '07': 1 }, { '': 3 })),
    notApplicable: fc.option(fc.subarray<string | number>([0, '0', -1, 'n/a', 98, '98', 'x', '5'])),
    scaleB: fc.option(fc.record({ min: fc.constantFrom(0, 1, 2), max: fc.constantFrom(4, 7, 100) })),
    reverse: fc.boolean(),
    invalid: fc.constantFrom<'error' | 'missing' | 'drop-row'>('error', 'missing', 'drop-row'),
    headerSpaces: fc.boolean(),
    rows: fc.array(
      fc.record({
        kind: fc.constantFrom('row', 'row', 'row', 'row', 'row', 'row', 'short', 'long', 'blank', 'header', 'quoted'),
        fields: fc.array(field, { minLength: 6, maxLength: 6 }),
        end: lineEnd,
      }),
      { maxLength: 12 },
    ),
    finalEnd: fc.boolean(),
    bom: fc.boolean(),
  })
  .map((c) => {
    const names = ['a', 'b', 'o', ...(c.weighted ? ['w'] : []), ...(c.extra === 'none' ? [] : ['e'])];
    const header = c.headerSpaces ? names.map((n) => ` ${n} `).join(c.delimiter) : names.join(c.delimiter);
    const lines = c.rows.map((r, k) => {
      const cells = r.fields.slice(0, names.length);
      if (c.weighted) cells[3] = ['1', '2.5', '0', '', '-1', 'x', '1e0'][k % 7] as string;
      let line: string;
      if (r.kind === 'short') line = cells.slice(0, names.length - 1).join(c.delimiter);
      else if (r.kind === 'long') line = [...cells, r.fields[5] as string].join(c.delimiter);
      else if (r.kind === 'blank') line = '';
      else if (r.kind === 'header') line = header;
      else if (r.kind === 'quoted') line = cells.map((v, j) => (j === 1 ? `"${v}"` : v)).join(c.delimiter);
      else line = cells.join(c.delimiter);
      return { line, end: r.end };
    });
    const body = lines.map(({ line, end }, k) => (k === lines.length - 1 && !c.finalEnd ? line : line + end)).join('');
    // A code that is also a label, or both a missing and a not-applicable code, is a spec error: keep them apart.
    const labelTexts = new Set(Object.keys(c.labels ?? {}));
    const missing = c.missing === null ? null : c.missing.filter((m) => !labelTexts.has(String(m).toLowerCase()));
    const missingTexts = new Set((missing ?? []).map((m) => String(m).toLowerCase()));
    const notApplicable = c.notApplicable === null ? null : c.notApplicable.filter((m) => !labelTexts.has(String(m)) && !missingTexts.has(String(m)));
    const surveySpec: SurveySpec = {
      touchpoints: ['a', c.scaleB === null ? 'b' : { column: 'b', scale: c.scaleB }],
      overall: 'o',
      scale: { min: c.min, max: c.max },
      invalid: c.invalid,
      ...(missing !== null && { missing }),
      ...(notApplicable !== null && { notApplicable }),
      ...(c.labels !== null && { labels: c.labels }),
      ...(c.reverse && { reverse: ['b'] }),
      ...(c.weighted && { weight: 'w' }),
      ...(c.extra === 'id' && { id: 'e' }),
      ...(c.extra === 'segment' && { segments: ['e'] }),
    };
    return { text: `${header}\n${body}`, spec: surveySpec, bom: c.bom };
  });

const chunkSize = fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 17, max: 200 }), fc.constant(65536));

function bytesOf(c: Case): Uint8Array {
  const body = encoder.encode(c.text);
  if (!c.bom) return body;
  const withBom = new Uint8Array(body.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(body, 3);
  return withBom;
}

describe('readSurveyFile fast paths equal csv-parse', () => {
  it('property: for any text of digits, delimiters, spaces, line ends and (sometimes) quotes, read in any chunk size', async () => {
    const piece = fc.constantFrom('1', '2', '3', '4', '5', '7', ',', ',', ';', ' ', '\n', '\n', '\r\n', '\r', 'x', '"');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 120 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (pieces, size, allowQuotes) => {
        const body = pieces.filter((p) => allowQuotes || p !== '"').join('');
        const text = `a,b,o\n${body}`;
        const file = write(encoder.encode(text));
        const fromFile = await outcome(() => readSurveyFile(file, spec, { chunkSize: size }));
        const inMemory = await outcome(() => readSurvey(encoder.encode(text), spec));
        expect(fromFile).toEqual(inMemory);
      }),
      { numRuns: runs, seed: 8 },
    );
  });

  it('property: the byte path, the text path and csv-parse agree on surveys with plain and signed integers, blanks, missing codes that are digits, labels, non-ASCII text, CRLF, BOM, ragged, blank and repeated-header lines, in any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, chunkSize, async (c, size) => {
        const bytes = bytesOf(c);
        const file = write(bytes);
        const viaBytes = await fullOutcome(() => readSurveyFile(file, c.spec, { chunkSize: size }));
        const viaText = await fullOutcome(async () => (await streamSurveyFile(file, c.spec, { chunkSize: size }, null, { bytes: false })).finish());
        const viaCsvParse = await fullOutcome(() => readSurvey(bytes, c.spec));
        const viaRecords = await fullOutcome(async () => ((await readCsvRecords(file, { chunkSize: size })) as CsvRecords).survey(c.spec));
        const viaTextRecords = await fullOutcome(async () => ((await readCsvRecords(file, { chunkSize: size }, { bytes: false })) as CsvRecords).survey(c.spec));
        expect(viaBytes).toEqual(viaText);
        expect(viaBytes).toEqual(viaCsvParse);
        expect(viaRecords).toEqual(viaBytes);
        expect(viaTextRecords).toEqual(viaBytes);
      }),
      { numRuns: runs * 2, seed: 9 },
    );
  });

  it('property: the streaming sink (accumulateSurveyFile) sees the same rows and account on both paths', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, chunkSize, async (c, size) => {
        const file = write(bytesOf(c));
        expect(await sinkOutcome(file, c.spec, { chunkSize: size }, true)).toEqual(await sinkOutcome(file, c.spec, { chunkSize: size }, false));
      }),
      { numRuns: runs, seed: 10 },
    );
  });

  it('property: the byte and text paths agree under small limits (maxRows, maxFieldBytes)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, chunkSize, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 3, max: 30 }), async (c, size, maxRows, maxFieldBytes) => {
        const file = write(bytesOf(c));
        const options = { chunkSize: size, maxRows, maxFieldBytes };
        const viaBytes = await fullOutcome(() => readSurveyFile(file, c.spec, options));
        const viaText = await fullOutcome(async () => (await streamSurveyFile(file, c.spec, options, null, { bytes: false })).finish());
        const viaRecords = await fullOutcome(async () => ((await readCsvRecords(file, options)) as CsvRecords).survey(c.spec, options));
        expect(viaBytes).toEqual(viaText);
        expect(viaRecords).toEqual(viaBytes);
      }),
      { numRuns: runs, seed: 11 },
    );
  });

  it('property: the byte and text paths report invalid UTF-8 on the same line, whatever the chunk size', async () => {
    const piece = fc.constantFrom('1', '2', ',', ',', '\n', '\n', '\r\n', '\r', 'é', '中', '😀', '"', ' ');
    const bad = fc.constantFrom([0xff], [0xc3], [0xe4, 0xb8], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x80]);
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), bad, fc.nat(), fc.boolean(), fc.boolean(), chunkSize, async (pieces, badBytes, at, quotes, unicode, size) => {
        const head = encoder.encode('a,b,o\n');
        const body = encoder.encode(pieces.filter((p) => (quotes || p !== '"') && (unicode || p.charCodeAt(0) < 0x80)).join(''));
        const cut = body.length === 0 ? 0 : at % (body.length + 1);
        const bytes = new Uint8Array([...head, ...body.subarray(0, cut), ...badBytes, ...body.subarray(cut)]);
        const file = write(bytes);
        const viaBytes = await fullOutcome(() => readSurveyFile(file, spec, { chunkSize: size }));
        const viaText = await fullOutcome(async () => (await streamSurveyFile(file, spec, { chunkSize: size }, null, { bytes: false })).finish());
        const viaRecords = await fullOutcome(async () => ((await readCsvRecords(file, { chunkSize: size })) as CsvRecords).survey(spec));
        expect(viaBytes).toEqual(viaText);
        expect(viaRecords).toEqual(viaBytes);
      }),
      { numRuns: runs, seed: 12 },
    );
  });

  it('property: inference from a file read once into CsvRecords equals inferSurveySpec on its bytes (blank, ragged, quoted and repeated-header lines, totals, any chunk size, a row sample)', async () => {
    const inferred = async (run: () => unknown): Promise<unknown> => {
      try {
        return await run();
      } catch (error) {
        if (error instanceof PeakEndError) return { error: error.code, message: error.message };
        throw error;
      }
    };
    const totals = fc.constantFrom('', '', 'Total,6,7,8\n', ',6,7,8\n', 'Average,3,3.5,4\n');
    await fc.assert(
      fc.asyncProperty(caseArbitrary, chunkSize, totals, fc.option(fc.integer({ min: 0, max: 8 })), fc.boolean(), async (c, size, total, sampleRows, givenOverall) => {
        const bytes = bytesOf({ ...c, text: c.text + total });
        const file = write(bytes);
        const options = { ...(sampleRows !== null && { sampleRows }), ...(givenOverall && { overall: 'o' }) };
        const fromBytes = await inferred(() => inferSurveySpec(bytes, options));
        const fromRecords = await inferred(async () => inferSurveySpecFromRecords((await readCsvRecords(file, { chunkSize: size })) as CsvRecords, options));
        expect(fromRecords).toEqual(fromBytes);
      }),
      { numRuns: runs * 2, seed: 13 },
    );
  });

  it('property: CsvRecords counts the cells inference reads as csv-parse record by record: header, blank lines and repeated headers skipped, the last three records held back, the first rows counted by distinct text in first-seen order', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, chunkSize, fc.option(fc.integer({ min: 0, max: 8 })), async (c, size, sampleRows) => {
        const file = write(bytesOf(c));
        const limit = sampleRows ?? Number.POSITIVE_INFINITY;
        const records: { fields: string[]; line: number }[] = [];
        const delimiter = c.text.slice(0, c.text.indexOf('\n')).includes(';') ? ';' : c.text.slice(0, c.text.indexOf('\n')).includes('\t') ? '\t' : ',';
        parseCsvText(c.text, delimiter, 1 << 20, { record: (fields, line) => records.push({ fields, line }) });
        const header = (records.shift() as { fields: string[] }).fields.map((f) => f.trim());
        const key = header.join('\u0000');
        const data = records.filter(({ fields }) => !(fields.length === 1 && (fields[0] as string).trim() === '' && header.length > 1) && fields.map((f) => f.trim()).join('\u0000') !== key);
        const pending = data.slice(Math.max(0, data.length - 3));
        const counted = data.slice(0, Math.min(limit, data.length - pending.length));
        const cells = header.map((_, j) => {
          const counts = new Map<string, number>();
          for (const { fields } of counted) counts.set(fields[j] ?? '', (counts.get(fields[j] ?? '') ?? 0) + 1);
          return { raw: [...counts.keys()], count: [...counts.values()] };
        });
        const read = (await readCsvRecords(file, { chunkSize: size })) as CsvRecords;
        expect(read.cellCounts(limit)).toEqual({ header, rows: counted.length, pending, cells });
      }),
      { numRuns: runs, seed: 14 },
    );
  });

  it('property: CsvRecords reads text labels, binary classes and invalid cells once per distinct text with the same survey, account and errors as streaming', async () => {
    const rating = fc.constantFrom('Good', 'good ', 'GOOD', 'Bad', 'bad', 'x', '5', '2', '９', '', 'NA', 'n/a', '0');
    const outcome = fc.constantFrom('yes', 'Yes', 'no', 'NO ', '1', '0', 'maybe', '', 'NA');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(rating, rating, outcome), { maxLength: 15 }),
        fc.constantFrom<'error' | 'missing' | 'drop-row'>('error', 'missing', 'drop-row'),
        fc.boolean(),
        chunkSize,
        async (rows, invalid, binary, size) => {
          const file = write(encoder.encode(`a,b,o\n${rows.map((r) => r.join(',')).join('\n')}\n`));
          const surveySpec: SurveySpec = {
            touchpoints: ['a', 'b'],
            overall: binary ? { column: 'o', type: 'binary', positive: ['yes'] } : 'o',
            scale: { min: 1, max: 5 },
            labels: { good: 4, bad: 1, yes: 5, no: 1 },
            notApplicable: ['n/a'],
            invalid,
            reverse: ['b'],
          };
          const streamed = await fullOutcome(() => readSurveyFile(file, surveySpec, { chunkSize: size }));
          const viaRecords = await fullOutcome(async () => ((await readCsvRecords(file, { chunkSize: size })) as CsvRecords).survey(surveySpec));
          expect(viaRecords).toEqual(streamed);
        },
      ),
      { numRuns: runs, seed: 15 },
    );
  });
});
