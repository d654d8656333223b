import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { analyze } from '../../src/report/analyze.js';
import { reportSchema } from '../../src/schema/report.js';
import { loadReference } from '../helpers/reference.js';

// An analysis that breaks the "no NaN" rule, simulated: peakEnd returns its real result with one
// field overwritten by a non-finite number. analyze must not hide it the way JSON.stringify would.
const broken = vi.hoisted(() => ({ field: null as null | 'gap' | 'prediction', value: Number.NaN }));

vi.mock('../../src/experience/peak-end.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/experience/peak-end.js')>();
  return {
    ...original,
    peakEnd: (...args: Parameters<typeof original.peakEnd>) => {
      const result = original.peakEnd(...args);
      if (broken.field === null) return result;
      return { ...result, aggregate: { ...result.aggregate, [broken.field]: broken.value } };
    },
  };
});

const ref = loadReference('survey-n200-k5-s1000');
const survey = readSurvey(Object.fromEntries(ref.columns.map((c, j) => [c, ref.data.map((row) => row[j] ?? null)])), {
  touchpoints: ref.model.x,
  overall: ref.model.y,
  scale: { min: 1, max: 5 },
});

describe('analyze with a non-finite number in a result', () => {
  beforeEach(() => {
    broken.field = null;
  });

  it('gives a finite Report and no non_finite_number warning when every analysis keeps the rule', () => {
    const report = analyze(survey);
    expect(report.warnings.filter((w) => w.code === 'non_finite_number')).toEqual([]);
    expect(reportSchema.safeParse(report).error).toBeUndefined();
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('turns NaN in a nullable field (the aggregate gap) into null, as the schema says, with a warning naming the field', () => {
    broken.field = 'gap';
    broken.value = Number.NaN;
    const report = analyze(survey);
    expect(report.peakEnd?.aggregate.gap).toBeNull();
    expect(report.warnings.filter((w) => w.code === 'non_finite_number')).toEqual([
      { source: 'peak-end', code: 'non_finite_number', message: 'peakEnd.aggregate.gap was NaN; JSON has no NaN, so the Report gives null.' },
    ]);
    expect(reportSchema.safeParse(report).error).toBeUndefined();
    // The JSON document says the same as the object: no conversion happens on the way out.
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('turns Infinity in a field the schema requires to be a number into null with a warning, and the schema rejects that field', () => {
    broken.field = 'prediction';
    broken.value = Number.POSITIVE_INFINITY;
    const report = analyze(survey);
    expect(report.peakEnd?.aggregate.prediction).toBeNull();
    expect(report.warnings.find((w) => w.code === 'non_finite_number')?.message).toBe('peakEnd.aggregate.prediction was Infinity; JSON has no Infinity, so the Report gives null.');
    const issues = reportSchema.safeParse(report).error?.issues ?? [];
    expect(issues.map((i) => i.path)).toEqual([['peakEnd', 'aggregate', 'prediction']]);
  });
});
