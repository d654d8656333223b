/** `peak-end reproduce zhijiang`: the Zhijiang study's figures and findings, reproduced. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { peakEnd } from '../experience/peak-end.js';
import { reproduceZhijiang } from '../forensics/reproduce-zhijiang.js';
import { zhijiangSpec } from '../forensics/zhijiang.js';
import { readSurveyFile } from '../ingest/read-survey-file.js';
import { formatGestaltText } from '../report/gestalt-section.js';
import { formatReproductionText } from '../report/text.js';
import type { CommandContext } from './context.js';
import { UsageError } from './usage-error.js';

export const reproduceHelp = `Usage: peak-end reproduce zhijiang [--json] [--data FILE]

Every figure and finding the Zhijiang distributor study published (means, peak, end, the
peak-end prediction 4.64 vs 4.17, both regressions' verdicts, pain point, hygiene factors)
side by side with what peak-end computes on the bundled reconstruction
(fixtures/zhijiang/zhijiang.csv), followed by the GRIM check of the published means and the
research-standard test of the peak-end rule on the same data (Gestalt features, nested models,
dependent correlations: "Does the peak-end rule hold here?").

Options:
  --json        the reproduction as one JSON document { findings, grim, ..., gestalt }
  --data FILE   reproduce on another CSV with the same columns instead

Examples:
  peak-end reproduce zhijiang
  peak-end reproduce zhijiang --json > zhijiang.json   # then e.g. jq '.findings[] | select(.matches | not)' zhijiang.json`;

/**
 * `gestalt: false` (the demo, whose full analysis that follows shows the battery with the
 * aggregate method beside it) leaves the Gestalt section out of the text, so it is printed once.
 */
export async function reproduceCommand(args: readonly string[], ctx: CommandContext, options: { readonly gestalt?: boolean } = {}): Promise<void> {
  const { values, positionals } = parseArgs({ args: [...args], options: { json: { type: 'boolean' }, data: { type: 'string' } }, allowPositionals: true });
  if (positionals[0] !== 'zhijiang' || positionals.length > 1) throw new UsageError('reproduce knows one study: peak-end reproduce zhijiang.');
  const file = values.data ?? join(ctx.packageRoot, 'fixtures', 'zhijiang', 'zhijiang.csv');
  const survey = await readSurveyFile(file, zhijiangSpec());
  const result = reproduceZhijiang(survey);
  // The study's aggregate method beside the research-standard battery on the same respondents.
  const { aggregate, gestalt } = peakEnd(survey, { includePredictions: false });
  if (values.json) ctx.out(JSON.stringify({ ...result, gestalt }, null, 2));
  else ctx.out(gestalt === null || options.gestalt === false ? formatReproductionText(result) : `${formatReproductionText(result)}\n\n${formatGestaltText(gestalt, { aggregate })}`);
}
