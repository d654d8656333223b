import { describe, expect, it } from 'vitest';
import { ConvergenceError, InsufficientDataError, InvalidArgumentError } from '../../src/errors.js';
import { logisticRegression } from '../../src/regression/logistic.js';
import { expectGolden, loadGolden } from '../helpers/golden.js';
import { loadReference } from '../helpers/reference.js';

interface GlmGolden {
  weights: number[] | null;
  coefficients: { name: string; estimate: number; stdError: number; zValue: number; pValue: number }[];
  logLik: number;
  aic: number;
  bic: number;
  deviance: number;
  nullDeviance: number;
  n: number;
}
const golden = loadGolden<Record<string, GlmGolden>>('logistic/logistic.json');

describe('logisticRegression reproduces R glm(family = binomial) (test/golden/logistic/generate.R)', () => {
  it.each(Object.keys(golden).filter((k) => k.startsWith('survey-')))('%s', (name) => {
    const g = golden[name] as GlmGolden;
    const ref = loadReference(name.replace('-weighted', ''));
    const top = name.includes('scale7') ? 6 : 4;
    const y = ref.y.map((v) => (v === null ? null : v >= top ? 1 : 0));
    // jsonlite writes R's NULL weights as {}: only an array means a weighted fit.
    const fit = logisticRegression(ref.X, y, { names: ref.model.x, ...(Array.isArray(g.weights) && { weights: g.weights }) });
    const { weights: _weights, iterations: _iterations, ...expected } = g as GlmGolden & { iterations: number };
    expectGolden(fit, expected, { relative: 1e-6, absolute: 1e-9 }, name);
    expect(fit.convergence.converged).toBe(true);
  });
});

describe('logisticRegression contract and edge cases', () => {
  it('detects complete separation and names the predictor', () => {
    expect(() => logisticRegression([[1], [2], [3], [4], [5], [6]], [0, 0, 0, 1, 1, 1], { names: ['delivery'] })).toThrow(
      expect.objectContaining({ name: ConvergenceError.name, code: 'separation', message: expect.stringContaining('"delivery"') }),
    );
  });

  it('refuses a single-valued or non-binary outcome with a clear message', () => {
    expect(() => logisticRegression([[1], [2], [3]], [1, 1, 1])).toThrow(InsufficientDataError);
    expect(() => logisticRegression([[1], [2], [3]], [1, 2, 3])).toThrow(/binary outcome/);
    expect(() => logisticRegression([[1], [2], [3], [4]], [0, 1, 0, 1], { positive: 5 })).toThrow(InvalidArgumentError);
  });

  it('models any two values, the larger as the event by default; the intercept-only fit is the logit of the share', () => {
    // 3 of 8 are 5s: logit(3/8).
    const fit = logisticRegression(Array.from({ length: 8 }, () => []), [2, 5, 2, 2, 5, 2, 5, 2]);
    expect(fit.positive).toBe(5);
    expect(fit.coefficients[0]?.estimate).toBeCloseTo(Math.log(3 / 5), 10);
    expect(fit.logLik).toBeCloseTo(fit.nullLogLik, 10);
  });

  it('drops missing rows, rejects a constant predictor', () => {
    const ref = loadReference('survey-n500-k7-missing-s1000');
    const y = ref.y.map((v) => (v === null ? null : v >= 4 ? 1 : 0));
    expect(logisticRegression(ref.X, y).rowsDropped.missing).toBe(135);
    expect(() => logisticRegression(ref.X.map((r) => [...r, 2]), y)).toThrow(ConvergenceError);
  });
});
