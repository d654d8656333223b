import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exactShapleyBlocks, lmgBlockDepth } from '../../src/importance/lmg.js';
import { importanceData } from '../../src/importance/relative-importance.js';
import { LMG_WASM_BASE64 } from '../../src/linalg/lmg-wasm.js';

/** Seeded correlated ratings: n rows of k predictors and an outcome (MINSTD). */
function ratings(n: number, k: number, seed: number): { X: number[][]; y: number[] } {
  let state = seed;
  const next = (): number => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const X = Array.from({ length: n }, () => {
    const common = next();
    return Array.from({ length: k }, () => Math.round(1 + 4 * (0.6 * common + 0.4 * next())));
  });
  const y = X.map((row) => row.reduce((s, v, j) => s + v * (1 + (j % 3)), 0) / k + next());
  return { X, y };
}

describe('exact LMG: the WebAssembly enumeration (src/linalg/lmg.wat) equals the JavaScript one bit for bit', () => {
  it.each([3, 4, 7, 14, 17])('k = %i, every block', (k) => {
    const { X, y } = ratings(400, k, k + 1);
    const { corr } = importanceData(X, y);
    const players = Array.from({ length: k }, (_, j) => [j]);
    const depth = lmgBlockDepth(k);
    const blocks = 2 ** depth;
    expect(exactShapleyBlocks(corr, players, depth, 0, blocks)).toEqual(exactShapleyBlocks(corr, players, depth, 0, blocks, 'javascript'));
    // A range of blocks, as a worker thread computes it.
    if (depth > 0) expect(exactShapleyBlocks(corr, players, depth, 5, 23)).toEqual(exactShapleyBlocks(corr, players, depth, 5, 23, 'javascript'));
  });

  it('also when a pivot is skipped (a predictor explained by others) and players are reordered', () => {
    const { X, y } = ratings(300, 6, 9);
    // x6 = x1 + x2 exactly: conditioning on x1 and x2 leaves x6 a zero pivot.
    const collinear = X.map((row) => [...row.slice(0, 5), (row[0] as number) + (row[1] as number)]);
    const { corr } = importanceData(collinear, y);
    const players = [[5], [0], [3], [1], [2], [4]];
    expect(exactShapleyBlocks(corr, players, 0, 0, 1)).toEqual(exactShapleyBlocks(corr, players, 0, 0, 1, 'javascript'));
  });

  it('the WebAssembly module is valid here, so the tests above ran it', () => {
    expect(WebAssembly.validate(Uint8Array.from(atob(LMG_WASM_BASE64), (c) => c.charCodeAt(0)))).toBe(true);
  });

  it('the committed module is the compilation of the committed lmg.wat (scripts/build-lmg-wasm.mjs)', () => {
    const compiled = execFileSync(process.execPath, ['--input-type=module', '-e', "import('./scripts/build-lmg-wasm.mjs').then(async (m) => process.stdout.write(await m.compileLmgWat()))"], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
    });
    expect(readFileSync(new URL('../../src/linalg/lmg-wasm.ts', import.meta.url), 'utf8')).toContain(compiled);
  });
});
