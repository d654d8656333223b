/**
 * The malformed-input corpus: awkward or broken survey files and the outcome each must have:
 * either an accepted parse (with the values it must yield) or one typed issue with its row, column
 * and line. docs/reliability.md lists the same table.
 */
import type { IssueCode } from '../../src/errors.js';
import type { ReadSurveyOptions } from '../../src/ingest/read-survey.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';

export const baseSpec: SurveySpec = { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 } };

export type Expected =
  | {
      readonly ok: true;
      readonly ratings?: Readonly<Record<string, readonly number[]>>;
      readonly dropped?: Readonly<Record<string, number>>;
      readonly warnings?: readonly string[];
      readonly n?: number;
    }
  | { readonly error: IssueCode; readonly path?: readonly [number | null, string | null]; readonly line?: number | null };

export interface CorpusCase {
  readonly name: string;
  readonly input: string | Uint8Array | (() => string | Uint8Array);
  readonly spec?: SurveySpec;
  readonly options?: ReadSurveyOptions;
  readonly expected: Expected;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]): Uint8Array => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
const H = 'a,b,o\n';

export const corpus: readonly CorpusCase[] = [
  { name: 'unterminated quote', input: `${H}1,2,3\n"4,5,5\n`, expected: { error: 'csv_syntax', line: 3 } },
  { name: 'quote inside an unquoted field', input: `${H}1,2"x,3\n`, expected: { error: 'csv_syntax', line: 2 } },
  { name: 'mixed delimiters (a semicolon row in a comma file)', input: `${H}1,2,3\n4;5;5\n`, expected: { error: 'ragged_row', path: [2, null], line: 3 } },
  { name: 'ragged row with too few fields', input: `${H}1,2,3\n4,5\n`, expected: { error: 'ragged_row', path: [2, null], line: 3 } },
  { name: 'ragged row with extra data', input: `${H}1,2,3,9\n`, expected: { error: 'ragged_row', path: [1, null], line: 2 } },
  { name: 'trailing empty fields from Excel', input: `${H}1,2,3,,\n`, expected: { ok: true, ratings: { a: [1] } } },
  { name: 'NUL byte inside a cell', input: bytes(H, '4', [0], '5,2,3\n'), expected: { error: 'unparseable_number', path: [1, 'a'], line: 2 } },
  { name: 'NUL byte as a whole cell', input: bytes(H, [0], ',2,3\n'), expected: { error: 'unparseable_number', path: [1, 'a'] } },
  { name: 'invalid UTF-8 that is not GB18030 either', input: bytes(H, '1,2,', [0xff, 0xfe, 0x80], '\n'), expected: { error: 'invalid_encoding' } },
  { name: 'invalid UTF-8 with encoding utf-8 given', input: bytes(H, '1,2,3\n', [0xc3, 0x28], ',2,3\n'), options: { encoding: 'utf-8' }, expected: { error: 'invalid_encoding', line: 3 } },
  {
    name: 'Windows-1252 header with encoding given',
    input: bytes('a,b,', [0xe9], '\n1,2,3\n'),
    spec: { ...baseSpec, overall: 'é' },
    options: { encoding: 'windows-1252' },
    expected: { ok: true, ratings: { é: [3] } },
  },
  { name: 'BOM in the middle of the file', input: `${H}1,2,3\n\uFEFF4,5,5\n`, expected: { ok: true, ratings: { a: [1, 4] } } },
  { name: 'BOM at the start, semicolons', input: `\uFEFFa;b;o\n1;2;3\n`, expected: { ok: true, ratings: { o: [3] } } },
  { name: '10 MB field', input: () => `${H}"${'x'.repeat(10 * 1024 * 1024)}",2,3\n`, expected: { error: 'field_too_large' } },
  {
    name: '10,000 columns',
    input: () => `${[...Array.from({ length: 9997 }, (_, i) => `c${i}`), 'a', 'b', 'o'].join(',')}\n${[...Array.from({ length: 9997 }, () => '1'), '2', '3', '4'].join(',')}\n`,
    expected: { ok: true, ratings: { a: [2], o: [4] } },
  },
  { name: 'more columns than maxColumns', input: `${H}1,2,3\n`, options: { maxColumns: 2 }, expected: { error: 'too_many_columns' } },
  { name: 'more rows than maxRows', input: `${H}1,2,3\n1,2,3\n1,2,3\n`, options: { maxRows: 2 }, expected: { error: 'too_many_rows', path: [3, null], line: 4 } },
  { name: 'Excel date in a rating cell', input: `${H}2024-01-05,2,3\n`, expected: { error: 'unparseable_number', path: [1, 'a'], line: 2 } },
  { name: 'Excel date serial in a rating cell', input: `${H}45296,2,3\n`, expected: { error: 'out_of_scale', path: [1, 'a'] } },
  { name: 'decimal comma', input: `${H}"4,5",2,3\n`, spec: { ...baseSpec, scale: { min: 1, max: 5, integer: false } }, expected: { error: 'unparseable_number', path: [1, 'a'] } },
  { name: 'decimal point on a non-integer scale', input: `${H}4.5,2,3\n`, spec: { ...baseSpec, scale: { min: 1, max: 5, integer: false } }, expected: { ok: true, ratings: { a: [4.5] } } },
  { name: 'full-width digits from a Chinese input method', input: `${H}４,２,５\n`, expected: { ok: true, ratings: { a: [4], b: [2], o: [5] } } },
  { name: 'plus sign', input: `${H}+4,2,3\n`, expected: { ok: true, ratings: { a: [4] } } },
  { name: 'spaces around the number', input: `${H} 4 ,2,3\n`, expected: { ok: true, ratings: { a: [4] } } },
  { name: '4.0 on an integer scale', input: `${H}4.0,2,3\n`, expected: { ok: true, ratings: { a: [4] } } },
  { name: '4.5 on an integer scale', input: `${H}4.5,2,3\n`, expected: { error: 'non_integer', path: [1, 'a'], line: 2 } },
  { name: 'NaN as text', input: `${H}NaN,2,3\n`, expected: { error: 'unparseable_number', path: [1, 'a'] } },
  { name: 'Infinity as text', input: `${H}Infinity,2,3\n`, expected: { error: 'unparseable_number', path: [1, 'a'] } },
  { name: '1e400 (overflows to infinity)', input: `${H}1e400,2,3\n`, expected: { error: 'unparseable_number', path: [1, 'a'] } },
  { name: '4e0 in exponent notation', input: `${H}4e0,2,3\n`, expected: { ok: true, ratings: { a: [4] } } },
  { name: '-0 on a 0-10 scale is 0', input: `${H}-0,2,3\n`, spec: { ...baseSpec, scale: { min: 0, max: 10 } }, expected: { ok: true, ratings: { a: [0] } } },
  { name: 'percent sign', input: `${H}80%,2,3\n`, expected: { error: 'unparseable_number', path: [1, 'a'] } },
  { name: 'header repeated mid-file', input: `${H}1,2,3\na,b,o\n4,5,5\n`, expected: { ok: true, ratings: { a: [1, 4] }, dropped: { repeated_header: 1 } } },
  { name: 'CRLF, CR and LF mixed', input: `a,b,o\r\n1,2,3\r4,5,5\n2,2,2\r\n`, expected: { ok: true, ratings: { a: [1, 4, 2] } } },
  { name: 'only CR line ends (old Mac Excel)', input: `a,b,o\r1,2,3\r4,5,5\r`, expected: { ok: true, ratings: { o: [3, 5] } } },
  { name: 'blank lines and whitespace-only lines', input: `${H}\n1,2,3\n\n4,5,5\n`, expected: { ok: true, ratings: { a: [1, 4] } } },
  { name: 'empty overall column', input: `${H}1,2,\n4,5,\n`, expected: { ok: true, ratings: { o: [Number.NaN, Number.NaN] }, warnings: ['column_all_missing'] } },
  { name: 'a touchpoint answered by nobody', input: `${H},2,3\n,5,5\n`, expected: { ok: true, ratings: { a: [Number.NaN, Number.NaN] }, warnings: ['column_all_missing'] } },
  { name: 'zero-variance overall', input: `${H}1,2,4\n4,5,4\n3,3,4\n`, expected: { ok: true, ratings: { o: [4, 4, 4] } } },
  { name: 'rows with no answer at all', input: `${H}1,2,3\n,,\n`, expected: { ok: true, n: 1, dropped: { no_answers: 1 } } },
  { name: 'empty file', input: '', expected: { error: 'empty_file' } },
  { name: 'only a BOM', input: '\uFEFF', expected: { error: 'empty_file' } },
  { name: 'header only', input: H, expected: { error: 'header_only', line: 1 } },
  { name: 'duplicate header used by the spec', input: `a,b,b,o\n1,2,3,4\n`, expected: { error: 'duplicate_header', path: [null, 'b'] } },
  { name: 'duplicate header not used by the spec', input: `a,b,o,x,x\n1,2,3,4,5\n`, expected: { ok: true, warnings: ['duplicate_header'] } },
  { name: 'unknown column (case differs)', input: `A,b,o\n1,2,3\n`, expected: { error: 'unknown_column', path: [null, 'a'], line: 1 } },
  { name: 'header named __proto__', input: `__proto__,b,o\n1,2,3\n`, spec: { ...baseSpec, touchpoints: ['__proto__', 'b'] }, expected: { ok: true, ratings: { __proto__: [1] } } },
  { name: 'formula-looking text in a rating cell', input: `${H}=1+1,2,3\n`, expected: { error: 'unparseable_number', path: [1, 'a'] } },
  { name: 'quoted field with embedded newline and delimiter in an ignored column', input: `a,b,o,comment\n1,2,3,"line one\nline, two"\n4,5,5,ok\n`, expected: { ok: true, ratings: { a: [1, 4] } } },
  { name: 'tab-delimited with quoted tab', input: `a\tb\to\tnote\n1\t2\t3\t"x\ty"\n`, expected: { ok: true, ratings: { o: [3] } } },
];
