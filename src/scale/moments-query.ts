/**
 * SQL pushdown: one aggregate query that a warehouse runs where the data lives, and the analysis of
 * its single result row. Only column-sized sums cross the wire.
 */
import { type DataIssue, DataValidationError, InvalidArgumentError, type Warning, type WarningCode } from '../errors.js';
import type { AggregatePeakEndResult } from '../experience/aggregate-peak-end.js';
import type { RelativeImportanceResult } from '../importance/relative-importance.js';
import { type NormalizedSpec, nonUniformSpecReason, normalizeSpec, type SurveySpec } from '../schema/survey-spec.js';
import { type AccumulatorState, type MomentsOlsResult, SurveyAccumulator } from './survey-accumulator.js';

/** SQL dialects `momentsQuery` writes. */
export type SqlDialect = 'duckdb' | 'postgres' | 'spark' | 'bigquery';

/** Options of {@link momentsQuery}. */
export interface MomentsQueryOptions {
  readonly dialect: SqlDialect;
  /** The table (or view), as an identifier path such as `survey` or `warehouse.cx.responses`; each part is quoted. */
  readonly table: string;
}

/** One result row of the moments query: alias -> value as the driver returns it (number, bigint, decimal string or decimal object). */
export type MomentsRow = Readonly<Record<string, unknown>>;

/** What {@link analyzeMoments} computes from the pushed-down sums. */
export interface MomentsAnalysis {
  readonly method: 'sql-moments';
  /** Rows in the table, rows used (as `readSurvey` would), and rows dropped with the reason. */
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly droppedByReason: { readonly invalid_value: number; readonly no_answers: number };
  /** Cells outside the scale (not a missing code) per column, before the `invalid` policy. */
  readonly invalidCells: Readonly<Record<string, number>>;
  readonly describe: ReturnType<SurveyAccumulator['describe']>;
  /** `null` when there are too few complete rows or the touchpoints are collinear (see warnings). */
  readonly ols: MomentsOlsResult | null;
  readonly relativeImportance: RelativeImportanceResult | null;
  readonly peakEnd: AggregatePeakEndResult;
  readonly peakEndAccuracy: ReturnType<SurveyAccumulator['peakEndAccuracy']> | null;
  /** The summary as a SurveyAccumulator state: merge it with other shards or services. */
  readonly state: AccumulatorState;
  readonly warnings: readonly Warning[];
}

const ALIAS = {
  rows: 'pe_rows',
  droppedInvalid: 'pe_dropped_invalid',
  droppedEmpty: 'pe_dropped_empty',
  invalid: (j: number) => `pe_bad_${j}`,
  n: (j: number) => `pe_n_${j}`,
  sum: (j: number) => `pe_s_${j}`,
  sumSq: (j: number) => `pe_q_${j}`,
  count: (j: number, point: number) => `pe_c_${j}_${point}`,
  complete: 'pe_cc',
  ccSum: (j: number) => `pe_cs_${j}`,
  ccProduct: (a: number, b: number) => `pe_cp_${a}_${b}`,
  // Peak-end: u = 2 * prediction = peak + last touchpoint (an integer for integer ratings), e2 = u - 2 * overall.
  uSum: 'pe_u_s',
  uSq: 'pe_u_q',
  uOverall: 'pe_u_y',
  eAbs: 'pe_e_abs',
  eSq: 'pe_e_sq',
} as const;

