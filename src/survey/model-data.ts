/**
 * modelData: the one step from a Survey to the data a model is fitted on (predictors, outcome,
 * weights), under a missing-data policy, with an account of every respondent left out and why.
 * Every survey-level analysis calls it, so "complete cases" means the same rows everywhere.
 */
import { InsufficientDataError, InvalidArgumentError } from '../errors.js';
import type { SurveyRatings, Warning } from './survey.js';

/** How unanswered touchpoints are handled. */
export type MissingDataMethod = 'complete-cases' | 'dummy-adjustment';

/** Every missing-data method, default first. */
export const MISSING_DATA_METHODS: readonly MissingDataMethod[] = ['complete-cases', 'dummy-adjustment'];

/** Options for {@link modelData}. */
export interface ModelDataOptions {
  /** Rated columns used as predictors, in this order. Default: the touchpoints in journey order. */
  readonly predictors?: readonly string[];
  /** The outcome column. Default: the survey's overall column. */
  readonly outcome?: string;
  /** Default `'complete-cases'`. */
  readonly missingData?: MissingDataMethod;
  /** Use the survey weights when it has them. Default true. */
  readonly weighted?: boolean;
}

/**
 * Survey rows left out of a model, each counted once, under the first reason that applies:
 * `missing` (no answer for the outcome, or, with complete cases, for a predictor),
 * `notApplicable` (complete cases: every absent predictor was not applicable to the respondent),
 * `invalidWeight` (a weight that is not a finite number >= 0), `zeroWeight` (weight 0).
 * The same shape for every analysis; the regressions' own `rowsDropped` ({ missing, zeroWeight })
 * is its subset for matrix input.
 */
export interface RowsLeftOut {
  readonly missing: number;
  readonly notApplicable: number;
  readonly invalidWeight: number;
  readonly zeroWeight: number;
}

/** One "not answered" indicator of the dummy-variable adjustment. */
export interface NotAnsweredIndicator {
  /** The touchpoint. */
  readonly column: string;
  /** The indicator's predictor name: `"<column> not answered"`. */
  readonly indicator: string;
  /** The touchpoint's observed mean over the used rows: the value its unanswered cells were given. */
  readonly fill: number;
  /** Cells filled, by kind (used rows only). */
  readonly missing: number;
  readonly notApplicable: number;
}

/** What {@link modelData} did, as plain JSON data for a result. */
export interface MissingDataSummary {
  readonly method: MissingDataMethod;
  /** Survey rows considered (survey.n). */
  readonly rowsAvailable: number;
  /** Survey rows used. */
  readonly n: number;
  readonly rowsDropped: RowsLeftOut;
  readonly indicators: readonly NotAnsweredIndicator[];
}

/** Model-ready data from a survey. */
export interface SurveyModelData extends MissingDataSummary {
  readonly outcome: string;
  /** The predictor columns as asked (touchpoints by default). */
  readonly predictors: readonly string[];
  /** Names of the columns of `X`: the predictors, then one indicator per entry of `indicators`. */
  readonly names: readonly string[];
  /**
   * One row per used respondent (no intercept column); every value finite. Built from `columns`
   * when first read (a million rows of arrays cost far more than the columns): analyses that can
   * work by column use `columns` instead.
   */
  readonly X: number[][];
  /**
   * The same data by column, one per name in `names`, each of length `n`. A column the policy did
   * not change is a view of the survey's own array when every row is used: read, never write.
   */
  readonly columns: readonly Float64Array[];
  readonly y: Float64Array;
  /** The used rows' weights, or null when unweighted. */
  readonly weights: Float64Array | null;
  /** For each row of X, the survey row index (0-based, into the survey's columns) it came from. */
  readonly rows: Uint32Array;
  readonly warnings: readonly Warning[];
}

