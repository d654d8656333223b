/**
 * Issue 14, item 11: flags that agree with each other and mean something. Key moments need a
 * practically relevant importance, high performance has one definition for flags and quadrants,
 * penalty-reward factors carry inference and refuse tiny cells, and the peak-end gap and its test
 * use the same respondents.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { importancePerformance } from '../../src/experience/ipa.js';
import { type KeyDriversResult, keyDrivers } from '../../src/experience/key-drivers.js';
import { peakEnd } from '../../src/experience/peak-end.js';
import { penaltyReward } from '../../src/experience/penalty-reward.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { createRng } from '../../src/random/rng.js';
import type { Survey } from '../../src/survey/survey.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';
import { loadReference, REFERENCE_NAMES } from '../helpers/reference.js';

/** A seeded standard normal draw (Box-Muller on the library's generator). */
function normal(rng: ReturnType<typeof createRng>): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

function referenceSurvey(name: string): Survey {
  const ref = loadReference(name);
  const columns: Record<string, (number | null)[]> = Object.fromEntries(ref.columns.map((c, j) => [c, ref.data.map((row) => row[j] ?? null)]));
  if (ref.weights !== null) columns.w = ref.weights;
  const seven = name.includes('scale7');
  return readSurvey(columns, {
    touchpoints: ref.model.x,
    overall: ref.model.y,
    scale: { min: 1, max: seven ? 7 : 5 },
    ...(ref.weights !== null && { weight: 'w' }),
  });
}

/** Every flag read against the quadrant it sits in: no touchpoint may say two contradicting things. */
function expectConsistent(result: KeyDriversResult): void {
  for (const t of result.touchpoints) {
    const high = t.performance >= result.highPerformance;
    expect(result.ipa.crosshair.performance).toBe(result.highPerformance);
    if (t.flags.painPoint) expect(t.quadrant).toBe('concentrate here');
    if (t.flags.keyMoment) expect(['concentrate here', 'keep up the good work']).toContain(t.quadrant);
    if (t.flags.hygiene) expect(['keep up the good work', 'possible overkill']).toContain(t.quadrant);
    expect(['keep up the good work', 'possible overkill'].includes(t.quadrant)).toBe(high);
    expect(['concentrate here', 'keep up the good work'].includes(t.quadrant)).toBe(t.relevant);
  }
}

describe('one definition of high performance for flags and IPA quadrants', () => {
  it.each(['scale', 'means', 4.2] as const)('flags and quadrants agree on every reference survey (highPerformance %s)', (rule) => {
    for (const name of REFERENCE_NAMES.filter((n) => !n.includes('collinear'))) {
      const result = keyDrivers(referenceSurvey(name), { highPerformance: rule });
      expect(result.highPerformanceRule).toBe(typeof rule === 'number' ? 'fixed' : rule);
      expectConsistent(result);
    }
  });

  it('states the level: halfway from neutral to the top by default, the mean of means on request', () => {
    const survey = referenceSurvey('survey-n60-k4-scale7-s1000');
    expect(keyDrivers(survey).highPerformance).toBe(5.5);
    const means = keyDrivers(survey, { highPerformance: 'means' });
    const meanOfMeans = means.touchpoints.reduce((s, t) => s + t.performance, 0) / means.touchpoints.length;
    expect(means.highPerformance).toBeCloseTo(meanOfMeans, 14);
    // The old option name still works.
    expect(keyDrivers(survey, { crosshair: 'means' }).highPerformanceRule).toBe('means');
    expect(() => keyDrivers(survey, { highPerformance: 'median' as never })).toThrow(InvalidArgumentError);
    expect(() => keyDrivers(survey, { minImportanceShare: 2 })).toThrow(/share of R-squared/);
  });

  it('no longer calls a touchpoint "low priority" and a "pain point" at once (the reported contradiction)', () => {
    // Before: pain point used the fixed level 4 while the quadrant used the mean of means. Here
    // "b" is a significant driver with mean 3.9: below 4 but above the mean of means.
    const rng = createRng(11);
    const n = 400;
    const a: number[] = [],
      b: number[] = [],
      c: number[] = [],
      o: number[] = [];
    const clamp = (v: number) => Math.min(5, Math.max(1, Math.round(v)));
    for (let i = 0; i < n; i++) {
      const z = normal(rng);
      a.push(clamp(2.6 + 0.9 * normal(rng)));
      b.push(clamp(3.9 + 0.8 * z));
      c.push(clamp(3.0 + 0.9 * normal(rng)));
      o.push(clamp(3.5 + 0.9 * z + 0.3 * normal(rng)));
    }
    const survey = readSurvey({ a, b, c, o }, { touchpoints: ['a', 'b', 'c'], overall: 'o', scale: { min: 1, max: 5 } });
    const result = keyDrivers(survey);
    const bDriver = result.touchpoints[1];
    expect(bDriver?.flags.painPoint).toBe(true);
    expect(bDriver?.quadrant).toBe('concentrate here');
    expectConsistent(result);
  });
});

