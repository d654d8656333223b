/**
 * penaltyReward: penalty-reward contrast analysis (which touchpoints punish when bad, which
 * delight when excellent).
 */
import { InvalidArgumentError } from '../errors.js';
import { CODES_PER_BYTE, rowsOfTernaryCodes, ternaryCrossProducts } from '../linalg/ternary-cross-products.js';
import type { ModelData } from '../regression/glm-data.js';
import { CROSS_PRODUCT_MIN_ROWS, type OlsCoefficient, type OlsResult, olsOfModelData } from '../regression/ols.js';
import { olsOfColumns, unitWeights } from '../regression/ols-columns.js';
import { modelData, type SurveyModelData } from '../survey/model-data.js';
import type { Survey, Warning } from '../survey/survey.js';

/** Options for {@link penaltyReward}. */
export interface PenaltyRewardOptions {
  /**
   * Ratings at or below this count as dissatisfied, for every touchpoint. Default: from each
   * touchpoint's own scale, on scales of up to 11 points scale.min + 1 (bottom-2-box; scale.min
   * alone on a 3-point scale), on longer scales the bottom fifth of the range,
   * scale.min + (max - min) / 5 (20 on 0-100).
   */
  readonly lowAtMost?: number;
  /**
   * Ratings at or above this count as delighted, for every touchpoint. Default: from each
   * touchpoint's own scale, scale.max (top box) on scales of up to 11 points, the top fifth of the
   * range, scale.max - (max - min) / 5, on longer scales (80 on 0-100).
   */
  readonly highAtLeast?: number;
  /**
   * Fewest respondents (complete cases) in each of a touchpoint's three cells, the low box, the
   * middle (the reference) and the high box, for its factor to be classified; below it the factor
   * is `'insufficient data'`. Default 30.
   */
  readonly minCellSize?: number;
  /** |impact asymmetry| at or above this marks a basic or an excitement factor. Default 0.2. */
  readonly asymmetryThreshold?: number;
  /** Use the survey weights (WLS) when the survey has them. Default true. */
  readonly weighted?: boolean;
}

/**
 * Kano-style factor type from the impact asymmetry; `'insufficient data'` when a cell has fewer
 * respondents than the minimum cell size.
 */
export type FactorType = 'basic' | 'performance' | 'excitement' | 'insufficient data';

/** How the boxes were chosen: given, bottom-2/top box (up to 11 points), or fifths of the range. */
export type BoxRule = 'given' | 'bottom-two-top-box' | 'fifths';

/** One touchpoint's penalty and reward. */
export interface PenaltyRewardFactor {
  readonly touchpoint: string;
  readonly label: string;
  /** This touchpoint's boxes: ratings at or below `lowAtMost` are low, at or above `highAtLeast` high (from its own scale unless given). */
  readonly lowAtMost: number;
  readonly highAtLeast: number;
  readonly boxRule: BoxRule;
  /** Share of respondents in the low and the high box. */
  readonly lowShare: number;
  readonly highShare: number;
  /** Respondents (complete cases) in the low box, the middle (reference) and the high box. */
  readonly lowCount: number;
  readonly middleCount: number;
  readonly highCount: number;
  /** Coefficient of the low-box dummy (usually negative); null when nobody is in the box. */
  readonly penalty: number | null;
  /** Its standard error and p-value from the dummy regression (OLS t test). */
  readonly penaltyStdError: number | null;
  readonly penaltyPValue: number | null;
  /** Coefficient of the high-box dummy (usually positive); null when nobody is in the box. */
  readonly reward: number | null;
  readonly rewardStdError: number | null;
  readonly rewardPValue: number | null;
  /** Range of impact on overall satisfaction: |penalty| + reward (negative parts count as 0). */
  readonly rangeOfImpact: number | null;
  /** (reward - |penalty|) / range of impact, in [-1, 1]; null when the range is 0 or unknown. */
  readonly impactAsymmetry: number | null;
  /**
   * basic / performance / excitement; `'insufficient data'` when a cell is smaller than
   * `minCellSize`; null when a dummy cannot be estimated although its cells are large enough.
   */
  readonly factor: FactorType | null;
}

