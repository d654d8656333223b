// Imports the built core package, reads a small survey and fits a regression by cross-products. Run by scripts/smoke.mjs under
// Node, Deno and Bun; prints one JSON line that the driver checks.
import { describeSurvey, ols, readSurvey } from '../dist/index.js';

const survey = readSurvey('price,delivery,overall\n4,5,5\n3,,4\n2,3,3\n', {
  touchpoints: ['price', 'delivery'],
  overall: 'overall',
  scale: { min: 1, max: 5 },
});
const d = describeSurvey(survey);
// The normal-equations solver loads its WebAssembly kernel in every runtime.
const fit = ols([[1], [2], [3], [4]], [2.1, 3.9, 6.2, 7.8], { algorithm: 'cholesky' });
const slope = { algorithm: fit.algorithm, slope: Number(fit.coefficients[1].estimate.toFixed(10)) };
console.log(JSON.stringify({ n: survey.n, meanPrice: d.items[0].mean, rowsRead: survey.report.rowsRead, ...slope }));
