/**
 * One rated cell to a number: missing and not-applicable codes, text labels, Unicode
 * normalisation, decimal commas, scale checks and binary classes.
 */
import type { IssueCode } from '../errors.js';
import { type CellCode, type NormalizedScale, type NormalizedSpec, normalizeText } from '../schema/survey-spec.js';

/** Outcome of reading one cell. */
export type CellResult =
  | { readonly kind: 'missing' }
  | { readonly kind: 'not_applicable' }
  | {
      readonly kind: 'value';
      readonly value: number;
      readonly labelled: boolean;
      /** Binary columns: the cell's class key (its number, or its normalised text). */
      readonly key?: string;
    }
  | { readonly kind: 'invalid'; readonly code: IssueCode; readonly problem: string; readonly fix: string };

const MISSING: CellResult = { kind: 'missing' };
const NOT_APPLICABLE_RESULT: CellResult = { kind: 'not_applicable' };
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const PLAIN_INTEGER = /^\d{1,6}$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;
/** A signed or unsigned integer of at most 9 digits: the text a byte-level reading can decide. */
const SHORT_INTEGER = /^([+-]?)(\d{1,9})$/;

/**
 * What {@link CellReader.digits} and {@link CellReader.asciiField} return for a field they leave
 * to {@link CellReader.rating} (text, labels, out-of-scale values, text missing codes that are
 * digits, any binary cell): never a value on a finite scale, never NaN.
 */
export const UNREAD = Number.POSITIVE_INFINITY;

/** What {@link CellReader.digits} and {@link CellReader.asciiField} return for a not-applicable code. */
export const NOT_APPLICABLE = Number.NEGATIVE_INFINITY;

/**
 * How one rated column is read: its kind, scale and codes, resolved from the spec. `'rating'`
 * covers touchpoints and rating or nps outcomes (a scale); `'binary'` maps two classes to 1/0;
 * `'numeric'` takes any finite number.
 */
export interface ColumnRule {
  readonly column: string;
  readonly kind: 'rating' | 'binary' | 'numeric';
  readonly scale: NormalizedScale | null;
  readonly missing: readonly CellCode[];
  readonly notApplicable: readonly CellCode[];
  readonly labels: ReadonlyMap<string, number>;
  readonly positive: readonly CellCode[] | null;
  /** Whether "4,5" reads as 4.5. */
  readonly decimalComma: boolean;
}

/** The reading rules of a spec's rated columns: touchpoints in journey order, then the overall column. */
export function columnRules(spec: NormalizedSpec, decimalComma = false): ColumnRule[] {
  const o = spec.outcome;
  return [
    ...spec.touchpoints.map((t) => ({ column: t.column, kind: 'rating' as const, scale: t.scale, missing: t.missing, notApplicable: t.notApplicable, labels: t.labels, positive: null, decimalComma })),
    {
      column: o.column,
      kind: o.type === 'binary' ? ('binary' as const) : o.type === 'numeric' ? ('numeric' as const) : ('rating' as const),
      scale: o.scale,
      missing: o.missing,
      notApplicable: [],
      labels: o.labels,
      positive: o.positive,
      decimalComma,
    },
  ];
}

/**
 * A number naming an integer's exact text (sign, digit count, value), so text codes such as "99"
 * or "09" can be matched without building the string. Unique for at most 9 digits.
 */
function integerTextKey(sign: number, length: number, value: number): number {
  return sign * 1e10 + length * 1e9 + value;
}

/** Reads the cells of one rated column according to its scale, missing and not-applicable codes and labels. */
export class CellReader {
  private readonly missingText: Set<string>;
  private readonly missingNumbers: Set<number>;
  private readonly naText: Set<string>;
  private readonly naNumbers: Set<number>;
  private readonly labels: ReadonlyMap<string, number>;
  private readonly scaleText: string;
  private readonly min: number;
  private readonly max: number;
  private readonly integerScale: boolean;
  private readonly positiveText: Set<string>;
  private readonly positiveNumbers: Set<number>;
  /** Keys ({@link integerTextKey}) of missing codes and labels whose text is an integer, e.g. "99". */
  private readonly integerTexts: Set<number>;
  private readonly integerTextMinLength: number;
  private readonly integerTextMaxLength: number;
  /** Whether a numeric missing or not-applicable code lies on the scale (then every value must be looked up). */
  private readonly codeOnScale: boolean;
  /** The reading of an empty or blank field. */
  private readonly emptyReading: number;

