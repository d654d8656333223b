/**
 * R's `summary.lm` from a least-squares factorisation, whichever solver produced it (QR, the
 * normal equations from rows, or co-moments alone): covariance of the coefficients, the
 * coefficient table, R-squared, F, likelihood and information criteria, and the warnings.
 * Internal: `ols` and `SurveyAccumulator.ols` both end here, so both return an `OlsResult`.
 */
import { fUpperTail, studentTQuantile, studentTUpperTail } from '../distributions/index.js';
import { InsufficientDataError, type Warning } from '../errors.js';
import { invertUpper } from '../linalg/qr.js';
import type { AliasedCoefficient, CovarianceType, OlsCoefficient, OlsResult } from './ols.js';
import type { Factorization } from './ols-fit.js';

/** What the summary needs to know about the data behind a fit, besides the fit itself. */
export interface FitDesign {
  readonly names: readonly string[];
  /** Complete cases used. */
  readonly n: number;
  readonly intercept: boolean;
  /** Total weight of the complete cases (n without weights). */
  readonly sumW: number;
  /** Sum of log weights (0 without weights), for the likelihood of a weighted fit. */
  readonly sumLogW: number;
  readonly rowsDropped: { readonly missing: number; readonly zeroWeight: number };
  readonly covariance: CovarianceType;
  readonly level: number;
  /** Weighted (population) standard deviation of y, for the standardized coefficients. */
  readonly sdY: number;
  /** Weighted (population) standard deviation of predictor j; asked for only without an intercept. */
  readonly columnSd: (j: number) => number;
  /** The robust covariance from the bread (X'WX)^-1 over [intercept?, kept], for covariance other than 'classical'. */
  readonly robust: ((bread: Float64Array, m: number, kept: number[], residuals: Float64Array) => Float64Array) | null;
  readonly keepResiduals: boolean;
}

/**
 * @throws InsufficientDataError when there are no more complete rows than parameters.
 */
export function checkEnoughRows(n: number, p: number, intercept: boolean, rowsDropped: FitDesign['rowsDropped']): void {
  const parameters = p + (intercept ? 1 : 0);
  if (n > parameters) return;
  const { missing, zeroWeight } = rowsDropped;
  const dropped = missing + zeroWeight;
  throw new InsufficientDataError(
    `ols requires at least ${parameters + 1} complete rows for ${p} predictor${p === 1 ? '' : 's'}${intercept ? ' and an intercept' : ''}, got ${n}` +
      (dropped > 0 ? ` (${missing} rows dropped for missing values${zeroWeight > 0 ? `, ${zeroWeight} for zero weight` : ''}).` : '.'),
  );
}

/** The message for an outcome with no variation (with an intercept there is nothing to explain). */
export function constantOutcomeError(value: number): InsufficientDataError {
  return new InsufficientDataError(`ols: the outcome has no variation (every complete row has ${value}); there is nothing for the predictors to explain.`);
}

/**
 * The `OlsResult` of a fit: classical covariance sigma^2 (X'WX)^-1 or the design's robust one,
 * t tests on the residual degrees of freedom, R-squared, F, R's `logLik.lm` (with weights), AIC
 * and BIC, and the warnings (aliased terms, VIF >= 10, condition number >= 30, rows left out,
 * fewer than 10 rows per parameter, an exact fit).
 */
