/**
 * reconstruct: a seeded search for integer survey data that satisfy published summary figures
 * (means at their printed decimals, sample sizes, SD and correlation ranges) and published
 * regression verdicts (which predictors are significant, with which sign).
 */
import { median as medianOf } from 'simple-statistics';
import { InvalidArgumentError, type Warning } from '../errors.js';
import { createRng, type Rng, shuffledIndices } from '../random/rng.js';
import { type OlsCoefficient, ols } from '../regression/ols.js';
import { pearsonCorrelation, sampleStandardDeviation } from '../stats/moments.js';
import { formatScaled, grim, parseReported, type RoundingRule, roundRational } from './grim.js';

/** One column to reconstruct. */
export interface TargetColumn {
  readonly name: string;
  /** The published mean as printed ('4.82'): the reconstruction's mean must round to it. */
  readonly mean: string;
  /** Answered cells: a number, or 'auto' (default) for the largest n <= rows that passes GRIM. */
  readonly n?: number | 'auto';
  /** Allowed range of the sample SD. */
  readonly sd?: readonly [number, number];
}

/** A published regression verdict. */
export interface RegressionConstraint {
  readonly id?: string;
  readonly y: string;
  readonly x: readonly string[];
  /** The predictor the verdict is about. */
  readonly term: string;
  readonly significant: boolean;
  /** Default 0.05. */
  readonly alpha?: number;
  /** Required sign of the coefficient (1 or -1). */
  readonly sign?: 1 | -1;
}

/** What to reconstruct. */
export interface ReconstructTarget {
  readonly rows: number;
  readonly scale: { readonly min: number; readonly max: number };
  readonly columns: readonly TargetColumn[];
  /** Pairwise correlations among these columns (default: none constrained). */
  readonly correlations?: {
    readonly columns: readonly string[];
    readonly range: readonly [number, number];
    /** Allowed range of the median pairwise correlation. */
    readonly median?: readonly [number, number];
  };
  readonly regressions?: readonly RegressionConstraint[];
  /** Rounding of the published means. Default 'half_up'. */
  readonly rounding?: RoundingRule;
}

/** Options for {@link reconstruct}. */
export interface ReconstructOptions {
  readonly seed: number;
  /** Search steps before giving up. Default 200000. */
  readonly maxIterations?: number;
  /** Called every 1000 steps. */
  readonly onProgress?: (progress: { readonly iteration: number; readonly maxIterations: number; readonly objective: number }) => void;
}

/** The verdict on one constraint. */
export interface ConstraintCheck {
  readonly id: string;
  readonly description: string;
  readonly satisfied: boolean;
  /** What the reconstruction achieved, in words or figures. */
  readonly achieved: string;
}

/** Result of {@link reconstruct}. */
export interface ReconstructResult {
  readonly method: 'reconstruct';
  readonly seed: number;
  readonly iterations: number;
  /** Whether every constraint holds. */
  readonly satisfied: boolean;
  readonly columns: readonly string[];
  /** rows x columns, null = blank (item non-response). */
  readonly data: readonly (readonly (number | null)[])[];
  readonly achieved: readonly { readonly name: string; readonly n: number; readonly mean: string; readonly sd: number }[];
  readonly constraints: readonly ConstraintCheck[];
  readonly message: string;
  readonly warnings: readonly Warning[];
}

/** p-value margins that keep verdicts away from the threshold during the search. */
const SIGNIFICANT_MARGIN = 0.5;
const NOT_SIGNIFICANT_MARGIN = 2;

