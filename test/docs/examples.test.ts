/**
 * Every example in README.md, docs/*.md and the CLI's --help runs against the built package.
 *
 * - ts blocks that import 'peak-end' or 'peak-end/node': a file's blocks run in order as one ES
 *   module (the guides build on each other), imports merged, compiled with esbuild, in a scratch
 *   folder where 'peak-end' resolves to the built package.
 * - sh blocks: each line running `peak-end` or `npx peak-end`, and every `peak-end ...` line under
 *   "Examples:" in the built CLI's help texts (`peak-end <command> --help`), runs in the same
 *   folder; it must exit 0. The commands run a few at a time, started together, to stay fast.
 *
 * The scratch folder holds the files the examples name (made from the bundled Zhijiang data; see
 * `writeFixtures`) and a link to fixtures/. Names the docs say stand for the reader's own data are
 * defined before a module when it does not declare them: X and y (touchpoint rows and overall
 * ratings of the complete cases), csvText, upload (the text and bytes of responses.csv), spec (the
 * file's JSON spec block) and runInYourWarehouse(sql) (DuckDB in memory over responses.csv).
 *
 * Bootstraps run with 100 replicates instead of the examples' 1000 (`replicates: 1000`,
 * `--bootstrap 1000`), the only change made to an example, to keep the test fast.
 *
 * The built package is dist/ when it is newer than every file under src/ (.ci/run builds before
 * npm test); otherwise the test builds a copy into a scratch folder first.
 */
import { execFile } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const DOCS = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

interface Block {
  readonly file: string;
  readonly line: number;
  readonly lang: string;
  readonly code: string;
}

/** Fenced code blocks of a Markdown file, with the line each starts on. */
function codeBlocks(file: string): Block[] {
  const text = readFileSync(join(root, file), 'utf8');
  const blocks: Block[] = [];
  const fence = /^```(\w*)[^\n]*\n([\s\S]*?)^```/gm;
  for (let m = fence.exec(text); m !== null; m = fence.exec(text)) {
    blocks.push({ file, line: text.slice(0, m.index).split('\n').length, lang: m[1] ?? '', code: m[2] ?? '' });
  }
  return blocks;
}

const tsBlocks = (file: string): Block[] => codeBlocks(file).filter((b) => /^(ts|typescript|js)$/.test(b.lang) && /from 'peak-end(\/node)?'/.test(b.code));

/** The `peak-end` command lines of a file's sh blocks. */
function shellLines(file: string): { line: number; command: string }[] {
  return codeBlocks(file)
    .filter((b) => /^(sh|bash|shell)$/.test(b.lang))
    .flatMap((b) =>
      b.code
        .split('\n')
        .map((command, i) => ({ line: b.line + 1 + i, command: command.trim() }))
        .filter((l) => /^(npx )?peak-end\b/.test(l.command)),
    );
}

/** One module from a file's ts blocks: imports merged per source, bodies in order. */
function moduleSource(blocks: readonly Block[]): { imports: Map<string, Set<string>>; body: string } {
  const imports = new Map<string, Set<string>>();
  const bodies: string[] = [];
  for (const block of blocks) {
    const body = block.code.replace(/^import\s*\{([^}]*)\}\s*from\s*'([^']+)';[^\n]*\n/gm, (_, names: string, source: string) => {
      const set = imports.get(source) ?? new Set<string>();
      for (const name of names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean))
        set.add(name);
      imports.set(source, set);
      return '';
    });
    bodies.push(`// ${block.file}:${block.line}\n${body}`);
  }
  return { imports, body: bodies.join('\n') };
}

const declares = (body: string, name: string): boolean => new RegExp(`\\b(const|let|var|function)\\s+(\\{[^}]*\\b${name}\\b[^}]*\\}|\\[[^\\]]*\\b${name}\\b[^\\]]*\\]|${name}\\b)`).test(body);
const uses = (body: string, name: string): boolean => new RegExp(`\\b${name}\\b`).test(body);

