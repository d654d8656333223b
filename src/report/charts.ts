/**
 * Vega-Lite chart specs of a Report: plain JSON, so notebooks (Observable, Jupyter with Deno),
 * services and the HTML report can render them with any Vega-Lite runtime. Formatting only.
 */
import type { Report } from '../schema/report.js';
import { formatNumber } from './format.js';
import { gestaltMessages, type Locale, messages, segmentsMessages, touchpointName } from './i18n.js';

/** A Vega-Lite specification (JSON). */
export type VegaLiteSpec = Record<string, unknown>;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 560;
/** Longest axis or legend label in pixels before Vega truncates it with an ellipsis. */
const LABEL_LIMIT = 320;

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
          { label: `${m.observed} ${formatNumber(report.peakEnd.aggregate.observed)}`, value: report.peakEnd.aggregate.observed, kind: 'observed' },
          { label: `${m.prediction} ${formatNumber(report.peakEnd.aggregate.prediction)}`, value: report.peakEnd.aggregate.prediction, kind: 'prediction' },
        ]
      : []),
  ];
  const x = { field: 'touchpoint', type: 'nominal', sort: points.map((p) => p.touchpoint), title: null, axis: { labelAngle: -30, labelLimit: LABEL_LIMIT } };
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
  const significant = m.significantAt(String(kd?.alpha ?? 0.05));
  const notSignificant = m.notSignificant;
  const values = [...(kd?.touchpoints ?? [])]
    .sort((a, b) => b.importance - a.importance)
    .map((t) => ({
      touchpoint: touchpointName(report, t.touchpoint, locale),
      importance: t.importance,
      lower: boot.get(t.touchpoint)?.percentile.lower ?? null,
      upper: boot.get(t.touchpoint)?.percentile.upper ?? null,
      significance: t.significant ? (t.flags.keyMoment ? m.keyMoment : significant) : notSignificant,
    }));
  // Sorted by the bars' field with an op that layered (unioned) domains accept; '-x' would be
  // dropped because the interval layer's x is another field.
  const y = { field: 'touchpoint', type: 'nominal', sort: { field: 'importance', op: 'max', order: 'descending' }, title: null, axis: { labelLimit: LABEL_LIMIT } };
  const bootstrap = kd?.bootstrap ?? null;
  // A binary outcome's model is logistic: importance is then a share of McFadden's pseudo-R².
  const r2 = kd?.model === 'logistic' ? 'McFadden R²' : 'R²';
  const method = kd === null || kd === undefined ? 'LMG' : kd.importance.method === 'pseudo-r-squared-shapley' ? 'Shapley' : kd.importance.method.toUpperCase();
  const subtitle = [m.driverBars(method, r2), ...(boot.size > 0 && bootstrap !== null ? [m.driverWhiskers(Math.round(bootstrap.level * 100), bootstrap.replicates - bootstrap.failedReplicates)] : [])];
  return {
    $schema: SCHEMA,
    title: { text: m.driverChart, subtitle, subtitleColor: '#57606a' },
    width: WIDTH,
    height: { step: 28 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y,
          x: { field: 'importance', type: 'quantitative', title: `${m.importance} (${method}, ${r2})` },
          color: {
            field: 'significance',
            type: 'nominal',
            title: null,
            scale: { domain: [m.keyMoment, significant, notSignificant], range: ['#1f6feb', '#bf8700', '#9aa5b1'] },
            legend: { labelLimit: LABEL_LIMIT },
          },
        },
      },
      ...(boot.size > 0 ? [{ mark: { type: 'rule', color: '#24292f' }, encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } }] : []),
    ],
  };
}

/**
 * Estimated width in pixels of `text` in a sans-serif font of `fontSize` pixels: CJK and other
 * full-width characters count one em, Latin letters about 0.6 em (wide and narrow ones apart).
 * Deliberately generous, because an estimate that is too small lets labels overlap or be cut.
 */
