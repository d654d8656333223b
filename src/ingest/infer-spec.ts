/**
 * inferSurveySpec: a starting spec guessed from a CSV's header and values, for quick looks and the
 * CLI when no spec file is given. Every guess is listed in `notes` so the caller can show it.
 */
import { InvalidArgumentError } from '../errors.js';
import { DEFAULT_MISSING_CODES, normalizeText, type SurveySpec } from '../schema/survey-spec.js';
import { parseCsvText, sniffDelimiter } from './csv.js';
import { decodeBytes } from './decode.js';
import { ingestLimits } from './limits.js';
import { checkDelimiter, type ReadSurveyOptions } from './read-survey.js';

/** What the caller already knows; everything omitted is inferred. */
export interface InferSpecOptions extends ReadSurveyOptions {
  readonly overall?: string;
  readonly touchpoints?: readonly string[];
  readonly scale?: { readonly min: number; readonly max: number; readonly neutral?: number };
  readonly missing?: readonly (string | number)[];
  /** Rows inspected to decide which columns are numeric. Default 1000. */
  readonly sampleRows?: number;
  /**
   * Labelled scale points per column, from a survey tool's metadata (SPSS value labels, numbered
   * choice texts): when every rated column has them, the scale runs from their lowest to highest.
   */
  readonly scalePoints?: Readonly<Record<string, readonly number[]>>;
}

/** A guessed spec and the guesses made. */
export interface InferredSpec {
  readonly spec: SurveySpec;
  readonly notes: readonly string[];
}

