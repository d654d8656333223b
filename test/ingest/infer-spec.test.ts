import fc from 'fast-check';
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

  it('leaves other outcome measures (recommendation 0-10, loyalty) out of the touchpoints, so they neither join the journey nor stretch the scale', () => {
    const csv = 'booking,seat,wifi,satisfaction,recommend,loyalty_index\n4,5,3,5,9,4\n2,3,1,2,3,2\n5,4,2,4,10,5\n3,3,3,3,0,3\n';
    // Both "satisfaction" and "recommend" name an outcome: inference refuses to pick; the user names it.
    expect(() => inferSurveySpec(csv)).toThrow(/satisfaction.*recommend/);
    const { spec, notes } = inferSurveySpec(csv, { overall: 'satisfaction' });
    expect(spec.touchpoints).toEqual(['booking', 'seat', 'wifi']);
    expect(spec.scale).toEqual({ min: 1, max: 5 });
    expect(notes.some((n) => n.startsWith('"recommend" looks like another outcome measure'))).toBe(true);
    expect(notes.some((n) => n.startsWith('"loyalty_index" looks like another outcome measure'))).toBe(true);
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
    expect(notes).toContain(
      '"comment" holds text: 2 values (Fine, Very good); left out (pass --segment "comment" to compare these groups; if it is a rating, map its answers to scores with --labels)',
    );
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

describe('inferSurveySpec: judgement', () => {
  const likert = (n: number, f: (i: number) => string): string => Array.from({ length: n }, (_, i) => f(i)).join('\n');

  it('infers 1-10 for data from 1 to 10 and 0-2 for data from 0 to 2, announcing the values seen', () => {
    const ten = inferSurveySpec(`a,b,overall\n${likert(40, (i) => `${(i % 10) + 1},${((i + 3) % 10) + 1},${((i + 5) % 10) + 1}`)}\n`);
    expect(ten.spec.scale).toEqual({ min: 1, max: 10 });
    expect(ten.notes).toContain('scale: 1-10 (the smallest standard scale holding the values seen: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10; set --scale to change)');
    expect(inferSurveySpec(`a,b,rating\n${likert(30, (i) => `${i % 3},${(i + 1) % 3},${(i + 2) % 3}`)}\n`).spec.scale).toEqual({ min: 0, max: 2 });
  });

  it('reads every row: a maximum on the last of 5,000 rows is seen', () => {
    const rows = likert(5000, (i) => `${(i % 7) + 1},${(i % 5) + 1},${(i % 6) + 1}`).split('\n');
    rows[4999] = '10,9,8';
    expect(inferSurveySpec(`a,b,overall\n${rows.join('\n')}\n`).spec.scale).toEqual({ min: 1, max: 10 });
  });

  it('ranks names: exact over prefix over contained, overall over satisfaction over rating', () => {
    const pick = (header: string): string => {
      const cols = header.split(',');
      return String(inferSurveySpec(`${header}\n${likert(6, (i) => cols.map((_, j) => ((i + j) % 5) + 1).join(','))}\n`).spec.overall);
    };
    expect(pick('food_rating,service_rating,rating')).toBe('rating');
    expect(pick('price,satisfaction,Overall rating')).toBe('Overall rating');
    expect(pick('q1,q2,Q3_overall')).toBe('Q3_overall');
    expect(pick('价格,服务,整体评价')).toBe('整体评价');
    expect(pick('Beratung,Wartezeit,Gesamtzufriedenheit')).toBe('Gesamtzufriedenheit');
    expect(() => pick('sat1,sat2,sat3,loyalty1')).toThrow(/"sat1", "sat2", "sat3" match "sat" equally well/);
  });

  it('scores standard labels (English, Chinese, 7-point) and refuses other text, listing its values', () => {
    const en = inferSurveySpec(`a,b,Overall satisfaction\n1,2,Very satisfied\n3,4,Dissatisfied\n5,5,Neutral\n`);
    expect(en.spec.labels).toEqual({ Dissatisfied: 2, Neutral: 3, 'Very satisfied': 5 });
    const zh = inferSurveySpec(`a,b,总体满意度\n1,2,非常满意\n3,4,比较不满意\n5,5,一般\n`);
    expect(zh.spec.labels).toEqual({ 比较不满意: 2, 一般: 3, 非常满意: 5 });
    const seven = inferSurveySpec(`a,b,overall\n1,2,Somewhat agree\n3,4,Agree\n5,5,Strongly agree\n6,7,Disagree\n`);
    expect(seven.spec.labels).toEqual({ Disagree: 2, 'Somewhat agree': 5, Agree: 6, 'Strongly agree': 7 });
    expect(seven.spec.scale).toEqual({ min: 1, max: 7 });
    const error = refusal(() => inferSurveySpec('a,b,overall\n1,2,Good\n3,4,Meh\n5,5,Good\n2,2,Awful\n'));
    expect(error.reason).toBe('text_outcome');
    expect(error.candidates).toEqual(['Good', 'Meh', 'Awful']);
    expect(error.message).toContain('"Good" (2), "Meh" (1), "Awful" (1)');
  });

  it('proposes a binary outcome for two answers whose wording tells the positive one, and refuses when it does not', () => {
    const { spec, notes } = inferSurveySpec('a,b,satisfaction\n1,2,satisfied\n3,4,neutral or dissatisfied\n5,5,satisfied\n');
    expect(spec.overall).toEqual({ column: 'satisfaction', type: 'binary', positive: ['satisfied'] });
    expect(notes[0]).toContain('taken as a binary outcome with "satisfied" (2) as the positive class');
    expect(inferSurveySpec('a,b,recommend\n1,2,1\n3,4,0\n5,5,1\n').spec.overall).toEqual({ column: 'recommend', type: 'binary', positive: [1] });
    expect(refusal(() => inferSurveySpec('a,b,overall\n1,2,red\n3,4,blue\n')).message).toContain('--outcome-type binary --positive "red"');
  });

  it('refuses zeros that may mean "not applicable", and takes --na 0 or a 0-5 scale when every column uses 0', () => {
    const rows = likert(60, (i) => `${i % 7 === 0 ? 0 : (i % 5) + 1},${(i % 5) + 1},${((i + 1) % 5) + 1}`);
    const error = refusal(() => inferSurveySpec(`a,b,overall\n${rows}\n`));
    expect(error.reason).toBe('scale_ambiguous');
    expect(error.message).toContain('9 cells hold 0 in 1 of 3 rating columns ("a"), and the other answers run 1-5. If 0 means not applicable, pass --na 0');
    expect(inferSurveySpec(`a,b,overall\n${rows}\n`, { notApplicable: [0] }).spec).toMatchObject({ scale: { min: 1, max: 5 }, notApplicable: [0] });
    expect(inferSurveySpec(`a,b,overall\n${likert(60, (i) => `${i % 6},${(i + 1) % 6},${(i + 2) % 6}`)}\n`).spec.scale).toEqual({ min: 0, max: 5 });
  });

  it('leaves 99 out of the scale choice and names it as a likely missing code', () => {
    const rows = likert(50, (i) => `${i === 7 ? 99 : (i % 5) + 1},${(i % 5) + 1},${(i % 4) + 2}`);
    const { spec, notes } = inferSurveySpec(`a,b,overall\n${rows}\n`);
    expect(spec.scale).toEqual({ min: 1, max: 5 });
    expect(notes.at(-1)).toContain('1 cell holds 99 (in "a"), outside 1-5: it looks like a missing-value code');
  });

  it('leaves a trailing total row out and announces it', () => {
    const rows = likert(20, (i) => `r${i},${(i % 5) + 1},${((i + 2) % 5) + 1},${((i + 1) % 5) + 1}`);
    const { spec, notes } = inferSurveySpec(`id,a,b,overall\n${rows}\nTotal,60,60,60\n`);
    expect(spec.scale).toEqual({ min: 1, max: 5 });
    expect(notes[0]).toContain('line 22 ("Total,60,60,60") holds the column totals of the rows above');
  });

  it('keeps an overall on a longer scale than the touchpoints on its own scale (0-10 beside 1-5)', () => {
    const rows = likert(44, (i) => `${(i % 5) + 1},${((i + 2) % 5) + 1},${i % 11}`);
    const { spec } = inferSurveySpec(`a,b,overall\n${rows}\n`);
    expect(spec.scale).toEqual({ min: 1, max: 5 });
    expect(spec.overall).toEqual({ column: 'overall', scale: { min: 0, max: 10 } });
  });

  it('reports empty and header-only input as data with no rows', () => {
    expect(() => inferSurveySpec('')).toThrow(/^The file has no data rows: it is empty/);
    expect(() => inferSurveySpec('a,b,overall\r\n')).toThrow(/^The file has no data rows: only the header \("a", "b", "overall"\)/);
  });

  it('completes a partial spec: labels and missing codes kept, touchpoints inferred', () => {
    const { spec } = inferSurveySpec('a,b,overall\n1,2,Bad\n3,4,Good\n5,5,Good\n', { spec: { labels: { Bad: 1, Good: 5 }, missing: ['', 'NA'] } });
    expect(spec).toMatchObject({ touchpoints: ['a', 'b'], overall: 'overall', scale: { min: 1, max: 5 }, missing: ['', 'NA'], labels: { Bad: 1, Good: 5 } });
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

describe('inferSurveySpec: counted cells', () => {
  // Every row read (no sampleRows) and quote-free text: cells are counted by text. A finite
  // sampleRows larger than the file reads record by record; both must infer the same, notes included.
  const both = (text: string) => {
    const run = (options: { sampleRows?: number }) => {
      try {
        return inferSurveySpec(text, options);
      } catch (error) {
        return { error: error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error) };
      }
    };
    return { counted: run({}), recordByRecord: run({ sampleRows: 1e9 }) };
  };

  it('infers exactly what reading record by record infers (blank lines, repeated headers, short rows, totals, line ends, labels, codes)', () => {
    const cell = fc.constantFrom('1', '2', '3', '4', '5', '5', '4', '', ' ', 'NA', '99', '-1', '2.5', '10', 'Agree', 'agree ', '非常满意', 'x', '0', '05');
    const row = fc.array(cell, { minLength: 1, maxLength: 6 });
    const header = fc.constantFrom(['id', 'a', 'b', 'overall'], ['price', 'delivery', 'Overall satisfaction'], ['t1', 't2', 't3', 't4', 'overall', 'weight'], ['\uFEFFq1', 'q2', 'overall']);
    const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
    const rows = fc.array(fc.oneof({ weight: 12, arbitrary: row }, { weight: 1, arbitrary: fc.constantFrom(['']) }, { weight: 1, arbitrary: fc.constantFrom([' \t']) }), { maxLength: 25 });
    fc.assert(
      fc.property(header, rows, lineEnd, fc.constantFrom(',', ',', ';', '\t'), fc.boolean(), fc.boolean(), (names, cells, end, sep, repeatHeader, total) => {
        const lines = [names.join(sep), ...cells.map((r) => r.map((c) => (sep === ',' ? c : c.replace('.', ','))).join(sep))];
        if (repeatHeader && lines.length > 3) lines.splice(2, 0, names.join(sep));
        if (total) lines.push(['Total', ...names.slice(1).map((_, j) => String(cells.reduce((s, r) => s + (Number(r[j + 1]) || 0), 0)))].join(sep));
        const text = lines.join(end) + (cells.length % 2 === 0 ? end : '');
        const { counted, recordByRecord } = both(text);
        expect(counted).toEqual(recordByRecord);
      }),
      { numRuns: 400, seed: 20 },
    );
  });

  it('counts a million-cell column by its distinct texts', () => {
    const lines = ['id,price,delivery,overall'];
    for (let i = 0; i < 3000; i++) lines.push(`${i},${1 + (i % 5)},${1 + ((i * 7) % 5)},${1 + ((i * 3) % 5)}`);
    lines.push('');
    lines.push('id,price,delivery,overall');
    const { counted, recordByRecord } = both(`${lines.join('\n')}\n`);
    expect(counted).toEqual(recordByRecord);
    expect((counted as { spec: { touchpoints: string[] } }).spec.touchpoints).toEqual(['price', 'delivery']);
  });
});
