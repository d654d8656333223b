/**
 * The judgement corpus (test/corpus/judgement/): survey exports with wrong or ambiguous structure,
 * each run through the CLI as a user would (peak-end analyze FILE --json). Every file must get the
 * right call (exit 0 with the overall, scale and touchpoints its manifest names) or a refusal
 * (the manifest's exit code, with a message naming the fix): never a wrong analysis with exit 0.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CliRun, runCli } from '../helpers/run-cli.js';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const judgementDir = join(packageRoot, 'test', 'corpus', 'judgement');
const heldoutDir = join(packageRoot, 'test', 'corpus', 'heldout');

interface Case {
  readonly dir?: string;
  readonly file: string;
  readonly args?: readonly string[];
  readonly format?: 'json' | 'text';
  readonly why: string;
  readonly expect: {
    readonly exit?: number;
    readonly exitNot?: number;
    readonly stderr?: readonly string[];
    readonly notes?: readonly string[];
    readonly stdoutStarts?: string;
    readonly overall?: string;
    readonly scale?: readonly [number, number];
    readonly touchpoints?: readonly string[];
    readonly weighted?: boolean;
    readonly dropped?: Readonly<Record<string, number>>;
  };
}

const load = (dir: string): Case[] => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { cases: Case[] }).cases.map((c) => ({ ...c, dir }));
const manifest = { cases: [...load(judgementDir), ...load(heldoutDir)] };

const run = (argv: readonly string[]): Promise<CliRun> => runCli(argv);

describe('judgement corpus', () => {
  it('has at least 25 judgement files and the held-out files, each with an expected decision and a README naming its origin', () => {
    const judgement = new Set(manifest.cases.filter((c) => c.dir === judgementDir).map((c) => c.file));
    expect(judgement.size).toBeGreaterThanOrEqual(25);
    for (const c of manifest.cases) {
      const dir = c.dir as string;
      expect(existsSync(join(dir, c.file)), c.file).toBe(true);
      expect(readFileSync(join(dir, 'README.md'), 'utf8'), `README.md mentions ${c.file}`).toContain(c.file);
    }
  });

  it.each(manifest.cases.map((c) => [`${c.dir === heldoutDir ? 'held-out ' : ''}${c.file} ${(c.args ?? []).join(' ')}`.trim(), c] as const))('%s', async (_name, c) => {
    const dir = c.dir as string;
    const args = (c.args ?? []).map((a, i, all) => (['--spec', '--labels'].includes(all[i - 1] ?? '') && existsSync(join(dir, a)) ? join(dir, a) : a));
    const { code, stdout, stderr } = await run(['analyze', join(dir, c.file), ...args, ...(c.format === 'text' ? [] : ['--json'])]);
    const e = c.expect;
    const context = `${c.why}\n--- stderr ---\n${stderr.slice(0, 3000)}`;
    if (e.exit !== undefined) expect(code, context).toBe(e.exit);
    if (e.exitNot !== undefined) expect(code, context).not.toBe(e.exitNot);
    for (const phrase of [...(e.stderr ?? []), ...(e.notes ?? [])]) expect(stderr.toLowerCase(), context).toContain(phrase.toLowerCase());
    if (e.stdoutStarts !== undefined) expect(stdout.startsWith(e.stdoutStarts), stdout.slice(0, 200)).toBe(true);
    if (code === 0 || code === 4) {
      if (c.format === 'text') return;
      const report = JSON.parse(stdout) as {
        survey: { overall: string; scale: { min: number; max: number }; touchpoints: { column: string }[] };
        ingest: { columns: { role: string }[]; droppedByReason: Record<string, number> };
      };
      if (e.overall !== undefined) expect(report.survey.overall).toBe(e.overall);
      if (e.scale !== undefined) expect([report.survey.scale.min, report.survey.scale.max]).toEqual(e.scale);
      if (e.touchpoints !== undefined) expect(report.survey.touchpoints.map((t) => t.column)).toEqual(e.touchpoints);
      for (const [reason, count] of Object.entries(e.dropped ?? {})) expect(report.ingest.droppedByReason[reason], reason).toBe(count);
      if (e.weighted !== undefined) expect(report.ingest.columns.some((col) => col.role === 'weight')).toBe(e.weighted);
    } else {
      expect(stdout, 'nothing on stdout when the analysis does not run').toBe('');
    }
  });
});
