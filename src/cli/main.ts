/**
 * The peak-end command line. Thin by design: parse arguments, call the public API, print, and map
 * errors to exit codes (0 success, 2 usage error, 3 data validation error, 1 anything else).
 */
import { DataValidationError, PeakEndError } from '../errors.js';
import packageJson from '../../package.json' with { type: 'json' };
import type { CommandContext } from './context.js';
import { analyzeCommand, analyzeHelp } from './analyze.js';
import { demoCommand, demoHelp } from './demo.js';
import { describeCommand, describeHelp } from './describe.js';
import { grimCommand, grimHelp } from './grim.js';
import { reproduceCommand, reproduceHelp } from './reproduce.js';
import { schemaCommand, schemaHelp } from './schema.js';
import { UsageError } from './usage-error.js';

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
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
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
  if (error instanceof DataValidationError) {
    const more = error.totalIssues > error.issues.length ? [`  ... and ${error.totalIssues - error.issues.length} more.`] : [];
    ctx.error([`Invalid data (${error.totalIssues} issue${error.totalIssues === 1 ? '' : 's'}):`, ...error.issues.map((i) => `  ${i.message}`), ...more].join('\n'));
    return 3;
  }
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    ctx.error(`${(error as Error).message}\nRun peak-end --help for usage.`);
    return 2;
  }
  if (error instanceof PeakEndError) {
    ctx.error(error.message);
    return 1;
  }
  ctx.error(`Unexpected error: ${(error as Error)?.stack ?? String(error)}`);
  return 1;
}
