import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { relativeImportance as plainRelativeImportance } from '../../src/importance/relative-importance.js';
import {
  analyze,
  bootstrapImportance,
  describeSurvey,
  driverChart,
  InvalidArgumentError,
  ipaChart,
  journeyChart,
  keyDrivers,
  type MimeBundle,
  mimeBundle,
  ols,
  peakEnd,
  peakEndChart,
  peakEndVerdictText,
  type Report,
  readSurvey,
  relativeImportance,
  reportCharts,
  reportDocument,
  reportElement,
  reportSchema,
  type Survey,
  vegaLite,
  withNotebookDisplay,
} from '../../src/index.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import * as plain from '../../src/report/analyze.js';
import { displayableAsync } from '../../src/report/notebook.js';

const root = new URL('../../', import.meta.url);
const DISPLAY = Symbol.for('Jupyter.display');
const VEGA_LITE = 'application/vnd.vegalite.v5+json';
// Published in the study (fixtures/zhijiang/published.json): each touchpoint mean to 2 decimals.
const published = JSON.parse(readFileSync(new URL('fixtures/zhijiang/published.json', root), 'utf8')) as { touchpoints: { id: string; mean: number }[]; overall: { mean: number } };
// NIST StRD Longley: certified coefficients (fixtures/nist/Longley.json).
const longley = JSON.parse(readFileSync(new URL('fixtures/nist/Longley.json', root), 'utf8')) as { x: number[][]; y: number[] };

async function display(value: object): Promise<MimeBundle> {
  const method = (value as Record<symbol, unknown>)[DISPLAY];
  expect(typeof method).toBe('function');
  return (await (method as () => MimeBundle | Promise<MimeBundle>)()) as MimeBundle;
}

/** The display method is a non-enumerable own property, invisible to JSON, keys, spreading and cloning. */
function expectHidden(value: object): void {
  const descriptor = Object.getOwnPropertyDescriptor(value, DISPLAY);
  expect(descriptor?.enumerable).toBe(false);
  expect(Object.keys(value)).not.toContain(DISPLAY.toString());
  expect(Object.getOwnPropertySymbols({ ...value })).toEqual([]);
  expect(JSON.parse(JSON.stringify(value))).toEqual(structuredClone(value));
}

let survey: Survey;
let report: Report;

beforeAll(async () => {
  const spec = JSON.parse(readFileSync(new URL('fixtures/zhijiang/spec.json', root), 'utf8'));
  survey = await readSurveyFile(fileURLToPath(new URL('fixtures/zhijiang/zhijiang.csv', root)), spec);
  report = analyze(survey, { keyDrivers: { bootstrap: { replicates: 30, seed: 1 } } });
});

describe('notebook display of the Report', () => {
  it("leaves the Report's JSON, keys and schema exactly as the plain analyze function makes them", () => {
    const data = plain.analyze(survey, { keyDrivers: { bootstrap: { replicates: 30, seed: 1 } } });
    expect(Object.getOwnPropertySymbols(data)).toEqual([]);
    expect(JSON.stringify(report)).toBe(JSON.stringify(data));
    expect(Object.keys(report)).toEqual(Object.keys(data));
    expectHidden(report);
    // The strict schema accepts it and parses it to the same data (symbols are not keys).
    expect(reportSchema.safeParse(report).error).toBeUndefined();
    expect(reportSchema.parse(report)).toEqual(data);
  });

  it('gives a bundle with text, Markdown, HTML tables with the four charts as inline SVG, and the charts as one Vega-Lite 5 spec', async () => {
    const bundle = await display(report);
    expect(Object.keys(bundle).sort()).toEqual([VEGA_LITE, 'text/html', 'text/markdown', 'text/plain'].sort());
    const html = bundle['text/html'] as string;
    expect(html.match(/<figure class="chart"/g)).toHaveLength(4);
    expect(html.match(/<svg[\s>]/g)).toHaveLength(4);
    expect(html).toContain('<table>');
    expect(html).not.toMatch(/<script|<!doctype|<html/i);
    for (const t of published.touchpoints) {
      const cell = `<td class="n">${t.mean.toFixed(2)}</td>`;
      expect(html, `published mean of ${t.id}`).toContain(cell);
    }
    expect(bundle['text/markdown']).toContain(`| ${published.overall.mean.toFixed(2)} |`);
    expect(bundle['text/plain']).toContain('4.64'); // the published peak-end prediction
    const spec = bundle[VEGA_LITE] as { $schema: string; vconcat: Record<string, unknown>[] };
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(spec.vconcat).toHaveLength(4);
    expect(spec.vconcat.every((chart) => !('$schema' in chart))).toBe(true);
  });

  it('has a Vega-Lite spec that compiles without a warning', async () => {
    const spec = (await display(report))[VEGA_LITE];
    const warnings: unknown[] = [];
    const logger = {
      level: () => logger,
      error: (...m: unknown[]) => {
        warnings.push(m);
        return logger;
      },
      warn: (...m: unknown[]) => {
        warnings.push(m);
        return logger;
      },
      info: () => logger,
      debug: () => logger,
    };
    const compiled = compile(spec as never, { logger: logger as never }).spec;
    expect(warnings).toEqual([]);
    expect(compiled.marks?.length).toBeGreaterThan(0);
  });

  it('speaks the requested locale through mimeBundle', async () => {
    const bundle = await mimeBundle(report, { locale: 'zh-CN' });
    expect(bundle['text/markdown']).toContain('客户体验调查分析');
    expect(bundle['text/html']).toContain('品牌形象');
  });

  it('leaves out the charts whose analysis was skipped and names none that it could not draw', async () => {
    const small = analyze(readSurvey('a,b,o\n1,2,3\n2,3,4\n', { touchpoints: ['a', 'b'], overall: 'o', scale: { min: 1, max: 5 } }));
    expect(small.keyDrivers).toBeNull();
    const bundle = await display(small);
    expect((bundle[VEGA_LITE] as { vconcat: unknown[] }).vconcat.length).toBe((bundle['text/html'] as string).match(/<figure class="chart"/g)?.length);
    expect(bundle['text/html']).not.toContain('not rendered');
  });

  it('escapes column names from the data in HTML and Markdown', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const csv = `"${evil}",b,o\n1,2,3\n2,3,4\n3,3,5\n4,4,4\n5,4,5\n2,1,2\n`;
    const r = analyze(readSurvey(csv, { touchpoints: [evil, 'b'], overall: 'o', scale: { min: 1, max: 5 } }));
    const bundle = await display(r);
    expect(bundle['text/html']).not.toContain(evil);
    expect(bundle['text/html']).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(bundle['text/markdown']).not.toContain(evil);
  });
});

