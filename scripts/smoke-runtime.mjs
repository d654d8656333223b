// Imports the built core package and reads a small survey. Run by scripts/smoke.mjs under
// Node, Deno and Bun; prints one JSON line that the driver checks.
import { describeSurvey, readSurvey } from '../dist/index.js';

const survey = readSurvey('price,delivery,overall\n4,5,5\n3,,4\n2,3,3\n', {
  touchpoints: ['price', 'delivery'],
  overall: 'overall',
  scale: { min: 1, max: 5 },
});
const d = describeSurvey(survey);
console.log(JSON.stringify({ n: survey.n, meanPrice: d.items[0].mean, rowsRead: survey.report.rowsRead }));
