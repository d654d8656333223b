/**
 * peak-end/zhijiang: the Zhijiang distributor study bundled as data (its published figures, the
 * survey spec, the reconstruction target) and the functions that reproduce its findings. Kept out
 * of the core entry so analysts and services that never touch the study do not load its data.
 *
 * ```ts
 * import { reproduceZhijiang, formatReproductionText } from 'peak-end/zhijiang';
 * ```
 */

export type { Finding, ZhijiangReproduction } from './forensics/reproduce-zhijiang.js';
export { reproduceZhijiang } from './forensics/reproduce-zhijiang.js';
export { reconstructionCsv, reconstructZhijiang, ZHIJIANG_PUBLISHED, ZHIJIANG_SEED, zhijiangSpec, zhijiangTarget } from './forensics/zhijiang.js';
export { formatReproductionText } from './report/text.js';
