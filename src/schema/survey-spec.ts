/**
 * The survey spec: which columns hold the touchpoints (in journey order), the overall rating, the
 * scale, missing-value codes, text labels and the invalid-value policy.
 */
import { z } from 'zod';
import { InvalidArgumentError } from '../errors.js';

const nonEmptyName = z.string().trim().min(1, 'must be a non-empty column name');

const touchpointSchema = z.union([
  nonEmptyName,
  z.strictObject({
    column: nonEmptyName,
    label: z.string().optional(),
    zh: z.string().optional(),
    en: z.string().optional(),
  }),
]);

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

/** Zod schema of the survey spec as users write it. */
export const surveySpecSchema = z.strictObject({
  /** Touchpoint columns in journey order. */
  touchpoints: z.array(touchpointSchema).min(1, 'list at least one touchpoint column'),
  /** The overall-satisfaction column. */
  overall: nonEmptyName,
  scale: scaleSchema,
  /** Cell values meaning "no answer": strings match trimmed text case-insensitively, numbers match the value. */
  missing: z.array(z.union([z.string(), z.number()])).optional(),
  /** Column of non-negative survey weights. */
  weight: nonEmptyName.optional(),
  /** Respondent id column. */
  id: nonEmptyName.optional(),
  /** Categorical columns kept as text for segment comparisons. */
  segments: z.array(nonEmptyName).optional(),
  labels: labelsSchema.optional(),
  /** Reverse-coded touchpoint (or overall) columns: stored as min + max - answer. */
  reverse: z.array(nonEmptyName).optional(),
  /** What to do with an invalid cell: fail (default), treat it as missing, or drop its row. */
  invalid: z.enum(['error', 'missing', 'drop-row']).optional(),
});

/** A survey spec as users write it (JSON-compatible). */
export type SurveySpec = z.input<typeof surveySpecSchema>;

/** One touchpoint after normalisation. `label` falls back to the English label, then the column name. */
export interface Touchpoint {
  readonly column: string;
  readonly label: string;
  readonly zh: string | null;
  readonly en: string | null;
}

/** A validated spec with every default filled in. */
export interface NormalizedSpec {
  readonly touchpoints: readonly Touchpoint[];
  readonly overall: string;
  readonly scale: { readonly min: number; readonly max: number; readonly neutral: number; readonly integer: boolean };
  readonly missing: readonly (string | number)[];
  readonly weight: string | null;
  readonly id: string | null;
  readonly segments: readonly string[];
  readonly labels: ReadonlyMap<string, number>;
  readonly reverse: readonly string[];
  readonly invalid: 'error' | 'missing' | 'drop-row';
}

/** Missing-value codes used when a spec lists none. */
export const DEFAULT_MISSING_CODES: readonly string[] = ['', 'NA', 'N/A', '-'];

/** Trims, applies Unicode NFKC (full-width digits and letters become ASCII) and lower-cases. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/**
 * Validates a survey spec and fills in defaults (neutral = scale midpoint, integer scale,
 * missing codes {@link DEFAULT_MISSING_CODES}, invalid policy `'error'`).
 *
 * @throws InvalidArgumentError listing every problem with its path in the spec, e.g.
 *   "Invalid survey spec: scale.max: Required".
 */
export function normalizeSpec(spec: unknown): NormalizedSpec {
  const parsed = surveySpecSchema.safeParse(spec);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(spec)'}: ${i.message}`);
    throw new InvalidArgumentError(`Invalid survey spec: ${problems.join('; ')}. See docs/getting-started.md for the spec format.`, {
      cause: parsed.error,
    });
  }
  const s = parsed.data;
  const touchpoints: Touchpoint[] = s.touchpoints.map((t) =>
    typeof t === 'string'
      ? { column: t, label: t, zh: null, en: null }
      : { column: t.column, label: t.label ?? t.en ?? t.column, zh: t.zh ?? null, en: t.en ?? null },
  );
  const roles = new Map<string, string>();
  const claim = (column: string, role: string): void => {
    const previous = roles.get(column);
    if (previous !== undefined) {
      throw new InvalidArgumentError(`Invalid survey spec: column "${column}" is listed both as ${previous} and as ${role}; give each column one role.`);
    }
    roles.set(column, role);
  };
  touchpoints.forEach((t) => claim(t.column, 'a touchpoint'));
  claim(s.overall, 'overall');
  if (s.weight !== undefined) claim(s.weight, 'weight');
  if (s.id !== undefined) claim(s.id, 'id');
  (s.segments ?? []).forEach((c) => claim(c, 'a segment'));
  const rated = new Set([...touchpoints.map((t) => t.column), s.overall]);
  for (const column of s.reverse ?? []) {
    if (!rated.has(column)) {
      throw new InvalidArgumentError(`Invalid survey spec: reverse names "${column}", which is not a touchpoint or the overall column.`);
    }
  }
  return {
    touchpoints,
    overall: s.overall,
    scale: {
      min: s.scale.min,
      max: s.scale.max,
      neutral: s.scale.neutral ?? (s.scale.min + s.scale.max) / 2,
      integer: s.scale.integer ?? true,
    },
    missing: s.missing ?? DEFAULT_MISSING_CODES,
    weight: s.weight ?? null,
    id: s.id ?? null,
    segments: s.segments ?? [],
    labels: s.labels ?? new Map(),
    reverse: s.reverse ?? [],
    invalid: s.invalid ?? 'error',
  };
}
