// src/errors.ts
var PeakEndError = class extends Error {
  code;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
};
var InvalidArgumentError = class extends PeakEndError {
  constructor(message, options = {}) {
    super("invalid_argument", message, options);
  }
};
var InsufficientDataError = class extends PeakEndError {
  constructor(message, options = {}) {
    super("insufficient_data", message, options);
  }
};
var RankDeficientError = class extends PeakEndError {
  columns;
  constructor(message, columns2, options = {}) {
    super("rank_deficient", message, options);
    this.columns = columns2;
  }
};

// src/linalg/gram-wasm.ts
var GRAM_WASM_BASE64 = "AGFzbQEAAAABCgFgBn9/f39/fwADAgEABQMBAAEHEQIGbWVtb3J5AgAEZ3JhbQAACr0FAboFAgx/D3sgBUEDdCEKIARBA3QhCUEAIQYCQANAIAYgAk4NASAAIAYgCmxqIQsgCyAKaiEMIAwgCmohDSAGIQcCQANAIAcgAk4NASAAIAcgCmxqIQ4gDiAKaiEPIA8gCmohEP0MAAAAAAAAAAAAAAAAAAAAACEY/QwAAAAAAAAAAAAAAAAAAAAAIRn9DAAAAAAAAAAAAAAAAAAAAAAhGv0MAAAAAAAAAAAAAAAAAAAAACEb/QwAAAAAAAAAAAAAAAAAAAAAIRz9DAAAAAAAAAAAAAAAAAAAAAAhHf0MAAAAAAAAAAAAAAAAAAAAACEe/QwAAAAAAAAAAAAAAAAAAAAAIR/9DAAAAAAAAAAAAAAAAAAAAAAhIEEAIQgCQANAIAggCU4NASALIAhq/QAEACESIAwgCGr9AAQAIRMgDSAIav0ABAAhFCAOIAhq/QAEACEVIA8gCGr9AAQAIRYgECAIav0ABAAhFyAYIBIgFf3yAf3wASEYIBkgEiAW/fIB/fABIRkgGiASIBf98gH98AEhGiAbIBMgFf3yAf3wASEbIBwgEyAW/fIB/fABIRwgHSATIBf98gH98AEhHSAeIBQgFf3yAf3wASEeIB8gFCAW/fIB/fABIR8gICAUIBf98gH98AEhICAIQRBqIQgMAAsLIAEgBiADbCAHakEDdGohESARIBj9IQAgGP0hAaA5AwAgESAZ/SEAIBn9IQGgOQMIIBEgGv0hACAa/SEBoDkDECARIANBA3RqIREgESAb/SEAIBv9IQGgOQMAIBEgHP0hACAc/SEBoDkDCCARIB39IQAgHf0hAaA5AxAgESADQQN0aiERIBEgHv0hACAe/SEBoDkDACARIB/9IQAgH/0hAaA5AwggESAg/SEAICD9IQGgOQMQIAdBA2ohBwwACwsgBkEDaiEGDAALCws=";

