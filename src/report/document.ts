/**
 * The Report laid out once as a document (sections of paragraphs, tables and chart slots), in a
 * locale, so the text, Markdown and HTML presenters only differ in how they draw it. Formatting
 * only: no statistics are computed here.
 */
import type { Report } from '../schema/report.js';
import type { SurveyDescriptives } from '../survey/describe-survey.js';
import { formatNumber, formatPercent, formatPValue, formatSigned, significanceStars } from './format.js';
import { gestaltSection } from './gestalt-section.js';
import { type Locale, messages, modelName, peakEndVerdictText, segmentsMessages, touchpointName, warningText } from './i18n.js';
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

const fixed = formatNumber;

/** A Report's peak-end part (`report.peakEnd`, not null). */
export type PeakEndReport = NonNullable<Report['peakEnd']>;
/** A Report's key-driver part (`report.keyDrivers`, not null). */
export type KeyDriversReport = NonNullable<Report['keyDrivers']>;

/** What every section is laid out with: the locale, its words, display names, whether charts have slots. */
export interface SectionContext {
  readonly locale: Locale;
  /** A rated column's display name in the locale. */
  readonly name: (column: string) => string;
  /** Add chart slots (the HTML presenter fills them; text and Markdown leave them out). */
  readonly charts: boolean;
}

/** A box bound as the user would write it: integers plain, fractions to two decimals. */
const short = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(2));

/**
 * Lays out a Report: one function per section, in this order (sections without data are left
 * out): survey, descriptives, peak-end rule, Gestalt battery, key drivers, bootstrap,
 * penalty-reward, segments, warnings, methods. `charts` adds chart slots (the HTML presenter
 * fills them; text and Markdown leave them out).
 */
export function reportDocument(report: Report, options: { locale?: Locale; charts?: boolean } = {}): ReportDocument {
  const locale = options.locale ?? 'en';
  const context: SectionContext = { locale, name: (column) => touchpointName(report, column, locale), charts: options.charts === true };
  const sections: Section[] = [surveySection(report, context), descriptivesSection(report, context)];
  const pe = report.peakEnd;
  if (pe !== null) {
    sections.push(peakEndSection(pe, context));
    if (pe.gestalt !== null) sections.push(gestaltSection(pe.gestalt, { locale, aggregate: pe.outcome === 'binary' ? null : pe.aggregate, charts: context.charts }));
  }
  const kd = report.keyDrivers;
  if (kd !== null) {
    sections.push(keyDriversSection(kd, context));
    if (kd.bootstrap !== null) sections.push(bootstrapSection(kd.bootstrap, context));
    if (kd.penaltyReward !== null) sections.push(penaltyRewardSection(kd.penaltyReward, context));
  }
  for (const [k, comparison] of (report.segments ?? []).entries()) {
    sections.push(segmentsSection(comparison, { locale, name: context.name, chart: context.charts && k === 0 }));
  }
  if (report.warnings.length > 0) sections.push(warningsSection(report.warnings, context));
  const m = messages(locale);
  sections.push({ heading: m.methods, blocks: [{ kind: 'paragraph', text: m.methodNotes }] });
  return { title: m.title, locale, sections };
}

/** The survey: respondents, touchpoints, overall item and scale, and every input row accounted for. */
export function surveySection(report: Report, { locale, name }: SectionContext): Section {
  const m = messages(locale);
  const { scale } = report.survey;
  const ingest = report.ingest;
  const dropped = Object.entries(ingest.droppedByReason).filter(([, c]) => c > 0);
  return {
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
  };
}

/** Descriptives: the raking note when weights were calibrated, the journey chart slot and the table. */
export function descriptivesSection(report: Report, { locale, name, charts }: SectionContext): Section {
  const m = messages(locale);
  const raking = calibrationText(report, locale);
  return {
    heading: m.descriptives,
    blocks: [
      ...(raking !== null ? [{ kind: 'paragraph' as const, text: raking }] : []),
      ...(charts ? [{ kind: 'chart' as const, chart: 'journey' as const, title: m.journeyChart }] : []),
      { kind: 'table', rows: descriptivesRows(report.descriptives, name, locale) },
      ...npsBlocks(report.descriptives, name, locale),
    ],
  };
}

