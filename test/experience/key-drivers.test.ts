import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { importancePerformance } from '../../src/experience/ipa.js';
import { keyDrivers } from '../../src/experience/key-drivers.js';
import { penaltyReward } from '../../src/experience/penalty-reward.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import type { Survey } from '../../src/survey/survey.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';
import { loadReference } from '../helpers/reference.js';

function referenceSurvey(name: string): Survey {
  const ref = loadReference(name);
  const columns = Object.fromEntries(ref.columns.map((c, j) => [c, ref.data.map((row) => row[j] ?? null)]));
  return readSurvey(columns, { touchpoints: ref.model.x, overall: ref.model.y, scale: { min: 1, max: 5 } });
}

describe('penaltyReward matches lm() on low-box and top-box dummies (R)', () => {
  const golden = loadGolden<Record<string, Record<string, unknown>[]>>('experience/penalty-reward.json');
  it.each(['survey-n47-k7-s1000', 'survey-n200-k5-s1000', 'survey-n500-k7-missing-s1000'])('%s', (name) => {
    const result = penaltyReward(referenceSurvey(name));
    expectGolden(result.factors, golden[name], { relative: 1e-9, absolute: 1e-12 }, name);
    for (const f of result.factors) {
      // Impact asymmetry from its definition, with negative parts counted as zero.
      const p = Math.max(0, -(f.penalty as number));
      const r = Math.max(0, f.reward as number);
      expect(f.impactAsymmetry).toBeCloseTo(p + r === 0 ? Number.NaN : (r - p) / (p + r), 12);
    }
  });

  it('classifies by impact asymmetry and reports empty boxes', () => {
    // Nobody rates "a" 5: its reward cannot be estimated.
    const survey = readSurvey(
      { a: [1, 2, 3, 4, 4, 3, 2, 1, 3, 4, 2, 3], b: [5, 4, 3, 5, 1, 2, 5, 3, 4, 1, 5, 2], o: [2, 3, 3, 5, 2, 2, 4, 1, 4, 2, 4, 2] },
      { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 } },
    );
    const r = penaltyReward(survey);
    expect(r.factors[0]).toMatchObject({ reward: null, highCount: 0, factor: 'insufficient data' });
    expect(r.warnings.map((w) => w.code)).toContain('small_cell');
    expect(penaltyReward(survey, { minCellSize: 1 }).factors[0]?.factor).toBe('insufficient data'); // an empty box stays unclassified
    expect(() => penaltyReward(survey, { lowAtMost: 4, highAtLeast: 4 })).toThrow(InvalidArgumentError);
  });
});

describe('importancePerformance (Martilla & James quadrants)', () => {
  it('places points by hand-computed crosshairs', () => {
    // Mean performance (4 + 3 + 4.5 + 3.5) / 4 = 3.75; mean importance (0.3 + 0.3 + 0.1 + 0.1) / 4 = 0.2.
    const r = importancePerformance([
      { touchpoint: 'a', performance: 4, importance: 0.3 },
      { touchpoint: 'b', performance: 3, importance: 0.3 },
      { touchpoint: 'c', performance: 4.5, importance: 0.1 },
      { touchpoint: 'd', performance: 3.5, importance: 0.1 },
    ]);
    expect(r.crosshair.kind).toBe('means');
    expect(r.crosshair.performance).toBeCloseTo(3.75, 15);
    expect(r.crosshair.importance).toBeCloseTo(0.2, 15);
    expect(r.points.map((p) => p.quadrant)).toEqual(['keep up the good work', 'concentrate here', 'possible overkill', 'low priority']);
    const scale = importancePerformance([{ touchpoint: 'a', performance: 2.9, importance: 1 }], { crosshair: 'scale', neutral: 3 });
    expect(scale.points[0]?.quadrant).toBe('concentrate here');
    expect(() => importancePerformance([])).toThrow(InvalidArgumentError);
    expect(() => importancePerformance([{ touchpoint: 'a', performance: 3, importance: 1 }], { crosshair: 'scale' })).toThrow(/neutral/);
  });
});

