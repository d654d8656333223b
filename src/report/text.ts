/**
 * Plain-text presenters: aligned tables for a terminal. They format results; they never compute
 * statistics.
 */
import type { Report } from '../schema/report.js';
import type { IngestReport } from '../survey/survey.js';
import type { SurveyDescriptives } from '../survey/describe-survey.js';

/** Formats a number with fixed decimals, or an en dash for a missing statistic. */
export function formatNumber(value: number | null, decimals = 2): string {
  return value === null || !Number.isFinite(value) ? '–' : value.toFixed(decimals);
}

/** Aligns rows of cells into columns; the first row is the header. Numbers align right. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  const numeric = (cell: string): boolean => /^[-+–]?[\d.,%]+$|^–$/.test(cell);
  const lines = rows.map((row, r) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - displayWidth(cell));
        return r > 0 && numeric(cell) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines.join('\n');
}

/** Terminal width of a string: East Asian wide characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** The descriptives table: one row per touchpoint (journey order) and the overall rating. */
export function formatDescriptivesText(descriptives: SurveyDescriptives): string {
  const pct = (v: number | null): string => (v === null ? '–' : `${(v * 100).toFixed(0)}%`);
  const level = `${Math.round(descriptives.level * 100)}% CI`;
  const rows = [
    ['Item', 'n', 'Missing', 'Mean', 'SD', 'SE', level, 'Median', 'Top-2', 'Bottom-2'],
    ...descriptives.items.map((d) => [
      d.role === 'overall' ? `${d.label} (overall)` : d.label,
      String(d.n),
      String(d.missing),
      formatNumber(d.mean),
      formatNumber(d.sampleStandardDeviation),
      formatNumber(d.standardError, 3),
      d.ciLower === null || d.ciUpper === null ? '–' : `${formatNumber(d.ciLower)}–${formatNumber(d.ciUpper)}`,
      formatNumber(d.median, 1),
      pct(d.topTwoBox),
      pct(d.bottomTwoBox),
    ]),
  ];
  return formatTable(rows);
}

