/**
 * grimmer: GRIMMER, the test of whether a reported mean and standard deviation can come from
 * the same n integer answers.
 */
import { InvalidArgumentError } from '../errors.js';
import type { Warning } from '../survey/survey.js';
import { grim, parseReported, type GrimOptions } from './grim.js';

/** Options for {@link grimmer}. */
export interface GrimmerOptions extends Pick<GrimOptions, 'rounding'> {
  /** Decimals of numeric mean and SD (text carries its own). */
  readonly decimals?: number;
  /** The answer scale: bounds the possible sums of squares. */
  readonly scale?: { readonly min: number; readonly max: number };
}

/** Result of {@link grimmer}. */
export interface GrimmerResult {
  readonly method: 'grimmer';
  readonly consistent: boolean;
  /** Why not: the mean fails GRIM, or no sum of squares gives the SD. */
  readonly reason: 'grim' | 'sd' | null;
  readonly mean: string;
  readonly sd: string;
  readonly n: number;
  /** Pairs (sum, sum of squares) of integer data that reproduce both figures (first 20). */
  readonly solutions: readonly { readonly sum: number; readonly sumOfSquares: number }[];
  readonly warnings: readonly Warning[];
}

/**
 * GRIMMER for single-item integer data: a mean and a sample SD (n - 1 denominator) are consistent
 * if some integer total s (passing GRIM) and integer sum of squares Q satisfy
 * sd_low^2 <= (Q - s^2/n) / (n - 1) <= sd_high^2, where [sd_low, sd_high] is the interval that
 * rounds to the reported SD (ends included, so a tie never produces a false alarm), Q has the
 * parity of s (x^2 and x are both odd or both even), and, with a scale, Q lies between the
 * smallest and largest sum of squares that n answers in [min, max] with total s can have.
 * All arithmetic is exact (BigInt rationals). These are necessary conditions: a pair that passes
 * may still be unreachable by any sample (for n = 6 on a 1-5 scale GRIMMER catches over 95% of the
 * impossible pairs, checked by enumeration), but a pair that fails is certainly impossible.
 *
 * Reference: Anaya, J. (2016). The GRIMMER test. PeerJ Preprints 4:e2400; Allard, A. (2018),
 * Analytic-GRIMMER; Heathers & Brown, rsprite2/scrutiny documentation.
 *
 * @example
 * ```ts
 * grimmer('3.00', '1.58', 5).consistent; // true: 1, 2, 3, 4, 5 has sd sqrt(2.5) = 1.581
 * grimmer('3.00', '1.60', 5).consistent; // false: s = 15 needs Q in [55.18, 55.30], no integer
 * ```
 * @throws InvalidArgumentError for malformed figures or n < 2.
 */
export function grimmer(mean: string | number, sd: string | number, n: number, options: GrimmerOptions = {}): GrimmerResult {
  if (!Number.isInteger(n) || n < 2) throw new InvalidArgumentError(`GRIMMER needs n >= 2 (a sample SD), got ${n}.`);
  const g = grim(mean, n, { ...(options.decimals !== undefined && { decimals: options.decimals }), ...(options.rounding && { rounding: options.rounding }) });
  const reportedSd = parseReported(sd, options.decimals, 'SD');
  if (reportedSd.units < 0n) throw new InvalidArgumentError(`The SD cannot be negative, got ${sd}.`);
  const sdText = `${reportedSd.units}`;
  const base = { method: 'grimmer' as const, mean: g.mean, sd: formatSd(sdText, reportedSd.decimals), n, warnings: g.warnings };
  if (!g.consistent) return { ...base, consistent: false, reason: 'grim', solutions: [] };
  // SD interval [2u - 1, 2u + 1] / (2 * 10^d), squared: variance bounds as rationals over 4 * 10^(2d).
  const d = 10n ** BigInt(reportedSd.decimals);
  const lowNumerator = reportedSd.units === 0n ? 0n : (2n * reportedSd.units - 1n) ** 2n;
  const highNumerator = (2n * reportedSd.units + 1n) ** 2n;
  const denominator = 4n * d * d;
  const nn = BigInt(n);
  const solutions: { sum: number; sumOfSquares: number }[] = [];
  for (const sum of g.possibleSums) {
    const s = BigInt(sum);
    // (Q - s^2/n) / (n - 1) in [low, high]  <=>  Q in [ (n-1) low + s^2/n, (n-1) high + s^2/n ].
    // Over the common denominator n * denominator:
    const qLowNum = (nn - 1n) * lowNumerator * nn + s * s * denominator;
    const qHighNum = (nn - 1n) * highNumerator * nn + s * s * denominator;
    const qDen = nn * denominator;
    let qMin = ceilDiv(qLowNum, qDen);
    let qMax = qHighNum / qDen;
    if (options.scale !== undefined) {
      const [lo, hi] = sumOfSquaresRange(s, nn, BigInt(options.scale.min), BigInt(options.scale.max));
      if (lo === null || hi === null) continue;
      if (lo > qMin) qMin = lo;
      if (hi < qMax) qMax = hi;
    }
    for (let q = qMin; q <= qMax && solutions.length < 20; q++) {
      if ((q - s) % 2n === 0n) solutions.push({ sum, sumOfSquares: Number(q) });
    }
  }
  return { ...base, consistent: solutions.length > 0, reason: solutions.length > 0 ? null : 'sd', solutions };
}

function formatSd(units: string, decimals: number): string {
  const padded = units.padStart(decimals + 1, '0');
  return decimals === 0 ? padded : `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b === 0n || a < 0n ? q : q + 1n;
}

/** Smallest and largest sum of squares of n integers in [lo, hi] with total s (null if impossible). */
function sumOfSquaresRange(s: bigint, n: bigint, lo: bigint, hi: bigint): [bigint | null, bigint | null] {
  if (s < n * lo || s > n * hi) return [null, null];
  // Smallest: as equal as possible.
  const q = s / n;
  const r = s - q * n;
  const min = (n - r) * q * q + r * (q + 1n) * (q + 1n);
  // Largest: as many at hi as possible, the rest at lo, one value in between.
  const spread = hi - lo;
  const above = s - n * lo;
  const atHigh = spread === 0n ? 0n : above / spread;
  const middle = spread === 0n ? 0n : above - atHigh * spread;
  const rest = n - atHigh - (middle > 0n ? 1n : 0n);
  const max = atHigh * hi * hi + (middle > 0n ? (lo + middle) * (lo + middle) : 0n) + rest * lo * lo;
  return [min, max];
}
