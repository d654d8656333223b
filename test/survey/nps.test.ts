import { describe, expect, it } from 'vitest';
import { InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { netPromoterScore } from '../../src/survey/nps.js';
import { loadAirline } from '../helpers/airline.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

type Expected = Record<string, number>;
const golden = loadGolden<{ example: { input: number[]; expected: Expected }; airline: Expected; airline90: Expected; airlineWeighted: Expected }>('nps/nps.json');
const airline = loadAirline();
const tolerance = { relative: 1e-12, absolute: 1e-12 };

describe('netPromoterScore reproduces R (test/golden/nps/generate.R)', () => {
  it('the formula on a small example', () => {
    expectGolden(netPromoterScore(golden.example.input), golden.example.expected, tolerance, 'example');
  });
  it('the airline fixture, missing answers left out and counted', () => {
    const r = netPromoterScore(airline.recommend);
    expectGolden(r, golden.airline, tolerance, 'airline');
    expect(r.excluded).toBe(airline.n - (golden.airline.n as number));
    expect(r.promoters + r.passives + r.detractors).toBeCloseTo(1, 14);
    expectGolden(netPromoterScore(airline.recommend, { level: 0.9 }), golden.airline90, tolerance, 'airline 90%');
  });
  it('weighted: shares weighted, SE and interval as survey::svymean', () => {
    const r = netPromoterScore(airline.recommend, { weights: airline.weight });
    expectGolden(r, golden.airlineWeighted, tolerance, 'weighted');
    expect(r.weighted).toBe(true);
  });
});

describe('netPromoterScore edge cases', () => {
  it('rejects answers off the 0-10 scale and bad weights', () => {
    expect(() => netPromoterScore([9, 11])).toThrow(InvalidArgumentError);
    expect(() => netPromoterScore([9, 7.5])).toThrow(/Answer 2 is 7.5/);
    expect(() => netPromoterScore([9, 7], { weights: [1, -1] })).toThrow(InvalidArgumentError);
    expect(() => netPromoterScore([9, 7], { weights: [1] })).toThrow(InvalidArgumentError);
  });
  it('needs at least one answer', () => {
    expect(() => netPromoterScore([])).toThrow(InsufficientDataError);
    expect(() => netPromoterScore([Number.NaN, null])).toThrow(InsufficientDataError);
  });
  it('all promoters: score 100, SE 0, interval clipped, small-sample warning', () => {
    const r = netPromoterScore([10, 9, 10]);
    expect(r).toMatchObject({ score: 100, standardError: 0, ciLower: 100, ciUpper: 100, n: 3 });
    expect(r.warnings.map((w) => w.code)).toContain('small_sample');
  });
  it('equal weights give the unweighted shares; row order does not matter', () => {
    const x = [10, 9, 3, 7, 8, 0, 6, 9];
    expect(netPromoterScore(x, { weights: x.map(() => 2) }).score).toBeCloseTo(netPromoterScore(x).score, 12);
    expect(netPromoterScore([...x].reverse())).toEqual(netPromoterScore(x));
  });
});

describe('describeSurvey gives an NPS overall item an nps object', () => {
  it('equals the R golden, unweighted and weighted', async () => {
    const { readFileSync } = await import('node:fs');
    const { readSurvey } = await import('../../src/ingest/read-survey.js');
    const { describeSurvey } = await import('../../src/survey/describe-survey.js');
    const { airlineCsvPath } = await import('../helpers/airline.js');
    const csv = readFileSync(airlineCsvPath(), 'utf8');
    const spec = {
      touchpoints: ['booking', 'checkin', 'boarding', 'seat', 'wifi', 'food', 'baggage'],
      overall: { column: 'recommend', type: 'nps' as const },
      scale: { min: 1, max: 5 },
      notApplicable: [0],
      weight: 'weight',
    };
    const survey = readSurvey(csv, spec);
    const { n: _n, level: _level, ...expected } = golden.airline;
    const { n: _wn, level: _wl, ...expectedWeighted } = golden.airlineWeighted;
    const overall = (d: ReturnType<typeof describeSurvey>) => d.items.find((i) => i.role === 'overall');
    expectGolden(overall(describeSurvey(survey, { weighted: false }))?.nps, expected, tolerance, 'describe nps');
    expectGolden(overall(describeSurvey(survey))?.nps, expectedWeighted, tolerance, 'describe nps weighted');
    expect(describeSurvey(survey).items.filter((i) => i.nps !== undefined)).toHaveLength(1);
  });
});