// src/linalg/cross-product.ts
var BLOCK = 256;
function blockGram(q) {
  const padded = Math.ceil(q / 3) * 3;
  const kernel = wasmKernel(padded);
  if (kernel === null) {
    const z4 = new Float64Array(padded * BLOCK);
    const tiles2 = new Float64Array(padded * padded);
    return { z: z4, tiles: tiles2, padded, gram: (length) => gram(z4, tiles2, q, padded, length) };
  }
  const { z: z3, tiles } = kernel;
  return {
    z: z3,
    tiles,
    padded,
    gram: (length) => {
      if (length % 2 === 1) for (let j = 0; j < q; j++) z3[j * BLOCK + length] = 0;
      kernel.gram(q, length + length % 2);
    }
  };
}
var wasmModule;
function wasmKernel(padded) {
  if (wasmModule === void 0) {
    try {
      const bytes = Uint8Array.from(atob(GRAM_WASM_BASE64), (c) => c.charCodeAt(0));
      wasmModule = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      wasmModule = null;
    }
  }
  if (wasmModule === null) return null;
  const exports = new WebAssembly.Instance(wasmModule, {}).exports;
  const zBytes = padded * BLOCK * 8;
  const needed = zBytes + padded * padded * 8;
  const pages = Math.ceil(needed / 65536) - exports.memory.buffer.byteLength / 65536;
  if (pages > 0) exports.memory.grow(pages);
  return {
    z: new Float64Array(exports.memory.buffer, 0, padded * BLOCK),
    tiles: new Float64Array(exports.memory.buffer, zBytes, padded * padded),
    gram: (q, length) => exports.gram(0, zBytes, q, padded, length, BLOCK)
  };
}
function gram(z3, out, q, padded, length) {
  for (let a = 0; a < q; a += 3) {
    const a0 = a * BLOCK;
    const a1 = a0 + BLOCK;
    const a2 = a1 + BLOCK;
    let d00 = 0;
    let d01 = 0;
    let d02 = 0;
    let d11 = 0;
    let d12 = 0;
    let d22 = 0;
    for (let i = 0; i < length; i++) {
      const u0 = z3[a0 + i];
      const u1 = z3[a1 + i];
      const u2 = z3[a2 + i];
      d00 += u0 * u0;
      d01 += u0 * u1;
      d02 += u0 * u2;
      d11 += u1 * u1;
      d12 += u1 * u2;
      d22 += u2 * u2;
    }
    const diagonal = a * padded + a;
    out[diagonal] = d00;
    out[diagonal + 1] = d01;
    out[diagonal + 2] = d02;
    out[diagonal + padded + 1] = d11;
    out[diagonal + padded + 2] = d12;
    out[diagonal + 2 * padded + 2] = d22;
    for (let b = a + 3; b < q; b += 3) {
      const b0 = b * BLOCK;
      const b1 = b0 + BLOCK;
      const b2 = b1 + BLOCK;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s20 = 0;
      let s21 = 0;
      let s22 = 0;
      for (let i = 0; i < length; i++) {
        const u0 = z3[a0 + i];
        const u1 = z3[a1 + i];
        const u2 = z3[a2 + i];
        const v0 = z3[b0 + i];
        const v1 = z3[b1 + i];
        const v2 = z3[b2 + i];
        s00 += u0 * v0;
        s01 += u0 * v1;
        s02 += u0 * v2;
        s10 += u1 * v0;
        s11 += u1 * v1;
        s12 += u1 * v2;
        s20 += u2 * v0;
        s21 += u2 * v1;
        s22 += u2 * v2;
      }
      const o0 = a * padded + b;
      const o1 = o0 + padded;
      const o2 = o1 + padded;
      out[o0] = s00;
      out[o0 + 1] = s01;
      out[o0 + 2] = s02;
      out[o1] = s10;
      out[o1 + 1] = s11;
      out[o1 + 2] = s12;
      out[o2] = s20;
      out[o2 + 1] = s21;
      out[o2 + 2] = s22;
    }
  }
}

