/**
 * keyDrivers: what drives overall satisfaction, touchpoint by touchpoint, through every standard
 * lens: the regression, relative importance (with bootstrap intervals), key moments, pain points
 * and hygiene factors, importance-performance quadrants and penalty-reward factors.
 */
import { ConvergenceError, InvalidArgumentError } from '../errors.js';
import { type BootstrapImportanceResult, bootstrapImportance } from '../importance/bootstrap.js';
import { type PseudoRSquaredMeasure, type PseudoRSquaredShapleyResult, pseudoRSquaredShapley } from '../importance/pseudo-r-squared-shapley.js';
import { rankDescending } from '../importance/rank.js';
import { type ImportanceMethod, type RelativeImportanceResult, relativeImportance, relativeImportanceOfColumns } from '../importance/relative-importance.js';
import { crossProductsOfColumns } from '../linalg/cross-product.js';
import { type LogisticResult, logisticRegression } from '../regression/logistic.js';
import { type CovarianceType, CROSS_PRODUCT_MIN_ROWS, type OlsCoefficient, type OlsResult } from '../regression/ols.js';
import { olsOfColumns } from '../regression/ols-columns.js';
import { type OrdinalResult, ordinalLogit } from '../regression/ordinal.js';
import { columnMean } from '../survey/column-mean.js';
import { withCovariates } from '../survey/covariates.js';
import { type MissingDataMethod, type MissingDataSummary, missingDataSummary, modelData } from '../survey/model-data.js';
import type { Survey, Warning } from '../survey/survey.js';
import { aggregatePeakEnd, type PeakEndRule } from './aggregate-peak-end.js';
import { type IpaResult, importancePerformance, type Quadrant } from './ipa.js';
import { type FactorType, type PenaltyRewardResult, penaltyRewardOfData } from './penalty-reward.js';

/** Options for {@link keyDrivers}. */
export interface KeyDriversOptions {
  /**
   * The model whose coefficients and p-values decide key moments: 'ols' (default for a rating,
   * NPS or numeric outcome, as the study), 'ordinal' (proportional odds on the overall rating's
   * categories) or 'logistic' (default for a binary outcome; a rating is dichotomised at
   * `positiveAtLeast`). For a rating, importance comes from the OLS R-squared whatever the model;
   * for a binary outcome (or `nps: 'promoter'`) it is the Shapley value of a pseudo-R-squared.
   */
  readonly model?: 'ols' | 'ordinal' | 'logistic';
  /**
   * An NPS outcome (0-10 likelihood to recommend) as 'rating' (default: drivers of the 0-10
   * answer, OLS and LMG) or 'promoter' (promoter 9-10 vs not, as a binary outcome).
   */
  readonly nps?: 'rating' | 'promoter';
  /** Binary outcome: the pseudo-R-squared decomposed into importance. Default 'mcfadden'. */
  readonly pseudoRSquared?: PseudoRSquaredMeasure;
  /**
   * Binary outcome: the decomposition from seeded random orderings (with Monte Carlo standard
   * errors) instead of all subsets; used automatically beyond 12 touchpoints.
   */
  readonly sampling?: { readonly permutations: number; readonly seed: number };
  /** For model 'logistic': ratings at or above this count as satisfied. Default max - 1 (top-2-box). */
  readonly positiveAtLeast?: number;
  /** Covariance of the regression's standard errors. Default 'classical'. */
  readonly covariance?: CovarianceType;
  /** Significance level for key moments. Default 0.05. */
  readonly alpha?: number;
  /**
   * Relative-importance method for importance and the IPA grid (rating outcomes), as
   * relativeImportance's `method` (the result's `importance.method`). Default 'lmg'.
   */
  readonly importanceMethod?: Exclude<ImportanceMethod, 'dominance'>;
  /**
   * @deprecated Use `importanceMethod` (same values); `importance` still works in this release, with
   * a `deprecated_option` warning, and will be removed in the next minor release.
   */
  readonly importance?: Exclude<ImportanceMethod, 'dominance'>;
  /** Journey stages as groups for a grouped LMG (reported in `stageImportance`). */
  readonly stages?: Readonly<Record<string, readonly string[]>>;
  /** Bootstrap intervals for the importance (off unless given). */
  readonly bootstrap?: { readonly replicates?: number; readonly seed?: number; readonly onProgress?: (p: { completed: number; total: number }) => void };
  /**
   * @deprecated Use `highPerformance`: `crosshair: 'means'` is `highPerformance: 'means'`,
   * `crosshair: 'scale'` is `highPerformance: 'scale'` (a `deprecated_option` warning says so).
   */
  readonly crosshair?: 'means' | 'scale';
  /**
   * The one definition of high performance, used alike by the pain-point and hygiene flags and
   * the IPA performance crosshair: `'scale'` (default) halfway between the neutral point and the
   * top of the scale (4 on 1-5, "satisfied"; 5.5 on 1-7; 7.5 on 0-10), `'means'` the mean of the
   * touchpoint means (data-centred), or a mean rating.
   */
  readonly highPerformance?: number | 'scale' | 'means';
  /**
   * Practical relevance a key moment needs besides significance: its importance must be at least
   * this share of R-squared. It is also the IPA importance crosshair. Default 1 / (2k), half an
   * equal share of the k touchpoints.
   */
  readonly minImportanceShare?: number;
  /** Peak-end rule for the peak and end flags. */
  readonly peakEnd?: PeakEndRule;
  /** Use the survey weights (WLS, weighted correlations) when the survey has them. Default true. */
  readonly weighted?: boolean;
  /**
   * Unanswered touchpoints: 'complete-cases' (default) leaves out respondents with any; 'dummy-adjustment'
   * keeps every respondent with an outcome, filling each touchpoint's unanswered cells with its mean and
   * adding a "<column> not answered" indicator (see `modelData`). With it, LMG importance treats each
   * touchpoint and its indicator as one player.
   */
  readonly missingData?: MissingDataMethod;
  /**
   * Adjustment covariates kept in every model (spec `covariates` or segment columns): a column of
   * numbers as it is, a text column dummy-coded against its first level. Their coefficients are in
   * the regression; importance is shared among the touchpoints only (relaimpo's `always`: R^2 -
   * R^2(controls)), and shares and the relevance threshold are of that part. Rating outcomes, LMG.
   */
  readonly controls?: readonly string[];
}

