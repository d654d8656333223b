/**
 * The raked descriptive table and the segment comparison that docs/getting-started.md shows are
 * the CLI's own output for the command it gives (the examples test only runs the command).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const guide = readFileSync(fileURLToPath(new URL('../../docs/getting-started.md', import.meta.url)), 'utf8');
const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
/** The arguments of a command line: plain words, and JSON in single quotes. */
const words = (command: string): string[] => [...command.matchAll(/'([^']*)'|(\S+)/g)].map((m) => (m[1] ?? m[2]) as string);

describe('docs/getting-started.md: segments and weights from a CSV', () => {
  it('shows the tables the command prints', async () => {
    const command = /npx peak-end (analyze fixtures\/segments\/survey\.csv [^\n]*--rake [^\n]*--md)\n/.exec(guide)?.[1];
    expect(command).toBeDefined();
    const { code, stdout } = await runCli(words(command as string));
    expect(code).toBe(0);
    const lines = stdout.split('\n').map((line) => line.replace(/\\\*/g, '*'));
    const raked = lines.filter((line) => line.startsWith('Weights raked') || /^\| (price|delivery|service|overall \(overall\)) \| \d+ \| \d+ \|/.test(line));
    // The means and driver-difference tables of "Segments: region" (the guide leaves out its peak-end table).
    const start = lines.indexOf('## Segments: region');
    const region = lines.slice(start, lines.indexOf('The peak-end rule within each group:', start)).filter((line) => line.startsWith('|'));
    expect(raked).toHaveLength(5);
    expect(region).toHaveLength(2 * 2 + 12 + 9);
    for (const line of [...raked, ...region]) expect(guide).toContain(line);
  }, 120_000);

  it('README shows the raked descriptive table and segment rows the command prints', async () => {
    const command = /npx peak-end (analyze fixtures\/segments\/survey\.csv [^\n]*--rake '[^']*')\n/.exec(readme)?.[1];
    expect(command).toBeDefined();
    const { code, stdout } = await runCli(words(command as string));
    expect(code).toBe(0);
    const excerpt = /```text\n(DESCRIPTIVES\n[\s\S]*?)```/.exec(readme)?.[1] as string;
    const shown = excerpt.split('\n').filter((line) => line !== '' && line !== '...');
    expect(shown.length).toBeGreaterThanOrEqual(14);
    const printed = stdout.split('\n');
    for (const line of shown) expect(printed).toContain(line);
  }, 120_000);
});
