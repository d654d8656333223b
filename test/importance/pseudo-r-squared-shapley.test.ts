import { describe, expect, it } from 'vitest';
import { ConvergenceError, InsufficientDataError, InvalidArgumentError, RankDeficientError } from '../../src/errors.js';
import { type PseudoRSquaredMeasure, pseudoRSquaredShapley } from '../../src/importance/pseudo-r-squared-shapley.js';
import { logisticRegression } from '../../src/regression/logistic.js';
import { AIRLINE_TOUCHPOINTS, loadAirline, rowsOf } from '../helpers/airline.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

interface DecompositionCase {
  n: number;
  columns: string[];
  groups: Record<string, string[]>;
  logLik: number;
  nullLogLik: number;
  subsetLogLiks: number[];
  measures: Record<string, { rSquared: number; importance: Record<string, number> }>;
  fillMeans?: Record<string, number>;
}
const golden = loadGolden<{ cases: Record<string, DecompositionCase> }>('pseudo-r-squared/pseudo-r-squared.json');
const airline = loadAirline();
const tp = [...AIRLINE_TOUCHPOINTS];
const X = rowsOf(tp.map((t) => airline.ratings[t] as Float64Array));
const y = Array.from(airline.satisfied);

describe('pseudoRSquaredShapley equals the Shapley values of all-subsets glm(binomial) fits in R (test/golden/pseudo-r-squared/generate.R)', () => {
  const complete = golden.cases.complete as DecompositionCase;
  it.each(Object.keys(complete.measures))('complete cases, %s', (measure) => {
    const r = pseudoRSquaredShapley(X, y, { names: tp, measure: measure as PseudoRSquaredMeasure });
    const expected = complete.measures[measure];
    expectGolden(
      { rSquared: r.rSquared, importance: r.importance, logLik: r.logLik, nullLogLik: r.nullLogLik, n: r.n },
      { ...expected, logLik: complete.logLik, nullLogLik: complete.nullLogLik, n: complete.n },
      { relative: 1e-10, absolute: 1e-13 },
      measure,
    );
    expect(r.exact).toBe(true);
    expect(r.fits).toBe(2 ** tp.length - 1);
    expect(r.rowsDropped).toEqual({ missing: airline.n - complete.n, zeroWeight: 0 });
    const sum = Object.values(r.importance).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(r.rSquared, 13);
  });

  it.each(['mcfadden', 'nagelkerke'])('non-integer prior weights, %s (LL = sum w log P = -deviance / 2)', (measure) => {
    const g = golden.cases.weighted as DecompositionCase;
    const r = pseudoRSquaredShapley(X, y, { names: tp, weights: airline.weight, measure: measure as PseudoRSquaredMeasure });
    expectGolden({ rSquared: r.rSquared, importance: r.importance, logLik: r.logLik }, { ...g.measures[measure], logLik: g.logLik }, { relative: 1e-10, absolute: 1e-13 }, measure);
  });

  it('groups: a touchpoint and its "not answered" indicator as one player (dummy-variable adjustment)', () => {
    const g = golden.cases.dummy as DecompositionCase;
    const means = g.fillMeans as Record<string, number>;
    const columns: Float64Array[] = [];
    for (const name of g.columns) {
      const [touchpoint, indicator] = name.split(':');
      const source = airline.ratings[touchpoint as string] as Float64Array;
      columns.push(indicator === undefined ? source.map((v) => (Number.isNaN(v) ? (means[touchpoint as string] as number) : v)) : source.map((v) => (Number.isNaN(v) ? 1 : 0)));
    }
    const r = pseudoRSquaredShapley(rowsOf(columns), y, { names: g.columns, groups: g.groups });
    expect(r.n).toBe(g.n);
    expectGolden({ rSquared: r.rSquared, importance: r.importance, logLik: r.logLik }, { ...g.measures.mcfadden, logLik: g.logLik }, { relative: 1e-10, absolute: 1e-13 }, 'dummy');
    expect(Object.keys(r.importance)).toEqual(tp);
  });

  it('the full model agrees with logisticRegression (McFadden R-squared and log-likelihood)', () => {
    const r = pseudoRSquaredShapley(X, y, { names: tp });
    const fit = logisticRegression(X, y, { names: tp });
    expect(r.rSquared).toBeCloseTo(fit.mcFaddenRSquared, 12);
    expect(r.logLik).toBeCloseTo(fit.logLik, 8);
  });
});

