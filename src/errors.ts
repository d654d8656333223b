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
  | 'export_layout'
  | 'not_csv';

/**
 * Machine-readable codes of non-fatal {@link Warning}s. Presenters map each code to words in every
 * locale; the message an analysis attaches is the English fallback. Codes are stable across
 * versions; new ones may be added.
 */
export type WarningCode =
  // Ingest: rows and cells accounted for.
  /** Rows were dropped during ingest (invalid values, repeated headers, empty rows); the ingest report counts them by reason. */
  | 'rows_dropped'
  /** The total of rows dropped during ingest, when it is large. */
  | 'total_rows_dropped'
  /** A column name appears more than once in the header and the spec does not use it (ignored). */
  | 'duplicate_header'
  /** The header row appears again as a data row; those rows were dropped. */
  | 'repeated_header'
  /** A declared column has no answer at all. */
  | 'column_all_missing'
  /** Respondents gave the same answer to every touchpoint (straight-lining). */
  | 'straight_lining'
  /** The file's encoding was not declared and was guessed. */
  | 'encoding_guessed'
  /** The file mixes encodings; some cells were decoded with a fallback. */
  | 'encoding_mixed'
  /** A spreadsheet formula cell has no cached value. */
  | 'formula_without_value'
  /** Negative numeric codes (e.g. -99) found and treated as missing by the survey tool's convention. */
  | 'negative_codes'
  /** Choice texts carry their scale numbers ("5 = Very satisfied"). */
  | 'numbered_choices'
  /** An export's unfinished responses were left out. */
  | 'unfinished_responses'
  /** An export's excluded responses (previews, tests) were left out. */
  | 'responses_excluded'
  /** A value outside the declared scale was read (streaming moments). */
  | 'out_of_scale'
  // Model data and regressions: rows left out.
  /** Rows with a missing value left out (listwise deletion). */
  | 'rows_dropped_missing'
  /** Rows with weight 0 left out. */
  | 'rows_dropped_zero_weight'
  /** Rows with a missing or invalid weight left out. */
  | 'rows_dropped_invalid_weight'
  /** Rows where a touchpoint was not applicable left out. */
  | 'rows_dropped_not_applicable'
  /** Rows with invalid cells dropped (invalid: "drop-row"). */
  | 'rows_dropped_invalid'
  /** Rows with no answers dropped. */
  | 'rows_dropped_no_answers'
  /** Missing answers handled by dummy-variable adjustment rather than deletion. */
  | 'dummy_adjustment'
  // Regressions.
  /** A term is a linear combination of others and was not estimated (OLS). */
  | 'aliased'
  /** The predictors are nearly collinear (large condition number or VIF). */
  | 'near_collinearity'
  /** Few residual degrees of freedom for the number of predictors. */
  | 'small_sample'
  /** The model fits the data exactly (zero residuals): tests are undefined. */
  | 'exact_fit'
  /** Fewer than 10 events per predictor in a logistic regression. */
  | 'few_events'
  /** Non-integer prior weights: glm's logLik, AIC and BIC count each row round(weight) times. */
  | 'non_integer_weights'
  /** Declared ordinal categories that nobody chose. */
  | 'empty_categories'
  // Importance.
  /** LMG computed on a sample of orderings instead of all subsets. */
  | 'lmg_sampled'
  /** Some bootstrap resamples could not be fitted (e.g. a constant column). */
  | 'bootstrap_failures'
  /** Bootstrap intervals are not available for this importance (binary outcome: pseudo-R-squared Shapley). */
  | 'bootstrap_skipped'
  /** The pseudo-R-squared Shapley importance was computed on a sample of orderings. */
  | 'importance_sampled'
  /** The requested importance method does not apply to this outcome (binary) and was ignored. */
  | 'importance_method_ignored'
  // Experience analyses.
  /** The peak (most intense touchpoint) is tied between touchpoints. */
  | 'peak_tie'
  /** The aggregate peak-end figures use only the respondents of the gap test. */
  | 'aggregate_respondents'
  /** The overall rating takes two values only: the model comparison is not given. */
  | 'binary_outcome'
  /** The prediction-model comparison could not be run. */
  | 'comparison_skipped'
  /** Respondents without the answers a prediction needs were excluded. */
  | 'respondents_excluded'
  /** The peak-end regression check could not be fitted. */
  | 'regression_failed'
  /** The test of the peak-end gap could not be run. */
  | 'gap_test'
  /** The cross-validated regression model was left out of the comparison. */
  | 'regression_model_skipped'
  /** The Wilcoxon signed-rank comparison could not be run. */
  | 'wilcoxon_skipped'
  /** The paired t comparison could not be run. */
  | 'paired_t_skipped'
  /** The Gestalt battery could not be run. */
  | 'gestalt_skipped'
  /** Respondents excluded from the Gestalt battery (too few touchpoints answered). */
  | 'gestalt_respondents_excluded'
  /** The Gestalt dependent-correlation tests could not be run. */
  | 'gestalt_correlation_skipped'
  /** The Gestalt cross-validation could not be run. */
  | 'gestalt_cv_skipped'
  /** The Gestalt feature importance could not be computed. */
  | 'gestalt_importance_skipped'
  /** The Gestalt feature importance is undefined on these journeys (features are combinations of one another). */
  | 'gestalt_importance_undefined'
  /** A binary outcome's mean is not on the touchpoints' scale: the aggregate gap is not given. */
  | 'aggregate_gap_not_comparable'
  /** A binary outcome: the Gestalt battery (linear models of a rating) is not run; not a failure. */
  | 'gestalt_not_for_binary'
  /** The Gestalt ordinal models could not be fitted. */
  | 'gestalt_ordinal_skipped'
  /** A touchpoint's key-driver coefficient is negative. */
  | 'negative_driver'
  /** A driver is statistically significant but too small to matter. */
  | 'significant_not_relevant'
  /** The penalty-reward analysis could not be run. */
  | 'penalty_reward_skipped'
  /** A penalty-reward box (low or high) is empty for a touchpoint. */
  | 'empty_box'
  /** A penalty-reward cell has fewer respondents than the minimum. */
  | 'small_cell'
  /** Rows whose segment value is missing belong to no group. */
  | 'segment_unassigned'
  /** A segment's driver interaction is aliased. */
  | 'segment_driver_aliased'
  /** The segment driver comparison could not be run. */
  | 'segment_drivers_skipped'
  /** A column has no answers to describe. */
  | 'no_answers'
  /** Inference was refused by rule (design or sample does not support it). */
  | 'inference_refused'
  // Streaming moments (scale/).
  /** The streamed OLS could not be computed. */
  | 'ols_unavailable'
  /** The streamed relative importance could not be computed. */
  | 'relative_importance_unavailable'
  /** The streamed peak-end accuracy could not be computed. */
  | 'peak_end_accuracy_unavailable'
  // Forensics.
  /** GRIM cannot detect anything at this sample size and precision. */
  | 'grim_uninformative'
  /** A published mean lies outside the scale. */
  | 'mean_outside_scale'
  /** The reconstruction allowed item nonresponse (blank answers). */
  | 'item_nonresponse';