describe('notebook display of results', () => {
  it('describeSurvey, peakEnd and keyDrivers show tables with the published means, JSON unchanged', async () => {
    const descriptives = describeSurvey(survey);
    const peak = peakEnd(survey);
    const drivers = keyDrivers(survey);
    for (const result of [descriptives, peak, drivers]) {
      expectHidden(result);
      const bundle = await display(result);
      expect(Object.keys(bundle).sort()).toEqual(['text/html', 'text/markdown', 'text/plain']);
      expect(bundle['text/html']).toMatch(/<table>[\s\S]*<\/table>/);
      expect(bundle['text/markdown']).toMatch(/\n\|[-:|]+\|\n/);
    }
    const html = (await display(descriptives))['text/html'] as string;
    for (const t of published.touchpoints) expect(html).toContain(`<td class="n">${t.mean.toFixed(2)}</td>`);
    expect((await display(peak))['text/plain']).toContain('prediction 4.64');
    // Published finding: only delivery speed and the distributor meeting are significant.
    const text = (await display(drivers))['text/plain'] as string;
    expect(
      text
        .split('\n')
        .filter((line) => line.includes('KEY MOMENT'))
        .map((line) => line.split(/\s{2,}/)[0]),
    ).toEqual(['Delivery speed', 'Distributor meeting']);
  });

  it("peakEnd's display is the report's peak-end section (one source), verdict worded in the requested locale", async () => {
    const peak = peakEnd(survey);
    const verdict = (peak.comparison as NonNullable<typeof peak.comparison>).verdict;
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = (await mimeBundle(peak, { locale }))['text/plain'] as string;
      expect(text).toContain(peakEndVerdictText(verdict, locale));
      const section = reportDocument(report, { locale }).sections.find((x) => x.heading === (locale === 'en' ? 'Peak-end rule' : '峰终定律'));
      // The report names touchpoints by label; the bare result by column: compare the verdict and per-respondent lines.
      const same = section?.blocks.filter((b) => b.kind === 'paragraph' && /MAE|Wilcoxon/.test(b.text)).map((b) => (b.kind === 'paragraph' ? b.text : ''));
      for (const line of same ?? []) expect(text).toContain(line);
    }
  });

  it('ols shows the NIST Longley certified coefficients to five significant digits', async () => {
    const fit = ols(longley.x, longley.y);
    expectHidden(fit);
    const text = (await display(fit))['text/plain'] as string;
    // Certified: -3482258.63459582, 15.0618722713733, -0.035819179292591, -2.02022980381683,
    // -1.03322686717359, -0.0511041056535807, 1829.15146461355; residual SD 304.854073561965.
    for (const value of ['-3482259', '15.062', '-0.035819', '-2.0202', '-1.0332', '-0.051104', '1829.2', '304.85']) expect(text).toContain(value);
    expect((await display(fit))['text/html']).toContain('<td class="n">15.062</td>');
  });

  it('relativeImportance and bootstrapImportance show each predictor', async () => {
    const X = longley.x.map((row) => row.slice(0, 3));
    const names = ['deflator', 'gnp', 'unemployed'];
    const lmg = relativeImportance(X, longley.y, { method: 'lmg', names });
    const boot = bootstrapImportance(X, longley.y, { method: 'lmg', names, replicates: 20, seed: 4 });
    for (const result of [lmg, boot]) {
      expectHidden(result);
      const bundle = await display(result);
      for (const name of names) expect(bundle['text/html']).toContain(`<td>${name}</td>`);
    }
  });

  it('mimeBundle refuses values that are not results, naming what it got', async () => {
    await expect(mimeBundle({ method: 'unknown' })).rejects.toThrow(InvalidArgumentError);
    await expect(mimeBundle({ method: 'unknown' })).rejects.toThrow(/method "unknown"/);
  });

  it('displayableAsync gives the resolved result the display method (the worker-thread versions), not the promise', async () => {
    const X = longley.x.map((row) => row.slice(0, 2));
    const wrapped = displayableAsync(async (x: number[][], y: number[]) => plainRelativeImportance(x, y, { method: 'pratt' }));
    const pending = wrapped(X, longley.y);
    expect(Object.getOwnPropertySymbols(pending)).toEqual([]);
    const result = await pending;
    expectHidden(result);
    expect((await display(result))['text/plain']).toContain('Importance (PRATT)');
  });

  it('withNotebookDisplay leaves frozen values alone and does not replace an existing method', () => {
    const frozen = Object.freeze({ method: 'ols' });
    expect(withNotebookDisplay(frozen)).toBe(frozen);
    const own = () => ({ 'text/plain': 'mine' });
    const value = Object.defineProperty({ method: 'describe' }, DISPLAY, { value: own, enumerable: false });
    expect((withNotebookDisplay(value) as unknown as Record<symbol, unknown>)[DISPLAY]).toBe(own);
  });
});

