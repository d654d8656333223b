/**
 * Rich notebook output. Jupyter's Deno kernel displays a value through the method it finds under
 * `Symbol.for('Jupyter.display')`, which returns a MIME bundle (awaited when it is a promise).
 * The public functions that return results (`analyze`, `describeSurvey`, `peakEnd`, `keyDrivers`,
 * `relativeImportance`, `bootstrapImportance`, `ols`, the chart functions) are wrapped here, at
 * the package boundary (src/index.ts), so that each result carries that method as a
 * NON-enumerable property: `JSON.stringify`, `Object.keys`, spreading, `structuredClone` and the
 * Report schema see exactly the data they saw before, and the analyses themselves stay data-only.
 *
 * A bundle holds `text/plain`, `text/markdown` and `text/html` (tables; the charts as inline SVG,
 * which nbconvert's HTML export and any HTML renderer show), and for charts
 * `application/vnd.vegalite.v5+json` with a Vega-Lite 5 `$schema` (JupyterLab's built-in renderer
 * draws Vega-Lite 5; our own specs say v6, which their features do not need). A Report's four
 * charts travel as one vertically concatenated spec, since a bundle holds one value per MIME type.
 * JupyterLab ranks its HTML renderer before Vega-Lite, so it shows the SVG; display `vegaLite(spec)`
 * for the interactive Vega-Lite view alone.
 *
 * SVG comes from Vega and Vega-Lite (dependencies, loaded on first use by a dynamic import), which
 * run headless in Node, Deno (with --allow-read only), Bun and browsers. Formatting only: nothing
 * here computes a statistic.
 */
import { InvalidArgumentError } from '../errors.js';
import type { KeyDriversResult } from '../experience/key-drivers.js';
import type { PeakEndResult } from '../experience/peak-end.js';
import type { BootstrapImportanceResult } from '../importance/bootstrap.js';
import type { RelativeImportanceResult } from '../importance/relative-importance.js';
import type { OlsResult } from '../regression/ols.js';
import type { Report } from '../schema/report.js';
import type { SurveyDescriptives } from '../survey/describe-survey.js';
import type { Warning } from '../survey/survey.js';
import { reportCharts, type VegaLiteSpec } from './charts.js';
import { type Block, descriptivesRows, type KeyDriversReport, keyDriversSection, npsBlocks, type PeakEndReport, peakEndSection } from './document.js';
import { formatNumber as fixed, formatPValue, formatPercent as percent, significanceStars, formatSignificant as significant } from './format.js';
import { type ChartSvgs, escapeHtml, htmlTable, reportHtmlBody, sanitizeSvg } from './html.js';
import { type Locale, messages, warningText } from './i18n.js';
import { escapeMarkdown, formatReportMarkdown } from './markdown.js';
import { renderChartSvg } from './render-html.js';
import { formatReportText, formatTable } from './text.js';

/** The key under which Jupyter's Deno kernel (and other JavaScript kernels) look for a display method. */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for('Jupyter.display') as never;

/** A Jupyter MIME bundle: MIME type -> content (strings, or JSON for Vega-Lite). */
export type MimeBundle = Readonly<Record<string, unknown>>;

/** Options of {@link mimeBundle} and {@link reportElement}. */
export interface NotebookOptions {
  /** Language of headings and labels (default 'en'). */
  readonly locale?: Locale;
}

const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';
const VEGA_LITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Scoped to the output's own container, so the notebook's styles elsewhere are untouched. */
const STYLE =
  '<style>.peak-end-output table{border-collapse:collapse;margin:.4rem 0 .8rem;font-variant-numeric:tabular-nums}' +
  '.peak-end-output th,.peak-end-output td{padding:.2rem .55rem;border-bottom:1px solid #d0d7de;text-align:left}' +
  '.peak-end-output td.n{text-align:right}.peak-end-output figure{margin:.8rem 0}' +
  '.peak-end-output figcaption,.peak-end-output .meta{color:#57606a;font-size:.85em}.peak-end-output svg{max-width:100%;height:auto}</style>';

/**
 * Attaches the notebook display method to a result, non-enumerable (so its JSON is unchanged),
 * and returns the same object. Frozen or non-extensible values are returned as they are.
 */
