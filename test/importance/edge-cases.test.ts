import { describe, expect, it } from 'vitest';
import { InsufficientDataError, InvalidArgumentError, RankDeficientError } from '../../src/errors.js';
import { relativeImportance } from '../../src/importance/relative-importance.js';
import { correlationMatrix } from '../../src/linalg/correlation.js';
import { createRng } from '../../src/random/rng.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';
import { loadReference } from '../helpers/reference.js';

// relaimpo 2.2.7 values for survey-n25-k3-s1000 (test/golden/reference). Every measure is invariant
// under affine changes of a column's units, so R's numbers are also the answer for rescaled data.
const ref = loadReference('survey-n25-k3-s1000');
const relimp = ref.relimp as Record<string, Record<string, number>> & { R2: number };
const johnson = loadGolden<Record<string, { johnson: Record<string, number> }>>('importance/importance.json')['survey-n25-k3-s1000']?.johnson;
const scaled = (factor: number, offset = 0) => ({
  X: ref.X.map((row) => row.map((v) => (v === null ? null : v * factor + offset))),
  y: ref.y.map((v) => (v === null ? null : v * factor + offset)),
});

describe('relativeImportance is unaffected by the units of the data', () => {
  it.each([
    ['huge magnitudes (x 1e200)', 1e200, 0],
    ['tiny magnitudes (x 1e-200)', 1e-200, 0],
    ['a large offset (+ 1e9)', 1, 1e9],
    ['negative scale (x -3e7)', -3e7, 0],
  ])('%s: lmg, pratt, first, last, betasq equal relaimpo to 1e-10 and johnson equals base R', (_label, factor, offset) => {
    const { X, y } = scaled(factor, offset);
    for (const method of ['lmg', 'pratt', 'first', 'last', 'betasq'] as const) {
      const result = relativeImportance(X, y, { method, names: ref.model.x });
      expect(Math.abs(result.rSquared - relimp.R2)).toBeLessThan(1e-10);
      expectGolden({ ...result.importance }, relimp[method], { relative: 0, absolute: 1e-10 }, `${method} x ${factor} + ${offset}`);
    }
    expectGolden({ ...relativeImportance(X, y, { method: 'johnson', names: ref.model.x }).importance }, johnson, { relative: 0, absolute: 1e-10 }, 'johnson');
  });
});

