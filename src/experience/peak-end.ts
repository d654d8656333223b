/**
 * peakEnd: does the peak-end rule describe this survey? The study's aggregate method, each
 * respondent's own peak and end, and a fair comparison with averaging and other models.
 */
import { InsufficientDataError, InvalidArgumentError, PeakEndError } from '../errors.js';
import { pairedTTest, type PairedTTestResult } from '../inference/paired-t-test.js';
import { wilcoxonSignedRank, type WilcoxonSignedRankResult } from '../inference/wilcoxon-signed-rank.js';
import { createRng } from '../random/rng.js';
import { ols, type OlsResult } from '../regression/ols.js';
import { columnMean } from '../survey/column-mean.js';
import { modelData } from '../survey/model-data.js';
import type { Survey, Warning } from '../survey/survey.js';
import { aggregatePeakEnd, argmaxEarliest, resolveRule, type AggregatePeakEndResult, type PeakEndRule, type PeakRule } from './aggregate-peak-end.js';
import { predictionAccuracy, type PredictionAccuracy } from './prediction-accuracy.js';

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
}

/** The aggregate method plus a paired test of the gap over respondents. */
export interface AggregateWithTest extends AggregatePeakEndResult {
  /**
   * Paired t test of d_i = w * x_peak,i + (1 - w) * x_end,i - overall_i over respondents who
   * answered the peak(s), the end and overall (null when fewer than 2 or all d_i equal).
   */
  readonly gapTest: PairedTTestResult | null;
}

/** The per-respondent method. */
export interface RespondentPeakEnd {
  /** Respondents with a prediction and an overall rating. */
  readonly n: number;
  /** Respondents left out (no overall rating, no answered touchpoint, or the end unanswered). */
  readonly excluded: number;
  /** Respondents whose own peak was tied between different values (earliest in their order used). */
  readonly ambiguousPeaks: number;
  readonly accuracy: PredictionAccuracy;
  /** Prediction per survey row (null when not computable); present unless includePredictions is false. */
  readonly predictions?: readonly (number | null)[];
}

/** Names of the compared models. */
export type PredictionModel = 'peak-end' | 'mean' | 'end' | 'peak' | 'min' | 'max' | 'first' | 'regression';

/** One model's accuracy in the comparison. */
export interface ModelAccuracy extends PredictionAccuracy {
  readonly model: PredictionModel;
  readonly description: string;
}

/** Peak-end against the other models on the same respondents. */
export interface ModelComparison {
  /** Respondents who answered every touchpoint and overall. */
  readonly n: number;
  readonly folds: number;
  readonly seed: number;
  /** Sorted by mean absolute error, best first. */
  readonly models: readonly ModelAccuracy[];
  /** Paired tests of |error of peak-end| against |error of the mean model|. */
  readonly wilcoxon: WilcoxonSignedRankResult | null;
  readonly pairedT: PairedTTestResult | null;
  /** Plain-language verdict with its evidence. */
  readonly verdict: string;
}

