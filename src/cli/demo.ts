/** `peak-end demo`: what `npm start` runs: the Zhijiang reproduction, then the full analysis of its data. */
import { join } from 'node:path';
import { analyzeCommand } from './analyze.js';
import type { CommandContext } from './context.js';
import { reproduceCommand } from './reproduce.js';
import { UsageError } from './usage-error.js';

export const demoHelp = `Usage: peak-end demo

Reproduces the Zhijiang distributor study from its published figures (peak-end reproduce
zhijiang), then analyses the bundled reconstruction in full (peak-end analyze
fixtures/zhijiang/zhijiang.csv --spec fixtures/zhijiang/spec.json), whose report includes the
research-standard test of the peak-end rule ("Does the peak-end rule hold here?") once.`;

export async function demoCommand(args: readonly string[], ctx: CommandContext): Promise<void> {
  if (args.length > 0) throw new UsageError('demo takes no options; for JSON use peak-end reproduce zhijiang --json or peak-end analyze FILE --json.');
  const dir = join(ctx.packageRoot, 'fixtures', 'zhijiang');
  // The Gestalt battery once, in the full analysis (beside the study's aggregate method).
  await reproduceCommand(['zhijiang'], ctx, { gestalt: false });
  ctx.out(`\n${'='.repeat(100)}\nFULL ANALYSIS of fixtures/zhijiang/zhijiang.csv (a plausible reconstruction, not the original data)\n${'='.repeat(100)}\n`);
  await analyzeCommand([join(dir, 'zhijiang.csv'), '--spec', join(dir, 'spec.json')], ctx);
}
