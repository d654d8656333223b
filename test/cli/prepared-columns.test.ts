// The CLI's columns prepared while a large file is read: guessed from the file's size and first
// lines, handed to the survey's builder for requests of the file's size, zero-filled and shared.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PreparedColumns } from '../../src/cli/prepared-columns.js';
import { HelperThread } from '../../src/parallel/pool.js';

const dir = mkdtempSync(join(tmpdir(), 'peak-end-prepared-'));
const helper = new HelperThread();
afterAll(() => helper.close());

function file(name: string, text: string): { path: string; bytes: number } {
  const path = join(dir, name);
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}

describe('PreparedColumns', () => {
  it('prepares one column per header field for a little more than the rows the file holds, and hands them out for requests of that size', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${(i % 5) + 1};${(i % 3) + 1};${(i % 4) + 1}`);
    const { path, bytes } = file('semicolons.csv', `a;b;overall\n${rows.join('\n')}\n`);
    const prepared = PreparedColumns.forFile(path, bytes, helper);
    expect(prepared).not.toBeNull();
    const small = prepared?.take(64) as Float64Array;
    expect(small.length).toBe(64);
    const taken = [0, 1, 2].map(() => prepared?.take(5000) as Float64Array);
    for (const column of taken) {
      expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
      // 3% and 16 rows more than the guess, which is about exact for lines of one length.
      expect(column.length).toBeGreaterThanOrEqual(Math.ceil(5000 * 1.03) + 16);
      expect(column.length).toBeLessThanOrEqual(Math.ceil(5001 * 1.03) + 16);
      expect(column.every((v) => v === 0)).toBe(true);
    }
    expect(new Set(taken).size).toBe(3);
    // Beyond the header's three fields: a new column of the length asked for.
    expect(prepared?.take(5000).length).toBe(5000);
  });

  it('gives no guess for a file that is not text, or without a second line break', () => {
    const zipped = file('export.xlsx', `PK\u0003\u0004\u0000\u0000${'x'.repeat(100)}\n1\n2\n`);
    expect(PreparedColumns.forFile(zipped.path, zipped.bytes, helper)).toBeNull();
    const oneLine = file('one-line.csv', 'a,b,c\n');
    expect(PreparedColumns.forFile(oneLine.path, oneLine.bytes, helper)).toBeNull();
  });
});
