// Structural tests of the chart specs: the layout problems seen in the report (issue 14: piled-up
// IPA labels, an x axis spanning the whole scale, a cut quadrant legend, clipped Chinese labels,
// unexplained whiskers, English words in zh-CN) are checked on the specs themselves, on data that
// provokes them: long labels, means within 0.7 of each other on 1-10, Chinese labels.
import { beforeAll, describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { analyze } from '../../src/report/analyze.js';
import { driverChart, estimateTextWidth, ipaChart, placeLabels, reportCharts } from '../../src/report/charts.js';
import { sanitizeSvg } from '../../src/report/html.js';
import { warningText } from '../../src/report/i18n.js';
import { renderChartSvg } from '../../src/report/render-html.js';
import type { Report } from '../../src/schema/report.js';

const touchpoints = [
  ['image', 'Brand image and reputation in the market', '品牌形象与市场声誉'],
  ['expect', 'Customer expectations of overall quality', '顾客对整体质量的期望'],
  ['tech', 'Technology content', '产品的科技含量与创新程度'],
  ['quality', 'Perceived product quality', '感知产品质量'],
  ['staff', 'Service staff professionalism', '客服人员的专业性与响应速度'],
  ['value', 'Perceived value for money', '感知性价比'],
  ['complaints', 'Complaint handling after purchase', '售后投诉处理'],
] as const;

/** ECSI-like data: 1-10, means close together (a fixed linear congruential generator). */
function closeMeansCsv(): string {
  let seed = 20261201;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const clamp = (v: number): number => Math.min(10, Math.max(1, Math.round(v)));
  const rows = Array.from({ length: 200 }, () => {
    const base = 7.6 + 1.3 * normal();
    const scores = touchpoints.map((_, i) => clamp(base + (i % 3) * 0.2 - 0.3 + 1.1 * normal()));
    const [a = 0, , c = 0, , e = 0, , g = 0] = scores;
    return [...scores, clamp(0.35 * a + 0.3 * e + 0.2 * c + 0.15 * g + 0.8 * normal())];
  });
  return [[...touchpoints.map(([c]) => c), 'overall'].join(','), ...rows.map((r) => r.join(','))].join('\n');
}

let report: Report;
let withBootstrap: Report;
beforeAll(() => {
  const survey = readSurvey(closeMeansCsv(), { touchpoints: touchpoints.map(([column, label, zh]) => ({ column, label, zh })), overall: 'overall', scale: { min: 1, max: 10 } });
  report = analyze(survey);
  withBootstrap = analyze(survey, { keyDrivers: { bootstrap: { replicates: 30, seed: 1 } } });
});

type Layer = {
  mark: { type: string; align?: string; baseline?: string };
  data: { values: Record<string, unknown>[] };
  encoding: Record<string, { field?: string; scale?: { domain: number[] }; title?: string; legend?: { labelLimit?: number }; axis?: { labelLimit?: number } }>;
};
type LayeredSpec = { width: number; height: number; layer: Layer[]; title: unknown; encoding?: Layer['encoding'] };

describe('estimateTextWidth', () => {
  it('counts a Chinese character as one em and Latin letters as less', () => {
    expect(estimateTextWidth('客服人员', 11)).toBe(44);
    expect(estimateTextWidth('Price', 11)).toBeGreaterThan(5 * 0.4 * 11);
    expect(estimateTextWidth('Price', 11)).toBeLessThan(5 * 11);
    expect(estimateTextWidth('ab', 10, true)).toBeCloseTo(estimateTextWidth('ab', 10) * 1.1, 10);
  });
});

describe('placeLabels', () => {
  it('keeps crowded labels apart and inside the plot', () => {
    const points = Array.from({ length: 8 }, (_, i) => ({ x: 200 + (i % 3) * 6, y: 150 + Math.floor(i / 3) * 5, width: 150 }));
    const placed = placeLabels(points, { width: 560, height: 360 });
    const boxes = placed.map((p, i) => ({ left: p.x - (points[i]?.width ?? 0) / 2, right: p.x + (points[i]?.width ?? 0) / 2, top: p.y - 6.5, bottom: p.y + 6.5 }));
    for (const [i, a] of boxes.entries()) {
      expect(a.left).toBeGreaterThanOrEqual(0);
      expect(a.right).toBeLessThanOrEqual(560);
      for (const b of boxes.slice(i + 1)) {
        const overlap = Math.min(a.right, b.right) > Math.max(a.left, b.left) + 0.5 && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top) + 0.5;
        expect(overlap).toBe(false);
      }
    }
    expect(placed.some((p) => p.leader)).toBe(true);
  });
});