function quoteIdentifier(name: string, dialect: SqlDialect): string {
  if (dialect === 'spark' || dialect === 'bigquery') {
    if (name.includes('\n')) throw new InvalidArgumentError(`Column or table names in SQL must not contain line breaks: ${JSON.stringify(name)}.`);
    return `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;
  }
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(value: number): string {
  if (!Number.isFinite(value)) throw new InvalidArgumentError(`SQL literals must be finite numbers, got ${value}.`);
  return String(value);
}

function checkSpec(spec: SurveySpec | NormalizedSpec): NormalizedSpec {
  const s = 'labels' in spec && spec.labels instanceof Map ? (spec as NormalizedSpec) : normalizeSpec(spec);
  if (!s.scale.integer) throw new InvalidArgumentError('SQL pushdown needs an integer rating scale (its sums of products are exact integers).');
  const nonUniform = nonUniformSpecReason(s);
  if (nonUniform !== null)
    throw new InvalidArgumentError(`SQL pushdown needs one rating scale and one set of codes for every column, but ${nonUniform}; use readSurvey or readSurveyFile for this survey.`);
  if (s.weight !== null)
    throw new InvalidArgumentError('SQL pushdown does not support survey weights yet: weighted sums are not exact integers. Use readSurvey or a SurveyAccumulator for weighted data.');
  if (s.touchpoints.length === 0) throw new InvalidArgumentError('SQL pushdown needs at least one touchpoint.');
  return s;
}

/**
 * Writes one aggregate SQL query whose single result row holds everything
 * {@link analyzeMoments} needs: per column the answered count, sum, sum of squares and the count
 * per scale point; over the complete cases the count, sums and every sum of products; and the sums
 * for each complete respondent's peak-end prediction (most intense touchpoint, the last one,
 * w = 0.5). The table must hold the spec's touchpoint and overall columns as numbers, NULL for
 * no answer; numeric missing codes in the spec count as missing, any other value off the integer
 * scale is an invalid cell, handled by the spec's `invalid` policy (counted in the query).
 *
 * Exactness: every value is cast to BIGINT before it is summed, so the sums are exact integers
 * (HUGEINT in DuckDB, NUMERIC in PostgreSQL, BIGINT in Spark and BigQuery, which holds any survey
 * below 3e17 rows on a 0-10 scale). The centred co-moments are formed from them exactly in
 * {@link analyzeMoments} (BigInt arithmetic), so the result is as accurate as a one-pass
 * Welford summary and independent of the order the warehouse adds the rows in.
 *
 * Not pushed down: text answers mapped by `labels`, weights (rejected), and anything that needs
 * rows (robust standard errors, bootstrap, cross-validation, reconstruction).
 *
 * @throws InvalidArgumentError for a non-integer scale, a weighted spec or an unknown dialect.
 * @example
 * ```ts
 * const sql = momentsQuery({ touchpoints: ['a', 'b'], overall: 'y', scale: { min: 1, max: 5 } }, { dialect: 'postgres', table: 'cx.responses' });
 * // 'WITH pe_v AS (SELECT ... FROM "cx"."responses") ... SELECT COUNT(*) AS pe_rows, ...'
 * ```
 */
export function momentsQuery(spec: SurveySpec | NormalizedSpec, options: MomentsQueryOptions): string {
  const s = checkSpec(spec);
  const { dialect } = options;
  if (!['duckdb', 'postgres', 'spark', 'bigquery'].includes(dialect))
    throw new InvalidArgumentError(`Unknown SQL dialect ${JSON.stringify(dialect)}; use 'duckdb', 'postgres', 'spark' or 'bigquery'.`);
  if (typeof options.table !== 'string' || options.table.trim() === '') throw new InvalidArgumentError('momentsQuery needs the table name (options.table).');
  const q = (name: string) => quoteIdentifier(name, dialect);
  const table = options.table.split('.').map(q).join('.');
  const columns = [...s.touchpoints.map((t) => t.column), s.overall];
  const d = columns.length;
  const k = d - 1;
  const { min, max, neutral } = s.scale;
  const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const scaleList = points.map(literal).join(', ');
  const missingCodes = s.missing.map((m) => (typeof m === 'number' ? m : Number(m))).filter((m, i) => Number.isFinite(m) && String(s.missing[i]).trim() !== '' && !points.includes(m));
  const notMissingCode = (x: string) => (missingCodes.length > 0 ? ` AND ${x} NOT IN (${missingCodes.map(literal).join(', ')})` : '');
  const raw = columns.map(q);
  const bad = raw.map((x) => `CASE WHEN ${x} IS NOT NULL AND ${x} NOT IN (${scaleList})${notMissingCode(x)} THEN 1 ELSE 0 END`);
  const v = raw.map((x) => `CASE WHEN ${x} IN (${scaleList}) THEN CAST(${x} AS BIGINT) END`);
  const dropRow = s.invalid === 'drop-row';
  const stage1 = [...v.map((e, j) => `${e} AS v${j}`), ...bad.map((e, j) => `${e} AS b${j}`)].join(',\n    ');
  const anyBad = bad.map((_, j) => `b${j}`).join(' + ');
  const anyAnswer = v.map((_, j) => `v${j} IS NOT NULL`).join(' OR ');
  const keep = `CASE WHEN ${dropRow ? `(${anyBad}) = 0 AND ` : ''}(${anyAnswer}) THEN 1 ELSE 0 END`;
  const stageKeep = ['pe_v.*', `${keep} AS keep`, `CASE WHEN (${anyBad}) > 0 THEN 1 ELSE 0 END AS anybad`, `CASE WHEN (${anyAnswer}) THEN 0 ELSE 1 END AS empty`].join(',\n    ');
  const stage2 = [...v.map((_, j) => `CASE WHEN keep = 1 THEN v${j} END AS c${j}`), ...bad.map((_, j) => `b${j}`), 'keep', 'anybad', 'empty'].join(',\n    ');
  const complete = columns.map((_, j) => `c${j} IS NOT NULL`).join(' AND ');
  // Earliest most intense touchpoint: t_i when |t_i - neutral| >= |t_j - neutral| for every later j.
  const intensity = (j: number) => `ABS(c${j} - ${literal(neutral)})`;
  const peakCases = Array.from({ length: k }, (_, i) => {
    const later = Array.from({ length: k - i - 1 }, (_, m) => `${intensity(i)} >= ${intensity(i + 1 + m)}`);
    return i === k - 1 ? `ELSE c${i}` : `WHEN ${later.join(' AND ')} THEN c${i}`;
  });
  const peak = k === 1 ? 'c0' : `CASE ${peakCases.join(' ')} END`;
  const stage3 = ['pe_w.*', `CASE WHEN ${complete} THEN 1 ELSE 0 END AS cc`, `CASE WHEN ${complete} THEN ${peak} + c${k - 1} END AS u`].join(',\n    ');
  const select: string[] = [
    `COUNT(*) AS ${ALIAS.rows}`,
    // As readSurvey: under 'drop-row' a row with an invalid cell is dropped for it; otherwise a row without answers is dropped.
    dropRow ? `SUM(anybad) AS ${ALIAS.droppedInvalid}` : `SUM(0) AS ${ALIAS.droppedInvalid}`,
    dropRow ? `SUM(CASE WHEN anybad = 0 THEN empty ELSE 0 END) AS ${ALIAS.droppedEmpty}` : `SUM(empty) AS ${ALIAS.droppedEmpty}`,
    `SUM(cc) AS ${ALIAS.complete}`,
  ];
  for (let j = 0; j < d; j++) {
    select.push(`SUM(b${j}) AS ${ALIAS.invalid(j)}`, `COUNT(c${j}) AS ${ALIAS.n(j)}`, `SUM(c${j}) AS ${ALIAS.sum(j)}`, `SUM(c${j} * c${j}) AS ${ALIAS.sumSq(j)}`);
    points.forEach((p, i) => {
      select.push(`SUM(CASE WHEN c${j} = ${literal(p)} THEN 1 ELSE 0 END) AS ${ALIAS.count(j, i)}`);
    });
    select.push(`SUM(CASE WHEN cc = 1 THEN c${j} END) AS ${ALIAS.ccSum(j)}`);
    for (let b = j; b < d; b++) select.push(`SUM(CASE WHEN cc = 1 THEN c${j} * c${b} END) AS ${ALIAS.ccProduct(j, b)}`);
  }
  select.push(
    `SUM(u) AS ${ALIAS.uSum}`,
    `SUM(u * u) AS ${ALIAS.uSq}`,
    `SUM(u * c${k}) AS ${ALIAS.uOverall}`,
    `SUM(ABS(u - 2 * c${k})) AS ${ALIAS.eAbs}`,
    `SUM((u - 2 * c${k}) * (u - 2 * c${k})) AS ${ALIAS.eSq}`,
  );
  return [
    `-- peak-end momentsQuery (${dialect}): ${columns.length} columns, scale ${min}-${max}, invalid cells: ${s.invalid}`,
    `WITH pe_v AS (\n  SELECT\n    ${stage1}\n  FROM ${table}\n),`,
    `pe_k AS (\n  SELECT\n    ${stageKeep}\n  FROM pe_v\n),`,
    `pe_w AS (\n  SELECT\n    ${stage2}\n  FROM pe_k\n),`,
    `pe_x AS (\n  SELECT\n    ${stage3}\n  FROM pe_w\n)`,
    `SELECT\n  ${select.join(',\n  ')}\nFROM pe_x`,
  ].join('\n');
}

/** An exact integer from a driver value: number, bigint, integer or decimal string ("12", "12.000"), or a decimal object with toString. */
function exactInteger(row: MomentsRow, alias: string): bigint {
  if (!(alias in row)) {
    const lower = Object.keys(row).find((key) => key.toLowerCase() === alias);
    if (lower === undefined) throw new InvalidArgumentError(`The moments row lacks "${alias}": pass the row that momentsQuery's query returned for the same spec.`);
    return exactInteger({ [alias]: row[lower] }, alias);
  }
  const value = row[alias];
  if (value === null || value === undefined) return 0n; // SUM over no rows is NULL
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value))
      throw new InvalidArgumentError(`"${alias}" is ${value}, not an exact integer: keep the query's integer sums as bigint or decimal strings (e.g. getRowObjectsJson in DuckDB).`);
    return BigInt(value);
  }
  const text = String(value).trim();
  const match = /^(-?\d+)(?:\.(0*))?$/.exec(text);
  if (match === null) throw new InvalidArgumentError(`"${alias}" is ${JSON.stringify(text)}, not an integer: pass the query's result unchanged.`);
  return BigInt(match[1] as string);
}