/** The classification of one touchpoint. */
export interface TouchpointDriver {
  readonly touchpoint: string;
  readonly label: string;
  readonly zh: string | null;
  readonly en: string | null;
  /** Mean rating over its answered cells. */
  readonly performance: number;
  /** Coefficient of the chosen model (latent scale or log-odds for ordinal/logistic); null when aliased. */
  readonly estimate: number | null;
  readonly stdError: number | null;
  readonly pValue: number | null;
  readonly significant: boolean;
  /** Relative importance on the R-squared scale (the pseudo-R-squared's for a binary outcome). */
  readonly importance: number;
  /** Importance with the sign of the full-model coefficient. */
  readonly signedImportance: number;
  /** Importance as a share of R-squared. */
  readonly importanceShare: number;
  /** Importance at least `minImportanceShare` of R-squared: practically relevant. */
  readonly relevant: boolean;
  /** 1 = most important. */
  readonly importanceRank: number;
  readonly quadrant: Quadrant;
  readonly penaltyRewardFactor: FactorType | null;
  readonly flags: {
    readonly peak: boolean;
    readonly end: boolean;
    /** A significant, positive and practically relevant driver of overall satisfaction. */
    readonly keyMoment: boolean;
    /** A key moment whose performance is below the high-performance level. */
    readonly painPoint: boolean;
    /** High performance but not a driver: expected, not rewarded (Herzberg's hygiene factor). */
    readonly hygiene: boolean;
  };
}

