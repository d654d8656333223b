/**
 * The library's error hierarchy. Every public function throws one of these (never a bare `Error`),
 * each with a stable machine-readable `code` and a message that names the offender and the fix.
 *
 * ```
 * PeakEndError                 base: code, cause
 * ├── DataValidationError      bad input data: issues[] with row, column, file line
 * ├── InvalidArgumentError     bad options or spec (wrong type, unknown name, impossible setting)
 * ├── InsufficientDataError    too few usable rows for the requested analysis
 * ├── RankDeficientError       a design that cannot be estimated, naming the columns
 * └── ConvergenceError         an iterative fit that did not converge or diverged
 * ```
 */

/** Machine-readable codes of data validation issues. */
export type IssueCode =
  | 'unknown_column'
  | 'duplicate_header'
  | 'out_of_scale'
  | 'non_integer'
  | 'unparseable_number'
  | 'ragged_row'
  | 'empty_file'
  | 'header_only'
  | 'csv_syntax'
  | 'invalid_encoding'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'field_too_large'
  | 'invalid_weight'
  | 'not_binary'
  /** A binary file (workbook, SPSS file) is truncated or damaged. */
  | 'corrupt_file'
  /** A survey-tool export whose header rows are not in the tool's layout. */
  | 'export_layout';

/**
 * One problem found in the input data, shaped like a zod issue.
 * `path` is `[row, column]`: the 1-based data row (header excluded; `null` for file-level issues)
 * and the column name (`null` when the issue is not tied to one column). `line` is the 1-based
 * physical line in the file where the record starts (`null` for non-CSV input).
 */
export interface DataIssue {
  readonly code: IssueCode;
  readonly path: readonly [row: number | null, column: string | null];
  readonly line: number | null;
  readonly message: string;
  readonly input: string | null;
}

/** Options shared by every error constructor. */
export interface PeakEndErrorOptions {
  readonly cause?: unknown;
}

/** Base class of every error the library throws. `code` is stable across versions. */
export class PeakEndError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options: PeakEndErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
}

/** How many issues a {@link DataValidationError} lists in full; the rest are only counted. */
export const MAX_LISTED_ISSUES = 50;

/**
 * The input data is invalid. `issues` lists the first {@link MAX_LISTED_ISSUES} problems in input
 * order; `totalIssues` counts all of them.
 */
export class DataValidationError extends PeakEndError {
  readonly issues: readonly DataIssue[];
  readonly totalIssues: number;

  /**
   * @param issues the problems found (only the first {@link MAX_LISTED_ISSUES} are kept)
   * @param totalIssues how many there were in all, when the caller stopped collecting early
   */
  constructor(issues: readonly DataIssue[], options: PeakEndErrorOptions & { totalIssues?: number } = {}) {
    const listed = issues.slice(0, MAX_LISTED_ISSUES);
    const total = Math.max(options.totalIssues ?? issues.length, issues.length);
    super('data_validation', describeIssues(listed, total), options);
    this.issues = listed;
    this.totalIssues = total;
  }
}

/** A spec or option is malformed or names something that does not exist. */
export class InvalidArgumentError extends PeakEndError {
  constructor(message: string, options: PeakEndErrorOptions = {}) {
    super('invalid_argument', message, options);
  }
}

/** Too few usable observations for the requested analysis. */
export class InsufficientDataError extends PeakEndError {
  constructor(message: string, options: PeakEndErrorOptions = {}) {
    super('insufficient_data', message, options);
  }
}

/** The design cannot be estimated; `columns` names the offending predictors. */
export class RankDeficientError extends PeakEndError {
  readonly columns: readonly string[];

  constructor(message: string, columns: readonly string[], options: PeakEndErrorOptions = {}) {
    super('rank_deficient', message, options);
    this.columns = columns;
  }
}

/** An iterative estimator failed to converge (or detected divergence such as separation). */
export class ConvergenceError extends PeakEndError {
  constructor(code: string, message: string, options: PeakEndErrorOptions = {}) {
    super(code, message, options);
  }
}

function describeIssues(listed: readonly DataIssue[], total: number): string {
  const first = listed[0];
  if (first === undefined) return 'Invalid survey data.';
  const more = total > 1 ? ` (and ${total - 1} more issue${total > 2 ? 's' : ''}; see error.issues)` : '';
  return `${first.message}${more}`;
}
