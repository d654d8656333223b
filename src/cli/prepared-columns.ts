/**
 * Survey columns prepared while the CLI reads a large file: from the file's size and its first
 * lines, the CLI guesses the row count and allocates that many rows for each header column in
 * shared memory, and its helper thread touches their pages while the main thread parses (each
 * first touch of fresh memory is a page fault, about 13 us on a small VM: 0.5 s for 21 columns of a
 * million rows). The survey's builder then takes its rated columns from here, already resident. A
 * guess too small only costs speed: a column asked for beyond it is allocated then, and touched.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { HelperThread } from '../parallel/pool.js';
import { float64Column } from '../survey/column-storage.js';

/** At most this many columns are prepared (a wide export's text and id columns are not rated). */
const MAX_PREPARED = 64;
/** Bytes read to guess the shape. */
const SAMPLE_BYTES = 1 << 16;

export class PreparedColumns {
  private readonly columns: Float64Array[];
  private next = 0;

  private constructor(
    /** The guessed row count (3% and 16 rows more than the file's size over its mean line length). */
    readonly rows: number,
    count: number,
    private readonly helper: HelperThread,
  ) {
    this.columns = Array.from({ length: count }, () => float64Column(rows, true));
    helper.touch(this.columns);
  }

  /**
   * Columns for the CSV file `path` of `bytes` bytes, their pages touched by `helper`; null when
   * the first lines give no guess (no line break, or one very long line).
   */
  static forFile(path: string, bytes: number, helper: HelperThread): PreparedColumns | null {
    const shape = guessShape(path, bytes);
    return shape === null ? null : new PreparedColumns(shape.rows, Math.min(shape.columns, MAX_PREPARED), helper);
  }

  /**
   * A zero-filled column of at least `length` values in shared memory: a prepared one while they
   * last, for a request of the file's size (at least half a prepared column; the builder's first
   * small storage is not one), else a new one.
   */
  take(length: number): Float64Array {
    const prepared = this.columns[this.next];
    if (prepared !== undefined && prepared.length >= length && 2 * length >= prepared.length) {
      this.next++;
      return prepared;
    }
    const column = float64Column(length, true);
    if (2 * length >= (this.columns[0]?.length ?? 0)) this.helper.touch([column]);
    return column;
  }
}

/** Rows and columns guessed from the first lines: the header's fields, and the file's size over the data lines' mean length (3% more). */
function guessShape(path: string, bytes: number): { rows: number; columns: number } | null {
  const sample = new Uint8Array(Math.min(bytes, SAMPLE_BYTES));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, sample, 0, sample.length, 0);
  } finally {
    closeSync(fd);
  }
  // Text only: a zip (.xlsx) or SPSS file holds zero bytes early.
  if (sample.includes(0)) return null;
  const ends: number[] = [];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0x0a) ends.push(i);
  if (ends.length < 2) return null;
  const header = sample.subarray(0, ends[0]);
  // The header's fields, by the commonest of the usual delimiters.
  const count = (byte: number): number => header.reduce((c, b) => c + (b === byte ? 1 : 0), 0);
  const columns = Math.max(count(0x2c), count(0x3b), count(0x09)) + 1;
  const first = ends[0] as number;
  const last = ends[ends.length - 1] as number;
  const lineBytes = (last - first) / (ends.length - 1);
  const rows = Math.ceil(((bytes - first) / lineBytes) * 1.03) + 16;
  return { rows, columns };
}
