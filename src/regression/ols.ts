/**
 * ols: ordinary and weighted least squares with full inference, robust (sandwich) standard
 * errors and rank detection.
 */
import { fUpperTail, studentTQuantile, studentTUpperTail } from '../distributions/index.js';
import { InsufficientDataError, InvalidArgumentError } from '../errors.js';
import { applyQTranspose, householderQr, invertR, rEntry, solveR, type QrDecomposition } from '../linalg/qr.js';
import { singularValues } from '../linalg/singular-values.js';
import type { Warning } from '../survey/survey.js';
import { modelData } from './glm-data.js';

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

/**
 * Least squares fit of y on X (rows of predictors, without the intercept column) with R's
 * inference: estimates, standard errors, t, two-sided p and confidence intervals; R-squared,
 * adjusted R-squared, F and its p, residual standard error, log-likelihood, AIC, BIC.
 *
 * Algorithm: rows with a missing value (NaN or null) in y, X or the weights are dropped (listwise)
 * and counted, as are rows with weight 0. Rows are multiplied by sqrt(weight); with an intercept,
 * columns and y are centred at their (weighted) means; each column is scaled to unit length. The
 * result is decomposed by Householder QR with limited column pivoting (dqrdc2's rule, rank
 * tolerance 1e-10 relative to each column's norm), solved by back substitution and improved by
 * two steps of iterative refinement. A column whose remaining norm falls below the tolerance is
 * reported as aliased like R (`{ name, aliased: true }`, degrees of freedom adjusted, a warning
 * naming it); a constant column with an intercept is aliased. The intercept and its covariance are
 * recovered from the centred fit. Robust covariances are White's sandwich
 * (X'WX)^-1 [sum w_i^2 e_i^2 omega_i x_i x_i'] (X'WX)^-1 with omega = 1 (HC0), n / (n - k) (HC1),
 * 1 / (1 - h_i) (HC2), 1 / (1 - h_i)^2 (HC3), as the sandwich package; their t tests keep the
 * residual degrees of freedom, as `lmtest::coeftest` does.
 *
 * Accuracy: coefficients, standard errors, residual SD and R-squared agree with NIST StRD certified
 * values to 9+ digits on Norris, Pontius, NoInt1, Longley and Wampler1 and 7+ on Filip; every
 * `lm`/`sandwich` reference reproduces to 1e-9 relative (docs/methods.md has the LRE table).
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
  const intercept = options.intercept ?? true;
  const covariance = options.covariance ?? 'classical';
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InvalidArgumentError(`level must be between 0 and 1 (e.g. 0.95), got ${level}.`);
  if (!['classical', 'HC0', 'HC1', 'HC2', 'HC3'].includes(covariance)) {
    throw new InvalidArgumentError(`covariance must be 'classical', 'HC0', 'HC1', 'HC2' or 'HC3', got ${JSON.stringify(covariance)}.`);
  }
  const data = modelData('ols', X, y, options);
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
  // Column-major copy of the complete rows: every later pass is sequential.
  const xc = new Float64Array(n * p);
  for (let r = 0; r < n; r++) for (let j = 0; j < p; j++) xc[j * n + r] = data.x[r * p + j] as number;
  const sw = w.map(Math.sqrt);
  const means = new Float64Array(p);
  let yMean = 0;
  if (intercept) {
    for (let r = 0; r < n; r++) yMean += (w[r] as number) * (yv[r] as number);
    yMean /= sumW;
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let r = 0; r < n; r++) s += (w[r] as number) * (xc[j * n + r] as number);
      means[j] = s / sumW;
    }
  }
  const a = new Float64Array(n * p);
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sq = 0;
    for (let r = 0; r < n; r++) {
      const v = (sw[r] as number) * ((xc[j * n + r] as number) - (means[j] as number));
      a[j * n + r] = v;
      sq += v * v;
    }
    scale[j] = Math.sqrt(sq);
    if ((scale[j] as number) > 0) for (let r = 0; r < n; r++) a[j * n + r] = (a[j * n + r] as number) / (scale[j] as number);
  }
  const design = a.slice();
  const b = Float64Array.from(yv, (v, r) => (sw[r] as number) * (v - yMean));

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
  const slope = new Float64Array(p).fill(Number.NaN);
  kept.forEach((col, k) => (slope[col] = (betaScaled[k] as number) / (scale[col] as number)));
  let interceptEstimate = yMean;
  if (intercept) kept.forEach((col) => (interceptEstimate -= (slope[col] as number) * (means[col] as number)));

  // Residuals, fitted values and sums of squares (weighted).
  const residuals = new Float64Array(n);
  const fitted = new Float64Array(n);
  let rss = 0;
  const fittedPart = new Float64Array(n).fill(intercept ? interceptEstimate : 0);
  for (const col of kept) {
    const b = slope[col] as number;
    for (let r = 0; r < n; r++) fittedPart[r] = (fittedPart[r] as number) + b * (xc[col * n + r] as number);
  }
  for (let r = 0; r < n; r++) {
    const f = fittedPart[r] as number;
    fitted[r] = f;
    residuals[r] = (yv[r] as number) - f;
    rss += (w[r] as number) * (residuals[r] as number) ** 2;
  }
  let mss = 0;
  if (intercept) {
    let fMean = 0;
    for (let r = 0; r < n; r++) fMean += (w[r] as number) * (fitted[r] as number);
    fMean /= sumW;
    for (let r = 0; r < n; r++) mss += (w[r] as number) * ((fitted[r] as number) - fMean) ** 2;
  } else {
    for (let r = 0; r < n; r++) mss += (w[r] as number) * (fitted[r] as number) ** 2;
  }
  const dfResidual = n - rank - (intercept ? 1 : 0);
  const dfModel = rank;
  const sigma2 = rss / dfResidual;
  const exactFit = rss <= 1e-30 * Math.max(mss, 1e-300) || rss === 0;
  const rSquared = mss / (mss + rss);
  const adjustedRSquared = 1 - (1 - rSquared) * ((n - (intercept ? 1 : 0)) / dfResidual);
  const fStatistic = exactFit || dfModel === 0 ? null : mss / dfModel / sigma2;

  // Unscaled covariance of the kept slopes: (A'A)^-1 = R^-1 R^-T in scaled coordinates.
  const rInv = invertR(qr);
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
  const vcov = covariance === 'classical' ? bread.map((v) => v * sigma2) : sandwich(bread, m, xc, kept, intercept, w, residuals, covariance, n);

  // Coefficient table.
  const tCritical = studentTQuantile((1 + level) / 2, dfResidual);
  const sdY = weightedSd(yv, w, sumW);
  const vifs = intercept ? kept.map((_, k) => (unscaled[k * rank + k] as number)) : null;
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
    const sdX = weightedSd(xc.subarray(j * n, (j + 1) * n), w, sumW);
    table.push(coefficient(names[j] as string, slope[j] as number, k + off, sdY > 0 ? ((slope[j] as number) * sdX) / sdY : null, vifs === null ? null : (vifs[k] as number)));
  }

  // Likelihood (R's logLik.lm with weights) and information criteria.
  let sumLogW = 0;
  for (let r = 0; r < n; r++) sumLogW += Math.log(w[r] as number);
  const logLik = exactFit ? null : 0.5 * (sumLogW - n * (Math.log(2 * Math.PI) + 1 - Math.log(n) + Math.log(rss)));
  const parametersWithSigma = m + 1;

  const warnings = collectWarnings(names, table, kept, p, n, m, missing, zeroWeight, exactFit);
  const conditionNumber = designConditionNumber(qr);
  if (conditionNumber >= 30) {
    warnings.push({ code: 'near_collinearity', message: `The scaled design's condition number is ${conditionNumber.toPrecision(3)} (>= 30 signals collinearity, Belsley 1991); estimates may be unstable.` });
  }

  return {
    method: 'ols',
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
    ...(options.keepResiduals === true && { residuals: Array.from(residuals), fitted: Array.from(fitted) }),
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
  xc: Float64Array,
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
    for (const col of kept) z[k++] = xc[col * n + r] as number;
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

/** Condition number of [intercept?, kept columns] (weighted), each column scaled to unit length. */
/**
 * Condition number of the kept predictors, each scaled to unit length (Belsley, Kuh & Welsch),
 * centred at their (weighted) means when the model has an intercept: uncentred, a rating scale
 * whose mean is far from zero always looks collinear with the intercept, which is not what a
 * user needs warning about. Without an intercept, the raw columns. That is exactly the matrix the
 * QR decomposed, and its singular values are those of R (rank x rank), so the cost does not grow
 * with n.
 */
