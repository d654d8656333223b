/**
 * The one shared checker: compares an actual value to a golden (outside-tool) value field by
 * field, with a relative tolerance per field, and reports input, expected, actual, difference and
 * tolerance for every mismatch.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Reads a JSON file under test/golden/. */
export function loadGolden<T = unknown>(relativePath: string): T {
  const url = new URL(`../golden/${relativePath}`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as T;
}

/** Tolerances: a default and optional per-field overrides keyed by the field's last path segment. */
/** One coefficient of an R golden (lm, glm, clm): the fields a golden may hold. */
export interface GoldenCoefficient {
  name: string;
  estimate: number;
  stdError: number;
  stdErrorAtEstimate?: number;
  zValue?: number;
  tValue?: number;
  pValue: number;
}

export interface Tolerance {
  readonly relative: number;
  /**
   * Absolute floor, used when the expected value is (near) zero: a difference up to it always
   * passes. Default: `relative`. Never applied to probabilities (fields named like `pValue`,
   * `fPValue`, `pAdjusted`), which are compared relatively however small: a floor of 1e-13 would
   * otherwise let any p-value below 1e-13 pass whatever its value. An expected probability of
   * exactly 0 (an underflow in R) requires an actual one below 1e-300.
   */
  readonly absolute?: number;
  readonly fields?: Readonly<Record<string, { relative: number; absolute?: number }>>;
}

interface Mismatch {
  path: string;
  expected: unknown;
  actual: unknown;
  difference?: number;
  tolerance?: number;
}

/** Fields holding a probability (a p-value), compared relatively only. */
export function isProbability(field: string): boolean {
  return /^p(Value|Adjusted)s?$|PValues?$/.test(field);
}

/**
 * Compares `actual` with `expected` recursively. Numbers pass when
 * |a - e| <= max(relative * |e|, absolute) (absolute = 0 for p-values, see {@link Tolerance}); `null` in the golden file matches `null`, NaN or a
 * missing field. Fields present only in `actual` are ignored (results may carry more than R).
 */
export function compareToGolden(actual: unknown, expected: unknown, tolerance: Tolerance, path = ''): Mismatch[] {
  const mismatches: Mismatch[] = [];
  walk(actual, expected, path, tolerance, mismatches);
  return mismatches;
}

function walk(actual: unknown, expected: unknown, path: string, tol: Tolerance, out: Mismatch[]): void {
  if (expected === null) {
    if (!(actual === null || actual === undefined || (typeof actual === 'number' && Number.isNaN(actual)))) {
      out.push({ path, expected, actual });
    }
    return;
  }
  if (typeof expected === 'number') {
    // The field's name: the last segment that is not an array index (pValues[2] -> pValues).
    const field =
      path
        .split(/[.[\]]/)
        .filter((segment) => segment !== '' && !/^\d+$/.test(segment))
        .pop() ?? '';
    const override = tol.fields?.[field];
    const relative = override?.relative ?? tol.relative;
    const absolute = isProbability(field) ? (expected === 0 ? 1e-300 : 0) : (override?.absolute ?? tol.absolute ?? relative);
    if (typeof actual !== 'number') {
      out.push({ path, expected, actual });
      return;
    }
    if (!Number.isFinite(expected)) {
      if (actual !== expected) out.push({ path, expected, actual });
      return;
    }
    const difference = Math.abs(actual - expected);
    const allowed = Math.max(relative * Math.abs(expected), absolute);
    if (!(difference <= allowed)) out.push({ path, expected, actual, difference, tolerance: allowed });
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push({ path, expected: `array(${expected.length})`, actual: Array.isArray(actual) ? `array(${actual.length})` : actual });
      return;
    }
    expected.forEach((item, i) => {
      walk(actual[i], item, `${path}[${i}]`, tol, out);
    });
    return;
  }
  if (typeof expected === 'object') {
    if (typeof actual !== 'object' || actual === null) {
      out.push({ path, expected: 'object', actual });
      return;
    }
    for (const [key, value] of Object.entries(expected as Record<string, unknown>)) {
      walk((actual as Record<string, unknown>)[key], value, path ? `${path}.${key}` : key, tol, out);
    }
    return;
  }
  if (actual !== expected) out.push({ path, expected, actual });
}

/**
 * Asserts that `actual` matches `expected` within `tolerance`; on failure the message lists the
 * input label and every mismatching field with expected, actual, difference and tolerance.
 */
export function expectGolden(actual: unknown, expected: unknown, tolerance: Tolerance, input = ''): void {
  const mismatches = compareToGolden(actual, expected, tolerance);
  if (mismatches.length > 0) {
    const lines = mismatches
      .slice(0, 40)
      .map(
        (m) =>
          `  ${m.path}: expected ${fmt(m.expected)}, actual ${fmt(m.actual)}` +
          (m.difference === undefined ? '' : `, difference ${m.difference.toExponential(3)}, tolerance ${m.tolerance?.toExponential(3)}`),
      );
    expect.fail(`${mismatches.length} field(s) differ from the golden values${input ? ` for ${input}` : ''}:\n${lines.join('\n')}`);
  }
}

function fmt(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Log relative error (digits of agreement), capped at `cap` digits, as NIST StRD reports it. */
export function logRelativeError(estimate: number, certified: number, cap = 15): number {
  if (estimate === certified) return cap;
  const lre = certified === 0 ? -Math.log10(Math.abs(estimate)) : -Math.log10(Math.abs(estimate - certified) / Math.abs(certified));
  return Math.min(cap, lre);
}
