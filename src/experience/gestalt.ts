/**
 * gestalt: does the peak-end rule hold here, tested the way the research literature tests it?
 * Nested regression models on each respondent's Gestalt features, partial F tests, a test of
 * dependent correlations and the features' relative importance.
 */
import { chiSquareUpperTail, fUpperTail } from '../distributions/index.js';
import { InsufficientDataError, InvalidArgumentError, PeakEndError } from '../errors.js';
import { relativeImportanceOfColumns } from '../importance/relative-importance.js';
import { type DependentCorrelationResult, dependentCorrelation } from '../inference/dependent-correlation.js';
import { correlationMatrix } from '../linalg/correlation.js';
import { type CrossProducts, crossProductsOfColumns, selectCrossProducts } from '../linalg/cross-product.js';
import { assignFolds } from '../random/rng.js';
import { type AliasedCoefficient, CROSS_PRODUCT_MIN_ROWS, type OlsCoefficient, type OlsResult, ols } from '../regression/ols.js';
import { olsOfColumns, rowsOfColumns } from '../regression/ols-columns.js';
import { ordinalLogit, type Threshold, type WaldCoefficient } from '../regression/ordinal.js';
import type { SurveyRatings, Warning } from '../survey/survey.js';
import type { PeakRule } from './aggregate-peak-end.js';
import { crossValidatedOrSkipped, type FoldCrossProducts, type FoldFit, foldCrossProducts, heldOutSquaredError, outOfFoldMeanLoss, trainingCoefficients } from './cross-validation.js';
import { type GestaltFeature, type GestaltFeatureColumns, type GestaltFeaturesOptions, gestaltFeatureColumns } from './gestalt-features.js';
import { type GestaltLogistic, logisticBattery, logisticImportance } from './gestalt-logistic.js';

/** The nested models of the battery. */
export type GestaltModelName = 'mean' | 'peak-end' | 'mean+peak-end' | 'gestalt';

/** Every model, smallest first. */
export const GESTALT_MODELS: readonly GestaltModelName[] = ['mean', 'peak-end', 'mean+peak-end', 'gestalt'];

/** Options for {@link gestalt}. */
export interface GestaltOptions extends GestaltFeaturesOptions {
  /** Weight w of the peak in the peak-end score w * peak + (1 - w) * end. Default 0.5. */
  readonly weight?: number;
  /** Confidence level of the interval; 1 - level is the significance level of the verdict. Default 0.95. */
  readonly level?: number;
  /** Folds of the cross-validated RMSE. Default 10 (n when fewer respondents). */
  readonly folds?: number;
  /** Seed of the fold assignment. Default 1. */
  readonly seed?: number;
  /**
   * Also fit the four models by proportional-odds (cumulative logit) regression of the overall
   * rating as an ordinal outcome, with likelihood-ratio tests of the nested pairs (`ordinal`).
   * Default false.
   */
  readonly ordinal?: boolean;
}

/** One proportional-odds fit of the battery (R's `ordinal::clm`). */
export interface GestaltOrdinalModel {
  readonly name: GestaltModelName;
  readonly terms: readonly GestaltFeature[];
  readonly n: number;
  readonly thresholds: readonly Threshold[];
  readonly coefficients: readonly WaldCoefficient[];
  readonly logLik: number;
  readonly aic: number;
  readonly bic: number;
  readonly mcFaddenRSquared: number;
  readonly converged: boolean;
}

/**
 * Likelihood-ratio test of a model against a larger one that contains it, as R's `anova(clm1,
 * clm2)` and `anova(glm1, glm2, test = "LRT")`.
 */
export interface LikelihoodRatioTest {
  readonly from: GestaltModelName;
  readonly to: GestaltModelName;
  /** 2 (logLik of the larger - logLik of the smaller); for logistic models the deviance difference (weights as given). */
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
}

/** The battery with the overall rating as an ordinal outcome. */
export interface GestaltOrdinal {
  readonly method: 'ordinal-logit';
  readonly models: readonly GestaltOrdinalModel[];
  readonly likelihoodRatioTests: readonly LikelihoodRatioTest[];
}

/** One fitted model of the battery. */
export interface GestaltModel {
  readonly name: GestaltModelName;
  /** The features it regresses the overall rating on, in order. */
  readonly terms: readonly GestaltFeature[];
  readonly n: number;
  /** Intercept first; an aliased term is `{ name, aliased: true }`. */
  readonly coefficients: readonly (OlsCoefficient | AliasedCoefficient)[];
  readonly rSquared: number;
  readonly adjustedRSquared: number;
  readonly residualStdError: number;
  readonly dfResidual: number;
  /** R's logLik, AIC and BIC of `lm` (null for an exact fit). */
  readonly logLik: number | null;
  readonly aic: number | null;
  readonly bic: number | null;
  /** Root mean squared out-of-fold error (weighted with weights); null when a fold could not be fitted. */
  readonly crossValidatedRmse: number | null;
}

