/**
 * The survey spec: which columns hold the touchpoints (in journey order), the overall rating, the
 * scale, missing-value codes, text labels and the invalid-value policy.
 */
import * as z from 'zod';
import { InvalidArgumentError } from '../errors.js';

const nonEmptyName = z.string().trim().min(1, 'must be a non-empty column name');

const scaleSchema = z
  .strictObject({
    min: z.number().finite(),
    max: z.number().finite(),
    neutral: z.number().finite().optional(),
    /** Whether answers must be whole numbers (true for Likert scales). */
    integer: z.boolean().optional(),
  })
  .refine((s) => s.min < s.max, { message: 'scale.min must be below scale.max' })
  .refine((s) => s.neutral === undefined || (s.neutral >= s.min && s.neutral <= s.max), {
    message: 'scale.neutral must lie between scale.min and scale.max',
  });

/**
 * Text answers mapped to scores, e.g. `{ "Very satisfied": 5, "非常满意": 5 }` or
 * `[["Very satisfied", 5]]`. Parsed into a Map so that keys such as `__proto__` stay plain data.
 */
const labelsSchema = z.unknown().transform((value, ctx): ReadonlyMap<string, number> => {
  const entries: [string, unknown][] | null = Array.isArray(value)
    ? value.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string')
      ? (value as [string, unknown][])
      : null
    : typeof value === 'object' && value !== null
      ? Object.entries(value as object)
      : null;
  if (entries === null) {
    ctx.addIssue({ code: 'custom', message: 'labels must be an object { "text answer": score } or an array of [text, score] pairs' });
    return z.NEVER;
  }
  const map = new Map<string, number>();
  for (const [text, score] of entries) {
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      ctx.addIssue({ code: 'custom', message: `labels: the score for ${JSON.stringify(text)} must be a finite number` });
      continue;
    }
    map.set(normalizeText(text), score);
  }
  return map;
});

/** Cell codes: strings match trimmed text case-insensitively, numbers match the value. */
const codesSchema = z.array(z.union([z.string(), z.number()]));

const touchpointSchema = z.union([
  nonEmptyName,
  z.strictObject({
    column: nonEmptyName,
    label: z.string().optional(),
    zh: z.string().optional(),
    en: z.string().optional(),
    /** This column's scale (overrides the spec's `scale`). */
    scale: scaleSchema.optional(),
    /** This column's "no answer" codes (replace the spec's `missing`). */
    missing: codesSchema.optional(),
    /** This column's "did not experience it" codes (replace the spec's `notApplicable`). */
    notApplicable: codesSchema.optional(),
    /** This column's text answers (replace the spec's `labels`). */
    labels: labelsSchema.optional(),
  }),
]);

/** Outcome types: a rating on a scale, two classes, a 0-10 likelihood to recommend, any real number. */
export const OUTCOME_TYPES = ['rating', 'binary', 'nps', 'numeric'] as const;

/** How the overall (outcome) column is measured. */
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

const overallSchema = z.union([
  nonEmptyName,
  z.strictObject({
    column: nonEmptyName,
    /** Default `'rating'`. */
    type: z.enum(OUTCOME_TYPES).optional(),
    /** The rating's own scale (`'rating'` only; `'nps'` is always 0-10). */
    scale: scaleSchema.optional(),
    /** `'binary'` only: the raw values (or label texts) of the positive class, stored as 1. */
    positive: z
      .array(z.union([z.string(), z.number()]))
      .min(1, 'list at least one value of the positive class')
      .optional(),
    /** Text answers of this column (replace the spec's `labels`). */
    labels: labelsSchema.optional(),
    /** "No answer" codes of this column (replace the spec's `missing`). */
    missing: codesSchema.optional(),
  }),
]);

