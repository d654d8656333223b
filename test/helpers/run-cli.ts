/**
 * Runs the CLI's `main` in-process with captured output, as the tests of the command line need it:
 * stdout joined, stderr with info, warnings and errors prefixed as the real command prints them.
 */
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Exit code and captured output of one `peak-end` invocation. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `peak-end ...argv` in this process. */
export async function runCli(argv: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    out: (t) => out.push(t),
    info: (t) => err.push(t),
    warn: (t) => err.push(`Warning: ${t}`),
    error: (t) => err.push(`Error: ${t}`),
    progress: () => undefined,
    packageRoot,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
