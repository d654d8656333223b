/**
 * grim: the GRIM test (granularity-related inconsistency of means). A mean of n integer answers
 * is a multiple of 1/n; reported to d decimals, many values are impossible.
 */
import { InvalidArgumentError, type Warning } from '../errors.js';

/**
 * How a reported figure may have been rounded to its decimals.
 *
 * - `'up_or_down'`: half-up or half-down; a figure passes if either reproduces it (the default,
 *   as in scrutiny, because papers rarely say which rule their software used).
 * - `'half_up'`, `'half_down'`: ties (an exact 5 after the last digit) go up or down.
 * - `'half_even'`: ties go to the even last digit (IEEE 754, Python's `round`, R's `round` in principle).
 * - `'down'`: truncation (extra digits dropped); `'up'`: the ceiling (any remainder rounds up).
 *
 * Negative figures are rounded by magnitude (symmetrically: -1.235 half-up is -1.24, `'down'`
 * truncates toward zero and `'up'` rounds away from zero), so for the non-negative means of rating
 * scales `'down'` is the floor and `'up'` the ceiling.
 */
export type RoundingRule = 'up_or_down' | 'half_up' | 'half_down' | 'half_even' | 'down' | 'up';

/** Every {@link RoundingRule}, for validation and CLI help. */
export const ROUNDING_RULES: readonly RoundingRule[] = ['up_or_down', 'half_up', 'half_down', 'half_even', 'down', 'up'];

/** Options for {@link grim}. */
export interface GrimOptions {
  /**
   * Decimals the mean was printed with. Required with a numeric mean (a number forgets trailing
   * zeros); with a text mean it restores zeros the text lost ('4.1' with `decimals: 2` is 4.10)
   * and must not be fewer than the text's own decimals.
   */
  readonly decimals?: number;
  /** Items averaged per respondent (multi-item scales): the granularity is 1/(n * items). Default 1. */
  readonly items?: number;
  /** Rounding of the reported mean. Default 'up_or_down': consistent if half-up or half-down rounding gives it. */
  readonly rounding?: RoundingRule;
}

/** Result of {@link grim}. */
export interface GrimResult {
  readonly method: 'grim';
  readonly consistent: boolean;
  /** The reported mean as text with its decimals. */
  readonly mean: string;
  readonly n: number;
  readonly items: number;
  readonly decimals: number;
  readonly rounding: RoundingRule;
  /** Integer totals s (sum of all n * items answers) whose s / (n * items) rounds to the reported mean, ascending. */
  readonly possibleSums: readonly number[];
  /**
   * The closest means that n * items integers can give, printed like the reported one: the
   * nearest below and the nearest above (both equal to the reported mean when it is consistent).
   */
  readonly nearestPossibleMeans: readonly [string, string];
  readonly warnings: readonly Warning[];
}

/** A decimal number as an exact scaled integer: value = units / 10^decimals. */
export interface ScaledDecimal {
  readonly units: bigint;
  readonly decimals: number;
}

/** Decimals beyond which a reported figure is surely not a printed table value. */
const MAX_DECIMALS = 12;

/**
 * Parses a reported figure exactly: from text ('4.10' -> 410 / 10^2, trailing zeros counted) or
 * from a number together with the decimals it was printed with (4.1 with 2 decimals -> 410 / 10^2).
 * A number is read through its shortest round-trip decimal form (what `String(x)` shows), never
 * through its binary expansion, so 4.825 is 4825 / 10^3 and not 4.8249999... .
 *
 * @param value the figure as printed, or as a number
 * @param decimals required for a number; for text, pads the text's decimals with zeros
 * @param what the figure's name in error messages
 * @throws InvalidArgumentError for text that is not a plain decimal number, a non-finite number,
 *   a number without `decimals`, or a figure with more decimals than `decimals` says.
 * @example
 * ```ts
 * parseReported('4.10'); // { units: 410n, decimals: 2 }
 * parseReported(4.1, 2); // { units: 410n, decimals: 2 }
 * ```
 */
