/**
 * A small seeded pseudo-random generator for reproducible resampling (bootstrap, cross-validation
 * folds, reconstruction). xoshiro128** (Blackman & Vigna 2018) on 32-bit integers, seeded through
 * splitmix32 so that nearby seeds give unrelated streams. Same seed, same numbers, on every
 * JavaScript engine.
 */

/** A seeded generator. */
export interface Rng {
  /** The raw 32-bit output. */
  nextUint32(): number;
  /** A float in [0, 1) with 32 random bits. */
  next(): number;
  /** An integer in [0, n) without modulo bias (n >= 1, n <= 2^32). */
  int(n: number): number;
  /**
   * A copy of the current xoshiro128** state: `fromState(rng.state())` continues with exactly the
   * numbers `rng` would give next (used to hand a stream's position to a worker thread).
   */
  state(): [number, number, number, number];
}

/**
 * Creates a generator from an integer seed (any safe integer; fractional parts are ignored).
 *
 * @example
 * ```ts
 * const rng = createRng(42);
 * rng.int(6); // the same die roll for seed 42 every time
 * ```
 */
export function createRng(seed: number): Rng {
  let state = Math.trunc(seed) >>> 0;
  const high = Math.floor(Math.trunc(seed) / 2 ** 32) >>> 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state ^ high;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  return fromState([splitmix(), splitmix(), splitmix(), splitmix()]);
}

/**
 * A generator from an explicit xoshiro128** state (four uint32, not all zero), such as one
 * returned by {@link Rng.state}.
 *
 * @example
 * ```ts
 * const a = createRng(7);
 * a.int(10);
 * const b = fromState(a.state());
 * a.int(10) === b.int(10); // true: b continues a's stream
 * ```
 */
export function fromState(initial: readonly [number, number, number, number]): Rng {
  const s = Uint32Array.from(initial);
  if (initial.every((v) => v === 0)) s[0] = 1;
  const nextUint32 = (): number => {
    const s0 = s[0] as number;
    const s1 = s[1] as number;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s[2] = (s[2] as number) ^ s0;
    s[3] = (s[3] as number) ^ s1;
    s[1] = s1 ^ (s[2] as number);
    s[0] = s0 ^ (s[3] as number);
    s[2] = (s[2] as number) ^ t;
    s[3] = rotl(s[3] as number, 11);
    return result;
  };
  return {
    nextUint32,
    next: () => nextUint32() / 2 ** 32,
    int(n: number): number {
      // Rejection sampling removes the bias of result % n.
      const limit = 2 ** 32 - (2 ** 32 % n);
      for (;;) {
        const v = nextUint32();
        if (v < limit) return v % n;
      }
    },
    state: () => [s[0] as number, s[1] as number, s[2] as number, s[3] as number],
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * 0, 1, ..., n - 1 in a random order: Fisher–Yates from the top, one `rng.int(i + 1)` draw per
 * position i = n - 1 .. 1 (the one shuffle every seeded procedure uses, so a seed means the same
 * order everywhere).
 */
export function shuffledIndices(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  return order;
}

/** A seeded random assignment of n rows to `folds` cross-validation folds (sizes differ by at most one). */
export function assignFolds(n: number, folds: number, seed: number): Int32Array {
  const order = shuffledIndices(n, createRng(seed));
  const fold = new Int32Array(n);
  for (let position = 0; position < n; position++) fold[order[position] as number] = position % folds;
  return fold;
}
