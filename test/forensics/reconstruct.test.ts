import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { reconstruct } from '../../src/forensics/reconstruct.js';
import { reproduceZhijiang } from '../../src/forensics/reproduce-zhijiang.js';
import { reconstructionCsv, reconstructZhijiang, ZHIJIANG_SEED, zhijiangSpec } from '../../src/forensics/zhijiang.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import { type OlsCoefficient, ols } from '../../src/regression/ols.js';
import { describeSurvey } from '../../src/survey/describe-survey.js';

const csvPath = fileURLToPath(new URL('../../fixtures/zhijiang/zhijiang.csv', import.meta.url));
const published = JSON.parse(readFileSync(new URL('../../fixtures/zhijiang/published.json', import.meta.url), 'utf8'));

/** Pearson correlation over rows where both are present, written out for the check. */
function correlation(a: number[], b: number[]): number {
  const pairs = a.map((v, i) => [v, b[i] as number]).filter(([x, y]) => !Number.isNaN(x as number) && !Number.isNaN(y as number)) as [number, number][];
  const ma = pairs.reduce((s, [x]) => s + x, 0) / pairs.length;
  const mb = pairs.reduce((s, [, y]) => s + y, 0) / pairs.length;
  const sab = pairs.reduce((s, [x, y]) => s + (x - ma) * (y - mb), 0);
  const saa = pairs.reduce((s, [x]) => s + (x - ma) ** 2, 0);
  const sbb = pairs.reduce((s, [, y]) => s + (y - mb) ** 2, 0);
  return sab / Math.sqrt(saa * sbb);
}

describe('the Zhijiang reconstruction (fixtures/zhijiang/zhijiang.csv)', () => {
  it('regenerates byte for byte from its seed', () => {
    const result = reconstructZhijiang({ seed: ZHIJIANG_SEED });
    expect(result.satisfied).toBe(true);
    expect(reconstructionCsv(result)).toBe(readFileSync(csvPath, 'utf8'));
  }, 120_000);

  it('satisfies every published constraint, checked with the public API on the committed file', async () => {
    const survey = await readSurveyFile(csvPath, zhijiangSpec());
    expect(survey.n).toBe(47);
    const d = describeSurvey(survey);
    for (const item of [...published.touchpoints, published.overall]) {
      const got = d.items.find((i) => i.column === item.id);
      expect(got?.mean?.toFixed(2), item.id).toBe(item.mean.toFixed(2));
      expect(got?.sampleStandardDeviation).toBeGreaterThanOrEqual(0.35);
      expect(got?.sampleStandardDeviation).toBeLessThanOrEqual(1.2);
    }
    const ids: string[] = published.touchpoints.map((t: { id: string }) => t.id);
    const column = (id: string) => Array.from(survey.ratings.get(id) as Float64Array);
    const correlations: number[] = [];
    for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) correlations.push(correlation(column(ids[a] as string), column(ids[b] as string)));
    expect(Math.min(...correlations)).toBeGreaterThanOrEqual(-0.1);
    expect(Math.max(...correlations)).toBeLessThanOrEqual(0.8);
    const sorted = [...correlations].sort((x, y) => x - y);
    const median = sorted[10] as number; // 21 pairs: the 11th value
    expect(median).toBeGreaterThanOrEqual(0.15);
    expect(median).toBeLessThanOrEqual(0.5);
    const complete = (cols: string[]) => {
      const rows = Array.from({ length: survey.n }, (_, i) => i).filter((i) => [...cols, 'overall'].every((c) => !Number.isNaN(column(c)[i] as number)));
      return ols(
        rows.map((i) => cols.map((c) => column(c)[i] as number)),
        rows.map((i) => column('overall')[i] as number),
        { names: cols },
      );
    };
    const full = complete(ids);
    for (const c of full.coefficients.slice(1) as OlsCoefficient[]) {
      const driver = c.name === 'delivery' || c.name === 'meeting';
      expect((c.pValue as number) < 0.05, c.name).toBe(driver);
      if (driver) expect(c.estimate).toBeGreaterThan(0);
    }
    const peakEnd = complete(['brand_image', 'meeting']);
    expect(((peakEnd.coefficients[1] as OlsCoefficient).pValue as number) >= 0.05).toBe(true);
  });

  it('reproduces every published finding, and reports item non-response', async () => {
    const r = reproduceZhijiang(await readSurveyFile(csvPath, zhijiangSpec()));
    expect(r.findings.filter((f) => !f.matches)).toEqual([]);
    expect(r.findings.map((f) => f.id)).toEqual([...published.touchpoints.map((t: { id: string }) => `mean:${t.id}`), 'mean:overall', ...published.findings.map((f: { id: string }) => f.id)]);
    expect(r.itemN.find((i) => i.id === 'brand_image')?.n).toBe(45);
  });
});

