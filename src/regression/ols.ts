/**
 * ols: ordinary and weighted least squares with full inference, robust (sandwich) standard
 * errors and rank detection.
 */
import { fUpperTail, studentTQuantile, studentTUpperTail } from '../distributions/index.js';
import { InsufficientDataError, InvalidArgumentError } from '../errors.js';
import { cholesky, choleskySolve } from '../linalg/cholesky.js';
import { crossProducts, type CrossProducts } from '../linalg/cross-product.js';
import { refineLeastSquares } from '../linalg/least-squares-refinement.js';
import { applyQTranspose, householderQr, invertUpper, rEntry, solveR } from '../linalg/qr.js';
import { singularValues } from '../linalg/singular-values.js';
import type { Warning } from '../survey/survey.js';
import { completeCaseData, modelData, type ModelData } from './glm-data.js';

/** Coefficient covariance estimators: classical, or White's heteroskedasticity-consistent HC0-HC3. */
export type CovarianceType = 'classical' | 'HC0' | 'HC1' | 'HC2' | 'HC3';

/** Options for {@link ols}. */
export interface OlsOptions {
  /** Predictor names (default x1, x2, ...). */
  readonly names?: readonly string[];
  /** Fit an intercept. Default true. */
  readonly intercept?: boolean;
  /** Non-negative case weights (WLS); rows with weight 0 are excluded and counted. */
  readonly weights?: ArrayLike<number | null>;
  /** Standard errors, t, p and intervals from this covariance estimator. Default 'classical'. */
  readonly covariance?: CovarianceType;
  /** Confidence level of the intervals. Default 0.95. */
  readonly level?: number;
  /** Add residuals and fitted values (complete-case order) to the result. Default false. */
  readonly keepResiduals?: boolean;
  /**
   * How to solve the least-squares problem. `'qr'`: Householder QR (any data). `'cholesky'`: the
   * normal equations from one pass of cross-products, refined, when the scaled design is full rank
   * with condition number <= 100, otherwise QR. `'auto'` (default): `'cholesky'` from 10,000
   * complete rows, `'qr'` below. The two agree to about 1e-12; `algorithm` in the result says
   * which ran.
   */
  readonly algorithm?: 'auto' | 'qr' | 'cholesky';
}

/** An estimated coefficient. */
export interface OlsCoefficient {
  readonly name: string;
  readonly estimate: number;
  readonly stdError: number;
  /** null when the residual variance is zero (an exact fit). */
  readonly tValue: number | null;
  readonly pValue: number | null;
  readonly ciLower: number;
  readonly ciUpper: number;
  /** estimate * sd(x) / sd(y) (weighted SDs with weights); null for the intercept. */
  readonly standardized: number | null;
  /** Variance inflation factor 1 / (1 - R^2 of x on the other predictors); null for the intercept or without one. */
  readonly vif: number | null;
}

/** A term that is a linear combination of earlier terms (or constant), as R marks it (NA). */
export interface AliasedCoefficient {
  readonly name: string;
  readonly aliased: true;
}

/** Result of {@link ols}. Field names follow R's `summary.lm`. */
export interface OlsResult {
  readonly method: 'ols';
  /** The factorisation that produced the estimates (see {@link OlsOptions.algorithm}). */
  readonly algorithm: 'qr' | 'cholesky';
  readonly covariance: CovarianceType;
  readonly level: number;
  /** Complete cases used (weight > 0). */
  readonly n: number;
  readonly rowsDropped: { readonly missing: number; readonly zeroWeight: number };
  readonly coefficients: readonly (OlsCoefficient | AliasedCoefficient)[];
  readonly rank: number;
  readonly rSquared: number;
  readonly adjustedRSquared: number;
  /** Classical F test of all slopes (null for an exact fit or no slopes). */
  readonly fStatistic: number | null;
  readonly fPValue: number | null;
  readonly dfModel: number;
  readonly dfResidual: number;
  readonly residualStdError: number;
  /** null for an exact fit (the likelihood is unbounded). */
  readonly logLik: number | null;
  readonly aic: number | null;
  readonly bic: number | null;
  /** Condition number of the predictors scaled to unit length, centred when there is an intercept (Belsley, Kuh & Welsch). */
  readonly conditionNumber: number;
  readonly warnings: readonly Warning[];
  readonly residuals?: readonly number[];
  readonly fitted?: readonly number[];
}

/**
 * Relative norm below which a column counts as a linear combination of the earlier ones, after
 * centring and scaling. Exact collinearity leaves about 1e-15; R's lm uses 1e-7 on the raw
 * design, which also drops legitimately estimable terms (NIST Filip); 1e-10 keeps them while
 * still catching collinearity up to rounding of typical data.
 */