/** Zod schema of the survey spec as users write it. */
export const surveySpecSchema = z.strictObject({
  /** Touchpoint columns in journey order. */
  touchpoints: z.array(touchpointSchema).min(1, 'list at least one touchpoint column'),
  /** The overall (outcome) column: a column name (a rating) or `{ column, type, ... }`. */
  overall: overallSchema,
  /** Default scale of rated columns without their own; required unless every rated column has one. */
  scale: scaleSchema.optional(),
  /**
   * Cell values meaning "no answer": strings match trimmed text case-insensitively, numbers match
   * the value. Default `['', 'NA', 'N/A', '-']`; given, the list replaces the default except that an
   * empty cell always stays "no answer" (unless it is a label or a not-applicable code).
   */
  missing: codesSchema.optional(),
  /**
   * Cell values meaning "did not experience this touchpoint" (touchpoints only), matched like
   * `missing` but counted and kept apart from it.
   */
  notApplicable: codesSchema.optional(),
  /** Column of non-negative survey weights. */
  weight: nonEmptyName.optional(),
  /** Respondent id column. */
  id: nonEmptyName.optional(),
  /** Categorical columns kept as text for segment comparisons. */
  segments: z.array(nonEmptyName).optional(),
  /**
   * Adjustment covariates (e.g. age, class): kept as read, for `keyDrivers(survey, { controls })`,
   * which uses a column of numbers as it is and dummy-codes a text column. A segment may also be one.
   */
  covariates: z.array(nonEmptyName).optional(),
  labels: labelsSchema.optional(),
  /** Reverse-coded touchpoint (or overall) columns: stored as min + max - answer. */
  reverse: z.array(nonEmptyName).optional(),
  /** What to do with an invalid cell: fail (default), treat it as missing, or drop its row. */
  invalid: z.enum(['error', 'missing', 'drop-row']).optional(),
});

/** A survey spec as users write it (JSON-compatible). */
export type SurveySpec = z.input<typeof surveySpecSchema>;

/** A rating scale with every default filled in. */
export interface NormalizedScale {
  readonly min: number;
  readonly max: number;
  readonly neutral: number;
  readonly integer: boolean;
}

/** A cell code as written in a spec: text (matched trimmed, case-insensitively) or a number. */
export type CellCode = string | number;

/**
 * One touchpoint after normalisation. `label` falls back to the English label, then the column
 * name. `scale`, `missing`, `notApplicable` and `labels` are resolved: the column's own when it
 * has them, else the spec's.
 */
export interface Touchpoint {
  readonly column: string;
  readonly label: string;
  readonly zh: string | null;
  readonly en: string | null;
  readonly scale: NormalizedScale;
  readonly missing: readonly CellCode[];
  readonly notApplicable: readonly CellCode[];
  readonly labels: ReadonlyMap<string, number>;
}

/**
 * The overall (outcome) column after normalisation. `scale` is the rating scale (0-10 for
 * `'nps'`; `null` for `'binary'` and `'numeric'`); `positive` lists the codes of the positive
 * class (`null` unless `'binary'`; `[1]` when the spec names none, for 0/1 data). A binary
 * outcome is stored as 1 (positive) or 0.
 */
export interface Outcome {
  readonly column: string;
  readonly type: OutcomeType;
  readonly scale: NormalizedScale | null;
  readonly positive: readonly CellCode[] | null;
  /** Whether `positive` is the default `[1]` (then the two values must be 0 and 1). */
  readonly positiveIsDefault: boolean;
  readonly labels: ReadonlyMap<string, number>;
  readonly missing: readonly CellCode[];
}

/** A validated spec with every default filled in. */
export interface NormalizedSpec {
  readonly touchpoints: readonly Touchpoint[];
  /** The overall column's name (see `outcome` for its type and reading rules). */
  readonly overall: string;
  readonly outcome: Outcome;
  /**
   * The default scale of rated columns. When the spec gives none (every rated column has its own),
   * the rated columns' common scale, or the smallest range holding all of them (neutral = midpoint).
   */
  readonly scale: NormalizedScale;
  /** The spec's global "no answer" codes (columns may have their own: see each touchpoint). */
  readonly missing: readonly CellCode[];
  /** The spec's global "did not experience this touchpoint" codes. */
  readonly notApplicable: readonly CellCode[];
  readonly weight: string | null;
  readonly id: string | null;
  readonly segments: readonly string[];
  /** Adjustment covariate columns (may include segment columns). */
  readonly covariates: readonly string[];
  /** The spec's global text labels (columns may have their own). */
  readonly labels: ReadonlyMap<string, number>;
  readonly reverse: readonly string[];
  readonly invalid: 'error' | 'missing' | 'drop-row';
}

