/**
 * The Report laid out once as a document (sections of paragraphs, tables and chart slots), in a
 * locale, so the text, Markdown and HTML presenters only differ in how they draw it. Formatting
 * only: no statistics are computed here.
 */
import type { Report } from '../schema/report.js';
import type { SurveyDescriptives } from '../survey/describe-survey.js';
import { gestaltSection } from './gestalt-section.js';
import { messages, segmentsMessages, touchpointName, verdictText, warningText, type Locale } from './i18n.js';
import { calibrationText, segmentsSection } from './segments-section.js';

/** A block of a section. */
export type Block =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'chart'; readonly chart: 'journey' | 'drivers' | 'ipa' | 'peakEnd' | 'gestalt' | 'segments'; readonly title: string };

/** A titled section. */
export interface Section {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

/** A report document. */
export interface ReportDocument {
  readonly title: string;
  readonly locale: Locale;
  readonly sections: readonly Section[];
}

/** Fixed decimals, or an en dash for a missing value. */
export function fixed(value: number | null | undefined, decimals = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(decimals);
}

/** A p-value for tables: "<0.001" or three decimals. */
export function formatP(p: number | null | undefined): string {
  return p === null || p === undefined ? '–' : p < 0.001 ? '<0.001' : p.toFixed(3);
}

/** Significance stars as R prints them: *** p < 0.001, ** < 0.01, * < 0.05, . < 0.1. */
export function significanceStars(p: number | null | undefined): string {
  if (p === null || p === undefined) return '';
  return p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : p < 0.1 ? '.' : '';
}

const signed = (v: number | null): string => `${v !== null && v >= 0 ? '+' : ''}${fixed(v)}`;
/** A box bound as the user would write it: integers plain, fractions to two decimals. */
const short = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));
const percent = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(0)}%`);

/**
 * Lays out a Report. `charts` adds chart slots (the HTML presenter fills them; text and Markdown
 * leave them out).
 */
export function reportDocument(report: Report, options: { locale?: Locale; charts?: boolean } = {}): ReportDocument {
  const locale = options.locale ?? 'en';
  const m = messages(locale);
  const name = (column: string): string => touchpointName(report, column, locale);
  const { scale } = report.survey;
  const sections: Section[] = [];
  const ingest = report.ingest;
  const dropped = Object.entries(ingest.droppedByReason).filter(([, c]) => c > 0);
  sections.push({
    heading: m.survey,
    blocks: [
      {
        kind: 'paragraph',
        text: `${report.survey.n} ${m.respondents}, ${report.survey.touchpoints.length} ${m.touchpoints}, ${m.overall} "${name(report.survey.overall)}", ${m.scale} ${scale.min}-${scale.max} (${m.neutral} ${scale.neutral}).`,
      },
      {
        kind: 'paragraph',
        text:
          `${m.rowsRead}: ${ingest.rowsRead}; ${m.rowsUsed}: ${ingest.rowsUsed}; ${m.rowsDropped}: ${ingest.rowsDropped}` +
          (dropped.length ? ` (${dropped.map(([r, c]) => `${c} ${r.replace(/_/g, ' ')}`).join(', ')})` : '') +
          (ingest.encoding ? `; ${ingest.encoding}` : '') +
          (ingest.delimiter ? `, ${JSON.stringify(ingest.delimiter)}` : '') +
          '.',
      },
    ],
  });
  const raking = calibrationText(report, locale);
  sections.push({
    heading: m.descriptives,
    blocks: [
      ...(raking !== null ? [{ kind: 'paragraph' as const, text: raking }] : []),
      ...(options.charts ? [{ kind: 'chart' as const, chart: 'journey' as const, title: m.journeyChart }] : []),
      { kind: 'table', rows: descriptivesRows(report.descriptives as SurveyDescriptives, name, locale) },
    ],
  });
  const pe = report.peakEnd;
  if (pe !== null) {
    const a = pe.aggregate;
    const blocks: Block[] = [];
    if (options.charts) blocks.push({ kind: 'chart', chart: 'peakEnd', title: m.peakEndChart });
    const moments = `${m.peak} (${m.peakRules[a.rule] ?? a.rule}): ${a.peaks.map((p) => `${name(p.touchpoint)} ${fixed(p.mean)}`).join(', ')}; ${m.end}: ${name(a.end.touchpoint)} ${fixed(a.end.mean)}. `;
    if (pe.outcome === 'binary') {
      blocks.push({ kind: 'paragraph', text: moments + m.binaryAggregate(fixed(a.prediction), fixed(a.observed, 3)) });
    } else {
      blocks.push({
        kind: 'paragraph',
        text:
          moments +
          `${m.prediction} ${fixed(a.prediction)} = ${a.weight} × ${m.peak} + ${fixed(1 - a.weight, 1)} × ${m.end}; ${m.observed} ${fixed(a.observed)}; ${m.gap} ${signed(a.gap)}` +
          ` (${m.sameRespondents(a.n)}` +
          (a.gapTest ? `; ${m.pairedT(Math.round(a.gapTest.level * 100), fixed(a.gapTest.ciLower), fixed(a.gapTest.ciUpper), formatP(a.gapTest.pValue))}).` : ').'),
      });
    }
    if (pe.outcome !== 'binary' && (fixed(a.allAnswers.prediction) !== fixed(a.prediction) || fixed(a.allAnswers.observed) !== fixed(a.observed))) {
      blocks.push({ kind: 'paragraph', text: m.allAnswers(fixed(a.allAnswers.prediction), fixed(a.allAnswers.observed), signed(a.allAnswers.gap)) });
    }
    const acc = pe.respondents.accuracy;
    blocks.push({
      kind: 'paragraph',
      text:
        'logLoss' in acc
          ? `${m.perRespondent} (n = ${pe.respondents.n}): log-loss ${fixed(acc.logLoss, 3)}, Brier ${fixed(acc.brierScore, 3)}, AUC ${fixed(acc.auc, 3)}.`
          : `${m.perRespondent} (n = ${pe.respondents.n}): MAE ${fixed(acc.meanAbsoluteError)}, RMSE ${fixed(acc.rootMeanSquaredError)}, ${m.bias} ${fixed(acc.meanBias)}, r ${fixed(acc.correlation)}.`,
    });
    if (pe.comparison !== null) {
      blocks.push({ kind: 'paragraph', text: `${m.modelComparison} (n = ${pe.comparison.n}; ${m.crossValidation(pe.comparison.folds, pe.comparison.seed)}):` });
      blocks.push({
        kind: 'table',
        rows:
          pe.outcome === 'binary'
            ? [
                [m.model, 'Log-loss', 'Brier', 'AUC'],
                ...pe.comparison.models.map((x) => ('logLoss' in x ? [m.models[x.model] ?? x.description, fixed(x.logLoss, 3), fixed(x.brierScore, 3), fixed(x.auc, 3)] : [x.description])),
              ]
            : [
                [m.model, 'MAE', 'RMSE', m.biasHeader, 'r'],
                ...pe.comparison.models.map((x) =>
                  'meanAbsoluteError' in x ? [m.models[x.model] ?? x.description, fixed(x.meanAbsoluteError), fixed(x.rootMeanSquaredError), fixed(x.meanBias), fixed(x.correlation)] : [x.description],
                ),
              ],
      });
      blocks.push({ kind: 'paragraph', text: `${m.verdict}: ${verdictText(report, locale)}` });
    } else if (pe.warnings.some((w) => w.code === 'binary_outcome')) {
      blocks.push({ kind: 'paragraph', text: m.binaryOutcome });
    }
    if (pe.regression !== null) {
      // A binary outcome's check is a logistic fit: log-odds with Wald z tests.
      const logistic = pe.regression.method === 'logistic';
      blocks.push({ kind: 'paragraph', text: `${m.regressionCheck}:` });
      blocks.push({
        kind: 'table',
        rows: [
          [m.term, m.estimate, 'SE', logistic ? 'z' : 't', 'p', ''],
          ...pe.regression.coefficients.map((c) =>
            'aliased' in c
              ? [name(c.name), m.aliased, '', '', '', '']
              : [
                  c.name === '(Intercept)' ? c.name : name(c.name),
                  fixed(c.estimate, 3),
                  fixed(c.stdError, 3),
                  fixed('zValue' in c ? c.zValue : c.tValue),
                  formatP(c.pValue),
                  significanceStars(c.pValue),
                ],
          ),
        ],
      });
      if (logistic) blocks.push({ kind: 'paragraph', text: `${m.modelLine['logistic-binary']}.` });
    }
    sections.push({ heading: m.peakEnd, blocks });
    if (pe.gestalt !== null) sections.push(gestaltSection(pe.gestalt, { locale, aggregate: pe.outcome === 'binary' ? null : a, ...(options.charts !== undefined && { charts: options.charts }) }));
  }
  const kd = report.keyDrivers;
  if (kd !== null) {
    const reg = kd.regression;
    const flags = (t: (typeof kd.touchpoints)[number]): string =>
      [t.flags.keyMoment && m.keyMoment, t.flags.painPoint && m.painPoint, t.flags.hygiene && m.hygiene, t.flags.peak && m.peak, t.flags.end && m.end].filter(Boolean).join(', ');
    const blocks: Block[] = [];
    if (options.charts) blocks.push({ kind: 'chart', chart: 'drivers', title: m.driverChart });
    blocks.push({
      kind: 'paragraph',
      text:
        kd.importance.method === 'pseudo-r-squared-shapley'
          ? m.binaryDrivers(kd.n, fixed(kd.importance.rSquared, 3))
          : `OLS (n = ${reg.n}): R² = ${fixed(reg.rSquared, 3)}, ${m.adjRSquared} = ${fixed(reg.adjustedRSquared, 3)}, F = ${fixed(reg.fStatistic)} (p ${formatP(reg.fPValue)}); ${m.importance} = ${kd.importance.method.toUpperCase()}.`,
    });
    blocks.push({
      kind: 'table',
      rows: [
        [m.touchpoint, m.mean, m.coefficient, 'SE', 'p', '', m.importance, m.share, m.rank, m.quadrant, m.flags],
        ...kd.touchpoints.map((t) => [
          name(t.touchpoint),
          fixed(t.performance),
          fixed(t.estimate, 3),
          fixed(t.stdError, 3),
          formatP(t.pValue),
          significanceStars(t.pValue),
          fixed(t.importance, 3),
          percent(t.importanceShare),
          String(t.importanceRank),
          m.quadrants[t.quadrant] ?? t.quadrant,
          flags(t),
        ]),
      ],
    });
    // Which model the Coef, SE and p columns come from (a binary outcome is not top-2-box).
    const modelKey = kd.outcome !== 'rating' && kd.model !== 'ordinal' ? `${kd.model}-binary` : kd.model;
    if (kd.modelFit !== null) {
      const f = kd.modelFit;
      blocks.push({
        kind: 'paragraph',
        text: `${m.modelLine[modelKey] ?? kd.model}: n = ${f.n}, LR χ² = ${fixed(f.likelihoodRatio.statistic)} (df ${f.likelihoodRatio.df}, p ${formatP(f.likelihoodRatio.pValue)}), McFadden R² = ${fixed(f.mcFaddenRSquared, 3)}.`,
      });
    } else if (modelKey === 'ols-binary') {
      blocks.push({ kind: 'paragraph', text: `${m.modelLine[modelKey]}.` });
    }
    const held = kd.importance as { rSquaredAlways?: number };
    if (held.rSquaredAlways !== undefined) {
      const touchpointNames = new Set([...kd.touchpoints.map((t) => t.touchpoint), '(Intercept)']);
      const terms = kd.regression.coefficients.map((c) => c.name).filter((n) => !touchpointNames.has(n) && !n.endsWith(' not answered'));
      blocks.push({ kind: 'paragraph', text: segmentsMessages(locale).controls(terms.join(', '), fixed(held.rSquaredAlways, 3)) });
    }
    blocks.push({ kind: 'paragraph', text: m.significance });
    blocks.push({
      kind: 'paragraph',
      text: m.definitions(String(kd.alpha), `${(kd.minImportanceShare * 100).toFixed(1)}%`, fixed(kd.highPerformance), m.highPerformanceRule[kd.highPerformanceRule] ?? kd.highPerformanceRule),
    });
    if (options.charts) blocks.push({ kind: 'chart', chart: 'ipa', title: m.ipaChart });
    sections.push({ heading: m.keyDrivers, blocks });
    if (kd.bootstrap !== null) {
      const b = kd.bootstrap;
      sections.push({
        heading: m.bootstrap,
        blocks: [
          { kind: 'paragraph', text: `${b.replicates} ${m.resamples}, seed ${b.seed}, ${Math.round(b.level * 100)}% CI.` },
          {
            kind: 'table',
            rows: [
              [m.touchpoint, m.importance, m.percentileCi, m.bcaCi, m.rankCi, m.rankedFirst],
              ...b.estimates.map((e) => [
                name(e.name),
                fixed(e.estimate, 3),
                `${fixed(e.percentile.lower, 3)}–${fixed(e.percentile.upper, 3)}`,
                `${fixed(e.bca.lower, 3)}–${fixed(e.bca.upper, 3)}`,
                `${fixed(e.rankInterval.lower, 0)}–${fixed(e.rankInterval.upper, 0)}`,
                percent(e.shareRankedFirst),
              ]),
            ],
          },
        ],
      });
    }
    if (kd.penaltyReward !== null) {
      const pr = kd.penaltyReward;
      // Touchpoints on different scales have their own boxes: then each row shows its box limits.
      const box = pr.factors[0] ?? pr;
      const ownBoxes = pr.factors.some((f) => f.lowAtMost !== box.lowAtMost || f.highAtLeast !== box.highAtLeast);
      sections.push({
        heading: ownBoxes ? m.penaltyReward : `${m.penaltyReward} (${(m.boxes[box.boxRule] ?? (m.boxes.given as (l: string, h: string) => string))(short(box.lowAtMost), short(box.highAtLeast))})`,
        blocks: [
          {
            kind: 'table',
            rows: [
              [m.touchpoint, m.low, m.high, m.penalty, 'SE', 'p', m.reward, 'SE', 'p', m.asymmetry, m.factor],
              ...pr.factors.map((f) => [
                name(f.touchpoint),
                `${f.lowCount} (${percent(f.lowShare)})${ownBoxes ? ` ≤ ${short(f.lowAtMost)}` : ''}`,
                `${f.highCount} (${percent(f.highShare)})${ownBoxes ? ` ≥ ${short(f.highAtLeast)}` : ''}`,
                fixed(f.penalty, 3),
                fixed(f.penaltyStdError, 3),
                formatP(f.penaltyPValue),
                fixed(f.reward, 3),
                fixed(f.rewardStdError, 3),
                formatP(f.rewardPValue),
                fixed(f.impactAsymmetry),
                f.factor === null ? '–' : (m.factors[f.factor] ?? f.factor),
              ]),
            ],
          },
          { kind: 'paragraph', text: m.minCell(pr.minCellSize) },
        ],
      });
    }
  }
  for (const [k, comparison] of (report.segments ?? []).entries()) {
    sections.push(segmentsSection(comparison, { locale, name, chart: options.charts === true && k === 0 }));
  }
  if (report.warnings.length > 0) {
    sections.push({ heading: m.warnings, blocks: report.warnings.map((w) => ({ kind: 'paragraph' as const, text: warningText(w, locale) })) });
  }
  sections.push({ heading: m.methods, blocks: [{ kind: 'paragraph', text: m.methodNotes }] });
  return { title: m.title, locale, sections };
}

/** The descriptives table (header first), with display names from `name`. */
export function descriptivesRows(descriptives: SurveyDescriptives, name: (column: string) => string, locale: Locale = 'en'): string[][] {
  const m = messages(locale);
  return [
    [m.item, 'n', m.missing, m.mean, 'SD', 'SE', `${Math.round(descriptives.level * 100)}% CI`, m.median, m.topTwo, m.bottomTwo],
    ...descriptives.items.map((d) => [
      d.role === 'overall' ? `${name(d.column)} (${m.overall})` : name(d.column),
      String(d.n),
      String(d.missing),
      fixed(d.mean),
      fixed(d.sampleStandardDeviation),
      fixed(d.standardError, 3),
      d.ciLower === null || d.ciUpper === null ? '–' : `${fixed(d.ciLower)}–${fixed(d.ciUpper)}`,
      fixed(d.median, 1),
      percent(d.topTwoBox),
      percent(d.bottomTwoBox),
    ]),
  ];
}
