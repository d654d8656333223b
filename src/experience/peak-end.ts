/**
 * peakEnd: does the peak-end rule describe this survey? The study's aggregate method, each
 * respondent's own peak and end, and a fair comparison with averaging and other models.
 */
import { InsufficientDataError, InvalidArgumentError, PeakEndError } from '../errors.js';
import { LogitSubsetFitter } from '../importance/pseudo-r-squared-kernel.js';
import { type PairedTTestResult, tTestOfDifferences } from '../inference/paired-t-test.js';
import { type WilcoxonSignedRankResult, wilcoxonOfDifferences } from '../inference/wilcoxon-signed-rank.js';
import { assignFolds } from '../random/rng.js';
import { type LogisticResult, logisticRegression } from '../regression/logistic.js';
import type { OlsResult } from '../regression/ols.js';
import { olsOfColumns } from '../regression/ols-columns.js';
import { columnMean } from '../survey/column-mean.js';
import { modelData } from '../survey/model-data.js';
import type { SurveyRatings, Warning } from '../survey/survey.js';
import { type AggregatePeakEndResult, aggregatePeakEnd, argmaxEarliest, type PeakEndRule, type PeakRule, resolveRule } from './aggregate-peak-end.js';
import { type GestaltResult, gestaltOfFeatures } from './gestalt.js';
import { featureColumnsOfPass, type GestaltFeatureColumns } from './gestalt-features.js';
import { type BinaryPredictionAccuracy, binaryPredictionAccuracy, type PredictionAccuracy, predictionAccuracy } from './prediction-accuracy.js';
import { crossValidatedPredictions, type RespondentPass, type RespondentPassOptions, respondentPass } from './respondent-scores.js';

/** Options for {@link peakEnd}. */
export interface PeakEndOptions extends PeakEndRule {
  /** Confidence level of intervals. Default 0.95. */
  readonly level?: number;
  /** Folds of the cross-validated regression model. Default 10 (fewer when n is small). */
  readonly folds?: number;
  /** Seed of the fold assignment. Default 1. */
  readonly seed?: number;
  /**
   * Per respondent (survey row order), the touchpoints in the order that respondent met them;
   * touchpoints left out were skipped. With positions, each respondent's end is the last
   * touchpoint they answered in their own order. Cannot be combined with `end`.
   */
  readonly positions?: readonly (readonly string[])[];
  /** Include each respondent's prediction in the result. Default true. */
  readonly includePredictions?: boolean;
  /**
   * Run the Gestalt battery (`result.gestalt`, see {@link gestalt}): `true` (default), `false`, or
   * `{ ordinal: true }` to add the proportional-odds fits of the same models.
   */
  readonly gestalt?: boolean | { readonly ordinal?: boolean };
}

/**
 * The aggregate method plus a paired test of the gap, both on the same respondents: the peak and
 * end are chosen from the touchpoint means over all answers (as the study did), then the peak and
 * end means, the prediction, the observed mean, the gap and its test are computed over the `n`
 * respondents who answered the peak(s), the end and overall, so `gap` equals
 * `gapTest.meanDifference`.
 */
export interface AggregateWithTest extends Omit<AggregatePeakEndResult, 'gap'> {
  /** Respondents who answered the peak(s), the end and overall: those behind every figure here. */
  readonly n: number;
  /**
   * The study's figures with each mean over its own answers (respondents mixed), equal to
   * `prediction`, `observed` and `gap` when nobody skipped the peak, the end or overall.
   */
  readonly allAnswers: { readonly prediction: number; readonly observed: number; readonly gap: number | null };
  /**
   * Paired t test of d_i = w * x_peak,i + (1 - w) * x_end,i - overall_i over the same `n`
   * respondents (null when fewer than 2 or all d_i equal, and for a binary outcome).
   */
  readonly gapTest: PairedTTestResult | null;
  /**
   * prediction - observed; null for a binary outcome, whose observed mean (the share of the
   * positive class) is not on the touchpoints' scale.
   */
  readonly gap: number | null;
}

/** The per-respondent method. */
export interface RespondentPeakEnd {
  /** Respondents with a prediction and an overall rating. */
  readonly n: number;
  /** Respondents left out (no overall rating, no answered touchpoint, or the end unanswered). */
  readonly excluded: number;
  /** Respondents whose own peak was tied between different values (earliest in their order used). */
  readonly ambiguousPeaks: number;
  /** Respondents with at least one not-applicable touchpoint (a partial journey). */
  readonly partialJourneys: number;
  /**
   * Respondents for whom the last touchpoint was not applicable, so their end is the last one they
   * experienced (0 when `end` is given).
   */
  readonly earlierEnd: number;
  /**
   * Rating outcome: MAE, RMSE, bias, correlation of the prediction. Binary outcome: log-loss and
   * Brier score of the prediction calibrated to a probability (cross-validated logistic
   * regression of the outcome on it) and the AUC of the prediction itself.
   */
  readonly accuracy: PredictionAccuracy | BinaryPredictionAccuracy;
  /** Prediction per survey row (null when not computable); present unless includePredictions is false. */
  readonly predictions?: readonly (number | null)[];
}