/** Partial F test of a model against a larger one that contains it, as R's `anova(m1, m2)`. */
export interface NestedTest {
  readonly from: GestaltModelName;
  readonly to: GestaltModelName;
  /** null when the larger model adds no estimable term or fits exactly. */
  readonly fStatistic: number | null;
  readonly df1: number;
  readonly df2: number;
  readonly pValue: number | null;
}

/**
 * r(overall, peak-end score) against r(overall, mean): the {@link dependentCorrelation} result with
 * r12, r13 and r23 named `rPeakEnd`, `rMean` and `rBetween` (`difference` is rPeakEnd - rMean,
 * `ciLower` and `ciUpper` Zou's (2007) interval for it).
 */
export interface GestaltDependentCorrelation extends Omit<DependentCorrelationResult, 'r12' | 'r13' | 'r23'> {
  /** r(overall, w * peak + (1 - w) * end). */
  readonly rPeakEnd: number;
  /** r(overall, mean of the answered touchpoints). */
  readonly rMean: number;
  /** r(peak-end score, mean). */
  readonly rBetween: number;
}

/**
 * What the battery says, as a code (presenters own the words):
 * - `peak-end-beyond-mean`: peak and end add to the average, the average adds nothing to them;
 * - `both-contribute`: each adds to the other;
 * - `mean-suffices`: the average adds to peak and end, they add nothing to it;
 * - `indistinguishable`: neither adds to the other (the two carry the same information here);
 * - `no-relation`: mean, peak and end together do not predict the overall rating.
 */
export type GestaltVerdictCode = 'peak-end-beyond-mean' | 'both-contribute' | 'mean-suffices' | 'indistinguishable' | 'no-relation';

/** The verdict with the numbers behind it. */
export interface GestaltVerdict {
  readonly code: GestaltVerdictCode;
  /**
   * The tests the code comes from: `'ols'` (partial F tests of `nestedTests`) for a rating, or
   * `'logistic'` (likelihood-ratio tests of `logistic`) for a binary outcome.
   */
  readonly basis: 'ols' | 'logistic';
  /** 1 - level. */
  readonly alpha: number;
  /** p of mean -> mean+peak-end. */
  readonly peakEndAddsPValue: number | null;
  /** p of peak-end -> mean+peak-end. */
  readonly meanAddsPValue: number | null;
  /** p of mean+peak-end -> gestalt: do trough, beginning, trend and variability add? */
  readonly otherFeaturesPValue: number | null;
  /** Whether the other features add at alpha. */
  readonly otherFeaturesAdd: boolean;
  /** Williams' test at alpha; null when the test could not run. */
  readonly correlation: 'peak-end-higher' | 'mean-higher' | 'no-difference' | null;
  /** The feature with the largest share of `importance` in the gestalt model (null without importance). */
  readonly strongestFeature: GestaltFeature | null;
}

/** Result of {@link gestalt}. */
export interface GestaltResult {
  readonly method: 'gestalt';
  /** 'binary' when the survey's outcome is binary (`logistic` holds the battery the verdict comes from). */
  readonly outcome: 'rating' | 'binary';
  readonly rule: PeakRule;
  readonly weight: number;
  readonly level: number;
  /** Whether survey weights were used (weighted least squares, weighted correlations). */
  readonly weighted: boolean;
  /** Respondents with every feature (two or more answered touchpoints) and an overall rating. */
  readonly n: number;
  /** Respondents left out (fewer than two answers, no overall rating, or zero weight). */
  readonly excluded: number;
  readonly folds: number;
  readonly seed: number;
  /** Least-squares fits (for a binary outcome the linear-probability models, kept for comparison). */
  readonly models: readonly GestaltModel[];
  readonly nestedTests: readonly NestedTest[];
  /** For a binary outcome the correlations are point-biserial (see {@link gestalt}). */
  readonly dependentCorrelation: GestaltDependentCorrelation | null;
  /**
   * Each feature's share of the gestalt model's fit, or null: for a rating its LMG share of
   * R-squared (`'lmg'`), for a binary outcome its Shapley value of McFadden's R-squared
   * (`'pseudo-r-squared-shapley'`); they sum to the model's R-squared.
   */
  readonly importance: Readonly<Partial<Record<GestaltFeature, number>>> | null;
  readonly importanceMethod: 'lmg' | 'pseudo-r-squared-shapley';
  /** A binary outcome's battery by logistic regression (null for a rating, or when the fits fail, with a warning). */
  readonly logistic: GestaltLogistic | null;
  /** Proportional-odds fits and likelihood-ratio tests (`ordinal: true`; null otherwise or when they fail, with a warning). */
  readonly ordinal: GestaltOrdinal | null;
  readonly verdict: GestaltVerdict;
  readonly warnings: readonly Warning[];
}

