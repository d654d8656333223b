/**
 * The presenters' number formatters: one for numbers, one for p-values, significance stars, and
 * the small variants (signed, percent) built on them. Every presenter (text, Markdown, HTML,
 * notebook, charts' captions, the locale's sentences) formats through these, so a number reads the
 * same everywhere. Locale-independent: both locales write numbers the same way.
 */

/**
 * A number with fixed decimals, or an en dash for a missing statistic (null, undefined, NaN or
 * infinite).
 *
 * @example
 * ```ts
 * formatNumber(4.625);     // '4.63'
 * formatNumber(0.1234, 3); // '0.123'
 * formatNumber(null);      // '–'
 * ```
 */
export function formatNumber(value: number | null | undefined, decimals = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(decimals);
}

/** Where a p-value goes: a table cell (`'0.013'`, `'<0.001'`) or a sentence (`'p = 0.013'`, `'p < 0.001'`). */
export type PValueStyle = 'table' | 'prose';

/**
 * A p-value by one rule: three decimals, or "below 0.001" when smaller; an en dash when missing.
 * `'prose'` (the default) writes it for a sentence, `'table'` for a table cell.
 *
 * @example
 * ```ts
 * formatPValue(0.2104);             // 'p = 0.210'
 * formatPValue(0.00004);            // 'p < 0.001'
 * formatPValue(0.0131, 'table');    // '0.013'
 * formatPValue(0.00004, 'table');   // '<0.001'
 * ```
 */
export function formatPValue(p: number | null | undefined, style: PValueStyle = 'prose'): string {
  const missing = p === null || p === undefined || Number.isNaN(p);
  if (style === 'table') return missing ? '–' : p < 0.001 ? '<0.001' : p.toFixed(3);
  return missing ? 'p = –' : p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/**
 * A p-value for a table cell: `formatPValue(p, 'table')`.
 *
 * @deprecated Use `formatPValue(p, 'table')`; `formatP` will be removed in the next minor release.
 */
export function formatP(p: number | null | undefined): string {
  return formatPValue(p, 'table');
}

/** Significance stars as R prints them: *** p < 0.001, ** < 0.01, * < 0.05, . < 0.1. */
export function significanceStars(p: number | null | undefined): string {
  if (p === null || p === undefined) return '';
  return p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : p < 0.1 ? '.' : '';
}

/**
 * A number to `digits` significant digits (5 by default), as R prints a regression table: no
 * exponent from 1e-4 to 1e15, whole numbers from 10^digits on; an en dash when missing.
 *
 * @example
 * ```ts
 * formatSignificant(-3482258.63459582); // '-3482259'
 * formatSignificant(0.0150618);         // '0.015062'
 * formatSignificant(1.2e-7);            // '1.2000e-7'
 * ```
 */
export function formatSignificant(value: number | null | undefined, digits = 5): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const size = Math.abs(value);
  if (size === 0) return '0';
  if (size >= 1e15 || size < 1e-4) return value.toExponential(digits - 1);
  if (size >= 1) return value.toFixed(Math.max(0, digits - (Math.floor(Math.log10(size)) + 1)));
  return value.toPrecision(digits);
}

/** A number with its sign (`'+0.45'`, `'-0.12'`), or an en dash when missing. */
export function formatSigned(value: number | null | undefined, decimals = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : `${value >= 0 ? '+' : ''}${formatNumber(value, decimals)}`;
}

/** A share (0-1) as a whole percentage (`'42%'`), or an en dash when missing. */
export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined || !Number.isFinite(share) ? '–' : `${(share * 100).toFixed(0)}%`;
}
