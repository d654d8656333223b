import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { reportSchema } from '../../src/schema/report.js';
import { type CliRun, runCli } from '../helpers/run-cli.js';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'peak-end-cli-'));
const tmp = dir;

const run = (...argv: string[]): Promise<CliRun> => runCli(argv);

describe('peak-end CLI', () => {
  it('demo (npm start) reproduces the Zhijiang study, then prints the full analysis of its data', async () => {
    const { code, stdout } = await run('demo');
    expect(code).toBe(0);
    expect(stdout).toContain('16 of 16 published figures and findings reproduced on 47 questionnaires.');
    expect(stdout).toContain('[yes] peak-end-prediction\n      published:  prediction 4.64 vs overall 4.17\n      reproduced: prediction 4.64 vs overall 4.17');
    expect(stdout).toMatch(/Brand image\s+45\s+2\s+4\.82/);
    for (const heading of [
      'GRIM',
      'DESCRIPTIVES',
      'PEAK-END RULE',
      'Verdict: ',
      'DOES THE PEAK-END RULE HOLD HERE?',
      'Do peak and end add to the mean?',
      "Williams' t(44)",
      'KEY DRIVERS',
      'PENALTY-REWARD',
    ])
      expect(stdout).toContain(heading);
    // The battery once (in the full analysis), not again after the reproduction.
    expect(stdout.split('DOES THE PEAK-END RULE HOLD HERE?')).toHaveLength(2);
    expect(stdout.indexOf('DOES THE PEAK-END RULE HOLD HERE?')).toBeGreaterThan(stdout.indexOf('FULL ANALYSIS'));
    expect((await run('demo', '--json')).code).toBe(2);
  });

  it('reproduce zhijiang --json prints findings and the GRIM table as one document', async () => {
    const { code, stdout } = await run('reproduce', 'zhijiang', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(parsed.findings.map((f: { id: string }) => f.id)).toContain('mean:overall');
    expect(parsed.findings.every((f: { matches: boolean }) => f.matches)).toBe(true);
    expect(parsed.grim.filter((g: { grimConsistent: boolean }) => !g.grimConsistent)).toHaveLength(4);
    expect(parsed.gestalt.models.map((m: { name: string }) => m.name)).toEqual(['mean', 'peak-end', 'mean+peak-end', 'gestalt']);
    expect(parsed.gestalt.verdict.code).toBe('peak-end-beyond-mean');
  });

  it('grim and schema commands', async () => {
    expect((await run('grim', '4.82', '47')).stdout).toContain('impossible; the nearest possible means are 4.81 and 4.83');
    expect((await run('grim', '3.00', '5', '--sd', '1.58', '--scale', '1-5')).stdout).toContain('is possible');
    expect(JSON.parse((await run('schema')).stdout).title).toBe('peak-end Report');
    expect((await run('grim', '4.82')).code).toBe(2);
  });

  it('analyze --json prints one schema-valid Report on stdout and nothing else', async () => {
    const dir = join(packageRoot, 'fixtures', 'zhijiang');
    const { code, stdout } = await run('analyze', join(dir, 'zhijiang.csv'), '--spec', join(dir, 'spec.json'), '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(reportSchema.safeParse(parsed).error).toBeUndefined();
    expect(parsed.descriptives.items).toHaveLength(8);
    expect(parsed.ingest.rowsRead).toBe(47);
  });

  it('describe --missing 99 adds 99 to the missing codes and keeps blank cells as no answer', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'peak-end-missing-')), 'm.csv');
    writeFileSync(file, 'price,delivery,overall\n4,5,4\n,3,4\n99,4,5\n3,,3\n5,4,5\n4,4,4\n2,3,2\n5,5,5\n3,4,3\n4,2,3\n');
    const { code, stdout } = await run('describe', file, '--missing', '99', '--json');
    expect(code).toBe(0);
    const items = JSON.parse(stdout).descriptives.items as { column: string; n: number; missing: number; mean: number }[];
    expect(items.map((i) => [i.column, i.n, i.missing])).toEqual([
      ['price', 8, 2],
      ['delivery', 9, 1],
      ['overall', 10, 0],
    ]);
    expect(items[0]?.mean).toBe(30 / 8);
  });

  it('describe --json prints descriptives and the ingest account', async () => {
    const file = join(packageRoot, 'fixtures', 'zhijiang', 'zhijiang.csv');
    const { code, stdout } = await run('describe', file, '--spec', join(packageRoot, 'fixtures', 'zhijiang', 'spec.json'), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).descriptives.items).toHaveLength(8);
  });

  it('analyze --bootstrap reports progress and adds bootstrap intervals', async () => {
    const file = join(packageRoot, 'fixtures', 'zhijiang', 'zhijiang.csv');
    const progress: number[] = [];
    const code = await main(['analyze', file, '--spec', join(packageRoot, 'fixtures', 'zhijiang', 'spec.json'), '--bootstrap', '25', '--seed', '3'], {
      out: (t) => expect(t).toContain('BOOTSTRAP\n25 resamples, seed 3, 95% CI.'),
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      progress: (_label, completed) => progress.push(completed),
      packageRoot,
    });
    expect(code).toBe(0);
    expect(progress.at(-1)).toBe(25);
    expect((await run('analyze', file, '--bootstrap', 'many')).code).toBe(2);
  });

  it('analyze writes Markdown, HTML and CSV, in Chinese on request, one output at a time', async () => {
    const dir = join(packageRoot, 'fixtures', 'zhijiang');
    const base = [join(dir, 'zhijiang.csv'), '--spec', join(dir, 'spec.json')];
    const md = await run('analyze', ...base, '--md', '--locale', 'zh-CN');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## 关键驱动因素');
    const html = join(tmp, 'report.html');
    expect((await run('analyze', ...base, '--html', html)).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>/);
    const csv = join(tmp, 'drivers.csv');
    expect((await run('analyze', ...base, '--csv', csv)).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('delivery,Delivery speed,');
    expect((await run('analyze', ...base, '--md', '--json')).code).toBe(2);
    expect((await run('analyze', ...base, '--locale', 'fr')).code).toBe(2);
  });

  it('infers the spec from a messy CSV and announces every guess on stderr', async () => {
    const file = join(dir, 'messy.csv');
    writeFileSync(file, '\uFEFFid;Price;Delivery;Overall\r\n1;4;5;5\r\n2;NA;3;4\r\n\r\n3;2;2;2\r\n');
    const { code, stdout, stderr } = await run('describe', file);
    expect(code).toBe(0);
    expect(stderr).toContain('Note: overall rating: "Overall"');
    expect(stderr).toContain('Note: touchpoints in journey order: Price, Delivery');
    expect(stdout).toContain('Rows read: 3; used: 3; dropped: 0.');
  });

  it('exits 3 and lists issues with lines on invalid data', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'a,b,overall\n1,2,3\n1,9,3\n');
    const { code, stderr } = await run('describe', file, '--scale', '1-5', '--touchpoints', 'a,b', '--overall', 'overall');
    expect(code).toBe(3);
    expect(stderr).toContain('Row 2 (line 3), column "b": "9" is outside the scale 1-5');
    const lenient = await run('describe', file, '--scale', '1-5', '--touchpoints', 'a,b', '--overall', 'overall', '--invalid', 'missing');
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toContain('Rows read: 2; used: 2; dropped: 0.');
  });

  it('exits 2 on usage errors and prints help on --help', async () => {
    expect((await run('nonsense')).code).toBe(2);
    expect((await run('describe')).code).toBe(2);
    expect((await run('describe', 'x.csv', '--bogus')).code).toBe(2);
    expect((await run()).code).toBe(2);
    const help = await run('describe', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
  });

  it('prints the version from package.json', async () => {
    const { code, stdout } = await run('--version');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 4 when a part of the analysis cannot run, and says so at the top of the report', async () => {
    const file = join(dir, 'few.csv');
    writeFileSync(file, 'price,delivery,support,overall\n4,5,3,5\n3,3,2,4\n2,4,4,3\n');
    const { code, stdout, stderr } = await run('analyze', file);
    expect(code).toBe(4);
    expect(stdout.startsWith('NOT RUN\n')).toBe(true);
    expect(stderr).toContain('Part of the analysis could not run');
    const json = await run('analyze', file, '--json');
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stdout).warnings.some((w: { code: string }) => w.code.endsWith('_skipped'))).toBe(true);
  });

  it('exits 2 with the candidates when no name decides the overall column, and 3 with "no data rows" for an empty file', async () => {
    const file = join(dir, 'unnamed.csv');
    writeFileSync(file, 'q1,q2,q3\n1,2,3\n2,3,4\n');
    const refused = await run('describe', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Rating columns: "q1", "q2", "q3".');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const none = await run('describe', empty);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('The file has no data rows');
  });

  it('takes --labels as JSON or a file, --weight, --id, --segment, --na, --outcome-type and --positive, and rejects bad values', async () => {
    const file = join(dir, 'flags.csv');
    writeFileSync(file, 'resp,w,region,a,b,overall\nr1,1.5,n,1,0,Good\nr2,0.5,s,3,4,Bad\nr3,1,n,5,5,Good\nr4,1,s,2,3,Bad\n');
    const labels = join(dir, 'labels.json');
    writeFileSync(labels, '{"Bad": 2, "Good": 4}');
    for (const value of ['{"Bad": 2, "Good": 4}', labels]) {
      const r = await run('describe', file, '--labels', value, '--weight', 'w', '--id', 'resp', '--segment', 'region', '--na', '0', '--json');
      expect(r.code, r.stderr).toBe(0);
      const roles = JSON.parse(r.stdout).ingest.columns.map((c: { column: string; role: string }) => `${c.column}:${c.role}`);
      expect(roles).toEqual(expect.arrayContaining(['w:weight', 'resp:id', 'region:segment']));
    }
    const binary = await run('describe', file, '--positive', 'Good', '--na', '0');
    expect(binary.code, binary.stderr).toBe(0);
    expect((await run('describe', file, '--labels', '{"Bad": "low"}')).code).toBe(2);
    expect((await run('describe', file, '--labels', 'missing-file.json')).code).toBe(2);
    expect((await run('describe', file, '--outcome-type', 'ordinal')).code).toBe(2);
  });
});
