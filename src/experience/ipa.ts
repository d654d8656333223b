/**
 * importancePerformance: importance-performance analysis quadrants (Martilla & James 1977).
 */
import { InvalidArgumentError } from '../errors.js';

/** The four IPA quadrants. */
export type Quadrant = 'concentrate here' | 'keep up the good work' | 'low priority' | 'possible overkill';

/** A touchpoint's position. */
export interface IpaPoint {
  readonly touchpoint: string;
  readonly performance: number;
  readonly importance: number;
}

/** Options for {@link importancePerformance}. */
export interface IpaOptions {
  /**
   * Where the crosshairs go: `'means'` (mean performance and mean importance of the touchpoints,
   * data-centred, the default) or `'scale'` (the scale's neutral point for performance and the mean
   * importance).
   */
  readonly crosshair?: 'means' | 'scale';
  /** The scale's neutral point, required for crosshair 'scale'. */
  readonly neutral?: number;
  /**
   * A fixed performance crosshair (e.g. the high-performance level that also decides pain points
   * and hygiene factors); overrides `crosshair`, and the result's `crosshair.kind` is `'fixed'`.
   */
  readonly performanceCrosshair?: number;
  /**
   * A fixed importance crosshair (e.g. the key-moment relevance threshold on the importance
   * scale). Default: the mean importance.
   */
  readonly importanceCrosshair?: number;
}

/** Result of {@link importancePerformance}. */
export interface IpaResult {
  readonly method: 'ipa';
  /** `kind` says where the performance crosshair came from. */
  readonly crosshair: { readonly kind: 'means' | 'scale' | 'fixed'; readonly performance: number; readonly importance: number };
  readonly points: readonly (IpaPoint & { readonly quadrant: Quadrant })[];
}

/**
 * Places touchpoints in Martilla & James's grid: importance above the crosshair and performance
 * below it is "concentrate here"; both above, "keep up the good work"; both below, "low priority";
 * importance below and performance above, "possible overkill". Points exactly on a crosshair count
 * as above it. `performanceCrosshair` and `importanceCrosshair` put the crosshairs at given levels,
 * which is how `keyDrivers` makes the quadrants agree with its flags.
 *
 * Reference: Martilla, J. A., & James, J. C. (1977). Importance-performance analysis. Journal of
 * Marketing, 41(1), 77-79; Bacon (2003), IJMR 45(1), on crosshair placement.
 *
 * @example
 * ```ts
 * importancePerformance([
 *   { touchpoint: 'delivery', performance: 3.61, importance: 0.21 },
 *   { touchpoint: 'brand', performance: 4.82, importance: 0.05 },
 * ]).points.map((p) => p.quadrant);
 * // ['concentrate here', 'possible overkill'] (crosshairs at the means: performance 4.215, importance 0.13)
 * ```
 * @throws InvalidArgumentError with no points, a non-finite value or crosshair, or crosshair 'scale' without neutral.
 */
export function importancePerformance(points: readonly IpaPoint[], options: IpaOptions = {}): IpaResult {
  if (points.length === 0) throw new InvalidArgumentError('importancePerformance needs at least one touchpoint.');
  const bad = points.find((p) => !Number.isFinite(p.performance) || !Number.isFinite(p.importance));
  if (bad !== undefined) throw new InvalidArgumentError(`Touchpoint "${bad.touchpoint}" has no finite performance or importance.`);
  const fixed = options.performanceCrosshair;
  if (fixed !== undefined && !Number.isFinite(fixed)) throw new InvalidArgumentError(`performanceCrosshair must be a finite number, got ${fixed}.`);
  if (options.importanceCrosshair !== undefined && !Number.isFinite(options.importanceCrosshair)) {
    throw new InvalidArgumentError(`importanceCrosshair must be a finite number, got ${options.importanceCrosshair}.`);
  }
  const kind = fixed !== undefined ? 'fixed' : (options.crosshair ?? 'means');
  const meanImportance = options.importanceCrosshair ?? points.reduce((s, p) => s + p.importance, 0) / points.length;
  let performance: number;
  if (fixed !== undefined) {
    performance = fixed;
  } else if (kind === 'scale') {
    if (options.neutral === undefined) throw new InvalidArgumentError("crosshair 'scale' needs the scale's neutral point.");
    performance = options.neutral;
  } else {
    performance = points.reduce((s, p) => s + p.performance, 0) / points.length;
  }
  return {
    method: 'ipa',
    crosshair: { kind, performance, importance: meanImportance },
    points: points.map((p) => {
      const important = p.importance >= meanImportance;
      const performing = p.performance >= performance;
      const quadrant: Quadrant = important ? (performing ? 'keep up the good work' : 'concentrate here') : performing ? 'possible overkill' : 'low priority';
      return { ...p, quadrant };
    }),
  };
}