export function parseReported(value: string | number, decimals?: number, what = 'mean'): ScaledDecimal {
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS)) {
    throw new InvalidArgumentError(`decimals must be a whole number from 0 to ${MAX_DECIMALS}, got ${decimals}.`);
  }
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidArgumentError(`The ${what} must be a finite number, got ${value}.`);
    if (decimals === undefined) {
      throw new InvalidArgumentError(`Give the ${what} as text (e.g. "4.10", so trailing zeros count) or pass decimals with a numeric ${what}.`);
    }
    text = plainDecimal(value);
  } else if (typeof value === 'string') {
    text = value;
  } else {
    throw new InvalidArgumentError(`The ${what} must be text such as "4.82" or a number, got ${typeof value}.`);
  }
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (match === null || ((match[2] ?? '') === '' && (match[3] ?? '') === '')) {
    throw new InvalidArgumentError(`The ${what} ${JSON.stringify(value)} is not a decimal number such as "4.82".`);
  }
  const fraction = match[3] ?? '';
  if (fraction.length > MAX_DECIMALS) throw new InvalidArgumentError(`The ${what} ${JSON.stringify(value)} has more than ${MAX_DECIMALS} decimals.`);
  const target = decimals ?? fraction.length;
  if (fraction.length > target) {
    throw new InvalidArgumentError(`The ${what} ${JSON.stringify(value)} has ${fraction.length} decimals, more than the ${target} given; pass the figure as printed.`);
  }
  const digits = `${match[2] || '0'}${fraction.padEnd(target, '0')}`;
  const units = BigInt(digits) * (match[1] === '-' ? -1n : 1n);
  return { units, decimals: target };
}

/** The shortest round-trip decimal form of a finite number, without exponent notation. */
function plainDecimal(value: number): string {
  const shortest = String(value);
  const exp = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (exp === null) return shortest;
  const sign = exp[1] ?? '';
  const whole = exp[2] ?? '0';
  const fraction = exp[3] ?? '';
  const shift = Number(exp[4]);
  const digits = whole + fraction;
  const point = whole.length + shift;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Formats a scaled decimal as text with its decimals.
 *
 * @example
 * ```ts
 * formatScaled({ units: 410n, decimals: 2 }); // '4.10'
 * formatScaled({ units: -5n, decimals: 2 }); // '-0.05'
 * ```
 */
export function formatScaled(value: ScaledDecimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.decimals + 1, '0');
  const whole = digits.slice(0, digits.length - value.decimals);
  const fraction = digits.slice(digits.length - value.decimals);
  return `${negative ? '-' : ''}${whole}${value.decimals > 0 ? `.${fraction}` : ''}`;
}

/**
 * Rounds the rational numerator / denominator (denominator > 0) to an integer by `rule`, exactly
 * (BigInt). 'up_or_down' returns both candidates at an exact tie and one value otherwise; every
 * other rule returns one value. Negative values are rounded by magnitude (see {@link RoundingRule}).
 *
 * @throws InvalidArgumentError for a denominator that is not positive.
 * @example
 * ```ts
 * roundRational(5n, 2n, 'up_or_down'); // [2n, 3n]  (2.5 is a tie)
 * roundRational(7n, 2n, 'half_even'); // [4n]
 * roundRational(-5n, 2n, 'half_up'); // [-3n]
 * ```
 */
export function roundRational(numerator: bigint, denominator: bigint, rule: RoundingRule): bigint[] {
  if (denominator <= 0n) throw new InvalidArgumentError(`roundRational needs a positive denominator, got ${denominator}.`);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const floor = magnitude / denominator;
  const remainder = magnitude % denominator;
  const twiceRemainder = 2n * remainder;
  const sign = (v: bigint): bigint => (negative ? -v : v);
  if (rule === 'down') return [sign(floor)];
  if (rule === 'up') return [sign(remainder === 0n ? floor : floor + 1n)];
  if (twiceRemainder < denominator) return [sign(floor)];
  if (twiceRemainder > denominator) return [sign(floor + 1n)];
  // An exact tie: rounding rules differ only here.
  switch (rule) {
    case 'half_up':
      return [sign(floor + 1n)];
    case 'half_down':
      return [sign(floor)];
    case 'half_even':
      return [sign(floor % 2n === 0n ? floor : floor + 1n)];
    default: {
      const both = [sign(floor), sign(floor + 1n)];
      return negative ? both.reverse() : both;
    }
  }
}

/** Validates a rounding option (it may arrive untyped from JSON or the CLI). */
export function checkRounding(rounding: unknown): RoundingRule {
  if (rounding === undefined) return 'up_or_down';
  if (typeof rounding !== 'string' || !(ROUNDING_RULES as readonly string[]).includes(rounding)) {
    throw new InvalidArgumentError(`Unknown rounding ${JSON.stringify(rounding)}; use one of ${ROUNDING_RULES.join(', ')}.`);
  }
  return rounding as RoundingRule;
}