/** Names of the compared models. */
export type PredictionModel = 'peak-end' | 'mean' | 'end' | 'peak' | 'min' | 'max' | 'first' | 'regression';

/**
 * One model's accuracy in the comparison (binary measures for a binary outcome). `model` is a
 * code; the presenters name it in words (`'regression'` is OLS for a rating, logistic regression
 * for a binary outcome, cross-validated either way).
 */
export type ModelAccuracy = (PredictionAccuracy | BinaryPredictionAccuracy) & {
  readonly model: PredictionModel;
};

/**
 * The comparison's verdict on peak-end against averaging, by one rule: `'identical'` when the two
 * models' errors cannot be told apart at all (no test possible), `'no-clear-difference'` when the
 * Wilcoxon signed-rank p-value is at least `alpha`, otherwise `'peak-end-worse'` or
 * `'peak-end-better'` by the accuracy measure.
 */
export type PeakEndVerdictCode = 'peak-end-better' | 'peak-end-worse' | 'no-clear-difference' | 'identical';

/** The verdict code and the numbers it rests on; the presenters put it in words. */
export interface PeakEndVerdict {
  readonly code: PeakEndVerdictCode;
  /** The accuracy measure compared: mean absolute error (rating outcome) or log-loss (binary outcome). */
  readonly measure: 'mean-absolute-error' | 'log-loss';
  /** The measure of model 'peak-end' (null when that model could not be scored). */
  readonly peakEnd: number | null;
  /** The measure of model 'mean' (averaging the touchpoints; null when it could not be scored). */
  readonly mean: number | null;
  /** Wilcoxon signed-rank p-value of the paired per-respondent errors (null when no test ran). */
  readonly pValue: number | null;
  /** Significance level of the rule. */
  readonly alpha: number;
  /** Respondents compared. */
  readonly n: number;
}

/** Peak-end against the other models on the same respondents. */
export interface ModelComparison {
  /** Respondents who answered every touchpoint and overall. */
  readonly n: number;
  readonly folds: number;
  readonly seed: number;
  /** Sorted by mean absolute error (log-loss for a binary outcome), best first. */
  readonly models: readonly ModelAccuracy[];
  /** Paired tests of |error of peak-end| against |error of the mean model|. */
  readonly wilcoxon: WilcoxonSignedRankResult | null;
  readonly pairedT: PairedTTestResult | null;
  /** Peak-end against averaging: a code and the numbers behind it (words: the presenters). */
  readonly verdict: PeakEndVerdict;
}

/** Result of {@link peakEnd}. */
export interface PeakEndResult {
  readonly method: 'peak-end';
  /** 'binary' when the survey's outcome is binary (accuracy by log-loss, Brier score and AUC). */
  readonly outcome: 'rating' | 'binary';
  readonly rule: PeakRule;
  readonly weight: number;
  readonly level: number;
  readonly aggregate: AggregateWithTest;
  readonly respondents: RespondentPeakEnd;
  /**
   * Null when skipped: fewer than 3 complete respondents, or a two-valued overall *rating*, where
   * rating predictions scored by MAE against 0/1-like answers mean nothing (warning
   * `binary_outcome`; declare the outcome `type: 'binary'` to compare the models by log-loss,
   * Brier score and AUC instead).
   */
  readonly comparison: ModelComparison | null;
  /**
   * The study's check: overall regressed on the peak and end touchpoints (complete cases); OLS, or
   * for a binary outcome logistic regression (log-odds).
   */
  readonly regression: OlsResult | LogisticResult | null;
  /**
   * The research-standard battery on each respondent's Gestalt features: nested models, partial F
   * tests, Williams' test of dependent correlations, LMG and a verdict code (null when skipped,
   * with a `gestalt_skipped` warning saying why; for a binary outcome, the logistic battery;
   * or when `gestalt: false`).
   */
  readonly gestalt: GestaltResult | null;
  readonly warnings: readonly Warning[];
}