/** One paragraph accounting for every input row. */
export function formatIngestReportText(report: IngestReport): string {
  const dropped = Object.entries(report.droppedByReason)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${count} ${reason.replace(/_/g, ' ')}`);
  const lines = [
    `Rows read: ${report.rowsRead}; used: ${report.rowsUsed}; dropped: ${report.rowsDropped}${dropped.length ? ` (${dropped.join(', ')})` : ''}.`,
  ];
  const source = [report.encoding && `encoding ${report.encoding}`, report.delimiter && `delimiter ${JSON.stringify(report.delimiter)}`].filter(Boolean);
  if (source.length) lines.push(`Read as ${source.join(', ')}.`);
  if (report.ignoredColumns.length) lines.push(`Columns not in the spec (ignored): ${report.ignoredColumns.join(', ')}.`);
  return lines.join('\n');
}

/** Significance stars as R prints them: *** p < 0.001, ** < 0.01, * < 0.05, . < 0.1. */
export function significanceStars(p: number | null): string {
  if (p === null) return '';
  return p < 0.001 ? '***' : p < 0.01 ? '**' : p < 0.05 ? '*' : p < 0.1 ? '.' : '';
}

/** A p-value for tables: "<0.001" or three decimals. */
export function formatP(p: number | null): string {
  return p === null ? '–' : p < 0.001 ? '<0.001' : p.toFixed(3);
}

/** The whole Report as plain text: ingest, descriptives, peak-end, key drivers, warnings. */
export function formatReportText(report: Report): string {
  const label = new Map(report.survey.touchpoints.map((t) => [t.column, t.label]));
  const name = (column: string): string => label.get(column) ?? column;
  const sections: string[] = [];
  const { scale } = report.survey;
  sections.push(
    `Survey: ${report.survey.n} respondents, ${report.survey.touchpoints.length} touchpoints, overall "${report.survey.overall}", scale ${scale.min}-${scale.max} (neutral ${scale.neutral}).\n` +
      formatIngestReportText(report.ingest as IngestReport),
  );
  sections.push(`DESCRIPTIVES\n${formatDescriptivesText(report.descriptives as SurveyDescriptives)}`);
  const pe = report.peakEnd;
  if (pe !== null) {
    const a = pe.aggregate;
    const lines = [
      'PEAK-END RULE',
      `Peak (${a.rule}): ${a.peaks.map((p) => `${name(p.touchpoint)} ${formatNumber(p.mean)}`).join(' and ')}; end: ${name(a.end.touchpoint)} ${formatNumber(a.end.mean)}.`,
      `Prediction ${formatNumber(a.prediction)} = ${a.weight} x peak + ${formatNumber(1 - a.weight, 1)} x end; observed overall mean ${formatNumber(a.observed)}; gap ${a.gap >= 0 ? '+' : ''}${formatNumber(a.gap)}` +
        (a.gapTest ? ` (paired t over ${a.gapTest.n} respondents: ${formatNumber(a.gapTest.meanDifference)}, ${Math.round(a.gapTest.level * 100)}% CI ${formatNumber(a.gapTest.ciLower)} to ${formatNumber(a.gapTest.ciUpper)}, p ${formatP(a.gapTest.pValue)}).` : '.'),
      `Per respondent (${pe.respondents.n}): MAE ${formatNumber(pe.respondents.accuracy.meanAbsoluteError)}, RMSE ${formatNumber(pe.respondents.accuracy.rootMeanSquaredError)}, bias ${formatNumber(pe.respondents.accuracy.meanBias)}, r ${formatNumber(pe.respondents.accuracy.correlation)}.`,
    ];
    if (pe.comparison !== null) {
      lines.push(
        '',
        `Which model predicts each respondent's overall rating best (n = ${pe.comparison.n}; regression by ${pe.comparison.folds}-fold cross-validation, seed ${pe.comparison.seed}):`,
        formatTable([
          ['Model', 'MAE', 'RMSE', 'Bias', 'r'],
          ...pe.comparison.models.map((m) => [m.description, formatNumber(m.meanAbsoluteError), formatNumber(m.rootMeanSquaredError), formatNumber(m.meanBias), formatNumber(m.correlation)]),
        ]),
        `Verdict: ${pe.comparison.verdict}`,
      );
    }
    if (pe.regression !== null) {
      lines.push('', 'Regression check, overall on the peak and end touchpoints:', formatCoefficients(pe.regression, name));
    }
    sections.push(lines.join('\n'));
  }
  const kd = report.keyDrivers;
  if (kd !== null) {
    const reg = kd.regression;
    const flags = (t: (typeof kd.touchpoints)[number]): string =>
      [t.flags.keyMoment && 'KEY MOMENT', t.flags.painPoint && 'pain point', t.flags.hygiene && 'hygiene', t.flags.peak && 'peak', t.flags.end && 'end'].filter(Boolean).join(', ');
    sections.push(
      [
        'KEY DRIVERS',
        `OLS of overall on all touchpoints: n = ${reg.n}, R² = ${formatNumber(reg.rSquared, 3)}, adjusted ${formatNumber(reg.adjustedRSquared, 3)}, F = ${formatNumber(reg.fStatistic)} (p ${formatP(reg.fPValue)}); importance = ${kd.importance.method.toUpperCase()} share of R².`,
        formatTable([
          ['Touchpoint', 'Mean', 'Coef', 'SE', 'p', '', 'Importance', 'Share', 'Rank', 'Quadrant', 'Flags'],
          ...kd.touchpoints.map((t) => [
            t.label,
            formatNumber(t.performance),
            formatNumber(t.estimate, 3),
            formatNumber(t.stdError, 3),
            formatP(t.pValue),
            significanceStars(t.pValue),
            formatNumber(t.importance, 3),
            `${(t.importanceShare * 100).toFixed(0)}%`,
            String(t.importanceRank),
            t.quadrant,
            flags(t),
          ]),
        ]),
        `Significance: *** p < 0.001, ** p < 0.01, * p < ${kd.alpha}, . p < 0.1. Key moment = significant positive driver; pain point = key moment with mean below ${formatNumber(kd.highPerformance, 1)}; hygiene = mean at or above ${formatNumber(kd.highPerformance, 1)} but not a driver.`,
      ].join('\n'),
    );
    if (kd.bootstrap !== null) {
      const b = kd.bootstrap;
      sections.push(
        [
          `BOOTSTRAP (${b.replicates} resamples, seed ${b.seed}, ${Math.round(b.level * 100)}% intervals)`,
          formatTable([
            ['Touchpoint', 'Importance', 'Percentile CI', 'BCa CI', 'Rank CI', 'Ranked first'],
            ...b.estimates.map((e) => [
              name(e.name),
              formatNumber(e.estimate, 3),
              `${formatNumber(e.percentile.lower, 3)}–${formatNumber(e.percentile.upper, 3)}`,
              `${formatNumber(e.bca.lower, 3)}–${formatNumber(e.bca.upper, 3)}`,
              `${formatNumber(e.rankInterval.lower, 0)}–${formatNumber(e.rankInterval.upper, 0)}`,
              `${(e.shareRankedFirst * 100).toFixed(0)}%`,
            ]),
          ]),
        ].join('\n'),
      );
    }
    if (kd.penaltyReward !== null) {
      const pr = kd.penaltyReward;
      sections.push(
        [
          `PENALTY-REWARD (low box <= ${pr.lowAtMost}, high box >= ${pr.highAtLeast})`,
          formatTable([
            ['Touchpoint', 'Low', 'High', 'Penalty', 'Reward', 'Asymmetry', 'Factor'],
            ...pr.factors.map((f) => [
              f.label,
              `${(f.lowShare * 100).toFixed(0)}%`,
              `${(f.highShare * 100).toFixed(0)}%`,
              formatNumber(f.penalty, 3),
              formatNumber(f.reward, 3),
              formatNumber(f.impactAsymmetry),
              f.factor ?? '–',
            ]),
          ]),
        ].join('\n'),
      );
    }
  }
  if (report.warnings.length > 0) sections.push(['WARNINGS', ...report.warnings.map((w) => `- [${w.source}] ${w.message}`)].join('\n'));
  return sections.join('\n\n');
}

