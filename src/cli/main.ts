/**
 * The peak-end command line. Thin by design: parse arguments, call the public API, print, and map
 * errors to exit codes (docs/cli.md): 0 success; 1 an error that is not the data's or the
 * user's (or an analysis that cannot run at all); 2 usage error, or a choice the CLI will not guess
 * (which column is overall, what text answers score, what 0 means); 3 invalid data (including empty
 * files and workbooks); 4 the report was written but a part of it could not run.
 */

import packageJson from '../../package.json' with { type: 'json' };
import { DataValidationError, formatCount, InferenceRefusedError, PeakEndError } from '../errors.js';
import { analyzeCommand, analyzeHelp } from './analyze.js';
import type { CommandContext } from './context.js';
import { demoCommand, demoHelp } from './demo.js';
import { describeCommand, describeHelp } from './describe.js';
import { grimCommand, grimHelp } from './grim.js';
import { reproduceCommand, reproduceHelp } from './reproduce.js';
import { schemaCommand, schemaHelp } from './schema.js';
import { PartialResultError, UsageError } from './usage-error.js';

/** Exit codes; docs/cli.md documents each. */
export const EXIT = { ok: 0, error: 1, usage: 2, data: 3, partial: 4 } as const;

/** How many row-level issues the CLI prints under the per-cause summary. */
const MAX_PRINTED_ISSUES = 10;

const commands: Record<string, { run: (args: readonly string[], ctx: CommandContext) => Promise<void>; help: string; summary: string }> = {
  analyze: { run: analyzeCommand, help: analyzeHelp, summary: 'full analysis: descriptives, peak-end, key drivers' },
  demo: { run: demoCommand, help: demoHelp, summary: 'analyse the bundled demo survey' },
  describe: { run: describeCommand, help: describeHelp, summary: 'descriptive statistics per touchpoint and overall' },
  reproduce: { run: reproduceCommand, help: reproduceHelp, summary: 'reproduce the Zhijiang study from its published figures' },
  grim: { run: grimCommand, help: grimHelp, summary: 'GRIM / GRIMMER check of a published mean (and SD)' },
  schema: { run: schemaCommand, help: schemaHelp, summary: 'print the JSON Schema of the Report' },
};

const mainHelp = `peak-end ${packageJson.version}: customer-experience survey analytics

Usage: peak-end <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "peak-end <command> --help" for a command's options and examples.
Options: --help, --version`;

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[], ctx: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.out(mainHelp);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    ctx.out(packageJson.version);
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  // The same warning is printed once, however many parts report it.
  const printed = new Set<string>();
  const warn = ctx.warn;
  ctx = {
    ...ctx,
    warn: (text) => {
      if (printed.has(text)) return;
      printed.add(text);
      warn(text);
    },
  };
  try {
    if (command === undefined) throw new UsageError(`Unknown command "${name}"; run peak-end --help for the list.`);
    if (rest.includes('--help') || rest.includes('-h')) {
      ctx.out(command.help);
      return 0;
    }
    await command.run(rest, ctx);
    return 0;
  } catch (error) {
    return reportError(error, ctx);
  }
}

function reportError(error: unknown, ctx: CommandContext): number {
  if (error instanceof PartialResultError) {
    ctx.error(error.message);
    return EXIT.partial;
  }
  if (error instanceof DataValidationError) {
    ctx.error(formatDataError(error));
    return EXIT.data;
  }
  if (error instanceof InferenceRefusedError) {
    ctx.error(error.message);
    return EXIT.usage;
  }
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    ctx.error(`${(error as Error).message}\nRun peak-end --help for usage.`);
    return EXIT.usage;
  }
  if (error instanceof PeakEndError) {
    ctx.error(error.message);
    return 1;
  }
  ctx.error(`Unexpected error: ${(error as Error)?.stack ?? String(error)}`);
  return 1;
}

/**
 * A data error for the terminal: one line per cause (counted over every issue, most frequent
 * first), then the first few issues with their rows and lines.
 */
export function formatDataError(error: DataValidationError): string {
  const total = error.totalIssues;
  if (total === 1) return `Invalid data: ${error.issues[0]?.message ?? error.message}`;
  const shown = error.issues.slice(0, MAX_PRINTED_ISSUES);
  const rest = total - shown.length;
  return [
    `Invalid data (${formatCount(total)} issues):`,
    ...error.causes.map((c) => `  ${c.summary}.`),
    `First ${shown.length === 1 ? 'issue' : `${shown.length} issues`}:`,
    ...shown.map((i) => `  ${i.message}`),
    ...(rest > 0 ? [`  ... and ${formatCount(rest)} more (summarised above).`] : []),
  ].join('\n');
}
