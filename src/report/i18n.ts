/**
 * Words of the reports in English and Simplified Chinese. Presenters look every heading and label
 * up here; numbers and data never pass through it.
 */
import type { PeakEndVerdictCode } from '../experience/peak-end.js';
import type { Report } from '../schema/report.js';
import { formatNumber, formatPValue } from './format.js';

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
  notApplicable: 'N/A',
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
  warning: 'Warning',
  methods: 'Methods',
  charts: 'Charts',
  journeyChart: 'Journey: touchpoint means in journey order',
  npsLine: (column: string, score: string, ci: string, promoters: string, passives: string, detractors: string, n: number): string =>
    `Net Promoter Score of ${column}: ${score} (${ci}); promoters (9-10) ${promoters}, passives (7-8) ${passives}, detractors (0-6) ${detractors}; n = ${n}.`,
  driverChart: 'Key drivers: relative importance',
  ipaChart: 'Importance-performance quadrants',
  peakEndChart: 'Peak-end prediction against the observed overall mean',
  peakRules: { 'most-intense': 'most-intense', max: 'max', min: 'min', both: 'both' } as Record<string, string>,
  pairedT: (level: number, lower: string, upper: string, p: string): string => `paired t: ${level}% CI ${lower} to ${upper}, p ${p}`,
  bias: 'bias',
  biasHeader: 'Bias',
  crossValidation: (folds: number, seed: number): string => `regression: ${folds}-fold cross-validation, seed ${seed}`,
  adjRSquared: 'adj. R²',
  aliased: 'aliased',
  driverBars: (method: string, r2 = 'R²'): string => `Bars: ${method} importance, the touchpoint's share of ${r2}`,
  driverWhiskers: (level: number, resamples: number): string => `Whiskers: ${level}% bootstrap percentile interval (${resamples} resamples)`,
  significantAt: (alpha: string): string => `significant (p < ${alpha})`,
  notSignificant: 'not significant',
  ipaZoomed: (mean: string, lo: string, hi: string, scale: string): string => `${mean} (axis zoomed to ${lo}–${hi} of the ${scale} scale)`,
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
  binaryAggregate: (prediction: string, share: string): string =>
    `The rule's prediction from the touchpoint means is ${prediction} on the touchpoints' scale; the outcome is binary (share in the positive class ${share}), so the two cannot be compared and no gap is given. The per-respondent comparison below judges the rule by log-loss, Brier score and AUC.`,
  binaryDrivers: (n: number, rSquared: string): string =>
    `Logistic regression (n = ${n}): McFadden R² = ${rSquared}; importance = Shapley value of McFadden's R² over all subsets of touchpoints (general dominance).`,
  binaryOutcome:
    'The model comparison and its verdict are not given: the overall rating takes only two values, and rating predictions scored by mean absolute error against a two-valued answer mean nothing.',
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
  models: {
    'peak-end': 'peak-end rule (own peak and end)',
    mean: 'mean of all touchpoints',
    end: 'end touchpoint only',
    peak: 'peak touchpoint only',
    min: 'worst touchpoint',
    max: 'best touchpoint',
    first: 'first touchpoint',
    regression: 'OLS on all touchpoints (cross-validated)',
  } as Record<string, string>,
  binaryRegressionModel: 'logistic regression on all touchpoints (cross-validated)',
  failedResamples: (n: number): string => ` (${n} failed)`,
  rowsDroppedNote: (n: number): string => ` (${n} rows dropped)`,
  olsHeading: (covariance: string | null): string => `Linear regression (OLS${covariance === null ? '' : `, ${covariance} standard errors`})`,
  olsColumns: ['Estimate', 'Std. Error', 't value', 'Pr(>|t|)'],
  olsResidual: (rse: string, df: number, n: number, dropped: string): string => `Residual standard error ${rse} on ${df} degrees of freedom; n = ${n}${dropped}.`,
  olsFit: (r2: string, adj: string): string => `R² = ${r2}, adjusted R² = ${adj}`,
  olsF: (f: string, df1: number, df2: number, p: string): string => `; F = ${f} on ${df1} and ${df2} df, p ${p}`,
  modelLine: {
    ordinal: 'Coef, SE and p come from the proportional-odds model (latent scale)',
    logistic: 'Coef, SE and p come from the logistic model of top-2-box satisfaction (log-odds)',
    'logistic-binary': 'Coef, SE and p come from the logistic model of the binary outcome (log-odds)',
    'ols-binary': 'Coef, SE and p come from the linear probability model (OLS of the 0/1 outcome, as asked with model ols)',
  } as Record<string, string>,
  verdicts: {
    'peak-end-worse': 'peak-end predicts worse than averaging here',
    'peak-end-better': 'peak-end predicts better than averaging here',
    'no-clear-difference': 'no clear difference between peak-end and averaging here',
    identical: 'peak-end and averaging predict identically here',
  } as Record<PeakEndVerdictCode, string>,
  verdictsBinary: {
    'peak-end-worse': 'peak-end predicts the outcome worse than averaging here',
    'peak-end-better': 'peak-end predicts the outcome better than averaging here',
    'no-clear-difference': 'no clear difference between peak-end and averaging in predicting the outcome here',
    identical: 'peak-end and averaging predict the outcome identically here',
  } as Record<PeakEndVerdictCode, string>,
  verdictEvidence: (measure: string, peakEnd: string, mean: string, p: string | null, n: number): string =>
    `${measure} ${peakEnd} vs ${mean}${p === null ? '' : `, Wilcoxon signed-rank ${p}`}, n = ${n}`,
  verdictSentence: (head: string, evidence: string, differs: boolean): string => (differs ? `${head}: ${evidence}.` : `${head} (${evidence}).`),
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
  notApplicable: '不适用',
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
  warning: '警告',
  methods: '方法说明',
  charts: '图表',
  journeyChart: '旅程：按旅程顺序的触点均值',
  npsLine: (column: string, score: string, ci: string, promoters: string, passives: string, detractors: string, n: number): string =>
    `${column} 的净推荐值（NPS）：${score}（${ci}）；推荐者（9-10）${promoters}，中立者（7-8）${passives}，贬损者（0-6）${detractors}；n = ${n}。`,
  driverChart: '关键驱动因素：相对重要性',
  ipaChart: '重要性-绩效象限',
  peakEndChart: '峰终预测与实际整体满意度',
  peakRules: { 'most-intense': '最强烈', max: '最高', min: '最低', both: '最高与最低' },
  pairedT: (level: number, lower: string, upper: string, p: string): string => `配对 t 检验：${level}% 置信区间 ${lower} 至 ${upper}，p ${p}`,
  bias: '偏差',
  biasHeader: '偏差',
  crossValidation: (folds: number, seed: number): string => `回归模型：${folds} 折交叉验证，种子 ${seed}`,
  adjRSquared: '调整 R²',
  aliased: '共线（无法估计）',
  driverBars: (method: string, r2 = 'R²'): string => `条形：${method} 重要性，即该触点在 ${r2} 中的份额`,
  driverWhiskers: (level: number, resamples: number): string => `误差线：${level}% 自助法百分位置信区间（${resamples} 次重抽样）`,
  significantAt: (alpha: string): string => `显著（p < ${alpha}）`,
  notSignificant: '不显著',
  ipaZoomed: (mean: string, lo: string, hi: string, scale: string): string => `${mean}（坐标轴放大至 ${lo}–${hi}，量表为 ${scale}）`,
  significance: '显著性：*** p < 0.001，** p < 0.01，* p < 0.05，. p < 0.1。',
  quadrants: {
    'concentrate here': '重点改进',
    'keep up the good work': '继续保持',
    'low priority': '次要改进',
    'possible overkill': '过度投入',
  },
  factors: { basic: '基本因素', performance: '绩效因素', excitement: '兴奋因素', 'insufficient data': '数据不足' },
  sameRespondents: (n: number): string => `均基于回答了峰值、终值和整体题目的 ${n} 位受访者`,
  allAnswers: (prediction: string, observed: string, gap: string): string => `若每个均值各按其全部回答计算（研究原文的算法，混合了不同受访者）：预测值 ${prediction}，实际 ${observed}，差距 ${gap}。`,
  binaryAggregate: (prediction: string, share: string): string =>
    `由触点均值得出的峰终预测为 ${prediction}（触点量表）；结果为二元变量（正类比例 ${share}），二者不可比较，故不给出差距。下文按受访者以对数损失、Brier 分数和 AUC 评价该规则。`,
  binaryDrivers: (n: number, rSquared: string): string => `Logistic 回归（n = ${n}）：McFadden R² = ${rSquared}；重要性为 McFadden R² 在所有触点子集上的 Shapley 值（一般优势）。`,
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
    'logistic-binary': '系数、标准误和 p 值来自二分类结果的逻辑回归（对数几率）',
    'ols-binary': '系数、标准误和 p 值来自线性概率模型（对 0/1 结果的 OLS，按 model ols 的要求）',
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
  binaryRegressionModel: '全部触点的逻辑回归（交叉验证）',
  failedResamples: (n) => `（${n} 次失败）`,
  rowsDroppedNote: (n) => `（剔除 ${n} 行）`,
  olsHeading: (covariance) => `线性回归（OLS${covariance === null ? '' : `，${covariance} 标准误`}）`,
  olsColumns: ['估计值', '标准误', 't 值', 'Pr(>|t|)'],
  olsResidual: (rse, df, n, dropped) => `残差标准误 ${rse}，自由度 ${df}；n = ${n}${dropped}。`,
  olsFit: (r2, adj) => `R² = ${r2}，调整 R² = ${adj}`,
  olsF: (f, df1, df2, p) => `；F = ${f}，自由度 ${df1} 与 ${df2}，p ${p}`,
  verdicts: {
    'peak-end-worse': '此处峰终定律的预测不如平均值',
    'peak-end-better': '此处峰终定律的预测优于平均值',
    'no-clear-difference': '此处峰终定律与平均值的预测没有明显差别',
    identical: '此处峰终定律与平均值的预测完全相同',
  },
  verdictsBinary: {
    'peak-end-worse': '此处峰终定律对结果的预测不如平均值',
    'peak-end-better': '此处峰终定律对结果的预测优于平均值',
    'no-clear-difference': '此处峰终定律与平均值对结果的预测没有明显差别',
    identical: '此处峰终定律与平均值对结果的预测完全相同',
  },
  verdictEvidence: (measure, peakEnd, mean, p, n) => `${measure === 'log-loss' ? '对数损失' : measure} ${peakEnd} 对 ${mean}${p === null ? '' : `，Wilcoxon 符号秩检验 ${p}`}，n = ${n}`,
  verdictSentence: (head, evidence) => `${head}：${evidence}。`,
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

