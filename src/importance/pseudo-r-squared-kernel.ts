/**
 * A lean Newton (IRLS) kernel for the many logistic fits of a pseudo-R-squared decomposition: one
 * outcome, one set of complete-case columns, a log-likelihood per subset of them. Internal.
 *
 * Why not `logisticRegression`: a decomposition needs 2^p fits of the same rows, and of each fit
 * only the maximised log-likelihood (and the coefficients, to start the next fit from). The public
 * function re-validates and copies the data, starts from glm's weighted-least-squares step and
 * computes standard errors, AIC and separation diagnostics on every call; here the columns are
 * validated once, kept column-major and shared by every fit, each fit starts from its parent
 * subset's solution (two to four Newton steps), and rows that agree on the subset's columns are
 * fitted once as a binomial count (rating scales have few values, so a model on a few touchpoints
 * sees a few hundred distinct rows however large the survey).
 */
import { ConvergenceError, RankDeficientError } from '../errors.js';
import { cholesky, choleskySolve } from '../linalg/cholesky.js';

/** One subset fit: coefficients (intercept first, then the subset's columns in the order given). */
export interface SubsetFit {
  readonly cols: readonly number[];
  readonly beta: Float64Array;
  /** The information matrix of the last Newton step (intercept first), for a child fit's first step. */
  readonly information: Float64Array;
  readonly logLik: number;
  readonly iterations: number;
}

/**
 * The rows of a subset model collapsed to its distinct covariate patterns: pattern g stands for
 * `trials[g]` (summed weights) rows of which `events[g]` (summed weights) had the event, and
 * takes its values from row `representative[g]`. `group[i]` is row i's pattern; null
 * `representative` means the rows themselves (no collapsing).
 */
export interface Patterns {
  readonly size: number;
  readonly group: Int32Array | null;
  readonly representative: Int32Array | null;
  readonly trials: Float64Array;
  readonly events: Float64Array;
}

/** Newton decrement (relative to max(1, |logLik|)) below which the next full step ends a fit. */
const CONVERGENCE_TOLERANCE = 1e-12;
/** Decrement (relative) below which the next step reuses the information matrix. */
const STALE_INFORMATION = 1e-4;
/** Newton steps before a fit is declared not to converge. */
const MAX_ITERATIONS = 100;
/** |coefficient| x sd(column) above which a fit is declared separated (odds ratio e^15 per sd). */
const SEPARATION_LIMIT = 15;
/** Columns with more distinct values than this are not collapsed (they would rarely repeat). */
const MAX_LEVELS = 64;
/** Patterns are kept only while fewer than this share of the rows (else the rows are used). */
const COLLAPSE_SHARE = 0.5;

/**
 * Fits logit P(y = 1) = b0 + sum_j b_j x_j by maximum likelihood on subsets of fixed columns.
 *
 * Algorithm: Newton-Raphson (IRLS for the canonical link) on binomial counts per covariate
 * pattern, with gradient X'(e - t mu) and information X'diag(t mu (1 - mu))X solved by Cholesky;
 * log mu and log(1 - mu) through log1p(exp(-|eta|)) without cancellation; step halving when the
 * log-likelihood would fall; a fit ends after a full step whose Newton decrement g'H^-1 g was
 * below 1e-12 max(1, |logLik|), which leaves an error in the log-likelihood of the order of the
 * decrement's square. Collapsing rows into patterns changes the log-likelihood only by rounding.
 */
export class LogitSubsetFitter {
  readonly n: number;
  /** Sum of the weights (n without weights). */
  readonly totalWeight: number;
  /** Log-likelihood of the intercept-only model. */
  readonly nullLogLik: number;
  /** Intercept of the intercept-only model, logit of the weighted share of events. */
  readonly nullIntercept: number;
  /** Every row as one pattern of the intercept-only model. */
  readonly root: Patterns;
  private readonly rows: Patterns;
  private readonly columns: readonly Float64Array[];
  private readonly names: readonly string[];
  private readonly codes: readonly (Uint8Array | null)[];
  private readonly levels: Int32Array;
  private readonly sd: Float64Array;
  private readonly eta: Float64Array;
  private readonly working: Float64Array;
  private readonly residual: Float64Array;
  private readonly scratch: Float64Array;
  private readonly gathered: Float64Array[];
  private table: Int32Array;
  private trial: Float64Array = new Float64Array(0);