/**
 * The research-standard test of the peak-end rule on a survey (Ariely & Carmon 2000; Cojuharenco
 * & Ryvkin 2008; Alaybek et al. 2022). On respondents with every Gestalt feature
 * ({@link gestaltFeatures}: two or more answered touchpoints) and an overall rating:
 *
 * - `models`: least-squares fits of the overall rating on `mean`; on `peak` + `end`; on `mean` +
 *   `peak` + `end`; and on the seven features `mean`, `peak`, `end`, `trough`, `beginning`,
 *   `trend`, `variability` (`peakHigh` in place of `trough` under the `'min'` rule, where the peak
 *   is the trough), each with R's AIC and BIC and a cross-validated RMSE (seeded k-fold, the same
 *   folds for every model);
 * - `nestedTests`: partial F tests as R's `anova(m1, m2)`: mean -> mean+peak-end (do peak and end
 *   add to the average?), peak-end -> mean+peak-end (does the average add to them?),
 *   mean+peak-end -> gestalt (do the other features add?);
 * - `dependentCorrelation`: r(overall, peak-end score) against r(overall, mean), which share the
 *   overall rating, by Williams' t and Zou's (2007) interval ({@link dependentCorrelation}); a high
 *   r(overall, peak-end) alone proves little, because the peak-end score correlates highly with
 *   the mean (Cojuharenco & Ryvkin 2008);
 * - `importance`: LMG relative importance of the gestalt model's seven features;
 * - `verdict`: a code built from the nested tests at alpha = 1 - level, with the numbers;
 * - `ordinal` (with `ordinal: true`): the four models by proportional-odds regression of the
 *   overall rating as ordered categories ({@link ordinalLogit}, R's `ordinal::clm`), AIC/BIC and
 *   likelihood-ratio tests of the same nested pairs (R's `anova(clm1, clm2)`).
 * - `logistic` (a binary outcome, spec `overall.type: 'binary'`): the four models by logistic
 *   regression (R's `glm(family = binomial)`) with AIC/BIC, McFadden's R², a cross-validated
 *   log-loss on the same folds and likelihood-ratio tests of the nested pairs (R's `anova(m1, m2,
 *   test = "LRT")`); `importance` is then the Shapley value of McFadden's R² over the seven
 *   features (`pseudoRSquaredShapley`) and the verdict comes from the likelihood-ratio tests
 *   (`verdict.basis: 'logistic'`); the correlations of the dependent-correlation test are
 *   point-biserial (Williams' t is then a large-sample approximation). `models` keep the
 *   least-squares (linear-probability) fits for comparison.
 *
 * With survey weights the fits are weighted least squares (R's `lm(weights =)`), the
 * correlations and LMG are weighted, the RMSE is sqrt(sum w e^2 / sum w); Williams' t then uses
 * the number of respondents as n (an approximation under unequal weights).
 *
 * Accuracy: every number agrees with R 4.2.2 (`lm`, `anova`, `AIC`, `BIC`, `psych::r.test`, Zou's
 * formula, `relaimpo::calc.relimp`) to 1e-9 relative or better (test/golden/gestalt); the
 * cross-validation equals R's leave-one-out (PRESS) RMSE when folds = n. The binary battery
 * agrees with `glm`, `anova(test = "LRT")` and all-subsets McFadden R² to 1e-9
 * (test/golden/gestalt/binary.R), the log-loss with R's leave-one-out when folds = n.
 *
 * @example
 * ```ts
 * const g = gestalt(zhijiangSurvey); // the bundled reconstruction, 47 respondents
 * g.models.map((m) => m.rSquared);   // [0.146, 0.302, 0.302, 0.407] (mean, peak-end, mean+peak-end, gestalt)
 * g.nestedTests[0];                  // { from: 'mean', to: 'mean+peak-end', fStatistic: 4.816, df1: 2, df2: 43, pValue: 0.01296 }
 * g.verdict.code;                    // 'peak-end-beyond-mean'
 * ```
 * @throws InvalidArgumentError for invalid options.
 * @throws InsufficientDataError when too few respondents remain for the gestalt model (9 at least).
 */
