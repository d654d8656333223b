/**
 * grimmer: GRIMMER, the test of whether a reported mean and standard deviation can come from
 * the same n integer answers.
 */
import { InvalidArgumentError, type Warning } from '../errors.js';
import { checkRounding, formatScaled, grim, parseReported, type RoundingRule } from './grim.js';

/** Options for {@link grimmer}. */
export interface GrimmerOptions {
  /** Decimals of a numeric mean and SD (text carries its own; see {@link GrimOptions.decimals}). */
  readonly decimals?: number;
  /** Decimals of the SD when they differ from the mean's (defaults to `decimals`). */
  readonly sdDecimals?: number;
  /** How both figures were rounded. Default 'up_or_down'. */
  readonly rounding?: RoundingRule;
  /** The answer scale (whole numbers): bounds the possible totals and sums of squares. */
  readonly scale?: { readonly min: number; readonly max: number };
}

/** One integer dataset summary that reproduces both figures. */
export interface GrimmerSolution {
  /** Sum of the n answers. */
  readonly sum: number;
  /** Sum of their squares. */
  readonly sumOfSquares: number;
}

/** Result of {@link grimmer}. */
export interface GrimmerResult {
  readonly method: 'grimmer';
  readonly consistent: boolean;
  /**
   * Why not: `'grim'` when no integer total gives the mean (on the scale, when one is given),
   * `'sd'` when totals exist but no integer sum of squares gives the SD; null when consistent.
   */
  readonly reason: 'grim' | 'sd' | null;
  readonly mean: string;
  readonly sd: string;
  readonly n: number;
  readonly rounding: RoundingRule;
  /** Totals that give the mean (and lie on the scale, when one is given). */
  readonly possibleSums: readonly number[];
  /** Pairs (sum, sum of squares) that reproduce both figures, by sum then sum of squares (first 20). */
  readonly solutions: readonly GrimmerSolution[];
  readonly warnings: readonly Warning[];
}

/** How many solutions a result lists. */
const MAX_SOLUTIONS = 20;

/**
 * GRIMMER for single-item integer data: can some n integers have the reported mean and sample
 * standard deviation (n - 1 denominator)?
 *
 * Algorithm (Allard's analytic GRIMMER, in exact arithmetic): for every total s that passes GRIM,
 * the sample variance of data with sum of squares Q is V = (n Q - s^2) / (n (n - 1)). The SD
 * printed as v / 10^e rounds from an interval [lo, hi] (ends open or closed by the rounding
 * rule: half-up includes lo and excludes hi, up-or-down includes both, ...), so Q must satisfy
 * lo^2 <= V <= hi^2 with the same ends; both bounds are compared as BigInt rationals. Q must also
 * have the parity of s (x^2 and x are both odd or both even, so sum(x^2) = sum(x) mod 2); with a
 * scale, s must lie in [n min, n max] and Q between the smallest sum of squares of n integers on
 * the scale with total s (values as equal as possible) and the largest (as many as possible at
 * the ends). The pair is consistent if some (s, Q) passes.
 *
 * Accuracy: exact (no floating point in any verdict). These are necessary conditions: a pair that
 * fails is certainly impossible, while a pair that passes may still be unreachable by any sample
 * (for n = 6 on a 1-5 scale GRIMMER with the scale rejects over 95% of impossible pairs, checked by
 * enumeration in the tests; SPRITE-style search can settle the rest).
 *
 * References: Anaya, J. (2016). The GRIMMER test: A method for testing the validity of reported
 * measures of variability. PeerJ Preprints 4:e2400v1. Allard, A. (2018). Analytic-GRIMMER: a new
 * way of testing the possibility of standard deviations (blog post and R function aGrimmer).
 *
 * @param mean the mean as printed ('3.00'), or a number with `options.decimals`
 * @param sd the sample SD as printed, or a number with `options.sdDecimals` / `options.decimals`
 * @param n the number of respondents (at least 2)
 * @throws InvalidArgumentError for malformed figures, a negative SD, n < 2, an unknown rounding
 *   rule, or a scale whose bounds are not whole numbers with min < max.
 * @example
 * ```ts
 * grimmer('3.00', '1.58', 5).consistent; // true: 1, 2, 3, 4, 5 has sd sqrt(2.5) = 1.581
 * grimmer('3.00', '1.60', 5).reason; // 'sd': s = 15 needs Q in [55.18, 55.30], no integer
 * grimmer('7.3', '2.51', 12).reason; // 'sd': s = 87 needs Q = 700 (wrong parity), s = 88 none
 * ```
 */