/** The Net Promoter Score of an NPS outcome, under the descriptives table. */
export function npsBlocks(descriptives: SurveyDescriptives, name: (column: string) => string, locale: Locale): Block[] {
  const m = messages(locale);
  return descriptives.items.flatMap((d) =>
    d.nps === undefined || d.nps === null
      ? []
      : [
          {
            kind: 'paragraph' as const,
            text: m.npsLine(
              name(d.column),
              formatSigned(d.nps.score, 1),
              `${Math.round(descriptives.level * 100)}% CI ${formatSigned(d.nps.ciLower, 1)} – ${formatSigned(d.nps.ciUpper, 1)}`,
              formatPercent(d.nps.promoters),
              formatPercent(d.nps.passives),
              formatPercent(d.nps.detractors),
              d.n,
            ),
          },
        ],
  );
}

/**
 * The peak-end rule: the aggregate method with its paired test, the per-respondent accuracy, the
 * model comparison with its verdict, and the regression check. Used by the report and by the
 * notebook display of a `peakEnd()` result.
 */
export function peakEndSection(pe: PeakEndReport, { locale, name, charts }: SectionContext): Section {
  const m = messages(locale);
  const blocks: Block[] = [];
  if (charts) blocks.push({ kind: 'chart', chart: 'peakEnd', title: m.peakEndChart });
  blocks.push(...aggregateBlocks(pe, locale, name));
  const acc = pe.respondents.accuracy;
  blocks.push({
    kind: 'paragraph',
    text:
      'logLoss' in acc
        ? `${m.perRespondent} (n = ${pe.respondents.n}): log-loss ${fixed(acc.logLoss, 3)}, Brier ${fixed(acc.brierScore, 3)}, AUC ${fixed(acc.auc, 3)}.`
        : `${m.perRespondent} (n = ${pe.respondents.n}): MAE ${fixed(acc.meanAbsoluteError)}, RMSE ${fixed(acc.rootMeanSquaredError)}, ${m.bias} ${fixed(acc.meanBias)}, r ${fixed(acc.correlation)}.`,
  });
  if (pe.comparison !== null) blocks.push(...comparisonBlocks(pe.comparison, pe.outcome, locale));
  else if (pe.warnings.some((w) => w.code === 'binary_outcome')) blocks.push({ kind: 'paragraph', text: m.binaryOutcome });
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
                formatPValue(c.pValue, 'table'),
                significanceStars(c.pValue),
              ],
        ),
      ],
    });
    if (logistic) blocks.push({ kind: 'paragraph', text: `${m.modelLine['logistic-binary']}.` });
  }
  return { heading: m.peakEnd, blocks };
}

/** The aggregate method: the moments, the prediction against the observed mean with the gap and its test. */
function aggregateBlocks(pe: PeakEndReport, locale: Locale, name: (column: string) => string): Block[] {
  const m = messages(locale);
  const a = pe.aggregate;
  const moments = `${m.peak} (${m.peakRules[a.rule] ?? a.rule}): ${a.peaks.map((p) => `${name(p.touchpoint)} ${fixed(p.mean)}`).join(', ')}; ${m.end}: ${name(a.end.touchpoint)} ${fixed(a.end.mean)}. `;
  if (pe.outcome === 'binary') return [{ kind: 'paragraph', text: moments + m.binaryAggregate(fixed(a.prediction), fixed(a.observed, 3)) }];
  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text:
        moments +
        `${m.prediction} ${fixed(a.prediction)} = ${a.weight} × ${m.peak} + ${fixed(1 - a.weight, 1)} × ${m.end}; ${m.observed} ${fixed(a.observed)}; ${m.gap} ${formatSigned(a.gap)}` +
        ` (${m.sameRespondents(a.n)}` +
        (a.gapTest ? `; ${m.pairedT(Math.round(a.gapTest.level * 100), fixed(a.gapTest.ciLower), fixed(a.gapTest.ciUpper), formatPValue(a.gapTest.pValue, 'table'))}).` : ').'),
    },
  ];
  if (fixed(a.allAnswers.prediction) !== fixed(a.prediction) || fixed(a.allAnswers.observed) !== fixed(a.observed)) {
    blocks.push({ kind: 'paragraph', text: m.allAnswers(fixed(a.allAnswers.prediction), fixed(a.allAnswers.observed), formatSigned(a.allAnswers.gap)) });
  }
  return blocks;
}

