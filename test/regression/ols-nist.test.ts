import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ols, type OlsCoefficient } from '../../src/regression/ols.js';
import { logRelativeError } from '../helpers/golden.js';

interface Nist {
  name: string;
  intercept: boolean;
  polynomialDegree: number | null;
  x: number[][];
  y: number[];
  certified: { coefficients: number[]; stdErrors: number[]; residualSD: number; rSquared: number };
}

const dir = fileURLToPath(new URL('../../fixtures/nist/', import.meta.url));
const datasets: Nist[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as Nist);

function design(d: Nist): number[][] {
  if (d.polynomialDegree === null) return d.x;
  return d.x.map(([v]) => Array.from({ length: d.polynomialDegree as number }, (_, k) => (v as number) ** (k + 1)));
}

/** Digits of agreement with NIST's certified values (15 certified digits). */
function nistLre(d: Nist, algorithm: 'qr' | 'cholesky' = 'qr'): Record<string, number> {
  const fit = ols(design(d), d.y, { intercept: d.intercept, algorithm });
  const est = fit.coefficients as OlsCoefficient[];
  return {
    coefficients: Math.min(...est.map((c, i) => logRelativeError(c.estimate, d.certified.coefficients[i] as number))),
    stdErrors: Math.min(...est.map((c, i) => logRelativeError(c.stdError, d.certified.stdErrors[i] as number))),
    residualSD: logRelativeError(fit.residualStdError, d.certified.residualSD),
    rSquared: logRelativeError(fit.rSquared, d.certified.rSquared),
  };
}

describe.each(['qr', 'cholesky'] as const)('ols (%s) against NIST StRD certified values (log relative error = digits of agreement)', (algorithm) => {
  it.each(datasets.map((d) => [d.name, d] as const))('%s', (name, d) => {
    const fit = ols(design(d), d.y, { intercept: d.intercept, algorithm });
    expect(fit.coefficients.every((c) => !('aliased' in c))).toBe(true);
    const lre = nistLre(d, algorithm);
    const floor = name === 'Filip' ? 7 : 9;
    for (const [field, digits] of Object.entries(lre)) {
      expect(digits, `${name} ${field}: ${digits.toFixed(1)} digits`).toBeGreaterThanOrEqual(floor);
    }
  });
});