const RANK_TOLERANCE = 1e-10;

/** `algorithm: 'auto'` uses the normal equations from this many rows of input on. */
export const CROSS_PRODUCT_MIN_ROWS = 10_000;

/** RSS is taken as TSS - MSS (no pass over the rows) only while it is at least this share of TSS (R^2 <= 0.99). */
const RSS_BY_DIFFERENCE_MIN_SHARE = 0.01;

/** Passes of refinement over the rows at most (one suffices on well-conditioned data). */
const MAX_REFINEMENT_PASSES = 3;

/** Largest condition number of the scaled design for which the normal equations are used (kappa^2 u < 1e-12). */
const CROSS_PRODUCT_MAX_CONDITION = 100;

/**
 * QR's solution is refined in double-double when the digits it may have lost exceed this factor
 * (about 5 of 16): kappa (1 + kappa tan(theta)) for the slopes (the least-squares error bound,
 * with tan(theta) = sqrt(RSS / MSS)), or (|mean y| + sum |b_j mean x_j|) / |intercept| for the
 * intercept's cancellation. Survey fits (kappa < 30, R^2 > 0.01) stay below it.
 */
const REFINEMENT_LOSS = 1e5;

/**
 * Least squares fit of y on X (rows of predictors, without the intercept column) with R's
 * inference: estimates, standard errors, t, two-sided p and confidence intervals; R-squared,
 * adjusted R-squared, F and its p, residual standard error, log-likelihood, AIC, BIC.
 *
 * Algorithm: rows with a missing value (NaN or null) in y, X or the weights are dropped (listwise)
 * and counted, as are rows with weight 0; the rows are read in place (only QR copies them, into
 * its design matrix). Rows are multiplied by sqrt(weight); with an intercept, columns and y are
 * centred at their (weighted) means; each column is scaled to unit length. Two solvers share
 * everything else:
 * - QR (`algorithm: 'qr'`, and below 10,000 rows): Householder QR with limited column pivoting
 *   (dqrdc2's rule, rank tolerance 1e-10 relative to each column's norm), back substitution and
 *   two steps of iterative refinement; when kappa (1 + kappa tan theta) or the intercept's
 *   cancellation exceeds 1e5, Bjorck's refinement of the augmented system with residuals in
 *   double-double (src/linalg/least-squares-refinement.ts) takes the solution to the exact
 *   least-squares answer for the numbers given. A column whose remaining norm falls below the tolerance is
 *   reported as aliased like R (`{ name, aliased: true }`, degrees of freedom adjusted, a warning
 *   naming it); a constant column with an intercept is aliased.
 * - Normal equations (`'cholesky'`, and from 10,000 rows): one blocked pass forms the centred,
 *   weighted cross-products of [X | y] (tiles in a WebAssembly SIMD kernel where available; with
 *   no weights and nothing to drop, the same pass checks the cells, so the rows are read once);
 *   their Cholesky factor is QR's R. Used only when the scaled
 *   design is full rank with condition number <= 100 (error bound kappa^2 u < 1e-12), otherwise
 *   QR runs instead. MSS is b'(A'A)b and RSS = TSS - MSS while R^2 <= 0.99 (at most two digits
 *   lost); above that, or when residuals are needed (robust covariances, `keepResiduals`), a
 *   pass over the rows computes them and doubles as a step of corrected semi-normal refinement.
 *   About n k^2 / 2 multiply-adds against QR's 2 n k^2, in one pass over the data instead of k.
 *
 * The intercept and its covariance are recovered from the centred fit. Robust covariances are
 * White's sandwich (X'WX)^-1 [sum w_i^2 e_i^2 omega_i x_i x_i'] (X'WX)^-1 with omega = 1 (HC0),
 * n / (n - k) (HC1), 1 / (1 - h_i) (HC2), 1 / (1 - h_i)^2 (HC3), as the sandwich package; their t
 * tests keep the residual degrees of freedom, as `lmtest::coeftest` does.
 *
 * Accuracy: coefficients, standard errors, residual SD and R-squared agree with NIST StRD certified
 * values to 12+ digits on all eleven linear datasets but Filip (Wampler3-5 coefficients to 15), and
 * on Filip the coefficients equal the exact least-squares answer for the design as held in
 * doubles (7.6-8 digits of NIST's, the most that design allows); every `lm`/`sandwich` reference
 * reproduces to 1e-9 relative with either solver (docs/methods.md has the LRE table).
 *
 * References: Golub & Van Loan (2013) 5.2-5.3; Dongarra et al., LINPACK Users' Guide (1979) ch. 9;
 * White (1980); MacKinnon & White (1985); Zeileis (2004), sandwich; R Core Team, `?lm`, `?logLik`.
 *
 * @example
 * ```ts
 * const fit = ols([[1], [2], [3], [4]], [2.1, 3.9, 6.2, 7.8], { names: ['x'] });
 * fit.coefficients[1]; // { name: 'x', estimate: 1.94, stdError: 0.0906, tValue: 21.42, pValue: 0.00217, ... }
 * fit.rSquared;        // 0.99566
 * ```
 * @throws InsufficientDataError when there are no more complete rows than parameters, or when the
 *   outcome is constant (with an intercept there is nothing to explain).
 * @throws InvalidArgumentError for ragged X, infinite values, negative weights, wrong name count,
 *   or a level outside (0, 1).
 */