/** A peak-end comparison verdict as a Report carries it (`report.peakEnd.comparison.verdict`). */
export type PeakEndVerdictWords = NonNullable<NonNullable<Report['peakEnd']>['comparison']>['verdict'];

/** A prediction model's name in a locale (`'regression'` is logistic for a binary outcome). */
export function modelName(model: string, outcome: 'rating' | 'binary', locale: Locale = 'en'): string {
  const m = messages(locale);
  return model === 'regression' && outcome === 'binary' ? m.binaryRegressionModel : (m.models[model] ?? model);
}

/**
 * The peak-end model-comparison verdict in words, from its code and numbers: one rule, every
 * locale. Mean absolute errors show two decimals, log-losses three.
 *
 * @example
 * ```ts
 * peakEndVerdictText(peakEnd(zhijiang).comparison.verdict); // the bundled reconstruction
 * // 'no clear difference between peak-end and averaging here (MAE 0.64 vs 0.76, Wilcoxon signed-rank p = 0.213, n = 43).'
 * peakEndVerdictText(peakEnd(zhijiang).comparison.verdict, 'zh-CN');
 * // '此处峰终定律与平均值的预测没有明显差别：MAE 0.64 对 0.76，Wilcoxon 符号秩检验 p = 0.213，n = 43。'
 * ```
 */
