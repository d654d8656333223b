/**
 * rake: weights calibrated to known population margins by iterative proportional fitting.
 */
import { ConvergenceError, InvalidArgumentError } from '../errors.js';
import type { Calibration, Survey } from './survey.js';

/** Population shares per category of each segment column, e.g. `{ gender: { female: 0.5, male: 0.5 } }`. */
export type RakeMargins = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Options for {@link rake}. */
export interface RakeOptions {
  /** Largest sweeps over all margins. Default 100. */
  readonly maxIterations?: number;
  /** Convergence: every margin share within this of its target. Default 1e-12. */
  readonly tolerance?: number;
  /**
   * Bounds on the weights as multiples of their mean (e.g. `{ lower: 0.3, upper: 3 }`): weights
   * outside are clipped and the raking repeated, until both the margins and the bounds hold.
   */
  readonly trim?: { readonly lower?: number; readonly upper?: number };
  /** Throw a ConvergenceError instead of returning an unconverged calibration. Default false. */
  readonly requireConvergence?: boolean;
}

/**
 * Rakes the survey's weights (or weights of 1) so that, for every margin, the weighted share of
 * each category equals its population share: iterative proportional fitting (Deming & Stephan
 * 1940), each sweep scaling the weights of every category of every margin in turn by
 * target / current. The total weight is kept. Returns a new Survey whose `weights` are the raked
 * weights and whose `calibration` records the margins, so that `describeSurvey` gives the
 * standard errors R's `svymean` gives on the design `survey::rake` returns (calibration taken
 * into account). With `trim`, weights are clipped to the bounds and raked again, alternately,
 * until both hold (as rim-weighting tools do).
 *
 * Reference: Deming & Stephan (1940), Ann. Math. Statist. 11, 427-444; Lumley (2010), Complex
 * Surveys, 7.3; R package survey, `rake` (note: its default `epsilon = 1` stops once the margin
 * totals move by less than one unit of weight; this function converges to `tolerance`).
 *
 * @example
 * ```ts
 * const raked = rake(survey, { gender: { female: 0.5, male: 0.5 } });
 * raked.calibration?.converged; // true
 * ```
 * @throws InvalidArgumentError when a margin names a column that is not a segment, shares are not
 *   positive or do not sum to 1, a category in the data has no population share (or a share has no
 *   respondents), or a row has no value in a margin column.
 * @throws ConvergenceError with `requireConvergence` when the margins are not met.
 */
export function rake(survey: Survey, margins: RakeMargins, options: RakeOptions = {}): Survey {
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-12;
  const columns = Object.keys(margins);
  if (columns.length === 0) throw new InvalidArgumentError('rake needs at least one margin, e.g. { gender: { female: 0.5, male: 0.5 } }.');
  const prepared = columns.map((column) => prepareMargin(survey, column, margins[column] as Readonly<Record<string, number>>));
  const weights = survey.weights === null ? new Float64Array(survey.n).fill(1) : Float64Array.from(survey.weights.subarray(0, survey.n));
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new InvalidArgumentError('rake needs a positive total weight.');
  const lower = options.trim?.lower;
  const upper = options.trim?.upper;
  if ((lower !== undefined && !(lower > 0)) || (upper !== undefined && !(upper > 1)) || (lower !== undefined && upper !== undefined && lower >= upper)) {
    throw new InvalidArgumentError(`trim bounds are multiples of the mean weight with 0 < lower < 1 < upper, got lower ${lower}, upper ${upper}.`);
  }
  let iterations = 0;
  let deviation = Number.POSITIVE_INFINITY;
  let trimmed = 0;
  while (iterations < maxIterations) {
    iterations++;
    for (const margin of prepared) scaleToMargin(weights, margin, total);
    trimmed = lower === undefined && upper === undefined ? 0 : clip(weights, total, lower, upper);
    deviation = Math.max(...prepared.map((margin) => marginDeviation(weights, margin, total)));
    if (deviation <= tolerance && trimmed === 0) break;
  }
  const converged = deviation <= tolerance && trimmed === 0;
  if (!converged && options.requireConvergence) {
    throw new ConvergenceError(
      'rake_not_converged',
      `rake did not meet the margins within ${tolerance} after ${iterations} sweeps (largest share deviation ${deviation.toExponential(2)}${trimmed > 0 ? `, ${trimmed} weights still outside the trimming bounds` : ''}); relax the trimming bounds or raise maxIterations.`,
    );
  }
  const calibration: Calibration = {
    method: 'raking',
    margins: prepared.map(({ column, levels, index }) => ({ column, levels, index })),
    iterations,
    converged,
    maxDeviation: deviation,
    trimmed,
  };
  return { ...survey, weights, calibration };
}

