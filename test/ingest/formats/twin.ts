/**
 * The "same Survey as the plain-CSV twin" check shared by the export readers' tests: every field
 * a user or an analysis reads, compared field by field.
 */
import { expect } from 'vitest';
import type { Survey } from '../../../src/survey/survey.js';

/**
 * Asserts that two surveys hold the same data (ratings, weights, ids, segments, counts per column
 * and row). `rename` maps the twin's column names to the export's where they differ.
 */
export function expectSameSurvey(actual: Survey, twin: Survey, rename: Readonly<Record<string, string>> = {}): void {
  const as = (column: string): string => rename[column] ?? column;
  expect(actual.n).toBe(twin.n);
  expect([...actual.ratings.keys()]).toEqual([...twin.ratings.keys()].map(as));
  for (const [column, values] of twin.ratings) expect(Array.from(actual.ratings.get(as(column)) ?? []), column).toEqual(Array.from(values));
  expect(actual.weights === null ? null : Array.from(actual.weights)).toEqual(twin.weights === null ? null : Array.from(twin.weights));
  expect(actual.ids).toEqual(twin.ids);
  expect([...actual.segments.values()]).toEqual([...twin.segments.values()]);
  expect(actual.touchpoints.map((t) => t.column)).toEqual(twin.touchpoints.map((t) => as(t.column)));
  expect(actual.report.rowsUsed).toBe(twin.report.rowsUsed);
  expect(actual.report.columns.map(({ role, missing, invalid }) => ({ role, missing, invalid }))).toEqual(twin.report.columns.map(({ role, missing, invalid }) => ({ role, missing, invalid })));
  expect(actual.report.straightLining.count).toBe(twin.report.straightLining.count);
}