describe('reconstruct on other targets', () => {
  it('reconstructs a synthetic 1-7 survey with three regression constraints (not fitted to one study)', () => {
    const result = reconstruct(
      {
        rows: 60,
        scale: { min: 1, max: 7 },
        columns: [
          { name: 'a', mean: '4.85', sd: [0.8, 1.8] },
          { name: 'b', mean: '3.20', sd: [0.8, 1.8] },
          { name: 'c', mean: '5.55', sd: [0.6, 1.5] },
          { name: 'y', mean: '4.90', sd: [0.8, 1.8] },
        ],
        correlations: { columns: ['a', 'b', 'c'], range: [-0.2, 0.7] },
        regressions: [
          { y: 'y', x: ['a', 'b', 'c'], term: 'a', significant: true, sign: 1 },
          { y: 'y', x: ['a', 'b', 'c'], term: 'b', significant: false },
          { y: 'y', x: ['a', 'b', 'c'], term: 'c', significant: true, sign: -1 },
        ],
      },
      { seed: 9 },
    );
    expect(result.message).toMatch(/^All \d+ constraints are satisfied/);
    expect(result.constraints.every((c) => c.satisfied)).toBe(true);
    // Check two verdicts independently with ols on the returned data.
    const fit = ols(
      result.data.map((r) => r.slice(0, 3)),
      result.data.map((r) => r[3] as number),
      { names: ['a', 'b', 'c'] },
    );
    expect(((fit.coefficients[1] as OlsCoefficient).pValue as number) < 0.05 && (fit.coefficients[1] as OlsCoefficient).estimate > 0).toBe(true);
    expect(((fit.coefficients[3] as OlsCoefficient).pValue as number) < 0.05 && (fit.coefficients[3] as OlsCoefficient).estimate < 0).toBe(true);
    expect(result.data.flat().every((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 7))).toBe(true);
  }, 120_000);

  it('is deterministic for a seed and differs between seeds', () => {
    const target = {
      rows: 20,
      scale: { min: 1, max: 5 },
      columns: [
        { name: 'x', mean: '3.40', sd: [0.5, 1.5] as const },
        { name: 'y', mean: '3.10' },
      ],
    };
    const a = reconstruct(target, { seed: 1 });
    expect(reconstruct(target, { seed: 1 }).data).toEqual(a.data);
    expect(reconstruct(target, { seed: 2 }).data).not.toEqual(a.data);
  });

  it('says which constraints it could not meet, and that failure is not proof of impossibility', () => {
    const result = reconstruct(
      {
        rows: 10,
        scale: { min: 1, max: 5 },
        columns: [
          { name: 'x', mean: '3.00', sd: [3, 4] },
          { name: 'y', mean: '3.00' },
        ],
      },
      { seed: 1, maxIterations: 2000 },
    );
    expect(result.satisfied).toBe(false);
    expect(result.message).toContain('could not meet 1 constraint: SD of x between 3 and 4');
    expect(result.message).toContain('not proof that the constraints are impossible');
  });

  it('picks the fewest blanks GRIM allows and rejects impossible targets', () => {
    const r = reconstruct({ rows: 47, scale: { min: 1, max: 5 }, columns: [{ name: 'x', mean: '4.82' }] }, { seed: 1, maxIterations: 10 });
    expect(r.achieved[0]?.n).toBe(45);
    expect(r.data.filter((row) => row[0] === null)).toHaveLength(2);
    expect(() => reconstruct({ rows: 10, scale: { min: 1, max: 5 }, columns: [{ name: 'x', mean: '5.50' }] }, { seed: 1 })).toThrow(InvalidArgumentError);
    expect(() => reconstruct({ rows: 10, scale: { min: 1, max: 5 }, columns: [{ name: 'x', mean: '3.33', n: 10 }] }, { seed: 1 })).toThrow(/GRIM/);
  });
});
