/**
 * peak-end/node: everything in the core plus file and stream input for Node.js.
 *
 * @packageDocumentation
 */
export * from './index.js';
export type { SurveyExport, SurveyExportColumn, SurveyExportOptions } from './ingest/formats/survey-export.js';
export { inferSurveySpecFile, readSurveyExport } from './ingest/formats/survey-export.js';
export type { ResponseFilterOptions, SurveyFileFormat } from './ingest/formats/table.js';
export type { ReadSurveyFileOptions } from './ingest/read-survey-file.js';
export { readSurveyFile } from './ingest/read-survey-file.js';
export type { AnalyzeParallelOptions } from './parallel/analyze-parallel.js';
export { PARALLEL_ANALYZE_MIN_ROWS } from './parallel/analyze-parallel.js';
export type { BootstrapImportanceParallelOptions } from './parallel/bootstrap-importance-parallel.js';
export type { ConcurrencyOptions } from './parallel/pool.js';
export type { RelativeImportanceParallelOptions } from './parallel/relative-importance-parallel.js';
export { PARALLEL_LMG_MIN_PLAYERS } from './parallel/relative-importance-parallel.js';
export { analyzeParallel, bootstrapImportanceParallel, relativeImportanceParallel } from './report/displayed-node.js';
export { renderChartSvg, renderReportHtml } from './report/render-html.js';
export { accumulateSurveyFile } from './scale/accumulate-survey-file.js';