interface PreparedMargin {
  readonly column: string;
  readonly levels: string[];
  readonly targets: Float64Array;
  readonly index: Int32Array;
}

function prepareMargin(survey: Survey, column: string, shares: Readonly<Record<string, number>>): PreparedMargin {
  const values = survey.segments.get(column);
  if (values === undefined) {
    const known = [...survey.segments.keys()];
    throw new InvalidArgumentError(`rake: "${column}" is not a segment column of this survey; ${known.length ? `segments: ${known.join(', ')}` : 'declare it in spec.segments (or --segment)'}.`);
  }
  const levels = Object.keys(shares).sort();
  const targets = Float64Array.from(levels, (level) => shares[level] as number);
  targets.forEach((share, k) => {
    if (!(share > 0 && share <= 1)) throw new InvalidArgumentError(`rake: the share of ${column} = "${levels[k]}" must be in (0, 1], got ${share}.`);
  });
  const sum = targets.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > 1e-9) throw new InvalidArgumentError(`rake: the shares of "${column}" sum to ${sum}, not 1; give population shares (e.g. 0.5 and 0.5).`);
  const position = new Map(levels.map((level, k) => [level, k]));
  const index = new Int32Array(survey.n);
  const seen = new Uint32Array(levels.length);
  for (let i = 0; i < survey.n; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      throw new InvalidArgumentError(`rake: row ${survey.sourceRows[i]} has no value in "${column}"; every respondent needs a category in each raking margin (drop or impute those rows first).`);
    }
    const k = position.get(value);
    if (k === undefined) {
      throw new InvalidArgumentError(`rake: row ${survey.sourceRows[i]} has ${column} = "${value}", which has no population share; the margin lists ${levels.map((l) => `"${l}"`).join(', ')}.`);
    }
    index[i] = k;
    seen[k] = (seen[k] as number) + 1;
  }
  seen.forEach((count, k) => {
    if (count === 0) throw new InvalidArgumentError(`rake: no respondent has ${column} = "${levels[k]}", so its share ${targets[k]} cannot be met; merge it with another category.`);
  });
  return { column, levels, targets, index };
}

function categoryTotals(weights: Float64Array, margin: PreparedMargin): Float64Array {
  const totals = new Float64Array(margin.levels.length);
  for (let i = 0; i < weights.length; i++) {
    const k = margin.index[i] as number;
    totals[k] = (totals[k] as number) + (weights[i] as number);
  }
  return totals;
}

function scaleToMargin(weights: Float64Array, margin: PreparedMargin, total: number): void {
  const totals = categoryTotals(weights, margin);
  const factors = totals.map((current, k) => ((margin.targets[k] as number) * total) / current);
  for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) * (factors[margin.index[i] as number] as number);
}

function marginDeviation(weights: Float64Array, margin: PreparedMargin, total: number): number {
  const totals = categoryTotals(weights, margin);
  let worst = 0;
  totals.forEach((current, k) => {
    worst = Math.max(worst, Math.abs(current / total - (margin.targets[k] as number)));
  });
  return worst;
}

/** Clips weights to [lower, upper] x mean weight; returns how many were clipped. */
function clip(weights: Float64Array, total: number, lower: number | undefined, upper: number | undefined): number {
  const mean = total / weights.length;
  const lo = lower === undefined ? 0 : lower * mean;
  const hi = upper === undefined ? Number.POSITIVE_INFINITY : upper * mean;
  let clipped = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (w < lo * (1 - 1e-12)) {
      weights[i] = lo;
      clipped++;
    } else if (w > hi * (1 + 1e-12)) {
      weights[i] = hi;
      clipped++;
    }
  }
  return clipped;
}
