import { describe, expect, it } from 'vitest';
import { formatNumber, formatP, formatPercent, formatPValue, formatSigned, formatSignificant, significanceStars } from '../../src/report/format.js';
import { modelName, peakEndVerdictText } from '../../src/report/i18n.js';
import { formatNumber as formatNumberFromText } from '../../src/report/text.js';

describe('formatNumber (public; no other test called it)', () => {
  it('prints fixed decimals (2 by default) and an en dash for a missing or non-finite statistic', () => {
    expect(formatNumber(4.625)).toBe('4.63');
    expect(formatNumber(0.1, 3)).toBe('0.100');
    expect(formatNumber(-2)).toBe('-2.00');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumberFromText).toBe(formatNumber);
  });

  it('signed and percent variants use the same rule', () => {
    expect(formatSigned(0.454)).toBe('+0.45');
    expect(formatSigned(-0.1234, 3)).toBe('-0.123');
    expect(formatSigned(null)).toBe('–');
    expect(formatPercent(0.416)).toBe('42%');
    expect(formatPercent(Number.NaN)).toBe('–');
  });
});

describe('formatPValue: one rule for tables and sentences', () => {
  it('three decimals, below 0.001 as "< 0.001", an en dash when missing', () => {
    expect(formatPValue(0.2104)).toBe('p = 0.210');
    expect(formatPValue(0.0131)).toBe('p = 0.013');
    expect(formatPValue(0.0009)).toBe('p < 0.001');
    expect(formatPValue(null)).toBe('p = –');
    expect(formatPValue(0.2104, 'table')).toBe('0.210');
    expect(formatPValue(0.0009, 'table')).toBe('<0.001');
    expect(formatPValue(undefined, 'table')).toBe('–');
    expect(formatPValue(Number.NaN, 'table')).toBe('–');
  });

  it('the table and prose forms show the same digits', () => {
    for (const p of [0.5, 0.05, 0.0499, 0.01, 0.00999, 0.001, 0.000999, 1e-12])
      expect(formatPValue(p)).toBe(formatPValue(p, 'table').startsWith('<') ? 'p < 0.001' : `p = ${formatPValue(p, 'table')}`);
  });

  it('formatP is the deprecated table form', () => {
    expect(formatP(0.0131)).toBe(formatPValue(0.0131, 'table'));
  });

  it('significance stars at R’s cut points', () => {
    expect([0.0005, 0.005, 0.02, 0.07, 0.2, null].map(significanceStars)).toEqual(['***', '**', '*', '.', '', '']);
  });
});

describe('peakEndVerdictText: the comparison verdict worded from its code and numbers, in both locales', () => {
  const base = { measure: 'mean-absolute-error' as const, peakEnd: 0.5957, mean: 0.4164, pValue: 0.0288, alpha: 0.05, n: 47 };
  it('words every code in English', () => {
    expect(peakEndVerdictText({ ...base, code: 'peak-end-worse' })).toBe('peak-end predicts worse than averaging here: MAE 0.60 vs 0.42, Wilcoxon signed-rank p = 0.029, n = 47.');
    expect(peakEndVerdictText({ ...base, code: 'peak-end-better', peakEnd: 0.4164, mean: 0.5957 })).toBe(
      'peak-end predicts better than averaging here: MAE 0.42 vs 0.60, Wilcoxon signed-rank p = 0.029, n = 47.',
    );
    expect(peakEndVerdictText({ ...base, code: 'no-clear-difference', pValue: 0.2104 })).toBe(
      'no clear difference between peak-end and averaging here (MAE 0.60 vs 0.42, Wilcoxon signed-rank p = 0.210, n = 47).',
    );
    expect(peakEndVerdictText({ ...base, code: 'identical', peakEnd: 0.5, mean: 0.5, pValue: null })).toBe('peak-end and averaging predict identically here (MAE 0.50 vs 0.50, n = 47).');
  });

  it('words every code in Chinese, the binary outcome included (the branch the old zh-CN rule missed)', () => {
    expect(peakEndVerdictText({ ...base, code: 'peak-end-worse' }, 'zh-CN')).toBe('此处峰终定律的预测不如平均值：MAE 0.60 对 0.42，Wilcoxon 符号秩检验 p = 0.029，n = 47。');
    expect(peakEndVerdictText({ ...base, code: 'identical', pValue: null }, 'zh-CN')).toBe('此处峰终定律与平均值的预测完全相同：MAE 0.60 对 0.42，n = 47。');
    const binary = { ...base, measure: 'log-loss' as const, peakEnd: 0.51234, mean: 0.55, code: 'peak-end-better' as const };
    expect(peakEndVerdictText(binary)).toBe('peak-end predicts the outcome better than averaging here: log-loss 0.512 vs 0.550, Wilcoxon signed-rank p = 0.029, n = 47.');
    expect(peakEndVerdictText(binary, 'zh-CN')).toBe('此处峰终定律对结果的预测优于平均值：对数损失 0.512 对 0.550，Wilcoxon 符号秩检验 p = 0.029，n = 47。');
  });

  it('names the models by code; the regression model is logistic for a binary outcome', () => {
    expect(modelName('mean', 'rating')).toBe('mean of all touchpoints');
    expect(modelName('regression', 'rating')).toBe('OLS on all touchpoints (cross-validated)');
    expect(modelName('regression', 'binary')).toBe('logistic regression on all touchpoints (cross-validated)');
    expect(modelName('regression', 'binary', 'zh-CN')).toBe('全部触点的逻辑回归（交叉验证）');
  });
});

describe('formatSignificant: significant digits as R prints a regression table', () => {
  it('five digits, no exponent from 1e-4 to 1e15, an en dash when missing', () => {
    expect(formatSignificant(-3482258.63459582)).toBe('-3482259');
    expect(formatSignificant(0.0150618)).toBe('0.015062');
    expect(formatSignificant(1.2e-7)).toBe('1.2000e-7');
    expect(formatSignificant(0)).toBe('0');
    expect(formatSignificant(null)).toBe('–');
  });
});
