/**
 * Survey shapes (issue 15 part 1; issue 14 items 4, 5 and 9): per-column scales and codes,
 * not-applicable answers kept apart from missing ones, binary, nps and numeric outcomes, labels
 * versus codes, rows of totals and decimal commas. Every expected value is worked out by hand
 * from the small inputs below.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataValidationError, InvalidArgumentError } from '../../src/errors.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import { SurveyAccumulator } from '../../src/scale/survey-accumulator.js';
import { normalizeSpec, type SurveySpec } from '../../src/schema/survey-spec.js';
import { describeSurvey } from '../../src/survey/describe-survey.js';
import { type Survey, surveyNotApplicable } from '../../src/survey/survey.js';

function values(survey: Survey, column: string): number[] {
  return Array.from(survey.ratings.get(column) ?? []);
}

function column(survey: Survey, name: string) {
  return survey.report.columns.find((c) => c.column === name);
}

function validationError(fn: () => unknown): DataValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataValidationError) return error;
    throw error;
  }
  throw new Error('expected a DataValidationError');
}

const dir = mkdtempSync(join(tmpdir(), 'peak-end-shapes-'));
let files = 0;
function file(text: string): string {
  const path = join(dir, `shape-${files++}.csv`);
  writeFileSync(path, text);
  return path;
}

describe('normalizeSpec: survey shapes', () => {
  it('keeps a plain spec as before: overall a column name, one scale for every column', () => {
    const s = normalizeSpec({ touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 } });
    expect(s.overall).toBe('o');
    expect(s.outcome).toEqual({
      column: 'o',
      type: 'rating',
      scale: { min: 1, max: 5, neutral: 3, integer: true },
      positive: null,
      positiveIsDefault: false,
      labels: new Map(),
      missing: ['', 'NA', 'N/A', '-'],
    });
    expect(s.touchpoints[0]).toMatchObject({ column: 'a', label: 'a', scale: { min: 1, max: 5, neutral: 3, integer: true }, missing: ['', 'NA', 'N/A', '-'], notApplicable: [] });
    expect(s.notApplicable).toEqual([]);
  });

  it('resolves per-column scale, missing, notApplicable and labels over the global ones', () => {
    const s = normalizeSpec({
      touchpoints: ['a', { column: 'b', scale: { min: 0, max: 10 }, missing: ['99'], notApplicable: [-1], labels: { great: 10 } }],
      overall: 'o',
      scale: { min: 1, max: 5 },
      missing: [''],
      notApplicable: [0],
      labels: { good: 4 },
    });
    const [a, b] = s.touchpoints;
    expect(a).toMatchObject({ scale: { min: 1, max: 5 }, missing: [''], notApplicable: [0], labels: new Map([['good', 4]]) });
    expect(b).toMatchObject({ scale: { min: 0, max: 10, neutral: 5 }, missing: ['', '99'], notApplicable: [-1], labels: new Map([['great', 10]]) });
    expect(s.outcome.missing).toEqual(['']);
    expect(s.scale).toEqual({ min: 1, max: 5, neutral: 3, integer: true });
  });

  it('keeps an empty cell as no answer when missing codes are given (missing: [99] adds 99, blanks stay missing)', () => {
    const survey = readSurvey('a,b,o\n4,99,4\n,3,5\n2,,3\n', { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 }, missing: [99] });
    expect(Array.from(survey.ratings.get('a') as Float64Array)).toEqual([4, NaN, 2]);
    expect(Array.from(survey.ratings.get('b') as Float64Array)).toEqual([NaN, 3, NaN]);
    // ... unless the spec gives the empty text another meaning.
    expect(normalizeSpec({ touchpoints: ['a'], overall: 'o', scale: { min: 1, max: 5 }, missing: [99], notApplicable: [''] }).touchpoints[0]?.missing).toEqual([99]);
  });

  it('makes scale optional when every rated column has its own or the outcome needs none, and says which columns lack one otherwise', () => {
    const s = normalizeSpec({
      touchpoints: [
        { column: 'a', scale: { min: 1, max: 5 } },
        { column: 'b', scale: { min: 1, max: 7 } },
      ],
      overall: { column: 'o', type: 'binary', positive: ['yes'] },
    });
    expect(s.outcome).toMatchObject({ type: 'binary', scale: null, positive: ['yes'], positiveIsDefault: false });
    // The global default spans the touchpoints' scales.
    expect(s.scale).toEqual({ min: 1, max: 7, neutral: 4, integer: true });
    const nps = normalizeSpec({ touchpoints: [{ column: 'a', scale: { min: 0, max: 10 } }], overall: { column: 'o', type: 'nps' } });
    expect(nps.outcome.scale).toEqual({ min: 0, max: 10, neutral: 5, integer: true });
    expect(nps.scale).toEqual({ min: 0, max: 10, neutral: 5, integer: true });
    expect(() => normalizeSpec({ touchpoints: ['a', { column: 'b', scale: { min: 1, max: 5 } }], overall: { column: 'o', type: 'numeric' } })).toThrow(
      /scale is required: "a" has no scale of its own/,
    );
    expect(() => normalizeSpec({ touchpoints: [{ column: 'a', scale: { min: 1, max: 5 } }], overall: 'o' })).toThrow(/scale is required: the overall rating "o" has no scale of its own/);
  });

  it('refuses outcome options that do not fit the outcome type', () => {
    const base = { touchpoints: ['a'], scale: { min: 1, max: 5 } };
    expect(() => normalizeSpec({ ...base, overall: { column: 'o', positive: ['yes'] } })).toThrow(/positive applies to a binary outcome only/);
    expect(() => normalizeSpec({ ...base, overall: { column: 'o', type: 'numeric', scale: { min: 1, max: 5 } } })).toThrow(/does not apply to a numeric outcome/);
    expect(() => normalizeSpec({ ...base, overall: { column: 'o', type: 'nps', scale: { min: 1, max: 10 } } })).toThrow(/nps outcome is rated 0 to 10/);
    expect(() => normalizeSpec({ ...base, overall: { column: 'o', type: 'likert' } })).toThrow(InvalidArgumentError);
    expect(() => normalizeSpec({ ...base, overall: { column: 'o', type: 'binary' }, reverse: ['o'] })).toThrow(/binary outcome has no scale to reverse/);
  });

  it('refuses a text that is both a label and a missing or not-applicable code (issue 14 item 4), and a code in both lists', () => {
    const base = { touchpoints: ['a'], overall: 'o', scale: { min: 1, max: 5 } };
    expect(() => normalizeSpec({ ...base, labels: { yes: 5, no: 1 }, missing: ['', 'No'] })).toThrow(/"No" is both a label \(score 1\) and a missing code/);
    expect(() => normalizeSpec({ ...base, labels: { na: 3 }, notApplicable: ['NA'] })).toThrow(/both a label and a not-applicable code/);
    expect(() => normalizeSpec({ ...base, missing: [0], notApplicable: ['0'] })).toThrow(/both a missing code and a not-applicable code/);
    expect(() => normalizeSpec({ touchpoints: [{ column: 'a', labels: { x: 2 }, missing: ['x'] }], overall: 'o', scale: { min: 1, max: 5 } })).toThrow(/of column "a"/);
    // The default missing codes give way to an explicit label or not-applicable code.
    const s = normalizeSpec({ ...base, labels: { NA: 3 } });
    expect(s.touchpoints[0]?.missing).toEqual(['', 'N/A', '-']);
    expect(normalizeSpec({ ...base, notApplicable: ['-'] }).touchpoints[0]?.missing).toEqual(['', 'NA', 'N/A']);
  });
});

describe('the streaming summaries refuse what they cannot count', () => {
  it('SurveyAccumulator needs one scale and one set of codes, a rating outcome and no not-applicable codes', () => {
    const base = { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 } };
    expect(() => new SurveyAccumulator(base)).not.toThrow();
    expect(() => new SurveyAccumulator({ ...base, touchpoints: ['a', { column: 'b', scale: { min: 0, max: 10 } }] })).toThrow(/touchpoint "b" has its own scale/);
    expect(() => new SurveyAccumulator({ ...base, notApplicable: [0] })).toThrow(/not-applicable codes; use readSurvey/);
    expect(() => new SurveyAccumulator({ ...base, overall: { column: 'o', type: 'binary' } })).toThrow(/binary outcome/);
  });
});

describe('readSurvey: codes are matched on the raw cell before labels', () => {
  it('labels {yes: 5, no: 1} with missing ["", 1] keep every "no" as 1 (issue 14 item 4)', () => {
    const spec: SurveySpec = { touchpoints: ['a'], overall: 'o', scale: { min: 1, max: 5 }, labels: { yes: 5, no: 1 }, missing: ['', 1] };
    const s = readSurvey('a,o\nno,3\nyes,4\n1,2\n,5\n', spec);
    // "no" -> 1 (label), "yes" -> 5, the raw 1 is a missing code, the empty cell too.
    expect(values(s, 'a')).toEqual([1, 5, NaN, NaN]);
    expect(column(s, 'a')).toMatchObject({ missing: 2, labelled: 2, notApplicable: 0 });
  });
});

describe('readSurvey: not applicable versus missing', () => {
  const spec: SurveySpec = { touchpoints: ['wifi', 'food', 'seat'], overall: 'overall', scale: { min: 1, max: 5 }, missing: ['', 'NA'], notApplicable: [0] };
  const csv = 'wifi,food,seat,overall\n0,4,5,4\n3,,0,3\n0,0,2,\n5,NA,4,5\n';

  it('counts not-applicable cells apart from missing ones and flags them; the rating there is NaN', () => {
    for (const s of [readSurvey(csv, spec)]) {
      expect(values(s, 'wifi')).toEqual([NaN, 3, NaN, 5]);
      expect(values(s, 'food')).toEqual([4, NaN, NaN, NaN]);
      expect(values(s, 'overall')).toEqual([4, 3, NaN, 5]);
      expect(Array.from(surveyNotApplicable(s, 'wifi'))).toEqual([1, 0, 1, 0]);
      expect(Array.from(surveyNotApplicable(s, 'food'))).toEqual([0, 0, 1, 0]);
      expect(Array.from(surveyNotApplicable(s, 'seat'))).toEqual([0, 1, 0, 0]);
      expect(column(s, 'wifi')).toMatchObject({ missing: 0, notApplicable: 2 });
      expect(column(s, 'food')).toMatchObject({ missing: 2, notApplicable: 1 });
      expect(column(s, 'seat')).toMatchObject({ missing: 0, notApplicable: 1 });
      // The global notApplicable list does not apply to the outcome: an empty cell is missing.
      expect(column(s, 'overall')).toMatchObject({ missing: 1, notApplicable: 0 });
      expect([...s.notApplicable.keys()]).toEqual(['wifi', 'food', 'seat']);
    }
  });

  it('gives the same survey from a file on the byte path', async () => {
    const s = await readSurveyFile(file(csv), spec);
    const t = readSurvey(csv, spec);
    expect(values(s, 'wifi')).toEqual(values(t, 'wifi'));
    expect([...s.notApplicable.entries()].map(([k, v]) => [k, Array.from(v)])).toEqual([...t.notApplicable.entries()].map(([k, v]) => [k, Array.from(v)]));
    expect(s.report.columns).toEqual(t.report.columns);
  });

  it('flags not-applicable cells past the first storage block (rows 1 to 300), the same on the text and the byte path', async () => {
    // Row r (1-based): wifi is 0 (not applicable) when r % 7 === 0 or r % 64 === 1 (rows that
    // start a new storage block: 65, 129, 257), food empty when r % 11 === 0.
    const lines = Array.from({ length: 300 }, (_, k) => {
      const r = k + 1;
      return `${r % 7 === 0 || r % 64 === 1 ? 0 : (r % 5) + 1},${r % 11 === 0 ? '' : (r % 4) + 1},${(r % 3) + 1},${(r % 5) + 1}`;
    });
    const text = `wifi,food,seat,overall\n${lines.join('\n')}\n`;
    const expected = Array.from({ length: 300 }, (_, k) => ((k + 1) % 7 === 0 || (k + 1) % 64 === 1 ? 1 : 0));
    for (const s of [readSurvey(text, spec), await readSurveyFile(file(text), spec)]) {
      expect(Array.from(surveyNotApplicable(s, 'wifi'))).toEqual(expected);
      expect(column(s, 'wifi')).toMatchObject({ missing: 0, notApplicable: 47 });
      expect(column(s, 'food')).toMatchObject({ missing: 27, notApplicable: 0 });
      expect(s.notApplicable.has('food')).toBe(false);
    }
  });

  it('drops a row where every touchpoint is not applicable and the outcome is missing (no answers)', () => {
    const s = readSurvey('wifi,food,seat,overall\n0,0,0,\n1,2,3,4\n', spec);
    expect(s.n).toBe(1);
    expect(s.report.droppedByReason.no_answers).toBe(1);
    expect(column(s, 'wifi')?.notApplicable).toBe(0);
    expect(s.notApplicable.size).toBe(0);
    expect(Array.from(surveyNotApplicable(s, 'wifi'))).toEqual([0]);
  });

  it("reads a per-column not-applicable code that lies on another column's scale", () => {
    const s = readSurvey('a,b,o\n9,9,3\n', { touchpoints: ['a', { column: 'b', scale: { min: 0, max: 10 }, notApplicable: [] }], overall: 'o', scale: { min: 1, max: 5 }, notApplicable: [9] });
    expect(values(s, 'a')).toEqual([NaN]);
    expect(values(s, 'b')).toEqual([9]);
  });
});

describe('readSurvey: per-column scales', () => {
  const spec: SurveySpec = { touchpoints: ['a', { column: 'b', scale: { min: 0, max: 10 } }], overall: 'o', scale: { min: 1, max: 5 } };

  it('checks each column against its own scale', () => {
    const s = readSurvey('a,b,o\n5,10,5\n1,0,1\n', spec);
    expect(values(s, 'b')).toEqual([10, 0]);
    const error = validationError(() => readSurvey('a,b,o\n6,10,5\n1,11,0\n', spec));
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      [[1, 'a'], 'out_of_scale'],
      [[2, 'b'], 'out_of_scale'],
      [[2, 'o'], 'out_of_scale'],
    ]);
    expect(error.issues[1]?.message).toContain('outside the scale 0-10');
    expect(error.issues[2]?.message).toContain('outside the scale 1-5');
  });

  it('reverse-codes a column on its own scale', () => {
    const s = readSurvey('a,b,o\n5,10,5\n1,3,1\n', { ...spec, reverse: ['a', 'b'] });
    expect(values(s, 'a')).toEqual([1, 5]);
    expect(values(s, 'b')).toEqual([0, 7]);
  });

  it('agrees with the byte path of readSurveyFile', async () => {
    const csv = 'a,b,o\n5,10,5\n1,0,1\n2,7,3\n';
    const s = await readSurveyFile(file(csv), spec);
    expect(values(s, 'b')).toEqual([10, 0, 7]);
    await expect(readSurveyFile(file('a,b,o\n5,11,5\n'), spec)).rejects.toThrow(/outside the scale 0-10/);
  });
});

describe('describeSurvey on per-column scales and a binary outcome', () => {
  it("counts scale points and boxes on each column's own scale; a binary outcome has no boxes", () => {
    const s = readSurvey('a,b,o\n1,0,yes\n5,10,no\n4,9,yes\n', {
      touchpoints: ['a', { column: 'b', scale: { min: 0, max: 10 } }],
      overall: { column: 'o', type: 'binary', positive: ['yes'] },
      scale: { min: 1, max: 5 },
    });
    const [a, b, o] = describeSurvey(s).items;
    expect(a?.counts.map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
    // a: 4 and 5 are the top two of 1-5 (2 of 3); b: 9 and 10 the top two of 0-10 (2 of 3), 0 the bottom.
    expect([a?.topTwoBox, a?.bottomTwoBox]).toEqual([2 / 3, 1 / 3]);
    expect(b?.counts.length).toBe(11);
    expect([b?.topTwoBox, b?.bottomTwoBox]).toEqual([2 / 3, 1 / 3]);
    expect(o?.counts).toEqual([
      { value: 0, count: 1 },
      { value: 1, count: 2 },
    ]);
    expect([o?.mean, o?.topTwoBox, o?.bottomTwoBox]).toEqual([2 / 3, null, null]);
  });
});

describe('readSurvey: outcome types', () => {
  it('binary: stores the positive class as 1 and the other as 0; codes and labels of the positive class both work', () => {
    const spec: SurveySpec = {
      touchpoints: ['a'],
      overall: { column: 'satisfaction', type: 'binary', positive: ['satisfied'] },
      scale: { min: 1, max: 5 },
    };
    const csv = 'a,satisfaction\n5,satisfied\n2,neutral or dissatisfied\n4,Satisfied\n3,\n';
    const s = readSurvey(csv, spec);
    expect(values(s, 'satisfaction')).toEqual([1, 0, 1, NaN]);
    expect(column(s, 'satisfaction')).toMatchObject({ missing: 1 });
  });

  it('binary: 0/1 data needs no positive; other codes name it', async () => {
    const spec: SurveySpec = { touchpoints: ['a'], overall: { column: 'o', type: 'binary' }, scale: { min: 1, max: 5 } };
    expect(values(readSurvey('a,o\n1,0\n2,1\n3,1\n', spec), 'o')).toEqual([0, 1, 1]);
    expect(values(await readSurveyFile(file('a,o\n1,0\n2,1\n3,1\n'), spec), 'o')).toEqual([0, 1, 1]);
    const coded = readSurvey('a,o\n1,1\n2,2\n', { ...spec, overall: { column: 'o', type: 'binary', positive: [2] } });
    expect(values(coded, 'o')).toEqual([0, 1]);
    const labelled = readSurvey('a,o\n1,yes\n2,no\n', { ...spec, labels: { yes: 1, no: 0 } });
    expect(values(labelled, 'o')).toEqual([1, 0]);
    const error = validationError(() => readSurvey('a,o\n1,1\n2,2\n', spec));
    expect(error.issues[0]?.code).toBe('not_binary');
    expect(error.message).toContain('"o" holds "1" (1 row), "2" (1 row), not 0 and 1');
    expect(error.message).toContain('set overall.positive');
  });

  it('binary: exactly two distinct values, else a DataValidationError naming the values seen', () => {
    const spec: SurveySpec = { touchpoints: ['a'], overall: { column: 'o', type: 'binary', positive: ['yes'] }, scale: { min: 1, max: 5 } };
    const three = validationError(() => readSurvey('a,o\n1,yes\n2,no\n3,maybe\n4,no\n', spec));
    expect(three.message).toContain('exactly two distinct values besides missing codes, but "o" holds 3: "yes" (1 row), "no" (2 rows), "maybe" (1 row)');
    const one = validationError(() => readSurvey('a,o\n1,yes\n2,yes\n', spec));
    expect(one.message).toContain('holds 1: "yes" (2 rows)');
    const neither = validationError(() => readSurvey('a,o\n1,ja\n2,nein\n', spec));
    expect(neither.message).toContain('neither of them is listed in overall.positive');
  });

  it('nps: a 0-10 rating whatever the global scale', () => {
    const spec: SurveySpec = { touchpoints: ['a'], overall: { column: 'ltr', type: 'nps' }, scale: { min: 1, max: 5 } };
    expect(values(readSurvey('a,ltr\n1,0\n5,10\n3,7\n', spec), 'ltr')).toEqual([0, 10, 7]);
    expect(validationError(() => readSurvey('a,ltr\n1,11\n', spec)).issues[0]?.message).toContain('outside the scale 0-10');
  });

  it('numeric: any finite real number, no scale check', async () => {
    const spec: SurveySpec = { touchpoints: ['a'], overall: { column: 'spend', type: 'numeric' }, scale: { min: 1, max: 5 } };
    const csv = 'a,spend\n1,120.5\n2,-3\n3,1e3\n4,0\n5,123456789012\n';
    expect(values(readSurvey(csv, spec), 'spend')).toEqual([120.5, -3, 1000, 0, 123456789012]);
    expect(values(await readSurveyFile(file(csv), spec), 'spend')).toEqual([120.5, -3, 1000, 0, 123456789012]);
    expect(validationError(() => readSurvey('a,spend\n1,lots\n', spec)).issues[0]?.code).toBe('unparseable_number');
  });
});

describe('readSurvey: rows of totals (issue 14 item 5)', () => {
  const spec: SurveySpec = { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 } };

  it('drops a trailing row of column sums labelled "Total" with a counted reason and a warning', () => {
    // Sums: a = 4 + 2 + 5 = 11, b = 3 + 3 + 1 = 7, o = 4 + 2 + 5 = 11.
    const csv = 'id,a,b,o\nr1,4,3,4\nr2,2,3,2\nr3,5,1,5\nTotal,11,7,11\n';
    const s = readSurvey(csv, { ...spec, id: 'id' });
    expect(s.n).toBe(3);
    expect(s.report.droppedByReason.total_row).toBe(1);
    expect(s.report.rowsDropped).toBe(1);
    expect(s.report.warnings.find((w) => w.code === 'total_rows_dropped')?.message).toContain('Row 4 holds column totals');
    expect(column(s, 'a')?.invalid).toBe(0);
  });

  it('drops a row of sums with an empty first cell, or with no label at all, and one of means labelled 合计 or "Average"', () => {
    const plain = readSurvey('a,b,o\n4,3,4\n2,3,2\n5,1,5\n11,7,11\n', spec);
    expect(plain.n).toBe(3);
    expect(plain.report.droppedByReason.total_row).toBe(1);
    const empty = readSurvey('id,a,b,o\nr1,4,3,4\nr2,2,3,2\n,6,6,6\n', { ...spec, id: 'id' });
    expect(empty.report.droppedByReason.total_row).toBe(1);
    // Means: a = 11/3 = 3.67, b = 7/3 = 2.33, o = 3.67 (two decimals).
    const means = readSurvey('name,a,b,o\nx,4,3,4\ny,2,3,2\nz,5,1,5\n合计,3.67,2.33,3.67\n', spec);
    expect(means.report.droppedByReason.total_row).toBe(1);
    const average = readSurvey('name;a;b;o\nx;4;3;4\ny;2;3;2\nz;5;1;5\nAverage;3,67;2,33;3,67\n', spec);
    expect(average.report.droppedByReason.total_row).toBe(1);
  });

  it('keeps reporting a bad row that does not add up', () => {
    expect(validationError(() => readSurvey('id,a,b,o\nr1,4,3,4\nr2,2,3,2\nTotal,7,6,6\n', { ...spec, id: 'id' })).issues[0]?.code).toBe('out_of_scale');
    expect(validationError(() => readSurvey('id,a,b,o\nr1,4,3,4\nr2,2,3,2\nr3,6,6,6\n', { ...spec, id: 'id' })).issues[0]?.code).toBe('out_of_scale');
  });

  it('drops it on the byte path of readSurveyFile too', async () => {
    const s = await readSurveyFile(file('id,a,b,o\nr1,4,3,4\nr2,2,3,2\nr3,5,1,5\nTotal,11,7,11\n'), { ...spec, id: 'id' });
    expect(s.n).toBe(3);
    expect(s.report.droppedByReason.total_row).toBe(1);
  });
});

describe('readSurvey: decimal commas (issue 14 item 9)', () => {
  it('reads decimal commas in a semicolon file (sniffed) for weights and numeric outcomes', async () => {
    const spec: SurveySpec = { touchpoints: ['a'], overall: { column: 'spend', type: 'numeric' }, scale: { min: 1, max: 5 }, weight: 'w' };
    const csv = 'a;spend;w\n4;12,5;0,8\n3;7;1,25\n';
    for (const s of [readSurvey(csv, spec), await readSurveyFile(file(csv), spec)]) {
      expect(values(s, 'spend')).toEqual([12.5, 7]);
      expect(Array.from(s.weights ?? [])).toEqual([0.8, 1.25]);
      expect(s.report.decimalComma).toBe(true);
    }
  });

  it('still refuses a fractional rating on an integer scale', () => {
    const error = validationError(() => readSurvey('a;o\n4,5;3\n', { touchpoints: ['a'], overall: 'o', scale: { min: 1, max: 5 } }));
    expect(error.issues[0]?.code).toBe('non_integer');
  });

  it('is off in a comma file unless forced, and the message names the option instead of "use a point"', () => {
    const spec: SurveySpec = { touchpoints: ['a'], overall: { column: 'spend', type: 'numeric' }, scale: { min: 1, max: 5 } };
    const error = validationError(() => readSurvey('a,spend\n4,"12,5"\n', spec));
    expect(error.message).toContain('decimalComma option');
    expect(error.message).not.toContain('use a point');
    expect(values(readSurvey('a,spend\n4,"12,5"\n', spec, { decimalComma: true }), 'spend')).toEqual([12.5]);
    expect(readSurvey('a,spend\n4,12\n', spec).report.decimalComma).toBe(false);
    expect(() => readSurvey('a;spend\n4;12,5\n', spec, { decimalComma: false })).toThrow(DataValidationError);
  });
});
