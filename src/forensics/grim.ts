/**
 * grim: the GRIM test (granularity-related inconsistency of means). A mean of n integer answers
 * is a multiple of 1/n; reported to d decimals, many values are impossible.
 */
import { InvalidArgumentError } from '../errors.js';
import type { Warning } from '../survey/survey.js';

/** How a reported figure may have been rounded. */
export type RoundingRule = 'up_or_down' | 'half_up' | 'half_down' | 'half_even' | 'down' | 'up';

/** Options for {@link grim}. */
export interface GrimOptions {
  /** Decimals of a numeric mean (a string mean carries its own: '4.10' has two). */
  readonly decimals?: number;
  /** Items averaged per respondent (multi-item scales). Default 1. */
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
  /** Integer totals (sum of all n * items answers) that round to the reported mean. */
  readonly possibleSums: readonly number[];
  /** The closest possible means below and above the reported one (equal to it when consistent). */
  readonly nearestPossibleMeans: readonly [string, string];
  readonly warnings: readonly Warning[];
}

/** A decimal number as an exact scaled integer: value = units / 10^decimals. */
export interface ScaledDecimal {
  readonly units: bigint;
  readonly decimals: number;
}

/**
 * Parses a reported figure exactly: from text ('4.10' -> 410 / 10^2) or from a number with a
 * given number of decimals.
 *
 * @throws InvalidArgumentError for text that is not a plain decimal number.
 */
export function parseReported(value: string | number, decimals?: number, what = 'mean'): ScaledDecimal {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidArgumentError(`The ${what} must be a finite number, got ${value}.`);
    if (decimals === undefined || !Number.isInteger(decimals) || decimals < 0) {
      throw new InvalidArgumentError(`Give the ${what} as text (e.g. "4.10", so trailing zeros count) or pass decimals with a numeric ${what}.`);
    }
    return parseReported(value.toFixed(decimals), undefined, what);
  }
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(value);
  if (match === null || ((match[2] ?? '') === '' && (match[3] ?? '') === '')) {
    throw new InvalidArgumentError(`The ${what} ${JSON.stringify(value)} is not a decimal number such as "4.82".`);
  }
  const fraction = match[3] ?? '';
  const units = BigInt(`${match[2] || '0'}${fraction}`) * (match[1] === '-' ? -1n : 1n);
  return { units, decimals: fraction.length };
}

/** Formats a scaled decimal as text with its decimals. */
export function formatScaled(value: ScaledDecimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.decimals + 1, '0');
  const whole = digits.slice(0, digits.length - value.decimals);
  const fraction = digits.slice(digits.length - value.decimals);
  return `${negative ? '-' : ''}${whole}${value.decimals > 0 ? `.${fraction}` : ''}`;
}

/**
 * Rounds the rational numerator / denominator (denominator > 0) to an integer by `rule`; for
 * 'up_or_down' returns both the half-up and the half-down result.
 */
export function roundRational(numerator: bigint, denominator: bigint, rule: RoundingRule): bigint[] {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const floor = magnitude / denominator;
  const twiceRemainder = 2n * (magnitude % denominator);
  const sign = (v: bigint): bigint => (negative ? -v : v);
  if (rule === 'down') return [sign(floor)];
  if (rule === 'up') return [sign(magnitude % denominator === 0n ? floor : floor + 1n)];
  if (twiceRemainder < denominator) return [sign(floor)];
  if (twiceRemainder > denominator) return [sign(floor + 1n)];
  // An exact tie: rounding rules differ only here (magnitudes: half up = away from zero).
  switch (rule) {
    case 'half_up':
      return [sign(floor + 1n)];
    case 'half_down':
      return [sign(floor)];
    case 'half_even':
      return [sign(floor % 2n === 0n ? floor : floor + 1n)];
    default:
      return [sign(floor), sign(floor + 1n)];
  }
}

/**
 * GRIM test: can n answers (each the mean of `items` integer items) have the reported mean?
 *
 * Algorithm: with N = n * items, the true mean is s / N for an integer total s. Every s whose
 * s / N rounds (by the rule) to the reported value at its decimals is found exactly, in integer
 * arithmetic (BigInt), by checking the totals around mean * N; the test is consistent if there is
 * at least one. No floating-point rounding can decide a verdict.
 *
 * Reference: Brown, N. J. L., & Heathers, J. A. J. (2017). The GRIM test. Social Psychological
 * and Personality Science, 8(4), 363-369.
 *
 * @example
 * ```ts
 * grim('5.19', 28).consistent; // false: 145/28 = 5.179 -> 5.18 and 146/28 = 5.214 -> 5.21
 * grim('4.17', 47).consistent; // true: 196/47 = 4.1702
 * ```
 * @throws InvalidArgumentError for a malformed mean, n or items not positive integers.
 */
export function grim(mean: string | number, n: number, options: GrimOptions = {}): GrimResult {
  const items = options.items ?? 1;
  const rounding = options.rounding ?? 'up_or_down';
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`n must be a positive whole number, got ${n}.`);
  if (!Number.isInteger(items) || items < 1) throw new InvalidArgumentError(`items must be a positive whole number, got ${items}.`);
  const reported = parseReported(mean, options.decimals);
  const scale = 10n ** BigInt(reported.decimals);
  const total = BigInt(n * items);
  const roundsTo = (s: bigint): bigint[] => roundRational(s * scale, total, rounding);
  // Candidate totals: s / N within one granule either side of the reported value.
  const centre = (reported.units * total) / scale;
  const possible: number[] = [];
  for (let s = centre - total / scale - 2n; s <= centre + total / scale + 2n; s++) {
    if (roundsTo(s).includes(reported.units)) possible.push(Number(s));
  }
  const warnings: Warning[] = [];
  if (total >= scale) {
    warnings.push({ code: 'grim_uninformative', message: `With ${n * items} answers and ${reported.decimals} decimals every mean is possible (granularity 1/${n * items} <= 10^-${reported.decimals}); GRIM cannot detect anything here.` });
  }
  // Rounded means move monotonically with s: walk outwards from the reported value.
  const nearest = (direction: 1n | -1n): string => {
    for (let s = centre - direction * 2n; ; s += direction) {
      const beyond = roundsTo(s).filter((v) => (direction === 1n ? v > reported.units : v < reported.units));
      if (beyond.length > 0) {
        const value = direction === 1n ? beyond.reduce((a, b) => (a < b ? a : b)) : beyond.reduce((a, b) => (a > b ? a : b));
        return formatScaled({ units: value, decimals: reported.decimals });
      }
    }
  };
  const consistent = possible.length > 0;
  return {
    method: 'grim',
    consistent,
    mean: formatScaled(reported),
    n,
    items,
    decimals: reported.decimals,
    rounding,
    possibleSums: possible,
    nearestPossibleMeans: consistent ? [formatScaled(reported), formatScaled(reported)] : [nearest(-1n), nearest(1n)],
    warnings,
  };
}
