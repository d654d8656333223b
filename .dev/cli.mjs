// src/cli/bin.ts
import { dirname, join as join3 } from "node:path";
import { fileURLToPath } from "node:url";

// src/errors.ts
var PeakEndError = class extends Error {
  code;
  constructor(code, message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
  }
};
var MAX_LISTED_ISSUES = 50;
var DataValidationError = class extends PeakEndError {
  issues;
  totalIssues;
  /**
   * @param issues the problems found (only the first {@link MAX_LISTED_ISSUES} are kept)
   * @param totalIssues how many there were in all, when the caller stopped collecting early
   */
  constructor(issues, options = {}) {
    const listed = issues.slice(0, MAX_LISTED_ISSUES);
    const total = Math.max(options.totalIssues ?? issues.length, issues.length);
    super("data_validation", describeIssues(listed, total), options);
    this.issues = listed;
    this.totalIssues = total;
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
  constructor(message, columns, options = {}) {
    super("rank_deficient", message, options);
    this.columns = columns;
  }
};
var ConvergenceError = class extends PeakEndError {
  constructor(code, message, options = {}) {
    super(code, message, options);
  }
};
function describeIssues(listed, total) {
  const first = listed[0];
  if (first === void 0) return "Invalid survey data.";
  const more = total > 1 ? ` (and ${total - 1} more issue${total > 2 ? "s" : ""}; see error.issues)` : "";
  return `${first.message}${more}`;
}

// package.json
var package_default = {
  name: "peak-end",
  version: "0.1.0",
  description: "Customer-experience survey analytics: peak-end predictions, key drivers, relative importance and key moments, checked against R.",
  license: "MIT",
  type: "module",
  sideEffects: false,
  engines: {
    node: ">=20"
  },
  main: "./dist/index.cjs",
  module: "./dist/index.js",
  types: "./dist/index.d.ts",
  exports: {
    ".": {
      types: "./dist/index.d.ts",
      import: "./dist/index.js",
      require: "./dist/index.cjs"
    },
    "./node": {
      types: "./dist/node.d.ts",
      import: "./dist/node.js",
      require: "./dist/node.cjs"
    },
    "./package.json": "./package.json"
  },
  bin: {
    "peak-end": "./dist/cli.js"
  },
  files: [
    "dist",
    "fixtures",
    "docs",
    "README.md"
  ],
  scripts: {
    build: `node -e "require('node:fs').rmSync('dist',{recursive:true,force:true})" && tsup --silent && node scripts/write-report-schema.mjs`,
    start: "npm run --silent build && node dist/cli.js demo",
    test: "vitest run",
    "test:smoke": "node scripts/smoke.mjs",
    typecheck: "tsc --noEmit",
    bench: "npm run --silent build && node bench/run.mjs",
    "test:browser": "node scripts/browser-test.mjs"
  },
  dependencies: {
    "@stdlib/math-base-special-betainc": "^0.2.3",
    "@stdlib/math-base-special-betaln": "^0.3.1",
    "@stdlib/math-base-special-erfc": "^0.2.5",
    "@stdlib/math-base-special-erfcinv": "^0.2.4",
    "@stdlib/math-base-special-gammainc": "^0.3.1",
    "@stdlib/math-base-special-gammaln": "^0.3.1",
    "@stdlib/math-base-special-log1pmx": "^0.2.4",
    "@stdlib/stats-base-dists-chisquare-quantile": "^0.2.3",
    "@stdlib/stats-base-dists-f-quantile": "^0.2.3",
    "@stdlib/stats-base-dists-normal-quantile": "^0.3.1",
    "@stdlib/stats-base-dists-t-quantile": "^0.2.3",
    "csv-parse": "^6.1.0",
    "simple-statistics": "^7.8.8",
    vega: "^6.4.0",
    "vega-lite": "^6.4.3",
    zod: "^4.1.12"
  },
  devDependencies: {
    "@duckdb/node-api": "^1.5.6-r.1",
    "@types/node": "^20.0.0",
    ajv: "^8.20.0",
    bun: "^1.3.0",
    deno: "^2.5.0",
    esbuild: "^0.27.0",
    "fast-check": "^4.3.0",
    "ml-regression": "^6.3.0",
    "playwright-core": "^1.65.1",
    tsup: "^8.5.0",
    typescript: "~5.9.3",
    vitest: "^4.0.0",
    wabt: "^1.0.39"
  }
};

// src/cli/analyze.ts
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

// src/distributions/normal.ts
import erfc from "@stdlib/math-base-special-erfc";
import erfcinv from "@stdlib/math-base-special-erfcinv";

// src/distributions/special.ts
import betainc from "@stdlib/math-base-special-betainc";
import betaln from "@stdlib/math-base-special-betaln";
import gammainc from "@stdlib/math-base-special-gammainc";
import gammaln from "@stdlib/math-base-special-gammaln";
import log1pmx from "@stdlib/math-base-special-log1pmx";
var EPSILON = 2220446049250313e-31;
var TINY = 1e-300;
var DEEP_BETA = 1e-200;
var MAX_ITERATIONS = 1e5;
function incompleteBeta(x, y, a, b, upper) {
  if (x <= 0) return upper ? 1 : 0;
  if (y <= 0) return upper ? 0 : 1;
  const [xx, yy, aa, bb] = upper ? [y, x, b, a] : [x, y, a, b];
  const value2 = xx <= yy ? betainc(xx, aa, bb, true, false) : betainc(yy, bb, aa, true, true);
  if (value2 >= DEEP_BETA || xx >= (aa + 1) / (aa + bb + 2)) return value2;
  return Math.exp(logLowerBetaFraction(xx, yy, aa, bb));
}
function logLowerBetaFraction(x, y, a, b) {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - qab * x / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON) break;
  }
  return a * Math.log(x) + b * Math.log(y) - Math.log(a) - betaln(a, b) + Math.log(h);
}
function incompleteGamma(x, a, upper) {
  if (x <= 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  if (x <= 1e3) return gammainc(x, a, true, upper);
  if (x > a + 1) {
    const q = Math.exp(logGammaPrefix(a, x) + Math.log(upperGammaFraction(a, x)));
    return upper ? q : 1 - q;
  }
  const p = Math.exp(logGammaPrefix(a, x) + Math.log(lowerGammaSeries(a, x)));
  return upper ? 1 - p : p;
}
function logGammaPrefix(a, x) {
  if (a < 10) return a * Math.log(x) - x - gammaln(a);
  return a * log1pmx((x - a) / a) + 0.5 * Math.log(a / (2 * Math.PI)) - stirlingCorrection(a);
}
function stirlingCorrection(a) {
  const r = 1 / a;
  const r2 = r * r;
  return r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 * (1 / 1188 - r2 * 691 / 360360)))));
}
function upperGammaFraction(a, x) {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= EPSILON) break;
  }
  return h;
}
function lowerGammaSeries(a, x) {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n <= MAX_ITERATIONS; n++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * EPSILON) break;
  }
  return sum;
}
function invertTail(target, upper, tail3, logDensity2, start) {
  if (Number.isNaN(target) || target < 0 || target > 1) return Number.NaN;
  if (target === 0) return upper ? Infinity : 0;
  if (target === 1) return upper ? 0 : Infinity;
  const logTarget = Math.log(target);
  let lo = Number.MIN_VALUE;
  let hi = Number.MAX_VALUE;
  let x = start > 0 && Number.isFinite(start) ? start : 1;
  for (let iteration = 0; iteration < 400; iteration++) {
    const value2 = tail3(x);
    const residual = Math.log(value2) - logTarget;
    if (residual === 0) return x;
    const tooLarge = upper ? residual < 0 : residual > 0;
    if (tooLarge) hi = x;
    else lo = x;
    const slope = (upper ? -1 : 1) * Math.exp(Math.log(x) + logDensity2(x) - Math.log(value2));
    const logStep = -residual / slope;
    let next;
    if (Number.isFinite(logStep) && Math.abs(logStep) < 1e-3) next = x + x * logStep;
    else next = x * Math.exp(logStep);
    if (!(next > lo && next < hi)) next = Math.exp(0.5 * (Math.log(lo) + Math.log(hi)));
    if (Math.abs(next - x) <= 2 * EPSILON * x) return next;
    if (lo >= hi || next === x) return next;
    x = next;
  }
  return x;
}

// src/distributions/normal.ts
var LOG_SQRT_2PI = 0.9189385332046728;
function normalCdf(x) {
  return 0.5 * erfc(-x / Math.SQRT2);
}
function normalUpperTail(x) {
  return 0.5 * erfc(x / Math.SQRT2);
}
function normalQuantile(p) {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0.5) return 0;
  const target = p < 0.5 ? p : 1 - p;
  const q = invertTail(target, true, normalUpperTail, (x) => -0.5 * x * x - LOG_SQRT_2PI, Math.SQRT2 * erfcinv(2 * target));
  return p < 0.5 ? -q : q;
}

// src/distributions/t.ts
import betainc2 from "@stdlib/math-base-special-betainc";
import betaln2 from "@stdlib/math-base-special-betaln";
import tQuantileStdlib from "@stdlib/stats-base-dists-t-quantile";
function twoSidedTail(t, df) {
  const abs = Math.abs(t);
  if (abs === Infinity) return 0;
  if (abs > 1e150) return Math.exp(df / 2 * (Math.log(df) - 2 * Math.log(abs)) - Math.log(df / 2) - betaln2(df / 2, 0.5));
  const x = t * t;
  if (df <= x) return incompleteBeta(df / (df + x), x / (df + x), df / 2, 0.5, false);
  const z3 = x / (df + x);
  const lower = betainc2(z3, 0.5, df / 2, true, false);
  return lower < 0.5 ? 1 - lower : incompleteBeta(z3, df / (df + x), 0.5, df / 2, true);
}
function logDensity(t, df) {
  const ratio = t * t / df;
  const log1pRatio = Number.isFinite(ratio) ? Math.log1p(ratio) : 2 * Math.log(t) - Math.log(df);
  return -0.5 * Math.log(df) - betaln2(df / 2, 0.5) - (df + 1) / 2 * log1pRatio;
}
function studentTUpperTail(t, df) {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  const half = 0.5 * twoSidedTail(t, df);
  return t > 0 ? half : 1 - half;
}
function studentTQuantile(p, df) {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return Number.NaN;
  if (p === 0.5) return 0;
  const target = p < 0.5 ? p : 1 - p;
  const q = invertTail(target, true, (x) => 0.5 * twoSidedTail(x, df), (x) => logDensity(x, df), tQuantileStdlib(1 - target, df));
  return p < 0.5 ? -q : q;
}

// src/distributions/f.ts
import betaln3 from "@stdlib/math-base-special-betaln";
import fQuantileStdlib from "@stdlib/stats-base-dists-f-quantile";
function tail(x, df1, df2, upper) {
  if (Number.isNaN(x) || !(df1 > 0) || !(df2 > 0)) return Number.NaN;
  if (x <= 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  const u = df1 * x;
  if (u === Infinity) {
    const small = Math.exp(Math.log(df2) - Math.log(df1) - Math.log(x));
    return incompleteBeta(small, 1, df2 / 2, df1 / 2, !upper);
  }
  return u > df2 ? incompleteBeta(df2 / (df2 + u), u / (df2 + u), df2 / 2, df1 / 2, !upper) : incompleteBeta(u / (df2 + u), df2 / (df2 + u), df1 / 2, df2 / 2, upper);
}
function fUpperTail(x, df1, df2) {
  return tail(x, df1, df2, true);
}

// src/distributions/chi-square.ts
import gammaln2 from "@stdlib/math-base-special-gammaln";
import chisquareQuantile from "@stdlib/stats-base-dists-chisquare-quantile";
function tail2(x, df, upper) {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  return incompleteGamma(x / 2, df / 2, upper);
}
function chiSquareUpperTail(x, df) {
  return tail2(x, df, true);
}

// src/linalg/correlation.ts
var CONSTANT_TOLERANCE = 1e-14;
function correlationMatrix(columns, weights) {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  const weight = (i) => weights === void 0 ? 1 : weights[i];
  let sumW = 0;
  for (let i = 0; i < n; i++) sumW += weight(i);
  const constant = [];
  const centred = columns.map((c) => {
    let maxAbs = 0;
    for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(c[i]));
    const d = new Float64Array(n);
    if (maxAbs === 0) {
      constant.push(true);
      return d;
    }
    let mean = 0;
    for (let i = 0; i < n; i++) mean += weight(i) * (c[i] / maxAbs);
    mean = mean / sumW * maxAbs;
    let spread = 0;
    for (let i = 0; i < n; i++) {
      const v = c[i] - mean;
      d[i] = v;
      if (weight(i) > 0) spread = Math.max(spread, Math.abs(v));
    }
    let ss = 0;
    if (spread > 0) {
      for (let i = 0; i < n; i++) {
        const v = d[i] / spread;
        d[i] = v;
        ss += weight(i) * v * v;
      }
    }
    constant.push(!(spread / maxAbs * Math.sqrt(ss / sumW) > CONSTANT_TOLERANCE));
    return d;
  });
  const out = new Float64Array(k * k);
  const sd = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const ca = centred[a];
    for (let b = a; b < k; b++) {
      const cb = centred[b];
      let s = 0;
      if (weights === void 0) for (let i = 0; i < n; i++) s += ca[i] * cb[i];
      else for (let i = 0; i < n; i++) s += weights[i] * ca[i] * cb[i];
      out[a * k + b] = s;
      out[b * k + a] = s;
    }
    sd[a] = Math.sqrt(out[a * k + a]);
  }
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      out[a * k + b] = constant[a] || constant[b] ? Number.NaN : a === b ? 1 : out[a * k + b] / (sd[a] * sd[b]);
    }
  }
  return out;
}

// src/random/rng.ts
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

// src/importance/rank.ts
function rankDescending(values) {
  const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a]);
  const ranks = new Array(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    for (let k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

// src/linalg/sweep.ts
function sweepInPlace(m, dim, pivots, tolerance = 1e-12) {
  for (const k of pivots) {
    const d = m[k * dim + k];
    if (!(Math.abs(d) > tolerance)) return false;
    for (let j = 0; j < dim; j++) m[k * dim + j] = m[k * dim + j] / d;
    for (let i = 0; i < dim; i++) {
      if (i === k) continue;
      const b = m[i * dim + k];
      if (b === 0) continue;
      for (let j = 0; j < dim; j++) m[i * dim + j] = m[i * dim + j] - b * m[k * dim + j];
      m[i * dim + k] = -b / d;
    }
    m[k * dim + k] = 1 / d;
  }
  return true;
}
function eliminateLeading(m, dim, from, count, out, work, tolerance = 1e-12) {
  const size = dim - from;
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) work[a * size + b] = m[(a + from) * dim + b + from];
  for (let q = 0; q < count; q++) {
    const pivot = work[q * size + q];
    if (!(pivot > tolerance)) continue;
    for (let a = q + 1; a < size; a++) {
      const factor = work[a * size + q] / pivot;
      if (factor === 0) continue;
      for (let b = q + 1; b < size; b++) work[a * size + b] = work[a * size + b] - factor * work[q * size + b];
    }
  }
  const rest = size - count;
  for (let a = 0; a < rest; a++) for (let b = 0; b < rest; b++) out[a * rest + b] = work[(a + count) * size + b + count];
}
function schurStepLower(m, out, dim, pivot) {
  const d = m[pivot * dim + pivot];
  for (let i = pivot + 1; i < dim; i++) {
    const row = i * dim;
    const f = m[row + pivot] / d;
    for (let j = pivot + 1; j <= i; j++) out[row + j] = m[row + j] - f * m[j * dim + pivot];
  }
  return d;
}

// src/linalg/symmetric-eigen.ts
function symmetricEigen(matrix, dim) {
  const a = matrix.slice();
  const v = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) v[i * dim + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < dim; p++) for (let q = p + 1; q < dim; q++) off += a[p * dim + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < dim; p++) {
      for (let q = p + 1; q < dim; q++) {
        const apq = a[p * dim + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * dim + q] - a[p * dim + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < dim; k++) {
          const akp = a[k * dim + p];
          const akq = a[k * dim + q];
          a[k * dim + p] = c * akp - s * akq;
          a[k * dim + q] = s * akp + c * akq;
        }
        for (let k = 0; k < dim; k++) {
          const apk = a[p * dim + k];
          const aqk = a[q * dim + k];
          a[p * dim + k] = c * apk - s * aqk;
          a[q * dim + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < dim; k++) {
          const vkp = v[k * dim + p];
          const vkq = v[k * dim + q];
          v[k * dim + p] = c * vkp - s * vkq;
          v[k * dim + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: dim }, (_, i) => a[i * dim + i]), vectors: v };
}

// src/importance/lmg.ts
function forEachSubsetRSquared(corr, players, visit) {
  const k = Math.round(Math.sqrt(corr.length)) - 1;
  const order = [...players.flat(), k];
  const dim = order.length;
  const m0 = new Float64Array(dim * dim);
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) m0[a * dim + b] = corr[order[a] * (k + 1) + order[b]];
  const offsets = [];
  let offset = 0;
  for (const p of players) {
    offsets.push(offset);
    offset += p.length;
  }
  const levels = players.length + 1;
  const buffers = Array.from({ length: levels }, () => new Float64Array(dim * dim));
  const work = new Float64Array(dim * dim);
  const recurse = (m, mDim, base, first, mask, size) => {
    visit(mask, size, 1 - m[mDim * mDim - 1]);
    for (let t = first; t < players.length; t++) {
      const from = offsets[t] - base;
      const count = players[t].length;
      const child = buffers[size + 1];
      eliminateLeading(m, mDim, from, count, child, work);
      recurse(child, mDim - from - count, offsets[t] + count, t + 1, mask | 1 << t, size + 1);
    }
  };
  recurse(m0, dim, 0, 0, 0, 0);
}
function shapleyWeights(players) {
  const weights = new Float64Array(players);
  for (let s = 0; s < players; s++) {
    let binomial = 1;
    for (let i = 1; i <= s; i++) binomial = binomial * (players - s + i - 1) / i;
    weights[s] = 1 / (players * binomial);
  }
  return weights;
}
function exactShapley(corr, players) {
  const depth = lmgBlockDepth(players.length);
  return mergeShapleyBlocks(exactShapleyBlocks(corr, players, depth, 0, 2 ** depth), players.length, depth);
}
var BLOCKED_LMG_MIN_PLAYERS = 16;
var BLOCK_DEPTH = 6;
function lmgBlockDepth(players) {
  return players >= BLOCKED_LMG_MIN_PLAYERS ? BLOCK_DEPTH : 0;
}
function shapleyBlockStride(players) {
  return (players + 1) * (players + 1);
}
function exactShapleyBlocks(corr, players, depth, from, to) {
  const p = players.length;
  const k = Math.round(Math.sqrt(corr.length)) - 1;
  const order = [...players.flat(), k];
  const dim = order.length;
  const yy = dim * dim - 1;
  const start = new Int32Array(p + 1);
  players.forEach((members, t) => start[t + 1] = start[t] + members.length);
  const buffers = Array.from({ length: p + 1 }, () => new Float64Array(dim * dim));
  const root = buffers[0];
  for (let a = 0; a < dim; a++) for (let b = 0; b <= a; b++) root[a * dim + b] = corr[order[a] * (k + 1) + order[b]];
  const stride = shapleyBlockStride(p);
  const output = new Float64Array((to - from) * stride);
  let total = new Float64Array(p + 1);
  let containing = Array.from({ length: p }, () => new Float64Array(p + 1));
  const subtree = Array.from({ length: p }, () => new Float64Array(p + 1));
  const lastSingle = p > 0 && players[p - 1].length === 1;
  const lastVar = start[p - 1];
  const lastTwoSingle = lastSingle && p > 1 && players[p - 2].length === 1;
  const include = (t, m, child) => {
    let source = m;
    for (let q = start[t]; q < start[t + 1]; q++) {
      if (source[q * dim + q] > 1e-12) {
        schurStepLower(source, child, dim, q);
        source = child;
      }
    }
    if (source !== child) child.set(m);
  };
  const visit = (t, m, size, out) => {
    if (t === p) {
      out[size] = out[size] + 1 - m[yy];
      return;
    }
    if (t === p - 2 && lastTwoSingle) {
      const daa = m[lastVar * dim - dim + lastVar - 1];
      const dbb = m[lastVar * dim + lastVar];
      const dba = m[lastVar * dim + lastVar - 1];
      const residual = m[yy];
      const cya = m[(dim - 1) * dim + lastVar - 1];
      const cyb = m[(dim - 1) * dim + lastVar];
      const okA = daa > 1e-12;
      const rA = okA ? residual - cya * cya / daa : residual;
      const rB = dbb > 1e-12 ? residual - cyb * cyb / dbb : residual;
      const dbbA = okA ? dbb - dba * dba / daa : dbb;
      const cybA = okA ? cyb - cya * dba / daa : cyb;
      const rAB = dbbA > 1e-12 ? rA - cybA * cybA / dbbA : rA;
      out[size] = out[size] + 1 - residual;
      out[size + 1] = out[size + 1] + (1 - rA) + (1 - rB);
      out[size + 2] = out[size + 2] + 1 - rAB;
      const ca = containing[t];
      const cb = containing[t + 1];
      ca[size + 1] = ca[size + 1] + 1 - rA;
      ca[size + 2] = ca[size + 2] + 1 - rAB;
      cb[size + 1] = cb[size + 1] + 1 - rB;
      cb[size + 2] = cb[size + 2] + 1 - rAB;
      return;
    }
    if (t === p - 1 && lastSingle) {
      const d = m[lastVar * dim + lastVar];
      const residual = m[yy];
      const cross = m[(dim - 1) * dim + lastVar];
      const included = 1 - (d > 1e-12 ? residual - cross * cross / d : residual);
      out[size] = out[size] + 1 - residual;
      out[size + 1] = out[size + 1] + included;
      const c2 = containing[t];
      c2[size + 1] = c2[size + 1] + included;
      return;
    }
    visit(t + 1, m, size, out);
    const child = buffers[t + 1];
    include(t, m, child);
    const sums = subtree[t];
    const lo = size + 1;
    const hi = size + p - t;
    for (let s = lo; s <= hi; s++) sums[s] = 0;
    visit(t + 1, child, size + 1, sums);
    const c = containing[t];
    for (let s = lo; s <= hi; s++) {
      c[s] = c[s] + sums[s];
      out[s] = out[s] + sums[s];
    }
  };
  for (let mask = from; mask < to; mask++) {
    let m = root;
    let size = 0;
    for (let t = 0; t < depth; t++) {
      if ((mask & 1 << t) === 0) continue;
      const child = buffers[t + 1];
      include(t, m, child);
      m = child;
      size++;
    }
    total = output.subarray((mask - from) * stride, (mask - from) * stride + p + 1);
    containing = Array.from({ length: p }, (_, j) => output.subarray((mask - from) * stride + (j + 1) * (p + 1), (mask - from) * stride + (j + 2) * (p + 1)));
    visit(depth, m, size, total);
  }
  return output;
}
function mergeShapleyBlocks(blocks, players, depth) {
  const p = players;
  const stride = shapleyBlockStride(p);
  const total = new Float64Array(p + 1);
  const containing = Array.from({ length: p }, () => new Float64Array(p + 1));
  const count = 2 ** depth;
  for (let mask = 0; mask < count; mask++) {
    const base = mask * stride;
    for (let s = 0; s <= p; s++) {
      const v = blocks[base + s];
      total[s] = mask === 0 ? v : total[s] + v;
      for (let t = 0; t < depth; t++) {
        const c = containing[t];
        if ((mask & 1 << t) !== 0) c[s] = c[s] + v;
      }
      for (let j = depth; j < p; j++) {
        const c = containing[j];
        const w = blocks[base + (j + 1) * (p + 1) + s];
        c[s] = mask === 0 ? w : c[s] + w;
      }
    }
  }
  const weights = shapleyWeights(p);
  const values = Float64Array.from({ length: p }, (_, j) => {
    const c = containing[j];
    let v = 0;
    for (let s = 0; s < p; s++) v += weights[s] * (c[s + 1] - (total[s] - c[s]));
    return v;
  });
  return { values, rSquared: total[p] };
}
function sampledShapley(corr, players, permutations, seed) {
  const p = players.length;
  const k = Math.round(Math.sqrt(corr.length)) - 1;
  const rng = createRng(seed);
  const sum = new Float64Array(p);
  const sumSq = new Float64Array(p);
  const dim = k + 1;
  const buffers = [new Float64Array(dim * dim), new Float64Array(dim * dim)];
  const work = new Float64Array(dim * dim);
  let rSquared = 0;
  for (let r = 0; r < permutations; r++) {
    const order = Array.from({ length: p }, (_, i) => i);
    for (let i = p - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    const vars = [...order.flatMap((t) => players[t]), k];
    let m = new Float64Array(dim * dim);
    for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) m[a * dim + b] = corr[vars[a] * dim + vars[b]];
    let mDim = dim;
    let previous = 0;
    order.forEach((t, step) => {
      const count = players[t].length;
      const out = buffers[step % 2];
      eliminateLeading(m, mDim, 0, count, out, work);
      m = out;
      mDim -= count;
      const r2 = 1 - m[mDim * mDim - 1];
      const increment = r2 - previous;
      previous = r2;
      sum[t] = sum[t] + increment;
      sumSq[t] = sumSq[t] + increment * increment;
    });
    rSquared = previous;
  }
  const values = sum.map((s) => s / permutations);
  const standardErrors = values.map((mean, t) => {
    const variance = (sumSq[t] - permutations * mean * mean) / Math.max(1, permutations - 1);
    return Math.sqrt(Math.max(0, variance) / permutations);
  });
  return { values, standardErrors, rSquared };
}

// src/importance/dominance.ts
function dominanceAnalysis(corr, names) {
  const k = names.length;
  const table = new Float64Array(2 ** k);
  forEachSubsetRSquared(
    corr,
    names.map((_, j) => [j]),
    (mask, _size, r2) => table[mask] = r2
  );
  const bitCount = (mask) => {
    let c = 0;
    for (let m = mask; m !== 0; m &= m - 1) c++;
    return c;
  };
  const sums = Array.from({ length: k }, () => new Float64Array(k));
  const counts = new Float64Array(k);
  for (let mask = 0; mask < table.length; mask++) {
    const size = bitCount(mask);
    for (let j = 0; j < k; j++) {
      if (mask >>> j & 1) continue;
      sums[j][size] = sums[j][size] + table[mask | 1 << j] - table[mask];
    }
  }
  for (let s = 0; s < k; s++) {
    let c = 1;
    for (let i = 1; i <= s; i++) c = c * (k - 1 - s + i) / i;
    counts[s] = c;
  }
  const conditional = names.map((predictor, j) => ({
    predictor,
    bySubsetSize: Array.from(sums[j], (total, s) => total / counts[s])
  }));
  const general = Float64Array.from(conditional, (c) => c.bySubsetSize.reduce((a, b) => a + b, 0) / k);
  const complete = names.map((predictor, i) => ({
    predictor,
    dominates: names.filter((_, j) => {
      if (i === j) return false;
      for (let mask = 0; mask < table.length; mask++) {
        if (mask >>> i & 1 || mask >>> j & 1) continue;
        if (!(table[mask | 1 << i] > table[mask | 1 << j])) return false;
      }
      return true;
    })
  }));
  return { general, details: { conditional, complete } };
}

// src/importance/relative-importance.ts
var IMPORTANCE_METHODS = ["lmg", "pratt", "first", "last", "betasq", "johnson", "dominance"];
var MAX_EXACT_LMG_PLAYERS = 25;
var MAX_DOMINANCE_PREDICTORS = 20;
function importanceData(X, y, options = {}) {
  if (X.length !== y.length) throw new InvalidArgumentError(`relativeImportance needs one row of X per value of y, got ${X.length} and ${y.length}.`);
  const k = X[0]?.length ?? options.names?.length ?? 0;
  const names = options.names ? [...options.names] : Array.from({ length: k }, (_, j) => `x${j + 1}`);
  if (names.length !== k) throw new InvalidArgumentError(`names has ${names.length} entries but X has ${k} columns.`);
  if (new Set(names).size !== names.length) throw new InvalidArgumentError("Predictor names must be unique.");
  if (k === 0) throw new InvalidArgumentError("relativeImportance needs at least one predictor.");
  const columns = Array.from({ length: k + 1 }, () => []);
  const w = [];
  let dropped = 0;
  for (let i = 0; i < y.length; i++) {
    const row = X[i];
    if (row.length !== k) throw new InvalidArgumentError(`Row ${i + 1} of X has ${row.length} values; row 1 has ${k}.`);
    const weight = options.weights === void 0 ? 1 : options.weights[i];
    const values = [...row, y[i]];
    if (values.some((v) => typeof v === "number" && !Number.isNaN(v) && !Number.isFinite(v)) || typeof weight === "number" && !Number.isFinite(weight)) {
      throw new InvalidArgumentError(`Row ${i + 1} has an infinite value; use NaN or null for missing values.`);
    }
    if (typeof weight === "number" && weight < 0) throw new InvalidArgumentError(`Weight ${weight} in row ${i + 1} is negative; weights must be >= 0.`);
    if (values.some((v) => typeof v !== "number" || Number.isNaN(v)) || typeof weight !== "number" || Number.isNaN(weight) || weight === 0) {
      dropped++;
      continue;
    }
    values.forEach((v, j) => columns[j].push(v));
    w.push(weight);
  }
  const n = w.length;
  if (n < k + 2) {
    throw new InsufficientDataError(`relativeImportance requires at least ${k + 2} complete rows for ${k} predictors, got ${n}${dropped > 0 ? ` (${dropped} rows dropped for missing values or zero weight)` : ""}.`);
  }
  const corr = correlationMatrix(columns, options.weights === void 0 ? void 0 : w);
  const constant = [...names, "the outcome"].filter((_, j) => !Number.isFinite(corr[j * (k + 1) + j]));
  if (constant.length > 0) {
    throw new RankDeficientError(`${constant.join(", ")} ${constant.length === 1 ? "is" : "are"} constant on the complete cases; relative importance needs variation in every predictor and the outcome.`, constant);
  }
  return { names, corr, n, rowsDropped: dropped, columns: columns.map((c) => Float64Array.from(c)), weights: Float64Array.from(w), weighted: options.weights !== void 0 };
}
function relativeImportance(X, y, options) {
  const data = importanceData(X, y, options);
  return importanceFromData(data, options);
}
function importanceFromData(data, options, exact = exactShapley) {
  const { names, corr, n, rowsDropped: rowsDropped2 } = data;
  const method = options.method;
  if (!IMPORTANCE_METHODS.includes(method)) {
    throw new InvalidArgumentError(`method must be one of ${IMPORTANCE_METHODS.join(", ")}, got ${JSON.stringify(method)}.`);
  }
  const k = names.length;
  const warnings2 = [];
  const full = fullModel(corr, k, names);
  if (options.groups !== void 0 && method !== "lmg") throw new InvalidArgumentError(`groups apply to the lmg method only, not ${method}.`);
  const base = { method, rSquared: full.rSquared, n, rowsDropped: rowsDropped2, warnings: warnings2 };
  switch (method) {
    case "first":
      return { ...base, importance: record(names, (j) => corr[j * (k + 1) + k] ** 2) };
    case "betasq":
      return { ...base, importance: record(names, (j) => full.beta[j] ** 2) };
    case "pratt":
      return { ...base, importance: record(names, (j) => full.beta[j] * corr[j * (k + 1) + k]) };
    case "last":
      return { ...base, importance: record(names, (j) => full.beta[j] ** 2 / full.inverseDiagonal[j]) };
    case "johnson":
      return { ...base, importance: record(names, johnsonWeights(corr, k)) };
    case "dominance": {
      if (k > MAX_DOMINANCE_PREDICTORS) {
        throw new InsufficientDataError(`Dominance analysis keeps all 2^k subset models and is limited to ${MAX_DOMINANCE_PREDICTORS} predictors, got ${k}; use method 'lmg' (general dominance) or group the predictors.`);
      }
      const dominance = dominanceAnalysis(corr, names);
      return { ...base, importance: record(names, (j) => dominance.general[j]), dominance: dominance.details };
    }
    default: {
      const players = playersOf(names, options.groups);
      const labels = players.map((p) => p.label);
      const indices = players.map((p) => p.indices);
      if (options.sampling !== void 0) {
        const { permutations, seed } = options.sampling;
        if (!Number.isInteger(permutations) || permutations < 2) throw new InvalidArgumentError(`sampling.permutations must be an integer of at least 2, got ${permutations}.`);
        const sampled = sampledShapley(corr, indices, permutations, seed);
        warnings2.push({ code: "lmg_sampled", message: `LMG estimated from ${permutations} random orderings (seed ${seed}); see standardErrors.` });
        return { ...base, importance: record(labels, (j) => sampled.values[j]), standardErrors: record(labels, (j) => sampled.standardErrors[j]) };
      }
      if (players.length > MAX_EXACT_LMG_PLAYERS) {
        throw new InsufficientDataError(
          `Exact LMG over ${players.length} predictors would need 2^${players.length} subset models; group touchpoints into journey stages (groups) or use sampling: { permutations: 2000, seed: 1 } for an estimate with standard errors.`
        );
      }
      const shapley = exact(corr, indices);
      return { ...base, importance: record(labels, (j) => shapley.values[j]) };
    }
  }
}
function fullModel(corr, k, names) {
  const m = corr.slice();
  const dim = k + 1;
  for (let j = 0; j < k; j++) {
    if (!sweepInPlace(m, dim, [j], 1e-10)) {
      throw new RankDeficientError(`Predictor "${names[j]}" is a linear combination of the predictors before it; remove it or combine them (relative importance needs a full-rank design).`, [names[j]]);
    }
  }
  return {
    beta: Float64Array.from({ length: k }, (_, j) => m[j * dim + k]),
    rSquared: 1 - m[k * dim + k],
    inverseDiagonal: Float64Array.from({ length: k }, (_, j) => m[j * dim + j])
  };
}
function johnsonWeights(corr, k) {
  const rxx = new Float64Array(k * k);
  const rxy = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    rxy[a] = corr[a * (k + 1) + k];
    for (let b = 0; b < k; b++) rxx[a * k + b] = corr[a * (k + 1) + b];
  }
  const { values, vectors } = symmetricEigen(rxx, k);
  const lambda = new Float64Array(k * k);
  const vtr = new Float64Array(k);
  for (let m = 0; m < k; m++) {
    let s = 0;
    for (let a = 0; a < k; a++) s += vectors[a * k + m] * rxy[a];
    vtr[m] = s / Math.sqrt(values[m]);
  }
  const betaStar = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let m = 0; m < k; m++) s += vectors[a * k + m] * vtr[m];
    betaStar[a] = s;
    for (let b = 0; b < k; b++) {
      let l = 0;
      for (let m = 0; m < k; m++) l += vectors[a * k + m] * Math.sqrt(values[m]) * vectors[b * k + m];
      lambda[a * k + b] = l;
    }
  }
  return (j) => {
    let s = 0;
    for (let m = 0; m < k; m++) s += lambda[j * k + m] ** 2 * betaStar[m] ** 2;
    return s;
  };
}
function playersOf(names, groups) {
  if (groups === void 0) return names.map((label, j) => ({ label, indices: [j] }));
  const index = new Map(names.map((name, j) => [name, j]));
  const seen = /* @__PURE__ */ new Set();
  const entries = Array.isArray(groups) ? groups.map((g, i) => {
    if (typeof g !== "object" || g === null || typeof g.name !== "string") throw new InvalidArgumentError(`groups[${i}] must be { name, members }.`);
    return [g.name, g.members];
  }) : Object.entries(groups);
  const labels = /* @__PURE__ */ new Set();
  for (const [label, members] of entries) {
    if (labels.has(label)) throw new InvalidArgumentError(`Group "${label}" is defined twice; group names must be unique.`);
    labels.add(label);
    if (!Array.isArray(members) || members.some((m) => typeof m !== "string")) {
      throw new InvalidArgumentError(`Group "${label}" must list predictor names, e.g. { "${label}": ["${names[0] ?? "x1"}"] }.`);
    }
  }
  const players = entries.map(([label, members]) => ({
    label,
    indices: members.map((name) => {
      const j = index.get(name);
      if (j === void 0) throw new InvalidArgumentError(`Group "${label}" names "${name}", which is not a predictor; predictors: ${names.join(", ")}.`);
      if (seen.has(name)) throw new InvalidArgumentError(`"${name}" is in more than one group; each predictor belongs to exactly one.`);
      seen.add(name);
      return j;
    })
  }));
  const missing = names.filter((n) => !seen.has(n));
  if (missing.length > 0) throw new InvalidArgumentError(`Every predictor must be in a group; not grouped: ${missing.join(", ")}.`);
  if (players.some((p) => p.indices.length === 0)) throw new InvalidArgumentError("A group has no predictors.");
  return players;
}
function record(keys, value2) {
  const out = /* @__PURE__ */ Object.create(null);
  keys.forEach((key, j) => Object.defineProperty(out, key, { value: value2(j), enumerable: true, writable: true, configurable: true }));
  return out;
}