export function ols(X: readonly (readonly (number | null)[])[], y: ArrayLike<number | null>, options: OlsOptions = {}): OlsResult {
  const { intercept, algorithm } = checkOlsOptions(options);
  // Large inputs with nothing to drop: the cross-products pass is also the check of the cells,
  // so the rows are read once; any missing or invalid cell sends them through modelData instead.
  const useCrossProducts = algorithm === 'cholesky' || (algorithm === 'auto' && X.length >= CROSS_PRODUCT_MIN_ROWS);
  const complete = useCrossProducts ? completeCaseData('ols', X, y, options) : null;
  const products = complete === null ? null : crossProducts(complete.rows, complete.y, null, complete.n, complete.p, intercept);
  const data = complete !== null && products !== null ? complete : modelData('ols', X, y, options);
  return olsOfModelData(data, products, useCrossProducts, options);
}

/** The options' defaults, checked. */
export function checkOlsOptions(options: OlsOptions): { intercept: boolean; covariance: CovarianceType; algorithm: 'auto' | 'qr' | 'cholesky'; level: number } {
  const intercept = options.intercept ?? true;
  const covariance = options.covariance ?? 'classical';
  const algorithm = options.algorithm ?? 'auto';
  if (!['auto', 'qr', 'cholesky'].includes(algorithm)) throw new InvalidArgumentError(`algorithm must be 'auto', 'qr' or 'cholesky', got ${JSON.stringify(algorithm)}.`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1 (e.g. 0.95), got ${level}.`);
  if (!['classical', 'HC0', 'HC1', 'HC2', 'HC3'].includes(covariance)) {
    throw new InvalidArgumentError(`covariance must be 'classical', 'HC0', 'HC1', 'HC2' or 'HC3', got ${JSON.stringify(covariance)}.`);
  }
  return { intercept, covariance, algorithm, level };
}

/**
 * {@link ols} on prepared complete cases, with their cross-products when the normal equations
 * may be used (`useCrossProducts`; computed here from `data.rows` when null). Internal: the
 * columnar entry (`olsOfColumns`) shares it. `data.rows` is read only by the paths that need the
 * rows (QR, refinement passes, residuals).
 */
export function olsOfModelData(data: ModelData, products: CrossProducts | null, useCrossProducts: boolean, options: OlsOptions): OlsResult {
  const { intercept, covariance, level } = checkOlsOptions(options);
  const { n, p, names } = data;
  const { missing, zeroWeight } = data.rowsDropped;
  const parameters = p + (intercept ? 1 : 0);
  if (n <= parameters) {
    const dropped = missing + zeroWeight;
    throw new InsufficientDataError(
      `ols requires at least ${parameters + 1} complete rows for ${p} predictor${p === 1 ? '' : 's'}${intercept ? ' and an intercept' : ''}, got ${n}` +
        (dropped > 0 ? ` (${missing} rows dropped for missing values${zeroWeight > 0 ? `, ${zeroWeight} for zero weight` : ''}).` : '.'),
    );
  }
  const w = data.w;
  const yv = data.y;
  let sumW = 0;
  for (let r = 0; r < n; r++) sumW += w[r] as number;
  if (intercept && yv.every((v) => v === yv[0])) {
    throw new InsufficientDataError(`ols: the outcome has no variation (every complete row has ${yv[0]}); there is nothing for the predictors to explain.`);
  }
  const weights = options.weights === undefined ? null : w;
  const keep = options.keepResiduals === true || covariance !== 'classical';
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

  // Unscaled covariance of the kept slopes: (A'A)^-1 = R^-1 R^-T in scaled coordinates.
  const rInv = invertUpper(fit.r, rank);
  const unscaled = new Float64Array(rank * rank);
  for (let i = 0; i < rank; i++) {
    for (let j = i; j < rank; j++) {
      let s = 0;
      for (let k = j; k < rank; k++) s += (rInv[i * rank + k] as number) * (rInv[j * rank + k] as number);
      unscaled[i * rank + j] = s;
      unscaled[j * rank + i] = s;
    }
  }
  // Full (X'WX)^-1 in original units over [intercept?, kept slopes...].
  const m = rank + (intercept ? 1 : 0);
  const off = intercept ? 1 : 0;
  const bread = new Float64Array(m * m);
  for (let i = 0; i < rank; i++) {
    for (let j = 0; j < rank; j++) {
      bread[(i + off) * m + j + off] = (unscaled[i * rank + j] as number) / ((scale[kept[i] as number] as number) * (scale[kept[j] as number] as number));
    }
  }
  if (intercept) {
    const keptMeans = kept.map((col) => means[col] as number);
    let v0 = 1 / sumW;
    for (let i = 0; i < rank; i++) {
      let c = 0;
      for (let j = 0; j < rank; j++) c += (bread[(i + 1) * m + j + 1] as number) * (keptMeans[j] as number);
      bread[(i + 1) * m] = -c;
      bread[i + 1] = -c;
      v0 += (keptMeans[i] as number) * c;
    }
    bread[0] = v0;
  }
  const vcov = covariance === 'classical' ? bread.map((v) => v * sigma2) : sandwich(bread, m, data.rows, kept, intercept, w, residuals as Float64Array, covariance, n);

  // Coefficient table.
  const tCritical = studentTQuantile((1 + level) / 2, dfResidual);
  const sdY = weightedSd(yv, w, sumW);
  const vifs = intercept ? kept.map((_, k) => unscaled[k * rank + k] as number) : null;
  const table: (OlsCoefficient | AliasedCoefficient)[] = [];
  const coefficient = (name: string, estimate: number, index: number, standardized: number | null, vif: number | null): OlsCoefficient => {
    const stdError = Math.sqrt(vcov[index * m + index] as number);
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
      vif,
    };
  };
  if (intercept) table.push(coefficient('(Intercept)', interceptEstimate, 0, null, null));
  const position = new Map(kept.map((col, k) => [col, k]));
  for (let j = 0; j < p; j++) {
    const k = position.get(j);
    if (k === undefined) {
      table.push({ name: names[j] as string, aliased: true });
      continue;
    }
    // The column's weighted sum of squares about its centre is scale^2 (centred with an intercept).
    const sdX = intercept
      ? (scale[j] as number) / Math.sqrt(sumW)
      : weightedSd(
          Float64Array.from(data.rows, (row) => row[j] as number),
          w,
          sumW,
        );
    table.push(coefficient(names[j] as string, slope[j] as number, k + off, sdY > 0 ? ((slope[j] as number) * sdX) / sdY : null, vifs === null ? null : (vifs[k] as number)));
  }

  // Likelihood (R's logLik.lm with weights) and information criteria.
  let sumLogW = 0;
  // Unit weights add log(1) = 0 exactly: no pass needed.
  if (weights !== null) for (let r = 0; r < n; r++) sumLogW += Math.log(w[r] as number);
  const logLik = exactFit ? null : 0.5 * (sumLogW - n * (Math.log(2 * Math.PI) + 1 - Math.log(n) + Math.log(rss)));
  const parametersWithSigma = m + 1;

  const warnings = collectWarnings(names, table, kept, p, n, m, missing, zeroWeight, exactFit);
  const conditionNumber = fit.conditionNumber;
  if (conditionNumber >= 30) {
    warnings.push({
      code: 'near_collinearity',
      message: `The scaled design's condition number is ${conditionNumber.toPrecision(3)} (>= 30 signals collinearity, Belsley 1991); estimates may be unstable.`,
    });
  }

  return {
    method: 'ols',
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
    conditionNumber,
    warnings,
    ...(options.keepResiduals === true && residuals !== null && fitted !== null && { residuals: Array.from(residuals), fitted: Array.from(fitted) }),
  };
}