export function withNotebookDisplay<T extends object>(value: T, options: NotebookOptions = {}): T {
  if (value !== null && typeof value === 'object' && !(value instanceof Promise) && Object.isExtensible(value) && !Object.hasOwn(value, JUPYTER_DISPLAY)) {
    Object.defineProperty(value, JUPYTER_DISPLAY, { value: () => mimeBundle(value, options), enumerable: false, writable: true, configurable: true });
  }
  return value;
}

/**
 * Wraps a public function so that its result carries the display method. The wrapper has the
 * same type (and so the same documentation) as the function it wraps.
 */
export function displayable<F extends (...args: never[]) => object>(fn: F): F {
  const wrapped = (...args: Parameters<F>): ReturnType<F> => withNotebookDisplay(fn(...args) as ReturnType<F>);
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped as unknown as F;
}

/** {@link displayable} for functions that return a promise of a result (the worker-thread versions). */
export function displayableAsync<F extends (...args: never[]) => Promise<object>>(fn: F): F {
  const wrapped = async (...args: Parameters<F>): Promise<Awaited<ReturnType<F>>> => withNotebookDisplay((await fn(...args)) as Awaited<ReturnType<F>>);
  Object.defineProperty(wrapped, 'name', { value: fn.name });
  return wrapped as unknown as F;
}

/**
 * The MIME bundle of a result, a Report or a chart (recognised by its `method` or `$schema`):
 * `text/plain`, `text/markdown` and `text/html` for results; charts add
 * `application/vnd.vegalite.v5+json` and show as inline SVG in `text/html`. Use it with kernels
 * that take a bundle (e.g. `Deno.jupyter.display(await mimeBundle(x), { raw: true })`, tslab).
 *
 * @example
 * ```ts
 * const bundle = await mimeBundle(analyze(survey));
 * Object.keys(bundle); // ['text/plain', 'text/markdown', 'text/html', 'application/vnd.vegalite.v5+json']
 * ```
 * @throws InvalidArgumentError for a value that is neither a peak-end result nor a chart.
 */
export async function mimeBundle(value: unknown, options: NotebookOptions = {}): Promise<MimeBundle> {
  const locale = options.locale ?? 'en';
  if (isChart(value)) return chartBundle(value);
  const method = value !== null && typeof value === 'object' ? (value as { method?: unknown }).method : undefined;
  if (method === 'analyze') return reportBundle(value as Report, locale);
  const view = resultView(value, method, locale);
  if (view === null) throw new InvalidArgumentError(`mimeBundle takes a peak-end result, Report or chart (an object with a known "method" or a Vega-Lite "$schema"), got ${describe(value)}.`);
  return viewBundle(view);
}

/**
 * Only the Vega-Lite entry of a chart (with a `text/plain` fallback), for JupyterLab's
 * interactive Vega-Lite renderer, which the HTML entry of the full bundle would otherwise outrank.
 *
 * @example
 * ```ts
 * vegaLite(journeyChart(report)); // displays as an interactive chart in JupyterLab
 * ```
 */
export function vegaLite(spec: VegaLiteSpec): { readonly [JUPYTER_DISPLAY]: () => MimeBundle } {
  const bundle = { [VEGA_LITE_MIME]: asVegaLite5(spec), 'text/plain': chartTitle(spec) };
  return { [JUPYTER_DISPLAY]: () => bundle };
}

/**
 * The report as a DOM element (headings, tables, the charts as inline SVG) for Observable and
 * other browser notebooks: `display(await reportElement(report))`, or return it from a cell.
 *
 * @example
 * ```ts
 * document.body.append(await reportElement(analyze(survey), { locale: 'zh-CN' }));
 * ```
 * @throws InvalidArgumentError where there is no DOM (`document`): in Node or Deno, use
 *   `mimeBundle(report)` or `renderReportHtml(report)` ('peak-end/node').
 */
export async function reportElement(report: Report, options: NotebookOptions = {}): Promise<HTMLElement> {
  const doc = (globalThis as { document?: Document }).document;
  if (doc === undefined)
    throw new InvalidArgumentError(
      'reportElement needs a DOM (globalThis.document), as in a browser or Observable notebook; in Node or Deno use mimeBundle(report) for a notebook or renderReportHtml(report) from peak-end/node for a page.',
    );
  const element = doc.createElement('div');
  element.className = 'peak-end-output';
  element.innerHTML = STYLE + (await reportHtml(report, options.locale ?? 'en'));
  return element;
}