/**
 * Tests the peak-end rule on a survey.
 *
 * - **Aggregate** (the Zhijiang study's method): the rule applied to the touchpoint means (each
 *   over its answered cells), with a paired t test of the gap over respondents.
 * - **Per respondent**: each respondent's own peak (same rule, earliest touchpoint on ties) and
 *   end, prediction w * peak + (1 - w) * end, and its MAE, RMSE, bias and correlation against
 *   their overall rating.
 * - **Comparison** on respondents who answered everything: peak-end against the mean of all
 *   touchpoints, end only, peak only, minimum, maximum, first, and an OLS regression on all
 *   touchpoints evaluated by seeded k-fold cross-validation (so it is not flattered by fitting);
 *   Wilcoxon signed-rank and paired t tests of the absolute errors of peak-end against averaging,
 *   and a verdict code with the numbers it rests on (the presenters word it).
 * - **Regression check**: overall on the peak and end touchpoints, with full OLS inference.
 *
 * Reference: Kahneman et al. (1993); Redelmeier & Kahneman (1996); Alaybek, Dalal, Fyffe et al.
 * (2022) meta-analysis. See docs/methods.md.
 *
 * @example
 * ```ts
 * const result = peakEnd(zhijiang); // the bundled reconstruction, fixtures/zhijiang
 * result.aggregate.prediction; // 4.625: brand image 4.82, meeting 4.43 on the 44 who answered both and overall
 * result.aggregate.allAnswers.prediction; // 4.64, the study's figure (each mean over its own answers)
 * result.comparison?.verdict.code; // 'no-clear-difference' (MAE 0.64 vs 0.76, Wilcoxon p = 0.21, n = 43)
 * ```
 * @throws InvalidArgumentError for invalid options (unknown end touchpoint, weight outside [0, 1]).
 * @throws InsufficientDataError when no respondent has both a prediction and an overall rating.
 */
export function peakEnd(survey: SurveyRatings, options: PeakEndOptions = {}): PeakEndResult {
  return peakEndHandingOff(survey, options, null);
}

/** How {@link peakEndHandingOff} walks, and where the walk's features go. Internal. */
export interface PeakEndHooks {
  /**
   * Receives the Gestalt features of the walk as soon as it is done (null when the battery is off,
   * or under `positions`, where the battery walks on its own); the battery is then left to the
   * caller.
   */
  readonly handOff: (features: GestaltFeatureColumns | null) => void;
  /** Runs the walk in place of `respondentPass`, with the same result (e.g. split between threads). */
  readonly walk: (columns: readonly Float64Array[], n: number, options: RespondentPassOptions) => RespondentPass;
}

/**
 * {@link peakEnd} with `hooks`: the walk runs through `hooks.walk` with its arrays in shared
 * memory, its Gestalt features go to `hooks.handOff`, and the battery is left to the caller: the
 * result's `gestalt` is null, its warnings stop before the battery's, and {@link runGestalt} on
 * those features gives what peakEnd would have added. With `hooks` null, this is peakEnd.
 * Internal: a helper thread runs it while the calling thread runs the battery (analyzeParallel).
 */
export function peakEndHandingOff(survey: SurveyRatings, options: PeakEndOptions, hooks: PeakEndHooks | null): PeakEndResult {
  const names = survey.touchpoints.map((t) => t.column);
  const { rule, weight, endIndex } = resolveRule(names, options);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  if (options.positions !== undefined && options.end !== undefined) {
    throw new InvalidArgumentError('Give either end (one end touchpoint for everyone) or positions (each respondent ends at their last answered touchpoint), not both.');
  }
  const columns = names.map((c) => survey.ratings.get(c) as Float64Array);
  const overall = survey.ratings.get(survey.overall) as Float64Array;
  const neutral = survey.spec.scale.neutral;
  const binary = survey.spec.outcome.type === 'binary';
  const warnings: Warning[] = [];

  // The per-respondent walk in journey order, by column in one pass (respondent-scores.ts), which
  // also gives the comparison models their summaries and, in journey order, the Gestalt battery
  // its features. First, so that a helper thread hands the features over as early as it can (the
  // walk throws nothing and warns of nothing, so the results and their order are the same).
  const notApplicable = names.map((c) => survey.notApplicable.get(c) ?? null);
  const withFeatures = options.gestalt !== false && options.positions === undefined;
  const walk = hooks?.walk ?? respondentPass;
  const pass = walk(columns, survey.n, { rule, neutral, weight, endIndex, notApplicable, walkBackEnd: options.end === undefined, features: withFeatures, shared: hooks !== null });
  const features = pass.features === null ? null : featureColumnsOfPass(pass, pass.features, rule, neutral);
  hooks?.handOff(features);

  const { aggregate, peakIndices } = aggregateMethod(names, columns, overall, { rule, weight, neutral, endIndex, level, binary }, options, warnings);

  // Per-respondent method; with positions, row by row.
  const orders = options.positions === undefined ? null : positionOrders(options.positions, names, survey.n);
  const byPosition = orders === null ? null : predictionsByPosition(columns, orders, notApplicable, ruleScore(rule, neutral), weight);
  const predictions = byPosition?.predictions ?? pass.predictions;
  const folds = options.folds ?? 10;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(folds) || folds < 2) throw new InvalidArgumentError(`folds must be an integer of at least 2, got ${options.folds}.`);
  const respondents = respondentResult(predictions, overall, byPosition ?? pass, binary ? { folds, seed } : null, options.includePredictions ?? true, warnings);

  const comparison = compareModels(columns, overall, predictions, pass, options, warnings, binary);
  const regression = peakEndRegression(survey, [...new Set([...peakIndices, endIndex])], binary, level, warnings);

  // A binary outcome gets the battery's logistic models and likelihood-ratio tests (gestalt.ts).
  const gestaltResult = options.gestalt === false || hooks !== null ? null : runGestalt(survey, options, features, warnings);

  return {
    method: 'peak-end',
    outcome: binary ? 'binary' : 'rating',
    rule,
    weight,
    level,
    aggregate,
    respondents,
    comparison,
    regression,
    gestalt: gestaltResult,
    warnings,
  };
}