function weightedSd(values: Float64Array, w: Float64Array, sumW: number): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += (w[i] as number) * (values[i] as number);
  mean /= sumW;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (w[i] as number) * ((values[i] as number) - mean) ** 2;
  return Math.sqrt(ss / sumW);
}

/** White's sandwich over the full design [intercept?, kept columns] in original units. */
function sandwich(
  bread: Float64Array,
  m: number,
  rows: readonly (readonly number[])[],
  kept: number[],
  intercept: boolean,
  w: Float64Array,
  residuals: Float64Array,
  type: Exclude<CovarianceType, 'classical'>,
  n: number,
): Float64Array {
  const meat = new Float64Array(m * m);
  const z = new Float64Array(m);
  const bz = new Float64Array(m);
  for (let r = 0; r < n; r++) {
    let k = 0;
    if (intercept) z[k++] = 1;
    const row = rows[r] as readonly number[];
    for (const col of kept) z[k++] = row[col] as number;
    const wr = w[r] as number;
    let omega = 1;
    if (type === 'HC2' || type === 'HC3') {
      let h = 0;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += (bread[i * m + j] as number) * (z[j] as number);
        bz[i] = s;
        h += (z[i] as number) * s;
      }
      h *= wr;
      omega = type === 'HC2' ? 1 / (1 - h) : 1 / (1 - h) ** 2;
    }
    const u = wr * wr * (residuals[r] as number) ** 2 * omega;
    for (let i = 0; i < m; i++) for (let j = i; j < m; j++) meat[i * m + j] = (meat[i * m + j] as number) + u * (z[i] as number) * (z[j] as number);
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) meat[i * m + j] = meat[j * m + i] as number;
  const factor = type === 'HC1' ? n / (n - m) : 1;
  const tmp = multiply(bread, meat, m);
  return multiply(tmp, bread, m).map((v) => v * factor);
}

