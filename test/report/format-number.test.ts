import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/report/text.js';

describe('formatNumber (public; no other test called it)', () => {
  it('prints fixed decimals (2 by default) and an en dash for a missing or non-finite statistic', () => {
    expect(formatNumber(4.625)).toBe('4.63');
    expect(formatNumber(0.1, 3)).toBe('0.100');
    expect(formatNumber(-2)).toBe('-2.00');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
  });
});