export function estimateTextWidth(text: string, fontSize = 11, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
    )
      em += 1;
    else if (/[ijlI.,:;!|'`]/.test(ch)) em += 0.3;
    else if (/[ ftr()[\]{}-]/.test(ch)) em += 0.4;
    else if (/[mwMW@%]/.test(ch)) em += 0.95;
    else if (/[A-Z]/.test(ch)) em += 0.72;
    else em += 0.62;
  }
  return em * fontSize * (bold ? 1.1 : 1);
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

const overlapArea = (a: Box, b: Box): number => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/** A point label placed in plot pixels: the centre of its text and whether it needs a leader line. */
export interface PlacedLabel {
  readonly x: number;
  readonly y: number;
  readonly leader: boolean;
  /** The point of the label's box nearest its point, where a leader line ends. */
  readonly anchorX: number;
  readonly anchorY: number;
}

/**
 * Places one label per point (plot pixels, y down) so that labels overlap neither each other, nor
 * the points, nor the `reserved` boxes, and stay inside the `width` x `height` plot: for each point
 * in the given order, the first free spot from a ring of candidates (above, below, right, left, the
 * diagonals), then rings further out (drawn with a leader line), else the spot that overlaps least.
 */
export function placeLabels(
  points: readonly { x: number; y: number; width: number }[],
  options: { width: number; height: number; fontSize?: number; radius?: number; reserved?: readonly Box[] },
): PlacedLabel[] {
  const h = (options.fontSize ?? 11) + 2;
  const r = options.radius ?? 6;
  const gap = 3;
  const obstacles: Box[] = [...(options.reserved ?? []), ...points.map((p) => ({ left: p.x - r, right: p.x + r, top: p.y - r, bottom: p.y + r }))];
  const placed: PlacedLabel[] = [];
  for (const p of points) {
    const w = p.width;
    let best: { box: Box; leader: boolean; cost: number } | null = null;
    for (let ring = 0; ring < 5 && (best === null || best.cost > 0); ring++) {
      const d = r + gap + ring * (h + 2);
      const candidates = [
        [0, -(d + h / 2)],
        [0, d + h / 2],
        [d + w / 2, 0],
        [-(d + w / 2), 0],
        [d + w / 2, -(d + h / 2) + h / 2],
        [-(d + w / 2), -(d + h / 2) + h / 2],
        [d + w / 2, d],
        [-(d + w / 2), d],
        [d * 0.7 + w / 2, -(d * 0.7 + h / 2)],
        [-(d * 0.7 + w / 2), -(d * 0.7 + h / 2)],
        [d * 0.7 + w / 2, d * 0.7 + h / 2],
        [-(d * 0.7 + w / 2), d * 0.7 + h / 2],
      ];
      for (const [dx, dy] of candidates as [number, number][]) {
        const cx = p.x + dx;
        const cy = p.y + dy;
        const box = { left: cx - w / 2, right: cx + w / 2, top: cy - h / 2, bottom: cy + h / 2 };
        const outside = Math.max(0, -box.left) + Math.max(0, box.right - options.width) + Math.max(0, -box.top) + Math.max(0, box.bottom - options.height);
        const cost = obstacles.reduce((sum, o) => sum + overlapArea(o, box), 0) + outside * h * 10 + ring * 0.01;
        if (best === null || cost < best.cost) best = { box, leader: ring > 0, cost };
        if (cost <= ring * 0.01) break;
      }
      if (best !== null && best.cost <= ring * 0.01) break;
    }
    const box = (best as { box: Box }).box;
    obstacles.push(box);
    const clamp = (v: number, a: number, b: number): number => Math.min(b, Math.max(a, v));
    placed.push({
      x: (box.left + box.right) / 2,
      y: (box.top + box.bottom) / 2,
      leader: (best as { leader: boolean }).leader,
      anchorX: clamp(p.x, box.left, box.right),
      anchorY: clamp(p.y, box.top, box.bottom),
    });
  }
  return placed;
}

const IPA_HEIGHT = 360;
const CORNER_BAND = 18;

/** Round tick values from 0 to `max` (steps of 1, 2 or 5 times a power of ten, about 8 of them). */
function niceTicks(max: number): number[] {
  const raw = max / 8;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((f) => f * power >= raw) ?? 10) * power;
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return Array.from({ length: Math.floor(max / step + 1e-9) + 1 }, (_, i) => Number((i * step).toFixed(digits)));
}

const QUADRANTS = ['concentrate here', 'keep up the good work', 'low priority', 'possible overkill'];