// src/linalg/correlation.ts
var CONSTANT_TOLERANCE = 1e-14;
function correlationMatrix(columns2, weights) {
  const k = columns2.length;
  const n = columns2[0]?.length ?? 0;
  let sumW = n;
  if (weights !== void 0) {
    sumW = 0;
    for (let i = 0; i < n; i++) sumW += weights[i];
  }
  const means = new Float64Array(k);
  const spreads = new Float64Array(k);
  const maxima = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const c = columns2[a];
    let maxAbs = 0;
    for (let i = 0; i < n; i++) {
      const v = Math.abs(c[i]);
      if (v > maxAbs) maxAbs = v;
    }
    maxima[a] = maxAbs;
    if (maxAbs === 0) continue;
    let mean = 0;
    if (weights === void 0) for (let i = 0; i < n; i++) mean += c[i] / maxAbs;
    else for (let i = 0; i < n; i++) mean += weights[i] * (c[i] / maxAbs);
    mean = mean / sumW * maxAbs;
    means[a] = mean;
    let spread = 0;
    for (let i = 0; i < n; i++) {
      const v = Math.abs(c[i] - mean);
      if (v > spread && (weights === void 0 || weights[i] > 0)) spread = v;
    }
    spreads[a] = spread;
  }
  const kernel = blockGram(k);
  const { z: z3, tiles, padded } = kernel;
  const scale = spreads.map((s) => s > 0 ? 1 / s : 0);
  const cross = new Float64Array(k * k);
  for (let start = 0; start < n; start += BLOCK) {
    const length = Math.min(BLOCK, n - start);
    for (let a = 0; a < k; a++) {
      const c = columns2[a];
      const mean = means[a];
      const f = scale[a];
      const at = a * BLOCK - start;
      if (weights === void 0) for (let i = start; i < start + length; i++) z3[at + i] = (c[i] - mean) * f;
      else for (let i = start; i < start + length; i++) z3[at + i] = (c[i] - mean) * f * Math.sqrt(weights[i]);
    }
    kernel.gram(length);
    for (let a = 0; a < k; a++) for (let b = a; b < k; b++) cross[a * k + b] = cross[a * k + b] + tiles[a * padded + b];
  }
  const sd = new Float64Array(k);
  const constant = [];
  for (let a = 0; a < k; a++) {
    const ss = cross[a * k + a];
    sd[a] = Math.sqrt(ss);
    const maxAbs = maxima[a];
    constant.push(!(maxAbs > 0 && spreads[a] / maxAbs * Math.sqrt(ss / sumW) > CONSTANT_TOLERANCE));
  }
  const out = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const r = constant[a] || constant[b] ? Number.NaN : a === b ? 1 : cross[a * k + b] / (sd[a] * sd[b]);
      out[a * k + b] = r;
      out[b * k + a] = r;
    }
  }
  return out;
}

// src/importance/relative-importance.ts
function importanceData(X2, y2, options = {}) {
  if (X2.length !== y2.length) throw new InvalidArgumentError(`relativeImportance needs one row of X per value of y, got ${X2.length} and ${y2.length}.`);
  const k = X2[0]?.length ?? options.names?.length ?? 0;
  const names = options.names ? [...options.names] : Array.from({ length: k }, (_, j) => `x${j + 1}`);
  if (names.length !== k) throw new InvalidArgumentError(`names has ${names.length} entries but X has ${k} columns.`);
  if (new Set(names).size !== names.length) throw new InvalidArgumentError("Predictor names must be unique.");
  if (k === 0) throw new InvalidArgumentError("relativeImportance needs at least one predictor.");
  const columns2 = Array.from({ length: k + 1 }, () => []);
  const w = [];
  let dropped = 0;
  for (let i = 0; i < y2.length; i++) {
    const row = X2[i];
    if (row.length !== k) throw new InvalidArgumentError(`Row ${i + 1} of X has ${row.length} values; row 1 has ${k}.`);
    const weight = options.weights === void 0 ? 1 : options.weights[i];
    const values = [...row, y2[i]];
    if (values.some((v) => typeof v === "number" && !Number.isNaN(v) && !Number.isFinite(v)) || typeof weight === "number" && !Number.isFinite(weight)) {
      throw new InvalidArgumentError(`Row ${i + 1} has an infinite value; use NaN or null for missing values.`);
    }
    if (typeof weight === "number" && weight < 0) throw new InvalidArgumentError(`Weight ${weight} in row ${i + 1} is negative; weights must be >= 0.`);
    if (values.some((v) => typeof v !== "number" || Number.isNaN(v)) || typeof weight !== "number" || Number.isNaN(weight) || weight === 0) {
      dropped++;
      continue;
    }
    values.forEach((v, j) => columns2[j].push(v));
    w.push(weight);
  }
  const n = w.length;
  if (n < k + 2) {
    throw new InsufficientDataError(`relativeImportance requires at least ${k + 2} complete rows for ${k} predictors, got ${n}${dropped > 0 ? ` (${dropped} rows dropped for missing values or zero weight)` : ""}.`);
  }
  const corr = correlationMatrix(columns2, options.weights === void 0 ? void 0 : w);
  const constant = [...names, "the outcome"].filter((_, j) => !Number.isFinite(corr[j * (k + 1) + j]));
  if (constant.length > 0) {
    throw new RankDeficientError(`${constant.join(", ")} ${constant.length === 1 ? "is" : "are"} constant on the complete cases; relative importance needs variation in every predictor and the outcome.`, constant);
  }
  return { names, corr, n, rowsDropped: dropped, columns: columns2.map((c) => Float64Array.from(c)), weights: Float64Array.from(w), weighted: options.weights !== void 0 };
}