describe('importance-performance chart', () => {
  for (const locale of ['en', 'zh-CN'] as const) {
    it(`zooms the x axis to the means and places every label clear of the others (${locale})`, () => {
      const spec = ipaChart(report, { locale }) as LayeredSpec;
      const points = spec.layer.find((l) => l.mark.type === 'point') as Layer;
      const labels = spec.layer.at(-1) as Layer;
      const domain = points.encoding.x?.scale?.domain as [number, number];
      const yDomain = points.encoding.y?.scale?.domain as [number, number];
      const means = points.data.values.map((p) => p.performance as number);
      expect(Math.max(...means) - Math.min(...means)).toBeLessThan(0.7);
      expect(domain[0]).toBeGreaterThan(1);
      expect(domain[1]).toBeLessThan(10);
      expect(domain[1] - domain[0]).toBeLessThan(2);
      for (const v of means) expect(v > domain[0] && v < domain[1]).toBe(true);
      expect(points.encoding.x?.title).toMatch(locale === 'en' ? /zoomed to [\d.]+–[\d.]+ of the 1–10 scale/ : /坐标轴放大至/);
      const px = (v: number): number => ((v - domain[0]) / (domain[1] - domain[0])) * spec.width;
      const py = (v: number): number => spec.height - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * spec.height;
      const boxes = labels.data.values.map((l) => {
        const w = estimateTextWidth(l.touchpoint as string);
        const x = px(l.labelPerformance as number);
        const y = py(l.labelImportance as number);
        return { text: l.touchpoint, left: x - w / 2, right: x + w / 2, top: y - 6, bottom: y + 6 };
      });
      expect(boxes).toHaveLength(7);
      for (const [i, a] of boxes.entries()) {
        expect(a.left).toBeGreaterThanOrEqual(-0.5);
        expect(a.right).toBeLessThanOrEqual(spec.width + 0.5);
        for (const b of boxes.slice(i + 1)) {
          const overlap = Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top);
          expect(overlap, `${a.text} / ${b.text}`).toBe(false);
        }
      }
    });
  }

  it('names the quadrants in the four corners, whole, with one colour per quadrant', () => {
    const spec = ipaChart(report) as LayeredSpec;
    const corners = spec.layer.filter((l) => l.mark.type === 'text' && l.mark.align !== 'center');
    expect(corners.map((l) => `${l.mark.align} ${l.mark.baseline} ${l.data.values[0]?.text}`)).toEqual([
      'left top concentrate here',
      'right top keep up the good work',
      'left bottom low priority',
      'right bottom possible overkill',
    ]);
    const color = (spec.layer.find((l) => l.mark.type === 'point') as Layer).encoding.color as unknown as { scale: { domain: string[] }; legend: { labelLimit: number } };
    expect(color.scale.domain).toEqual(['concentrate here', 'keep up the good work', 'low priority', 'possible overkill']);
    expect(color.legend.labelLimit).toBeGreaterThan(estimateTextWidth('keep up the good work'));
    // The bottom names sit in a band below importance 0, so no point (importance >= 0) can cover them.
    const y = (spec.layer.find((l) => l.mark.type === 'point') as Layer).encoding.y as unknown as { scale: { domain: number[] }; axis: { values: number[] } };
    const [floor = 0, top = 0] = y.scale.domain;
    expect((0 - floor) / (top - floor)).toBeCloseTo(18 / 360, 10);
    expect(y.axis.values[0]).toBe(0);
    expect(y.axis.values.every((v) => v >= 0 && v <= top)).toBe(true);
  });
});

describe('driver chart', () => {
  it('explains bars and whiskers in a subtitle, in both locales', () => {
    const en = driverChart(withBootstrap) as { title: { subtitle: string[] } };
    expect(en.title.subtitle).toEqual(["Bars: LMG importance, the touchpoint's share of R²", 'Whiskers: 95% bootstrap percentile interval (30 resamples)']);
    const zh = driverChart(withBootstrap, { locale: 'zh-CN' }) as { title: { subtitle: string[] } };
    expect(zh.title.subtitle[1]).toBe('误差线：95% 自助法百分位置信区间（30 次重抽样）');
    const plain = driverChart(report) as { title: { subtitle: string[] }; layer: unknown[] };
    expect(plain.title.subtitle).toHaveLength(1);
    expect(plain.layer).toHaveLength(1);
  });

  it("names McFadden's pseudo-R² for a binary outcome (logistic drivers)", () => {
    const csv = closeMeansCsv()
      .split('\n')
      .map((line, i) => (i === 0 ? line : line.replace(/,(\d+)$/, (_, v: string) => `,${Number(v) >= 8 ? 1 : 0}`)))
      .join('\n');
    const binary = analyze(readSurvey(csv, { touchpoints: touchpoints.map(([column, label]) => ({ column, label })), overall: { column: 'overall', type: 'binary' }, scale: { min: 1, max: 10 } }));
    expect(binary.keyDrivers?.model).toBe('logistic');
    const spec = driverChart(binary) as { title: { subtitle: string[] }; layer: Layer[] };
    expect(spec.title.subtitle[0]).toBe("Bars: Shapley importance, the touchpoint's share of McFadden R²");
    expect(spec.layer[0]?.encoding.x?.title).toBe('Importance (Shapley, McFadden R²)');
  });

  it('lists touchpoints by importance and words significance in the locale', () => {
    const spec = driverChart(report, { locale: 'zh-CN' }) as { data: { values: { importance: number; significance: string }[] }; layer: Layer[] };
    const importance = spec.data.values.map((v) => v.importance);
    expect(importance).toEqual([...importance].sort((a, b) => b - a));
    const domain = ((spec.layer[0] as (typeof spec.layer)[number]).encoding.color as unknown as { scale: { domain: string[] } }).scale.domain;
    expect(domain).toEqual(['关键时刻', '显著（p < 0.05）', '不显著']);
    for (const v of spec.data.values) expect(domain).toContain(v.significance);
  });
});