function formatCoefficients(fit: NonNullable<Report['peakEnd']>['regression'] & object, name: (c: string) => string): string {
  return formatTable([
    ['Term', 'Estimate', 'SE', 't', 'p', ''],
    ...fit.coefficients.map((c) =>
      'aliased' in c
        ? [name(c.name), 'aliased', '', '', '', '']
        : [c.name === '(Intercept)' ? c.name : name(c.name), formatNumber(c.estimate, 3), formatNumber(c.stdError, 3), formatNumber(c.tValue), formatP(c.pValue), significanceStars(c.pValue)],
    ),
  ]);
}

/** The Zhijiang reproduction as text: findings side by side, then the GRIM table. */
export function formatReproductionText(r: import('../forensics/reproduce-zhijiang.js').ZhijiangReproduction): string {
  const matched = r.findings.filter((f) => f.matches).length;
  return [
    `REPRODUCING: ${r.study}`,
    `${matched} of ${r.findings.length} published figures and findings reproduced on ${r.n} questionnaires.`,
    formatTable([['Finding', 'Published', 'Reproduced', 'Match'], ...r.findings.map((f) => [f.id, f.published, f.reproduced, f.matches ? 'yes' : 'NO'])]),
    '',
    'GRIM: can n = 47 integer answers give each published mean?',
    formatTable([
      ['Item', 'Mean', 'n = 47', 'Sample sizes in 40..54 that can', 'Answered cells in the data'],
      ...r.grim.map((g) => [g.label, g.mean, g.grimConsistent ? 'possible' : 'impossible', g.consistentSampleSizes.join(', '), String(r.itemN.find((i) => i.id === g.id)?.n ?? '–')]),
    ]),
    r.grimSummary,
    '',
    `Note: ${r.note}`,
  ].join('\n');
}
