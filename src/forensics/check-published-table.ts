/**
 * checkPublishedTable: GRIM (and GRIMMER where SDs are given) over a published table of means.
 */
import { InvalidArgumentError, type Warning } from '../errors.js';
import { checkRounding, grim, type RoundingRule } from './grim.js';
import { grimmer } from './grimmer.js';

/** One row of a published table. */
export interface PublishedRow {
  readonly id: string;
  readonly label?: string;
  /** The mean as printed (text, so trailing zeros count). */
  readonly mean: string;
  /** The sample size the table states for this figure. */
  readonly n: number;
  /** The SD as printed, when published. */
  readonly sd?: string;
}

/** Options for {@link checkPublishedTable}. */
export interface CheckTableOptions {
  /** Sample sizes n - range .. n + range (at least 1, or 2 with an SD) are tried. Default 7. */
  readonly range?: number;
  /** Items averaged per respondent (GRIM only; rows with an SD are single-item). Default 1. */
  readonly items?: number;
  /** How the figures were rounded. Default 'up_or_down'. */
  readonly rounding?: RoundingRule;
  /** The answer scale (whole numbers), used by GRIMMER for rows with an SD. */
  readonly scale?: { readonly min: number; readonly max: number };
}

/** The verdict on one row. */
export interface CheckedRow {
  readonly id: string;
  readonly label: string;
  readonly mean: string;
  readonly sd: string | null;
  readonly n: number;
  /** The row's verdict at its stated n: GRIM, and GRIMMER when an SD is given. */
  readonly consistent: boolean;
  readonly grimConsistent: boolean;
  /** null when no SD was published. */
  readonly grimmerConsistent: boolean | null;
  /** Sample sizes in n - range .. n + range at which the mean (and SD) would be consistent, ascending. */
  readonly consistentSampleSizes: readonly number[];
}

/** Result of {@link checkPublishedTable}. */
export interface CheckTableResult {
  readonly method: 'check-published-table';
  readonly rounding: RoundingRule;
  readonly range: number;
  readonly rows: readonly CheckedRow[];
  /** How many rows are inconsistent at their stated n. */
  readonly inconsistent: number;
  /** Sample sizes at which every row would be consistent (empty when none). */
  readonly commonSampleSizes: readonly number[];
  /** One sentence for a report. */
  readonly summary: string;
  readonly warnings: readonly Warning[];
}

/**
 * Checks every figure of a published table: GRIM on each mean at its stated n (GRIMMER when an SD
 * is given), the nearby sample sizes n - range .. n + range that would make each row consistent,
 * and those that would make all rows consistent at once. Rows inconsistent at their stated n but
 * consistent at nearby, different n per row point to item non-response (each item has its own n);
 * rows consistent at no nearby n point to misreporting.
 *
 * Algorithm: {@link grim} / {@link grimmer} per row and candidate n, in exact arithmetic.
 * Accuracy: exact. Reference: Brown & Heathers (2017); Anaya (2016); Allard (2018).
 *
 * @throws InvalidArgumentError for an empty table, duplicate ids, or malformed rows or options.
 * @example
 * ```ts
 * const table = checkPublishedTable([{ id: 'brand_image', mean: '4.82', n: 47 }], { rounding: 'half_up' });
 * table.rows[0].consistent; // false: 226/47 = 4.809 -> 4.81, 227/47 = 4.830 -> 4.83
 * table.rows[0].consistentSampleSizes; // [44, 45, 49, 50, 51]: e.g. 212/44 = 4.818
 * ```
 */
export function checkPublishedTable(rows: readonly PublishedRow[], options: CheckTableOptions = {}): CheckTableResult {
  if (!Array.isArray(rows) || rows.length === 0) throw new InvalidArgumentError('checkPublishedTable needs at least one row { id, mean, n }.');
  const range = options.range ?? 7;
  if (!Number.isInteger(range) || range < 0) throw new InvalidArgumentError(`range must be a whole number >= 0, got ${range}.`);
  const rounding = checkRounding(options.rounding);
  const items = options.items ?? 1;
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null || typeof row.id !== 'string' || row.id === '') {
      throw new InvalidArgumentError(`Row ${index + 1} of the table needs a non-empty id.`);
    }
    if (seen.has(row.id)) throw new InvalidArgumentError(`The id "${row.id}" appears twice in the table; ids must be unique.`);
    seen.add(row.id);
    if (typeof row.mean !== 'string') throw new InvalidArgumentError(`The mean of "${row.id}" must be text as printed (e.g. "4.10"), got ${typeof row.mean}.`);
    if (row.sd !== undefined && typeof row.sd !== 'string') throw new InvalidArgumentError(`The SD of "${row.id}" must be text as printed, got ${typeof row.sd}.`);
    if (!Number.isInteger(row.n) || row.n < (row.sd === undefined ? 1 : 2)) {
      throw new InvalidArgumentError(`The n of "${row.id}" must be a whole number of at least ${row.sd === undefined ? 1 : 2}, got ${row.n}.`);
    }
  });

  const warnings: Warning[] = [];
  const passes = (row: PublishedRow, n: number): boolean =>
    row.sd === undefined ? grim(row.mean, n, { items, rounding }).consistent : grimmer(row.mean, row.sd, n, { rounding, ...(options.scale !== undefined && { scale: options.scale }) }).consistent;
  const checked = rows.map((row): CheckedRow => {
    const atN = grim(row.mean, row.n, { items, rounding });
    for (const w of atN.warnings) warnings.push({ code: w.code, message: `${row.label ?? row.id}: ${w.message}` });
    const sizes: number[] = [];
    for (let n = Math.max(row.sd === undefined ? 1 : 2, row.n - range); n <= row.n + range; n++) if (passes(row, n)) sizes.push(n);
    const grimmerConsistent = row.sd === undefined ? null : passes(row, row.n);
    return {
      id: row.id,
      label: row.label ?? row.id,
      mean: atN.mean,
      sd: row.sd ?? null,
      n: row.n,
      consistent: atN.consistent && grimmerConsistent !== false,
      grimConsistent: atN.consistent,
      grimmerConsistent,
      consistentSampleSizes: sizes,
    };
  });
  const inconsistent = checked.filter((r) => !r.consistent).length;
  const [first, ...others] = checked.map((r) => new Set(r.consistentSampleSizes));
  const commonSizes = [...(first ?? new Set<number>())].filter((n) => others.every((s) => s.has(n))).sort((a, b) => a - b);
  const hopeless = checked.filter((r) => !r.consistent && r.consistentSampleSizes.length === 0).map((r) => r.label);
  const figures = `figure${checked.length === 1 ? '' : 's'}`;
  const summary =
    inconsistent === 0
      ? checked.length === 1
        ? 'The figure is consistent with its stated sample size.'
        : `All ${checked.length} figures are consistent with their stated sample sizes.`
      : `${inconsistent} of ${checked.length} ${figures} ${inconsistent === 1 ? 'is' : 'are'} impossible at the stated sample size` +
        (commonSizes.length > 0
          ? `; all would be consistent at n = ${commonSizes.join(', ')}.`
          : `; no single sample size within ${range} of the stated one explains all of them (item non-response giving each item its own n, or reporting errors).`) +
        (hopeless.length > 0 ? ` ${hopeless.join(', ')}: consistent at no sample size in the range.` : '');
  return { method: 'check-published-table', rounding, range, rows: checked, inconsistent, commonSampleSizes: commonSizes, summary, warnings };
}
