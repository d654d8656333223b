/**
 * SurveyAccumulator: mergeable summaries of a survey, in memory bounded by the number of columns,
 * for data too large to hold or spread over shards, workers or services.
 */
import { studentTQuantile } from '../distributions/index.js';
import { InsufficientDataError, InvalidArgumentError } from '../errors.js';
import { type AggregatePeakEndResult, aggregatePeakEnd, type PeakEndRule } from '../experience/aggregate-peak-end.js';
import { peakValues } from '../experience/respondent-scores.js';
import { importanceFromData, type RelativeImportanceOptions, type RelativeImportanceResult } from '../importance/relative-importance.js';
import { crossProductsOfColumns } from '../linalg/cross-product.js';
import type { OlsResult } from '../regression/ols.js';
import { olsOfMoments } from '../regression/ols-moments.js';
import { type NormalizedSpec, nonUniformSpecReason, normalizeSpec, type SurveySpec } from '../schema/survey-spec.js';
import { medianOfCounts } from '../stats/quantile.js';
import type { Survey } from '../survey/survey.js';

/** Running moments of one variable or of a vector: weight total, mean, centred co-moments. */
interface Moments {
  n: number;
  sumW: number;
  sumLogW: number;
  mean: Float64Array;
  /** Row-major sum of w (x - mean)(x - mean)'. */
  m2: Float64Array;
}

/** Per-column summary (each column over its own answered cells). */
interface ColumnSummary {
  n: number;
  mean: number;
  m2: number;
  /** Count per integer scale point (min..max). */
  counts: number[];
}

/** The JSON form of an accumulator (`toJSON` / `fromJSON`). */
export interface AccumulatorState {
  readonly version: 1;
  readonly columns: readonly string[];
  readonly scale: { readonly min: number; readonly max: number; readonly neutral: number };
  readonly perColumn: readonly ColumnSummary[];
  readonly joint: { n: number; sumW: number; sumLogW: number; mean: number[]; m2: number[] };
  readonly peakEnd: { n: number; sumAbs: number; sumSq: number; sumBias: number; moments: { n: number; sumW: number; sumLogW: number; mean: number[]; m2: number[] } };
  readonly rowsSeen: number;
}

/** @deprecated Since 0.x (issue 19): `SurveyAccumulator.ols()` returns {@link OlsResult}, as `ols` does. */
export type MomentsOlsResult = OlsResult;

/**
 * Consumes survey rows (or whole Surveys) and keeps, for the touchpoints and the overall rating:
 * per-column counts, means, centred second moments and counts per scale point; the joint mean and
 * co-moment matrix of the complete cases (weighted when the spec has weights); and the running
 * accuracy of each respondent's peak-end prediction. Memory is O(k^2) for k columns, whatever
 * the number of rows.
 *
 * Algorithm: rows are summarised 16,384 at a time (per column two passes over the block; the
 * complete rows' weighted co-moments by the blocked cross-products of least squares, in the
 * WebAssembly Gram kernel where available) and each block is merged in by the pairwise update of
 * Chan, Golub & LeVeque (1979): n = na + nb, delta = mean_b - mean_a, mean = mean_a + delta nb / n,
 * M2 = M2_a + M2_b + delta delta' na nb / n. Any split of the rows, merged, equals the whole to
 * about 1e-13.
 *
 * From the summary: descriptives (n, mean, SD, t interval, median and top/bottom-2-box from the
 * scale-point counts), OLS with classical inference, every relative-importance measure, the
 * aggregate peak-end rule, and per-respondent peak-end accuracy (MAE, RMSE, bias, correlation).
 * Analyses that need the rows themselves (robust standard errors, bootstrap, cross-validation,
 * reconstruction) are not available here and say so.
 *
 * @example
 * ```ts
 * const shardA = new SurveyAccumulator(spec).add(surveyA);
 * const shardB = SurveyAccumulator.fromJSON(JSON.parse(textFromAnotherService));
 * const whole = shardA.merge(shardB);
 * whole.ols().coefficients; // as ols() on all rows, to ~1e-10
 * ```
 */
export class SurveyAccumulator {
  readonly spec: NormalizedSpec;
  private readonly columns: readonly string[];
  private perColumn: ColumnSummary[];
  private joint: Moments;
  private peakEndSums = { n: 0, sumAbs: 0, sumSq: 0, sumBias: 0 };
  private peakEndMoments: Moments;
  private rowsSeen = 0;
  /**
   * Rows added but not yet summarised, column by column (PENDING_ROWS per column), with
   * their weights: they are summarised a block at a time (flush), before any result is read.
   */
  private readonly pending: Float64Array[];
  private readonly pendingWeights = new Float64Array(PENDING_ROWS);
  private pendingRows = 0;

