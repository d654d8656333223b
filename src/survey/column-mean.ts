import { countAndSum } from '../stats/moments.js';

/** Mean of the non-missing (non-NaN) values of a column; NaN when none is present. */
export function columnMean(values: ArrayLike<number>): number {
  const { count, sum } = countAndSum(values);
  return count === 0 ? Number.NaN : sum / count;
}
