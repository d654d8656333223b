/** Resource limits of ingest, and whether the survey's rated columns are stored in shared memory. */
import { InvalidArgumentError } from '../errors.js';

/** Resource limits with their defaults filled in. */
export interface IngestLimits {
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxFieldBytes: number;
  /** Store the rated columns in SharedArrayBuffers (ReadSurveyOptions.sharedMemory). */
  readonly sharedMemory: boolean;
}

/** Default resource limits: generous for surveys, small enough to stop a hostile upload early. */
export const DEFAULT_LIMITS: IngestLimits = { maxRows: 50_000_000, maxColumns: 20_000, maxFieldBytes: 1_048_576, sharedMemory: false };

/** The limits of `options`, validated. */
export function ingestLimits(options: { readonly maxRows?: number; readonly maxColumns?: number; readonly maxFieldBytes?: number; readonly sharedMemory?: boolean }): IngestLimits {
  const limits = {
    maxRows: options.maxRows ?? DEFAULT_LIMITS.maxRows,
    maxColumns: options.maxColumns ?? DEFAULT_LIMITS.maxColumns,
    maxFieldBytes: options.maxFieldBytes ?? DEFAULT_LIMITS.maxFieldBytes,
  };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(`${key} must be a positive whole number, got ${value}.`);
  }
  const sharedMemory = options.sharedMemory ?? false;
  if (typeof sharedMemory !== 'boolean') throw new InvalidArgumentError(`sharedMemory must be true or false, got ${JSON.stringify(sharedMemory)}.`);
  if (sharedMemory && typeof SharedArrayBuffer !== 'function') {
    throw new InvalidArgumentError('sharedMemory needs SharedArrayBuffer, which this runtime does not provide (a browser page must be cross-origin isolated); leave sharedMemory unset.');
  }
  return { ...limits, sharedMemory };
}