  /**
   * @param columns complete-case predictor columns (finite numbers), each of length n
   * @param event 1 for the positive outcome, 0 otherwise
   * @param weights positive prior weights, or null for 1
   */
  constructor(columns: readonly Float64Array[], names: readonly string[], event: Float64Array, weights: Float64Array | null) {
    const n = event.length;
    this.n = n;
    this.columns = columns;
    this.names = names;
    const trials = weights === null ? new Float64Array(n).fill(1) : Float64Array.from(weights);
    const events = Float64Array.from(event, (v, i) => v * (trials[i] as number));
    this.rows = { size: n, group: null, representative: null, trials, events };
    let total = 0;
    let positive = 0;
    for (let i = 0; i < n; i++) {
      total += trials[i] as number;
      positive += events[i] as number;
    }
    this.totalWeight = total;
    const share = positive / total;
    this.nullIntercept = Math.log(share / (1 - share));
    this.nullLogLik = positive * Math.log(share) + (total - positive) * Math.log1p(-share);
    this.root = { size: 1, group: new Int32Array(n), representative: new Int32Array(1), trials: Float64Array.of(total), events: Float64Array.of(positive) };
    this.sd = Float64Array.from(columns, (c) => {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += c[i] as number;
      mean /= n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += ((c[i] as number) - mean) ** 2;
      return Math.sqrt(ss / n);
    });
    this.levels = new Int32Array(columns.length);
    this.codes = columns.map((c, j) => {
      const index = new Map<number, number>();
      const codes = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const v = c[i] as number;
        let code = index.get(v);
        if (code === undefined) {
          if (index.size === MAX_LEVELS) return null;
          code = index.size;
          index.set(v, code);
        }
        codes[i] = code;
      }
      this.levels[j] = index.size;
      return codes;
    });
    this.eta = new Float64Array(n);
    this.working = new Float64Array(n);
    this.residual = new Float64Array(n);
    this.scratch = new Float64Array(n);
    this.gathered = [];
    this.table = new Int32Array(0);
  }

  /**
   * The patterns of a model with `added` columns on top of a model with patterns `parent`: each
   * parent pattern split by the added columns' values; the rows themselves once the patterns
   * would be more than half the rows or an added column has many distinct values.
   */
  refine(parent: Patterns, added: readonly number[]): Patterns {
    if (parent.representative === null || parent.group === null) return this.rows;
    const n = this.n;
    let group: Int32Array = parent.group;
    let size = parent.size;
    const limit = COLLAPSE_SHARE * n;
    for (const c of added) {
      const codes = this.codes[c] as Uint8Array | null;
      if (codes === null) return this.rows;
      const levels = this.levels[c] as number;
      if (this.table.length < size * levels) this.table = new Int32Array(Math.max(size * levels, 2 * this.table.length));
      const table = this.table;
      table.fill(-1, 0, size * levels);
      const next = new Int32Array(n);
      let count = 0;
      for (let i = 0; i < n; i++) {
        const key = (group[i] as number) * levels + (codes[i] as number);
        let id = table[key] as number;
        if (id < 0) {
          id = count++;
          table[key] = id;
          if (count > limit) return this.rows;
        }
        next[i] = id;
      }
      group = next;
      size = count;
    }
    const trials = new Float64Array(size);
    const events = new Float64Array(size);
    const representative = new Int32Array(size).fill(-1);
    const { trials: t, events: e } = this.rows;
    for (let i = 0; i < n; i++) {
      const g = group[i] as number;
      trials[g] = (trials[g] as number) + (t[i] as number);
      events[g] = (events[g] as number) + (e[i] as number);
      if ((representative[g] as number) < 0) representative[g] = i;
    }
    return { size, group, representative, trials, events };
  }

  /**
   * The maximum-likelihood fit on columns `cols` (indices into the constructor's columns) over
   * `patterns` (from {@link refine}; the rows when omitted), started from `start` (intercept
   * first, then one value per column of `cols`; null = the null model). `parent`, a fit whose
   * coefficients gave `start`, lends its information matrix for the first step, so only the rows
   * of the columns it lacks are computed.
   *
   * @throws RankDeficientError when the information matrix is singular (a constant or collinear
   *   column); ConvergenceError 'separation' or 'no_convergence'.
   */
  fit(cols: readonly number[], start: ArrayLike<number> | null, patterns: Patterns = this.rows, parent: SubsetFit | null = null): SubsetFit {
    const m = cols.length + 1;
    const xs = this.gather(cols, patterns);
    const beta = new Float64Array(m);
    if (start === null) beta[0] = this.nullIntercept;
    else beta.set(start);
    const gradient = new Float64Array(m);
    const information = new Float64Array(m * m);
    const candidate = new Float64Array(m);
    const scale = Math.max(1, Math.abs(this.nullLogLik));
    this.evaluate(xs, patterns, beta, gradient, false);
    // The parent's information is the child's at the start (same linear predictor) on the parent's columns.
    let known: Int32Array | null = null;
    if (parent !== null && parent.cols.length > 0) {
      const position = new Map(parent.cols.map((c, k) => [c, k + 1]));
      known = Int32Array.from({ length: m }, (_, k) => (k === 0 ? 0 : (position.get(cols[k - 1] as number) ?? -1)));
      const pm = parent.cols.length + 1;
      for (let a = 0; a < m; a++) {
        for (let b = 0; b < m; b++) {
          const pa = known[a] as number;
          const pb = known[b] as number;
          if (pa >= 0 && pb >= 0) information[a * m + b] = parent.information[pa * pm + pb] as number;
        }
      }
    }
    let fresh = true;
    let logLik = Number.NaN;
    let iterations = 0;
    let converged = false;
    while (iterations < MAX_ITERATIONS) {
      if (fresh) this.information(xs, patterns.size, information, known);
      known = null;
      const l = cholesky(information, m);
      if (l === null) {
        const named = cols.map((j) => `"${this.names[j]}"`).join(', ');
        throw new RankDeficientError(
          `The logistic model on ${named} has a singular information matrix: a predictor is constant or a linear combination of others on the complete cases; remove it.`,
          cols.map((j) => this.names[j] as string),
        );
      }
      const step = choleskySolve(l, m, gradient);
      let decrement = 0;
      for (let j = 0; j < m; j++) decrement += (gradient[j] as number) * (step[j] as number);
      iterations++;
      for (let j = 0; j < m; j++) candidate[j] = (beta[j] as number) + (step[j] as number);
      // The log-likelihood is concave: if it still rises along the step at its end, the full step gained.
      this.evaluate(xs, patterns, candidate, this.trialGradient(m), false);
      let slope = 0;
      for (let j = 0; j < m; j++) slope += (this.trial[j] as number) * (step[j] as number);
      let full = true;
      if (slope >= 0) {
        beta.set(candidate);
        gradient.set(this.trial.subarray(0, m));
        logLik = Number.NaN;
      } else {
        if (Number.isNaN(logLik)) logLik = this.evaluate(xs, patterns, beta, gradient, true);
        let accepted = false;
        let factor = 1;
        for (let halving = 0; halving < 40; halving++, factor /= 2) {
          for (let j = 0; j < m; j++) candidate[j] = (beta[j] as number) + factor * (step[j] as number);
          const next = this.evaluate(xs, patterns, candidate, this.trialGradient(m), true);
          if (next >= logLik - 1e-12 * Math.abs(logLik)) {
            beta.set(candidate);
            gradient.set(this.trial.subarray(0, m));
            logLik = next;
            accepted = true;
            full = factor === 1;
            break;
          }
        }
        if (!accepted) {
          // No step improves on the current point: it is the maximum to rounding.
          this.evaluate(xs, patterns, beta, gradient, false);
          converged = decrement < 1e-6 * scale;
          break;
        }
      }
      if (full && decrement < CONVERGENCE_TOLERANCE * scale) {
        converged = true;
        break;
      }
      // Close to the maximum the information barely changes: reuse it (the error stays superlinear).
      fresh = !(full && decrement < STALE_INFORMATION * scale);
    }
    for (let j = 1; j < m; j++) {
      if (Math.abs(beta[j] as number) * (this.sd[cols[j - 1] as number] as number) > SEPARATION_LIMIT) {
        throw new ConvergenceError(
          'separation',
          `The logistic model on ${cols.map((c) => `"${this.names[c]}"`).join(', ')}: "${this.names[cols[j - 1] as number]}" (almost) perfectly separates the two outcomes, so the maximum-likelihood estimate does not exist; drop or recode it.`,
        );
      }
    }
    if (!converged) {
      throw new ConvergenceError('no_convergence', `The logistic model on ${cols.map((c) => `"${this.names[c]}"`).join(', ')} did not converge in ${MAX_ITERATIONS} Newton steps.`);
    }
    logLik = this.evaluate(xs, patterns, beta, gradient, true);
    return { cols, beta, logLik, iterations, information };
  }

  private trialGradient(m: number): Float64Array {
    if (this.trial.length < m) this.trial = new Float64Array(m);
    return this.trial;
  }

  /** The subset's columns over the patterns (the columns themselves over the rows). */
  private gather(cols: readonly number[], patterns: Patterns): Float64Array[] {
    const rep = patterns.representative;
    if (rep === null) return cols.map((c) => this.columns[c] as Float64Array);
    return cols.map((c, k) => {
      const source = this.columns[c] as Float64Array;
      let out = this.gathered[k];
      if (out === undefined || out.length < patterns.size) {
        out = new Float64Array(this.n);
        this.gathered[k] = out;
      }
      for (let g = 0; g < patterns.size; g++) out[g] = source[rep[g] as number] as number;
      return out;
    });
  }

  /**
   * Linear predictor, working weights, residuals and gradient at `beta`; the log-likelihood too
   * when `withLogLik` (NaN otherwise: the logarithms are the costly part).
   */
  private evaluate(xs: readonly Float64Array[], patterns: Patterns, beta: Float64Array, gradient: Float64Array, withLogLik: boolean): number {
    const { eta, working, residual } = this;
    const { size, trials, events } = patterns;
    eta.fill(beta[0] as number, 0, size);
    for (let j = 0; j < xs.length; j++) {
      const c = xs[j] as Float64Array;
      const b = beta[j + 1] as number;
      for (let g = 0; g < size; g++) eta[g] = (eta[g] as number) + b * (c[g] as number);
    }
    let logLik = 0;
    let g0 = 0;
    for (let g = 0; g < size; g++) {
      const e = eta[g] as number;
      const a = Math.exp(-Math.abs(e));
      const inv = 1 / (1 + a);
      const mu = e >= 0 ? inv : a * inv;
      const t = trials[g] as number;
      const y = events[g] as number;
      if (withLogLik) {
        // log mu = -log1p(e^-eta), log(1 - mu) = -log1p(e^eta), each written without overflow.
        const l1 = Math.log1p(a);
        logLik -= e >= 0 ? y * l1 + (t - y) * (l1 + e) : y * (l1 - e) + (t - y) * l1;
      }
      working[g] = t * a * inv * inv;
      const r = y - t * mu;
      residual[g] = r;
      g0 += r;
    }
    gradient[0] = g0;
    for (let j = 0; j < xs.length; j++) {
      const c = xs[j] as Float64Array;
      let sum = 0;
      for (let g = 0; g < size; g++) sum += (residual[g] as number) * (c[g] as number);
      gradient[j + 1] = sum;
    }
    return withLogLik ? logLik : Number.NaN;
  }

  /**
   * Information X'VX (full symmetric) at the last evaluated point; with `known`, only the rows
   * and columns of entries marked -1 (the rest is already in place).
   */
  private information(xs: readonly Float64Array[], size: number, information: Float64Array, known: Int32Array | null): void {
    if (known !== null) {
      // Only the new columns' rows: for each, V x_b against the intercept and every column.
      for (let b = 0; b < xs.length; b++) {
        if ((known[b + 1] as number) >= 0) continue;
        this.informationRow(xs, size, information, b, (a) => !((known[a + 1] as number) < 0 && a < b));
      }
      return;
    }
    const { working } = this;
    let h00 = 0;
    for (let g = 0; g < size; g++) h00 += working[g] as number;
    information[0] = h00;
    for (let a = 0; a < xs.length; a++) this.informationRow(xs, size, information, a, (b) => b >= a);
  }

  /** Row and column j + 1 of X'VX: V x_j (kept in scratch) against the intercept and each column `others` accepts. */
  private informationRow(xs: readonly Float64Array[], size: number, information: Float64Array, j: number, others: (i: number) => boolean): void {
    const { working, scratch } = this;
    const m = xs.length + 1;
    const cj = xs[j] as Float64Array;
    let h0 = 0;
    for (let g = 0; g < size; g++) {
      const t = (working[g] as number) * (cj[g] as number);
      scratch[g] = t;
      h0 += t;
    }
    information[j + 1] = h0;
    information[(j + 1) * m] = h0;
    for (let i = 0; i < xs.length; i++) {
      if (!others(i)) continue;
      const ci = xs[i] as Float64Array;
      let h = 0;
      for (let g = 0; g < size; g++) h += (scratch[g] as number) * (ci[g] as number);
      information[(i + 1) * m + j + 1] = h;
      information[(j + 1) * m + i + 1] = h;
    }
  }
}