// src/importance/bootstrap.ts
var MAX_JACKKNIFE_GROUPS = 1e3;
function bootstrapImportance(X, y, options) {
  const plan = planBootstrap(X, y, options);
  const rng = createRng(plan.seed);
  const resamples = resampleRange(plan.work, rng, 0, plan.replicates, options.onProgress && ((completed) => options.onProgress?.({ completed, total: plan.replicates })));
  const jackknife = jackknifeRange(plan.work, 0, plan.work.groups);
  return summarizeBootstrap(plan, resamples, jackknife);
}
function planBootstrap(X, y, options) {
  const replicates = options.replicates ?? 1e3;
  const seed = options.seed ?? 1;
  const level = options.level ?? 0.95;
  if (!Number.isInteger(replicates) || replicates < 2) throw new InvalidArgumentError(`replicates must be an integer of at least 2, got ${replicates}.`);
  if (typeof seed !== "number" || !Number.isFinite(seed)) throw new InvalidArgumentError(`seed must be a finite number, got ${String(seed)}.`);
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  if (options.onProgress !== void 0 && typeof options.onProgress !== "function") throw new InvalidArgumentError("onProgress must be a function.");
  const data = importanceData(X, y, options);
  const full = importanceFromData(data, options);
  const labels = Object.keys(full.importance);
  const importanceOptions = {
    method: options.method,
    ...options.names !== void 0 && { names: options.names },
    ...options.groups !== void 0 && { groups: options.groups },
    ...options.sampling !== void 0 && { sampling: options.sampling }
  };
  const { groups, groupOf } = jackknifeGroups(data.n, seed);
  return { work: { data, options: importanceOptions, labels, groups, groupOf }, full, replicates, seed, level };
}
function resampleRange(work, rng, from, to, onProgress) {
  const n = work.data.n;
  const p = work.labels.length;
  checkRange(from, to, Number.MAX_SAFE_INTEGER, "replicate");
  const counts = new Float64Array(n);
  const values = new Float64Array((to - from) * p);
  const ok = new Uint8Array(to - from);
  for (let b = from; b < to; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const pick = rng.int(n);
      counts[pick] = counts[pick] + 1;
    }
    const v = tryImportance(work.data, counts, work.options, work.labels);
    if (v !== null) {
      values.set(v, (b - from) * p);
      ok[b - from] = 1;
    }
    onProgress?.(b - from + 1);
  }
  return { values, ok };
}
function jackknifeRange(work, from, to) {
  const n = work.data.n;
  const p = work.labels.length;
  checkRange(from, to, work.groups, "jackknife group");
  const keep = new Float64Array(n);
  const values = new Float64Array((to - from) * p);
  const ok = new Uint8Array(to - from);
  for (let g = from; g < to; g++) {
    for (let i = 0; i < n; i++) keep[i] = work.groupOf[i] === g ? 0 : 1;
    const v = tryImportance(work.data, keep, work.options, work.labels);
    if (v !== null) {
      values.set(v, (g - from) * p);
      ok[g - from] = 1;
    }
  }
  return { values, ok };
}
function checkRange(from, to, limit, what) {
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > limit) {
    throw new InvalidArgumentError(`A ${what} range must satisfy 0 <= from <= to <= ${limit} with integers, got [${from}, ${to}).`);
  }
}
function summarizeBootstrap(plan, resamples, jackknife) {
  const { work, full, replicates, seed, level } = plan;
  const labels = work.labels;
  const p = labels.length;
  const estimate = labels.map((l) => full.importance[l]);
  const samples = labels.map(() => []);
  const rankSamples = labels.map(() => []);
  const firstShare = new Float64Array(p);
  let failed = 0;
  for (let b = 0; b < replicates; b++) {
    if (resamples.ok[b] !== 1) {
      failed++;
      continue;
    }
    const values = Array.from(resamples.values.subarray(b * p, (b + 1) * p));
    const ranks = rankDescending(values);
    const top = Math.max(...values);
    const tied = values.filter((v) => v === top).length;
    values.forEach((v, j) => {
      samples[j].push(v);
      rankSamples[j].push(ranks[j]);
      if (v === top) firstShare[j] = firstShare[j] + 1 / tied;
    });
  }
  const good = replicates - failed;
  const warnings2 = [...full.warnings];
  if (failed > 0) warnings2.push({ code: "bootstrap_failures", message: `${failed} of ${replicates} resamples could not be analysed (e.g. a constant column) and were left out.` });
  if (good < 2) throw new PeakEndError("bootstrap_failed", `Only ${good} of ${replicates} resamples could be analysed; the data are too small or too degenerate to bootstrap.`);
  const jackknifeValues = [];
  for (let g = 0; g < work.groups; g++) if (jackknife.ok[g] === 1) jackknifeValues.push(Array.from(jackknife.values.subarray(g * p, (g + 1) * p)));
  const acceleration = Float64Array.from(labels, (_, j) => jackknifeAccelerationOf(jackknifeValues.map((v) => v[j])));
  const alpha = (1 - level) / 2;
  const fullRanks = rankDescending(estimate);
  const estimates = labels.map((name, j) => {
    const sorted = Float64Array.from(samples[j]).sort();
    const theta = estimate[j];
    const intervals = bootstrapIntervals(sorted, theta, acceleration[j], level);
    const ranks = Float64Array.from(rankSamples[j]).sort();
    return {
      name,
      estimate: theta,
      standardError: sampleSd(sorted),
      percentile: intervals.percentile,
      bca: intervals.bca,
      rank: fullRanks[j],
      rankInterval: { lower: quantile(ranks, alpha), upper: quantile(ranks, 1 - alpha) },
      shareRankedFirst: firstShare[j] / good
    };
  });
  return { method: "bootstrap", measure: full.method, replicates, failedReplicates: failed, seed, level, n: work.data.n, rSquared: full.rSquared, estimates, warnings: warnings2 };
}
function tryImportance(data, multiplicity, options, labels) {
  const weights = data.weights.map((w, i) => w * multiplicity[i]);
  const corr = correlationMatrix(data.columns, weights);
  if (corr.some((v) => !Number.isFinite(v))) return null;
  try {
    const result = importanceFromData({ ...data, corr }, options);
    return labels.map((l) => result.importance[l]);
  } catch (error) {
    if (error instanceof PeakEndError) return null;
    throw error;
  }
}
function jackknifeGroups(n, seed) {
  const groups = Math.min(n, MAX_JACKKNIFE_GROUPS);
  const groupOf = new Int32Array(n);
  if (groups === n) groupOf.forEach((_, i) => groupOf[i] = i);
  else {
    const rng = createRng(seed + 1);
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    order.forEach((row, position) => groupOf[row] = position % groups);
  }
  return { groups, groupOf };
}
function jackknifeAccelerationOf(thetas) {
  const mean = thetas.reduce((s, t) => s + t, 0) / thetas.length;
  let s2 = 0;
  let s3 = 0;
  for (const t of thetas) {
    const d = mean - t;
    s2 += d * d;
    s3 += d * d * d;
  }
  return s2 > 0 ? s3 / (6 * s2 ** 1.5) : 0;
}
function bootstrapIntervals(sorted, estimate, acceleration, level) {
  const alpha = (1 - level) / 2;
  let below = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i];
    below += v < estimate ? 1 : v === estimate ? 0.5 : 0;
  }
  const z0 = normalQuantile(below / sorted.length);
  const adjusted = (zAlpha) => {
    const denominator = 1 - acceleration * (z0 + zAlpha);
    if (!Number.isFinite(z0) || !(denominator > 0)) return null;
    return normalCdf(z0 + (z0 + zAlpha) / denominator);
  };
  const lowLevel = adjusted(normalQuantile(alpha));
  const highLevel = adjusted(normalQuantile(1 - alpha));
  return {
    percentile: { lower: quantile(sorted, alpha), upper: quantile(sorted, 1 - alpha) },
    bca: { lower: lowLevel === null ? null : quantile(sorted, lowLevel), upper: highLevel === null ? null : quantile(sorted, highLevel) }
  };
}
function quantile(sorted, probability) {
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, probability));
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
function sampleSd(values) {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1));
}

// src/linalg/cholesky.ts
function cholesky(a, n) {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] ** 2;
    if (!(d > 1e-14 * Math.abs(a[j * n + j])) || !Number.isFinite(d)) return null;
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / ljj;
    }
  }
  return l;
}
function choleskySolve(l, n, b) {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}
function choleskyInverse(l, n) {
  const inv = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const column = choleskySolve(l, n, e);
    for (let i = 0; i < n; i++) inv[i * n + j] = column[i];
  }
  return inv;
}

// src/regression/glm-data.ts
function modelData(what, X, y, options) {
  const { p, names } = shape(what, X, y, options);
  const N = y.length;
  let rows = null;
  const ys = new Float64Array(N);
  const ws = new Float64Array(N);
  const weights = options.weights;
  let n = 0;
  let missing = 0;
  let zeroWeight = 0;
  for (let i = 0; i < N; i++) {
    const row = X[i];
    if (row.length !== p) throw new InvalidArgumentError(`Row ${i + 1} of X has ${row.length} values; row 1 has ${p}.`);
    let complete = true;
    const yi = value(y[i], i, "y");
    if (Number.isNaN(yi)) complete = false;
    for (let j = 0; j < p; j++) {
      const v = row[j];
      if (!(typeof v === "number" && v - v === 0) && Number.isNaN(value(v, i, names[j]))) complete = false;
    }
    const wi = weights === void 0 ? 1 : value(weights[i], i, "weights");
    if (wi < 0) throw new InvalidArgumentError(`Weight ${wi} in row ${i + 1} is negative; weights must be >= 0.`);
    if (!complete || Number.isNaN(wi) || wi === 0) {
      if (!complete || Number.isNaN(wi)) missing++;
      else zeroWeight++;
      rows ??= X.slice(0, i);
      continue;
    }
    rows?.push(row);
    ys[n] = yi;
    ws[n] = wi;
    n++;
  }
  return { names, rows: rows ?? X, y: ys.subarray(0, n), w: ws.subarray(0, n), n, p, rowsDropped: { missing, zeroWeight } };
}
function shape(what, X, y, options) {
  if (X.length !== y.length) throw new InvalidArgumentError(`${what} needs one row of X per value of y, got ${X.length} rows and ${y.length} values.`);
  const p = X[0]?.length ?? options.names?.length ?? 0;
  const names = options.names ? [...options.names] : Array.from({ length: p }, (_, j) => `x${j + 1}`);
  if (names.length !== p) throw new InvalidArgumentError(`names has ${names.length} entries but X has ${p} columns.`);
  if (options.weights !== void 0 && options.weights.length !== y.length) throw new InvalidArgumentError(`weights has ${options.weights.length} entries but y has ${y.length}.`);
  return { p, names };
}
function completeCaseData(what, X, y, options) {
  const { p, names } = shape(what, X, y, options);
  if (options.weights !== void 0) return null;
  const n = y.length;
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (typeof v !== "number" || v - v !== 0) return null;
    ys[i] = v;
  }
  return { names, rows: X, y: ys, w: new Float64Array(n).fill(1), n, p, rowsDropped: { missing: 0, zeroWeight: 0 } };
}
function rowMajor(data) {
  const { n, p, rows } = data;
  const x = new Float64Array(n * p);
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    for (let j = 0; j < p; j++) x[r * p + j] = row[j];
  }
  return x;
}
function value(v, row, column) {
  if (v === null || v === void 0) return Number.NaN;
  if (typeof v !== "number") throw new InvalidArgumentError(`Row ${row + 1}, ${column}: ${JSON.stringify(v)} is not a number; use NaN or null for missing values.`);
  if (!Number.isFinite(v) && !Number.isNaN(v)) throw new InvalidArgumentError(`Row ${row + 1}, ${column}: ${v} is not a finite number; use NaN or null for missing values.`);
  return v;
}

// src/regression/logistic.ts
function logisticRegression(X, y, options = {}) {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  const data = modelData("logisticRegression", X, y, options);
  const { n, p, w } = data;
  const x = rowMajor(data);
  const values = [...new Set(data.y)].sort((a, b) => a - b);
  if (values.length > 2) throw new InvalidArgumentError(`logisticRegression needs a binary outcome; y has ${values.length} values (${values.slice(0, 5).join(", ")}...). Dichotomise it first, e.g. top-2-box.`);
  const positive = options.positive ?? (values.length === 2 ? values[1] : 1);
  if (n === 0) throw new InsufficientDataError(`logisticRegression: no complete rows to fit (${data.rowsDropped.missing} dropped for missing values, ${data.rowsDropped.zeroWeight} for zero weight).`);
  if (values.length < 2) {
    throw new InsufficientDataError(`logisticRegression needs both outcomes, but every complete row has y = ${values[0]}; there is nothing to model.`);
  }
  if (!values.includes(positive)) throw new InvalidArgumentError(`positive = ${positive} is not one of the outcome values ${values.join(", ")}.`);
  const event = Float64Array.from(data.y, (v) => v === positive ? 1 : 0);
  const m = p + 1;
  if (n <= m) throw new InsufficientDataError(`logisticRegression requires more than ${m} complete rows for ${p} predictors and an intercept, got ${n}.`);
  const row = (i, j) => j === 0 ? 1 : x[i * p + j - 1];
  const evaluate = (beta2) => {
    const g = new Float64Array(m);
    const info = new Float64Array(m * m);
    let ll = 0;
    let minProbability = 1;
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j < m; j++) eta += row(i, j) * beta2[j];
      const logMu = -softplus(-eta);
      const logOneMinus = -softplus(eta);
      const mu = Math.exp(logMu);
      const yi = event[i];
      const wi = w[i];
      ll += wi * (yi * logMu + (1 - yi) * logOneMinus);
      minProbability = Math.min(minProbability, yi === 1 ? mu : 1 - mu);
      const variance = mu * Math.exp(logOneMinus);
      for (let j = 0; j < m; j++) {
        const xj = row(i, j);
        g[j] = g[j] + wi * (yi - mu) * xj;
        for (let k = j; k < m; k++) info[j * m + k] = info[j * m + k] + wi * variance * xj * row(i, k);
      }
    }
    for (let j = 0; j < m; j++) for (let k = 0; k < j; k++) info[j * m + k] = info[k * m + j];
    return { ll, g, info, minProbability };
  };
  const beta = new Float64Array(m);
  {
    const info = new Float64Array(m * m);
    const rhs = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      const wi = w[i];
      const mu = (wi * event[i] + 0.5) / (wi + 1);
      const eta = Math.log(mu / (1 - mu));
      const weight = wi * mu * (1 - mu);
      const z4 = eta + (event[i] - mu) / (mu * (1 - mu));
      for (let j = 0; j < m; j++) {
        rhs[j] = rhs[j] + weight * row(i, j) * z4;
        for (let k = 0; k < m; k++) info[j * m + k] = info[j * m + k] + weight * row(i, j) * row(i, k);
      }
    }
    const l2 = cholesky(info, m);
    if (l2 === null) throw new ConvergenceError("singular_information", singularMessage());
    beta.set(choleskySolve(l2, m, rhs));
  }
  const maxIterations = options.maxIterations ?? 50;
  let current = evaluate(beta);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const l2 = cholesky(current.info, m);
    if (l2 === null) break;
    const step = choleskySolve(l2, m, current.g);
    let decrement = 0;
    for (let j = 0; j < m; j++) decrement += current.g[j] * step[j];
    let scale = 1;
    let accepted = false;
    for (let halving = 0; halving < 40; halving++, scale /= 2) {
      const candidate = beta.map((b, j) => b + scale * step[j]);
      const next = evaluate(candidate);
      if (next.ll >= current.ll - 1e-12 * Math.abs(current.ll)) {
        beta.set(candidate);
        current = next;
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
    if (scale === 1 && decrement < CONVERGENCE_TOLERANCE * Math.max(1, Math.abs(current.ll))) {
      converged = true;
      iterations++;
      break;
    }
  }
  const separated = current.minProbability > 1 - 1e-9 || !converged && current.ll > -1e-6;
  const standardized = data.names.map((_, j) => Math.abs(beta[j + 1]) * columnSd(x, p, j));
  const largest = data.names.filter((_, j) => standardized[j] > 15);
  if (separated || largest.length > 0) {
    const top = standardized.indexOf(Math.max(...standardized));
    const culprits = largest.length > 0 ? largest : top >= 0 ? [data.names[top]] : ["(Intercept)"];
    throw new ConvergenceError(
      "separation",
      `logisticRegression: ${culprits.map((c) => `"${c}"`).join(", ")} (almost) perfectly separate${culprits.length === 1 ? "s" : ""} the two outcomes, so the maximum-likelihood estimate does not exist (coefficients diverge); drop or recode the predictor, or use a penalised (Firth) model.`
    );
  }
  const l = cholesky(current.info, m);
  if (l === null) throw new ConvergenceError("singular_information", singularMessage());
  if (!converged) throw new ConvergenceError("no_convergence", `logisticRegression did not converge in ${iterations} iterations.`);
  const covariance = choleskyInverse(l, m);
  const z3 = normalQuantile((1 + level) / 2);
  const coefficients = ["(Intercept)", ...data.names].map((name, j) => {
    const estimate = beta[j];
    const stdError = Math.sqrt(covariance[j * m + j]);
    const zValue = estimate / stdError;
    return { name, estimate, stdError, zValue, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(zValue))), ciLower: estimate - z3 * stdError, ciUpper: estimate + z3 * stdError };
  });
  let sumW = 0;
  let sumWy = 0;
  for (let i = 0; i < n; i++) {
    sumW += w[i];
    sumWy += w[i] * event[i];
  }
  const p0 = sumWy / sumW;
  const deviance = -2 * current.ll;
  const nullDeviance = -2 * (sumWy * Math.log(p0) + (sumW - sumWy) * Math.log(1 - p0));
  let logLik = 0;
  let nullLogLik = 0;
  for (let i = 0; i < n; i++) {
    const count = Math.round(w[i]);
    if (count === 0) continue;
    let eta = beta[0];
    for (let j = 1; j < m; j++) eta += row(i, j) * beta[j];
    const yes = event[i] === 1;
    logLik += count * -softplus(yes ? -eta : eta);
    nullLogLik += count * Math.log(yes ? p0 : 1 - p0);
  }
  const statistic = nullDeviance - deviance;
  const diag = Array.from({ length: m }, (_, j) => l[j * m + j] ** 2);
  const warnings2 = [];
  if (data.rowsDropped.missing > 0) warnings2.push({ code: "rows_dropped_missing", message: `${data.rowsDropped.missing} row${data.rowsDropped.missing === 1 ? "" : "s"} with a missing value left out (listwise deletion).` });
  if (data.rowsDropped.zeroWeight > 0) warnings2.push({ code: "rows_dropped_zero_weight", message: `${data.rowsDropped.zeroWeight} row${data.rowsDropped.zeroWeight === 1 ? "" : "s"} with weight 0 left out.` });
  if (Array.from(w).some((v) => v !== Math.round(v))) {
    warnings2.push({
      code: "non_integer_weights",
      message: "The weights are not whole numbers: logLik, AIC and BIC follow glm and count each row round(weight) times; deviance, the likelihood-ratio test and McFadden R-squared use the weights as given."
    });
  }
  if (Math.min(sumWy, sumW - sumWy) < 10 * p) {
    warnings2.push({ code: "few_events", message: `Only ${Math.round(Math.min(sumWy, sumW - sumWy))} cases in the smaller outcome group for ${p} predictors (fewer than 10 per predictor): estimates may be biased.` });
  }
  return {
    method: "logistic",
    n,
    rowsDropped: data.rowsDropped,
    positive,
    coefficients,
    logLik,
    nullLogLik,
    deviance,
    nullDeviance,
    aic: -2 * logLik + 2 * m,
    bic: -2 * logLik + Math.log(n) * m,
    likelihoodRatio: { statistic, df: p, pValue: p > 0 ? chiSquareUpperTail(statistic, p) : 1 },
    mcFaddenRSquared: 1 - deviance / nullDeviance,
    convergence: { converged, iterations, maxGradient: Math.max(...Array.from(current.g, Math.abs)), conditionNumber: Math.max(...diag) / Math.min(...diag) },
    warnings: warnings2
  };
}
var CONVERGENCE_TOLERANCE = 1e-12;
function softplus(x) {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}
function columnSd(x, p, j) {
  const n = x.length / p;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i * p + j];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i * p + j] - mean) ** 2;
  return Math.sqrt(ss / n);
}
function singularMessage() {
  return "logisticRegression: the information matrix is singular: a predictor is constant or a linear combination of others; remove it.";
}

// src/linalg/gram-wasm.ts
var GRAM_WASM_BASE64 = "AGFzbQEAAAABCgFgBn9/f39/fwADAgEABQMBAAEHEQIGbWVtb3J5AgAEZ3JhbQAACr0FAboFAgx/D3sgBUEDdCEKIARBA3QhCUEAIQYCQANAIAYgAk4NASAAIAYgCmxqIQsgCyAKaiEMIAwgCmohDSAGIQcCQANAIAcgAk4NASAAIAcgCmxqIQ4gDiAKaiEPIA8gCmohEP0MAAAAAAAAAAAAAAAAAAAAACEY/QwAAAAAAAAAAAAAAAAAAAAAIRn9DAAAAAAAAAAAAAAAAAAAAAAhGv0MAAAAAAAAAAAAAAAAAAAAACEb/QwAAAAAAAAAAAAAAAAAAAAAIRz9DAAAAAAAAAAAAAAAAAAAAAAhHf0MAAAAAAAAAAAAAAAAAAAAACEe/QwAAAAAAAAAAAAAAAAAAAAAIR/9DAAAAAAAAAAAAAAAAAAAAAAhIEEAIQgCQANAIAggCU4NASALIAhq/QAEACESIAwgCGr9AAQAIRMgDSAIav0ABAAhFCAOIAhq/QAEACEVIA8gCGr9AAQAIRYgECAIav0ABAAhFyAYIBIgFf3yAf3wASEYIBkgEiAW/fIB/fABIRkgGiASIBf98gH98AEhGiAbIBMgFf3yAf3wASEbIBwgEyAW/fIB/fABIRwgHSATIBf98gH98AEhHSAeIBQgFf3yAf3wASEeIB8gFCAW/fIB/fABIR8gICAUIBf98gH98AEhICAIQRBqIQgMAAsLIAEgBiADbCAHakEDdGohESARIBj9IQAgGP0hAaA5AwAgESAZ/SEAIBn9IQGgOQMIIBEgGv0hACAa/SEBoDkDECARIANBA3RqIREgESAb/SEAIBv9IQGgOQMAIBEgHP0hACAc/SEBoDkDCCARIB39IQAgHf0hAaA5AxAgESADQQN0aiERIBEgHv0hACAe/SEBoDkDACARIB/9IQAgH/0hAaA5AwggESAg/SEAICD9IQGgOQMQIAdBA2ohBwwACwsgBkEDaiEGDAALCws=";

