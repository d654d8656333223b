/**
 * The report states the judgement behind its flags (issue 14, item 11) in English and Chinese:
 * the respondents of the peak-end gap, the definitions of key moment and high performance,
 * insufficient penalty-reward cells, and why a two-valued outcome gets no model comparison.
 */
import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../src/ingest/read-survey.js';
import { createRng } from '../../src/random/rng.js';
import { analyze } from '../../src/report/analyze.js';
import { formatReportMarkdown } from '../../src/report/markdown.js';
import { formatReportText } from '../../src/report/text.js';
import { reportSchema } from '../../src/schema/report.js';

function survey(twoValued: boolean) {
  const rng = createRng(9);
  const columns: Record<string, (number | null)[]> = { a: [], b: [], c: [], o: [] };
  for (let i = 0; i < 80; i++) {
    const base = 1 + rng.int(5);
    for (const c of ['a', 'b', 'c']) columns[c]?.push(i % 17 === 3 && c === 'c' ? null : Math.min(5, Math.max(1, base + rng.int(3) - 1)));
    columns.o?.push(twoValued ? (base >= 3 ? 5 : 1) : Math.min(5, Math.max(1, base + rng.int(3) - 1)));
  }
  return readSurvey(columns, { touchpoints: ['a', 'b', 'c'], overall: 'o', scale: { min: 1, max: 5 } });
}

describe('the report says how it judged', () => {
  it('states the gap respondents, the definitions and small penalty-reward cells, in en and zh-CN', () => {
    const report = analyze(survey(false));
    expect(reportSchema.safeParse(report).success).toBe(true);
    const en = formatReportText(report);
    expect(en).toMatch(/Gap [+-]\d\.\d\d \(all on the 75 respondents who answered the peak, the end and overall; paired t/);
    expect(en).toMatch(/key moment = p < 0\.05, a positive coefficient and importance of at least 16\.7% of R²/);
    expect(en).toMatch(/High performance = mean ≥ 4\.00 \(halfway between the neutral point and the top of the scale\)/);
    expect(en).toContain('A factor type needs at least 30 respondents in each of low, middle and high.');
    const zh = formatReportMarkdown(report, { locale: 'zh-CN' });
    expect(zh).toContain('均基于回答了峰值、终值和整体题目的 75 位受访者');
    expect(zh).toMatch(/关键时刻 = p &lt; 0\.05、系数为正，且重要性至少占 R² 的 16\.7%/);
    expect(zh).toContain('低分、中间、高分各组至少需 30 位受访者才判定因素类型。');
  });

  it('explains the missing model comparison on a two-valued outcome', () => {
    const report = analyze(survey(true));
    expect(report.peakEnd?.comparison).toBeNull();
    expect(formatReportText(report)).toContain('The model comparison and its verdict are not given: the overall rating takes only two values');
    expect(formatReportText(report, { locale: 'zh-CN' })).toContain('未给出模型比较及其结论：整体评分只有两个取值');
  });
});