/** A non-fatal condition found by an analysis or during ingest: a documented code and an English message. */
export interface Warning {
  readonly code: WarningCode;
  readonly message: string;
}

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
 * One cause behind repeated issues: every issue with the same code and the same offending value
 * (e.g. 4,202 cells holding 0 outside the scale 1-5), counted over all issues, not just the listed.
 */
export interface IssueCause {
  readonly code: IssueCode;
  /** The offending value as written (trimmed), or null when the cause is not one value (ragged rows). */
  readonly input: string | null;
  /** How many issues have this cause. */
  readonly count: number;
  /** The columns they occur in, in order of first appearance. */
  readonly columns: readonly string[];
  /** The first issue with this cause (row, line, full message). */
  readonly first: DataIssue;
  /** One line: how many, what, where, and the fix. */
  readonly summary: string;
}

/** How many distinct causes an {@link IssueTally} tracks; later new ones are counted together. */
const MAX_CAUSES = 200;
/** How many causes a message and {@link DataValidationError.causes} show; the rest are merged into one. */
export const MAX_LISTED_CAUSES = 8;

/**
 * Counts issues by cause while keeping only the first {@link MAX_LISTED_ISSUES} in full, so a
 * reader that finds millions of bad cells uses bounded memory and can still say what they were.
 */
export class IssueTally {
  readonly listed: DataIssue[] = [];
  total = 0;
  private readonly byKey = new Map<string, { first: DataIssue; count: number; columns: Set<string> }>();
  private overflow = 0;

