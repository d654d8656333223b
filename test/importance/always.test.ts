import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { relativeImportance } from '../../src/index.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

const golden = loadGolden<Record<string, any>>('segments/golden.json');
const lines = readFileSync(fileURLToPath(new URL('../golden/segments/data.csv', import.meta.url)), 'utf8')
  .trim()
  .split('\n');
const header = (lines[0] as string).split(',').map((h) => h.replace(/"/g, ''));
const rows = lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((cell, j) => [header[j], cell.replace(/"/g, '')])));
const num = (cell: string | undefined): number => (cell === '' || cell === undefined ? Number.NaN : Number(cell));
const names = ['age', 'gendermale', 'price', 'delivery', 'service'];
const X = rows.map((r) => [num(r.age), r.gender === 'male' ? 1 : 0, num(r.price), num(r.delivery), num(r.service)]);
const y = rows.map((r) => num(r.overall));

describe('relativeImportance with always-in covariates', () => {
  it("shares R^2 - R^2(always) among the other predictors as relaimpo's always does", () => {
    const result = relativeImportance(X, y, { method: 'lmg', names, always: ['age', 'gendermale'] });
    expect(result.n).toBe(golden.controls.n);
    expectGolden(
      { rSquared: result.rSquared, rSquaredAlways: result.rSquaredAlways, importance: { ...result.importance } },
      { rSquared: golden.controls.rSquared, rSquaredAlways: golden.controls.rSquaredAlways, importance: golden.controls.importance },
      { relative: 1e-10 },
    );
    expect(Object.keys(result.importance)).toEqual(['price', 'delivery', 'service']);
  });

  it('refuses always with a method other than lmg, unknown names and all predictors', () => {
    expect(() => relativeImportance(X, y, { method: 'pratt', names, always: ['age'] })).toThrow(/lmg method only/);
    expect(() => relativeImportance(X, y, { method: 'lmg', names, always: ['height'] })).toThrow(/not a predictor/);
    expect(() => relativeImportance(X, y, { method: 'lmg', names, always: names })).toThrow(/every predictor/);
  });
});