export function peakEndVerdictText(verdict: PeakEndVerdictWords, locale: Locale = 'en'): string {
  const m = messages(locale);
  const binary = verdict.measure === 'log-loss';
  const decimals = binary ? 3 : 2;
  const head = (binary ? m.verdictsBinary : m.verdicts)[verdict.code];
  const evidence = m.verdictEvidence(
    binary ? 'log-loss' : 'MAE',
    formatNumber(verdict.peakEnd, decimals),
    formatNumber(verdict.mean, decimals),
    verdict.pValue === null ? null : formatPValue(verdict.pValue),
    verdict.n,
  );
  return m.verdictSentence(head, evidence, verdict.code === 'peak-end-better' || verdict.code === 'peak-end-worse');
}

/** p for prose: "p < 0.001" or "p = 0.042" (the same in every locale). */
const pText = (p: number | null): string => formatPValue(p);

/** The numbers a Gestalt verdict is phrased from (a `GestaltVerdict` plus the correlations). */
export interface GestaltVerdictWords {
  readonly code: 'peak-end-beyond-mean' | 'both-contribute' | 'mean-suffices' | 'indistinguishable' | 'no-relation';
  readonly peakEndAddsPValue: number | null;
  readonly meanAddsPValue: number | null;
  readonly otherFeaturesPValue: number | null;
  readonly otherFeaturesAdd: boolean;
  readonly correlation: 'peak-end-higher' | 'mean-higher' | 'no-difference' | null;
  readonly strongestFeature: string | null;
  readonly correlationPValue: number | null;
  readonly rBetween: number | null;
  /** How `strongestFeature` was chosen (default 'lmg'). */
  readonly importanceMethod?: 'lmg' | 'pseudo-r-squared-shapley';
}