// ---------------------------------------------------------------------------------------------
// Reports and charts

async function reportHtml(report: Report, locale: Locale): Promise<string> {
  const charts = await renderSvgs(presentCharts(report, locale));
  return reportHtmlBody(report, { locale, charts: charts.svgs }).body + charts.failure;
}

async function reportBundle(report: Report, locale: Locale): Promise<MimeBundle> {
  const specs = presentCharts(report, locale);
  const charts = await renderSvgs(specs);
  const body = reportHtmlBody(report, { locale, charts: charts.svgs }).body + charts.failure;
  return {
    'text/plain': formatReportText(report, { locale }),
    'text/markdown': formatReportMarkdown(report, { locale }),
    'text/html': `<div class="peak-end-output">${STYLE}${body}</div>`,
    [VEGA_LITE_MIME]: {
      $schema: VEGA_LITE_V5_SCHEMA,
      vconcat: Object.values(specs).map((spec) => withoutSchema(spec)),
      spacing: 40,
      resolve: { scale: { x: 'independent', y: 'independent', color: 'independent' }, legend: { color: 'independent' } },
    },
  };
}

/** The report's charts that have data, as the HTML report chooses them. */
function presentCharts(report: Report, locale: Locale): ChartSpecs {
  const all = reportCharts(report, { locale });
  const present: ChartSpecs = { journey: all.journey };
  if (report.peakEnd !== null) present.peakEnd = all.peakEnd;
  if (report.keyDrivers !== null) {
    present.drivers = all.drivers;
    present.ipa = all.ipa;
  }
  return present;
}

type ChartSpecs = { -readonly [K in keyof ChartSvgs]?: VegaLiteSpec };

/** Renders the charts to SVG; a chart that cannot be rendered is named in `failure`, not dropped silently. */
async function renderSvgs(specs: ChartSpecs): Promise<{ svgs: ChartSvgs; failure: string }> {
  try {
    const entries = await Promise.all(Object.entries(specs).map(async ([key, spec]) => [key, await renderChartSvg(copy(spec))] as const));
    return { svgs: Object.fromEntries(entries), failure: '' };
  } catch (error) {
    return { svgs: {}, failure: `<p class="meta">Charts not rendered to SVG here (${escapeHtml(String((error as Error)?.message ?? error))}); the Vega-Lite entry of this output has them.</p>` };
  }
}

async function chartBundle(spec: VegaLiteSpec): Promise<MimeBundle> {
  const title = chartTitle(spec);
  let figure: string;
  try {
    figure = `<figure>${sanitizeSvg(await renderChartSvg(copy(spec)))}</figure>`;
  } catch (error) {
    figure = `<p class="meta">${escapeHtml(title)}: not rendered to SVG here (${escapeHtml(String((error as Error)?.message ?? error))}).</p>`;
  }
  return {
    'text/plain': `${title} (Vega-Lite chart)`,
    'text/html': `<div class="peak-end-output">${STYLE}${figure}</div>`,
    [VEGA_LITE_MIME]: asVegaLite5(spec),
  };
}

function isChart(value: unknown): value is VegaLiteSpec {
  if (value === null || typeof value !== 'object') return false;
  const schema = (value as { $schema?: unknown }).$schema;
  return typeof schema === 'string' && schema.includes('/schema/vega-lite/');
}

/** A deep copy: Vega marks the data objects it renders (Symbol(vega_id)), and the caller's spec stays as it was. */
function copy(spec: VegaLiteSpec): VegaLiteSpec {
  return JSON.parse(JSON.stringify(spec)) as VegaLiteSpec;
}

function asVegaLite5(spec: VegaLiteSpec): VegaLiteSpec {
  return { ...copy(spec), $schema: VEGA_LITE_V5_SCHEMA };
}

function withoutSchema(spec: VegaLiteSpec): VegaLiteSpec {
  const { $schema: _schema, ...rest } = copy(spec);
  return rest;
}

function chartTitle(spec: VegaLiteSpec): string {
  const title = spec.title;
  if (typeof title === 'string') return title;
  if (title !== null && typeof title === 'object' && typeof (title as { text?: unknown }).text === 'string') return (title as { text: string }).text;
  return 'Chart';
}

function describe(value: unknown): string {
  if (value === null || typeof value !== 'object') return String(value);
  const method = (value as { method?: unknown }).method;
  return method === undefined ? 'an object without "method"' : `an object with method ${JSON.stringify(method)}`;
}

