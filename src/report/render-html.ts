/**
 * renderReportHtml ('peak-end/node'): the HTML report with its charts rendered to inline SVG by
 * Vega and Vega-Lite in Node, so the page works offline and runs no script.
 */
import type { Report } from '../schema/report.js';
import { estimateTextWidth, reportCharts, type VegaLiteSpec } from './charts.js';
import { type ChartSvgs, formatReportHtml } from './html.js';
import type { Locale } from './i18n.js';

interface TextMetrics {
  width: (item: { fontSize?: number; fontWeight?: string | number; limit?: number }, text: string) => number;
  estimateWidth: TextMetrics['width'];
}

/**
 * Without a canvas, Vega estimates every character as 0.8 em, so a Chinese label (1 em a
 * character) is laid out too narrow and its first characters fall off the left edge. Vega lets a
 * host supply its own text measure (as vl-convert does); ours counts full-width characters as
 * 1 em. Only Vega's own estimate is replaced, never a measure someone else installed.
 */
function useTextEstimate(metrics: TextMetrics): void {
  if (metrics.width !== metrics.estimateWidth) return;
  metrics.width = (item, text) => {
    const value = text == null ? '' : String(text).trim();
    const width = estimateTextWidth(value, item.fontSize ?? 11, item.fontWeight === 'bold' || Number(item.fontWeight) >= 600);
    return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}

/** Renders one Vega-Lite spec to an SVG string (headless, no canvas). */
export async function renderChartSvg(spec: VegaLiteSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  useTextEstimate((vega as unknown as { textMetrics: TextMetrics }).textMetrics);
  // The library never writes to the console: compiler and view log nothing.
  const silent = { level: () => silent, error: () => silent, warn: () => silent, info: () => silent, debug: () => silent };
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0], { logger: silent as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The full HTML report of a Report, charts included.
 *
 * @example
 * ```ts
 * import { renderReportHtml } from 'peak-end/node';
 * await writeFile('report.html', await renderReportHtml(report, { locale: 'zh-CN' }));
 * ```
 */
export async function renderReportHtml(report: Report, options: { locale?: Locale } = {}): Promise<string> {
  const specs = reportCharts(report, options);
  const entries = await Promise.all(
    (Object.keys(specs) as (keyof typeof specs)[])
      .filter((key) =>
        key === 'drivers' || key === 'ipa'
          ? report.keyDrivers !== null
          : key === 'peakEnd'
            ? report.peakEnd !== null
            : key === 'gestalt'
              ? (report.peakEnd?.gestalt?.importance ?? null) !== null
              : key === 'segments'
                ? (report.segments ?? []).length > 0
                : true,
      )
      .map(async (key) => [key, await renderChartSvg(specs[key])] as const),
  );
  const charts: ChartSvgs = Object.fromEntries(entries);
  return formatReportHtml(report, { ...options, charts });
}
