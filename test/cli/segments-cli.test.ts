import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { reportSchema } from '../../src/schema/report.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

const data = fileURLToPath(new URL('../golden/segments/data.csv', import.meta.url));
const golden = loadGolden<Record<string, any>>('segments/golden.json');
const survey = ['--overall', 'overall', '--touchpoints', 'price,delivery,service', '--scale', '1-5', '--id', 'id', '--weight', 'w'];

const run = (...argv: string[]): Promise<CliRun> => runCli(argv);

describe('peak-end analyze --segment and --rake', () => {
  it('--segment COL compares each group with the rest in the report', async () => {
    const { code, stdout } = await run('analyze', data, ...survey, '--segment', 'region', '--md');
    expect(code).toBe(0);
    expect(stdout).toContain('## Segments: region');
    expect(stdout).toContain('p (BH)');
  });

  it('--rake FILE rakes before analysing: descriptives equal svymean on the survey::rake design, and the report says so', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'peak-end-rake-')), 'margins.json');
    writeFileSync(file, JSON.stringify(golden.raking.margins));
    const { code, stdout, stderr } = await run('analyze', data, ...survey, '--segment', 'region,gender', '--rake', file, '--json');
    expect(code).toBe(0);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.calibration?.converged).toBe(true);
    expect(stderr).toMatch(/Raked the weights to region, gender: \d+ iterations, converged\./);
    const actual = Object.fromEntries(report.descriptives.items.map((d) => [d.column, { mean: d.mean, standardError: d.standardError }]));
    const expected = Object.fromEntries(
      Object.entries(golden.raking.describe as Record<string, { mean: number; standardError: number }>).map(([k, v]) => [k, { mean: v.mean, standardError: v.standardError }]),
    );
    expectGolden(actual, expected, { relative: 1e-8 });
    expect(report.segments?.map((s) => s.segment)).toEqual(['region', 'gender']);
  });

  it('rejects bad margins with a usage error naming the fix', async () => {
    expect((await run('analyze', data, ...survey, '--rake', '{"region": "half"}')).code).toBe(2);
    const unknown = await run('analyze', data, ...survey, '--rake', '{"gender": {"female": 0.5, "male": 0.5}}');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('declare it in spec.segments (or --segment)');
  });
});
