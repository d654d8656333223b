import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crossProducts } from '../../src/linalg/cross-product.js';
import { GRAM_WASM_BASE64 } from '../../src/linalg/gram-wasm.js';
import { createRng } from '../../src/random/rng.js';

/** The textbook two-pass computation: weighted means, then sums of weighted centred products. */
function twoPass(rows: number[][], y: number[], w: number[] | null, centred: boolean) {
  const q = (rows[0]?.length ?? 0) + 1;
  const z = rows.map((row, i) => [...row, y[i] as number]);
  const weight = (i: number) => (w === null ? 1 : (w[i] as number));
  const total = z.reduce((s, _, i) => s + weight(i), 0);
  const means = Array.from({ length: q }, (_, j) => (centred ? z.reduce((s, r, i) => s + weight(i) * (r[j] as number), 0) / total : 0));
  const m2 = Array.from({ length: q * q }, (_, at) => {
    const [a, b] = [Math.floor(at / q), at % q];
    return z.reduce((s, r, i) => s + weight(i) * ((r[a] as number) - (means[a] as number)) * ((r[b] as number) - (means[b] as number)), 0);
  });
  return { means, m2 };
}

describe('crossProducts (the one pass of the normal equations)', () => {
  const rng = createRng(11);
  // 1,300 rows: five full blocks of 256 and an odd remainder of 20 rows; values far from zero.
  const rows = Array.from({ length: 1301 }, () => Array.from({ length: 7 }, () => 1000 + Math.round(5 * rng.next()) + rng.next()));
  const y = rows.map((r) => (r[0] as number) - 0.5 * (r[3] as number) + rng.next());
  const w = rows.map(() => 0.25 + rng.next());

  it.each([
    ['WebAssembly', 'auto'],
    ['JavaScript', 'javascript'],
  ] as const)('%s kernel: means and co-moments as the two-pass textbook formula, weighted or not, centred or not, to 1e-12', (_, kernel) => {
    for (const weights of [null, w]) {
      for (const centred of [true, false]) {
        const got = crossProducts(rows, Float64Array.from(y), weights === null ? null : Float64Array.from(weights), rows.length, 7, centred, kernel);
        if (got === null) throw new Error('crossProducts refused valid rows');
        const want = twoPass(rows, y, weights, centred);
        want.means.forEach((m, j) => {
          expect(Math.abs((got.means[j] as number) - m)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(m)));
        });
        const scale = Math.max(...want.m2.map(Math.abs));
        want.m2.forEach((m, j) => {
          expect(Math.abs((got.comoments[j] as number) - m)).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(m), 1e-3 * scale));
        });
      }
    }
  });

  it('returns null on the first row that is not p finite numbers (the caller then takes the listwise route)', () => {
    const at = (value: number | null) => rows.map((row, i) => (i === 700 ? [...row.slice(0, 6), value] : row)) as number[][];
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, null, '3' as unknown as number]) expect(crossProducts(at(bad), Float64Array.from(y), null, rows.length, 7, true)).toBeNull();
    expect(
      crossProducts(
        rows.map((row, i) => (i === 5 ? row.slice(0, 6) : row)),
        Float64Array.from(y),
        null,
        rows.length,
        7,
        true,
      ),
    ).toBeNull();
  });

  it('the WebAssembly module is available here (Node 20 has SIMD), so the test above ran it', () => {
    const bytes = Uint8Array.from(atob(GRAM_WASM_BASE64), (c) => c.charCodeAt(0));
    expect(WebAssembly.validate(bytes)).toBe(true);
  });

  it('the committed module is the compilation of the committed gram.wat (scripts/build-gram-wasm.mjs)', () => {
    const compiled = execFileSync(process.execPath, ['--input-type=module', '-e', "import('./scripts/build-gram-wasm.mjs').then(async (m) => process.stdout.write(await m.compileGramWat()))"], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
    });
    expect(compiled).toBe(GRAM_WASM_BASE64);
    expect(readFileSync(new URL('../../src/linalg/gram-wasm.ts', import.meta.url), 'utf8')).toContain(compiled);
  });
});
