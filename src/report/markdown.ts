/**
 * The Report as Markdown: the same document as the text report, with GitHub tables, for papers,
 * issues and notebooks. Data-derived text is escaped so it cannot break the table or inject HTML.
 */
import type { Report } from '../schema/report.js';
import { reportDocument } from './document.js';
import type { Locale } from './i18n.js';

/** Escapes text for a Markdown table cell or paragraph (pipes, HTML, emphasis, line breaks). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/**
 * Formats a Report as GitHub-flavoured Markdown.
 *
 * @example
 * ```ts
 * formatReportMarkdown(analyze(survey), { locale: 'zh-CN' }); // "# 客户体验调查分析\n\n## 调查 ..."
 * ```
 */
export function formatReportMarkdown(report: Report, options: { locale?: Locale } = {}): string {
  const doc = reportDocument(report, options);
  const lines: string[] = [`# ${escapeMarkdown(doc.title)}`, ''];
  for (const section of doc.sections) {
    lines.push(`## ${escapeMarkdown(section.heading)}`, '');
    for (const block of section.blocks) {
      if (block.kind === 'paragraph') lines.push(escapeMarkdown(block.text), '');
      if (block.kind === 'table') {
        const [header, ...body] = block.rows;
        const numeric = (header ?? []).map((_, i) => body.length > 0 && body.every((row) => /^[-+–<]?[\d.,%–]*$/.test(row[i] ?? '')));
        lines.push(`| ${(header ?? []).map(escapeMarkdown).join(' | ')} |`);
        lines.push(`|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`);
        for (const row of body) lines.push(`| ${row.map(escapeMarkdown).join(' | ')} |`);
        lines.push('');
      }
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