// src/linalg/cross-product.ts
var BLOCK = 256;
var CHUNK = 64;
function crossProducts(rows, y, w, n, p, centred, kernelChoice = "auto") {
  const q = p + 1;
  const padded = Math.ceil(q / 3) * 3;
  const kernel = kernelChoice === "auto" ? wasmKernel(padded) : null;
  const z3 = kernel?.z ?? new Float64Array(padded * BLOCK);
  const tiles = kernel?.tiles ?? new Float64Array(padded * padded);
  const block = emptyMoments(q);
  const chunk = emptyMoments(q);
  const total = emptyMoments(q);
  const origin = new Float64Array(q);
  if (centred && n > 0) {
    const first = rows[0];
    for (let j = 0; j < p; j++) origin[j] = first[j];
    origin[p] = y[0];
  }
  const shift = origin.slice();
  const offset = new Float64Array(q);
  const sums = new Float64Array(q);
  let blocksInChunk = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const length = Math.min(BLOCK, n - start);
    sums.fill(0);
    const yShift = shift[p];
    if (w === null) {
      for (let i = 0; i < length; i++) {
        const row = rows[start + i];
        if (row.length !== p) return null;
        for (let j = 0, at = i; j < p; j++, at += BLOCK) {
          const x = row[j];
          if (typeof x !== "number" || x - x !== 0) return null;
          const v2 = x - shift[j];
          z3[at] = v2;
          sums[j] = sums[j] + v2;
        }
        const v = y[start + i] - yShift;
        z3[p * BLOCK + i] = v;
        sums[p] = sums[p] + v;
      }
    } else {
      for (let i = 0; i < length; i++) {
        const row = rows[start + i];
        if (row.length !== p) return null;
        const wi = w[start + i];
        const si = Math.sqrt(wi);
        for (let j = 0, at = i; j < p; j++, at += BLOCK) {
          const x = row[j];
          if (typeof x !== "number" || x - x !== 0) return null;
          const v2 = x - shift[j];
          z3[at] = v2 * si;
          sums[j] = sums[j] + wi * v2;
        }
        const v = y[start + i] - yShift;
        z3[p * BLOCK + i] = v * si;
        sums[p] = sums[p] + wi * v;
      }
    }
    let blockWeight = length;
    if (w !== null) {
      blockWeight = 0;
      for (let i = 0; i < length; i++) blockWeight += w[start + i];
    }
    block.weight = blockWeight;
    if (kernel === null) gram(z3, tiles, q, padded, length);
    else {
      if (length % 2 === 1) for (let j = 0; j < q; j++) z3[j * BLOCK + length] = 0;
      kernel.gram(q, length + length % 2);
    }
    for (let a = 0; a < q; a++) {
      const ta = sums[a] / blockWeight;
      block.means[a] = centred ? offset[a] + ta : 0;
      for (let b = a; b < q; b++) block.m2[a * q + b] = tiles[a * padded + b] - (centred ? ta * sums[b] : 0);
    }
    merge(chunk, block, q);
    if (++blocksInChunk === CHUNK || start + BLOCK >= n) {
      merge(total, chunk, q);
      chunk.weight = 0;
      chunk.means.fill(0);
      chunk.m2.fill(0);
      blocksInChunk = 0;
    }
    if (centred) {
      const running = total.weight > 0 ? total.means : chunk.means;
      for (let j = 0; j < q; j++) {
        shift[j] = origin[j] + running[j];
        offset[j] = shift[j] - origin[j];
      }
    }
  }
  const { m2 } = total;
  for (let a = 0; a < q; a++) for (let b = 0; b < a; b++) m2[a * q + b] = m2[b * q + a];
  return { comoments: m2, means: total.means.map((mean, j) => origin[j] + mean) };
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
function emptyMoments(q) {
  return { weight: 0, means: new Float64Array(q), m2: new Float64Array(q * q) };
}
function merge(into, from, q) {
  if (from.weight === 0) return;
  const weight = into.weight + from.weight;
  const factor = into.weight * from.weight / weight;
  for (let a = 0; a < q; a++) {
    const da = from.means[a] - into.means[a];
    for (let b = a; b < q; b++) {
      const db = from.means[b] - into.means[b];
      into.m2[a * q + b] = into.m2[a * q + b] + from.m2[a * q + b] + factor * da * db;
    }
  }
  for (let a = 0; a < q; a++) into.means[a] = into.means[a] + from.weight / weight * (from.means[a] - into.means[a]);
  into.weight = weight;
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

// src/linalg/qr.ts
function householderQr(a, n, p, tolerance) {
  const pivot = Int32Array.from({ length: p }, (_, j) => j);
  const originalNorm = new Float64Array(p);
  for (let j = 0; j < p; j++) originalNorm[j] = columnNorm(a, n, j, 0);
  const rDiagonal = new Float64Array(p);
  let rank = 0;
  let last = p;
  const limit = Math.min(n, p);
  while (rank < limit && rank < last) {
    const k = rank;
    const norm = columnNorm(a, n, k, k);
    if (!(norm > tolerance * originalNorm[k]) || norm === 0) {
      moveColumnToEnd(a, n, k, last, pivot, originalNorm);
      last--;
      continue;
    }
    const base = k * n;
    const signedNorm = a[base + k] < 0 ? -norm : norm;
    for (let i = k; i < n; i++) a[base + i] = a[base + i] / signedNorm;
    a[base + k] = a[base + k] + 1;
    const v0 = a[base + k];
    for (let j = k + 1; j < p; j++) {
      const cj = j * n;
      let dot = 0;
      for (let i = k; i < n; i++) dot += a[base + i] * a[cj + i];
      const t = -dot / v0;
      for (let i = k; i < n; i++) a[cj + i] = a[cj + i] + t * a[base + i];
    }
    rDiagonal[k] = -signedNorm;
    rank++;
  }
  return { rows: n, columns: p, rank, qr: a, rDiagonal, pivot };
}
function applyQTranspose(d, b) {
  const { qr, rows: n, rank } = d;
  for (let k = 0; k < rank; k++) {
    const base = k * n;
    const v0 = qr[base + k];
    let dot = 0;
    for (let i = k; i < n; i++) dot += qr[base + i] * b[i];
    const t = -dot / v0;
    for (let i = k; i < n; i++) b[i] = b[i] + t * qr[base + i];
  }
}
function solveR(d, c) {
  const { qr, rows: n, rank, rDiagonal } = d;
  const x = new Float64Array(rank);
  for (let i = rank - 1; i >= 0; i--) {
    let s = c[i];
    for (let j = i + 1; j < rank; j++) s -= qr[j * n + i] * x[j];
    x[i] = s / rDiagonal[i];
  }
  return x;
}
function rEntry(d, i, j) {
  return i === j ? d.rDiagonal[i] : d.qr[j * d.rows + i];
}
function columnNorm(a, n, j, from) {
  const base = j * n;
  let scale = 0;
  for (let i = from; i < n; i++) scale = Math.max(scale, Math.abs(a[base + i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (let i = from; i < n; i++) {
    const v = a[base + i] / scale;
    sum += v * v;
  }
  return scale * Math.sqrt(sum);
}
function moveColumnToEnd(a, n, k, last, pivot, norms) {
  const column = a.slice(k * n, (k + 1) * n);
  a.copyWithin(k * n, (k + 1) * n, last * n);
  a.set(column, (last - 1) * n);
  const piv = pivot[k];
  const norm = norms[k];
  for (let j = k; j < last - 1; j++) {
    pivot[j] = pivot[j + 1];
    norms[j] = norms[j + 1];
  }
  pivot[last - 1] = piv;
  norms[last - 1] = norm;
}
function invertUpper(r, k) {
  const inv = new Float64Array(k * k);
  for (let col = 0; col < k; col++) {
    for (let i = col; i >= 0; i--) {
      let s = i === col ? 1 : 0;
      for (let j = i + 1; j <= col; j++) s -= r[i * k + j] * inv[j * k + col];
      inv[i * k + col] = s / r[i * k + i];
    }
  }
  return inv;
}

// src/linalg/singular-values.ts
function singularValues(a, n, p) {
  const u = a.slice();
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let j = 0; j < p - 1; j++) {
      for (let k = j + 1; k < p; k++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < n; i++) {
          const x = u[j * n + i];
          const y = u[k * n + i];
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < n; i++) {
          const x = u[j * n + i];
          const y = u[k * n + i];
          u[j * n + i] = c * x - s * y;
          u[k * n + i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  const values = [];
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += u[j * n + i] ** 2;
    values.push(Math.sqrt(s));
  }
  return values;
}

// src/regression/ols.ts
var RANK_TOLERANCE = 1e-10;
var CROSS_PRODUCT_MIN_ROWS = 1e4;
var RSS_BY_DIFFERENCE_MIN_SHARE = 0.01;
var MAX_REFINEMENT_PASSES = 3;
var CROSS_PRODUCT_MAX_CONDITION = 100;
function ols(X, y, options = {}) {
  const intercept = options.intercept ?? true;
  const covariance = options.covariance ?? "classical";
  const algorithm = options.algorithm ?? "auto";
  if (!["auto", "qr", "cholesky"].includes(algorithm)) throw new InvalidArgumentError(`algorithm must be 'auto', 'qr' or 'cholesky', got ${JSON.stringify(algorithm)}.`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1 (e.g. 0.95), got ${level}.`);
  if (!["classical", "HC0", "HC1", "HC2", "HC3"].includes(covariance)) {
    throw new InvalidArgumentError(`covariance must be 'classical', 'HC0', 'HC1', 'HC2' or 'HC3', got ${JSON.stringify(covariance)}.`);
  }
  const useCrossProducts = algorithm === "cholesky" || algorithm === "auto" && X.length >= CROSS_PRODUCT_MIN_ROWS;
  const complete = useCrossProducts ? completeCaseData("ols", X, y, options) : null;
  let products = complete === null ? null : crossProducts(complete.rows, complete.y, null, complete.n, complete.p, intercept);
  const data = complete !== null && products !== null ? complete : modelData("ols", X, y, options);
  const { n, p, names } = data;
  const { missing, zeroWeight } = data.rowsDropped;
  const parameters = p + (intercept ? 1 : 0);
  if (n <= parameters) {
    const dropped = missing + zeroWeight;
    throw new InsufficientDataError(
      `ols requires at least ${parameters + 1} complete rows for ${p} predictor${p === 1 ? "" : "s"}${intercept ? " and an intercept" : ""}, got ${n}` + (dropped > 0 ? ` (${missing} rows dropped for missing values${zeroWeight > 0 ? `, ${zeroWeight} for zero weight` : ""}).` : ".")
    );
  }
  const w = data.w;
  const yv = data.y;
  let sumW = 0;
  for (let r = 0; r < n; r++) sumW += w[r];
  if (intercept && yv.every((v) => v === yv[0])) {
    throw new InsufficientDataError(`ols: the outcome has no variation (every complete row has ${yv[0]}); there is nothing for the predictors to explain.`);
  }
  const weights = options.weights === void 0 ? null : w;
  const keep = options.keepResiduals === true || covariance !== "classical";
  if (useCrossProducts && products === null) products = crossProducts(data.rows, data.y, weights, n, p, intercept);
  const fit = (products === null ? null : crossProductFit(data, products, intercept, keep)) ?? qrFit(data, weights, intercept, keep);
  const { kept, scale, slope, interceptEstimate, fitted, residuals, rss, mss } = fit;
  const means = fit.centre.subarray(0, p);
  const rank = kept.length;
  const dfResidual = n - rank - (intercept ? 1 : 0);
  const dfModel = rank;
  const sigma2 = rss / dfResidual;
  const exactFit = rss <= 1e-30 * Math.max(mss, 1e-300) || rss === 0;
  const rSquared = mss / (mss + rss);
  const adjustedRSquared = 1 - (1 - rSquared) * ((n - (intercept ? 1 : 0)) / dfResidual);
  const fStatistic = exactFit || dfModel === 0 ? null : mss / dfModel / sigma2;
  const rInv = invertUpper(fit.r, rank);
  const unscaled = new Float64Array(rank * rank);
  for (let i = 0; i < rank; i++) {
    for (let j = i; j < rank; j++) {
      let s = 0;
      for (let k = j; k < rank; k++) s += rInv[i * rank + k] * rInv[j * rank + k];
      unscaled[i * rank + j] = s;
      unscaled[j * rank + i] = s;
    }
  }
  const m = rank + (intercept ? 1 : 0);
  const off = intercept ? 1 : 0;
  const bread = new Float64Array(m * m);
  for (let i = 0; i < rank; i++) {
    for (let j = 0; j < rank; j++) {
      bread[(i + off) * m + j + off] = unscaled[i * rank + j] / (scale[kept[i]] * scale[kept[j]]);
    }
  }
  if (intercept) {
    const keptMeans = kept.map((col) => means[col]);
    let v0 = 1 / sumW;
    for (let i = 0; i < rank; i++) {
      let c = 0;
      for (let j = 0; j < rank; j++) c += bread[(i + 1) * m + j + 1] * keptMeans[j];
      bread[(i + 1) * m] = -c;
      bread[i + 1] = -c;
      v0 += keptMeans[i] * c;
    }
    bread[0] = v0;
  }
  const vcov = covariance === "classical" ? bread.map((v) => v * sigma2) : sandwich(bread, m, data.rows, kept, intercept, w, residuals, covariance, n);
  const tCritical = studentTQuantile((1 + level) / 2, dfResidual);
  const sdY = weightedSd(yv, w, sumW);
  const vifs = intercept ? kept.map((_, k) => unscaled[k * rank + k]) : null;
  const table = [];
  const coefficient = (name, estimate, index, standardized, vif) => {
    const stdError = Math.sqrt(vcov[index * m + index]);
    const tValue = exactFit ? null : estimate / stdError;
    return {
      name,
      estimate,
      stdError: exactFit ? 0 : stdError,
      tValue,
      pValue: tValue === null ? null : Math.min(1, 2 * studentTUpperTail(Math.abs(tValue), dfResidual)),
      ciLower: exactFit ? estimate : estimate - tCritical * stdError,
      ciUpper: exactFit ? estimate : estimate + tCritical * stdError,
      standardized,
      vif
    };
  };
  if (intercept) table.push(coefficient("(Intercept)", interceptEstimate, 0, null, null));
  const position = new Map(kept.map((col, k) => [col, k]));
  for (let j = 0; j < p; j++) {
    const k = position.get(j);
    if (k === void 0) {
      table.push({ name: names[j], aliased: true });
      continue;
    }
    const sdX = intercept ? scale[j] / Math.sqrt(sumW) : weightedSd(Float64Array.from(data.rows, (row) => row[j]), w, sumW);
    table.push(coefficient(names[j], slope[j], k + off, sdY > 0 ? slope[j] * sdX / sdY : null, vifs === null ? null : vifs[k]));
  }
  let sumLogW = 0;
  for (let r = 0; r < n; r++) sumLogW += Math.log(w[r]);
  const logLik = exactFit ? null : 0.5 * (sumLogW - n * (Math.log(2 * Math.PI) + 1 - Math.log(n) + Math.log(rss)));
  const parametersWithSigma = m + 1;
  const warnings2 = collectWarnings(names, table, kept, p, n, m, missing, zeroWeight, exactFit);
  const conditionNumber2 = fit.conditionNumber;
  if (conditionNumber2 >= 30) {
    warnings2.push({ code: "near_collinearity", message: `The scaled design's condition number is ${conditionNumber2.toPrecision(3)} (>= 30 signals collinearity, Belsley 1991); estimates may be unstable.` });
  }
  return {
    method: "ols",
    algorithm: fit.algorithm,
    covariance,
    level,
    n,
    rowsDropped: { missing, zeroWeight },
    coefficients: table,
    rank: m,
    rSquared,
    adjustedRSquared,
    fStatistic,
    fPValue: fStatistic === null ? null : fUpperTail(fStatistic, dfModel, dfResidual),
    dfModel,
    dfResidual,
    residualStdError: Math.sqrt(sigma2),
    logLik,
    aic: logLik === null ? null : -2 * logLik + 2 * parametersWithSigma,
    bic: logLik === null ? null : -2 * logLik + Math.log(n) * parametersWithSigma,
    conditionNumber: conditionNumber2,
    warnings: warnings2,
    ...options.keepResiduals === true && residuals !== null && fitted !== null && { residuals: Array.from(residuals), fitted: Array.from(fitted) }
  };
}
function weightedSd(values, w, sumW) {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += w[i] * values[i];
  mean /= sumW;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += w[i] * (values[i] - mean) ** 2;
  return Math.sqrt(ss / sumW);
}
function sandwich(bread, m, rows, kept, intercept, w, residuals, type, n) {
  const meat = new Float64Array(m * m);
  const z3 = new Float64Array(m);
  const bz = new Float64Array(m);
  for (let r = 0; r < n; r++) {
    let k = 0;
    if (intercept) z3[k++] = 1;
    const row = rows[r];
    for (const col of kept) z3[k++] = row[col];
    const wr = w[r];
    let omega = 1;
    if (type === "HC2" || type === "HC3") {
      let h = 0;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += bread[i * m + j] * z3[j];
        bz[i] = s;
        h += z3[i] * s;
      }
      h *= wr;
      omega = type === "HC2" ? 1 / (1 - h) : 1 / (1 - h) ** 2;
    }
    const u = wr * wr * residuals[r] ** 2 * omega;
    for (let i = 0; i < m; i++) for (let j = i; j < m; j++) meat[i * m + j] = meat[i * m + j] + u * z3[i] * z3[j];
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) meat[i * m + j] = meat[j * m + i];
  const factor = type === "HC1" ? n / (n - m) : 1;
  const tmp = multiply(bread, meat, m);
  return multiply(tmp, bread, m).map((v) => v * factor);
}
function multiply(a, b, m) {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] = out[i * m + j] + aik * b[k * m + j];
    }
  }
  return out;
}
function qrFit(data, weights, intercept, keep) {
  const { n, p, rows, y, w } = data;
  const centre = intercept ? weightedMeans(data) : new Float64Array(p + 1);
  const sw = weights === null ? null : weights.map(Math.sqrt);
  const a = new Float64Array(n * p);
  for (let r2 = 0; r2 < n; r2++) {
    const row = rows[r2];
    const f = sw === null ? 1 : sw[r2];
    for (let j = 0; j < p; j++) a[j * n + r2] = (row[j] - centre[j]) * f;
  }
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sq = 0;
    for (let r2 = 0; r2 < n; r2++) sq += a[j * n + r2] ** 2;
    const norm = Math.sqrt(sq);
    scale[j] = norm;
    if (norm > 0) for (let r2 = 0; r2 < n; r2++) a[j * n + r2] = a[j * n + r2] / norm;
  }
  const design = a.slice();
  const yCentre = centre[p];
  const b = Float64Array.from(y, (v, r2) => (sw === null ? 1 : sw[r2]) * (v - yCentre));
  const qr = householderQr(a, n, p, RANK_TOLERANCE);
  const rank = qr.rank;
  const kept = Array.from(qr.pivot.subarray(0, rank));
  const qtb = b.slice();
  applyQTranspose(qr, qtb);
  const betaScaled = solveR(qr, qtb);
  for (let step = 0; step < 2; step++) {
    const residual = b.slice();
    kept.forEach((col, k) => {
      const beta = betaScaled[k];
      for (let r2 = 0; r2 < n; r2++) residual[r2] = residual[r2] - beta * design[col * n + r2];
    });
    applyQTranspose(qr, residual);
    const correction = solveR(qr, residual);
    for (let k = 0; k < rank; k++) betaScaled[k] = betaScaled[k] + correction[k];
  }
  const r = new Float64Array(rank * rank);
  for (let i = 0; i < rank; i++) for (let j = i; j < rank; j++) r[i * rank + j] = rEntry(qr, i, j);
  const coefficients = unscale(betaScaled, kept, scale, centre, intercept);
  const sums = residualPass(data, coefficients.slope, centre, intercept, keep, null);
  return { algorithm: "qr", centre, kept, scale, r, conditionNumber: conditionNumber(r, rank), ...coefficients, ...sums };
}
function crossProductFit(data, products, intercept, keep) {
  const { p } = data;
  const { comoments: g, means: centre } = products;
  const q = p + 1;
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) scale[j] = Math.sqrt(g[j * q + j]);
  if (!scale.every((s) => s > 0 && Number.isFinite(s))) return null;
  const c = new Float64Array(p * p);
  const cy = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) c[i * p + j] = g[i * q + j] / (scale[i] * scale[j]);
    cy[i] = g[i * q + p] / scale[i];
  }
  const l = cholesky(c, p);
  if (l === null) return null;
  const r = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) r[i * p + j] = l[j * p + i];
  const kappa = conditionNumber(r, p);
  if (!(kappa <= CROSS_PRODUCT_MAX_CONDITION)) return null;
  const kept = Array.from({ length: p }, (_, j) => j);
  const betaScaled = choleskySolve(l, p, cy);
  const modelSumOfSquares = () => {
    let mss = 0;
    for (let i = 0; i < p; i++) {
      let row = 0;
      for (let j = 0; j < p; j++) row += c[i * p + j] * betaScaled[j];
      mss += betaScaled[i] * row;
    }
    return mss;
  };
  if (!keep) {
    const mss = modelSumOfSquares();
    const tss = g[p * q + p];
    const rss2 = tss - mss;
    if (rss2 >= RSS_BY_DIFFERENCE_MIN_SHARE * tss) {
      return { algorithm: "cholesky", centre, kept, scale, r, conditionNumber: kappa, ...unscale(betaScaled, kept, scale, centre, intercept), rss: rss2, mss, fitted: null, residuals: null };
    }
  }
  const gradient = new Float64Array(p);
  let rss = 0;
  for (let step = 0; step < MAX_REFINEMENT_PASSES; step++) {
    const sums = residualPass(data, unscale(betaScaled, kept, scale, centre, intercept).slope, centre, intercept, false, gradient);
    for (let j = 0; j < p; j++) gradient[j] = gradient[j] / scale[j];
    const correction = choleskySolve(l, p, gradient);
    let size = 0;
    let norm = 0;
    rss = sums.rss;
    for (let j = 0; j < p; j++) {
      betaScaled[j] = betaScaled[j] + correction[j];
      rss -= correction[j] * gradient[j];
      size = Math.max(size, Math.abs(correction[j]));
      norm = Math.max(norm, Math.abs(betaScaled[j]));
    }
    if (size <= 1e-8 * norm) break;
  }
  const coefficients = unscale(betaScaled, kept, scale, centre, intercept);
  if (keep) {
    const sums = residualPass(data, coefficients.slope, centre, intercept, true, null);
    return { algorithm: "cholesky", centre, kept, scale, r, conditionNumber: kappa, ...coefficients, ...sums };
  }
  return { algorithm: "cholesky", centre, kept, scale, r, conditionNumber: kappa, ...coefficients, rss, mss: modelSumOfSquares(), fitted: null, residuals: null };
}
function weightedMeans(data) {
  const { n, p, rows, y, w } = data;
  const sums = new Float64Array(p + 1);
  const partial = new Float64Array(p + 1);
  let weight = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    const wr = w[r];
    weight += wr;
    for (let j = 0; j < p; j++) partial[j] = partial[j] + wr * row[j];
    partial[p] = partial[p] + wr * y[r];
    if ((r & 1023) === 1023 || r === n - 1) {
      for (let j = 0; j <= p; j++) sums[j] = sums[j] + partial[j];
      partial.fill(0);
    }
  }
  return sums.map((s) => s / weight);
}
function unscale(betaScaled, kept, scale, centre, intercept) {
  const p = scale.length;
  const slope = new Float64Array(p).fill(Number.NaN);
  kept.forEach((col, k) => slope[col] = betaScaled[k] / scale[col]);
  let interceptEstimate = intercept ? centre[p] : 0;
  if (intercept) kept.forEach((col) => interceptEstimate -= slope[col] * centre[col]);
  return { slope, interceptEstimate };
}
function residualPass(data, slope, centre, intercept, keep, gradient) {
  const { n, p, rows, y, w } = data;
  const b = slope.map((v) => Number.isNaN(v) ? 0 : v);
  const c = centre.subarray(0, p);
  const yCentre = centre[p];
  const d = new Float64Array(p);
  const fitted = keep ? new Float64Array(n) : null;
  const residuals = keep ? new Float64Array(n) : null;
  gradient?.fill(0);
  let rss = 0;
  let sumFc = 0;
  let sumFc2 = 0;
  let weight = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r];
    let fc = 0;
    for (let j = 0; j < p; j++) {
      const dj = row[j] - c[j];
      d[j] = dj;
      fc += b[j] * dj;
    }
    const e = y[r] - yCentre - fc;
    const wr = w[r];
    const we = wr * e;
    rss += we * e;
    sumFc += wr * fc;
    sumFc2 += wr * fc * fc;
    weight += wr;
    if (fitted !== null && residuals !== null) {
      fitted[r] = yCentre + fc;
      residuals[r] = e;
    }
    if (gradient !== null) for (let j = 0; j < p; j++) gradient[j] = gradient[j] + we * d[j];
  }
  const mss = intercept ? sumFc2 - sumFc * sumFc / weight : sumFc2;
  return { rss, mss, fitted, residuals };
}
function conditionNumber(r, k) {
  if (k === 0) return 1;
  const values = singularValues(r, k, k);
  const max = Math.max(...values);
  const min = Math.min(...values);
  return min > 0 ? max / min : Infinity;
}
function collectWarnings(names, table, kept, p, n, parameters, missing, zeroWeight, exactFit) {
  const warnings2 = [];
  const keptSet = new Set(kept);
  const aliased = names.filter((_, j) => !keptSet.has(j));
  if (aliased.length > 0) {
    warnings2.push({
      code: "aliased",
      message: `${aliased.map((a) => `"${a}"`).join(", ")} ${aliased.length === 1 ? "is a linear combination" : "are linear combinations"} of earlier predictors (or constant) and could not be estimated; ${aliased.length === 1 ? "it is" : "they are"} reported as aliased, as R does.`
    });
  }
  const highVif = table.filter((c) => "vif" in c && c.vif !== null && c.vif >= 10);
  if (highVif.length > 0) {
    warnings2.push({ code: "near_collinearity", message: `High variance inflation (VIF >= 10): ${highVif.map((c) => `${c.name} ${c.vif.toFixed(1)}`).join(", ")}; their coefficients are imprecise.` });
  }
  if (missing > 0) warnings2.push({ code: "rows_dropped_missing", message: `${missing} row${missing === 1 ? "" : "s"} with a missing value ${missing === 1 ? "was" : "were"} left out (listwise deletion).` });
  if (zeroWeight > 0) warnings2.push({ code: "rows_dropped_zero_weight", message: `${zeroWeight} row${zeroWeight === 1 ? "" : "s"} with weight 0 ${zeroWeight === 1 ? "was" : "were"} left out.` });
  if (p > 0 && n < 10 * parameters) {
    warnings2.push({ code: "small_sample", message: `${n} rows for ${parameters} parameters (fewer than 10 per parameter): estimates and p-values are imprecise.` });
  }
  if (exactFit) warnings2.push({ code: "exact_fit", message: "The model fits the data exactly (zero residuals); standard errors are 0 and t tests are undefined." });
  return warnings2;
}

// src/regression/ordinal.ts
var CONVERGENCE_TOLERANCE2 = 1e-12;
var logit = {
  cdf: (x) => x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)),
  upper: (x) => logit.cdf(-x),
  density: (x) => {
    const e = Math.exp(-Math.abs(x));
    return e / ((1 + e) * (1 + e));
  },
  slope: (x) => logit.density(x) * (logit.upper(x) - logit.cdf(x)),
  quantile: (p) => Math.log(p / (1 - p))
};
var probit = {
  cdf: normalCdf,
  upper: normalUpperTail,
  density: (x) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI),
  slope: (x) => -x * probit.density(x),
  quantile: normalQuantile
};
function ordinalLogit(X, y, options = {}) {
  const linkName = options.link ?? "logit";
  if (linkName !== "logit" && linkName !== "probit") throw new InvalidArgumentError(`link must be 'logit' or 'probit', got ${JSON.stringify(linkName)}.`);
  const link = linkName === "logit" ? logit : probit;
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  const data = modelData("ordinalLogit", X, y, options);
  const { n, p, w } = data;
  const x = rowMajor(data);
  const observed = [...new Set(data.y)].sort((a, b) => a - b);
  const levels = options.levels !== void 0 ? [...options.levels].sort((a, b) => a - b) : observed;
  const stray = observed.find((v) => !levels.includes(v));
  if (stray !== void 0) throw new InvalidArgumentError(`y contains ${stray}, which is not one of the levels ${levels.join(", ")}.`);
  const emptyCategories = levels.filter((v) => !observed.includes(v));
  if (n === 0) throw new InsufficientDataError(`ordinalLogit: no complete rows to fit (${data.rowsDropped.missing} dropped for missing values, ${data.rowsDropped.zeroWeight} for zero weight).`);
  if (observed.length < 2) {
    throw new InsufficientDataError(
      `ordinalLogit needs at least two different outcome categories; every complete row has y = ${observed[0]}, so there are no thresholds to estimate and nothing for the predictors to explain.`
    );
  }
  const K = observed.length;
  const m = K - 1 + p;
  if (n <= m) throw new InsufficientDataError(`ordinalLogit requires more than ${m} complete rows for ${K - 1} thresholds and ${p} predictors, got ${n}.`);
  const category = Int32Array.from(data.y, (v) => observed.indexOf(v));
  const counts = observed.map((_, k) => category.reduce((s, c, i) => s + (c === k ? w[i] : 0), 0));
  const totalW = counts.reduce((a, b) => a + b, 0);
  const theta = new Float64Array(m);
  let cumulative = 0;
  for (let k = 0; k < K - 1; k++) {
    cumulative += counts[k];
    theta[k] = link.quantile(cumulative / totalW);
  }
  const evaluate = (params, withDerivatives) => {
    const g = new Float64Array(m);
    const h = new Float64Array(m * m);
    let ll = 0;
    for (let i = 0; i < n; i++) {
      let eta = 0;
      for (let j = 0; j < p; j++) eta += x[i * p + j] * params[K - 1 + j];
      const k = category[i];
      const hasUpper = k < K - 1;
      const hasLower = k > 0;
      const a = hasUpper ? params[k] - eta : Infinity;
      const b = hasLower ? params[k - 1] - eta : -Infinity;
      const prob = !hasLower ? link.cdf(a) : !hasUpper ? link.upper(b) : b > 0 ? link.upper(b) - link.upper(a) : link.cdf(a) - link.cdf(b);
      if (!(prob > 0)) return null;
      const wi = w[i];
      ll += wi * Math.log(prob);
      if (!withDerivatives) continue;
      const fa = hasUpper ? link.density(a) : 0;
      const fb = hasLower ? link.density(b) : 0;
      const sa = hasUpper ? link.slope(a) : 0;
      const sb = hasLower ? link.slope(b) : 0;
      const diff = (fa - fb) / prob;
      if (hasUpper) g[k] = g[k] + wi * fa / prob;
      if (hasLower) g[k - 1] = g[k - 1] - wi * fb / prob;
      for (let j = 0; j < p; j++) g[K - 1 + j] = g[K - 1 + j] - wi * x[i * p + j] * diff;
      const add = (r, c, v) => {
        h[r * m + c] = h[r * m + c] + v;
      };
      if (hasUpper) add(k, k, wi * (sa / prob - (fa / prob) ** 2));
      if (hasLower) add(k - 1, k - 1, wi * (-sb / prob - (fb / prob) ** 2));
      if (hasUpper && hasLower) {
        const cross = wi * fa * fb / (prob * prob);
        add(k, k - 1, cross);
        add(k - 1, k, cross);
      }
      const upperBeta = hasUpper ? sa / prob - fa * diff / prob : 0;
      const lowerBeta = hasLower ? -sb / prob + fb * diff / prob : 0;
      const betaBeta = (sa - sb) / prob - diff * diff;
      for (let j = 0; j < p; j++) {
        const xj = x[i * p + j];
        if (hasUpper) {
          add(k, K - 1 + j, -wi * xj * upperBeta);
          add(K - 1 + j, k, -wi * xj * upperBeta);
        }
        if (hasLower) {
          add(k - 1, K - 1 + j, -wi * xj * lowerBeta);
          add(K - 1 + j, k - 1, -wi * xj * lowerBeta);
        }
        for (let l2 = 0; l2 < p; l2++) add(K - 1 + j, K - 1 + l2, wi * xj * x[i * p + l2] * betaBeta);
      }
    }
    return { ll, g, h };
  };
  const ordered = (params) => {
    for (let k = 1; k < K - 1; k++) if (!(params[k] > params[k - 1])) return false;
    return true;
  };
  const maxIterations = options.maxIterations ?? 100;
  let current = evaluate(theta, true);
  if (current === null) throw new ConvergenceError("no_convergence", "ordinalLogit could not evaluate the likelihood at its starting values.");
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const information2 = current.h.map((v) => -v);
    const l2 = cholesky(information2, m);
    if (l2 === null) break;
    const step = choleskySolve(l2, m, current.g);
    let decrement = 0;
    for (let j = 0; j < m; j++) decrement += current.g[j] * step[j];
    let scale = 1;
    let next = null;
    let candidate = theta;
    for (let halving = 0; halving < 40; halving++, scale /= 2) {
      candidate = theta.map((v, j) => v + scale * step[j]);
      if (!ordered(candidate)) continue;
      next = evaluate(candidate, true);
      if (next !== null && next.ll >= current.ll - 1e-12 * Math.abs(current.ll)) break;
      next = null;
    }
    if (next === null) break;
    theta.set(candidate);
    current = next;
    if (scale === 1 && decrement < CONVERGENCE_TOLERANCE2 * Math.max(1, Math.abs(current.ll))) {
      converged = true;
      iterations++;
      break;
    }
  }
  const sds = Array.from({ length: p }, (_, j) => weightedSd2(x, p, j, w));
  const standardized = Array.from({ length: p }, (_, j) => Math.abs(theta[K - 1 + j]) * sds[j]);
  const separated = data.names.filter((_, j) => standardized[j] > 20);
  if (separated.length > 0 || !converged && standardized.some((s) => s > 10)) {
    const culprits = separated.length > 0 ? separated : data.names.filter((_, j) => standardized[j] > 10);
    throw new ConvergenceError(
      "separation",
      `ordinalLogit: ${culprits.map((c) => `"${c}"`).join(", ")} (almost) perfectly separate${culprits.length === 1 ? "s" : ""} the outcome categories, so ${culprits.length === 1 ? "its coefficient diverges" : "their coefficients diverge"}; merge sparse categories, drop or recode the predictor, or use a penalised model.`
    );
  }
  const information = current.h.map((v) => -v);
  const l = cholesky(information, m);
  if (l === null) {
    throw new ConvergenceError("singular_information", "ordinalLogit: the information matrix is singular: a predictor is constant, collinear with others, or a category is empty given the predictors.");
  }
  if (!converged) {
    throw new ConvergenceError("no_convergence", `ordinalLogit did not converge in ${iterations} iterations (largest gradient ${Math.max(...Array.from(current.g, Math.abs)).toExponential(2)}).`);
  }
  const covariance = choleskyInverse(l, m);
  const se = (j) => Math.sqrt(covariance[j * m + j]);
  const z3 = normalQuantile((1 + level) / 2);
  const names = observed.map(String);
  const thresholds = Array.from({ length: K - 1 }, (_, k) => ({ name: `${names[k]}|${names[k + 1]}`, estimate: theta[k], stdError: se(k) }));
  const coefficients = data.names.map((name, j) => {
    const estimate = theta[K - 1 + j];
    const stdError = se(K - 1 + j);
    const zValue = estimate / stdError;
    return { name, estimate, stdError, zValue, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(zValue))), ciLower: estimate - z3 * stdError, ciUpper: estimate + z3 * stdError };
  });
  const logLik = current.ll;
  const nullLogLik = counts.reduce((s, c) => s + (c > 0 ? c * Math.log(c / totalW) : 0), 0);
  const statistic = 2 * (logLik - nullLogLik);
  const diag = Array.from({ length: m }, (_, j) => l[j * m + j] ** 2);
  const warnings2 = [];
  if (emptyCategories.length > 0) {
    warnings2.push({ code: "empty_categories", message: `No respondent chose ${emptyCategories.join(", ")}; thresholds are estimated between the observed categories only (${observed.join(", ")}).` });
  }
  if (data.rowsDropped.missing > 0) warnings2.push({ code: "rows_dropped_missing", message: `${data.rowsDropped.missing} row${data.rowsDropped.missing === 1 ? "" : "s"} with a missing value left out (listwise deletion).` });
  return {
    method: linkName === "logit" ? "ordinal-logit" : "ordinal-probit",
    link: linkName,
    n,
    rowsDropped: data.rowsDropped,
    categories: observed.map((value2, k) => ({ value: value2, count: counts[k] })),
    emptyCategories,
    thresholds,
    coefficients,
    logLik,
    nullLogLik,
    aic: -2 * logLik + 2 * m,
    // clm counts the observations as the sum of the weights.
    bic: -2 * logLik + Math.log(totalW) * m,
    likelihoodRatio: { statistic, df: p, pValue: p > 0 ? chiSquareUpperTail(statistic, p) : 1 },
    mcFaddenRSquared: 1 - logLik / nullLogLik,
    nagelkerkeRSquared: (1 - Math.exp(2 * (nullLogLik - logLik) / totalW)) / (1 - Math.exp(2 * nullLogLik / totalW)),
    convergence: { converged, iterations, maxGradient: Math.max(...Array.from(current.g, Math.abs)), conditionNumber: Math.max(...diag) / Math.min(...diag) },
    warnings: warnings2
  };
}
function weightedSd2(x, p, j, w) {
  let sw = 0;
  let mean = 0;
  for (let i = 0; i < w.length; i++) {
    sw += w[i];
    mean += w[i] * x[i * p + j];
  }
  mean /= sw;
  let ss = 0;
  for (let i = 0; i < w.length; i++) ss += w[i] * (x[i * p + j] - mean) ** 2;
  return Math.sqrt(ss / sw);
}

// src/survey/column-mean.ts
function columnMean(values) {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? Number.NaN : sum / count;
}

// src/experience/aggregate-peak-end.ts
var TIE_TOLERANCE = 1e-12;
function aggregatePeakEnd(means, observed, options) {
  const { rule, weight, endIndex } = resolveRule(means.map((m) => m.touchpoint), options);
  if (means.length === 0) throw new InvalidArgumentError("aggregatePeakEnd needs at least one touchpoint mean.");
  const bad = means.find((m) => !Number.isFinite(m.mean));
  if (bad !== void 0) throw new InvalidArgumentError(`The mean of touchpoint "${bad.touchpoint}" is not a number (no answers?); the peak-end rule needs every touchpoint's mean.`);
  if (!Number.isFinite(observed)) throw new InvalidArgumentError("The observed overall mean is not a number; the overall column has no answers.");
  const warnings2 = [];
  const values = means.map((m) => m.mean);
  const choose = (kind, score) => {
    const { index, tied } = argmaxEarliest(values, score);
    const chosen = means[index];
    if (tied.length > 0) {
      const others = tied.map((i) => `"${means[i].touchpoint}"`).join(", ");
      warnings2.push({
        code: "peak_tie",
        message: `The ${kind === "negative" || kind === "min" ? "lowest" : kind === "positive" || kind === "max" ? "highest" : "most intense"} mean is shared by "${chosen.touchpoint}" and ${others}; the earliest in journey order, "${chosen.touchpoint}", is the peak.`
      });
    }
    return { touchpoint: chosen.touchpoint, mean: chosen.mean, kind };
  };
  const neutral = options.neutral;
  const peaks = rule === "both" ? [choose("positive", (v) => v), choose("negative", (v) => -v)] : [choose(rule, rule === "max" ? (v) => v : rule === "min" ? (v) => -v : (v) => Math.abs(v - neutral))];
  const peakTerm = peaks.reduce((s, p) => s + p.mean, 0) / peaks.length;
  const endMean = means[endIndex];
  const end = { touchpoint: endMean.touchpoint, mean: endMean.mean, kind: "end" };
  const prediction = weight * peakTerm + (1 - weight) * end.mean;
  const peak = peaks.length === 1 ? peaks[0] : mostIntense(peaks, neutral);
  return { method: "peak-end-aggregate", rule, weight, peak, peaks, end, prediction, observed, gap: prediction - observed, warnings: warnings2 };
}
function resolveRule(touchpoints, options) {
  const rule = options.peak ?? "most-intense";
  if (!["most-intense", "max", "min", "both"].includes(rule)) {
    throw new InvalidArgumentError(`peak must be 'most-intense', 'max', 'min' or 'both', got ${JSON.stringify(rule)}.`);
  }
  const weight = options.weight ?? 0.5;
  if (!(weight >= 0 && weight <= 1)) throw new InvalidArgumentError(`weight (the peak's share of the prediction) must be between 0 and 1, got ${weight}.`);
  const endIndex = options.end === void 0 ? touchpoints.length - 1 : touchpoints.indexOf(options.end);
  if (endIndex < 0) {
    throw new InvalidArgumentError(`end names "${options.end}", which is not a touchpoint; touchpoints: ${touchpoints.join(", ")}.`);
  }
  return { rule, weight, endIndex };
}
function argmaxEarliest(values, score) {
  let index = -1;
  let best = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const s = score(values[i]);
    if (index === -1 || s > best + TIE_TOLERANCE * Math.max(1, Math.abs(best))) {
      best = s;
      index = i;
    }
  }
  const tied = [];
  for (let i = 0; i < values.length; i++) {
    if (i !== index && Math.abs(score(values[i]) - best) <= TIE_TOLERANCE * Math.max(1, Math.abs(best))) tied.push(i);
  }
  return { index, tied };
}
function mostIntense(peaks, neutral) {
  const [positive, negative] = peaks;
  return Math.abs(negative.mean - neutral) > Math.abs(positive.mean - neutral) ? negative : positive;
}