/** Result of {@link peakEnd}. */
export interface PeakEndResult {
  readonly method: 'peak-end';
  readonly rule: PeakRule;
  readonly weight: number;
  readonly level: number;
  readonly aggregate: AggregateWithTest;
  readonly respondents: RespondentPeakEnd;
  readonly comparison: ModelComparison | null;
  /** The study's check: overall regressed on the peak and end touchpoints (complete cases). */
  readonly regression: OlsResult | null;
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
 *   and a verdict in words.
 * - **Regression check**: overall on the peak and end touchpoints, with full OLS inference.
 *
 * Reference: Kahneman et al. (1993); Redelmeier & Kahneman (1996); Alaybek, Dalal, Fyffe et al.
 * (2022) meta-analysis. See docs/methods.md.
 *
 * @example
 * ```ts
 * const result = peakEnd(zhijiangSurvey);
 * result.aggregate.prediction;       // 4.64 (brand image 4.82, meeting 4.46)
 * result.comparison?.verdict;        // 'no clear difference between peak-end and averaging here (MAE 0.74 vs 0.79, Wilcoxon signed-rank p = 0.42, n = 43).'
 * ```
 * @throws InvalidArgumentError for invalid options (unknown end touchpoint, weight outside [0, 1]).
 * @throws InsufficientDataError when no respondent has both a prediction and an overall rating.
 */
export function peakEnd(survey: Survey, options: PeakEndOptions = {}): PeakEndResult {
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
  const warnings: Warning[] = [];

  // Aggregate method.
  const means = names.map((touchpoint, j) => ({ touchpoint, mean: columnMean(columns[j] as Float64Array) }));
  const aggregate = aggregatePeakEnd(means, columnMean(overall), { peak: rule, weight, neutral, ...(options.end !== undefined && { end: options.end }) });
  warnings.push(...aggregate.warnings);
  const peakIndices = aggregate.peaks.map((p) => names.indexOf(p.touchpoint));
  const gap = new Float64Array(survey.n);
  for (let i = 0; i < survey.n; i++) {
    const peakTerm = peakIndices.reduce((s, j) => s + ((columns[j] as Float64Array)[i] as number), 0) / peakIndices.length;
    gap[i] = weight * peakTerm + (1 - weight) * ((columns[endIndex] as Float64Array)[i] as number) - (overall[i] as number);
  }
  const gapTest = tryTest(() => pairedTTest(gap, new Float64Array(survey.n), { level }), 'gap_test', warnings);

  // Per-respondent method.
  const ruleOf = ruleScore(rule, neutral);
  const orders = options.positions === undefined ? null : positionOrders(options.positions, names, survey.n);
  const predictions = new Float64Array(survey.n).fill(Number.NaN);
  let ambiguousPeaks = 0;
  const row = new Float64Array(names.length);
  for (let i = 0; i < survey.n; i++) {
    const order = orders === null ? null : (orders[i] as number[]);
    const seen = order ?? names.map((_, j) => j);
    const answered = seen.filter((j) => !Number.isNaN((columns[j] as Float64Array)[i] as number));
    if (answered.length === 0) continue;
    const endJ = order === null ? endIndex : (answered[answered.length - 1] as number);
    const endValue = (columns[endJ] as Float64Array)[i] as number;
    if (Number.isNaN(endValue)) continue;
    answered.forEach((j, k) => (row[k] = (columns[j] as Float64Array)[i] as number));
    const values = row.subarray(0, answered.length);
    const peaks = ruleOf.map((score) => argmaxEarliest(values, score));
    if (peaks.some((p) => p.tied.some((t) => values[t] !== values[p.index]))) ambiguousPeaks++;
    const peakTerm = peaks.reduce((s, p) => s + (values[p.index] as number), 0) / peaks.length;
    predictions[i] = weight * peakTerm + (1 - weight) * endValue;
  }
  const respondentAccuracy = predictionAccuracy(predictions, overall);
  const excluded = survey.n - respondentAccuracy.n;
  if (excluded > 0) {
    warnings.push({ code: 'respondents_excluded', message: `${excluded} respondent${excluded === 1 ? '' : 's'} had no overall rating or no answered end touchpoint and ${excluded === 1 ? 'was' : 'were'} left out of the per-respondent method.` });
  }
  if (ambiguousPeaks > 0) {
    warnings.push({ code: 'peak_tie', message: `${ambiguousPeaks} respondent${ambiguousPeaks === 1 ? '' : 's'} had equally intense moments with different ratings (one as far above neutral as another is below); the earliest in journey order was taken as their peak.` });
  }
  const includePredictions = options.includePredictions ?? true;
  const respondents: RespondentPeakEnd = {
    n: respondentAccuracy.n,
    excluded,
    ambiguousPeaks,
    accuracy: respondentAccuracy,
    ...(includePredictions && { predictions: Array.from(predictions, (v) => (Number.isNaN(v) ? null : v)) }),
  };

  const comparison = compareModels(survey, columns, overall, predictions, ruleOf, options, warnings);

  // The study's regression check: overall on the peak touchpoint(s) and the end touchpoint.
  const regressors = [...new Set([...peakIndices, endIndex])];
  const regression = tryFit(
    () => {
      const data = modelData(survey, { predictors: regressors.map((j) => names[j] as string), weighted: false });
      return ols(data.X, Array.from(data.y), { names: data.names, level });
    },
    'regression_failed',
    warnings,
  );

  return {
    method: 'peak-end',
    rule,
    weight,
    level,
    aggregate: { ...aggregate, gapTest },
    respondents,
    comparison,
    regression,
    warnings,
  };
}

const MODEL_DESCRIPTIONS: Record<PredictionModel, string> = {
  'peak-end': 'peak-end rule (own peak and end)',
  mean: 'mean of all touchpoints',
  end: 'end touchpoint only',
  peak: 'peak touchpoint only',
  min: 'worst touchpoint',
  max: 'best touchpoint',
  first: 'first touchpoint',
  regression: 'OLS on all touchpoints (cross-validated)',
};

function compareModels(
  survey: Survey,
  columns: readonly Float64Array[],
  overall: Float64Array,
  peakEndPredictions: Float64Array,
  ruleOf: readonly ((v: number) => number)[],
  options: PeakEndOptions,
  warnings: Warning[],
): ModelComparison | null {
  const k = columns.length;
  const rows = Array.from(modelData(survey, { weighted: false }).rows).filter((i) => !Number.isNaN(peakEndPredictions[i] as number));
  const n = rows.length;
  if (n < 3) {
    warnings.push({ code: 'comparison_skipped', message: `Only ${n} respondents answered every touchpoint and overall; the model comparison needs at least 3.` });
    return null;
  }
  const observed = Float64Array.from(rows, (i) => overall[i] as number);
  const X = rows.map((i) => columns.map((c) => c[i] as number));
  const predictions = new Map<PredictionModel, Float64Array>();
  predictions.set('peak-end', Float64Array.from(rows, (i) => peakEndPredictions[i] as number));
  predictions.set('mean', Float64Array.from(X, (x) => x.reduce((a, b) => a + b, 0) / k));
  predictions.set('end', Float64Array.from(rows, (_, r) => (X[r] as number[])[k - 1] as number));
  predictions.set('peak', Float64Array.from(X, (x) => ruleOf.reduce((s, score) => s + (x[argmaxEarliest(x, score).index] as number), 0) / ruleOf.length));
  predictions.set('min', Float64Array.from(X, (x) => Math.min(...x)));
  predictions.set('max', Float64Array.from(X, (x) => Math.max(...x)));
  predictions.set('first', Float64Array.from(X, (x) => x[0] as number));
  if (options.positions !== undefined) predictions.delete('end');
  const folds = Math.min(options.folds ?? 10, n);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(folds) || folds < 2) throw new InvalidArgumentError(`folds must be an integer of at least 2, got ${options.folds}.`);
  const cv = tryFit(() => crossValidatedOls(X, observed, folds, seed), 'regression_model_skipped', warnings);
  if (cv !== null) predictions.set('regression', cv);
  const models: ModelAccuracy[] = [...predictions.entries()]
    .map(([model, p]) => ({ model, description: MODEL_DESCRIPTIONS[model], ...predictionAccuracy(p, observed) }))
    .sort((a, b) => a.meanAbsoluteError - b.meanAbsoluteError);
  const absErr = (p: Float64Array): Float64Array => p.map((v, r) => Math.abs(v - (observed[r] as number)));
  const pe = absErr(predictions.get('peak-end') as Float64Array);
  const avg = absErr(predictions.get('mean') as Float64Array);
  const wilcoxon = tryTest(() => wilcoxonSignedRank(pe, avg), 'wilcoxon_skipped', warnings);
  const pairedT = tryTest(() => pairedTTest(pe, avg, options.level === undefined ? {} : { level: options.level }), 'paired_t_skipped', warnings);
  const maePe = (models.find((m) => m.model === 'peak-end') as ModelAccuracy).meanAbsoluteError;
  const maeMean = (models.find((m) => m.model === 'mean') as ModelAccuracy).meanAbsoluteError;
  return { n, folds, seed, models, wilcoxon, pairedT, verdict: verdict(maePe, maeMean, wilcoxon, n) };
}