/** The model comparison: its table (MAE or log-loss, best first) and the verdict in words. */
function comparisonBlocks(comparison: NonNullable<PeakEndReport['comparison']>, outcome: PeakEndReport['outcome'], locale: Locale): Block[] {
  const m = messages(locale);
  const model = (code: string): string => modelName(code, outcome, locale);
  return [
    { kind: 'paragraph', text: `${m.modelComparison} (n = ${comparison.n}; ${m.crossValidation(comparison.folds, comparison.seed)}):` },
    {
      kind: 'table',
      rows:
        outcome === 'binary'
          ? [
              [m.model, 'Log-loss', 'Brier', 'AUC'],
              ...comparison.models.map((x) => ('logLoss' in x ? [model(x.model), fixed(x.logLoss, 3), fixed(x.brierScore, 3), fixed(x.auc, 3)] : [model(x.model)])),
            ]
          : [
              [m.model, 'MAE', 'RMSE', m.biasHeader, 'r'],
              ...comparison.models.map((x) =>
                'meanAbsoluteError' in x ? [model(x.model), fixed(x.meanAbsoluteError), fixed(x.rootMeanSquaredError), fixed(x.meanBias), fixed(x.correlation)] : [model(x.model)],
              ),
            ],
    },
    { kind: 'paragraph', text: `${m.verdict}: ${peakEndVerdictText(comparison.verdict, locale)}` },
  ];
}

/**
 * Key drivers: the model summary, the driver table (coefficient, importance, quadrant, flags),
 * the line naming the model behind the coefficients, controls, definitions and chart slots.
 */
export function keyDriversSection(kd: KeyDriversReport, { locale, name, charts }: SectionContext): Section {
  const m = messages(locale);
  const reg = kd.regression;
  const flags = (t: (typeof kd.touchpoints)[number]): string =>
    [t.flags.keyMoment && m.keyMoment, t.flags.painPoint && m.painPoint, t.flags.hygiene && m.hygiene, t.flags.peak && m.peak, t.flags.end && m.end].filter(Boolean).join(', ');
  const blocks: Block[] = [];
  if (charts) blocks.push({ kind: 'chart', chart: 'drivers', title: m.driverChart });
  blocks.push({
    kind: 'paragraph',
    text:
      kd.importance.method === 'pseudo-r-squared-shapley'
        ? m.binaryDrivers(kd.n, fixed(kd.importance.rSquared, 3))
        : `OLS (n = ${reg.n}): R² = ${fixed(reg.rSquared, 3)}, ${m.adjRSquared} = ${fixed(reg.adjustedRSquared, 3)}, F = ${fixed(reg.fStatistic)} (p ${formatPValue(reg.fPValue, 'table')}); ${m.importance} = ${kd.importance.method.toUpperCase()}.`,
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
        formatPValue(t.pValue, 'table'),
        significanceStars(t.pValue),
        fixed(t.importance, 3),
        formatPercent(t.importanceShare),
        String(t.importanceRank),
        m.quadrants[t.quadrant] ?? t.quadrant,
        flags(t),
      ]),
    ],
  });
  const modelLine = modelFitLine(kd, locale);
  if (modelLine !== null) blocks.push({ kind: 'paragraph', text: modelLine });
  const held = kd.importance as { rSquaredAlways?: number };
  if (held.rSquaredAlways !== undefined) {
    const touchpointNames = new Set([...kd.touchpoints.map((t) => t.touchpoint), '(Intercept)']);
    const terms = kd.regression.coefficients.map((c) => c.name).filter((n) => !touchpointNames.has(n) && !n.endsWith(' not answered'));
    blocks.push({ kind: 'paragraph', text: segmentsMessages(locale).controls(terms.join(', '), fixed(held.rSquaredAlways, 3)) });
  }
  blocks.push({ kind: 'paragraph', text: m.significance });
  blocks.push({
    kind: 'paragraph',
    text: m.definitions(String(kd.alpha), `${fixed(kd.minImportanceShare * 100, 1)}%`, fixed(kd.highPerformance), m.highPerformanceRule[kd.highPerformanceRule] ?? kd.highPerformanceRule),
  });
  if (charts) blocks.push({ kind: 'chart', chart: 'ipa', title: m.ipaChart });
  return { heading: m.keyDrivers, blocks };
}