// src/experience/ipa.ts
function importancePerformance(points, options = {}) {
  if (points.length === 0) throw new InvalidArgumentError("importancePerformance needs at least one touchpoint.");
  const bad = points.find((p) => !Number.isFinite(p.performance) || !Number.isFinite(p.importance));
  if (bad !== void 0) throw new InvalidArgumentError(`Touchpoint "${bad.touchpoint}" has no finite performance or importance.`);
  const kind = options.crosshair ?? "means";
  const meanImportance = points.reduce((s, p) => s + p.importance, 0) / points.length;
  let performance;
  if (kind === "scale") {
    if (options.neutral === void 0) throw new InvalidArgumentError("crosshair 'scale' needs the scale's neutral point.");
    performance = options.neutral;
  } else {
    performance = points.reduce((s, p) => s + p.performance, 0) / points.length;
  }
  return {
    method: "ipa",
    crosshair: { kind, performance, importance: meanImportance },
    points: points.map((p) => {
      const important = p.importance >= meanImportance;
      const performing = p.performance >= performance;
      const quadrant2 = important ? performing ? "keep up the good work" : "concentrate here" : performing ? "possible overkill" : "low priority";
      return { ...p, quadrant: quadrant2 };
    })
  };
}

// src/experience/penalty-reward.ts
function penaltyReward(survey, options = {}) {
  const { min, max } = survey.spec.scale;
  const lowAtMost = options.lowAtMost ?? min + 1;
  const highAtLeast = options.highAtLeast ?? max;
  const threshold = options.asymmetryThreshold ?? 0.2;
  if (!(lowAtMost < highAtLeast)) throw new InvalidArgumentError(`The low box (<= ${lowAtMost}) and the high box (>= ${highAtLeast}) overlap; choose lowAtMost below highAtLeast.`);
  const touchpoints = survey.touchpoints;
  const columns = touchpoints.map((t) => survey.ratings.get(t.column));
  const overall = survey.ratings.get(survey.overall);
  const X = [];
  const y = [];
  const w = [];
  const weighted = (options.weighted ?? true) && survey.weights !== null;
  for (let i = 0; i < survey.n; i++) {
    if (Number.isNaN(overall[i]) || columns.some((c) => Number.isNaN(c[i]))) continue;
    X.push(columns.flatMap((c) => [c[i] <= lowAtMost ? 1 : 0, c[i] >= highAtLeast ? 1 : 0]));
    y.push(overall[i]);
    if (weighted) w.push(survey.weights[i]);
  }
  const names = touchpoints.flatMap((t) => [`${t.column} low`, `${t.column} high`]);
  const regression = ols(X, y, { names, ...weighted && { weights: w } });
  const warnings2 = [];
  const coefficient = (name) => {
    const c = regression.coefficients.find((x) => x.name === name);
    return c !== void 0 && "estimate" in c ? c : null;
  };
  const factors = touchpoints.map((t, j) => {
    const low = coefficient(`${t.column} low`);
    const high = coefficient(`${t.column} high`);
    const lowShare = X.reduce((s, row) => s + row[2 * j], 0) / X.length;
    const highShare = X.reduce((s, row) => s + row[2 * j + 1], 0) / X.length;
    if (low === null || high === null) {
      warnings2.push({ code: "empty_box", message: `"${t.column}": ${low === null ? `nobody rated it ${lowAtMost} or lower` : `nobody rated it ${highAtLeast} or higher`} (or the dummy is collinear), so its ${low === null ? "penalty" : "reward"} cannot be estimated.` });
    }
    const penaltySize = low === null ? null : Math.max(0, -low.estimate);
    const rewardSize = high === null ? null : Math.max(0, high.estimate);
    const range = penaltySize === null || rewardSize === null ? null : penaltySize + rewardSize;
    const asymmetry = range === null || range === 0 ? null : (rewardSize - penaltySize) / range;
    return {
      touchpoint: t.column,
      label: t.label,
      lowShare,
      highShare,
      penalty: low?.estimate ?? null,
      penaltyPValue: low?.pValue ?? null,
      reward: high?.estimate ?? null,
      rewardPValue: high?.pValue ?? null,
      rangeOfImpact: range,
      impactAsymmetry: asymmetry,
      factor: asymmetry === null ? null : asymmetry <= -threshold ? "basic" : asymmetry >= threshold ? "excitement" : "performance"
    };
  });
  return { method: "penalty-reward", lowAtMost, highAtLeast, asymmetryThreshold: threshold, factors, regression, warnings: [...warnings2, ...regression.warnings] };
}

// src/experience/key-drivers.ts
function keyDrivers(survey, options = {}) {
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new InvalidArgumentError(`alpha must be between 0 and 1, got ${alpha}.`);
  const { scale } = survey.spec;
  const highPerformance = options.highPerformance ?? scale.neutral + (scale.max - scale.neutral) / 2;
  const method = options.importance ?? "lmg";
  const names = survey.touchpoints.map((t) => t.column);
  const columns = names.map((c) => survey.ratings.get(c));
  const overall = survey.ratings.get(survey.overall);
  const weighted = (options.weighted ?? true) && survey.weights !== null;
  const X = Array.from({ length: survey.n }, (_, i) => columns.map((c) => c[i]));
  const y = Array.from(overall);
  const weights = weighted ? Array.from(survey.weights) : void 0;
  const common = { names, ...weights && { weights } };
  const regression = ols(X, y, { ...common, ...options.covariance && { covariance: options.covariance } });
  const model = options.model ?? "ols";
  if (!["ols", "ordinal", "logistic"].includes(model)) throw new InvalidArgumentError(`model must be 'ols', 'ordinal' or 'logistic', got ${JSON.stringify(model)}.`);
  const cut = options.positiveAtLeast ?? scale.max - 1;
  const modelFit = model === "ordinal" ? ordinalLogit(X, y, { ...common, ...scale.integer && { levels: integerLevels(scale.min, scale.max) } }) : model === "logistic" ? logisticRegression(X, y.map((v) => Number.isNaN(v) ? Number.NaN : v >= cut ? 1 : 0), { ...common, positive: 1 }) : null;
  const importance = relativeImportance(X, y, { ...common, method });
  const stageImportance = options.stages === void 0 ? null : relativeImportance(X, y, { ...common, method: "lmg", groups: options.stages });
  const bootstrap = options.bootstrap === void 0 ? null : bootstrapImportance(X, y, {
    ...common,
    method,
    ...options.bootstrap.replicates !== void 0 && { replicates: options.bootstrap.replicates },
    ...options.bootstrap.seed !== void 0 && { seed: options.bootstrap.seed },
    ...options.bootstrap.onProgress && { onProgress: options.bootstrap.onProgress }
  });
  const warnings2 = [...regression.warnings, ...modelFit?.warnings ?? [], ...importance.warnings];
  const performance = columns.map(columnMean);
  const aggregate = aggregatePeakEnd(
    names.map((touchpoint2, j) => ({ touchpoint: touchpoint2, mean: performance[j] })),
    columnMean(overall),
    { ...options.peakEnd, neutral: scale.neutral }
  );
  const peaks = new Set(aggregate.peaks.map((p) => p.touchpoint));
  const ipa = importancePerformance(
    names.map((touchpoint2, j) => ({ touchpoint: touchpoint2, performance: performance[j], importance: importance.importance[touchpoint2] })),
    { crosshair: options.crosshair ?? "means", neutral: scale.neutral }
  );
  let pr = null;
  try {
    pr = penaltyReward(survey, { weighted });
  } catch (error) {
    warnings2.push({ code: "penalty_reward_skipped", message: `Penalty-reward analysis was skipped: ${error.message}` });
  }
  const ranks = rankDescending(names.map((n) => importance.importance[n]));
  const touchpoints = survey.touchpoints.map((t, j) => {
    const c = (modelFit ?? regression).coefficients.find((x) => x.name === t.column);
    const coefficient = c !== void 0 && "estimate" in c ? c : null;
    const significant = coefficient !== null && coefficient.pValue !== null && coefficient.pValue < alpha;
    const keyMoment = significant && coefficient.estimate > 0;
    const value2 = importance.importance[t.column];
    const high = performance[j] >= highPerformance;
    return {
      touchpoint: t.column,
      label: t.label,
      zh: t.zh,
      en: t.en,
      performance: performance[j],
      estimate: coefficient?.estimate ?? null,
      stdError: coefficient?.stdError ?? null,
      pValue: coefficient?.pValue ?? null,
      significant,
      importance: value2,
      signedImportance: coefficient !== null && coefficient.estimate < 0 ? -value2 : value2,
      importanceShare: importance.rSquared > 0 ? value2 / importance.rSquared : 0,
      importanceRank: ranks[j],
      quadrant: ipa.points[j].quadrant,
      penaltyRewardFactor: pr?.factors[j]?.factor ?? null,
      flags: {
        peak: peaks.has(t.column),
        end: aggregate.end.touchpoint === t.column,
        keyMoment,
        painPoint: keyMoment && !high,
        hygiene: high && !keyMoment
      }
    };
  });
  const negative = touchpoints.filter((t) => t.significant && t.estimate < 0);
  if (negative.length > 0) {
    warnings2.push({
      code: "negative_driver",
      message: `${negative.map((t) => `"${t.touchpoint}"`).join(", ")} ${negative.length === 1 ? "has" : "have"} a significant negative coefficient: with correlated touchpoints this usually signals suppression, not that better service lowers satisfaction.`
    });
  }
  return {
    method: "key-drivers",
    model,
    modelFit,
    alpha,
    highPerformance,
    n: regression.n,
    regression,
    importance,
    stageImportance,
    bootstrap,
    ipa,
    penaltyReward: pr,
    touchpoints,
    warnings: warnings2
  };
}
function integerLevels(min, max) {
  return Array.from({ length: Math.floor(max) - Math.ceil(min) + 1 }, (_, k) => Math.ceil(min) + k);
}

// src/inference/paired-t-test.ts
function pairedTTest(x, y, options = {}) {
  const level = options.level ?? 0.95;
  if (x.length !== y.length) throw new InvalidArgumentError(`pairedTTest needs paired samples of equal length, got ${x.length} and ${y.length}.`);
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  const d = [];
  for (let i = 0; i < x.length; i++) {
    const v = x[i] - y[i];
    if (Number.isFinite(v)) d.push(v);
  }
  const n = d.length;
  if (n < 2) throw new InsufficientDataError(`pairedTTest needs at least 2 complete pairs, got ${n}.`);
  let mean = 0;
  for (const v of d) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of d) ss += (v - mean) * (v - mean);
  const standardError = Math.sqrt(ss / (n - 1) / n);
  if (!(standardError > 10 * Number.EPSILON * Math.abs(mean))) {
    throw new InsufficientDataError(`pairedTTest: the ${n} differences are essentially constant (all ${mean}); a t test is undefined.`);
  }
  const tValue = mean / standardError;
  const df = n - 1;
  const half = studentTQuantile((1 + level) / 2, df) * standardError;
  return {
    method: "paired-t",
    n,
    meanDifference: mean,
    standardError,
    tValue,
    df,
    pValue: Math.min(1, 2 * studentTUpperTail(Math.abs(tValue), df)),
    level,
    ciLower: mean - half,
    ciUpper: mean + half
  };
}

// src/inference/wilcoxon-signed-rank.ts
function wilcoxonSignedRank(x, y) {
  if (x.length !== y.length) throw new InvalidArgumentError(`wilcoxonSignedRank needs paired samples of equal length, got ${x.length} and ${y.length}.`);
  const d = [];
  let zeros = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] - y[i];
    if (!Number.isFinite(v)) continue;
    if (v === 0) zeros++;
    else d.push(v);
  }
  const n = d.length;
  if (n === 0) throw new InsufficientDataError("wilcoxonSignedRank: every difference is zero or missing; there is nothing to test.");
  const order = d.map((_, i) => i).sort((a, b) => Math.abs(d[a]) - Math.abs(d[b]));
  const ranks = new Float64Array(n);
  const tieSizes = [];
  for (let start = 0; start < n; ) {
    let end = start;
    const value2 = Math.abs(d[order[start]]);
    while (end + 1 < n && Math.abs(d[order[end + 1]]) === value2) end++;
    const midRank = (start + end + 2) / 2;
    for (let k = start; k <= end; k++) ranks[order[k]] = midRank;
    tieSizes.push(end - start + 1);
    start = end + 1;
  }
  let statistic = 0;
  for (let i = 0; i < n; i++) if (d[i] > 0) statistic += ranks[i];
  const ties = tieSizes.some((t) => t > 1);
  const mean = n * (n + 1) / 4;
  if (n < 50 && !ties && zeros === 0) {
    const p = statistic > mean ? signedRankUpperTail(statistic - 1, n) : signedRankLowerTail(statistic, n);
    return { method: "wilcoxon-signed-rank", n, zeros, statistic, pValue: Math.min(1, 2 * p), exact: true };
  }
  const tieTerm = tieSizes.reduce((s, t) => s + t * t * t - t, 0);
  const sigma = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - tieTerm / 48);
  const centred = statistic - mean;
  const z3 = (centred - Math.sign(centred) * 0.5) / sigma;
  return { method: "wilcoxon-signed-rank", n, zeros, statistic, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(z3))), exact: false };
}
function subsetSumCounts(n) {
  const max = n * (n + 1) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let k = 1; k <= n; k++) {
    for (let s = k * (k + 1) / 2; s >= k; s--) counts[s] = counts[s] + counts[s - k];
  }
  return counts;
}
function signedRankLowerTail(q, n) {
  const counts = subsetSumCounts(n);
  let total = 0;
  for (let s = 0; s <= Math.floor(q); s++) total += counts[s];
  return total / 2 ** n;
}
function signedRankUpperTail(q, n) {
  const counts = subsetSumCounts(n);
  let total = 0;
  for (let s = Math.floor(q) + 1; s < counts.length; s++) total += counts[s];
  return total / 2 ** n;
}

// src/experience/prediction-accuracy.ts
function predictionAccuracy(predicted, observed) {
  if (predicted.length !== observed.length) {
    throw new InvalidArgumentError(`predictionAccuracy needs one prediction per observation, got ${predicted.length} and ${observed.length}.`);
  }
  const p = [];
  const o = [];
  for (let i = 0; i < predicted.length; i++) {
    const a = predicted[i];
    const b = observed[i];
    if (Number.isFinite(a) && Number.isFinite(b)) {
      p.push(a);
      o.push(b);
    }
  }
  const n = p.length;
  if (n === 0) throw new InsufficientDataError("predictionAccuracy: no respondent has both a prediction and an observed rating.");
  let abs = 0;
  let sq = 0;
  let bias = 0;
  let meanP = 0;
  let meanO = 0;
  for (let i = 0; i < n; i++) {
    const e = p[i] - o[i];
    abs += Math.abs(e);
    sq += e * e;
    bias += e;
    meanP += p[i];
    meanO += o[i];
  }
  meanP /= n;
  meanO /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dp = p[i] - meanP;
    const dq = o[i] - meanO;
    sxy += dp * dq;
    sxx += dp * dp;
    syy += dq * dq;
  }
  const scale = Math.max(Math.abs(meanP), Math.abs(meanO), 1);
  const constant = sxx <= 1e-24 * n * scale * scale || syy <= 1e-24 * n * scale * scale;
  return {
    n,
    meanAbsoluteError: abs / n,
    rootMeanSquaredError: Math.sqrt(sq / n),
    meanBias: bias / n,
    correlation: constant ? null : sxy / Math.sqrt(sxx * syy)
  };
}

// src/experience/peak-end.ts
function peakEnd(survey, options = {}) {
  const names = survey.touchpoints.map((t) => t.column);
  const { rule, weight, endIndex } = resolveRule(names, options);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1, got ${level}.`);
  if (options.positions !== void 0 && options.end !== void 0) {
    throw new InvalidArgumentError("Give either end (one end touchpoint for everyone) or positions (each respondent ends at their last answered touchpoint), not both.");
  }
  const columns = names.map((c) => survey.ratings.get(c));
  const overall = survey.ratings.get(survey.overall);
  const neutral = survey.spec.scale.neutral;
  const warnings2 = [];
  const means = names.map((touchpoint2, j) => ({ touchpoint: touchpoint2, mean: columnMean(columns[j]) }));
  const aggregate = aggregatePeakEnd(means, columnMean(overall), { peak: rule, weight, neutral, ...options.end !== void 0 && { end: options.end } });
  warnings2.push(...aggregate.warnings);
  const peakIndices = aggregate.peaks.map((p) => names.indexOf(p.touchpoint));
  const gap = new Float64Array(survey.n);
  for (let i = 0; i < survey.n; i++) {
    const peakTerm = peakIndices.reduce((s, j) => s + columns[j][i], 0) / peakIndices.length;
    gap[i] = weight * peakTerm + (1 - weight) * columns[endIndex][i] - overall[i];
  }
  const gapTest = tryTest(() => pairedTTest(gap, new Float64Array(survey.n), { level }), "gap_test", warnings2);
  const ruleOf = ruleScore(rule, neutral);
  const orders = options.positions === void 0 ? null : positionOrders(options.positions, names, survey.n);
  const predictions = new Float64Array(survey.n).fill(Number.NaN);
  let ambiguousPeaks = 0;
  const row = new Float64Array(names.length);
  for (let i = 0; i < survey.n; i++) {
    const order = orders === null ? null : orders[i];
    const seen = order ?? names.map((_, j) => j);
    const answered = seen.filter((j) => !Number.isNaN(columns[j][i]));
    if (answered.length === 0) continue;
    const endJ = order === null ? endIndex : answered[answered.length - 1];
    const endValue = columns[endJ][i];
    if (Number.isNaN(endValue)) continue;
    answered.forEach((j, k) => row[k] = columns[j][i]);
    const values = row.subarray(0, answered.length);
    const peaks = ruleOf.map((score) => argmaxEarliest(values, score));
    if (peaks.some((p) => p.tied.some((t) => values[t] !== values[p.index]))) ambiguousPeaks++;
    const peakTerm = peaks.reduce((s, p) => s + values[p.index], 0) / peaks.length;
    predictions[i] = weight * peakTerm + (1 - weight) * endValue;
  }
  const respondentAccuracy = predictionAccuracy(predictions, overall);
  const excluded = survey.n - respondentAccuracy.n;
  if (excluded > 0) {
    warnings2.push({ code: "respondents_excluded", message: `${excluded} respondent${excluded === 1 ? "" : "s"} had no overall rating or no answered end touchpoint and ${excluded === 1 ? "was" : "were"} left out of the per-respondent method.` });
  }
  if (ambiguousPeaks > 0) {
    warnings2.push({ code: "peak_tie", message: `${ambiguousPeaks} respondent${ambiguousPeaks === 1 ? "" : "s"} had equally intense moments with different ratings (one as far above neutral as another is below); the earliest in journey order was taken as their peak.` });
  }
  const includePredictions = options.includePredictions ?? true;
  const respondents = {
    n: respondentAccuracy.n,
    excluded,
    ambiguousPeaks,
    accuracy: respondentAccuracy,
    ...includePredictions && { predictions: Array.from(predictions, (v) => Number.isNaN(v) ? null : v) }
  };
  const comparison = compareModels(survey, columns, overall, predictions, ruleOf, options, warnings2);
  const regressors = [.../* @__PURE__ */ new Set([...peakIndices, endIndex])];
  const regression = tryFit(
    () => {
      const X = [];
      const y = [];
      for (let i = 0; i < survey.n; i++) {
        const xs = regressors.map((j) => columns[j][i]);
        if (xs.every((v) => !Number.isNaN(v)) && !Number.isNaN(overall[i])) {
          X.push(xs);
          y.push(overall[i]);
        }
      }
      return ols(X, y, { names: regressors.map((j) => names[j]), level });
    },
    "regression_failed",
    warnings2
  );
  return {
    method: "peak-end",
    rule,
    weight,
    level,
    aggregate: { ...aggregate, gapTest },
    respondents,
    comparison,
    regression,
    warnings: warnings2
  };
}
var MODEL_DESCRIPTIONS = {
  "peak-end": "peak-end rule (own peak and end)",
  mean: "mean of all touchpoints",
  end: "end touchpoint only",
  peak: "peak touchpoint only",
  min: "worst touchpoint",
  max: "best touchpoint",
  first: "first touchpoint",
  regression: "OLS on all touchpoints (cross-validated)"
};
function compareModels(survey, columns, overall, peakEndPredictions, ruleOf, options, warnings2) {
  const k = columns.length;
  const rows = [];
  for (let i = 0; i < survey.n; i++) {
    if (!Number.isNaN(overall[i]) && !Number.isNaN(peakEndPredictions[i]) && columns.every((c) => !Number.isNaN(c[i]))) rows.push(i);
  }
  const n = rows.length;
  if (n < 3) {
    warnings2.push({ code: "comparison_skipped", message: `Only ${n} respondents answered every touchpoint and overall; the model comparison needs at least 3.` });
    return null;
  }
  const observed = Float64Array.from(rows, (i) => overall[i]);
  const X = rows.map((i) => columns.map((c) => c[i]));
  const predictions = /* @__PURE__ */ new Map();
  predictions.set("peak-end", Float64Array.from(rows, (i) => peakEndPredictions[i]));
  predictions.set("mean", Float64Array.from(X, (x) => x.reduce((a, b) => a + b, 0) / k));
  predictions.set("end", Float64Array.from(rows, (_, r) => X[r][k - 1]));
  predictions.set("peak", Float64Array.from(X, (x) => ruleOf.reduce((s, score) => s + x[argmaxEarliest(x, score).index], 0) / ruleOf.length));
  predictions.set("min", Float64Array.from(X, (x) => Math.min(...x)));
  predictions.set("max", Float64Array.from(X, (x) => Math.max(...x)));
  predictions.set("first", Float64Array.from(X, (x) => x[0]));
  if (options.positions !== void 0) predictions.delete("end");
  const folds = Math.min(options.folds ?? 10, n);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(folds) || folds < 2) throw new InvalidArgumentError(`folds must be an integer of at least 2, got ${options.folds}.`);
  const cv = tryFit(() => crossValidatedOls(X, observed, folds, seed), "regression_model_skipped", warnings2);
  if (cv !== null) predictions.set("regression", cv);
  const models = [...predictions.entries()].map(([model, p]) => ({ model, description: MODEL_DESCRIPTIONS[model], ...predictionAccuracy(p, observed) })).sort((a, b) => a.meanAbsoluteError - b.meanAbsoluteError);
  const absErr = (p) => p.map((v, r) => Math.abs(v - observed[r]));
  const pe = absErr(predictions.get("peak-end"));
  const avg = absErr(predictions.get("mean"));
  const wilcoxon2 = tryTest(() => wilcoxonSignedRank(pe, avg), "wilcoxon_skipped", warnings2);
  const pairedT2 = tryTest(() => pairedTTest(pe, avg, options.level === void 0 ? {} : { level: options.level }), "paired_t_skipped", warnings2);
  const maePe = models.find((m) => m.model === "peak-end").meanAbsoluteError;
  const maeMean = models.find((m) => m.model === "mean").meanAbsoluteError;
  return { n, folds, seed, models, wilcoxon: wilcoxon2, pairedT: pairedT2, verdict: verdict(maePe, maeMean, wilcoxon2, n) };
}
function formatPValue(p) {
  return p < 1e-3 ? "p < 0.001" : `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}
function verdict(maePe, maeMean, test, n) {
  const evidence = `MAE ${maePe.toFixed(2)} vs ${maeMean.toFixed(2)}`;
  if (test === null) return `peak-end and averaging predict identically here (${evidence}, n = ${n}).`;
  const stats = `${evidence}, Wilcoxon signed-rank ${formatPValue(test.pValue)}, n = ${n}`;
  if (test.pValue >= 0.05) return `no clear difference between peak-end and averaging here (${stats}).`;
  return maePe > maeMean ? `peak-end predicts worse than averaging here: ${stats}.` : `peak-end predicts better than averaging here: ${stats}.`;
}
function crossValidatedOls(X, y, folds, seed) {
  const n = y.length;
  const rng = createRng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const fold = new Int32Array(n);
  order.forEach((row, position) => fold[row] = position % folds);
  const out = new Float64Array(n);
  for (let f = 0; f < folds; f++) {
    const trainX = [];
    const trainY = [];
    for (let i = 0; i < n; i++) {
      if (fold[i] !== f) {
        trainX.push(X[i]);
        trainY.push(y[i]);
      }
    }
    const fit = ols(trainX, trainY);
    const coefficients = fit.coefficients.map((c) => "estimate" in c && typeof c.estimate === "number" ? c.estimate : 0);
    for (let i = 0; i < n; i++) {
      if (fold[i] !== f) continue;
      const x = X[i];
      out[i] = x.reduce((s, v, j) => s + v * coefficients[j + 1], coefficients[0]);
    }
  }
  return out;
}
function ruleScore(rule, neutral) {
  switch (rule) {
    case "max":
      return [(v) => v];
    case "min":
      return [(v) => -v];
    case "both":
      return [(v) => v, (v) => -v];
    default:
      return [(v) => Math.abs(v - neutral)];
  }
}
function positionOrders(positions, names, n) {
  if (positions.length !== n) throw new InvalidArgumentError(`positions must list one order per respondent (${n}), got ${positions.length}.`);
  const index = new Map(names.map((name, j) => [name, j]));
  return positions.map(
    (order, i) => order.map((name) => {
      const j = index.get(name);
      if (j === void 0) throw new InvalidArgumentError(`positions[${i}] names "${name}", which is not a touchpoint.`);
      return j;
    })
  );
}
function tryTest(fn, code, warnings2) {
  try {
    return fn();
  } catch (error) {
    if (error instanceof InsufficientDataError) {
      warnings2.push({ code, message: error.message });
      return null;
    }
    throw error;
  }
}
function tryFit(fn, code, warnings2) {
  try {
    return fn();
  } catch (error) {
    if (error instanceof PeakEndError && !(error instanceof InvalidArgumentError)) {
      warnings2.push({ code, message: error.message });
      return null;
    }
    throw error;
  }
}