/** Result of {@link keyDrivers}. */
export interface KeyDriversResult {
  readonly method: 'key-drivers';
  /**
   * What was modelled: 'rating' (a rating, NPS or numeric outcome as a number), 'binary' (a binary
   * outcome), 'promoter' (an NPS outcome as promoter vs not).
   */
  readonly outcome: 'rating' | 'binary' | 'promoter';
  readonly model: 'ols' | 'ordinal' | 'logistic';
  /** The ordinal or logistic fit when `model` is not 'ols' (null otherwise). */
  readonly modelFit: OrdinalResult | LogisticResult | null;
  readonly alpha: number;
  /** The high-performance level (a mean rating) of the flags and the IPA performance crosshair. */
  readonly highPerformance: number;
  /** Where it came from: the scale (`'scale'`), the mean of the touchpoint means, or given. */
  readonly highPerformanceRule: 'scale' | 'means' | 'fixed';
  /** Share of R-squared a key moment needs (and the IPA importance crosshair, as a share). */
  readonly minImportanceShare: number;
  /** Respondents used by the regression and the importance measures. */
  readonly n: number;
  /** How the model data were formed: missing-data method, rows used, rows left out and why, indicators. */
  readonly missingData: MissingDataSummary;
  /** OLS of the outcome on the touchpoints (for a binary outcome: the linear probability model). */
  readonly regression: OlsResult;
  /**
   * Importance per touchpoint: relativeImportance (LMG by default) for a rating; for a binary
   * outcome the Shapley decomposition of McFadden's pseudo-R-squared (`rSquared` the full
   * logistic model's), a touchpoint and its "not answered" indicator one player.
   */
  readonly importance: RelativeImportanceResult | PseudoRSquaredShapleyResult;
  readonly stageImportance: RelativeImportanceResult | PseudoRSquaredShapleyResult | null;
  readonly bootstrap: BootstrapImportanceResult | null;
  readonly ipa: IpaResult;
  readonly penaltyReward: PenaltyRewardResult | null;
  readonly touchpoints: readonly TouchpointDriver[];
  readonly warnings: readonly Warning[];
}

/**
 * Key-driver analysis of a survey: overall satisfaction regressed on all touchpoints (OLS with
 * full inference, complete cases), relative importance of each touchpoint (LMG by default; signs
 * taken from the full-model coefficients), optional bootstrap intervals, and per touchpoint the
 * classification the Zhijiang study uses:
 *
 * - `keyMoment`: significant (p < alpha) with a positive coefficient, and practically relevant:
 *   importance at least `minImportanceShare` of R-squared (default 1/(2k)), since at large n
 *   almost every touchpoint is significant;
 * - `painPoint`: a key moment whose mean is below the high-performance level;
 * - `hygiene`: mean at or above the high-performance level but not a key moment;
 * - `peak`, `end`: the peak-end rule's moments on the touchpoint means;
 * - `quadrant`: Martilla & James's importance-performance grid, with its crosshairs at the same
 *   two levels (high performance, relevant importance), so a pain point is always "concentrate
 *   here" and a key moment never "low priority";
 * - `penaltyRewardFactor`: basic / performance / excitement (or insufficient data) from
 *   penalty-reward analysis.
 *
 * Outcome types (the spec's `overall.type`): a rating, NPS (0-10) or numeric outcome is analysed
 * as above. A binary outcome (or an NPS outcome with `nps: 'promoter'`, promoter 9-10 vs not) is
 * fitted by logistic regression (`modelFit`, as R's glm(binomial); key moments from its Wald
 * tests) and `importance` is the Shapley value of McFadden's pseudo-R-squared over the
 * touchpoints (`pseudoRSquaredShapley`; `rSquared` the full model's), exact up to 12 touchpoints;
 * `regression` is then the linear probability model and `bootstrap` is not computed.
 * `missingData: 'dummy-adjustment'` keeps every respondent with an outcome (see `modelData`):
 * coefficients stay under each touchpoint's column and a touchpoint and its "not answered"
 * indicator are one player of the importance. `n` and `missingData` state the respondents used
 * and why the others were left out.
 *
 * @example
 * ```ts
 * const drivers = keyDrivers(zhijiang); // the bundled Zhijiang reconstruction, 7 touchpoints on 1-5
 * drivers.touchpoints.filter((t) => t.flags.keyMoment).map((t) => t.touchpoint); // ['delivery', 'meeting']
 * drivers.touchpoints.filter((t) => t.flags.painPoint).map((t) => t.touchpoint); // ['delivery']
 * [drivers.highPerformance, drivers.minImportanceShare];                         // [4, 0.0714...] (1/14)
 * // fixtures/airline: satisfaction as { type: 'binary', positive: ['satisfied'] }, notApplicable [0]
 * const airline = keyDrivers(airlineSurvey, { missingData: 'dummy-adjustment' });
 * airline.model;                   // 'logistic'
 * airline.importance.rSquared;     // 0.3369 (McFadden), the sum of airline.importance.importance
 * ```
 * @throws InvalidArgumentError for bad options; InsufficientDataError and RankDeficientError from
 *   the regression and importance measures; ConvergenceError 'separation' when, with a binary
 *   outcome and dummy adjustment, a "not answered" indicator separates the outcome.
 */
