/**
 * Segments, raking and adjustment covariates on public surveys the project had not seen, against R
 * (test/golden/public-segments/generate.R; provenance in test/corpus/heldout/README.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareSegments, describeSurvey, keyDrivers, type RakeMargins, rake, readSurvey } from '../../src/index.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

const heldout = (name: string): string => readFileSync(fileURLToPath(new URL(`../corpus/heldout/${name}`, import.meta.url)), 'utf8');

type Row = Record<string, number | string>;
interface Airline {
  welch: { value: string; n: number; means: Row[] }[];
  drivers: Row[];
  raking: {
    margins: RakeMargins;
    cellWeights: { Gender: string; CustomerType: string; weight: number }[];
    describe: { column: string; mean: number; standardError: number }[];
    means: { value: string; means: Row[] }[];
    drivers: Row[];
  };
}
const airline = loadGolden<Airline>('public-segments/airline.json');
const touchpoints = [
  'Inflight wifi service',
  'Departure/Arrival time convenient',
  'Ease of Online booking',
  'Gate location',
  'Food and drink',
  'Online boarding',
  'Seat comfort',
  'Inflight entertainment',
  'On-board service',
  'Leg room service',
  'Baggage handling',
  'Checkin service',
  'Inflight service',
  'Cleanliness',
];
const airlineSurvey = readSurvey(heldout('airline-passenger-satisfaction.csv'), {
  touchpoints,
  overall: { column: 'satisfaction', type: 'binary', positive: ['satisfied'] },
  scale: { min: 1, max: 5 },
  notApplicable: [0],
  segments: ['Gender', 'Customer Type', 'Type of Travel', 'Class'],
});

describe('airline passenger satisfaction (8,507 passengers): compareSegments by Class', () => {
  const result = compareSegments(airlineSurvey, 'Class');

  it('compares each class with the rest: means as t.test (Welch), top-2-box shares as prop.test(correct = FALSE)', () => {
    expect(result.groups.map((g) => [g.value, g.n])).toEqual(airline.welch.map((g) => [g.value, g.n]));
    expect(result.meansTest).toBe('welch');
    expectGolden(
      result.groups.map((g) => g.means),
      airline.welch.map((g) => g.means),
      { relative: 1e-8 },
    );
  });

  it('estimates driver differences by logistic interactions, as glm(binomial) per class and p.adjust(method = "BH") over the 42 tests', () => {
    expect(result.model).toBe('logistic');
    const actual = result.groups.flatMap((g) => g.drivers.map((d) => ({ value: g.value, ...d, n: g.nModel })));
    expectGolden(actual, airline.drivers, { relative: 1e-8 });
  });
});

describe('airline passenger satisfaction: a numeric attribute as a segment', () => {
  it('refuses a column with more values than groups (Age: one interaction fit per age otherwise), naming the fix', () => {
    const byAge = readSurvey(heldout('airline-passenger-satisfaction.csv'), {
      touchpoints,
      overall: { column: 'satisfaction', type: 'binary', positive: ['satisfied'] },
      scale: { min: 1, max: 5 },
      notApplicable: [0],
      segments: ['Age'],
    });
    expect(() => compareSegments(byAge, 'Age')).toThrow(/Segment "Age" has \d+ values; .* Band it into a few categories first/);
  });
});

describe('airline passenger satisfaction: raked to illustrative gender and customer-type margins', () => {
  const raked = rake(airlineSurvey, airline.raking.margins);

  it('gives the weights survey::rake gives', () => {
    expect(raked.calibration?.converged).toBe(true);
    const gender = raked.segments.get('Gender') as string[];
    const type = raked.segments.get('Customer Type') as string[];
    const cells = airline.raking.cellWeights.map(({ Gender, CustomerType }) => {
      const i = gender.findIndex((g, k) => g === Gender && type[k] === CustomerType);
      return { Gender, CustomerType, weight: (raked.weights as Float64Array)[i] as number };
    });
    expectGolden(cells, airline.raking.cellWeights, { relative: 1e-10 });
  });

  it('describes the raked survey as svymean on the raked design (means and linearisation SEs)', () => {
    const described = describeSurvey(raked);
    expect(described.weighted).toBe(true);
    const byColumn = new Map(described.items.map((item) => [item.column, item]));
    const actual = airline.raking.describe.map(({ column }) => {
      const item = byColumn.get(column);
      return { column, mean: item?.mean, standardError: item?.standardError };
    });
    expectGolden(actual, airline.raking.describe, { relative: 1e-8 });
  });

  it('compares classes on the raked survey: design-based tests as svyttest on the raked design, interactions as glm with the raked weights', () => {
    const result = compareSegments(raked, 'Class');
    expect(result.meansTest).toBe('design-based');
    expectGolden(
      result.groups.map((g) => ({ value: g.value, means: g.means })),
      airline.raking.means,
      { relative: 1e-8 },
    );
    const actual = result.groups.flatMap((g) => g.drivers.map((d) => ({ value: g.value, ...d, n: g.nModel })));
    expectGolden(actual, airline.raking.drivers, { relative: 1e-8 });
  });
});

interface AirFrance {
  n: number;
  controlTerms: string[];
  rSquared: number;
  rSquaredAlways: number;
  importance: Record<string, number>;
  lm: { name: string; estimate: number; stdError: number; pValue: number }[];
}
const airFrance = loadGolden<AirFrance>('public-segments/air-france.json');

describe('Air France satisfaction export (300 rows): key drivers with cabin class and traveller type held constant', () => {
  const survey = readSurvey(heldout('air-france-satisfaction-head300.csv'), {
    touchpoints: ['note_confort', 'note_repas', 'note_divertissement', 'note_equipage', 'note_ponctualite', 'note_enregistrement'],
    overall: 'note_globale',
    scale: { min: 1, max: 10, integer: false },
    covariates: ['classe', 'type_voyageur'],
  });
  const result = keyDrivers(survey, { controls: ['classe', 'type_voyageur'] });

  it('shares R-squared among the touchpoints only, as relaimpo calc.relimp(type = "lmg", always = ...)', () => {
    expect(result.n).toBe(airFrance.n);
    expectGolden(
      { rSquared: result.importance.rSquared, rSquaredAlways: (result.importance as { rSquaredAlways?: number }).rSquaredAlways, importance: result.importance.importance },
      { rSquared: airFrance.rSquared, rSquaredAlways: airFrance.rSquaredAlways, importance: airFrance.importance },
      { relative: 1e-10 },
    );
  });

  it('keeps the dummy-coded controls in the regression, named and estimated as lm does', () => {
    const byName = new Map(result.regression.coefficients.map((c) => [c.name, c]));
    const actual = airFrance.lm.map(({ name }) => {
      const c = byName.get(name) as { estimate: number; stdError: number; pValue: number } | undefined;
      return { name, estimate: c?.estimate, stdError: c?.stdError, pValue: c?.pValue };
    });
    expectGolden(actual, airFrance.lm, { relative: 1e-9 });
  });
});