const gestaltEn = {
  heading: 'Does the peak-end rule hold here?',
  sample: (n: number, weighted: boolean) =>
    `Tested on each respondent's own journey, as the research literature tests it: ${n} respondents with two or more answered touchpoints and an overall rating${weighted ? ' (survey weights used)' : ''}; their peak (most intense rating), end, mean and other Gestalt features, in nested regressions.`,
  study: (prediction: string, observed: string, gap: string) =>
    `The study's aggregate method, for comparison: touchpoint means give a peak-end prediction of ${prediction} against an observed overall mean of ${observed} (gap ${gap}).`,
  model: 'Model',
  terms: 'Terms',
  cvRmse: 'CV RMSE',
  cvNote: (folds: number, seed: number) => `AIC and BIC as R's AIC/BIC on lm (lower is better); CV RMSE: ${folds}-fold cross-validation, seed ${seed}.`,
  nestedTests: "Nested models (partial F tests, as R's anova):",
  comparison: 'Question',
  models: { mean: 'Mean', 'peak-end': 'Peak + end', 'mean+peak-end': 'Mean + peak + end', gestalt: 'Gestalt (seven features)' } as Record<string, string>,
  questions: {
    'mean>mean+peak-end': 'Do peak and end add to the mean?',
    'peak-end>mean+peak-end': 'Does the mean add to peak and end?',
    'mean+peak-end>gestalt': 'Do trough, beginning, trend and variability add?',
  } as Record<string, string>,
  features: { peak: 'peak', peakHigh: 'highest', trough: 'trough', beginning: 'beginning', end: 'end', mean: 'mean', trend: 'trend', variability: 'variability' } as Record<string, string>,
  correlation: (rPeakEnd: string, rMean: string, rBetween: string, df: number, t: string, p: string, level: number, lower: string, upper: string) =>
    `Dependent correlations: r(overall, peak-end score) = ${rPeakEnd} against r(overall, mean) = ${rMean}, which share the overall rating (r between the two scores ${rBetween}): Williams' t(${df}) = ${t}, ${p}; Zou's ${level}% CI for the difference ${lower} to ${upper}.`,
  feature: 'Feature',
  lmg: 'LMG (R²)',
  share: 'Share',
  chart: 'Relative importance of the Gestalt features (LMG share of R²)',
  chartGroups: { 'peak-end': 'peak and end', mean: 'mean', other: 'other features' } as Record<string, string>,
  verdict: 'Verdict',
  verdicts: {
    'peak-end-beyond-mean': (v: GestaltVerdictWords) =>
      `the peak-end rule holds here: peak and end predict the overall rating beyond the mean (${pText(v.peakEndAddsPValue)}), and the mean adds nothing once they are known (${pText(v.meanAddsPValue)}).`,
    'both-contribute': (v: GestaltVerdictWords) =>
      `partly: peak and end add to the mean (${pText(v.peakEndAddsPValue)}), but the mean also adds to them (${pText(v.meanAddsPValue)}); respondents weigh the whole journey as well as its peak and end.`,
    'mean-suffices': (v: GestaltVerdictWords) =>
      `no: the mean explains the overall rating and peak and end add nothing beyond it (${pText(v.peakEndAddsPValue)}), while the mean adds to them (${pText(v.meanAddsPValue)}).`,
    indistinguishable: (v: GestaltVerdictWords) =>
      `undecided: neither peak and end nor the mean adds to the other (${pText(v.peakEndAddsPValue)}; ${pText(v.meanAddsPValue)}); in these data they carry the same information.`,
    'no-relation': () => 'no: neither the mean nor peak and end predict the overall rating here.',
  },
  others: (v: GestaltVerdictWords) =>
    v.otherFeaturesAdd
      ? `Trough, beginning, trend and variability add further (${pText(v.otherFeaturesPValue)}).`
      : `Trough, beginning, trend and variability add nothing further (${pText(v.otherFeaturesPValue)}).`,
  correlations: {
    'peak-end-higher': (v: GestaltVerdictWords) => `The peak-end score correlates more strongly with the overall rating than the mean does (Williams' ${pText(v.correlationPValue)}).`,
    'mean-higher': (v: GestaltVerdictWords) => `The mean correlates more strongly with the overall rating than the peak-end score does (Williams' ${pText(v.correlationPValue)}).`,
    'no-difference': (v: GestaltVerdictWords) =>
      `The peak-end score and the mean correlate about equally with the overall rating (Williams' ${pText(v.correlationPValue)}): a high correlation of the peak-end score alone proves little, because it tracks the mean (r = ${formatNumber(v.rBetween)}).`,
  },
  strongest: (feature: string) => `Largest share of the explained variance (LMG): ${feature}.`,
  strongestBinary: (feature: string) => `Largest share of McFadden's R² (Shapley value): ${feature}.`,
  binary: (events: number, n: number) =>
    `The outcome is binary (${events} of ${n} in the positive class): the four models are logistic regressions (R's glm), R² is McFadden's (1 − deviance / null deviance), and the point-biserial correlations enter Williams' test.`,
  cvNoteBinary: (folds: number, seed: number) =>
    `AIC and BIC as R's AIC/BIC on glm (lower is better); CV log-loss: mean out-of-fold log-loss, ${folds}-fold cross-validation, seed ${seed} (lower is better).`,
  cvLogLoss: 'CV log-loss',
  nestedTestsBinary: 'Nested models (likelihood-ratio tests, as R\'s anova(m1, m2, test = "LRT")):',
  shapley: 'Shapley (McFadden R²)',
  chartBinary: "Relative importance of the Gestalt features (Shapley share of McFadden's R²)",
  ordinal: "The overall rating as ordered categories: proportional-odds models (R's clm) and likelihood-ratio tests:",
  lrTest: 'LR χ²',
};

type GestaltMessages = typeof gestaltEn;