function designConditionNumber(qr: QrDecomposition): number {
  const k = qr.rank;
  if (k === 0) return 1;
  const r = new Float64Array(k * k);
  for (let j = 0; j < k; j++) for (let i = 0; i <= j; i++) r[j * k + i] = rEntry(qr, i, j);
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
    warnings.push({ code: 'near_collinearity', message: `High variance inflation (VIF >= 10): ${highVif.map((c) => `${c.name} ${(c.vif as number).toFixed(1)}`).join(', ')}; their coefficients are imprecise.` });
  }
  if (missing > 0) warnings.push({ code: 'rows_dropped_missing', message: `${missing} row${missing === 1 ? '' : 's'} with a missing value ${missing === 1 ? 'was' : 'were'} left out (listwise deletion).` });
  if (zeroWeight > 0) warnings.push({ code: 'rows_dropped_zero_weight', message: `${zeroWeight} row${zeroWeight === 1 ? '' : 's'} with weight 0 ${zeroWeight === 1 ? 'was' : 'were'} left out.` });
  if (p > 0 && n < 10 * parameters) {
    warnings.push({ code: 'small_sample', message: `${n} rows for ${parameters} parameters (fewer than 10 per parameter): estimates and p-values are imprecise.` });
  }
  if (exactFit) warnings.push({ code: 'exact_fit', message: 'The model fits the data exactly (zero residuals); standard errors are 0 and t tests are undefined.' });
  return warnings;
}