  /** Records one issue. */
  add(found: DataIssue): void {
    this.total++;
    if (this.listed.length < MAX_LISTED_ISSUES) this.listed.push(found);
    const key = causeKey(found);
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      if (this.byKey.size >= MAX_CAUSES) {
        this.overflow++;
        return;
      }
      entry = { first: found, count: 0, columns: new Set() };
      this.byKey.set(key, entry);
    }
    entry.count++;
    if (found.path[1] !== null) entry.columns.add(found.path[1]);
  }

  /** The causes, most frequent first (ties in order of first appearance), at most {@link MAX_LISTED_CAUSES}. */
  causes(): IssueCause[] {
    const all = [...this.byKey.values()].map((e) => makeCause(e.first, e.count, [...e.columns]));
    return mergeTail(all, this.overflow);
  }
}

/**
 * The summary lines of a list of issues (one per cause), as {@link IssueTally} would give when
 * they are all the issues there are.
 */
export function summarizeIssues(issues: readonly DataIssue[]): IssueCause[] {
  const tally = new IssueTally();
  issues.forEach((i) => tally.add(i));
  return tally.causes();
}

/**
 * The input data is invalid. `issues` lists the first {@link MAX_LISTED_ISSUES} problems in input
 * order; `totalIssues` counts all of them; `causes` summarises all of them by cause (one line
 * each, most frequent first). The message leads with the causes when there is more than one issue.
 */
export class DataValidationError extends PeakEndError {
  readonly issues: readonly DataIssue[];
  readonly totalIssues: number;
  readonly causes: readonly IssueCause[];

  /**
   * @param issues the problems found (only the first {@link MAX_LISTED_ISSUES} are kept)
   * @param options.totalIssues how many there were in all, when the caller stopped collecting early
   * @param options.causes the causes counted over all of them (an {@link IssueTally}'s); by default
   *   summarised from `issues`
   */
  constructor(issues: readonly DataIssue[], options: PeakEndErrorOptions & { totalIssues?: number; causes?: readonly IssueCause[] } = {}) {
    const listed = issues.slice(0, MAX_LISTED_ISSUES);
    const total = Math.max(options.totalIssues ?? issues.length, issues.length);
    const causes = options.causes ?? summarizeIssues(issues);
    super('data_validation', describeIssues(listed, total, causes), options);
    this.issues = listed;
    this.totalIssues = total;
    this.causes = causes;
  }
}

/** A spec or option is malformed or names something that does not exist. */
export class InvalidArgumentError extends PeakEndError {
  /** @param options.code a more specific stable code (default `invalid_argument`) */
  constructor(message: string, options: PeakEndErrorOptions & { code?: string } = {}) {
    super(options.code ?? 'invalid_argument', message, options);
  }
}

/** Why {@link inferSurveySpec} refused to guess. */
export type InferenceRefusal = 'overall_ambiguous' | 'overall_unnamed' | 'text_outcome' | 'scale_ambiguous' | 'no_rating_columns';

/**
 * A choice the data does not decide (which column is the overall rating, what a text outcome's
 * answers score, whether 0 is an answer or "not applicable"), refused rather than guessed. The
 * message lists the candidates and the option that decides; the CLI exits with code 2.
 * `code` is `inference_refused`; `reason` says which choice; `candidates` lists the columns or
 * values to choose from.
 */
export class InferenceRefusedError extends InvalidArgumentError {
  readonly reason: InferenceRefusal;
  readonly candidates: readonly string[];

