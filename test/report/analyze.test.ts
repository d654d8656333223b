import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import { analyze } from '../../src/report/analyze.js';
import { reportJsonSchema, reportSchema } from '../../src/schema/report.js';
import { loadReference, REFERENCE_NAMES } from '../helpers/reference.js';

const root = new URL('../../', import.meta.url);

describe('analyze', () => {
  it('returns a Report that the exported schema accepts, for the Zhijiang reconstruction', async () => {
    const spec = JSON.parse(readFileSync(new URL('fixtures/zhijiang/spec.json', root), 'utf8'));
    const survey = await readSurveyFile(fileURLToPath(new URL('fixtures/zhijiang/zhijiang.csv', root)), spec);
    const report = analyze(survey, { keyDrivers: { bootstrap: { replicates: 20, seed: 1 } } });
    expect(reportSchema.safeParse(report).error).toBeUndefined();
    // Plain data as returned: its JSON document holds the same values (no NaN, no undefined, no typed arrays).
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.peakEnd?.aggregate.end.touchpoint).toBe('meeting');
    expect(report.keyDrivers?.touchpoints).toHaveLength(7);
    expect(report.warnings.some((w) => w.source === 'key-drivers' && w.code === 'small_sample')).toBe(true);
  });

  it.each(REFERENCE_NAMES.filter((n) => !n.includes('n5000')))('%s: schema-valid, with unusable parts null and explained', (name) => {
    const ref = loadReference(name);
    const columns = Object.fromEntries(ref.columns.map((c, j) => [c, ref.data.map((row) => row[j] ?? null)]));
    const max = name.includes('scale7') ? 7 : name.includes('collinear') ? 10 : 5;
    const survey = readSurvey(columns, { touchpoints: ref.model.x, overall: ref.model.y, scale: { min: 1, max } });
    const report = analyze(survey);
    expect(reportSchema.safeParse(report).error).toBeUndefined();
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.warnings.filter((w) => w.code === 'non_finite_number')).toEqual([]);
    if (name.includes('collinear')) {
      expect(report.keyDrivers).toBeNull();
      expect(report.warnings.find((w) => w.code === 'key_drivers_skipped')?.message).toContain('linear combination');
    } else {
      expect(report.keyDrivers?.regression.n).toBe(ref.lm.n);
    }
  });

  it('docs/report.schema.json is the current JSON Schema of the Report (run npm run build to refresh)', () => {
    const written = JSON.parse(readFileSync(new URL('docs/report.schema.json', root), 'utf8'));
    expect(written).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
  });
});

describe('analyze with an ordinal key-driver model', () => {
  it('produces a schema-valid Report naming the model', () => {
    const ref = loadReference('survey-n200-k5-s1000');
    const columns = Object.fromEntries(ref.columns.map((c, j) => [c, ref.data.map((row) => row[j] ?? null)]));
    const survey = readSurvey(columns, { touchpoints: ref.model.x, overall: ref.model.y, scale: { min: 1, max: 5 } });
    for (const model of ['ordinal', 'logistic'] as const) {
      const report = analyze(survey, { keyDrivers: { model } });
      expect(reportSchema.safeParse(report).error).toBeUndefined();
      expect(report.keyDrivers?.model).toBe(model);
      expect(report.keyDrivers?.modelFit?.coefficients).toHaveLength(model === 'ordinal' ? 5 : 6);
    }
  });
});