/** Missing-value codes used when a spec lists none. */
export const DEFAULT_MISSING_CODES: readonly string[] = ['', 'NA', 'N/A', '-'];

/** The fixed scale of an `'nps'` outcome: likelihood to recommend, 0 to 10. */
export const NPS_SCALE: NormalizedScale = { min: 0, max: 10, neutral: 5, integer: true };

/** Trims, applies Unicode NFKC (full-width digits and letters become ASCII) and lower-cases. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

type ParsedScale = NonNullable<z.output<typeof scaleSchema>>;

function normalizeScale(scale: ParsedScale): NormalizedScale {
  return { min: scale.min, max: scale.max, neutral: scale.neutral ?? (scale.min + scale.max) / 2, integer: scale.integer ?? true };
}

function invalidSpec(message: string): InvalidArgumentError {
  return new InvalidArgumentError(`Invalid survey spec: ${message}`);
}

/**
 * Validates a survey spec and fills in defaults (neutral = scale midpoint, integer scale,
 * missing codes {@link DEFAULT_MISSING_CODES}, invalid policy `'error'`, outcome type `'rating'`).
 * Per-column `scale`, `missing`, `notApplicable` and `labels` replace the spec's global ones for
 * that column. The default missing codes give way to any text the spec makes a label or a
 * not-applicable code.
 *
 * @throws InvalidArgumentError listing every problem with its path in the spec, e.g.
 *   "Invalid survey spec: scale: required ...", or when a column has two roles, when the same
 *   text is both a label and a missing or not-applicable code of a column (or both kinds of
 *   code), or when options do not fit the outcome type.
 */
export function normalizeSpec(spec: unknown): NormalizedSpec {
  const s = parseSpec(spec);
  const rawOverall: RawOverall = typeof s.overall === 'string' ? { column: s.overall } : s.overall;
  const type: OutcomeType = rawOverall.type ?? 'rating';
  const overallColumn = rawOverall.column;
  checkOutcomeOptions(rawOverall, type);
  requireScale(s, rawOverall, type);

  const explicitMissing = s.missing;
  const globalLabels = s.labels ?? new Map<string, number>();
  const globalNotApplicable = s.notApplicable ?? [];
  const globalScale = s.scale === undefined ? null : normalizeScale(s.scale);

  const touchpoints: Touchpoint[] = s.touchpoints.map((t) => normalizeTouchpoint(t, explicitMissing, globalLabels, globalNotApplicable, globalScale));
  const outcome = normalizeOutcome(rawOverall, type, explicitMissing, globalLabels, globalScale);
  const outcomeScale = outcome.scale;

  checkRoles(s, touchpoints, overallColumn);
  const reversible = new Set([...touchpoints.map((t) => t.column), ...(outcomeScale !== null ? [overallColumn] : [])]);
  for (const column of s.reverse ?? []) {
    if (!reversible.has(column)) {
      const why = column === overallColumn ? `the overall column, whose ${type} outcome has no scale to reverse` : 'not a touchpoint or the overall column';
      throw new InvalidArgumentError(`Invalid survey spec: reverse names "${column}", which is ${why}.`);
    }
  }
  const globalMissing = resolveMissing(explicitMissing, globalLabels, globalNotApplicable);
  checkCodes(null, globalLabels, globalMissing, globalNotApplicable);
  return {
    touchpoints,
    overall: overallColumn,
    outcome,
    scale: globalScale ?? spanningScale([...touchpoints.map((t) => t.scale), ...(outcomeScale !== null ? [outcomeScale] : [])]),
    missing: globalMissing,
    notApplicable: globalNotApplicable,
    weight: s.weight ?? null,
    id: s.id ?? null,
    segments: s.segments ?? [],
    covariates: [...new Set(s.covariates ?? [])],
    labels: globalLabels,
    reverse: s.reverse ?? [],
    invalid: s.invalid ?? 'error',
  };
}

