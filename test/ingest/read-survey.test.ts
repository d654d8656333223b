import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DataValidationError, InvalidArgumentError, type IssueCode } from '../../src/errors.js';
import { readSurvey, safeReadSurvey } from '../../src/ingest/read-survey.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';
import type { Survey } from '../../src/survey/survey.js';

const spec: SurveySpec = { touchpoints: ['price', 'delivery'], overall: 'overall', scale: { min: 1, max: 5 } };

function ratings(survey: Survey, column: string): number[] {
  return Array.from(survey.ratings.get(column) ?? []);
}

function issuesOf(fn: () => unknown): DataValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataValidationError) return error;
    throw error;
  }
  throw new Error('expected a DataValidationError');
}

function expectAccounting(survey: Survey): void {
  const r = survey.report;
  expect(r.rowsRead).toBe(r.rowsUsed + r.rowsDropped);
  expect(Object.values(r.droppedByReason).reduce((a, b) => a + b, 0)).toBe(r.rowsDropped);
  expect(survey.n).toBe(r.rowsUsed);
}

describe('readSurvey: CSV text', () => {
  it('reads quoted fields, embedded newlines and blank cells into NaN-coded Float64Arrays', () => {
    const csv = 'price,delivery,overall,comment\n4,5,5,"good, fast"\n3,,4,"two\nlines"\n';
    const survey = readSurvey(csv, spec);
    expect(survey.n).toBe(2);
    expect(ratings(survey, 'price')).toEqual([4, 3]);
    expect(ratings(survey, 'delivery')).toEqual([5, NaN]);
    expect(survey.ratings.get('overall')).toBeInstanceOf(Float64Array);
    expect(survey.report.ignoredColumns).toEqual(['comment']);
    expect(survey.report.columns.find((c) => c.column === 'delivery')?.missing).toBe(1);
    expect(survey.sourceRows).toEqual(Uint32Array.from([1, 2]));
    expectAccounting(survey);
  });

  it('sniffs comma, semicolon and tab delimiters, and accepts an explicit one', () => {
    for (const d of [',', ';', '\t']) {
      const csv = `${['price', 'delivery', 'overall'].join(d)}\n${['4', '5', '5'].join(d)}\n`;
      const survey = readSurvey(csv, spec);
      expect(survey.report.delimiter).toBe(d);
      expect(ratings(survey, 'overall')).toEqual([5]);
    }
    const piped = readSurvey('price|delivery|overall\n1|2|3\n', spec, { delimiter: '|' });
    expect(ratings(piped, 'delivery')).toEqual([2]);
    expect(() => readSurvey('a', spec, { delimiter: ';;' })).toThrow(InvalidArgumentError);
  });

  it('accepts CRLF, CR and LF line ends in one file and counts blank lines without treating them as rows', () => {
    const survey = readSurvey('price,delivery,overall\r\n1,2,3\r4,5,5\n\n2,2,2\r\n', spec);
    expect(ratings(survey, 'price')).toEqual([1, 4, 2]);
    expect(survey.report.blankLines).toBe(1);
    expect(survey.report.rowsRead).toBe(3);
  });

  it('maps text labels (case- and width-insensitive) and missing codes, including numeric codes', () => {
    const survey = readSurvey('price,delivery,overall\nVery satisfied,99,非常满意\nna,４,3\n', {
      ...spec,
      missing: ['', 'NA', 99],
      labels: { 'very satisfied': 5, 非常满意: 5 },
    });
    expect(ratings(survey, 'price')).toEqual([5, NaN]);
    expect(ratings(survey, 'delivery')).toEqual([NaN, 4]);
    expect(ratings(survey, 'overall')).toEqual([5, 3]);
    expect(survey.report.columns.find((c) => c.column === 'price')).toMatchObject({ missing: 1, labelled: 1 });
  });

  it('treats 0 as missing only when the spec lists it as a missing code', () => {
    const csv = 'price,delivery,overall\n0,3,4\n';
    expect(ratings(readSurvey(csv, { ...spec, missing: [0, ''] }), 'price')).toEqual([NaN]);
    expect(issuesOf(() => readSurvey(csv, spec)).issues[0]?.code).toBe('out_of_scale');
  });

  it('stores reverse-coded items as min + max - answer', () => {
    const survey = readSurvey('price,delivery,overall\n1,2,5\n5,4,1\n', { ...spec, reverse: ['price'] });
    expect(ratings(survey, 'price')).toEqual([5, 1]);
    expect(ratings(survey, 'delivery')).toEqual([2, 4]);
  });

  it('reads ids, segments and weights', () => {
    const survey = readSurvey('id,region,w,price,delivery,overall\na,north,1.5,4,5,5\nb,,0.5,3,3,4\n', {
      ...spec,
      id: 'id',
      weight: 'w',
      segments: ['region'],
    });
    expect(survey.ids).toEqual(['a', 'b']);
    expect(survey.segments.get('region')).toEqual(['north', null]);
    expect(Array.from(survey.weights ?? [])).toEqual([1.5, 0.5]);
  });

  it('flags straight-lining respondents who give the same answer on every touchpoint', () => {
    const survey = readSurvey('price,delivery,overall\n3,3,4\n3,4,4\n5,5,5\n2,,2\n', spec);
    expect(survey.report.straightLining).toEqual({ count: 2, rows: [1, 3] });
    expect(survey.report.warnings.map((w) => w.code)).toContain('straight_lining');
  });

  it('drops a repeated header row and rows with no answers, with reasons', () => {
    const survey = readSurvey('price,delivery,overall\n4,4,4\nprice,delivery,overall\n,,\n2,3,4\n', spec);
    expect(survey.n).toBe(2);
    expect(survey.report.droppedByReason).toMatchObject({ repeated_header: 1, no_answers: 1 });
    expectAccounting(survey);
  });

  it('accepts trailing empty fields that Excel adds but rejects rows with extra data', () => {
    expect(readSurvey('price,delivery,overall\n4,4,4,,\n', spec).n).toBe(1);
    const error = issuesOf(() => readSurvey('price,delivery,overall\n4,4,4,x\n', spec));
    expect(error.issues[0]).toMatchObject({ code: 'ragged_row', path: [1, null], line: 2 });
  });
});