describe('key moments need practically relevant importance, not significance alone', () => {
  it("uses R's p-values and relaimpo's LMG shares on 5,000 respondents (12 touchpoints)", () => {
    const name = 'survey-n5000-k12-s1000';
    const ref = loadReference(name);
    const relimp = ref.relimp as Record<string, Record<string, number>> & { R2: number };
    const lm = ref.lm.coefficients as { name: string; estimate: number; pValue: number }[];
    for (const share of [undefined, 1 / 12, 0]) {
      const result = keyDrivers(referenceSurvey(name), share === undefined ? {} : { minImportanceShare: share });
      const threshold = share ?? 1 / 24;
      expect(result.minImportanceShare).toBe(threshold);
      for (const t of result.touchpoints) {
        const r = lm.find((c) => c.name === t.touchpoint) as { estimate: number; pValue: number };
        const rShare = (relimp.lmg?.[t.touchpoint] as number) / relimp.R2;
        expect(t.flags.keyMoment).toBe(r.pValue < 0.05 && r.estimate > 0 && rShare >= threshold);
      }
      expectConsistent(result);
    }
    // Every touchpoint is significant (p < 1e-8) and above half an equal share; an equal share
    // (1/12) keeps only the six largest.
    const equal = keyDrivers(referenceSurvey(name), { minImportanceShare: 1 / 12 });
    expect(equal.touchpoints.filter((t) => t.flags.keyMoment).map((t) => t.touchpoint)).toEqual(['tp1', 'tp3', 'tp4', 'tp8', 'tp9', 'tp10']);
    expect(equal.warnings.find((w) => w.code === 'significant_not_relevant')?.message).toMatch(/"tp2" \(5\.9%\).*less than 8\.3% of R-squared/);
  });

  it('separates drivers at n = 23,863 with 14 touchpoints, where 11 of 14 are significant', () => {
    // The reported shape: a large survey where nearly every touchpoint is significant. Three
    // strong drivers, eight weak but significant ones, three nothing.
    const rng = createRng(23863);
    const n = 23863;
    const effects = [0.5, 0.45, 0.4, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0.04, 0, 0, 0];
    const columns: Record<string, number[]> = {};
    const names = effects.map((_, j) => `t${j + 1}`);
    for (const c of [...names, 'overall']) columns[c] = [];
    for (let i = 0; i < n; i++) {
      const common = normal(rng);
      let y = 0;
      names.forEach((c, j) => {
        const x = 0.3 * common + normal(rng);
        (columns[c] as number[]).push(Math.min(10, Math.max(0, Math.round(6 + 1.5 * x))));
        y += (effects[j] as number) * x;
      });
      columns.overall?.push(Math.min(10, Math.max(0, Math.round(6 + y + 1.2 * normal(rng)))));
    }
    const survey = readSurvey(columns, { touchpoints: names, overall: 'overall', scale: { min: 0, max: 10 } });
    const result = keyDrivers(survey);
    const significant = result.touchpoints.filter((t) => t.significant && (t.estimate as number) > 0);
    const keyMoments = result.touchpoints.filter((t) => t.flags.keyMoment).map((t) => t.touchpoint);
    expect(significant.length).toBeGreaterThanOrEqual(10);
    expect(keyMoments).toEqual(['t1', 't2', 't3']);
    expect(result.minImportanceShare).toBeCloseTo(1 / 28, 15);
    for (const t of result.touchpoints) expect(t.relevant).toBe(t.importanceShare >= 1 / 28);
    expect(keyDrivers(survey, { minImportanceShare: 0 }).touchpoints.filter((t) => t.flags.keyMoment)).toHaveLength(significant.length);
    expectConsistent(result);
  });
});