const gestaltZh: GestaltMessages = {
  heading: '峰终定律在这里成立吗？',
  sample: (n, weighted) =>
    `按研究文献的做法，在每位受访者自己的旅程上检验：${n} 位回答了至少两个触点并给出整体评分的受访者${weighted ? '（已使用调查权重）' : ''}；以其峰值（最强烈的评分）、终值、均值及其他格式塔特征做嵌套回归。`,
  study: (prediction, observed, gap) => `作为对照，原研究的汇总方法：由触点均值得到的峰终预测值为 ${prediction}，实际整体满意度均值为 ${observed}（差距 ${gap}）。`,
  model: '模型',
  terms: '变量',
  cvRmse: '交叉验证 RMSE',
  cvNote: (folds, seed) => `AIC 与 BIC 与 R 中 lm 的 AIC/BIC 一致（越低越好）；交叉验证 RMSE：${folds} 折交叉验证，种子 ${seed}。`,
  nestedTests: '嵌套模型（偏 F 检验，与 R 的 anova 一致）：',
  comparison: '问题',
  models: { mean: '均值', 'peak-end': '峰值 + 终值', 'mean+peak-end': '均值 + 峰值 + 终值', gestalt: '格式塔（七个特征）' },
  questions: {
    'mean>mean+peak-end': '峰值和终值能否在均值之外增加解释力？',
    'peak-end>mean+peak-end': '均值能否在峰值和终值之外增加解释力？',
    'mean+peak-end>gestalt': '谷值、开端、趋势和波动性能否进一步增加解释力？',
  },
  features: { peak: '峰值', peakHigh: '最高值', trough: '谷值（最低值）', beginning: '开端', end: '终值', mean: '均值', trend: '趋势', variability: '波动性' },
  correlation: (rPeakEnd, rMean, rBetween, df, t, p, level, lower, upper) =>
    `相依相关比较：r(整体, 峰终得分) = ${rPeakEnd}，r(整体, 均值) = ${rMean}，二者共享整体评分（两个得分之间 r = ${rBetween}）：Williams t(${df}) = ${t}，${p}；差值的 Zou ${level}% 置信区间为 ${lower} 至 ${upper}。`,
  feature: '特征',
  lmg: 'LMG（R²）',
  share: '占比',
  chart: '格式塔特征的相对重要性（R² 的 LMG 分解）',
  chartGroups: { 'peak-end': '峰值与终值', mean: '均值', other: '其他特征' },
  verdict: '结论',
  verdicts: {
    'peak-end-beyond-mean': (v) => `峰终定律在此成立：峰值和终值在均值之外仍能预测整体评分（${pText(v.peakEndAddsPValue)}），而已知峰值和终值后均值不再增加解释力（${pText(v.meanAddsPValue)}）。`,
    'both-contribute': (v) =>
      `部分成立：峰值和终值在均值之外有增益（${pText(v.peakEndAddsPValue)}），但均值在峰值和终值之外同样有增益（${pText(v.meanAddsPValue)}）；受访者既看峰值与终值，也看整个旅程。`,
    'mean-suffices': (v) => `不成立：均值即可解释整体评分，峰值和终值没有额外增益（${pText(v.peakEndAddsPValue)}），而均值在峰值和终值之外有增益（${pText(v.meanAddsPValue)}）。`,
    indistinguishable: (v) => `无法判断：峰值和终值与均值互相都没有额外增益（${pText(v.peakEndAddsPValue)}；${pText(v.meanAddsPValue)}）；在这些数据中二者携带相同的信息。`,
    'no-relation': () => '不成立：均值、峰值和终值都不能预测这里的整体评分。',
  },
  others: (v) => (v.otherFeaturesAdd ? `谷值、开端、趋势和波动性有进一步的增益（${pText(v.otherFeaturesPValue)}）。` : `谷值、开端、趋势和波动性没有进一步的增益（${pText(v.otherFeaturesPValue)}）。`),
  correlations: {
    'peak-end-higher': (v) => `峰终得分与整体评分的相关高于均值（Williams ${pText(v.correlationPValue)}）。`,
    'mean-higher': (v) => `均值与整体评分的相关高于峰终得分（Williams ${pText(v.correlationPValue)}）。`,
    'no-difference': (v) =>
      `峰终得分与均值和整体评分的相关程度相当（Williams ${pText(v.correlationPValue)}）：仅凭峰终得分的高相关说明不了什么，因为它与均值高度相关（r = ${formatNumber(v.rBetween)}）。`,
  },
  strongest: (feature) => `解释方差占比最大的特征（LMG）：${feature}。`,
  strongestBinary: (feature) => `McFadden R² 中占比最大的特征（Shapley 值）：${feature}。`,
  binary: (events, n) => `结果变量为二分类（${n} 人中 ${events} 人属于正类）：四个模型均为逻辑回归（与 R 的 glm 一致），R² 为 McFadden R²（1 − 偏差 / 零模型偏差），Williams 检验使用点二列相关。`,
  cvNoteBinary: (folds, seed) => `AIC 与 BIC 与 R 中 glm 的 AIC/BIC 一致（越低越好）；交叉验证对数损失：样本外平均对数损失，${folds} 折交叉验证，种子 ${seed}（越低越好）。`,
  cvLogLoss: '交叉验证对数损失',
  nestedTestsBinary: '嵌套模型（似然比检验，与 R 的 anova(m1, m2, test = "LRT") 一致）：',
  shapley: 'Shapley（McFadden R²）',
  chartBinary: '格式塔特征的相对重要性（McFadden R² 的 Shapley 分解）',
  ordinal: '将整体评分视为有序类别：比例优势模型（与 R 的 clm 一致）及似然比检验：',
  lrTest: '似然比 χ²',
};