export function keyDrivers(survey: Survey, options: KeyDriversOptions = {}): KeyDriversResult {
  const settings = keyDriverSettings(survey, options);
  const { alpha, minImportanceShare, performanceOption, highPerformanceRule, requestedMethod, method, outcome, binary } = settings;
  const { scale } = survey.spec;
  const k = survey.touchpoints.length;
  const names = survey.touchpoints.map((t) => t.column);
  const columns = names.map((c) => survey.ratings.get(c) as Float64Array);
  const overall = survey.ratings.get(survey.overall) as Float64Array;
  const weighted = (options.weighted ?? true) && survey.weights !== null;
  const prepared = keyDriverData(survey, options, settings, weighted, names);
  const { data, byColumn, yColumn } = prepared;

  const regression = olsOfColumns(data.columns, yColumn, { ...byColumn, ...(options.covariance && { covariance: options.covariance }) }, prepared.products);
  const { model, modelFit } = fitOutcomeModel(survey, options, binary, prepared);
  const warnings: Warning[] = deprecationWarnings(options);
  if (binary && requestedMethod !== undefined) {
    warnings.push({
      code: 'importance_method_ignored',
      message: `importanceMethod: '${requestedMethod}' decomposes an OLS R-squared; for a binary outcome importance is the Shapley value of the logistic model's pseudo-R-squared.`,
    });
  }
  const { importance, stageImportance, bootstrap } = touchpointImportance(options, binary, method, prepared, warnings);
  warnings.unshift(...data.warnings, ...(binary ? [] : regression.warnings), ...(modelFit?.warnings ?? []), ...importance.warnings);

  const performance = columns.map(columnMean);
  const aggregate = aggregatePeakEnd(
    names.map((touchpoint, j) => ({ touchpoint, mean: performance[j] as number })),
    columnMean(overall),
    { ...options.peakEnd, neutral: scale.neutral },
  );
  // One definition of high performance and of relevant importance for the flags and the quadrants.
  const highPerformance =
    typeof performanceOption === 'number' ? performanceOption : performanceOption === 'means' ? performance.reduce((s, v) => s + v, 0) / k : scale.neutral + (scale.max - scale.neutral) / 2;
  // With controls, the touchpoints share R^2 - R^2(controls): shares and relevance are of that part.
  const shared = importance.rSquared - ('rSquaredAlways' in importance ? (importance.rSquaredAlways ?? 0) : 0);
  const minImportance = minImportanceShare * shared;
  const ipa = importancePerformance(
    names.map((touchpoint, j) => ({ touchpoint, performance: performance[j] as number, importance: importance.importance[touchpoint] as number })),
    { performanceCrosshair: highPerformance, importanceCrosshair: minImportance },
  );
  let pr: PenaltyRewardResult | null = null;
  try {
    // On an unweighted survey with complete cases, penalty-reward's data are the regression's own.
    const completeCases = survey.weights === null && prepared.data.method === 'complete-cases' && prepared.always.length === 0 ? prepared.data : null;
    pr = penaltyRewardOfData(survey, { weighted }, completeCases);
  } catch (error) {
    warnings.push({ code: 'penalty_reward_skipped', message: `Penalty-reward analysis was skipped: ${(error as Error).message}` });
  }
  const touchpoints = classifyTouchpoints(survey, {
    coefficients: (modelFit ?? regression).coefficients,
    alpha,
    importance: importance.importance,
    shared,
    minImportance,
    performance,
    highPerformance,
    quadrants: ipa.points,
    penaltyReward: pr,
    peaks: new Set(aggregate.peaks.map((p) => p.touchpoint)),
    end: aggregate.end.touchpoint,
  });
  warnings.push(...classificationWarnings(touchpoints, minImportanceShare));
  return {
    method: 'key-drivers',
    outcome,
    model,
    modelFit,
    alpha,
    highPerformance,
    highPerformanceRule,
    minImportanceShare,
    n: regression.n,
    missingData: missingDataSummary(data),
    regression,
    importance,
    stageImportance,
    bootstrap,
    ipa,
    penaltyReward: pr,
    touchpoints,
    warnings,
  };
}

