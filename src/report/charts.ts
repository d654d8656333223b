/**
 * Vega-Lite chart specs of a Report: plain JSON, so notebooks (Observable, Jupyter with Deno),
 * services and the HTML report can render them with any Vega-Lite runtime. Formatting only.
 */
import type { Report } from '../schema/report.js';
import { gestaltMessages, messages, touchpointName, type Locale } from './i18n.js';

/** A Vega-Lite specification (JSON). */
export type VegaLiteSpec = Record<string, unknown>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 560;

interface ChartOptions {
  readonly locale?: Locale;
}

/**
 * The journey curve: touchpoint means in journey order with their 95% t intervals, a rule at the
 * scale's neutral point, rules at the observed overall mean and the peak-end prediction, and the
 * peak and end touchpoints highlighted.
 */
export function journeyChart(report: Report, options: ChartOptions = {}): VegaLiteSpec {
  const locale = options.locale ?? 'en';
  const m = messages(locale);
  const peak = new Set(report.peakEnd?.aggregate.peaks.map((p) => p.touchpoint) ?? []);
  const end = report.peakEnd?.aggregate.end.touchpoint;
  const points = report.descriptives.items
    .filter((d) => d.role === 'touchpoint')
    .map((d, order) => ({
      order: order + 1,
      touchpoint: touchpointName(report, d.column, locale),
      mean: d.mean,
      lower: d.ciLower,
      upper: d.ciUpper,
      moment: peak.has(d.column) ? m.peak : d.column === end ? m.end : '',
    }));
  const rules = [
    { label: `${m.neutral} ${report.survey.scale.neutral}`, value: report.survey.scale.neutral, kind: 'neutral' },
    ...(report.peakEnd !== null
      ? [
          { label: `${m.observed} ${report.peakEnd.aggregate.observed.toFixed(2)}`, value: report.peakEnd.aggregate.observed, kind: 'observed' },
          { label: `${m.prediction} ${report.peakEnd.aggregate.prediction.toFixed(2)}`, value: report.peakEnd.aggregate.prediction, kind: 'prediction' },
        ]
      : []),
  ];
  const x = { field: 'touchpoint', type: 'nominal', sort: points.map((p) => p.touchpoint), title: null, axis: { labelAngle: -30 } };
  const y = { field: 'mean', type: 'quantitative', title: m.mean, scale: { domain: [report.survey.scale.min, report.survey.scale.max] } };
  return {
    $schema: SCHEMA,
    title: m.journeyChart,
    width: WIDTH,
    height: 280,
    resolve: { scale: { color: 'independent' } },
    layer: [
      { data: { values: points }, mark: { type: 'rule', color: '#9aa5b1' }, encoding: { x, y: { field: 'lower', type: 'quantitative', scale: y.scale }, y2: { field: 'upper' } } },
      { data: { values: points }, mark: { type: 'line', color: '#1f6feb', point: true }, encoding: { x, y } },
      {
        data: { values: points.filter((p) => p.moment !== '') },
        mark: { type: 'point', filled: true, size: 160 },
        encoding: { x, y, color: { field: 'moment', type: 'nominal', title: null, scale: { domain: [m.peak, m.end], range: ['#8250df', '#d1242f'] } } },
      },
      {
        data: { values: rules },
        mark: { type: 'rule', strokeDash: [4, 4] },
        encoding: {
          y: { field: 'value', type: 'quantitative' },
          color: { field: 'label', type: 'nominal', title: null, scale: { domain: rules.map((r) => r.label), range: ['#6e7781', '#1a7f37', '#bf8700'] }, legend: { labelLimit: 320 } },
        },
      },
    ],
  };
}

/**
 * Driver importance: horizontal bars of each touchpoint's importance (share of R-squared), with
 * bootstrap percentile intervals when the Report has them, coloured by significance.
 */