/** Result of {@link penaltyReward}. */
export interface PenaltyRewardResult {
  readonly method: 'penalty-reward';
  /**
   * The boxes on the spec's default scale (or as given). A touchpoint with its own scale has its
   * own boxes: read them from its factor (`factors[j].lowAtMost`, `highAtLeast`, `boxRule`).
   */
  readonly lowAtMost: number;
  readonly highAtLeast: number;
  readonly boxRule: BoxRule;
  readonly asymmetryThreshold: number;
  readonly minCellSize: number;
  readonly factors: readonly PenaltyRewardFactor[];
  /** The dummy regression: overall on a low-box and a high-box dummy per touchpoint. */
  readonly regression: OlsResult;
  readonly warnings: readonly Warning[];
}

/**
 * Penalty-reward contrast analysis (Brandt 1987; Anderson & Mittal 2000). Each touchpoint is
 * coded as two dummies, low box (rating <= `lowAtMost`) and high box (rating >= `highAtLeast`),
 * the middle of the scale being the reference; the boxes come from each touchpoint's own scale
 * (touchpoints on 1-5 and 0-10 in one survey each get theirs); overall satisfaction is regressed on all dummies
 * (complete cases, OLS). The low-box coefficient is the penalty of performing badly, the high-box
 * coefficient the reward of performing excellently. Impact asymmetry
 * IA = (reward - |penalty|) / (reward + |penalty|) classifies touchpoints as basic factors
 * (IA <= -threshold: dissatisfy when bad, hygiene in Herzberg's sense), excitement factors
 * (IA >= threshold: delight when excellent) or performance factors (symmetric). Each penalty
 * and reward carries its standard error and p-value from the regression; a touchpoint with fewer
 * than `minCellSize` respondents in its low box, middle or high box is `'insufficient data'`
 * rather than classified from a handful of answers. On scales of more than 11 points the boxes
 * are the bottom and top fifths of the range (two points of 0-100 hold too few answers).
 *
 * Algorithm: below 10,000 complete rows, and with weights, `ols` on the dummy columns (QR below
 * 10,000 rows). From 10,000 unweighted rows the dummies' cross-products are counted from the box
 * codes packed five touchpoints to a byte (histograms of each byte and each pair of bytes; exact
 * integer counts, centred exactly) and solved by the normal equations as `ols` solves them, with
 * its condition-number check and QR fallback; rows of dummies are built only if the fit needs
 * them. Agrees with R's `lm` on the dummies to about 1e-14 relative (goldens at 1e-10).
 *
 * Reference: Brandt, D. R. (1987), Marketing Research 1(3); Anderson, E. W., & Mittal, V. (2000),
 * Journal of Service Research 3(2); Matzler & Sauerwein (2002), IJSIM 13(4).
 *
 * @example
 * ```ts
 * penaltyReward(survey).factors[0];
 * // The Zhijiang data (43 complete cases; 1-5: low box <= 2, high box = 5): no touchpoint has
 * // 30 respondents in every cell, so none is classified by default. With minCellSize 5:
 * penaltyReward(zhijiang, { minCellSize: 5 }).factors.find((f) => f.touchpoint === 'delivery');
 * // { lowCount: 6, middleCount: 28, highCount: 9, penalty: -1.00, penaltyStdError: 0.49,
 * //   reward: 0.44, rewardStdError: 0.49, impactAsymmetry: -0.38, factor: 'basic', ... }
 * ```
 * @throws InvalidArgumentError when the boxes overlap; InsufficientDataError (from ols) with too
 *   few complete rows.
 */
export function penaltyReward(survey: Survey, options: PenaltyRewardOptions = {}): PenaltyRewardResult {
  return penaltyRewardOfData(survey, options, null);
}

/**
 * {@link penaltyReward} with the survey's unweighted complete cases (`modelData(survey, { weighted:
 * false })`) when the caller has them already (keyDrivers, on an unweighted survey), else null.
 * Internal.
 */