function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k] as number;
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] = (out[i * m + j] as number) + aik * (b[k * m + j] as number);
    }
  }
  return out;
}

/** One factorisation of the centred, scaled design, in the coordinates the rest of `ols` shares. */
interface Factorization {
  readonly algorithm: 'qr' | 'cholesky';
  /** The centres of the p columns and y: weighted means with an intercept, zeros without. */
  readonly centre: Float64Array;
  /** Original indices of the estimable columns, in the order of `r`. */
  readonly kept: number[];
  /** Column norms after centring and weighting (the scaling that gives unit-length columns). */
  readonly scale: Float64Array;
  /** rank x rank upper-triangular R (row-major) with A_kept = Q R for the scaled columns. */
  readonly r: Float64Array;
  readonly conditionNumber: number;
  /** Slopes in original units (NaN where aliased) and the intercept (0 without one). */
  readonly slope: Float64Array;
  readonly interceptEstimate: number;
  /** Sums of squares at those coefficients; fitted values and residuals if asked for. */
  readonly rss: number;
  readonly mss: number;
  readonly fitted: Float64Array | null;
  readonly residuals: Float64Array | null;
}

/**
 * Householder QR of the centred, weighted, scaled design with dqrdc2's rank rule, then two steps
 * of iterative refinement. Handles every case, including aliased columns and ill-conditioning.
 */
function qrFit(data: ModelData, weights: Float64Array | null, intercept: boolean, keep: boolean): Factorization {
  const { n, p, rows, y, w } = data;
  const centre = intercept ? weightedMeans(data) : new Float64Array(p + 1);
  const sw = weights === null ? null : weights.map(Math.sqrt);
  const a = new Float64Array(n * p);
  for (let r = 0; r < n; r++) {
    const row = rows[r] as readonly number[];
    const f = sw === null ? 1 : (sw[r] as number);
    for (let j = 0; j < p; j++) a[j * n + r] = ((row[j] as number) - (centre[j] as number)) * f;
  }
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sq = 0;
    for (let r = 0; r < n; r++) sq += (a[j * n + r] as number) ** 2;
    const norm = Math.sqrt(sq);
    scale[j] = norm;
    if (norm > 0) for (let r = 0; r < n; r++) a[j * n + r] = (a[j * n + r] as number) / norm;
  }
  const design = a.slice();
  const yCentre = centre[p] as number;
  const b = Float64Array.from(y, (v, r) => (sw === null ? 1 : (sw[r] as number)) * (v - yCentre));
  const qr = householderQr(a, n, p, RANK_TOLERANCE);
  const rank = qr.rank;
  const kept = Array.from(qr.pivot.subarray(0, rank));
  // Solve, then refine: beta += R^-1 Q' (b - A beta).
  const qtb = b.slice();
  applyQTranspose(qr, qtb);
  const betaScaled = solveR(qr, qtb);
  for (let step = 0; step < 2; step++) {
    const residual = b.slice();
    kept.forEach((col, k) => {
      const beta = betaScaled[k] as number;
      for (let r = 0; r < n; r++) residual[r] = (residual[r] as number) - beta * (design[col * n + r] as number);
    });
    applyQTranspose(qr, residual);
    const correction = solveR(qr, residual);
    for (let k = 0; k < rank; k++) betaScaled[k] = (betaScaled[k] as number) + (correction[k] as number);
  }
  const r = new Float64Array(rank * rank);
  for (let i = 0; i < rank; i++) for (let j = i; j < rank; j++) r[i * rank + j] = rEntry(qr, i, j);
  const coefficients = unscale(betaScaled, kept, scale, centre, intercept);
  const sums = residualPass(data, coefficients.slope, centre, intercept, keep, null);
  const kappa = conditionNumber(r, rank);
  if (rank > 0 && digitsAtRisk(kappa, sums, coefficients, centre, kept, intercept) > REFINEMENT_LOSS) {
    const refined = refineLeastSquares({ rows: data.rows, y, weights, n, p, intercept, kept, scale, qr, slope: coefficients.slope }, keep);
    if (refined !== null) {
      const { slope, interceptEstimate, rss, mss, fitted, residuals } = refined;
      return { algorithm: 'qr', centre: refined.centre, kept, scale, r, conditionNumber: kappa, slope, interceptEstimate, rss, mss, fitted, residuals };
    }
  }
  return { algorithm: 'qr', centre, kept, scale, r, conditionNumber: kappa, ...coefficients, ...sums };
}