describe('keyDrivers', () => {
  it("flags key moments, pain points and hygiene factors from R's regression and the touchpoint means", () => {
    const name = 'survey-n47-k7-s1000';
    const ref = loadReference(name);
    const result = keyDrivers(referenceSurvey(name));
    const lm = ref.lm.coefficients as { name: string; estimate: number; pValue: number }[];
    for (const t of result.touchpoints) {
      const r = lm.find((c) => c.name === t.touchpoint) as { estimate: number; pValue: number };
      expect(t.estimate).toBeCloseTo(r.estimate, 10);
      const relimp = ref.relimp as Record<string, Record<string, number>> & { R2: number };
      const share = (relimp.lmg?.[t.touchpoint] as number) / relimp.R2;
      expect(t.relevant).toBe(share >= 1 / 14);
      expect(t.flags.keyMoment).toBe(r.pValue < 0.05 && r.estimate > 0 && share >= 1 / 14);
      const column = ref.model.x.indexOf(t.touchpoint);
      const values = ref.X.map((row) => row[column] as number);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(t.performance).toBeCloseTo(mean, 13);
      expect(t.flags.painPoint).toBe(t.flags.keyMoment && mean < 4);
      expect(t.flags.hygiene).toBe(!t.flags.keyMoment && mean >= 4);
      expect(t.importance).toBeCloseTo((ref.relimp as Record<string, Record<string, number>>).lmg?.[t.touchpoint] as number, 10);
    }
    expect(result.touchpoints.filter((t) => t.flags.keyMoment).map((t) => t.touchpoint)).toEqual(['tp5', 'tp7']);
    expect(result.touchpoints.filter((t) => t.flags.end).map((t) => t.touchpoint)).toEqual(['tp7']);
    expect(result.touchpoints.map((t) => t.importanceRank).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("adds grouped stage importance (R: Shapley values of the stages) and bootstrap intervals around R's LMG on request, reproducibly", () => {
    const survey = referenceSurvey('survey-n47-k7-s1000');
    const stages = loadGolden<{ keyDriverStages: { groups: Record<string, string[]>; lmg: Record<string, number> } }>('importance/groups.json').keyDriverStages;
    const options = { stages: stages.groups, bootstrap: { replicates: 40, seed: 3 } };
    const a = keyDrivers(survey, options);
    expect(Object.keys(a.stageImportance?.importance ?? {})).toEqual(['pre', 'sale', 'after']);
    expectGolden({ ...a.stageImportance?.importance }, stages.lmg, { relative: 1e-10 }, 'stage importance');
    // Each bootstrap estimate is the full-sample LMG, relaimpo's answer in the reference file.
    const lmg = (loadReference('survey-n47-k7-s1000').relimp as Record<string, Record<string, number>>).lmg as Record<string, number>;
    expectGolden(Object.fromEntries((a.bootstrap?.estimates ?? []).map((e) => [e.name, e.estimate])), lmg, { relative: 1e-10 }, 'bootstrap estimates');
    expect(a.bootstrap?.estimates).toHaveLength(7);
    expect(keyDrivers(survey, options).bootstrap).toEqual(a.bootstrap);
    expect(() => keyDrivers(survey, { alpha: 5 })).toThrow(InvalidArgumentError);
  });
});

describe('keyDrivers with ordinal and logistic models', () => {
  it('takes coefficients and p-values from the chosen model (each checked against R elsewhere)', async () => {
    const { ordinalLogit } = await import('../../src/regression/ordinal.js');
    const { logisticRegression } = await import('../../src/regression/logistic.js');
    const ref = loadReference('survey-n47-k7-s1000');
    const survey = referenceSurvey('survey-n47-k7-s1000');
    const ordinal = keyDrivers(survey, { model: 'ordinal' });
    const direct = ordinalLogit(ref.X, ref.y, { names: ref.model.x, levels: [1, 2, 3, 4, 5] });
    expect(ordinal.model).toBe('ordinal');
    for (const t of ordinal.touchpoints) {
      const c = direct.coefficients.find((x) => x.name === t.touchpoint);
      expect(t.estimate).toBe(c?.estimate);
      expect(t.flags.keyMoment).toBe((c?.pValue as number) < 0.05 && (c?.estimate as number) > 0 && t.relevant);
    }
    expect(ordinal.regression.method).toBe('ols'); // importance still from the OLS R-squared
    const logistic = keyDrivers(survey, { model: 'logistic' });
    const top2 = logisticRegression(
      ref.X,
      ref.y.map((v) => ((v as number) >= 4 ? 1 : 0)),
      { names: ref.model.x },
    );
    expect(logistic.touchpoints[4]?.pValue).toBe(top2.coefficients[5]?.pValue);
    expect(() => keyDrivers(survey, { model: 'probit' as never })).toThrow(InvalidArgumentError);
  });
});

describe('keyDrivers option names: importanceMethod, as relativeImportance names its method', () => {
  const survey = referenceSurvey('survey-n47-k7-s1000');
  it('importanceMethod chooses the importance; the deprecated importance still works with a deprecated_option warning', () => {
    const current = keyDrivers(survey, { importanceMethod: 'pratt' });
    expect(current.importance.method).toBe('pratt');
    expect(current.warnings.map((w) => w.code)).not.toContain('deprecated_option');
    const old = keyDrivers(survey, { importance: 'pratt' });
    expect(old.importance).toEqual(current.importance);
    expect(old.warnings.find((w) => w.code === 'deprecated_option')?.message).toMatch(/importanceMethod: 'pratt'/);
    expect(() => keyDrivers(survey, { importance: 'pratt', importanceMethod: 'lmg' })).toThrow(InvalidArgumentError);
  });

  it('the deprecated crosshair warns the same way', () => {
    expect(keyDrivers(survey, { crosshair: 'means' }).warnings.map((w) => w.code)).toContain('deprecated_option');
  });
});
