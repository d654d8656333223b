/**
 * The Report's zod schema: what `analyze` returns and `peak-end analyze --json` prints. Its JSON
 * Schema (`reportJsonSchema()`) is written to docs/report.schema.json by the build and printed by
 * `peak-end schema`, so other services can validate reports without this library.
 */
import * as z from 'zod';
import type { OlsResult } from '../regression/ols.js';
import type { Report } from '../report/analyze.js';
import type { MissingDataSummary } from '../survey/model-data.js';

// Every number in a Report is finite (zod's z.number() rejects NaN and Infinity, and JSON has
// neither). A statistic that can be undefined on the data is nullable, and its result type says
// `number | null`: the analysis returns null, never NaN.
const num = z.number();
const nullableNumber = z.number().nullable().describe('null where the statistic is undefined on these data (JSON has no NaN or Infinity)');
const warning = z.strictObject({ code: z.string(), message: z.string() });
const warnings = z.array(warning);
/** Rows left out of a model by reason (regressions and importance measures alike). */
const rowsDropped = z.strictObject({ missing: num, zeroWeight: num });
const interval = z.strictObject({ lower: nullableNumber, upper: nullableNumber });
const numberRecord = z.record(z.string(), num);

const touchpoint = z.strictObject({ column: z.string(), label: z.string(), zh: z.string().nullable(), en: z.string().nullable() });