  constructor(reason: InferenceRefusal, message: string, candidates: readonly string[], options: PeakEndErrorOptions = {}) {
    super(message, { ...options, code: 'inference_refused' });
    this.reason = reason;
    this.candidates = candidates;
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

function describeIssues(listed: readonly DataIssue[], total: number, causes: readonly IssueCause[]): string {
  const first = listed[0];
  if (first === undefined) return 'Invalid survey data.';
  if (total === 1) return first.message;
  const more = ` (and ${formatCount(total - 1)} more issue${total > 2 ? 's' : ''}; see error.issues)`;
  return `${formatCount(total)} issues: ${causes.map((c) => c.summary).join('; ')}. First: ${first.message}${more}`;
}

/** 4202 -> "4,202" (the grouping is fixed, not locale-dependent, so messages are stable). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function causeKey(found: DataIssue): string {
  const input = causeInput(found);
  return `${found.code}\u0000${input ?? ''}\u0000${scaleOf(found) ?? ''}`;
}

/** The value a cause is about: the trimmed cell for cell-level codes, none for row- and file-level ones. */
function causeInput(found: DataIssue): string | null {
  if (found.code === 'out_of_scale' || found.code === 'unparseable_number' || found.code === 'invalid_weight') return found.input === null ? null : found.input.trim();
  return null;
}

/** "1-5" from a message such as '... is outside the scale 1-5; ...'. */
function scaleOf(found: DataIssue): string | null {
  return /(?:outside|on) the (?:integer )?scale (-?[\d.]+-?-?[\d.]+)/.exec(found.message)?.[1] ?? null;
}

/** Missing-value codes survey tools commonly use for "don't know", "refused", "no answer". */
const LIKELY_MISSING_CODE = /^(?:-\d+|9+|8+|7+|98|97|96|998|997|996)$/;

function makeCause(first: DataIssue, count: number, columns: string[]): IssueCause {
  const input = causeInput(first);
  const cells = `${formatCount(count)} cell${count === 1 ? '' : 's'}`;
  const where = columns.length === 0 ? '' : ` in ${columns.length} column${columns.length === 1 ? '' : 's'} (${listNames(columns)})`;
  const value = JSON.stringify(input ?? '');
  let summary: string;
  switch (first.code) {
    case 'out_of_scale': {
      const scale = scaleOf(first);
      const outside = scale === null ? 'outside the scale' : `outside ${scale}`;
      const shown = input ?? '';
      const fix =
        shown === '0'
          ? 'if 0 means not applicable, add it to the missing codes (--missing 0) or the not-applicable codes (--na 0)'
          : LIKELY_MISSING_CODE.test(shown)
            ? `if ${shown} means "don't know" or no answer, add it to the missing codes (--missing ${shown})`
            : 'correct the cells, or check the scale (--scale MIN-MAX)';
      summary = `${cells} ${count === 1 ? 'holds' : 'hold'} ${shown}, ${outside},${where}: ${fix}`;
      break;
    }
    case 'unparseable_number':
      summary = `${cells} ${count === 1 ? 'holds' : 'hold'} the text ${value}${where}: map it to a score (--labels '{${value}: SCORE}', the number it stands for) or add it to the missing codes (--missing ${input ?? ''})`;
      break;
    case 'non_integer':
      summary = `${cells} ${count === 1 ? 'holds a fraction' : 'hold fractions'} on an integer scale${where} (e.g. ${JSON.stringify(first.input ?? '')}): correct them, or set scale.integer to false`;
      break;
    case 'invalid_weight':
      summary = `${cells} ${count === 1 ? 'holds' : 'hold'} the weight ${value}${where}, not a non-negative number: correct or remove those rows`;
      break;
    case 'ragged_row':
      summary = `${formatCount(count)} row${count === 1 ? ' has' : 's have'} a different number of fields than the header (first: line ${first.line ?? '?'}): check for unquoted delimiters or the wrong --delimiter`;
      break;
    default:
      summary = count === 1 ? first.message.replace(/[.;]\s*$/, '') : `${formatCount(count)} ${first.code.replace(/_/g, ' ')} issues${where} (first: ${first.message.replace(/[.;]\s*$/, '')})`;
  }
  return { code: first.code, input, count, columns, first, summary };
}

/** Most frequent first; beyond {@link MAX_LISTED_CAUSES}, the rest merged into one line. */
function mergeTail(all: IssueCause[], overflow: number): IssueCause[] {
  const sorted = all
    .map((c, i) => [c, i] as const)
    .sort((a, b) => b[0].count - a[0].count || a[1] - b[1])
    .map(([c]) => c);
  if (sorted.length <= MAX_LISTED_CAUSES && overflow === 0) return sorted;
  const kept = sorted.slice(0, MAX_LISTED_CAUSES - 1);
  const rest = sorted.slice(MAX_LISTED_CAUSES - 1);
  const count = rest.reduce((s, c) => s + c.count, 0) + overflow;
  const first = rest[0]?.first ?? (kept.at(-1) as IssueCause).first;
  const columns = [...new Set(rest.flatMap((c) => c.columns))];
  const values = rest.length + (overflow > 0 ? 1 : 0);
  kept.push({
    code: first.code,
    input: null,
    count,
    columns,
    first,
    summary: `${formatCount(count)} more issue${count === 1 ? '' : 's'} with ${values}${overflow > 0 ? '+' : ''} other value${values === 1 ? '' : 's'} or causes (first: ${first.message.replace(/[.;]\s*$/, '')})`,
  });
  return kept;
}

function listNames(columns: readonly string[]): string {
  const shown = columns
    .slice(0, 6)
    .map((c) => `"${c}"`)
    .join(', ');
  return columns.length > 6 ? `${shown} and ${columns.length - 6} more` : shown;
}
