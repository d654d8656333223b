/**
 * reproduceZhijiang: every published figure and finding of the Zhijiang study, side by side with
 * what the library computes on a dataset (normally the bundled reconstruction).
 */
import { aggregatePeakEnd } from '../experience/aggregate-peak-end.js';
import { keyDrivers } from '../experience/key-drivers.js';
import { type OlsCoefficient, ols } from '../regression/ols.js';
import { columnMean } from '../survey/column-mean.js';
import { modelData } from '../survey/model-data.js';
import type { Survey } from '../survey/survey.js';
import { type CheckedRow, checkPublishedTable } from './check-published-table.js';
import { ZHIJIANG_PUBLISHED as published } from './zhijiang.js';

/** One published figure or finding against its reproduction. */
export interface Finding {
  /** The finding's id in published.json, or `mean:<touchpoint id>` / `mean:overall`. */
  readonly id: string;
  readonly published: string;
  readonly reproduced: string;
  readonly matches: boolean;
}

/** Result of {@link reproduceZhijiang}. */
export interface ZhijiangReproduction {
  readonly method: 'reproduce-zhijiang';
  readonly study: string;
  readonly n: number;
  readonly findings: readonly Finding[];
  /** GRIM on the published means at the published n = 47 (half-up rounding). */
  readonly grim: readonly CheckedRow[];
  readonly grimSummary: string;
  /** Answered cells per item in the dataset (the reconstruction's item non-response). */
  readonly itemN: readonly { readonly id: string; readonly n: number }[];
  readonly note: string;
}

const format2 = (v: number): string => v.toFixed(2);

/**
 * Evaluates each published claim on the survey: every mean at two decimals, no touchpoint below
 * neutral, the peak (most intense mean) and end, the peak-end prediction against the overall
 * mean, the two regressions' significance verdicts at alpha, the pain point and the hygiene
 * factors (with keyDrivers' definitions), plus GRIM on the published table.
 *
 * @example
 * ```ts
 * const r = reproduceZhijiang(await readSurveyFile('fixtures/zhijiang/zhijiang.csv', zhijiangSpec()));
 * r.findings.every((f) => f.matches); // true for the bundled reconstruction
 * ```
 */