// dist/chunk-L5GWG5WN.js
import { z } from "zod";
import { parse } from "csv-parse/sync";
import { mean as ssMean, median as ssMedian, sampleStandardDeviation } from "simple-statistics";
import erfc from "@stdlib/math-base-special-erfc";
import erfcinv from "@stdlib/math-base-special-erfcinv";
import betainc from "@stdlib/math-base-special-betainc";
import betaln from "@stdlib/math-base-special-betaln";
import gammainc from "@stdlib/math-base-special-gammainc";
import gammaln from "@stdlib/math-base-special-gammaln";
import log1pmx from "@stdlib/math-base-special-log1pmx";
import betainc2 from "@stdlib/math-base-special-betainc";
import betaln2 from "@stdlib/math-base-special-betaln";
import tQuantileStdlib from "@stdlib/stats-base-dists-t-quantile";
import betaln3 from "@stdlib/math-base-special-betaln";
import fQuantileStdlib from "@stdlib/stats-base-dists-f-quantile";
import gammaln2 from "@stdlib/math-base-special-gammaln";
import chisquareQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
import { z as z2 } from "zod";
var nonEmptyName = z.string().trim().min(1, "must be a non-empty column name");
var touchpointSchema = z.union([
  nonEmptyName,
  z.strictObject({
    column: nonEmptyName,
    label: z.string().optional(),
    zh: z.string().optional(),
    en: z.string().optional()
  })
]);
var scaleSchema = z.strictObject({
  min: z.number().finite(),
  max: z.number().finite(),
  neutral: z.number().finite().optional(),
  /** Whether answers must be whole numbers (true for Likert scales). */
  integer: z.boolean().optional()
}).refine((s) => s.min < s.max, { message: "scale.min must be below scale.max" }).refine((s) => s.neutral === void 0 || s.neutral >= s.min && s.neutral <= s.max, {
  message: "scale.neutral must lie between scale.min and scale.max"
});
var labelsSchema = z.unknown().transform((value2, ctx) => {
  const entries = Array.isArray(value2) ? value2.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === "string") ? value2 : null : typeof value2 === "object" && value2 !== null ? Object.entries(value2) : null;
  if (entries === null) {
    ctx.addIssue({ code: "custom", message: 'labels must be an object { "text answer": score } or an array of [text, score] pairs' });
    return z.NEVER;
  }
  const map = /* @__PURE__ */ new Map();
  for (const [text, score] of entries) {
    if (typeof score !== "number" || !Number.isFinite(score)) {
      ctx.addIssue({ code: "custom", message: `labels: the score for ${JSON.stringify(text)} must be a finite number` });
      continue;
    }
    map.set(normalizeText(text), score);
  }
  return map;
});
var surveySpecSchema = z.strictObject({
  /** Touchpoint columns in journey order. */
  touchpoints: z.array(touchpointSchema).min(1, "list at least one touchpoint column"),
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
  invalid: z.enum(["error", "missing", "drop-row"]).optional()
});
function normalizeText(text) {
  return text.normalize("NFKC").trim().toLowerCase();
}
var UNREAD = Number.POSITIVE_INFINITY;
function createRng(seed) {
  let state = Math.trunc(seed) >>> 0;
  const high = Math.floor(Math.trunc(seed) / 2 ** 32) >>> 0;
  const splitmix = () => {
    state = state + 2654435769 >>> 0;
    let z3 = state ^ high;
    z3 = Math.imul(z3 ^ z3 >>> 16, 2246822507) >>> 0;
    z3 = Math.imul(z3 ^ z3 >>> 13, 3266489909) >>> 0;
    return (z3 ^ z3 >>> 16) >>> 0;
  };
  return fromState([splitmix(), splitmix(), splitmix(), splitmix()]);
}
function fromState(initial) {
  const s = Uint32Array.from(initial);
  if (initial.every((v) => v === 0)) s[0] = 1;
  const nextUint32 = () => {
    const s0 = s[0];
    const s1 = s[1];
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = s1 << 9 >>> 0;
    s[2] = s[2] ^ s0;
    s[3] = s[3] ^ s1;
    s[1] = s1 ^ s[2];
    s[0] = s0 ^ s[3];
    s[2] = s[2] ^ t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  return {
    nextUint32,
    next: () => nextUint32() / 2 ** 32,
    int(n) {
      const limit = 2 ** 32 - 2 ** 32 % n;
      for (; ; ) {
        const v = nextUint32();
        if (v < limit) return v % n;
      }
    },
    state: () => [s[0], s[1], s[2], s[3]]
  };
}
function rotl(x, k) {
  return (x << k | x >>> 32 - k) >>> 0;
}
var num = z2.number();
var nullableNumber = z2.number().nullable();
var warning = z2.strictObject({ code: z2.string(), message: z2.string() });
var warnings = z2.array(warning);
var interval = z2.strictObject({ lower: nullableNumber, upper: nullableNumber });
var numberRecord = z2.record(z2.string(), num);
var touchpoint = z2.strictObject({ column: z2.string(), label: z2.string(), zh: z2.string().nullable(), en: z2.string().nullable() });
var ingestReport = z2.strictObject({
  source: z2.enum(["csv", "rows", "columns"]),
  encoding: z2.string().nullable(),
  delimiter: z2.string().nullable(),
  rowsRead: num,
  rowsUsed: num,
  rowsDropped: num,
  droppedByReason: z2.strictObject({ invalid_value: num, ragged_row: num, invalid_weight: num, repeated_header: num, no_answers: num }),
  blankLines: num,
  columns: z2.array(
    z2.strictObject({
      column: z2.string(),
      role: z2.enum(["touchpoint", "overall", "weight", "id", "segment"]),
      missing: num,
      invalid: num,
      labelled: num
    })
  ),
  ignoredColumns: z2.array(z2.string()),
  straightLining: z2.strictObject({ count: num, rows: z2.array(num) }),
  warnings
});
var descriptives = z2.strictObject({
  method: z2.literal("describe"),
  level: num,
  items: z2.array(
    z2.strictObject({
      column: z2.string(),
      label: z2.string(),
      role: z2.enum(["touchpoint", "overall"]),
      n: num,
      missing: num,
      mean: nullableNumber,
      sampleStandardDeviation: nullableNumber,
      standardError: nullableNumber,
      ciLower: nullableNumber,
      ciUpper: nullableNumber,
      median: nullableNumber,
      counts: z2.array(z2.strictObject({ value: num, count: num })),
      topTwoBox: nullableNumber,
      bottomTwoBox: nullableNumber
    })
  ),
  warnings
});
var olsCoefficient = z2.union([
  z2.strictObject({
    name: z2.string(),
    estimate: num,
    stdError: num,
    tValue: nullableNumber,
    pValue: nullableNumber,
    ciLower: num,
    ciUpper: num,
    standardized: nullableNumber,
    vif: nullableNumber
  }),
  z2.strictObject({ name: z2.string(), aliased: z2.literal(true) })
]);
var olsResultSchema = z2.strictObject({
  method: z2.literal("ols"),
  algorithm: z2.enum(["qr", "cholesky"]),
  covariance: z2.enum(["classical", "HC0", "HC1", "HC2", "HC3"]),
  level: num,
  n: num,
  rowsDropped: z2.strictObject({ missing: num, zeroWeight: num }),
  coefficients: z2.array(olsCoefficient),
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
  residuals: z2.array(num).optional(),
  fitted: z2.array(num).optional()
});
var pairedT = z2.strictObject({
  method: z2.literal("paired-t"),
  n: num,
  meanDifference: num,
  standardError: num,
  tValue: num,
  df: num,
  pValue: num,
  level: num,
  ciLower: num,
  ciUpper: num
});
var wilcoxon = z2.strictObject({ method: z2.literal("wilcoxon-signed-rank"), n: num, zeros: num, statistic: num, pValue: num, exact: z2.boolean() });
var accuracy = { n: num, meanAbsoluteError: num, rootMeanSquaredError: num, meanBias: num, correlation: nullableNumber };
var moment = z2.strictObject({ touchpoint: z2.string(), mean: num, kind: z2.enum(["most-intense", "max", "min", "positive", "negative", "end"]) });
var peakRule = z2.enum(["most-intense", "max", "min", "both"]);
var peakEndResult = z2.strictObject({
  method: z2.literal("peak-end"),
  rule: peakRule,
  weight: num,
  level: num,
  aggregate: z2.strictObject({
    method: z2.literal("peak-end-aggregate"),
    rule: peakRule,
    weight: num,
    peak: moment,
    peaks: z2.array(moment),
    end: moment,
    prediction: num,
    observed: num,
    gap: num,
    warnings,
    gapTest: pairedT.nullable()
  }),
  respondents: z2.strictObject({
    n: num,
    excluded: num,
    ambiguousPeaks: num,
    accuracy: z2.strictObject(accuracy),
    predictions: z2.array(nullableNumber).optional()
  }),
  comparison: z2.strictObject({
    n: num,
    folds: num,
    seed: num,
    models: z2.array(z2.strictObject({ model: z2.enum(["peak-end", "mean", "end", "peak", "min", "max", "first", "regression"]), description: z2.string(), ...accuracy })),
    wilcoxon: wilcoxon.nullable(),
    pairedT: pairedT.nullable(),
    verdict: z2.string()
  }).nullable(),
  regression: olsResultSchema.nullable(),
  warnings
});
var importanceMethod = z2.enum(["lmg", "pratt", "first", "last", "betasq", "johnson", "dominance"]);
var relativeImportanceResult = z2.strictObject({
  method: importanceMethod,
  rSquared: num,
  importance: numberRecord,
  standardErrors: numberRecord.optional(),
  dominance: z2.strictObject({
    conditional: z2.array(z2.strictObject({ predictor: z2.string(), bySubsetSize: z2.array(num) })),
    complete: z2.array(z2.strictObject({ predictor: z2.string(), dominates: z2.array(z2.string()) }))
  }).optional(),
  n: num,
  rowsDropped: num,
  warnings
});
var bootstrapResult = z2.strictObject({
  method: z2.literal("bootstrap"),
  measure: importanceMethod,
  replicates: num,
  failedReplicates: num,
  seed: num,
  level: num,
  n: num,
  rSquared: num,
  estimates: z2.array(
    z2.strictObject({
      name: z2.string(),
      estimate: num,
      standardError: num,
      percentile: interval,
      bca: interval,
      rank: num,
      rankInterval: interval,
      shareRankedFirst: num
    })
  ),
  warnings
});
var quadrant = z2.enum(["concentrate here", "keep up the good work", "low priority", "possible overkill"]);
var factorType = z2.enum(["basic", "performance", "excitement"]);
var waldCoefficient = z2.strictObject({ name: z2.string(), estimate: num, stdError: num, zValue: num, pValue: num, ciLower: num, ciUpper: num });
var convergence = z2.strictObject({ converged: z2.boolean(), iterations: num, maxGradient: num, conditionNumber: num });
var likelihoodRatio = z2.strictObject({ statistic: num, df: num, pValue: num });
var rowsDropped = z2.strictObject({ missing: num, zeroWeight: num });
var ordinalResult = z2.strictObject({
  method: z2.enum(["ordinal-logit", "ordinal-probit"]),
  link: z2.enum(["logit", "probit"]),
  n: num,
  rowsDropped,
  categories: z2.array(z2.strictObject({ value: num, count: num })),
  emptyCategories: z2.array(num),
  thresholds: z2.array(z2.strictObject({ name: z2.string(), estimate: num, stdError: num })),
  coefficients: z2.array(waldCoefficient),
  logLik: num,
  nullLogLik: num,
  aic: num,
  bic: num,
  likelihoodRatio,
  mcFaddenRSquared: num,
  nagelkerkeRSquared: num,
  convergence,
  warnings
});
var logisticResult = z2.strictObject({
  method: z2.literal("logistic"),
  n: num,
  rowsDropped,
  positive: num,
  coefficients: z2.array(waldCoefficient),
  logLik: num,
  nullLogLik: num,
  deviance: num,
  nullDeviance: num,
  aic: num,
  bic: num,
  likelihoodRatio,
  mcFaddenRSquared: num,
  convergence,
  warnings
});
var keyDriversResult = z2.strictObject({
  method: z2.literal("key-drivers"),
  model: z2.enum(["ols", "ordinal", "logistic"]),
  modelFit: z2.union([ordinalResult, logisticResult]).nullable(),
  alpha: num,
  highPerformance: num,
  n: num,
  regression: olsResultSchema,
  importance: relativeImportanceResult,
  stageImportance: relativeImportanceResult.nullable(),
  bootstrap: bootstrapResult.nullable(),
  ipa: z2.strictObject({
    method: z2.literal("ipa"),
    crosshair: z2.strictObject({ kind: z2.enum(["means", "scale"]), performance: num, importance: num }),
    points: z2.array(z2.strictObject({ touchpoint: z2.string(), performance: num, importance: num, quadrant }))
  }),
  penaltyReward: z2.strictObject({
    method: z2.literal("penalty-reward"),
    lowAtMost: num,
    highAtLeast: num,
    asymmetryThreshold: num,
    factors: z2.array(
      z2.strictObject({
        touchpoint: z2.string(),
        label: z2.string(),
        lowShare: num,
        highShare: num,
        penalty: nullableNumber,
        penaltyPValue: nullableNumber,
        reward: nullableNumber,
        rewardPValue: nullableNumber,
        rangeOfImpact: nullableNumber,
        impactAsymmetry: nullableNumber,
        factor: factorType.nullable()
      })
    ),
    regression: olsResultSchema,
    warnings
  }).nullable(),
  touchpoints: z2.array(
    z2.strictObject({
      touchpoint: z2.string(),
      label: z2.string(),
      zh: z2.string().nullable(),
      en: z2.string().nullable(),
      performance: num,
      estimate: nullableNumber,
      stdError: nullableNumber,
      pValue: nullableNumber,
      significant: z2.boolean(),
      importance: num,
      signedImportance: num,
      importanceShare: num,
      importanceRank: num,
      quadrant,
      penaltyRewardFactor: factorType.nullable(),
      flags: z2.strictObject({ peak: z2.boolean(), end: z2.boolean(), keyMoment: z2.boolean(), painPoint: z2.boolean(), hygiene: z2.boolean() })
    })
  ),
  warnings
});
var reportSchema = z2.strictObject({
  method: z2.literal("analyze"),
  schemaVersion: z2.literal(1),
  generator: z2.strictObject({ name: z2.literal("peak-end"), version: z2.string() }),
  survey: z2.strictObject({
    touchpoints: z2.array(touchpoint),
    overall: z2.string(),
    scale: z2.strictObject({ min: num, max: num, neutral: num, integer: z2.boolean() }),
    n: num
  }),
  ingest: ingestReport,
  descriptives,
  peakEnd: peakEndResult.nullable(),
  keyDrivers: keyDriversResult.nullable(),
  /** Every warning of every part, tagged with the part it came from. */
  warnings: z2.array(z2.strictObject({ source: z2.enum(["ingest", "descriptives", "peak-end", "key-drivers"]), code: z2.string(), message: z2.string() }))
});

// bench/ratings.mjs
function ratings(n, k, seed) {
  const rng = createRng(seed);
  const X2 = Array.from({ length: n }, () => {
    const common = rng.next();
    return Array.from({ length: k }, () => Math.round(1 + 4 * (0.6 * common + 0.4 * rng.next())));
  });
  const y2 = X2.map((row) => Math.min(5, Math.max(1, Math.round(row.reduce((s, v) => s + v, 0) / k + rng.next() - 0.5))));
  return { X: X2, y: y2, names: [...Array.from({ length: k }, (_, j) => `t${j + 1}`), "overall"] };
}

// ../../../tmp/num/phase2.ts
var { X, y } = ratings(1e3, 14, 2);
var mode = process.argv[2];
var columns = Array.from({ length: 15 }, (_, j) => Float64Array.from(X.map((r, i) => j < 14 ? r[j] : y[i])));
if (mode === "data") importanceData(X, y);
if (mode === "corr") correlationMatrix(columns);
if (mode === "shapley") {
  const corr = globalThis.c ?? null;
}
