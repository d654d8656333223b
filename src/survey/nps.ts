/**
 * netPromoterScore: the Net Promoter Score of 0-10 likelihood-to-recommend answers, with its
 * standard error and a confidence interval.
 */
import { normalQuantile } from '../distributions/index.js';
import { InsufficientDataError, InvalidArgumentError } from '../errors.js';
import type { Warning } from './survey.js';

/** Options for {@link netPromoterScore}. */
export interface NpsOptions {
  /** Confidence level of the interval. Default 0.95. */
  readonly level?: number;
  /** Non-negative sampling weights, one per answer (rows with a missing or zero weight are left out). */
  readonly weights?: ArrayLike<number | null>;
}

/** The Net Promoter Score and its parts. */
export interface NpsResult {
  readonly method: 'nps';
  /** Percent promoters (9-10) minus percent detractors (0-6), from -100 to 100. */
  readonly score: number;
  /** Share (0-1) of answers 9 or 10. */
  readonly promoters: number;
  /** Share (0-1) of answers 7 or 8. */
  readonly passives: number;
  /** Share (0-1) of answers 0 to 6. */
  readonly detractors: number;
  /** Standard error of the score, in points. */
  readonly standardError: number;
  /** Normal (Wald) interval: score -/+ z_{(1+level)/2} standardError, clipped to [-100, 100]. */
  readonly ciLower: number;
  readonly ciUpper: number;
  readonly level: number;
  /** Answers used. */
  readonly n: number;
  /** Answers left out: missing (NaN or null), or a missing or zero weight. */
  readonly excluded: number;
  readonly weighted: boolean;
  readonly warnings: readonly Warning[];
}

/**
 * Net Promoter Score (Reichheld 2003) of answers on the 0-10 "how likely are you to recommend"
 * scale: promoters answer 9-10, passives 7-8, detractors 0-6; score = 100 (p - d) with p and d the
 * shares of promoters and detractors.
 *
 * Standard error: each answer scores +100 (promoter), 0 (passive) or -100 (detractor) and the NPS is
 * their mean, so unweighted SE = 100 sqrt((p + d - (p - d)^2) / n) (the multinomial variance of
 * the mean; no n - 1 correction). With weights, p and d are weighted shares and the SE is the
 * linearization (with-replacement) estimate of R's survey::svymean for a design with these
 * weights and no clusters or strata: 100 sqrt(n / (n - 1) sum w_i^2 (u_i - u)^2) / sum w_i, with
 * u_i in {1, 0, -1}. The interval is the normal (Wald) interval score -/+ z SE, clipped to
 * [-100, 100]; with few answers or a score near +/-100 it undercovers (a warning says so below
 * 30 answers).
 *
 * Accuracy: equals R (the formula; survey 4.x svymean for the weighted case) to 1e-12 relative
 * (test/golden/nps/generate.R).
 *
 * @example
 * ```ts
 * netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
 * // { score: 20, promoters: 0.5, passives: 0.2, detractors: 0.3, standardError: 27.57, ciLower: -34.04, ciUpper: 74.04, ... }
 * ```
 * @throws InvalidArgumentError for an answer that is not a whole number from 0 to 10, a negative
 *   or infinite weight, or lengths that differ.
 * @throws InsufficientDataError when no answer is left.
 */
export function netPromoterScore(ratings: ArrayLike<number | null>, options: NpsOptions = {}): NpsResult {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1 (e.g. 0.95), got ${level}.`);
  const weights = options.weights;
  if (weights !== undefined && weights.length !== ratings.length) throw new InvalidArgumentError(`weights has ${weights.length} entries but there are ${ratings.length} answers.`);
  let n = 0;
  let excluded = 0;
  let total = 0;
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  const used: number[] = [];
  const usedWeights: number[] = [];
  for (let i = 0; i < ratings.length; i++) {
    const v = ratings[i];
    const w = weights === undefined ? 1 : weights[i];
    if (typeof w === 'number' && (w < 0 || (!Number.isFinite(w) && !Number.isNaN(w)))) throw new InvalidArgumentError(`Weight ${w} of answer ${i + 1} is not a finite non-negative number.`);
    if (v === null || v === undefined || Number.isNaN(v) || w === null || w === undefined || Number.isNaN(w) || w === 0) {
      excluded++;
      continue;
    }
    if (!(Number.isInteger(v) && v >= 0 && v <= 10))
      throw new InvalidArgumentError(`Answer ${i + 1} is ${v}; a likelihood to recommend is a whole number from 0 to 10 (use NaN or null for no answer).`);
    n++;
    total += w;
    if (v >= 9) promoters += w;
    else if (v >= 7) passives += w;
    else detractors += w;
    used.push(v >= 9 ? 1 : v >= 7 ? 0 : -1);
    usedWeights.push(w);
  }
  if (n === 0) throw new InsufficientDataError(`netPromoterScore: no answers to score (${excluded} missing${weights === undefined ? '' : ' or without weight'}).`);
  const p = promoters / total;
  const d = detractors / total;
  const score = 100 * (p - d);
  let standardError: number;
  if (weights === undefined) {
    standardError = 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
  } else {
    const mean = p - d;
    let ss = 0;
    for (let k = 0; k < n; k++) ss += ((usedWeights[k] as number) * ((used[k] as number) - mean)) ** 2;
    standardError = n > 1 ? (100 * Math.sqrt((n / (n - 1)) * ss)) / total : Number.NaN;
  }
  const warnings: Warning[] = [];
  if (n < 30) warnings.push({ code: 'small_sample', message: `Only ${n} answers: the normal interval for the NPS is rough with fewer than 30.` });
  if (excluded > 0) warnings.push({ code: 'rows_dropped_missing', message: `${excluded} answer${excluded === 1 ? '' : 's'} missing${weights === undefined ? '' : ' or without weight'} left out.` });
  const z = normalQuantile((1 + level) / 2);
  const halfWidth = Number.isFinite(standardError) ? z * standardError : 0;
  return {
    method: 'nps',
    score,
    promoters: p,
    passives: passives / total,
    detractors: d,
    standardError: Number.isFinite(standardError) ? standardError : 0,
    ciLower: Math.max(-100, score - halfWidth),
    ciUpper: Math.min(100, score + halfWidth),
    level,
    n,
    excluded,
    weighted: weights !== undefined,
    warnings,
  };
}
