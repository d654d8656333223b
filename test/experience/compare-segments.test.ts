import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, compareSegments, readSurvey, twoProportionTest, welchTTest } from '../../src/index.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

const csv = readFileSync(fileURLToPath(new URL('../golden/segments/data.csv', import.meta.url)), 'utf8');
const golden = loadGolden<Record<string, any>>('segments/golden.json');
const spec = { touchpoints: ['price', 'delivery', 'service'], overall: 'overall', scale: { min: 1, max: 5 }, id: 'id', segments: ['region', 'gender'] };
const survey = readSurvey(csv, spec);

describe('compareSegments', () => {
  const result = compareSegments(survey, 'region');

  it('lists every value in sorted order with its size', () => {
    expect(result.groups.map((g) => g.value)).toEqual(['East', 'North', 'South']);
    const regions = survey.segments.get('region') as string[];
    expect(result.groups.map((g) => g.n)).toEqual(['East', 'North', 'South'].map((v) => regions.filter((r) => r === v).length));
  });

  it('tests means (Welch) and top-2-box shares (prop.test) against the complement as R does', () => {
    for (const [k, group] of result.groups.entries()) {
      const expected = golden.welch[k];
      expect(group.value).toBe(expected.value);
      expectGolden(
        group.means,
        expected.means.map(({ tValue, df, ...rest }: Record<string, number>) => rest),
        { relative: 1e-10 },
      );
    }
  });

  it('estimates driver differences from overall ~ X + D + X:D with BH-adjusted p-values as lm and p.adjust do', () => {
    const actual = result.groups.flatMap((g) => g.drivers.map((d) => ({ value: g.value, ...d, n: g.nModel })));
    const expected = golden.drivers.map(({ tValue, ...rest }: Record<string, number>) => rest);
    expectGolden(actual, expected, { relative: 1e-9 });
  });

  it('gives the peak-end rule per segment', () => {
    const east = result.groups[0]?.peakEnd;
    expect(east).not.toBeNull();
    expect(east?.gap).toBeCloseTo((east?.prediction ?? 0) - (east?.observed ?? 0), 12);
  });

  it('refuses a column that is not a segment', () => {
    expect(() => compareSegments(survey, 'price')).toThrow(/not a segment column/);
  });
});

describe('segment test helpers', () => {
  it('welchTTest matches R t.test(var.equal = FALSE)', () => {
    const g = golden.welch[1].means[1];
    const regions = survey.segments.get('region') as string[];
    const delivery = survey.ratings.get('delivery') as Float64Array;
    const inside = Array.from(delivery).filter((_, i) => regions[i] === 'North');
    const outside = Array.from(delivery).filter((_, i) => regions[i] !== 'North');
    const t = welchTTest(inside, outside);
    expectGolden({ tValue: t.tValue, df: t.df, pValue: t.pValue }, { tValue: g.tValue, df: g.df, pValue: g.pValue }, { relative: 1e-11 });
  });

  it('twoProportionTest matches prop.test(correct = FALSE) on a hand example (X-squared = 4, p = 0.0455003)', () => {
    // R 4.2.2: prop.test(c(30, 20), c(50, 50), correct = FALSE)$p.value = 0.04550026389635847
    expect(twoProportionTest(30, 50, 20, 50).pValue).toBeCloseTo(0.04550026389635847, 14);
  });

  it('benjaminiHochberg matches p.adjust(method = "BH"), ties and NA included', () => {
    // R 4.2.2: p.adjust(c(0.01, 0.04, 0.03, 0.2, NA, 0.03), "BH") = 0.05 0.05 0.05 0.20 NA 0.05
    const out = benjaminiHochberg([0.01, 0.04, 0.03, 0.2, Number.NaN, 0.03]);
    for (const k of [0, 1, 2, 5]) expect(out[k]).toBeCloseTo(0.05, 15);
    expect(out[3]).toBeCloseTo(0.2, 15);
    expect(out[4]).toBeNaN();
  });
});

describe('compareSegments with a binary overall outcome', () => {
  // The overall rating recoded 4-5 -> 1, 1-3 -> 0 (as generate.R's top); empty cells stay empty.
  const lines = csv.trim().split('\n');
  const at = (lines[0] as string).split(',').indexOf('"overall"');
  const binaryCsv = [
    lines[0],
    ...lines.slice(1).map((line) =>
      line
        .split(',')
        .map((cell, j) => (j === at && cell !== '' ? (Number(cell) >= 4 ? '1' : '0') : cell))
        .join(','),
    ),
  ].join('\n');
  const binarySpec = { ...spec, overall: { column: 'overall', type: 'binary' as const } };
  const drop = ({ zValue, ...rest }: Record<string, number>) => rest;

  it('estimates driver differences by logistic interactions with BH-adjusted p-values as glm(binomial) and p.adjust do', () => {
    const result = compareSegments(readSurvey(binaryCsv, binarySpec), 'region');
    expect(result.model).toBe('logistic');
    const actual = result.groups.flatMap((g) => g.drivers.map((d) => ({ value: g.value, ...d, n: g.nModel })));
    expectGolden(actual, golden.binary.drivers.map(drop), { relative: 1e-8 });
    expect(result.groups.every((g) => g.peakEnd === null)).toBe(true);
  });

  it('uses the survey weights as glm prior weights', () => {
    const result = compareSegments(readSurvey(binaryCsv, { ...binarySpec, weight: 'w' }), 'region');
    const actual = result.groups.flatMap((g) => g.drivers.map((d) => ({ value: g.value, ...d, n: g.nModel })));
    expectGolden(actual, golden.binary.weightedDrivers.map(drop), { relative: 1e-8 });
  });

  it('compares the share of the positive class as its top box', () => {
    const result = compareSegments(readSurvey(binaryCsv, binarySpec), 'region');
    const welch = golden.welch[0].means[3];
    const overall = result.groups[0]?.means[3];
    expect(overall?.topTwoBox).toBeCloseTo(welch.topTwoBox, 14);
    expect(overall?.topTwoBoxPValue).toBeCloseTo(welch.topTwoBoxPValue, 12);
  });
});
