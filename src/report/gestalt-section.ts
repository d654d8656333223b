/**
 * The "Does the peak-end rule hold here?" section of a report, laid out from a Gestalt result:
 * models table, nested tests, the dependent-correlation test, the feature importance and the
 * verdict, with the study's aggregate method beside them. Formatting only.
 */
import type { GestaltOrdinal, GestaltResult, LikelihoodRatioTest } from '../experience/gestalt.js';
import type { GestaltLogistic } from '../experience/gestalt-logistic.js';
import type { Block, Section } from './document.js';
import { formatNumber as fixed, formatPercent, formatPValue, formatSigned, significanceStars as stars } from './format.js';
import { gestaltMessages, gestaltVerdictText, type Locale } from './i18n.js';
import { formatTable } from './text.js';

/** A Gestalt result: from `gestalt()`/`peakEnd()`, or as a Report carries it (`report.peakEnd.gestalt`). */
export type GestaltReport = GestaltResult;

/** The study's aggregate method, shown beside the battery. */
export interface AggregateSummary {
  readonly prediction: number;
  readonly observed: number;
  /** Null for a binary outcome (its share is not on the touchpoints' scale). */
  readonly gap: number | null;
  /** The study's own figures: each mean over its own answers (shown when present). */
  readonly allAnswers?: { readonly prediction: number; readonly observed: number; readonly gap: number | null };
}

const formatP = (p: number | null | undefined): string => formatPValue(p, 'table');

/**
 * Lays out the Gestalt section. `charts` adds the importance chart slot (`'gestalt'`), which the
 * HTML presenter fills.
 */
export function gestaltSection(g: GestaltReport, options: { locale?: Locale; aggregate?: AggregateSummary | null; charts?: boolean } = {}): Section {
  const locale = options.locale ?? 'en';
  const m = gestaltMessages(locale);
  const feature = (f: string): string => m.features[f] ?? f;
  const blocks: Block[] = [{ kind: 'paragraph', text: m.sample(g.n, g.weighted) }];
  const a = options.aggregate?.allAnswers ?? options.aggregate;
  if (a !== null && a !== undefined) blocks.push({ kind: 'paragraph', text: m.study(fixed(a.prediction), fixed(a.observed), formatSigned(a.gap)) });
  // A binary outcome: the logistic battery (the verdict's basis) in place of the least-squares one.
  const logistic = g.logistic ?? null;
  blocks.push(...(logistic !== null ? logisticBlocks(g, logistic, m, feature) : leastSquaresBlocks(g, m, feature)));
  const d = g.dependentCorrelation;
  if (d !== null) {
    blocks.push({
      kind: 'paragraph',
      text: m.correlation(fixed(d.rPeakEnd), fixed(d.rMean), fixed(d.rBetween), d.df, fixed(d.tValue), formatPValue(d.pValue), Math.round(d.level * 100), fixed(d.ciLower), fixed(d.ciUpper)),
    });
  }
  if (g.importance !== null) blocks.push(...importanceBlocks(g, g.importance, m, feature, options.charts === true));
  if (g.ordinal !== null) blocks.push(...ordinalBlocks(g.ordinal, m));
  const v = g.verdict;
  blocks.push({
    kind: 'paragraph',
    text: `${m.verdict}: ${gestaltVerdictText({ ...v, correlationPValue: d?.pValue ?? null, rBetween: d?.rBetween ?? null, ...(g.importanceMethod !== undefined && { importanceMethod: g.importanceMethod }) }, locale)}`,
  });
  return { heading: m.heading, blocks };
}

type GestaltMessages = ReturnType<typeof gestaltMessages>;

/** A table of the battery's models: model, terms, then one column per statistic (header and cell). */
function modelsTable<T extends { readonly name: string; readonly terms: readonly string[] }>(
  models: readonly T[],
  m: GestaltMessages,
  feature: (f: string) => string,
  statistics: readonly (readonly [header: string, cell: (model: T) => string])[],
): Block {
  return {
    kind: 'table',
    rows: [[m.model, m.terms, ...statistics.map(([header]) => header)], ...models.map((x) => [m.models[x.name] ?? x.name, x.terms.map(feature).join(' + '), ...statistics.map(([, cell]) => cell(x))])],
  };
}

/** A table of likelihood-ratio tests of the nested pairs (logistic or ordinal). */
function likelihoodRatioTable(tests: readonly LikelihoodRatioTest[], m: GestaltMessages): Block {
  return {
    kind: 'table',
    rows: [
      [m.comparison, m.lrTest, 'df', 'p', ''],
      ...tests.map((t) => [m.questions[`${t.from}>${t.to}`] ?? `${t.from} → ${t.to}`, fixed(t.statistic), String(t.df), formatP(t.pValue), stars(t.pValue)]),
    ],
  };
}