/**
 * The aggregate method: the moments chosen on all answers (each touchpoint's mean over its own
 * answers), the figures and the gap test on the respondents who answered them all. For a binary
 * outcome the gap is not comparable and is left out, with a warning.
 */
function aggregateMethod(
  names: readonly string[],
  columns: readonly Float64Array[],
  overall: Float64Array,
  settings: { readonly rule: PeakRule; readonly weight: number; readonly neutral: number; readonly endIndex: number; readonly level: number; readonly binary: boolean },
  options: PeakEndOptions,
  warnings: Warning[],
): { aggregate: AggregateWithTest; peakIndices: number[] } {
  const { rule, weight, neutral, endIndex, level, binary } = settings;
  const means = names.map((touchpoint, j) => ({ touchpoint, mean: columnMean(columns[j] as Float64Array) }));
  const allAnswers = aggregatePeakEnd(means, columnMean(overall), { peak: rule, weight, neutral, ...(options.end !== undefined && { end: options.end }) });
  warnings.push(...allAnswers.warnings);
  const peakIndices = allAnswers.peaks.map((p) => names.indexOf(p.touchpoint));
  const sameRows = sameRespondents(allAnswers, peakIndices, columns[endIndex] as Float64Array, columns, overall, level, binary ? [] : warnings);
  const aggregate: AggregateWithTest = binary ? { ...sameRows, gap: null, allAnswers: { ...sameRows.allAnswers, gap: null }, gapTest: null } : sameRows;
  if (binary) {
    warnings.push({
      code: 'aggregate_gap_not_comparable',
      message: `The outcome is binary: its mean (the share in the positive class, ${aggregate.observed.toFixed(3)}) is not on the touchpoints' scale, so the aggregate gap and its test are not computed; the per-respondent comparison uses log-loss, Brier score and AUC.`,
    });
  }
  return { aggregate, peakIndices };
}

/**
 * With `positions`: each respondent's prediction in their own order, row by row, the end being
 * the last touchpoint they answered (NaN for a respondent with no answer), and the counts of
 * ambiguous peaks and partial journeys.
 */
function predictionsByPosition(
  columns: readonly Float64Array[],
  orders: readonly (readonly number[])[],
  notApplicable: readonly (Uint8Array | null)[],
  ruleOf: readonly ((v: number) => number)[],
  weight: number,
): { predictions: Float64Array; ambiguousPeaks: number; partialJourneys: number; earlierEnd: number } {
  const n = orders.length;
  const predictions = new Float64Array(n).fill(Number.NaN);
  let ambiguousPeaks = 0;
  let partialJourneys = 0;
  const row = new Float64Array(columns.length);
  for (let i = 0; i < n; i++) {
    const order = orders[i] as readonly number[];
    if (notApplicable.some((flags) => flags?.[i] === 1)) partialJourneys++;
    const answered = order.filter((j) => !Number.isNaN((columns[j] as Float64Array)[i] as number));
    if (answered.length === 0) continue;
    // The end is the last touchpoint the respondent experienced and answered.
    const endJ = answered[answered.length - 1] as number;
    const endValue = (columns[endJ] as Float64Array)[i] as number;
    if (Number.isNaN(endValue)) continue;
    answered.forEach((j, k) => {
      row[k] = (columns[j] as Float64Array)[i] as number;
    });
    const values = row.subarray(0, answered.length);
    const peaks = ruleOf.map((score) => argmaxEarliest(values, score));
    if (peaks.some((p) => p.tied.some((t) => values[t] !== values[p.index]))) ambiguousPeaks++;
    const peakTerm = peaks.reduce((s, p) => s + (values[p.index] as number), 0) / peaks.length;
    predictions[i] = weight * peakTerm + (1 - weight) * endValue;
  }
  // The end is each respondent's own last answer, so it never walks back to an earlier one.
  return { predictions, ambiguousPeaks, partialJourneys, earlierEnd: 0 };
}