/** Nearest double to p / q for exact integers (q > 0). */
function ratio(p: bigint, q: bigint): number {
  if (q === 0n) return Number.NaN;
  const whole = p / q;
  const rest = p - whole * q;
  // whole is exact in BigInt; the fraction's double is accurate to an ulp of the result.
  return Number(whole) + Number(rest) / Number(q);
}

/** Centred second moment n * sum(ab) - sum(a) sum(b), over n, from exact sums. */
function centred(n: bigint, sumA: bigint, sumB: bigint, sumAB: bigint): number {
  return ratio(n * sumAB - sumA * sumB, n);
}

/**
 * Runs the analyses that need only moments on the single result row of {@link momentsQuery}'s
 * query: descriptives as `describeSurvey` (n, mean, SD, t interval, median and top/bottom-2-box
 * from the counts), OLS of overall on the touchpoints with classical inference as `ols` on the
 * complete cases, LMG relative importance as `relativeImportance`, the aggregate peak-end rule
 * and each respondent's peak-end accuracy, plus the state of an equivalent
 * {@link SurveyAccumulator} to merge with other shards.
 *
 * Algorithm: the exact integer sums are turned into means and centred co-moments with BigInt
 * arithmetic (n * sum(ab) - sum(a) sum(b), divided once), then analysed as a SurveyAccumulator
 * (Cholesky on the co-moments for OLS; relative importance from the correlation matrix).
 * Accuracy: equal to the in-memory analyses to about 1e-12 relative on rating data.
 *
 * @throws DataValidationError when invalid cells were counted and the spec's `invalid` policy is
 *   `'error'` (the default): one issue per column, with the count; set `invalid: 'missing'` or
 *   `'drop-row'` to analyse anyway. InvalidArgumentError for a row that is not the query's result.
 * @example
 * ```ts
 * const row = (await connection.runAndReadAll(momentsQuery(spec, { dialect: 'duckdb', table: 'survey' }))).getRowObjectsJson()[0];
 * analyzeMoments(row, spec).ols?.coefficients; // as ols() on the same table's complete rows
 * ```
 */