/**
 * GRIM test: can n respondents' answers (each the mean of `items` integer items) have the
 * reported mean?
 *
 * Algorithm: with N = n * items and the mean printed as u / 10^d, the true mean is s / N for an
 * integer total s. Each candidate s within N / 10^d + 2 of u * N / 10^d is rounded exactly
 * (BigInt: s * 10^d / N rounded by the rule) and kept if it gives u; the mean is consistent if
 * any s is kept. Rounded means are monotone in s, so the nearest possible means are found by
 * walking outwards from the reported value.
 *
 * Accuracy: exact. No floating-point operation takes part in a verdict (a text mean is parsed
 * digit by digit; a numeric one through its shortest decimal form), so ties such as
 * 193 / 40 = 4.825 are recognised as ties. Cost: O(N / 10^d + 1) BigInt operations.
 *
 * GRIM is uninformative when N >= 10^d (every mean at d decimals is then possible); the result
 * then carries a `grim_uninformative` warning. It says nothing about whether the answers lay on
 * the stated scale: a mean outside the scale is "consistent" with some integers.
 *
 * Reference: Brown, N. J. L., & Heathers, J. A. J. (2017). The GRIM test: A simple technique
 * detects numerous anomalies in the reporting of results in psychology. Social Psychological and
 * Personality Science, 8(4), 363-369.
 *
 * @param mean the mean as printed ('4.10'), or a number with `options.decimals`
 * @param n the number of respondents
 * @throws InvalidArgumentError for a malformed mean, n or items that are not positive whole
 *   numbers (or whose product exceeds 2^53), or an unknown rounding rule.
 * @example
 * ```ts
 * grim('5.19', 28).consistent; // false: 145/28 = 5.179 -> 5.18 and 146/28 = 5.214 -> 5.21
 * grim('5.19', 28).nearestPossibleMeans; // ['5.18', '5.21']
 * grim('4.17', 47).possibleSums; // [196]: 196/47 = 4.1702
 * ```
 */
export function grim(mean: string | number, n: number, options: GrimOptions = {}): GrimResult {
  const items = options.items ?? 1;
  const rounding = checkRounding(options.rounding);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`n must be a positive whole number, got ${n}.`);
  if (!Number.isInteger(items) || items < 1) throw new InvalidArgumentError(`items must be a positive whole number, got ${items}.`);
  if (!Number.isSafeInteger(n * items)) throw new InvalidArgumentError(`n * items = ${n} * ${items} is too large for GRIM.`);
  const reported = parseReported(mean, options.decimals);
  const scale = 10n ** BigInt(reported.decimals);
  const total = BigInt(n * items);
  const roundsTo = (s: bigint): bigint[] => roundRational(s * scale, total, rounding);
  // Candidate totals: s / N within one granule of the reported value (for 'up' and 'down' the
  // rounding interval is a whole 10^-d wide; the +2 covers the truncation of centre and width).
  const centre = (reported.units * total) / scale;
  const width = total / scale + 2n;
  const possible: number[] = [];
  for (let s = centre - width; s <= centre + width; s++) {
    if (roundsTo(s).includes(reported.units)) possible.push(Number(s));
  }
  const warnings: Warning[] = [];
  if (total >= scale) {
    warnings.push({
      code: 'grim_uninformative',
      message: `With ${n * items} answers and ${reported.decimals} decimals every mean is possible (granularity 1/${n * items} <= 10^-${reported.decimals}); GRIM cannot detect anything here.`,
    });
  }
  const consistent = possible.length > 0;
  const printed = formatScaled(reported);
  return {
    method: 'grim',
    consistent,
    mean: printed,
    n,
    items,
    decimals: reported.decimals,
    rounding,
    possibleSums: possible,
    nearestPossibleMeans: consistent ? [printed, printed] : [nearestPossible(reported, centre, -1n, roundsTo), nearestPossible(reported, centre, 1n, roundsTo)],
    warnings,
  };
}

/**
 * The closest printed mean below (direction -1) or above (+1) the reported one that some total
 * gives. Rounded means never decrease as s grows, so the first total past the reported value in
 * that direction gives the nearest one.
 */
function nearestPossible(reported: ScaledDecimal, centre: bigint, direction: 1n | -1n, roundsTo: (s: bigint) => bigint[]): string {
  for (let s = centre - direction * 2n; ; s += direction) {
    const beyond = roundsTo(s).filter((v) => (direction === 1n ? v > reported.units : v < reported.units));
    if (beyond.length > 0) {
      // BigInt values: Math.min/Math.max do not take them.
      // biome-ignore lint/complexity/useMathMinMax: BigInt operands
      const value = beyond.reduce((a, b) => (direction === 1n ? (a < b ? a : b) : a > b ? a : b));
      return formatScaled({ units: value, decimals: reported.decimals });
    }
  }
}
