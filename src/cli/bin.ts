/** Executable entry of the `peak-end` command (dist/cli.js). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

// A reader that stops early (peak-end schema | head -1) closes the pipe: end quietly, without an
// EPIPE stack trace. The output was cut by the reader's choice, so the exit code is the command's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  info: (text) => process.stderr.write(`${text}\n`),
  warn: (text) => process.stderr.write(`Warning: ${text}\n`),
  error: (text) => process.stderr.write(`Error: ${text}\n`),
  progress: (label, completed, total) => {
    if (!process.stderr.isTTY) return;
    const width = 30;
    const filled = Math.round((completed / total) * width);
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${completed}/${total}${completed === total ? '\n' : ''}`);
  },
  packageRoot,
});