describe('readSurvey: every validation error names row, column, line and the fix', () => {
  const cases: [string, string, SurveySpec, IssueCode, (number | string | null)[], number | null][] = [
    ['unknown column', 'price,speed,overall\n4,4,4\n', spec, 'unknown_column', [null, 'delivery'], 1],
    ['duplicate header', 'price,delivery,delivery,overall\n4,4,4,4\n', spec, 'duplicate_header', [null, 'delivery'], 1],
    ['value out of scale', 'price,delivery,overall\n4,4,4\n4,6,4\n', spec, 'out_of_scale', [2, 'delivery'], 3],
    ['non-integer on an integer scale', 'price,delivery,overall\n4.5,4,4\n', spec, 'non_integer', [1, 'price'], 2],
    ['unparseable number', 'price,delivery,overall\n4,4,good\n', spec, 'unparseable_number', [1, 'overall'], 2],
    ['ragged row', 'price,delivery,overall\n4,4\n', spec, 'ragged_row', [1, null], 2],
    ['empty file', '', spec, 'empty_file', [null, null], null],
    ['header only', 'price,delivery,overall\n', spec, 'header_only', [null, null], 1],
    ['unterminated quote', 'price,delivery,overall\n4,4,4\n4,"4,4\n', spec, 'csv_syntax', [null, null], 3],
    ['invalid weight', 'w,price,delivery,overall\n-1,4,4,4\n', { ...spec, weight: 'w' }, 'invalid_weight', [1, 'w'], 2],
  ];
  it.each(cases)('%s', (_name, csv, s, code, path, line) => {
    const error = issuesOf(() => readSurvey(csv, s));
    expect(error.code).toBe('data_validation');
    const found = error.issues[0];
    expect(found?.code).toBe(code);
    expect(found?.path).toEqual(path);
    expect(found?.line).toBe(line);
    expect(found?.message.length).toBeGreaterThan(20);
    expect(error.message).toContain(found?.message ?? '');
  });

  it('suggests the intended column when only case or spacing differs', () => {
    const error = issuesOf(() => readSurvey('Price,delivery,overall\n4,4,4\n', spec));
    expect(error.issues[0]?.message).toContain('did you mean "Price"?');
  });

  it('lists the first 50 issues and counts all of them', () => {
    const csv = `price,delivery,overall\n${Array.from({ length: 80 }, () => '9,4,4').join('\n')}`;
    const error = issuesOf(() => readSurvey(csv, spec));
    expect(error.issues).toHaveLength(50);
    expect(error.totalIssues).toBe(80);
    expect(error.message).toContain('and 79 more issues');
  });

  it('keeps the offending text in issue.input', () => {
    const error = issuesOf(() => readSurvey('price,delivery,overall\n4,4,4,\n4,4,4,5\n4, 7 ,4\n', spec));
    expect(error.issues.map((i) => [i.code, i.input])).toEqual([
      ['ragged_row', null],
      ['out_of_scale', ' 7 '],
    ]);
  });
});

