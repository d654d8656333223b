/**
 * inferSurveySpec: a spec guessed from a CSV's header and EVERY row, for quick looks and the CLI
 * when no (complete) spec is given. Each choice is either decided by the data and announced in
 * `notes`, or refused with an {@link InferenceRefusedError} that lists the candidates and the
 * option that decides. docs/cli.md lists every rule.
 */
import { DataValidationError, formatCount, InferenceRefusedError } from '../errors.js';
import { normalizeText, resolveMissing, type SurveySpec } from '../schema/survey-spec.js';
import { parseCsvText, sniffDelimiter } from './csv.js';
import type { CellCounts, CellTally, CsvRecords } from './csv-records.js';
import { decodeBytes } from './decode.js';
import { ingestLimits } from './limits.js';
import { checkDelimiter, type ReadSurveyOptions } from './read-survey.js';

/** A scale as the spec writes it. */
interface Scale {
  readonly min: number;
  readonly max: number;
  readonly neutral?: number;
}

/** What the caller already knows; everything omitted is inferred. Explicit options win over `spec`. */
export interface InferSpecOptions extends ReadSurveyOptions {
  /** A partial spec (e.g. labels and missing codes, no touchpoints): kept, and the rest inferred. */
  readonly spec?: Readonly<Partial<SurveySpec>>;
  readonly overall?: string;
  readonly touchpoints?: readonly string[];
  readonly scale?: Scale;
  readonly missing?: readonly (string | number)[];
  /** Text answers mapped to scores, as `spec.labels`. */
  readonly labels?: Readonly<Record<string, number>>;
  /** "Did not experience this touchpoint" codes, as `spec.notApplicable`. */
  readonly notApplicable?: readonly (string | number)[];
  /** The outcome's type (`spec.overall.type`); with `'binary'`, `positive` names the positive class. */
  readonly outcomeType?: 'rating' | 'binary' | 'nps' | 'numeric';
  readonly positive?: readonly (string | number)[];
  readonly weight?: string;
  readonly id?: string;
  readonly segments?: readonly string[];
  /** Data rows read to infer the spec. Default: every row (a sample can miss the extremes). */
  readonly sampleRows?: number;
  /**
   * Labelled scale points per column, from a survey tool's metadata (SPSS value labels, numbered
   * choice texts): when every rated column has them, the scale runs from their lowest to highest.
   */
  readonly scalePoints?: Readonly<Record<string, readonly number[]>>;
}

