import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataValidationError, InvalidArgumentError } from '../../src/errors.js';
import { peakEnd } from '../../src/experience/peak-end.js';
import { relativeImportance } from '../../src/importance/relative-importance.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { type OlsCoefficient, ols } from '../../src/regression/ols.js';
import { analyzeMoments, type MomentsAnalysis, momentsQuery, type SqlDialect } from '../../src/scale/moments-query.js';
import { SurveyAccumulator } from '../../src/scale/survey-accumulator.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';
import { describeSurvey } from '../../src/survey/describe-survey.js';
import { expectGolden } from '../helpers/golden.js';
import { loadReference } from '../helpers/reference.js';
import { type PostgresServer, startPostgres } from './postgres-server.js';

// Expected values: R (lm coefficients and relaimpo's LMG stored in test/golden/reference, made by
// test/golden/reference's generator script) and the in-memory analyses on the same data, which are
// themselves checked against R elsewhere (ols: lm; describeSurvey: mean/sd/qt/median; peakEnd: base R).

const NAMES = ['survey-n500-k7-missing-s1000', 'survey-n200-k5-s1000', 'survey-n60-k4-scale7-s1000'] as const;

function reference(name: string) {
  const ref = loadReference(name);
  const scaleMax = Math.max(...ref.data.flat().filter((v): v is number => v !== null));
  const spec: SurveySpec = { touchpoints: ref.model.x, overall: ref.model.y, scale: { min: 1, max: scaleMax <= 5 ? 5 : 7 } };
  const columns = [...ref.model.x, ref.model.y];
  const rows = ref.data.map((row) => columns.map((c) => row[ref.columns.indexOf(c)] ?? null));
  return { ref, spec, columns, rows };
}

function createTableSql(table: string, columns: readonly string[], rows: readonly (number | null)[][]): string {
  const values = rows.map((r) => `(${r.map((v) => (v === null ? 'NULL' : String(v))).join(', ')})`).join(',\n');
  return `CREATE TABLE ${table} (${columns.map((c) => `"${c}" INTEGER`).join(', ')});\nINSERT INTO ${table} VALUES\n${values};`;
}

/** Compares a pushed-down analysis with the in-memory analyses and R on the same rows. */
function expectSameAsInMemory(name: string, result: MomentsAnalysis, spec: SurveySpec, columns: readonly string[], rows: readonly (number | null)[][]) {
  const tol = { relative: 1e-10, absolute: 1e-12 };
  const survey = readSurvey(Object.fromEntries(columns.map((c, j) => [c, rows.map((r) => r[j] ?? null)])), spec);
  expect(result.rowsRead).toBe(survey.report.rowsRead);
  expect(result.rowsUsed).toBe(survey.report.rowsUsed);
  const inMemory = new SurveyAccumulator(spec).add(survey);
  expectGolden(result.state.joint, inMemory.toJSON().joint, { relative: 1e-12, absolute: 1e-12 }, `${name} joint moments`);
  const d = describeSurvey(survey);
  expectGolden(
    result.describe,
    d.items.map(({ label: _l, role: _r, missing: _m, notApplicable: _na, standardError: _s, ...rest }) => rest),
    tol,
    `${name} describe`,
  );
  const X = rows.map((r) => r.slice(0, -1));
  const y = rows.map((r) => r[r.length - 1] ?? null);
  const fit = ols(X, y, { names: columns.slice(0, -1) as string[] });
  expectGolden(
    result.ols?.coefficients,
    (fit.coefficients as OlsCoefficient[]).map(({ standardized: _s, vif: _v, ...c }) => c),
    tol,
    `${name} ols coefficients`,
  );
  expectGolden(
    { rSquared: result.ols?.rSquared, fStatistic: result.ols?.fStatistic, logLik: result.ols?.logLik, aic: result.ols?.aic },
    { rSquared: fit.rSquared, fStatistic: fit.fStatistic, logLik: fit.logLik, aic: fit.aic },
    tol,
    `${name} ols summary`,
  );
  expectGolden({ ...result.relativeImportance?.importance }, { ...relativeImportance(X, y, { method: 'lmg', names: columns.slice(0, -1) as string[] }).importance }, tol, `${name} lmg`);
  const pe = peakEnd(survey);
  expect(result.peakEnd.prediction).toBeCloseTo(pe.aggregate.allAnswers.prediction, 12); // the summary has each mean over its own answers
  const { model: _m, ...accuracy } = (pe.comparison as NonNullable<typeof pe.comparison>).models.find((m) => m.model === 'peak-end') as NonNullable<typeof pe.comparison>['models'][number];
  expectGolden(result.peakEndAccuracy, accuracy, tol, `${name} peak-end accuracy`);
}

