/**
 * checkPublishedTable: GRIM (and GRIMMER where SDs are given) over a published table of means.
 */
import { InvalidArgumentError } from '../errors.js';
import { grim, type RoundingRule } from './grim.js';
import { grimmer } from './grimmer.js';

/** One row of a published table. */
export interface PublishedRow {
  readonly id: string;
  readonly label?: string;
  /** The mean as printed (text, so trailing zeros count). */
  readonly mean: string;
  readonly n: number;
  /** The SD as printed, when published. */
  readonly sd?: string;
}

/** Options for {@link checkPublishedTable}. */
export interface CheckTableOptions {
  /** Sample sizes n - range .. n + range are tried as alternatives. Default 7. */
  readonly range?: number;
  readonly items?: number;
  readonly rounding?: RoundingRule;
  readonly scale?: { readonly min: number; readonly max: number };
}

/** The verdict on one row. */
export interface CheckedRow {
  readonly id: string;
  readonly label: string;
  readonly mean: string;
  readonly sd: string | null;
  readonly n: number;
  readonly grimConsistent: boolean;
  /** null when no SD was published. */
  readonly grimmerConsistent: boolean | null;
  /** Sample sizes in n - range .. n + range at which the mean (and SD) would be consistent. */
  readonly consistentSampleSizes: readonly number[];
}

/** Result of {@link checkPublishedTable}. */
export interface CheckTableResult {
  readonly method: 'check-published-table';
  readonly rows: readonly CheckedRow[];
  readonly inconsistent: number;
  /** Sample sizes at which every row would be consistent (empty when none). */
  readonly commonSampleSizes: readonly number[];
  readonly summary: string;
}

/**
 * Runs GRIM on every published mean (and GRIMMER where an SD is given) at its stated n, and lists
 * the nearby sample sizes that would make each row consistent, and those that would make all of
 * them consistent at once.
 *
 * @example
 * ```ts
 * checkPublishedTable([{ id: 'brand_image', mean: '4.82', n: 47 }]).rows[0];
 * // { grimConsistent: false, consistentSampleSizes: [40, 44, 45, 49, 50, 51], ... } (40: 193/40 = 4.825, a tie)
 * ```
 * @throws InvalidArgumentError for an empty table or malformed rows.
 */
export function checkPublishedTable(rows: readonly PublishedRow[], options: CheckTableOptions = {}): CheckTableResult {
  if (rows.length === 0) throw new InvalidArgumentError('checkPublishedTable needs at least one row.');
  const range = options.range ?? 7;
  const common = { ...(options.items !== undefined && { items: options.items }), ...(options.rounding && { rounding: options.rounding }) };
  const passes = (row: PublishedRow, n: number): boolean =>
    row.sd === undefined
      ? grim(row.mean, n, common).consistent
      : n >= 2 && grimmer(row.mean, row.sd, n, { ...(options.rounding && { rounding: options.rounding }), ...(options.scale && { scale: options.scale }) }).consistent;
  const checked = rows.map((row): CheckedRow => {
    const sizes: number[] = [];
    for (let n = Math.max(1, row.n - range); n <= row.n + range; n++) if (passes(row, n)) sizes.push(n);
    return {
      id: row.id,
      label: row.label ?? row.id,
      mean: row.mean,
      sd: row.sd ?? null,
      n: row.n,
      grimConsistent: grim(row.mean, row.n, common).consistent,
      grimmerConsistent: row.sd === undefined ? null : passes(row, row.n),
      consistentSampleSizes: sizes,
    };
  });
  const inconsistent = checked.filter((r) => !r.grimConsistent || r.grimmerConsistent === false).length;
  const [first, ...others] = checked.map((r) => new Set(r.consistentSampleSizes));
  const commonSizes = [...(first ?? new Set<number>())].filter((n) => others.every((s) => s.has(n))).sort((a, b) => a - b);
  const summary =
    inconsistent === 0
      ? `All ${checked.length} figures are consistent with their sample sizes.`
      : `${inconsistent} of ${checked.length} figures are impossible at their stated sample size${commonSizes.length > 0 ? `; all would be consistent at n = ${commonSizes.join(', ')}` : '; no single sample size in the range explains all of them (item non-response, a different n per item, or reporting errors)'}.`;
  return { method: 'check-published-table', rows: checked, inconsistent, commonSampleSizes: commonSizes, summary };
}
