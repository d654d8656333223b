/** `peak-end analyze <file>`: the full analysis of a survey file. */
import { parseArgs } from 'node:util';
import { analyze } from '../report/analyze.js';
import { formatReportText } from '../report/text.js';
import type { CommandContext } from './context.js';
import { loadSurvey, surveyOptionDefinitions, surveyOptionsHelp } from './survey-options.js';
import { UsageError } from './usage-error.js';

export const analyzeHelp = `Usage: peak-end analyze <file.csv> [options]

Descriptives, the peak-end rule tested against averaging and other models, and key drivers
(regression, LMG importance, key moments, pain points, hygiene factors, IPA quadrants,
penalty-reward) of a survey.

${surveyOptionsHelp}
Analysis:
  --bootstrap N          bootstrap the importance with N resamples (default: off)
  --seed N               seed for the bootstrap and the cross-validation (default 1)
Output (default: text on stdout):
  --json                 the Report as one JSON document (schema: peak-end schema)

Examples:
  peak-end analyze fixtures/demo/survey.csv --spec fixtures/demo/survey.json
  peak-end analyze export.csv --overall Overall --touchpoints Brand,Price,Delivery,Meeting --scale 1-5
  peak-end analyze export.csv --bootstrap 1000 --seed 42 --json > report.json`;

export async function analyzeCommand(args: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { ...surveyOptionDefinitions, json: { type: 'boolean' }, bootstrap: { type: 'string' }, seed: { type: 'string' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) throw new UsageError('analyze needs exactly one CSV file, e.g. peak-end analyze survey.csv --spec survey.json.');
  const replicates = values.bootstrap === undefined ? undefined : positiveInteger(values.bootstrap, '--bootstrap');
  const seed = values.seed === undefined ? 1 : positiveInteger(values.seed, '--seed');
  const survey = await loadSurvey(file, values, ctx.info);
  const report = analyze(survey, {
    peakEnd: { seed },
    keyDrivers: {
      ...(replicates !== undefined && {
        bootstrap: { replicates, seed, onProgress: ({ completed, total }) => ctx.progress('Bootstrap', completed, total) },
      }),
    },
  });
  if (values.json) {
    ctx.out(JSON.stringify(report, null, 2));
    return;
  }
  ctx.out(formatReportText(report));
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new UsageError(`${flag} expects a whole number, got "${text}".`);
  return value;
}