describe('readSurvey: invalid-value policies', () => {
  const csv = 'price,delivery,overall\n4,4,4\n9,4,4\n3,x,2\n';
  it("'error' (default) rejects the data", () => {
    expect(issuesOf(() => readSurvey(csv, spec)).totalIssues).toBe(2);
  });
  it("'missing' keeps the rows and turns invalid cells into missing values, counted as invalid", () => {
    const survey = readSurvey(csv, { ...spec, invalid: 'missing' });
    expect(ratings(survey, 'price')).toEqual([4, NaN, 3]);
    expect(ratings(survey, 'delivery')).toEqual([4, 4, NaN]);
    expect(survey.report.columns.find((c) => c.column === 'price')).toMatchObject({ missing: 0, invalid: 1 });
    expectAccounting(survey);
  });
  it("'drop-row' drops every row with an invalid cell and says why", () => {
    const survey = readSurvey(`${csv}4,4\n`, { ...spec, invalid: 'drop-row' });
    expect(survey.n).toBe(1);
    expect(survey.report.droppedByReason).toMatchObject({ invalid_value: 2, ragged_row: 1 });
    expect(survey.report.warnings.find((w) => w.code === 'rows_dropped')?.message).toContain('3 of 4 rows');
    expectAccounting(survey);
  });
});

describe('readSurvey: rows, columns and bytes', () => {
  it('reads an array of row objects; absent keys are missing', () => {
    const survey = readSurvey(
      [
        { price: 4, delivery: '5', overall: 5 },
        { price: 3, overall: 4 },
      ],
      spec,
    );
    expect(ratings(survey, 'delivery')).toEqual([5, NaN]);
    expect(survey.report.source).toBe('rows');
  });

  it('reads columns from an object or a Map, with null and NaN as missing', () => {
    const columns = { price: [4, null], delivery: [NaN, 2], overall: [5, 4] };
    expect(ratings(readSurvey(columns, spec), 'price')).toEqual([4, NaN]);
    expect(ratings(readSurvey(new Map(Object.entries(columns)), spec), 'delivery')).toEqual([NaN, 2]);
  });

  it('rejects columns of different lengths', () => {
    const error = issuesOf(() => readSurvey({ price: [4, 3], delivery: [4], overall: [5, 4] }, spec));
    expect(error.issues[0]).toMatchObject({ code: 'ragged_row', path: [null, 'delivery'] });
  });

  it('rejects Infinity in numeric input', () => {
    const error = issuesOf(() => readSurvey({ price: [Infinity], delivery: [1], overall: [5] }, spec));
    expect(error.issues[0]).toMatchObject({ code: 'unparseable_number', path: [1, 'price'] });
  });

  it('rejects bytes that are valid in no supported encoding when UTF-8 is requested', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('price,delivery,overall\n4,4,'), 0xff, 0x0a]);
    const error = issuesOf(() => readSurvey(bytes, spec, { encoding: 'utf-8' }));
    expect(error.issues[0]).toMatchObject({ code: 'invalid_encoding', line: 2 });
  });
});

describe('readSurvey: encodings (fixtures written by fixtures/encodings/make.py)', () => {
  const chinese: SurveySpec = {
    touchpoints: [{ column: '品牌形象', en: 'brand image' }, '价格', '交货速度'],
    overall: '总体满意度',
    id: '编号',
    scale: { min: 1, max: 5 },
    labels: { 非常满意: 5, 满意: 4 },
  };
  const files: [string, string, string][] = [
    ['utf8.csv', 'utf-8', ','],
    ['utf8-bom.csv', 'utf-8', ','],
    ['utf16le-bom.csv', 'utf-16le', '\t'],
    ['utf16be-bom.csv', 'utf-16be', '\t'],
    ['gbk.csv', 'gb18030', ','],
    ['gb18030.csv', 'gb18030', ','],
    ['semicolon.csv', 'utf-8', ';'],
    ['tab.tsv', 'utf-8', '\t'],
  ];
  it.each(files)('%s decodes to the same survey (%s, delimiter %j)', (file, encoding, delimiter) => {
    const bytes = readFileSync(fileURLToPath(new URL(`../../fixtures/encodings/${file}`, import.meta.url)));
    const survey = readSurvey(new Uint8Array(bytes), chinese);
    expect(survey.report.encoding).toBe(encoding);
    expect(survey.report.delimiter).toBe(delimiter);
    expect(survey.ids).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(ratings(survey, '品牌形象')).toEqual([5, 4, 5, 3]);
    expect(ratings(survey, '价格')).toEqual([4, 3, NaN, 2]);
    expect(ratings(survey, '交货速度')).toEqual([5, 3, 2, 4]);
    expect(ratings(survey, '总体满意度')).toEqual([5, 4, 3, 4]);
    expect(survey.touchpoints[0]?.label).toBe('brand image');
  });

  it('reads GBK bytes when the encoding is given explicitly as "gbk"', () => {
    const bytes = readFileSync(fileURLToPath(new URL('../../fixtures/encodings/gbk.csv', import.meta.url)));
    expect(readSurvey(new Uint8Array(bytes), chinese, { encoding: 'GBK' }).report.encoding).toBe('gbk');
  });
});