/** A guessed spec and the guesses made (one sentence each, for the caller to show). */
export interface InferredSpec {
  readonly spec: SurveySpec;
  readonly notes: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Standard scales and label sets

/** Candidate rating scales, smallest first (a rating scale has at least 3 points). */
const STANDARD_SCALES: readonly Scale[] = [
  { min: 0, max: 2 },
  { min: 1, max: 3 },
  { min: 1, max: 4 },
  { min: 1, max: 5 },
  { min: 0, max: 5 },
  { min: 1, max: 6 },
  { min: 1, max: 7 },
  { min: 1, max: 10 },
  { min: 0, max: 10 },
  { min: 0, max: 100 },
];

/** A standard set of answer labels, lowest point first; each point lists the wordings accepted. */
interface LabelSet {
  readonly name: string;
  readonly points: readonly (readonly string[])[];
}

const NEUTRAL_EN = ['neutral', 'neither', 'undecided', 'neither agree nor disagree', 'neither agree or disagree', 'neither satisfied nor dissatisfied', 'neither satisfied or dissatisfied'];
const NEUTRAL_ZH = ['一般', '中立', '中等', '说不清', '不确定', '既不满意也不不满意', '既不同意也不反对'];

/** Standard 5- and 7-point satisfaction and agreement labels, English and Chinese. */
const LABEL_SETS: readonly LabelSet[] = [
  {
    name: '5-point satisfaction',
    points: [
      ['very dissatisfied', 'extremely dissatisfied', 'completely dissatisfied', 'very unsatisfied'],
      ['dissatisfied', 'somewhat dissatisfied', 'fairly dissatisfied', 'unsatisfied'],
      NEUTRAL_EN,
      ['satisfied', 'somewhat satisfied', 'fairly satisfied'],
      ['very satisfied', 'extremely satisfied', 'completely satisfied'],
    ],
  },
  {
    name: '5-point agreement',
    points: [['strongly disagree', 'completely disagree'], ['disagree', 'somewhat disagree'], NEUTRAL_EN, ['agree', 'somewhat agree'], ['strongly agree', 'completely agree']],
  },
  {
    name: '5-point satisfaction (Chinese)',
    points: [['非常不满意', '很不满意', '极不满意'], ['不满意', '比较不满意', '不太满意'], NEUTRAL_ZH, ['满意', '比较满意'], ['非常满意', '很满意']],
  },
  {
    name: '5-point agreement (Chinese)',
    points: [['非常不同意', '完全不同意', '很不同意'], ['不同意', '比较不同意', '不太同意'], NEUTRAL_ZH, ['同意', '比较同意'], ['非常同意', '完全同意', '很同意']],
  },
  {
    name: '7-point satisfaction',
    points: [
      ['very dissatisfied', 'extremely dissatisfied', 'completely dissatisfied'],
      ['dissatisfied', 'moderately dissatisfied', 'mostly dissatisfied'],
      ['somewhat dissatisfied', 'slightly dissatisfied'],
      NEUTRAL_EN,
      ['somewhat satisfied', 'slightly satisfied'],
      ['satisfied', 'moderately satisfied', 'mostly satisfied'],
      ['very satisfied', 'extremely satisfied', 'completely satisfied'],
    ],
  },
  {
    name: '7-point agreement',
    points: [
      ['strongly disagree'],
      ['disagree', 'moderately disagree'],
      ['somewhat disagree', 'slightly disagree'],
      NEUTRAL_EN,
      ['somewhat agree', 'slightly agree'],
      ['agree', 'moderately agree'],
      ['strongly agree'],
    ],
  },
  {
    name: '7-point satisfaction (Chinese)',
    points: [['非常不满意', '很不满意'], ['不满意'], ['比较不满意', '有点不满意'], NEUTRAL_ZH, ['比较满意', '有点满意'], ['满意'], ['非常满意', '很满意']],
  },
  {
    name: '7-point agreement (Chinese)',
    points: [['非常不同意', '完全不同意'], ['不同意'], ['比较不同意', '有点不同意'], NEUTRAL_ZH, ['比较同意', '有点同意'], ['同意'], ['非常同意', '完全同意']],
  },
];

// ---------------------------------------------------------------------------------------------
// Column names

/** Words naming the overall outcome, strongest tier first. Chinese words match as substrings. */
const OUTCOME_WORDS: readonly { readonly word: string; readonly tier: number }[] = [
  ...['overall', 'overall satisfaction', 'global', 'note globale', 'satisfaction globale', 'gesamt', 'gesamtzufriedenheit', '总体', '整体', '综合', '总满意度', '总评', '总体评价'].map((word) => ({
    word,
    tier: 3,
  })),
  ...['satisfaction', 'csat', 'sat', 'nps', 'recommend', 'likelihood to recommend', 'ltr', 'zufriedenheit', '满意度', '满意', '推荐', '推荐意愿'].map((word) => ({ word, tier: 2 })),
  ...['rating', 'score', '评分', '评价', '打分'].map((word) => ({ word, tier: 1 })),
];

/**
 * Names of other outcome measures (recommendation, NPS, loyalty, repurchase): not touchpoints of
 * the journey, so inference leaves them out unless the user lists them.
 */
const OTHER_OUTCOME_NAME =
  /(?:^|[^a-z])(?:recommend\w*|nps|ltr|net[ _-]?promoter\w*|loyal\w*|repurchase\w*|revisit\w*|return[ _-]?intent\w*|likely[ _-]?to[ _-]?(?:return|recommend|buy)\w*)(?:$|[^a-z])|推荐|忠诚|复购|再次购买|回购/i;

const ID_NAME = /^(?:id|ids|uuid|respondent|respondent[ _]?id|resp[ _]?id|response[ _]?id|case|case[ _]?id|record|no\.?|number|#|编号|序号|问卷编号|样本编号|[a-z]*[ _]?id)$/i;
const CAMEL_ID = /^[a-z]+ID$|[a-z]Id$/;
const WEIGHT_NAME = /^(?:weight|weights|wt|wgt|pweight|final[ _]?weight|survey[ _]?weight|gewicht|gewichtung|poids|peso|权重|加权)$/i;
const ATTRIBUTE_NAME =
  /^(?:gender|sex|age|age[ _]?group|region|country|city|state|province|income|education|occupation|class|segment|group|department|channel|year|month|date|time|duration|tenure|type of travel|customer type|flight distance|distance|departure delay.*|arrival delay.*|性别|年龄|地区|城市|省份|收入|学历|职业|部门|渠道|日期|时间)$/i;
const TOTAL_WORD = /^(?:total|totals|grand total|sum|sums|subtotal|average|averages|mean|means|avg|合计|总计|小计|总和|平均|平均值|均值)$/i;

// ---------------------------------------------------------------------------------------------

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const PLAIN_INTEGER = /^\d{1,6}$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
/** Distinct numbers and texts remembered per column (beyond that only counted). */
const MAX_DISTINCT_NUMBERS = 1000;
const MAX_DISTINCT_TEXTS = 100;
/** A column with at most this many values is suggested as a segment (groups to compare). */
const MAX_SEGMENT_GROUPS = 12;

/** Everything inference learns about one column from every row. */
interface ColumnStats {
  numbers: number;
  texts: number;
  missing: number;
  labelled: number;
  fractions: number;
  zeros: number;
  /** Range of the values that do not look like missing codes. */
  lo: number;
  hi: number;
  sum: number;
  /** Counts of values that look like missing codes (99, -1, 9, ...). */
  readonly codes: Map<number, number>;
  readonly values: Map<number, number>;
  valuesOverflow: boolean;
  /** Normalised text -> first spelling seen and count. */
  readonly textValues: Map<string, { raw: string; count: number }>;
  textOverflow: boolean;
}

type Kind = 'rating' | 'text' | 'labelled' | 'empty' | 'id' | 'weight' | 'attribute' | 'flag' | 'not-rating';

interface Column {
  readonly name: string;
  readonly index: number;
  readonly stats: ColumnStats;
  kind: Kind;
  /** The smallest standard scale holding its values (rating columns). */
  scale: Scale | null;
  /** The standard label set its texts follow (labelled columns). */
  labelSet: LabelSet | null;
  note: string | null;
}

/**
 * Infers a survey spec from CSV text or bytes, reading every row:
 *
 * - **columns**: rating columns are numeric with whole numbers on a standard scale; ids (by name or
 *   all-distinct values), weights, respondent attributes (gender, age, region, 性别, ...), 0/1 flags,
 *   text and numbers off any rating scale are left out with a note. Columns on 0-100 are left out
 *   when others are on a short scale (1-5 ... 0-10): an age of 7 to 85 is not a rating.
 * - **overall**: the column whose name says so, ranked: a name that is or starts with a word beats
 *   one that merely contains it; then "overall"/总体/整体/综合 beat "satisfaction"/sat/csat/nps/
 *   recommend/满意度 beat "rating"/"score"/评分; then an exact name beats a prefix. A tie, or no
 *   name at all, is refused ({@link InferenceRefusedError}, listing the candidates) rather than guessed.
 *   A text overall column is scored when its answers are standard 5- or 7-point satisfaction or
 *   agreement labels (English or Chinese; announced with the scores); other text is refused,
 *   listing its distinct values.
 * - **touchpoints**: the other rating columns in file order (taken as journey order).
 * - **scale**: the smallest of 0-2, 1-3, 1-4, 1-5, 0-5, 1-6, 1-7, 1-10, 0-10, 0-100 holding every
 *   value, announced with the values seen. Values that look like missing codes (99, 98, -1, and 8
 *   or 9 well above the rest) are left out of the choice and named, so reading reports them with
 *   the fix. Zeros in some columns of otherwise 1-5 data (or zeros with 1-7 data on 0-10) are
 *   ambiguous (a rating of 0, or "not applicable"?) and refused.
 * - trailing total/average rows (first cell empty or "Total"/合计/"Average", values equal to the
 *   column sums or means) are left out of the inference and announced.
 *
 * @example
 * ```ts
 * inferSurveySpec('id,price,delivery,overall\na,4,5,5\nb,3,2,4\n').spec;
 * // { touchpoints: ['price', 'delivery'], overall: 'overall', scale: { min: 1, max: 5 }, missing: ['', 'NA', 'N/A', '-'] }
 * ```
 * @throws DataValidationError (`empty_file`, `header_only`) when the file has no data rows;
 *   (`not_csv`) for an Excel workbook or another binary file; (`invalid_encoding`).
 * @throws InferenceRefusedError (an InvalidArgumentError, code `inference_refused`) when the data
 *   do not decide the overall column, a text outcome's scores, the scale, or there is no rating
 *   column: the message lists the candidates and names the option that decides.
 */
export function inferSurveySpec(input: string | Uint8Array, options: InferSpecOptions = {}): InferredSpec {
  const text = typeof input === 'string' ? input : decodeBytes(input, options.encoding).text;
  const delimiter = checkDelimiter(options.delimiter) ?? sniffDelimiter(text);
  return inferFromReading(delimiter, options, (context, limit) => readColumns(text, limit, ingestLimits(options).maxFieldBytes, context));
}

/**
 * {@link inferSurveySpec} for a CSV file already read into {@link CsvRecords} (readCsvRecords):
 * the same inference from each column's distinct cell texts and their counts, so the file is
 * parsed once for the inference and the Survey. What was read before a syntax error informs
 * the guess (the error is thrown when the Survey is built).
 *
 * @throws as {@link inferSurveySpec}.
 */
export function inferSurveySpecFromRecords(records: CsvRecords, options: InferSpecOptions = {}): InferredSpec {
  return inferFromReading(records.source?.delimiter ?? ',', options, (context, limit) => readingFromCounts(records.cellCounts(limit), context));
}

/** The inference from the column statistics `read` gathers (up to `limit` rows). */
function inferFromReading(delimiter: string, options: InferSpecOptions, read: (context: CellContext, limit: number) => Reading): InferredSpec {
  const given = givenSpec(options);
  const labels = labelMap(given.labels);
  const givenNotApplicable = (given as { notApplicable?: (string | number)[] }).notApplicable ?? [];
  // The codes reading will use (an empty cell stays "no answer" beside given codes).
  const missingCodes = resolveMissing(given.missing, labels, givenNotApplicable);
  // Not-applicable cells are no answers for the choices made here (reading keeps them apart).
  const skipCodes = [...missingCodes, ...givenNotApplicable];
  const context: CellContext = {
    missing: new Set(skipCodes.map((m) => normalizeText(String(m)))),
    missingNumbers: new Set(skipCodes.filter((m): m is number => typeof m === 'number')),
    labels,
    delimiter,
    cells: new Map(),
  };
  const limit = options.sampleRows ?? Number.POSITIVE_INFINITY;
  const notes: string[] = [];

  const reading = read(context, limit);
  const names = headerNames(reading);
  leaveOutTotals(reading, names, limit, context, notes);

  // Classify every column.
  const givenTouchpoints = given.touchpoints?.map((t) => (typeof t === 'string' ? t : t.column));
  const givenOverall = overallColumn(given.overall);
  const roles = new Set([
    ...(givenTouchpoints ?? []),
    ...(givenOverall === undefined ? [] : [givenOverall]),
    ...(given.weight ? [given.weight] : []),
    ...(given.id ? [given.id] : []),
    ...(given.segments ?? []),
    ...(given.covariates ?? []),
  ]);
  const columns = classifyColumns(names, reading, given.scale as (Scale & { integer?: boolean }) | undefined);
  const byName = new Map(columns.map((c) => [c.name, c]));

  const outcome = chooseOutcome(given, options, columns, roles, givenOverall, byName, labels, notes);
  const { touchpoints, used } = chooseTouchpoints(givenTouchpoints, givenOverall, columns, roles, byName, outcome, notes);
  const scale = chooseScale(given, options, touchpoints, used, byName, outcome, notes);
  const spec: Record<string, unknown> = {
    ...given,
    touchpoints: [...(given.touchpoints ?? touchpoints)],
    overall: given.overall !== undefined && typeof given.overall !== 'string' ? given.overall : (outcome.spec ?? outcome.overall),
    scale: { ...scale },
    missing: [...missingCodes],
  };
  if (outcome.labels !== null) spec.labels = Object.fromEntries([...outcome.labels, ...labels]);
  return { spec: spec as unknown as SurveySpec, notes };
}

/** The spec given with the options (what inference leaves as it is). */
type GivenSpec = ReturnType<typeof givenSpec>;

/** What a cell text means to inference: no-answer codes, label scores, and the meanings worked out so far. */
interface CellContext {
  readonly missing: ReadonlySet<string>;
  readonly missingNumbers: ReadonlySet<number>;
  readonly labels: ReadonlyMap<string, number>;
  readonly delimiter: string;
  /** What each distinct cell text means, worked out once (a million ratings are a handful of texts). */
  readonly cells: Map<string, CellMeaning>;
}

/** The columns read so far: header, statistics, rows counted, and the last three records held back. */
interface Reading {
  header: string[] | null;
  headerKey: string;
  stats: ColumnStats[];
  rows: number;
  /** The last three records, held back so that trailing total rows can be left out. */
  readonly pending: { fields: string[]; line: number }[];
}

/** The overall column chosen and how its answers are scored. */
interface OutcomeChoice {
  readonly overall: string;
  /** Why this column was chosen ('' when it was given). */
  readonly reason: string;
  readonly column: Column | undefined;
  /** Scores of a text overall's answers, or null. */
  readonly labels: Map<string, number> | null;
  /** The standard label set a text overall follows, or null. */
  readonly set: LabelSet | null;
  /** The overall as an object (binary, typed, or on its own scale), or null for a plain column name. */
  spec: Record<string, unknown> | null;
  /** Whether the overall is not a rating on the touchpoints' scale (binary, numeric, NPS). */
  readonly binary: boolean;
}

/** Adds one record to the column statistics, up to `limit` rows. */
function commitRow(reading: Reading, fields: readonly string[], limit: number, context: CellContext): void {
  if (reading.rows >= limit) return;
  reading.rows++;
  const { stats } = reading;
  for (let i = 0; i < stats.length; i++) addCell(stats[i] as ColumnStats, fields[i] ?? '', context.missing, context.missingNumbers, context.labels, context.delimiter, context.cells);
}

/**
 * Reads every record into column statistics; the last three wait in `pending` so trailing total
 * rows can be left out. Quote-free text read in full: each column's distinct cell texts are
 * counted straight from the characters and each distinct text is added once with its count (the
 * same statistics, without a string per cell); anything else record by record.
 */
function readColumns(text: string, limit: number, maxRecordSize: number, context: CellContext): Reading {
  const reading: Reading = { header: null, headerKey: '', stats: [], rows: 0, pending: [] };
  const isHeader = (fields: readonly string[], key: string): boolean => key.startsWith((fields[0] ?? '').trim()) && fields.map((f) => f.trim()).join('\u0000') === key;
  const counted = limit === Number.POSITIVE_INFINITY ? countQuoteFreeCells(text, context.delimiter, maxRecordSize, isHeader) : null;
  if (counted !== null) return readingFromCounts(counted, context);
  try {
    splitRecords(text, context.delimiter, maxRecordSize, {
      record(fields, line) {
        if (reading.header === null) {
          const header = fields.map((f) => f.replace(/^\uFEFF/, '').trim());
          reading.header = header;
          reading.headerKey = header.join('\u0000');
          reading.stats = header.map(() => emptyStats());
          return;
        }
        if (fields.length === 1 && (fields[0] ?? '').trim() === '' && reading.stats.length > 1) return;
        // A repeated header (the joined key must start with the first field: a cheap test first).
        if (isHeader(fields, reading.headerKey)) return;
        reading.pending.push({ fields, line });
        if (reading.pending.length > 3) commitRow(reading, (reading.pending.shift() as { fields: string[] }).fields, limit, context);
      },
    });
  } catch (error) {
    // Syntax errors surface with full detail when the survey is read with the inferred spec; what
    // was read so far still informs the guess.
    if (!(error instanceof DataValidationError)) throw error;
  }
  return reading;
}

/** The column statistics of counted cells (each distinct text added once with its count); an empty reading for null. */
function readingFromCounts(counted: CellCounts | null, context: CellContext): Reading {
  if (counted === null) return { header: null, headerKey: '', stats: [], rows: 0, pending: [] };
  const header = counted.header;
  const reading: Reading = { header, headerKey: header.join('\u0000'), stats: header.map(() => emptyStats()), rows: counted.rows, pending: [...counted.pending] };
  counted.cells.forEach((column, i) => {
    const s = reading.stats[i] as ColumnStats;
    for (let e = 0; e < column.raw.length; e++) {
      const count = column.count[e] as number;
      if (count > 0) addCell(s, column.raw[e] as string, context.missing, context.missingNumbers, context.labels, context.delimiter, context.cells, count);
    }
  });
  return reading;
}

/** The column names of the header; refuses a file without one (`empty_file`). */
function headerNames(reading: Reading): string[] {
  const names: string[] = reading.header ?? [];
  if (reading.header === null || names.every((n) => n === '')) {
    throw new DataValidationError([
      {
        code: 'empty_file',
        path: [null, null],
        line: null,
        message: 'The file has no data rows: it is empty (not even a header); export the survey again with a header row and one row per respondent.',
        input: null,
      },
    ]);
  }
  return names;
}

/** Adds the held-back records except trailing total rows (announced in `notes`); refuses a file with no data rows (`header_only`). */
function leaveOutTotals(reading: Reading, names: readonly string[], limit: number, context: CellContext, notes: string[]): void {
  const { pending } = reading;
  const totals = trailingTotals(pending, reading.stats, names, context.missing);
  pending.forEach((p, k) => {
    if (!totals.has(k)) commitRow(reading, p.fields, limit, context);
  });
  for (const [k, what] of [...totals].sort((a, b) => a[0] - b[0])) {
    const p = pending[k] as { fields: string[]; line: number };
    notes.push(`line ${p.line} (${JSON.stringify(p.fields.slice(0, 4).join(context.delimiter).slice(0, 40))}) holds the column ${what} of the rows above, not a respondent; left out of the inference`);
  }
  if (reading.rows === 0 && totals.size === 0) {
    throw new DataValidationError([
      {
        code: 'header_only',
        path: [null, null],
        line: 1,
        message: `The file has no data rows: only the header (${names
          .slice(0, 8)
          .map((n) => `"${n}"`)
          .join(', ')}${names.length > 8 ? ', ...' : ''}); add one row per respondent.`,
        input: null,
      },
    ]);
  }
}

/** Classifies every column; 0-100 columns beside short-scale ratings are not ratings (an age of 7 to 85). */
function classifyColumns(names: readonly string[], reading: Reading, fixedScale: (Scale & { integer?: boolean }) | undefined): Column[] {
  const columns: Column[] = names.map((name, index) => classify(name, index, reading.stats[index] as ColumnStats, reading.rows, fixedScale));
  const shortScale = columns.some((c) => c.kind === 'rating' && (c.scale?.max ?? 100) <= 10);
  for (const c of columns) {
    if (c.kind === 'rating' && shortScale && c.scale?.max === 100) {
      c.kind = 'not-rating';
      c.note = `"${c.name}" holds numbers from ${fmt(c.stats.lo)} to ${fmt(c.stats.hi)}, not on the rating scale of the other columns; left out`;
    }
  }
  return columns;
}

/** Chooses the overall column (unless given) and scores it: binary, typed, text labels or a rating. */
function chooseOutcome(
  given: GivenSpec,
  options: InferSpecOptions,
  columns: readonly Column[],
  roles: ReadonlySet<string>,
  givenOverall: string | undefined,
  byName: ReadonlyMap<string, Column>,
  labels: ReadonlyMap<string, number>,
  notes: string[],
): OutcomeChoice {
  let overall = givenOverall;
  let overallReason = '';
  let outcomeLabels: Map<string, number> | null = null;
  let outcomeSet: LabelSet | null = null;
  if (overall === undefined) ({ name: overall, reason: overallReason } = chooseOverall(columns.filter((c) => !roles.has(c.name))));
  const outcome = byName.get(overall);
  let outcomeSpec: Record<string, unknown> | null = null;
  const typeGiven = given.overall === undefined ? (options.outcomeType ?? (options.positive !== undefined ? 'binary' : undefined)) : undefined;
  if (typeGiven !== undefined && typeGiven !== 'rating') {
    outcomeSpec = { column: overall, type: typeGiven, ...(options.positive !== undefined && { positive: [...options.positive] }) };
  } else if (outcome !== undefined && (given.overall === undefined || typeof given.overall === 'string')) {
    // An overall given as an object (with its own type) is taken as it is; a column name is scored here.
    const binary = binaryOutcome(outcome);
    const nps = typeGiven === undefined ? npsOutcome(outcome) : null;
    if (binary !== null) {
      outcomeSpec = { column: overall, type: 'binary', positive: binary.positive };
      notes.push(binary.note);
    } else if (nps !== null) {
      outcomeSpec = { column: overall, type: 'nps' };
      notes.push(nps);
    } else {
      const scored = scoreOutcome(outcome, labels);
      outcomeLabels = scored.labels;
      outcomeSet = scored.set;
      if (scored.note !== null) notes.push(scored.note);
    }
  }
  const binaryOverall =
    outcomeSpec !== null || (typeof given.overall === 'object' && given.overall !== null && ['binary', 'numeric', 'nps'].includes(String((given.overall as { type?: string }).type)));
  return { overall, reason: overallReason, column: outcome, labels: outcomeLabels, set: outcomeSet, spec: outcomeSpec, binary: binaryOverall };
}

/** The touchpoints (unless given): the other rating columns, in file order; notes what was left out and chosen. */
function chooseTouchpoints(
  givenTouchpoints: string[] | undefined,
  givenOverall: string | undefined,
  columns: readonly Column[],
  roles: ReadonlySet<string>,
  byName: ReadonlyMap<string, Column>,
  outcome: OutcomeChoice,
  notes: string[],
): { touchpoints: string[]; used: Set<string> } {
  const { overall, set: outcomeSet, labels: outcomeLabels } = outcome;
  let touchpoints = givenTouchpoints;
  if (touchpoints === undefined) {
    const rated = columns.filter((c) => c.name !== overall && !roles.has(c.name) && (c.kind === 'rating' || (c.kind === 'labelled' && outcomeSet !== null && c.labelSet === outcomeSet)));
    const otherOutcomes = rated.filter((c) => OTHER_OUTCOME_NAME.test(c.name));
    for (const c of otherOutcomes) {
      notes.push(`"${c.name}" looks like another outcome measure (recommendation, loyalty), not a touchpoint of the journey; left out (list it in --touchpoints to include it)`);
    }
    touchpoints = rated.filter((c) => !otherOutcomes.includes(c)).map((c) => c.name);
  }
  const used = new Set([...touchpoints, overall]);
  if (outcomeSet !== null && outcomeLabels !== null) {
    // Text touchpoints on the same standard scale: their spellings are scored too.
    for (const name of touchpoints) {
      const c = byName.get(name);
      if (c?.labelSet === outcomeSet) for (const [key, v] of c.stats.textValues) outcomeLabels.set(v.raw, pointOf(outcomeSet, key));
    }
  }
  for (const c of columns) if (!used.has(c.name) && !roles.has(c.name) && c.note !== null) notes.push(c.note);
  if (givenOverall === undefined) notes.push(`overall rating: "${overall}" (${outcome.reason}; set --overall to change)`);
  if (touchpoints.length === 0) {
    throw new InferenceRefusedError(
      'no_rating_columns',
      `No numeric touchpoint columns found besides the overall "${overall}"; list them with --touchpoints A,B,C (journey order). ${columnSummary(columns)}`,
      columns.map((c) => c.name).filter((n) => n !== overall),
    );
  }
  if (givenTouchpoints === undefined) notes.push(`touchpoints in journey order: ${touchpoints.join(', ')} (the rating columns in file order, except overall; set --touchpoints to change)`);
  return { touchpoints, used };
}

/**
 * The scale (unless given): from value labels on every rated column, else from the values; an
 * overall rated on a much longer scale than the touchpoints gets its own (set in `outcome.spec`).
 */
function chooseScale(
  given: GivenSpec,
  options: InferSpecOptions,
  touchpoints: readonly string[],
  used: ReadonlySet<string>,
  byName: ReadonlyMap<string, Column>,
  outcome: OutcomeChoice,
  notes: string[],
): Scale {
  const { overall, column: outcomeColumn, set: outcomeSet } = outcome;
  let scale = given.scale as Scale | undefined;
  // Survey-tool metadata: value labels on every rated column decide the scale.
  const labelled = [...touchpoints, overall].map((c) => options.scalePoints?.[c] ?? []);
  if (scale === undefined && labelled.every((points) => points.length > 0)) {
    const points = labelled.flat();
    scale = { min: Math.min(...points), max: Math.max(...points) };
    notes.push(`scale: ${scale.min}-${scale.max} (from the value labels; set --scale to change)`);
  }
  if (scale === undefined) {
    const rated = outcome.binary ? touchpoints : [...used];
    const pool = rated.map((n) => byName.get(n)).filter((c): c is Column => c !== undefined);
    const tpPool = pool.filter((c) => c.name !== overall);
    // An overall rated on a longer scale than every touchpoint (0-10 beside 1-5) keeps its own scale.
    const own = outcomeColumn !== undefined && !outcome.binary && outcomeColumn.kind === 'rating' && outcomeColumn.scale !== null && outcomeSet === null ? outcomeColumn.scale : null;
    const tpScale = own !== null && tpPool.length > 0 && tpPool.every((c) => c.kind === 'rating' && c.scale !== null) ? joint(tpPool) : null;
    if (own !== null && tpScale !== null && own.max - own.min >= 1.5 * (tpScale.max - tpScale.min)) {
      scale = inferScale(tpPool, null, notes);
      const outcomeNotes: string[] = [];
      const overallScale = inferScale([outcomeColumn as Column], null, outcomeNotes);
      notes.push(`"${overall}" is rated on its own scale: ${(outcomeNotes[0] ?? '').replace(/^scale: /, '')}`);
      outcome.spec = { column: overall, scale: overallScale };
    } else {
      scale = inferScale(pool, outcomeSet, notes);
    }
  }
  return scale;
}

// ---------------------------------------------------------------------------------------------
// Reading cells

function emptyStats(): ColumnStats {
  return {
    numbers: 0,
    texts: 0,
    missing: 0,
    labelled: 0,
    fractions: 0,
    zeros: 0,
    lo: Number.POSITIVE_INFINITY,
    hi: Number.NEGATIVE_INFINITY,
    sum: 0,
    codes: new Map(),
    values: new Map(),
    valuesOverflow: false,
    textValues: new Map(),
    textOverflow: false,
  };
}

/** What a cell's text counts as: missing, a number (perhaps from a label), or text. */
type CellMeaning =
  | { readonly kind: 'missing' }
  | { readonly kind: 'number'; readonly value: number; readonly labelled: boolean; readonly missing: boolean; readonly code: boolean }
  | { readonly kind: 'text'; readonly cell: string; readonly raw: string };

/** Distinct cell texts remembered per inference (ids and free text are worked out every time beyond it). */
const MAX_REMEMBERED_CELLS = 4096;

function meaningOf(raw: string, missing: ReadonlySet<string>, missingNumbers: ReadonlySet<number>, labels: ReadonlyMap<string, number>, delimiter: string): CellMeaning {
  let value: number;
  let labelled = false;
  if (PLAIN_INTEGER.test(raw) && !missing.has(raw) && !labels.has(raw)) value = Number(raw);
  else {
    const cell = normalizeText(raw);
    if (missing.has(cell)) return { kind: 'missing' };
    const score = labels.get(cell);
    if (score !== undefined) {
      labelled = true;
      value = score;
    } else if (NUMBER.test(cell) && Number.isFinite(Number(cell))) value = Number(cell);
    else if (delimiter !== ',' && DECIMAL_COMMA.test(cell)) value = Number(cell.replace(',', '.'));
    else return { kind: 'text', cell, raw: raw.trim() };
  }
  value += 0;
  return { kind: 'number', value, labelled, missing: missingNumbers.has(value), code: likelyCode(value) };
}

/**
 * Adds `count` cells of text `raw` to a column's statistics (count > 1 when the cells were counted
 * by text first: the same statistics as adding them one by one, except that a non-integer value's
 * sum is added in another order, which moves it by a few units in the last place).
 */
function addCell(
  s: ColumnStats,
  raw: string,
  missing: ReadonlySet<string>,
  missingNumbers: ReadonlySet<number>,
  labels: ReadonlyMap<string, number>,
  delimiter: string,
  remembered?: Map<string, CellMeaning>,
  count = 1,
): void {
  let meaning = remembered?.get(raw);
  if (meaning === undefined) {
    meaning = meaningOf(raw, missing, missingNumbers, labels, delimiter);
    if (remembered !== undefined && remembered.size < MAX_REMEMBERED_CELLS) remembered.set(raw, meaning);
  }
  if (meaning.kind === 'missing') {
    s.missing += count;
    return;
  }
  if (meaning.kind === 'text') {
    s.texts += count;
    const seen = s.textValues.get(meaning.cell);
    if (seen !== undefined) seen.count += count;
    else if (s.textValues.size < MAX_DISTINCT_TEXTS) s.textValues.set(meaning.cell, { raw: meaning.raw, count });
    else s.textOverflow = true;
    return;
  }
  if (meaning.labelled) s.labelled += count;
  if (meaning.missing) {
    s.missing += count;
    return;
  }
  const value = meaning.value;
  s.numbers += count;
  // Integers (below 2^53) sum exactly in any order; other values are added one at a time.
  if (count === 1 || Number.isInteger(value)) s.sum += value * count;
  else for (let c = 0; c < count; c++) s.sum += value;
  if (!Number.isInteger(value)) s.fractions += count;
  if (value === 0) s.zeros += count;
  if (meaning.code) s.codes.set(value, (s.codes.get(value) ?? 0) + count);
  else {
    if (value < s.lo) s.lo = value;
    if (value > s.hi) s.hi = value;
  }
  const seen = s.values.get(value);
  if (seen !== undefined) s.values.set(value, seen + count);
  else if (s.values.size < MAX_DISTINCT_NUMBERS) s.values.set(value, count);
  else s.valuesOverflow = true;
}

/**
 * The records of quote-free CSV text as {@link splitRecords} and the reading loop of
 * inferSurveySpec take them (header, blank lines and repeated headers skipped, the last three
 * records held back), with each column's cells counted by text instead of handed over one by
 * one. Cells of one or two characters are keyed by their character codes, so the common rating
 * cells make no strings. Null when the text holds a double quote, the delimiter is not one
 * character, or a line is longer than `maxRecordSize` (the caller reads record by record then).
 *
 * One function on purpose (about 100 lines): it is the character loop every cell of a large file
 * passes through, and its two tally closures share the header's width, the per-column lookup
 * tables and the text with the line loop; split apart, they would pass that state on each cell.
 */
function countQuoteFreeCells(text: string, delimiter: string, maxRecordSize: number, isHeader: (fields: readonly string[], headerKey: string) => boolean): CellCounts | null {
  if (delimiter.length !== 1 || text.includes('"')) return null;
  const sep = delimiter.charCodeAt(0);
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const end = text.length;
  // The header: the first line.
  let pos = start;
  while (pos < end && text.charCodeAt(pos) !== 10 && text.charCodeAt(pos) !== 13) pos++;
  if (pos - start > maxRecordSize) return null;
  if (pos === end && start === end) return null;
  const header = text
    .slice(start, pos)
    .split(delimiter)
    .map((f) => f.replace(/^\uFEFF/, '').trim());
  const width = header.length;
  const headerKey = header.join('\u0000');
  const headerFirst = headerKey.charCodeAt(0);
  const cells: CellTally[] = header.map(() => ({ raw: [], count: [] }));
  // Where each column's distinct texts sit in its tally: one-character ASCII cells in a table,
  // the others in a map keyed by their character codes (up to two characters) or their text.
  const ascii = new Int32Array(width * 128).fill(-1);
  const keyed = header.map(() => new Map<number | string, number>());
  const tally = (column: number, from: number, to: number, delta: number): void => {
    const t = cells[column] as CellTally;
    const length = to - from;
    let index: number | undefined;
    const c0 = length > 0 ? text.charCodeAt(from) : 0;
    if (length === 1 && c0 < 128) {
      const slot = column * 128 + c0;
      index = ascii[slot] as number;
      if (index < 0) {
        index = t.raw.length;
        ascii[slot] = index;
        t.raw.push(text[from] as string);
        t.count.push(0);
      }
    } else {
      const key = length === 0 ? -1 : length === 1 ? c0 : length === 2 ? 0x10000 + c0 * 0x10000 + text.charCodeAt(from + 1) : text.slice(from, to);
      const map = keyed[column] as Map<number | string, number>;
      index = map.get(key);
      if (index === undefined) {
        index = t.raw.length;
        map.set(key, index);
        t.raw.push(text.slice(from, to));
        t.count.push(0);
      }
    }
    t.count[index] = (t.count[index] as number) + delta;
  };
  // Counts (delta 1) or uncounts (delta -1) the cells of the line [from, to).
  const tallyLine = (from: number, to: number, delta: number): void => {
    let column = 0;
    let cellStart = from;
    for (let i = from; i <= to; i++) {
      if (i === to || text.charCodeAt(i) === sep) {
        if (column < width) tally(column, cellStart, i, delta);
        column++;
        cellStart = i + 1;
      }
    }
    for (; column < width; column++) tally(column, to, to, delta);
  };
  // The last three records (line start, end and number), held back as the record-by-record loop holds them.
  const held: number[] = [];
  let records = 0;
  let line = 1;
  // After the header's line end.
  pos = pos < end && text.charCodeAt(pos) === 13 && text.charCodeAt(pos + 1) === 10 ? pos + 2 : pos + 1;
  while (pos < end) {
    const lineStart = pos;
    while (pos < end) {
      const c = text.charCodeAt(pos);
      if (c === 10 || c === 13) break;
      pos++;
    }
    const lineEnd = pos;
    if (lineEnd - lineStart > maxRecordSize) return null;
    pos = pos < end && text.charCodeAt(pos) === 13 && text.charCodeAt(pos + 1) === 10 ? pos + 2 : pos + 1;
    line++;
    // A line that may be blank or a repeated header (it starts with a space, a non-ASCII
    // character, the delimiter or the header's first character, or is empty) is tested as the loop tests it.
    const first = lineEnd > lineStart ? text.charCodeAt(lineStart) : -1;
    if (first <= 0x20 || first > 0x7e || first === sep || first === headerFirst) {
      const fields = text.slice(lineStart, lineEnd).split(delimiter);
      if (fields.length === 1 && (fields[0] ?? '').trim() === '' && width > 1) continue;
      if (isHeader(fields, headerKey)) continue;
    }
    tallyLine(lineStart, lineEnd, 1);
    records++;
    held.push(lineStart, lineEnd, line);
    if (held.length > 9) held.splice(0, 3);
  }
  const pending: { fields: string[]; line: number }[] = [];
  for (let r = 0; r < held.length; r += 3) {
    const from = held[r] as number;
    const to = held[r + 1] as number;
    tallyLine(from, to, -1);
    pending.push({ fields: text.slice(from, to).split(delimiter), line: held[r + 2] as number });
  }
  return { header, rows: records - pending.length, pending, cells };
}

/**
 * The records of CSV text, as `parseCsvText` gives them: text without a double quote (and no
 * record longer than the limit) is split at its line breaks (\r\n, \n, \r) and delimiters
 * directly, one record per line (an empty line is one empty field, as csv-parse gives it);
 * anything else goes through csv-parse.
 */
function splitRecords(text: string, delimiter: string, maxRecordSize: number, sink: { record(fields: string[], line: number): void }): void {
  if (text.includes('"')) {
    parseCsvText(text, delimiter, maxRecordSize, sink);
    return;
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  // A final line break ends the last record; it does not start another.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.some((line) => line.length > maxRecordSize)) {
    parseCsvText(text, delimiter, maxRecordSize, sink);
    return;
  }
  for (let i = 0; i < lines.length; i++) sink.record((lines[i] as string).split(delimiter), i + 1);
}

/** Values survey tools use for "don't know" / "refused" / "no answer": negatives, 8, 9, 99, 98, 999, ... */
function likelyCode(value: number): boolean {
  if (!Number.isInteger(value)) return false;
  if (value < 0) return true;
  return /^(?:8|9|9{2,}|8{2,}|7{2,}|98|97|96|998|997|996)$/.test(String(value));
}

// ---------------------------------------------------------------------------------------------
// Total rows

/**
 * Which of the last (up to three) rows are totals or averages of the rows above: first cell empty
 * or a word such as Total/合计/Average, and every number in the row equal (to its printed
 * precision) to its column's sum or mean over the rows above, in at least two columns.
 */
function trailingTotals(pending: readonly { fields: string[] }[], stats: readonly ColumnStats[], names: readonly string[], missing: ReadonlySet<string>): Map<number, string> {
  const found = new Map<number, string>();
  for (let k = pending.length - 1; k >= 0; k--) {
    const fields = (pending[k] as { fields: string[] }).fields;
    const first = normalizeText(fields[0] ?? '');
    const labelled = first === '' || missing.has(first) || fields.some((f) => TOTAL_WORD.test(normalizeText(f)));
    if (!labelled) break;
    // Sums and counts over every row above this one (committed rows and earlier pending rows).
    const sums = stats.map((s) => s.sum);
    const counts = stats.map((s) => s.numbers);
    for (let j = 0; j < k; j++) {
      (pending[j] as { fields: string[] }).fields.forEach((f, i) => {
        const v = plainNumber(f);
        if (v !== null && i < sums.length) {
          sums[i] = (sums[i] as number) + v;
          counts[i] = (counts[i] as number) + 1;
        }
      });
    }
    let sumsMatched = 0;
    let meansMatched = 0;
    let mismatched = 0;
    fields.forEach((f, i) => {
      const v = plainNumber(f);
      if (v === null || i >= names.length || (counts[i] as number) < 2) return;
      const decimals = /\.(\d+)/.exec(f.trim())?.[1]?.length ?? 0;
      const tolerance = 0.5 * 10 ** -decimals + 1e-9 * Math.abs(v);
      const sum = sums[i] as number;
      if (Math.abs(v - sum) <= Math.max(tolerance, 1e-9 * Math.abs(sum))) sumsMatched++;
      else if (Math.abs(v - sum / (counts[i] as number)) <= tolerance) meansMatched++;
      else mismatched++;
    });
    if (mismatched > 0 || sumsMatched + meansMatched < 2) break;
    found.set(k, sumsMatched >= meansMatched ? 'totals' : 'averages');
  }
  return found;
}

function plainNumber(field: string): number | null {
  const t = field.trim();
  if (!NUMBER.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

// ---------------------------------------------------------------------------------------------
// Classifying columns

function classify(name: string, index: number, s: ColumnStats, rows: number, fixed?: Scale & { integer?: boolean }): Column {
  const column: Column = { name, index, stats: s, kind: 'rating', scale: null, labelSet: null, note: null };
  const answered = s.numbers + s.texts;
  const set = (kind: Kind, note: string | null): Column => {
    column.kind = kind;
    column.note = note;
    return column;
  };
  if (answered === 0) return set('empty', `"${name}" has no answers in any row; left out`);
  if (s.texts > 0.1 * answered) {
    const labelSet = s.textOverflow || s.labelled > 0 ? null : matchLabelSet([...s.textValues.keys()]);
    if (labelSet !== null) {
      column.labelSet = labelSet;
      return set('labelled', `"${name}" holds the standard ${labelSet.name} labels; left out (name it with --overall or --touchpoints to use it)`);
    }
    const byCount = [...s.textValues.values()].sort((a, b) => b.count - a.count);
    const example = byCount[0]?.raw ?? '';
    // A few answers each given many times: groups (class, region, gender) to compare.
    if (!s.textOverflow && byCount.length >= 2 && byCount.length <= MAX_SEGMENT_GROUPS && s.texts >= 5 * byCount.length) {
      const values = byCount.map((v) => v.raw).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return set(
        'text',
        `"${name}" holds text: ${values.length} values (${values.join(', ')}); left out (pass --segment "${name}" to compare these groups; if it is a rating, map its answers to scores with --labels)`,
      );
    }
    return set('text', `"${name}" holds text (e.g. ${JSON.stringify(example)}); left out (if it is a rating, map its answers to scores with --labels)`);
  }
  if (WEIGHT_NAME.test(name)) return set('weight', `"${name}" looks like a survey weight; left out (pass --weight "${name}" to use it)`);
  const distinct = s.values.size;
  const consecutive = !s.valuesOverflow && distinct === s.numbers && s.numbers >= 20 && s.fractions === 0 && s.hi - s.lo + 1 <= 1.5 * s.numbers;
  if (ID_NAME.test(name) || CAMEL_ID.test(name) || (consecutive && s.numbers >= 0.9 * rows)) {
    return set('id', `"${name}" looks like a respondent id; left out (pass --id "${name}" to name respondents by it)`);
  }
  if (ATTRIBUTE_NAME.test(name)) {
    if (!s.valuesOverflow && distinct <= MAX_SEGMENT_GROUPS)
      return set('attribute', `"${name}" looks like a respondent attribute, not a rating; left out (pass --segment "${name}" to compare groups)`);
    // Many values (an age, a distance): a covariate, not a column of groups.
    return set(
      'attribute',
      `"${name}" looks like a respondent attribute, not a rating (${s.valuesOverflow ? `over ${formatCount(MAX_DISTINCT_NUMBERS)}` : formatCount(distinct)} values); left out (pass --control "${name}" to hold it constant in the key drivers of a rating outcome; to compare groups, band it into a few categories first)`,
    );
  }
  if (fixed !== undefined && fixed.integer === false && s.fractions > 0.05 * s.numbers) {
    // Fractional scores on a scale the caller gave: a rating column is one mostly on it.
    let on = 0;
    for (const [v, n] of s.values) if (v >= fixed.min && v <= fixed.max) on += n;
    if (on >= 0.9 * s.numbers) {
      column.scale = fixed;
      return column;
    }
    return set('not-rating', `"${name}" holds numbers from ${fmt(s.lo)} to ${fmt(s.hi)}, not on the scale ${fixed.min}-${fixed.max}; left out`);
  }
  if (s.fractions > 0.05 * s.numbers) {
    return set('not-rating', `"${name}" holds fractions (values ${fmt(Math.min(s.lo, ...s.codes.keys()))} to ${fmt(Math.max(s.hi, ...s.codes.keys()))}), not ratings; left out`);
  }
  if (s.values.size === 2 && s.values.has(0) && s.values.has(1)) {
    return set('flag', `"${name}" holds only 0 and 1 (a yes/no flag), not a rating; left out`);
  }
  const scale = ownScale(s);
  if (scale !== null && fixed !== undefined && scale.max <= 10 !== fixed.max <= 10) {
    return set('not-rating', `"${name}" holds numbers from ${fmt(s.lo)} to ${fmt(s.hi)}, not on the scale ${fixed.min}-${fixed.max}; left out`);
  }
  if (scale === null) {
    const lo = Math.min(s.lo, ...s.codes.keys());
    const hi = Math.max(s.hi, ...s.codes.keys());
    return set('not-rating', `"${name}" is numeric but not a rating (values ${fmt(lo)} to ${fmt(hi)}); left out`);
  }
  column.scale = scale;
  return column;
}

/** The smallest standard scale holding [lo, hi], preferring one that starts at lo on a tie. */
function smallestScale(lo: number, hi: number): Scale | null {
  const fits = STANDARD_SCALES.filter((s) => s.min <= lo && s.max >= hi);
  if (fits.length === 0) return null;
  const size = (s: Scale): number => s.max - s.min;
  const best = Math.min(...fits.map(size));
  const smallest = fits.filter((s) => size(s) === best);
  return smallest.find((s) => s.min === lo) ?? (smallest[0] as Scale);
}

/** Codes of a column that are values after all (inside the scale of the rest, or 8/9 next to it). */
function codesInside(s: ColumnStats, lo: number, hi: number): { lo: number; hi: number } {
  let scale = smallestScale(lo, hi);
  for (const v of [...s.codes.keys()].sort((a, b) => a - b)) {
    if (v < 0) continue;
    if (scale !== null && v <= scale.max) continue;
    // 8 or 9 right above the rest (data 1..7 and 8) are answers on a longer scale, not codes.
    if (v <= 9 && v <= hi + 1) {
      hi = Math.max(hi, v);
      scale = smallestScale(lo, hi);
    }
  }
  return { lo, hi };
}

function ownScale(s: ColumnStats): Scale | null {
  if (s.lo > s.hi) {
    // Only code-like values (e.g. a column of 9s): take them as they are.
    const keys = [...s.codes.keys()];
    return smallestScale(Math.min(...keys), Math.max(...keys));
  }
  const { lo, hi } = codesInside(s, s.lo, s.hi);
  return smallestScale(lo, hi);
}

// ---------------------------------------------------------------------------------------------
// Labels

/** The score (1-based point) of a normalised answer in a label set. */
function pointOf(set: LabelSet, key: string): number {
  return set.points.findIndex((variants) => variants.includes(key)) + 1;
}

function matchLabelSet(texts: readonly string[]): LabelSet | null {
  if (texts.length === 0) return null;
  for (const set of LABEL_SETS) {
    const points = texts.map((t) => set.points.findIndex((variants) => variants.includes(t)));
    if (points.some((p) => p < 0)) continue;
    if (new Set(points).size !== points.length) continue; // two answers on one point: try a longer scale
    return set;
  }
  return null;
}

function scoreOutcome(outcome: Column, given: ReadonlyMap<string, number>): { labels: Map<string, number> | null; set: LabelSet | null; note: string | null } {
  const s = outcome.stats;
  if (outcome.kind === 'labelled' && outcome.labelSet !== null) {
    const set = outcome.labelSet;
    const seen = [...s.textValues.entries()].map(([key, v]) => ({ key, raw: v.raw, score: pointOf(set, key) })).sort((a, b) => a.score - b.score);
    const labels = new Map(seen.map((x) => [x.raw, x.score]));
    return {
      labels,
      set,
      note: `"${outcome.name}" holds the standard ${set.name} labels, scored ${seen.map((x) => `${JSON.stringify(x.raw)} = ${x.score}`).join(', ')} on 1-${set.points.length} (pass --labels to score them otherwise)`,
    };
  }
  if (outcome.kind === 'text' || outcome.kind === 'empty' || outcome.kind === 'flag' || outcome.kind === 'not-rating') refuseOutcome(outcome, given);
  return { labels: null, set: null, note: null };
}

function refuseOutcome(outcome: Column, given: ReadonlyMap<string, number>): never {
  const s = outcome.stats;
  const name = outcome.name;
  if (outcome.kind === 'empty') {
    throw new InferenceRefusedError('text_outcome', `The overall column "${name}" has no answers; choose another with --overall COL.`, [name]);
  }
  if (outcome.kind === 'flag') {
    throw new InferenceRefusedError(
      'text_outcome',
      `The overall column "${name}" holds only 0 and 1 (a yes/no outcome), not a rating; a rating scale needs at least 3 points. Choose a rating column with --overall COL.`,
      ['0', '1'],
    );
  }
  if (outcome.kind === 'not-rating') {
    const low = Math.min(s.lo, ...s.codes.keys());
    const high = Math.max(s.hi, ...s.codes.keys());
    const [lo, hi] = [fmt(low), fmt(high)];
    const standard = smallestScale(Math.floor(low), Math.ceil(high)) ?? { min: Math.floor(low), max: Math.ceil(high) };
    const fix =
      s.fractions > 0.05 * s.numbers
        ? `if they are scores on a ${standard.min}-${standard.max} scale, give the scale in a spec file with fractions allowed ("scale": {"min": ${standard.min}, "max": ${standard.max}, "integer": false}, passed with --spec); averages per group are not respondents' ratings`
        : `give the scale with --scale MIN-MAX`;
    throw new InferenceRefusedError(
      'text_outcome',
      `The overall column "${name}" holds ${s.fractions > 0.05 * s.numbers ? 'fractions' : 'numbers'} from ${lo} to ${hi}, not ratings on a standard scale: ${fix}; or choose another column with --overall COL.`,
      [name],
    );
  }
  const values = [...s.textValues.values()].sort((a, b) => b.count - a.count);
  const shown = values.slice(0, 12).map((v) => `${JSON.stringify(v.raw)} (${formatCount(v.count)})`);
  const more = s.textOverflow || values.length > 12 ? ` and ${s.textOverflow ? 'more' : values.length - 12} more` : '';
  const example = `{${values
    .slice(0, 3)
    .map((v) => `${JSON.stringify(v.raw)}: ?`)
    .join(', ')}${values.length > 3 ? ', ...' : ''}}`;
  const labelledNote = given.size > 0 ? ' (the labels given do not cover them)' : '';
  throw new InferenceRefusedError(
    'text_outcome',
    `The overall column "${name}" holds text that is not a standard 5- or 7-point satisfaction or agreement scale${labelledNote}: ${shown.join(', ')}${more}. ` +
      `Give each answer a score (higher = more satisfied) with --labels '${example}' (or "labels" in a spec file), or choose a numeric column with --overall COL.`,
    values.map((v) => v.raw),
  );
}

function labelMap(labels: unknown): Map<string, number> {
  const map = new Map<string, number>();
  if (labels === undefined || labels === null) return map;
  const entries: [unknown, unknown][] = labels instanceof Map ? [...labels.entries()] : Array.isArray(labels) ? (labels as [unknown, unknown][]) : Object.entries(labels as object);
  for (const [text, score] of entries) if (typeof text === 'string' && typeof score === 'number' && Number.isFinite(score)) map.set(normalizeText(text), score);
  return map;
}

/** Words that mark the negative (or neutral) answer of a two-valued outcome. */
const NEGATIVE = /(?:^|[^a-z])(?:no|not|never|none|false|neutral|bad|poor|negative|detractor)(?:$|[^a-z])|\b(?:dis|un|in)(?:satisf|happy|content)|不|没|否|无|差/i;
const POSITIVE = /(?:^|[^a-z])(?:yes|true|satisfied|happy|good|positive|promoter|recommend|agree)(?:$|[^a-z])|^是$|满意|同意|好/i;

/**
 * A two-valued outcome (text such as "satisfied" / "neutral or dissatisfied", yes/no, or 0/1):
 * the binary spec and its announcement, with the positive class told apart by its wording (or 1).
 *
 * @throws InferenceRefusedError when the wording does not say which class is positive.
 */
function binaryOutcome(outcome: Column): { positive: (string | number)[]; note: string } | null {
  const s = outcome.stats;
  if (outcome.kind === 'flag') {
    return {
      positive: [1],
      note: `"${outcome.name}" holds only 0 and 1: taken as a binary (yes/no) outcome with 1 as the positive class (${formatCount(s.values.get(1) ?? 0)} of ${formatCount(s.numbers)}); pass --outcome-type and --positive to change`,
    };
  }
  if (outcome.kind !== 'text' || s.textOverflow || s.textValues.size !== 2 || s.numbers > 0) return null;
  const [a, b] = [...s.textValues.values()] as [{ raw: string; count: number }, { raw: string; count: number }];
  const score = (v: { raw: string }): number => (NEGATIVE.test(v.raw) ? -1 : POSITIVE.test(v.raw) ? 1 : 0);
  const [sa, sb] = [score(a), score(b)];
  const positive = sa > sb ? a : sb > sa ? b : null;
  if (positive === null) {
    throw new InferenceRefusedError(
      'text_outcome',
      `The overall column "${outcome.name}" holds two answers, ${JSON.stringify(a.raw)} (${formatCount(a.count)}) and ${JSON.stringify(b.raw)} (${formatCount(b.count)}), and their wording does not say which is the positive one. ` +
        `Pass --outcome-type binary --positive ${JSON.stringify(a.raw)} (or the other), or score them with --labels.`,
      [a.raw, b.raw],
    );
  }
  const negative = positive === a ? b : a;
  return {
    positive: [positive.raw],
    note: `"${outcome.name}" holds two answers: taken as a binary outcome with ${JSON.stringify(positive.raw)} (${formatCount(positive.count)}) as the positive class and ${JSON.stringify(negative.raw)} (${formatCount(negative.count)}) as the other; pass --positive to change`,
  };
}

/** Names of a likelihood-to-recommend (Net Promoter Score) question. */
const NPS_NAME = /(?:^|[^a-z])(?:nps|ltr|net[ _-]?promoter\w*|recommend\w*|likel\w*[ _-]?to[ _-]?recommend\w*)(?:$|[^a-z])|推荐/i;

/**
 * A Net Promoter Score outcome: a column named as the likelihood-to-recommend question whose
 * whole-number answers lie in 0-10 and reach 9 or 10. Its scale is 0-10 whatever the lowest answer
 * seen (a scale of 1-10 would move the neutral point and the detractors' boundary). Returns the note.
 */
function npsOutcome(outcome: Column): string | null {
  const s = outcome.stats;
  if (outcome.kind !== 'rating' || !NPS_NAME.test(outcome.name) || s.fractions > 0 || s.texts > 0 || s.valuesOverflow || s.values.size === 0) return null;
  // Every value seen (8 and 9 included: elsewhere they may be missing codes, here they are answers).
  const values = [...s.values.keys()];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!(lo >= 0 && hi <= 10 && hi >= 9)) return null;
  return `"${outcome.name}" holds ${lo}-${hi} answers to a likelihood-to-recommend question: taken as a Net Promoter Score outcome on 0-10 (promoters 9-10, passives 7-8, detractors 0-6); pass --outcome-type rating to analyse it as a plain rating`;
}

/** The smallest standard scale holding every rating column of a pool (null when none does). */
function joint(pool: readonly Column[]): Scale | null {
  return smallestScale(Math.min(...pool.map((c) => c.scale?.min ?? Infinity)), Math.max(...pool.map((c) => c.scale?.max ?? -Infinity)));
}

// ---------------------------------------------------------------------------------------------
// The overall column by name

/** 3 exact, 2 prefix, 1 contained, 0 none: how `name` matches `word`. */
function matchType(name: string, word: string): number {
  const cleaned = normalizeText(name).replace(/^(?:q|qn|question|v)?\s*\d+[a-z]?\s*[._:、)\-\s]+/i, '');
  if (/[\u3400-\u9fff]/.test(word)) {
    if (cleaned === word) return 3;
    if (cleaned.startsWith(word)) return 2;
    return cleaned.includes(word) ? 1 : 0;
  }
  const tokens = name
    .normalize('NFKC')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)|(\d)([A-Za-z])/g, (_, a, b, c, d) => (a !== undefined ? `${a} ${b}` : `${c} ${d}`))
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
  while (tokens.length > 1 && /^(?:q|qn|question|v|\d+[a-z]?)$/.test(tokens[0] as string)) tokens.shift();
  const words = word.split(' ');
  const same = (token: string | undefined, w: string): boolean => token !== undefined && (token === w || (w.length >= 6 && token.startsWith(w.slice(0, 6))));
  const at = (start: number): boolean => words.every((w, i) => same(tokens[start + i], w));
  if (at(0)) return tokens.length === words.length ? 3 : 2;
  for (let start = 1; start + words.length <= tokens.length; start++) if (at(start)) return 1;
  return 0;
}

