// peak-end schema | head -1: the reader closes the pipe after one line; the command must end
// quietly (no EPIPE stack trace) with exit code 0. Runs the real entry point (src/cli/bin.ts,
// bundled with esbuild into a scratch folder inside the repository so dependencies resolve).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
let out = '';

beforeAll(async () => {
  out = mkdtempSync(join(root, '.test-build-'));
  await build({ entryPoints: [join(root, 'src', 'cli', 'bin.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: join(out, 'dist', 'cli.js'), logLevel: 'silent' });
}, 60_000);

afterAll(() => {
  if (out !== '') rmSync(out, { recursive: true, force: true });
});

describe('a closed output pipe', () => {
  it('ends peak-end schema quietly with exit 0 when the reader has closed the pipe', async () => {
    const child = spawn(process.execPath, [join(out, 'dist', 'cli.js'), 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Close our end before the command writes (as `head -1` does after its line, but without the
    // race: the whole schema could otherwise fit in the pipe before the reader stops).
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});
