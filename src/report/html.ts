/**
 * The Report as one self-contained HTML page: no scripts, no external resources, charts as inline
 * SVG (rendered beforehand, e.g. by `renderReportHtml` in 'peak-end/node'). Every piece of text
 * that comes from the data is HTML-escaped.
 */
import type { Report } from '../schema/report.js';
import { reportDocument } from './document.js';
import type { Locale } from './i18n.js';

/** Chart SVGs by slot; slots without an SVG are left out. */
export type ChartSvgs = Partial<Record<'journey' | 'drivers' | 'ipa' | 'peakEnd' | 'gestalt' | 'segments', string>>;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:64rem;padding:0 1rem;color:#24292f}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
th,td{padding:.25rem .6rem;border-bottom:1px solid #eaeef2;text-align:left}td.n{text-align:right}
figure{margin:1rem 0}figcaption{color:#57606a;font-size:.9rem}svg{max-width:100%;height:auto}
.meta{color:#57606a;font-size:.85rem}`;

/**
 * Formats a Report as HTML. Pass `charts` with rendered SVGs to include the charts.
 *
 * @example
 * ```ts
 * const html = formatReportHtml(report, { locale: 'zh-CN' }); // '<!doctype html><html lang="zh-CN">...'
 * ```
 */
export function formatReportHtml(report: Report, options: { locale?: Locale; charts?: ChartSvgs } = {}): string {
  const { title, locale, body } = reportHtmlBody(report, options);
  return `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>\n${body}\n</body></html>\n`;
}

/** The report's body elements (headings, paragraphs, tables, figures), shared with the notebook display. */
export function reportHtmlBody(report: Report, options: { locale?: Locale; charts?: ChartSvgs } = {}): { title: string; locale: Locale; body: string } {
  const charts = options.charts ?? {};
  const doc = reportDocument(report, { ...(options.locale && { locale: options.locale }), charts: Object.keys(charts).length > 0 });
  const body: string[] = [`<h1>${escapeHtml(doc.title)}</h1>`];
  for (const section of doc.sections) {
    body.push(`<h2>${escapeHtml(section.heading)}</h2>`);
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') body.push(`<p>${escapeHtml(block.text)}</p>`);
      else if (block.kind === 'table') body.push(htmlTable(block.rows));
      else {
        const svg = charts[block.chart];
        if (svg !== undefined) body.push(`<figure class="chart" data-chart="${block.chart}">${sanitizeSvg(svg)}<figcaption>${escapeHtml(block.title)}</figcaption></figure>`);
      }
    }
  }
  body.push(`<p class="meta">peak-end ${escapeHtml(report.generator.version)} · schema ${report.schemaVersion}</p>`);
  return { title: doc.title, locale: doc.locale, body: body.join('\n') };
}

/** A table (header row first); numeric cells get class "n" (right-aligned). */
export function htmlTable(rows: readonly (readonly string[])[]): string {
  const [header, ...rest] = rows;
  const numeric = (cell: string): boolean => /^[-+–<]?[\d.,%–]+$/.test(cell);
  return (
    `<table><thead><tr>${(header ?? []).map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>` +
    rest.map((row) => `<tr>${row.map((c) => `<td${numeric(c) ? ' class="n"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`).join('') +
    '</tbody></table>'
  );
}

/**
 * Defence in depth for rendered SVG (whose text the renderer already escapes): drops script
 * elements, event-handler attributes and javascript: URLs, and the XML prolog. Attributes are
 * only looked for inside tags, so text that merely reads like a handler (a column named
 * `<svg onload=...>`, escaped by the renderer) is left whole.
 */
export function sanitizeSvg(svg: string): string {
  return svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/<[a-zA-Z][^>]*>/g, (tag) => tag.replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '').replace(/(href\s*=\s*["']?)\s*javascript:/gi, '$1#'));
}