  constructor(spec: SurveySpec | NormalizedSpec) {
    this.spec = 'labels' in spec && spec.labels instanceof Map ? (spec as NormalizedSpec) : normalizeSpec(spec);
    if (!this.spec.scale.integer) throw new InvalidArgumentError('SurveyAccumulator needs an integer rating scale (counts per scale point).');
    const nonUniform = nonUniformSpecReason(this.spec);
    if (nonUniform !== null)
      throw new InvalidArgumentError(`SurveyAccumulator needs one rating scale and one set of codes for every column, but ${nonUniform}; use readSurvey or readSurveyFile for this survey.`);
    this.columns = [...this.spec.touchpoints.map((t) => t.column), this.spec.overall];
    const points = this.spec.scale.max - this.spec.scale.min + 1;
    this.perColumn = this.columns.map(() => ({ n: 0, mean: 0, m2: 0, counts: new Array<number>(points).fill(0) }));
    this.joint = emptyMoments(this.columns.length);
    this.peakEndMoments = emptyMoments(2);
    this.pending = this.columns.map(() => new Float64Array(PENDING_ROWS));
  }

  /** Adds the used rows of a Survey read with the same spec's columns. */
  add(survey: Survey): this {
    const data = this.columns.map((c) => survey.ratings.get(c));
    if (data.some((c) => c === undefined)) throw new InvalidArgumentError(`The survey lacks some of the accumulator's columns (${this.columns.join(', ')}).`);
    const row = new Float64Array(this.columns.length);
    for (let i = 0; i < survey.n; i++) {
      data.forEach((c, j) => {
        row[j] = (c as Float64Array)[i] as number;
      });
      this.addRow(row, survey.weights === null ? 1 : (survey.weights[i] as number));
    }
    return this;
  }

  /** Adds one respondent: ratings in the order touchpoints (journey order), then overall; NaN = missing. */
  addRow(ratings: ArrayLike<number>, weight = 1): this {
    if (ratings.length !== this.columns.length) throw new InvalidArgumentError(`addRow expects ${this.columns.length} ratings (touchpoints, then overall), got ${ratings.length}.`);
    if (!(weight > 0) || !Number.isFinite(weight)) throw new InvalidArgumentError(`Row weights must be positive and finite, got ${weight}.`);
    this.rowsSeen++;
    const at = this.pendingRows;
    for (let j = 0; j < this.columns.length; j++) {
      const v = ratings[j] as number;
      if (v === Infinity || v === -Infinity) throw new InvalidArgumentError(`addRow: rating ${j + 1} is ${v}; ratings must be finite numbers or NaN (missing).`);
      (this.pending[j] as Float64Array)[at] = v;
    }
    this.pendingRows++;
    this.pendingWeights[at] = weight;
    if (this.pendingRows === PENDING_ROWS) this.flush();
    return this;
  }

