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
  let numeric: boolean[] = [];
  let seen: number[] = [];
  let lowest: number[] = [];
  let highest: number[] = [];
  let rows = 0;
  try {
    parseCsvText(text, delimiter, ingestLimits(options).maxFieldBytes, {
      record(fields) {
        if (header === null) {
          header = fields.map((f) => f.replace(/^\uFEFF/, '').trim());
          numeric = header.map(() => true);
          seen = header.map(() => 0);
          lowest = header.map(() => Infinity);
          highest = header.map(() => -Infinity);
          return;
        }
        if (rows++ >= limit) return;
        fields.forEach((raw, i) => {
          const cell = normalizeText(raw);
          if (missing.has(cell) || i >= numeric.length) return;
          const value = Number(cell);
          if (cell === '' || !Number.isFinite(value)) numeric[i] = false;
          else {
            seen[i] = (seen[i] ?? 0) + 1;
            lowest[i] = Math.min(lowest[i] ?? Infinity, value);
            highest[i] = Math.max(highest[i] ?? -Infinity, value);
          }
        });
      },
    });
  } catch {
    // Syntax errors surface with full detail when the survey is read with the inferred spec.
  }
  const names: string[] = header ?? [];
  const notes: string[] = [];
  // Ratings live on small scales; numeric columns beyond 0..10 (ids, ages, amounts) are not ratings.
  const numericColumns: string[] = [];
  let min = Infinity;
  let max = -Infinity;
  names.forEach((name, i) => {
    if (!numeric[i] || (seen[i] ?? 0) === 0) return;
    if (ID_NAME.test(name) && options.touchpoints === undefined) {
      notes.push(`"${name}" looks like a respondent id; left out`);
      return;
    }
    const lo = lowest[i] ?? 0;
    const hi = highest[i] ?? 0;
    if (lo < 0 || hi > 10) {
      if (options.touchpoints === undefined) notes.push(`"${name}" is numeric but not a rating (values ${lo} to ${hi}); left out`);
      return;
    }
    numericColumns.push(name);
    min = Math.min(min, lo);
    max = Math.max(max, hi);
  });
  let overall = options.overall;
  if (overall === undefined) {
    overall = numericColumns.find((c) => OVERALL_NAME.test(c)) ?? numericColumns.at(-1);
    if (overall === undefined) throw new InvalidArgumentError('No numeric column found to use as the overall rating; name it with --overall (or spec.overall).');
    notes.push(`overall rating: "${overall}" (inferred; set --overall to change)`);
  }
  let touchpoints = options.touchpoints;
  if (touchpoints === undefined) {
    touchpoints = numericColumns.filter((c) => c !== overall);
    if (touchpoints.length === 0) throw new InvalidArgumentError('No numeric touchpoint columns found; list them with --touchpoints A,B,C (journey order).');
    notes.push(`touchpoints in journey order: ${touchpoints.join(', ')} (all numeric columns except overall; set --touchpoints to change)`);
  }
  let scale = options.scale;
  if (scale === undefined) {
    scale = STANDARD_SCALES.find((s) => s.min <= min && max <= s.max) ?? { min, max };
    notes.push(`scale: ${scale.min}-${scale.max} (from the values seen; set --scale to change)`);
  }
  return {
    spec: { touchpoints: [...touchpoints], overall, scale: { ...scale }, missing: [...(options.missing ?? DEFAULT_MISSING_CODES)] },
    notes,
  };
}
