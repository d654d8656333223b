import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareSegments, type RakeMargins, rake, readSurvey } from '../../src/index.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

const csv = readFileSync(fileURLToPath(new URL('../golden/segments/data.csv', import.meta.url)), 'utf8');
type Expected = { value: string; means: Record<string, number | string>[] };
type Design = { means: Expected[]; drivers: Record<string, number | string>[] };
const golden = loadGolden<{ weighted: Design; raked: Design & { margins: RakeMargins }; unassigned: { rows: number[]; means: Expected[] } }>('segments/weighted.json');
const spec = { touchpoints: ['price', 'delivery', 'service'], overall: 'overall', scale: { min: 1, max: 5 }, id: 'id', segments: ['region', 'gender'], weight: 'w' };
const survey = readSurvey(csv, spec);

const meansOf = (expected: Expected[]) =>
  expected.map((g) => ({
    value: g.value,
    means: g.means.map((m) => ({
      column: m.column,
      mean: m.mean,
      complement: m.complement,
      pValue: m.pValue,
      topTwoBox: m.topTwoBox,
      topTwoBoxComplement: m.topTwoBoxComplement,
      topTwoBoxPValue: m.topTwoBoxPValue,
    })),
  }));

describe('compareSegments on a weighted survey', () => {
  const result = compareSegments(survey, 'region');

  it('compares weighted means and top-2-box shares by the design-based t test, as survey::svyttest(y ~ D) on svydesign(ids = ~1, weights = ~w)', () => {
    expect(result.weighted).toBe(true);
    expect(result.meansTest).toBe('design-based');
    expectGolden(
      result.groups.map((g) => ({ value: g.value, means: g.means })),
      meansOf(golden.weighted.means),
      { relative: 1e-10 },
    );
  });

  it('estimates driver differences by weighted least squares, as lm(overall ~ X + D + X:D, weights = w) and p.adjust(method = "BH")', () => {
    const actual = result.groups.flatMap((g) => g.drivers.map((d) => ({ value: g.value, ...d, n: g.nModel })));
    expectGolden(actual, golden.weighted.drivers, { relative: 1e-9 });
  });

  it('applies the peak-end rule to the weighted means of each group (observed = the weighted overall mean)', () => {
    const observed = result.groups.map((g) => ({ value: g.value, observed: g.peakEnd?.observed }));
    const expected = golden.weighted.means.map((g) => ({ value: g.value, observed: g.means[3]?.mean }));
    expectGolden(observed, expected, { relative: 1e-12 });
  });

  it('with weighted: false, compares as an unweighted survey (Welch)', () => {
    const unweighted = compareSegments(survey, 'region', { weighted: false });
    expect(unweighted.meansTest).toBe('welch');
    expect(unweighted.weighted).toBe(false);
  });
});

describe('compareSegments on a raked survey', () => {
  const raked = rake(survey, golden.raked.margins);
  const result = compareSegments(raked, 'region');

  it('takes the calibration into account, as svyttest on the design survey::rake returns', () => {
    expectGolden(
      result.groups.map((g) => ({ value: g.value, means: g.means })),
      meansOf(golden.raked.means),
      { relative: 1e-8 },
    );
  });

  it('fits the interactions with the raked weights, as lm(weights = weights(raked))', () => {
    const actual = result.groups.flatMap((g) => g.drivers.map((d) => ({ value: g.value, ...d, n: g.nModel })));
    expectGolden(actual, golden.raked.drivers, { relative: 1e-8 });
  });
});

describe('compareSegments on a weighted survey with respondents without a segment value', () => {
  it('leaves them out of every comparison and keeps them in the design, as svyttest with D missing', () => {
    // Data rows 3, 17, 50, 51 and 99 (R's numbering) with the region blanked.
    const lines = csv.trim().split('\n');
    const column = (lines[0] as string).split(',').indexOf('"region"');
    const blanked = lines
      .map((line, k) =>
        golden.unassigned.rows.includes(k)
          ? line
              .split(',')
              .map((cell, j) => (j === column ? '' : cell))
              .join(',')
          : line,
      )
      .join('\n');
    const result = compareSegments(readSurvey(blanked, spec), 'region');
    expect(result.unassigned).toBe(5);
    expect(result.warnings.map((w) => w.code)).toContain('segment_unassigned');
    expectGolden(
      result.groups.map((g) => ({ value: g.value, means: g.means })),
      meansOf(golden.unassigned.means),
      { relative: 1e-10 },
    );
  });
});