/** Rank of a name: exact/prefix matches above contained ones, then tier, then exact above prefix. */
function outcomeRank(name: string): { rank: number; word: string | null; type: number } {
  let best = { rank: 0, word: null as string | null, type: 0 };
  for (const { word, tier } of OUTCOME_WORDS) {
    const type = matchType(name, word);
    if (type === 0) continue;
    const rank = (type >= 2 ? 100 : 0) + tier * 10 + type + word.length / 1000;
    if (rank > best.rank) best = { rank, word, type };
  }
  return best;
}

function chooseOverall(candidates: readonly Column[]): { name: string; reason: string } {
  const eligible = candidates.filter((c) => c.kind === 'rating' || c.kind === 'text' || c.kind === 'labelled' || c.kind === 'flag' || c.kind === 'not-rating' || c.kind === 'empty');
  const ranked = eligible
    .map((c) => ({ column: c, ...outcomeRank(c.name) }))
    .filter((r) => r.rank > 0)
    .sort((a, b) => b.rank - a.rank);
  const ratings = candidates.filter((c) => c.kind === 'rating' || c.kind === 'labelled').map((c) => c.name);
  const top = ranked[0];
  if (top === undefined) {
    throw new InferenceRefusedError(
      'overall_unnamed',
      `No column name says which is the overall rating (words such as overall, satisfaction, rating, NPS, 总体, 满意度); name it with --overall COL. ` +
        `${ratings.length > 0 ? `Rating columns: ${ratings.map((n) => `"${n}"`).join(', ')}.` : 'No column holds ratings.'}`,
      ratings,
    );
  }
  const tied = ranked.filter((r) => Math.floor(r.rank) === Math.floor(top.rank));
  if (tied.length > 1) {
    const list = tied.map((r) => `"${r.column.name}"`).join(', ');
    const words = [...new Set(tied.map((r) => `"${r.word}"`))].join(' / ');
    throw new InferenceRefusedError(
      'overall_ambiguous',
      `Cannot tell which column is the overall rating: ${list} match ${words} equally well. Name it with --overall COL (e.g. --overall ${JSON.stringify(tied[0]?.column.name)}), ` +
        `or list the touchpoints with --touchpoints and the overall with --overall.`,
      tied.map((r) => r.column.name),
    );
  }
  const others = ranked.slice(1, 4).map((r) => `"${r.column.name}"`);
  const how = top.type === 3 ? 'is' : top.type === 2 ? 'starts with' : 'contains';
  return { name: top.column.name, reason: `chosen by its name, which ${how} "${top.word}"${others.length > 0 ? `; ranked above ${others.join(', ')}` : ''}` };
}

