import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { penaltyReward } from '../../src/experience/penalty-reward.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

interface Model {
  n: number;
  coefficients: Record<string, unknown>[];
  factors: Record<string, unknown>[];
  [field: string]: unknown;
}
const golden = loadGolden<Record<'overall' | 'score' | 'botanic', Model>>('experience/penalty-reward-large.json');
const read = (path: string): string => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const large = read('../golden/experience/penalty-reward-large.csv');
const touchpoints = ['app', { column: 'staff', scale: { min: 0, max: 10 } }, { column: 'wait', scale: { min: 1, max: 7 } }, { column: 'refund', scale: { min: 0, max: 100 } }, 'store', 'delivery'];
// The result's regression reports everything lm's summary does; the golden names the same fields.
const { factors: _factors, ...regressionFields } = golden.overall;
const tolerance = { relative: 1e-10, absolute: 1e-13 };

describe('penaltyReward from counted cross-products (10,000 complete rows and more) equals R lm on the dummies (test/golden/experience/penalty-reward-large.R)', () => {
  it.each([
    ['overall', { column: 'overall', scale: { min: 1, max: 7 } }],
    ['score', { column: 'score', type: 'numeric' as const }],
  ] as const)('20,000 seeded respondents, six touchpoints on four scales, outcome %s', (name, overall) => {
    const r = penaltyReward(readSurvey(large, { touchpoints, overall, scale: { min: 1, max: 5 } }));
    const expected = golden[name];
    expect(r.regression.algorithm).toBe('cholesky');
    expect(r.regression.n).toBe(expected.n);
    expectGolden(r.factors, expected.factors, tolerance, `penalty-reward-large.csv, ${name}`);
    expectGolden(
      r.regression,
      Object.fromEntries(
        Object.keys(regressionFields)
          .filter((f) => f !== 'producer')
          .map((f) => [f, expected[f]]),
      ),
      tolerance,
      `penalty-reward-large.csv, ${name}: regression`,
    );
  });

  it('the public Botanic NPS survey (13,521 complete cases): nps on satisfaction and intention, 1-10', () => {
    const survey = readSurvey(read('../corpus/heldout/botanic-nps.csv'), {
      touchpoints: ['satisfaction', 'intention'],
      overall: { column: 'nps', scale: { min: 1, max: 10 } },
      scale: { min: 1, max: 10 },
      id: 'id',
    });
    const r = penaltyReward(survey);
    expect(r.regression.algorithm).toBe('cholesky');
    expect(r.regression.n).toBe(golden.botanic.n);
    const { factors, ...regression } = golden.botanic;
    expectGolden(r.factors, factors, tolerance, 'botanic-nps.csv');
    expectGolden(r.regression, regression, tolerance, 'botanic-nps.csv: regression');
  });
});
