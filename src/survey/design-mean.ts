/**
 * Design-based mean and its linearisation standard error for a survey with weights (one-stage,
 * with-replacement design, as R's `svydesign(ids = ~1, weights = ~w)`), optionally calibrated by
 * raking. Internal: used by describeSurvey.
 */
import type { Calibration } from './survey.js';

/** Weighted mean of the answered values with its design-based standard error. */
export interface DesignMean {
  /** Answered values used. */
  readonly n: number;
  readonly mean: number;
  readonly standardError: number;
}

/** Backfitting sweeps over the margins in the raking variance, as R's `svyrecvar` (fixed at 10). */
const RAKING_VARIANCE_SWEEPS = 10;

/**
 * The weighted mean sum(w y) / sum(w) over the rows where `values` is not NaN, and its Taylor
 * linearisation standard error: z_i = w_i (y_i - mean) / sum(w), V = m / (m - 1) sum (z_i - zbar)^2.
 *
 * m is the number of rows of the survey: unanswered rows keep their place with z = 0, as R keeps
 * them in the design with weight zero (`svymean(..., na.rm = TRUE)`). With raking, z is first
 * replaced by its residual from the margins, by the same backfitting R's `svyrecvar` uses (10
 * sweeps of z <- z - w * groupmean(z / w) per margin).
 *
 * Reference: Lumley (2010), Complex Surveys, 2.2 and 7.3; R package survey 4.1, `svymean`.
 */
export function designMean(values: ArrayLike<number>, weights: ArrayLike<number>, calibration: Calibration | null): DesignMean {
  const rows = values.length;
  let n = 0;
  let total = 0;
  let sum = 0;
  for (let i = 0; i < rows; i++) {
    const y = values[i] as number;
    if (Number.isNaN(y)) continue;
    const w = weights[i] as number;
    n++;
    total += w;
    sum += w * y;
  }
  const mean = sum / total;
  const z = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const y = values[i] as number;
    if (!Number.isNaN(y)) z[i] = ((weights[i] as number) * (y - mean)) / total;
  }
  return { n, mean, standardError: linearisedStandardError(z, weights, calibration) };
}

/**
 * The with-replacement standard error of an estimate whose influence values are `z` (one per row
 * of the survey, 0 where the row does not contribute): sqrt(m / (m - 1) sum (z_i - zbar)^2) over
 * the m rows, as R's `svyrecvar` for `svydesign(ids = ~1, weights = ~w)`. With raking, z is first
 * replaced by its residual from the margins (10 backfitting sweeps of z <- z - w * groupmean(z / w)
 * per margin, as `svyrecvar` does). `z` is changed in place.
 */
export function linearisedStandardError(z: Float64Array, weights: ArrayLike<number>, calibration: Calibration | null): number {
  const rows = z.length;
  if (calibration !== null) {
    for (let sweep = 0; sweep < RAKING_VARIANCE_SWEEPS; sweep++) {
      for (const margin of calibration.margins) removeGroupMeans(z, weights, margin.index, margin.levels.length);
    }
  }
  let zbar = 0;
  for (let i = 0; i < rows; i++) zbar += z[i] as number;
  zbar /= rows;
  let ss = 0;
  for (let i = 0; i < rows; i++) {
    const d = (z[i] as number) - zbar;
    ss += d * d;
  }
  const m = rows;
  return m > 1 ? Math.sqrt((m / (m - 1)) * ss) : Number.NaN;
}

/** z <- z - w * (mean of z / w within each category). */
function removeGroupMeans(z: Float64Array, weights: ArrayLike<number>, index: Int32Array, levels: number): void {
  const sums = new Float64Array(levels);
  const counts = new Float64Array(levels);
  for (let i = 0; i < z.length; i++) {
    const g = index[i] as number;
    sums[g] = (sums[g] as number) + (z[i] as number) / (weights[i] as number);
    counts[g] = (counts[g] as number) + 1;
  }
  for (let i = 0; i < z.length; i++) {
    const g = index[i] as number;
    z[i] = (z[i] as number) - (weights[i] as number) * ((sums[g] as number) / (counts[g] as number));
  }
}