/** The options of {@link keyDrivers} checked, with their defaults and the kind of outcome. */
function keyDriverSettings(survey: Survey, options: KeyDriversOptions) {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new InvalidArgumentError(`alpha must be between 0 and 1, got ${alpha}.`);
  const k = survey.touchpoints.length;
  const minImportanceShare = options.minImportanceShare ?? 1 / (2 * k);
  if (!(minImportanceShare >= 0 && minImportanceShare <= 1)) throw new InvalidArgumentError(`minImportanceShare must be between 0 and 1 (a share of R-squared), got ${minImportanceShare}.`);
  const performanceOption = options.highPerformance ?? options.crosshair ?? 'scale';
  if (typeof performanceOption === 'number' ? !Number.isFinite(performanceOption) : performanceOption !== 'scale' && performanceOption !== 'means') {
    throw new InvalidArgumentError(`highPerformance must be 'scale', 'means' or a mean rating, got ${JSON.stringify(performanceOption)}.`);
  }
  const highPerformanceRule: KeyDriversResult['highPerformanceRule'] = typeof performanceOption === 'number' ? 'fixed' : performanceOption;
  if (options.importance !== undefined && options.importanceMethod !== undefined && options.importance !== options.importanceMethod) {
    throw new InvalidArgumentError(`Give importanceMethod only (importance is its deprecated name); got importanceMethod '${options.importanceMethod}' and importance '${options.importance}'.`);
  }
  const requestedMethod = options.importanceMethod ?? options.importance;
  const method = requestedMethod ?? 'lmg';
  const outcomeSpec = survey.spec.outcome;
  if (options.nps !== undefined && !['rating', 'promoter'].includes(options.nps)) throw new InvalidArgumentError(`nps must be 'rating' or 'promoter', got ${JSON.stringify(options.nps)}.`);
  if (options.nps === 'promoter' && outcomeSpec.type !== 'nps')
    throw new InvalidArgumentError(`nps: 'promoter' needs an NPS outcome (overall type 'nps'); "${survey.overall}" is of type '${outcomeSpec.type}'.`);
  const outcome: KeyDriversResult['outcome'] = outcomeSpec.type === 'binary' ? 'binary' : outcomeSpec.type === 'nps' && options.nps === 'promoter' ? 'promoter' : 'rating';
  const binary = outcome !== 'rating';
  return { alpha, minImportanceShare, performanceOption, highPerformanceRule, requestedMethod, method, outcome, binary };
}