/**
 * The per-respondent result: the predictions' accuracy against the overall rating (calibrated by
 * cross-validation for a binary outcome: `binaryFolds`), the respondents left out and the counts,
 * with a warning for each respondent left out and each ambiguous peak.
 */
function respondentResult(
  predictions: Float64Array,
  overall: Float64Array,
  counts: { readonly ambiguousPeaks: number; readonly partialJourneys: number; readonly earlierEnd: number },
  binaryFolds: { readonly folds: number; readonly seed: number } | null,
  includePredictions: boolean,
  warnings: Warning[],
): RespondentPeakEnd {
  const { ambiguousPeaks, partialJourneys, earlierEnd } = counts;
  const respondentAccuracy = binaryFolds !== null ? calibratedAccuracy(predictions, overall, binaryFolds.folds, binaryFolds.seed) : predictionAccuracy(predictions, overall);
  const excluded = predictions.length - respondentAccuracy.n;
  if (excluded > 0) {
    warnings.push({
      code: 'respondents_excluded',
      message: `${excluded} respondent${excluded === 1 ? '' : 's'} had no overall rating or no answered end touchpoint and ${excluded === 1 ? 'was' : 'were'} left out of the per-respondent method.`,
    });
  }
  if (ambiguousPeaks > 0) {
    warnings.push({
      code: 'peak_tie',
      message: `${ambiguousPeaks} respondent${ambiguousPeaks === 1 ? '' : 's'} had equally intense moments with different ratings (one as far above neutral as another is below); the earliest in journey order was taken as their peak.`,
    });
  }
  return {
    n: respondentAccuracy.n,
    excluded,
    ambiguousPeaks,
    partialJourneys,
    earlierEnd,
    accuracy: respondentAccuracy,
    ...(includePredictions && { predictions: Array.from(predictions, (v) => (Number.isNaN(v) ? null : v)) }),
  };
}

/** The study's regression check: overall on the peak touchpoint(s) and the end touchpoint (logistic for a 0/1 outcome); null with a warning when it fails. */
function peakEndRegression(survey: SurveyRatings, regressors: readonly number[], binary: boolean, level: number, warnings: Warning[]): OlsResult | LogisticResult | null {
  const names = survey.touchpoints.map((t) => t.column);
  return tryFit(
    () => {
      const data = modelData(survey, { predictors: regressors.map((j) => names[j] as string), weighted: false });
      // A 0/1 outcome gets the logistic fit (log-odds), not a linear probability model.
      return binary ? logisticRegression(data.X, data.y, { names: data.names, level, positive: 1 }) : olsOfColumns(data.columns, data.y, { names: data.names, level });
    },
    'regression_failed',
    warnings,
  );
}

/** The aggregate figures and the gap test over the respondents who answered the peak(s), the end and overall. */
function sameRespondents(
  allAnswers: AggregatePeakEndResult,
  peakIndices: readonly number[],
  end: Float64Array,
  columns: readonly Float64Array[],
  overall: Float64Array,
  level: number,
  warnings: Warning[],
): AggregateWithTest {
  const weight = allAnswers.weight;
  const peakColumns = peakIndices.map((j) => columns[j] as Float64Array);
  const all = new Uint32Array(overall.length);
  let count = 0;
  const peakCount = peakColumns.length;
  for (let i = 0; i < overall.length; i++) {
    if (Number.isNaN(overall[i] as number) || Number.isNaN(end[i] as number)) continue;
    let answered = true;
    for (let t = 0; t < peakCount; t++) if (Number.isNaN((peakColumns[t] as Float64Array)[i] as number)) answered = false;
    if (answered) all[count++] = i;
  }
  const rows = all.subarray(0, count);
  const n = rows.length;
  if (n === 0) {
    throw new InsufficientDataError(
      `No respondent answered the peak (${allAnswers.peaks.map((p) => `"${p.touchpoint}"`).join(', ')}), the end ("${allAnswers.end.touchpoint}") and overall, so the peak-end gap cannot be computed on anyone.`,
    );
  }
  const meanOver = (column: Float64Array): number => {
    let sum = 0;
    for (let r = 0; r < n; r++) sum += column[rows[r] as number] as number;
    return sum / n;
  };
  const peaks = allAnswers.peaks.map((p, k) => ({ ...p, mean: meanOver(columns[peakIndices[k] as number] as Float64Array) }));
  const endMoment = { ...allAnswers.end, mean: meanOver(end) };
  const peak = peaks.find((p) => p.touchpoint === allAnswers.peak.touchpoint && p.kind === allAnswers.peak.kind) as (typeof peaks)[number];
  const prediction = weight * (peaks.reduce((s, p) => s + p.mean, 0) / peaks.length) + (1 - weight) * endMoment.mean;
  const observed = meanOver(overall);
  const d = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const i = rows[r] as number;
    let peakSum = 0;
    for (let t = 0; t < peakCount; t++) peakSum += (peakColumns[t] as Float64Array)[i] as number;
    d[r] = weight * (peakSum / peakCount) + (1 - weight) * (end[i] as number) - (overall[i] as number);
  }
  const gapTest = tryTest(() => tTestOfDifferences(d, level), 'gap_test', warnings);
  const skipped = overall.length - n;
  if (skipped > 0 && (allAnswers.prediction !== prediction || allAnswers.observed !== observed)) {
    warnings.push({
      code: 'aggregate_respondents',
      message: `The peak-end gap and its test use the ${n} respondents who answered the peak, the end and overall (${skipped} others skipped one of them); with each mean over its own answers the prediction would be ${allAnswers.prediction.toFixed(2)} against ${allAnswers.observed.toFixed(2)}, mixing respondents.`,
    });
  }
  return {
    ...allAnswers,
    peak,
    peaks,
    end: endMoment,
    prediction,
    observed,
    gap: prediction - observed,
    warnings: allAnswers.warnings,
    n,
    allAnswers: { prediction: allAnswers.prediction, observed: allAnswers.observed, gap: allAnswers.gap },
    gapTest,
  };
}

