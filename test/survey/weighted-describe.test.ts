import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeSurvey, rake, readSurvey } from '../../src/index.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

const csv = readFileSync(fileURLToPath(new URL('../golden/segments/data.csv', import.meta.url)), 'utf8');
const golden = loadGolden<Record<string, any>>('segments/golden.json');
const spec = {
  touchpoints: ['price', 'delivery', 'service'],
  overall: 'overall',
  scale: { min: 1, max: 5 },
  weight: 'w',
  id: 'id',
  segments: ['region', 'gender'],
};
const survey = readSurvey(csv, spec);
const unweightedSurvey = readSurvey(csv, { ...spec, weight: undefined });

function byColumn(result: ReturnType<typeof describeSurvey>): Record<string, unknown> {
  return Object.fromEntries(result.items.map((item) => [item.column, item]));
}

describe('describeSurvey with survey weights', () => {
  it('gives weighted means, shares, SD, median and design-based standard errors equal to survey::svymean', () => {
    const result = describeSurvey(survey);
    expect(result.weighted).toBe(true);
    expect(result.warnings.map((w) => w.code)).not.toContain('weights_not_applied');
    expectGolden(byColumn(result), golden.weighted, { relative: 1e-10 });
  });

  it('reduces to the unweighted statistics without weights (svymean on equal weights; classical SEs, which agree on complete columns)', () => {
    // svymean keeps unanswered rows in the design with weight zero, so its SE for a column with
    // missing cells uses n/(n-1) over all rows; the unweighted describe keeps sd/sqrt(n) (R's sd).
    const withoutSe = (item: Record<string, number>) =>
      Object.fromEntries(Object.entries(item).filter(([k]) => !/(StdError|standardError)$/.test(k) || ['price', 'overall'].includes(String(item.column))));
    const expected = Object.fromEntries(Object.entries(golden.unweighted as Record<string, Record<string, number>>).map(([k, v]) => [k, withoutSe({ ...v, column: k as unknown as number })]));
    expectGolden(byColumn(describeSurvey(unweightedSurvey)), expected, { relative: 1e-10 });
    expectGolden(byColumn(describeSurvey(survey, { weighted: false })), expected, { relative: 1e-10 });
  });
});

describe('rake', () => {
  const margins = golden.raking.margins as Record<string, Record<string, number>>;

  it('calibrates the weights to the margins as survey::rake does', () => {
    const raked = rake(survey, margins);
    expect(raked.calibration?.converged).toBe(true);
    const weights = Array.from(raked.weights as Float64Array);
    expectGolden(weights, golden.raking.weights, { relative: 1e-10 });
  });

  it('gives the means and calibrated standard errors of svymean on the raked design', () => {
    expectGolden(byColumn(describeSurvey(rake(survey, margins))), golden.raking.describe, { relative: 1e-8 });
  });

  it('keeps the total weight and matches every margin share', () => {
    const raked = rake(survey, margins);
    const w = raked.weights as Float64Array;
    const total = w.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(
      (survey.weights as Float64Array).reduce((a, b) => a + b, 0),
      9,
    );
    const gender = raked.segments.get('gender') as (string | null)[];
    const female = gender.reduce((sum, g, i) => (g === 'female' ? sum + (w[i] as number) : sum), 0);
    expect(female / total).toBeCloseTo(0.5, 12);
  });

  it('refuses margins that cannot be met, naming the fix', () => {
    expect(() => rake(survey, { gender: { female: 0.5, male: 0.4 } })).toThrow(/sum to 0.9/);
    expect(() => rake(survey, { gender: { female: 1 } })).toThrow(/male.*no population share/);
    expect(() => rake(survey, { age: { young: 1 } })).toThrow(/not a segment column/);
    expect(() => rake(survey, { gender: { female: 0.3, male: 0.3, other: 0.4 } })).toThrow(/no respondent has gender = "other"/);
  });

  it('trims weights to the bounds and still meets the margins', () => {
    const raked = rake(survey, margins, { trim: { lower: 0.5, upper: 2 } });
    const w = raked.weights as Float64Array;
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    expect(Math.max(...w) / mean).toBeLessThanOrEqual(2 * (1 + 1e-9));
    expect(Math.min(...w) / mean).toBeGreaterThanOrEqual(0.5 * (1 - 1e-9));
    expect(raked.calibration?.converged).toBe(true);
  });
});