/** Context for names the docs leave to the reader, defined only where a module uses but does not declare them. */
function prelude(file: string, body: string, imported: Set<string>): string {
  const lines: string[] = [];
  const need = (name: string) => uses(body, name) && !declares(body, name) && !imported.has(name);
  if (need('spec')) {
    const json = codeBlocks(file).find((b) => b.lang === 'json' && b.code.includes('"touchpoints"'));
    if (json !== undefined) lines.push(`const spec = ${json.code.trim()};`);
  }
  if (need('X') || need('y')) {
    lines.push(
      "const __rows = (await import('node:fs')).readFileSync('responses.csv', 'utf8').trim().split('\\n').slice(1).map((l) => l.split(','));",
      'const __complete = __rows.filter((r) => [2, 3, 4, 5, 6].every((j) => r[j] !== ""));',
      'const X = __complete.map((r) => [2, 3, 4, 5].map((j) => Number(r[j])));',
      'const y = __complete.map((r) => Number(r[6]));',
    );
  }
  if (need('csvText')) lines.push("const csvText = (await import('node:fs')).readFileSync('responses.csv', 'utf8');");
  if (need('upload')) lines.push("const upload = new Uint8Array((await import('node:fs')).readFileSync('responses.csv'));");
  if (need('runInYourWarehouse')) {
    lines.push(
      "const { DuckDBInstance } = await import('@duckdb/node-api');",
      "const __db = await (await DuckDBInstance.create(':memory:')).connect();",
      'await __db.run("CREATE SCHEMA cx; CREATE TABLE cx.responses AS SELECT * FROM read_csv(\'responses.csv\', header = true)");',
      'const runInYourWarehouse = async (sql) => (await __db.runAndReadAll(sql)).getRowObjectsJson();',
    );
  }
  return lines.join('\n');
}