function compareModels(
  columns: readonly Float64Array[],
  overall: Float64Array,
  peakEndPredictions: Float64Array,
  pass: RespondentPass,
  options: PeakEndOptions,
  warnings: Warning[],
  binary: boolean,
): ModelComparison | null {
  // modelData's complete cases (every touchpoint and overall answered) with a prediction.
  const rows = completeRows(pass.answered, columns.length, overall, peakEndPredictions);
  const n = rows.length;
  const outcomes = new Set<number>();
  for (const v of overall) if (!Number.isNaN(v) && outcomes.add(v).size > 2) break;
  if (!binary && outcomes.size === 2) {
    const [a, b] = [...outcomes].sort((x, y) => x - y);
    warnings.push({
      code: 'binary_outcome',
      message: `The overall rating takes only two values (${a} and ${b}): predicting it with ratings and scoring by mean absolute error would compare unlike things, so the model comparison and its verdict are not given. Analyse a two-valued outcome with a measure fit for it (e.g. a logistic model).`,
    });
    return null;
  }
  if (n < 3) {
    warnings.push({ code: 'comparison_skipped', message: `Only ${n} respondents answered every touchpoint and overall; the model comparison needs at least 3.` });
    return null;
  }
  // Values at the complete rows (a loop: Float64Array.from with a function is slow at 10^6 rows).
  const all = n === overall.length;
  const at = (values: Float64Array): Float64Array => {
    if (all) return values; // every respondent is a complete row: the arrays themselves (read only)
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) out[r] = values[rows[r] as number] as number;
    return out;
  };
  const observed = at(overall);
  const predictions = new Map<PredictionModel, Float64Array>();
  predictions.set('peak-end', at(peakEndPredictions));
  // On complete rows the pass's summaries are the mean, peak (the rule over all touchpoints), min
  // and max models' predictions.
  predictions.set('mean', at(pass.mean));
  predictions.set('end', at(columns[columns.length - 1] as Float64Array));
  predictions.set('peak', at(pass.peak));
  predictions.set('min', at(pass.min));
  predictions.set('max', at(pass.max));
  predictions.set('first', at(columns[0] as Float64Array));
  if (options.positions !== undefined) predictions.delete('end');
  const folds = Math.min(options.folds ?? 10, n);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(folds) || folds < 2) throw new InvalidArgumentError(`folds must be an integer of at least 2, got ${options.folds}.`);
  if (binary) return compareBinaryModels(columns.map(at), observed, predictions, folds, seed, options, warnings);
  const cv = tryFit(() => crossValidatedPredictions(columns, overall, rows, folds, seed), 'regression_model_skipped', warnings);
  if (cv !== null) predictions.set('regression', cv);
  const models = [...predictions.entries()].map(([model, p]) => ({ model, ...predictionAccuracy(p, observed) })).sort((a, b) => a.meanAbsoluteError - b.meanAbsoluteError);
  // Each respondent's absolute error under peak-end minus that under averaging, the pairs both tests read.
  const peakEndPrediction = predictions.get('peak-end') as Float64Array;
  const meanPrediction = predictions.get('mean') as Float64Array;
  const differences = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const o = observed[r] as number;
    differences[r] = Math.abs((peakEndPrediction[r] as number) - o) - Math.abs((meanPrediction[r] as number) - o);
  }
  const wilcoxon = tryTest(() => wilcoxonOfDifferences(differences), 'wilcoxon_skipped', warnings);
  const pairedT = tryTest(() => tTestOfDifferences(differences, options.level), 'paired_t_skipped', warnings);
  const maePe = (models.find((m) => m.model === 'peak-end') as PredictionAccuracy).meanAbsoluteError;
  const maeMean = (models.find((m) => m.model === 'mean') as PredictionAccuracy).meanAbsoluteError;
  return { n, folds, seed, models, wilcoxon, pairedT, verdict: verdictOf('mean-absolute-error', maePe, maeMean, wilcoxon, n) };
}