function overallColumn(overall: unknown): string | undefined {
  if (typeof overall === 'string') return overall;
  if (typeof overall === 'object' && overall !== null && typeof (overall as { column?: unknown }).column === 'string') return (overall as { column: string }).column;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The scale

function inferScale(pool: readonly Column[], outcomeSet: LabelSet | null, notes: string[]): Scale {
  const numeric = pool.filter((c) => c.kind !== 'labelled' && c.stats.numbers > 0);
  if (numeric.length === 0 && outcomeSet === null) {
    throw new InferenceRefusedError(
      'no_rating_columns',
      `The rating columns (${pool.map((c) => `"${c.name}"`).join(', ')}) hold no numbers; give the scale with --scale MIN-MAX and map text answers with --labels.`,
      pool.map((c) => c.name),
    );
  }
  let lo = Math.min(...numeric.map((c) => c.stats.lo));
  let hi = Math.max(...numeric.map((c) => c.stats.hi));
  if (outcomeSet !== null) {
    lo = Math.min(lo, 1);
    hi = Math.max(hi, outcomeSet.points.length);
  }
  const merged = emptyStats();
  for (const c of numeric) for (const [v, n] of c.stats.codes) merged.codes.set(v, (merged.codes.get(v) ?? 0) + n);
  if (lo > hi) {
    const keys = [...merged.codes.keys()];
    lo = Math.min(...keys);
    hi = Math.max(...keys);
  } else ({ lo, hi } = codesInside(merged, lo, hi));
  const scale = smallestScale(lo, hi) ?? { min: lo, max: hi };
  const seen = new Map<number, number>();
  for (const c of numeric) for (const [v, n] of c.stats.values) if (v >= scale.min && v <= scale.max) seen.set(v, (seen.get(v) ?? 0) + n);
  if (outcomeSet !== null) {
    for (const c of pool) {
      if (c.labelSet !== outcomeSet) continue;
      for (const [key, v] of c.stats.textValues) seen.set(pointOf(outcomeSet, key), (seen.get(pointOf(outcomeSet, key)) ?? 0) + v.count);
    }
  }

  // Zeros: the lowest answer, or "not applicable" on a 1-based scale?
  if (scale.min === 0 && seen.has(0)) {
    const positive = smallestScale(Math.max(1, Math.min(...[...seen.keys()].filter((v) => v > 0))), hi);
    const withZero = numeric.filter((c) => c.stats.zeros > 0);
    const zeros = withZero.reduce((n, c) => n + c.stats.zeros, 0);
    const partly = withZero.length < numeric.length;
    if (positive !== null && positive.min === 1 && ((scale.max === 5 && partly) || (scale.max === 10 && positive.max <= 7) || scale.max === 100)) {
      const cols = withZero.map((c) => `"${c.name}"`);
      throw new InferenceRefusedError(
        'scale_ambiguous',
        `Is 0 an answer or "not applicable"? ${formatCount(zeros)} cells hold 0 in ${withZero.length} of ${numeric.length} rating columns (${cols.slice(0, 6).join(', ')}${cols.length > 6 ? ', ...' : ''}), ` +
          `and the other answers run ${positive.min}-${positive.max}. If 0 means not applicable, pass --na 0 (or add it to the missing codes: --missing 0); ` +
          `if 0 is the lowest answer, pass --scale ${scale.min}-${scale.max}.`,
        withZero.map((c) => c.name),
      );
    }
  }
  const values = [...seen.keys()].sort((a, b) => a - b);
  // A top value far from the rest (1-5 data and one 7): a longer scale, or a typo?
  const top = values.at(-1);
  const below = values.at(-2);
  if (top !== undefined && below !== undefined && top - below >= 2 && scale.max <= 10) {
    const smaller = smallestScale(scale.min === 0 && seen.has(0) ? 0 : (values[0] as number), below);
    if (smaller !== null && smaller.max < scale.max && (seen.get(top) as number) <= 0.01 * numeric.reduce((n, c) => n + c.stats.numbers, 0)) {
      const where = numeric.filter((c) => c.stats.values.has(top)).map((c) => `"${c.name}"`);
      throw new InferenceRefusedError(
        'scale_ambiguous',
        `Is the scale ${smaller.min}-${smaller.max} or ${scale.min}-${scale.max}? The answers run ${fmt(values[0] as number)} to ${fmt(below)}, then ${formatCount(seen.get(top) as number)} cell${seen.get(top) === 1 ? '' : 's'} hold${seen.get(top) === 1 ? 's' : ''} ${fmt(top)} (in ${where.slice(0, 4).join(', ')}) with nothing between. ` +
          `Pass --scale ${smaller.min}-${smaller.max} (reading then reports each ${fmt(top)} with its row) or --scale ${scale.min}-${scale.max} if ${fmt(top)} is a real answer.`,
        [`${smaller.min}-${smaller.max}`, `${scale.min}-${scale.max}`],
      );
    }
  }
  const shown = values.length <= 12 ? values.map(fmt).join(', ') : `${fmt(values[0] ?? scale.min)} to ${fmt(values.at(-1) ?? scale.max)} (${values.length} distinct)`;
  const gaps = scale.max - scale.min <= 10 ? range(scale.min, scale.max).filter((v) => !seen.has(v) && v > (values[0] ?? 0) && v < (values.at(-1) ?? 0)) : [];
  const outside = [...merged.codes].filter(([v]) => v < scale.min || v > scale.max).sort((a, b) => b[1] - a[1]);
  notes.push(
    `scale: ${scale.min}-${scale.max} (the smallest standard scale holding the values seen: ${shown}${gaps.length > 0 ? `; no ${gaps.map(fmt).join(' or ')} seen` : ''}; set --scale to change)`,
  );
  if (scale.min === 0 && scale.max === 5 && seen.has(0)) {
    notes.push(`0 is taken as the lowest answer; if it means "not applicable", pass --na 0`);
  }
  for (const [v, n] of outside) {
    const where = numeric.filter((c) => c.stats.codes.has(v)).map((c) => `"${c.name}"`);
    notes.push(
      `${formatCount(n)} cell${n === 1 ? '' : 's'} hold${n === 1 ? 's' : ''} ${fmt(v)} (in ${where.slice(0, 4).join(', ')}${where.length > 4 ? ', ...' : ''}), outside ${scale.min}-${scale.max}: it looks like a missing-value code ("don't know"); add it to the missing codes (--missing ${fmt(v)}) or reading reports every such cell`,
    );
  }
  return scale;
}

// ---------------------------------------------------------------------------------------------
// Helpers

function givenSpec(options: InferSpecOptions): Partial<SurveySpec> & { touchpoints?: SurveySpec['touchpoints']; overall?: SurveySpec['overall'] } {
  const spec: Record<string, unknown> = { ...(options.spec ?? {}) };
  if (options.overall !== undefined) spec.overall = options.overall;
  if (options.touchpoints !== undefined) spec.touchpoints = [...options.touchpoints];
  if (options.scale !== undefined) spec.scale = { ...options.scale };
  if (options.missing !== undefined) spec.missing = [...options.missing];
  if (options.labels !== undefined) spec.labels = { ...options.labels };
  if (options.weight !== undefined) spec.weight = options.weight;
  if (options.id !== undefined) spec.id = options.id;
  if (options.segments !== undefined) spec.segments = [...options.segments];
  if (options.notApplicable !== undefined) spec.notApplicable = [...options.notApplicable];
  if (options.outcomeType !== undefined || options.positive !== undefined) {
    const column = overallColumn(spec.overall);
    const base = typeof spec.overall === 'object' && spec.overall !== null ? (spec.overall as Record<string, unknown>) : {};
    // Without the column, the type is applied once the overall column is chosen.
    if (column !== undefined)
      spec.overall = {
        ...base,
        column,
        type: options.outcomeType ?? (options.positive !== undefined ? 'binary' : (base.type ?? 'rating')),
        ...(options.positive !== undefined && { positive: [...options.positive] }),
      };
  }
  return spec as Partial<SurveySpec>;
}

function columnSummary(columns: readonly Column[]): string {
  const kinds = columns.filter((c) => c.note !== null).map((c) => c.note as string);
  return kinds.length > 0 ? `Left out: ${kinds.slice(0, 6).join('; ')}${kinds.length > 6 ? '; ...' : ''}.` : '';
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
}