/**
 * Searches for integer data on the target scale satisfying every constraint: each column's mean
 * rounds to its published value over that column's answered cells, the row count, the per-column
 * n (fewest blanks GRIM allows, or given), SD ranges, correlation ranges and median, and
 * regression verdicts evaluated on complete cases with `ols`.
 *
 * Algorithm: each column's total is fixed first (the integer sum whose mean rounds to the target,
 * nearest to mean * n), blanks are placed in seeded random rows, and values start as equal as the
 * total allows. Simulated annealing then applies moves that keep every total fixed (swapping two
 * values within a column, or +1 on one cell and -1 on another) to minimise a penalty: distance
 * outside SD and correlation ranges, and log10 distance of each p-value from its side of alpha
 * (with margins: p < alpha/2 for significant, p > 2 alpha for not significant; wrong signs
 * penalised). Geometric cooling; the search stops when the penalty reaches zero. The same seed
 * always gives the same data.
 *
 * Only summary figures constrain the data, so infinitely many datasets fit: a result is one
 * plausible dataset, never the original. A failed search is not proof that the constraints are
 * impossible; the message says which were not met.
 *
 * Reference: Heathers, Anaya, van der Zee & Brown (2018), SPRITE (PeerJ Preprints 6:e26968);
 * Kirkpatrick, Gelatt & Vecchi (1983), simulated annealing.
 *
 * @example
 * ```ts
 * const r = reconstruct({ rows: 30, scale: { min: 1, max: 5 }, columns: [{ name: 'a', mean: '3.50' }, { name: 'y', mean: '3.90' }],
 *   regressions: [{ y: 'y', x: ['a'], term: 'a', significant: true, sign: 1 }] }, { seed: 1 });
 * r.satisfied; // true
 * ```
 * @throws InvalidArgumentError for impossible targets (a mean outside the scale, no GRIM-consistent
 *   n, unknown column names).
 */
export function reconstruct(target: ReconstructTarget, options: ReconstructOptions): ReconstructResult {
  const { rows, scale } = target;
  const rounding = target.rounding ?? 'half_up';
  const maxIterations = options.maxIterations ?? 200_000;
  if (!Number.isInteger(rows) || rows < 3) throw new InvalidArgumentError(`rows must be a whole number of at least 3, got ${rows}.`);
  if (!(Number.isInteger(scale.min) && Number.isInteger(scale.max) && scale.min < scale.max)) {
    throw new InvalidArgumentError(`The scale must be whole numbers with min < max, got ${scale.min}-${scale.max}.`);
  }
  const names = target.columns.map((c) => c.name);
  const index = new Map(names.map((n, j) => [n, j]));
  const lookup = (name: string, where: string): number => {
    const j = index.get(name);
    if (j === undefined) throw new InvalidArgumentError(`${where} names "${name}", which is not a target column (${names.join(', ')}).`);
    return j;
  };
  const rng = createRng(options.seed);

  // Per column: answered n, fixed total, blank rows, starting values.
  const plan = target.columns.map((column) => planColumn(column, rows, scale, rounding));
  const values: Float64Array[] = plan.map((p) => initialValues(p, rows, scale, rng));
  const answered = values.map((col) => Array.from({ length: rows }, (_, i) => i).filter((i) => !Number.isNaN(col[i] as number)));

  const pairs: [number, number][] = [];
  const corrColumns = (target.correlations?.columns ?? []).map((c) => lookup(c, 'correlations.columns'));
  for (let a = 0; a < corrColumns.length; a++) for (let b = a + 1; b < corrColumns.length; b++) pairs.push([corrColumns[a] as number, corrColumns[b] as number]);
  const regressions = regressionTargets(target.regressions ?? [], lookup);

  const evaluate = (strict: boolean): { objective: number; checks: ConstraintCheck[] } => {
    const checks: ConstraintCheck[] = [];
    // One running sum in a fixed order, so that a seed always gives the same search.
    let objective = sdPenalty(0, target.columns, values, strict ? checks : null);
    if (target.correlations !== undefined) objective = correlationPenalty(objective, target.correlations, pairs, values, strict ? checks : null);
    objective = regressionPenalty(objective, regressions, values, strict ? checks : null);
    return { objective, checks };
  };

  const iteration = anneal(values, answered, scale, rng, maxIterations, () => evaluate(false).objective, options.onProgress);

  const { checks } = evaluate(true);
  const meanChecks: ConstraintCheck[] = target.columns.map((column, j) => {
    const achievedMean = roundedMean(values[j] as Float64Array, parseReported(column.mean).decimals, rounding);
    return {
      id: `mean:${column.name}`,
      description: `mean of ${column.name} rounds to ${column.mean} over n = ${(plan[j] as ColumnPlan).n}`,
      satisfied: achievedMean === formatScaled(parseReported(column.mean)),
      achieved: achievedMean,
    };
  });
  const constraints = [...meanChecks, ...checks];
  const failed = constraints.filter((c) => !c.satisfied);
  const warnings: Warning[] = plan
    .filter((p) => p.n < rows)
    .map((p) => ({
      code: 'item_nonresponse',
      message: `"${p.name}": ${rows - p.n} blank cell${rows - p.n === 1 ? '' : 's'} (n = ${p.n}), the fewest for which the published mean ${p.mean} is possible (GRIM).`,
    }));
  return {
    method: 'reconstruct',
    seed: options.seed,
    iterations: iteration,
    satisfied: failed.length === 0,
    columns: names,
    data: Array.from({ length: rows }, (_, i) => values.map((col) => (Number.isNaN(col[i] as number) ? null : (col[i] as number)))),
    achieved: target.columns.map((column, j) => ({
      name: column.name,
      n: (plan[j] as ColumnPlan).n,
      mean: roundedMean(values[j] as Float64Array, parseReported(column.mean).decimals, rounding),
      sd: sampleStandardDeviation(values[j] as Float64Array),
    })),
    constraints,
    message:
      failed.length === 0
        ? `All ${constraints.length} constraints are satisfied after ${iteration} steps (seed ${options.seed}). This is one plausible dataset among many that fit the published figures, not the original data.`
        : `The search (seed ${options.seed}, ${iteration} steps) could not meet ${failed.length} constraint${failed.length === 1 ? '' : 's'}: ${failed.map((c) => c.description).join('; ')}. A failed search is not proof that the constraints are impossible: try another seed or more iterations.`,
    warnings,
  };
}