describe('importancePerformance with fixed crosshairs', () => {
  it('puts the crosshairs where it is told and says so', () => {
    const points = [
      { touchpoint: 'a', performance: 4, importance: 0.3 },
      { touchpoint: 'b', performance: 3.9, importance: 0.02 },
    ];
    const r = importancePerformance(points, { performanceCrosshair: 3.95, importanceCrosshair: 0.02 });
    expect(r.crosshair).toEqual({ kind: 'fixed', performance: 3.95, importance: 0.02 });
    expect(r.points.map((p) => p.quadrant)).toEqual(['keep up the good work', 'concentrate here']);
    expect(() => importancePerformance(points, { performanceCrosshair: Number.NaN })).toThrow(InvalidArgumentError);
  });
});

describe('penalty-reward factors: standard errors, p-values, minimum cell size, fifths on long scales', () => {
  const golden = loadGolden<Record<string, Record<string, unknown>[]>>('experience/penalty-reward.json');
  const tol = { relative: 1e-9, absolute: 1e-12 };

  it.each(['survey-n47-k7-s1000', 'survey-n200-k5-s1000', 'survey-n500-k7-missing-s1000'])('matches lm() with standard errors and cell counts on %s', (name) => {
    const result = penaltyReward(referenceSurvey(name));
    expect(result).toMatchObject({ lowAtMost: 2, highAtLeast: 5, boxRule: 'bottom-two-top-box', minCellSize: 30 });
    expectGolden(result.factors, golden[name], tol, name);
    for (const f of result.factors) {
      const small = Math.min(f.lowCount, f.middleCount, f.highCount) < 30;
      expect(f.factor === 'insufficient data').toBe(small);
    }
  });

  it('uses the bottom and top fifths on a 0-100 scale and refuses to classify cells under 30 (lm() in R)', () => {
    const text = readFileSync(fileURLToPath(new URL('../golden/experience/penalty-reward-0-100.csv', import.meta.url)), 'utf8');
    const survey = readSurvey(text, { touchpoints: ['app', 'staff', 'wait', 'refund'], overall: 'overall', scale: { min: 0, max: 100 } });
    const result = penaltyReward(survey);
    expect(result).toMatchObject({ lowAtMost: 20, highAtLeast: 80, boxRule: 'fifths' });
    expectGolden(result.factors, golden['survey-0-100'], tol, 'survey-0-100');
    // wait: 29 in the top fifth; refund: 3. Both are "insufficient data", named in one warning.
    expect(result.factors.map((f) => f.factor)).toEqual(['performance', 'performance', 'insufficient data', 'insufficient data']);
    expect(result.warnings.find((w) => w.code === 'small_cell')?.message).toMatch(/"wait" \(61 low, 310 middle, 29 high\), "refund" \(99 low, 298 middle, 3 high\)/);
    const lenient = penaltyReward(survey, { minCellSize: 3 });
    expect(lenient.factors.every((f) => f.factor !== 'insufficient data')).toBe(true);
    expect(() => penaltyReward(survey, { minCellSize: 0 })).toThrow(/minCellSize/);
    // Classification from the R estimates: IA = (R - P) / (R + P) with negative parts as 0.
    const app = golden['survey-0-100']?.[0] as { penalty: number; reward: number };
    const ia = (Math.max(0, app.reward) - Math.max(0, -app.penalty)) / (Math.max(0, app.reward) + Math.max(0, -app.penalty));
    expect(Math.abs(ia)).toBeLessThan(0.2);
  });

  it("leaves a touchpoint unclassified (null) when its dummies copy another touchpoint's, and says why", () => {
    const a: number[] = [],
      o: number[] = [];
    for (let i = 0; i < 120; i++) {
      a.push(1 + (i % 5));
      o.push(1 + ((i * 7) % 5));
    }
    const r = penaltyReward(readSurvey({ a, b: a.slice(), o }, { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 } }), { minCellSize: 10 });
    expect(r.factors[1]).toMatchObject({ penalty: null, reward: null, factor: null, lowCount: 48, middleCount: 48, highCount: 24 });
    expect(r.warnings.find((w) => w.code === 'empty_box')?.message).toMatch(/"b": its low-box and high-box dummies are collinear/);
  });

  it('keeps a middle category on a 3-point scale (low box = 1, high box = 3)', () => {
    const rng = createRng(5);
    const a: number[] = [],
      o: number[] = [];
    for (let i = 0; i < 200; i++) {
      const v = 1 + rng.int(3);
      a.push(v);
      o.push(Math.min(3, Math.max(1, v + (rng.int(3) - 1))));
    }
    const r = penaltyReward(readSurvey({ a, o }, { touchpoints: ['a'], overall: 'o', scale: { min: 1, max: 3 } }));
    expect(r).toMatchObject({ lowAtMost: 1, highAtLeast: 3 });
    expect((r.factors[0] as { middleCount: number }).middleCount).toBe(a.filter((v) => v === 2).length);
    expect(r.factors[0]?.penalty).not.toBeNull();
  });
});

