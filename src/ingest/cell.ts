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

/** Reads rating cells according to a spec's scale, missing codes and labels. */
export class CellReader {
  private readonly missingText: Set<string>;
  private readonly missingNumbers: Set<number>;
  private readonly scaleText: string;

  constructor(private readonly spec: NormalizedSpec) {
    this.missingText = new Set(spec.missing.map((m) => normalizeText(String(m))));
    this.missingNumbers = new Set(spec.missing.filter((m): m is number => typeof m === 'number'));
    this.scaleText = `${spec.scale.min}-${spec.scale.max}`;
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
