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
