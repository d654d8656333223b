/** Distribution functions: CDF, directly computed upper tail, and quantile. */

export { chiSquareCdf, chiSquareQuantile, chiSquareUpperTail } from './chi-square.js';
export { fCdf, fQuantile, fUpperTail } from './f.js';
export { normalCdf, normalQuantile, normalUpperTail } from './normal.js';
export { studentTCdf, studentTQuantile, studentTUpperTail } from './t.js';
