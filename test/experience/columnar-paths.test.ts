/**
 * The by-column paths of the survey analyses (issue 20: no rows built at a million respondents)
 * against the row-by-row definitions they replace. These are equivalence checks, not goldens: the
 * goldens (R, relaimpo) are held by the other tests; here the fast path must give what the rows
 * give, bit for bit where the arithmetic is the same and to 1e-12 where only the order of the
 * sums differs (the cross-validation folds' merged cross-products).
 */
import { describe, expect, it } from 'vitest';
import { normalUpperTail } from '../../src/distributions/index.js';
import { argmaxEarliest } from '../../src/experience/aggregate-peak-end.js';
import { gestalt } from '../../src/experience/gestalt.js';
import { gestaltFeatureColumns, gestaltFeatures } from '../../src/experience/gestalt-features.js';
import { keyDrivers } from '../../src/experience/key-drivers.js';
import { peakEnd } from '../../src/experience/peak-end.js';
import { penaltyReward } from '../../src/experience/penalty-reward.js';
import { predictionAccuracy } from '../../src/experience/prediction-accuracy.js';
import { crossValidatedPredictions, peakValues, respondentPass } from '../../src/experience/respondent-scores.js';
import { relativeImportanceOfColumns } from '../../src/importance/relative-importance.js';
import { wilcoxonSignedRank } from '../../src/inference/wilcoxon-signed-rank.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { crossProducts, crossProductsByGroup, crossProductsOfColumns, mergeCrossProducts, selectCrossProducts } from '../../src/linalg/cross-product.js';
import { createRng } from '../../src/random/rng.js';
import { ols } from '../../src/regression/ols.js';
import { olsOfColumns } from '../../src/regression/ols-columns.js';
import { modelData } from '../../src/survey/model-data.js';
import { expectGolden } from '../helpers/golden.js';