export function penaltyRewardOfData(survey: Survey, options: PenaltyRewardOptions, completeCases: SurveyModelData | null): PenaltyRewardResult {
  const { lowAtMost, highAtLeast, boxRule } = boxesOf(survey.spec.scale, options);
  const boxes = survey.touchpoints.map((t) => boxesOf(t.scale, options));
  const threshold = options.asymmetryThreshold ?? 0.2;
  const minCellSize = options.minCellSize ?? 30;
  if (!(Number.isInteger(minCellSize) && minCellSize >= 1)) throw new InvalidArgumentError(`minCellSize must be a positive integer, got ${minCellSize}.`);
  for (const [j, b] of boxes.entries()) {
    if (!(b.lowAtMost < b.highAtLeast)) {
      const column = survey.touchpoints[j]?.column as string;
      throw new InvalidArgumentError(`The low box (<= ${b.lowAtMost}) and the high box (>= ${b.highAtLeast}) of "${column}" overlap; choose lowAtMost below highAtLeast.`);
    }
  }
  const touchpoints = survey.touchpoints;
  const weighted = (options.weighted ?? true) && survey.weights !== null;
  // Complete cases; zero weights stay in (ols leaves them out and counts them), as before.
  const data = completeCases ?? modelData(survey, { weighted: false });
  const n = data.n;
  const names = touchpoints.flatMap((t) => [`${t.column} low`, `${t.column} high`]);
  // Unweighted from the normal-equations threshold on (where ols would form cross-products): the
  // cross-products of the dummies are counted from the packed box codes, and the rows are built
  // only if the fit needs them. Below it (QR) and with weights: the dummies by column, as ols.
  const { regression, counts } =
    !weighted && n >= CROSS_PRODUCT_MIN_ROWS
      ? countedRegression(data.columns, data.y, boxes, names)
      : dummyRegression(data.columns, data.y, boxes, names, weighted ? Float64Array.from(data.rows, (i) => (survey.weights as Float64Array)[i] as number) : null);
  const warnings: Warning[] = [];
  const coefficient = (name: string): OlsCoefficient | null => {
    const c = regression.coefficients.find((x) => x.name === name);
    return c !== undefined && 'estimate' in c ? c : null;
  };
  const small: string[] = [];
  const factors = touchpoints.map((t, j): PenaltyRewardFactor => {
    const low = coefficient(`${t.column} low`);
    const high = coefficient(`${t.column} high`);
    const lowCount = counts[2 * j] as number;
    const highCount = counts[2 * j + 1] as number;
    const middleCount = n - lowCount - highCount;
    const cells = [lowCount, middleCount, highCount];
    const insufficient = cells.some((c) => c < minCellSize);
    if (insufficient) small.push(`"${t.column}" (${lowCount} low, ${middleCount} middle, ${highCount} high)`);
    if (!insufficient && (low === null || high === null)) {
      // Every cell is large enough, so the dummy is a linear combination of other dummies.
      const which = low === null && high === null ? ['low-box and high-box dummies are', 'penalty and reward'] : low === null ? ['low-box dummy is', 'penalty'] : ['high-box dummy is', 'reward'];
      warnings.push({
        code: 'empty_box',
        message: `"${t.column}": its ${which[0]} collinear with other touchpoints' dummies (the same respondents in the same boxes), so its ${which[1]} cannot be estimated.`,
      });
    }
    const penaltySize = low === null ? null : Math.max(0, -low.estimate);
    const rewardSize = high === null ? null : Math.max(0, high.estimate);
    const range = penaltySize === null || rewardSize === null ? null : penaltySize + rewardSize;
    const asymmetry = range === null || range === 0 ? null : ((rewardSize as number) - (penaltySize as number)) / range;
    return {
      touchpoint: t.column,
      label: t.label,
      ...(boxes[j] as Boxes),
      lowShare: lowCount / n,
      highShare: highCount / n,
      lowCount,
      middleCount,
      highCount,
      penalty: low?.estimate ?? null,
      penaltyStdError: low?.stdError ?? null,
      penaltyPValue: low?.pValue ?? null,
      reward: high?.estimate ?? null,
      rewardStdError: high?.stdError ?? null,
      rewardPValue: high?.pValue ?? null,
      rangeOfImpact: range,
      impactAsymmetry: asymmetry,
      factor: insufficient ? 'insufficient data' : asymmetry === null ? null : asymmetry <= -threshold ? 'basic' : asymmetry >= threshold ? 'excitement' : 'performance',
    };
  });
  if (small.length > 0) {
    warnings.push({
      code: 'small_cell',
      message: `Penalty-reward: ${small.join(', ')} ${small.length === 1 ? 'has' : 'have'} fewer than ${minCellSize} respondents in a box or the middle, so ${small.length === 1 ? 'its factor type is' : 'their factor types are'} "insufficient data" (lower minCellSize to classify anyway).`,
    });
  }
  return { method: 'penalty-reward', lowAtMost, highAtLeast, boxRule, asymmetryThreshold: threshold, minCellSize, factors, regression, warnings: [...warnings, ...regression.warnings] };
}