export function driverChart(report: Report, options: ChartOptions = {}): VegaLiteSpec {
  const locale = options.locale ?? 'en';
  const m = messages(locale);
  const kd = report.keyDrivers;
  const boot = new Map((kd?.bootstrap?.estimates ?? []).map((e) => [e.name, e]));
  const values = (kd?.touchpoints ?? []).map((t) => ({
    touchpoint: touchpointName(report, t.touchpoint, locale),
    importance: t.importance,
    lower: boot.get(t.touchpoint)?.percentile.lower ?? null,
    upper: boot.get(t.touchpoint)?.percentile.upper ?? null,
    significance: t.significant ? (t.flags.keyMoment ? m.keyMoment : 'p < α') : 'n.s.',
  }));
  // Sorted by the bars' field with an op that layered (unioned) domains accept; '-x' would be
  // dropped because the interval layer's x is another field.
  const y = { field: 'touchpoint', type: 'nominal', sort: { field: 'importance', op: 'max', order: 'descending' }, title: null };
  return {
    $schema: SCHEMA,
    title: m.driverChart,
    width: WIDTH,
    height: { step: 28 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y,
          x: { field: 'importance', type: 'quantitative', title: `${m.importance} (${kd?.importance.method.toUpperCase() ?? 'LMG'}, R²)` },
          color: { field: 'significance', type: 'nominal', title: null, scale: { domain: [m.keyMoment, 'p < α', 'n.s.'], range: ['#1f6feb', '#bf8700', '#9aa5b1'] } },
        },
      },
      ...(boot.size > 0
        ? [{ mark: { type: 'rule', color: '#24292f' }, encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } }]
        : []),
    ],
  };
}

/** Importance-performance grid: touchpoints by mean (x) and importance (y), crosshairs and quadrant labels. */
export function ipaChart(report: Report, options: ChartOptions = {}): VegaLiteSpec {
  const locale = options.locale ?? 'en';
  const m = messages(locale);
  const ipa = report.keyDrivers?.ipa;
  const points = (ipa?.points ?? []).map((p) => ({ touchpoint: touchpointName(report, p.touchpoint, locale), performance: p.performance, importance: p.importance, quadrant: m.quadrants[p.quadrant] ?? p.quadrant }));
  const cx = ipa?.crosshair.performance ?? report.survey.scale.neutral;
  const cy = ipa?.crosshair.importance ?? 0;
  const maxImportance = Math.max(cy * 2, ...points.map((p) => p.importance)) * 1.1 || 1;
  const lo = Math.min(report.survey.scale.min, ...points.map((p) => p.performance));
  const hi = report.survey.scale.max;
  const labels = [
    { performance: (lo + cx) / 2, importance: maxImportance * 0.97, text: m.quadrants['concentrate here'] },
    { performance: (cx + hi) / 2, importance: maxImportance * 0.97, text: m.quadrants['keep up the good work'] },
    { performance: (lo + cx) / 2, importance: maxImportance * 0.03, text: m.quadrants['low priority'] },
    { performance: (cx + hi) / 2, importance: maxImportance * 0.03, text: m.quadrants['possible overkill'] },
  ];
  const x = { field: 'performance', type: 'quantitative', title: m.mean, scale: { domain: [lo, hi] } };
  const y = { field: 'importance', type: 'quantitative', title: m.importance, scale: { domain: [0, maxImportance] } };
  return {
    $schema: SCHEMA,
    title: m.ipaChart,
    width: WIDTH,
    height: 360,
    layer: [
      { data: { values: [{ performance: cx }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#6e7781' }, encoding: { x } },
      { data: { values: [{ importance: cy }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#6e7781' }, encoding: { y } },
      { data: { values: labels }, mark: { type: 'text', color: '#6e7781', fontStyle: 'italic' }, encoding: { x, y, text: { field: 'text', type: 'nominal' } } },
      { data: { values: points }, mark: { type: 'point', filled: true, size: 120 }, encoding: { x, y, color: { field: 'quadrant', type: 'nominal', title: m.quadrant } } },
      { data: { values: points }, mark: { type: 'text', dy: -12 }, encoding: { x, y, text: { field: 'touchpoint', type: 'nominal' } } },
    ],
  };
}

/** Peak, end, peak-end prediction, the mean of all touchpoints and the observed overall mean as bars. */
export function peakEndChart(report: Report, options: ChartOptions = {}): VegaLiteSpec {
  const locale = options.locale ?? 'en';
  const m = messages(locale);
  const a = report.peakEnd?.aggregate;
  const touchpointMeans = report.descriptives.items.filter((d) => d.role === 'touchpoint' && d.mean !== null).map((d) => d.mean as number);
  const average = touchpointMeans.reduce((s, v) => s + v, 0) / Math.max(1, touchpointMeans.length);
  const values =
    a === undefined
      ? []
      : [
          ...a.peaks.map((p) => ({ label: `${m.peak}: ${touchpointName(report, p.touchpoint, locale)}`, value: p.mean, kind: m.peak })),
          { label: `${m.end}: ${touchpointName(report, a.end.touchpoint, locale)}`, value: a.end.mean, kind: m.end },
          { label: m.prediction, value: a.prediction, kind: m.prediction },
          { label: `${m.mean} (${m.touchpoints})`, value: average, kind: m.mean },
          { label: m.observed, value: a.observed, kind: m.observed },
        ];
  return {
    $schema: SCHEMA,
    title: m.peakEndChart,
    width: WIDTH,
    height: { step: 30 },
    data: { values },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260 } },
      x: { field: 'value', type: 'quantitative', title: m.mean, scale: { domain: [report.survey.scale.min, report.survey.scale.max], zero: false } },
    },
    layer: [
      { mark: { type: 'bar', clip: true }, encoding: { color: { field: 'kind', type: 'nominal', legend: null } } },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'value', type: 'quantitative', format: '.2f' } } },
    ],
  };
}