  constructor(private readonly rule: ColumnRule) {
    this.missingText = new Set(rule.missing.map((m) => normalizeText(String(m))));
    this.missingNumbers = new Set(rule.missing.filter((m): m is number => typeof m === 'number'));
    this.naText = new Set(rule.notApplicable.map((m) => normalizeText(String(m))));
    this.naNumbers = new Set(rule.notApplicable.filter((m): m is number => typeof m === 'number'));
    this.labels = rule.labels;
    const scale = rule.scale;
    this.min = scale === null ? -Infinity : scale.min;
    this.max = scale === null ? Infinity : scale.max;
    this.integerScale = scale?.integer ?? false;
    this.scaleText = scale === null ? '' : `${scale.min}-${scale.max}`;
    this.positiveText = new Set((rule.positive ?? []).map((p) => normalizeText(String(p))));
    this.positiveNumbers = new Set((rule.positive ?? []).flatMap((p) => (typeof p === 'number' ? [p] : NUMBER.test(normalizeText(p)) ? [Number(normalizeText(p))] : [])));
    this.integerTexts = new Set();
    let minLength = Infinity;
    let maxLength = 0;
    for (const text of [...this.missingText, ...this.naText, ...rule.labels.keys()]) {
      const match = SHORT_INTEGER.exec(text);
      if (match === null) continue;
      const digits = match[2] as string;
      this.integerTexts.add(integerTextKey(match[1] === '' ? 0 : match[1] === '+' ? 1 : 2, digits.length, Number(digits)));
      minLength = Math.min(minLength, digits.length);
      maxLength = Math.max(maxLength, digits.length);
    }
    this.integerTextMinLength = minLength;
    this.integerTextMaxLength = maxLength;
    this.codeOnScale = [...this.missingNumbers, ...this.naNumbers].some((m) => m >= this.min && m <= this.max);
    const empty = this.rating('');
    this.emptyReading = rule.kind === 'binary' ? UNREAD : empty.kind === 'missing' ? Number.NaN : empty.kind === 'not_applicable' ? NOT_APPLICABLE : UNREAD;
  }

  /** The column's name. */
  get column(): string {
    return this.rule.column;
  }