export function gestalt(survey: SurveyRatings, options: GestaltOptions = {}): GestaltResult {
  return gestaltOfFeatures(survey, options, null);
}

/**
 * {@link gestalt} with the respondents' features given when the caller has them from its own walk
 * (peakEnd's respondent pass, under the same rule and journey order), else null. Internal.
 */
export function gestaltOfFeatures(survey: SurveyRatings, options: GestaltOptions, given: GestaltFeatureColumns | null): GestaltResult {
  const { weight, level, seed } = checkedOptions(options);
  const featureResult = given ?? gestaltFeatureColumns(survey, { ...(options.peak !== undefined && { peak: options.peak }), ...(options.positions !== undefined && { positions: options.positions }) });
  const rule = featureResult.rule;
  const features = featureResult.features;
  const warnings: Warning[] = [...featureResult.warnings];
  const sample = gestaltSample(survey, features, warnings);
  const { n, excluded, w } = sample;
  const terms = modelTerms(rule);
  requireEnoughRespondents(n, excluded, terms.gestalt.length);
  const folds = Math.min(options.folds ?? 10, n);
  const foldOf = assignFolds(n, folds, seed);
  const { models, fits, total } = leastSquaresBattery(terms, sample, level, foldOf, folds, warnings);
  const nestedTests: NestedTest[] = [nestedTest('mean', 'mean+peak-end', fits), nestedTest('peak-end', 'mean+peak-end', fits), nestedTest('mean+peak-end', 'gestalt', fits)];
  const dependent = peakEndAgainstMean(sample, features, weight, level, warnings);
  const binary = survey.spec.outcome.type === 'binary';
  const logistic = binary ? binaryBattery(terms, sample, foldOf, folds, level, warnings) : null;
  const importanceMethod = logistic !== null ? 'pseudo-r-squared-shapley' : 'lmg';
  const importance = featureImportance(importanceMethod, terms.gestalt, sample, total, warnings);
  const ordinal = options.ordinal === true ? ordinalBattery(terms, sample, level, warnings) : null;
  const verdict = verdictOf(logistic, nestedTests, fits, dependent, importance, level);
  return {
    method: 'gestalt',
    outcome: binary ? 'binary' : 'rating',
    rule,
    weight,
    level,
    weighted: w !== null,
    n,
    excluded,
    folds,
    seed,
    models,
    nestedTests,
    dependentCorrelation: dependent,
    importance,
    importanceMethod,
    logistic,
    ordinal,
    verdict,
    warnings,
  };
}

