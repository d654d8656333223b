/**
 * The key-driver table as CSV for spreadsheets, safe to open: text cells that a spreadsheet would
 * read as a formula (starting with =, +, -, @, tab or carriage return) are prefixed with a single
 * quote (OWASP's CSV-injection advice); numbers are written as numbers.
 */
import type { Report } from '../schema/report.js';
import { type Locale, messages, touchpointName } from './i18n.js';

/** Quotes a CSV field and neutralises formula injection in text. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One row per touchpoint: performance, regression coefficient and p, importance, share, rank,
 * quadrant and the key-moment flags. UTF-8 with a BOM so Excel shows Chinese labels correctly.
 */
export function formatDriversCsv(report: Report, options: { locale?: Locale } = {}): string {
  const locale = options.locale ?? 'en';
  const m = messages(locale);
  const kd = report.keyDrivers;
  const header = [
    'touchpoint',
    'label',
    'mean',
    'coefficient',
    'std_error',
    'p_value',
    'significant',
    'importance',
    'importance_share',
    'rank',
    'quadrant',
    'key_moment',
    'pain_point',
    'hygiene',
    'peak',
    'end',
    'penalty_reward_factor',
  ];
  const rows = (kd?.touchpoints ?? []).map((t) => [
    t.touchpoint,
    touchpointName(report, t.touchpoint, locale),
    t.performance,
    t.estimate,
    t.stdError,
    t.pValue,
    t.significant,
    t.importance,
    t.importanceShare,
    t.importanceRank,
    m.quadrants[t.quadrant] ?? t.quadrant,
    t.flags.keyMoment,
    t.flags.painPoint,
    t.flags.hygiene,
    t.flags.peak,
    t.flags.end,
    t.penaltyRewardFactor,
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