/** The least-squares battery: models, the cross-validation note and the partial F tests. */
function leastSquaresBlocks(g: GestaltReport, m: GestaltMessages, feature: (f: string) => string): Block[] {
  return [
    modelsTable(g.models, m, feature, [
      ['R²', (x) => fixed(x.rSquared, 3)],
      ['Adj. R²', (x) => fixed(x.adjustedRSquared, 3)],
      ['AIC', (x) => fixed(x.aic, 1)],
      ['BIC', (x) => fixed(x.bic, 1)],
      [m.cvRmse, (x) => fixed(x.crossValidatedRmse, 3)],
    ]),
    { kind: 'paragraph', text: m.cvNote(g.folds, g.seed) },
    { kind: 'paragraph', text: m.nestedTests },
    {
      kind: 'table',
      rows: [
        [m.comparison, 'F', 'df', 'p', ''],
        ...g.nestedTests.map((t) => [m.questions[`${t.from}>${t.to}`] ?? `${t.from} → ${t.to}`, fixed(t.fStatistic), `${t.df1}, ${t.df2}`, formatP(t.pValue), stars(t.pValue)]),
      ],
    },
  ];
}

/** A binary outcome's logistic battery: events, models, the cross-validation note and the likelihood-ratio tests. */
function logisticBlocks(g: GestaltReport, logistic: GestaltLogistic, m: GestaltMessages, feature: (f: string) => string): Block[] {
  return [
    { kind: 'paragraph', text: m.binary(logistic.events, g.n) },
    modelsTable(logistic.models, m, feature, [
      ['McFadden R²', (x) => fixed(x.mcFaddenRSquared, 3)],
      ['logLik', (x) => fixed(x.logLik, 1)],
      ['AIC', (x) => fixed(x.aic, 1)],
      ['BIC', (x) => fixed(x.bic, 1)],
      [m.cvLogLoss, (x) => fixed(x.crossValidatedLogLoss, 3)],
    ]),
    { kind: 'paragraph', text: m.cvNoteBinary(g.folds, g.seed) },
    { kind: 'paragraph', text: m.nestedTestsBinary },
    likelihoodRatioTable(logistic.likelihoodRatioTests, m),
  ];
}

/** The features' shares of the gestalt model's fit, largest first (with the chart slot when asked). */
function importanceBlocks(g: GestaltReport, importance: NonNullable<GestaltReport['importance']>, m: GestaltMessages, feature: (f: string) => string, charts: boolean): Block[] {
  const blocks: Block[] = [];
  const shapley = g.importanceMethod === 'pseudo-r-squared-shapley';
  if (charts) blocks.push({ kind: 'chart', chart: 'gestalt', title: shapley ? m.chartBinary : m.chart });
  const entries = (Object.entries(importance) as [string, number][]).sort((x, y) => y[1] - x[1]);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  blocks.push({
    kind: 'table',
    rows: [[m.feature, shapley ? m.shapley : m.lmg, m.share], ...entries.map(([f, v]) => [feature(f), fixed(v, 3), total > 0 ? formatPercent(v / total) : '–'])],
  });
  return blocks;
}

/** The proportional-odds fits and their likelihood-ratio tests. */
function ordinalBlocks(o: GestaltOrdinal, m: GestaltMessages): Block[] {
  return [
    { kind: 'paragraph', text: m.ordinal },
    {
      kind: 'table',
      rows: [
        [m.model, 'logLik', 'AIC', 'BIC', 'McFadden R²'],
        ...o.models.map((x) => [m.models[x.name] ?? x.name, fixed(x.logLik, 2), fixed(x.aic, 1), fixed(x.bic, 1), fixed(x.mcFaddenRSquared, 3)]),
      ],
    },
    likelihoodRatioTable(o.likelihoodRatioTests, m),
  ];
}

/** The Gestalt section as plain text (for `peak-end reproduce`). */
export function formatGestaltText(g: GestaltReport, options: { locale?: Locale; aggregate?: AggregateSummary | null } = {}): string {
  const section = gestaltSection(g, options);
  return [section.heading.toUpperCase(), ...section.blocks.map((b) => (b.kind === 'table' ? formatTable(b.rows) : b.kind === 'paragraph' ? b.text : '')).filter((t) => t !== '')].join('\n');
}