// ---------------------------------------------------------------------------------------------
// Results other than the Report: a heading and blocks, drawn as text, Markdown and HTML.

interface View {
  readonly heading: string;
  readonly blocks: readonly Block[];
}

const IMPORTANCE_METHODS = new Set(['lmg', 'pratt', 'first', 'last', 'betasq', 'johnson', 'dominance']);

function resultView(value: unknown, method: unknown, locale: Locale): View | null {
  if (value === null || typeof value !== 'object') return null;
  if (method === 'describe') return describeView(value as SurveyDescriptives, locale);
  if (method === 'peak-end') return peakEndView(value as PeakEndResult, locale);
  if (method === 'key-drivers') return keyDriversView(value as KeyDriversResult, locale);
  if (method === 'bootstrap') return bootstrapView(value as BootstrapImportanceResult, locale);
  if (method === 'ols') return olsView(value as OlsResult, locale);
  if (typeof method === 'string' && IMPORTANCE_METHODS.has(method) && 'importance' in value) return importanceView(value as RelativeImportanceResult, locale);
  return null;
}

function viewBundle(view: View): MimeBundle {
  const text = [view.heading, ...view.blocks.map((b) => (b.kind === 'table' ? formatTable(b.rows) : b.kind === 'paragraph' ? b.text : ''))].filter((t) => t !== '').join('\n\n');
  const markdown = [`### ${escapeMarkdown(view.heading)}`, ...view.blocks.map((b) => (b.kind === 'table' ? markdownTable(b.rows) : b.kind === 'paragraph' ? escapeMarkdown(b.text) : ''))]
    .filter((t) => t !== '')
    .join('\n\n');
  const html = [`<h3>${escapeHtml(view.heading)}</h3>`, ...view.blocks.map((b) => (b.kind === 'table' ? htmlTable(b.rows) : b.kind === 'paragraph' ? `<p>${escapeHtml(b.text)}</p>` : ''))].join('\n');
  return { 'text/plain': `${text}\n`, 'text/markdown': `${markdown}\n`, 'text/html': `<div class="peak-end-output">${STYLE}${html}</div>` };
}

function markdownTable(rows: readonly (readonly string[])[]): string {
  const [header, ...body] = rows;
  const numeric = (header ?? []).map((_, i) => body.length > 0 && body.every((row) => /^[-+–<]?[\d.,%–]*$/.test(row[i] ?? '')));
  return [`| ${(header ?? []).map(escapeMarkdown).join(' | ')} |`, `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`, ...body.map((row) => `| ${row.map(escapeMarkdown).join(' | ')} |`)].join(
    '\n',
  );
}

/** A result's warnings in the locale's words (as the report's warnings section words them). */
function warningBlocks(warnings: readonly Warning[], locale: Locale = 'en'): Block[] {
  return warnings.map((w) => ({ kind: 'paragraph' as const, text: `${messages(locale).warning} (${w.code}): ${warningText(w, locale)}` }));
}

function describeView(d: SurveyDescriptives, locale: Locale): View {
  const labels = new Map(d.items.map((item) => [item.column, item.label]));
  const name = (column: string): string => labels.get(column) ?? column;
  return {
    heading: messages(locale).descriptives,
    blocks: [{ kind: 'table', rows: descriptivesRows(d, name, locale) }, ...npsBlocks(d, name, locale), ...warningBlocks(d.warnings, locale)],
  };
}

/** A peakEnd() result: the report's peak-end section (one source), touchpoints by column, then its warnings. */
function peakEndView(pe: PeakEndResult, locale: Locale): View {
  const section = peakEndSection(pe as unknown as PeakEndReport, { locale, name: (column) => column, charts: false });
  return { heading: section.heading, blocks: [...section.blocks, ...warningBlocks(pe.warnings, locale)] };
}

/** A keyDrivers() result: the report's key-driver section with the result's own labels, bootstrap, warnings. */
function keyDriversView(kd: KeyDriversResult, locale: Locale): View {
  const labels = new Map(kd.touchpoints.map((t) => [t.touchpoint, locale === 'zh-CN' && t.zh !== null ? t.zh : t.label]));
  const section = keyDriversSection(kd as unknown as KeyDriversReport, { locale, name: (column) => labels.get(column) ?? column, charts: false });
  const blocks = [...section.blocks];
  if (kd.bootstrap !== null) blocks.push(...bootstrapView(kd.bootstrap, locale).blocks);
  return { heading: section.heading, blocks: [...blocks, ...warningBlocks(kd.warnings, locale)] };
}

