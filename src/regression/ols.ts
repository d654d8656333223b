/**
 * ols: ordinary and weighted least squares with full inference, robust (sandwich) standard
 * errors and rank detection. The entry point and the result types; the solvers live beside it:
 * ols-qr.ts (Householder QR, any design), ols-normal-equations.ts (Cholesky of the co-moments,
 * the fast path for large n and the fit from mergeable summaries), ols-sandwich.ts (HC0-HC3) and
 * ols-inference.ts (from a fit to R's summary.lm, shared by every path).
 */
import { InvalidArgumentError, type Warning } from '../errors.js';
import { type CrossProducts, crossProducts } from '../linalg/cross-product.js';
import { weightedStandardDeviation } from '../stats/moments.js';
import { completeCaseData, type ModelData, modelData } from './glm-data.js';
import { checkEnoughRows, constantOutcomeError, olsResultOfFit } from './ols-inference.js';
import { crossProductFit } from './ols-normal-equations.js';
import { qrFit } from './ols-qr.js';
import { sandwich } from './ols-sandwich.js';

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

/** `algorithm: 'auto'` uses the normal equations from this many rows of input on. */
export const CROSS_PRODUCT_MIN_ROWS = 10_000;

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
  const { n, p, names, w, y } = data;
  checkEnoughRows(n, p, intercept, data.rowsDropped);
  let sumW = 0;
  for (let r = 0; r < n; r++) sumW += w[r] as number;
  if (intercept && y.every((v) => v === y[0])) throw constantOutcomeError(y[0] as number);
  const weights = options.weights === undefined ? null : w;
  const keep = options.keepResiduals === true || covariance !== 'classical';
  if (useCrossProducts && products === null) products = crossProducts(data.rows, y, weights, n, p, intercept);
  const fit = (products === null ? null : crossProductFit(data, products, intercept, keep)) ?? qrFit(data, weights, intercept, keep);
  let sumLogW = 0;
  // Unit weights add log(1) = 0 exactly: no pass needed.
  if (weights !== null) for (let r = 0; r < n; r++) sumLogW += Math.log(w[r] as number);
  return olsResultOfFit(fit, {
    names,
    n,
    intercept,
    sumW,
    sumLogW,
    rowsDropped: data.rowsDropped,
    covariance,
    level,
    sdY: weightedStandardDeviation(y, w),
    columnSd: (j) =>
      weightedStandardDeviation(
        Float64Array.from(data.rows, (row) => row[j] as number),
        w,
      ),
    robust: covariance === 'classical' ? null : (bread, m, kept, residuals) => sandwich(bread, m, data.rows, kept, intercept, w, residuals, covariance, n),
    keepResiduals: options.keepResiduals === true,
  });
}
