/**
 * penaltyReward: penalty-reward contrast analysis (which touchpoints punish when bad, which
 * delight when excellent).
 */
import { InvalidArgumentError } from '../errors.js';
import { ols, type OlsCoefficient, type OlsResult } from '../regression/ols.js';
import { modelData } from '../survey/model-data.js';
import type { Survey, Warning } from '../survey/survey.js';

/** Options for {@link penaltyReward}. */
export interface PenaltyRewardOptions {
  /** Ratings at or below this count as dissatisfied. Default scale.min + 1 (bottom-2-box). */
  readonly lowAtMost?: number;
  /** Ratings at or above this count as delighted. Default scale.max (top box). */
  readonly highAtLeast?: number;
  /** |impact asymmetry| at or above this marks a basic or an excitement factor. Default 0.2. */
  readonly asymmetryThreshold?: number;
  /** Use the survey weights (WLS) when the survey has them. Default true. */
  readonly weighted?: boolean;
}

/** Kano-style factor type from the impact asymmetry. */
export type FactorType = 'basic' | 'performance' | 'excitement';

/** One touchpoint's penalty and reward. */
export interface PenaltyRewardFactor {
  readonly touchpoint: string;
  readonly label: string;
  /** Share of respondents in the low and the high box. */
  readonly lowShare: number;
  readonly highShare: number;
  /** Coefficient of the low-box dummy (usually negative); null when nobody is in the box. */
  readonly penalty: number | null;
  readonly penaltyPValue: number | null;
  /** Coefficient of the high-box dummy (usually positive); null when nobody is in the box. */
  readonly reward: number | null;
  readonly rewardPValue: number | null;
  /** Range of impact on overall satisfaction: |penalty| + reward (negative parts count as 0). */
  readonly rangeOfImpact: number | null;
  /** (reward - |penalty|) / range of impact, in [-1, 1]; null when the range is 0 or unknown. */
  readonly impactAsymmetry: number | null;
  readonly factor: FactorType | null;
}

/** Result of {@link penaltyReward}. */
export interface PenaltyRewardResult {
  readonly method: 'penalty-reward';
  readonly lowAtMost: number;
  readonly highAtLeast: number;
  readonly asymmetryThreshold: number;
  readonly factors: readonly PenaltyRewardFactor[];
  /** The dummy regression: overall on a low-box and a high-box dummy per touchpoint. */
  readonly regression: OlsResult;
  readonly warnings: readonly Warning[];
}

/**
 * Penalty-reward contrast analysis (Brandt 1987; Anderson & Mittal 2000). Each touchpoint is
 * coded as two dummies, low box (rating <= `lowAtMost`) and high box (rating >= `highAtLeast`),
 * the middle of the scale being the reference; overall satisfaction is regressed on all dummies
 * (complete cases, OLS). The low-box coefficient is the penalty of performing badly, the high-box
 * coefficient the reward of performing excellently. Impact asymmetry
 * IA = (reward - |penalty|) / (reward + |penalty|) classifies touchpoints as basic factors
 * (IA <= -threshold: dissatisfy when bad, hygiene in Herzberg's sense), excitement factors
 * (IA >= threshold: delight when excellent) or performance factors (symmetric).
 *
 * Reference: Brandt, D. R. (1987), Marketing Research 1(3); Anderson, E. W., & Mittal, V. (2000),
 * Journal of Service Research 3(2); Matzler & Sauerwein (2002), IJSIM 13(4).
 *
 * @example
 * ```ts
 * penaltyReward(survey).factors[0];
 * // { touchpoint: 'delivery', penalty: -0.62, reward: 0.18, impactAsymmetry: -0.55, factor: 'basic', ... }
 * ```
 * @throws InvalidArgumentError when the boxes overlap; InsufficientDataError (from ols) with too
 *   few complete rows.
 */
export function penaltyReward(survey: Survey, options: PenaltyRewardOptions = {}): PenaltyRewardResult {
  const { min, max } = survey.spec.scale;
  const lowAtMost = options.lowAtMost ?? min + 1;
  const highAtLeast = options.highAtLeast ?? max;
  const threshold = options.asymmetryThreshold ?? 0.2;
  if (!(lowAtMost < highAtLeast)) throw new InvalidArgumentError(`The low box (<= ${lowAtMost}) and the high box (>= ${highAtLeast}) overlap; choose lowAtMost below highAtLeast.`);
  const touchpoints = survey.touchpoints;
  const weighted = (options.weighted ?? true) && survey.weights !== null;
  // Complete cases; zero weights stay in (ols leaves them out and counts them), as before.
  const data = modelData(survey, { weighted: false });
  const X = data.X.map((ratings) => ratings.flatMap((v) => [v <= lowAtMost ? 1 : 0, v >= highAtLeast ? 1 : 0]));
  const y = Array.from(data.y);
  const w = weighted ? Array.from(data.rows, (i) => (survey.weights as Float64Array)[i] as number) : [];
  const names = touchpoints.flatMap((t) => [`${t.column} low`, `${t.column} high`]);
  const regression = ols(X, y, { names, ...(weighted && { weights: w }) });
  const warnings: Warning[] = [];
  const coefficient = (name: string): OlsCoefficient | null => {
    const c = regression.coefficients.find((x) => x.name === name);
    return c !== undefined && 'estimate' in c ? c : null;
  };
  const factors = touchpoints.map((t, j): PenaltyRewardFactor => {
    const low = coefficient(`${t.column} low`);
    const high = coefficient(`${t.column} high`);
    const lowShare = X.reduce((s, row) => s + (row[2 * j] as number), 0) / X.length;
    const highShare = X.reduce((s, row) => s + (row[2 * j + 1] as number), 0) / X.length;
    if (low === null || high === null) {
      warnings.push({ code: 'empty_box', message: `"${t.column}": ${low === null ? `nobody rated it ${lowAtMost} or lower` : `nobody rated it ${highAtLeast} or higher`} (or the dummy is collinear), so its ${low === null ? 'penalty' : 'reward'} cannot be estimated.` });
    }
    const penaltySize = low === null ? null : Math.max(0, -low.estimate);
    const rewardSize = high === null ? null : Math.max(0, high.estimate);
    const range = penaltySize === null || rewardSize === null ? null : penaltySize + rewardSize;
    const asymmetry = range === null || range === 0 ? null : ((rewardSize as number) - (penaltySize as number)) / range;
    return {
      touchpoint: t.column,
      label: t.label,
      lowShare,
      highShare,
      penalty: low?.estimate ?? null,
      penaltyPValue: low?.pValue ?? null,
      reward: high?.estimate ?? null,
      rewardPValue: high?.pValue ?? null,
      rangeOfImpact: range,
      impactAsymmetry: asymmetry,
      factor: asymmetry === null ? null : asymmetry <= -threshold ? 'basic' : asymmetry >= threshold ? 'excitement' : 'performance',
    };
  });
  return { method: 'penalty-reward', lowAtMost, highAtLeast, asymmetryThreshold: threshold, factors, regression, warnings: [...warnings, ...regression.warnings] };
}
