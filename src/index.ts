/**
 * peak-end: customer-experience survey analytics.
 *
 * The browser-safe core: no `node:` imports anywhere below this file. File and stream helpers
 * live in `peak-end/node`.
 *
 * @packageDocumentation
 */

// distributions and paired tests
export {
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareUpperTail,
  fCdf,
  fQuantile,
  fUpperTail,
  normalCdf,
  normalQuantile,
  normalUpperTail,
  studentTCdf,
  studentTQuantile,
  studentTUpperTail,
} from './distributions/index.js';
export type { DataIssue, IssueCode, PeakEndErrorOptions, Warning, WarningCode } from './errors.js';
// errors
export {
  ConvergenceError,
  DataValidationError,
  InsufficientDataError,
  InvalidArgumentError,
  MAX_LISTED_ISSUES,
  PeakEndError,
  RankDeficientError,
} from './errors.js';
export type { AggregatePeakEndResult, Moment, PeakEndRule, PeakRule, TouchpointMean } from './experience/aggregate-peak-end.js';
export { aggregatePeakEnd } from './experience/aggregate-peak-end.js';
export type { CompareSegmentsOptions, CompareSegmentsResult, SegmentDriver, SegmentGroup, SegmentMean } from './experience/compare-segments.js';
// key drivers and key moments
export { compareSegments } from './experience/compare-segments.js';
export type {
  GestaltDependentCorrelation,
  GestaltModel,
  GestaltModelName,
  GestaltOptions,
  GestaltOrdinal,
  GestaltOrdinalModel,
  GestaltResult,
  GestaltVerdict,
  GestaltVerdictCode,
  LikelihoodRatioTest,
  NestedTest,
} from './experience/gestalt.js';
export { GESTALT_MODELS, gestalt } from './experience/gestalt.js';
export type { GestaltFeature, GestaltFeaturesOptions, GestaltFeaturesResult } from './experience/gestalt-features.js';
// the peak-end rule to the research standard: Gestalt features, nested models, dependent correlations
export { GESTALT_FEATURES, gestaltFeatures } from './experience/gestalt-features.js';
export type { GestaltLogistic, GestaltLogisticModel } from './experience/gestalt-logistic.js';
export type { IpaOptions, IpaPoint, IpaResult, Quadrant } from './experience/ipa.js';
export { importancePerformance } from './experience/ipa.js';
export type { KeyDriversOptions, KeyDriversResult, TouchpointDriver } from './experience/key-drivers.js';
// peak-end analysis
export type {
  AggregateWithTest,
  ModelAccuracy,
  ModelComparison,
  PeakEndOptions,
  PeakEndResult,
  PeakEndVerdict,
  PeakEndVerdictCode,
  PredictionModel,
  RespondentPeakEnd,
} from './experience/peak-end.js';
export type { FactorType, PenaltyRewardFactor, PenaltyRewardOptions, PenaltyRewardResult } from './experience/penalty-reward.js';
export { penaltyReward } from './experience/penalty-reward.js';
export type { BinaryPredictionAccuracy, PredictionAccuracy } from './experience/prediction-accuracy.js';
export { binaryPredictionAccuracy, predictionAccuracy } from './experience/prediction-accuracy.js';
export type { CheckedRow, CheckTableOptions, CheckTableResult, PublishedRow } from './forensics/check-published-table.js';
export { checkPublishedTable } from './forensics/check-published-table.js';
export type { GrimOptions, GrimResult, RoundingRule } from './forensics/grim.js';
// forensics
export { grim } from './forensics/grim.js';
export type { GrimmerOptions, GrimmerResult } from './forensics/grimmer.js';
export { grimmer } from './forensics/grimmer.js';
export type { ConstraintCheck, ReconstructOptions, ReconstructResult, ReconstructTarget, RegressionConstraint, TargetColumn } from './forensics/reconstruct.js';
export { reconstruct } from './forensics/reconstruct.js';
export type { BootstrapEstimate, BootstrapImportanceOptions, BootstrapImportanceResult, Interval } from './importance/bootstrap.js';
export type { DominanceDetails } from './importance/dominance.js';
export type { PseudoRSquaredMeasure, PseudoRSquaredShapleyOptions, PseudoRSquaredShapleyResult } from './importance/pseudo-r-squared-shapley.js';
export { DEFAULT_MAX_EXACT_PLAYERS, MAX_EXACT_PSEUDO_R_SQUARED_PLAYERS, PSEUDO_R_SQUARED_MEASURES, pseudoRSquaredShapley } from './importance/pseudo-r-squared-shapley.js';
export type { ImportanceGroup, ImportanceMethod, RelativeImportanceOptions, RelativeImportanceResult, RowsDropped } from './importance/relative-importance.js';
// relative importance
export { IMPORTANCE_METHODS, MAX_DOMINANCE_PREDICTORS, MAX_EXACT_LMG_PLAYERS } from './importance/relative-importance.js';
export type { DependentCorrelationInput, DependentCorrelationResult } from './inference/dependent-correlation.js';
export { dependentCorrelation } from './inference/dependent-correlation.js';
export { benjaminiHochberg } from './inference/p-adjust.js';
export type { PairedTTestResult } from './inference/paired-t-test.js';
export { pairedTTest } from './inference/paired-t-test.js';
export type { TwoProportionTestResult } from './inference/two-proportion-test.js';
export { twoProportionTest } from './inference/two-proportion-test.js';
export type { WelchTTestResult } from './inference/welch-t-test.js';
export { welchTTest } from './inference/welch-t-test.js';
export type { WilcoxonSignedRankResult } from './inference/wilcoxon-signed-rank.js';
export { wilcoxonSignedRank } from './inference/wilcoxon-signed-rank.js';
export type { InferredSpec, InferSpecOptions } from './ingest/infer-spec.js';
export { inferSurveySpec } from './ingest/infer-spec.js';
export type { IngestLimits } from './ingest/limits.js';
export { DEFAULT_LIMITS } from './ingest/limits.js';
export type { CellValue, ReadSurveyOptions, SafeReadResult, SurveyInput } from './ingest/read-survey.js';
export { readSurvey, safeReadSurvey } from './ingest/read-survey.js';
export type { Rng } from './random/rng.js';
// reproducible randomness
export { createRng, fromState } from './random/rng.js';
export type { LogisticOptions, LogisticResult } from './regression/logistic.js';
export { logisticRegression } from './regression/logistic.js';
// regression
export type { AliasedCoefficient, CovarianceType, OlsCoefficient, OlsOptions, OlsResult } from './regression/ols.js';
export type { Convergence, OrdinalOptions, OrdinalResult, Threshold, WaldCoefficient } from './regression/ordinal.js';
// ordinal and binary outcomes
export { ordinalLogit } from './regression/ordinal.js';
// the Report
export type { AnalyzeOptions } from './report/analyze.js';
export type { VegaLiteSpec } from './report/charts.js';
export { gestaltChart, segmentsChart } from './report/charts.js';
export { formatDriversCsv } from './report/csv.js';
// Results and charts of these functions carry a non-enumerable Symbol.for('Jupyter.display') method
// (rich output in Jupyter's Deno kernel); their data and JSON are those of the plain functions.
export { analyze, bootstrapImportance, describeSurvey, driverChart, ipaChart, journeyChart, keyDrivers, ols, peakEnd, peakEndChart, relativeImportance, reportCharts } from './report/displayed.js';
export type { Block, ReportDocument, Section } from './report/document.js';
export { reportDocument } from './report/document.js';
export type { PValueStyle } from './report/format.js';
export { formatNumber, formatP, formatPValue, significanceStars } from './report/format.js';
export type { AggregateSummary, GestaltReport } from './report/gestalt-section.js';
export { formatGestaltText, gestaltSection } from './report/gestalt-section.js';
export type { ChartSvgs } from './report/html.js';
export { formatReportHtml } from './report/html.js';
export type { GestaltVerdictWords, Locale, PeakEndVerdictWords } from './report/i18n.js';
export { gestaltMessages, gestaltVerdictText, LOCALES, modelName, peakEndVerdictText } from './report/i18n.js';
export { formatReportMarkdown } from './report/markdown.js';
export type { MimeBundle, NotebookOptions } from './report/notebook.js';
export { JUPYTER_DISPLAY, mimeBundle, reportElement, vegaLite, withNotebookDisplay } from './report/notebook.js';
// presenters
// The Zhijiang study's data and reproduction: 'peak-end/zhijiang' (src/zhijiang.ts).
export { formatDescriptivesText, formatIngestReportText, formatReportText, formatTable } from './report/text.js';
export type { MomentsAnalysis, MomentsQueryOptions, MomentsRow, SqlDialect } from './scale/moments-query.js';
// scale: SQL pushdown of the moments
export { analyzeMoments, momentsQuery } from './scale/moments-query.js';
export type { AccumulatorState, MomentsOlsResult } from './scale/survey-accumulator.js';
// scale: mergeable summaries
export { SurveyAccumulator } from './scale/survey-accumulator.js';
export type { Report } from './schema/report.js';
export { olsResultSchema, reportJsonSchema, reportSchema } from './schema/report.js';
export type { CellCode, NormalizedScale, NormalizedSpec, Outcome, OutcomeType, SurveySpec, Touchpoint } from './schema/survey-spec.js';
// survey spec, ingest and the Survey
export { DEFAULT_MISSING_CODES, NPS_SCALE, normalizeSpec, OUTCOME_TYPES, surveySpecSchema } from './schema/survey-spec.js';
export type { DescribeOptions, ItemDescriptives, NpsSummary, ScalePointCount, SurveyDescriptives } from './survey/describe-survey.js';
export type { MissingDataMethod, MissingDataSummary, ModelDataOptions, NotAnsweredIndicator, RowsLeftOut, SurveyModelData } from './survey/model-data.js';
export { MISSING_DATA_METHODS, missingDataSummary, modelData } from './survey/model-data.js';
export type { NpsOptions, NpsResult } from './survey/nps.js';
export { netPromoterScore } from './survey/nps.js';
export type { RakeMargins, RakeOptions } from './survey/rake.js';
export { rake } from './survey/rake.js';
export type { Calibration, ColumnReport, DropReason, IngestReport, Survey } from './survey/survey.js';
export { DROP_REASONS, surveyColumn, surveyNotApplicable } from './survey/survey.js';
