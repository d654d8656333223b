/**
 * Order statistics written once: the type-7 quantile of sorted values and the median of counted
 * values. Internal: not exported from the barrel. The median of a plain list is simple-statistics'
 * `median` (the middle value, or the mean of the two middle ones, as R's `median`).
 */

/**
 * Quantile of sorted values, R's type 7 (the default of `quantile()`): linear interpolation
 * between the order statistics at h = (n - 1) p; `probability` is clamped to [0, 1].
 * simple-statistics' `quantileSorted` uses another rule, hence this copy.
 *
 * Reference: Hyndman & Fan (1996), Sample quantiles in statistical packages, definition 7.
 *
 * @example
 * ```ts
 * quantileSorted([1, 2, 3, 4], 0.25); // 1.75 (R: quantile(1:4, 0.25))
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, probability: number): number {
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, probability));
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/**
 * The median of counted values (`counts[k]` answers of `values[k]`, values increasing, n the
 * total count): the middle value, or the mean of the two middle ones, as R's `median` of the
 * answers themselves. Reads the cumulative counts, never the answers.
 *
 * @example
 * ```ts
 * medianOfCounts([1, 2, 3, 4, 5], [2, 0, 1, 0, 1], 4); // 2 (R: median(c(1, 1, 3, 5)))
 * ```
 */
export function medianOfCounts(values: ArrayLike<number>, counts: ArrayLike<number>, n: number): number {
  const at = (rank: number): number => {
    let cumulative = 0;
    for (let k = 0; k < values.length; k++) {
      cumulative += counts[k] as number;
      if (cumulative >= rank) return values[k] as number;
    }
    return values.length > 0 ? (values[values.length - 1] as number) : Number.NaN;
  };
  return n % 2 === 1 ? at((n + 1) / 2) : (at(n / 2) + at(n / 2 + 1)) / 2;
}