describe('pseudoRSquaredShapley sampling estimator', () => {
  it('is seeded, sums to the full model value, and lies within 4 Monte Carlo standard errors of the exact values', () => {
    const exact = pseudoRSquaredShapley(X, y, { names: tp });
    const a = pseudoRSquaredShapley(X, y, { names: tp, sampling: { permutations: 60, seed: 7 } });
    const b = pseudoRSquaredShapley(X, y, { names: tp, sampling: { permutations: 60, seed: 7 } });
    expect(a).toEqual(b);
    expect(a.exact).toBe(false);
    expect(a.warnings.map((w) => w.code)).toContain('importance_sampled');
    expect(Object.values(a.importance).reduce((s, v) => s + v, 0)).toBeCloseTo(exact.rSquared, 12);
    for (const t of tp) {
      const se = a.standardErrors?.[t] as number;
      expect(se).toBeGreaterThan(0);
      expect(Math.abs((a.importance[t] as number) - (exact.importance[t] as number))).toBeLessThan(4 * se);
    }
    expect(a.fits).toBeLessThanOrEqual(2 ** tp.length - 1);
  });

  it('is used beyond maxExactPlayers', () => {
    const r = pseudoRSquaredShapley(X, y, { names: tp, maxExactPlayers: 5 });
    expect(r.exact).toBe(false);
    expect(r.sampling).toEqual({ permutations: 200, seed: 1 });
  });
});

describe('pseudoRSquaredShapley edge cases', () => {
  const small = [
    [1, 2],
    [2, 1],
    [3, 3],
    [4, 2],
    [5, 5],
    [2, 4],
    [3, 1],
    [4, 4],
    [1, 1],
    [5, 3],
  ];
  const outcome = [0, 0, 1, 0, 1, 1, 0, 1, 0, 1];
  it('rejects an outcome with more than two values', () => {
    expect(() => pseudoRSquaredShapley(small, [0, 1, 2, 0, 1, 1, 0, 1, 0, 1])).toThrow(InvalidArgumentError);
  });
  it('needs both outcomes', () => {
    expect(() =>
      pseudoRSquaredShapley(
        small,
        outcome.map(() => 1),
      ),
    ).toThrow(InsufficientDataError);
  });
  it('rejects empty input and too few rows', () => {
    expect(() => pseudoRSquaredShapley([], [])).toThrow(InvalidArgumentError);
    expect(() => pseudoRSquaredShapley(small.slice(0, 3), outcome.slice(0, 3))).toThrow(InsufficientDataError);
  });
  it('names a constant predictor', () => {
    expect(() =>
      pseudoRSquaredShapley(
        small.map((r) => [r[0] as number, 3]),
        outcome,
        { names: ['a', 'flat'] },
      ),
    ).toThrow(RankDeficientError);
  });
  it('reports separation', () => {
    expect(() =>
      pseudoRSquaredShapley(
        small,
        small.map((r) => ((r[0] as number) >= 3 ? 1 : 0)),
        { names: ['a', 'b'] },
      ),
    ).toThrow(ConvergenceError);
  });
  it('does not depend on row order or on which value is positive', () => {
    const base = pseudoRSquaredShapley(X, y, { names: tp });
    const order = X.map((_, i) => i).reverse();
    const permuted = pseudoRSquaredShapley(
      order.map((i) => X[i] as number[]),
      order.map((i) => y[i] as number),
      { names: tp },
    );
    const flipped = pseudoRSquaredShapley(X, y, { names: tp, positive: 0 });
    for (const t of tp) {
      expect(permuted.importance[t]).toBeCloseTo(base.importance[t] as number, 12);
      expect(flipped.importance[t]).toBeCloseTo(base.importance[t] as number, 12);
    }
  });
  it('checks groups', () => {
    expect(() => pseudoRSquaredShapley(small, outcome, { names: ['a', 'b'], groups: { g: ['a'] } })).toThrow(/not grouped: b/);
    expect(() => pseudoRSquaredShapley(small, outcome, { names: ['a', 'b'], groups: { g: ['a', 'c'], h: ['b'] } })).toThrow(/"c"/);
  });
});