  /**
   * The reading of a field that is exactly `length` (1 to 9) ASCII digits with value `value`,
   * equal to what {@link rating} gives for that text: the value when it is on the scale, NaN when
   * it is a missing code, {@link NOT_APPLICABLE} for a not-applicable code, else {@link UNREAD}.
   * No string is built: this is the byte reader's path.
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
    if (this.rule.kind === 'binary') return UNREAD;
    if (length >= this.integerTextMinLength && length <= this.integerTextMaxLength && this.integerTexts.has(integerTextKey(sign, length, digitsValue))) {
      return UNREAD;
    }
    // -0 stays -0 here, as Number('-0') does: codes match it as 0 (SameValueZero).
    const value = sign === 2 ? -digitsValue : digitsValue;
    if (value >= this.min && value <= this.max) {
      if (this.codeOnScale) {
        if (this.missingNumbers.has(value)) return Number.NaN;
        if (this.naNumbers.has(value)) return NOT_APPLICABLE;
      }
      return value + 0;
    }
    return this.missingNumbers.has(value) ? Number.NaN : this.naNumbers.has(value) ? NOT_APPLICABLE : UNREAD;
  }

  /**
   * Reads a rated cell. Missing and not-applicable codes are matched against the raw cell (its
   * text, or its value when it is a number) before labels, so a label's score is never taken for a
   * code; then labels map text to scores; then numbers are parsed and checked against the scale.
   */
  rating(raw: unknown): CellResult {
    let value: number;
    let labelled = false;
    let text: string | null = null;
    if (raw === null || raw === undefined) return MISSING;
    if (typeof raw === 'number') {
      if (Number.isNaN(raw)) return MISSING;
      value = raw;
      if (this.missingNumbers.has(value)) return MISSING;
      if (this.naNumbers.has(value)) return NOT_APPLICABLE_RESULT;
    } else if (typeof raw === 'string' && PLAIN_INTEGER.test(raw) && !this.missingText.has(raw) && !this.naText.has(raw) && !this.labels.has(raw)) {
      // Fast path for the common case, a plain integer such as "4": no Unicode normalisation needed.
      value = Number(raw);
      if (this.missingNumbers.has(value)) return MISSING;
      if (this.naNumbers.has(value)) return NOT_APPLICABLE_RESULT;
    } else if (typeof raw === 'string') {
      text = normalizeText(raw);
      if (this.missingText.has(text)) return MISSING;
      if (this.naText.has(text)) return NOT_APPLICABLE_RESULT;
      const labelScore = this.labels.get(text);
      if (labelScore !== undefined) {
        value = labelScore;
        labelled = true;
      } else if (NUMBER.test(text) || (this.rule.decimalComma && DECIMAL_COMMA.test(text))) {
        value = Number(NUMBER.test(text) ? text : text.replace(',', '.'));
        if (this.missingNumbers.has(value)) return MISSING;
        if (this.naNumbers.has(value)) return NOT_APPLICABLE_RESULT;
      } else if (this.rule.kind === 'binary') {
        return this.binary(Number.NaN, text, false);
      } else {
        return {
          kind: 'invalid',
          code: 'unparseable_number',
          problem: 'is not a number',
          fix: DECIMAL_COMMA.test(text)
            ? 'it looks like a decimal comma: read the file with the decimalComma option (--decimal-comma; sniffed in semicolon- and tab-delimited files), or map the text under labels'
            : 'enter a number, add the text to missing codes, or map it to a score under labels',
        };
      }
    } else {
      return { kind: 'invalid', code: 'unparseable_number', problem: `is a ${typeof raw}, not a number`, fix: 'pass numbers or numeric text' };
    }
    if (!Number.isFinite(value)) {
      return { kind: 'invalid', code: 'unparseable_number', problem: 'is not a finite number', fix: this.rule.kind === 'numeric' ? 'enter a finite number' : 'enter a rating on the scale' };
    }
    value += 0; // -0 becomes 0
    if (this.rule.kind === 'binary') return this.binary(value, text, labelled);
    if (this.rule.kind === 'numeric') return { kind: 'value', value, labelled };
    if (value < this.min || value > this.max) {
      return {
        kind: 'invalid',
        code: 'out_of_scale',
        problem: `is outside the scale ${this.scaleText}`,
        fix: 'correct it, declare it a missing code (e.g. 99) or a not-applicable code (notApplicable), or check the scale',
      };
    }
    if (this.integerScale && !Number.isInteger(value)) {
      return {
        kind: 'invalid',
        code: 'non_integer',
        problem: `is not a whole number on the integer scale ${this.scaleText}`,
        fix: 'correct it, or set scale.integer to false if fractional answers are valid',
      };
    }
    return { kind: 'value', value, labelled };
  }

  /**
   * A binary cell: 1 when its text or its number (a label's score included) is a positive code,
   * else 0; the key names its class for the two-values check.
   */
  private binary(value: number, text: string | null, labelled: boolean): CellResult {
    const isNumber = !Number.isNaN(value);
    const positive = (text !== null && this.positiveText.has(text)) || (isNumber && this.positiveNumbers.has(value));
    return { kind: 'value', value: positive ? 1 : 0, labelled, key: isNumber ? String(value) : (text as string) };
  }

  /** Reverse-codes a rating: min + max - value. */
  reverse(value: number): number {
    return this.min + this.max - value;
  }
}

/** Whitespace that String.prototype.trim removes, among ASCII bytes: tab, LF, VT, FF, CR, space. */
export function isBlank(byte: number): boolean {
  return byte === 0x20 || (byte >= 0x09 && byte <= 0x0d);
}

/** Reads a survey weight: a finite number >= 0, or `null` when it is not one. */
export function readWeight(raw: unknown, decimalComma = false): number | null {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? readNumber(raw, decimalComma) : NaN;
  return Number.isFinite(value) && value >= 0 ? value + 0 : null;
}

/** A number written as text ("4.5", or "4,5" with a decimal comma), or NaN. */
export function readNumber(raw: string, decimalComma = false): number {
  const text = normalizeText(raw);
  if (NUMBER.test(text)) return Number(text);
  if (decimalComma && DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return Number.NaN;
}

/** Whether text is a number with a decimal comma, such as "4,5". */
export function hasDecimalComma(text: string): boolean {
  return DECIMAL_COMMA.test(text.trim());
}

/** A text cell (id, segment) or `null` when empty or a missing code. */
export function readText(raw: unknown, missingText: ReadonlySet<string>): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  return missingText.has(normalizeText(text)) ? null : text;
}