/** Significance level of the verdict rule. */
const VERDICT_ALPHA = 0.05;

/** The verdict rule (see {@link PeakEndVerdictCode}): one rule for both measures. */
function verdictOf(measure: PeakEndVerdict['measure'], peakEnd: number | null, mean: number | null, test: WilcoxonSignedRankResult | null, n: number): PeakEndVerdict {
  const code: PeakEndVerdictCode =
    test === null ? 'identical' : test.pValue >= VERDICT_ALPHA ? 'no-clear-difference' : (peakEnd ?? Number.NaN) > (mean ?? Number.NaN) ? 'peak-end-worse' : 'peak-end-better';
  return { code, measure, peakEnd, mean, pValue: test?.pValue ?? null, alpha: VERDICT_ALPHA, n };
}

/** The survey rows where overall and every touchpoint were answered and the prediction exists. */
function completeRows(answered: Int32Array, k: number, overall: Float64Array, predictions: Float64Array): Uint32Array {
  const rows = new Uint32Array(overall.length);
  let n = 0;
  for (let i = 0; i < overall.length; i++) {
    if (answered[i] === k && !Number.isNaN(overall[i] as number) && !Number.isNaN(predictions[i] as number)) rows[n++] = i;
  }
  return rows.slice(0, n);
}

/**
 * Binary outcome: each model's score calibrated to a probability by out-of-fold logistic
 * regression of the outcome on it (the regression model: logistic regression on all touchpoints,
 * out of fold), judged by log-loss, Brier score and the AUC of the score; paired tests of the
 * per-respondent log-losses of peak-end and averaging.
 */
function compareBinaryModels(
  X: readonly Float64Array[],
  observed: Float64Array,
  scores: Map<PredictionModel, Float64Array>,
  folds: number,
  seed: number,
  options: PeakEndOptions,
  warnings: Warning[],
): ModelComparison {
  const n = observed.length;
  const fold = assignFolds(n, folds, seed);
  const probabilities = new Map<PredictionModel, Float64Array>();
  for (const [model, score] of scores) {
    const p = tryFit(() => crossValidatedLogistic([score], observed, fold, folds), 'calibration_skipped', warnings);
    if (p !== null) probabilities.set(model, p);
  }
  const regression = tryFit(() => crossValidatedLogistic(X, observed, fold, folds), 'regression_model_skipped', warnings);
  if (regression !== null) {
    probabilities.set('regression', regression);
    scores.set('regression', regression);
  }
  const models: ModelAccuracy[] = [...probabilities.entries()]
    .map(([model, p]) => ({
      model,
      ...binaryPredictionAccuracy(p, observed, scores.get(model) as Float64Array),
    }))
    .sort((a, b) => a.logLoss - b.logLoss);
  const losses = (p: Float64Array): Float64Array => p.map((q, r) => -Math.log(Math.min(1 - 1e-15, Math.max(1e-15, (observed[r] as number) === 1 ? q : 1 - q))));
  const pe = probabilities.get('peak-end');
  const avg = probabilities.get('mean');
  // Each respondent's log-loss under peak-end minus that under averaging, the pairs both tests read.
  const minus = (a: Float64Array, b: Float64Array): Float64Array => a.map((v, r) => v - (b[r] as number));
  const paired = pe && avg ? minus(losses(pe), losses(avg)) : null;
  const wilcoxon = paired === null ? null : tryTest(() => wilcoxonOfDifferences(paired), 'wilcoxon_skipped', warnings);
  const pairedT = paired === null ? null : tryTest(() => tTestOfDifferences(paired, options.level), 'paired_t_skipped', warnings);
  const lossOf = (model: PredictionModel): number | null => (models.find((m) => m.model === model) as BinaryPredictionAccuracy | undefined)?.logLoss ?? null;
  return { n, folds, seed, models, wilcoxon, pairedT, verdict: verdictOf('log-loss', lossOf('peak-end'), lossOf('mean'), wilcoxon, n) };
}

/**
 * Per-respondent accuracy for a binary outcome: the predictions (on the touchpoints' scale)
 * calibrated to probabilities by out-of-fold logistic regression, log-loss and Brier score of
 * those, AUC of the predictions themselves.
 */