/**
 * Turns a survey into model data under a missing-data policy.
 *
 * - `'complete-cases'` (listwise deletion): the rows where the outcome, every predictor and the
 *   weight are present; a row left out for a not-applicable touchpoint is counted apart from one
 *   left out for a missing answer.
 * - `'dummy-adjustment'` (Cohen & Cohen 1983, section 7.4; "dummy variable adjustment"): every
 *   respondent with an outcome (and a usable weight) is used; each predictor with any unanswered
 *   cell (missing or not applicable) among them is filled with its observed mean over those rows
 *   and gets an indicator column `"<column> not answered"` (1 where filled). The predictor's
 *   coefficient is then estimated from the respondents who answered it, whatever the fill value;
 *   the indicator absorbs the difference in the outcome of those who did not. Jones (1996) shows
 *   the coefficients are biased when answers are missing at random among correlated predictors;
 *   it suits "did not experience this touchpoint", where no answer exists to be recovered.
 *
 * Weights (when `weighted` and the survey has them) must be finite and non-negative; rows with
 * weight 0 are left out, as a weighted fit gives them no influence. Rows keep survey order.
 *
 * References: Cohen, J., & Cohen, P. (1983). Applied Multiple Regression/Correlation Analysis for
 * the Behavioral Sciences (2nd ed.), 7.4. Jones, M. P. (1996). JASA 91(433), 222-230.
 *
 * @example
 * ```ts
 * const data = modelData(survey, { missingData: 'dummy-adjustment' });
 * data.names;       // ['wifi', 'food', 'wifi not answered']
 * data.rowsDropped; // { missing: 1, notApplicable: 0, invalidWeight: 0, zeroWeight: 0 }
 * ```
 * @throws InvalidArgumentError for an unknown column, a predictor listed twice or equal to the
 *   outcome, or an unknown missing-data method; InsufficientDataError when a predictor has no
 *   answer at all among the rows with an outcome (dummy adjustment).
 */
export function modelData(survey: SurveyRatings, options: ModelDataOptions = {}): SurveyModelData {
  const method = options.missingData ?? 'complete-cases';
  if (!MISSING_DATA_METHODS.includes(method)) {
    throw new InvalidArgumentError(`missingData must be one of ${MISSING_DATA_METHODS.map((m) => `'${m}'`).join(', ')}; got ${JSON.stringify(method)}.`);
  }
  const outcome = options.outcome ?? survey.overall;
  const predictors = options.predictors ?? survey.touchpoints.map((t) => t.column);
  const rated = (column: string, role: string): Float64Array => {
    const values = survey.ratings.get(column);
    if (values === undefined) {
      throw new InvalidArgumentError(`${role} "${column}" is not a rated column of this survey; rated columns: ${[...survey.ratings.keys()].join(', ')}.`);
    }
    return values;
  };
  const y = rated(outcome, 'The outcome');
  if (new Set(predictors).size !== predictors.length) throw new InvalidArgumentError(`A predictor is listed twice: ${predictors.join(', ')}.`);
  if (predictors.includes(outcome)) throw new InvalidArgumentError(`"${outcome}" is the outcome; it cannot also be a predictor.`);
  const columns = predictors.map((c) => rated(c, 'Predictor'));
  const flags = predictors.map((c) => survey.notApplicable.get(c) ?? null);
  const weights = (options.weighted ?? true) ? survey.weights : null;
  const N = survey.n;
  const dummy = method === 'dummy-adjustment';

  const { rows, rowsDropped } = usedRows(N, y, columns, flags, weights, dummy);
  const n = rows.length;
  const indicators: NotAnsweredIndicator[] = [];
  const fills = new Float64Array(predictors.length).fill(Number.NaN);
  const indicatorOf = new Int32Array(predictors.length).fill(-1);
  if (dummy) notAnsweredIndicators(predictors, columns, flags, rows, indicators, fills, indicatorOf);
  const out = modelColumns(predictors, columns, rows, N, fills, indicatorOf, indicators);
  // Every row used: the survey's own outcome and weights (read only), as for the columns.
  const all = n === N;
  const ys = all ? y.subarray(0, N) : new Float64Array(n);
  const ws = weights === null ? null : all ? weights.subarray(0, N) : new Float64Array(n);
  if (!all) {
    for (let r = 0; r < n; r++) {
      const i = rows[r] as number;
      ys[r] = y[i] as number;
      if (ws !== null) ws[r] = (weights as Float64Array)[i] as number;
    }
  }

  const result: Omit<SurveyModelData, 'X'> = {
    method,
    rowsAvailable: N,
    n,
    rowsDropped,
    indicators,
    outcome,
    predictors,
    names: [...predictors, ...indicators.map((d) => d.indicator)],
    columns: out,
    y: ys,
    weights: ws,
    rows,
    warnings: modelDataWarnings(method, N, rowsDropped, indicators),
  };
  let X: number[][] | null = null;
  // Rows on demand, not enumerable, so that copying the result does not build them.
  Object.defineProperty(result, 'X', { enumerable: false, get: () => (X ??= rowsOf(out, n)) });
  return result as SurveyModelData;
}

