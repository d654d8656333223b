import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { checkPublishedTable, type PublishedRow } from '../../src/forensics/check-published-table.js';
import { surveySpecSchema } from '../../src/schema/survey-spec.js';

interface PublishedItem {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly mean: number;
}
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/zhijiang/${name}`, import.meta.url), 'utf8'));
const published = fixture('published.json') as {
  design: { validQuestionnaires: number; meanDecimals: number; scale: { min: number; max: number; neutral: number } };
  overall: PublishedItem;
  touchpoints: PublishedItem[];
};
/** The eight published means as printed (two decimals), each at the stated n = 47. */
const zhijiangRows: PublishedRow[] = [...published.touchpoints, published.overall].map((t) => ({
  id: t.id,
  label: t.en,
  mean: t.mean.toFixed(published.design.meanDecimals),
  n: published.design.validQuestionnaires,
}));

describe('checkPublishedTable on the Zhijiang study', () => {
  it('reproduces the GRIM table of the study README (n = 47; sample sizes 40..54)', () => {
    // Expected verdicts and sample sizes copied from the table in the study's README
    // ("four of the eight means fail GRIM at n = 47"; kept in fixtures/zhijiang/README.md).
    // That table is exactly what half-up rounding gives; see the next test for ties.
    const expected: Record<string, [consistentAt47: boolean, sizes: number[]]> = {
      brand_image: [false, [44, 45, 49, 50, 51]],
      price: [true, [42, 45, 47, 50, 52, 53]],
      technology: [true, [40, 41, 46, 47, 48, 52, 53, 54]],
      quality: [false, [41, 46, 48, 50, 52, 54]],
      delivery: [false, [41, 44, 46, 49, 51, 54]],
      service_staff: [true, [40, 43, 44, 47, 48, 52, 53]],
      meeting: [false, [41, 46, 48, 50, 52, 54]],
      overall: [true, [41, 42, 46, 47, 48, 52, 53, 54]],
    };
    const result = checkPublishedTable(zhijiangRows, { rounding: 'half_up' });
    expect(result.rows.map((r) => r.id)).toEqual(zhijiangRows.map((r) => r.id));
    expect(result.rows.map((r) => r.id).sort()).toEqual(Object.keys(expected).sort());
    for (const row of result.rows) {
      const [consistent, sizes] = expected[row.id] as [boolean, number[]];
      expect(row.consistent, row.id).toBe(consistent);
      expect(row.grimConsistent, row.id).toBe(consistent);
      expect(row.grimmerConsistent, row.id).toBeNull();
      expect(row.consistentSampleSizes, row.id).toEqual(sizes);
    }
    // Hand checks of the first row: [4.815, 4.825) * 47 = [226.3, 226.8) holds no integer
    // (226/47 = 4.8085, 227/47 = 4.8298); at n = 45, [216.7, 217.1) holds 217 (4.8222).
    expect(result.inconsistent).toBe(4);
    expect(result.commonSampleSizes).toEqual([]);
    expect(result.summary).toBe(
      '4 of 8 figures are impossible at the stated sample size; no single sample size within 7 of the stated one explains all of them (item non-response giving each item its own n, or reporting errors).',
    );
    expect(result.warnings).toEqual([]);
  });

  it('gives the same verdicts at n = 47 under up-or-down rounding, and adds the exact ties', () => {
    const either = checkPublishedTable(zhijiangRows);
    const halfUp = checkPublishedTable(zhijiangRows, { rounding: 'half_up' });
    expect(either.rows.map((r) => r.consistent)).toEqual(halfUp.rows.map((r) => r.consistent));
    // Ties that round down to the printed mean: 193/40 = 4.825 -> 4.82, 145/40 = 3.625 and
    // 174/48 = 3.625 -> 3.62, 167/40 = 4.175 -> 4.17 (half-down), while 169/40 = 4.225 gives 4.23 only
    // rounding half up, which up-or-down also accepts.
    const added = (id: string): number[] => {
      const a = either.rows.find((r) => r.id === id)?.consistentSampleSizes ?? [];
      const b = halfUp.rows.find((r) => r.id === id)?.consistentSampleSizes ?? [];
      return a.filter((n) => !b.includes(n));
    };
    expect(Object.fromEntries(zhijiangRows.map((r) => [r.id, added(r.id)]))).toEqual({
      brand_image: [40],
      technology: [],
      quality: [],
      price: [40, 48],
      delivery: [],
      service_staff: [],
      meeting: [],
      overall: [40],
    });
  });

  it('ships a survey spec whose touchpoints are the published items in journey order', () => {
    const spec = surveySpecSchema.parse(fixture('spec.json'));
    expect(spec.touchpoints).toEqual(published.touchpoints.map((t) => ({ column: t.id, label: expect.any(String), zh: t.zh, en: t.en })));
    expect(spec.overall).toBe(published.overall.id);
    const { min, max, neutral } = published.design.scale;
    expect(spec.scale).toEqual({ min, max, neutral });
    expect(spec.missing).toEqual(['']);
  });
});

describe('checkPublishedTable', () => {
  // Means made from n = 21 (70/21 = 3.3333, 80/21 = 3.8095) but stated at n = 20:
  // [3.325, 3.335] * 20 = [66.5, 66.7] and [3.805, 3.815] * 20 = [76.1, 76.3] hold no integer.
  const misstated: PublishedRow[] = [
    { id: 'a', mean: '3.33', n: 20 },
    { id: 'b', mean: '3.81', n: 20 },
  ];

  it('finds the sample sizes that would make every row consistent', () => {
    const r = checkPublishedTable(misstated);
    // 3.33 fits multiples of 3 (10/3); 3.81 fits 16 (61/16 = 3.8125), 21, 26 (99/26 = 3.8077) and 27 (103/27 = 3.8148).
    expect(r.rows.map((row) => row.consistentSampleSizes)).toEqual([
      [15, 18, 21, 24, 27],
      [16, 21, 26, 27],
    ]);
    expect(r.commonSampleSizes).toEqual([21, 27]);
    expect(r.summary).toBe('2 of 2 figures are impossible at the stated sample size; all would be consistent at n = 21, 27.');
  });

  it('names rows consistent at no sample size in the range', () => {
    // 2.718 at n = 18..22: [2.7175, 2.7185] * n = [48.915, 48.933], [51.63, 51.65], [54.35, 54.37],
    // [57.07, 57.09], [59.79, 59.81]: no integer anywhere.
    const r = checkPublishedTable([{ id: 'e', label: 'Euler', mean: '2.718', n: 20 }], { range: 2 });
    expect(r.rows[0]).toMatchObject({ consistent: false, consistentSampleSizes: [] });
    expect(r.summary).toContain('Euler: consistent at no sample size in the range.');
  });

  it('runs GRIMMER on rows with an SD', () => {
    const r = checkPublishedTable(
      [
        { id: 'ok', mean: '3.00', sd: '1.58', n: 5 }, // 1..5: V = 2.5, sd 1.581
        { id: 'sd', mean: '3.00', sd: '1.60', n: 5 }, // Q would have to be in [55.18, 55.30]
      ],
      { range: 0, scale: { min: 1, max: 5 } },
    );
    expect(r.rows.map((row) => [row.grimConsistent, row.grimmerConsistent, row.consistent, row.consistentSampleSizes])).toEqual([
      [true, true, true, [5]],
      [true, false, false, []],
    ]);
    expect(r.inconsistent).toBe(1);
  });

  it('gives the same verdicts whatever the row order', () => {
    const rows = [...zhijiangRows, ...misstated.map((m) => ({ ...m, id: `x_${m.id}` }))];
    const forward = checkPublishedTable(rows);
    const reversed = checkPublishedTable([...rows].reverse());
    expect([...reversed.rows].reverse()).toEqual(forward.rows);
    expect(reversed.commonSampleSizes).toEqual(forward.commonSampleSizes);
    expect(reversed.inconsistent).toBe(forward.inconsistent);
  });

  it('handles one row, small n and a zero range', () => {
    expect(checkPublishedTable([{ id: 'one', mean: '4.00', n: 1 }]).rows[0]?.consistentSampleSizes).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const r = checkPublishedTable([{ id: 'one', mean: '4.50', n: 3 }], { range: 0 });
    expect(r.rows[0]).toMatchObject({ consistent: false, consistentSampleSizes: [] });
    expect(r.summary).toBe(
      '1 of 1 figure is impossible at the stated sample size; no single sample size within 0 of the stated one explains all of them (item non-response giving each item its own n, or reporting errors). one: consistent at no sample size in the range.',
    );
    expect(checkPublishedTable([{ id: 'one', mean: '4.50', n: 2 }], { range: 0 }).summary).toBe('The figure is consistent with its stated sample size.');
    expect(
      checkPublishedTable(
        misstated.map((m) => ({ ...m, n: 21 })),
        { range: 0 },
      ).summary,
    ).toBe('All 2 figures are consistent with their stated sample sizes.');
  });

  it('passes warnings on, naming the row', () => {
    const r = checkPublishedTable([{ id: 'big', label: 'Large sample', mean: '4.5', n: 200 }]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'grim_uninformative' });
    expect(r.warnings[0]?.message).toMatch(/^Large sample: /);
  });

  it('rejects empty tables and malformed rows with InvalidArgumentError', () => {
    expect(() => checkPublishedTable([])).toThrow(InvalidArgumentError);
    expect(() => checkPublishedTable([{ id: '', mean: '4.5', n: 3 }])).toThrow(/non-empty id/);
    expect(() =>
      checkPublishedTable([
        { id: 'a', mean: '4.5', n: 3 },
        { id: 'a', mean: '4.5', n: 4 },
      ]),
    ).toThrow(/twice/);
    expect(() => checkPublishedTable([{ id: 'a', mean: 4.5 as never, n: 3 }])).toThrow(/text as printed/);
    expect(() => checkPublishedTable([{ id: 'a', mean: '4.5', n: 0 }])).toThrow(/at least 1/);
    expect(() => checkPublishedTable([{ id: 'a', mean: '4.5', sd: '1.0', n: 1 }])).toThrow(/at least 2/);
    expect(() => checkPublishedTable([{ id: 'a', mean: 'n/a', n: 3 }])).toThrow(InvalidArgumentError);
    expect(() => checkPublishedTable(misstated, { range: -1 })).toThrow(/range/);
    expect(() => checkPublishedTable(misstated, { rounding: 'nearest' as never })).toThrow(/Unknown rounding/);
  });

  it('returns plain JSON-serialisable data', () => {
    const r = checkPublishedTable(zhijiangRows);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r).toMatchObject({ method: 'check-published-table', rounding: 'up_or_down', range: 7 });
  });
});
