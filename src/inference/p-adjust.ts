/**
 * adjustPValues: multiplicity adjustment of a family of p-values, as R's `p.adjust`.
 */
import { InvalidArgumentError } from '../errors.js';

/**
 * Benjamini–Hochberg (false discovery rate) adjusted p-values, in input order:
 * p_adj(i) = min over j with rank(j) >= rank(i) of min(1, m p(j) / rank(j)). Matches R's
 * `p.adjust(p, method = "BH")` exactly (same order of operations); NaN entries stay NaN and do
 * not count in m, as in R.
 *
 * Reference: Benjamini & Hochberg (1995), JRSS B 57, 289-300.
 *
 * @example
 * ```ts
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.2]); // [0.04, 0.05333, 0.05333, 0.2]
 * ```
 * @throws InvalidArgumentError when a p-value lies outside [0, 1].
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const present = pValues.map((p, i) => ({ p, i })).filter(({ p }) => !Number.isNaN(p));
  for (const { p } of present) if (!(p >= 0 && p <= 1)) throw new InvalidArgumentError(`p-values must lie in [0, 1], got ${p}.`);
  const m = present.length;
  const out = pValues.map(() => Number.NaN);
  present.sort((a, b) => b.p - a.p || a.i - b.i);
  let running = Number.POSITIVE_INFINITY;
  present.forEach(({ p, i }, k) => {
    running = Math.min(running, (m / (m - k)) * p);
    out[i] = Math.min(1, running);
  });
  return out;
}
