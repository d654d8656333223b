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
  constructor(message, columns, options = {}) {
    super("rank_deficient", message, options);
    this.columns = columns;
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
function correlationMatrix(columns, weights) {
  const k = columns.length;
  const n = columns[0]?.length ?? 0;
  let sumW = n;
  if (weights !== void 0) {
    sumW = 0;
    for (let i = 0; i < n; i++) sumW += weights[i];
  }
  const means = new Float64Array(k);
  const spreads = new Float64Array(k);
  const maxima = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const c = columns[a];
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
      const c = columns[a];
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

// src/linalg/lmg-wasm.ts
var LMG_WASM_BASE64 = "AGFzbQEAAAABGgNgA39/fwBgBH9/f38AYAl/f39/f39/f38AAwQDAAECBQMBAAEGKQh/AUEAC38BQQALfwFBAAt/AUEAC38BQQALfwFBAAt/AUEAC38BQQALBxMCBm1lbW9yeQIABmJsb2NrcwACCvwLA4wCAgJ8Cn8jBiEFIABBA3QhBiABIAAgBWxqIAZqKwMAIQMgA0QR6i2BmZdxPWQEQCAAQQFqIQcgASAHIAVsaiEIIAIgByAFbGohCQJAA0AgByMATg0BIAggBmorAwAgA6MhBCAIIAZqQQhqIQogCSAGakEIaiELIAEgAEEBaiAFbGogBmohDCAIIAdBA3RqIQ0CQANAIAogDUsNASALIAorAwAgBCAMKwMAoqE5AwAgCkEIaiEKIAtBCGohCyAMIAVqIQwMAAsLIAggBWohCCAJIAVqIQkgB0EBaiEHDAALCwVBACEOAkADQCAOIwVODQEgAiAOaiABIA5qKwMAOQMAIA5BCGohDgwACwsLC68IBgl/C3wBfwx8An8OfCAAIwFBA2tGBEAgASAAIwZBCGpsaiEKIAEjAEEBayMGbGogAEEDdGohCyAKKwMAIQ0gCiMGaiEKIAorAwAhDiAKKwMIIQ8gCiMGaiEKIAorAwAhECAKKwMIIREgCisDECESIAsrAwAhEyALKwMIIRQgCysDECEVIAsrAxghFiANRBHqLYGZl3E9ZCEYIA4gDaNEAAAAAAAAAAAgGBshGSAQIA2jRAAAAAAAAAAAIBgbIRogEyANo0QAAAAAAAAAACAYGyEbIA8gGSAOoqEhHCARIBogDqKhIR0gEiAaIBCioSEeIBQgGyAOoqEhHyAVIBsgEKKhISAgFiAbIBOioSEhIA9EEeotgZmXcT1kISUgFiAUIA+jIBSioSAWICUbISIgEiARIA+jIBGioSASICUbISMgFSAUIA+jIBGioSAVICUbISQgHEQR6i2BmZdxPWQhJiAhIB8gHKMgH6KhICEgJhshJyAeIB0gHKMgHaKhIB4gJhshKCAgIB8gHKMgHaKhICAgJhshKSAWIBUgEqMgFaKhIBYgEkQR6i2BmZdxPWQbISogISAgIB6jICCioSAhIB5EEeotgZmXcT1kGyErICIgJCAjoyAkoqEgIiAjRBHqLYGZl3E9ZBshLCAnICkgKKMgKaKhICcgKEQR6i2BmZdxPWQbIS1EAAAAAAAA8D8gIaEhLkQAAAAAAADwPyAioSEvRAAAAAAAAPA/ICqhITBEAAAAAAAA8D8gJ6EhMUQAAAAAAADwPyAroSEyRAAAAAAAAPA/ICyhITNEAAAAAAAA8D8gLaEhNCADIAJBA3RqIQwgDCAMKwMARAAAAAAAAPA/IBahoDkDACAMIAwrAwggLiAvoCAwoKA5AwggDCAMKwMQIDEgMqAgM6CgOQMQIAwgDCsDGCA0oDkDGCMEIAAjB2xqIAJBA3RqIQwgDCAMKwMIIC6gOQMIIAwgDCsDECAxIDKgoDkDECAMIAwrAxggNKA5AxggDCMHaiEMIAwgDCsDCCAvoDkDCCAMIAwrAxAgMSAzoKA5AxAgDCAMKwMYIDSgOQMYIAwjB2ohDCAMIAwrAwggMKA5AwggDCAMKwMQIDIgM6CgOQMQIAwgDCsDGCA0oDkDGA8LIABBAWogASACIAMQASMCIABBAWojBWxqIQQgACABIAQQACMDIAAjB2xqIQUgAkEBakEDdCEIIAIjAWogAGtBA3QhCSAIIQcCQANAIAcgCUoNASAFIAdqRAAAAAAAAAAAOQMAIAdBCGohBwwACwsgAEEBaiAEIAJBAWogBRABIwQgACMHbGohBiAIIQcCQANAIAcgCUoNASAFIAdqKwMAIRcgBiAHaiEMIAwgDCsDACAXoDkDACADIAdqIQwgDCAMKwMAIBegOQMAIAdBCGohBwwACwsLugEBBn8gAiQAIAMkASABJAIgCCQDIAJBA3QkBiACIAJsQQN0JAUgA0EBakEDdCQHIAUhCQJAA0AgCSAGTg0BIAAhCkEAIQtBACEMAkADQCAMIARODQEgCUEBIAx0cQRAIAEgDEEBaiMFbGohDSAMIAogDRAAIA0hCiALQQFqIQsLIAxBAWohDAwACwsgByAJIAVrIwcgA0EBamxsaiEOIA4jB2okBCAEIAogCyAOEAEgCUEBaiEJDAALCws=";

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
function exactShapleyBlocks(corr, players, depth, from, to, kernelChoice = "auto") {
  if (kernelChoice === "auto") {
    const compiled = wasmShapleyBlocks(corr, players, depth, from, to);
    if (compiled !== null) return compiled;
  }
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
  const lastThreeSingle = lastTwoSingle && p > 2 && players[p - 3].length === 1;
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
    if (t === p - 3 && lastThreeSingle) {
      const va = lastVar - 2;
      const ra = va * dim;
      const rb = ra + dim;
      const rc = rb + dim;
      const ry = (dim - 1) * dim;
      const aa = m[ra + va];
      const ba = m[rb + va];
      const bb = m[rb + va + 1];
      const ca = m[rc + va];
      const cb = m[rc + va + 1];
      const cc = m[rc + va + 2];
      const ya = m[ry + va];
      const yb = m[ry + va + 1];
      const yc = m[ry + va + 2];
      const r0 = m[yy];
      const okA = aa > 1e-12;
      const fb = okA ? ba / aa : 0;
      const fc = okA ? ca / aa : 0;
      const fy = okA ? ya / aa : 0;
      const bbA = bb - fb * ba;
      const cbA = cb - fc * ba;
      const ccA = cc - fc * ca;
      const ybA = yb - fy * ba;
      const ycA = yc - fy * ca;
      const rA = r0 - fy * ya;
      const okB = bb > 1e-12;
      const rB = okB ? r0 - yb / bb * yb : r0;
      const ccB = okB ? cc - cb / bb * cb : cc;
      const ycB = okB ? yc - yb / bb * cb : yc;
      const okAB = bbA > 1e-12;
      const rAB = okAB ? rA - ybA / bbA * ybA : rA;
      const ccAB = okAB ? ccA - cbA / bbA * cbA : ccA;
      const ycAB = okAB ? ycA - ybA / bbA * cbA : ycA;
      const rC = cc > 1e-12 ? r0 - yc / cc * yc : r0;
      const rAC = ccA > 1e-12 ? rA - ycA / ccA * ycA : rA;
      const rBC = ccB > 1e-12 ? rB - ycB / ccB * ycB : rB;
      const rABC = ccAB > 1e-12 ? rAB - ycAB / ccAB * ycAB : rAB;
      const sA = 1 - rA;
      const sB = 1 - rB;
      const sC = 1 - rC;
      const sAB = 1 - rAB;
      const sAC = 1 - rAC;
      const sBC = 1 - rBC;
      const sABC = 1 - rABC;
      out[size] = out[size] + (1 - r0);
      out[size + 1] = out[size + 1] + (sA + sB + sC);
      out[size + 2] = out[size + 2] + (sAB + sAC + sBC);
      out[size + 3] = out[size + 3] + sABC;
      const ka = containing[t];
      const kb = containing[t + 1];
      const kc = containing[t + 2];
      ka[size + 1] = ka[size + 1] + sA;
      ka[size + 2] = ka[size + 2] + (sAB + sAC);
      ka[size + 3] = ka[size + 3] + sABC;
      kb[size + 1] = kb[size + 1] + sB;
      kb[size + 2] = kb[size + 2] + (sAB + sBC);
      kb[size + 3] = kb[size + 3] + sABC;
      kc[size + 1] = kc[size + 1] + sC;
      kc[size + 2] = kc[size + 2] + (sAC + sBC);
      kc[size + 3] = kc[size + 3] + sABC;
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
var lmgModule;
var lmgInstance;
function lmgKernel() {
  if (lmgInstance !== void 0) return lmgInstance;
  if (lmgModule === void 0) {
    try {
      const bytes = Uint8Array.from(atob(LMG_WASM_BASE64), (c) => c.charCodeAt(0));
      lmgModule = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
    } catch {
      lmgModule = null;
    }
  }
  if (lmgModule === null) return null;
  lmgInstance = new WebAssembly.Instance(lmgModule, {}).exports;
  return lmgInstance;
}
function wasmShapleyBlocks(corr, players, depth, from, to) {
  const p = players.length;
  if (p < 3 || depth > p - 3 || !players.every((members) => members.length === 1)) return null;
  const kernel = lmgKernel();
  if (kernel === null) return null;
  const k = Math.round(Math.sqrt(corr.length)) - 1;
  const dim = p + 1;
  const order = [...players.map((members) => members[0]), k];
  const matrix = dim * dim;
  const stride = shapleyBlockStride(p);
  const bufs = 8 * matrix;
  const out = bufs + 8 * matrix * (p + 1);
  const sub = out + 8 * stride * (to - from);
  const bytes = sub + 8 * p * (p + 1);
  const have = kernel.memory.buffer.byteLength;
  if (bytes > have) kernel.memory.grow(Math.ceil((bytes - have) / 65536));
  const heap = new Float64Array(kernel.memory.buffer);
  for (let a = 0; a < dim; a++) for (let b = 0; b <= a; b++) heap[a * dim + b] = corr[order[a] * (k + 1) + order[b]];
  heap.fill(0, out / 8, sub / 8);
  kernel.blocks(0, bufs, dim, p, depth, from, to, out, sub);
  return heap.slice(out / 8, out / 8 + stride * (to - from));
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
function importanceData(X2, y2, options = {}) {
  if (X2.length !== y2.length) throw new InvalidArgumentError(`relativeImportance needs one row of X per value of y, got ${X2.length} and ${y2.length}.`);
  const k = X2[0]?.length ?? options.names?.length ?? 0;
  const names = options.names ? [...options.names] : Array.from({ length: k }, (_, j) => `x${j + 1}`);
  if (names.length !== k) throw new InvalidArgumentError(`names has ${names.length} entries but X has ${k} columns.`);
  if (new Set(names).size !== names.length) throw new InvalidArgumentError("Predictor names must be unique.");
  if (k === 0) throw new InvalidArgumentError("relativeImportance needs at least one predictor.");
  const columns = Array.from({ length: k + 1 }, () => []);
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
function record(keys, value) {
  const out = /* @__PURE__ */ Object.create(null);
  keys.forEach((key, j) => Object.defineProperty(out, key, { value: value(j), enumerable: true, writable: true, configurable: true }));
  return out;
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
function createRng2(seed) {
  let state = Math.trunc(seed) >>> 0;
  const high = Math.floor(Math.trunc(seed) / 2 ** 32) >>> 0;
  const splitmix = () => {
    state = state + 2654435769 >>> 0;
    let z3 = state ^ high;
    z3 = Math.imul(z3 ^ z3 >>> 16, 2246822507) >>> 0;
    z3 = Math.imul(z3 ^ z3 >>> 13, 3266489909) >>> 0;
    return (z3 ^ z3 >>> 16) >>> 0;
  };
  return fromState2([splitmix(), splitmix(), splitmix(), splitmix()]);
}
function fromState2(initial) {
  const s = Uint32Array.from(initial);
  if (initial.every((v) => v === 0)) s[0] = 1;
  const nextUint32 = () => {
    const s0 = s[0];
    const s1 = s[1];
    const result = Math.imul(rotl2(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = s1 << 9 >>> 0;
    s[2] = s[2] ^ s0;
    s[3] = s[3] ^ s1;
    s[1] = s1 ^ s[2];
    s[0] = s0 ^ s[3];
    s[2] = s[2] ^ t;
    s[3] = rotl2(s[3], 11);
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
function rotl2(x, k) {
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
  const rng = createRng2(seed);
  const X2 = Array.from({ length: n }, () => {
    const common = rng.next();
    return Array.from({ length: k }, () => Math.round(1 + 4 * (0.6 * common + 0.4 * rng.next())));
  });
  const y2 = X2.map((row) => Math.min(5, Math.max(1, Math.round(row.reduce((s, v) => s + v, 0) / k + rng.next() - 0.5))));
  return { X: X2, y: y2, names: [...Array.from({ length: k }, (_, j) => `t${j + 1}`), "overall"] };
}

// ../../../tmp/num/phase3.ts
var { X, y } = ratings(1e3, 14, 2);
var mode = process.argv[2];
if (mode !== "none") {
  const data = importanceData(X, y);
  if (mode === "shapley") exactShapley(data.corr, Array.from({ length: 14 }, (_, j) => [j]));
  if (mode === "full") importanceFromData(data, { method: "lmg" });
}
