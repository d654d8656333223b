import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { peakEnd } from '../../src/experience/peak-end.js';
import { type BinaryPredictionAccuracy, binaryPredictionAccuracy } from '../../src/experience/prediction-accuracy.js';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { analyze } from '../../src/report/analyze.js';
import { reportSchema } from '../../src/schema/report.js';
import { AIRLINE_TOUCHPOINTS, airlineCsvPath, loadAirline } from '../helpers/airline.js';

const csv = readFileSync(airlineCsvPath(), 'utf8');
const touchpoints = [...AIRLINE_TOUCHPOINTS];
const spec = { touchpoints, overall: { column: 'satisfaction', type: 'binary' as const, positive: ['satisfied'] }, scale: { min: 1, max: 5 }, notApplicable: [0], id: 'id' };
const survey = readSurvey(csv, spec);
const airline = loadAirline();

describe('peakEnd with a binary outcome', () => {
  const result = peakEnd(survey);
  it('refuses the aggregate gap (the share satisfied is not on the rating scale) with a warning', () => {
    expect(result.outcome).toBe('binary');
    expect(result.aggregate.gap).toBeNull();
    expect(result.aggregate.gapTest).toBeNull();
    expect(result.warnings.map((w) => w.code)).toContain('aggregate_gap_not_comparable');
  });

  it('ends each journey at the last touchpoint the respondent experienced and counts partial journeys', () => {
    const raw = airline.raw;
    const partial = Array.from({ length: airline.n }, (_, i) => touchpoints.some((t) => (raw[t] as string[])[i] === '0')).filter(Boolean).length;
    const lastNa = (raw.baggage as string[]).filter((v) => v === '0').length;
    expect(result.respondents.partialJourneys).toBe(partial);
    expect(result.respondents.earlierEnd).toBe(lastNa);
    // A respondent without checked baggage ends at their in-flight food (or wifi, ...).
    const i = (raw.baggage as string[]).findIndex((v, r) => v === '0' && (raw.food as string[])[r] !== '0' && (raw.food as string[])[r] !== '' && (raw.wifi as string[])[r] !== '');
    const prediction = result.respondents.predictions?.[i];
    expect(prediction).not.toBeNull();
    const ratings = touchpoints.map((t) => airline.ratings[t]?.[i] as number).filter((v) => !Number.isNaN(v));
    const peak = ratings.reduce((best, v) => (Math.abs(v - 3) > Math.abs(best - 3) ? v : best));
    expect(prediction).toBe(0.5 * peak + 0.5 * Number((raw.food as string[])[i]));
  });

  it('judges predictions by log-loss, Brier score and AUC (AUC of the prediction itself), not MAE', () => {
    const acc = result.respondents.accuracy as BinaryPredictionAccuracy;
    expect('meanAbsoluteError' in acc).toBe(false);
    const scores = (result.respondents.predictions ?? []).map((v) => v ?? Number.NaN);
    const auc = binaryPredictionAccuracy(
      scores.map(() => 0.5),
      Array.from(airline.satisfied),
      scores,
    ).auc;
    expect(acc.auc).toBeCloseTo(auc as number, 14);
    expect(acc.logLoss).toBeGreaterThan(0);
    expect(acc.logLoss).toBeLessThan(Math.log(2));
    expect(acc.brierScore).toBeLessThan(0.25);
    const models = result.comparison?.models ?? [];
    expect(models.map((m) => m.model)).toContain('regression');
    for (let k = 1; k < models.length; k++) expect((models[k] as BinaryPredictionAccuracy).logLoss).toBeGreaterThanOrEqual((models[k - 1] as BinaryPredictionAccuracy).logLoss);
    const verdict = result.comparison?.verdict;
    expect(verdict?.measure).toBe('log-loss');
    expect(verdict?.peakEnd).toBe((models.find((m) => m.model === 'peak-end') as BinaryPredictionAccuracy).logLoss);
    expect(verdict?.mean).toBe((models.find((m) => m.model === 'mean') as BinaryPredictionAccuracy).logLoss);
    expect(verdict?.pValue).toBe(result.comparison?.wilcoxon?.pValue ?? null);
    expect(verdict?.code).toBe(
      verdict?.pValue === null ? 'identical' : (verdict?.pValue ?? 1) >= 0.05 ? 'no-clear-difference' : (verdict?.peakEnd ?? 0) > (verdict?.mean ?? 0) ? 'peak-end-worse' : 'peak-end-better',
    );
  });

  it('is reproducible and the Report with a binary outcome validates against the schema', () => {
    expect(peakEnd(survey)).toEqual(result);
    const report = analyze(survey);
    expect(reportSchema.safeParse(report).error).toBeUndefined();
    expect(report.keyDrivers?.outcome).toBe('binary');
  });
});