/**
 * Importance-performance grid: touchpoints by mean (x) and importance (y), crosshairs, quadrant
 * names in the four corners and each point's label placed where it overlaps nothing. The x axis is
 * zoomed to the touchpoint means (its title says so), because means often sit within a fraction of
 * a point of each other on a 10-point scale.
 */
export function ipaChart(report: Report, options: ChartOptions = {}): VegaLiteSpec {
  const locale = options.locale ?? 'en';
  const m = messages(locale);
  const ipa = report.keyDrivers?.ipa;
  const scale = report.survey.scale;
  const points = (ipa?.points ?? []).map((p) => ({
    touchpoint: touchpointName(report, p.touchpoint, locale),
    performance: p.performance,
    importance: p.importance,
    quadrant: m.quadrants[p.quadrant] ?? p.quadrant,
  }));
  const cx = ipa?.crosshair.performance ?? scale.neutral;
  const cy = ipa?.crosshair.importance ?? 0;
  const frame = ipaFrame(points, cx, cy, scale);
  const { lo, hi, span, zoomed, floor, maxImportance } = frame;
  const corners = [
    { key: 'concentrate here', align: 'left', baseline: 'top', performance: lo, importance: maxImportance },
    { key: 'keep up the good work', align: 'right', baseline: 'top', performance: hi, importance: maxImportance },
    { key: 'low priority', align: 'left', baseline: 'bottom', performance: lo, importance: floor },
    { key: 'possible overkill', align: 'right', baseline: 'bottom', performance: hi, importance: floor },
  ].map((c) => ({ ...c, text: m.quadrants[c.key] ?? c.key }));
  const labels = ipaLabels(points, frame, corners);
  const f = (v: number): string => formatNumber(v, span < 1 ? 2 : 1);
  const x = {
    field: 'performance',
    type: 'quantitative',
    title: zoomed ? m.ipaZoomed(m.mean, f(lo), f(hi), `${scale.min}–${scale.max}`) : m.mean,
    scale: { domain: [lo, hi], nice: false, zero: false },
  };
  const y = { field: 'importance', type: 'quantitative', title: m.importance, scale: { domain: [floor, maxImportance], nice: false, zero: false }, axis: { values: niceTicks(maxImportance) } };
  const corner = (align: string, baseline: string): Record<string, unknown> => ({
    data: { values: corners.filter((c) => c.align === align && c.baseline === baseline) },
    mark: { type: 'text', color: '#57606a', fontStyle: 'italic', align, baseline, dx: align === 'left' ? 3 : -3, dy: baseline === 'top' ? 3 : -3 },
    encoding: { x, y, text: { field: 'text', type: 'nominal' } },
  });
  return {
    $schema: SCHEMA,
    title: m.ipaChart,
    width: WIDTH,
    height: IPA_HEIGHT,
    layer: [
      { data: { values: [{ performance: cx }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#6e7781' }, encoding: { x } },
      { data: { values: [{ importance: cy }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#6e7781' }, encoding: { y } },
      corner('left', 'top'),
      corner('right', 'top'),
      corner('left', 'bottom'),
      corner('right', 'bottom'),
      {
        data: { values: labels.filter((l) => l.leader) },
        mark: { type: 'rule', color: '#afb8c1' },
        encoding: { x, y, x2: { field: 'anchorPerformance' }, y2: { field: 'anchorImportance' } },
      },
      {
        data: { values: points },
        mark: { type: 'point', filled: true, size: 120, opacity: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'quadrant',
            type: 'nominal',
            title: m.quadrant,
            scale: { domain: QUADRANTS.map((q) => m.quadrants[q] ?? q), range: ['#d1242f', '#1a7f37', '#9aa5b1', '#bf8700'] },
            legend: { labelLimit: LABEL_LIMIT },
          },
        },
      },
      {
        data: { values: labels },
        mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: 11 },
        encoding: { x: { ...x, field: 'labelPerformance' }, y: { ...y, field: 'labelImportance' }, text: { field: 'touchpoint', type: 'nominal' } },
      },
    ],
  };
}

/** The IPA grid's axis domains: performance `lo`..`hi` (zoomed to the means) and importance `floor`..`maxImportance`. */
interface IpaFrame {
  readonly lo: number;
  readonly hi: number;
  /** Spread of the means and the performance crosshair. */
  readonly span: number;
  /** Whether the performance axis shows less than the whole scale. */
  readonly zoomed: boolean;
  readonly floor: number;
  readonly maxImportance: number;
}

/** The axis domains of the IPA grid: performance zoomed to the means and crosshair, importance from just below 0. */
function ipaFrame(points: readonly { readonly performance: number; readonly importance: number }[], cx: number, cy: number, scale: { readonly min: number; readonly max: number }): IpaFrame {
  const maxImportance = Math.max(cy * 2, ...points.map((p) => p.importance)) * 1.15 || 1;
  const seen = [cx, ...points.map((p) => p.performance)];
  const span = Math.max(...seen) - Math.min(...seen);
  const pad = Math.max(span * 0.15, (scale.max - scale.min) * 0.02);
  const lo = Math.max(Math.min(scale.min, ...seen), Math.min(...seen) - pad);
  const hi = Math.min(Math.max(scale.max, ...seen), Math.max(...seen) + pad);
  const zoomed = lo > scale.min || hi < scale.max;
  // A band of CORNER_BAND pixels below importance 0 keeps the bottom quadrant names clear of points
  // whose importance is near 0; the axis only labels values from 0 up.
  const floor = -(CORNER_BAND / (IPA_HEIGHT - CORNER_BAND)) * maxImportance;
  return { lo, hi, span, zoomed, floor, maxImportance };
}

/**
 * Each point's label (most important first), placed in pixels clear of the points, the other
 * labels and the corner names, and mapped back to data coordinates with its leader anchor.
 */
function ipaLabels(
  points: readonly { readonly touchpoint: string; readonly performance: number; readonly importance: number }[],
  frame: IpaFrame,
  corners: readonly { readonly align: string; readonly baseline: string; readonly text: string }[],
) {
  const { lo, hi, floor, maxImportance } = frame;
  const px = (v: number): number => ((v - lo) / (hi - lo)) * WIDTH;
  const py = (v: number): number => IPA_HEIGHT - ((v - floor) / (maxImportance - floor)) * IPA_HEIGHT;
  const fromPx = (x: number, y: number): { performance: number; importance: number } => ({
    performance: lo + (x / WIDTH) * (hi - lo),
    importance: floor + ((IPA_HEIGHT - y) / IPA_HEIGHT) * (maxImportance - floor),
  });
  const reserved = corners.map((c) => {
    const w = estimateTextWidth(c.text) + 6;
    const x = c.align === 'left' ? 0 : WIDTH - w;
    const y = c.baseline === 'top' ? 0 : IPA_HEIGHT - 16;
    return { left: x, right: x + w, top: y, bottom: y + 16 };
  });
  const order = points.map((_, i) => i).sort((a, b) => (points[b] as { importance: number }).importance - (points[a] as { importance: number }).importance);
  const placement = placeLabels(
    order.map((i) => {
      const p = points[i] as (typeof points)[number];
      return { x: px(p.performance), y: py(p.importance), width: estimateTextWidth(p.touchpoint) + 2 };
    }),
    { width: WIDTH, height: IPA_HEIGHT, reserved },
  );
  return order.map((i, k) => {
    const p = points[i] as (typeof points)[number];
    const at = placement[k] as PlacedLabel;
    const label = fromPx(at.x, at.y);
    const anchor = fromPx(at.anchorX, at.anchorY);
    return {
      touchpoint: p.touchpoint,
      performance: p.performance,
      importance: p.importance,
      labelPerformance: label.performance,
      labelImportance: label.importance,
      anchorPerformance: anchor.performance,
      anchorImportance: anchor.importance,
      leader: at.leader,
    };
  });
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
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: LABEL_LIMIT } },
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
 * gestalt model's R-squared (for a binary outcome its Shapley share of McFadden's R-squared), largest first, peak and end in one colour, the mean in another, the
 * other features grey (empty without a Gestalt result).
 */
export function gestaltChart(report: Report, options: ChartOptions = {}): VegaLiteSpec {
  const locale = options.locale ?? 'en';
  const m = messages(locale);
  const g = gestaltMessages(locale);
  const importance = report.peakEnd?.gestalt?.importance ?? {};
  const shapley = report.peakEnd?.gestalt?.importanceMethod === 'pseudo-r-squared-shapley';
  const group = (f: string): string => (f === 'peak' || f === 'end' ? g.chartGroups['peak-end'] : f === 'mean' ? g.chartGroups.mean : g.chartGroups.other) as string;
  const values = (Object.entries(importance) as [string, number][]).map(([f, v]) => ({ feature: g.features[f] ?? f, importance: v, group: group(f) }));
  const domain = [g.chartGroups['peak-end'], g.chartGroups.mean, g.chartGroups.other];
  return {
    $schema: SCHEMA,
    title: shapley ? g.chartBinary : g.chart,
    width: WIDTH,
    height: { step: 28 },
    data: { values },
    encoding: {
      y: { field: 'feature', type: 'nominal', sort: '-x', title: null, axis: { labelLimit: LABEL_LIMIT } },
      x: { field: 'importance', type: 'quantitative', title: `${m.importance} (${shapley ? 'Shapley, McFadden R²' : 'LMG, R²'})` },
    },
    layer: [
      { mark: { type: 'bar' }, encoding: { color: { field: 'group', type: 'nominal', title: null, scale: { domain, range: ['#8250df', '#1f6feb', '#9aa5b1'] } } } },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'importance', type: 'quantitative', format: '.3f' } } },
    ],
  };
}