  /**
   * Summarises the pending rows and merges them in (Chan, Golub & LeVeque): per column the count,
   * mean, centred second moment (two passes over the block) and scale-point counts; over the
   * complete rows the weighted means and co-moments by the blocked cross-products of least squares
   * (crossProductsOfColumns), and each respondent's peak-end prediction and its error.
   */
  private flush(): void {
    const rows = this.pendingRows;
    if (rows === 0) return;
    this.pendingRows = 0;
    const d = this.columns.length;
    const { min } = this.spec.scale;
    const complete = new Uint8Array(rows).fill(1);
    for (let j = 0; j < d; j++) {
      const column = this.pending[j] as Float64Array;
      const c = this.perColumn[j] as ColumnSummary;
      let count = 0;
      let sum = 0;
      for (let i = 0; i < rows; i++) {
        const v = column[i] as number;
        if (Number.isNaN(v)) {
          complete[i] = 0;
          continue;
        }
        count++;
        sum += v;
        const k = Math.round(v) - min;
        if (k >= 0 && k < c.counts.length) c.counts[k] = (c.counts[k] as number) + 1;
      }
      if (count === 0) continue;
      const mean = sum / count;
      let m2 = 0;
      for (let i = 0; i < rows; i++) {
        const v = column[i] as number;
        if (!Number.isNaN(v)) m2 += (v - mean) * (v - mean);
      }
      const n = c.n + count;
      const delta = mean - c.mean;
      c.mean += (delta * count) / n;
      c.m2 += m2 + (delta * delta * c.n * count) / n;
      c.n = n;
    }
    const index = new Uint32Array(rows);
    let n = 0;
    let unitWeights = true;
    for (let i = 0; i < rows; i++) {
      if (complete[i] === 0) continue;
      index[n++] = i;
      if (this.pendingWeights[i] !== 1) unitWeights = false;
    }
    if (n === 0) return;
    // The complete rows' co-moments, weighted.
    // Every row complete (the usual case): no index, so the kernel reads the columns directly (the same rows in the same order).
    const products = crossProductsOfColumns(this.pending.slice(0, d - 1), this.pending[d - 1] as Float64Array, unitWeights ? null : this.pendingWeights, n === rows ? null : index, n, true);
    if (products === null) throw new InvalidArgumentError('addRow: ratings must be finite numbers or NaN.');
    let sumLogW = 0;
    if (!unitWeights) for (let r = 0; r < n; r++) sumLogW += Math.log(this.pendingWeights[index[r] as number] as number);
    mergeInto(this.joint, n, products.weight, sumLogW, products.means, products.comoments);
    // Each complete respondent's peak-end prediction (most intense peak, last touchpoint, w = 0.5).
    const k = d - 1;
    const peaks = peakValues(this.pending.slice(0, k), rows, 2, this.spec.scale.neutral).chosen;
    const last = this.pending[k - 1] as Float64Array;
    const prediction = new Float64Array(n);
    const observed = new Float64Array(n);
    const sums = this.peakEndSums;
    for (let r = 0; r < n; r++) {
      const i = index[r] as number;
      const p = 0.5 * (peaks[i] as number) + 0.5 * (last[i] as number);
      const o = (this.pending[k] as Float64Array)[i] as number;
      const e = p - o;
      sums.n++;
      sums.sumAbs += Math.abs(e);
      sums.sumSq += e * e;
      sums.sumBias += e;
      prediction[r] = p;
      observed[r] = o;
    }
    const block = crossProductsOfColumns([prediction], observed, null, null, n, true);
    if (block !== null) mergeInto(this.peakEndMoments, n, n, 0, block.means, block.comoments);
  }

  /** A new accumulator holding both summaries (neither input changes). */
  merge(other: SurveyAccumulator): SurveyAccumulator {
    other.flush();
    if (other.columns.join('\u0000') !== this.columns.join('\u0000')) throw new InvalidArgumentError('Only accumulators over the same columns can be merged.');
    const out = SurveyAccumulator.fromJSON(this.toJSON(), this.spec);
    out.rowsSeen += other.rowsSeen;
    out.perColumn = out.perColumn.map((a, j) => {
      const b = other.perColumn[j] as ColumnSummary;
      const n = a.n + b.n;
      if (n === 0) return a;
      const delta = b.mean - a.mean;
      return { n, mean: a.mean + (delta * b.n) / n, m2: a.m2 + b.m2 + (delta * delta * a.n * b.n) / n, counts: a.counts.map((c, k) => c + (b.counts[k] as number)) };
    });
    out.joint = mergeMoments(out.joint, other.joint);
    out.peakEndMoments = mergeMoments(out.peakEndMoments, other.peakEndMoments);
    out.peakEndSums = {
      n: out.peakEndSums.n + other.peakEndSums.n,
      sumAbs: out.peakEndSums.sumAbs + other.peakEndSums.sumAbs,
      sumSq: out.peakEndSums.sumSq + other.peakEndSums.sumSq,
      sumBias: out.peakEndSums.sumBias + other.peakEndSums.sumBias,
    };
    return out;
  }

  /** Plain JSON state, to ship between workers or services. */
  toJSON(): AccumulatorState {
    this.flush();
    const plain = (m: Moments) => ({ n: m.n, sumW: m.sumW, sumLogW: m.sumLogW, mean: Array.from(m.mean), m2: Array.from(m.m2) });
    return {
      version: 1,
      columns: [...this.columns],
      scale: { min: this.spec.scale.min, max: this.spec.scale.max, neutral: this.spec.scale.neutral },
      perColumn: this.perColumn.map((c) => ({ ...c, counts: [...c.counts] })),
      joint: plain(this.joint),
      peakEnd: { ...this.peakEndSums, moments: plain(this.peakEndMoments) },
      rowsSeen: this.rowsSeen,
    };
  }

