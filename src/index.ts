/**
 * peak-end: customer-experience survey analytics.
 *
 * The browser-safe core: no `node:` imports anywhere below this file. File and stream helpers
 * live in `peak-end/node`.
 *
 * @packageDocumentation
 */

// errors
export {
  PeakEndError,
  DataValidationError,
  InvalidArgumentError,
  InsufficientDataError,
  RankDeficientError,
  ConvergenceError,
  MAX_LISTED_ISSUES,
} from './errors.js';
export type { DataIssue, IssueCode, PeakEndErrorOptions, Warning, WarningCode } from './errors.js';

// survey spec, ingest and the Survey
export { surveySpecSchema, normalizeSpec, DEFAULT_MISSING_CODES, OUTCOME_TYPES, NPS_SCALE } from './schema/survey-spec.js';
export type { SurveySpec, NormalizedSpec, Touchpoint, Outcome, OutcomeType, NormalizedScale, CellCode } from './schema/survey-spec.js';
export { readSurvey, safeReadSurvey } from './ingest/read-survey.js';
export type { SurveyInput, CellValue, ReadSurveyOptions, SafeReadResult } from './ingest/read-survey.js';
export { inferSurveySpec } from './ingest/infer-spec.js';
export type { InferSpecOptions, InferredSpec } from './ingest/infer-spec.js';
export { surveyColumn, surveyNotApplicable, DROP_REASONS } from './survey/survey.js';
export type { Survey, IngestReport, ColumnReport, DropReason, Calibration } from './survey/survey.js';
export { modelData, missingDataSummary, MISSING_DATA_METHODS } from './survey/model-data.js';
export type { ModelDataOptions, SurveyModelData, MissingDataMethod, MissingDataSummary, RowsLeftOut, NotAnsweredIndicator } from './survey/model-data.js';
export { rake } from './survey/rake.js';
export type { RakeMargins, RakeOptions } from './survey/rake.js';
export type { DescribeOptions, SurveyDescriptives, ItemDescriptives, ScalePointCount, NpsSummary } from './survey/describe-survey.js';
export { netPromoterScore } from './survey/nps.js';
export type { NpsOptions, NpsResult } from './survey/nps.js';

// presenters
export { formatDescriptivesText, formatIngestReportText, formatTable } from './report/text.js';

// distributions and paired tests
export {
  normalCdf,
  normalUpperTail,
  normalQuantile,
  studentTCdf,
  studentTUpperTail,
  studentTQuantile,
  fCdf,
  fUpperTail,
  fQuantile,
  chiSquareCdf,
  chiSquareUpperTail,
  chiSquareQuantile,
} from './distributions/index.js';
export { pairedTTest } from './inference/paired-t-test.js';
export type { PairedTTestResult } from './inference/paired-t-test.js';
export { wilcoxonSignedRank } from './inference/wilcoxon-signed-rank.js';
export type { WilcoxonSignedRankResult } from './inference/wilcoxon-signed-rank.js';

// regression
export type { OlsOptions, OlsResult, OlsCoefficient, AliasedCoefficient, CovarianceType } from './regression/ols.js';

// peak-end analysis
export type {
  PeakEndOptions,
  PeakEndResult,
  AggregateWithTest,
  RespondentPeakEnd,
  ModelComparison,
  ModelAccuracy,
  PredictionModel,
  PeakEndVerdict,
  PeakEndVerdictCode,
} from './experience/peak-end.js';
export { aggregatePeakEnd } from './experience/aggregate-peak-end.js';
export type { AggregatePeakEndResult, PeakRule, PeakEndRule, TouchpointMean, Moment } from './experience/aggregate-peak-end.js';
export { predictionAccuracy, binaryPredictionAccuracy } from './experience/prediction-accuracy.js';
export type { PredictionAccuracy, BinaryPredictionAccuracy } from './experience/prediction-accuracy.js';

// reproducible randomness
export { createRng, fromState } from './random/rng.js';
export type { Rng } from './random/rng.js';

// relative importance
export { IMPORTANCE_METHODS, MAX_EXACT_LMG_PLAYERS, MAX_DOMINANCE_PREDICTORS } from './importance/relative-importance.js';
export type { ImportanceMethod, ImportanceGroup, RelativeImportanceOptions, RelativeImportanceResult, RowsDropped } from './importance/relative-importance.js';
export type { DominanceDetails } from './importance/dominance.js';
export { pseudoRSquaredShapley, PSEUDO_R_SQUARED_MEASURES, DEFAULT_MAX_EXACT_PLAYERS, MAX_EXACT_PSEUDO_R_SQUARED_PLAYERS } from './importance/pseudo-r-squared-shapley.js';
export type { PseudoRSquaredMeasure, PseudoRSquaredShapleyOptions, PseudoRSquaredShapleyResult } from './importance/pseudo-r-squared-shapley.js';
export type { BootstrapImportanceOptions, BootstrapImportanceResult, BootstrapEstimate, Interval } from './importance/bootstrap.js';

