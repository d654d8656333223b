/** `peak-end reproduce zhijiang`: the Zhijiang study's figures and findings, reproduced. */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { reproduceZhijiang } from '../forensics/reproduce-zhijiang.js';
import { zhijiangSpec } from '../forensics/zhijiang.js';
import { readSurveyFile } from '../ingest/read-survey-file.js';
import { formatReproductionText } from '../report/text.js';
import type { CommandContext } from './context.js';
import { UsageError } from './usage-error.js';

export const reproduceHelp = `Usage: peak-end reproduce zhijiang [--json] [--data FILE]

Every figure and finding the Zhijiang distributor study published (means, peak, end, the
peak-end prediction 4.64 vs 4.17, both regressions' verdicts, pain point, hygiene factors)
side by side with what peak-end computes on the bundled reconstruction
(fixtures/zhijiang/zhijiang.csv), followed by the GRIM check of the published means.

Options:
  --json        the reproduction as one JSON document { findings, grim, ... }
  --data FILE   reproduce on another CSV with the same columns instead

Examples:
  peak-end reproduce zhijiang
  peak-end reproduce zhijiang --json > zhijiang.json   # then e.g. jq '.findings[] | select(.matches | not)' zhijiang.json`;

export async function reproduceCommand(args: readonly string[], ctx: CommandContext): Promise<void> {
  const { values, positionals } = parseArgs({ args: [...args], options: { json: { type: 'boolean' }, data: { type: 'string' } }, allowPositionals: true });
  if (positionals[0] !== 'zhijiang' || positionals.length > 1) throw new UsageError('reproduce knows one study: peak-end reproduce zhijiang.');
  const file = values.data ?? join(ctx.packageRoot, 'fixtures', 'zhijiang', 'zhijiang.csv');
  const result = reproduceZhijiang(await readSurveyFile(file, zhijiangSpec()));
  ctx.out(values.json ? JSON.stringify(result, null, 2) : formatReproductionText(result));
}