export function grimmer(mean: string | number, sd: string | number, n: number, options: GrimmerOptions = {}): GrimmerResult {
  if (!Number.isInteger(n) || n < 2) throw new InvalidArgumentError(`GRIMMER needs a whole number n >= 2 (a sample SD), got ${n}.`);
  const rounding = checkRounding(options.rounding);
  const scale = options.scale === undefined ? undefined : checkScale(options.scale);
  const g = grim(mean, n, { ...(options.decimals !== undefined && { decimals: options.decimals }), rounding });
  const sdDecimals = options.sdDecimals ?? options.decimals;
  const reportedSd = parseReported(sd, sdDecimals, 'SD');
  if (reportedSd.units < 0n) throw new InvalidArgumentError(`The SD cannot be negative, got ${sd}.`);
  const nn = BigInt(n);
  // GRIM's own warning, reworded: an uninformative mean does not make the SD check uninformative.
  const warnings: Warning[] = g.warnings.map((w) =>
    w.code === 'grim_uninformative' ? { code: w.code, message: `${w.message.replace(/; GRIM cannot detect anything here\.$/, '')}: the mean alone cannot fail, but the SD can still be checked.` } : w,
  );
  const sums = g.possibleSums.filter((s) => scale === undefined || (s >= n * scale.min && s <= n * scale.max));
  if (g.consistent && sums.length === 0 && scale !== undefined) {
    warnings.push({ code: 'mean_outside_scale', message: `The mean ${g.mean} cannot come from ${n} answers on the scale ${scale.min}-${scale.max}.` });
  }
  const base = { method: 'grimmer' as const, mean: g.mean, sd: formatScaled(reportedSd), n, rounding, possibleSums: sums };
  if (sums.length === 0) return { ...base, consistent: false, reason: 'grim', solutions: [], warnings };

  const bounds = sdBounds(reportedSd, rounding);
  const solutions: GrimmerSolution[] = [];
  let anySolution = false;
  for (const sum of sums) {
    const s = BigInt(sum);
    // V = (nQ - s^2) / (n(n-1)) and a bound b = num / den (den = 4 * 10^2e) compare as
    // (nQ - s^2) * den  vs  num * n(n-1); solve for the integer range of Q.
    let qMin = ceilDiv(bounds.lowNum * nn * (nn - 1n) + s * s * bounds.den, nn * bounds.den);
    let qMax = floorDiv(bounds.highNum * nn * (nn - 1n) + s * s * bounds.den, nn * bounds.den);
    const varianceTimesDen = (q: bigint): bigint => (nn * q - s * s) * bounds.den; // = V * den * n(n-1)
    if (!bounds.lowClosed && varianceTimesDen(qMin) === bounds.lowNum * nn * (nn - 1n)) qMin += 1n;
    if (!bounds.highClosed && varianceTimesDen(qMax) === bounds.highNum * nn * (nn - 1n)) qMax -= 1n;
    // Q >= s^2 / n always (the variance is not negative), which the lower bound already implies.
    if (scale !== undefined) {
      const [lo, hi] = sumOfSquaresRange(s, nn, BigInt(scale.min), BigInt(scale.max));
      if (lo > qMin) qMin = lo;
      if (hi < qMax) qMax = hi;
    }
    // The first Q >= qMin with the parity of s, then every second one.
    const first = qMin + ((((qMin - s) % 2n) + 2n) % 2n);
    for (let q = first; q <= qMax; q += 2n) {
      anySolution = true;
      if (solutions.length >= MAX_SOLUTIONS) break;
      solutions.push({ sum, sumOfSquares: Number(q) });
    }
  }
  return { ...base, consistent: anySolution, reason: anySolution ? null : 'sd', solutions, warnings };
}

/**
 * The squared bounds of the SD interval that rounds to the reported SD, as numerators over the
 * common denominator 4 * 10^(2e), with whether each end is included under the rounding rule.
 */
function sdBounds(sd: { units: bigint; decimals: number }, rule: RoundingRule): { lowNum: bigint; highNum: bigint; den: bigint; lowClosed: boolean; highClosed: boolean } {
  const u = sd.units;
  const scale = 10n ** BigInt(sd.decimals);
  const den = 4n * scale * scale;
  // Half-unit endpoints in units of 1 / (2 * 10^e): low = 2u - 1, high = 2u + 1 for the half rules;
  // truncation: [2u, 2u + 2); ceiling: (2u - 2, 2u].
  let low: bigint;
  let high: bigint;
  let lowClosed: boolean;
  let highClosed: boolean;
  switch (rule) {
    case 'down':
      [low, high, lowClosed, highClosed] = [2n * u, 2n * u + 2n, true, false];
      break;
    case 'up':
      [low, high, lowClosed, highClosed] = [2n * u - 2n, 2n * u, false, true];
      break;
    case 'half_up':
      [low, high, lowClosed, highClosed] = [2n * u - 1n, 2n * u + 1n, true, false];
      break;
    case 'half_down':
      [low, high, lowClosed, highClosed] = [2n * u - 1n, 2n * u + 1n, false, true];
      break;
    case 'half_even':
      [low, high, lowClosed, highClosed] = [2n * u - 1n, 2n * u + 1n, u % 2n === 0n, u % 2n === 0n];
      break;
    default:
      [low, high, lowClosed, highClosed] = [2n * u - 1n, 2n * u + 1n, true, true];
  }
  // An SD is never negative: a lower end below zero means every variance from 0 up qualifies.
  if (low < 0n) [low, lowClosed] = [0n, true];
  return { lowNum: low * low, highNum: high * high, den, lowClosed, highClosed };
}

function checkScale(scale: { readonly min: number; readonly max: number }): { min: number; max: number } {
  const min = typeof scale === 'object' && scale !== null ? scale.min : undefined;
  const max = typeof scale === 'object' && scale !== null ? scale.max : undefined;
  if (min === undefined || max === undefined || !Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min >= max) {
    throw new InvalidArgumentError(`GRIMMER's scale needs whole-number bounds with min < max, got ${JSON.stringify(scale)}.`);
  }
  return { min, max };
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/** Smallest and largest sum of squares of n integers in [lo, hi] with total s (n lo <= s <= n hi). */
function sumOfSquaresRange(s: bigint, n: bigint, lo: bigint, hi: bigint): [bigint, bigint] {
  // Smallest: values as equal as possible (r of them one above the floor of the mean).
  const q = floorDiv(s, n);
  const r = s - q * n;
  const min = (n - r) * q * q + r * (q + 1n) * (q + 1n);
  // Largest: as many values as possible at hi, the rest at lo, at most one in between.
  const spread = hi - lo;
  const above = s - n * lo;
  const atHigh = above / spread;
  const middle = above - atHigh * spread;
  const rest = n - atHigh - (middle > 0n ? 1n : 0n);
  const max = atHigh * hi * hi + (middle > 0n ? (lo + middle) * (lo + middle) : 0n) + rest * lo * lo;
  return [min, max];
}