/** The peak's weight, the level and the seed of {@link gestalt}'s options, each checked (folds too). */
function checkedOptions(options: GestaltOptions): { weight: number; level: number; seed: number } {
  const weight = options.weight ?? 0.5;
  if (!(weight >= 0 && weight <= 1)) throw new InvalidArgumentError(`weight (the peak's share of the peak-end score) must be between 0 and 1, got ${weight}.`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  const seed = options.seed ?? 1;
  if (options.folds !== undefined && !(Number.isInteger(options.folds) && options.folds >= 2)) {
    throw new InvalidArgumentError(`folds must be an integer of at least 2, got ${options.folds}.`);
  }
  return { weight, level, seed };
}

/** The respondents in the models and their data, gathered once. */
interface GestaltSample {
  /** The survey row of each respondent in the sample. */
  readonly rows: Uint32Array;
  readonly n: number;
  /** Survey respondents left out. */
  readonly excluded: number;
  /** A feature over the sample (gathered on first use, then kept). */
  readonly column: (feature: GestaltFeature) => Float64Array;
  /** The overall rating over the sample. */
  readonly y: Float64Array;
  /** The survey weights over the sample, or null. */
  readonly w: Float64Array | null;
}

/** The sample (every feature, an overall rating and a positive weight), with a warning naming how many were left out. */
function gestaltSample(survey: SurveyRatings, features: GestaltFeatureColumns['features'], warnings: Warning[]): GestaltSample {
  const overall = survey.ratings.get(survey.overall) as Float64Array;
  const surveyWeights = survey.weights;
  const kept = new Uint32Array(survey.n);
  let n = 0;
  for (let i = 0; i < survey.n; i++) {
    if (Number.isNaN(overall[i] as number) || Number.isNaN(features.variability[i] as number)) continue;
    if (surveyWeights !== null && !((surveyWeights[i] as number) > 0)) continue;
    kept[n++] = i;
  }
  const rows = kept.subarray(0, n);
  const excluded = survey.n - n;
  if (excluded > 0) {
    warnings.push({
      code: 'gestalt_respondents_excluded',
      message: `${excluded} respondent${excluded === 1 ? '' : 's'} answered fewer than two touchpoints, gave no overall rating${surveyWeights === null ? '' : ' or had zero weight'}, and ${excluded === 1 ? 'was' : 'were'} left out of the Gestalt models.`,
    });
  }
  // Each feature over the sample, gathered once (plain loops: this runs over every respondent).
  const gathered = new Map<GestaltFeature, Float64Array>();
  const column = (f: GestaltFeature): Float64Array => {
    let c = gathered.get(f);
    if (c === undefined) {
      const source = features[f];
      // Every respondent in the sample: the feature's own array (read only).
      if (n === survey.n) c = source.subarray(0, n);
      else {
        c = new Float64Array(n);
        for (let r = 0; r < n; r++) c[r] = source[rows[r] as number] as number;
      }
      gathered.set(f, c);
    }
    return c;
  };
  let y = overall.subarray(0, n);
  if (n < survey.n) {
    y = new Float64Array(n);
    for (let r = 0; r < n; r++) y[r] = overall[rows[r] as number] as number;
  }
  let w: Float64Array | null = null;
  if (surveyWeights !== null) {
    w = new Float64Array(n);
    for (let r = 0; r < n; r++) w[r] = surveyWeights[rows[r] as number] as number;
  }
  return { rows, n, excluded, column, y, w };
}

/** The features of each model of the battery (`peakHigh` in place of `trough` under the `'min'` rule). */
function modelTerms(rule: PeakRule): Record<GestaltModelName, GestaltFeature[]> {
  return {
    mean: ['mean'],
    'peak-end': ['peak', 'end'],
    'mean+peak-end': ['mean', 'peak', 'end'],
    gestalt: ['mean', 'peak', 'end', rule === 'min' ? 'peakHigh' : 'trough', 'beginning', 'trend', 'variability'],
  };
}

/** Throws unless the gestalt model (its features and an intercept) keeps one residual degree of freedom. */
function requireEnoughRespondents(n: number, excluded: number, gestaltFeatures: number): void {
  const minimum = gestaltFeatures + 2;
  if (n < minimum) {
    throw new InsufficientDataError(
      `The Gestalt models need at least ${minimum} respondents with two or more answered touchpoints and an overall rating (${gestaltFeatures} features and an intercept, one residual degree of freedom), got ${n}${excluded > 0 ? ` (${excluded} left out)` : ''}.`,
    );
  }
}

/** The four least-squares fits with their cross-validated RMSE (the fits kept by name for the nested tests). */
function leastSquaresBattery(
  terms: Readonly<Record<GestaltModelName, readonly GestaltFeature[]>>,
  sample: GestaltSample,
  level: number,
  foldOf: Int32Array,
  folds: number,
  warnings: Warning[],
): { models: GestaltModel[]; fits: Map<GestaltModelName, OlsResult>; total: CrossProducts | null } {
  const { column, y, w, n } = sample;
  const fits = new Map<GestaltModelName, OlsResult>();
  // Every model's features are among the gestalt model's. On large samples the cross-products of
  // all of them, overall and per fold, are formed once; each model takes its own entries (the
  // same numbers, bit for bit, as a pass over its own columns) for its fit and its
  // cross-validation. Small samples fit by QR, each model on its own.
  const all = terms.gestalt;
  const allColumns = all.map(column);
  const large = n >= CROSS_PRODUCT_MIN_ROWS;
  const total = large ? crossProductsOfColumns(allColumns, y, w, null, n, true) : null;
  const shared = large ? foldCrossProducts(allColumns, y, w, null, foldOf, folds) : null;
  // By column (olsOfColumns, the same fit as on rows); rows only for the ordinal models.
  const models: GestaltModel[] = GESTALT_MODELS.map((name) => {
    const keep = terms[name].map((feature) => all.indexOf(feature));
    const X = terms[name].map(column);
    const fit = olsOfColumns(X, y, { names: terms[name], level, ...(w !== null && { weights: w }) }, total === null ? null : selectCrossProducts(total, keep));
    fits.set(name, fit);
    for (const warning of fit.warnings) warnings.push({ code: warning.code, message: `Model ${name}: ${warning.message}` });
    const crossValidatedRmse = crossValidatedOrSkipped(name, warnings, () => crossValidatedRmseOfColumns(X, y, w, foldOf, folds, 'auto', undefined, large ? { folds: shared, keep } : undefined));
    return {
      name,
      terms: terms[name],
      n: fit.n,
      coefficients: fit.coefficients,
      rSquared: fit.rSquared,
      adjustedRSquared: fit.adjustedRSquared,
      residualStdError: fit.residualStdError,
      dfResidual: fit.dfResidual,
      logLik: fit.logLik,
      aic: fit.aic,
      bic: fit.bic,
      crossValidatedRmse,
    };
  });
  return { models, fits, total };
}

/** r(overall, peak-end score) against r(overall, mean) by Williams' t; null, with a warning, when the test is undefined. */
function peakEndAgainstMean(sample: GestaltSample, features: GestaltFeatureColumns['features'], weight: number, level: number, warnings: Warning[]): GestaltDependentCorrelation | null {
  const { rows, n, column, y, w } = sample;
  const peakEndScore = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const i = rows[r] as number;
    peakEndScore[r] = weight * (features.peak[i] as number) + (1 - weight) * (features.end[i] as number);
  }
  const corr = correlationMatrix([y, peakEndScore, column('mean')], w ?? undefined);
  const [r12, r13, r23] = [corr[1] as number, corr[2] as number, corr[5] as number];
  if ([r12, r13, r23].some((r) => !Number.isFinite(r))) {
    warnings.push({ code: 'gestalt_correlation_skipped', message: 'The peak-end score or the mean is constant over the respondents; the dependent-correlation test is undefined.' });
    return null;
  }
  try {
    const t = dependentCorrelation({ n, r12, r13, r23 }, { level });
    return {
      method: 'williams-t',
      n,
      rPeakEnd: r12,
      rMean: r13,
      rBetween: r23,
      difference: t.difference,
      tValue: t.tValue,
      df: t.df,
      pValue: t.pValue,
      level,
      ciLower: t.ciLower,
      ciUpper: t.ciUpper,
    };
  } catch (error) {
    if (!(error instanceof InsufficientDataError)) throw error;
    warnings.push({ code: 'gestalt_correlation_skipped', message: error.message });
    return null;
  }
}

