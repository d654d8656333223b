import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { peakEnd } from '../../src/experience/peak-end.js';
import { relativeImportance } from '../../src/importance/relative-importance.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { type OlsCoefficient, ols } from '../../src/regression/ols.js';
import { SurveyAccumulator } from '../../src/scale/survey-accumulator.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';
import { describeSurvey } from '../../src/survey/describe-survey.js';
import type { Survey } from '../../src/survey/survey.js';
import { expectGolden } from '../helpers/golden.js';
import { loadReference } from '../helpers/reference.js';

// Expected values: the in-memory analyses, which are themselves checked against R elsewhere
// (ols: lm and NIST; describeSurvey: mean/sd/qt/median; relativeImportance: relaimpo; peakEnd: base R).
function referenceSurvey(name: string, rows?: number[]): { survey: Survey; spec: SurveySpec } {
  const ref = loadReference(name);
  const data = rows === undefined ? ref.data : rows.map((i) => ref.data[i] as (number | null)[]);
  const columns = Object.fromEntries(ref.columns.map((c, j) => [c, data.map((row) => row[j] ?? null)]));
  const spec: SurveySpec = { touchpoints: ref.model.x, overall: ref.model.y, scale: { min: 1, max: 5 } };
  return { survey: readSurvey(columns, spec), spec };
}

describe('SurveyAccumulator equals the in-memory analyses', () => {
  it.each(['survey-n500-k7-missing-s1000', 'survey-n200-k5-s1000'])('%s: descriptives, OLS, LMG, peak-end', (name) => {
    const { survey, spec } = referenceSurvey(name);
    const acc = new SurveyAccumulator(spec).add(survey);
    const tol = { relative: 1e-10, absolute: 1e-12 };
    const d = describeSurvey(survey);
    expectGolden(
      acc.describe(),
      d.items.map(({ label: _l, role: _r, missing: _m, notApplicable: _na, standardError: _s, ...rest }) => rest),
      tol,
      `${name} describe`,
    );
    const ref = loadReference(name);
    const fit = ols(ref.X, ref.y, { names: ref.model.x });
    const { coefficients, ...summary } = acc.ols();
    expectGolden(
      coefficients,
      (fit.coefficients as OlsCoefficient[]).map(({ standardized: _s, vif: _v, ...c }) => c),
      tol,
      `${name} ols coefficients`,
    );
    expectGolden(
      summary,
      { rSquared: fit.rSquared, adjustedRSquared: fit.adjustedRSquared, fStatistic: fit.fStatistic, logLik: fit.logLik, aic: fit.aic, bic: fit.bic, dfResidual: fit.dfResidual },
      tol,
      `${name} ols`,
    );
    expectGolden({ ...acc.relativeImportance({ method: 'lmg' }).importance }, { ...relativeImportance(ref.X, ref.y, { method: 'lmg', names: ref.model.x }).importance }, tol, `${name} lmg`);
    const pe = peakEnd(survey);
    expect(acc.peakEnd().prediction).toBeCloseTo(pe.aggregate.allAnswers.prediction, 12); // each mean over its own answers
    const { model: _m, ...accuracy } = (pe.comparison as NonNullable<typeof pe.comparison>).models.find((m) => m.model === 'peak-end') as NonNullable<typeof pe.comparison>['models'][number];
    expectGolden(acc.peakEndAccuracy(), accuracy, tol, `${name} peak-end accuracy`);
  });

  it('weighted: OLS from weighted moments equals WLS', () => {
    const ref = loadReference('survey-n300-k6-weighted-s1000');
    const columns = Object.fromEntries(ref.columns.map((c, j) => [c, ref.data.map((row) => row[j] ?? null)]));
    const spec: SurveySpec = { touchpoints: ref.model.x, overall: ref.model.y, scale: { min: 1, max: 5 }, weight: 'w' };
    const survey = readSurvey({ ...columns, w: ref.weights as number[] }, spec);
    const fit = ols(ref.X, ref.y, { names: ref.model.x, weights: ref.weights as number[] });
    const acc = new SurveyAccumulator(spec).add(survey).ols();
    (acc.coefficients as OlsCoefficient[]).forEach((c, j) => {
      expect(c.stdError).toBeCloseTo((fit.coefficients[j] as OlsCoefficient).stdError, 10);
    });
    expect(acc.logLik).toBeCloseTo(fit.logLik as number, 9);
  });
});

