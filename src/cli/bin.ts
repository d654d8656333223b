/** Executable entry of the `peak-end` command (dist/cli.js). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  info: (text) => process.stderr.write(`${text}\n`),
  warn: (text) => process.stderr.write(`Warning: ${text}\n`),
  error: (text) => process.stderr.write(`Error: ${text}\n`),
  packageRoot,
});
