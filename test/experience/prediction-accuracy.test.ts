import { describe, expect, it } from 'vitest';
import { InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { binaryPredictionAccuracy } from '../../src/experience/prediction-accuracy.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';

const golden = loadGolden<{ probabilities: number[]; outcomes: number[]; scores: number[]; withScores: Record<string, number>; withProbabilities: Record<string, number> }>(
  'prediction-accuracy/binary.json',
);

describe('binaryPredictionAccuracy reproduces R (test/golden/prediction-accuracy/generate.R)', () => {
  it('log-loss, Brier score and AUC of glm probabilities', () => {
    expectGolden(binaryPredictionAccuracy(golden.probabilities, golden.outcomes), golden.withProbabilities, { relative: 1e-12 }, 'probabilities');
  });
  it('AUC of a tied score on another scale (mid-ranks, as wilcox.test)', () => {
    expectGolden(binaryPredictionAccuracy(golden.probabilities, golden.outcomes, golden.scores), golden.withScores, { relative: 1e-12 }, 'scores');
  });
});

describe('binaryPredictionAccuracy edge cases', () => {
  it('the TSDoc example', () => {
    const r = binaryPredictionAccuracy([0.9, 0.3, 0.6, 0.2], [1, 0, 0, 0]);
    expect(r.auc).toBe(1);
    expect(r.brierScore).toBeCloseTo(0.125, 15);
    expect(r.logLoss).toBeCloseTo(-(Math.log(0.9) + Math.log(0.7) + Math.log(0.4) + Math.log(0.8)) / 4, 15);
  });
  it('skips missing pairs; null AUC with one class; errors for bad input', () => {
    expect(binaryPredictionAccuracy([0.5, Number.NaN, 0.2], [1, 1, 1])).toMatchObject({ n: 2, events: 2, auc: null });
    expect(() => binaryPredictionAccuracy([], [])).toThrow(InsufficientDataError);
    expect(() => binaryPredictionAccuracy([1.2], [1])).toThrow(InvalidArgumentError);
    expect(() => binaryPredictionAccuracy([0.2], [2])).toThrow(InvalidArgumentError);
    expect(() => binaryPredictionAccuracy([0.2], [1, 0])).toThrow(InvalidArgumentError);
  });
  it('a confident miss gives a large but finite log-loss', () => {
    const loss = binaryPredictionAccuracy([0, 1], [1, 0]).logLoss;
    expect(Number.isFinite(loss) && loss > 34 && loss < 35).toBe(true);
  });
});
