/**
 * Words of the reports in English and Simplified Chinese. Presenters look every heading and label
 * up here; numbers and data never pass through it.
 */
import type { Report } from '../schema/report.js';

/** Report languages. */
export type Locale = 'en' | 'zh-CN';

/** Every locale, for validation. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

const en = {
  title: 'Customer-experience survey analysis',
  survey: 'Survey',
  respondents: 'respondents',
  touchpoints: 'touchpoints',
  scale: 'scale',
  neutral: 'neutral',
  ingest: 'Data',
  rowsRead: 'Rows read',
  rowsUsed: 'used',
  rowsDropped: 'dropped',
  descriptives: 'Descriptives',
  item: 'Item',
  missing: 'Missing',
  mean: 'Mean',
  median: 'Median',
  topTwo: 'Top-2',
  bottomTwo: 'Bottom-2',
  overall: 'overall',
  peakEnd: 'Peak-end rule',
  peak: 'Peak',
  end: 'End',
  prediction: 'Prediction',
  observed: 'Observed overall mean',
  gap: 'Gap',
  perRespondent: 'Per respondent',
  modelComparison: "Which model predicts each respondent's overall rating best",
  model: 'Model',
  verdict: 'Verdict',
  regressionCheck: 'Regression check: overall on the peak and end touchpoints',
  term: 'Term',
  estimate: 'Estimate',
  keyDrivers: 'Key drivers',
  touchpoint: 'Touchpoint',
  coefficient: 'Coef',
  importance: 'Importance',
  share: 'Share',
  rank: 'Rank',
  quadrant: 'Quadrant',
  flags: 'Flags',
  keyMoment: 'KEY MOMENT',
  painPoint: 'pain point',
  hygiene: 'hygiene',
  bootstrap: 'Bootstrap',
  resamples: 'resamples',
  percentileCi: 'Percentile CI',
  bcaCi: 'BCa CI',
  rankCi: 'Rank CI',
  rankedFirst: 'Ranked first',
  penaltyReward: 'Penalty-reward',
  low: 'Low',
  high: 'High',
  penalty: 'Penalty',
  reward: 'Reward',
  asymmetry: 'Asymmetry',
  factor: 'Factor',
  warnings: 'Warnings',
  methods: 'Methods',
  charts: 'Charts',
  journeyChart: 'Journey: touchpoint means in journey order',
  driverChart: 'Key drivers: relative importance',
  ipaChart: 'Importance-performance quadrants',
  peakEndChart: 'Peak-end prediction against the observed overall mean',
  significance: 'Significance: *** p < 0.001, ** p < 0.01, * p < 0.05, . p < 0.1.',
  quadrants: {
    'concentrate here': 'concentrate here',
    'keep up the good work': 'keep up the good work',
    'low priority': 'low priority',
    'possible overkill': 'possible overkill',
  } as Record<string, string>,
  factors: { basic: 'basic', performance: 'performance', excitement: 'excitement' } as Record<string, string>,
  models: {} as Record<string, string>,
  modelLine: {
    ordinal: 'Coef, SE and p come from the proportional-odds model (latent scale)',
    logistic: 'Coef, SE and p come from the logistic model of top-2-box satisfaction (log-odds)',
  } as Record<string, string>,
  verdictWorse: 'peak-end predicts worse than averaging here',
  verdictBetter: 'peak-end predicts better than averaging here',
  verdictSame: 'no clear difference between peak-end and averaging here',
  methodNotes:
    'Peak = the touchpoint mean furthest from neutral (or as chosen); prediction = w x peak + (1 - w) x end. The model comparison scores each model on the respondents who answered everything; the regression is cross-validated. Key drivers: OLS with R-compatible inference; importance = LMG (Shapley) share of R-squared; key moment = significant positive driver; pain point = key moment with a mean below the high-performance level; hygiene = high mean but not a driver. Details: docs/methods.md.',
};

type Messages = typeof en;

const zh: Messages = {
  title: '客户体验调查分析',
  survey: '调查',
  respondents: '位受访者',
  touchpoints: '个触点',
  scale: '量表',
  neutral: '中性点',
  ingest: '数据',
  rowsRead: '读取行数',
  rowsUsed: '使用',
  rowsDropped: '剔除',
  descriptives: '描述统计',
  item: '项目',
  missing: '缺失',
  mean: '均值',
  median: '中位数',
  topTwo: '前二框',
  bottomTwo: '后二框',
  overall: '整体',
  peakEnd: '峰终定律',
  peak: '峰值',
  end: '终值',
  prediction: '预测值',
  observed: '实际整体满意度均值',
  gap: '差距',
  perRespondent: '逐个受访者',
  modelComparison: '哪个模型最能预测每位受访者的整体评分',
  model: '模型',
  verdict: '结论',
  regressionCheck: '回归检验：整体满意度对峰值和终值触点',
  term: '变量',
  estimate: '估计值',
  keyDrivers: '关键驱动因素',
  touchpoint: '触点',
  coefficient: '系数',
  importance: '重要性',
  share: '占比',
  rank: '排名',
  quadrant: '象限',
  flags: '标记',
  keyMoment: '关键时刻',
  painPoint: '痛点',
  hygiene: '保健因素',
  bootstrap: '自助法',
  resamples: '次重抽样',
  percentileCi: '百分位置信区间',
  bcaCi: 'BCa 置信区间',
  rankCi: '排名区间',
  rankedFirst: '排名第一',
  penaltyReward: '惩罚-奖励分析',
  low: '低分',
  high: '高分',
  penalty: '惩罚',
  reward: '奖励',
  asymmetry: '不对称性',
  factor: '因素类型',
  warnings: '警告',
  methods: '方法说明',
  charts: '图表',
  journeyChart: '旅程：按旅程顺序的触点均值',
  driverChart: '关键驱动因素：相对重要性',
  ipaChart: '重要性-绩效象限',
  peakEndChart: '峰终预测与实际整体满意度',
  significance: '显著性：*** p < 0.001，** p < 0.01，* p < 0.05，. p < 0.1。',
  quadrants: {
    'concentrate here': '重点改进',
    'keep up the good work': '继续保持',
    'low priority': '次要改进',
    'possible overkill': '过度投入',
  },
  factors: { basic: '基本因素', performance: '绩效因素', excitement: '兴奋因素' },
  modelLine: {
    ordinal: '系数、标准误和 p 值来自比例优势有序模型（潜变量尺度）',
    logistic: '系数、标准误和 p 值来自前二框满意度的逻辑回归（对数几率）',
  },
  models: {
    'peak-end': '峰终定律（个人峰值与终值）',
    mean: '全部触点均值',
    end: '仅终值触点',
    peak: '仅峰值触点',
    min: '最差触点',
    max: '最佳触点',
    first: '第一个触点',
    regression: '全部触点的最小二乘回归（交叉验证）',
  },
  verdictWorse: '此处峰终定律的预测不如平均值',
  verdictBetter: '此处峰终定律的预测优于平均值',
  verdictSame: '此处峰终定律与平均值的预测没有明显差别',
  methodNotes:
    '峰值 = 偏离中性点最远的触点均值（或按设定选择）；预测值 = w × 峰值 + (1 − w) × 终值。模型比较在回答了全部题目的受访者上评估各模型，回归模型采用交叉验证。关键驱动因素：与 R 一致的最小二乘推断；重要性 = R² 的 LMG（Shapley）分解占比；关键时刻 = 显著的正向驱动因素；痛点 = 均值低于高绩效水平的关键时刻；保健因素 = 均值高但不是驱动因素。详见 docs/methods.md。',
};

/** The messages of a locale. */
export function messages(locale: Locale = 'en'): Messages {
  return locale === 'zh-CN' ? zh : en;
}