/** The dummy regression from the dummies by column (one byte per cell), through `olsOfColumns`. */
function dummyRegression(columns: readonly Float64Array[], y: Float64Array, boxes: readonly Boxes[], names: readonly string[], w: Float64Array | null): { regression: OlsResult; counts: number[] } {
  const n = y.length;
  const dummies: Uint8Array[] = [];
  const counts: number[] = [];
  for (const [j, column] of columns.entries()) {
    const { lowAtMost, highAtLeast } = boxes[j] as Boxes;
    const low = new Uint8Array(n);
    const high = new Uint8Array(n);
    let lowCount = 0;
    let highCount = 0;
    // Without branches, as in countedRegression.
    for (let r = 0; r < n; r++) {
      const v = column[r] as number;
      const isLow = Number(v <= lowAtMost);
      const isHigh = Number(v >= highAtLeast);
      low[r] = isLow;
      high[r] = isHigh;
      lowCount += isLow;
      highCount += isHigh;
    }
    dummies.push(low, high);
    counts.push(lowCount, highCount);
  }
  return { regression: olsOfColumns(dummies, y, { names, ...(w !== null && { weights: w }) }), counts };
}

/**
 * The same regression, unweighted, from counts: each row's box codes (0 middle, 1 low, 2 high)
 * packed five touchpoints to a byte, the cross-products of the dummies counted from them
 * (src/linalg/ternary-cross-products.ts) and handed to the solver `olsOfColumns` uses, with rows of
 * dummies built from the codes only if the fit needs them (QR fallback, refinement).
 */
function countedRegression(columns: readonly Float64Array[], y: Float64Array, boxes: readonly Boxes[], names: readonly string[]): { regression: OlsResult; counts: number[] } {
  const n = y.length;
  const k = columns.length;
  const packed: Uint8Array[] = [];
  for (let first = 0; first < k; first += CODES_PER_BYTE) {
    const bytes = new Uint8Array(n);
    for (let j = first, low = 1; j < Math.min(k, first + CODES_PER_BYTE); j++, low *= 3) {
      const column = columns[j] as Float64Array;
      const { lowAtMost, highAtLeast } = boxes[j] as Boxes;
      const high = 2 * low;
      // Without branches (Number of a comparison): ratings fall in the boxes at random, and
      // mispredicted branches took twice as long as the rest of the loop.
      for (let r = 0; r < n; r++) {
        const v = column[r] as number;
        bytes[r] = (bytes[r] as number) + Number(v <= lowAtMost) * low + Number(v >= highAtLeast) * high;
      }
    }
    packed.push(bytes);
  }
  const products = ternaryCrossProducts(packed, k, y, n);
  let rows: number[][] | null = null;
  const model: ModelData = {
    names,
    get rows() {
      rows ??= rowsOfTernaryCodes(packed, k, n);
      return rows;
    },
    y,
    w: unitWeights(n),
    n,
    p: 2 * k,
    rowsDropped: { missing: 0, zeroWeight: 0 },
  };
  return { regression: olsOfModelData(model, products, true, { names }), counts: Array.from(products.counts) };
}

interface Boxes {
  readonly lowAtMost: number;
  readonly highAtLeast: number;
  readonly boxRule: BoxRule;
}

/** The boxes on one scale: as given, bottom-2 / top box up to 11 points, fifths beyond. */
function boxesOf(scale: { readonly min: number; readonly max: number }, options: PenaltyRewardOptions): Boxes {
  const { min, max } = scale;
  const range = max - min;
  const fifths = range > 10;
  return {
    lowAtMost: options.lowAtMost ?? (fifths ? min + range / 5 : range >= 3 ? min + 1 : min),
    highAtLeast: options.highAtLeast ?? (fifths ? max - range / 5 : max),
    boxRule: options.lowAtMost !== undefined || options.highAtLeast !== undefined ? 'given' : fifths ? 'fifths' : 'bottom-two-top-box',
  };
}
