import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/schema/report.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';
import { type CliRun, runCli } from '../helpers/run-cli.js';

const data = fileURLToPath(new URL('../golden/segments/data.csv', import.meta.url));
const golden = loadGolden<Record<string, any>>('segments/golden.json');
const survey = ['--overall', 'overall', '--touchpoints', 'price,delivery,service', '--scale', '1-5', '--id', 'id', '--weight', 'w'];

const run = (...argv: string[]): Promise<CliRun> => runCli(argv);

describe('peak-end analyze --segment and --rake', () => {
  it('--segment COL compares each group with the rest in the report', async () => {
    const { code, stdout } = await run('analyze', data, ...survey, '--segment', 'region', '--md');
    expect(code).toBe(0);
    expect(stdout).toContain('## Segments: region');
    expect(stdout).toContain('p (BH)');
  });

  it('--rake FILE rakes before analysing: descriptives equal svymean on the survey::rake design, and the report says so', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'peak-end-rake-')), 'margins.json');
    writeFileSync(file, JSON.stringify(golden.raking.margins));
    const { code, stdout, stderr } = await run('analyze', data, ...survey, '--segment', 'region,gender', '--rake', file, '--json');
    expect(code).toBe(0);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.calibration?.converged).toBe(true);
    expect(stderr).toMatch(/Raked the weights to region, gender: \d+ iterations, converged\./);
    const actual = Object.fromEntries(report.descriptives.items.map((d) => [d.column, { mean: d.mean, standardError: d.standardError }]));
    const expected = Object.fromEntries(
      Object.entries(golden.raking.describe as Record<string, { mean: number; standardError: number }>).map(([k, v]) => [k, { mean: v.mean, standardError: v.standardError }]),
    );
    expectGolden(actual, expected, { relative: 1e-8 });
    expect(report.segments?.map((s) => s.segment)).toEqual(['region', 'gender']);
  });

  it('rejects bad margins with a usage error naming the fix', async () => {
    expect((await run('analyze', data, ...survey, '--rake', '{"region": "half"}')).code).toBe(2);
    const unknown = await run('analyze', data, ...survey, '--rake', '{"sex": {"female": 0.5, "male": 0.5}}');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('sex');
  });

  it('rakes on a column that is not a --segment (read for the raking, not compared)', async () => {
    const { code, stdout } = await run('analyze', data, ...survey, '--segment', 'region', '--rake', '{"gender": {"female": 0.5, "male": 0.5}}', '--json');
    expect(code).toBe(0);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.calibration?.margins.map((m) => m.column)).toEqual(['gender']);
    expect(report.segments?.map((s) => s.segment)).toEqual(['region']);
    expect(report.segments?.[0]?.meansTest).toBe('design-based');
  });
});

describe('peak-end analyze --control', () => {
  const plain = ['--overall', 'overall', '--touchpoints', 'price,delivery,service', '--scale', '1-5', '--id', 'id'];
  const expected = { rSquared: golden.controls.rSquared, rSquaredAlways: golden.controls.rSquaredAlways, importance: golden.controls.importance };
  const importanceOf = (stdout: string) => {
    const report = reportSchema.parse(JSON.parse(stdout));
    const importance = report.keyDrivers?.importance as { rSquared: number; rSquaredAlways?: number; importance: Record<string, number> };
    return { rSquared: importance.rSquared, rSquaredAlways: importance.rSquaredAlways, importance: importance.importance };
  };

  it('--control COL,COL holds covariates constant in the key drivers, as relaimpo calc.relimp(always = ...)', async () => {
    const { code, stdout, stderr } = await run('analyze', data, ...plain, '--segment', 'region', '--control', 'age,gender', '--json');
    expect(code).toBe(0);
    expectGolden(importanceOf(stdout), expected, { relative: 1e-10 });
    expect(stderr).toContain('Key drivers adjusted for age, gender');
  });

  it('uses the spec covariates as controls when --control is not given, and the report says which were held constant', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'peak-end-controls-')), 'spec.json');
    writeFileSync(file, JSON.stringify({ touchpoints: ['price', 'delivery', 'service'], overall: 'overall', scale: { min: 1, max: 5 }, id: 'id', covariates: ['age', 'gender'] }));
    const json = await run('analyze', data, '--spec', file, '--json');
    expect(json.code).toBe(0);
    expectGolden(importanceOf(json.stdout), expected, { relative: 1e-10 });
    const md = await run('analyze', data, '--spec', file, '--md');
    expect(md.stdout).toContain(`Adjusted for age, gendermale (in every model; R² of these alone ${golden.controls.rSquaredAlways.toFixed(3)})`);
  });

  it('refuses --control with a binary outcome, and an undeclared column, naming the fix', async () => {
    const airline = fileURLToPath(new URL('../corpus/heldout/airline-passenger-satisfaction.csv', import.meta.url));
    const binary = await run('analyze', airline, '--na', '0', '--control', 'Age');
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('"satisfaction" is binary (logistic key drivers). Remove --control, or compare groups with --segment instead.');
    const unknown = await run('analyze', data, ...plain, '--control', 'nosuch');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('nosuch');
  });
});