/** A binary outcome's four models by logistic regression; null, with a warning, when they cannot be fitted. */
function binaryBattery(
  terms: Readonly<Record<GestaltModelName, readonly GestaltFeature[]>>,
  sample: GestaltSample,
  foldOf: Int32Array,
  folds: number,
  level: number,
  warnings: Warning[],
): GestaltLogistic | null {
  const { column, y, w } = sample;
  try {
    return logisticBattery({ terms, models: GESTALT_MODELS, column, y, w, fold: foldOf, folds, level }, warnings);
  } catch (error) {
    if (!(error instanceof PeakEndError) || error instanceof InvalidArgumentError) throw error;
    warnings.push({ code: 'gestalt_logistic_skipped', message: `The logistic models could not be fitted, so the verdict rests on the linear-probability fits: ${error.message}` });
    return null;
  }
}

/**
 * Importance of the gestalt model's features: LMG of R-squared, or for a binary outcome the
 * Shapley value of McFadden's R-squared; null, with a warning, when it is undefined.
 */
function featureImportance(
  method: GestaltResult['importanceMethod'],
  features: readonly GestaltFeature[],
  sample: GestaltSample,
  products: CrossProducts | null,
  warnings: Warning[],
): Partial<Record<GestaltFeature, number>> | null {
  const { column, y, w } = sample;
  try {
    if (method === 'pseudo-r-squared-shapley') return logisticImportance(features, column, y, w);
    const lmg = relativeImportanceOfColumns(features.map(column), y, { method: 'lmg', names: features, ...(w !== null && { weights: w }), ...(products !== null && { products }) });
    return Object.fromEntries(features.map((f) => [f, lmg.importance[f] as number]));
  } catch (error) {
    if (!(error instanceof PeakEndError) || error instanceof InvalidArgumentError) throw error;
    warnings.push({
      code: 'gestalt_importance_undefined',
      message: `Relative importance of the Gestalt features is undefined on these journeys (with few touchpoints some features are combinations of others): ${error.message}`,
    });
    return null;
  }
}