describe('peak-end on the same respondents and on a two-valued outcome', () => {
  it('reports the aggregate gap and its paired test on the same respondents, and states n', () => {
    // r3 skipped the end, r4 skipped overall: the gap and the test both use r1, r2, r5, r6.
    const survey = readSurvey(
      { a: [5, 4, 5, 5, 5, 4], b: [3, 4, 3, 2, 3, 4], c: [4, 2, null, 4, 4, 3], o: [4, 3, 2, null, 4, 4] },
      { touchpoints: ['a', 'b', 'c'], overall: 'o', scale: { min: 1, max: 5 } },
    );
    const r = peakEnd(survey, { folds: 2 });
    const a = r.aggregate;
    expect(a.n).toBe(4);
    expect(a.gapTest?.n).toBe(4);
    // Peak a (mean 4.67 over all answers), end c. On r1, r2, r5, r6: a 4.5, c 3.25, o 3.75.
    expect(a.peak).toEqual({ touchpoint: 'a', mean: 4.5, kind: 'most-intense' });
    expect(a.end.mean).toBe(3.25);
    expect(a.prediction).toBeCloseTo(3.875, 15);
    expect(a.observed).toBe(3.75);
    expect(a.gap).toBeCloseTo(a.gapTest?.meanDifference as number, 14);
    expect((a.gapTest?.ciLower as number) <= (a.gap as number) && (a.gap as number) <= (a.gapTest?.ciUpper as number)).toBe(true);
    // All answers: a 28/6, c 17/5, o 17/5.
    expect(a.allAnswers.prediction).toBeCloseTo(0.5 * (28 / 6) + 0.5 * (17 / 5), 14);
    expect(a.allAnswers.observed).toBeCloseTo(17 / 5, 14);
    expect(r.warnings.find((w) => w.code === 'aggregate_respondents')?.message).toMatch(/4 respondents who answered the peak, the end and overall \(2 others/);
  });

  it('refuses the MAE comparison and its verdict when overall takes two values', () => {
    const rng = createRng(2);
    const columns: Record<string, number[]> = { a: [], b: [], c: [], o: [] };
    for (let i = 0; i < 120; i++) {
      for (const c of ['a', 'b', 'c']) columns[c]?.push(1 + rng.int(5));
      columns.o?.push(rng.int(2) === 0 ? 1 : 5); // "no" = 1, "yes" = 5
    }
    const r = peakEnd(readSurvey(columns, { touchpoints: ['a', 'b', 'c'], overall: 'o', scale: { min: 1, max: 5 } }));
    expect(r.comparison).toBeNull();
    expect(r.warnings.find((w) => w.code === 'binary_outcome')?.message).toMatch(/only two values \(1 and 5\).*not given/);
  });
});