interface ColumnPlan {
  readonly name: string;
  readonly mean: string;
  readonly n: number;
  readonly sum: number;
}

function planColumn(column: TargetColumn, rows: number, scale: { min: number; max: number }, rounding: RoundingRule): ColumnPlan {
  const reported = parseReported(column.mean);
  const value = Number(formatScaled(reported));
  if (value < scale.min || value > scale.max) throw new InvalidArgumentError(`The mean ${column.mean} of "${column.name}" lies outside the scale ${scale.min}-${scale.max}.`);
  const candidates = column.n === undefined || column.n === 'auto' ? Array.from({ length: rows }, (_, k) => rows - k) : [column.n];
  for (const n of candidates) {
    if (!Number.isInteger(n) || n < 2 || n > rows) throw new InvalidArgumentError(`n of "${column.name}" must be a whole number from 2 to ${rows}, got ${n}.`);
    const g = grim(column.mean, n, { rounding });
    if (!g.consistent) continue;
    const sums = g.possibleSums.filter((s) => s >= n * scale.min && s <= n * scale.max);
    if (sums.length === 0) continue;
    const sum = sums.reduce((best, s) => (Math.abs(s - value * n) < Math.abs(best - value * n) ? s : best));
    return { name: column.name, mean: column.mean, n, sum };
  }
  throw new InvalidArgumentError(
    `No sample size ${column.n === undefined || column.n === 'auto' ? `up to ${rows}` : column.n} gives the mean ${column.mean} for "${column.name}" (GRIM); check the figure or give n.`,
  );
}

function initialValues(plan: ColumnPlan, rows: number, scale: { min: number; max: number }, rng: Rng): Float64Array {
  const column = new Float64Array(rows).fill(Number.NaN);
  const order = Array.from(shuffledIndices(rows, rng));
  const cells = order.slice(0, plan.n);
  const base = Math.floor(plan.sum / plan.n);
  const extra = plan.sum - base * plan.n;
  cells.forEach((row, k) => {
    column[row] = Math.min(scale.max, base + (k < extra ? 1 : 0));
  });
  return column;
}