/** The model data of {@link keyDrivers} (with controls), the outcome as modelled and the importance players. */
function keyDriverData(survey: Survey, options: KeyDriversOptions, settings: ReturnType<typeof keyDriverSettings>, weighted: boolean, names: readonly string[]) {
  const { binary, method, outcome } = settings;
  const controls = options.controls ?? [];
  const base = modelData(survey, { weighted, ...(options.missingData !== undefined && { missingData: options.missingData }) });
  const data = controls.length === 0 ? base : withCovariates(survey, base, controls);
  const always = data.names.slice(base.names.length);
  if (always.length > 0 && (binary || method !== 'lmg')) {
    throw new InvalidArgumentError(
      `controls apply to LMG importance of a rating outcome; ${binary ? `"${survey.overall}" is a binary outcome` : `importanceMethod is '${method}'`} (remove controls, or use importanceMethod 'lmg').`,
    );
  }
  // By column where the analysis allows (no rows built); data.X only for the ordinal, logistic and
  // pseudo-R-squared models, the bootstrap and importance with controls kept in every model.
  const byColumn = { names: data.names, ...(data.weights !== null && { weights: data.weights }) };
  // Promoter vs not: 9-10 on the 0-10 scale.
  const yColumn = outcome === 'promoter' ? Float64Array.from(data.y, (v) => (v >= 9 ? 1 : 0)) : data.y;
  // The typed arrays themselves (read only) for the row-based models: no copy of a million values.
  const y: Float64Array = yColumn;
  const weights = data.weights === null ? undefined : data.weights;
  const common = { names: data.names, ...(weights && { weights }) };
  // Dummy adjustment: a touchpoint and its "not answered" indicator are one LMG player.
  const indicatorOf = new Map(data.indicators.map((d) => [d.column, d.indicator]));
  const touchpointGroups = indicatorOf.size > 0 && method === 'lmg' ? Object.fromEntries(names.map((c) => [c, [c, ...(indicatorOf.has(c) ? [indicatorOf.get(c) as string] : [])]])) : undefined;
  const stages =
    options.stages === undefined || indicatorOf.size === 0
      ? options.stages
      : Object.fromEntries(Object.entries(options.stages).map(([stage, members]) => [stage, members.flatMap((c) => [c, ...(indicatorOf.has(c) ? [indicatorOf.get(c) as string] : [])])]));
  // A binary outcome: importance is the Shapley value of the logistic model's pseudo-R-squared,
  // with a touchpoint and its "not answered" indicator as one player (groups always, since the
  // importance is per touchpoint whatever the measure).
  const dummyGroups = indicatorOf.size > 0 ? Object.fromEntries(names.map((c) => [c, [c, ...(indicatorOf.has(c) ? [indicatorOf.get(c) as string] : [])]])) : undefined;
  // From 10,000 rows the regression and the importance share one pass: the centred cross-products
  // of the touchpoints and the outcome (the fit's own, bit for bit; the correlations from them).
  const products =
    data.n >= CROSS_PRODUCT_MIN_ROWS && (data.weights === null || data.weights.every((v) => v > 0)) ? crossProductsOfColumns(data.columns, yColumn, data.weights, null, data.n, true) : null;
  return { data, always, byColumn, yColumn, y, common, touchpointGroups, stages, dummyGroups, products };
}

/** The ordinal or logistic model that decides key moments when `model` is not 'ols' (null for 'ols'). */
function fitOutcomeModel(
  survey: Survey,
  options: KeyDriversOptions,
  binary: boolean,
  { data, y, common }: ReturnType<typeof keyDriverData>,
): { model: KeyDriversResult['model']; modelFit: OrdinalResult | LogisticResult | null } {
  const model = options.model ?? (binary ? 'logistic' : 'ols');
  if (!['ols', 'ordinal', 'logistic'].includes(model)) throw new InvalidArgumentError(`model must be 'ols', 'ordinal' or 'logistic', got ${JSON.stringify(model)}.`);
  const outcomeScale = survey.spec.outcome.scale ?? survey.spec.scale;
  const cut = options.positiveAtLeast ?? outcomeScale.max - 1;
  if (model === 'logistic' && binary) checkIndicatorSeparation(data, y);
  const modelFit: OrdinalResult | LogisticResult | null =
    model === 'ordinal'
      ? ordinalLogit(data.X, y, { ...common, ...(binary ? { levels: [0, 1] } : outcomeScale.integer && { levels: integerLevels(outcomeScale.min, outcomeScale.max) }) })
      : model === 'logistic'
        ? logisticRegression(data.X, binary ? y : y.map((v) => (Number.isNaN(v) ? Number.NaN : v >= cut ? 1 : 0)), { ...common, positive: 1 })
        : null;
  return { model, modelFit };
}

/**
 * Importance per touchpoint and per journey stage, and the bootstrap intervals: relative importance
 * for a rating, the pseudo-R-squared Shapley value for a binary outcome. Pushes a warning onto
 * `warnings` for each bootstrap that is skipped.
 */
