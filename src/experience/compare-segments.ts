/**
 * compareSegments: each value of a segment column against everyone else: means and top-2-box
 * shares with their tests, driver differences from one interaction regression per value with
 * Benjamini–Hochberg adjustment over the whole result, and the peak-end rule per segment.
 */

import { studentTUpperTail } from '../distributions/t.js';
import { InsufficientDataError, InvalidArgumentError, PeakEndError, type Warning } from '../errors.js';
import { benjaminiHochberg } from '../inference/p-adjust.js';
import { twoProportionTest } from '../inference/two-proportion-test.js';
import { welchTTest } from '../inference/welch-t-test.js';
import { logisticRegression } from '../regression/logistic.js';
import { type OlsCoefficient, ols } from '../regression/ols.js';
import { columnMean } from '../survey/column-mean.js';
import { linearisedStandardError } from '../survey/design-mean.js';
import type { Survey } from '../survey/survey.js';
import { aggregatePeakEnd } from './aggregate-peak-end.js';

/** Options for {@link compareSegments}. */
export interface CompareSegmentsOptions {
  /**
   * Use the survey weights when the survey has them (default true): design-based means, top-2-box
   * shares and tests, and weighted interaction regressions.
   */
  readonly weighted?: boolean;
  /**
   * Most values the segment column may have (default 30): a column with more (an age, a distance)
   * is not a column of groups, and would cost one interaction fit per value.
   */
  readonly maxGroups?: number;
}

/** One rated column in a segment against its complement. */
export interface SegmentMean {
  readonly column: string;
  readonly mean: number | null;
  readonly complement: number | null;
  /**
   * Test of mean = complement: Welch's t test, or with weights the design-based t test of the
   * difference (null when it cannot run, e.g. fewer than 2 answers).
   */
  readonly pValue: number | null;
  /**
   * Top-2-box shares (max - 1 and above) and the test of their difference: Pearson's chi-square
   * test, or with weights the design-based t test of the difference in shares.
   */
  readonly topTwoBox: number | null;
  readonly topTwoBoxComplement: number | null;
  readonly topTwoBoxPValue: number | null;
}

/** How a touchpoint's effect on the overall rating differs in a segment from everyone else. */
export interface SegmentDriver {
  readonly touchpoint: string;
  /** The interaction coefficient: slope in the segment minus slope in the complement (null when not estimable). */
  readonly difference: number | null;
  readonly stdError: number | null;
  readonly pValue: number | null;
  /** Benjamini–Hochberg adjusted over every driver test of the result (groups in order, touchpoints in journey order). */
  readonly pAdjusted: number | null;
}

/** One value of the segment column. */
export interface SegmentGroup {
  readonly value: string;
  /** Respondents with this value. */
  readonly n: number;
  /** Complete cases of the interaction regression (this value and its complement). */
  readonly nModel: number;
  readonly means: readonly SegmentMean[];
  readonly drivers: readonly SegmentDriver[];
  /** The peak-end rule on this segment's touchpoint means, weighted when the comparison is (null when a touchpoint has no answers in it, or the outcome is binary). */
  readonly peakEnd: { readonly peak: string; readonly end: string; readonly prediction: number; readonly observed: number; readonly gap: number } | null;
}

/** Result of {@link compareSegments}. */
export interface CompareSegmentsResult {
  readonly method: 'compare-segments';
  readonly segment: string;
  /** The interaction model: OLS, or logistic (log-odds differences) when the overall outcome is binary. */
  readonly model: 'ols' | 'logistic';
  /** Respondents with no value in the segment column, left out of every comparison. */
  readonly unassigned: number;
  readonly weighted: boolean;
  /**
   * How means and top-2-box shares were compared: `welch` (unweighted: Welch's t test and
   * Pearson's chi-square) or `design-based` (weighted: R's `svyttest`, calibration taken into
   * account for a raked survey).
   */
  readonly meansTest: 'welch' | 'design-based';
  readonly groups: readonly SegmentGroup[];
  readonly warnings: readonly Warning[];
}

