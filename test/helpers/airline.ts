/**
 * The airline fixture (fixtures/airline/airline.csv) read by hand, without the library's ingest,
 * so golden tests of the analyses do not depend on it: touchpoint 0 (not applicable) and empty
 * cells become NaN.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const AIRLINE_TOUCHPOINTS = ['booking', 'checkin', 'boarding', 'seat', 'wifi', 'food', 'baggage'] as const;

export interface AirlineData {
  readonly header: readonly string[];
  /** Raw cells by column. */
  readonly raw: Readonly<Record<string, readonly string[]>>;
  /** Touchpoint ratings (NaN = not applicable or no answer), by column. */
  readonly ratings: Readonly<Record<string, Float64Array>>;
  /** 1 = satisfied. */
  readonly satisfied: Float64Array;
  /** 0-10, NaN when not answered. */
  readonly recommend: Float64Array;
  readonly weight: Float64Array;
  readonly n: number;
}

export function airlineCsvPath(): string {
  return fileURLToPath(new URL('../../fixtures/airline/airline.csv', import.meta.url));
}

export function loadAirline(): AirlineData {
  const lines = readFileSync(airlineCsvPath(), 'utf8').trim().split('\n');
  const header = (lines[0] as string).split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const raw = Object.fromEntries(header.map((h, j) => [h, rows.map((r) => r[j] as string)]));
  const num = (v: string): number => (v === '' ? Number.NaN : Number(v));
  const ratings = Object.fromEntries(AIRLINE_TOUCHPOINTS.map((t) => [t, Float64Array.from(raw[t] as string[], (v) => (v === '' || v === '0' ? Number.NaN : Number(v)))]));
  return {
    header,
    raw,
    ratings,
    satisfied: Float64Array.from(raw.satisfaction as string[], (v) => (v === 'satisfied' ? 1 : 0)),
    recommend: Float64Array.from(raw.recommend as string[], num),
    weight: Float64Array.from(raw.weight as string[], num),
    n: rows.length,
  };
}

/** Rows of X over `columns` for the rows `keep` (all rows by default). */
export function rowsOf(columns: readonly Float64Array[], keep?: readonly number[]): number[][] {
  const n = (columns[0] as Float64Array).length;
  const rows = keep ?? Array.from({ length: n }, (_, i) => i);
  return rows.map((i) => columns.map((c) => c[i] as number));
}