/** The overall rating as an ordinal outcome: the same four models by proportional odds; null, with a warning, when they fail. */
function ordinalBattery(terms: Readonly<Record<GestaltModelName, readonly GestaltFeature[]>>, sample: GestaltSample, level: number, warnings: Warning[]): GestaltOrdinal | null {
  const { n, column, y, w } = sample;
  try {
    const fitsOrdinal = GESTALT_MODELS.map((name) => {
      const fit = ordinalLogit(rowsOfColumns(terms[name].map(column), null, n), y, { names: terms[name], level, ...(w !== null && { weights: w }) });
      for (const warning of fit.warnings) warnings.push({ code: warning.code, message: `Ordinal model ${name}: ${warning.message}` });
      return {
        name,
        terms: terms[name],
        n: fit.n,
        thresholds: fit.thresholds,
        coefficients: fit.coefficients,
        logLik: fit.logLik,
        aic: fit.aic,
        bic: fit.bic,
        mcFaddenRSquared: fit.mcFaddenRSquared,
        converged: fit.convergence.converged,
      };
    });
    const byName = new Map(fitsOrdinal.map((f) => [f.name, f]));
    const lr = (from: GestaltModelName, to: GestaltModelName): LikelihoodRatioTest => {
      const small = byName.get(from) as GestaltOrdinalModel;
      const large = byName.get(to) as GestaltOrdinalModel;
      const statistic = Math.max(0, 2 * (large.logLik - small.logLik));
      const df = large.coefficients.length - small.coefficients.length;
      return { from, to, statistic, df, pValue: chiSquareUpperTail(statistic, df) };
    };
    return { method: 'ordinal-logit', models: fitsOrdinal, likelihoodRatioTests: [lr('mean', 'mean+peak-end'), lr('peak-end', 'mean+peak-end'), lr('mean+peak-end', 'gestalt')] };
  } catch (error) {
    if (!(error instanceof PeakEndError) || error instanceof InvalidArgumentError) throw error;
    warnings.push({ code: 'gestalt_ordinal_skipped', message: `The proportional-odds models could not be fitted: ${error.message}` });
    return null;
  }
}

/** The verdict at alpha = 1 - level: from the logistic likelihood-ratio tests when there are any, else from the partial F tests. */
function verdictOf(
  logistic: GestaltLogistic | null,
  nestedTests: readonly NestedTest[],
  fits: ReadonlyMap<GestaltModelName, OlsResult>,
  dependent: GestaltDependentCorrelation | null,
  importance: Partial<Record<GestaltFeature, number>> | null,
  level: number,
): GestaltVerdict {
  // 1 - level without its rounding residue (0.05, not 0.050000000000000044).
  const alpha = Math.round((1 - level) * 1e12) / 1e12;
  return logistic === null
    ? decide(
        'ols',
        nestedTests.map((t) => t.pValue),
        (fits.get('mean+peak-end') as OlsResult).fPValue,
        dependent,
        importance,
        alpha,
      )
    : decide(
        'logistic',
        logistic.likelihoodRatioTests.map((t) => t.pValue),
        logistic.overallTest.pValue,
        dependent,
        importance,
        alpha,
      );
}

/** Residual sum of squares of a fit (weighted with weights). */
function rss(fit: OlsResult): number {
  return fit.residualStdError * fit.residualStdError * fit.dfResidual;
}

function nestedTest(from: GestaltModelName, to: GestaltModelName, fits: ReadonlyMap<GestaltModelName, OlsResult>): NestedTest {
  const small = fits.get(from) as OlsResult;
  const large = fits.get(to) as OlsResult;
  const df1 = small.dfResidual - large.dfResidual;
  const df2 = large.dfResidual;
  const rssLarge = rss(large);
  if (df1 <= 0 || !(rssLarge > 0) || large.logLik === null) return { from, to, fStatistic: null, df1, df2, pValue: null };
  const fStatistic = Math.max(0, (rss(small) - rssLarge) / df1) / (rssLarge / df2);
  return { from, to, fStatistic, df1, df2, pValue: fUpperTail(fStatistic, df1, df2) };
}

/**
 * The verdict from the p-values of the three nested comparisons (mean -> mean+peak-end,
 * peak-end -> mean+peak-end, mean+peak-end -> gestalt) and of mean+peak-end against the
 * intercept-only model.
 */
