/**
 * The "Segments" sections of a report, one per segment column: means of each group against the
 * rest, driver differences with Benjamini–Hochberg adjusted p-values, the peak-end rule per group,
 * and the chart slot. Formatting only.
 */
import type { Report } from '../schema/report.js';
import type { Block, Section } from './document.js';
import { formatNumber as fixed, formatPValue, formatSigned, formatPercent as percent, significanceStars as stars } from './format.js';
import { type Locale, segmentsMessages } from './i18n.js';

/** A segment comparison as a Report carries it (`report.segments[k]`). */
export type SegmentsReport = NonNullable<Report['segments']>[number];

const formatP = (p: number | null | undefined): string => formatPValue(p, 'table');
const signed = (v: number | null | undefined, decimals = 3): string => formatSigned(v, decimals);

/**
 * Lays out one segment comparison. `name` gives display names of rated columns; `chart` adds the
 * `'segments'` chart slot (the HTML presenter fills it; put it on the first section only).
 */
export function segmentsSection(s: SegmentsReport, options: { locale?: Locale; name?: (column: string) => string; chart?: boolean } = {}): Section {
  const m = segmentsMessages(options.locale ?? 'en');
  const name = options.name ?? ((c: string) => c);
  const blocks: Block[] = [{ kind: 'paragraph', text: m.intro(s.groups.length, s.unassigned, s.weighted) }];
  if (s.model === 'logistic') blocks.push({ kind: 'paragraph', text: m.interactionsLogistic });
  blocks.push({ kind: 'paragraph', text: m.means });
  blocks.push({
    kind: 'table',
    rows: [
      [m.group, 'n', m.item, m.mean, m.rest, 'p', '', m.topTwo, m.rest, 'p'],
      ...s.groups.flatMap((g) =>
        g.means.map((x, k) => [
          k === 0 ? g.value : '',
          k === 0 ? String(g.n) : '',
          name(x.column),
          fixed(x.mean),
          fixed(x.complement),
          formatP(x.pValue),
          stars(x.pValue),
          percent(x.topTwoBox),
          percent(x.topTwoBoxComplement),
          formatP(x.topTwoBoxPValue),
        ]),
      ),
    ],
  });
  if (options.chart) blocks.push({ kind: 'chart', chart: 'segments', title: m.chart });
  blocks.push({ kind: 'paragraph', text: m.drivers });
  blocks.push({
    kind: 'table',
    rows: [
      [m.group, m.nModel, m.item, m.difference, 'SE', 'p', m.pAdjusted, ''],
      ...s.groups.flatMap((g) =>
        g.drivers.map((d, k) => [
          k === 0 ? g.value : '',
          k === 0 ? String(g.nModel) : '',
          name(d.touchpoint),
          signed(d.difference),
          fixed(d.stdError, 3),
          formatP(d.pValue),
          formatP(d.pAdjusted),
          stars(d.pAdjusted),
        ]),
      ),
    ],
  });
  if (s.groups.some((g) => g.peakEnd !== null)) {
    blocks.push({ kind: 'paragraph', text: m.peakEnd });
    blocks.push({
      kind: 'table',
      rows: [
        [m.group, m.peak, m.end, m.prediction, m.observed, m.gap],
        ...s.groups.map((g) =>
          g.peakEnd === null
            ? [g.value, '–', '–', '–', '–', '–']
            : [g.value, name(g.peakEnd.peak), name(g.peakEnd.end), fixed(g.peakEnd.prediction), fixed(g.peakEnd.observed), signed(g.peakEnd.gap, 2)],
        ),
      ],
    });
  }
  return { heading: m.heading(s.segment), blocks };
}

/** The raking note of a Report (null when the survey was not raked). */
export function calibrationText(report: Report, locale: Locale = 'en'): string | null {
  const c = report.calibration;
  if (c === undefined) return null;
  const m = segmentsMessages(locale);
  return m.calibration(c.margins.map((x) => `${x.column}: ${x.levels.join('/')}`).join('; '), c.iterations, c.converged, c.maxDeviation.toExponential(1));
}