/** Formats a p-value for prose: "p < 0.001" or "p = 0.042". */
export function formatPValue(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

function verdict(maePe: number, maeMean: number, test: WilcoxonSignedRankResult | null, n: number): string {
  const evidence = `MAE ${maePe.toFixed(2)} vs ${maeMean.toFixed(2)}`;
  if (test === null) return `peak-end and averaging predict identically here (${evidence}, n = ${n}).`;
  const stats = `${evidence}, Wilcoxon signed-rank ${formatPValue(test.pValue)}, n = ${n}`;
  if (test.pValue >= 0.05) return `no clear difference between peak-end and averaging here (${stats}).`;
  return maePe > maeMean ? `peak-end predicts worse than averaging here: ${stats}.` : `peak-end predicts better than averaging here: ${stats}.`;
}

/** Out-of-fold OLS predictions with a seeded random assignment of rows to `folds` folds. */
function crossValidatedOls(X: readonly number[][], y: Float64Array, folds: number, seed: number): Float64Array {
  const n = y.length;
  const rng = createRng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const fold = new Int32Array(n);
  order.forEach((row, position) => (fold[row] = position % folds));
  const out = new Float64Array(n);
  for (let f = 0; f < folds; f++) {
    const trainX: number[][] = [];
    const trainY: number[] = [];
    for (let i = 0; i < n; i++) {
      if (fold[i] !== f) {
        trainX.push(X[i] as number[]);
        trainY.push(y[i] as number);
      }
    }
    const fit = ols(trainX, trainY);
    const coefficients = fit.coefficients.map((c) => ('estimate' in c && typeof c.estimate === 'number' ? c.estimate : 0));
    for (let i = 0; i < n; i++) {
      if (fold[i] !== f) continue;
      const x = X[i] as number[];
      out[i] = x.reduce((s, v, j) => s + v * (coefficients[j + 1] as number), coefficients[0] as number);
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
