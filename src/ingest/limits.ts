/** Resource limits of ingest. */
import { InvalidArgumentError } from '../errors.js';

/** Resource limits with their defaults filled in. */
export interface IngestLimits {
  readonly maxRows: number;
  readonly maxColumns: number;
  readonly maxFieldBytes: number;
}

/** Default resource limits: generous for surveys, small enough to stop a hostile upload early. */
export const DEFAULT_LIMITS: IngestLimits = { maxRows: 50_000_000, maxColumns: 20_000, maxFieldBytes: 1_048_576 };

/** The limits of `options`, validated. */
export function ingestLimits(options: { readonly maxRows?: number; readonly maxColumns?: number; readonly maxFieldBytes?: number }): IngestLimits {
  const limits = {
    maxRows: options.maxRows ?? DEFAULT_LIMITS.maxRows,
    maxColumns: options.maxColumns ?? DEFAULT_LIMITS.maxColumns,
    maxFieldBytes: options.maxFieldBytes ?? DEFAULT_LIMITS.maxFieldBytes,
  };
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(`${key} must be a positive whole number, got ${value}.`);
  }
  return limits;
}