export function reproduceZhijiang(survey: Survey): ZhijiangReproduction {
  const alpha = published.design.alpha;
  const ids = published.touchpoints.map((t) => t.id);
  const label = new Map<string, string>(published.touchpoints.map((t) => [t.id, t.en]));
  const means = new Map(ids.map((id) => [id, columnMean(survey.ratings.get(id) as Float64Array)]));
  const overallMean = columnMean(survey.ratings.get(published.overall.id) as Float64Array);
  const findings: Finding[] = [];
  for (const t of [...published.touchpoints, published.overall]) {
    const value = t.id === published.overall.id ? overallMean : (means.get(t.id) as number);
    findings.push({ id: `mean:${t.id}`, published: format2(t.mean), reproduced: format2(value), matches: format2(value) === format2(t.mean) });
  }
  const neutral = published.design.scale.neutral;
  const lowest = Math.min(...means.values());
  findings.push({ id: 'no-dissatisfaction', published: `all touchpoint means >= ${neutral}`, reproduced: `lowest mean ${format2(lowest)}`, matches: lowest >= neutral });

  const aggregate = aggregatePeakEnd(
    ids.map((id) => ({ touchpoint: id, mean: means.get(id) as number })),
    overallMean,
    { neutral },
  );
  findings.push({
    id: 'peak',
    published: 'brand image 4.82',
    reproduced: `${label.get(aggregate.peak.touchpoint)} ${format2(aggregate.peak.mean)}`,
    matches: aggregate.peak.touchpoint === 'brand_image' && format2(aggregate.peak.mean) === '4.82',
  });
  findings.push({
    id: 'end',
    published: 'distributor meeting 4.46',
    reproduced: `${label.get(aggregate.end.touchpoint)} ${format2(aggregate.end.mean)}`,
    matches: aggregate.end.touchpoint === 'meeting' && format2(aggregate.end.mean) === '4.46',
  });
  findings.push({
    id: 'peak-end-prediction',
    published: `prediction 4.64 vs overall ${format2(published.overall.mean)}`,
    reproduced: `prediction ${format2(aggregate.prediction)} vs overall ${format2(overallMean)}`,
    matches: format2(aggregate.prediction) === '4.64' && format2(overallMean) === format2(published.overall.mean) && aggregate.prediction > overallMean,
  });

  const peakEndFit = completeFit(survey, ['brand_image', 'meeting']);
  const brand = peakEndFit.coefficients.find((c) => c.name === 'brand_image') as OlsCoefficient;
  findings.push({
    id: 'peak-end-regression',
    published: 'brand image not significant (overall ~ brand image + meeting)',
    reproduced: `brand image b = ${brand.estimate.toFixed(3)}, p = ${(brand.pValue as number).toFixed(3)} (n = ${peakEndFit.n})`,
    matches: (brand.pValue as number) >= alpha,
  });

  const drivers = keyDrivers(survey, { alpha });
  const significant = drivers.touchpoints.filter((t) => t.significant).map((t) => t.touchpoint);
  findings.push({
    id: 'key-drivers',
    published: 'only delivery speed and distributor meeting significant',
    reproduced: `significant at ${alpha}: ${significant.map((s) => label.get(s)).join(', ') || 'none'} (n = ${drivers.n})`,
    matches: significant.length === 2 && significant.includes('delivery') && significant.includes('meeting'),
  });
  const delivery = drivers.touchpoints.find((t) => t.touchpoint === 'delivery');
  const price = drivers.touchpoints.find((t) => t.touchpoint === 'price');
  const lowestTouchpoint = [...means.entries()].reduce((a, b) => (b[1] < a[1] ? b : a))[0];
  findings.push({
    id: 'pain-point',
    published: 'delivery speed: lowest-rated, below overall, a key moment; price not a driver',
    reproduced: `lowest: ${label.get(lowestTouchpoint)} ${format2(means.get(lowestTouchpoint) as number)}; delivery ${delivery?.flags.painPoint ? 'is' : 'is not'} a pain point; price ${price?.significant ? 'is' : 'is not'} a driver`,
    matches: lowestTouchpoint === 'delivery' && (means.get('delivery') as number) < overallMean && delivery?.flags.painPoint === true && price?.significant === false,
  });
  const hygiene = drivers.touchpoints.filter((t) => t.flags.hygiene).map((t) => t.touchpoint);
  const expectedHygiene = ['brand_image', 'technology', 'quality', 'service_staff'];
  findings.push({
    id: 'hygiene',
    published: 'brand image, quality, technology, staff professionalism: high but not drivers',
    reproduced: `hygiene (mean >= ${drivers.highPerformance}, not a driver): ${hygiene.map((h) => label.get(h)).join(', ')}`,
    matches: hygiene.length === expectedHygiene.length && expectedHygiene.every((h) => hygiene.includes(h)),
  });

  const table = checkPublishedTable(
    [...published.touchpoints, published.overall].map((t) => ({ id: t.id, label: t.en, mean: format2(t.mean), n: published.design.validQuestionnaires })),
    { rounding: 'half_up' },
  );
  return {
    method: 'reproduce-zhijiang',
    study: published.study,
    n: survey.n,
    findings,
    grim: table.rows,
    grimSummary: table.summary,
    itemN: [...ids, published.overall.id].map((id) => ({ id, n: Array.from(survey.ratings.get(id) as Float64Array).filter((v) => !Number.isNaN(v)).length })),
    note: 'The data are a seeded reconstruction that satisfies the published figures (fixtures/zhijiang/README.md), not the original responses, which were never published.',
  };
}

function completeFit(survey: Survey, columns: readonly string[]): ReturnType<typeof ols> {
  const data = modelData(survey, { predictors: columns, weighted: false });
  return ols(data.X, Array.from(data.y), { names: data.names });
}