/** The files the examples name, made from the bundled Zhijiang reconstruction. */
function writeFixtures(dir: string): void {
  const [header, ...rows] = readFileSync(join(root, 'fixtures/zhijiang/zhijiang.csv'), 'utf8').trim().split('\n');
  const names = (header as string).split(',');
  const col = (row: string[], name: string) => row[names.indexOf(name)] ?? '';
  const cells = rows.map((r) => r.split(','));
  const responses = [
    'respondent,region,brand,price,delivery,meeting,overall,w',
    ...cells.map((r, i) => [i + 1, i % 2 === 0 ? 'north' : 'south', col(r, 'brand_image'), col(r, 'price'), col(r, 'delivery'), col(r, 'meeting'), col(r, 'overall'), i % 3 === 0 ? 2 : 1].join(',')),
  ];
  writeFileSync(join(dir, 'responses.csv'), `${responses.join('\n')}\n`);
  const half = Math.ceil(cells.length / 2) + 1;
  writeFileSync(join(dir, 'part-1.csv'), `${responses.slice(0, half).join('\n')}\n`);
  writeFileSync(join(dir, 'part-2.csv'), `${[responses[0], ...responses.slice(half)].join('\n')}\n`);
  for (const big of ['10M-responses.csv', 'ten-million-rows.csv']) cpSync(join(dir, 'responses.csv'), join(dir, big));
  // An export from a survey tool: NA for no answer.
  const exported = ['Brand,Price,Delivery,Meeting,Overall', ...cells.map((r) => ['brand_image', 'price', 'delivery', 'meeting', 'overall'].map((c) => col(r, c) || 'NA').join(','))];
  writeFileSync(join(dir, 'export.csv'), `${exported.join('\n')}\n`);
  const spec = codeBlocks('docs/getting-started.md').find((b) => b.lang === 'json' && b.code.includes('"touchpoints"'));
  writeFileSync(join(dir, 'spec.json'), spec?.code ?? '');
  symlinkSync(join(root, 'fixtures'), join(dir, 'fixtures'));
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let work = '';
let scratch = '';
let cli = '';

beforeAll(async () => {
  const dist = join(root, 'dist');
  const fresh = ['index.js', 'node.js', 'cli.js'].every((f) => {
    try {
      return statSync(join(dist, f)).mtimeMs >= newestMtime(join(root, 'src'));
    } catch {
      return false;
    }
  });
  // The package as users get it: package.json with its exports, dist/ and fixtures/. Inside the
  // repository, so the build's own dependencies resolve from node_modules.
  scratch = mkdtempSync(join(root, '.test-docs-'));
  cpSync(join(root, 'package.json'), join(scratch, 'package.json'));
  symlinkSync(join(root, 'fixtures'), join(scratch, 'fixtures'));
  if (fresh) {
    symlinkSync(dist, join(scratch, 'dist'));
  } else {
    const { build } = await import('tsup');
    await build({ outDir: join(scratch, 'dist'), dts: false, silent: true, sourcemap: false });
  }
  cli = join(scratch, 'dist', 'cli.js');
  work = mkdtempSync(join(tmpdir(), 'peak-end-docs-'));
  mkdirSync(join(work, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(scratch, join(work, 'node_modules', 'peak-end'));
  const shim = join(work, 'node_modules', '.bin', 'peak-end');
  writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} "$@"\n`);
  chmodSync(shim, 0o755);
  writeFixtures(work);
  void started(''); // start the shell examples now, alongside the TypeScript ones
}, 120_000);

afterAll(() => {
  if (work !== '') rmSync(work, { recursive: true, force: true });
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

async function shell(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, PATH: `${join(work, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` };
  try {
    const fast = command.replace(/^npx peak-end\b/, 'peak-end').replace(/--bootstrap 1000\b/, '--bootstrap 100');
    // Generous: a whole guide's examples (the Gestalt battery of a binary outcome among them) on a busy machine.
    const { stdout, stderr } = await run('sh', ['-c', fast], { cwd: work, env, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('documentation examples run against the built package', () => {
  const withTs = DOCS.filter((f) => tsBlocks(f).length > 0);
  it.each(withTs)(
    'the TypeScript examples of %s',
    async (file) => {
      const blocks = tsBlocks(file);
      const { imports, body } = moduleSource(blocks);
      const imported = new Set([...imports.values()].flatMap((s) => [...s]));
      const head = [...imports].map(([source, names]) => `import { ${[...names].join(', ')} } from '${source}';`).join('\n');
      const fast = body.replace(/replicates: 1000\b/g, 'replicates: 100');
      const { code } = await transform(`${head}\n${prelude(file, body, imported)}\n${fast}\nprocess.exit(0);\n`, { loader: 'ts', format: 'esm', target: 'node20' });
      // Inside the package folder: 'peak-end' resolves to it by self-reference, and the prelude's
      // DuckDB from the repository's node_modules; the examples' files are read from the work folder.
      const path = join(scratch, `${file.replace(/[/.]/g, '-')}.mjs`);
      writeFileSync(path, code);
      const result = await shell(`node ${JSON.stringify(path)}`);
      expect(result.stderr, `${file}: examples from lines ${blocks.map((b) => b.line).join(', ')} failed`).toBe('');
      expect(result.code).toBe(0);
    },
    200_000,
  );

  const lines = DOCS.flatMap((file) => shellLines(file).map((l) => ({ where: `${file}:${l.line}`, command: l.command })));
  it('finds the shell examples', () => {
    expect(lines.length).toBeGreaterThanOrEqual(7);
  });
  it.each(lines.map((l) => [l.where, l.command] as const))(
    '%s: %s',
    async (_, command) => {
      const result = await started(command);
      expect(result.code, result.stderr).toBe(0);
    },
    90_000,
  );
  it('every example in the CLI help texts runs (peak-end <command> --help)', async () => {
    const examples = helpExamples();
    expect(examples.length).toBeGreaterThanOrEqual(8);
    expect(examples.join('\n')).not.toMatch(/fixtures\/demo/);
    for (const example of examples) {
      const result = await started(example);
      expect(result.code, `${example}\n${result.stderr}`).toBe(0);
    }
  }, 90_000);
});

/** `peak-end ...` lines under "Examples:" in the built CLI's help texts. */
function helpExamples(): string[] {
  const bundle = readFileSync(cli, 'utf8');
  return [...bundle.matchAll(/Examples:\n((?: {2}peak-end[^\n`]*\n?)+)/g)].flatMap((m) =>
    (m[1] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
}

const runs = new Map<string, Promise<{ code: number; stdout: string; stderr: string }>>();
let slots = 3;
const queue: (() => void)[] = [];
/** Starts every shell example at once (three at a time) on first use; each test awaits its own. */
function started(command: string): Promise<{ code: number; stdout: string; stderr: string }> {
  if (runs.size === 0) {
    const all = [...DOCS.flatMap((file) => shellLines(file).map((l) => l.command)), ...helpExamples()];
    for (const c of all) {
      if (runs.has(c)) continue;
      runs.set(
        c,
        new Promise<void>((resolve) => {
          if (slots > 0) {
            slots--;
            resolve();
          } else queue.push(resolve);
        }).then(async () => {
          try {
            return await shell(c);
          } finally {
            const next = queue.shift();
            if (next) next();
            else slots++;
          }
        }),
      );
    }
  }
  return runs.get(command) ?? Promise.resolve({ code: 0, stdout: '', stderr: '' });
}