/**
 * Driver differences by segment: for every segment group (each value of each compared segment
 * column), horizontal bars of each touchpoint's difference in slope against the rest (the
 * interaction coefficient), grouped by touchpoint, with ±1.96 SE whiskers, a rule at zero, and
 * bars with a Benjamini–Hochberg adjusted p < 0.05 drawn solid (empty without segments).
 */
export function segmentsChart(report: Report, options: ChartOptions = {}): VegaLiteSpec {
  const locale = options.locale ?? 'en';
  const s = segmentsMessages(locale);
  const several = (report.segments ?? []).length > 1;
  const values = (report.segments ?? []).flatMap((c) =>
    c.groups.flatMap((g) =>
      g.drivers
        .filter((d) => d.difference !== null)
        .map((d) => ({
          touchpoint: touchpointName(report, d.touchpoint, locale),
          group: several ? `${c.segment}: ${g.value}` : g.value,
          difference: d.difference,
          lower: d.stdError === null ? null : (d.difference as number) - 1.96 * d.stdError,
          upper: d.stdError === null ? null : (d.difference as number) + 1.96 * d.stdError,
          significant: d.pAdjusted !== null && d.pAdjusted < 0.05 ? 'p (BH) < 0.05' : 'n.s.',
        })),
    ),
  );
  const order = report.survey.touchpoints.map((t) => touchpointName(report, t.column, locale));
  const y = { field: 'touchpoint', type: 'nominal', sort: order, title: null };
  return {
    $schema: SCHEMA,
    title: s.chart,
    width: WIDTH,
    height: { step: 18 * Math.max(1, new Set(values.map((v) => v.group)).size) },
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y,
          yOffset: { field: 'group', type: 'nominal' },
          x: { field: 'difference', type: 'quantitative', title: s.chartDifference },
          color: { field: 'group', type: 'nominal', title: null },
          opacity: { field: 'significant', type: 'nominal', title: null, scale: { domain: ['p (BH) < 0.05', 'n.s.'], range: [1, 0.4] } },
        },
      },
      { mark: { type: 'rule', color: '#24292f' }, encoding: { y, yOffset: { field: 'group', type: 'nominal' }, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#57606a' }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    ],
  };
}

/** Every chart of a Report, keyed as the HTML report's chart slots. */
export function reportCharts(report: Report, options: ChartOptions = {}): Record<'journey' | 'drivers' | 'ipa' | 'peakEnd' | 'gestalt' | 'segments', VegaLiteSpec> {
  return {
    journey: journeyChart(report, options),
    drivers: driverChart(report, options),
    ipa: ipaChart(report, options),
    peakEnd: peakEndChart(report, options),
    gestalt: gestaltChart(report, options),
    segments: segmentsChart(report, options),
  };
}