function touchpointImportance(
  options: KeyDriversOptions,
  binary: boolean,
  method: Exclude<ImportanceMethod, 'dominance'>,
  { data, always, byColumn, yColumn, y, common, touchpointGroups, stages, dummyGroups, products }: ReturnType<typeof keyDriverData>,
  warnings: Warning[],
): Pick<KeyDriversResult, 'importance' | 'stageImportance' | 'bootstrap'> {
  const pseudo = (groups: Readonly<Record<string, readonly string[]>> | undefined): PseudoRSquaredShapleyResult =>
    pseudoRSquaredShapley(data.X, y, {
      ...common,
      positive: 1,
      ...(options.pseudoRSquared !== undefined && { measure: options.pseudoRSquared }),
      ...(options.sampling !== undefined && { sampling: options.sampling }),
      ...(groups !== undefined && { groups }),
    });
  const importance = binary
    ? pseudo(dummyGroups)
    : always.length > 0
      ? relativeImportance(data.X, y, { ...common, method, ...(touchpointGroups && { groups: touchpointGroups }), always })
      : relativeImportanceOfColumns(data.columns, yColumn, { ...byColumn, method, ...(touchpointGroups && { groups: touchpointGroups }), ...(products !== null && { products }) });
  const stageImportance =
    stages === undefined
      ? null
      : binary
        ? pseudo(stages)
        : always.length > 0
          ? relativeImportance(data.X, y, { ...common, method: 'lmg', groups: stages, always })
          : relativeImportanceOfColumns(data.columns, yColumn, { ...byColumn, method: 'lmg', groups: stages, ...(products !== null && { products }) });
  if (binary && options.bootstrap !== undefined) {
    warnings.push({
      code: 'bootstrap_skipped',
      message:
        'Bootstrap intervals are not available for the pseudo-R-squared importance of a binary outcome (each replicate would need every subset model refitted); use sampling for its Monte Carlo standard errors.',
    });
  }
  if (always.length > 0 && options.bootstrap !== undefined) {
    warnings.push({ code: 'bootstrap_skipped', message: 'Bootstrap intervals are not yet available with controls (the bootstrap resamples the importance without them); run it without controls.' });
  }
  const bootstrap =
    options.bootstrap === undefined || binary || always.length > 0
      ? null
      : bootstrapImportance(data.X, y, {
          ...common,
          method,
          ...(options.bootstrap.replicates !== undefined && { replicates: options.bootstrap.replicates }),
          ...(options.bootstrap.seed !== undefined && { seed: options.bootstrap.seed }),
          ...(options.bootstrap.onProgress && { onProgress: options.bootstrap.onProgress }),
        });
  return { importance, stageImportance, bootstrap };
}

/** What {@link classifyTouchpoints} judges each touchpoint by. */
interface ClassificationInputs {
  /** The coefficients of the model that decides key moments (the ordinal or logistic fit, else the regression). */
  readonly coefficients: (OlsResult | OrdinalResult | LogisticResult)['coefficients'];
  readonly alpha: number;
  readonly importance: Readonly<Record<string, number>>;
  /** The R-squared the touchpoints share (less the controls' part). */
  readonly shared: number;
  readonly minImportance: number;
  readonly performance: readonly number[];
  readonly highPerformance: number;
  readonly quadrants: readonly { readonly quadrant: Quadrant }[];
  readonly penaltyReward: PenaltyRewardResult | null;
  readonly peaks: ReadonlySet<string>;
  readonly end: string;
}

/** Each touchpoint's coefficient, importance, quadrant, factor and flags (key moment, pain point, hygiene, peak, end). */
function classifyTouchpoints(survey: Survey, inputs: ClassificationInputs): TouchpointDriver[] {
  const { coefficients, alpha, importance, shared, minImportance, performance, highPerformance, quadrants, penaltyReward: pr, peaks, end } = inputs;
  const ranks = rankDescending(survey.touchpoints.map((t) => importance[t.column] as number));
  return survey.touchpoints.map((t, j): TouchpointDriver => {
    const c = coefficients.find((x) => x.name === t.column);
    const coefficient = c !== undefined && 'estimate' in c ? (c as Pick<OlsCoefficient, 'estimate' | 'stdError' | 'pValue'>) : null;
    const significant = coefficient !== null && coefficient.pValue !== null && coefficient.pValue < alpha;
    const value = importance[t.column] as number;
    const relevant = value >= minImportance;
    const keyMoment = significant && (coefficient as OlsCoefficient).estimate > 0 && relevant;
    const high = (performance[j] as number) >= highPerformance;
    return {
      touchpoint: t.column,
      label: t.label,
      zh: t.zh,
      en: t.en,
      performance: performance[j] as number,
      estimate: coefficient?.estimate ?? null,
      stdError: coefficient?.stdError ?? null,
      pValue: coefficient?.pValue ?? null,
      significant,
      importance: value,
      signedImportance: coefficient !== null && coefficient.estimate < 0 ? -value : value,
      importanceShare: shared > 0 ? value / shared : 0,
      relevant,
      importanceRank: ranks[j] as number,
      quadrant: (quadrants[j] as { quadrant: Quadrant }).quadrant,
      penaltyRewardFactor: pr?.factors[j]?.factor ?? null,
      flags: {
        peak: peaks.has(t.column),
        end: end === t.column,
        keyMoment,
        painPoint: keyMoment && !high,
        hygiene: high && !keyMoment,
      },
    };
  });
}