// src/survey/describe-survey.ts
import { mean as ssMean, median as ssMedian, sampleStandardDeviation } from "simple-statistics";
function describeSurvey(survey, options = {}) {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1 (e.g. 0.95), got ${level}.`);
  const { scale } = survey.spec;
  const columns = [
    ...survey.touchpoints.map((t) => ({ column: t.column, label: t.label, role: "touchpoint" })),
    { column: survey.overall, label: survey.overall, role: "overall" }
  ];
  const warnings2 = [];
  if (survey.weights !== null) {
    warnings2.push({ code: "weights_not_applied", message: "Descriptives are unweighted; the survey weights are used by the regression analyses." });
  }
  const items = columns.map(({ column, label, role }) => {
    const all = survey.ratings.get(column);
    const values = Array.from(all).filter((v) => !Number.isNaN(v));
    const n = values.length;
    const mean = n > 0 ? ssMean(values) : null;
    const sd = n > 1 ? sampleStandardDeviation(values) : null;
    const se = sd !== null ? sd / Math.sqrt(n) : null;
    const half = se !== null ? studentTQuantile((1 + level) / 2, n - 1) * se : null;
    let top = 0;
    let bottom = 0;
    const tally = /* @__PURE__ */ new Map();
    if (scale.integer) for (let v = Math.ceil(scale.min); v <= scale.max; v++) tally.set(v, 0);
    for (const v of values) {
      tally.set(v, (tally.get(v) ?? 0) + 1);
      if (v >= scale.max - 1) top++;
      if (v <= scale.min + 1) bottom++;
    }
    if (n === 0) warnings2.push({ code: "no_answers", message: `Column "${column}" has no answers; its statistics are null.` });
    return {
      column,
      label,
      role,
      n,
      missing: all.length - n,
      mean,
      sampleStandardDeviation: sd,
      standardError: se,
      ciLower: mean !== null && half !== null ? mean - half : null,
      ciUpper: mean !== null && half !== null ? mean + half : null,
      median: n > 0 ? ssMedian(values) : null,
      counts: [...tally.entries()].sort((a, b) => a[0] - b[0]).map(([value2, count]) => ({ value: value2, count })),
      topTwoBox: n > 0 ? top / n : null,
      bottomTwoBox: n > 0 ? bottom / n : null
    };
  });
  return { method: "describe", level, items, warnings: warnings2 };
}

// src/report/analyze.ts
function analyze(survey, options = {}) {
  const warnings2 = [];
  const tag = (source, list) => {
    for (const w of list) warnings2.push({ source, code: w.code, message: w.message });
  };
  tag("ingest", survey.report.warnings);
  const descriptives2 = describeSurvey(survey, options.describe);
  tag("descriptives", descriptives2.warnings);
  const peak = attempt(() => peakEnd(survey, { includePredictions: false, ...options.peakEnd }), "peak-end", warnings2);
  if (peak !== null) tag("peak-end", peak.warnings);
  const drivers = attempt(() => keyDrivers(survey, options.keyDrivers), "key-drivers", warnings2);
  if (drivers !== null) tag("key-drivers", drivers.warnings);
  const report = {
    method: "analyze",
    schemaVersion: 1,
    generator: { name: "peak-end", version: package_default.version },
    survey: {
      touchpoints: survey.touchpoints.map((t) => ({ column: t.column, label: t.label, zh: t.zh, en: t.en })),
      overall: survey.overall,
      scale: { ...survey.spec.scale },
      n: survey.n
    },
    ingest: survey.report,
    descriptives: descriptives2,
    peakEnd: peak,
    keyDrivers: drivers,
    warnings: warnings2
  };
  return JSON.parse(JSON.stringify(report));
}
function attempt(run, source, warnings2) {
  try {
    return run();
  } catch (error) {
    if (error instanceof InsufficientDataError || error instanceof RankDeficientError || error instanceof ConvergenceError) {
      warnings2.push({ source, code: `${source.replace("-", "_")}_skipped`, message: `The ${source} analysis was skipped: ${error.message}` });
      return null;
    }
    throw error;
  }
}

// src/report/i18n.ts
var LOCALES = ["en", "zh-CN"];
var en = {
  title: "Customer-experience survey analysis",
  survey: "Survey",
  respondents: "respondents",
  touchpoints: "touchpoints",
  scale: "scale",
  neutral: "neutral",
  ingest: "Data",
  rowsRead: "Rows read",
  rowsUsed: "used",
  rowsDropped: "dropped",
  descriptives: "Descriptives",
  item: "Item",
  missing: "Missing",
  mean: "Mean",
  median: "Median",
  topTwo: "Top-2",
  bottomTwo: "Bottom-2",
  overall: "overall",
  peakEnd: "Peak-end rule",
  peak: "Peak",
  end: "End",
  prediction: "Prediction",
  observed: "Observed overall mean",
  gap: "Gap",
  perRespondent: "Per respondent",
  modelComparison: "Which model predicts each respondent's overall rating best",
  model: "Model",
  verdict: "Verdict",
  regressionCheck: "Regression check: overall on the peak and end touchpoints",
  term: "Term",
  estimate: "Estimate",
  keyDrivers: "Key drivers",
  touchpoint: "Touchpoint",
  coefficient: "Coef",
  importance: "Importance",
  share: "Share",
  rank: "Rank",
  quadrant: "Quadrant",
  flags: "Flags",
  keyMoment: "KEY MOMENT",
  painPoint: "pain point",
  hygiene: "hygiene",
  bootstrap: "Bootstrap",
  resamples: "resamples",
  percentileCi: "Percentile CI",
  bcaCi: "BCa CI",
  rankCi: "Rank CI",
  rankedFirst: "Ranked first",
  penaltyReward: "Penalty-reward",
  low: "Low",
  high: "High",
  penalty: "Penalty",
  reward: "Reward",
  asymmetry: "Asymmetry",
  factor: "Factor",
  warnings: "Warnings",
  methods: "Methods",
  charts: "Charts",
  journeyChart: "Journey: touchpoint means in journey order",
  driverChart: "Key drivers: relative importance",
  ipaChart: "Importance-performance quadrants",
  peakEndChart: "Peak-end prediction against the observed overall mean",
  significance: "Significance: *** p < 0.001, ** p < 0.01, * p < 0.05, . p < 0.1.",
  quadrants: {
    "concentrate here": "concentrate here",
    "keep up the good work": "keep up the good work",
    "low priority": "low priority",
    "possible overkill": "possible overkill"
  },
  factors: { basic: "basic", performance: "performance", excitement: "excitement" },
  models: {},
  modelLine: {
    ordinal: "Coef, SE and p come from the proportional-odds model (latent scale)",
    logistic: "Coef, SE and p come from the logistic model of top-2-box satisfaction (log-odds)"
  },
  verdictWorse: "peak-end predicts worse than averaging here",
  verdictBetter: "peak-end predicts better than averaging here",
  verdictSame: "no clear difference between peak-end and averaging here",
  methodNotes: "Peak = the touchpoint mean furthest from neutral (or as chosen); prediction = w x peak + (1 - w) x end. The model comparison scores each model on the respondents who answered everything; the regression is cross-validated. Key drivers: OLS with R-compatible inference; importance = LMG (Shapley) share of R-squared; key moment = significant positive driver; pain point = key moment with a mean below the high-performance level; hygiene = high mean but not a driver. Details: docs/methods.md."
};
var zh = {
  title: "\u5BA2\u6237\u4F53\u9A8C\u8C03\u67E5\u5206\u6790",
  survey: "\u8C03\u67E5",
  respondents: "\u4F4D\u53D7\u8BBF\u8005",
  touchpoints: "\u4E2A\u89E6\u70B9",
  scale: "\u91CF\u8868",
  neutral: "\u4E2D\u6027\u70B9",
  ingest: "\u6570\u636E",
  rowsRead: "\u8BFB\u53D6\u884C\u6570",
  rowsUsed: "\u4F7F\u7528",
  rowsDropped: "\u5254\u9664",
  descriptives: "\u63CF\u8FF0\u7EDF\u8BA1",
  item: "\u9879\u76EE",
  missing: "\u7F3A\u5931",
  mean: "\u5747\u503C",
  median: "\u4E2D\u4F4D\u6570",
  topTwo: "\u524D\u4E8C\u6846",
  bottomTwo: "\u540E\u4E8C\u6846",
  overall: "\u6574\u4F53",
  peakEnd: "\u5CF0\u7EC8\u5B9A\u5F8B",
  peak: "\u5CF0\u503C",
  end: "\u7EC8\u503C",
  prediction: "\u9884\u6D4B\u503C",
  observed: "\u5B9E\u9645\u6574\u4F53\u6EE1\u610F\u5EA6\u5747\u503C",
  gap: "\u5DEE\u8DDD",
  perRespondent: "\u9010\u4E2A\u53D7\u8BBF\u8005",
  modelComparison: "\u54EA\u4E2A\u6A21\u578B\u6700\u80FD\u9884\u6D4B\u6BCF\u4F4D\u53D7\u8BBF\u8005\u7684\u6574\u4F53\u8BC4\u5206",
  model: "\u6A21\u578B",
  verdict: "\u7ED3\u8BBA",
  regressionCheck: "\u56DE\u5F52\u68C0\u9A8C\uFF1A\u6574\u4F53\u6EE1\u610F\u5EA6\u5BF9\u5CF0\u503C\u548C\u7EC8\u503C\u89E6\u70B9",
  term: "\u53D8\u91CF",
  estimate: "\u4F30\u8BA1\u503C",
  keyDrivers: "\u5173\u952E\u9A71\u52A8\u56E0\u7D20",
  touchpoint: "\u89E6\u70B9",
  coefficient: "\u7CFB\u6570",
  importance: "\u91CD\u8981\u6027",
  share: "\u5360\u6BD4",
  rank: "\u6392\u540D",
  quadrant: "\u8C61\u9650",
  flags: "\u6807\u8BB0",
  keyMoment: "\u5173\u952E\u65F6\u523B",
  painPoint: "\u75DB\u70B9",
  hygiene: "\u4FDD\u5065\u56E0\u7D20",
  bootstrap: "\u81EA\u52A9\u6CD5",
  resamples: "\u6B21\u91CD\u62BD\u6837",
  percentileCi: "\u767E\u5206\u4F4D\u7F6E\u4FE1\u533A\u95F4",
  bcaCi: "BCa \u7F6E\u4FE1\u533A\u95F4",
  rankCi: "\u6392\u540D\u533A\u95F4",
  rankedFirst: "\u6392\u540D\u7B2C\u4E00",
  penaltyReward: "\u60E9\u7F5A-\u5956\u52B1\u5206\u6790",
  low: "\u4F4E\u5206",
  high: "\u9AD8\u5206",
  penalty: "\u60E9\u7F5A",
  reward: "\u5956\u52B1",
  asymmetry: "\u4E0D\u5BF9\u79F0\u6027",
  factor: "\u56E0\u7D20\u7C7B\u578B",
  warnings: "\u8B66\u544A",
  methods: "\u65B9\u6CD5\u8BF4\u660E",
  charts: "\u56FE\u8868",
  journeyChart: "\u65C5\u7A0B\uFF1A\u6309\u65C5\u7A0B\u987A\u5E8F\u7684\u89E6\u70B9\u5747\u503C",
  driverChart: "\u5173\u952E\u9A71\u52A8\u56E0\u7D20\uFF1A\u76F8\u5BF9\u91CD\u8981\u6027",
  ipaChart: "\u91CD\u8981\u6027-\u7EE9\u6548\u8C61\u9650",
  peakEndChart: "\u5CF0\u7EC8\u9884\u6D4B\u4E0E\u5B9E\u9645\u6574\u4F53\u6EE1\u610F\u5EA6",
  significance: "\u663E\u8457\u6027\uFF1A*** p < 0.001\uFF0C** p < 0.01\uFF0C* p < 0.05\uFF0C. p < 0.1\u3002",
  quadrants: {
    "concentrate here": "\u91CD\u70B9\u6539\u8FDB",
    "keep up the good work": "\u7EE7\u7EED\u4FDD\u6301",
    "low priority": "\u6B21\u8981\u6539\u8FDB",
    "possible overkill": "\u8FC7\u5EA6\u6295\u5165"
  },
  factors: { basic: "\u57FA\u672C\u56E0\u7D20", performance: "\u7EE9\u6548\u56E0\u7D20", excitement: "\u5174\u594B\u56E0\u7D20" },
  modelLine: {
    ordinal: "\u7CFB\u6570\u3001\u6807\u51C6\u8BEF\u548C p \u503C\u6765\u81EA\u6BD4\u4F8B\u4F18\u52BF\u6709\u5E8F\u6A21\u578B\uFF08\u6F5C\u53D8\u91CF\u5C3A\u5EA6\uFF09",
    logistic: "\u7CFB\u6570\u3001\u6807\u51C6\u8BEF\u548C p \u503C\u6765\u81EA\u524D\u4E8C\u6846\u6EE1\u610F\u5EA6\u7684\u903B\u8F91\u56DE\u5F52\uFF08\u5BF9\u6570\u51E0\u7387\uFF09"
  },
  models: {
    "peak-end": "\u5CF0\u7EC8\u5B9A\u5F8B\uFF08\u4E2A\u4EBA\u5CF0\u503C\u4E0E\u7EC8\u503C\uFF09",
    mean: "\u5168\u90E8\u89E6\u70B9\u5747\u503C",
    end: "\u4EC5\u7EC8\u503C\u89E6\u70B9",
    peak: "\u4EC5\u5CF0\u503C\u89E6\u70B9",
    min: "\u6700\u5DEE\u89E6\u70B9",
    max: "\u6700\u4F73\u89E6\u70B9",
    first: "\u7B2C\u4E00\u4E2A\u89E6\u70B9",
    regression: "\u5168\u90E8\u89E6\u70B9\u7684\u6700\u5C0F\u4E8C\u4E58\u56DE\u5F52\uFF08\u4EA4\u53C9\u9A8C\u8BC1\uFF09"
  },
  verdictWorse: "\u6B64\u5904\u5CF0\u7EC8\u5B9A\u5F8B\u7684\u9884\u6D4B\u4E0D\u5982\u5E73\u5747\u503C",
  verdictBetter: "\u6B64\u5904\u5CF0\u7EC8\u5B9A\u5F8B\u7684\u9884\u6D4B\u4F18\u4E8E\u5E73\u5747\u503C",
  verdictSame: "\u6B64\u5904\u5CF0\u7EC8\u5B9A\u5F8B\u4E0E\u5E73\u5747\u503C\u7684\u9884\u6D4B\u6CA1\u6709\u660E\u663E\u5DEE\u522B",
  methodNotes: "\u5CF0\u503C = \u504F\u79BB\u4E2D\u6027\u70B9\u6700\u8FDC\u7684\u89E6\u70B9\u5747\u503C\uFF08\u6216\u6309\u8BBE\u5B9A\u9009\u62E9\uFF09\uFF1B\u9884\u6D4B\u503C = w \xD7 \u5CF0\u503C + (1 \u2212 w) \xD7 \u7EC8\u503C\u3002\u6A21\u578B\u6BD4\u8F83\u5728\u56DE\u7B54\u4E86\u5168\u90E8\u9898\u76EE\u7684\u53D7\u8BBF\u8005\u4E0A\u8BC4\u4F30\u5404\u6A21\u578B\uFF0C\u56DE\u5F52\u6A21\u578B\u91C7\u7528\u4EA4\u53C9\u9A8C\u8BC1\u3002\u5173\u952E\u9A71\u52A8\u56E0\u7D20\uFF1A\u4E0E R \u4E00\u81F4\u7684\u6700\u5C0F\u4E8C\u4E58\u63A8\u65AD\uFF1B\u91CD\u8981\u6027 = R\xB2 \u7684 LMG\uFF08Shapley\uFF09\u5206\u89E3\u5360\u6BD4\uFF1B\u5173\u952E\u65F6\u523B = \u663E\u8457\u7684\u6B63\u5411\u9A71\u52A8\u56E0\u7D20\uFF1B\u75DB\u70B9 = \u5747\u503C\u4F4E\u4E8E\u9AD8\u7EE9\u6548\u6C34\u5E73\u7684\u5173\u952E\u65F6\u523B\uFF1B\u4FDD\u5065\u56E0\u7D20 = \u5747\u503C\u9AD8\u4F46\u4E0D\u662F\u9A71\u52A8\u56E0\u7D20\u3002\u8BE6\u89C1 docs/methods.md\u3002"
};
function messages(locale = "en") {
  return locale === "zh-CN" ? zh : en;
}
function touchpointName(report, column, locale = "en") {
  const t = report.survey.touchpoints.find((x) => x.column === column);
  if (t === void 0) return column;
  return locale === "zh-CN" && t.zh !== null ? t.zh : t.label;
}
function verdictText(report, locale = "en") {
  const c = report.peakEnd?.comparison;
  if (c === null || c === void 0) return null;
  if (locale === "en") return c.verdict;
  const m = messages(locale);
  const mae = (model) => c.models.find((x) => x.model === model)?.meanAbsoluteError ?? Number.NaN;
  const p = c.wilcoxon?.pValue ?? 1;
  const head = p >= 0.05 ? m.verdictSame : mae("peak-end") > mae("mean") ? m.verdictWorse : m.verdictBetter;
  const pText = p < 1e-3 ? "p < 0.001" : `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
  return `${head}\uFF1AMAE ${mae("peak-end").toFixed(2)} \u5BF9 ${mae("mean").toFixed(2)}\uFF0CWilcoxon \u7B26\u53F7\u79E9\u68C0\u9A8C ${pText}\uFF0Cn = ${c.n}\u3002`;
}