function decide(
  basis: GestaltVerdict['basis'],
  pValues: readonly (number | null)[],
  meanPeakEndPValue: number | null,
  dependent: GestaltDependentCorrelation | null,
  importance: Partial<Record<GestaltFeature, number>> | null,
  alpha: number,
): GestaltVerdict {
  const [peakEndAdds, meanAdds, others] = pValues as [number | null, number | null, number | null];
  const significant = (p: number | null): boolean => p !== null && p < alpha;
  const code: GestaltVerdictCode =
    meanPeakEndPValue !== null && meanPeakEndPValue >= alpha
      ? 'no-relation'
      : significant(peakEndAdds)
        ? significant(meanAdds)
          ? 'both-contribute'
          : 'peak-end-beyond-mean'
        : significant(meanAdds)
          ? 'mean-suffices'
          : 'indistinguishable';
  const correlation = dependent === null ? null : dependent.pValue >= alpha ? 'no-difference' : dependent.difference > 0 ? 'peak-end-higher' : 'mean-higher';
  let strongestFeature: GestaltFeature | null = null;
  if (importance !== null) {
    for (const [feature, value] of Object.entries(importance) as [GestaltFeature, number][]) {
      if (strongestFeature === null || value > (importance[strongestFeature] as number)) strongestFeature = feature;
    }
  }
  return { code, basis, alpha, peakEndAddsPValue: peakEndAdds, meanAddsPValue: meanAdds, otherFeaturesPValue: others, otherFeaturesAdd: significant(others), correlation, strongestFeature };
}

/** From this many respondents on, the folds' fits come from downdated cross-products (see below). */
export const CROSS_PRODUCT_CV_MIN_ROWS = 10_000;

/**
 * RMSE of out-of-fold OLS predictions (weighted: sqrt(sum w e^2 / sum w)). Below
 * {@link CROSS_PRODUCT_CV_MIN_ROWS} rows (or with `method: 'qr'`) each training set is fitted by
 * `ols` (Householder QR); from there on, one pass forms each fold's centred cross-products, each
 * training set's are the merge of the other folds', its slopes are `ols`'s normal-equations solve,
 * and each fold's held-out errors are summed from its own cross-products
 * (src/experience/cross-validation.ts): one pass over the data instead of `folds` fits and a pass
 * of predictions. A fold whose training design is ill-conditioned sends every fold through QR.
 */
export function crossValidatedRmseOf(X: readonly number[][], y: Float64Array, w: Float64Array | null, fold: Int32Array, folds: number, method: 'auto' | 'qr' | 'cross-products' = 'auto'): number {
  const p = (X[0] as number[] | undefined)?.length ?? 0;
  const columns = Array.from({ length: p }, (_, j) => Float64Array.from(X, (row) => row[j] as number));
  return crossValidatedRmseOfColumns(columns, y, w, fold, folds, method, X);
}

/** {@link crossValidatedRmseOf} of the design held by column (rows built only for the QR route). */
function crossValidatedRmseOfColumns(
  columns: readonly Float64Array[],
  y: Float64Array,
  w: Float64Array | null,
  fold: Int32Array,
  folds: number,
  method: 'auto' | 'qr' | 'cross-products' = 'auto',
  rows?: readonly number[][],
  shared?: { readonly folds: FoldCrossProducts | null; readonly keep: readonly number[] },
): number {
  if (method === 'cross-products' || (method === 'auto' && y.length >= CROSS_PRODUCT_CV_MIN_ROWS)) {
    const parts = shared === undefined ? foldCrossProducts(columns, y, w, null, fold, folds) : shared.folds;
    const fast = parts === null ? null : crossValidatedByCrossProducts(parts, shared?.keep ?? columns.map((_, j) => j));
    if (fast !== null) return fast;
  }
  const X = rows ?? rowsOfColumns(columns, null, y.length);
  const fit: FoldFit = (trainX, trainY, trainW) =>
    // An aliased term (collinear in the training folds) predicts with coefficient 0, as R's predict.lm.
    ols(trainX, trainY, trainW === null ? {} : { weights: trainW }).coefficients.map((c) => ('estimate' in c ? c.estimate : 0));
  const squaredError = (wi: number, prediction: number, observed: number): number => {
    const e = prediction - observed;
    return wi * e * e;
  };
  return Math.sqrt(outOfFoldMeanLoss(X, y, w, fold, folds, fit, squaredError));
}

/**
 * k-fold CV RMSE of the model on columns `keep` from the folds' cross-products
 * ({@link foldCrossProducts}); null when a training design is ill-conditioned (QR's business).
 */
function crossValidatedByCrossProducts(folds: FoldCrossProducts, keep: readonly number[]): number | null {
  let sse = 0;
  let weight = 0;
  for (let f = 0; f < folds.parts.length; f++) {
    const b = trainingCoefficients(folds, f, keep);
    if (b === null) return null;
    sse += heldOutSquaredError(folds, f, keep, b);
    weight += (folds.parts[f] as FoldCrossProducts['parts'][number]).weight;
  }
  return Math.sqrt(sse / weight);
}
