/**
 * The Zhijiang distributor study (published figures in fixtures/zhijiang/published.json): its
 * reconstruction target and the reconstruction that ships as fixtures/zhijiang/zhijiang.csv.
 */
import published from '../../fixtures/zhijiang/published.json' with { type: 'json' };
import type { SurveySpec } from '../schema/survey-spec.js';
import { type ReconstructOptions, type ReconstructResult, type ReconstructTarget, reconstruct } from './reconstruct.js';

/** Everything the study published (touchpoints in journey order, means, findings). */
export const ZHIJIANG_PUBLISHED = published;

/** The seed that produced fixtures/zhijiang/zhijiang.csv. */
export const ZHIJIANG_SEED = 2026;

/** The survey spec of the Zhijiang study: touchpoints in journey order, 1-5 scale, neutral 3. */
export function zhijiangSpec(): SurveySpec {
  return {
    touchpoints: published.touchpoints.map((t) => ({ column: t.id, label: capitalise(t.en), en: t.en, zh: t.zh })),
    overall: published.overall.id,
    scale: { min: published.design.scale.min, max: published.design.scale.max, neutral: published.design.scale.neutral },
    missing: [''],
  };
}

/**
 * The reconstruction target: 47 rows; every published mean at two decimals over the fewest
 * answered cells GRIM allows; every SD in [0.35, 1.2]; touchpoint correlations in [-0.1, 0.8]
 * with median in [0.15, 0.5]; and the published regression verdicts (overall on all seven
 * touchpoints: only delivery speed and the distributor meeting significant, both positive;
 * overall on brand image and meeting: brand image not significant) at alpha 0.05.
 */
export function zhijiangTarget(): ReconstructTarget {
  const touchpoints = published.touchpoints.map((t) => t.id);
  const drivers = new Set(['delivery', 'meeting']);
  const sd = [0.35, 1.2] as const;
  return {
    rows: published.design.validQuestionnaires,
    scale: { min: published.design.scale.min, max: published.design.scale.max },
    columns: [...published.touchpoints, published.overall].map((c) => ({ name: c.id, mean: c.mean.toFixed(published.design.meanDecimals), n: 'auto' as const, sd })),
    correlations: { columns: touchpoints, range: [-0.1, 0.8], median: [0.15, 0.5] },
    regressions: [
      ...touchpoints.map((t) => ({
        id: `key-drivers:${t}`,
        y: published.overall.id,
        x: touchpoints,
        term: t,
        significant: drivers.has(t),
        alpha: published.design.alpha,
        ...(drivers.has(t) && { sign: 1 as const }),
      })),
      { id: 'peak-end-regression:brand_image', y: published.overall.id, x: ['brand_image', 'meeting'], term: 'brand_image', significant: false, alpha: published.design.alpha },
    ],
    rounding: 'half_up',
  };
}

/** Reconstructs a plausible Zhijiang dataset (seed {@link ZHIJIANG_SEED} by default). */
export function reconstructZhijiang(options: Partial<ReconstructOptions> = {}): ReconstructResult {
  return reconstruct(zhijiangTarget(), { seed: ZHIJIANG_SEED, maxIterations: 400_000, ...options });
}

/** A reconstruction as CSV text: header of column names, blanks for missing cells, LF line ends. */
export function reconstructionCsv(result: ReconstructResult): string {
  return `${[result.columns.join(','), ...result.data.map((row) => row.map((v) => (v === null ? '' : String(v))).join(','))].join('\n')}\n`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