describe('mergeable moments', () => {
  const { survey: whole, spec } = referenceSurvey('survey-n500-k7-missing-s1000');
  const all = new SurveyAccumulator(spec).add(whole);

  it('property: any split of the rows, merged (through JSON), equals the whole to 1e-12', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 500, maxLength: 500 }), (shardOf) => {
        const shards = [0, 1, 2, 3].map((s) =>
          referenceSurvey(
            'survey-n500-k7-missing-s1000',
            shardOf.flatMap((x, i) => (x === s ? [i] : [])),
          ),
        );
        const accs = shards.map(({ survey }) => (survey.n > 0 ? new SurveyAccumulator(spec).add(survey) : new SurveyAccumulator(spec)));
        const merged = accs.map((a) => SurveyAccumulator.fromJSON(JSON.parse(JSON.stringify(a.toJSON())), spec)).reduce((x, y) => x.merge(y));
        const tol = { relative: 1e-12, absolute: 1e-12 };
        expectGolden(merged.toJSON().joint, all.toJSON().joint, tol, 'joint moments');
        expectGolden(merged.toJSON().perColumn, all.toJSON().perColumn, tol, 'per-column moments');
        expectGolden(merged.ols().coefficients, all.ols().coefficients, { relative: 1e-10, absolute: 1e-12 }, 'ols');
      }),
      { numRuns: 15, seed: 11 },
    );
  });

  it('refuses mismatched states and non-integer scales', () => {
    const other = new SurveyAccumulator({ touchpoints: ['x'], overall: 'o', scale: { min: 1, max: 5 } });
    expect(() => all.merge(other)).toThrow(InvalidArgumentError);
    expect(() => new SurveyAccumulator({ touchpoints: ['x'], overall: 'o', scale: { min: 1, max: 5, integer: false } })).toThrow(/integer/);
  });
});

describe('accumulateSurveyFile', () => {
  it('streams a file into the same summary as reading it whole, with the same row account', async () => {
    const { accumulateSurveyFile } = await import('../../src/scale/accumulate-survey-file.js');
    const { readSurveyFile } = await import('../../src/ingest/read-survey-file.js');
    const { zhijiangSpec } = await import('../../src/forensics/zhijiang.js');
    const path = new URL('../../fixtures/zhijiang/zhijiang.csv', import.meta.url).pathname;
    const { accumulator, report } = await accumulateSurveyFile(path, zhijiangSpec(), { chunkSize: 64 });
    const survey = await readSurveyFile(path, zhijiangSpec());
    expect(report).toEqual(survey.report);
    const whole = new SurveyAccumulator(zhijiangSpec()).add(survey);
    expect(accumulator.toJSON()).toEqual(whole.toJSON());
    expect(accumulator.peakEnd().prediction).toBeCloseTo(4.64, 2);
  });
});

describe('SurveyAccumulator.ols returns what ols returns', () => {
  it('reports a touchpoint that repeats another as aliased, with the warnings ols gives (R: lm gives NA)', () => {
    const ref = loadReference('survey-n200-k5-s1000');
    const data = ref.data.map((row) => [...row.slice(0, -1), row[0] ?? null, row[row.length - 1] ?? null]);
    const names = [...ref.columns.slice(0, -1), 'again'];
    const columns = Object.fromEntries([...names, ref.columns[ref.columns.length - 1] as string].map((c, j) => [c, data.map((row) => row[j] ?? null)]));
    const spec: SurveySpec = { touchpoints: [...ref.model.x, 'again'], overall: ref.model.y, scale: { min: 1, max: 5 } };
    const survey = readSurvey(columns, spec);
    const fromMoments = new SurveyAccumulator(spec).add(survey).ols();
    const rows = Array.from({ length: survey.n }, (_, i) => [...spec.touchpoints.map((t) => (survey.ratings.get(t as string) as Float64Array)[i] as number)]);
    const fit = ols(rows, survey.ratings.get(ref.model.y) as Float64Array, { names: spec.touchpoints as string[] });
    expect(fromMoments.method).toBe('ols');
    expect(fromMoments.coefficients.at(-1)).toEqual({ name: 'again', aliased: true });
    expectGolden(fromMoments.coefficients, fit.coefficients, { relative: 1e-10, absolute: 1e-12 }, 'aliased ols');
    expect(fromMoments.warnings.map((w) => w.code)).toEqual(fit.warnings.map((w) => w.code));
    expect(fromMoments.rank).toBe(fit.rank);
  });

  it('refuses a constant overall rating as ols does (nothing to explain)', () => {
    const spec: SurveySpec = { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 } };
    const acc = new SurveyAccumulator(spec);
    for (const [a, b] of [
      [1, 2],
      [3, 5],
      [4, 4],
      [2, 1],
      [5, 3],
    ])
      acc.addRow([a as number, b as number, 4]);
    expect(() => acc.ols()).toThrow(InsufficientDataError);
    expect(() =>
      ols(
        [
          [1, 2],
          [3, 5],
          [4, 4],
          [2, 1],
          [5, 3],
        ],
        [4, 4, 4, 4, 4],
      ),
    ).toThrow(InsufficientDataError);
  });
});