/** n respondents, k touchpoints on 1-5 with a common factor, about 2% of cells missing (not in the first row). */
function surveyCsv(n: number, k: number, seed: number, missing = 0.02): string {
  const rng = createRng(seed);
  const lines = [[...Array.from({ length: k }, (_, j) => `t${j + 1}`), 'overall'].join(',')];
  for (let i = 0; i < n; i++) {
    const common = rng.next();
    const x = Array.from({ length: k }, () => Math.round(1 + 4 * (0.6 * common + 0.4 * rng.next())));
    const y = Math.min(5, Math.max(1, Math.round(x.reduce((s, v) => s + v, 0) / k + rng.next() - 0.5)));
    lines.push([...x, y].map((v) => (i > 0 && rng.next() < missing ? '' : String(v))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const k = 6;
const names = Array.from({ length: k }, (_, j) => `t${j + 1}`);
const spec = { touchpoints: names, overall: 'overall', scale: { min: 1, max: 5 } };
const big = readSurvey(surveyCsv(12_000, k, 7), spec);

describe('crossProductsOfColumns', () => {
  const rng = createRng(3);
  const n = 1301;
  const columns = Array.from({ length: 5 }, () => Float64Array.from({ length: n }, () => 1000 + Math.round(5 * rng.next()) + rng.next()));
  const y = Float64Array.from({ length: n }, (_, i) => (columns[0] as Float64Array)[i] as number).map((v) => v + rng.next());
  const w = Float64Array.from({ length: n }, () => 0.25 + rng.next());
  const rows = Array.from({ length: n }, (_, i) => columns.map((c) => c[i] as number));

  it.each(['auto', 'javascript'] as const)('equals crossProducts on the same rows bit for bit, weighted or not, centred or not (%s kernel)', (kernel) => {
    for (const weights of [null, w]) {
      for (const centred of [true, false]) {
        expect(crossProductsOfColumns(columns, y, weights, null, n, centred, kernel)).toEqual(crossProducts(rows, y, weights, n, 5, centred, kernel));
      }
    }
  });

  it('reads the rows an index names, as crossProducts on those rows', () => {
    const index = Uint32Array.from({ length: 400 }, (_, r) => (r * 7) % n);
    const picked = Array.from(index, (i) => rows[i] as number[]);
    const got = crossProductsOfColumns(columns, y, w, index, index.length, true);
    expect(got).toEqual(
      crossProducts(
        picked,
        Float64Array.from(index, (i) => y[i] as number),
        Float64Array.from(index, (i) => w[i] as number),
        index.length,
        5,
        true,
      ),
    );
  });

  it('refuses a non-finite cell (null), so callers fall back to the checked route', () => {
    const bad = columns.map((c) => c.slice());
    (bad[2] as Float64Array)[700] = Number.NaN;
    expect(crossProductsOfColumns(bad, y, null, null, n, true)).toBeNull();
  });

  it('crossProductsByGroup gives each group what crossProductsOfColumns gives on its rows, bit for bit, weighted or not', () => {
    // Groups of unequal size, over more than one block each, through a row map like a sample's.
    const groups = 4;
    const sample = Uint32Array.from({ length: 1200 }, (_, r) => (r * 5 + 3) % n);
    const group = Int32Array.from(sample, (_, r) => (r * 7 + (r >> 3)) % groups);
    for (const weights of [null, w]) {
      const got = crossProductsByGroup(columns, y, weights, sample, group, groups);
      for (let g = 0; g < groups; g++) {
        const index = sample.filter((_, r) => group[r] === g);
        expect(got?.[g]).toEqual(crossProductsOfColumns(columns, y, weights, index, index.length, true));
      }
    }
    const bad = columns.map((c) => c.slice());
    (bad[1] as Float64Array)[sample[900] as number] = Number.NaN;
    expect(crossProductsByGroup(bad, y, null, sample, group, groups)).toBeNull();
  });

  it('selectCrossProducts of a wider set equals the pass over the chosen columns alone (in increasing order), bit for bit', () => {
    for (const weights of [null, w]) {
      const all = crossProductsOfColumns(columns, y, weights, null, n, true);
      if (all === null) throw new Error('unexpected null');
      for (const keep of [[0], [1, 3], [0, 2, 4], [0, 1, 2, 3, 4]]) {
        expect(selectCrossProducts(all, keep)).toEqual(
          crossProductsOfColumns(
            keep.map((j) => columns[j] as Float64Array),
            y,
            weights,
            null,
            n,
            true,
          ),
        );
      }
    }
  });

  it('mergeCrossProducts of disjoint parts equals the whole to 1e-12', () => {
    const whole = crossProductsOfColumns(columns, y, w, null, n, true);
    const parts = [0, 1, 2].map((f) => {
      const index = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 === f);
      return crossProductsOfColumns(columns, y, w, index, index.length, true);
    });
    const merged = mergeCrossProducts(parts.map((p) => p as NonNullable<typeof p>));
    if (whole === null) throw new Error('unexpected null');
    expect(merged.weight).toBeCloseTo(whole.weight, 9);
    merged.means.forEach((m, j) => {
      expect(Math.abs(m - (whole.means[j] as number))).toBeLessThan(1e-12 * Math.abs(m));
    });
    const scale = Math.max(...whole.comoments.map(Math.abs));
    merged.comoments.forEach((m, j) => {
      expect(Math.abs(m - (whole.comoments[j] as number))).toBeLessThan(1e-12 * scale);
    });
  });
});

describe('olsOfColumns', () => {
  const data = modelData(big, { weighted: false });
  it('is ols on the rows, exactly, by QR below 10,000 rows and by the normal equations above', () => {
    const small = { columns: data.columns.map((c) => c.slice(0, 500)), y: data.y.slice(0, 500) };
    expect(olsOfColumns(small.columns, small.y, { names })).toEqual(ols(data.X.slice(0, 500), Array.from(small.y), { names }));
    const fit = olsOfColumns(data.columns, data.y, { names });
    expect(fit.algorithm).toBe('cholesky');
    expect(fit).toEqual(ols(data.X, Array.from(data.y), { names }));
  });

  it('with weights, a zero weight (listwise, counted) and robust standard errors as ols', () => {
    const weights = Float64Array.from({ length: data.n }, (_, i) => (i === 5 ? 0 : 0.5 + (i % 7) / 7));
    expect(olsOfColumns(data.columns, data.y, { names, weights })).toEqual(ols(data.X, Array.from(data.y), { names, weights: Array.from(weights) }));
    expect(olsOfColumns(data.columns, data.y, { names, covariance: 'HC3' })).toEqual(ols(data.X, Array.from(data.y), { names, covariance: 'HC3' }));
  });

  it('modelData builds X from its columns only when X is read', () => {
    const fresh = modelData(big, { missingData: 'dummy-adjustment', weighted: false });
    expect(Object.keys(fresh)).not.toContain('X');
    expect(fresh.X.length).toBe(fresh.n);
    expect(fresh.X).toEqual(Array.from({ length: fresh.n }, (_, r) => fresh.columns.map((c) => c[r] as number)));
  });
});

describe('peakEnd by column', () => {
  const columns = names.map((c) => big.ratings.get(c) as Float64Array);
  const overall = big.ratings.get('overall') as Float64Array;

  it.each(['most-intense', 'max', 'min', 'both'] as const)("each respondent's own peak and end (%s) as argmaxEarliest on their answers", (rule) => {
    const scores = rule === 'max' ? [(v: number) => v] : rule === 'min' ? [(v: number) => -v] : rule === 'both' ? [(v: number) => v, (v: number) => -v] : [(v: number) => Math.abs(v - 3)];
    const pass = respondentPass(columns, big.n, { rule, neutral: 3, weight: 0.5, endIndex: k - 1 });
    let ambiguous = 0;
    const expected = new Float64Array(big.n);
    for (let i = 0; i < big.n; i++) {
      const values = columns.map((c) => c[i] as number).filter((v) => !Number.isNaN(v));
      const end = (columns[k - 1] as Float64Array)[i] as number;
      if (values.length === 0 || Number.isNaN(end)) {
        expected[i] = Number.NaN;
        continue;
      }
      const peaks = scores.map((score) => argmaxEarliest(values, score));
      if (peaks.some((p) => p.tied.some((t) => values[t] !== values[p.index]))) ambiguous++;
      const peakTerm = peaks.reduce((s, p) => s + (values[p.index] as number), 0) / peaks.length;
      expected[i] = 0.5 * peakTerm + 0.5 * end;
    }
    expect(pass.predictions).toEqual(expected);
    expect(pass.ambiguousPeaks).toBe(ambiguous);
  });

  it("the cross-validated regression from merged fold cross-products is each fold's ols on its training rows, to 1e-12", () => {
    const rows = Uint32Array.from({ length: big.n }, (_, i) => i).filter((i) => !Number.isNaN(overall[i] as number) && columns.every((c) => !Number.isNaN(c[i] as number)));
    const fast = crossValidatedPredictions(columns, overall, rows, 10, 1);
    // The row-by-row definition: the same seeded folds, ols on each training set's rows.
    const n = rows.length;
    const rng = createRng(1);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const fold = new Int32Array(n);
    order.forEach((row, position) => {
      fold[row] = position % 10;
    });
    const X = Array.from(rows, (i) => columns.map((c) => c[i] as number));
    let worst = 0;
    for (let f = 0; f < 10; f++) {
      const train = X.filter((_, r) => fold[r] !== f);
      const fit = ols(
        train,
        Array.from(rows)
          .filter((_, r) => fold[r] !== f)
          .map((i) => overall[i] as number),
      );
      const b = fit.coefficients.map((c) => ('estimate' in c ? c.estimate : 0));
      X.forEach((x, r) => {
        if (fold[r] !== f) return;
        const slow = x.reduce((s, v, j) => s + v * (b[j + 1] as number), b[0] as number);
        worst = Math.max(worst, Math.abs((fast[r] as number) - slow) / Math.abs(slow));
      });
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it('the comparison models and their tests match the definitions on complete rows', () => {
    const result = peakEnd(big, { includePredictions: true, gestalt: false });
    const comparison = result.comparison;
    if (comparison === null) throw new Error('comparison skipped');
    const rows = Array.from({ length: big.n }, (_, i) => i).filter((i) => !Number.isNaN(overall[i] as number) && columns.every((c) => !Number.isNaN(c[i] as number)));
    const observed = rows.map((i) => overall[i] as number);
    const X = rows.map((i) => columns.map((c) => c[i] as number));
    const definitions: Record<string, number[]> = {
      mean: X.map((x) => x.reduce((a, b) => a + b, 0) / k),
      end: X.map((x) => x[k - 1] as number),
      first: X.map((x) => x[0] as number),
      min: X.map((x) => Math.min(...x)),
      max: X.map((x) => Math.max(...x)),
      peak: X.map((x) => x[argmaxEarliest(x, (v) => Math.abs(v - 3)).index] as number),
      'peak-end': rows.map((i) => result.respondents.predictions?.[i] as number),
    };
    for (const [model, p] of Object.entries(definitions)) {
      expect(comparison.models.find((m) => m.model === model)).toMatchObject(predictionAccuracy(p, observed));
    }
    expect(comparison.n).toBe(rows.length);
    const pe = definitions['peak-end'] as number[];
    const avg = definitions.mean as number[];
    expect(comparison.wilcoxon).toEqual(
      wilcoxonSignedRank(
        pe.map((v, r) => Math.abs(v - (observed[r] as number))),
        avg.map((v, r) => Math.abs(v - (observed[r] as number))),
      ),
    );
  });

  it('penalty-reward from counted cross-products: the dummy regression of the rows (to 1e-12) and their cell counts', () => {
    const result = penaltyReward(big);
    const data = modelData(big, { weighted: false });
    const X = data.X.map((row) => row.flatMap((v) => [v <= 2 ? 1 : 0, v >= 5 ? 1 : 0]));
    // The counted co-moments are correctly rounded, the blocked kernel's are not: the fits agree
    // to the last bits, not bit for bit. A tail p-value magnifies its t's relative error about t^2
    // times (t = 22 for a p of 1e-105 here), so p-values get 1e-9.
    expect(result.regression.algorithm).toBe('cholesky');
    const rows = ols(X, Array.from(data.y), { names: names.flatMap((t) => [`${t} low`, `${t} high`]) });
    expectGolden(result.regression, rows, { relative: 1e-12, fields: { pValue: { relative: 1e-9 } } }, 'penalty-reward dummies');
    result.factors.forEach((f, j) => {
      expect(f.lowCount).toBe(X.filter((row) => row[2 * j] === 1).length);
      expect(f.highCount).toBe(X.filter((row) => row[2 * j + 1] === 1).length);
    });
  });
});

describe('keyDrivers and the Gestalt battery from one pass of cross-products (10,000 rows and more)', () => {
  it("regression as ols on the rows, exactly; LMG from the fit's cross-products as from the correlation pass, to 1e-12", () => {
    const result = keyDrivers(big);
    const data = modelData(big, { weighted: false });
    expect(data.n).toBeGreaterThanOrEqual(10_000); // the normal-equations path
    expect(result.regression).toEqual(ols(data.X, Array.from(data.y), { names }));
    const byPass = relativeImportanceOfColumns(data.columns, data.y, { method: 'lmg', names });
    for (const name of names) expect(Math.abs((result.importance.importance[name] as number) - (byPass.importance[name] as number))).toBeLessThan(1e-12);
    expect(Math.abs(result.importance.rSquared - byPass.rSquared)).toBeLessThan(1e-12);
  });

  it("the four Gestalt fits equal ols on each model's own columns, exactly", () => {
    const g = gestalt(big);
    const f = gestaltFeatures(big).features;
    const overall = big.ratings.get('overall') as Float64Array;
    const rows = Array.from({ length: big.n }, (_, i) => i).filter((i) => f.variability[i] !== null && !Number.isNaN(overall[i] as number));
    for (const model of g.models) {
      const X = rows.map((i) => model.terms.map((t) => f[t][i] as number));
      const fit = ols(
        X,
        rows.map((i) => overall[i] as number),
        { names: model.terms },
      );
      expect(model.coefficients).toEqual(fit.coefficients);
      expect(model.rSquared).toBe(fit.rSquared);
    }
  });
});

describe('penalty-reward from counts when the fit needs rows (built from the packed codes)', () => {
  const data = modelData(big, { weighted: false });
  const dummies = (low: number, high: number) => data.X.map((row) => row.flatMap((v) => [v <= low ? 1 : 0, v >= high ? 1 : 0]));
  const dummyNames = names.flatMap((t) => [`${t} low`, `${t} high`]);

  it('an empty low box: QR on the rows, the dummy aliased, as ols on the rows bit for bit', () => {
    const result = penaltyReward(big, { lowAtMost: 0, highAtLeast: 5 });
    expect(result.regression.algorithm).toBe('qr');
    expect(result.regression).toEqual(ols(dummies(0, 5), Array.from(data.y), { names: dummyNames }));
    expect(result.factors.every((f) => f.penalty === null && f.lowCount === 0)).toBe(true);
  });

  it('R-squared above 0.99: the refinement passes over the rows, as ols on the rows to 1e-12', () => {
    const rng = createRng(9);
    const lines = ['t1,t2,t3,score'];
    for (let i = 0; i < 11_000; i++) {
      const x = [1, 2, 3].map(() => 1 + Math.floor(5 * rng.next()));
      const [a, b, c] = x as [number, number, number];
      lines.push([...x, 10 + 2 * Number(a <= 2) - 3 * Number(b >= 5) + Number(c <= 2) + (Math.floor(8 * rng.next()) - 4) / 64].join(','));
    }
    const survey = readSurvey(`${lines.join('\n')}\n`, { touchpoints: ['t1', 't2', 't3'], overall: { column: 'score', type: 'numeric' }, scale: { min: 1, max: 5 } });
    const result = penaltyReward(survey);
    const fit = modelData(survey, { weighted: false });
    const X = fit.X.map((row) => row.flatMap((v) => [v <= 2 ? 1 : 0, v >= 5 ? 1 : 0]));
    expect(result.regression.rSquared).toBeGreaterThan(0.99);
    expect(result.regression.algorithm).toBe('cholesky');
    expectGolden(
      result.regression,
      ols(X, Array.from(fit.y), { names: ['t1', 't2', 't3'].flatMap((t) => [`${t} low`, `${t} high`]) }),
      { relative: 1e-12, fields: { pValue: { relative: 1e-9 } } },
      'R-squared > 0.99',
    );
  });
});

/**
 * Ratings that take every path of the per-respondent passes: integer rows (the exact shortcut),
 * rows with half points or with ratings a hair (1e-13) from a tie (the tolerant argmax), ties
 * between the highest and the lowest, missing cells and rows with nothing answered.
 */
function mixedColumns(n: number, k: number, seed: number): Float64Array[] {
  const rng = createRng(seed);
  const columns = Array.from({ length: k }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const kind = rng.int(4);
    for (let j = 0; j < k; j++) {
      const integer = 1 + rng.int(5);
      const v =
        kind === 0
          ? integer
          : kind === 1
            ? integer + (rng.next() < 0.3 ? 0.5 : 0)
            : kind === 2
              ? integer + (rng.next() < 0.3 ? (rng.next() < 0.5 ? 1e-13 : -1e-13) : 0)
              : i % 2 === 0
                ? 1 + 4 * (j % 2)
                : 3;
      (columns[j] as Float64Array)[i] = rng.next() < (i % 50 === 0 ? 1 : 0.15) ? Number.NaN : v;
    }
  }
  return columns;
}

describe('the per-respondent passes against their row-by-row definitions, on every path', () => {
  const n = 4000;
  const k = 7;
  const columns = mixedColumns(n, k, 11);
  const answersOf = (i: number): number[] => columns.map((c) => c[i] as number).filter((v) => !Number.isNaN(v));

  it.each(['most-intense', 'max', 'min', 'both'] as const)(
    'respondentPass (%s): peaks, ties, mean, lowest, highest of each row, at neutral 3, 3.3 and 3 + 1e-13 (ties within the tolerance)',
    (rule) => {
      for (const neutral of [3, 3.3, 3 + 1e-13]) {
        const scores = rule === 'max' ? [(v: number) => v] : rule === 'min' ? [(v: number) => -v] : rule === 'both' ? [(v: number) => v, (v: number) => -v] : [(v: number) => Math.abs(v - neutral)];
        const pass = respondentPass(columns, n, { rule, neutral, weight: 0.4, endIndex: k - 1 });
        let ambiguous = 0;
        for (let i = 0; i < n; i++) {
          const values = answersOf(i);
          expect(pass.answered[i]).toBe(values.length);
          if (values.length === 0) {
            expect([pass.peak[i], pass.mean[i], pass.min[i], pass.max[i], pass.predictions[i]]).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
            continue;
          }
          const peaks = scores.map((score) => argmaxEarliest(values, score));
          const peakTerm = peaks.reduce((s, p) => s + (values[p.index] as number), 0) / peaks.length;
          let sum = 0;
          for (const v of values) sum += v;
          expect([pass.peak[i], pass.mean[i], pass.min[i], pass.max[i]]).toEqual([peakTerm, sum / values.length, Math.min(...values), Math.max(...values)]);
          const end = (columns[k - 1] as Float64Array)[i] as number;
          expect(pass.predictions[i]).toEqual(Number.isNaN(end) ? Number.NaN : 0.4 * peakTerm + 0.6 * end);
          if (!Number.isNaN(end) && peaks.some((p) => p.tied.some((t) => values[t] !== values[p.index]))) ambiguous++;
        }
        expect(pass.ambiguousPeaks).toBe(ambiguous);
        expect(ambiguous).toBeGreaterThan(0);
      }
    },
  );

  it('peakValues: the most intense answer of each row, at neutral 3, 3.3 and 3 + 1e-13 (ties within the tolerance)', () => {
    for (const neutral of [3, 3.3, 3 + 1e-13]) {
      const { chosen } = peakValues(columns, n, 2, neutral);
      const expected = Float64Array.from({ length: n }, (_, i) => {
        const values = answersOf(i);
        return values.length === 0 ? Number.NaN : (values[argmaxEarliest(values, (v) => Math.abs(v - neutral)).index] as number);
      });
      expect(chosen).toEqual(expected);
    }
  });

  it.each(['most-intense', 'max', 'min', 'both'] as const)(
    'gestaltFeatureColumns (%s): every feature of each row as its definition, with gaps in the positions, at neutral 3, 3.3 and 3 + 1e-13 (ties within the tolerance)',
    (rule) => {
      const csv = [[...Array.from({ length: k }, (_, j) => `t${j + 1}`), 'overall'].join(',')];
      for (let i = 0; i < n; i++) csv.push([...columns.map((c) => (Number.isNaN(c[i] as number) ? '' : String(c[i]))), '3'].join(','));
      for (const neutral of [3, 3.3, 3 + 1e-13]) {
        const survey = readSurvey(`${csv.join('\n')}\n`, { touchpoints: Array.from({ length: k }, (_, j) => `t${j + 1}`), overall: 'overall', scale: { min: 0, max: 6, neutral, integer: false } });
        const read = Array.from({ length: k }, (_, j) => survey.ratings.get(`t${j + 1}`) as Float64Array);
        const result = gestaltFeatureColumns(survey, { peak: rule });
        let ambiguous = 0;
        for (let i = 0; i < n; i++) {
          const positions = read.map((c, j) => (Number.isNaN(c[i] as number) ? -1 : j + 1)).filter((t) => t > 0);
          const values = read.map((c) => c[i] as number).filter((v) => !Number.isNaN(v));
          const got = Object.fromEntries(Object.entries(result.features).map(([f, column]) => [f, column[i]]));
          expect(result.answered[i]).toBe(values.length);
          if (values.length === 0) {
            expect(Object.values(got).every(Number.isNaN)).toBe(true);
            continue;
          }
          const high = Math.max(...values);
          const low = Math.min(...values);
          const intense = argmaxEarliest(values, (v) => Math.abs(v - neutral));
          if (rule === 'most-intense' && intense.tied.some((t) => values[t] !== values[intense.index])) ambiguous++;
          const m = values.length;
          let sum = 0;
          for (const v of values) sum += v;
          const mean = sum / m;
          let tSum = 0;
          for (const t of positions) tSum += t;
          let sxx = 0;
          let sxy = 0;
          let syy = 0;
          values.forEach((v, r) => {
            const dt = (positions[r] as number) - tSum / m;
            sxx += dt * dt;
            sxy += dt * (v - mean);
            syy += (v - mean) * (v - mean);
          });
          const peak = rule === 'max' ? high : rule === 'min' ? low : rule === 'both' ? (high + low) / 2 : (values[intense.index] as number);
          expect(got).toEqual({
            peak,
            peakHigh: high,
            trough: low,
            beginning: values[0],
            end: values[m - 1],
            mean,
            trend: m < 2 ? Number.NaN : sxy / sxx,
            variability: m < 2 ? Number.NaN : Math.sqrt(syy / (m - 1)),
          });
        }
        expect(result.ambiguousPeaks).toBe(ambiguous);
        if (rule === 'most-intense') expect(ambiguous).toBeGreaterThan(0);
      }
    },
  );
});

describe('wilcoxonSignedRank at large n (typed-array ranks)', () => {
  // Few distinct sizes (tallied by value) and many (past 4,096 distinct, tallied by sorting).
  it.each([
    ['many ties', (v: number) => Math.round(8 * v) / 4],
    ['over 4,096 distinct sizes', (v: number) => Math.round(8 * v) / 4 + (v < 0.5 ? Math.round(1e4 * v) / 1e6 : 0)],
  ])('equals the rank-by-sorting definition with %s (normal approximation, tie correction)', (_, value) => {
    const rng = createRng(5);
    const x = Float64Array.from({ length: 20_000 }, () => value(rng.next()));
    const y = Float64Array.from({ length: 20_000 }, () => Math.round(8 * rng.next()) / 4 + 0.1);
    const d = Array.from(x, (v, i) => v - (y[i] as number)).filter((v) => v !== 0);
    const order = d.map((_, i) => i).sort((a, b) => Math.abs(d[a] as number) - Math.abs(d[b] as number));
    const ranks = new Float64Array(d.length);
    let tieTerm = 0;
    for (let start = 0; start < d.length; ) {
      let end = start;
      while (end + 1 < d.length && Math.abs(d[order[end + 1] as number] as number) === Math.abs(d[order[start] as number] as number)) end++;
      for (let t = start; t <= end; t++) ranks[order[t] as number] = (start + end + 2) / 2;
      const size = end - start + 1;
      tieTerm += size * size * size - size;
      start = end + 1;
    }
    const n = d.length;
    const statistic = d.reduce((s, v, i) => s + (v > 0 ? (ranks[i] as number) : 0), 0);
    const centred = statistic - (n * (n + 1)) / 4;
    const z = (centred - Math.sign(centred) * 0.5) / Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieTerm / 48);
    const result = wilcoxonSignedRank(x, y);
    expect(result.statistic).toBe(statistic);
    expect(result.pValue).toBe(Math.min(1, 2 * normalUpperTail(Math.abs(z))));
    expect(result.exact).toBe(false);
  });
});