  /** Rebuilds an accumulator from `toJSON()` output and its spec. */
  static fromJSON(state: AccumulatorState, spec: SurveySpec | NormalizedSpec): SurveyAccumulator {
    const out = new SurveyAccumulator(spec);
    if (state.version !== 1 || state.columns.join('\u0000') !== out.columns.join('\u0000')) {
      throw new InvalidArgumentError('The accumulator state does not match this spec (columns or version differ).');
    }
    const moments = (m: AccumulatorState['joint']): Moments => ({ n: m.n, sumW: m.sumW, sumLogW: m.sumLogW, mean: Float64Array.from(m.mean), m2: Float64Array.from(m.m2) });
    out.perColumn = state.perColumn.map((c) => ({ n: c.n, mean: c.mean, m2: c.m2, counts: [...c.counts] }));
    out.joint = moments(state.joint);
    out.peakEndMoments = moments(state.peakEnd.moments);
    out.peakEndSums = { n: state.peakEnd.n, sumAbs: state.peakEnd.sumAbs, sumSq: state.peakEnd.sumSq, sumBias: state.peakEnd.sumBias };
    out.rowsSeen = state.rowsSeen;
    return out;
  }

  /** Rows added so far. */
  get rows(): number {
    return this.rowsSeen;
  }

  /** Per column: n, mean, sample SD, t interval, median, counts and top/bottom-2-box with SEs, as describeSurvey (unweighted). */
  describe(level = 0.95): {
    column: string;
    n: number;
    mean: number | null;
    sampleStandardDeviation: number | null;
    ciLower: number | null;
    ciUpper: number | null;
    median: number | null;
    topTwoBox: number | null;
    topTwoBoxStdError: number | null;
    bottomTwoBox: number | null;
    bottomTwoBoxStdError: number | null;
    counts: { value: number; count: number }[];
  }[] {
    this.flush();
    const { min, max } = this.spec.scale;
    return this.perColumn.map((c, j) => {
      const sd = c.n > 1 ? Math.sqrt(c.m2 / (c.n - 1)) : null;
      const half = sd === null ? null : studentTQuantile((1 + level) / 2, c.n - 1) * (sd / Math.sqrt(c.n));
      const counts = c.counts.map((count, k) => ({ value: min + k, count }));
      const top = c.n > 0 ? counts.filter((x) => x.value >= max - 1).reduce((s, x) => s + x.count, 0) / c.n : null;
      const bottom = c.n > 0 ? counts.filter((x) => x.value <= min + 1).reduce((s, x) => s + x.count, 0) / c.n : null;
      const shareError = (p: number | null): number | null => (p !== null && c.n > 1 ? Math.sqrt((p * (1 - p)) / (c.n - 1)) : null);
      return {
        column: this.columns[j] as string,
        n: c.n,
        mean: c.n > 0 ? c.mean : null,
        sampleStandardDeviation: sd,
        ciLower: half === null ? null : c.mean - half,
        ciUpper: half === null ? null : c.mean + half,
        median:
          c.n > 0
            ? medianOfCounts(
                counts.map((x) => x.value),
                c.counts,
                c.n,
              )
            : null,
        topTwoBox: top,
        topTwoBoxStdError: shareError(top),
        bottomTwoBox: bottom,
        bottomTwoBoxStdError: shareError(bottom),
        counts,
      };
    });
  }

  /**
   * OLS of overall on all touchpoints over the complete cases, with classical inference: the
   * same `OlsResult` as `ols` on those rows (the normal equations from the merged co-moments,
   * with `ols`'s summary, aliasing and warnings), to about 1e-10. Without the rows there is no
   * refinement pass: RSS is TSS - MSS (log10(TSS / RSS) digits lost, two at R^2 = 0.99), a term
   * is aliased when its remaining squared norm is at most 1e-14 of its own (R's lm tolerance
   * 1e-7 on the norm), and an ill-conditioned design is reported by the `near_collinearity`
   * warning rather than refitted by QR. Rows with a missing rating count as `rowsDropped.missing`.
   *
   * @throws InsufficientDataError with no more complete rows than parameters, or a constant overall rating.
   */
  ols(level = 0.95): OlsResult {
    this.flush();
    const { n, sumW, sumLogW, mean, m2 } = this.joint;
    return olsOfMoments({ comoments: m2, means: mean, weight: sumW }, { names: this.columns.slice(0, -1), n, sumLogW, missing: this.rowsSeen - n, level });
  }