/** Warnings on the classification: significant drivers too small to be key moments, and significant negative ones. */
function classificationWarnings(touchpoints: readonly TouchpointDriver[], minImportanceShare: number): Warning[] {
  const warnings: Warning[] = [];
  const minor = touchpoints.filter((t) => t.significant && (t.estimate as number) > 0 && !t.relevant);
  if (minor.length > 0) {
    warnings.push({
      code: 'significant_not_relevant',
      message: `${minor.map((t) => `"${t.touchpoint}" (${(t.importanceShare * 100).toFixed(1)}%)`).join(', ')} ${minor.length === 1 ? 'is' : 'are'} significant but ${minor.length === 1 ? 'carries' : 'carry'} less than ${(minImportanceShare * 100).toFixed(1)}% of R-squared, so ${minor.length === 1 ? 'it is not a key moment' : 'they are not key moments'} (minImportanceShare).`,
    });
  }
  const negative = touchpoints.filter((t) => t.significant && (t.estimate as number) < 0);
  if (negative.length > 0) {
    warnings.push({
      code: 'negative_driver',
      message: `${negative.map((t) => `"${t.touchpoint}"`).join(', ')} ${negative.length === 1 ? 'has' : 'have'} a significant negative coefficient: with correlated touchpoints this usually signals suppression, not that better service lowers satisfaction.`,
    });
  }
  return warnings;
}

function integerLevels(min: number, max: number): number[] {
  return Array.from({ length: Math.floor(max) - Math.ceil(min) + 1 }, (_, k) => Math.ceil(min) + k);
}

/** A `deprecated_option` warning for each deprecated option name used (they still work in this release). */
function deprecationWarnings(options: KeyDriversOptions): Warning[] {
  const warnings: Warning[] = [];
  if (options.importance !== undefined) {
    warnings.push({
      code: 'deprecated_option',
      message: `keyDrivers option importance is deprecated: use importanceMethod: '${options.importance}' (importance will be removed in the next minor release).`,
    });
  }
  if (options.crosshair !== undefined) {
    warnings.push({
      code: 'deprecated_option',
      message: `keyDrivers option crosshair is deprecated: use highPerformance: '${options.crosshair}' (crosshair will be removed in the next minor release).`,
    });
  }
  return warnings;
}

/**
 * Dummy adjustment with a binary outcome: when every respondent without an answer to a touchpoint
 * has the same outcome, its "not answered" indicator separates the outcome and the logistic model
 * has no maximum-likelihood estimate (R's glm reports fitted probabilities of 0 or 1). Said here
 * by name, before the fit fails with a less telling singular information matrix.
 */
function checkIndicatorSeparation(
  data: { readonly names: readonly string[]; readonly columns: readonly ArrayLike<number>[]; readonly indicators: readonly { readonly column: string; readonly indicator: string }[] },
  y: ArrayLike<number>,
): void {
  const separating: string[] = [];
  for (const { column, indicator } of data.indicators) {
    const values = data.columns[data.names.indexOf(indicator)];
    if (values === undefined) continue;
    let count = 0;
    let positives = 0;
    for (let r = 0; r < y.length; r++) {
      if (values[r] === 1) {
        count++;
        if (y[r] === 1) positives++;
      }
    }
    if (count > 0 && (positives === 0 || positives === count)) separating.push(`"${column}" (${count} without an answer, all ${positives === 0 ? 'negative' : 'positive'})`);
  }
  if (separating.length > 0) {
    throw new ConvergenceError(
      'separation',
      `keyDrivers with missingData 'dummy-adjustment': every respondent without an answer to ${separating.join(', ')} has the same outcome, so the "not answered" indicator separates the outcome and the logistic model has no maximum-likelihood estimate; leave ${separating.length === 1 ? 'that touchpoint' : 'those touchpoints'} out or use missingData 'complete-cases'.`,
    );
  }
}