/** Against R directly: lm's coefficients and relaimpo's LMG stored for the reference survey. */
function expectSameAsR(name: string, result: MomentsAnalysis) {
  const { ref } = reference(name);
  const lmCoefficients = ref.lm.coefficients as { name: string; estimate: number; stdError: number }[];
  (result.ols?.coefficients as OlsCoefficient[] | undefined)?.forEach((c, i) => {
    expect(c.estimate).toBeCloseTo((lmCoefficients[i] as { estimate: number }).estimate, 9);
    expect(c.stdError).toBeCloseTo((lmCoefficients[i] as { stdError: number }).stdError, 9);
  });
  const lmg = (ref.relimp as unknown as { lmg: Record<string, number> }).lmg;
  for (const [column, value] of Object.entries(lmg)) expect(result.relativeImportance?.importance[column]).toBeCloseTo(value, 9);
}

describe('momentsQuery text', () => {
  const spec: SurveySpec = { touchpoints: ['arrival', 'odd "name"', 'checkout'], overall: 'overall', scale: { min: 1, max: 5 } };

  it.each<[SqlDialect, string]>([
    ['duckdb', '"odd ""name"""'],
    ['postgres', '"odd ""name"""'],
    ['spark', '`odd "name"`'],
    ['bigquery', '`odd "name"`'],
  ])('%s quotes identifiers in its own way and casts every rating to BIGINT before summing', (dialect, quoted) => {
    const sql = momentsQuery(spec, { dialect, table: 'cx.responses' });
    expect(sql).toContain(quoted);
    expect(sql).toContain(dialect === 'spark' || dialect === 'bigquery' ? 'FROM `cx`.`responses`' : 'FROM "cx"."responses"');
    expect(sql.match(/CAST\(/g)?.length).toBe(4);
    expect(sql).not.toMatch(/DOUBLE|FLOAT|REAL/i);
  });

  it('refuses weights, non-integer scales, unknown dialects and rows that are not the query result', () => {
    expect(() => momentsQuery({ ...spec, weight: 'w' }, { dialect: 'duckdb', table: 't' })).toThrow(/weights/);
    expect(() => momentsQuery({ ...spec, scale: { min: 0, max: 1, integer: false } }, { dialect: 'duckdb', table: 't' })).toThrow(InvalidArgumentError);
    expect(() => momentsQuery(spec, { dialect: 'mysql' as SqlDialect, table: 't' })).toThrow(/dialect/);
    expect(() => analyzeMoments({ pe_rows: 3 }, spec)).toThrow(/lacks/);
    expect(() => analyzeMoments({ pe_rows: 1.5 }, spec)).toThrow(InvalidArgumentError);
  });
});

describe('SQL pushdown on a real DuckDB equals the in-memory analysis', () => {
  let connection: DuckDBConnection;
  beforeAll(async () => {
    connection = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => connection?.closeSync());

  async function run(sql: string) {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson()[0] as Record<string, unknown>;
  }

  it.each(NAMES)('%s: descriptives, OLS, LMG, peak-end, peak-end accuracy', async (name) => {
    const { spec, columns, rows } = reference(name);
    const table = name.replaceAll('-', '_');
    await connection.run(createTableSql(table, columns, rows));
    const result = analyzeMoments(await run(momentsQuery(spec, { dialect: 'duckdb', table })), spec);
    expectSameAsInMemory(name, result, spec, columns, rows);
    expectSameAsR(name, result);
  });

  it('reads bigint and decimal objects as the driver returns them (getRowObjects)', async () => {
    const { spec } = reference('survey-n200-k5-s1000');
    const native = (await connection.runAndReadAll(momentsQuery(spec, { dialect: 'duckdb', table: 'survey_n200_k5_s1000' }))).getRowObjects()[0] as Record<string, unknown>;
    const json = await run(momentsQuery(spec, { dialect: 'duckdb', table: 'survey_n200_k5_s1000' }));
    expect(analyzeMoments(native, spec).state).toEqual(analyzeMoments(json, spec).state);
  });

  it('invalid cells follow the spec policy as readSurvey does: error, missing, drop-row; missing codes are missing', async () => {
    const columns = ['a', 'b', 'c', 'overall'];
    const rows: (number | null)[][] = [
      [1, 2, 3, 4],
      [5, 9, 3, 4], // 9: out of scale
      [2, 2, 99, 3], // 99: a missing code
      [null, null, null, null], // no answers
      [4, 5, 1, 2],
      [3, 3, 4, 5],
      [5, 4, 4, 5],
      [2, 1, 1, 1],
      [1, 3, 2, 2],
      [4, 4, 5, 3],
      [9, null, null, null], // only an invalid cell
    ];
    await connection.run(createTableSql('messy', columns, rows));
    const base: SurveySpec = { touchpoints: ['a', 'b', 'c'], overall: 'overall', scale: { min: 1, max: 5 }, missing: [99] };
    const sql = momentsQuery(base, { dialect: 'duckdb', table: 'messy' });
    const row = await run(sql);
    expect(() => analyzeMoments(row, base)).toThrow(DataValidationError);
    expect(() => readSurvey(Object.fromEntries(columns.map((c, j) => [c, rows.map((r) => r[j] ?? null)])), base)).toThrow(DataValidationError);
    for (const invalid of ['missing', 'drop-row'] as const) {
      const spec = { ...base, invalid };
      const result = analyzeMoments(await run(momentsQuery(spec, { dialect: 'duckdb', table: 'messy' })), spec);
      const survey = readSurvey(Object.fromEntries(columns.map((c, j) => [c, rows.map((r) => r[j] ?? null)])), spec);
      expect(result.droppedByReason).toEqual({ invalid_value: survey.report.droppedByReason.invalid_value, no_answers: survey.report.droppedByReason.no_answers });
      expect(result.rowsUsed).toBe(survey.report.rowsUsed);
      expect(result.invalidCells).toEqual({ a: 1, b: 1, c: 0, overall: 0 });
      expectGolden(result.state, new SurveyAccumulator(spec).add(survey).toJSON(), { relative: 1e-12, absolute: 1e-12 }, `messy ${invalid}`);
    }
  });
});

// A real PostgreSQL server on loopback (Debian package; .ci/run installs it). Skipped, with the
// reason in the test name, only when a server genuinely cannot be started here.
const postgres = await startPostgres();
const postgresUnavailable = 'unavailable' in postgres ? postgres.unavailable : null;
if (postgresUnavailable !== null) process.stderr.write(`PostgreSQL pushdown tests SKIPPED: ${postgresUnavailable}\n`);

describe.skipIf(postgresUnavailable !== null)(
  `SQL pushdown on a real PostgreSQL server equals the in-memory analysis${postgresUnavailable === null ? '' : ` (SKIPPED: ${postgresUnavailable})`}`,
  () => {
    const server = postgres as PostgresServer;
    afterAll(() => server.stop?.());

    it.each(NAMES)('%s: descriptives, OLS, LMG, peak-end, peak-end accuracy', (name) => {
      const { spec, columns, rows } = reference(name);
      const table = name.replaceAll('-', '_');
      server.query(createTableSql(table, columns, rows));
      const [row] = server.query(momentsQuery(spec, { dialect: 'postgres', table }));
      const result = analyzeMoments(row as Record<string, string>, spec);
      expectSameAsInMemory(name, result, spec, columns, rows);
      expectSameAsR(name, result);
    });
  },
);
