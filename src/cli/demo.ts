/** `peak-end demo`: the bundled demo survey, described. What `npm start` runs. */
import { join } from 'node:path';
import type { CommandContext } from './context.js';
import { analyzeCommand } from './analyze.js';

export const demoHelp = `Usage: peak-end demo [--json]

Analyses the bundled demo survey (fixtures/demo: 47 synthetic respondents, 7 touchpoints, 1-5 scale).`;

export async function demoCommand(args: readonly string[], ctx: CommandContext): Promise<void> {
  const dir = join(ctx.packageRoot, 'fixtures', 'demo');
  if (!args.includes('--json')) ctx.info(`peak-end demo: ${join('fixtures', 'demo', 'survey.csv')} (synthetic data; see fixtures/demo/README.md)\n`);
  await analyzeCommand([join(dir, 'survey.csv'), '--spec', join(dir, 'survey.json'), ...args], ctx);
}