/**
 * Compares every value of a segment column with its complement (everyone else with a value):
 *
 * - `means`: for each touchpoint and the overall rating, the mean in the segment and in the
 *   complement with Welch's t test (R's `t.test`), and the top-2-box shares with Pearson's
 *   chi-square test (R's `prop.test(correct = FALSE)`). With survey weights (`meansTest:
 *   'design-based'`): weighted means and shares, and the difference tested as R's
 *   `svyttest(y ~ D, svydesign(ids = ~1, weights = ~w))` does, i.e. `svyglm(y ~ D)`: the
 *   difference of the weighted means with its linearisation standard error (the raking margins
 *   taken into account for a raked survey, as on the design `survey::rake` returns) and a t
 *   reference on n - 2 degrees of freedom (n = answered rows with a segment value); top-2-box the
 *   same on the 0/1 indicator (a difference in shares).
 * - `drivers`: one OLS fit per value, overall ~ X + D + X:D on complete cases (D = 1 in the
 *   segment), `difference` = the coefficient of X:D (how much steeper the touchpoint's slope is in
 *   the segment), with its t test; p-values adjusted by Benjamini–Hochberg over all driver tests
 *   of the result, as Displayr's flipRegression does for segment comparisons. Weighted (WLS) when
 *   the survey has weights. For a binary overall outcome (spec `overall.type: 'binary'`, stored
 *   0/1) the model is logistic (`model: 'logistic'`, R's `glm(family = binomial)` with the weights
 *   as prior weights): `difference` is the interaction on the log-odds scale with its Wald z test,
 *   the overall's "top box" is the positive class, and `peakEnd` is null.
 * - `peakEnd`: the aggregate peak-end rule on the segment's touchpoint means (weighted when the
 *   comparison is).
 *
 * Groups are in sorted order of value. Equal to R's `t.test`, `prop.test`, `lm` and
 * `p.adjust(method = "BH")` to about 1e-10, to `glm(binomial)` to 1e-8, and to `svyttest` and
 * weighted `lm` to 1e-10 (tests: test/golden/segments).
 *
 * Reference: Welch (1947); Benjamini & Hochberg (1995); Lumley (2010), Complex Surveys, 2.2,
 * 5.2 and 7.3; Aiken & West (1991), Multiple Regression: Testing and Interpreting Interactions.
 *
 * @example
 * ```ts
 * // fixtures/segments/survey.csv, segments: ['region']
 * const north = compareSegments(survey, 'region').groups[1];
 * north.drivers[1]; // { touchpoint: 'delivery', difference: 0.179, stdError: 0.0916, pValue: 0.0518, pAdjusted: 0.466 }
 * ```
 * @throws InvalidArgumentError when `column` is not a segment column, or has fewer than two values
 *   or more than `maxGroups`.
 */