/**
 * Which of the survey's `N` rows are used (row indices, in order), and why the others are not: the first
 * reason that applies, as {@link RowsLeftOut} describes. `dummy`: only the outcome must be answered.
 */
function usedRows(
  N: number,
  y: Float64Array,
  columns: readonly Float64Array[],
  flags: readonly (Uint8Array | null)[],
  weights: Float64Array | null,
  dummy: boolean,
): { rows: Uint32Array; rowsDropped: RowsLeftOut } {
  const k = columns.length;
  const used = new Uint32Array(N);
  let n = 0;
  let missing = 0;
  let notApplicable = 0;
  let invalidWeight = 0;
  let zeroWeight = 0;
  // Complete cases: which rows have an unanswered predictor, found column by column (sequential
  // reads); the reasons are then taken row by row, as before, for those rows only.
  const gaps = dummy ? null : new Uint8Array(N);
  if (gaps !== null) {
    for (let j = 0; j < k; j++) {
      const column = columns[j] as Float64Array;
      for (let i = 0; i < N; i++) if (Number.isNaN(column[i] as number)) gaps[i] = 1;
    }
  }
  for (let i = 0; i < N; i++) {
    let reason = 0; // 0 used, 1 missing, 2 not applicable
    if (Number.isNaN(y[i] as number)) reason = 1;
    else if (gaps !== null && gaps[i] === 1) {
      for (let j = 0; j < k; j++) {
        if (Number.isNaN((columns[j] as Float64Array)[i] as number)) {
          if ((flags[j] as Uint8Array | null)?.[i] === 1) reason = 2;
          else {
            reason = 1;
            break;
          }
        }
      }
    }
    if (reason === 1) missing++;
    else if (reason === 2) notApplicable++;
    else if (weights !== null && !((weights[i] as number) >= 0 && (weights[i] as number) < Infinity)) invalidWeight++;
    else if (weights !== null && weights[i] === 0) zeroWeight++;
    else used[n++] = i;
  }
  return { rows: n === N ? used : used.slice(0, n), rowsDropped: { missing, notApplicable, invalidWeight, zeroWeight } };
}

/**
 * Dummy adjustment: for each predictor with unanswered cells among `rows`, its fill value (the
 * observed mean) into `fills`, its position in `indicators` into `indicatorOf`, and its indicator
 * appended to `indicators`.
 */
function notAnsweredIndicators(
  predictors: readonly string[],
  columns: readonly Float64Array[],
  flags: readonly (Uint8Array | null)[],
  rows: Uint32Array,
  indicators: NotAnsweredIndicator[],
  fills: Float64Array,
  indicatorOf: Int32Array,
): void {
  const n = rows.length;
  for (let j = 0; j < predictors.length; j++) {
    const column = columns[j] as Float64Array;
    const na = flags[j] as Uint8Array | null;
    let sum = 0;
    let answered = 0;
    let naCount = 0;
    for (let r = 0; r < n; r++) {
      const i = rows[r] as number;
      const v = column[i] as number;
      if (Number.isNaN(v)) {
        if (na?.[i] === 1) naCount++;
      } else {
        sum += v;
        answered++;
      }
    }
    if (answered === n) continue;
    if (answered === 0) {
      throw new InsufficientDataError(`Predictor "${predictors[j]}" has no answer among the ${n} respondents with an outcome, so it cannot be estimated; leave it out of the predictors.`);
    }
    fills[j] = sum / answered;
    indicatorOf[j] = indicators.length;
    indicators.push({ column: predictors[j] as string, indicator: `${predictors[j]} not answered`, fill: sum / answered, missing: n - answered - naCount, notApplicable: naCount });
  }
}

