/** Distribution functions: CDF, directly computed upper tail, and quantile. */
export { normalCdf, normalUpperTail, normalQuantile } from './normal.js';
export { studentTCdf, studentTUpperTail, studentTQuantile } from './t.js';
export { fCdf, fUpperTail, fQuantile } from './f.js';
export { chiSquareCdf, chiSquareUpperTail, chiSquareQuantile } from './chi-square.js';