function calibratedAccuracy(predictions: Float64Array, outcome: Float64Array, folds: number, seed: number): BinaryPredictionAccuracy {
  const rows: number[] = [];
  for (let i = 0; i < outcome.length; i++) if (!Number.isNaN(predictions[i] as number) && !Number.isNaN(outcome[i] as number)) rows.push(i);
  if (rows.length === 0) throw new InsufficientDataError('peakEnd: no respondent has both a prediction and an observed outcome.');
  const score = Float64Array.from(rows, (i) => predictions[i] as number);
  const y = Float64Array.from(rows, (i) => outcome[i] as number);
  const k = Math.min(folds, rows.length);
  return binaryPredictionAccuracy(crossValidatedLogistic([score], y, assignFolds(rows.length, k, seed), k), y, score);
}

/** Out-of-fold probabilities of a logistic regression of `y` (0/1) on `columns`. */
function crossValidatedLogistic(columns: readonly Float64Array[], y: Float64Array, fold: Int32Array, folds: number): Float64Array {
  const n = y.length;
  const out = new Float64Array(n);
  const names = columns.map((_, j) => `x${j + 1}`);
  const cols = columns.map((_, j) => j);
  for (let f = 0; f < folds; f++) {
    const train: number[] = [];
    for (let i = 0; i < n; i++) if (fold[i] !== f) train.push(i);
    const events = train.reduce((s, i) => s + (y[i] as number), 0);
    if (events === 0 || events === train.length) throw new InsufficientDataError(`Fold ${f + 1} of ${folds} has only one outcome class among its training rows; the logistic calibration needs both.`);
    const fitter = new LogitSubsetFitter(
      columns.map((c) => Float64Array.from(train, (i) => c[i] as number)),
      names,
      Float64Array.from(train, (i) => y[i] as number),
      null,
    );
    const { beta } = fitter.fit(cols, null);
    for (let i = 0; i < n; i++) {
      if (fold[i] !== f) continue;
      let eta = beta[0] as number;
      for (let j = 0; j < columns.length; j++) eta += (beta[j + 1] as number) * ((columns[j] as Float64Array)[i] as number);
      out[i] = 1 / (1 + Math.exp(-eta));
    }
  }
  return out;
}

function ruleScore(rule: PeakRule, neutral: number): ((v: number) => number)[] {
  switch (rule) {
    case 'max':
      return [(v) => v];
    case 'min':
      return [(v) => -v];
    case 'both':
      return [(v) => v, (v) => -v];
    default:
      return [(v) => Math.abs(v - neutral)];
  }
}

function positionOrders(positions: readonly (readonly string[])[], names: readonly string[], n: number): number[][] {
  if (positions.length !== n) throw new InvalidArgumentError(`positions must list one order per respondent (${n}), got ${positions.length}.`);
  const index = new Map(names.map((name, j) => [name, j]));
  return positions.map((order, i) =>
    order.map((name) => {
      const j = index.get(name);
      if (j === undefined) throw new InvalidArgumentError(`positions[${i}] names "${name}", which is not a touchpoint.`);
      return j;
    }),
  );
}

function tryTest<T>(fn: () => T, code: string, warnings: Warning[]): T | null {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InsufficientDataError) {
      warnings.push({ code, message: error.message });
      return null;
    }
    throw error;
  }
}

function tryFit<T>(fn: () => T, code: string, warnings: Warning[]): T | null {
  try {
    return fn();
  } catch (error) {
    if (error instanceof PeakEndError && !(error instanceof InvalidArgumentError)) {
      warnings.push({ code, message: error.message });
      return null;
    }
    throw error;
  }
}

/**
 * The Gestalt battery with this call's rule, weight, level, folds, seed and positions, as
 * {@link peakEnd} runs it last: its warnings are appended to `warnings`. `features` are the
 * respondents' features from peakEnd's own walk, or null to compute them (the same values).
 * Internal: analyzeParallel runs it beside {@link peakEndHandingOff}.
 */
export function runGestalt(survey: SurveyRatings, options: PeakEndOptions, features: GestaltFeatureColumns | null, warnings: Warning[]): GestaltResult | null {
  const result = tryFit(
    () =>
      gestaltOfFeatures(
        survey,
        {
          ...(options.peak !== undefined && { peak: options.peak }),
          ...(options.weight !== undefined && { weight: options.weight }),
          ...(options.level !== undefined && { level: options.level }),
          ...(options.folds !== undefined && { folds: options.folds }),
          ...(options.seed !== undefined && { seed: options.seed }),
          ...(options.positions !== undefined && { positions: options.positions }),
          ...(typeof options.gestalt === 'object' && options.gestalt.ordinal !== undefined && { ordinal: options.gestalt.ordinal }),
        },
        features,
      ),
    'gestalt_skipped',
    warnings,
  );
  if (result !== null) warnings.push(...result.warnings.filter((w) => w.code !== 'peak_tie'));
  return result;
}