/**
 * The factor by which rounding may have been amplified in QR's solution: the least-squares bound
 * kappa (1 + kappa tan(theta)) for the slopes, and the cancellation in the intercept
 * mean(y) - sum b_j mean(x_j); the larger of the two.
 */
function digitsAtRisk(kappa: number, sums: ResidualSums, coefficients: { slope: Float64Array; interceptEstimate: number }, centre: Float64Array, kept: readonly number[], intercept: boolean): number {
  const tanTheta = sums.mss > 0 ? Math.sqrt(sums.rss / sums.mss) : Infinity;
  const slopes = kappa * (1 + kappa * tanTheta);
  if (!intercept) return slopes;
  let terms = Math.abs(centre[centre.length - 1] as number);
  for (const col of kept) terms += Math.abs((coefficients.slope[col] as number) * (centre[col] as number));
  return Math.max(slopes, terms / Math.abs(coefficients.interceptEstimate));
}

/**
 * Normal equations for large n: one blocked pass forms the centred, weighted cross-products of
 * [X | y]; scaled to unit diagonal they are A'A and A'b of the design QR would decompose, and
 * their Cholesky factor is QR's R (up to signs). Then corrected semi-normal equations: a
 * refinement pass beta += (R'R)^-1 A'(b - A beta) over the data. Returns null, so that QR is
 * used instead, unless the scaled design is clearly full rank and well conditioned (condition
 * number <= {@link CROSS_PRODUCT_MAX_CONDITION}, where the normal equations' error bound
 * kappa^2 u is below 1e-12), so aliasing and ill-conditioning are always QR's business.
 */
function crossProductFit(data: ModelData, products: CrossProducts, intercept: boolean, keep: boolean): Factorization | null {
  const { p } = data;
  const { comoments: g, means: centre } = products;
  const q = p + 1;
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) scale[j] = Math.sqrt(g[j * q + j] as number);
  if (!scale.every((s) => s > 0 && Number.isFinite(s))) return null;
  const c = new Float64Array(p * p);
  const cy = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) c[i * p + j] = (g[i * q + j] as number) / ((scale[i] as number) * (scale[j] as number));
    cy[i] = (g[i * q + p] as number) / (scale[i] as number);
  }
  const l = cholesky(c, p);
  if (l === null) return null;
  const r = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) r[i * p + j] = l[j * p + i] as number;
  const kappa = conditionNumber(r, p);
  if (!(kappa <= CROSS_PRODUCT_MAX_CONDITION)) return null;
  const kept = Array.from({ length: p }, (_, j) => j);
  const betaScaled = choleskySolve(l, p, cy);
  // MSS = |A beta|^2 = beta' (A'A) beta in the scaled coordinates (centred with an intercept).
  const modelSumOfSquares = (): number => {
    let mss = 0;
    for (let i = 0; i < p; i++) {
      let row = 0;
      for (let j = 0; j < p; j++) row += (c[i * p + j] as number) * (betaScaled[j] as number);
      mss += (betaScaled[i] as number) * row;
    }
    return mss;
  };
  if (!keep) {
    // Without a pass over the rows: RSS = TSS - MSS, which loses log10(TSS / RSS) digits, at most
    // two while R^2 <= 0.99. The coefficients are then the cross-products' solution, whose error
    // (the rounding of the blocked sums times kappa^2) was 1.4e-14 on a million ratings.
    const mss = modelSumOfSquares();
    const tss = g[p * q + p] as number;
    const rss = tss - mss;
    if (rss >= RSS_BY_DIFFERENCE_MIN_SHARE * tss) {
      return { algorithm: 'cholesky', centre, kept, scale, r, conditionNumber: kappa, ...unscale(betaScaled, kept, scale, centre, intercept), rss, mss, fitted: null, residuals: null };
    }
  }
  // Refinement: each pass over the rows gives the residuals at the current coefficients and the
  // gradient A'e; the correction (R'R)^-1 A'e is always applied. Its size is the error it removed:
  // once below 1e-8 relative, the next one would be below kappa^2 u times that, so stop.
  const gradient = new Float64Array(p);
  let rss = 0;
  for (let step = 0; step < MAX_REFINEMENT_PASSES; step++) {
    const sums = residualPass(data, unscale(betaScaled, kept, scale, centre, intercept).slope, centre, intercept, false, gradient);
    for (let j = 0; j < p; j++) gradient[j] = (gradient[j] as number) / (scale[j] as number);
    const correction = choleskySolve(l, p, gradient);
    let size = 0;
    let norm = 0;
    // RSS at the corrected coefficients, exactly: |e - A d|^2 = |e|^2 - 2 d'A'e + d'A'A d = |e|^2 - d'A'e.
    rss = sums.rss;
    for (let j = 0; j < p; j++) {
      betaScaled[j] = (betaScaled[j] as number) + (correction[j] as number);
      rss -= (correction[j] as number) * (gradient[j] as number);
      size = Math.max(size, Math.abs(correction[j] as number));
      norm = Math.max(norm, Math.abs(betaScaled[j] as number));
    }
    if (size <= 1e-8 * norm) break;
  }
  const coefficients = unscale(betaScaled, kept, scale, centre, intercept);
  if (keep) {
    const sums = residualPass(data, coefficients.slope, centre, intercept, true, null);
    return { algorithm: 'cholesky', centre, kept, scale, r, conditionNumber: kappa, ...coefficients, ...sums };
  }
  return { algorithm: 'cholesky', centre, kept, scale, r, conditionNumber: kappa, ...coefficients, rss, mss: modelSumOfSquares(), fitted: null, residuals: null };
}

