/** `peak-end describe <file>`: descriptives of every touchpoint and the overall rating. */
import { parseArgs } from 'node:util';
import { formatDescriptivesText, formatIngestReportText } from '../report/text.js';
import { describeSurvey } from '../survey/describe-survey.js';
import type { CommandContext } from './context.js';
import { loadSurvey, surveyOptionDefinitions, surveyOptionsHelp } from './survey-options.js';
import { UsageError } from './usage-error.js';

export const describeHelp = `Usage: peak-end describe <file.csv> [options]

Descriptive statistics per touchpoint (journey order) and overall: n, missing, mean, SD,
standard error, 95% t interval, median, top-2 and bottom-2 box.

${surveyOptionsHelp}
Output:
  --json                 print the descriptives and ingest report as one JSON document

Examples:
  peak-end describe fixtures/zhijiang/zhijiang.csv --spec fixtures/zhijiang/spec.json
  peak-end describe export.csv --overall Overall --scale 1-5 --missing NA,99`;

export async function describeCommand(args: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parseArgs({ args: [...args], options: { ...surveyOptionDefinitions, json: { type: 'boolean' } }, allowPositionals: true });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('describe needs exactly one CSV file, e.g. peak-end describe survey.csv --spec survey.json.');
  const survey = await loadSurvey(file, values, ctx.info, ctx.progress);
  const descriptives = describeSurvey(survey);
  if (values.json) {
    ctx.out(JSON.stringify({ descriptives, ingest: survey.report }, null, 2));
    return;
  }
  ctx.out(`${formatIngestReportText(survey.report)}\n\n${formatDescriptivesText(descriptives)}`);
  [...survey.report.warnings, ...descriptives.warnings].forEach((w) => {
    ctx.warn(w.message);
  });
}
