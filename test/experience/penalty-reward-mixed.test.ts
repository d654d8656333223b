import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { penaltyReward } from '../../src/experience/penalty-reward.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

interface Golden {
  n: number;
  factors: Record<string, unknown>[];
}
const golden = loadGolden<Golden>('experience/penalty-reward-mixed.json');
const csv = readFileSync(fileURLToPath(new URL('../golden/experience/penalty-reward-mixed.csv', import.meta.url)), 'utf8');
// Four touchpoints on four scales; the spec's default scale (1-5) is app's.
const spec = {
  touchpoints: ['app', { column: 'staff', scale: { min: 0, max: 10 } }, { column: 'wait', scale: { min: 1, max: 7 } }, { column: 'refund', scale: { min: 0, max: 100 } }],
  overall: { column: 'overall', scale: { min: 1, max: 7 } },
  scale: { min: 1, max: 5 },
};

describe("penaltyReward takes each touchpoint's boxes from its own scale (R lm on the dummies, test/golden/experience/penalty-reward-mixed.R)", () => {
  const survey = readSurvey(csv, spec);
  it('1-5, 0-10, 1-7 and 0-100 in one survey: boxes, counts, penalties and rewards equal R', () => {
    const r = penaltyReward(survey);
    expect(r.regression.n).toBe(golden.n);
    expectGolden(r.factors, golden.factors, { relative: 1e-9, absolute: 1e-12 }, 'mixed scales');
    expect(r.factors.map((f) => f.boxRule)).toEqual(['bottom-two-top-box', 'bottom-two-top-box', 'bottom-two-top-box', 'fifths']);
    // The result's own boxes are those of the spec's default scale.
    expect([r.lowAtMost, r.highAtLeast, r.boxRule]).toEqual([2, 5, 'bottom-two-top-box']);
  });
  it('boxes given in the options apply to every touchpoint', () => {
    const r = penaltyReward(survey, { lowAtMost: 2, highAtLeast: 5, minCellSize: 1 });
    expect(r.factors.every((f) => f.lowAtMost === 2 && f.highAtLeast === 5 && f.boxRule === 'given')).toBe(true);
    expect(() => penaltyReward(survey, { highAtLeast: 1 })).toThrow(/"app" overlap/);
  });
});
