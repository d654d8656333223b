/**
 * A lean Newton (IRLS) kernel for the many logistic fits of a pseudo-R-squared decomposition: one
 * outcome, one set of complete-case columns, a log-likelihood per subset of them. Internal.
 *
 * Why not `logisticRegression`: a decomposition needs 2^p fits of the same rows, and of each fit
 * only the maximised log-likelihood (and the coefficients, to start the next fit from). The public
 * function re-validates and copies the data, starts from glm's weighted-least-squares step and
 * computes standard errors, AIC and separation diagnostics on every call; here the columns are
 * validated once, kept column-major and shared by every fit, and each fit starts from its parent
 * subset's solution, so a fit takes two to four Newton steps.
 */
import { ConvergenceError, RankDeficientError } from '../errors.js';
import { cholesky, choleskySolve } from '../linalg/cholesky.js';

/** One subset fit: coefficients (intercept first, then the subset's columns in the order given). */
export interface SubsetFit {
  readonly beta: Float64Array;
  readonly logLik: number;
  readonly iterations: number;
}

/** Newton decrement (relative to max(1, |logLik|)) below which the next full step ends a fit. */
const CONVERGENCE_TOLERANCE = 1e-12;
/** Newton steps before a fit is declared not to converge. */
const MAX_ITERATIONS = 100;
/** |coefficient| x sd(column) above which a fit is declared separated (odds ratio e^15 per sd). */
const SEPARATION_LIMIT = 15;

/**
 * Fits logit P(y = 1) = b0 + sum_j b_j x_j by maximum likelihood on subsets of fixed columns.
 *
 * Algorithm: Newton-Raphson (IRLS for the canonical link) with gradient X'(w (y - mu)) and
 * information X'diag(w mu (1 - mu))X solved by Cholesky; log mu and log(1 - mu) through
 * log1p(exp(-|eta|)) without cancellation; step halving when the log-likelihood would fall; a fit
 * ends after a full step whose Newton decrement g'H^-1 g was below 1e-12 max(1, |logLik|), which
 * leaves an error in the log-likelihood of the order of the decrement's square.
 */