describe('readSurvey: spec validation and safety', () => {
  it('rejects a malformed spec with the path of every problem', () => {
    expect(() => readSurvey('a\n1\n', { touchpoints: [], overall: 'o', scale: { min: 5, max: 1 } } as SurveySpec)).toThrow(
      /touchpoints: list at least one touchpoint column.*scale: scale.min must be below scale.max/,
    );
    expect(() => readSurvey('a\n1\n', { touchpoints: ['a'], overall: 'a', scale: { min: 1, max: 5 } })).toThrow(/both as a touchpoint and as overall/);
  });

  it('defaults the neutral point to the scale midpoint', () => {
    expect(readSurvey('a,o\n1,2\n', { touchpoints: ['a'], overall: 'o', scale: { min: 0, max: 10 } }).spec.scale.neutral).toBe(5);
  });

  it('cannot pollute prototypes through headers or label keys named __proto__ or constructor', () => {
    const specJson = JSON.parse('{"touchpoints":["__proto__","constructor"],"overall":"prototype","scale":{"min":1,"max":5},"labels":{"__proto__":5}}');
    const survey = readSurvey('__proto__,constructor,prototype\n__proto__,4,3\n', specJson);
    expect(ratings(survey, '__proto__')).toEqual([5]);
    expect(ratings(survey, 'constructor')).toEqual([4]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    const rows = JSON.parse('[{"__proto__": 4, "constructor": 3, "prototype": 5}]');
    expect(ratings(readSurvey(rows, specJson), '__proto__')).toEqual([4]);
  });

  it('safeReadSurvey returns the typed error instead of throwing', () => {
    const result = safeReadSurvey('price,delivery,overall\n', spec);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error).toBeInstanceOf(DataValidationError);
    const ok = safeReadSurvey('price,delivery,overall\n1,2,3\n', spec);
    expect(ok.success && ok.survey.n).toBe(1);
  });
});

describe('readSurvey: Windows-1252 (fixtures/encodings/windows-1252.csv, encoded by Python cp1252)', () => {
  // The header as written before encoding: the euro sign, an en dash and curly quotes are the bytes
  // 0x80, 0x96, 0x93 and 0x94, which Node 20's TextDecoder('windows-1252') drops without an error.
  const header = ['Référence', 'Accueil', 'Prix €', 'Délai – livraison', 'Satisfaction “globale”'];
  const spec: SurveySpec = { touchpoints: ['Accueil', 'Prix €', 'Délai – livraison'], overall: 'Satisfaction “globale”', id: 'Référence', scale: { min: 1, max: 5 } };
  const bytes = (): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/encodings/windows-1252.csv', import.meta.url))));

  it.each(['windows-1252', 'latin1', 'cp1252'])('keeps every character when the encoding is given as %s', (encoding) => {
    const survey = readSurvey(bytes(), spec, { encoding });
    expect(survey.report.encoding).toBe('windows-1252');
    expect(survey.touchpoints.map((t) => t.column)).toEqual(header.slice(1, 4));
    expect(ratings(survey, 'Prix €')).toEqual([4, 3, 2, 5]);
    expect(ratings(survey, 'Satisfaction “globale”')).toEqual([4, 4, 3, 5]);
  });

  it('guesses Windows-1252, not GB18030, for Western text that is not UTF-8, and says it guessed', () => {
    const survey = readSurvey(bytes(), spec);
    expect(survey.report.encoding).toBe('windows-1252');
    expect(survey.ids).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(survey.report.warnings.map((w) => w.code)).toContain('encoding_guessed');
  });
});