describe('peak-end analyze --control on a public survey (Air France export, 300 rows)', () => {
  it('with a partial spec (the 1-10 scale) and --control classe,type_voyageur, gives relaimpo always importance', async () => {
    const file = fileURLToPath(new URL('../corpus/heldout/air-france-satisfaction-head300.csv', import.meta.url));
    const spec = fileURLToPath(new URL('../corpus/heldout/air-france.spec.json', import.meta.url));
    const airFrance = loadGolden<{ rSquared: number; rSquaredAlways: number; importance: Record<string, number> }>('public-segments/air-france.json');
    const { code, stdout } = await run('analyze', file, '--spec', spec, '--control', 'classe', '--control', 'type_voyageur', '--json');
    expect(code).toBe(0);
    const importance = reportSchema.parse(JSON.parse(stdout)).keyDrivers?.importance as { rSquared: number; rSquaredAlways?: number; importance: Record<string, number> };
    expectGolden(
      { rSquared: importance.rSquared, rSquaredAlways: importance.rSquaredAlways, importance: importance.importance },
      { rSquared: airFrance.rSquared, rSquaredAlways: airFrance.rSquaredAlways, importance: airFrance.importance },
      { relative: 1e-10 },
    );
  });
});

describe('a new user on the public airline survey: analyze FILE --na 0 --segment Class --rake ...', () => {
  it('rakes, describes and compares classes as R does (survey::rake, svymean, svyttest, weighted glm), and suggests the other segments', async () => {
    const file = fileURLToPath(new URL('../corpus/heldout/airline-passenger-satisfaction.csv', import.meta.url));
    const airline = loadGolden<{
      raking: { margins: Record<string, Record<string, number>>; describe: { column: string; mean: number; standardError: number }[]; means: unknown[]; drivers: unknown[] };
    }>('public-segments/airline.json').raking;
    const { code, stdout, stderr } = await run('analyze', file, '--na', '0', '--segment', 'Class', '--rake', JSON.stringify(airline.margins), '--json');
    expect(code).toBe(0);
    expect(stderr).toContain('Note: "Type of Travel" holds text: 2 values (Business travel, Personal Travel); left out (pass --segment "Type of Travel" to compare these groups');
    expect(stderr).toContain('Note: "Age" looks like a respondent attribute, not a rating (74 values); left out (pass --control "Age"');
    expect(stderr).toMatch(/Raked the weights to Gender, Customer Type: \d+ iterations, converged\./);
    const report = reportSchema.parse(JSON.parse(stdout));
    const described = new Map(report.descriptives.items.map((d) => [d.column, d]));
    expectGolden(
      airline.describe.map(({ column }) => ({ column, mean: described.get(column)?.mean, standardError: described.get(column)?.standardError })),
      airline.describe,
      { relative: 1e-8 },
    );
    expect(report.segments?.map((s) => s.segment)).toEqual(['Class']);
    const classes = report.segments?.[0];
    expectGolden(
      classes?.groups.map((g) => ({ value: g.value, means: g.means })),
      airline.means,
      { relative: 1e-8 },
    );
    expectGolden(
      classes?.groups.flatMap((g) => g.drivers.map((d) => ({ value: g.value, ...d, n: g.nModel }))),
      airline.drivers,
      { relative: 1e-8 },
    );
  }, 180_000); // the whole analysis of 8,507 rows, on a shared machine
});