describe('notebook display of charts', () => {
  it('each chart function returns its spec unchanged, displaying as Vega-Lite 5 and inline SVG', async () => {
    for (const chart of [journeyChart, driverChart, ipaChart, peakEndChart]) {
      const spec = chart(report);
      expectHidden(spec);
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
      const bundle = await display(spec);
      expect((bundle[VEGA_LITE] as { $schema: string }).$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
      expect({ ...(bundle[VEGA_LITE] as object), $schema: spec.$schema }).toEqual(JSON.parse(JSON.stringify(spec)));
      expect(bundle['text/html']).toMatch(/<figure><svg[\s\S]*<\/svg><\/figure>/);
      const title = typeof spec.title === 'string' ? spec.title : (spec.title as { text: string }).text; // the driver chart's title carries a subtitle
      expect(bundle['text/plain']).toBe(`${title} (Vega-Lite chart)`);
    }
  });

  it('reportCharts gives every chart the display method', async () => {
    const charts = reportCharts(report);
    for (const spec of Object.values(charts)) expect(Object.getOwnPropertyDescriptor(spec, DISPLAY)?.enumerable).toBe(false);
    expect(JSON.stringify(charts)).toBe(JSON.stringify(reportCharts(report)));
  });

  it('vegaLite(spec) displays only the Vega-Lite entry (for JupyterLab, where HTML ranks first)', async () => {
    const bundle = await display(vegaLite(journeyChart(report)));
    expect(Object.keys(bundle).sort()).toEqual([VEGA_LITE, 'text/plain']);
  });
});

describe('reportElement', () => {
  it('needs a DOM and says what to use without one', async () => {
    await expect(reportElement(report)).rejects.toThrow(/needs a DOM[\s\S]*mimeBundle/);
  });

  it('builds a div holding the report with its charts as SVG where a DOM exists', async () => {
    const created: { tagName: string; className: string; innerHTML: string }[] = [];
    const fakeDocument = {
      createElement: (tagName: string) => {
        created.push({ tagName, className: '', innerHTML: '' });
        return created.at(-1);
      },
    };
    (globalThis as { document?: unknown }).document = fakeDocument;
    try {
      const element = (await reportElement(report)) as unknown as { tagName: string; className: string; innerHTML: string };
      expect(element.tagName).toBe('div');
      expect(element.className).toBe('peak-end-output');
      expect(element.innerHTML.match(/<svg[\s>]/g)).toHaveLength(4);
    } finally {
      delete (globalThis as { document?: unknown }).document;
    }
  });
});