/** A touchpoint's display name in a locale: the Chinese label for zh-CN when the spec has one. */
export function touchpointName(report: Report, column: string, locale: Locale = 'en'): string {
  const t = report.survey.touchpoints.find((x) => x.column === column);
  if (t === undefined) return column;
  return locale === 'zh-CN' && t.zh !== null ? t.zh : t.label;
}

/** The model-comparison verdict in words, rebuilt from its numbers for the locale. */
export function verdictText(report: Report, locale: Locale = 'en'): string | null {
  const c = report.peakEnd?.comparison;
  if (c === null || c === undefined) return null;
  if (locale === 'en') return c.verdict;
  const m = messages(locale);
  if (report.peakEnd?.outcome === 'binary') return c.verdict;
  const mae = (model: string): number => {
    const found = c.models.find((x) => x.model === model);
    return found !== undefined && 'meanAbsoluteError' in found ? found.meanAbsoluteError : Number.NaN;
  };
  const p = c.wilcoxon?.pValue ?? 1;
  const head = p >= 0.05 ? m.verdictSame : mae('peak-end') > mae('mean') ? m.verdictWorse : m.verdictBetter;
  const pText = p < 0.001 ? 'p < 0.001' : `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
  return `${head}：MAE ${mae('peak-end').toFixed(2)} 对 ${mae('mean').toFixed(2)}，Wilcoxon 符号秩检验 ${pText}，n = ${c.n}。`;
}
