/**
 * Plain-text presenters: aligned tables for a terminal. They format results; they never compute
 * statistics.
 */
import type { Report } from '../schema/report.js';
import type { SurveyDescriptives } from '../survey/describe-survey.js';
import type { IngestReport } from '../survey/survey.js';
import { descriptivesRows, npsBlocks, reportDocument } from './document.js';
import type { Locale } from './i18n.js';

export { formatNumber } from './format.js';

/** Aligns rows of cells into columns; the first row is the header. Numbers align right. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
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

/** The descriptives table: one row per touchpoint (journey order) and the overall rating; an NPS outcome's score under it. */
export function formatDescriptivesText(descriptives: SurveyDescriptives): string {
  const labels = new Map(descriptives.items.map((d) => [d.column, d.label]));
  const name = (column: string): string => labels.get(column) ?? column;
  const nps = npsBlocks(descriptives, name, 'en').map((b) => (b.kind === 'paragraph' ? `\n${b.text}` : ''));
  return formatTable(descriptivesRows(descriptives, name)) + nps.join('');
}

/** One paragraph accounting for every input row. */
export function formatIngestReportText(report: IngestReport): string {
  const dropped = Object.entries(report.droppedByReason)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${count} ${reason.replace(/_/g, ' ')}`);
  const lines = [`Rows read: ${report.rowsRead}; used: ${report.rowsUsed}; dropped: ${report.rowsDropped}${dropped.length ? ` (${dropped.join(', ')})` : ''}.`];
  const source = [report.encoding && `encoding ${report.encoding}`, report.delimiter && `delimiter ${JSON.stringify(report.delimiter)}`].filter(Boolean);
  if (source.length) lines.push(`Read as ${source.join(', ')}.`);
  if (report.ignoredColumns.length) lines.push(`Columns not in the spec (ignored): ${report.ignoredColumns.join(', ')}.`);
  return lines.join('\n');
}

/** The whole Report as plain text: ingest, descriptives, peak-end, key drivers, warnings, methods. */
export function formatReportText(report: Report, options: { locale?: Locale } = {}): string {
  const doc = reportDocument(report, options);
  return doc.sections
    .map((section) =>
      [section.heading.toUpperCase(), ...section.blocks.map((block) => (block.kind === 'table' ? formatTable(block.rows) : block.kind === 'paragraph' ? block.text : '')).filter((t) => t !== '')].join(
        '\n',
      ),
    )
    .join('\n\n');
}

/** The Zhijiang reproduction as text: means side by side, each finding with both versions, then GRIM. */
export function formatReproductionText(r: import('../forensics/reproduce-zhijiang.js').ZhijiangReproduction): string {
  const matched = r.findings.filter((f) => f.matches).length;
  const means = r.findings.filter((f) => f.id.startsWith('mean:'));
  const claims = r.findings.filter((f) => !f.id.startsWith('mean:'));
  const label = new Map(r.grim.map((g) => [g.id, g.label]));
  return [
    `REPRODUCING: ${r.study}`,
    `${matched} of ${r.findings.length} published figures and findings reproduced on ${r.n} questionnaires.`,
    '',
    formatTable([
      ['Mean', 'Published', 'Reproduced', 'Answered', 'Match'],
      ...means.map((f) => {
        const id = f.id.slice('mean:'.length);
        return [label.get(id) ?? id, f.published, f.reproduced, String(r.itemN.find((i) => i.id === id)?.n ?? '–'), f.matches ? 'yes' : 'NO'];
      }),
    ]),
    '',
    ...claims.flatMap((f) => [`[${f.matches ? 'yes' : 'NO '}] ${f.id}`, `      published:  ${f.published}`, `      reproduced: ${f.reproduced}`]),
    '',
    'GRIM: can 47 integer answers give each published mean?',
    formatTable([
      ['Item', 'Mean', 'n = 47', 'Sample sizes in 40..54 that can'],
      ...r.grim.map((g) => [g.label, g.mean, g.grimConsistent ? 'possible' : 'impossible', g.consistentSampleSizes.join(', ')]),
    ]),
    r.grimSummary,
    '',
    `Note: ${r.note}`,
  ].join('\n');
}