export class LogitSubsetFitter {
  readonly n: number;
  /** Sum of the weights (n without weights). */
  readonly totalWeight: number;
  /** Log-likelihood of the intercept-only model. */
  readonly nullLogLik: number;
  /** Intercept of the intercept-only model, logit of the weighted share of events. */
  readonly nullIntercept: number;
  private readonly columns: readonly Float64Array[];
  private readonly names: readonly string[];
  private readonly event: Float64Array;
  private readonly weights: Float64Array | null;
  private readonly sd: Float64Array;
  private readonly eta: Float64Array;
  private readonly working: Float64Array;
  private readonly residual: Float64Array;
  private readonly scratch: Float64Array;

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
    this.event = event;
    this.weights = weights;
    let total = 0;
    let events = 0;
    for (let i = 0; i < n; i++) {
      const w = weights === null ? 1 : (weights[i] as number);
      total += w;
      events += w * (event[i] as number);
    }
    this.totalWeight = total;
    const share = events / total;
    this.nullIntercept = Math.log(share / (1 - share));
    this.nullLogLik = events * Math.log(share) + (total - events) * Math.log1p(-share);
    this.sd = Float64Array.from(columns, (c) => {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += c[i] as number;
      mean /= n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += ((c[i] as number) - mean) ** 2;
      return Math.sqrt(ss / n);
    });
    this.eta = new Float64Array(n);
    this.working = new Float64Array(n);
    this.residual = new Float64Array(n);
    this.scratch = new Float64Array(n);
  }

  /**
   * The maximum-likelihood fit on columns `cols` (indices into the constructor's columns), started
   * from `start` (intercept first, then one value per column of `cols`; null = the null model).
   *
   * @throws RankDeficientError when the information matrix is singular (a constant or collinear
   *   column); ConvergenceError 'separation' or 'no_convergence'.
   */
  fit(cols: readonly number[], start: ArrayLike<number> | null): SubsetFit {
    const m = cols.length + 1;
    const beta = new Float64Array(m);
    if (start === null) beta[0] = this.nullIntercept;
    else beta.set(start);
    let logLik = this.evaluate(cols, beta);
    const gradient = new Float64Array(m);
    const information = new Float64Array(m * m);
    const candidate = new Float64Array(m);
    let iterations = 0;
    let converged = false;
    while (iterations < MAX_ITERATIONS) {
      this.derivatives(cols, gradient, information);
      const l = cholesky(information, m);
      if (l === null) {
        const named = cols.map((j) => `"${this.names[j]}"`).join(', ');
        throw new RankDeficientError(`The logistic model on ${named} has a singular information matrix: a predictor is constant or a linear combination of others on the complete cases; remove it.`, cols.map((j) => this.names[j] as string));
      }
      const step = choleskySolve(l, m, gradient);
      let decrement = 0;
      for (let j = 0; j < m; j++) decrement += (gradient[j] as number) * (step[j] as number);
      iterations++;
      let scale = 1;
      let accepted = false;
      for (let halving = 0; halving < 40; halving++, scale /= 2) {
        for (let j = 0; j < m; j++) candidate[j] = (beta[j] as number) + scale * (step[j] as number);
        const next = this.evaluate(cols, candidate);
        if (next >= logLik - 1e-12 * Math.abs(logLik)) {
          beta.set(candidate);
          logLik = next;
          accepted = true;
          break;
        }
      }
      if (!accepted) {
        // No step improves on the current point: it is the maximum to rounding. Restore its state.
        this.evaluate(cols, beta);
        converged = decrement < 1e-6 * Math.max(1, Math.abs(logLik));
        break;
      }
      if (scale === 1 && decrement < CONVERGENCE_TOLERANCE * Math.max(1, Math.abs(logLik))) {
        converged = true;
        break;
      }
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
    return { beta, logLik, iterations };
  }

  /** Linear predictor, log-likelihood, working weights and weighted residuals at `beta`. */
  private evaluate(cols: readonly number[], beta: Float64Array): number {
    const { n, eta, working, residual, event, weights } = this;
    eta.fill(beta[0] as number);
    for (let j = 0; j < cols.length; j++) {
      const c = this.columns[cols[j] as number] as Float64Array;
      const b = beta[j + 1] as number;
      for (let i = 0; i < n; i++) eta[i] = (eta[i] as number) + b * (c[i] as number);
    }
    let logLik = 0;
    for (let i = 0; i < n; i++) {
      const e = eta[i] as number;
      const a = Math.exp(-Math.abs(e));
      const l1 = Math.log1p(a);
      const inv = 1 / (1 + a);
      const mu = e >= 0 ? inv : a * inv;
      const y = event[i] as number;
      const w = weights === null ? 1 : (weights[i] as number);
      // log mu = -log1p(e^-eta), log(1 - mu) = -log1p(e^eta), each written without overflow.
      const term = y === 1 ? (e >= 0 ? l1 : l1 - e) : e >= 0 ? l1 + e : l1;
      logLik -= w * term;
      working[i] = w * a * inv * inv;
      residual[i] = w * (y - mu);
    }
    return logLik;
  }

  /** Gradient X'r and information X'VX (full symmetric) at the last evaluated point. */
  private derivatives(cols: readonly number[], gradient: Float64Array, information: Float64Array): void {
    const { n, working, residual, scratch } = this;
    const m = cols.length + 1;
    let g0 = 0;
    let h00 = 0;
    for (let i = 0; i < n; i++) {
      g0 += residual[i] as number;
      h00 += working[i] as number;
    }
    gradient[0] = g0;
    information[0] = h00;
    for (let a = 0; a < cols.length; a++) {
      const ca = this.columns[cols[a] as number] as Float64Array;
      let g = 0;
      let h0 = 0;
      for (let i = 0; i < n; i++) {
        const x = ca[i] as number;
        const t = (working[i] as number) * x;
        scratch[i] = t;
        g += (residual[i] as number) * x;
        h0 += t;
      }
      gradient[a + 1] = g;
      information[a + 1] = h0;
      information[(a + 1) * m] = h0;
      for (let b = a; b < cols.length; b++) {
        const cb = this.columns[cols[b] as number] as Float64Array;
        let h = 0;
        for (let i = 0; i < n; i++) h += (scratch[i] as number) * (cb[i] as number);
        information[(a + 1) * m + b + 1] = h;
        information[(b + 1) * m + a + 1] = h;
      }
    }
  }
}