describe('relativeImportance rejects degenerate input and names the offender', () => {
  // Hand-made data: x2 varies, y is constant.
  const X = [
    [1, 2],
    [2, 1],
    [3, 5],
    [4, 2],
    [5, 6],
    [6, 1],
  ];

  it('names only the outcome when the outcome is constant', () => {
    const error = (() => {
      try {
        relativeImportance(X, [3, 3, 3, 3, 3, 3], { method: 'lmg', names: ['a', 'b'] });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(RankDeficientError);
    expect((error as RankDeficientError).columns).toEqual(['the outcome']);
  });

  it('names only the constant predictor when one predictor is constant', () => {
    const error = (() => {
      try {
        relativeImportance(
          X.map((r) => [r[0] as number, 7, r[1] as number]),
          [1, 2, 4, 3, 6, 5],
          { method: 'first', names: ['a', 'flat', 'c'] },
        );
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(RankDeficientError);
    expect((error as RankDeficientError).columns).toEqual(['flat']);
  });

  it('treats a predictor that varies only on incomplete rows as constant', () => {
    expect(() =>
      relativeImportance(
        [
          [1, 1],
          [2, 1],
          [3, 1],
          [4, 1],
          [5, 1],
          [6, 9],
        ],
        [1, 3, 2, 5, 4, Number.NaN],
        { method: 'lmg', names: ['a', 'b'] },
      ),
    ).toThrow(/b is constant/);
  });

  it('refuses empty input and a single row with typed errors', () => {
    expect(() => relativeImportance([], [], { method: 'lmg', names: ['a', 'b'] })).toThrow(InsufficientDataError);
    expect(() => relativeImportance([], [], { method: 'lmg' })).toThrow(InvalidArgumentError);
    expect(() => relativeImportance([[1, 2]], [3], { method: 'lmg' })).toThrow(InsufficientDataError);
  });

  it('counts rows with null, NaN or zero weight as dropped and gives the complete-case answer', () => {
    const withMissing = [...ref.X, [null, 3, 4], [2, Number.NaN, 4], [1, 2, 3]];
    const y = [...ref.y, 5, 5, null];
    const r = relativeImportance(withMissing, y, { method: 'lmg', names: ref.model.x });
    expect(r.n).toBe(ref.X.length);
    expect(r.rowsDropped).toEqual({ missing: 3, zeroWeight: 0 });
    expectGolden({ ...r.importance }, relimp.lmg, { relative: 0, absolute: 1e-10 }, 'lmg with dropped rows');
    const weighted = relativeImportance([...ref.X, [9, 1, 1]], [...ref.y, 1], { method: 'lmg', names: ref.model.x, weights: [...ref.X.map(() => 2), 0] });
    expect(weighted.n).toBe(ref.X.length);
    expect(weighted.rowsDropped).toEqual({ missing: 0, zeroWeight: 1 });
    expectGolden({ ...weighted.importance }, relimp.lmg, { relative: 0, absolute: 1e-10 }, 'lmg with equal weights and a zero weight');
  });
});

describe('correlationMatrix', () => {
  it('equals the hand-computed Pearson correlation and marks constant columns with NaN', () => {
    // x = 1, 2, 3; y = 2, 4, 7: Sxy = 5, Sxx = 2, Syy = 12.667; r = 5 / sqrt(2 * 12.667) = 0.99339927...
    const c = correlationMatrix([
      [1, 2, 3],
      [2, 4, 7],
      [5, 5, 5],
    ]);
    expect(c[1]).toBeCloseTo(5 / Math.sqrt(2 * (38 / 3)), 15);
    expect(c[0]).toBe(1);
    expect(Number.isNaN(c[8] as number)).toBe(true);
    expect(Number.isNaN(c[2] as number)).toBe(true);
  });

  it('gives the same bits from its WebAssembly pass (typed columns) as from its JavaScript pass (plain arrays)', () => {
    const rng = createRng(11);
    // Odd and even lengths, one and several blocks, a constant column, offsets and scales apart.
    for (const n of [5, 256, 257, 1000]) {
      const typed = [
        Float64Array.from({ length: n }, () => 1e6 + Math.round(5 * rng.next())),
        Float64Array.from({ length: n }, () => rng.next() * 1e-3),
        Float64Array.from({ length: n }, () => 4),
        Float64Array.from({ length: n }, (_, i) => (i % 7) - 3 + rng.next()),
        Float64Array.from({ length: n }, () => -2 * rng.next()),
      ];
      const fromWasm = correlationMatrix(typed);
      const fromJs = correlationMatrix(typed.map((c) => Array.from(c)));
      expect(Array.from(fromWasm)).toEqual(Array.from(fromJs));
    }
  });

  it('weights rows like repeating them', () => {
    const weighted = correlationMatrix(
      [
        [1, 2, 3, 4],
        [2, 1, 4, 3],
      ],
      [1, 2, 1, 3],
    );
    const repeated = correlationMatrix([
      [1, 2, 2, 3, 4, 4, 4],
      [2, 1, 1, 4, 3, 3, 3],
    ]);
    expect(weighted[1]).toBeCloseTo(repeated[1] as number, 14);
  });
});

interface GroupsGolden {
  groups: Record<string, string[]>;
  rSquared: number;
  lmg: Record<string, number>;
}

describe('grouped LMG (journey stages as players) matches base-R Shapley values in every layout', () => {
  const golden = loadGolden<Record<string, GroupsGolden>>('importance/groups.json');
  it.each(Object.keys(golden).filter((k) => k.startsWith('survey-')))('%s', (name) => {
    const survey = loadReference(name);
    const g = golden[name] as GroupsGolden;
    const result = relativeImportance(survey.X, survey.y, { method: 'lmg', names: survey.model.x, groups: g.groups });
    expect(Object.keys(result.importance)).toEqual(Object.keys(g.groups));
    expect(Math.abs(result.rSquared - g.rSquared)).toBeLessThan(1e-12);
    expectGolden({ ...result.importance }, g.lmg, { relative: 0, absolute: 1e-10 }, `${name} grouped lmg`);
  });
});

describe('relativeImportance groups in array form', () => {
  it('gives the same grouped LMG as the record form, in the array order, and rejects malformed groups', () => {
    const golden = loadGolden<Record<string, GroupsGolden>>('importance/groups.json');
    const g = golden['survey-n200-k5-s1000'] as GroupsGolden;
    const survey = loadReference('survey-n200-k5-s1000');
    const groups = Object.entries(g.groups).map(([name, members]) => ({ name, members }));
    const result = relativeImportance(survey.X, survey.y, { method: 'lmg', names: survey.model.x, groups });
    expect(Object.keys(result.importance)).toEqual(groups.map((x) => x.name));
    expectGolden({ ...result.importance }, g.lmg, { relative: 0, absolute: 1e-10 }, 'array-form groups');
    const names = survey.model.x;
    expect(() =>
      relativeImportance(survey.X, survey.y, {
        method: 'lmg',
        names,
        groups: [
          { name: 'a', members: names },
          { name: 'a', members: [] },
        ],
      }),
    ).toThrow(/defined twice/);
    expect(() => relativeImportance(survey.X, survey.y, { method: 'lmg', names, groups: { all: 'tp1' as unknown as string[] } })).toThrow(InvalidArgumentError);
  });
});
