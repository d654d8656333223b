/**
 * Where a column of numbers is stored: in a SharedArrayBuffer when `shared`, so that worker
 * threads read it without a copy ('peak-end/node'), else in an ArrayBuffer of its own. The values
 * are the same either way (zero-filled).
 */

/** A zero-filled Float64Array of `length` values, in shared memory when `shared`. */
export function float64Column(length: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(8 * length)) : new Float64Array(length);
}

/** A zero-filled Int32Array of `length` values, in shared memory when `shared`. */
export function int32Column(length: number, shared: boolean): Int32Array {
  return shared ? new Int32Array(new SharedArrayBuffer(4 * length)) : new Int32Array(length);
}

/**
 * Makes the pages of shared arrays resident, from the last page of every array backwards (while
 * another thread may be filling them forwards): the first touch of fresh memory costs a page
 * fault, and two threads take them about 1.6 times as fast as one (docs/performance.md). Each
 * touch is an atomic OR with 0 on one 32-bit word per page, which keeps whatever value another
 * thread has written there.
 */
export function touchPages(arrays: readonly (Float64Array | Int32Array)[]): void {
  const words = arrays.map((a) => new Int32Array(a.buffer, a.byteOffset, a.byteLength >> 2));
  const length = Math.max(0, ...words.map((w) => w.length));
  for (let i = length - 1; i >= 0; i -= 1024) {
    for (const w of words) if (i < w.length) Atomics.or(w, i, 0);
  }
}