function roundedMean(column: Float64Array, decimals: number, rounding: RoundingRule): string {
  let sum = 0;
  let n = 0;
  for (const v of column) {
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  const scale = 10n ** BigInt(decimals);
  const [units] = roundRational(BigInt(sum) * scale, BigInt(n), rounding === 'up_or_down' ? 'half_up' : rounding);
  return formatScaled({ units: units as bigint, decimals });
}

function completeCaseFit(values: readonly Float64Array[], y: number, xs: readonly number[]): ReturnType<typeof ols> | null {
  const X: number[][] = [];
  const Y: number[] = [];
  const yColumn = values[y] as Float64Array;
  for (let i = 0; i < yColumn.length; i++) {
    const row = xs.map((j) => (values[j] as Float64Array)[i] as number);
    if (Number.isNaN(yColumn[i] as number) || row.some(Number.isNaN)) continue;
    X.push(row);
    Y.push(yColumn[i] as number);
  }
  try {
    return ols(X, Y);
  } catch {
    return null;
  }
}

/** A regression verdict with its defaults filled in and its columns resolved to indices. */
type RegressionTarget = NonNullable<ReconstructTarget['regressions']>[number] & { id: string; alpha: number; yIndex: number; xIndex: number[]; termIndex: number };

/** @throws InvalidArgumentError for an unknown column or a term that is not a predictor. */
function regressionTargets(targets: NonNullable<ReconstructTarget['regressions']>, lookup: (name: string, where: string) => number): RegressionTarget[] {
  const regressions = targets.map((r, k) => ({
    ...r,
    id: r.id ?? `regression-${k + 1}`,
    alpha: r.alpha ?? 0.05,
    yIndex: lookup(r.y, 'A regression'),
    xIndex: r.x.map((x) => lookup(x, 'A regression')),
    termIndex: r.x.indexOf(r.term),
  }));
  for (const r of regressions) if (r.termIndex < 0) throw new InvalidArgumentError(`Regression ${r.id}: term "${r.term}" is not one of its predictors.`);
  return regressions;
}

/** Adds 10 x the distance of each column's SD outside its range to `objective`; with `checks`, records each. */
function sdPenalty(objective: number, columns: ReconstructTarget['columns'], values: readonly Float64Array[], checks: ConstraintCheck[] | null): number {
  columns.forEach((column, j) => {
    if (column.sd === undefined) return;
    const sd = sampleStandardDeviation(values[j] as Float64Array);
    const [lo, hi] = column.sd;
    const distance = sd < lo ? lo - sd : sd > hi ? sd - hi : 0;
    objective += 10 * distance;
    checks?.push({ id: `sd:${column.name}`, description: `SD of ${column.name} between ${lo} and ${hi}`, satisfied: distance === 0, achieved: sd.toFixed(3) });
  });
  return objective;
}

/**
 * Adds 5 x the distance of each pairwise correlation outside the range, and of their median
 * outside its range, to `objective`; with `checks`, records both. A correlation with a constant
 * column is undefined (null): it meets no range, at distance 1.
 */
function correlationPenalty(
  objective: number,
  target: NonNullable<ReconstructTarget['correlations']>,
  pairs: readonly [number, number][],
  values: readonly Float64Array[],
  checks: ConstraintCheck[] | null,
): number {
  const [lo, hi] = target.range;
  const correlations = pairs.map(([a, b]) => pearsonCorrelation(values[a] as Float64Array, values[b] as Float64Array));
  const defined = correlations.filter((r): r is number => r !== null);
  let outside = 0;
  for (const r of correlations) {
    const distance = r === null ? 1 : r < lo ? lo - r : r > hi ? r - hi : 0;
    objective += 5 * distance;
    if (distance > 0) outside++;
  }
  if (checks !== null) {
    const min = Math.min(...defined);
    const max = Math.max(...defined);
    const undefinedCount = correlations.length - defined.length;
    const achieved = `${defined.length > 0 ? `${min.toFixed(2)} to ${max.toFixed(2)}` : 'none defined'}${undefinedCount > 0 ? ` (${undefinedCount} undefined: a constant column)` : ''}`;
    checks.push({ id: 'correlations:range', description: `every pairwise correlation between ${lo} and ${hi}`, satisfied: outside === 0, achieved });
  }
  if (target.median !== undefined) {
    const [mlo, mhi] = target.median;
    const median = defined.length === correlations.length && defined.length > 0 ? medianOf(defined) : null;
    const distance = median === null ? 1 : median < mlo ? mlo - median : median > mhi ? median - mhi : 0;
    objective += 5 * distance;
    checks?.push({
      id: 'correlations:median',
      description: `median pairwise correlation between ${mlo} and ${mhi}`,
      satisfied: distance === 0,
      achieved: median === null ? 'undefined (a constant column)' : median.toFixed(3),
    });
  }
  return objective;
}

/**
 * Adds, for each regression verdict, the log10 distance of the term's p-value from its side of
 * alpha (with the search's margins unless `checks` asks for the strict verdict) and 2 for a wrong
 * sign, to `objective`; with `checks`, records each verdict. Models sharing y and predictors are
 * fitted once.
 */
function regressionPenalty(objective: number, regressions: readonly RegressionTarget[], values: readonly Float64Array[], checks: ConstraintCheck[] | null): number {
  const strict = checks !== null;
  const fits = new Map<string, ReturnType<typeof completeCaseFit>>();
  for (const r of regressions) {
    const key = `${r.yIndex}~${r.xIndex.join(',')}`;
    if (!fits.has(key)) fits.set(key, completeCaseFit(values, r.yIndex, r.xIndex));
    const fit = fits.get(key) ?? null;
    const c = fit === null ? null : (fit.coefficients[r.termIndex + 1] as OlsCoefficient | { aliased: true });
    const p = c !== null && 'pValue' in c && c.pValue !== null ? c.pValue : 1;
    const estimate = c !== null && 'estimate' in c ? c.estimate : 0;
    const signOk = r.sign === undefined || Math.sign(estimate) === r.sign;
    if (r.significant) {
      objective += Math.max(0, Math.log10(p) - Math.log10(r.alpha * (strict ? 1 : SIGNIFICANT_MARGIN))) + (signOk ? 0 : 2);
    } else {
      objective += Math.max(0, Math.log10(Math.min(1, r.alpha * (strict ? 1 : NOT_SIGNIFICANT_MARGIN))) - Math.log10(p)) + (signOk ? 0 : 2);
    }
    if (checks !== null) {
      const satisfied = (r.significant ? p < r.alpha : p >= r.alpha) && signOk;
      checks.push({
        id: r.id,
        description: `${r.term} ${r.significant ? 'significant' : 'not significant'} at ${r.alpha}${r.sign ? ` with a ${r.sign > 0 ? 'positive' : 'negative'} coefficient` : ''} in ${r.y} ~ ${r.x.join(' + ')}`,
        satisfied,
        achieved: `b = ${estimate.toFixed(3)}, p = ${p < 0.001 ? p.toExponential(2) : p.toFixed(3)}${fit === null ? ' (model could not be fitted)' : ''}`,
      });
    }
  }
  return objective;
}

/**
 * Simulated annealing over `values` in place: moves that keep every column's total (swap two
 * answered cells, or +1 on one and -1 on another within the scale), accepted when the objective
 * does not rise or with probability exp(-rise / temperature); geometric cooling from 0.5 to
 * 1e-4. Stops at objective 0 or after `maxIterations`; returns the steps taken.
 */
function anneal(
  values: Float64Array[],
  answered: readonly number[][],
  scale: ReconstructTarget['scale'],
  rng: Rng,
  maxIterations: number,
  objectiveOf: () => number,
  onProgress: ReconstructOptions['onProgress'],
): number {
  let current = objectiveOf();
  let iteration = 0;
  const startTemperature = 0.5;
  const endTemperature = 1e-4;
  for (; iteration < maxIterations && current > 0; iteration++) {
    const temperature = startTemperature * (endTemperature / startTemperature) ** (iteration / maxIterations);
    const j = rng.int(values.length);
    const column = values[j] as Float64Array;
    const cells = answered[j] as number[];
    if (cells.length < 2) continue;
    const a = cells[rng.int(cells.length)] as number;
    const b = cells[rng.int(cells.length)] as number;
    const va = column[a] as number;
    const vb = column[b] as number;
    let undo: () => void;
    if (rng.next() < 0.5) {
      if (va === vb) continue;
      column[a] = vb;
      column[b] = va;
      undo = () => {
        column[a] = va;
        column[b] = vb;
      };
    } else {
      if (a === b || va >= scale.max || vb <= scale.min) continue;
      column[a] = va + 1;
      column[b] = vb - 1;
      undo = () => {
        column[a] = va;
        column[b] = vb;
      };
    }
    const next = objectiveOf();
    if (next <= current || rng.next() < Math.exp((current - next) / temperature)) current = next;
    else undo();
    if (onProgress !== undefined && (iteration + 1) % 1000 === 0) onProgress({ iteration: iteration + 1, maxIterations, objective: current });
  }
  return iteration;
}