export function compareSegments(survey: Survey, column: string, options: CompareSegmentsOptions = {}): CompareSegmentsResult {
  const labels = survey.segments.get(column);
  if (labels === undefined) {
    const known = [...survey.segments.keys()];
    throw new InvalidArgumentError(`"${column}" is not a segment column of this survey; ${known.length ? `segments: ${known.join(', ')}` : 'declare it in spec.segments (or --segment)'}.`);
  }
  const n = survey.n;
  const values = [...new Set(labels.slice(0, n).filter((v): v is string => v !== null))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (values.length < 2) throw new InvalidArgumentError(`Segment "${column}" has ${values.length} value${values.length === 1 ? '' : 's'}; a comparison needs at least two.`);
  const maxGroups = options.maxGroups ?? 30;
  if (values.length > maxGroups) {
    throw new InvalidArgumentError(
      `Segment "${column}" has ${values.length} values; a segment is a column of a few groups (at most ${maxGroups}, e.g. region or class). Band it into a few categories first, hold it constant with keyDrivers controls instead, or raise maxGroups.`,
    );
  }
  const unassigned = labels.slice(0, n).filter((v) => v === null).length;
  const weighted = (options.weighted ?? true) && survey.weights !== null;
  const warnings: Warning[] = [];
  if (unassigned > 0) {
    warnings.push({
      code: 'segment_unassigned',
      message: `${unassigned} respondent${unassigned === 1 ? ' has' : 's have'} no value in "${column}" and ${unassigned === 1 ? 'is' : 'are'} left out of the segment comparison.`,
    });
  }
  const touchpoints = survey.touchpoints.map((t) => t.column);
  const rated = [...touchpoints, survey.overall];
  const { scale } = survey.spec;
  const binary = survey.spec.outcome.type === 'binary';

  const partial = values.map((value) => {
    const inside = (i: number): boolean => labels[i] === value;
    const outside = (i: number): boolean => labels[i] !== null && labels[i] !== value;
    // A binary overall (stored 0/1): its "top box" is the positive class.
    const topFrom = (name: string): number => (binary && name === survey.overall ? 1 : scale.max - 1);
    const means = rated.map((name) =>
      weighted ? compareDesignMeans(name, survey, inside, outside, topFrom(name)) : compareMeans(name, survey.ratings.get(name) as Float64Array, n, inside, outside, topFrom(name)),
    );
    const fit = interactionFit(survey, touchpoints, labels, value, weighted, binary);
    if (fit.warning !== null) warnings.push(fit.warning);
    return {
      value,
      n: labels.slice(0, n).filter((v) => v === value).length,
      means,
      fit,
      peakEnd: binary ? null : segmentPeakEnd(survey, touchpoints, inside, weighted ? (survey.weights as Float64Array) : null),
    };
  });
  const tests = partial.flatMap((g) => g.fit.drivers.map((d) => d.pValue ?? Number.NaN));
  const adjusted = benjaminiHochberg(tests);
  let k = 0;
  const groups = partial.map(
    ({ value, n: size, means, fit, peakEnd }): SegmentGroup => ({
      value,
      n: size,
      nModel: fit.n,
      means,
      drivers: fit.drivers.map((d) => {
        const p = adjusted[k++] as number;
        return { ...d, pAdjusted: Number.isNaN(p) ? null : p };
      }),
      peakEnd,
    }),
  );
  return { method: 'compare-segments', segment: column, model: binary ? 'logistic' : 'ols', unassigned, weighted, meansTest: weighted ? 'design-based' : 'welch', groups, warnings };
}

function compareMeans(column: string, values: Float64Array, n: number, inside: (i: number) => boolean, outside: (i: number) => boolean, topFrom: number): SegmentMean {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    if (inside(i)) a.push(v);
    else if (outside(i)) b.push(v);
  }
  const mean = a.length > 0 ? columnMean(a) : null;
  const complement = b.length > 0 ? columnMean(b) : null;
  let pValue: number | null = null;
  try {
    pValue = welchTTest(a, b).pValue;
  } catch (error) {
    if (!(error instanceof InsufficientDataError)) throw error;
  }
  const topA = a.filter((v) => v >= topFrom).length;
  const topB = b.filter((v) => v >= topFrom).length;
  const shares = a.length > 0 && b.length > 0 ? twoProportionTest(topA, a.length, topB, b.length) : null;
  return {
    column,
    mean,
    complement,
    pValue,
    topTwoBox: a.length > 0 ? topA / a.length : null,
    topTwoBoxComplement: b.length > 0 ? topB / b.length : null,
    topTwoBoxPValue: shares?.pValue ?? null,
  };
}

/**
 * Weighted means of the group and the rest, and the design-based t test of their difference as
 * `svyttest(y ~ D)` gives it: the influence of the difference is w_i (y_i - mean_g) / W_g in the
 * group and -w_i (y_i - mean_r) / W_r in the rest (0 elsewhere), its variance the with-replacement
 * variance over every row of the survey (calibrated for a raked survey), df = answered - 2.
 */
function compareDesignMeans(column: string, survey: Survey, inside: (i: number) => boolean, outside: (i: number) => boolean, topFrom: number): SegmentMean {
  const values = survey.ratings.get(column) as Float64Array;
  const weights = survey.weights as Float64Array;
  const n = survey.n;
  const test = (score: (y: number) => number): { mean: number | null; complement: number | null; pValue: number | null } => {
    let countIn = 0;
    let countOut = 0;
    let weightIn = 0;
    let weightOut = 0;
    let sumIn = 0;
    let sumOut = 0;
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (Number.isNaN(v)) continue;
      const w = weights[i] as number;
      if (inside(i)) {
        countIn++;
        weightIn += w;
        sumIn += w * score(v);
      } else if (outside(i)) {
        countOut++;
        weightOut += w;
        sumOut += w * score(v);
      }
    }
    const mean = countIn > 0 ? sumIn / weightIn : null;
    const complement = countOut > 0 ? sumOut / weightOut : null;
    if (mean === null || complement === null || countIn + countOut < 3) return { mean, complement, pValue: null };
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (Number.isNaN(v)) continue;
      const w = weights[i] as number;
      if (inside(i)) z[i] = (w * (score(v) - mean)) / weightIn;
      else if (outside(i)) z[i] = (-w * (score(v) - complement)) / weightOut;
    }
    const standardError = linearisedStandardError(z, weights, survey.calibration ?? null);
    if (!(standardError > 0)) return { mean, complement, pValue: null };
    const t = (mean - complement) / standardError;
    return { mean, complement, pValue: Math.min(1, 2 * studentTUpperTail(Math.abs(t), countIn + countOut - 2)) };
  };
  const means = test((y) => y);
  const shares = test((y) => (y >= topFrom ? 1 : 0));
  return {
    column,
    mean: means.mean,
    complement: means.complement,
    pValue: means.pValue,
    topTwoBox: shares.mean,
    topTwoBoxComplement: shares.complement,
    topTwoBoxPValue: shares.pValue,
  };
}

