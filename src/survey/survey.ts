/**
 * The Survey: validated, columnar survey data with its spec and an account of every input row.
 */
import { InvalidArgumentError } from '../errors.js';
import type { NormalizedSpec, Touchpoint } from '../schema/survey-spec.js';

/** A non-fatal condition found by an analysis or during ingest. */
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
  'survey_preview',
  'test_response',
  'spam',
  'unfinished',
];

/** Per-column counts from ingest. */
export interface ColumnReport {
  readonly column: string;
  readonly role: 'touchpoint' | 'overall' | 'weight' | 'id' | 'segment';
  /** Cells that were empty or matched a missing code (in used rows). */
  readonly missing: number;
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
  readonly warnings: readonly Warning[];
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
  /** Touchpoint and overall ratings, keyed by column name. */
  readonly ratings: ReadonlyMap<string, Float64Array>;
  readonly weights: Float64Array | null;
  readonly ids: readonly string[] | null;
  readonly segments: ReadonlyMap<string, readonly (string | null)[]>;
  readonly sourceRows: Uint32Array;
  readonly report: IngestReport;
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