  /** Relative importance of the touchpoints for overall, from the accumulated correlation matrix. */
  relativeImportance(options: Omit<RelativeImportanceOptions, 'weights' | 'names'>): RelativeImportanceResult {
    this.flush();
    const d = this.columns.length;
    const m2 = this.joint.m2;
    const corr = new Float64Array(d * d);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) corr[a * d + b] = (m2[a * d + b] as number) / Math.sqrt((m2[a * d + a] as number) * (m2[b * d + b] as number));
    return importanceFromData(
      { names: this.columns.slice(0, -1), corr, n: this.joint.n, rowsDropped: this.rowsSeen - this.joint.n, columns: [], weights: new Float64Array(0), weighted: false },
      options,
    );
  }

  /** The aggregate peak-end rule on the per-column means. */
  peakEnd(rule: PeakEndRule = {}): AggregatePeakEndResult {
    this.flush();
    const means = this.perColumn.map((c) => (c.n > 0 ? c.mean : Number.NaN));
    return aggregatePeakEnd(
      this.columns.slice(0, -1).map((touchpoint, j) => ({ touchpoint, mean: means[j] as number })),
      means[means.length - 1] as number,
      { ...rule, neutral: this.spec.scale.neutral },
    );
  }

  /** Accuracy of each complete respondent's own peak-end prediction (most intense peak, last touchpoint, w = 0.5). */
  peakEndAccuracy(): { n: number; meanAbsoluteError: number; rootMeanSquaredError: number; meanBias: number; correlation: number | null } {
    this.flush();
    const s = this.peakEndSums;
    if (s.n === 0) throw new InsufficientDataError('No complete respondent has been added yet.');
    const m2 = this.peakEndMoments.m2;
    const sxx = m2[0] as number;
    const syy = m2[3] as number;
    return {
      n: s.n,
      meanAbsoluteError: s.sumAbs / s.n,
      rootMeanSquaredError: Math.sqrt(s.sumSq / s.n),
      meanBias: s.sumBias / s.n,
      correlation: sxx > 0 && syy > 0 ? (m2[1] as number) / Math.sqrt(sxx * syy) : null,
    };
  }
}

function emptyMoments(d: number): Moments {
  return { n: 0, sumW: 0, sumLogW: 0, mean: new Float64Array(d), m2: new Float64Array(d * d) };
}

/** West's (1979) weighted update of mean and co-moments. */
/** Rows of a summarised block at a time. */
const PENDING_ROWS = 16_384;

/** Adds a block's moments (n rows of total weight sumW; means and full co-moment matrix) to m, by Chan's merge. */
function mergeInto(m: Moments, n: number, sumW: number, sumLogW: number, mean: Float64Array, m2: Float64Array): void {
  const d = m.mean.length;
  const total = m.sumW + sumW;
  const factor = (m.sumW * sumW) / total;
  const delta = new Float64Array(d);
  for (let a = 0; a < d; a++) delta[a] = (mean[a] as number) - (m.mean[a] as number);
  for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) m.m2[a * d + b] = (m.m2[a * d + b] as number) + (m2[a * d + b] as number) + factor * (delta[a] as number) * (delta[b] as number);
  for (let a = 0; a < d; a++) m.mean[a] = (m.mean[a] as number) + (delta[a] as number) * (sumW / total);
  m.n += n;
  m.sumW = total;
  m.sumLogW += sumLogW;
}

/** Chan, Golub & LeVeque's pairwise merge (weighted). */
function mergeMoments(a: Moments, b: Moments): Moments {
  if (b.sumW === 0) return { ...a, mean: a.mean.slice(), m2: a.m2.slice() };
  if (a.sumW === 0) return { ...b, mean: b.mean.slice(), m2: b.m2.slice() };
  const d = a.mean.length;
  const sumW = a.sumW + b.sumW;
  const delta = Float64Array.from({ length: d }, (_, i) => (b.mean[i] as number) - (a.mean[i] as number));
  const mean = Float64Array.from({ length: d }, (_, i) => (a.mean[i] as number) + (delta[i] as number) * (b.sumW / sumW));
  const factor = (a.sumW * b.sumW) / sumW;
  const m2 = Float64Array.from({ length: d * d }, (_, idx) => (a.m2[idx] as number) + (b.m2[idx] as number) + factor * (delta[Math.floor(idx / d)] as number) * (delta[idx % d] as number));
  return { n: a.n + b.n, sumW, sumLogW: a.sumLogW + b.sumLogW, mean, m2 };
}
