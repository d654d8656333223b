/**
 * One rating cell to a number: missing codes, text labels, Unicode normalisation and scale checks.
 */
import type { IssueCode } from '../errors.js';
import { normalizeText, type NormalizedSpec } from '../schema/survey-spec.js';

/** Outcome of reading one cell. */
export type CellResult =
  | { readonly kind: 'missing' }
  | { readonly kind: 'value'; readonly value: number; readonly labelled: boolean }
  | { readonly kind: 'invalid'; readonly code: IssueCode; readonly problem: string; readonly fix: string };

const MISSING: CellResult = { kind: 'missing' };
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const PLAIN_INTEGER = /^\d{1,6}$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
/** A signed or unsigned integer of at most 9 digits: the text a byte-level reading can decide. */
const SHORT_INTEGER = /^([+-]?)(\d{1,9})$/;

/**
 * What {@link CellReader.digits} and {@link CellReader.asciiField} return for a field they leave
 * to {@link CellReader.rating} (text, labels, out-of-scale values, text missing codes that are
 * digits): never a value on a finite scale, never NaN.
 */
export const UNREAD = Number.POSITIVE_INFINITY;

/**
 * A number naming an integer's exact text (sign, digit count, value), so text codes such as "99"
 * or "09" can be matched without building the string. Unique for at most 9 digits.
 */
function integerTextKey(sign: number, length: number, value: number): number {
  return sign * 1e10 + length * 1e9 + value;
}

/** Reads rating cells according to a spec's scale, missing codes and labels. */
export class CellReader {
  private readonly missingText: Set<string>;
  private readonly missingNumbers: Set<number>;
  private readonly scaleText: string;
  /** Keys ({@link integerTextKey}) of missing codes and labels whose text is an integer, e.g. "99". */
  private readonly integerTexts: Set<number>;
  private readonly integerTextMinLength: number;
  private readonly integerTextMaxLength: number;
  /** Whether a numeric missing code lies on the scale (then every value must be looked up). */
  private readonly missingOnScale: boolean;
  /** The reading of an empty or blank field. */
  private readonly emptyReading: number;

  constructor(private readonly spec: NormalizedSpec) {
    this.missingText = new Set(spec.missing.map((m) => normalizeText(String(m))));
    this.missingNumbers = new Set(spec.missing.filter((m): m is number => typeof m === 'number'));
    this.scaleText = `${spec.scale.min}-${spec.scale.max}`;
    this.integerTexts = new Set();
    let minLength = Infinity;
    let maxLength = 0;
    for (const text of [...this.missingText, ...spec.labels.keys()]) {
      const match = SHORT_INTEGER.exec(text);
      if (match === null) continue;
      const digits = match[2] as string;
      this.integerTexts.add(integerTextKey(match[1] === '' ? 0 : match[1] === '+' ? 1 : 2, digits.length, Number(digits)));
      minLength = Math.min(minLength, digits.length);
      maxLength = Math.max(maxLength, digits.length);
    }
    this.integerTextMinLength = minLength;
    this.integerTextMaxLength = maxLength;
    this.missingOnScale = [...this.missingNumbers].some((m) => m >= spec.scale.min && m <= spec.scale.max);
    this.emptyReading = this.rating('').kind === 'missing' ? Number.NaN : UNREAD;
  }

  /**
   * The reading of a field that is exactly `length` (1 to 9) ASCII digits with value `value`,
   * equal to what {@link rating} gives for that text: the value when it is on the scale, NaN when
   * it is a missing code, else {@link UNREAD}. No string is built: this is the byte reader's path.
   */
  digits(value: number, length: number): number {
    return this.integer(0, length, value);
  }

  /**
   * The reading of an ASCII field `bytes[start, end)`, as {@link digits}: surrounding blanks are
   * trimmed and a sign is allowed; an empty field reads as the empty text does. Anything else is
   * {@link UNREAD}. The caller guarantees that the bytes are ASCII (below 0x80).
   */
  asciiField(bytes: Uint8Array, start: number, end: number): number {
    while (start < end && isBlank(bytes[start] as number)) start++;
    while (end > start && isBlank(bytes[end - 1] as number)) end--;
    if (start === end) return this.emptyReading;
    let sign = 0;
    const first = bytes[start] as number;
    if (first === 0x2b || first === 0x2d) {
      sign = first === 0x2b ? 1 : 2;
      start++;
    }
    const length = end - start;
    if (length < 1 || length > 9) return UNREAD;
    let value = 0;
    for (let i = start; i < end; i++) {
      const d = (bytes[i] as number) - 0x30;
      if (d < 0 || d > 9) return UNREAD;
      value = value * 10 + d;
    }
    return this.integer(sign, length, value);
  }