/** Which model the Coef, SE and p columns come from (a binary outcome is not top-2-box), or null for OLS of a rating. */
function modelFitLine(kd: KeyDriversReport, locale: Locale): string | null {
  const m = messages(locale);
  const modelKey = kd.outcome !== 'rating' && kd.model !== 'ordinal' ? `${kd.model}-binary` : kd.model;
  if (kd.modelFit !== null) {
    const f = kd.modelFit;
    return `${m.modelLine[modelKey] ?? kd.model}: n = ${f.n}, LR χ² = ${fixed(f.likelihoodRatio.statistic)} (df ${f.likelihoodRatio.df}, p ${formatPValue(f.likelihoodRatio.pValue, 'table')}), McFadden R² = ${fixed(f.mcFaddenRSquared, 3)}.`;
  }
  return modelKey === 'ols-binary' ? `${m.modelLine[modelKey]}.` : null;
}

/** Bootstrap intervals of the importance: percentile and BCa intervals, rank intervals, share ranked first. */
export function bootstrapSection(b: NonNullable<KeyDriversReport['bootstrap']>, { locale, name }: SectionContext): Section {
  const m = messages(locale);
  return {
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
            formatPercent(e.shareRankedFirst),
          ]),
        ],
      },
    ],
  };
}

/** Penalty-reward factors: low and high boxes, penalty and reward with their tests, asymmetry, factor type. */
export function penaltyRewardSection(pr: NonNullable<KeyDriversReport['penaltyReward']>, { locale, name }: SectionContext): Section {
  const m = messages(locale);
  // Touchpoints on different scales have their own boxes: then each row shows its box limits.
  const box = pr.factors[0] ?? pr;
  const ownBoxes = pr.factors.some((f) => f.lowAtMost !== box.lowAtMost || f.highAtLeast !== box.highAtLeast);
  return {
    heading: ownBoxes ? m.penaltyReward : `${m.penaltyReward} (${(m.boxes[box.boxRule] ?? (m.boxes.given as (l: string, h: string) => string))(short(box.lowAtMost), short(box.highAtLeast))})`,
    blocks: [
      {
        kind: 'table',
        rows: [
          [m.touchpoint, m.low, m.high, m.penalty, 'SE', 'p', m.reward, 'SE', 'p', m.asymmetry, m.factor],
          ...pr.factors.map((f) => [
            name(f.touchpoint),
            `${f.lowCount} (${formatPercent(f.lowShare)})${ownBoxes ? ` ≤ ${short(f.lowAtMost)}` : ''}`,
            `${f.highCount} (${formatPercent(f.highShare)})${ownBoxes ? ` ≥ ${short(f.highAtLeast)}` : ''}`,
            fixed(f.penalty, 3),
            fixed(f.penaltyStdError, 3),
            formatPValue(f.penaltyPValue, 'table'),
            fixed(f.reward, 3),
            fixed(f.rewardStdError, 3),
            formatPValue(f.rewardPValue, 'table'),
            fixed(f.impactAsymmetry),
            f.factor === null ? '–' : (m.factors[f.factor] ?? f.factor),
          ]),
        ],
      },
      { kind: 'paragraph', text: m.minCell(pr.minCellSize) },
    ],
  };
}

/** Every warning of the Report, each with its source analysis, in the locale's words. */
export function warningsSection(warnings: Report['warnings'], { locale }: SectionContext): Section {
  return { heading: messages(locale).warnings, blocks: warnings.map((w) => ({ kind: 'paragraph' as const, text: warningText(w, locale) })) };
}

/** The descriptives table (header first), with display names from `name`. */
export function descriptivesRows(descriptives: SurveyDescriptives, name: (column: string) => string, locale: Locale = 'en'): string[][] {
  const m = messages(locale);
  // Not-applicable answers get their own column when there are any (they are not missing answers).
  const na = descriptives.items.some((d) => d.notApplicable > 0);
  return [
    [m.item, 'n', m.missing, ...(na ? [m.notApplicable] : []), m.mean, 'SD', 'SE', `${Math.round(descriptives.level * 100)}% CI`, m.median, m.topTwo, m.bottomTwo],
    ...descriptives.items.map((d) => [
      d.role === 'overall' ? `${name(d.column)} (${m.overall})` : name(d.column),
      String(d.n),
      String(d.missing),
      ...(na ? [String(d.notApplicable)] : []),
      fixed(d.mean),
      fixed(d.sampleStandardDeviation),
      fixed(d.standardError, 3),
      d.ciLower === null || d.ciUpper === null ? '–' : `${fixed(d.ciLower)}–${fixed(d.ciUpper)}`,
      fixed(d.median, 1),
      formatPercent(d.topTwoBox),
      formatPercent(d.bottomTwoBox),
    ]),
  ];
}