export function analyzeMoments(row: MomentsRow, spec: SurveySpec | NormalizedSpec): MomentsAnalysis {
  const s = checkSpec(spec);
  if (row === null || typeof row !== 'object') throw new InvalidArgumentError('analyzeMoments expects the single result row of the moments query, as an object.');
  const columns = [...s.touchpoints.map((t) => t.column), s.overall];
  const get = (alias: string) => exactInteger(row, alias);
  const rowsRead = Number(get(ALIAS.rows));
  const droppedInvalid = Number(get(ALIAS.droppedInvalid));
  const droppedEmpty = Number(get(ALIAS.droppedEmpty));
  const invalidCells = Object.fromEntries(columns.map((c, j) => [c, Number(get(ALIAS.invalid(j)))]));
  if (s.invalid === 'error') checkNoInvalidCells(columns, invalidCells, s.scale);
  const state = accumulatorState(get, columns, s.scale, rowsRead - droppedInvalid - droppedEmpty);
  const accumulator = SurveyAccumulator.fromJSON(state, s);
  const warnings: Warning[] = [];
  const attempt = <T>(label: string, code: WarningCode, run: () => T): T | null => {
    try {
      return run();
    } catch (error) {
      warnings.push({ code, message: `${label}: ${error instanceof Error ? error.message : String(error)}` });
      return null;
    }
  };
  if (droppedInvalid > 0) warnings.push({ code: 'rows_dropped_invalid', message: `${droppedInvalid} rows with invalid cells were dropped (invalid: "drop-row").` });
  if (droppedEmpty > 0) warnings.push({ code: 'rows_dropped_no_answers', message: `${droppedEmpty} rows without any answer were dropped.` });
  const used = rowsRead - droppedInvalid - droppedEmpty;
  const ncNumber = state.joint.n;
  if (ncNumber < used)
    warnings.push({ code: 'rows_dropped_missing', message: `OLS, relative importance and peak-end accuracy use the ${ncNumber} complete rows of ${used} (${used - ncNumber} have a missing answer).` });
  return {
    method: 'sql-moments',
    rowsRead,
    rowsUsed: used,
    droppedByReason: { invalid_value: droppedInvalid, no_answers: droppedEmpty },
    invalidCells,
    describe: accumulator.describe(),
    ols: attempt('ols', 'ols_unavailable', () => accumulator.ols()),
    relativeImportance: attempt('relative_importance', 'relative_importance_unavailable', () => accumulator.relativeImportance({ method: 'lmg' })),
    peakEnd: accumulator.peakEnd(),
    peakEndAccuracy: attempt('peak_end_accuracy', 'peak_end_accuracy_unavailable', () => accumulator.peakEndAccuracy()),
    state,
    warnings,
  };
}

