/**
 * The Survey: validated, columnar survey data with its spec and an account of every input row.
 */
import { InvalidArgumentError, type Warning as StrictWarning } from '../errors.js';
import type { NormalizedSpec, Touchpoint } from '../schema/survey-spec.js';

export type { WarningCode } from '../errors.js';

/**
 * Transitional, for modules still being edited on other branches (experience/peak-end.ts passes a
 * `code: string` through its tryFit/tryTest helpers; report/* and ols.ts import it from here):
 * the same shape as errors.ts's `Warning` with the code widened to string. Every other module
 * imports `Warning` from errors.ts, where `code` is the documented `WarningCode` union. Once
 * those files take `WarningCode`, replace this with `export type { Warning } from '../errors.js'`.
 */
export interface Warning {
  readonly code: string;
  readonly message: string;
}

/** Why an input row was not used. */
export type DropReason =
  | 'invalid_value'
  | 'ragged_row'
  | 'invalid_weight'
  | 'repeated_header'
  | 'no_answers'
  /** A trailing row of column totals, sums or averages. */
  | 'total_row'
  /** Survey-tool exports: responses the tool marked as previews, tests or spam, and unfinished ones when dropped. */
  | 'survey_preview'
  | 'test_response'
  | 'spam'
  | 'unfinished';

/** Every reason a row can be dropped, in report order. */
export const DROP_REASONS: readonly DropReason[] = [
  'invalid_value',
  'ragged_row',
  'invalid_weight',
  'repeated_header',
  'no_answers',
  'total_row',
  'survey_preview',
  'test_response',
  'spam',
  'unfinished',
];

/** Per-column counts from ingest. */
export interface ColumnReport {
  readonly column: string;
  readonly role: 'touchpoint' | 'overall' | 'weight' | 'id' | 'segment' | 'covariate';
  /** Cells that were empty or matched a missing code (in used rows). */
  readonly missing: number;
  /** Cells that matched a not-applicable code (in used rows; touchpoints only), not counted in `missing`. */
  readonly notApplicable: number;
  /** Cells that failed validation (set to missing under `invalid: 'missing'`, or whose row was dropped). */
  readonly invalid: number;
  /** Cells given as text and mapped to a score through `labels`. */
  readonly labelled: number;
}

/** What happened to every input row. Invariant: `rowsRead = rowsUsed + rowsDropped`. */
export interface IngestReport {
  /** Where the rows came from: text, rows, columns, or a survey-tool file read by readSurveyFile. */
  readonly source: 'csv' | 'rows' | 'columns' | 'xlsx' | 'sav' | 'qualtrics' | 'surveymonkey';
  /** Text encoding of CSV bytes (`null` for text, rows or columns). */
  readonly encoding: string | null;
  /** CSV field delimiter (`null` for rows or columns). */
  readonly delimiter: string | null;
  /** Whether numbers were read with a decimal comma ("4,5" = 4.5): forced by the option or sniffed. */
  readonly decimalComma: boolean;
  /** Data records read (header and blank lines excluded). */
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsDropped: number;
  readonly droppedByReason: Readonly<Record<DropReason, number>>;
  /** Entirely blank lines in a CSV, skipped (they are not records). */
  readonly blankLines: number;
  readonly columns: readonly ColumnReport[];
  /** Input columns the spec does not use. */
  readonly ignoredColumns: readonly string[];
  /** Respondents who gave the same answer on every touchpoint (all answered, at least two touchpoints). */
  readonly straightLining: { readonly count: number; readonly rows: readonly number[] };
  readonly warnings: readonly StrictWarning[];
}

/**
 * Validated survey data. Ratings are stored one `Float64Array` per column, `NaN` = missing, in
 * input order of the used rows. `sourceRows[i]` is the 1-based data row (header excluded) that
 * row `i` came from. Each column has its own buffer, which may extend past `n` (ingest hands over
 * its storage without a copy when little of it is unused): use the array, not its `buffer`.
 */
export interface Survey {
  readonly spec: NormalizedSpec;
  readonly touchpoints: readonly Touchpoint[];
  readonly overall: string;
  /** Number of used rows. */
  readonly n: number;
  /**
   * Touchpoint and overall values, keyed by column name. A binary outcome is stored as 1
   * (positive class) or 0; a not-applicable touchpoint cell is NaN here and flagged in
   * `notApplicable`.
   */
  readonly ratings: ReadonlyMap<string, Float64Array>;
  /**
   * For each touchpoint with at least one not-applicable cell, 1 where the cell matched a
   * not-applicable code ("did not experience this touchpoint"), else 0. Touchpoints without such a
   * cell have no entry: read it with {@link surveyNotApplicable}.
   */
  readonly notApplicable: ReadonlyMap<string, Uint8Array>;
  readonly weights: Float64Array | null;
  readonly ids: readonly string[] | null;
  readonly segments: ReadonlyMap<string, readonly (string | null)[]>;
  /**
   * Adjustment covariates (spec `covariates`) that are not segments, as read (text; null when
   * missing), by column. Absent when the spec declares none. Segment covariates are in `segments`.
   */
  readonly covariates?: ReadonlyMap<string, readonly (string | null)[]>;
  readonly sourceRows: Uint32Array;
  readonly report: IngestReport;
  /**
   * Set by `rake`: the margins the weights were calibrated to, so that design-based standard
   * errors account for the calibration (as R's survey package does for a raked design).
   */
  readonly calibration?: Calibration;
}

/**
 * The part of a {@link Survey} that the rating analyses read (`peakEnd`, `gestalt`, `modelData`,
 * `describeSurvey`): the spec, the rated columns and their not-applicable flags, the weights and
 * their calibration. A worker thread running one of them is sent only this (analyzeParallel in
 * 'peak-end/node').
 */
export type SurveyRatings = Pick<Survey, 'spec' | 'touchpoints' | 'overall' | 'n' | 'ratings' | 'notApplicable' | 'weights' | 'calibration'>;

/** The raking margins of a calibrated survey: per margin, each row's category index. */
export interface Calibration {
  readonly method: 'raking';
  readonly margins: readonly { readonly column: string; readonly levels: readonly string[]; readonly index: Int32Array }[];
  /** Sweeps over the margins until every margin total matched its target within the tolerance. */
  readonly iterations: number;
  readonly converged: boolean;
  /** Largest |achieved - target| margin share after the last sweep. */
  readonly maxDeviation: number;
  /** Weights clipped by the trimming bounds in the last round (0 without trimming). */
  readonly trimmed: number;
}

/**
 * The ratings of one touchpoint or of the overall column.
 *
 * @throws InvalidArgumentError when `column` is not a touchpoint or the overall column.
 */
export function surveyColumn(survey: Survey, column: string): Float64Array {
  const values = survey.ratings.get(column);
  if (values === undefined) {
    const known = [...survey.ratings.keys()].join(', ');
    throw new InvalidArgumentError(`"${column}" is not a rated column of this survey; rated columns: ${known}.`);
  }
  return values;
}

/**
 * Which cells of a touchpoint were not applicable: 1 where the respondent did not experience it
 * (the rating there is NaN), 0 elsewhere (answered or missing). A column without any
 * not-applicable cell gives all zeros.
 *
 * @throws InvalidArgumentError when `column` is not a rated column of the survey.
 */
export function surveyNotApplicable(survey: Survey, column: string): Uint8Array {
  const flags = survey.notApplicable.get(column);
  if (flags !== undefined) return flags;
  return new Uint8Array(surveyColumn(survey, column).length);
}
