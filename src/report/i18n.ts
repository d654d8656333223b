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
  factors: { basic: 'basic', performance: 'performance', excitement: 'excitement', 'insufficient data': 'insufficient data' } as Record<string, string>,
  sameRespondents: (n: number): string => `all on the ${n} respondents who answered the peak, the end and overall`,
  allAnswers: (prediction: string, observed: string, gap: string): string =>
    `With each mean over its own answers (the study's computation, mixing respondents): prediction ${prediction}, observed ${observed}, gap ${gap}.`,
  binaryOutcome: 'The model comparison and its verdict are not given: the overall rating takes only two values, and rating predictions scored by mean absolute error against a two-valued answer mean nothing.',
  highPerformanceRule: {
    scale: 'halfway between the neutral point and the top of the scale',
    means: 'the mean of the touchpoint means',
    fixed: 'as given',
  } as Record<string, string>,
  definitions: (alpha: string, share: string, level: string, rule: string): string =>
    `Definitions: key moment = p < ${alpha}, a positive coefficient and importance of at least ${share} of R² (default half an equal share, 1/(2k)). High performance = mean ≥ ${level} (${rule}), one level for pain points, hygiene factors and the importance-performance quadrants, whose importance crosshair is the key-moment threshold.`,
  boxes: {
    'bottom-two-top-box': (low: string, high: string): string => `low box ≤ ${low}, high box ≥ ${high}`,
    fifths: (low: string, high: string): string => `bottom fifth ≤ ${low}, top fifth ≥ ${high}`,
    given: (low: string, high: string): string => `low box ≤ ${low}, high box ≥ ${high}`,
  } as Record<string, (low: string, high: string) => string>,
  minCell: (size: number): string => `A factor type needs at least ${size} respondents in each of low, middle and high.`,
  models: {} as Record<string, string>,
  modelLine: {
    ordinal: 'Coef, SE and p come from the proportional-odds model (latent scale)',
    logistic: 'Coef, SE and p come from the logistic model of top-2-box satisfaction (log-odds)',
  } as Record<string, string>,
  verdictWorse: 'peak-end predicts worse than averaging here',
  verdictBetter: 'peak-end predicts better than averaging here',
  verdictSame: 'no clear difference between peak-end and averaging here',
  methodNotes:
    'Peak = the touchpoint mean furthest from neutral (or as chosen); prediction = w x peak + (1 - w) x end, with the gap and its paired test on the same respondents. The model comparison scores each model on the respondents who answered everything; the regression is cross-validated. Key drivers: OLS with R-compatible inference; importance = LMG (Shapley) share of R-squared; key moment = significant positive driver with a practically relevant share of R-squared; pain point = key moment with a mean below the high-performance level; hygiene = high mean but not a key moment; the quadrants use the same two levels. Penalty-reward: dummy regression with standard errors; small cells are not classified. Details: docs/methods.md.',
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
  factors: { basic: '基本因素', performance: '绩效因素', excitement: '兴奋因素', 'insufficient data': '数据不足' },
  sameRespondents: (n: number): string => `均基于回答了峰值、终值和整体题目的 ${n} 位受访者`,
  allAnswers: (prediction: string, observed: string, gap: string): string =>
    `若每个均值各按其全部回答计算（研究原文的算法，混合了不同受访者）：预测值 ${prediction}，实际 ${observed}，差距 ${gap}。`,
  binaryOutcome: '未给出模型比较及其结论：整体评分只有两个取值，用评分预测并以平均绝对误差衡量没有意义。',
  highPerformanceRule: {
    scale: '中性点与量表最高分的中点',
    means: '各触点均值的平均',
    fixed: '按设定',
  },
  definitions: (alpha: string, share: string, level: string, rule: string): string =>
    `定义：关键时刻 = p < ${alpha}、系数为正，且重要性至少占 R² 的 ${share}（默认为平均份额的一半，1/(2k)）。高绩效 = 均值 ≥ ${level}（${rule}）；痛点、保健因素和重要性-绩效象限使用同一水平，象限的重要性分界即关键时刻的门槛。`,
  boxes: {
    'bottom-two-top-box': (low: string, high: string): string => `低分框 ≤ ${low}，高分框 ≥ ${high}`,
    fifths: (low: string, high: string): string => `最低五分之一 ≤ ${low}，最高五分之一 ≥ ${high}`,
    given: (low: string, high: string): string => `低分框 ≤ ${low}，高分框 ≥ ${high}`,
  },
  minCell: (size: number): string => `低分、中间、高分各组至少需 ${size} 位受访者才判定因素类型。`,
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
    '峰值 = 偏离中性点最远的触点均值（或按设定选择）；预测值 = w × 峰值 + (1 − w) × 终值，差距及其配对检验基于同一批受访者。模型比较在回答了全部题目的受访者上评估各模型，回归模型采用交叉验证。关键驱动因素：与 R 一致的最小二乘推断；重要性 = R² 的 LMG（Shapley）分解占比；关键时刻 = 显著、正向且占 R² 份额具有实际意义的驱动因素；痛点 = 均值低于高绩效水平的关键时刻；保健因素 = 均值高但不是关键时刻；象限使用同样的两个水平。惩罚-奖励分析：虚拟变量回归并给出标准误；样本过少的组不作判定。详见 docs/methods.md。',
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
  const mae = (model: string): number => c.models.find((x) => x.model === model)?.meanAbsoluteError ?? Number.NaN;
  const p = c.wilcoxon?.pValue ?? 1;
  const head = p >= 0.05 ? m.verdictSame : mae('peak-end') > mae('mean') ? m.verdictWorse : m.verdictBetter;
  const pText = p < 0.001 ? 'p < 0.001' : `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
  return `${head}：MAE ${mae('peak-end').toFixed(2)} 对 ${mae('mean').toFixed(2)}，Wilcoxon 符号秩检验 ${pText}，n = ${c.n}。`;
}