/** The words of the Gestalt section ("Does the peak-end rule hold here?") in a locale. */
export function gestaltMessages(locale: Locale = 'en'): GestaltMessages {
  return locale === 'zh-CN' ? gestaltZh : gestaltEn;
}

/** The Gestalt verdict in words: the verdict, the other features, the correlation test and the strongest feature. */
export function gestaltVerdictText(v: GestaltVerdictWords, locale: Locale = 'en'): string {
  const m = gestaltMessages(locale);
  const parts = [m.verdicts[v.code](v)];
  if (v.code !== 'no-relation') parts.push(m.others(v));
  if (v.correlation !== null) parts.push(m.correlations[v.correlation](v));
  if (v.strongestFeature !== null) {
    const feature = m.features[v.strongestFeature] ?? v.strongestFeature;
    parts.push(v.importanceMethod === 'pseudo-r-squared-shapley' ? m.strongestBinary(feature) : m.strongest(feature));
  }
  const text = parts.join(locale === 'zh-CN' ? '' : ' ');
  return locale === 'zh-CN' ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** A Report warning as stored: its source analysis, code and English message. */
export interface ReportWarning {
  readonly source?: string;
  readonly code: string;
  readonly message: string;
}

const warningSourcesZh: Record<string, string> = {
  ingest: '数据读取',
  descriptives: '描述统计',
  'peak-end': '峰终定律',
  'key-drivers': '关键驱动因素',
  segments: '分组比较',
  gestalt: '格式塔分析',
};

/** zh-CN wording of warnings whose English message carries numbers or names: pattern, then words. */
const warningRulesZh: readonly { code: string; pattern: RegExp; words: (g: readonly string[]) => string }[] = [
  {
    code: 'aggregate_respondents',
    pattern:
      /^The peak-end gap and its test use the (\d+) respondents who answered the peak, the end and overall \((\d+) others? skipped one of them\); with each mean over its own answers the prediction would be ([-\d.]+) against ([-\d.]+), mixing respondents\.$/,
    words: (g) =>
      `峰终差距及其检验基于回答了峰值、终值和整体题目的 ${g[1]} 位受访者（另有 ${g[2]} 位漏答其中之一）；若每个均值各按其全部回答计算，预测值为 ${g[3]}，实际为 ${g[4]}，但混合了不同受访者。`,
  },
  {
    code: 'respondents_excluded',
    pattern: /^(\d+) respondents? had no overall rating or no answered end touchpoint and (?:was|were) left out of the per-respondent method\.$/,
    words: (g) => `${g[1]} 位受访者没有整体评分或没有回答终值触点，未纳入逐个受访者的分析。`,
  },
  {
    code: 'peak_tie',
    pattern: /^(\d+) respondents? had equally intense (?:moments|ratings) with different (?:ratings|values) .*the earliest in journey order was taken as their peak\.$/,
    words: (g) => `${g[1]} 位受访者有强度相同但评分不同的时刻（一个高于中性点的幅度与另一个低于中性点的幅度相同）；取旅程中最早的一个作为其峰值。`,
  },
  {
    code: 'near_collinearity',
    pattern: /^High variance inflation \(VIF >= 10\): (.*); their coefficients are imprecise\.$/,
    words: (g) =>
      `方差膨胀因子过高（VIF ≥ 10）：${(g[1] as string)
        .split(', ')
        .map((part) => part.replace(/^(.*) ([\d.]+)$/, (_, name: string, vif: string) => `${gestaltZh.features[name] ?? name} ${vif}`))
        .join('，')}；这些系数不精确。`,
  },
  {
    code: 'near_collinearity',
    pattern: /^The scaled design's condition number is ([\d.e+]+) .*$/,
    words: (g) => `标准化设计矩阵的条件数为 ${g[1]}（≥ 30 表示存在共线性，Belsley 1991）；估计值可能不稳定。`,
  },
  {
    code: 'small_sample',
    pattern: /^(\d+) rows for (\d+) parameters \(fewer than 10 per parameter\): estimates and p-values are imprecise\.$/,
    words: (g) => `${g[1]} 行数据估计 ${g[2]} 个参数（每个参数不足 10 行）：估计值和 p 值不精确。`,
  },
  {
    code: 'rows_dropped_missing',
    pattern: /^(\d+) rows? with a missing value (?:was |were )?left out \(listwise deletion\)\.$/,
    words: (g) => `${g[1]} 行含缺失值，已剔除（列表删除）。`,
  },
  {
    code: 'rows_dropped_zero_weight',
    pattern: /^(\d+) rows? with weight 0 (?:was |were )?left out\.$/,
    words: (g) => `${g[1]} 行权重为 0，已剔除。`,
  },
  {
    code: 'straight_lining',
    pattern: /^(\d+) respondents? gave the same answer on every touchpoint/,
    words: (g) => `${g[1]} 位受访者在所有触点上给出了相同的回答（行号见 report.straightLining）。`,
  },
  {
    code: 'exact_fit',
    pattern: /^The model fits the data exactly/,
    words: () => '模型完全拟合数据（残差为零）；标准误为 0，t 检验无定义。',
  },
  {
    code: 'lmg_sampled',
    pattern: /^LMG estimated from (\d+) random orderings \(seed (\d+)\)/,
    words: (g) => `LMG 由 ${g[1]} 个随机排列估计（种子 ${g[2]}）；见 standardErrors。`,
  },
  {
    code: 'negative_driver',
    pattern: /^(.*) (?:has|have) a significant negative coefficient/,
    words: (g) => `${g[1]} 的系数显著为负：触点之间相关时，这通常是抑制效应，而不是说服务越好满意度越低。`,
  },
];

/** zh-CN headlines of the other warning codes; the English detail follows in brackets. */
const warningTitlesZh: Record<string, string> = {
  rows_dropped: '部分行被剔除',
  rows_dropped_not_applicable: '因“不适用”剔除的行',
  rows_dropped_no_answers: '没有任何回答的行已剔除',
  rows_dropped_invalid_weight: '权重无效的行已剔除',
  rows_dropped_invalid: '含无效值的行已剔除',
  total_rows_dropped: '合计行已剔除',
  out_of_scale: '有数值超出量表范围',
  unparseable_number: '有无法解析的数字',
  aliased: '有变量与其他变量线性相关，无法估计',
  significant_not_relevant: '有触点显著但重要性不足，未列为关键时刻',
  small_cell: '样本过少，未判定因素类型',
  few_events: '事件数过少',
  binary_outcome: '整体评分只有两个取值',
  comparison_skipped: '未进行模型比较',
  penalty_reward_skipped: '未进行惩罚-奖励分析',
  peak_end_skipped: '峰终分析未运行',
  key_drivers_skipped: '关键驱动因素分析未运行',
  non_finite_number: '有非有限数值（NaN 或无穷大），报告中记为 null',
  gestalt_correlation_skipped: '未进行相依相关比较',
  gestalt_importance_skipped: '未计算格式塔特征的重要性',
  gestalt_cv_skipped: '未进行交叉验证',
  gestalt_ordinal_skipped: '未拟合有序模型',
  gestalt_logistic_skipped: '未拟合逻辑回归模型',
  gestalt_respondents_excluded: '部分受访者未纳入格式塔分析',
  mean_outside_scale: '均值超出量表范围',
  non_integer: '有非整数评分',
  non_integer_weights: '权重不是整数',
  item_nonresponse: '题目缺答',
  column_all_missing: '整列缺失',
  empty_box: '高分框或低分框为空',
  empty_categories: '有空类别',
  encoding_guessed: '文件编码为推断所得',
  encoding_mixed: '文件编码不一致',
  duplicate_header: '列名重复',
  ragged_row: '行的字段数不一致',
  unfinished_responses: '有未完成的问卷',
  responses_excluded: '部分回答被排除',
  respondents_excluded: '部分受访者被排除',
  dummy_adjustment: '缺失值采用虚拟变量调整',
  bootstrap_failures: '部分自助法重抽样失败',
  segment_unassigned: '部分受访者不属于任何分组',
  segment_drivers_skipped: '未进行分组驱动因素比较',
  segment_driver_aliased: '分组驱动因素中有变量无法估计',
  numbered_choices: '选项带有编号',
  negative_codes: '有负数代码',
  inference_refused: '拒绝自动推断',
  grim_uninformative: 'GRIM 检验无信息',
  formula_without_value: '公式单元格没有值',
  export_layout: '导出文件布局',
  deprecated_option: '使用了已弃用的选项名',
  importance_method_ignored: '所选重要性方法不适用，已忽略',
};

/**
 * A Report warning in words for a locale. English is the analysis's own message; zh-CN rewords
 * the known messages fully and otherwise gives a Chinese headline with the English detail, so
 * nothing is lost. The source analysis leads in brackets.
 */
export function warningText(warning: ReportWarning, locale: Locale = 'en'): string {
  const source = warning.source === undefined ? '' : `[${locale === 'zh-CN' ? (warningSourcesZh[warning.source] ?? warning.source) : warning.source}] `;
  if (locale === 'en') return `${source}${warning.message}`;
  return `${source}${warningMessageZh(warning.code, warning.message)}`;
}

function warningMessageZh(code: string, message: string): string {
  const model = message.match(/^Model ([\w+-]+): (.*)$/s);
  if (model !== null) return `模型 ${gestaltZh.models[model[1] as string] ?? model[1]}：${warningMessageZh(code, model[2] as string)}`;
  for (const rule of warningRulesZh) {
    if (rule.code !== code) continue;
    const match = message.match(rule.pattern);
    if (match !== null) return rule.words(match);
  }
  const title = warningTitlesZh[code];
  return title === undefined ? `警告（${code}）：${message}` : `${title}（${message}）`;
}

const segmentsEn = {
  heading: (segment: string) => `Segments: ${segment}`,
  intro: (groups: number, unassigned: number, weighted: boolean) =>
    `Each of ${groups} groups against everyone else (the rest)${unassigned > 0 ? `; ${unassigned} respondents without a value are left out` : ''}. ${weighted ? "Means and top-2-box shares weighted, each difference tested by the design-based t test (linearisation standard error, as R's svyttest)" : "Means: Welch's t test; top-2-box shares: chi-square test"}. Driver differences: one regression per group, overall on the touchpoints, the group indicator and their interactions${weighted ? ' (survey weights used)' : ''}; the difference is the touchpoint's slope in the group minus its slope in the rest, p-values Benjamini–Hochberg adjusted over every driver test of the comparison.`,
  interactionsLogistic: 'The overall rating is binary: the driver differences are interactions of a logistic regression (log-odds scale).',
  group: 'Group',
  item: 'Item',
  mean: 'Mean',
  rest: 'Rest',
  topTwo: 'Top-2',
  means: 'Means and top-2-box shares, group against the rest:',
  drivers: 'Driver differences (slope in the group minus slope in the rest):',
  difference: 'Difference',
  /** Rows of the interaction model: the group and the rest with every touchpoint answered. */
  nModel: 'n (model)',
  pAdjusted: 'p (BH)',
  peakEnd: 'The peak-end rule within each group:',
  peak: 'Peak',
  end: 'End',
  prediction: 'Prediction',
  observed: 'Observed',
  gap: 'Gap',
  chart: 'Driver differences by segment (slope in the group minus slope in the rest)',
  chartDifference: 'Difference in slope',
  controls: (terms: string, rSquared: string) =>
    `Adjusted for ${terms} (in every model; R² of these alone ${rSquared}): importance is shared among the touchpoints only, and shares are of R² minus that part.`,
  calibration: (margins: string, iterations: number, converged: boolean, deviation: string) =>
    `Weights raked to population margins (${margins}): ${iterations} iteration${iterations === 1 ? '' : 's'}, ${converged ? 'converged' : `NOT converged (largest margin deviation ${deviation})`}.`,
};

type SegmentsMessages = typeof segmentsEn;

const segmentsZh: SegmentsMessages = {
  heading: (segment: string) => `细分群体：${segment}`,
  intro: (groups: number, unassigned: number, weighted: boolean) =>
    `${groups} 个群体各自与其余所有受访者比较${unassigned > 0 ? `；${unassigned} 名受访者无取值，未纳入` : ''}。${weighted ? '均值与前两项比例均加权，差异采用基于抽样设计的 t 检验（线性化标准误，同 R 的 svyttest）' : '均值：Welch t 检验；前两项比例：卡方检验'}。驱动因素差异：每个群体一个回归，总体评分对各触点、群体指示变量及其交互项${weighted ? '（使用调查权重）' : ''}；差异为该触点在群体内的斜率减去其余受访者的斜率，p 值在本次比较的全部驱动检验上做 Benjamini–Hochberg 校正。`,
  interactionsLogistic: '总体评分为二分变量：驱动因素差异为逻辑回归的交互项（对数优势尺度）。',
  group: '群体',
  item: '项目',
  mean: '均值',
  rest: '其余',
  topTwo: '前两项',
  means: '均值与前两项比例（群体对其余）：',
  drivers: '驱动因素差异（群体内斜率减其余斜率）：',
  difference: '差异',
  nModel: 'n（模型）',
  pAdjusted: 'p（BH）',
  peakEnd: '各群体内的峰终定律：',
  peak: '峰值',
  end: '终值',
  prediction: '预测',
  observed: '观测',
  gap: '差距',
  chart: '各细分群体的驱动因素差异（群体内斜率减其余斜率）',
  chartDifference: '斜率差异',
  controls: (terms: string, rSquared: string) => `已控制 ${terms}（纳入每个模型；其单独的 R² 为 ${rSquared}）：重要性仅在各触点之间分配，占比为扣除该部分后的 R²。`,
  calibration: (margins: string, iterations: number, converged: boolean, deviation: string) =>
    `权重已按总体边际分布加权调整（raking，${margins}）：迭代 ${iterations} 次，${converged ? '已收敛' : `未收敛（最大边际偏差 ${deviation}）`}。`,
};

/** The words of the segment sections and the raking note in a locale. */
export function segmentsMessages(locale: Locale = 'en'): SegmentsMessages {
  return locale === 'zh-CN' ? segmentsZh : segmentsEn;
}