function interactionFit(
  survey: Survey,
  touchpoints: readonly string[],
  labels: readonly (string | null)[],
  value: string,
  weighted: boolean,
  binary: boolean,
): { n: number; drivers: Omit<SegmentDriver, 'pAdjusted'>[]; warning: Warning | null } {
  const columns = touchpoints.map((c) => survey.ratings.get(c) as Float64Array);
  const overall = survey.ratings.get(survey.overall) as Float64Array;
  const X: number[][] = [];
  const y: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < survey.n; i++) {
    const label = labels[i];
    if (label === null || label === undefined) continue;
    const d = label === value ? 1 : 0;
    const row = columns.map((c) => c[i] as number);
    X.push([...row, d, ...row.map((x) => x * d)]);
    y.push(overall[i] as number);
    if (weighted) weights.push((survey.weights as Float64Array)[i] as number);
  }
  const names = [...touchpoints, 'segment', ...touchpoints.map((t) => `${t}:segment`)];
  const empty = touchpoints.map((touchpoint) => ({ touchpoint, difference: null, stdError: null, pValue: null }));
  try {
    if (binary) {
      const fit = logisticRegression(X, y, { names, positive: 1, ...(weighted && { weights }) });
      const drivers = touchpoints.map((touchpoint) => {
        const c = fit.coefficients.find((x) => x.name === `${touchpoint}:segment`) as (typeof fit.coefficients)[number];
        return { touchpoint, difference: c.estimate, stdError: c.stdError, pValue: c.pValue };
      });
      return { n: fit.n, drivers, warning: null };
    }
    const fit = ols(X, y, { names, ...(weighted && { weights }) });
    const drivers = touchpoints.map((touchpoint) => {
      const c = fit.coefficients.find((x) => x.name === `${touchpoint}:segment`);
      if (c === undefined || 'aliased' in c) return { touchpoint, difference: null, stdError: null, pValue: null };
      const coefficient = c as OlsCoefficient;
      return { touchpoint, difference: coefficient.estimate, stdError: coefficient.stdError, pValue: coefficient.pValue };
    });
    const missing = drivers.filter((d) => d.difference === null).map((d) => d.touchpoint);
    return {
      n: fit.n,
      drivers,
      warning:
        missing.length > 0
          ? { code: 'segment_driver_aliased', message: `Segment "${value}": the difference in slope of ${missing.join(', ')} cannot be estimated (no variation within the segment).` }
          : null,
    };
  } catch (error) {
    if (!(error instanceof PeakEndError)) throw error;
    return { n: 0, drivers: empty, warning: { code: 'segment_drivers_skipped', message: `Segment "${value}": driver differences were not estimated: ${error.message}` } };
  }
}

function segmentPeakEnd(survey: Survey, touchpoints: readonly string[], inside: (i: number) => boolean, weights: Float64Array | null): SegmentGroup['peakEnd'] {
  // The segment's (weighted, when the comparison is) mean of a column over its answered rows.
  const mean = (values: Float64Array): number => {
    let total = 0;
    let sum = 0;
    for (let i = 0; i < survey.n; i++) {
      const v = values[i] as number;
      if (!inside(i) || Number.isNaN(v)) continue;
      const w = weights === null ? 1 : (weights[i] as number);
      total += w;
      sum += w * v;
    }
    return total > 0 ? sum / total : Number.NaN;
  };
  const means = touchpoints.map((touchpoint) => ({ touchpoint, mean: mean(survey.ratings.get(touchpoint) as Float64Array) }));
  const observed = mean(survey.ratings.get(survey.overall) as Float64Array);
  if (means.some((m) => Number.isNaN(m.mean)) || Number.isNaN(observed)) return null;
  const result = aggregatePeakEnd(means, observed, { neutral: survey.spec.scale.neutral });
  return { peak: result.peak.touchpoint, end: result.end.touchpoint, prediction: result.prediction, observed: result.observed, gap: result.gap };
}