/**
 * The intercept and slopes `ols` (with an intercept, classical covariance) gives from these
 * centred cross-products by the normal equations, without its inference; null where `ols` would
 * not use them (a constant outcome, rank deficiency or ill-conditioning: QR's business), so the
 * caller runs `ols` itself. `data` is read only by refinement passes. Internal (cross-validation).
 */
export function olsCoefficientsOfCrossProducts(data: ModelData, products: CrossProducts): Float64Array | null {
  const q = data.p + 1;
  if (!((products.comoments[q * q - 1] as number) > 0)) return null;
  const fit = crossProductFit(data, products, true, false);
  if (fit === null) return null;
  const out = new Float64Array(q);
  out[0] = fit.interceptEstimate;
  out.set(fit.slope, 1);
  return out;
}

/** Weighted means of the p columns and y over the rows (sums by blocks of 1024 rows, then over blocks). */
function weightedMeans(data: ModelData): Float64Array {
  const { n, p, rows, y, w } = data;
  const sums = new Float64Array(p + 1);
  const partial = new Float64Array(p + 1);
  let weight = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r] as readonly number[];
    const wr = w[r] as number;
    weight += wr;
    for (let j = 0; j < p; j++) partial[j] = (partial[j] as number) + wr * (row[j] as number);
    partial[p] = (partial[p] as number) + wr * (y[r] as number);
    if ((r & 1023) === 1023 || r === n - 1) {
      for (let j = 0; j <= p; j++) sums[j] = (sums[j] as number) + (partial[j] as number);
      partial.fill(0);
    }
  }
  return sums.map((s) => s / weight);
}

/** Slopes in original units (NaN for aliased columns) and the intercept, from the coefficients of the scaled columns. */
function unscale(betaScaled: Float64Array, kept: readonly number[], scale: Float64Array, centre: Float64Array, intercept: boolean): { slope: Float64Array; interceptEstimate: number } {
  const p = scale.length;
  const slope = new Float64Array(p).fill(Number.NaN);
  kept.forEach((col, k) => (slope[col] = (betaScaled[k] as number) / (scale[col] as number)));
  let interceptEstimate = intercept ? (centre[p] as number) : 0;
  if (intercept) kept.forEach((col) => (interceptEstimate -= (slope[col] as number) * (centre[col] as number)));
  return { slope, interceptEstimate };
}

/** Sums of squares from {@link residualPass}; fitted values and residuals when they were asked for. */
interface ResidualSums {
  /** Weighted residual sum of squares. */
  readonly rss: number;
  /** Weighted model sum of squares: about the weighted mean of the fitted values with an intercept, about zero without. */
  readonly mss: number;
  readonly fitted: Float64Array | null;
  readonly residuals: Float64Array | null;
}

/**
 * One pass over the rows at the given coefficients, in centred form (fitted = centre_y +
 * sum_j b_j (x_j - centre_j), which is the intercept form rearranged without its cancellation):
 * RSS and MSS, the fitted values and residuals when `keep` (complete-case order), and, with
 * `gradient`, the centred normal-equations residual sum_r w_r (x_r - centre) e_r for refinement.
 */