  /** {@link rating}'s steps for an integer text (sign 0 none, 1 '+', 2 '-'), decided without the text. */
  private integer(sign: number, length: number, digitsValue: number): number {
    if (length >= this.integerTextMinLength && length <= this.integerTextMaxLength && this.integerTexts.has(integerTextKey(sign, length, digitsValue))) {
      return UNREAD;
    }
    // -0 stays -0 here, as Number('-0') does: missing codes match it as 0 (SameValueZero).
    const value = sign === 2 ? -digitsValue : digitsValue;
    const { min, max } = this.spec.scale;
    if (value >= min && value <= max) {
      if (this.missingOnScale && this.missingNumbers.has(value)) return Number.NaN;
      return value + 0;
    }
    return this.missingNumbers.has(value) ? Number.NaN : UNREAD;
  }

  /** Reads a rating (touchpoint or overall) cell. */
  rating(raw: unknown): CellResult {
    let value: number;
    let labelled = false;
    if (raw === null || raw === undefined) return MISSING;
    if (typeof raw === 'number') {
      if (Number.isNaN(raw)) return MISSING;
      value = raw;
    } else if (typeof raw === 'string' && PLAIN_INTEGER.test(raw) && !this.missingText.has(raw) && !this.spec.labels.has(raw)) {
      // Fast path for the common case, a plain integer such as "4": no Unicode normalisation needed.
      value = Number(raw);
    } else if (typeof raw === 'string') {
      const text = normalizeText(raw);
      if (this.missingText.has(text)) return MISSING;
      const labelScore = this.spec.labels.get(text);
      if (labelScore !== undefined) {
        value = labelScore;
        labelled = true;
      } else if (NUMBER.test(text)) {
        value = Number(text);
      } else {
        return {
          kind: 'invalid',
          code: 'unparseable_number',
          problem: 'is not a number',
          fix: DECIMAL_COMMA.test(text)
            ? 'it looks like a decimal comma; use a point (4.5), or map the text under labels'
            : 'enter a number, add the text to missing codes, or map it to a score under labels',
        };
      }
    } else {
      return { kind: 'invalid', code: 'unparseable_number', problem: `is a ${typeof raw}, not a number`, fix: 'pass numbers or numeric text' };
    }
    if (!Number.isFinite(value)) {
      return { kind: 'invalid', code: 'unparseable_number', problem: 'is not a finite number', fix: 'enter a rating on the scale' };
    }
    if (this.missingNumbers.has(value)) return MISSING;
    value += 0; // -0 becomes 0
    const { min, max, integer } = this.spec.scale;
    if (value < min || value > max) {
      return {
        kind: 'invalid',
        code: 'out_of_scale',
        problem: `is outside the scale ${this.scaleText}`,
        fix: 'correct it, declare it a missing code (e.g. 99), or check scale.min/scale.max',
      };
    }
    if (integer && !Number.isInteger(value)) {
      return {
        kind: 'invalid',
        code: 'non_integer',
        problem: `is not a whole number on the integer scale ${this.scaleText}`,
        fix: 'correct it, or set scale.integer to false if fractional answers are valid',
      };
    }
    return { kind: 'value', value, labelled };
  }

  /** Reverse-codes a rating: min + max - value. */
  reverse(value: number): number {
    return this.spec.scale.min + this.spec.scale.max - value;
  }
}

/** Whitespace that String.prototype.trim removes, among ASCII bytes: tab, LF, VT, FF, CR, space. */
export function isBlank(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

/** Reads a survey weight: a finite number >= 0, or `null` when it is not one. */
export function readWeight(raw: unknown): number | null {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && NUMBER.test(normalizeText(raw)) ? Number(normalizeText(raw)) : NaN;
  return Number.isFinite(value) && value >= 0 ? value + 0 : null;
}

/** A text cell (id, segment) or `null` when empty or a missing code. */
export function readText(raw: unknown, missingText: ReadonlySet<string>): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  return missingText.has(normalizeText(text)) ? null : text;
}
