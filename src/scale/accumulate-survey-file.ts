/**
 * accumulateSurveyFile ('peak-end/node'): streams a survey file of any size into a
 * SurveyAccumulator, with the same validation and row accounting as readSurveyFile but without
 * keeping the rows: memory is bounded by the number of columns.
 */
import { type ReadSurveyFileOptions, streamSurveyFile } from '../ingest/read-survey-file.js';
import { normalizeSpec, type SurveySpec } from '../schema/survey-spec.js';
import type { IngestReport } from '../survey/survey.js';
import { SurveyAccumulator } from './survey-accumulator.js';

/**
 * Reads `path` chunk by chunk into a {@link SurveyAccumulator}.
 *
 * @example
 * ```ts
 * import { accumulateSurveyFile } from 'peak-end/node';
 * const { accumulator, report } = await accumulateSurveyFile('ten-million-rows.csv', spec);
 * accumulator.ols().coefficients; report.rowsRead; // 10000000
 * ```
 * @throws DataValidationError and PeakEndError as readSurveyFile.
 */
export async function accumulateSurveyFile(path: string, spec: SurveySpec, options: ReadSurveyFileOptions = {}): Promise<{ accumulator: SurveyAccumulator; report: IngestReport }> {
  const accumulator = new SurveyAccumulator(normalizeSpec(spec));
  const builder = await streamSurveyFile(path, spec, options, (ratings, weight) => accumulator.addRow(ratings, weight));
  return { accumulator, report: builder.finishReport() };
}