/** Under the spec's `invalid: 'error'`: a DataValidationError with one issue per column that has invalid cells, with the count. */
function checkNoInvalidCells(columns: readonly string[], invalidCells: Readonly<Record<string, number>>, scale: { readonly min: number; readonly max: number }): void {
  const { min, max } = scale;
  const issues: DataIssue[] = columns.flatMap((column) => {
    const count = invalidCells[column] as number;
    return count === 0
      ? []
      : [
          {
            code: 'out_of_scale' as const,
            path: [null, column] as const,
            line: null,
            input: null,
            message: `Column "${column}" has ${count} value${count === 1 ? '' : 's'} outside the ${min}-${max} integer scale that ${count === 1 ? 'is' : 'are'} not a missing code; fix the data, add the code to spec.missing, or set invalid: "missing" or "drop-row".`,
          },
        ];
  });
  if (issues.length > 0) throw new DataValidationError(issues);
}

/**
 * The {@link SurveyAccumulator} state equivalent to the query's exact sums: per-column moments and
 * counts, the complete cases' centred co-moments and the peak-end prediction moments, each
 * divided once from BigInt sums.
 */
function accumulatorState(
  get: (alias: string) => bigint,
  columns: readonly string[],
  scale: { readonly min: number; readonly max: number; readonly neutral: number },
  rowsSeen: number,
): AccumulatorState {
  const d = columns.length;
  const k = d - 1;
  const { min, max } = scale;
  const pointCount = max - min + 1;
  const perColumn = columns.map((_, j) => {
    const n = get(ALIAS.n(j));
    const sum = get(ALIAS.sum(j));
    return {
      n: Number(n),
      mean: n === 0n ? 0 : ratio(sum, n),
      m2: n === 0n ? 0 : centred(n, sum, sum, get(ALIAS.sumSq(j))),
      counts: Array.from({ length: pointCount }, (_, i) => Number(get(ALIAS.count(j, i)))),
    };
  });
  const nc = get(ALIAS.complete);
  const ccSums = columns.map((_, j) => get(ALIAS.ccSum(j)));
  const m2 = new Array<number>(d * d).fill(0);
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const value = nc === 0n ? 0 : centred(nc, ccSums[a] as bigint, ccSums[b] as bigint, get(ALIAS.ccProduct(a, b)));
      m2[a * d + b] = value;
      m2[b * d + a] = value;
    }
  }
  const ncNumber = Number(nc);
  return {
    version: 1,
    columns,
    scale: { min, max, neutral: scale.neutral },
    perColumn,
    joint: { n: ncNumber, sumW: ncNumber, sumLogW: 0, mean: ccSums.map((x) => (nc === 0n ? 0 : ratio(x, nc))), m2 },
    peakEnd: peakEndState(get, nc, ccSums[k] as bigint, k),
    rowsSeen,
  };
}