/**
 * What shapes the overall rating: horizontal bars of each Gestalt feature's LMG share of the
 * gestalt model's R-squared, largest first, peak and end in one colour, the mean in another, the
 * other features grey (empty without a Gestalt result).
 */
export function gestaltChart(report: Report, options: ChartOptions = {}): VegaLiteSpec {
  const locale = options.locale ?? 'en';
  const m = messages(locale);
  const g = gestaltMessages(locale);
  const importance = report.peakEnd?.gestalt?.importance ?? {};
  const group = (f: string): string => (f === 'peak' || f === 'end' ? g.chartGroups['peak-end'] : f === 'mean' ? g.chartGroups.mean : g.chartGroups.other) as string;
  const values = (Object.entries(importance) as [string, number][]).map(([f, v]) => ({ feature: g.features[f] ?? f, importance: v, group: group(f) }));
  const domain = [g.chartGroups['peak-end'], g.chartGroups.mean, g.chartGroups.other];
  return {
    $schema: SCHEMA,
    title: g.chart,
    width: WIDTH,
    height: { step: 28 },
    data: { values },
    encoding: {
      y: { field: 'feature', type: 'nominal', sort: '-x', title: null },
      x: { field: 'importance', type: 'quantitative', title: `${m.importance} (LMG, R²)` },
    },
    layer: [
      { mark: { type: 'bar' }, encoding: { color: { field: 'group', type: 'nominal', title: null, scale: { domain, range: ['#8250df', '#1f6feb', '#9aa5b1'] } } } },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'importance', type: 'quantitative', format: '.3f' } } },
    ],
  };
}

/** Every chart of a Report, keyed as the HTML report's chart slots. */
export function reportCharts(report: Report, options: ChartOptions = {}): Record<'journey' | 'drivers' | 'ipa' | 'peakEnd' | 'gestalt', VegaLiteSpec> {
  return { journey: journeyChart(report, options), drivers: driverChart(report, options), ipa: ipaChart(report, options), peakEnd: peakEndChart(report, options), gestalt: gestaltChart(report, options) };
}