/** A spec as the schema parses it. */
type ParsedSpec = z.output<typeof surveySpecSchema>;
/** The overall column as an object (a bare column name becomes `{ column }`). */
type RawOverall = Exclude<ParsedSpec['overall'], string>;

/** Parses a spec with the schema; refuses it listing every problem with its path. */
function parseSpec(spec: unknown): ParsedSpec {
  const parsed = surveySpecSchema.safeParse(spec);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(spec)'}: ${i.message}`);
    throw new InvalidArgumentError(`Invalid survey spec: ${problems.join('; ')}. See docs/getting-started.md for the spec format.`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Refuses overall options that do not fit the outcome type (positive, scale). */
function checkOutcomeOptions(rawOverall: RawOverall, type: OutcomeType): void {
  const overallColumn = rawOverall.column;
  if (type !== 'binary' && rawOverall.positive !== undefined) {
    throw invalidSpec(`overall.positive applies to a binary outcome only; "${overallColumn}" is of type "${type}" (set overall.type to "binary" or remove positive).`);
  }
  if (type !== 'rating' && type !== 'nps' && rawOverall.scale !== undefined) {
    throw invalidSpec(`overall.scale does not apply to a ${type} outcome ("${overallColumn}"); remove it.`);
  }
  if (type === 'nps' && rawOverall.scale !== undefined && (rawOverall.scale.min !== 0 || rawOverall.scale.max !== 10)) {
    throw invalidSpec(`an nps outcome is rated 0 to 10; overall.scale says ${rawOverall.scale.min}-${rawOverall.scale.max} (remove it, or use type "rating").`);
  }
}

/** The global scale is required unless every rated column has its own; refuses naming those without. */
function requireScale(s: ParsedSpec, rawOverall: RawOverall, type: OutcomeType): void {
  const withoutScale = s.touchpoints.filter((t) => typeof t === 'string' || t.scale === undefined).map((t) => (typeof t === 'string' ? t : t.column));
  const outcomeNeedsScale = type === 'rating' && rawOverall.scale === undefined;
  if (s.scale === undefined && (withoutScale.length > 0 || outcomeNeedsScale)) {
    const lacking = [...withoutScale.map((c) => `"${c}"`), ...(outcomeNeedsScale ? [`the overall rating "${rawOverall.column}"`] : [])];
    throw invalidSpec(
      `scale is required: ${lacking.join(', ')} ${lacking.length === 1 ? 'has' : 'have'} no scale of ${lacking.length === 1 ? 'its' : 'their'} own; add scale: { min, max } (e.g. { "min": 1, "max": 5 }), or a scale to each of them. See docs/getting-started.md for the spec format.`,
    );
  }
}

/** One touchpoint with its own scale, codes and labels, else the spec's. */
function normalizeTouchpoint(
  t: ParsedSpec['touchpoints'][number],
  explicitMissing: readonly CellCode[] | undefined,
  globalLabels: ReadonlyMap<string, number>,
  globalNotApplicable: readonly CellCode[],
  globalScale: NormalizedScale | null,
): Touchpoint {
  const own = typeof t === 'string' ? { column: t } : t;
  const labels = own.labels ?? globalLabels;
  const notApplicable = own.notApplicable ?? globalNotApplicable;
  const missing = resolveMissing(own.missing ?? explicitMissing, labels, notApplicable);
  checkCodes(own.column, labels, missing, notApplicable);
  return {
    column: own.column,
    label: own.label ?? own.en ?? own.column,
    zh: own.zh ?? null,
    en: own.en ?? null,
    scale: own.scale !== undefined ? normalizeScale(own.scale) : (globalScale as NormalizedScale),
    missing,
    notApplicable,
    labels,
  };
}

/** The overall column: its scale by type, codes and labels; a binary outcome's positive values are not missing codes. */
function normalizeOutcome(
  rawOverall: RawOverall,
  type: OutcomeType,
  explicitMissing: readonly CellCode[] | undefined,
  globalLabels: ReadonlyMap<string, number>,
  globalScale: NormalizedScale | null,
): Outcome {
  const overallColumn = rawOverall.column;
  const outcomeLabels = rawOverall.labels ?? globalLabels;
  const outcomeMissing = resolveMissing(rawOverall.missing ?? explicitMissing, outcomeLabels, []);
  checkCodes(overallColumn, outcomeLabels, outcomeMissing, []);
  const outcomeScale =
    type === 'nps'
      ? { ...NPS_SCALE, ...(rawOverall.scale === undefined ? {} : normalizeScale(rawOverall.scale)) }
      : type === 'rating'
        ? rawOverall.scale !== undefined
          ? normalizeScale(rawOverall.scale)
          : (globalScale as NormalizedScale)
        : null;
  if (type === 'binary' && rawOverall.positive !== undefined) {
    const positiveText = new Set(rawOverall.positive.map((p) => normalizeText(String(p))));
    const clash = outcomeMissing.find((m) => positiveText.has(normalizeText(String(m))));
    if (clash !== undefined && (rawOverall.missing !== undefined || explicitMissing !== undefined)) {
      throw invalidSpec(`${JSON.stringify(clash)} is both a positive value and a missing code of "${overallColumn}"; remove it from one of them.`);
    }
  }
  return {
    column: overallColumn,
    type,
    scale: outcomeScale,
    positive: type === 'binary' ? (rawOverall.positive ?? [1]) : null,
    positiveIsDefault: type === 'binary' && rawOverall.positive === undefined,
    labels: outcomeLabels,
    missing: type === 'binary' && rawOverall.positive !== undefined ? withoutTexts(outcomeMissing, rawOverall.positive, rawOverall.missing ?? explicitMissing) : outcomeMissing,
  };
}

/** Refuses a column given two roles (touchpoint, overall, weight, id, segment, covariate). */
function checkRoles(s: ParsedSpec, touchpoints: readonly Touchpoint[], overallColumn: string): void {
  const roles = new Map<string, string>();
  const claim = (column: string, role: string): void => {
    const previous = roles.get(column);
    if (previous !== undefined) {
      throw new InvalidArgumentError(`Invalid survey spec: column "${column}" is listed both as ${previous} and as ${role}; give each column one role.`);
    }
    roles.set(column, role);
  };
  touchpoints.forEach((t) => {
    claim(t.column, 'a touchpoint');
  });
  claim(overallColumn, 'overall');
  if (s.weight !== undefined) claim(s.weight, 'weight');
  if (s.id !== undefined) claim(s.id, 'id');
  (s.segments ?? []).forEach((c) => {
    claim(c, 'a segment');
  });
  // A covariate may also be a segment (compared, and held constant in driver models).
  (s.covariates ?? [])
    .filter((c) => !(s.segments ?? []).includes(c))
    .forEach((c) => {
      claim(c, 'a covariate');
    });
}

/**
 * A column's missing codes: the explicit ones (with the empty cell, unless the column uses the
 * empty text as a label or a not-applicable code), or the defaults without any text the column
 * uses as a label or a not-applicable code (an explicit choice wins over a default). Reading and
 * inference both resolve codes here.
 */
export function resolveMissing(explicit: readonly CellCode[] | undefined, labels: ReadonlyMap<string, number>, notApplicable: readonly CellCode[]): readonly CellCode[] {
  const taken = new Set([...[...labels.keys()].map(normalizeText), ...notApplicable.map((c) => normalizeText(String(c)))]);
  // An empty cell is no answer whatever codes are listed (missing: [99] adds 99, it does not make
  // blank cells invalid), unless the spec gives the empty text another meaning.
  if (explicit !== undefined) return explicit.some((c) => c === '') || taken.has('') ? explicit : ['', ...explicit];
  return taken.size === 0 ? DEFAULT_MISSING_CODES : DEFAULT_MISSING_CODES.filter((c) => !taken.has(normalizeText(c)));
}

/** `codes` without those whose text is among `remove`, unless the codes were written explicitly. */
function withoutTexts(codes: readonly CellCode[], remove: readonly CellCode[], explicit: readonly CellCode[] | undefined): readonly CellCode[] {
  if (explicit !== undefined) return codes;
  const texts = new Set(remove.map((c) => normalizeText(String(c))));
  return codes.filter((c) => !texts.has(normalizeText(String(c))));
}

/**
 * Refuses a code that is both a label and a missing or not-applicable code, or both kinds of
 * code: the cell's meaning would depend on the order of the checks (issue 14 item 4).
 */
function checkCodes(column: string | null, labels: ReadonlyMap<string, number>, missing: readonly CellCode[], notApplicable: readonly CellCode[]): void {
  const where = column === null ? 'the spec' : `column "${column}"`;
  const missingText = new Map(missing.map((m) => [normalizeText(String(m)), m]));
  for (const code of notApplicable) {
    const text = normalizeText(String(code));
    if (labels.has(text)) {
      throw invalidSpec(`${JSON.stringify(code)} is both a label and a not-applicable code of ${where}; a cell must mean one thing: remove it from labels or from notApplicable.`);
    }
    if (missingText.has(text)) {
      throw invalidSpec(`${JSON.stringify(code)} is both a missing code and a not-applicable code of ${where}; keep it in one list (missing = no answer, notApplicable = did not experience it).`);
    }
  }
  for (const [text, code] of missingText) {
    if (labels.has(text)) {
      throw invalidSpec(`${JSON.stringify(code)} is both a label (score ${labels.get(text)}) and a missing code of ${where}; a cell must mean one thing: remove it from labels or from missing.`);
    }
  }
}

/**
 * Why a spec cannot be summarised as one scale with one set of codes (for the streaming and SQL
 * summaries, which count per scale point), or null when it can: every rated column on the spec's
 * scale with its codes and labels, no not-applicable codes, a rating outcome.
 */
export function nonUniformSpecReason(spec: NormalizedSpec): string | null {
  if (spec.outcome !== undefined && spec.outcome.type !== 'rating') return `the overall column is a ${spec.outcome.type} outcome, not a rating`;
  if (spec.notApplicable.length > 0 || spec.touchpoints.some((t) => t.notApplicable !== undefined && t.notApplicable.length > 0)) return 'it has not-applicable codes';
  const same = (a: NormalizedScale | null | undefined): boolean => a === undefined || a === null || (a.min === spec.scale.min && a.max === spec.scale.max && a.integer === spec.scale.integer);
  const sameCodes = (codes: readonly CellCode[] | undefined): boolean => codes === undefined || (codes.length === spec.missing.length && codes.every((c, i) => c === spec.missing[i]));
  const sameLabels = (labels: ReadonlyMap<string, number> | undefined): boolean =>
    labels === undefined || labels === spec.labels || (labels.size === spec.labels.size && [...labels].every(([text, score]) => spec.labels.get(text) === score));
  const odd = spec.touchpoints.find((t) => !same(t.scale) || !sameCodes(t.missing) || !sameLabels(t.labels));
  if (odd !== undefined) return `touchpoint "${odd.column}" has its own scale, missing codes or labels`;
  if (spec.outcome !== undefined && (!same(spec.outcome.scale) || !sameCodes(spec.outcome.missing) || !sameLabels(spec.outcome.labels)))
    return 'the overall column has its own scale, missing codes or labels';
  return null;
}

/** The rated columns' common scale, or the smallest range holding every one (neutral = midpoint). */
function spanningScale(scales: readonly NormalizedScale[]): NormalizedScale {
  const first = scales[0] as NormalizedScale;
  if (scales.every((x) => x.min === first.min && x.max === first.max && x.neutral === first.neutral && x.integer === first.integer)) return first;
  const min = Math.min(...scales.map((x) => x.min));
  const max = Math.max(...scales.map((x) => x.max));
  return { min, max, neutral: (min + max) / 2, integer: scales.every((x) => x.integer) };
}