// src/report/csv.ts
function csvField(value2) {
  if (value2 === null) return "";
  if (typeof value2 === "number") return Number.isFinite(value2) ? String(value2) : "";
  if (typeof value2 === "boolean") return value2 ? "true" : "false";
  const safe = /^[=+\-@\t\r]/.test(value2) ? `'${value2}` : value2;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
function formatDriversCsv(report, options = {}) {
  const locale = options.locale ?? "en";
  const m = messages(locale);
  const kd = report.keyDrivers;
  const header = ["touchpoint", "label", "mean", "coefficient", "std_error", "p_value", "significant", "importance", "importance_share", "rank", "quadrant", "key_moment", "pain_point", "hygiene", "peak", "end", "penalty_reward_factor"];
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
    t.penaltyRewardFactor
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n")}\r
`;
}

// src/report/document.ts
function fixed(value2, decimals = 2) {
  return value2 === null || value2 === void 0 || !Number.isFinite(value2) ? "\u2013" : value2.toFixed(decimals);
}
function formatP(p) {
  return p === null || p === void 0 ? "\u2013" : p < 1e-3 ? "<0.001" : p.toFixed(3);
}
function significanceStars(p) {
  if (p === null || p === void 0) return "";
  return p < 1e-3 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : "";
}
var percent = (v) => v === null || v === void 0 ? "\u2013" : `${(v * 100).toFixed(0)}%`;
function reportDocument(report, options = {}) {
  const locale = options.locale ?? "en";
  const m = messages(locale);
  const name = (column) => touchpointName(report, column, locale);
  const { scale } = report.survey;
  const sections = [];
  const ingest = report.ingest;
  const dropped = Object.entries(ingest.droppedByReason).filter(([, c]) => c > 0);
  sections.push({
    heading: m.survey,
    blocks: [
      {
        kind: "paragraph",
        text: `${report.survey.n} ${m.respondents}, ${report.survey.touchpoints.length} ${m.touchpoints}, ${m.overall} "${name(report.survey.overall)}", ${m.scale} ${scale.min}-${scale.max} (${m.neutral} ${scale.neutral}).`
      },
      {
        kind: "paragraph",
        text: `${m.rowsRead}: ${ingest.rowsRead}; ${m.rowsUsed}: ${ingest.rowsUsed}; ${m.rowsDropped}: ${ingest.rowsDropped}` + (dropped.length ? ` (${dropped.map(([r, c]) => `${c} ${r.replace(/_/g, " ")}`).join(", ")})` : "") + (ingest.encoding ? `; ${ingest.encoding}` : "") + (ingest.delimiter ? `, ${JSON.stringify(ingest.delimiter)}` : "") + "."
      }
    ]
  });
  sections.push({
    heading: m.descriptives,
    blocks: [
      ...options.charts ? [{ kind: "chart", chart: "journey", title: m.journeyChart }] : [],
      { kind: "table", rows: descriptivesRows(report.descriptives, name, locale) }
    ]
  });
  const pe = report.peakEnd;
  if (pe !== null) {
    const a = pe.aggregate;
    const blocks = [];
    if (options.charts) blocks.push({ kind: "chart", chart: "peakEnd", title: m.peakEndChart });
    blocks.push({
      kind: "paragraph",
      text: `${m.peak} (${a.rule}): ${a.peaks.map((p) => `${name(p.touchpoint)} ${fixed(p.mean)}`).join(", ")}; ${m.end}: ${name(a.end.touchpoint)} ${fixed(a.end.mean)}. ${m.prediction} ${fixed(a.prediction)} = ${a.weight} \xD7 ${m.peak} + ${fixed(1 - a.weight, 1)} \xD7 ${m.end}; ${m.observed} ${fixed(a.observed)}; ${m.gap} ${a.gap >= 0 ? "+" : ""}${fixed(a.gap)}` + (a.gapTest ? ` (paired t, n = ${a.gapTest.n}: ${Math.round(a.gapTest.level * 100)}% CI ${fixed(a.gapTest.ciLower)} to ${fixed(a.gapTest.ciUpper)}, p ${formatP(a.gapTest.pValue)}).` : ".")
    });
    const acc = pe.respondents.accuracy;
    blocks.push({ kind: "paragraph", text: `${m.perRespondent} (n = ${pe.respondents.n}): MAE ${fixed(acc.meanAbsoluteError)}, RMSE ${fixed(acc.rootMeanSquaredError)}, bias ${fixed(acc.meanBias)}, r ${fixed(acc.correlation)}.` });
    if (pe.comparison !== null) {
      blocks.push({ kind: "paragraph", text: `${m.modelComparison} (n = ${pe.comparison.n}; regression: ${pe.comparison.folds}-fold cross-validation, seed ${pe.comparison.seed}):` });
      blocks.push({
        kind: "table",
        rows: [[m.model, "MAE", "RMSE", "Bias", "r"], ...pe.comparison.models.map((x) => [m.models[x.model] ?? x.description, fixed(x.meanAbsoluteError), fixed(x.rootMeanSquaredError), fixed(x.meanBias), fixed(x.correlation)])]
      });
      blocks.push({ kind: "paragraph", text: `${m.verdict}: ${verdictText(report, locale)}` });
    }
    if (pe.regression !== null) {
      blocks.push({ kind: "paragraph", text: `${m.regressionCheck}:` });
      blocks.push({
        kind: "table",
        rows: [
          [m.term, m.estimate, "SE", "t", "p", ""],
          ...pe.regression.coefficients.map(
            (c) => "aliased" in c ? [name(c.name), "aliased", "", "", "", ""] : [c.name === "(Intercept)" ? c.name : name(c.name), fixed(c.estimate, 3), fixed(c.stdError, 3), fixed(c.tValue), formatP(c.pValue), significanceStars(c.pValue)]
          )
        ]
      });
    }
    sections.push({ heading: m.peakEnd, blocks });
  }
  const kd = report.keyDrivers;
  if (kd !== null) {
    const reg = kd.regression;
    const flags = (t) => [t.flags.keyMoment && m.keyMoment, t.flags.painPoint && m.painPoint, t.flags.hygiene && m.hygiene, t.flags.peak && m.peak, t.flags.end && m.end].filter(Boolean).join(", ");
    const blocks = [];
    if (options.charts) blocks.push({ kind: "chart", chart: "drivers", title: m.driverChart });
    blocks.push({
      kind: "paragraph",
      text: `OLS (n = ${reg.n}): R\xB2 = ${fixed(reg.rSquared, 3)}, adj. R\xB2 = ${fixed(reg.adjustedRSquared, 3)}, F = ${fixed(reg.fStatistic)} (p ${formatP(reg.fPValue)}); ${m.importance} = ${kd.importance.method.toUpperCase()}.`
    });
    blocks.push({
      kind: "table",
      rows: [
        [m.touchpoint, m.mean, m.coefficient, "SE", "p", "", m.importance, m.share, m.rank, m.quadrant, m.flags],
        ...kd.touchpoints.map((t) => [
          name(t.touchpoint),
          fixed(t.performance),
          fixed(t.estimate, 3),
          fixed(t.stdError, 3),
          formatP(t.pValue),
          significanceStars(t.pValue),
          fixed(t.importance, 3),
          percent(t.importanceShare),
          String(t.importanceRank),
          m.quadrants[t.quadrant] ?? t.quadrant,
          flags(t)
        ])
      ]
    });
    if (kd.modelFit !== null) {
      const f = kd.modelFit;
      blocks.push({
        kind: "paragraph",
        text: `${m.modelLine[kd.model] ?? kd.model}: n = ${f.n}, LR \u03C7\xB2 = ${fixed(f.likelihoodRatio.statistic)} (df ${f.likelihoodRatio.df}, p ${formatP(f.likelihoodRatio.pValue)}), McFadden R\xB2 = ${fixed(f.mcFaddenRSquared, 3)}.`
      });
    }
    blocks.push({ kind: "paragraph", text: m.significance });
    if (options.charts) blocks.push({ kind: "chart", chart: "ipa", title: m.ipaChart });
    sections.push({ heading: m.keyDrivers, blocks });
    if (kd.bootstrap !== null) {
      const b = kd.bootstrap;
      sections.push({
        heading: m.bootstrap,
        blocks: [
          { kind: "paragraph", text: `${b.replicates} ${m.resamples}, seed ${b.seed}, ${Math.round(b.level * 100)}% CI.` },
          {
            kind: "table",
            rows: [
              [m.touchpoint, m.importance, m.percentileCi, m.bcaCi, m.rankCi, m.rankedFirst],
              ...b.estimates.map((e) => [
                name(e.name),
                fixed(e.estimate, 3),
                `${fixed(e.percentile.lower, 3)}\u2013${fixed(e.percentile.upper, 3)}`,
                `${fixed(e.bca.lower, 3)}\u2013${fixed(e.bca.upper, 3)}`,
                `${fixed(e.rankInterval.lower, 0)}\u2013${fixed(e.rankInterval.upper, 0)}`,
                percent(e.shareRankedFirst)
              ])
            ]
          }
        ]
      });
    }
    if (kd.penaltyReward !== null) {
      const pr = kd.penaltyReward;
      sections.push({
        heading: `${m.penaltyReward} (\u2264 ${pr.lowAtMost} / \u2265 ${pr.highAtLeast})`,
        blocks: [
          {
            kind: "table",
            rows: [
              [m.touchpoint, m.low, m.high, m.penalty, m.reward, m.asymmetry, m.factor],
              ...pr.factors.map((f) => [name(f.touchpoint), percent(f.lowShare), percent(f.highShare), fixed(f.penalty, 3), fixed(f.reward, 3), fixed(f.impactAsymmetry), f.factor === null ? "\u2013" : m.factors[f.factor] ?? f.factor])
            ]
          }
        ]
      });
    }
  }
  if (report.warnings.length > 0) {
    sections.push({ heading: m.warnings, blocks: report.warnings.map((w) => ({ kind: "paragraph", text: `[${w.source}] ${w.message}` })) });
  }
  sections.push({ heading: m.methods, blocks: [{ kind: "paragraph", text: m.methodNotes }] });
  return { title: m.title, locale, sections };
}
function descriptivesRows(descriptives2, name, locale = "en") {
  const m = messages(locale);
  return [
    [m.item, "n", m.missing, m.mean, "SD", "SE", `${Math.round(descriptives2.level * 100)}% CI`, m.median, m.topTwo, m.bottomTwo],
    ...descriptives2.items.map((d) => [
      d.role === "overall" ? `${name(d.column)} (${m.overall})` : name(d.column),
      String(d.n),
      String(d.missing),
      fixed(d.mean),
      fixed(d.sampleStandardDeviation),
      fixed(d.standardError, 3),
      d.ciLower === null || d.ciUpper === null ? "\u2013" : `${fixed(d.ciLower)}\u2013${fixed(d.ciUpper)}`,
      fixed(d.median, 1),
      percent(d.topTwoBox),
      percent(d.bottomTwoBox)
    ])
  ];
}

// src/report/markdown.ts
function escapeMarkdown(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([\\`*_[\]|#])/g, "\\$1").replace(/\r?\n/g, " ");
}
function formatReportMarkdown(report, options = {}) {
  const doc = reportDocument(report, options);
  const lines = [`# ${escapeMarkdown(doc.title)}`, ""];
  for (const section of doc.sections) {
    lines.push(`## ${escapeMarkdown(section.heading)}`, "");
    for (const block of section.blocks) {
      if (block.kind === "paragraph") lines.push(escapeMarkdown(block.text), "");
      if (block.kind === "table") {
        const [header, ...body] = block.rows;
        const numeric = (header ?? []).map((_, i) => body.length > 0 && body.every((row) => /^[-+–<]?[\d.,%–]*$/.test(row[i] ?? "")));
        lines.push(`| ${(header ?? []).map(escapeMarkdown).join(" | ")} |`);
        lines.push(`|${numeric.map((n) => n ? "---:" : "---").join("|")}|`);
        for (const row of body) lines.push(`| ${row.map(escapeMarkdown).join(" | ")} |`);
        lines.push("");
      }
    }
  }
  return `${lines.join("\n").trimEnd()}
`;
}

// src/report/charts.ts
var SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
var WIDTH = 560;
function journeyChart(report, options = {}) {
  const locale = options.locale ?? "en";
  const m = messages(locale);
  const peak = new Set(report.peakEnd?.aggregate.peaks.map((p) => p.touchpoint) ?? []);
  const end = report.peakEnd?.aggregate.end.touchpoint;
  const points = report.descriptives.items.filter((d) => d.role === "touchpoint").map((d, order) => ({
    order: order + 1,
    touchpoint: touchpointName(report, d.column, locale),
    mean: d.mean,
    lower: d.ciLower,
    upper: d.ciUpper,
    moment: peak.has(d.column) ? m.peak : d.column === end ? m.end : ""
  }));
  const rules = [
    { label: `${m.neutral} ${report.survey.scale.neutral}`, value: report.survey.scale.neutral, kind: "neutral" },
    ...report.peakEnd !== null ? [
      { label: `${m.observed} ${report.peakEnd.aggregate.observed.toFixed(2)}`, value: report.peakEnd.aggregate.observed, kind: "observed" },
      { label: `${m.prediction} ${report.peakEnd.aggregate.prediction.toFixed(2)}`, value: report.peakEnd.aggregate.prediction, kind: "prediction" }
    ] : []
  ];
  const x = { field: "touchpoint", type: "nominal", sort: points.map((p) => p.touchpoint), title: null, axis: { labelAngle: -30 } };
  const y = { field: "mean", type: "quantitative", title: m.mean, scale: { domain: [report.survey.scale.min, report.survey.scale.max] } };
  return {
    $schema: SCHEMA,
    title: m.journeyChart,
    width: WIDTH,
    height: 280,
    resolve: { scale: { color: "independent" } },
    layer: [
      { data: { values: points }, mark: { type: "rule", color: "#9aa5b1" }, encoding: { x, y: { field: "lower", type: "quantitative", scale: y.scale }, y2: { field: "upper" } } },
      { data: { values: points }, mark: { type: "line", color: "#1f6feb", point: true }, encoding: { x, y } },
      {
        data: { values: points.filter((p) => p.moment !== "") },
        mark: { type: "point", filled: true, size: 160 },
        encoding: { x, y, color: { field: "moment", type: "nominal", title: null, scale: { domain: [m.peak, m.end], range: ["#8250df", "#d1242f"] } } }
      },
      {
        data: { values: rules },
        mark: { type: "rule", strokeDash: [4, 4] },
        encoding: {
          y: { field: "value", type: "quantitative" },
          color: { field: "label", type: "nominal", title: null, scale: { domain: rules.map((r) => r.label), range: ["#6e7781", "#1a7f37", "#bf8700"] }, legend: { labelLimit: 320 } }
        }
      }
    ]
  };
}
function driverChart(report, options = {}) {
  const locale = options.locale ?? "en";
  const m = messages(locale);
  const kd = report.keyDrivers;
  const boot = new Map((kd?.bootstrap?.estimates ?? []).map((e) => [e.name, e]));
  const values = (kd?.touchpoints ?? []).map((t) => ({
    touchpoint: touchpointName(report, t.touchpoint, locale),
    importance: t.importance,
    lower: boot.get(t.touchpoint)?.percentile.lower ?? null,
    upper: boot.get(t.touchpoint)?.percentile.upper ?? null,
    significance: t.significant ? t.flags.keyMoment ? m.keyMoment : "p < \u03B1" : "n.s."
  }));
  const y = { field: "touchpoint", type: "nominal", sort: "-x", title: null };
  return {
    $schema: SCHEMA,
    title: m.driverChart,
    width: WIDTH,
    height: { step: 28 },
    data: { values },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y,
          x: { field: "importance", type: "quantitative", title: `${m.importance} (${kd?.importance.method.toUpperCase() ?? "LMG"}, R\xB2)` },
          color: { field: "significance", type: "nominal", title: null, scale: { domain: [m.keyMoment, "p < \u03B1", "n.s."], range: ["#1f6feb", "#bf8700", "#9aa5b1"] } }
        }
      },
      ...boot.size > 0 ? [{ mark: { type: "rule", color: "#24292f" }, encoding: { y, x: { field: "lower", type: "quantitative" }, x2: { field: "upper" } } }] : []
    ]
  };
}
function ipaChart(report, options = {}) {
  const locale = options.locale ?? "en";
  const m = messages(locale);
  const ipa = report.keyDrivers?.ipa;
  const points = (ipa?.points ?? []).map((p) => ({ touchpoint: touchpointName(report, p.touchpoint, locale), performance: p.performance, importance: p.importance, quadrant: m.quadrants[p.quadrant] ?? p.quadrant }));
  const cx = ipa?.crosshair.performance ?? report.survey.scale.neutral;
  const cy = ipa?.crosshair.importance ?? 0;
  const maxImportance = Math.max(cy * 2, ...points.map((p) => p.importance)) * 1.1 || 1;
  const lo = Math.min(report.survey.scale.min, ...points.map((p) => p.performance));
  const hi = report.survey.scale.max;
  const labels = [
    { performance: (lo + cx) / 2, importance: maxImportance * 0.97, text: m.quadrants["concentrate here"] },
    { performance: (cx + hi) / 2, importance: maxImportance * 0.97, text: m.quadrants["keep up the good work"] },
    { performance: (lo + cx) / 2, importance: maxImportance * 0.03, text: m.quadrants["low priority"] },
    { performance: (cx + hi) / 2, importance: maxImportance * 0.03, text: m.quadrants["possible overkill"] }
  ];
  const x = { field: "performance", type: "quantitative", title: m.mean, scale: { domain: [lo, hi] } };
  const y = { field: "importance", type: "quantitative", title: m.importance, scale: { domain: [0, maxImportance] } };
  return {
    $schema: SCHEMA,
    title: m.ipaChart,
    width: WIDTH,
    height: 360,
    layer: [
      { data: { values: [{ performance: cx }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#6e7781" }, encoding: { x } },
      { data: { values: [{ importance: cy }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#6e7781" }, encoding: { y } },
      { data: { values: labels }, mark: { type: "text", color: "#6e7781", fontStyle: "italic" }, encoding: { x, y, text: { field: "text", type: "nominal" } } },
      { data: { values: points }, mark: { type: "point", filled: true, size: 120 }, encoding: { x, y, color: { field: "quadrant", type: "nominal", title: m.quadrant } } },
      { data: { values: points }, mark: { type: "text", dy: -12 }, encoding: { x, y, text: { field: "touchpoint", type: "nominal" } } }
    ]
  };
}
function peakEndChart(report, options = {}) {
  const locale = options.locale ?? "en";
  const m = messages(locale);
  const a = report.peakEnd?.aggregate;
  const touchpointMeans = report.descriptives.items.filter((d) => d.role === "touchpoint" && d.mean !== null).map((d) => d.mean);
  const average = touchpointMeans.reduce((s, v) => s + v, 0) / Math.max(1, touchpointMeans.length);
  const values = a === void 0 ? [] : [
    ...a.peaks.map((p) => ({ label: `${m.peak}: ${touchpointName(report, p.touchpoint, locale)}`, value: p.mean, kind: m.peak })),
    { label: `${m.end}: ${touchpointName(report, a.end.touchpoint, locale)}`, value: a.end.mean, kind: m.end },
    { label: m.prediction, value: a.prediction, kind: m.prediction },
    { label: `${m.mean} (${m.touchpoints})`, value: average, kind: m.mean },
    { label: m.observed, value: a.observed, kind: m.observed }
  ];
  return {
    $schema: SCHEMA,
    title: m.peakEndChart,
    width: WIDTH,
    height: { step: 30 },
    data: { values },
    encoding: {
      y: { field: "label", type: "nominal", sort: null, title: null, axis: { labelLimit: 260 } },
      x: { field: "value", type: "quantitative", title: m.mean, scale: { domain: [report.survey.scale.min, report.survey.scale.max], zero: false } }
    },
    layer: [
      { mark: { type: "bar", clip: true }, encoding: { color: { field: "kind", type: "nominal", legend: null } } },
      { mark: { type: "text", align: "left", dx: 4 }, encoding: { text: { field: "value", type: "quantitative", format: ".2f" } } }
    ]
  };
}
function reportCharts(report, options = {}) {
  return { journey: journeyChart(report, options), drivers: driverChart(report, options), ipa: ipaChart(report, options), peakEnd: peakEndChart(report, options) };
}

// src/report/html.ts
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
var STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#24292f}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
th,td{padding:.25rem .6rem;border-bottom:1px solid #eaeef2;text-align:left}td.n{text-align:right}
figure{margin:1rem 0}figcaption{color:#57606a;font-size:.9rem}svg{max-width:100%;height:auto}
.meta{color:#57606a;font-size:.85rem}`;
function formatReportHtml(report, options = {}) {
  const charts = options.charts ?? {};
  const doc = reportDocument(report, { ...options.locale && { locale: options.locale }, charts: Object.keys(charts).length > 0 });
  const body = [`<h1>${escapeHtml(doc.title)}</h1>`];
  for (const section of doc.sections) {
    body.push(`<h2>${escapeHtml(section.heading)}</h2>`);
    for (const block of section.blocks) {
      if (block.kind === "paragraph") body.push(`<p>${escapeHtml(block.text)}</p>`);
      else if (block.kind === "table") {
        const [header, ...rows] = block.rows;
        const numeric = (cell) => /^[-+–<]?[\d.,%–]+$/.test(cell);
        body.push(
          `<table><thead><tr>${(header ?? []).map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>` + rows.map((row) => `<tr>${row.map((c) => `<td${numeric(c) ? ' class="n"' : ""}>${escapeHtml(c)}</td>`).join("")}</tr>`).join("") + "</tbody></table>"
        );
      } else {
        const svg = charts[block.chart];
        if (svg !== void 0) body.push(`<figure class="chart" data-chart="${block.chart}">${sanitizeSvg(svg)}<figcaption>${escapeHtml(block.title)}</figcaption></figure>`);
      }
    }
  }
  body.push(`<p class="meta">peak-end ${escapeHtml(report.generator.version)} \xB7 schema ${report.schemaVersion}</p>`);
  return `<!doctype html>
<html lang="${doc.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${escapeHtml(doc.title)}</title><style>${STYLE}</style></head><body>
${body.join("\n")}
</body></html>
`;
}
function sanitizeSvg(svg) {
  return svg.replace(/<\?xml[^>]*\?>/g, "").replace(/<script[\s\S]*?<\/script\s*>/gi, "").replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, "").replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "").replace(/(href\s*=\s*["']?)\s*javascript:/gi, "$1#");
}

// src/report/render-html.ts
async function renderChartSvg(spec) {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  const silent = { level: () => silent, error: () => silent, warn: () => silent, info: () => silent, debug: () => silent };
  const compiled = vegaLite.compile(spec, { logger: silent }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logLevel: vega.None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
async function renderReportHtml(report, options = {}) {
  const specs = reportCharts(report, options);
  const entries = await Promise.all(
    Object.keys(specs).filter((key) => key === "drivers" || key === "ipa" ? report.keyDrivers !== null : key === "peakEnd" ? report.peakEnd !== null : true).map(async (key) => [key, await renderChartSvg(specs[key])])
  );
  const charts = Object.fromEntries(entries);
  return formatReportHtml(report, { ...options, charts });
}

// src/report/text.ts
function formatTable(rows) {
  const widths = [];
  for (const row of rows) row.forEach((cell, i) => widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell)));
  const numeric = (cell) => /^[-+–]?[\d.,%]+$|^–$/.test(cell);
  const lines = rows.map(
    (row, r) => row.map((cell, i) => {
      const pad = " ".repeat((widths[i] ?? 0) - displayWidth(cell));
      return r > 0 && numeric(cell) ? pad + cell : cell + pad;
    }).join("  ").trimEnd()
  );
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  return lines.join("\n");
}
function displayWidth(text) {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}
function formatDescriptivesText(descriptives2) {
  const labels = new Map(descriptives2.items.map((d) => [d.column, d.label]));
  return formatTable(descriptivesRows(descriptives2, (column) => labels.get(column) ?? column));
}
function formatIngestReportText(report) {
  const dropped = Object.entries(report.droppedByReason).filter(([, count]) => count > 0).map(([reason, count]) => `${count} ${reason.replace(/_/g, " ")}`);
  const lines = [
    `Rows read: ${report.rowsRead}; used: ${report.rowsUsed}; dropped: ${report.rowsDropped}${dropped.length ? ` (${dropped.join(", ")})` : ""}.`
  ];
  const source = [report.encoding && `encoding ${report.encoding}`, report.delimiter && `delimiter ${JSON.stringify(report.delimiter)}`].filter(Boolean);
  if (source.length) lines.push(`Read as ${source.join(", ")}.`);
  if (report.ignoredColumns.length) lines.push(`Columns not in the spec (ignored): ${report.ignoredColumns.join(", ")}.`);
  return lines.join("\n");
}
function formatReportText(report, options = {}) {
  const doc = reportDocument(report, options);
  return doc.sections.map(
    (section) => [
      section.heading.toUpperCase(),
      ...section.blocks.map((block) => block.kind === "table" ? formatTable(block.rows) : block.kind === "paragraph" ? block.text : "").filter((t) => t !== "")
    ].join("\n")
  ).join("\n\n");
}
function formatReproductionText(r) {
  const matched = r.findings.filter((f) => f.matches).length;
  const means = r.findings.filter((f) => f.id.startsWith("mean:"));
  const claims = r.findings.filter((f) => !f.id.startsWith("mean:"));
  const label = new Map(r.grim.map((g) => [g.id, g.label]));
  return [
    `REPRODUCING: ${r.study}`,
    `${matched} of ${r.findings.length} published figures and findings reproduced on ${r.n} questionnaires.`,
    "",
    formatTable([
      ["Mean", "Published", "Reproduced", "Answered", "Match"],
      ...means.map((f) => {
        const id = f.id.slice("mean:".length);
        return [label.get(id) ?? id, f.published, f.reproduced, String(r.itemN.find((i) => i.id === id)?.n ?? "\u2013"), f.matches ? "yes" : "NO"];
      })
    ]),
    "",
    ...claims.flatMap((f) => [`[${f.matches ? "yes" : "NO "}] ${f.id}`, `      published:  ${f.published}`, `      reproduced: ${f.reproduced}`]),
    "",
    "GRIM: can 47 integer answers give each published mean?",
    formatTable([
      ["Item", "Mean", "n = 47", "Sample sizes in 40..54 that can"],
      ...r.grim.map((g) => [g.label, g.mean, g.grimConsistent ? "possible" : "impossible", g.consistentSampleSizes.join(", ")])
    ]),
    r.grimSummary,
    "",
    `Note: ${r.note}`
  ].join("\n");
}

// src/cli/survey-options.ts
import { readFileSync } from "node:fs";

// src/schema/survey-spec.ts
import { z } from "zod";
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
var DEFAULT_MISSING_CODES = ["", "NA", "N/A", "-"];
function normalizeText(text) {
  return text.normalize("NFKC").trim().toLowerCase();
}
function normalizeSpec(spec) {
  const parsed = surveySpecSchema.safeParse(spec);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(spec)"}: ${i.message}`);
    throw new InvalidArgumentError(`Invalid survey spec: ${problems.join("; ")}. See docs/getting-started.md for the spec format.`, {
      cause: parsed.error
    });
  }
  const s = parsed.data;
  const touchpoints = s.touchpoints.map(
    (t) => typeof t === "string" ? { column: t, label: t, zh: null, en: null } : { column: t.column, label: t.label ?? t.en ?? t.column, zh: t.zh ?? null, en: t.en ?? null }
  );
  const roles = /* @__PURE__ */ new Map();
  const claim = (column, role) => {
    const previous = roles.get(column);
    if (previous !== void 0) {
      throw new InvalidArgumentError(`Invalid survey spec: column "${column}" is listed both as ${previous} and as ${role}; give each column one role.`);
    }
    roles.set(column, role);
  };
  touchpoints.forEach((t) => claim(t.column, "a touchpoint"));
  claim(s.overall, "overall");
  if (s.weight !== void 0) claim(s.weight, "weight");
  if (s.id !== void 0) claim(s.id, "id");
  (s.segments ?? []).forEach((c) => claim(c, "a segment"));
  const rated = /* @__PURE__ */ new Set([...touchpoints.map((t) => t.column), s.overall]);
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
      integer: s.scale.integer ?? true
    },
    missing: s.missing ?? DEFAULT_MISSING_CODES,
    weight: s.weight ?? null,
    id: s.id ?? null,
    segments: s.segments ?? [],
    labels: s.labels ?? /* @__PURE__ */ new Map(),
    reverse: s.reverse ?? [],
    invalid: s.invalid ?? "error"
  };
}

// src/ingest/csv.ts
import { parse } from "csv-parse/sync";
var SNIFFED_DELIMITERS = [",", ";", "	"];
function sniffDelimiter(text) {
  const counts = new Map(SNIFFED_DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}
function csvParseOptions(delimiter, maxRecordSize) {
  return {
    delimiter,
    max_record_size: maxRecordSize,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    record_delimiter: ["\r\n", "\n", "\r"]
  };
}
var LineTracker = class {
  /** @param lastEndLine lines already consumed before this tracker's records. */
  constructor(lastEndLine = 0) {
    this.lastEndLine = lastEndLine;
  }
  lastEndLine;
  /** Start line of a record that ends at `endLine`. */
  next(endLine) {
    const start = this.lastEndLine + 1;
    this.lastEndLine = endLine;
    return start;
  }
  /** Line where the next (unfinished) record starts. */
  get pendingLine() {
    return this.lastEndLine + 1;
  }
};
function csvSyntaxError(cause, line) {
  const code = cause.code;
  if (code === "CSV_MAX_RECORD_SIZE") {
    return new DataValidationError(
      [{ code: "field_too_large", path: [null, null], line, message: `The record starting on line ${line} has a field longer than the limit (maxFieldBytes); check for a missing closing quote, or raise maxFieldBytes.`, input: null }],
      { cause }
    );
  }
  const message = code === "CSV_QUOTE_NOT_CLOSED" ? `A quoted field opened on line ${line} is never closed; add the closing double quote (") or remove the stray one.` : `CSV syntax error in the record starting on line ${line}: ${cause.message}. Check the quoting on that line.`;
  return new DataValidationError([{ code: "csv_syntax", path: [null, null], line, message, input: null }], { cause });
}
function parseCsvText(text, delimiter, maxRecordSize, sink) {
  const lines = new LineTracker();
  try {
    parse(text, {
      ...csvParseOptions(delimiter, maxRecordSize),
      on_record: (record2, context) => {
        sink.record(record2, lines.next(context.lines));
        return null;
      }
    });
  } catch (cause) {
    if (cause instanceof DataValidationError) throw cause;
    throw csvSyntaxError(cause, lines.pendingLine);
  }
}

// src/ingest/decode.ts
function detectEncoding(head, encoding) {
  const bom = bomOf(head);
  if (encoding !== void 0) {
    const canonical = canonicalEncoding(encoding);
    return { encoding: canonical, bomLength: bom !== null && bom.encoding === canonical ? bom.length : 0, guessed: false };
  }
  if (bom !== null) return { encoding: bom.encoding, bomLength: bom.length, guessed: false };
  return { encoding: firstInvalidUtf8(head, true) === -1 ? "utf-8" : "gb18030", bomLength: 0, guessed: true };
}
function bomOf(bytes) {
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 255 && bytes[1] === 254) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 254 && bytes[1] === 255) return { encoding: "utf-16be", length: 2 };
  return null;
}
function canonicalEncoding(label) {
  try {
    return new TextDecoder(label).encoding;
  } catch (cause) {
    throw encodingError(`Unknown encoding "${label}"; use utf-8, utf-16le, utf-16be, gb18030, gbk or windows-1252.`, null, cause);
  }
}
function decodeBytes(bytes, encoding) {
  const detected = detectEncoding(bytes, encoding);
  const body = bytes.subarray(detected.bomLength);
  try {
    return { text: new TextDecoder(detected.encoding, { fatal: true, ignoreBOM: true }).decode(body), detected };
  } catch (cause) {
    const offset = detected.encoding === "utf-8" ? firstInvalidUtf8(body, false) : -1;
    const line = offset >= 0 ? lineAt(body, offset) : null;
    throw encodingError(
      `The file is not valid ${detected.encoding}${line === null ? "" : ` (first bad byte on line ${line})`}; save it as UTF-8, or pass the right encoding (e.g. encoding: "gb18030" or "windows-1252").`,
      line,
      cause
    );
  }
}
function guessedEncodingWarning(encoding) {
  return { code: "encoding_guessed", message: `The data is not valid UTF-8 and was read as ${encoding}; pass encoding if that is wrong.` };
}
function encodingError(message, line, cause) {
  return new DataValidationError([{ code: "invalid_encoding", path: [null, null], line, message, input: null }], { cause });
}
function lineAt(bytes, offset) {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}
function firstInvalidUtf8(bytes, allowTruncatedEnd) {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let lower = 128;
    let upper = 191;
    if (b >= 194 && b <= 223) need = 1;
    else if (b >= 224 && b <= 239) {
      need = 2;
      if (b === 224) lower = 160;
      if (b === 237) upper = 159;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      if (b === 240) lower = 144;
      if (b === 244) upper = 143;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return allowTruncatedEnd ? -1 : i;
      const c = bytes[i + k];
      if (c < (k === 1 ? lower : 128) || c > (k === 1 ? upper : 191)) return i;
    }
    i += need + 1;
  }
  return -1;
}

// src/ingest/limits.ts
var DEFAULT_LIMITS = { maxRows: 5e7, maxColumns: 2e4, maxFieldBytes: 1048576 };
function ingestLimits(options) {
  const limits = {
    maxRows: options.maxRows ?? DEFAULT_LIMITS.maxRows,
    maxColumns: options.maxColumns ?? DEFAULT_LIMITS.maxColumns,
    maxFieldBytes: options.maxFieldBytes ?? DEFAULT_LIMITS.maxFieldBytes
  };
  for (const [key, value2] of Object.entries(limits)) {
    if (!Number.isInteger(value2) || value2 < 1) throw new InvalidArgumentError(`${key} must be a positive whole number, got ${value2}.`);
  }
  return limits;
}

// src/survey/survey.ts
var DROP_REASONS = ["invalid_value", "ragged_row", "invalid_weight", "repeated_header", "no_answers"];

// src/ingest/cell.ts
var MISSING = { kind: "missing" };
var NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
var PLAIN_INTEGER = /^\d{1,6}$/;
var DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
var SHORT_INTEGER = /^([+-]?)(\d{1,9})$/;
var UNREAD = Number.POSITIVE_INFINITY;
function integerTextKey(sign, length, value2) {
  return sign * 1e10 + length * 1e9 + value2;
}
var CellReader = class {
  constructor(spec) {
    this.spec = spec;
    this.missingText = new Set(spec.missing.map((m) => normalizeText(String(m))));
    this.missingNumbers = new Set(spec.missing.filter((m) => typeof m === "number"));
    this.scaleText = `${spec.scale.min}-${spec.scale.max}`;
    this.integerTexts = /* @__PURE__ */ new Set();
    let minLength = Infinity;
    let maxLength = 0;
    for (const text of [...this.missingText, ...spec.labels.keys()]) {
      const match = SHORT_INTEGER.exec(text);
      if (match === null) continue;
      const digits = match[2];
      this.integerTexts.add(integerTextKey(match[1] === "" ? 0 : match[1] === "+" ? 1 : 2, digits.length, Number(digits)));
      minLength = Math.min(minLength, digits.length);
      maxLength = Math.max(maxLength, digits.length);
    }
    this.integerTextMinLength = minLength;
    this.integerTextMaxLength = maxLength;
    this.missingOnScale = [...this.missingNumbers].some((m) => m >= spec.scale.min && m <= spec.scale.max);
    this.emptyReading = this.rating("").kind === "missing" ? Number.NaN : UNREAD;
  }
  spec;
  missingText;
  missingNumbers;
  scaleText;
  /** Keys ({@link integerTextKey}) of missing codes and labels whose text is an integer, e.g. "99". */
  integerTexts;
  integerTextMinLength;
  integerTextMaxLength;
  /** Whether a numeric missing code lies on the scale (then every value must be looked up). */
  missingOnScale;
  /** The reading of an empty or blank field. */
  emptyReading;
  /**
   * The reading of a field that is exactly `length` (1 to 9) ASCII digits with value `value`,
   * equal to what {@link rating} gives for that text: the value when it is on the scale, NaN when
   * it is a missing code, else {@link UNREAD}. No string is built: this is the byte reader's path.
   */
  digits(value2, length) {
    return this.integer(0, length, value2);
  }
  /**
   * The reading of an ASCII field `bytes[start, end)`, as {@link digits}: surrounding blanks are
   * trimmed and a sign is allowed; an empty field reads as the empty text does. Anything else is
   * {@link UNREAD}. The caller guarantees that the bytes are ASCII (below 0x80).
   */
  asciiField(bytes, start, end) {
    while (start < end && isBlank(bytes[start])) start++;
    while (end > start && isBlank(bytes[end - 1])) end--;
    if (start === end) return this.emptyReading;
    let sign = 0;
    const first = bytes[start];
    if (first === 43 || first === 45) {
      sign = first === 43 ? 1 : 2;
      start++;
    }
    const length = end - start;
    if (length < 1 || length > 9) return UNREAD;
    let value2 = 0;
    for (let i = start; i < end; i++) {
      const d = bytes[i] - 48;
      if (d < 0 || d > 9) return UNREAD;
      value2 = value2 * 10 + d;
    }
    return this.integer(sign, length, value2);
  }
  /** {@link rating}'s steps for an integer text (sign 0 none, 1 '+', 2 '-'), decided without the text. */
  integer(sign, length, digitsValue) {
    if (length >= this.integerTextMinLength && length <= this.integerTextMaxLength && this.integerTexts.has(integerTextKey(sign, length, digitsValue))) {
      return UNREAD;
    }
    const value2 = sign === 2 ? -digitsValue : digitsValue;
    const { min, max } = this.spec.scale;
    if (value2 >= min && value2 <= max) {
      if (this.missingOnScale && this.missingNumbers.has(value2)) return Number.NaN;
      return value2 + 0;
    }
    return this.missingNumbers.has(value2) ? Number.NaN : UNREAD;
  }
  /** Reads a rating (touchpoint or overall) cell. */
  rating(raw) {
    let value2;
    let labelled = false;
    if (raw === null || raw === void 0) return MISSING;
    if (typeof raw === "number") {
      if (Number.isNaN(raw)) return MISSING;
      value2 = raw;
    } else if (typeof raw === "string" && PLAIN_INTEGER.test(raw) && !this.missingText.has(raw) && !this.spec.labels.has(raw)) {
      value2 = Number(raw);
    } else if (typeof raw === "string") {
      const text = normalizeText(raw);
      if (this.missingText.has(text)) return MISSING;
      const labelScore = this.spec.labels.get(text);
      if (labelScore !== void 0) {
        value2 = labelScore;
        labelled = true;
      } else if (NUMBER.test(text)) {
        value2 = Number(text);
      } else {
        return {
          kind: "invalid",
          code: "unparseable_number",
          problem: "is not a number",
          fix: DECIMAL_COMMA.test(text) ? "it looks like a decimal comma; use a point (4.5), or map the text under labels" : "enter a number, add the text to missing codes, or map it to a score under labels"
        };
      }
    } else {
      return { kind: "invalid", code: "unparseable_number", problem: `is a ${typeof raw}, not a number`, fix: "pass numbers or numeric text" };
    }
    if (!Number.isFinite(value2)) {
      return { kind: "invalid", code: "unparseable_number", problem: "is not a finite number", fix: "enter a rating on the scale" };
    }
    if (this.missingNumbers.has(value2)) return MISSING;
    value2 += 0;
    const { min, max, integer } = this.spec.scale;
    if (value2 < min || value2 > max) {
      return {
        kind: "invalid",
        code: "out_of_scale",
        problem: `is outside the scale ${this.scaleText}`,
        fix: "correct it, declare it a missing code (e.g. 99), or check scale.min/scale.max"
      };
    }
    if (integer && !Number.isInteger(value2)) {
      return {
        kind: "invalid",
        code: "non_integer",
        problem: `is not a whole number on the integer scale ${this.scaleText}`,
        fix: "correct it, or set scale.integer to false if fractional answers are valid"
      };
    }
    return { kind: "value", value: value2, labelled };
  }
  /** Reverse-codes a rating: min + max - value. */
  reverse(value2) {
    return this.spec.scale.min + this.spec.scale.max - value2;
  }
};
function isBlank(byte) {
  return byte === 32 || byte >= 9 && byte <= 13;
}
function readWeight(raw) {
  const value2 = typeof raw === "number" ? raw : typeof raw === "string" && NUMBER.test(normalizeText(raw)) ? Number(normalizeText(raw)) : NaN;
  return Number.isFinite(value2) && value2 >= 0 ? value2 + 0 : null;
}
function readText(raw, missingText) {
  if (raw === null || raw === void 0) return null;
  const text = String(raw).trim();
  return missingText.has(normalizeText(text)) ? null : text;
}

// src/ingest/builder.ts
var MAX_LISTED_STRAIGHT_LINERS = 1e3;
var SurveyBuilder = class {
  constructor(spec, sourceInfo, limits = DEFAULT_LIMITS, sink = null) {
    this.spec = spec;
    this.sourceInfo = sourceInfo;
    this.limits = limits;
    this.sink = sink;
    this.reader = new CellReader(spec);
    this.missingText = new Set(spec.missing.map((m) => normalizeText(String(m))));
    this.warnings.push(...sourceInfo.warnings ?? []);
  }
  spec;
  sourceInfo;
  limits;
  sink;
  reader;
  missingText;
  headerNames = null;
  headerKey = "";
  rated = [];
  weightIndex = -1;
  idIndex = -1;
  segmentIndex = [];
  weights = [];
  ids = [];
  segmentValues = [];
  sourceRows = new Uint32Array(64);
  idMissing = 0;
  segmentMissing = [];
  straightCount = 0;
  straightRows = [];
  weightInvalid = 0;
  issues = [];
  issueCount = 0;
  rowsRead = 0;
  used = 0;
  blankLines = 0;
  dropped = new Map(DROP_REASONS.map((r) => [r, 0]));
  warnings = [];
  /** Scratch for the row being read: rated values (NaN = missing) and which of them were invalid. */
  rowValues = new Float64Array(0);
  rowInvalid = new Uint8Array(0);
  /** All zero: no cell of the row is invalid. */
  noneInvalid = new Uint8Array(0);
  anyReverse = false;
  /** Storage of the rated columns (spec order; capacity = sourceRows.length) and their missing counts. */
  columns = [];
  missingCounts = new Float64Array(0);
  /** Whether the header has been seen. */
  get hasHeader() {
    return this.headerNames !== null;
  }
  /**
   * Declares the column names. Throws at once when a spec column is missing or a used column name
   * is duplicated: no record can be read meaningfully without the header.
   */
  header(rawNames, line) {
    if (rawNames.length > this.limits.maxColumns) {
      throw new DataValidationError([
        issue("too_many_columns", null, null, line, `The header has ${rawNames.length} columns, more than the limit of ${this.limits.maxColumns}; keep the columns you need or raise maxColumns.`, null)
      ]);
    }
    this.checkFieldSizes(rawNames, null, line);
    const names = rawNames.map((n) => n.replace(/^\uFEFF/, "").trim());
    this.headerNames = names;
    this.headerKey = names.join("\0");
    const positions = /* @__PURE__ */ new Map();
    names.forEach((n, i) => positions.set(n, [...positions.get(n) ?? [], i]));
    const issues = [];
    const used = this.usedColumns();
    const locate = (column) => {
      const at = positions.get(column);
      if (at === void 0) {
        const close = names.find((n) => normalizeText(n) === normalizeText(column));
        const hint = close !== void 0 ? `did you mean "${close}"?` : `the columns are: ${names.map((n) => `"${n}"`).join(", ")}`;
        issues.push(issue("unknown_column", null, column, line, `The spec names column "${column}", which is not in the data; ${hint}`, null));
        return -1;
      }
      if (at.length > 1) {
        issues.push(
          issue("duplicate_header", null, column, line, `Column "${column}" appears ${at.length} times in the header (positions ${at.map((p) => p + 1).join(", ")}); rename the duplicates so each column has one name.`, column)
        );
        return -1;
      }
      return at[0];
    };
    const reversed = new Set(this.spec.reverse);
    this.rated = [
      ...this.spec.touchpoints.map((t) => ({ name: t.column, role: "touchpoint" })),
      { name: this.spec.overall, role: "overall" }
    ].map(({ name, role }) => ({
      name,
      role,
      index: locate(name),
      reverse: reversed.has(name),
      invalid: 0,
      labelled: 0
    }));
    this.columns = this.rated.map(() => new Float64Array(this.sourceRows.length));
    this.missingCounts = new Float64Array(this.rated.length);
    this.rowValues = new Float64Array(this.rated.length);
    this.noneInvalid = new Uint8Array(this.rated.length);
    this.anyReverse = this.rated.some((col) => col.reverse);
    this.rowInvalid = new Uint8Array(this.rated.length);
    if (this.spec.weight !== null) this.weightIndex = locate(this.spec.weight);
    if (this.spec.id !== null) this.idIndex = locate(this.spec.id);
    this.segmentIndex = this.spec.segments.map((s) => [s, locate(s)]);
    this.segmentValues = this.segmentIndex.map(() => []);
    this.segmentMissing = this.segmentIndex.map(() => 0);
    for (const [name, at] of positions) {
      if (at.length > 1 && !used.has(name)) {
        this.warnings.push({ code: "duplicate_header", message: `Column "${name}" appears ${at.length} times in the header; it is not used by the spec, so it was ignored.` });
      }
    }
    if (issues.length > 0) throw new DataValidationError(issues);
  }
  /** Adds one data record; `line` is its 1-based starting line in the file (null for non-CSV input). */
  record(cells, line, csv = false) {
    const names = this.headerNames;
    if (names === null) throw new Error("SurveyBuilder.record called before header");
    if (csv && cells.length === 1 && cells[0] === "" && names.length > 1) {
      this.blankLines++;
      return;
    }
    const row = this.startRow(line);
    this.checkFieldSizes(cells, row, line);
    if (csv && cells.length === names.length && Array.prototype.every.call(cells, (c, i) => String(c).trim() === names[i])) {
      this.drop("repeated_header");
      this.warnOnce("repeated_header", `The header is repeated as data row ${row}${line === null ? "" : ` (line ${line})`}; such rows were dropped.`);
      return;
    }
    if (csv && cells.length !== names.length && !extraCellsEmpty(cells, names.length)) {
      const message = `Row ${row}${line === null ? "" : ` (line ${line})`} has ${cells.length} fields but the header has ${names.length}; check for an unquoted delimiter or a missing field in that row.`;
      if (this.spec.invalid === "error") this.report(issue("ragged_row", row, null, line, message, null));
      else this.drop("ragged_row");
      return;
    }
    let rowIssues = 0;
    let answered = 0;
    for (let j = 0; j < this.rated.length; j++) {
      const raw = cells[this.rated[j].index];
      const outcome = this.cell(j, raw, this.reader.rating(raw), row, line);
      if (outcome > 0) answered++;
      else if (outcome < 0) rowIssues++;
    }
    this.finishRow(row, line, rowIssues, answered, (index) => cells[index], this.rowValues, this.rowInvalid);
  }
  /**
   * For each header position, the index of the rated column read from it (touchpoints in spec
   * order, then overall), or -1. For fast readers that parse rated fields themselves.
   */
  ratedSlots() {
    const names = this.headerNames;
    if (names === null) throw new Error("SurveyBuilder.ratedSlots called before header");
    const slots = new Int32Array(names.length).fill(-1);
    this.rated.forEach((col, j) => {
      if (col.index >= 0) slots[col.index] = j;
    });
    return slots;
  }
  /** The header names (trimmed, BOM removed), or null before the header. */
  get columnNames() {
    return this.headerNames;
  }
  /** The cell reader, for fast readers that classify plain integers themselves. */
  get cells() {
    return this.reader;
  }
  /**
   * Adds one CSV record whose rated cells a fast reader has already read, with exactly the effect
   * of `record(fields, line, true)`. The caller guarantees that the record has as many fields as
   * the header, that it is not a blank line or a repeated header, and that no field is longer
   * than maxFieldBytes. `parsed[j]` is rated column j's reading: a value on the scale (before
   * reverse coding), NaN for missing, or {@link UNREAD} to have the cell read from `text(index)`.
   * `text(index)` returns the field at a header position (used for unread cells, weight, id and
   * segments).
   */
  recordParsed(parsed, line, text) {
    const row = this.startRow(line);
    let answered = 0;
    if (!this.anyReverse) {
      const at = this.used;
      if (this.sink === null && at >= this.sourceRows.length) this.grow();
      const columns = this.sink === null ? this.columns : null;
      let complete = true;
      for (let j = 0; j < parsed.length; j++) {
        const v = parsed[j];
        if (v === UNREAD) {
          complete = false;
          break;
        }
        if (columns !== null) columns[j][at] = v;
        if (v === v) answered++;
      }
      if (complete) {
        this.finishRow(row, line, 0, answered, text, parsed, this.noneInvalid, columns !== null);
        return;
      }
      answered = 0;
    }
    let rowIssues = 0;
    const values = this.rowValues;
    const invalidAt = this.rowInvalid;
    for (let j = 0; j < this.rated.length; j++) {
      const v = parsed[j];
      if (v === UNREAD) {
        const col = this.rated[j];
        const raw = text(col.index);
        const outcome = this.cell(j, raw, this.reader.rating(raw), row, line);
        if (outcome > 0) answered++;
        else if (outcome < 0) rowIssues++;
      } else if (v !== v) {
        values[j] = Number.NaN;
        invalidAt[j] = 0;
      } else {
        values[j] = this.rated[j].reverse ? this.reader.reverse(v) : v;
        invalidAt[j] = 0;
        answered++;
      }
    }
    this.finishRow(row, line, rowIssues, answered, text, values, invalidAt);
  }
  /** Counts a new data row and enforces maxRows; returns its 1-based number. */
  startRow(line) {
    this.rowsRead++;
    const row = this.rowsRead;
    if (row > this.limits.maxRows) {
      throw new DataValidationError([issue("too_many_rows", row, null, line, `The input has more than ${this.limits.maxRows} data rows (the maxRows limit); read it in parts or raise maxRows.`, null)]);
    }
    return row;
  }
  /**
   * Stores rated column j's reading in the row scratch and counts it: 1 for a value, 0 for
   * missing, -1 for an invalid cell (reported under `invalid: 'error'`).
   */
  cell(j, raw, result, row, line) {
    const col = this.rated[j];
    if (result.kind === "value") {
      this.rowValues[j] = col.reverse ? this.reader.reverse(result.value) : result.value;
      this.rowInvalid[j] = 0;
      if (result.labelled) col.labelled++;
      return 1;
    }
    this.rowValues[j] = Number.NaN;
    this.rowInvalid[j] = result.kind === "invalid" ? 1 : 0;
    if (result.kind === "missing") return 0;
    col.invalid++;
    if (this.spec.invalid === "error") {
      const shown = typeof raw === "string" ? raw : String(raw);
      this.report(issue(result.code, row, col.name, line, `Row ${row}${line === null ? "" : ` (line ${line})`}, column "${col.name}": ${JSON.stringify(shown)} ${result.problem}; ${result.fix}, or set invalid: "missing".`, shown));
    }
    return -1;
  }
  /** The row-level rules after the rated cells are read: weight, policy, accounting, storage. */
  finishRow(row, line, rowIssues, answered, cellAt, values, invalidAt, stored = false) {
    let weight = Number.NaN;
    if (this.weightIndex >= 0) {
      const raw = cellAt(this.weightIndex);
      const w = readWeight(raw);
      if (w === null) {
        this.weightInvalid++;
        if (this.spec.invalid === "error") {
          const shown = raw === void 0 || raw === null ? "" : String(raw);
          this.report(issue("invalid_weight", row, this.spec.weight, line, `Row ${row}${line === null ? "" : ` (line ${line})`}, column "${this.spec.weight}": weight ${JSON.stringify(shown)} is not a non-negative number; fix it or remove the row.`, shown));
        } else {
          this.drop("invalid_weight");
          return;
        }
      }
      weight = w ?? Number.NaN;
    }
    if (this.spec.invalid === "error" && this.issueCount > 0) return;
    if (rowIssues > 0 && this.spec.invalid === "drop-row") {
      this.drop("invalid_value");
      return;
    }
    if (answered === 0) {
      this.drop("no_answers");
      return;
    }
    const touchpoints = this.spec.touchpoints.length;
    const first = values[0];
    if (touchpoints >= 2 && !Number.isNaN(first)) {
      let same = true;
      for (let j = 1; j < touchpoints && same; j++) same = values[j] === first;
      if (same) {
        this.straightCount++;
        if (this.straightRows.length < MAX_LISTED_STRAIGHT_LINERS) this.straightRows.push(row);
      }
    }
    const missing = this.missingCounts;
    const width = values.length;
    const id = this.idIndex >= 0 ? readText(cellAt(this.idIndex), this.missingText) : null;
    if (this.idIndex >= 0 && id === null) this.idMissing++;
    const segments = this.segmentIndex.length === 0 ? null : this.segmentIndex.map(([, at2], k) => {
      const text = readText(cellAt(at2), this.missingText);
      if (text === null) this.segmentMissing[k] = (this.segmentMissing[k] ?? 0) + 1;
      return text;
    });
    this.used++;
    if (answered < width) {
      for (let j = 0; j < width; j++) {
        const v = values[j];
        if (v !== v && invalidAt[j] === 0) missing[j] = missing[j] + 1;
      }
    }
    if (this.sink !== null) {
      this.sink(values, this.weightIndex >= 0 ? weight : 1);
      return;
    }
    const at = this.used - 1;
    if (!stored) {
      if (at >= this.sourceRows.length) this.grow();
      const columns = this.columns;
      for (let j = 0; j < width; j++) columns[j][at] = values[j];
    }
    if (this.weightIndex >= 0) this.weights.push(weight);
    if (this.idIndex >= 0) this.ids.push(id);
    segments?.forEach((text, k) => this.segmentValues[k]?.push(text));
    this.sourceRows[at] = row;
  }
  /**
   * Makes room for `rows` used rows in advance (a hint from a reader that can estimate the row
   * count, e.g. from the file size), so the columns need not grow by doubling. No effect with a sink.
   */
  reserve(rows) {
    const capacity = Math.min(Math.ceil(rows), this.limits.maxRows);
    if (this.sink === null && capacity > this.sourceRows.length) this.grow(capacity);
  }
  /** Grows the storage of the rated columns and source rows (they always have the same capacity). */
  grow(capacity = this.sourceRows.length * 2) {
    this.columns = this.columns.map((column) => {
      const grown = new Float64Array(capacity);
      grown.set(column);
      return grown;
    });
    const rows = new Uint32Array(capacity);
    rows.set(this.sourceRows);
    this.sourceRows = rows;
  }
  /** Validates the totals and returns the ingest report; throws DataValidationError listing every issue. */
  finishReport() {
    if (this.headerNames === null) {
      throw new DataValidationError([issue("empty_file", null, null, null, "The input is empty: expected a header row naming the columns, then one row per respondent.", null)]);
    }
    if (this.rowsRead === 0) {
      throw new DataValidationError([issue("header_only", null, null, 1, "The input has a header but no data rows; add one row per respondent.", null)]);
    }
    if (this.issueCount > 0) throw new DataValidationError(this.issues, { totalIssues: this.issueCount });
    const n = this.used;
    if (this.straightCount > 0) {
      this.warnings.push({ code: "straight_lining", message: `${this.straightCount} respondent${this.straightCount === 1 ? "" : "s"} gave the same answer on every touchpoint (rows listed in report.straightLining).` });
    }
    const columns = [
      ...this.rated.map((c, j) => ({ column: c.name, role: c.role, missing: this.missingCounts[j] ?? 0, invalid: c.invalid, labelled: c.labelled })),
      ...this.spec.weight !== null ? [{ column: this.spec.weight, role: "weight", missing: 0, invalid: this.weightInvalid, labelled: 0 }] : [],
      ...this.spec.id !== null ? [{ column: this.spec.id, role: "id", missing: this.idMissing, invalid: 0, labelled: 0 }] : [],
      ...this.segmentIndex.map(([name], k) => ({ column: name, role: "segment", missing: this.segmentMissing[k] ?? 0, invalid: 0, labelled: 0 }))
    ];
    const usedColumns = this.usedColumns();
    const rowsDropped2 = this.rowsRead - n;
    const droppedByReason = Object.fromEntries(DROP_REASONS.map((r) => [r, this.dropped.get(r) ?? 0]));
    for (const [j, col] of this.rated.entries()) {
      if (this.missingCounts[j] === n) this.warnings.push({ code: "column_all_missing", message: `Column "${col.name}" has no answers in any used row.` });
    }
    if (rowsDropped2 > 0) {
      const parts = DROP_REASONS.filter((r) => droppedByReason[r] > 0).map((r) => `${droppedByReason[r]} ${r.replace(/_/g, " ")}`);
      this.warnings.push({ code: "rows_dropped", message: `${rowsDropped2} of ${this.rowsRead} rows were dropped (${parts.join(", ")}).` });
    }
    return {
      source: this.sourceInfo.source,
      encoding: this.sourceInfo.encoding,
      delimiter: this.sourceInfo.delimiter,
      rowsRead: this.rowsRead,
      rowsUsed: n,
      rowsDropped: rowsDropped2,
      droppedByReason,
      blankLines: this.blankLines,
      columns,
      ignoredColumns: [...new Set(this.headerNames.filter((h) => !usedColumns.has(h)))],
      straightLining: { count: this.straightCount, rows: [...this.straightRows] },
      warnings: this.warnings
    };
  }
  /** Validates the totals and returns the Survey; throws DataValidationError listing every issue. */
  finish() {
    const report = this.finishReport();
    const n = this.used;
    const ratings = /* @__PURE__ */ new Map();
    const keep = n >= this.sourceRows.length - (this.sourceRows.length >> 3);
    this.rated.forEach((col, j) => {
      const column = this.columns[j];
      ratings.set(col.name, keep ? column.subarray(0, n) : column.slice(0, n));
    });
    return {
      spec: this.spec,
      touchpoints: this.spec.touchpoints,
      overall: this.spec.overall,
      n,
      ratings,
      weights: this.weightIndex >= 0 ? Float64Array.from(this.weights) : null,
      ids: this.idIndex >= 0 ? this.ids.map((v, i) => v ?? `row ${this.sourceRows[i]}`) : null,
      segments: new Map(this.segmentIndex.map(([name], k) => [name, this.segmentValues[k] ?? []])),
      sourceRows: keep ? this.sourceRows.subarray(0, n) : this.sourceRows.slice(0, n),
      report
    };
  }
  usedColumns() {
    const s = this.spec;
    return /* @__PURE__ */ new Set([...s.touchpoints.map((t) => t.column), s.overall, ...s.weight ? [s.weight] : [], ...s.id ? [s.id] : [], ...s.segments]);
  }
  checkFieldSizes(cells, row, line) {
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j];
      if (typeof cell === "string" && cell.length > this.limits.maxFieldBytes) {
        const column = row === null ? null : this.headerNames?.[j] ?? null;
        throw new DataValidationError([
          issue("field_too_large", row, column, line, `${row === null ? "A header name" : `Row ${row}${column === null ? "" : `, column "${column}"`}`} has ${cell.length} characters, more than the limit of ${this.limits.maxFieldBytes}; check for a missing closing quote, or raise maxFieldBytes.`, cell.slice(0, 40))
        ]);
      }
    }
  }
  drop(reason) {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
  }
  report(found) {
    this.issueCount++;
    if (this.issues.length < MAX_LISTED_ISSUES) this.issues.push(found);
  }
  warnOnce(code, message) {
    if (!this.warnings.some((w) => w.code === code)) this.warnings.push({ code, message });
  }
};
function issue(code, row, column, line, message, input) {
  return { code, path: [row, column], line, message, input };
}
function extraCellsEmpty(cells, expected) {
  if (cells.length < expected) return false;
  for (let i = expected; i < cells.length; i++) if (String(cells[i]).trim() !== "") return false;
  return true;
}

// src/ingest/read-survey.ts
function checkDelimiter(delimiter) {
  if (delimiter === void 0) return void 0;
  const named = { tab: "	", "\\t": "	", comma: ",", semicolon: ";" };
  const value2 = Object.prototype.hasOwnProperty.call(named, delimiter) ? named[delimiter] : delimiter;
  if (value2.length !== 1 || value2 === '"' || value2 === "\n" || value2 === "\r") {
    throw new InvalidArgumentError(`Invalid delimiter ${JSON.stringify(delimiter)}: use one character such as ",", ";" or "\\t" (or the names comma, semicolon, tab).`);
  }
  return value2;
}

// src/ingest/infer-spec.ts
var OVERALL_NAME = /overall|总体|整体|总满意|satisfaction|nps|recommend/i;
var ID_NAME = /^(id|ids|respondent|respondent[ _]?id|resp[ _]?id|case|case[ _]?id|no\.?|number|#|编号|序号|问卷编号)$/i;
var STANDARD_SCALES = [
  { min: 1, max: 5 },
  { min: 1, max: 7 },
  { min: 0, max: 10 },
  { min: 1, max: 10 }
];
function inferSurveySpec(input, options = {}) {
  const text = typeof input === "string" ? input : decodeBytes(input, options.encoding).text;
  const delimiter = checkDelimiter(options.delimiter) ?? sniffDelimiter(text);
  const missing = new Set((options.missing ?? DEFAULT_MISSING_CODES).map((m) => normalizeText(String(m))));
  const limit = options.sampleRows ?? 1e3;
  let header = null;
  let stats = [];
  let rows = 0;
  try {
    parseCsvText(text, delimiter, ingestLimits(options).maxFieldBytes, {
      record(fields) {
        if (header === null) {
          header = fields.map((f) => f.replace(/^\uFEFF/, "").trim());
          stats = header.map(() => ({ numbers: 0, texts: 0, example: "", values: [] }));
          return;
        }
        if (rows++ >= limit) return;
        fields.forEach((raw, i) => {
          const cell = normalizeText(raw);
          const column = stats[i];
          if (column === void 0 || missing.has(cell)) return;
          const value2 = Number(cell);
          if (cell !== "" && Number.isFinite(value2)) {
            column.numbers++;
            column.values.push(value2);
          } else {
            column.texts++;
            if (column.example === "") column.example = raw.trim();
          }
        });
      }
    });
  } catch {
  }
  const names = header ?? [];
  const notes = [];
  const numericColumns = [];
  const allValues = [];
  const guessing = options.touchpoints === void 0;
  names.forEach((name, i) => {
    const column = stats[i];
    if (column === void 0 || column.numbers === 0) {
      if (guessing && column !== void 0 && column.texts > 0 && name !== options.overall) notes.push(textNote(name, column.example));
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
  if (overall === void 0) {
    overall = numericColumns.find((c) => OVERALL_NAME.test(c)) ?? numericColumns.at(-1);
    if (overall === void 0) throw new InvalidArgumentError("No numeric column found to use as the overall rating; name it with --overall (or spec.overall).");
    notes.push(`overall rating: "${overall}" (set --overall to change)`);
  }
  let touchpoints = options.touchpoints;
  if (touchpoints === void 0) {
    touchpoints = numericColumns.filter((c) => c !== overall);
    if (touchpoints.length === 0) throw new InvalidArgumentError("No numeric touchpoint columns found; list them with --touchpoints A,B,C (journey order).");
    notes.push(`touchpoints in journey order: ${touchpoints.join(", ")} (all numeric columns except overall; set --touchpoints to change)`);
  }
  let scale = options.scale;
  if (scale === void 0) {
    const used = /* @__PURE__ */ new Set([...touchpoints, overall]);
    const values = names.flatMap((name, i) => used.has(name) ? stats[i]?.values ?? [] : []);
    const pool = values.length > 0 ? values : allValues;
    const fits = (s) => pool.filter((v) => v >= s.min && v <= s.max).length;
    scale = STANDARD_SCALES.find((s) => fits(s) >= 0.98 * pool.length) ?? { min: Math.min(...pool), max: Math.max(...pool) };
    const outside = pool.length - fits(scale);
    notes.push(`scale: ${scale.min}-${scale.max} (from the values seen${outside > 0 ? `; ${outside} value${outside === 1 ? "" : "s"} outside it will be reported` : ""}; set --scale to change)`);
  }
  return {
    spec: { touchpoints: [...touchpoints], overall, scale: { ...scale }, missing: [...options.missing ?? DEFAULT_MISSING_CODES] },
    notes
  };
}
function textNote(name, example) {
  return `"${name}" holds text (e.g. ${JSON.stringify(example)}); left out (if it is a rating, map its answers to scores with labels in a spec)`;
}

// src/ingest/read-survey-file.ts
import { Buffer, isAscii } from "node:buffer";
import { open, stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse as parse2 } from "csv-parse";

// src/ingest/utf8-records.ts
var QUOTE = 34;
var LF = 10;
var CR = 13;
var EMPTY = new Uint8Array(0);
var Utf8RecordReader = class {
  /**
   * @param delimiter one ASCII byte that is not a digit, a double quote, CR or LF.
   */
  constructor(builder, delimiter, maxFieldBytes) {
    this.builder = builder;
    this.delimiter = delimiter;
    this.maxFieldBytes = maxFieldBytes;
    this.delimiterText = String.fromCharCode(delimiter);
  }
  builder;
  delimiter;
  maxFieldBytes;
  /** Lines consumed so far (each of \r\n, \n and \r ends one). */
  lineNo = 0;
  /** LF bytes consumed so far (how TextDecoder-based line numbering counts lines). */
  newlines = 0;
  /** Bytes of the complete lines consumed so far. */
  bytesConsumed = 0;
  carry = EMPTY;
  scratch = EMPTY;
  text = new TextDecoder("utf-8", { ignoreBOM: true });
  delimiterText;
  // Set up once the header is known.
  reader = null;
  slots = new Int32Array(0);
  width = 0;
  parsed = new Float64Array(0);
  /** Where the line being recorded starts in `buf`. */
  lineStart = 0;
  /** The readings of the one-digit fields 0 to 9, the commonest rating cells. */
  oneDigit = new Float64Array(10);
  /** The first header name as bytes when it is ASCII (a data line starting with it may repeat the header). */
  firstName = null;
  buf = EMPTY;
  /** A field of the line being recorded, by header position (found again: rarely needed). */
  fieldText = (index) => {
    const buf = this.buf;
    let start = this.lineStart;
    for (let k = 0; k < index; k++) while (buf[start++] !== this.delimiter) ;
    let end = start;
    while (end < buf.length && buf[end] !== this.delimiter && buf[end] !== LF && buf[end] !== CR) end++;
    return asciiText(buf, start, end);
  };
  /**
   * Reads the complete lines of `carry + chunk` and keeps the incomplete last one. Returns null,
   * or, when a line holds a double quote, the bytes from that line's start to the chunk's end:
   * the caller hands them and the rest of the file to csv-parse.
   */
  push(chunk) {
    let buf = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry.length > 0) {
      const needed = this.carry.length + chunk.length;
      if (this.scratch.length < needed) {
        const grown = new Uint8Array(Math.max(needed, 2 * this.scratch.length));
        grown.set(this.carry);
        this.scratch = grown;
      } else if (this.carry.buffer === this.scratch.buffer) {
        this.scratch.copyWithin(0, this.carry.byteOffset - this.scratch.byteOffset, this.carry.byteOffset - this.scratch.byteOffset + this.carry.length);
      } else {
        this.scratch.set(this.carry);
      }
      this.scratch.set(chunk, this.carry.length);
      buf = this.scratch.subarray(0, needed);
    }
    this.buf = buf;
    const n = buf.length;
    const delimiter = this.delimiter;
    let start = 0;
    while (start < n) {
      if (this.reader === null) {
        let i2 = start;
        while (i2 < n && buf[i2] !== LF && buf[i2] !== CR && buf[i2] !== QUOTE) i2++;
        if (i2 < n && buf[i2] === QUOTE) return this.stop(buf, start);
        const next2 = this.lineEnd(buf, i2);
        if (next2 < 0) break;
        this.textLine(buf, start, i2);
        start = next2;
        if (this.builder.hasHeader) this.prepare();
        continue;
      }
      const reader = this.reader;
      const slots = this.slots;
      const parsed = this.parsed;
      const width = this.width;
      const oneDigit = this.oneDigit;
      let i = start;
      let fields = 0;
      let ascii = true;
      for (; ; ) {
        while (fields < width && i + 1 < n) {
          const d = buf[i] - 48;
          if (d < 0 || d > 9 || buf[i + 1] !== delimiter) break;
          const slot = slots[fields];
          if (slot >= 0) parsed[slot] = oneDigit[d];
          fields++;
          i += 2;
        }
        const fieldStart = i;
        let value2 = 0;
        let digits = 0;
        let plain = true;
        let b = 0;
        for (; i < n; i++) {
          b = buf[i];
          if (b >= 48 && b <= 57) {
            value2 = value2 * 10 + (b - 48);
            digits++;
          } else if (b === delimiter || b === LF || b === CR) {
            break;
          } else if (b === QUOTE) {
            return this.stop(buf, start);
          } else {
            if (b >= 128) ascii = false;
            plain = false;
          }
        }
        if (i >= n) break;
        if (fields < width) {
          const slot = slots[fields];
          if (slot >= 0) {
            parsed[slot] = plain && digits === 1 ? oneDigit[value2] : plain && digits > 1 && digits <= 9 ? reader.digits(value2, digits) : ascii ? reader.asciiField(buf, fieldStart, i) : UNREAD;
          }
        }
        fields++;
        if (b !== delimiter) break;
        i++;
      }
      const next = this.lineEnd(buf, i);
      if (next < 0) break;
      const length = i - start;
      if (ascii && fields === width && length > 0 && !this.mayRepeatHeader(buf, start, i)) {
        if (length > this.maxFieldBytes) throw this.tooLong();
        this.lineNo++;
        this.lineStart = start;
        this.builder.recordParsed(parsed, this.lineNo, this.fieldText);
      } else {
        this.textLine(buf, start, i);
      }
      start = next;
    }
    this.bytesConsumed += start;
    const carry = start === 0 ? buf : buf.subarray(start);
    if (carry.length === 0 || carry.buffer === this.scratch.buffer) this.carry = carry;
    else {
      if (this.scratch.length < carry.length) this.scratch = new Uint8Array(Math.max(carry.length, 2 * this.scratch.length));
      this.scratch.set(carry);
      this.carry = this.scratch.subarray(0, carry.length);
    }
    if (this.carry.length > this.maxFieldBytes && this.text.decode(this.carry, { stream: true }).length > this.maxFieldBytes) throw this.tooLong();
    this.text.decode();
    return null;
  }
  /** Reads the last line when the file does not end with a line break. */
  end() {
    const buf = this.carry;
    this.carry = EMPTY;
    if (buf.length === 0) return;
    this.textLine(buf, 0, buf[buf.length - 1] === CR ? buf.length - 1 : buf.length);
  }
  /**
   * Index after the line end at `i` (\n, \r\n or \r), counting LF bytes, or -1 when the line is
   * not complete in `buf` (a lone \r at its end may be the first half of \r\n).
   */
  lineEnd(buf, i) {
    if (i >= buf.length) return -1;
    if (buf[i] === LF) {
      this.newlines++;
      return i + 1;
    }
    if (i + 1 < buf.length) {
      if (buf[i + 1] !== LF) return i + 1;
      this.newlines++;
      return i + 2;
    }
    return -1;
  }
  /** A line read as text and split at the delimiter, as the text fast path reads every line. */
  textLine(buf, start, end) {
    const line = this.text.decode(buf.subarray(start, end));
    if (line.length > this.maxFieldBytes) throw this.tooLong();
    this.lineNo++;
    const fields = line.split(this.delimiterText);
    if (this.builder.hasHeader) this.builder.record(fields, this.lineNo, true);
    else this.builder.header(fields, this.lineNo);
  }
  stop(buf, start) {
    this.carry = EMPTY;
    return buf.subarray(start);
  }
  prepare() {
    const names = this.builder.columnNames ?? [];
    this.reader = this.builder.cells;
    for (let d = 0; d < 10; d++) this.oneDigit[d] = this.reader.digits(d, 1);
    this.slots = this.builder.ratedSlots();
    this.width = names.length;
    this.parsed = new Float64Array(Math.max(...this.slots, -1) + 1);
    const first = names[0] ?? "";
    this.firstName = /^[\x00-\x7f]*$/.test(first) ? Uint8Array.from(first, (c) => c.charCodeAt(0)) : null;
  }
  /**
   * Whether the first field of the line `buf[start, lineEnd)`, trimmed, equals the first header
   * name (then the line goes the text way, which drops repeated headers).
   */
  mayRepeatHeader(buf, start, lineEnd) {
    const name = this.firstName;
    if (name === null) return false;
    let end = start;
    while (end < lineEnd && buf[end] !== this.delimiter) end++;
    while (start < end && isBlank(buf[start])) start++;
    while (end > start && isBlank(buf[end - 1])) end--;
    if (end - start !== name.length) return false;
    for (let k = 0; k < name.length; k++) if (buf[start + k] !== name[k]) return false;
    return true;
  }
  tooLong() {
    return csvSyntaxError(Object.assign(new Error("record too large"), { code: "CSV_MAX_RECORD_SIZE" }), this.lineNo + 1);
  }
};
function asciiText(bytes, start, end) {
  if (end - start > 64) return new TextDecoder().decode(bytes.subarray(start, end));
  let text = "";
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

// src/ingest/read-survey-file.ts
async function readSurveyFile(path, spec, options = {}) {
  return (await streamSurveyFile(path, spec, options, null)).finish();
}
async function streamSurveyFile(path, spec, options, sink, paths = {}) {
  const normalized = normalizeSpec(spec);
  const explicitDelimiter = checkDelimiter(options.delimiter);
  const limits = ingestLimits(options);
  let totalBytes;
  try {
    totalBytes = (await stat(path)).size;
  } catch (cause) {
    throw new PeakEndError("file_not_readable", `Cannot read "${path}": ${cause.message}. Check the path and permissions.`, { cause });
  }
  let handle;
  try {
    handle = await open(path, "r");
  } catch (cause) {
    throw new PeakEndError("file_not_readable", `Cannot read "${path}": ${cause.message}. Check the path and permissions.`, { cause });
  }
  const buffer = Buffer.allocUnsafe(options.chunkSize ?? 1 << 20);
  let bytesRead = 0;
  const progress = () => options.onProgress?.({ bytesRead, totalBytes });
  const nextChunk = async () => {
    try {
      const { bytesRead: got } = await handle.read(buffer, 0, buffer.length, null);
      if (got === 0) return null;
      bytesRead += got;
      return buffer.subarray(0, got);
    } catch (cause) {
      throw new PeakEndError("file_not_readable", `Cannot read "${path}": ${cause.message}.`, { cause });
    }
  };
  try {
    return await readAll();
  } finally {
    await handle.close();
  }
  async function readAll() {
    let newlines = 0;
    function decode(decoder2, bytes, stream) {
      try {
        const text = decoder2.decode(bytes, { stream });
        for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) newlines++;
        return text;
      } catch (cause) {
        const offset = decoder2.encoding === "utf-8" ? firstInvalidUtf8(bytes, stream) : -1;
        const line = offset >= 0 ? newlines + lineAt(bytes, offset) : newlines + 1;
        throw encodingError(
          `The file is not valid ${decoder2.encoding} (first bad byte on line ${line}); save it as UTF-8, or pass the right encoding (e.g. encoding: "gb18030").`,
          line,
          cause
        );
      }
    }
    async function* decodedRest(decoder2) {
      for (let bytes = await nextChunk(); bytes !== null; bytes = await nextChunk()) {
        yield decode(decoder2, bytes, true);
        progress();
      }
      const rest = decode(decoder2, new Uint8Array(0), false);
      if (rest !== "") yield rest;
    }
    let decoder = null;
    let detected = null;
    let head = "";
    const headBytes = [];
    let delimiter = null;
    let ended = false;
    while (delimiter === null) {
      let bytes = await nextChunk();
      if (bytes === null) {
        ended = true;
        break;
      }
      if (decoder === null) {
        detected = detectEncoding(bytes, options.encoding);
        decoder = new TextDecoder(detected.encoding, { fatal: true, ignoreBOM: true });
        bytes = bytes.subarray(detected.bomLength);
      }
      head += decode(decoder, bytes, true);
      headBytes.push(new Uint8Array(bytes));
      if (/[\r\n]/.test(head) || head.length > limits.maxFieldBytes) delimiter = explicitDelimiter ?? sniffDelimiter(head);
      else progress();
    }
    if (decoder === null || detected === null) {
      return new SurveyBuilder(normalized, { source: "csv", encoding: null, delimiter: null }, limits, sink);
    }
    if (ended) {
      head += decode(decoder, new Uint8Array(0), false);
      delimiter = explicitDelimiter ?? sniffDelimiter(head);
    }
    delimiter ??= ",";
    const { encoding, guessed } = detected;
    const active = new SurveyBuilder(
      normalized,
      { source: "csv", encoding, delimiter, warnings: guessed && encoding !== "utf-8" ? [guessedEncodingWarning(encoding)] : [] },
      limits,
      sink
    );
    const delimiterByte = delimiter.charCodeAt(0);
    if (paths.bytes !== false && encoding === "utf-8" && delimiterByte < 128 && !(delimiterByte >= 48 && delimiterByte <= 57)) {
      return await readBytes(active, decoder, delimiterByte);
    }
    return await readText2(active, decoder, delimiter);
    async function readBytes(builder, validator, delimiterByte2) {
      const lines = new Utf8RecordReader(builder, delimiterByte2, limits.maxFieldBytes);
      const first = headBytes.length === 1 ? headBytes[0] : Buffer.concat(headBytes);
      let mayHold = !isAscii(headBytes[headBytes.length - 1]);
      let rest = lines.push(first);
      progress();
      if (rest === null && lines.lineNo > 1 && lines.bytesConsumed > 0) builder.reserve(1.02 * (lines.lineNo - 1) * (totalBytes / lines.bytesConsumed) + 64);
      while (rest === null && !ended) {
        const bytes = await nextChunk();
        if (bytes === null) {
          ended = true;
          break;
        }
        const ascii = isAscii(bytes);
        if (mayHold || !ascii) {
          newlines = lines.newlines;
          decode(validator, bytes, true);
        }
        mayHold = !ascii;
        rest = lines.push(bytes);
        progress();
      }
      if (rest === null) {
        if (mayHold) {
          newlines = lines.newlines;
          decode(validator, new Uint8Array(0), false);
        }
        lines.end();
        return builder;
      }
      newlines = lines.newlines;
      const textDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
      const text = decode(textDecoder, rest, !ended);
      return parseRest(builder, text, ended ? emptyText() : decodedRest(textDecoder), lines.lineNo, String.fromCharCode(delimiterByte2));
    }
    async function readText2(builder, textDecoder, delimiter2) {
      const feed = (fields, line) => {
        if (builder.hasHeader) builder.record(fields, line, true);
        else builder.header(fields, line);
      };
      const chunks = ended ? emptyText() : decodedRest(textDecoder);
      let lineNo = 0;
      let pending = "";
      let rest = null;
      const lineEnd = /\r\n|\n|\r/g;
      const tooLong = () => csvSyntaxError(Object.assign(new Error("record too large"), { code: "CSV_MAX_RECORD_SIZE" }), lineNo + 1);
      for (let chunk = head; chunk !== null; ) {
        const text = pending + chunk;
        let start = 0;
        for (; ; ) {
          lineEnd.lastIndex = start;
          const match = lineEnd.exec(text);
          if (match === null || match[0] === "\r" && match.index === text.length - 1) break;
          const line = text.slice(start, match.index);
          if (line.includes('"')) {
            rest = text.slice(start);
            break;
          }
          if (line.length > limits.maxFieldBytes) throw tooLong();
          lineNo++;
          feed(line.split(delimiter2), lineNo);
          start = match.index + match[0].length;
        }
        if (rest !== null) break;
        pending = text.slice(start);
        if (pending.includes('"')) {
          rest = pending;
          pending = "";
          break;
        }
        if (pending.length > limits.maxFieldBytes) throw tooLong();
        const next = await chunks.next();
        chunk = next.done === true ? null : next.value;
      }
      if (rest === null) {
        if (pending.endsWith("\r")) feed(pending.slice(0, -1).split(delimiter2), ++lineNo);
        else if (pending !== "") feed(pending.split(delimiter2), ++lineNo);
        return builder;
      }
      return parseRest(builder, rest, chunks, lineNo, delimiter2);
    }
    async function parseRest(builder, first, chunks, lineNo, delimiter2) {
      const feed = (fields, line) => {
        if (builder.hasHeader) builder.record(fields, line, true);
        else builder.header(fields, line);
      };
      const tracker = new LineTracker(lineNo);
      async function* remainder() {
        yield first;
        yield* chunks;
      }
      const parser = parse2({
        ...csvParseOptions(delimiter2, limits.maxFieldBytes),
        on_record: (record2, context) => ({ fields: record2, line: tracker.next(lineNo + context.lines) })
      });
      let failure = null;
      const piping = pipeline(Readable.from(remainder()), parser).catch((error) => {
        failure ??= error;
      });
      try {
        for await (const { fields, line } of parser) feed(fields, line);
      } catch (error) {
        failure ??= error;
        parser.destroy();
      }
      await piping;
      if (failure !== null) {
        if (failure instanceof PeakEndError) throw failure;
        if (failure instanceof CsvError) throw csvSyntaxError(failure, tracker.pendingLine);
        throw new PeakEndError("file_not_readable", `Cannot read "${path}": ${failure.message}.`, { cause: failure });
      }
      return builder;
    }
  }
}
async function* emptyText() {
}

// src/cli/usage-error.ts
var UsageError = class extends PeakEndError {
  constructor(message) {
    super("usage", message);
  }
};

// src/cli/survey-options.ts
var surveyOptionDefinitions = {
  spec: { type: "string" },
  overall: { type: "string" },
  touchpoints: { type: "string" },
  scale: { type: "string" },
  missing: { type: "string" },
  encoding: { type: "string" },
  delimiter: { type: "string" },
  invalid: { type: "string" }
};
var surveyOptionsHelp = `Survey options:
  --spec FILE            survey spec (JSON): touchpoints, overall, scale, missing, labels, ...
  --overall COL          overall-satisfaction column (default: inferred from its name, else the last numeric column)
  --touchpoints A,B,...  touchpoint columns in journey order (default: all numeric columns except overall)
  --scale MIN-MAX        rating scale, e.g. 1-5 or 0-10 (default: inferred from the values)
  --missing CODES        comma-separated missing-value codes (default: empty, NA, N/A, -)
  --encoding NAME        utf-8, utf-16le, gb18030, gbk, windows-1252 (default: detected)
  --delimiter CHAR       , ; tab (default: sniffed)
  --invalid POLICY       invalid cells: error (default), missing (treat as blank) or drop-row`;
async function loadSurvey(file, flags, announce, progress = () => void 0) {
  const readOptions = { ...flags.encoding && { encoding: flags.encoding }, ...flags.delimiter && { delimiter: flags.delimiter } };
  let spec;
  if (flags.spec !== void 0) {
    spec = readSpecFile(flags.spec);
  } else {
    let bytes;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (cause) {
      throw new UsageError(`Cannot read "${file}": ${cause.message}.`);
    }
    const inferred = inferSurveySpec(bytes, {
      ...readOptions,
      ...flags.overall && { overall: flags.overall },
      ...flags.touchpoints && { touchpoints: splitList(flags.touchpoints) },
      ...flags.scale && { scale: parseScale(flags.scale) },
      ...flags.missing !== void 0 && { missing: parseMissing(flags.missing) }
    });
    inferred.notes.forEach((note) => announce(`Note: ${note}.`));
    spec = inferred.spec;
  }
  if (flags.invalid !== void 0) {
    if (!["error", "missing", "drop-row"].includes(flags.invalid)) throw new UsageError(`--invalid must be error, missing or drop-row, got "${flags.invalid}".`);
    spec = { ...spec, invalid: flags.invalid };
  }
  return readSurveyFile(file, spec, {
    ...readOptions,
    onProgress: ({ bytesRead, totalBytes }) => {
      if (totalBytes > 8 << 20) progress("Reading", Math.round(bytesRead / 1024), Math.round(totalBytes / 1024));
    }
  });
}
function readSpecFile(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new UsageError(`Cannot read the spec file "${path}": ${cause.message}.`);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new UsageError(`The spec file "${path}" is not valid JSON (${cause.message}); see docs/getting-started.md for the format.`);
  }
}
function splitList(text) {
  return text.split(",").map((s) => s.trim()).filter((s) => s !== "");
}
function parseScale(text) {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*[-–:]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (match === null) throw new UsageError(`--scale expects MIN-MAX such as 1-5 or 0-10, got "${text}".`);
  return { min: Number(match[1]), max: Number(match[2]) };
}
function parseMissing(text) {
  return text.split(",").map((s) => s.trim()).map((s) => s !== "" && Number.isFinite(Number(s)) ? Number(s) : s);
}

// src/cli/analyze.ts
var analyzeHelp = `Usage: peak-end analyze <file.csv> [options]

Descriptives, the peak-end rule tested against averaging and other models, and key drivers
(regression, LMG importance, key moments, pain points, hygiene factors, IPA quadrants,
penalty-reward) of a survey.

${surveyOptionsHelp}
Analysis:
  --model ols|ordinal|logistic   model that decides key moments (default ols; logistic = top-2-box)
  --bootstrap N          bootstrap the importance with N resamples (default: off)
  --seed N               seed for the bootstrap and the cross-validation (default 1)
Output (default: text on stdout; one of):
  --json                 the Report as one JSON document (schema: peak-end schema)
  --md                   Markdown with GitHub tables
  --html FILE            a self-contained HTML report with charts (works offline)
  --csv FILE             the key-driver table as CSV (UTF-8 with BOM, for Excel)
  --locale en|zh-CN      language of text, Markdown, HTML and CSV labels (default en)

Examples:
  peak-end analyze fixtures/demo/survey.csv --spec fixtures/demo/survey.json
  peak-end analyze export.csv --overall Overall --touchpoints Brand,Price,Delivery,Meeting --scale 1-5
  peak-end analyze export.csv --bootstrap 1000 --seed 42 --json > report.json
  peak-end analyze fixtures/zhijiang/zhijiang.csv --spec fixtures/zhijiang/spec.json --locale zh-CN --html report.html`;
async function analyzeCommand(args, ctx) {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      ...surveyOptionDefinitions,
      json: { type: "boolean" },
      md: { type: "boolean" },
      html: { type: "string" },
      csv: { type: "string" },
      locale: { type: "string" },
      bootstrap: { type: "string" },
      seed: { type: "string" },
      model: { type: "string" }
    },
    allowPositionals: true
  });
  const file = positionals[0];
  if (file === void 0 || positionals.length > 1) throw new UsageError("analyze needs exactly one CSV file, e.g. peak-end analyze survey.csv --spec survey.json.");
  const outputs = [values.json, values.md, values.html, values.csv].filter((v) => v !== void 0 && v !== false);
  if (outputs.length > 1) throw new UsageError("Choose one output: --json, --md, --html FILE or --csv FILE.");
  const locale = values.locale ?? "en";
  if (!LOCALES.includes(locale)) throw new UsageError(`--locale must be one of ${LOCALES.join(", ")}, got "${values.locale}".`);
  const model = values.model ?? "ols";
  if (!["ols", "ordinal", "logistic"].includes(model)) throw new UsageError(`--model must be ols, ordinal or logistic, got "${values.model}".`);
  const replicates = values.bootstrap === void 0 ? void 0 : positiveInteger(values.bootstrap, "--bootstrap");
  const seed = values.seed === void 0 ? 1 : positiveInteger(values.seed, "--seed");
  const survey = await loadSurvey(file, values, ctx.info, ctx.progress);
  const report = analyze(survey, {
    peakEnd: { seed },
    keyDrivers: {
      model,
      ...replicates !== void 0 && {
        bootstrap: { replicates, seed, onProgress: ({ completed, total }) => ctx.progress("Bootstrap", completed, total) }
      }
    }
  });
  if (values.json) ctx.out(JSON.stringify(report, null, 2));
  else if (values.md) ctx.out(formatReportMarkdown(report, { locale }));
  else if (values.html !== void 0) {
    await writeFile(values.html, await renderReportHtml(report, { locale }));
    ctx.info(`Wrote the HTML report to ${values.html}.`);
  } else if (values.csv !== void 0) {
    await writeFile(values.csv, formatDriversCsv(report, { locale }));
    ctx.info(`Wrote the key-driver table to ${values.csv}.`);
  } else ctx.out(formatReportText(report, { locale }));
}
function positiveInteger(text, flag) {
  const value2 = Number(text);
  if (!Number.isInteger(value2) || value2 < 0) throw new UsageError(`${flag} expects a whole number, got "${text}".`);
  return value2;
}

// src/cli/demo.ts
import { join as join2 } from "node:path";

// src/cli/reproduce.ts
import { join } from "node:path";
import { parseArgs as parseArgs2 } from "node:util";

// src/forensics/grim.ts
var ROUNDING_RULES = ["up_or_down", "half_up", "half_down", "half_even", "down", "up"];
var MAX_DECIMALS = 12;
function parseReported(value2, decimals, what = "mean") {
  if (decimals !== void 0 && (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS)) {
    throw new InvalidArgumentError(`decimals must be a whole number from 0 to ${MAX_DECIMALS}, got ${decimals}.`);
  }
  let text;
  if (typeof value2 === "number") {
    if (!Number.isFinite(value2)) throw new InvalidArgumentError(`The ${what} must be a finite number, got ${value2}.`);
    if (decimals === void 0) {
      throw new InvalidArgumentError(`Give the ${what} as text (e.g. "4.10", so trailing zeros count) or pass decimals with a numeric ${what}.`);
    }
    text = plainDecimal(value2);
  } else if (typeof value2 === "string") {
    text = value2;
  } else {
    throw new InvalidArgumentError(`The ${what} must be text such as "4.82" or a number, got ${typeof value2}.`);
  }
  const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (match === null || (match[2] ?? "") === "" && (match[3] ?? "") === "") {
    throw new InvalidArgumentError(`The ${what} ${JSON.stringify(value2)} is not a decimal number such as "4.82".`);
  }
  const fraction = match[3] ?? "";
  if (fraction.length > MAX_DECIMALS) throw new InvalidArgumentError(`The ${what} ${JSON.stringify(value2)} has more than ${MAX_DECIMALS} decimals.`);
  const target = decimals ?? fraction.length;
  if (fraction.length > target) {
    throw new InvalidArgumentError(`The ${what} ${JSON.stringify(value2)} has ${fraction.length} decimals, more than the ${target} given; pass the figure as printed.`);
  }
  const digits = `${match[2] || "0"}${fraction.padEnd(target, "0")}`;
  const units = BigInt(digits) * (match[1] === "-" ? -1n : 1n);
  return { units, decimals: target };
}
function plainDecimal(value2) {
  const shortest = String(value2);
  const exp = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (exp === null) return shortest;
  const sign = exp[1] ?? "";
  const whole = exp[2] ?? "0";
  const fraction = exp[3] ?? "";
  const shift = Number(exp[4]);
  const digits = whole + fraction;
  const point = whole.length + shift;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
function formatScaled(value2) {
  const negative = value2.units < 0n;
  const digits = (negative ? -value2.units : value2.units).toString().padStart(value2.decimals + 1, "0");
  const whole = digits.slice(0, digits.length - value2.decimals);
  const fraction = digits.slice(digits.length - value2.decimals);
  return `${negative ? "-" : ""}${whole}${value2.decimals > 0 ? `.${fraction}` : ""}`;
}
function roundRational(numerator, denominator, rule) {
  if (denominator <= 0n) throw new InvalidArgumentError(`roundRational needs a positive denominator, got ${denominator}.`);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const floor = magnitude / denominator;
  const remainder = magnitude % denominator;
  const twiceRemainder = 2n * remainder;
  const sign = (v) => negative ? -v : v;
  if (rule === "down") return [sign(floor)];
  if (rule === "up") return [sign(remainder === 0n ? floor : floor + 1n)];
  if (twiceRemainder < denominator) return [sign(floor)];
  if (twiceRemainder > denominator) return [sign(floor + 1n)];
  switch (rule) {
    case "half_up":
      return [sign(floor + 1n)];
    case "half_down":
      return [sign(floor)];
    case "half_even":
      return [sign(floor % 2n === 0n ? floor : floor + 1n)];
    default: {
      const both = [sign(floor), sign(floor + 1n)];
      return negative ? both.reverse() : both;
    }
  }
}
function checkRounding(rounding) {
  if (rounding === void 0) return "up_or_down";
  if (typeof rounding !== "string" || !ROUNDING_RULES.includes(rounding)) {
    throw new InvalidArgumentError(`Unknown rounding ${JSON.stringify(rounding)}; use one of ${ROUNDING_RULES.join(", ")}.`);
  }
  return rounding;
}
function grim(mean, n, options = {}) {
  const items = options.items ?? 1;
  const rounding = checkRounding(options.rounding);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`n must be a positive whole number, got ${n}.`);
  if (!Number.isInteger(items) || items < 1) throw new InvalidArgumentError(`items must be a positive whole number, got ${items}.`);
  if (!Number.isSafeInteger(n * items)) throw new InvalidArgumentError(`n * items = ${n} * ${items} is too large for GRIM.`);
  const reported = parseReported(mean, options.decimals);
  const scale = 10n ** BigInt(reported.decimals);
  const total = BigInt(n * items);
  const roundsTo = (s) => roundRational(s * scale, total, rounding);
  const centre = reported.units * total / scale;
  const width = total / scale + 2n;
  const possible = [];
  for (let s = centre - width; s <= centre + width; s++) {
    if (roundsTo(s).includes(reported.units)) possible.push(Number(s));
  }
  const warnings2 = [];
  if (total >= scale) {
    warnings2.push({
      code: "grim_uninformative",
      message: `With ${n * items} answers and ${reported.decimals} decimals every mean is possible (granularity 1/${n * items} <= 10^-${reported.decimals}); GRIM cannot detect anything here.`
    });
  }
  const consistent = possible.length > 0;
  const printed = formatScaled(reported);
  return {
    method: "grim",
    consistent,
    mean: printed,
    n,
    items,
    decimals: reported.decimals,
    rounding,
    possibleSums: possible,
    nearestPossibleMeans: consistent ? [printed, printed] : [nearestPossible(reported, centre, -1n, roundsTo), nearestPossible(reported, centre, 1n, roundsTo)],
    warnings: warnings2
  };
}
function nearestPossible(reported, centre, direction, roundsTo) {
  for (let s = centre - direction * 2n; ; s += direction) {
    const beyond = roundsTo(s).filter((v) => direction === 1n ? v > reported.units : v < reported.units);
    if (beyond.length > 0) {
      const value2 = beyond.reduce((a, b) => direction === 1n ? a < b ? a : b : a > b ? a : b);
      return formatScaled({ units: value2, decimals: reported.decimals });
    }
  }
}

// src/forensics/grimmer.ts
var MAX_SOLUTIONS = 20;
function grimmer(mean, sd, n, options = {}) {
  if (!Number.isInteger(n) || n < 2) throw new InvalidArgumentError(`GRIMMER needs a whole number n >= 2 (a sample SD), got ${n}.`);
  const rounding = checkRounding(options.rounding);
  const scale = options.scale === void 0 ? void 0 : checkScale(options.scale);
  const g = grim(mean, n, { ...options.decimals !== void 0 && { decimals: options.decimals }, rounding });
  const sdDecimals = options.sdDecimals ?? options.decimals;
  const reportedSd = parseReported(sd, sdDecimals, "SD");
  if (reportedSd.units < 0n) throw new InvalidArgumentError(`The SD cannot be negative, got ${sd}.`);
  const nn = BigInt(n);
  const warnings2 = g.warnings.map((w) => w.code === "grim_uninformative" ? { code: w.code, message: `${w.message.replace(/; GRIM cannot detect anything here\.$/, "")}: the mean alone cannot fail, but the SD can still be checked.` } : w);
  const sums = g.possibleSums.filter((s) => scale === void 0 || s >= n * scale.min && s <= n * scale.max);
  if (g.consistent && sums.length === 0 && scale !== void 0) {
    warnings2.push({ code: "mean_outside_scale", message: `The mean ${g.mean} cannot come from ${n} answers on the scale ${scale.min}-${scale.max}.` });
  }
  const base = { method: "grimmer", mean: g.mean, sd: formatScaled(reportedSd), n, rounding, possibleSums: sums };
  if (sums.length === 0) return { ...base, consistent: false, reason: "grim", solutions: [], warnings: warnings2 };
  const bounds = sdBounds(reportedSd, rounding);
  const solutions = [];
  let anySolution = false;
  for (const sum of sums) {
    const s = BigInt(sum);
    let qMin = ceilDiv(bounds.lowNum * nn * (nn - 1n) + s * s * bounds.den, nn * bounds.den);
    let qMax = floorDiv(bounds.highNum * nn * (nn - 1n) + s * s * bounds.den, nn * bounds.den);
    const varianceTimesDen = (q) => (nn * q - s * s) * bounds.den;
    if (!bounds.lowClosed && varianceTimesDen(qMin) === bounds.lowNum * nn * (nn - 1n)) qMin += 1n;
    if (!bounds.highClosed && varianceTimesDen(qMax) === bounds.highNum * nn * (nn - 1n)) qMax -= 1n;
    if (scale !== void 0) {
      const [lo, hi] = sumOfSquaresRange(s, nn, BigInt(scale.min), BigInt(scale.max));
      if (lo > qMin) qMin = lo;
      if (hi < qMax) qMax = hi;
    }
    const first = qMin + ((qMin - s) % 2n + 2n) % 2n;
    for (let q = first; q <= qMax; q += 2n) {
      anySolution = true;
      if (solutions.length >= MAX_SOLUTIONS) break;
      solutions.push({ sum, sumOfSquares: Number(q) });
    }
  }
  return { ...base, consistent: anySolution, reason: anySolution ? null : "sd", solutions, warnings: warnings2 };
}
function sdBounds(sd, rule) {
  const u = sd.units;
  const scale = 10n ** BigInt(sd.decimals);
  const den = 4n * scale * scale;
  let low;
  let high;
  let lowClosed;
  let highClosed;
  switch (rule) {
    case "down":
      [low, high, lowClosed, highClosed] = [2n * u, 2n * u + 2n, true, false];
      break;
    case "up":
      [low, high, lowClosed, highClosed] = [2n * u - 2n, 2n * u, false, true];
      break;
    case "half_up":
      [low, high, lowClosed, highClosed] = [2n * u - 1n, 2n * u + 1n, true, false];
      break;
    case "half_down":
      [low, high, lowClosed, highClosed] = [2n * u - 1n, 2n * u + 1n, false, true];
      break;
    case "half_even":
      [low, high, lowClosed, highClosed] = [2n * u - 1n, 2n * u + 1n, u % 2n === 0n, u % 2n === 0n];
      break;
    default:
      [low, high, lowClosed, highClosed] = [2n * u - 1n, 2n * u + 1n, true, true];
  }
  if (low < 0n) [low, lowClosed] = [0n, true];
  return { lowNum: low * low, highNum: high * high, den, lowClosed, highClosed };
}
function checkScale(scale) {
  const min = typeof scale === "object" && scale !== null ? scale.min : void 0;
  const max = typeof scale === "object" && scale !== null ? scale.max : void 0;
  if (min === void 0 || max === void 0 || !Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min >= max) {
    throw new InvalidArgumentError(`GRIMMER's scale needs whole-number bounds with min < max, got ${JSON.stringify(scale)}.`);
  }
  return { min, max };
}
function floorDiv(a, b) {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
function ceilDiv(a, b) {
  return -floorDiv(-a, b);
}
function sumOfSquaresRange(s, n, lo, hi) {
  const q = floorDiv(s, n);
  const r = s - q * n;
  const min = (n - r) * q * q + r * (q + 1n) * (q + 1n);
  const spread = hi - lo;
  const above = s - n * lo;
  const atHigh = above / spread;
  const middle = above - atHigh * spread;
  const rest = n - atHigh - (middle > 0n ? 1n : 0n);
  const max = atHigh * hi * hi + (middle > 0n ? (lo + middle) * (lo + middle) : 0n) + rest * lo * lo;
  return [min, max];
}

// src/forensics/check-published-table.ts
function checkPublishedTable(rows, options = {}) {
  if (!Array.isArray(rows) || rows.length === 0) throw new InvalidArgumentError("checkPublishedTable needs at least one row { id, mean, n }.");
  const range = options.range ?? 7;
  if (!Number.isInteger(range) || range < 0) throw new InvalidArgumentError(`range must be a whole number >= 0, got ${range}.`);
  const rounding = checkRounding(options.rounding);
  const items = options.items ?? 1;
  const seen = /* @__PURE__ */ new Set();
  rows.forEach((row, index) => {
    if (typeof row !== "object" || row === null || typeof row.id !== "string" || row.id === "") {
      throw new InvalidArgumentError(`Row ${index + 1} of the table needs a non-empty id.`);
    }
    if (seen.has(row.id)) throw new InvalidArgumentError(`The id "${row.id}" appears twice in the table; ids must be unique.`);
    seen.add(row.id);
    if (typeof row.mean !== "string") throw new InvalidArgumentError(`The mean of "${row.id}" must be text as printed (e.g. "4.10"), got ${typeof row.mean}.`);
    if (row.sd !== void 0 && typeof row.sd !== "string") throw new InvalidArgumentError(`The SD of "${row.id}" must be text as printed, got ${typeof row.sd}.`);
    if (!Number.isInteger(row.n) || row.n < (row.sd === void 0 ? 1 : 2)) {
      throw new InvalidArgumentError(`The n of "${row.id}" must be a whole number of at least ${row.sd === void 0 ? 1 : 2}, got ${row.n}.`);
    }
  });
  const warnings2 = [];
  const passes = (row, n) => row.sd === void 0 ? grim(row.mean, n, { items, rounding }).consistent : grimmer(row.mean, row.sd, n, { rounding, ...options.scale !== void 0 && { scale: options.scale } }).consistent;
  const checked = rows.map((row) => {
    const atN = grim(row.mean, row.n, { items, rounding });
    for (const w of atN.warnings) warnings2.push({ code: w.code, message: `${row.label ?? row.id}: ${w.message}` });
    const sizes = [];
    for (let n = Math.max(row.sd === void 0 ? 1 : 2, row.n - range); n <= row.n + range; n++) if (passes(row, n)) sizes.push(n);
    const grimmerConsistent = row.sd === void 0 ? null : passes(row, row.n);
    return {
      id: row.id,
      label: row.label ?? row.id,
      mean: atN.mean,
      sd: row.sd ?? null,
      n: row.n,
      consistent: atN.consistent && grimmerConsistent !== false,
      grimConsistent: atN.consistent,
      grimmerConsistent,
      consistentSampleSizes: sizes
    };
  });
  const inconsistent = checked.filter((r) => !r.consistent).length;
  const [first, ...others] = checked.map((r) => new Set(r.consistentSampleSizes));
  const commonSizes = [...first ?? /* @__PURE__ */ new Set()].filter((n) => others.every((s) => s.has(n))).sort((a, b) => a - b);
  const hopeless = checked.filter((r) => !r.consistent && r.consistentSampleSizes.length === 0).map((r) => r.label);
  const figures = `figure${checked.length === 1 ? "" : "s"}`;
  const summary = inconsistent === 0 ? checked.length === 1 ? "The figure is consistent with its stated sample size." : `All ${checked.length} figures are consistent with their stated sample sizes.` : `${inconsistent} of ${checked.length} ${figures} ${inconsistent === 1 ? "is" : "are"} impossible at the stated sample size` + (commonSizes.length > 0 ? `; all would be consistent at n = ${commonSizes.join(", ")}.` : `; no single sample size within ${range} of the stated one explains all of them (item non-response giving each item its own n, or reporting errors).`) + (hopeless.length > 0 ? ` ${hopeless.join(", ")}: consistent at no sample size in the range.` : "");
  return { method: "check-published-table", rounding, range, rows: checked, inconsistent, commonSampleSizes: commonSizes, summary, warnings: warnings2 };
}

// fixtures/zhijiang/published.json
var published_default = {
  study: "Zhijiang Organic Silicone Chemical Co. (Hangzhou) distributor survey",
  source: "seed text '\u5BA2\u6237\u4EF7\u503C\u4F53\u9A8C \u7BC71' (customer value experience, article 1): 'Peak-End rule and key moments' case study",
  design: {
    questionnairesDistributed: 54,
    questionnairesReturned: 54,
    validQuestionnaires: 47,
    scale: { min: 1, max: 5, neutral: 3, neutralLabel: "\u4E00\u822C (average)" },
    meanDecimals: 2,
    alpha: 0.05,
    alphaNote: "the paper says 'statistically significant' without stating alpha; 0.05 is the conventional reading"
  },
  overall: { id: "overall", zh: "\u6574\u4F53\u6EE1\u610F\u5EA6", en: "overall satisfaction", mean: 4.17 },
  touchpoints: [
    { id: "brand_image", zh: "\u54C1\u724C\u5F62\u8C61", en: "brand image", mean: 4.82 },
    { id: "technology", zh: "\u79D1\u6280\u542B\u91CF", en: "technology content", mean: 4.15 },
    { id: "quality", zh: "\u4EA7\u54C1\u8D28\u91CF", en: "product quality", mean: 4.54 },
    { id: "price", zh: "\u4EF7\u683C", en: "price", mean: 3.62 },
    { id: "delivery", zh: "\u9001\u8D27\u901F\u5EA6", en: "delivery speed", mean: 3.61 },
    { id: "service_staff", zh: "\u5BA2\u670D\u4EBA\u5458\u7684\u4E13\u4E1A\u6027", en: "service staff professionalism", mean: 4.23 },
    { id: "meeting", zh: "\u7ECF\u9500\u5546\u4F1A\u8BAE", en: "distributor meeting", mean: 4.46 }
  ],
  journeyOrderNote: "The paper names the seven candidate key touchpoints in this order and treats the annual distributor meeting as the periodic end point of the distributor's experience cycle; the order of the others is the paper's listing order.",
  findings: [
    { id: "no-dissatisfaction", claim: "No touchpoint mean is below the neutral point 3." },
    { id: "peak", claim: "Peak = the highest mean above neutral = brand image (4.82)." },
    { id: "end", claim: "End = distributor meeting (4.46), the end of the yearly cycle." },
    { id: "peak-end-prediction", claim: "Peak-end prediction = (4.82 + 4.46) / 2 = 4.64, well above the measured overall mean 4.17." },
    { id: "peak-end-regression", claim: "Regressing overall satisfaction on brand image and distributor meeting: brand image (the peak) is not statistically significant." },
    { id: "key-drivers", claim: "Regressing overall satisfaction on all seven touchpoints: only delivery speed and distributor meeting are statistically significant; the other five are not." },
    { id: "pain-point", claim: "Delivery speed (3.61) is the lowest-rated touchpoint, below the overall mean, yet a key moment; price (3.62) is about as low but does not drive overall satisfaction." },
    { id: "hygiene", claim: "Brand image, quality, technology and staff professionalism score high but are not drivers: 'hygiene factors' in Herzberg's sense for these distributors." }
  ],
  notPublished: [
    "raw responses",
    "standard deviations",
    "correlations",
    "regression coefficients, standard errors, t or p values",
    "R squared",
    "per-item sample sizes"
  ]
};

// src/forensics/zhijiang.ts
var ZHIJIANG_PUBLISHED = published_default;
function zhijiangSpec() {
  return {
    touchpoints: published_default.touchpoints.map((t) => ({ column: t.id, label: capitalise(t.en), en: t.en, zh: t.zh })),
    overall: published_default.overall.id,
    scale: { min: published_default.design.scale.min, max: published_default.design.scale.max, neutral: published_default.design.scale.neutral },
    missing: [""]
  };
}
function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// src/forensics/reproduce-zhijiang.ts
var format2 = (v) => v.toFixed(2);
function reproduceZhijiang(survey) {
  const alpha = ZHIJIANG_PUBLISHED.design.alpha;
  const ids = ZHIJIANG_PUBLISHED.touchpoints.map((t) => t.id);
  const label = new Map(ZHIJIANG_PUBLISHED.touchpoints.map((t) => [t.id, t.en]));
  const means = new Map(ids.map((id) => [id, columnMean(survey.ratings.get(id))]));
  const overallMean = columnMean(survey.ratings.get(ZHIJIANG_PUBLISHED.overall.id));
  const findings = [];
  for (const t of [...ZHIJIANG_PUBLISHED.touchpoints, ZHIJIANG_PUBLISHED.overall]) {
    const value2 = t.id === ZHIJIANG_PUBLISHED.overall.id ? overallMean : means.get(t.id);
    findings.push({ id: `mean:${t.id}`, published: format2(t.mean), reproduced: format2(value2), matches: format2(value2) === format2(t.mean) });
  }
  const neutral = ZHIJIANG_PUBLISHED.design.scale.neutral;
  const lowest = Math.min(...means.values());
  findings.push({ id: "no-dissatisfaction", published: `all touchpoint means >= ${neutral}`, reproduced: `lowest mean ${format2(lowest)}`, matches: lowest >= neutral });
  const aggregate = aggregatePeakEnd(ids.map((id) => ({ touchpoint: id, mean: means.get(id) })), overallMean, { neutral });
  findings.push({
    id: "peak",
    published: "brand image 4.82",
    reproduced: `${label.get(aggregate.peak.touchpoint)} ${format2(aggregate.peak.mean)}`,
    matches: aggregate.peak.touchpoint === "brand_image" && format2(aggregate.peak.mean) === "4.82"
  });
  findings.push({
    id: "end",
    published: "distributor meeting 4.46",
    reproduced: `${label.get(aggregate.end.touchpoint)} ${format2(aggregate.end.mean)}`,
    matches: aggregate.end.touchpoint === "meeting" && format2(aggregate.end.mean) === "4.46"
  });
  findings.push({
    id: "peak-end-prediction",
    published: `prediction 4.64 vs overall ${format2(ZHIJIANG_PUBLISHED.overall.mean)}`,
    reproduced: `prediction ${format2(aggregate.prediction)} vs overall ${format2(overallMean)}`,
    matches: format2(aggregate.prediction) === "4.64" && format2(overallMean) === format2(ZHIJIANG_PUBLISHED.overall.mean) && aggregate.prediction > overallMean
  });
  const peakEndFit = completeFit(survey, ["brand_image", "meeting"]);
  const brand = peakEndFit.coefficients.find((c) => c.name === "brand_image");
  findings.push({
    id: "peak-end-regression",
    published: "brand image not significant (overall ~ brand image + meeting)",
    reproduced: `brand image b = ${brand.estimate.toFixed(3)}, p = ${brand.pValue.toFixed(3)} (n = ${peakEndFit.n})`,
    matches: brand.pValue >= alpha
  });
  const drivers = keyDrivers(survey, { alpha });
  const significant = drivers.touchpoints.filter((t) => t.significant).map((t) => t.touchpoint);
  findings.push({
    id: "key-drivers",
    published: "only delivery speed and distributor meeting significant",
    reproduced: `significant at ${alpha}: ${significant.map((s) => label.get(s)).join(", ") || "none"} (n = ${drivers.n})`,
    matches: significant.length === 2 && significant.includes("delivery") && significant.includes("meeting")
  });
  const delivery = drivers.touchpoints.find((t) => t.touchpoint === "delivery");
  const price = drivers.touchpoints.find((t) => t.touchpoint === "price");
  const lowestTouchpoint = [...means.entries()].reduce((a, b) => b[1] < a[1] ? b : a)[0];
  findings.push({
    id: "pain-point",
    published: "delivery speed: lowest-rated, below overall, a key moment; price not a driver",
    reproduced: `lowest: ${label.get(lowestTouchpoint)} ${format2(means.get(lowestTouchpoint))}; delivery ${delivery?.flags.painPoint ? "is" : "is not"} a pain point; price ${price?.significant ? "is" : "is not"} a driver`,
    matches: lowestTouchpoint === "delivery" && means.get("delivery") < overallMean && delivery?.flags.painPoint === true && price?.significant === false
  });
  const hygiene = drivers.touchpoints.filter((t) => t.flags.hygiene).map((t) => t.touchpoint);
  const expectedHygiene = ["brand_image", "technology", "quality", "service_staff"];
  findings.push({
    id: "hygiene",
    published: "brand image, quality, technology, staff professionalism: high but not drivers",
    reproduced: `hygiene (mean >= ${drivers.highPerformance}, not a driver): ${hygiene.map((h) => label.get(h)).join(", ")}`,
    matches: hygiene.length === expectedHygiene.length && expectedHygiene.every((h) => hygiene.includes(h))
  });
  const table = checkPublishedTable(
    [...ZHIJIANG_PUBLISHED.touchpoints, ZHIJIANG_PUBLISHED.overall].map((t) => ({ id: t.id, label: t.en, mean: format2(t.mean), n: ZHIJIANG_PUBLISHED.design.validQuestionnaires })),
    { rounding: "half_up" }
  );
  return {
    method: "reproduce-zhijiang",
    study: ZHIJIANG_PUBLISHED.study,
    n: survey.n,
    findings,
    grim: table.rows,
    grimSummary: table.summary,
    itemN: [...ids, ZHIJIANG_PUBLISHED.overall.id].map((id) => ({ id, n: Array.from(survey.ratings.get(id)).filter((v) => !Number.isNaN(v)).length })),
    note: "The data are a seeded reconstruction that satisfies the published figures (fixtures/zhijiang/README.md), not the original responses, which were never published."
  };
}
function completeFit(survey, columns) {
  const X = [];
  const y = [];
  const overall = survey.ratings.get(survey.overall);
  for (let i = 0; i < survey.n; i++) {
    const row = columns.map((c) => survey.ratings.get(c)[i]);
    if (row.some(Number.isNaN) || Number.isNaN(overall[i])) continue;
    X.push(row);
    y.push(overall[i]);
  }
  return ols(X, y, { names: columns });
}

// src/cli/reproduce.ts
var reproduceHelp = `Usage: peak-end reproduce zhijiang [--json] [--data FILE]

Every figure and finding the Zhijiang distributor study published (means, peak, end, the
peak-end prediction 4.64 vs 4.17, both regressions' verdicts, pain point, hygiene factors)
side by side with what peak-end computes on the bundled reconstruction
(fixtures/zhijiang/zhijiang.csv), followed by the GRIM check of the published means.

Options:
  --json        the reproduction as one JSON document { findings, grim, ... }
  --data FILE   reproduce on another CSV with the same columns instead

Examples:
  peak-end reproduce zhijiang
  peak-end reproduce zhijiang --json | jq '.findings[] | select(.matches | not)'`;
async function reproduceCommand(args, ctx) {
  const { values, positionals } = parseArgs2({ args: [...args], options: { json: { type: "boolean" }, data: { type: "string" } }, allowPositionals: true });
  if (positionals[0] !== "zhijiang" || positionals.length > 1) throw new UsageError("reproduce knows one study: peak-end reproduce zhijiang.");
  const file = values.data ?? join(ctx.packageRoot, "fixtures", "zhijiang", "zhijiang.csv");
  const result = reproduceZhijiang(await readSurveyFile(file, zhijiangSpec()));
  ctx.out(values.json ? JSON.stringify(result, null, 2) : formatReproductionText(result));
}

// src/cli/demo.ts
var demoHelp = `Usage: peak-end demo

Reproduces the Zhijiang distributor study from its published figures (peak-end reproduce
zhijiang), then analyses the bundled reconstruction in full (peak-end analyze
fixtures/zhijiang/zhijiang.csv --spec fixtures/zhijiang/spec.json).`;
async function demoCommand(args, ctx) {
  if (args.length > 0) throw new UsageError("demo takes no options; for JSON use peak-end reproduce zhijiang --json or peak-end analyze FILE --json.");
  const dir = join2(ctx.packageRoot, "fixtures", "zhijiang");
  await reproduceCommand(["zhijiang"], ctx);
  ctx.out(`
${"=".repeat(100)}
FULL ANALYSIS of fixtures/zhijiang/zhijiang.csv (a plausible reconstruction, not the original data)
${"=".repeat(100)}
`);
  await analyzeCommand([join2(dir, "zhijiang.csv"), "--spec", join2(dir, "spec.json")], ctx);
}

// src/cli/describe.ts
import { parseArgs as parseArgs3 } from "node:util";
var describeHelp = `Usage: peak-end describe <file.csv> [options]

Descriptive statistics per touchpoint (journey order) and overall: n, missing, mean, SD,
standard error, 95% t interval, median, top-2 and bottom-2 box.

${surveyOptionsHelp}
Output:
  --json                 print the descriptives and ingest report as one JSON document

Examples:
  peak-end describe fixtures/demo/survey.csv --spec fixtures/demo/survey.json
  peak-end describe export.csv --overall "Overall satisfaction" --scale 1-5 --missing NA,99`;
async function describeCommand(args, ctx) {
  const { values, positionals } = parseArgs3({ args: [...args], options: { ...surveyOptionDefinitions, json: { type: "boolean" } }, allowPositionals: true });
  const file = positionals[0];
  if (file === void 0 || positionals.length > 1) throw new UsageError("describe needs exactly one CSV file, e.g. peak-end describe survey.csv --spec survey.json.");
  const survey = await loadSurvey(file, values, ctx.info, ctx.progress);
  const descriptives2 = describeSurvey(survey);
  if (values.json) {
    ctx.out(JSON.stringify({ descriptives: descriptives2, ingest: survey.report }, null, 2));
    return;
  }
  ctx.out(`${formatIngestReportText(survey.report)}

${formatDescriptivesText(descriptives2)}`);
  [...survey.report.warnings, ...descriptives2.warnings].forEach((w) => ctx.warn(w.message));
}

// src/cli/grim.ts
import { parseArgs as parseArgs4 } from "node:util";
var grimHelp = `Usage: peak-end grim <mean> <n> [--sd SD] [--items K] [--scale MIN-MAX] [--rounding RULE] [--json]

Can n integer answers have this mean (GRIM), and this SD too (GRIMMER, with --sd)?
Give the mean as printed: trailing zeros count ("4.10" has two decimals).

Options:
  --sd SD          the published standard deviation (runs GRIMMER)
  --items K        items averaged per respondent (default 1)
  --scale MIN-MAX  answer scale, tightens GRIMMER (e.g. 1-5)
  --rounding RULE  up_or_down (default), half_up, half_down, half_even, down, up
  --json           print the result as JSON

Examples:
  peak-end grim 4.82 47        # impossible: 226/47 = 4.809, 227/47 = 4.830
  peak-end grim 3.00 5 --sd 1.58 --scale 1-5`;
async function grimCommand(args, ctx) {
  const { values, positionals } = parseArgs4({
    args: [...args],
    options: { sd: { type: "string" }, items: { type: "string" }, scale: { type: "string" }, rounding: { type: "string" }, json: { type: "boolean" } },
    allowPositionals: true
  });
  const [mean, nText] = positionals;
  if (mean === void 0 || nText === void 0 || positionals.length > 2) throw new UsageError("grim needs a mean and a sample size, e.g. peak-end grim 4.82 47.");
  const n = Number(nText);
  const rounding = values.rounding;
  const scaleMatch = values.scale === void 0 ? null : /^(-?\d+)-(-?\d+)$/.exec(values.scale);
  if (values.scale !== void 0 && scaleMatch === null) throw new UsageError(`--scale expects MIN-MAX such as 1-5, got "${values.scale}".`);
  const scale = scaleMatch === null ? void 0 : { min: Number(scaleMatch[1]), max: Number(scaleMatch[2]) };
  if (values.sd !== void 0) {
    const r2 = grimmer(mean, values.sd, n, { ...rounding && { rounding }, ...scale && { scale } });
    ctx.out(values.json ? JSON.stringify(r2, null, 2) : `GRIMMER: mean ${r2.mean} with SD ${r2.sd} from n = ${n} is ${r2.consistent ? "possible" : `impossible (${r2.reason === "grim" ? "the mean fails GRIM" : "no integer data give that SD"})`}.`);
    return;
  }
  const r = grim(mean, n, { ...values.items && { items: Number(values.items) }, ...rounding && { rounding } });
  ctx.out(
    values.json ? JSON.stringify(r, null, 2) : `GRIM: mean ${r.mean} from n = ${n}${r.items > 1 ? ` x ${r.items} items` : ""} is ${r.consistent ? `possible (total ${r.possibleSums.join(" or ")})` : `impossible; the nearest possible means are ${r.nearestPossibleMeans.join(" and ")}`}.` + r.warnings.map((w) => `
${w.message}`).join("")
  );
}

// src/schema/report.ts
import { z as z2 } from "zod";
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
function reportJsonSchema() {
  return {
    $id: "https://github.com/peak-end/peak-end/docs/report.schema.json",
    title: "peak-end Report",
    description: "The result of analyze(): ingest account, descriptives, peak-end analysis and key drivers of a customer-experience survey.",
    ...z2.toJSONSchema(reportSchema)
  };
}

// src/cli/schema.ts
var schemaHelp = `Usage: peak-end schema

Prints the JSON Schema (draft 2020-12) of the Report that "peak-end analyze --json" prints.`;
async function schemaCommand(_args, ctx) {
  ctx.out(JSON.stringify(reportJsonSchema(), null, 2));
}

// src/cli/main.ts
var commands = {
  analyze: { run: analyzeCommand, help: analyzeHelp, summary: "full analysis: descriptives, peak-end, key drivers" },
  demo: { run: demoCommand, help: demoHelp, summary: "analyse the bundled demo survey" },
  describe: { run: describeCommand, help: describeHelp, summary: "descriptive statistics per touchpoint and overall" },
  reproduce: { run: reproduceCommand, help: reproduceHelp, summary: "reproduce the Zhijiang study from its published figures" },
  grim: { run: grimCommand, help: grimHelp, summary: "GRIM / GRIMMER check of a published mean (and SD)" },
  schema: { run: schemaCommand, help: schemaHelp, summary: "print the JSON Schema of the Report" }
};
var mainHelp = `peak-end ${package_default.version}: customer-experience survey analytics

Usage: peak-end <command> [options]

Commands:
${Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`).join("\n")}

Run "peak-end <command> --help" for a command's options and examples.
Options: --help, --version`;
async function main(argv, ctx) {
  const [name, ...rest] = argv;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    ctx.out(mainHelp);
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    ctx.out(package_default.version);
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : void 0;
  try {
    if (command === void 0) throw new UsageError(`Unknown command "${name}"; run peak-end --help for the list.`);
    if (rest.includes("--help") || rest.includes("-h")) {
      ctx.out(command.help);
      return 0;
    }
    await command.run(rest, ctx);
    return 0;
  } catch (error) {
    return reportError(error, ctx);
  }
}
function reportError(error, ctx) {
  if (error instanceof DataValidationError) {
    const more = error.totalIssues > error.issues.length ? [`  ... and ${error.totalIssues - error.issues.length} more.`] : [];
    ctx.error([`Invalid data (${error.totalIssues} issue${error.totalIssues === 1 ? "" : "s"}):`, ...error.issues.map((i) => `  ${i.message}`), ...more].join("\n"));
    return 3;
  }
  if (error instanceof UsageError || error.code?.startsWith("ERR_PARSE_ARGS")) {
    ctx.error(`${error.message}
Run peak-end --help for usage.`);
    return 2;
  }
  if (error instanceof PeakEndError) {
    ctx.error(error.message);
    return 1;
  }
  ctx.error(`Unexpected error: ${error?.stack ?? String(error)}`);
  return 1;
}

// src/cli/bin.ts
var packageRoot = join3(dirname(fileURLToPath(import.meta.url)), "..");
process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}
`),
  info: (text) => process.stderr.write(`${text}
`),
  warn: (text) => process.stderr.write(`Warning: ${text}
`),
  error: (text) => process.stderr.write(`Error: ${text}
`),
  progress: (label, completed, total) => {
    if (!process.stderr.isTTY) return;
    const width = 30;
    const filled = Math.round(completed / total * width);
    process.stderr.write(`\r${label} [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${completed}/${total}${completed === total ? "\n" : ""}`);
  },
  packageRoot
});