const ingestReport = z.strictObject({
  source: z.enum(['csv', 'rows', 'columns', 'xlsx', 'sav', 'qualtrics', 'surveymonkey']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  decimalComma: z.boolean(),
  rowsRead: num,
  rowsUsed: num,
  rowsDropped: num,
  droppedByReason: z.strictObject({
    invalid_value: num,
    ragged_row: num,
    invalid_weight: num,
    repeated_header: num,
    no_answers: num,
    total_row: num,
    survey_preview: num,
    test_response: num,
    spam: num,
    unfinished: num,
  }),
  blankLines: num,
  columns: z.array(
    z.strictObject({
      column: z.string(),
      role: z.enum(['touchpoint', 'overall', 'weight', 'id', 'segment', 'covariate']),
      missing: num,
      notApplicable: num,
      invalid: num,
      labelled: num,
    }),
  ),
  ignoredColumns: z.array(z.string()),
  straightLining: z.strictObject({ count: num, rows: z.array(num) }),
  warnings,
});

const descriptives = z.strictObject({
  method: z.literal('describe'),
  level: num,
  weighted: z.boolean(),
  items: z.array(
    z.strictObject({
      column: z.string(),
      label: z.string(),
      role: z.enum(['touchpoint', 'overall']),
      n: num,
      missing: num,
      notApplicable: num,
      mean: nullableNumber,
      sampleStandardDeviation: nullableNumber,
      standardError: nullableNumber,
      ciLower: nullableNumber,
      ciUpper: nullableNumber,
      median: nullableNumber,
      counts: z.array(z.strictObject({ value: num, count: num })),
      topTwoBox: nullableNumber,
      topTwoBoxStdError: nullableNumber,
      bottomTwoBox: nullableNumber,
      bottomTwoBoxStdError: nullableNumber,
      nps: z.strictObject({ score: num, promoters: num, passives: num, detractors: num, standardError: num, ciLower: num, ciUpper: num }).optional(),
    }),
  ),
  warnings,
});

const olsCoefficient = z.union([
  z.strictObject({
    name: z.string(),
    estimate: num,
    stdError: num,
    tValue: nullableNumber,
    pValue: nullableNumber,
    ciLower: num,
    ciUpper: num,
    standardized: nullableNumber,
    vif: nullableNumber,
  }),
  z.strictObject({ name: z.string(), aliased: z.literal(true) }),
]);

/** Schema of an `ols` result. */
export const olsResultSchema = z.strictObject({
  method: z.literal('ols'),
  algorithm: z.enum(['qr', 'cholesky']),
  covariance: z.enum(['classical', 'HC0', 'HC1', 'HC2', 'HC3']),
  level: num,
  n: num,
  rowsDropped: z.strictObject({ missing: num, zeroWeight: num }),
  coefficients: z.array(olsCoefficient),
  rank: num,
  rSquared: num,
  adjustedRSquared: num,
  fStatistic: nullableNumber,
  fPValue: nullableNumber,
  dfModel: num,
  dfResidual: num,
  residualStdError: num,
  logLik: nullableNumber,
  aic: nullableNumber,
  bic: nullableNumber,
  conditionNumber: num,
  warnings,
  residuals: z.array(num).optional(),
  fitted: z.array(num).optional(),
});

const pairedT = z.strictObject({
  method: z.literal('paired-t'),
  n: num,
  meanDifference: num,
  standardError: num,
  tValue: num,
  df: num,
  pValue: num,
  level: num,
  ciLower: num,
  ciUpper: num,
});
const wilcoxon = z.strictObject({ method: z.literal('wilcoxon-signed-rank'), n: num, zeros: num, statistic: num, pValue: num, exact: z.boolean() });
const accuracy = { n: num, meanAbsoluteError: num, rootMeanSquaredError: num, meanBias: num, correlation: nullableNumber };
const binaryAccuracy = { n: num, events: num, logLoss: num, brierScore: num, auc: nullableNumber };
const moment = z.strictObject({ touchpoint: z.string(), mean: num, kind: z.enum(['most-intense', 'max', 'min', 'positive', 'negative', 'end']) });
const peakRule = z.enum(['most-intense', 'max', 'min', 'both']);

const gestaltFeature = z.enum(['peak', 'peakHigh', 'trough', 'beginning', 'end', 'mean', 'trend', 'variability']);
const gestaltModelName = z.enum(['mean', 'peak-end', 'mean+peak-end', 'gestalt']);
const gestaltWaldCoefficient = z.strictObject({ name: z.string(), estimate: num, stdError: num, zValue: num, pValue: num, ciLower: num, ciUpper: num });
const likelihoodRatioTest = z.strictObject({ from: gestaltModelName, to: gestaltModelName, statistic: num, df: num, pValue: num });
const gestaltResult = z.strictObject({
  method: z.literal('gestalt'),
  outcome: z.enum(['rating', 'binary']),
  rule: z.enum(['most-intense', 'max', 'min', 'both']),
  weight: num,
  level: num,
  weighted: z.boolean(),
  n: num,
  excluded: num,
  folds: num,
  seed: num,
  models: z.array(
    z.strictObject({
      name: gestaltModelName,
      terms: z.array(gestaltFeature),
      n: num,
      coefficients: z.array(olsCoefficient),
      rSquared: num,
      adjustedRSquared: num,
      residualStdError: num,
      dfResidual: num,
      logLik: nullableNumber,
      aic: nullableNumber,
      bic: nullableNumber,
      crossValidatedRmse: nullableNumber,
    }),
  ),
  nestedTests: z.array(z.strictObject({ from: gestaltModelName, to: gestaltModelName, fStatistic: nullableNumber, df1: num, df2: num, pValue: nullableNumber })),
  dependentCorrelation: z
    .strictObject({
      method: z.literal('williams-t'),
      n: num,
      rPeakEnd: num,
      rMean: num,
      rBetween: num,
      difference: num,
      tValue: num,
      df: num,
      pValue: num,
      level: num,
      ciLower: num,
      ciUpper: num,
    })
    .nullable(),
  importance: z.partialRecord(gestaltFeature, num).nullable(),
  importanceMethod: z.enum(['lmg', 'pseudo-r-squared-shapley']),
  logistic: z
    .strictObject({
      method: z.literal('logistic'),
      events: num,
      models: z.array(
        z.strictObject({
          name: gestaltModelName,
          terms: z.array(gestaltFeature),
          n: num,
          coefficients: z.array(gestaltWaldCoefficient),
          logLik: num,
          aic: num,
          bic: num,
          deviance: num,
          mcFaddenRSquared: num,
          crossValidatedLogLoss: nullableNumber,
        }),
      ),
      likelihoodRatioTests: z.array(likelihoodRatioTest),
      overallTest: z.strictObject({ statistic: num, df: num, pValue: num }),
    })
    .nullable(),
  ordinal: z
    .strictObject({
      method: z.literal('ordinal-logit'),
      models: z.array(
        z.strictObject({
          name: gestaltModelName,
          terms: z.array(gestaltFeature),
          n: num,
          thresholds: z.array(z.strictObject({ name: z.string(), estimate: num, stdError: num })),
          coefficients: z.array(gestaltWaldCoefficient),
          logLik: num,
          aic: num,
          bic: num,
          mcFaddenRSquared: num,
          converged: z.boolean(),
        }),
      ),
      likelihoodRatioTests: z.array(likelihoodRatioTest),
    })
    .nullable(),
  verdict: z.strictObject({
    code: z.enum(['peak-end-beyond-mean', 'both-contribute', 'mean-suffices', 'indistinguishable', 'no-relation']),
    basis: z.enum(['ols', 'logistic']),
    alpha: num,
    peakEndAddsPValue: nullableNumber,
    meanAddsPValue: nullableNumber,
    otherFeaturesPValue: nullableNumber,
    otherFeaturesAdd: z.boolean(),
    correlation: z.enum(['peak-end-higher', 'mean-higher', 'no-difference']).nullable(),
    strongestFeature: gestaltFeature.nullable(),
  }),
  warnings,
});

const waldCoefficient = z.strictObject({ name: z.string(), estimate: num, stdError: num, zValue: num, pValue: num, ciLower: num, ciUpper: num });
const convergence = z.strictObject({ converged: z.boolean(), iterations: num, maxGradient: num, conditionNumber: num });
const likelihoodRatio = z.strictObject({ statistic: num, df: num, pValue: num });
const logisticResult = z.strictObject({
  method: z.literal('logistic'),
  n: num,
  rowsDropped,
  positive: num,
  coefficients: z.array(waldCoefficient),
  logLik: num,
  nullLogLik: num,
  deviance: num,
  nullDeviance: num,
  aic: num,
  bic: num,
  likelihoodRatio,
  mcFaddenRSquared: num,
  convergence,
  warnings,
});

const peakEndResult = z.strictObject({
  method: z.literal('peak-end'),
  outcome: z.enum(['rating', 'binary']),
  rule: peakRule,
  weight: num,
  level: num,
  aggregate: z.strictObject({
    method: z.literal('peak-end-aggregate'),
    rule: peakRule,
    weight: num,
    peak: moment,
    peaks: z.array(moment),
    end: moment,
    prediction: num,
    observed: num,
    gap: nullableNumber,
    warnings,
    n: num,
    allAnswers: z.strictObject({ prediction: num, observed: num, gap: nullableNumber }),
    gapTest: pairedT.nullable(),
  }),
  respondents: z.strictObject({
    n: num,
    excluded: num,
    ambiguousPeaks: num,
    partialJourneys: num,
    earlierEnd: num,
    accuracy: z.union([z.strictObject(accuracy), z.strictObject(binaryAccuracy)]),
    predictions: z.array(nullableNumber).optional(),
  }),
  comparison: z
    .strictObject({
      n: num,
      folds: num,
      seed: num,
      models: z.array(
        z.union([
          z.strictObject({ model: z.enum(['peak-end', 'mean', 'end', 'peak', 'min', 'max', 'first', 'regression']), ...accuracy }),
          z.strictObject({ model: z.enum(['peak-end', 'mean', 'end', 'peak', 'min', 'max', 'first', 'regression']), ...binaryAccuracy }),
        ]),
      ),
      wilcoxon: wilcoxon.nullable(),
      pairedT: pairedT.nullable(),
      verdict: z.strictObject({
        code: z.enum(['peak-end-better', 'peak-end-worse', 'no-clear-difference', 'identical']),
        measure: z.enum(['mean-absolute-error', 'log-loss']),
        peakEnd: nullableNumber,
        mean: nullableNumber,
        pValue: nullableNumber,
        alpha: num,
        n: num,
      }),
    })
    .nullable(),
  regression: z.union([olsResultSchema, logisticResult]).nullable(),
  gestalt: gestaltResult.nullable(),
  warnings,
});

const importanceMethod = z.enum(['lmg', 'pratt', 'first', 'last', 'betasq', 'johnson', 'dominance']);
const relativeImportanceResult = z.strictObject({
  method: importanceMethod,
  rSquared: num,
  /** R-squared of the adjustment covariates alone (keyDrivers `controls`; relaimpo's `always`). */
  rSquaredAlways: num.optional(),
  importance: numberRecord,
  standardErrors: numberRecord.optional(),
  dominance: z
    .strictObject({
      conditional: z.array(z.strictObject({ predictor: z.string(), bySubsetSize: z.array(num) })),
      complete: z.array(z.strictObject({ predictor: z.string(), dominates: z.array(z.string()) })),
    })
    .optional(),
  n: num,
  rowsDropped,
  warnings,
});

const pseudoRSquaredShapleyResult = z.strictObject({
  method: z.literal('pseudo-r-squared-shapley'),
  measure: z.enum(['mcfadden', 'estrella', 'nagelkerke', 'cox-snell']),
  exact: z.boolean(),
  rSquared: num,
  importance: numberRecord,
  standardErrors: numberRecord.optional(),
  sampling: z.strictObject({ permutations: num, seed: num }).optional(),
  logLik: num,
  nullLogLik: num,
  fits: num,
  positive: num,
  n: num,
  rowsDropped,
  warnings,
});

const bootstrapResult = z.strictObject({
  method: z.literal('bootstrap'),
  measure: importanceMethod,
  replicates: num,
  failedReplicates: num,
  seed: num,
  level: num,
  n: num,
  rSquared: num,
  estimates: z.array(
    z.strictObject({
      name: z.string(),
      estimate: num,
      standardError: num,
      percentile: interval,
      bca: interval,
      rank: num,
      rankInterval: interval,
      shareRankedFirst: num,
    }),
  ),
  warnings,
});

const quadrant = z.enum(['concentrate here', 'keep up the good work', 'low priority', 'possible overkill']);
const factorType = z.enum(['basic', 'performance', 'excitement', 'insufficient data']);

const ordinalResult = z.strictObject({
  method: z.enum(['ordinal-logit', 'ordinal-probit']),
  link: z.enum(['logit', 'probit']),
  n: num,
  rowsDropped,
  categories: z.array(z.strictObject({ value: num, count: num })),
  emptyCategories: z.array(num),
  thresholds: z.array(z.strictObject({ name: z.string(), estimate: num, stdError: num })),
  coefficients: z.array(waldCoefficient),
  logLik: num,
  nullLogLik: num,
  aic: num,
  bic: num,
  likelihoodRatio,
  mcFaddenRSquared: num,
  nagelkerkeRSquared: num,
  convergence,
  warnings,
});
/** Schema of the account of `modelData` (survey/model-data.ts) that survey-level analyses report. */
export const missingDataSummarySchema = z.strictObject({
  method: z.enum(['complete-cases', 'dummy-adjustment']),
  rowsAvailable: num,
  n: num,
  rowsDropped: z.strictObject({ missing: num, notApplicable: num, invalidWeight: num, zeroWeight: num }),
  indicators: z.array(z.strictObject({ column: z.string(), indicator: z.string(), fill: num, missing: num, notApplicable: num })),
});

const keyDriversResult = z.strictObject({
  method: z.literal('key-drivers'),
  outcome: z.enum(['rating', 'binary', 'promoter']),
  model: z.enum(['ols', 'ordinal', 'logistic']),
  modelFit: z.union([ordinalResult, logisticResult]).nullable(),
  alpha: num,
  highPerformance: num,
  highPerformanceRule: z.enum(['scale', 'means', 'fixed']),
  minImportanceShare: num,
  n: num,
  missingData: missingDataSummarySchema,
  regression: olsResultSchema,
  importance: z.union([relativeImportanceResult, pseudoRSquaredShapleyResult]),
  stageImportance: z.union([relativeImportanceResult, pseudoRSquaredShapleyResult]).nullable(),
  bootstrap: bootstrapResult.nullable(),
  ipa: z.strictObject({
    method: z.literal('ipa'),
    crosshair: z.strictObject({ kind: z.enum(['means', 'scale', 'fixed']), performance: num, importance: num }),
    points: z.array(z.strictObject({ touchpoint: z.string(), performance: num, importance: num, quadrant })),
  }),
  penaltyReward: z
    .strictObject({
      method: z.literal('penalty-reward'),
      lowAtMost: num,
      highAtLeast: num,
      boxRule: z.enum(['given', 'bottom-two-top-box', 'fifths']),
      asymmetryThreshold: num,
      minCellSize: num,
      factors: z.array(
        z.strictObject({
          touchpoint: z.string(),
          label: z.string(),
          lowAtMost: num,
          highAtLeast: num,
          boxRule: z.enum(['given', 'bottom-two-top-box', 'fifths']),
          lowShare: num,
          highShare: num,
          lowCount: num,
          middleCount: num,
          highCount: num,
          penalty: nullableNumber,
          penaltyStdError: nullableNumber,
          penaltyPValue: nullableNumber,
          reward: nullableNumber,
          rewardStdError: nullableNumber,
          rewardPValue: nullableNumber,
          rangeOfImpact: nullableNumber,
          impactAsymmetry: nullableNumber,
          factor: factorType.nullable(),
        }),
      ),
      regression: olsResultSchema,
      warnings,
    })
    .nullable(),
  touchpoints: z.array(
    z.strictObject({
      touchpoint: z.string(),
      label: z.string(),
      zh: z.string().nullable(),
      en: z.string().nullable(),
      performance: num,
      estimate: nullableNumber,
      stdError: nullableNumber,
      pValue: nullableNumber,
      significant: z.boolean(),
      importance: num,
      signedImportance: num,
      importanceShare: num,
      relevant: z.boolean(),
      importanceRank: num,
      quadrant,
      penaltyRewardFactor: factorType.nullable(),
      flags: z.strictObject({ peak: z.boolean(), end: z.boolean(), keyMoment: z.boolean(), painPoint: z.boolean(), hygiene: z.boolean() }),
    }),
  ),
  warnings,
});

const segmentComparison = z.strictObject({
  method: z.literal('compare-segments'),
  segment: z.string(),
  model: z.enum(['ols', 'logistic']),
  unassigned: num,
  weighted: z.boolean(),
  meansTest: z.enum(['welch', 'design-based']),
  groups: z.array(
    z.strictObject({
      value: z.string(),
      n: num,
      nModel: num,
      means: z.array(
        z.strictObject({
          column: z.string(),
          mean: nullableNumber,
          complement: nullableNumber,
          pValue: nullableNumber,
          topTwoBox: nullableNumber,
          topTwoBoxComplement: nullableNumber,
          topTwoBoxPValue: nullableNumber,
        }),
      ),
      drivers: z.array(z.strictObject({ touchpoint: z.string(), difference: nullableNumber, stdError: nullableNumber, pValue: nullableNumber, pAdjusted: nullableNumber })),
      peakEnd: z.strictObject({ peak: z.string(), end: z.string(), prediction: num, observed: num, gap: num }).nullable(),
    }),
  ),
  warnings,
});

/** How the survey's weights were calibrated (present when the survey was raked). */
const calibrationSummary = z.strictObject({
  method: z.literal('raking'),
  margins: z.array(z.strictObject({ column: z.string(), levels: z.array(z.string()) })),
  iterations: num,
  converged: z.boolean(),
  maxDeviation: num,
  trimmed: num,
});

/** Schema of the Report returned by `analyze`. */
export const reportSchema = z.strictObject({
  method: z.literal('analyze'),
  schemaVersion: z.literal(2),
  generator: z.strictObject({ name: z.literal('peak-end'), version: z.string() }),
  survey: z.strictObject({
    touchpoints: z.array(touchpoint),
    overall: z.string(),
    scale: z.strictObject({ min: num, max: num, neutral: num, integer: z.boolean() }),
    n: num,
  }),
  ingest: ingestReport,
  descriptives,
  peakEnd: peakEndResult.nullable(),
  keyDrivers: keyDriversResult.nullable(),
  /** Each segment column against its complement, one result per column (present when segments were compared). */
  segments: z.array(segmentComparison).optional(),
  /** The raking that produced the survey's weights (present when the survey was raked). */
  calibration: calibrationSummary.optional(),
  /** Every warning of every part, tagged with the part it came from. */
  warnings: z.array(
    z.strictObject({
      source: z.enum(['ingest', 'descriptives', 'peak-end', 'key-drivers', 'segments']),
      code: z
        .string()
        .describe(
          "A WarningCode of the part; or 'peak_end_skipped', 'key_drivers_skipped', 'segments_skipped' (the part could not run and is null), 'segment_not_compared', or 'non_finite_number': a part returned NaN or Infinity, which JSON cannot hold, at the field the message names; the Report gives null there.",
        ),
      message: z.string(),
    }),
  ),
});

export type { Report } from '../report/analyze.js';

// ---------------------------------------------------------------------------------------------
// One source for each type: the analyses' TypeScript interfaces. The schemas above describe the
// same data for validation and the JSON Schema; these compile-time checks fail when the two
// drift apart (a field added to a result but not to its schema, or the other way round), naming
// the field, so a merge that changes one without the other does not typecheck.

type Leaf = string | number | boolean | bigint | symbol | null | undefined;

/** Every field path of T, e.g. `keyDrivers.touchpoints[].pValue`; `?` marks an optional field. */
export type FieldPaths<T, Prefix extends string = ''> = T extends Leaf
  ? never
  : T extends readonly (infer Item)[]
    ? FieldPaths<Item, `${Prefix}[]`>
    : { [K in keyof T & string]-?: `${Dot<Prefix, K>}${Partial<Pick<T, K>> extends Pick<T, K> ? '?' : ''}` | FieldPaths<T[K], Dot<Prefix, K>> }[keyof T & string];
type Dot<Prefix extends string, Key extends string> = Prefix extends '' ? Key : `${Prefix}.${Key}`;

/** Fields of the result type that the schema lacks, and fields of the schema that the result type lacks. */
export type Drift<Result, Schema extends z.ZodType> = {
  readonly missingFromSchema: Exclude<FieldPaths<Result>, FieldPaths<z.output<Schema>>>;
  readonly missingFromResult: Exclude<FieldPaths<z.output<Schema>>, FieldPaths<Result>>;
};

type DeepReadonly<T> = T extends Leaf ? T : T extends readonly (infer Item)[] ? readonly DeepReadonly<Item>[] : { readonly [K in keyof T]: DeepReadonly<T[K]> };

/**
 * Compiles only when the schema and the result type have the same fields (same optionality) and
 * every value of the result type is one the schema accepts. The schema may be wider in value
 * types only where it says so (warning codes are strings, so consumers accept new codes).
 */
export type Agrees<Result extends DeepReadonly<z.output<Schema>>, Schema extends z.ZodType, Fields extends { missingFromSchema: never; missingFromResult: never }> = [Result, Schema, Fields];

/** The checks themselves (compile time only; exported so that nothing flags them unused, not part of the API). */
export type SchemasAgreeWithResultTypes = [
  Agrees<Report, typeof reportSchema, Drift<Report, typeof reportSchema>>,
  Agrees<OlsResult, typeof olsResultSchema, Drift<OlsResult, typeof olsResultSchema>>,
  Agrees<MissingDataSummary, typeof missingDataSummarySchema, Drift<MissingDataSummary, typeof missingDataSummarySchema>>,
];

/** The Report's JSON Schema (draft 2020-12). */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://github.com/peak-end/peak-end/docs/report.schema.json',
    title: 'peak-end Report',
    description:
      'The result of analyze(): ingest account, descriptives, peak-end analysis and key drivers of a customer-experience survey. Every number is finite; a statistic undefined on the data is null where the field allows null. A non-finite number returned by an analysis is given as null with a non_finite_number warning naming the field.',
    ...z.toJSONSchema(reportSchema),
  };
}
