// analyzeParallel must give analyze's Report bit for bit (compared as JSON text, which spells every
// double exactly), its warnings in the same order, and the same error: the peak-end part runs on a
// worker thread reading the survey's columns in shared memory, the other parts and the Gestalt
// battery in this thread.
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { respondentPass, respondentPassStorage } from '../../src/experience/respondent-scores.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { analyzeOnTwoThreads, analyzeParallel, PARALLEL_ANALYZE_MIN_ROWS } from '../../src/parallel/analyze-parallel.js';
import { HelperThread } from '../../src/parallel/pool.js';
import { PreparedPassArrays } from '../../src/parallel/split-walk.js';
import { createRng } from '../../src/random/rng.js';
import { type AnalyzeOptions, analyze } from '../../src/report/analyze.js';
import type { SurveySpec } from '../../src/schema/survey-spec.js';
import { rake } from '../../src/survey/rake.js';

const k = 6;
const names = Array.from({ length: k }, (_, j) => `t${j + 1}`);

/** Seeded 1-5 ratings with missing and not-applicable cells, a weight, a region and a binary outcome. */
function columns(n: number, seed: number): Record<string, (number | string)[]> {
  const rng = createRng(seed);
  const out: Record<string, (number | string)[]> = Object.fromEntries([...names, 'overall', 'bought', 'w', 'region'].map((c) => [c, []]));
  for (let i = 0; i < n; i++) {
    const common = rng.next();
    let sum = 0;
    names.forEach((c, j) => {
      const v = Math.round(1 + 4 * (0.6 * common + 0.4 * rng.next()));
      sum += v * (1 + (j % 3));
      const u = rng.next();
      out[c]?.push(u < 0.02 ? '' : u < 0.04 && (j === 2 || j === k - 1) ? 'n/a' : v);
    });
    const overall = Math.min(5, Math.max(1, Math.round(sum / 12 + rng.next() - 0.5)));
    out.overall?.push(rng.next() < 0.01 ? '' : overall);
    out.bought?.push(overall >= 4 ? 1 : 0);
    out.w?.push(0.5 + rng.next());
    out.region?.push(rng.next() < 0.5 ? 'north' : 'south');
  }
  return out;
}

// Small enough for the tests to be quick: the two-thread path is called directly.
const data = columns(3_000, 11);
const rating: SurveySpec = { touchpoints: names, overall: 'overall', scale: { min: 1, max: 5 }, notApplicable: ['n/a'], segments: ['region'] };
const binary: SurveySpec = { touchpoints: names, overall: { column: 'bought', type: 'binary' }, scale: { min: 1, max: 5 }, notApplicable: ['n/a'] };
const weighted: SurveySpec = { touchpoints: names, overall: 'overall', scale: { min: 1, max: 5 }, weight: 'w' };

/** Runs `run` on a new helper thread, closed afterwards. */
async function onHelper<T>(run: (helper: HelperThread) => Promise<T>): Promise<T> {
  const helper = new HelperThread();
  try {
    return await run(helper);
  } finally {
    await helper.close();
  }
}

async function same(spec: SurveySpec, options: AnalyzeOptions = {}): Promise<void> {
  const shared = readSurvey(data, spec, { sharedMemory: true });
  expect([...shared.ratings.values()].every((c) => c.buffer instanceof SharedArrayBuffer)).toBe(true);
  const serial = JSON.stringify(analyze(readSurvey(data, spec), options));
  const parallel = JSON.stringify(await onHelper((helper) => analyzeOnTwoThreads(shared, options, helper)));
  expect(parallel).toBe(serial);
}