/** The model's columns over `rows`: each predictor with its fill in unanswered cells, then each indicator (1 where filled). */
function modelColumns(
  predictors: readonly string[],
  columns: readonly Float64Array[],
  rows: Uint32Array,
  N: number,
  fills: Float64Array,
  indicatorOf: Int32Array,
  indicators: readonly NotAnsweredIndicator[],
): Float64Array[] {
  const n = rows.length;
  // By column: a predictor untouched by the policy is the survey's own array when every row is used.
  const all = n === N;
  const out: Float64Array[] = [];
  for (let j = 0; j < predictors.length; j++) {
    const column = columns[j] as Float64Array;
    const fill = fills[j] as number;
    if (all && indicatorOf[j] === -1) {
      out.push(column.subarray(0, N));
      continue;
    }
    const c = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const v = column[rows[r] as number] as number;
      c[r] = Number.isNaN(v) ? fill : v;
    }
    out.push(c);
  }
  for (const d of indicators) {
    const column = columns[predictors.indexOf(d.column)] as Float64Array;
    const c = new Float64Array(n);
    for (let r = 0; r < n; r++) c[r] = Number.isNaN(column[rows[r] as number] as number) ? 1 : 0;
    out.push(c);
  }
  return out;
}

/** Row r of the columns, for every r < n. */
function rowsOf(columns: readonly ArrayLike<number>[], n: number): number[][] {
  const width = columns.length;
  const X: number[][] = new Array<number[]>(n);
  for (let r = 0; r < n; r++) {
    const row = new Array<number>(width);
    for (let j = 0; j < width; j++) row[j] = (columns[j] as ArrayLike<number>)[r] as number;
    X[r] = row;
  }
  return X;
}

/** The JSON-serialisable account of a {@link modelData} result, for analyses to report. */
export function missingDataSummary(data: MissingDataSummary): MissingDataSummary {
  return { method: data.method, rowsAvailable: data.rowsAvailable, n: data.n, rowsDropped: { ...data.rowsDropped }, indicators: data.indicators.map((d) => ({ ...d })) };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function modelDataWarnings(method: MissingDataMethod, available: number, dropped: RowsLeftOut, indicators: readonly NotAnsweredIndicator[]): Warning[] {
  const warnings: Warning[] = [];
  const of = `of ${available}`;
  // Worded as the regressions word their own listwise deletion, which this replaces.
  if (dropped.missing > 0) {
    warnings.push({
      code: 'rows_dropped_missing',
      message:
        method === 'complete-cases'
          ? `${plural(dropped.missing, 'row', 'rows')} with a missing value ${dropped.missing === 1 ? 'was' : 'were'} left out (listwise deletion).`
          : `${plural(dropped.missing, 'respondent', 'respondents')} ${of} without an outcome ${dropped.missing === 1 ? 'was' : 'were'} left out.`,
    });
  }
  if (dropped.notApplicable > 0) {
    warnings.push({
      code: 'rows_dropped_not_applicable',
      message: `${plural(dropped.notApplicable, 'respondent', 'respondents')} ${of} ${dropped.notApplicable === 1 ? 'was' : 'were'} left out because a touchpoint did not apply to them; missingData: 'dummy-adjustment' keeps them.`,
    });
  }
  if (dropped.invalidWeight > 0) {
    warnings.push({
      code: 'rows_dropped_invalid_weight',
      message: `${plural(dropped.invalidWeight, 'respondent', 'respondents')} ${of} with a weight that is not a finite number >= 0 ${dropped.invalidWeight === 1 ? 'was' : 'were'} left out.`,
    });
  }
  if (dropped.zeroWeight > 0) {
    warnings.push({
      code: 'rows_dropped_zero_weight',
      message: `${plural(dropped.zeroWeight, 'respondent', 'respondents')} ${of} with weight 0 ${dropped.zeroWeight === 1 ? 'was' : 'were'} left out.`,
    });
  }
  if (indicators.length > 0) {
    warnings.push({
      code: 'dummy_adjustment',
      message: `${indicators.map((d) => `"${d.column}"`).join(', ')} ${indicators.length === 1 ? 'was' : 'were'} not answered by every respondent: unanswered cells were filled with the observed mean and flagged by a "not answered" indicator (dummy-variable adjustment).`,
    });
  }
  return warnings;
}