describe('labels are never cut', () => {
  it('every axis and legend label limit of every chart holds the longest Chinese label', () => {
    const longest = Math.max(...touchpoints.map(([, , zh]) => estimateTextWidth(zh)));
    for (const [name, spec] of Object.entries(reportCharts(report, { locale: 'zh-CN' }))) {
      const limits = JSON.stringify(spec).match(/"labelLimit":\d+/g) ?? [];
      for (const limit of limits) expect(Number(limit.split(':')[1]), name).toBeGreaterThan(longest);
    }
  });

  it('renders the zh-CN driver chart wide enough for its Chinese axis labels (none clipped or shortened)', async () => {
    const svg = await renderChartSvg(driverChart(report, { locale: 'zh-CN' }));
    expect(svg).not.toContain('…');
    for (const [, , zh] of touchpoints) expect(svg).toContain(`>${zh}</text>`);
    // The y axis sits right of the longest label: Vega's own 0.8 em estimate put it too far left.
    const width = Number(svg.match(/<svg[^>]*width="([\d.]+)"/)?.[1]);
    const longest = Math.max(...touchpoints.map(([, , zh]) => estimateTextWidth(zh)));
    expect(width).toBeGreaterThan(560 + longest);
    const origin = svg.match(/<svg[^>]*>\s*<rect[^>]*\/>\s*<g[^>]*transform="translate\(([\d.]+),/);
    // Axis labels are 10 px, 7 px (tick and padding) left of the axis.
    expect(Number(origin?.[1])).toBeGreaterThanOrEqual(Math.max(...touchpoints.map(([, , zh]) => estimateTextWidth(zh, 10))) + 7);
  });
});

describe('warnings in words', () => {
  const warning = { source: 'key-drivers', code: 'rows_dropped_missing', message: '4 rows with a missing value were left out (listwise deletion).' };
  it('keeps the English message and words known codes in Chinese', () => {
    expect(warningText(warning)).toBe('[key-drivers] 4 rows with a missing value were left out (listwise deletion).');
    expect(warningText(warning, 'zh-CN')).toBe('[关键驱动因素] 4 行含缺失值，已剔除（列表删除）。');
    expect(
      warningText({ source: 'peak-end', code: 'small_sample', message: 'Model gestalt: 47 rows for 8 parameters (fewer than 10 per parameter): estimates and p-values are imprecise.' }, 'zh-CN'),
    ).toBe('[峰终定律] 模型 格式塔（七个特征）：47 行数据估计 8 个参数（每个参数不足 10 行）：估计值和 p 值不精确。');
  });
  it('gives other codes a Chinese headline and keeps the detail', () => {
    expect(warningText({ source: 'ingest', code: 'out_of_scale', message: '3 cells outside 1-5.' }, 'zh-CN')).toBe('[数据读取] 有数值超出量表范围（3 cells outside 1-5.）');
    expect(warningText({ code: 'something_new', message: 'Detail.' }, 'zh-CN')).toBe('警告（something_new）：Detail.');
  });
});

describe('sanitizeSvg', () => {
  it('strips handlers from tags but leaves escaped text that reads like one whole', () => {
    const svg = '<svg onload="x()"><text>Peak: \'&gt;&lt;svg onload=window.__pwned=1&gt;</text><text>End</text></svg>';
    expect(sanitizeSvg(svg)).toBe("<svg><text>Peak: '&gt;&lt;svg onload=window.__pwned=1&gt;</text><text>End</text></svg>");
  });
});
