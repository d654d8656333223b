/**
 * The public Botanic NPS survey (test/corpus/heldout/botanic-nps.csv: 13,954 garden-centre
 * customers, likelihood to recommend plus satisfaction and intention to return, 1-10) read from the
 * CSV and checked against R (test/golden/public-nps/generate.R): describeSurvey's nps object
 * against the NPS formula, and the key drivers of promoter vs not against glm(binomial), of the
 * 0-10 answer against lm.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyDrivers } from '../../src/experience/key-drivers.js';
import { describeSurvey as describeSurveyDisplayed } from '../../src/index.js';
import { readSurveyFile } from '../../src/ingest/read-survey-file.js';
import { describeSurvey } from '../../src/survey/describe-survey.js';
import type { Survey } from '../../src/survey/survey.js';
import { expectGolden, type GoldenCoefficient, loadGolden } from '../helpers/golden.js';
import { runCli } from '../helpers/run-cli.js';

interface Golden {
  rows: number;
  noAnswers: number;
  nps: Record<string, number>;
  promoter: { n: number; coefficients: GoldenCoefficient[]; logLik: number; deviance: number; aic: number; rSquared: number; importance: Record<string, number> };
  rating: { n: number; rSquared: number; importance: Record<string, number>; coefficients: GoldenCoefficient[] };
}
const golden = loadGolden<Golden>('public-nps/public-nps.json');
const file = fileURLToPath(new URL('heldout/botanic-nps.csv', import.meta.url));
const spec = { touchpoints: ['satisfaction', 'intention'], overall: { column: 'nps', type: 'nps' as const }, scale: { min: 1, max: 10 }, id: 'id' };
const tight = { relative: 1e-8, absolute: 1e-12 };
const byName = (coefficients: readonly { name: string }[]): Record<string, unknown> => Object.fromEntries(coefficients.map((c) => [c.name, c]));

describe('public NPS survey (13,954 customers) against R', () => {
  let survey: Survey;
  beforeAll(async () => {
    survey = await readSurveyFile(file, spec);
  });

  it("describeSurvey's nps object: score, shares, standard error and 95% interval from the formula, missing answers left out", () => {
    // Rows without a single answer are left out at ingest and counted.
    expect(survey.report.rowsRead).toBe(golden.rows);
    expect(survey.report.droppedByReason.no_answers).toBe(golden.noAnswers);
    expect(survey.n).toBe(golden.rows - golden.noAnswers);
    const overall = describeSurvey(survey).items.find((i) => i.role === 'overall');
    const { n: _n, excluded: _excluded, ...expected } = golden.nps;
    expectGolden(overall?.nps, expected, { relative: 1e-12, absolute: 1e-12 }, 'nps');
    expect(overall?.n).toBe(golden.nps.n);
  });

  it("keyDrivers(…, { nps: 'promoter' }): glm(binomial) of promoter (9-10) vs not, and McFadden Shapley values", () => {
    const r = keyDrivers(survey, { nps: 'promoter' });
    expect(r.outcome).toBe('promoter');
    expect(r.model).toBe('logistic');
    expect(r.n).toBe(golden.promoter.n);
    const fit = r.modelFit;
    if (fit === null || fit.method !== 'logistic') throw new Error('expected a logistic fit');
    const expected = Object.fromEntries(
      golden.promoter.coefficients.map(({ name, estimate, stdErrorAtEstimate, zValue, pValue }) => [name, { estimate, stdError: stdErrorAtEstimate, zValue, pValue }]),
    );
    expectGolden(byName(fit.coefficients), expected, tight, 'glm');
    const g = golden.promoter;
    expectGolden({ logLik: fit.logLik, deviance: fit.deviance, aic: fit.aic }, { logLik: g.logLik, deviance: g.deviance, aic: g.aic }, tight, 'fit');
    expectGolden({ rSquared: r.importance.rSquared, importance: r.importance.importance }, { rSquared: g.rSquared, importance: g.importance }, tight, 'McFadden Shapley');
  });

  it('keyDrivers of the 0-10 answer as a rating: lm coefficients and LMG', () => {
    const r = keyDrivers(survey);
    expect(r.outcome).toBe('rating');
    expect(r.model).toBe('ols');
    expect(r.n).toBe(golden.rating.n);
    const expected = Object.fromEntries(golden.rating.coefficients.map(({ name, estimate, stdError, tValue, pValue }) => [name, { estimate, stdError, tValue, pValue }]));
    expectGolden(byName(r.regression.coefficients), expected, tight, 'lm');
    expectGolden({ rSquared: r.importance.rSquared, importance: r.importance.importance }, { rSquared: golden.rating.rSquared, importance: golden.rating.importance }, tight, 'LMG');
  });
});

describe('public NPS survey from the command line (flags only)', { timeout: 300_000 }, () => {
  it('analyze --overall nps takes the likelihood-to-recommend column as an NPS outcome on 0-10, says so, and prints the score R gives', async () => {
    const { code, stdout, stderr } = await runCli(['analyze', file, '--overall', 'nps']);
    expect(code).toBe(0);
    expect(stderr).toContain('"nps" holds 1-10 answers to a likelihood-to-recommend question: taken as a Net Promoter Score outcome on 0-10');
    const { score, ciLower, ciUpper, promoters, passives, detractors, n } = golden.nps as Record<string, number>;
    const signed = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
    const pct = (v: number): string => `${(v * 100).toFixed(0)}%`;
    expect(stdout).toContain(
      `Net Promoter Score of nps: ${signed(score as number)} (95% CI ${signed(ciLower as number)} – ${signed(ciUpper as number)}); promoters (9-10) ${pct(promoters as number)}, passives (7-8) ${pct(passives as number)}, detractors (0-6) ${pct(detractors as number)}; n = ${n}.`,
    );
    // describe prints the same line under its table.
    const described = await runCli(['describe', file, '--overall', 'nps']);
    expect(described.code).toBe(0);
    expect(described.stdout).toContain(`Net Promoter Score of nps: ${signed(score as number)} (95% CI ${signed(ciLower as number)} – ${signed(ciUpper as number)})`);
    // Asked to treat it as a plain rating, it does.
    const asRating = await runCli(['analyze', file, '--overall', 'nps', '--outcome-type', 'rating', '--json']);
    expect(asRating.code).toBe(0);
    expect(JSON.parse(asRating.stdout).descriptives.items.at(-1).nps).toBeUndefined();
  });
});

describe('public NPS survey in a notebook', () => {
  it("describeSurvey's notebook display shows the Net Promoter Score R gives, under the table", async () => {
    const survey = await readSurveyFile(file, spec);
    const shown = describeSurveyDisplayed(survey) as unknown as Record<symbol, () => Promise<Record<string, string>> | Record<string, string>>;
    const bundle = await shown[Symbol.for('Jupyter.display')]?.();
    const { score, ciLower, ciUpper } = golden.nps as Record<string, number>;
    const signed = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
    expect(bundle?.['text/plain']).toContain(`Net Promoter Score of nps: ${signed(score as number)} (95% CI ${signed(ciLower as number)} – ${signed(ciUpper as number)})`);
  });
});