const OVERALL_NAME = /overall|总体|整体|总满意|satisfaction|nps|recommend/i;
const ID_NAME = /^(id|ids|respondent|respondent[ _]?id|resp[ _]?id|case|case[ _]?id|no\.?|number|#|编号|序号|问卷编号)$/i;
const STANDARD_SCALES = [
  { min: 1, max: 5 },
  { min: 1, max: 7 },
  { min: 0, max: 10 },
  { min: 1, max: 10 },
];

/**
 * Guesses a survey spec from CSV text or bytes: touchpoints = every numeric column on a rating-like
 * range (0..10) except the overall one and id-like names (id, respondent, 编号) (in file order, taken as journey order); overall = the given column, else the one
 * whose name says overall/satisfaction (总体, 满意度), else the last numeric column; scale = the
 * smallest of 1-5, 1-7, 0-10, 1-10 containing every value.
 *
 * @example
 * ```ts
 * inferSurveySpec('id,price,delivery,overall\na,4,5,5\nb,3,2,4\n').spec;
 * // { touchpoints: ['price', 'delivery'], overall: 'overall', scale: { min: 1, max: 5 }, missing: [...] }
 * ```
 * @throws InvalidArgumentError when no numeric column can serve as overall or as a touchpoint.
 */
export function inferSurveySpec(input: string | Uint8Array, options: InferSpecOptions = {}): InferredSpec {
  const text = typeof input === 'string' ? input : decodeBytes(input, options.encoding).text;
  const delimiter = checkDelimiter(options.delimiter) ?? sniffDelimiter(text);
  const missing = new Set((options.missing ?? DEFAULT_MISSING_CODES).map((m) => normalizeText(String(m))));
  const limit = options.sampleRows ?? 1000;
  let header: string[] | null = null;
  let stats: { numbers: number; texts: number; example: string; values: number[] }[] = [];
  let rows = 0;
  try {
    parseCsvText(text, delimiter, ingestLimits(options).maxFieldBytes, {
      record(fields) {
        if (header === null) {
          header = fields.map((f) => f.replace(/^\uFEFF/, '').trim());
          stats = header.map(() => ({ numbers: 0, texts: 0, example: '', values: [] }));
          return;
        }
        if (rows++ >= limit) return;
        fields.forEach((raw, i) => {
          const cell = normalizeText(raw);
          const column = stats[i];
          if (column === undefined || missing.has(cell)) return;
          const value = Number(cell);
          if (cell !== '' && Number.isFinite(value)) {
            column.numbers++;
            column.values.push(value);
          } else {
            column.texts++;
            if (column.example === '') column.example = raw.trim();
          }
        });
      },
    });
  } catch {
    // Syntax errors surface with full detail when the survey is read with the inferred spec.
  }
  const names: string[] = header ?? [];
  const notes: string[] = [];
  // A rating column is mostly numbers, mostly on a 0..10 scale. Stray text or out-of-range cells
  // in it are kept: reading the survey then reports each one with its row and line.
  const numericColumns: string[] = [];
  const allValues: number[] = [];
  const guessing = options.touchpoints === undefined;
  names.forEach((name, i) => {
    const column = stats[i];
    if (column === undefined || column.numbers === 0) {
      if (guessing && column !== undefined && column.texts > 0 && name !== options.overall) notes.push(textNote(name, column.example));
      return;
    }
    if (column.texts > 0.1 * (column.numbers + column.texts)) {
      if (guessing) notes.push(textNote(name, column.example));
      return;
    }
    if (ID_NAME.test(name) && guessing) {
      notes.push(`"${name}" looks like a respondent id; left out`);
      return;
    }
    const onScale = column.values.filter((v) => v >= 0 && v <= 10).length;
    if (onScale < 0.95 * column.values.length) {
      if (guessing) notes.push(`"${name}" is numeric but not a rating (values ${Math.min(...column.values)} to ${Math.max(...column.values)}); left out`);
      return;
    }
    numericColumns.push(name);
    allValues.push(...column.values);
  });
  let overall = options.overall;
  if (overall === undefined) {
    overall = numericColumns.find((c) => OVERALL_NAME.test(c)) ?? numericColumns.at(-1);
    if (overall === undefined) throw new InvalidArgumentError('No numeric column found to use as the overall rating; name it with --overall (or spec.overall).');
    notes.push(`overall rating: "${overall}" (set --overall to change)`);
  }
  let touchpoints = options.touchpoints;
  if (touchpoints === undefined) {
    touchpoints = numericColumns.filter((c) => c !== overall);
    if (touchpoints.length === 0) throw new InvalidArgumentError('No numeric touchpoint columns found; list them with --touchpoints A,B,C (journey order).');
    notes.push(`touchpoints in journey order: ${touchpoints.join(', ')} (all numeric columns except overall; set --touchpoints to change)`);
  }
  let scale = options.scale;
  const labelled = [...touchpoints, overall].map((c) => options.scalePoints?.[c] ?? []);
  if (scale === undefined && labelled.every((points) => points.length > 0)) {
    const points = labelled.flat();
    scale = { min: Math.min(...points), max: Math.max(...points) };
    notes.push(`scale: ${scale.min}-${scale.max} (from the value labels; set --scale to change)`);
  }
  if (scale === undefined) {
    // The smallest standard scale holding 98% of the values: a stray 7 on a 1-5 survey is a data
    // error to report, not a reason to analyse everything on 1-7.
    const used = new Set([...touchpoints, overall]);
    const values = names.flatMap((name, i) => (used.has(name) ? (stats[i]?.values ?? []) : []));
    const pool = values.length > 0 ? values : allValues;
    const fits = (s: { min: number; max: number }): number => pool.filter((v) => v >= s.min && v <= s.max).length;
    scale = STANDARD_SCALES.find((s) => fits(s) >= 0.98 * pool.length) ?? { min: Math.min(...pool), max: Math.max(...pool) };
    const outside = pool.length - fits(scale);
    notes.push(`scale: ${scale.min}-${scale.max} (from the values seen${outside > 0 ? `; ${outside} value${outside === 1 ? '' : 's'} outside it will be reported` : ''}; set --scale to change)`);
  }
  return {
    spec: { touchpoints: [...touchpoints], overall, scale: { ...scale }, missing: [...(options.missing ?? DEFAULT_MISSING_CODES)] },
    notes,
  };
}

function textNote(name: string, example: string): string {
  return `"${name}" holds text (e.g. ${JSON.stringify(example)}); left out (if it is a rating, map its answers to scores with labels in a spec)`;
}