function bootstrapView(b: BootstrapImportanceResult, locale: Locale): View {
  const m = messages(locale);
  return {
    heading: `${m.bootstrap}: ${m.importance} (${String(b.measure).toUpperCase()})`,
    blocks: [
      {
        kind: 'paragraph',
        text: `${b.replicates} ${m.resamples}${b.failedReplicates > 0 ? m.failedResamples(b.failedReplicates) : ''}, seed ${b.seed}, ${Math.round(b.level * 100)}% CI; n = ${b.n}, R² = ${fixed(b.rSquared, 3)}.`,
      },
      {
        kind: 'table',
        rows: [
          [m.touchpoint, m.importance, 'SE', m.percentileCi, m.bcaCi, m.rankCi, m.rankedFirst],
          ...b.estimates.map((e) => [
            e.name,
            fixed(e.estimate, 3),
            fixed(e.standardError, 3),
            `${fixed(e.percentile.lower, 3)}–${fixed(e.percentile.upper, 3)}`,
            `${fixed(e.bca.lower, 3)}–${fixed(e.bca.upper, 3)}`,
            `${fixed(e.rankInterval.lower, 0)}–${fixed(e.rankInterval.upper, 0)}`,
            percent(e.shareRankedFirst),
          ]),
        ],
      },
      ...warningBlocks(b.warnings, locale),
    ],
  };
}

function importanceView(r: RelativeImportanceResult, locale: Locale): View {
  const m = messages(locale);
  const se = r.standardErrors;
  const names = Object.keys(r.importance);
  return {
    heading: `${m.importance} (${r.method.toUpperCase()})`,
    blocks: [
      {
        kind: 'paragraph',
        text: `R² = ${fixed(r.rSquared, 4)}, n = ${r.n}${r.rowsDropped.missing + r.rowsDropped.zeroWeight > 0 ? m.rowsDroppedNote(r.rowsDropped.missing + r.rowsDropped.zeroWeight) : ''}.`,
      },
      {
        kind: 'table',
        rows: [
          ['', m.importance, `${m.share} (R²)`, ...(se ? ['SE'] : [])],
          ...names.map((name) => {
            const value = r.importance[name] as number;
            return [name, fixed(value, 4), r.rSquared > 0 ? percent(value / r.rSquared) : '–', ...(se ? [fixed(se[name], 4)] : [])];
          }),
        ],
      },
      ...warningBlocks(r.warnings, locale),
    ],
  };
}

function coefficientTable(fit: OlsResult, locale: Locale): Block {
  const m = messages(locale);
  return {
    kind: 'table',
    rows: [
      ['', ...m.olsColumns, '', `${Math.round(fit.level * 100)}% CI`],
      ...fit.coefficients.map((c) =>
        'aliased' in c
          ? [c.name, m.aliased, '', '', '', '', '']
          : [
              c.name,
              significant(c.estimate),
              significant(c.stdError),
              fixed(c.tValue, 3),
              formatPValue(c.pValue, 'table'),
              significanceStars(c.pValue),
              `${significant(c.ciLower)} – ${significant(c.ciUpper)}`,
            ],
      ),
    ],
  };
}

function olsView(fit: OlsResult, locale: Locale): View {
  const m = messages(locale);
  const dropped = fit.rowsDropped.missing + fit.rowsDropped.zeroWeight;
  return {
    heading: m.olsHeading(fit.covariance === 'classical' ? null : fit.covariance),
    blocks: [
      coefficientTable(fit, locale),
      {
        kind: 'paragraph',
        text:
          `${m.olsResidual(significant(fit.residualStdError), fit.dfResidual, fit.n, dropped > 0 ? m.rowsDroppedNote(dropped) : '')} ` +
          m.olsFit(fixed(fit.rSquared, 4), fixed(fit.adjustedRSquared, 4)) +
          (fit.fStatistic !== null ? m.olsF(fixed(fit.fStatistic, 2), fit.dfModel, fit.dfResidual, formatPValue(fit.fPValue, 'table')) : '') +
          `. ${m.significance}`,
      },
      ...warningBlocks(fit.warnings, locale),
    ],
  };
}