export function olsResultOfFit(fit: Factorization, design: FitDesign): OlsResult {
  const { n, intercept, covariance, level, rowsDropped } = design;
  const { kept, rss, mss } = fit;
  const p = design.names.length;
  const rank = kept.length;
  const dfResidual = n - rank - (intercept ? 1 : 0);
  const dfModel = rank;
  const sigma2 = rss / dfResidual;
  const exactFit = rss <= 1e-30 * Math.max(mss, 1e-300) || rss === 0;
  const rSquared = mss / (mss + rss);
  const adjustedRSquared = 1 - (1 - rSquared) * ((n - (intercept ? 1 : 0)) / dfResidual);
  const fStatistic = exactFit || dfModel === 0 ? null : mss / dfModel / sigma2;

  const { unscaled, bread, m } = coefficientCovariance(fit, design.sumW, intercept);
  const vcov = design.robust === null ? bread.map((v) => v * sigma2) : design.robust(bread, m, kept, fit.residuals as Float64Array);
  const table = coefficientTable(fit, design, vcov, unscaled, { dfResidual, exactFit });

  // Likelihood (R's logLik.lm with weights) and information criteria.
  const logLik = exactFit ? null : 0.5 * (design.sumLogW - n * (Math.log(2 * Math.PI) + 1 - Math.log(n) + Math.log(rss)));
  const parametersWithSigma = m + 1;

  const warnings = collectWarnings(design.names, table, kept, p, n, m, rowsDropped.missing, rowsDropped.zeroWeight, exactFit);
  const conditionNumber = fit.conditionNumber;
  if (conditionNumber >= 30) {
    warnings.push({
      code: 'near_collinearity',
      message: `The scaled design's condition number is ${conditionNumber.toPrecision(3)} (>= 30 signals collinearity, Belsley 1991); estimates may be unstable.`,
    });
  }
  const { fitted, residuals } = fit;
  return {
    method: 'ols',
    algorithm: fit.algorithm,
    covariance,
    level,
    n,
    rowsDropped: { missing: rowsDropped.missing, zeroWeight: rowsDropped.zeroWeight },
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
    ...(design.keepResiduals && residuals !== null && fitted !== null && { residuals: Array.from(residuals), fitted: Array.from(fitted) }),
  };
}

/**
 * The unscaled covariance of the kept slopes in scaled coordinates, (A'A)^-1 = R^-1 R^-T, and the
 * full (X'WX)^-1 in original units over [intercept?, kept slopes] (m x m), the intercept's row
 * recovered from the centred fit.
 */
function coefficientCovariance(fit: Factorization, sumW: number, intercept: boolean): { unscaled: Float64Array; bread: Float64Array; m: number } {
  const { kept, scale } = fit;
  const rank = kept.length;
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
  const m = rank + (intercept ? 1 : 0);
  const off = intercept ? 1 : 0;
  const bread = new Float64Array(m * m);
  for (let i = 0; i < rank; i++) {
    for (let j = 0; j < rank; j++) {
      bread[(i + off) * m + j + off] = (unscaled[i * rank + j] as number) / ((scale[kept[i] as number] as number) * (scale[kept[j] as number] as number));
    }
  }
  if (intercept) {
    const keptMeans = kept.map((col) => fit.centre[col] as number);
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
  return { unscaled, bread, m };
}

/** The coefficient table: intercept first, then each predictor in input order (aliased ones as R's NA). */
function coefficientTable(fit: Factorization, design: FitDesign, vcov: Float64Array, unscaled: Float64Array, test: { dfResidual: number; exactFit: boolean }): (OlsCoefficient | AliasedCoefficient)[] {
  const { names, intercept, sumW, sdY } = design;
  const { kept, scale, slope } = fit;
  const { dfResidual, exactFit } = test;
  const rank = kept.length;
  const m = rank + (intercept ? 1 : 0);
  const tCritical = studentTQuantile((1 + design.level) / 2, dfResidual);
  const vifs = intercept ? kept.map((_, k) => unscaled[k * rank + k] as number) : null;
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
  const table: (OlsCoefficient | AliasedCoefficient)[] = [];
  if (intercept) table.push(coefficient('(Intercept)', fit.interceptEstimate, 0, null, null));
  const position = new Map(kept.map((col, k) => [col, k]));
  for (let j = 0; j < names.length; j++) {
    const k = position.get(j);
    if (k === undefined) {
      table.push({ name: names[j] as string, aliased: true });
      continue;
    }
    // The column's weighted sum of squares about its centre is scale^2 (centred with an intercept).
    const sdX = intercept ? (scale[j] as number) / Math.sqrt(sumW) : design.columnSd(j);
    const standardized = sdY > 0 ? ((slope[j] as number) * sdX) / sdY : null;
    table.push(coefficient(names[j] as string, slope[j] as number, k + (intercept ? 1 : 0), standardized, vifs === null ? null : (vifs[k] as number)));
  }
  return table;
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