describe('analyzeParallel', () => {
  it('gives analyze’s Report on a rating outcome with missing and not-applicable cells and a segment', () => same(rating), 60_000);
  it('gives analyze’s Report on a binary outcome (logistic key drivers and battery)', () => same(binary), 60_000);
  it('gives analyze’s Report on a weighted survey, with another peak rule and seed', () => same(weighted, { peakEnd: { peak: 'min', seed: 7, folds: 5 } }), 60_000);
  it('gives analyze’s Report on a raked survey (the descriptives’ design-based errors see the calibration)', async () => {
    const raked = rake(readSurvey(data, rating, { sharedMemory: true }), { region: { north: 0.3, south: 0.7 } });
    expect(raked.calibration).toBeDefined();
    const serial = JSON.stringify(analyze(raked));
    expect(JSON.stringify(await onHelper((helper) => analyzeOnTwoThreads(raked, {}, helper)))).toBe(serial);
  }, 60_000);
  it('gives analyze’s Report without the Gestalt battery and with per-respondent predictions', () => same(rating, { peakEnd: { gestalt: false, includePredictions: true } }), 60_000);

  it('throws analyze’s error: the descriptives’ before the peak-end part’s, that before the key drivers’', async () => {
    const survey = readSurvey(data, rating, { sharedMemory: true });
    const cases: AnalyzeOptions[] = [
      { peakEnd: { weight: 2 }, keyDrivers: { alpha: 3 } },
      { describe: { level: 2 }, peakEnd: { weight: 2 }, keyDrivers: { alpha: 3 } },
    ];
    const messages = new Set<string>();
    for (const options of cases) {
      let serial: unknown;
      try {
        analyze(survey, options);
      } catch (error) {
        serial = error;
      }
      expect(serial).toBeInstanceOf(InvalidArgumentError);
      messages.add((serial as Error).message);
      const parallel = await onHelper((helper) => analyzeOnTwoThreads(survey, options, helper)).catch((error: unknown) => error);
      expect(parallel).toBeInstanceOf(InvalidArgumentError);
      expect((parallel as Error).message).toBe((serial as Error).message);
    }
    expect(messages.size).toBe(2);
  }, 60_000);

  it('runs on two threads from PARALLEL_ANALYZE_MIN_ROWS respondents in shared memory', async () => {
    const big = columns(PARALLEL_ANALYZE_MIN_ROWS, 5);
    const survey = readSurvey(big, { ...rating, segments: [] }, { sharedMemory: true });
    const serial = JSON.stringify(analyze(survey, { peakEnd: { gestalt: false } }));
    expect(JSON.stringify(await analyzeParallel(survey, { peakEnd: { gestalt: false }, concurrency: 2 }))).toBe(serial);
  }, 60_000);

  it('touches the pages of shared columns without changing a value, while this thread writes them', async () => {
    const length = 1 << 20;
    const columns = [0, 1, 2].map(() => new Float64Array(new SharedArrayBuffer(8 * length)));
    await onHelper(async (helper) => {
      helper.touch(columns);
      for (const column of columns) for (let i = 0; i < length; i++) column[i] = i + 0.5;
      // A call after the touch: the thread has finished touching when it answers.
      await helper.run({ kind: 'peak-end-and-descriptives', survey: readSurvey(data, rating, { sharedMemory: true }), peakEnd: { gestalt: false }, describe: {} });
    });
    for (const column of columns) expect(column.every((v, i) => v === i + 0.5)).toBe(true);
  }, 60_000);

  it('walks into arrays made ahead (shared, resident) with the same pass as into new ones, and makes more when they run out', () => {
    const survey = readSurvey(data, rating, { sharedMemory: true });
    const columns = survey.touchpoints.map((t) => survey.ratings.get(t.column) as Float64Array);
    const options = { rule: 'most-intense' as const, neutral: 3, weight: 0.5, endIndex: k - 1, features: true, shared: true };
    const fresh = respondentPass(columns, survey.n, options);
    const arrays = new PreparedPassArrays(survey.n + 10);
    const prepared = respondentPass(columns, survey.n, { ...options, rows: { from: 0, to: survey.n, into: respondentPassStorage(survey.n, options, arrays) } });
    expect(prepared.mean.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(prepared.mean.length).toBe(survey.n);
    expect(prepared).toEqual(fresh);
    // Ten arrays of doubles and one of integers were made; under 'most-intense' the walk took nine
    // (its peak is the features' peak) and the integers; after the tenth, new ones are made.
    expect(arrays.float64(5).length).toBe(survey.n + 10);
    expect(arrays.float64(5).length).toBe(5);
    expect(arrays.int32(5).length).toBe(5);
  });

  it('stores the same values in shared memory, and refuses a bad sharedMemory or concurrency', async () => {
    const plain = readSurvey(data, rating);
    const shared = readSurvey(data, rating, { sharedMemory: true });
    for (const [column, values] of plain.ratings) expect(shared.ratings.get(column)).toEqual(values);
    expect(() => readSurvey(data, rating, { sharedMemory: 'yes' as unknown as boolean })).toThrow(InvalidArgumentError);
    await expect(analyzeParallel(shared, { concurrency: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});
