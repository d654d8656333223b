/**
 * Adjustment covariates as model columns: a column of numbers as it is, a text column (or any
 * segment) dummy-coded against its first level, as R's treatment contrasts do.
 */
import { InvalidArgumentError } from '../errors.js';
import type { SurveyModelData } from './model-data.js';
import type { Survey } from './survey.js';

/** Covariate columns for the model rows `rows` (survey row indices). */
export interface CovariateColumns {
  /** Names of the model columns: a numeric covariate's own name; `<column><level>` for each non-reference level (R's naming). */
  readonly names: readonly string[];
  /** For each requested row, its covariate values in `names` order, or null when a covariate is missing in that row. */
  readonly values: readonly (readonly number[] | null)[];
  /** Per covariate: numeric, or categorical with its levels (the first is the reference). */
  readonly coding: readonly ({ readonly column: string; readonly kind: 'numeric' } | { readonly column: string; readonly kind: 'categorical'; readonly levels: readonly string[] })[];
}

/**
 * Model columns of the covariates `columns` (each a spec covariate or a segment) on the survey rows
 * `rows`. A covariate whose every present value reads as a finite number (and that is not a
 * segment) is numeric; otherwise its levels among the rows with every covariate present, in
 * sorted order, are dummy-coded with the first as the reference.
 *
 * @throws InvalidArgumentError when a column is neither a covariate nor a segment, or a
 *   categorical covariate has a single level in these rows.
 */
export function covariateColumns(survey: Survey, columns: readonly string[], rows: ArrayLike<number>): CovariateColumns {
  const raw = columns.map((column) => {
    const segment = survey.segments.get(column);
    const text = segment ?? survey.covariates?.get(column);
    if (text === undefined) {
      const declared = [...(survey.covariates?.keys() ?? []), ...survey.segments.keys()];
      throw new InvalidArgumentError(
        `controls names "${column}", which is not a covariate or segment of this survey; ${declared.length > 0 ? `declared: ${declared.join(', ')}` : 'declare it in spec.covariates'}.`,
      );
    }
    const numeric = segment === undefined && text.every((v) => v === null || (v.trim() !== '' && Number.isFinite(Number(v))));
    return { column, text, numeric };
  });
  const present = Array.from(rows, (i) => raw.every((c) => c.text[i] !== null && c.text[i] !== undefined));
  const coding = raw.map(({ column, text, numeric }) => {
    if (numeric) return { column, kind: 'numeric' as const };
    const levels = [...new Set(Array.from(rows, (i, r) => (present[r] ? (text[i] as string) : null)).filter((v): v is string => v !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (levels.length < 2)
      throw new InvalidArgumentError(
        `The covariate "${column}" has ${levels.length === 1 ? `one value ("${levels[0]}")` : 'no values'} in the model's rows; it cannot be adjusted for. Remove it from controls.`,
      );
    return { column, kind: 'categorical' as const, levels };
  });
  const names = coding.flatMap((c) => (c.kind === 'numeric' ? [c.column] : c.levels.slice(1).map((level) => `${c.column}${level}`)));
  const values = Array.from(rows, (i, r) => {
    if (!present[r]) return null;
    return coding.flatMap((c, k) => {
      const v = (raw[k] as (typeof raw)[number]).text[i] as string;
      return c.kind === 'numeric' ? [Number(v)] : c.levels.slice(1).map((level) => (v === level ? 1 : 0));
    });
  });
  return { names, values, coding };
}

/**
 * Model data with adjustment covariates appended to every row: rows missing a covariate are left
 * out (counted as missing, with a warning), the covariate columns (see {@link covariateColumns})
 * follow the predictors in `names`.
 */
export function withCovariates(survey: Survey, data: SurveyModelData, columns: readonly string[]): SurveyModelData & { readonly covariates: CovariateColumns } {
  const covariates = covariateColumns(survey, columns, data.rows);
  const keep = covariates.values.map((v, r) => (v === null ? -1 : r)).filter((r) => r >= 0);
  const dropped = data.X.length - keep.length;
  const X = keep.map((r) => [...(data.X[r] as number[]), ...(covariates.values[r] as number[])]);
  const pick = <T extends Float64Array | Uint32Array>(a: T): T => a.filter((_, r) => covariates.values[r] !== null) as T;
  const warnings =
    dropped === 0
      ? data.warnings
      : [...data.warnings, { code: 'rows_dropped_covariates', message: `${dropped} of ${data.rowsAvailable} respondents have no value for a covariate (${columns.join(', ')}) and were left out.` }];
  return {
    ...data,
    n: keep.length,
    rowsDropped: { ...data.rowsDropped, missing: data.rowsDropped.missing + dropped },
    names: [...data.names, ...covariates.names],
    X,
    columns: [...data.columns, ...covariates.names.map((_, c) => Float64Array.from(keep, (r) => (covariates.values[r] as number[])[c] as number))].map((column, j) =>
      j < data.columns.length ? Float64Array.from(keep, (r) => (data.columns[j] as Float64Array)[r] as number) : column,
    ),
    y: pick(data.y),
    weights: data.weights === null ? null : pick(data.weights),
    rows: pick(data.rows),
    warnings,
    covariates: { ...covariates, values: keep.map((r) => covariates.values[r] as number[]) },
  };
}