/** The peak-end part of the accumulator state from the sums of u = peak + end (twice the prediction) over the complete cases. */
function peakEndState(get: (alias: string) => bigint, nc: bigint, ySum: bigint, k: number): AccumulatorState['peakEnd'] {
  const ncNumber = Number(nc);
  const uSum = get(ALIAS.uSum);
  const ySq = get(ALIAS.ccProduct(k, k));
  // u = 2 * prediction: prediction moments are u's divided by 2 (mean) and 4 (squares).
  const peMoments = {
    n: ncNumber,
    sumW: ncNumber,
    sumLogW: 0,
    mean: nc === 0n ? [0, 0] : [ratio(uSum, 2n * nc), ratio(ySum, nc)],
    m2:
      nc === 0n
        ? [0, 0, 0, 0]
        : [centred(nc, uSum, uSum, get(ALIAS.uSq)) / 4, centred(nc, uSum, ySum, get(ALIAS.uOverall)) / 2, centred(nc, uSum, ySum, get(ALIAS.uOverall)) / 2, centred(nc, ySum, ySum, ySq)],
  };
  const eSum = uSum - 2n * ySum;
  return { n: ncNumber, sumAbs: Number(get(ALIAS.eAbs)) / 2, sumSq: Number(get(ALIAS.eSq)) / 4, sumBias: Number(eSum) / 2, moments: peMoments };
}
