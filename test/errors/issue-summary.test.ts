import { describe, expect, it } from 'vitest';
import { type DataIssue, DataValidationError, formatCount, IssueTally, MAX_LISTED_CAUSES, MAX_LISTED_ISSUES, summarizeIssues } from '../../src/errors.js';
import { readSurvey } from '../../src/ingest/read-survey.js';

const outside = (row: number, column: string, input: string): DataIssue => ({
  code: 'out_of_scale',
  path: [row, column],
  line: row + 1,
  message: `Row ${row} (line ${row + 1}), column "${column}": "${input}" is outside the scale 1-5; correct it.`,
  input,
});

describe('DataValidationError summary by cause', () => {
  it('counts every issue by cause while keeping only the first 50 in full', () => {
    const tally = new IssueTally();
    const columns = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (let i = 0; i < 4202; i++) tally.add(outside(Math.floor(i / 6) + 1, columns[i % 6] as string, '0'));
    tally.add(outside(900, 'a', '99'));
    expect(tally.total).toBe(4203);
    expect(tally.listed).toHaveLength(MAX_LISTED_ISSUES);
    const [zeros, code] = tally.causes();
    expect(zeros?.summary).toBe(
      '4,202 cells hold 0, outside 1-5, in 6 columns ("a", "b", "c", "d", "e", "f"): if 0 means not applicable, add it to the missing codes (--missing 0) or the not-applicable codes (--na 0)',
    );
    expect(code?.summary).toBe('1 cell holds 99, outside 1-5, in 1 column ("a"): if 99 means "don\'t know" or no answer, add it to the missing codes (--missing 99)');
    const error = new DataValidationError(tally.listed, { totalIssues: tally.total, causes: tally.causes() });
    expect(error.message.startsWith('4,203 issues: 4,202 cells hold 0, outside 1-5, in 6 columns')).toBe(true);
    expect(error.message).toContain('First: Row 1 (line 2), column "a"');
    expect(error.message).toContain('(and 4,202 more issues; see error.issues)');
  });

  it('summarises the issues of a real read: 0 outside 1-5 in two columns, counted past the 50 listed', () => {
    const rows = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? '0,0,4' : '3,0,4'));
    try {
      readSurvey(`a,b,overall\n${rows.join('\n')}\n`, { touchpoints: ['a', 'b'], overall: 'overall', scale: { min: 1, max: 5 } });
      expect.unreachable();
    } catch (error) {
      const e = error as DataValidationError;
      expect(e.totalIssues).toBe(150);
      expect(e.issues).toHaveLength(50);
      expect(e.causes.map((c) => [c.count, c.input, c.columns])).toEqual([[150, '0', ['a', 'b']]]);
    }
  });

  it('keeps one issue as its own message and gives text, ragged rows and many causes one line each', () => {
    expect(new DataValidationError([outside(1, 'a', '7')]).message).toBe('Row 1 (line 2), column "a": "7" is outside the scale 1-5; correct it.');
    const text: DataIssue = { code: 'unparseable_number', path: [2, 'b'], line: 3, message: 'Row 2 (line 3), column "b": "n/a" is not a number; ...', input: 'n/a' };
    const ragged: DataIssue = { code: 'ragged_row', path: [3, null], line: 4, message: 'Row 3 (line 4) has 2 fields but the header has 3; ...', input: null };
    const causes = summarizeIssues([text, text, ragged]);
    expect(causes.map((c) => c.summary)).toEqual([
      '2 cells hold the text "n/a" in 1 column ("b"): map it to a score (--labels \'{"n/a": SCORE}\', the number it stands for) or add it to the missing codes (--missing n/a)',
      '1 row has a different number of fields than the header (first: line 4): check for unquoted delimiters or the wrong --delimiter',
    ]);
    const many = summarizeIssues(Array.from({ length: 20 }, (_, i) => outside(i + 1, 'a', String(10 + i))));
    expect(many).toHaveLength(MAX_LISTED_CAUSES);
    expect(many.at(-1)?.summary).toMatch(/^13 more issues with 13 other values or causes \(first: Row 8/);
  });

  it('formats counts with thousands separators', () => {
    expect([formatCount(7), formatCount(4202), formatCount(1234567)]).toEqual(['7', '4,202', '1,234,567']);
  });
});