// key drivers and key moments
export { compareSegments } from './experience/compare-segments.js';
export type { CompareSegmentsOptions, CompareSegmentsResult, SegmentGroup, SegmentMean, SegmentDriver } from './experience/compare-segments.js';
export { welchTTest } from './inference/welch-t-test.js';
export type { WelchTTestResult } from './inference/welch-t-test.js';
export { twoProportionTest } from './inference/two-proportion-test.js';
export type { TwoProportionTestResult } from './inference/two-proportion-test.js';
export { benjaminiHochberg } from './inference/p-adjust.js';
export type { KeyDriversOptions, KeyDriversResult, TouchpointDriver } from './experience/key-drivers.js';
export { importancePerformance } from './experience/ipa.js';
export type { IpaPoint, IpaOptions, IpaResult, Quadrant } from './experience/ipa.js';
export { penaltyReward } from './experience/penalty-reward.js';
export type { PenaltyRewardOptions, PenaltyRewardResult, PenaltyRewardFactor, FactorType } from './experience/penalty-reward.js';

// the Report
export type { AnalyzeOptions } from './report/analyze.js';
export { reportSchema, reportJsonSchema, olsResultSchema } from './schema/report.js';
export type { Report } from './schema/report.js';

// forensics
export { grim } from './forensics/grim.js';
export type { GrimOptions, GrimResult, RoundingRule } from './forensics/grim.js';
export { grimmer } from './forensics/grimmer.js';
export type { GrimmerOptions, GrimmerResult } from './forensics/grimmer.js';
export { checkPublishedTable } from './forensics/check-published-table.js';
export type { PublishedRow, CheckTableOptions, CheckedRow, CheckTableResult } from './forensics/check-published-table.js';
export { reconstruct } from './forensics/reconstruct.js';
export type { ReconstructTarget, ReconstructOptions, ReconstructResult, TargetColumn, RegressionConstraint, ConstraintCheck } from './forensics/reconstruct.js';
// The Zhijiang study's data and reproduction: 'peak-end/zhijiang' (src/zhijiang.ts).
export { formatReportText } from './report/text.js';
export { formatNumber, formatPValue, formatP, significanceStars } from './report/format.js';
export type { PValueStyle } from './report/format.js';
export { reportDocument } from './report/document.js';
export type { ReportDocument, Section, Block } from './report/document.js';
export { LOCALES, peakEndVerdictText, modelName } from './report/i18n.js';
export type { Locale, PeakEndVerdictWords } from './report/i18n.js';
export { formatReportMarkdown } from './report/markdown.js';
export { formatReportHtml } from './report/html.js';
export type { ChartSvgs } from './report/html.js';
export { segmentsChart } from './report/charts.js';
export type { VegaLiteSpec } from './report/charts.js';
export { formatDriversCsv } from './report/csv.js';
export { DEFAULT_LIMITS } from './ingest/limits.js';
export type { IngestLimits } from './ingest/limits.js';

// ordinal and binary outcomes
export { ordinalLogit } from './regression/ordinal.js';
export type { OrdinalOptions, OrdinalResult, WaldCoefficient, Threshold, Convergence } from './regression/ordinal.js';
export { logisticRegression } from './regression/logistic.js';
export type { LogisticOptions, LogisticResult } from './regression/logistic.js';

// scale: mergeable summaries
export { SurveyAccumulator } from './scale/survey-accumulator.js';
export type { AccumulatorState, MomentsOlsResult } from './scale/survey-accumulator.js';
// scale: SQL pushdown of the moments
export { analyzeMoments, momentsQuery } from './scale/moments-query.js';
export type { MomentsAnalysis, MomentsQueryOptions, MomentsRow, SqlDialect } from './scale/moments-query.js';

// the peak-end rule to the research standard: Gestalt features, nested models, dependent correlations
export { gestaltFeatures, GESTALT_FEATURES } from './experience/gestalt-features.js';
export type { GestaltFeature, GestaltFeaturesOptions, GestaltFeaturesResult } from './experience/gestalt-features.js';
export { gestalt, GESTALT_MODELS } from './experience/gestalt.js';
export type {
  GestaltOptions,
  GestaltResult,
  GestaltModel,
  GestaltModelName,
  NestedTest,
  GestaltDependentCorrelation,
  GestaltVerdict,
  GestaltVerdictCode,
  GestaltOrdinal,
  GestaltOrdinalModel,
  LikelihoodRatioTest,
} from './experience/gestalt.js';
export type { GestaltLogistic, GestaltLogisticModel } from './experience/gestalt-logistic.js';
export { dependentCorrelation } from './inference/dependent-correlation.js';
export type { DependentCorrelationInput, DependentCorrelationResult } from './inference/dependent-correlation.js';
export { gestaltChart } from './report/charts.js';
export { gestaltSection, formatGestaltText } from './report/gestalt-section.js';
export type { GestaltReport, AggregateSummary } from './report/gestalt-section.js';
export { gestaltMessages, gestaltVerdictText } from './report/i18n.js';
export type { GestaltVerdictWords } from './report/i18n.js';

// Results and charts of these functions carry a non-enumerable Symbol.for('Jupyter.display') method
// (rich output in Jupyter's Deno kernel); their data and JSON are those of the plain functions.
export { analyze, describeSurvey, peakEnd, keyDrivers, relativeImportance, bootstrapImportance, ols } from './report/displayed.js';
export { journeyChart, driverChart, ipaChart, peakEndChart, reportCharts } from './report/displayed.js';
export { mimeBundle, reportElement, vegaLite, withNotebookDisplay, JUPYTER_DISPLAY } from './report/notebook.js';
export type { MimeBundle, NotebookOptions } from './report/notebook.js';