function residualPass(data: ModelData, slope: Float64Array, centre: Float64Array, intercept: boolean, keep: boolean, gradient: Float64Array | null): ResidualSums {
  const { n, p, rows, y, w } = data;
  // Aliased slopes (NaN) contribute nothing.
  const b = slope.map((v) => (Number.isNaN(v) ? 0 : v));
  const c = centre.subarray(0, p);
  const yCentre = centre[p] as number;
  const d = new Float64Array(p);
  const fitted = keep ? new Float64Array(n) : null;
  const residuals = keep ? new Float64Array(n) : null;
  gradient?.fill(0);
  let rss = 0;
  let sumFc = 0;
  let sumFc2 = 0;
  let weight = 0;
  for (let r = 0; r < n; r++) {
    const row = rows[r] as readonly number[];
    let fc = 0;
    for (let j = 0; j < p; j++) {
      const dj = (row[j] as number) - (c[j] as number);
      d[j] = dj;
      fc += (b[j] as number) * dj;
    }
    const e = (y[r] as number) - yCentre - fc;
    const wr = w[r] as number;
    const we = wr * e;
    rss += we * e;
    sumFc += wr * fc;
    sumFc2 += wr * fc * fc;
    weight += wr;
    if (fitted !== null && residuals !== null) {
      fitted[r] = yCentre + fc;
      residuals[r] = e;
    }
    if (gradient !== null) for (let j = 0; j < p; j++) gradient[j] = (gradient[j] as number) + we * (d[j] as number);
  }
  // With an intercept the centred fitted values average zero up to rounding, so this has no cancellation.
  const mss = intercept ? sumFc2 - (sumFc * sumFc) / weight : sumFc2;
  return { rss, mss, fitted, residuals };
}

/**
 * Condition number of the kept predictors, each scaled to unit length (Belsley, Kuh & Welsch),
 * centred at their (weighted) means when the model has an intercept: uncentred, a rating scale
 * whose mean is far from zero always looks collinear with the intercept, which is not what a
 * user needs warning about. Without an intercept, the raw columns. That is exactly the matrix
 * that was factorised, and its singular values are those of R (k x k, row-major upper
 * triangular), so the cost does not grow with n.
 */
function conditionNumber(r: Float64Array, k: number): number {
  if (k === 0) return 1;
  // singularValues takes column-major storage: R' row-major is R column-major; same singular values.
  const values = singularValues(r, k, k);
  const max = Math.max(...values);
  const min = Math.min(...values);
  return min > 0 ? max / min : Infinity;
}

function collectWarnings(
  names: readonly string[],
  table: readonly (OlsCoefficient | AliasedCoefficient)[],
  kept: number[],
  p: number,
  n: number,
  parameters: number,
  missing: number,
  zeroWeight: number,
  exactFit: boolean,
): Warning[] {
  const warnings: Warning[] = [];
  const keptSet = new Set(kept);
  const aliased = names.filter((_, j) => !keptSet.has(j));
  if (aliased.length > 0) {
    warnings.push({
      code: 'aliased',
      message: `${aliased.map((a) => `"${a}"`).join(', ')} ${aliased.length === 1 ? 'is a linear combination' : 'are linear combinations'} of earlier predictors (or constant) and could not be estimated; ${aliased.length === 1 ? 'it is' : 'they are'} reported as aliased, as R does.`,
    });
  }
  const highVif = table.filter((c): c is OlsCoefficient => 'vif' in c && c.vif !== null && c.vif >= 10);
  if (highVif.length > 0) {
    warnings.push({
      code: 'near_collinearity',
      message: `High variance inflation (VIF >= 10): ${highVif.map((c) => `${c.name} ${(c.vif as number).toFixed(1)}`).join(', ')}; their coefficients are imprecise.`,
    });
  }
  if (missing > 0)
    warnings.push({ code: 'rows_dropped_missing', message: `${missing} row${missing === 1 ? '' : 's'} with a missing value ${missing === 1 ? 'was' : 'were'} left out (listwise deletion).` });
  if (zeroWeight > 0) warnings.push({ code: 'rows_dropped_zero_weight', message: `${zeroWeight} row${zeroWeight === 1 ? '' : 's'} with weight 0 ${zeroWeight === 1 ? 'was' : 'were'} left out.` });
  if (p > 0 && n < 10 * parameters) {
    warnings.push({ code: 'small_sample', message: `${n} rows for ${parameters} parameters (fewer than 10 per parameter): estimates and p-values are imprecise.` });
  }
  if (exactFit) warnings.push({ code: 'exact_fit', message: 'The model fits the data exactly (zero residuals); standard errors are 0 and t tests are undefined.' });
  return warnings;
}
