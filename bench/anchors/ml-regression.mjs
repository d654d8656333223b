// Anchor: ml-regression's MultivariateLinearRegression (intercept and its statistics: standard
// errors and t statistics) on the bench CSV, timed after the CSV is parsed into arrays of rows.
// Usage: node bench/anchors/ml-regression.mjs <csv> <runs> <warmup>
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const answer = (object) => console.log(JSON.stringify(object));
let MultivariateLinearRegression;
try {
  ({ MultivariateLinearRegression } = await import('ml-regression'));
} catch {
  answer({ skipped: 'npm package ml-regression is not installed (npm install in the repository)' });
  process.exit(0);
}
const version = createRequire(import.meta.url)('ml-regression/package.json').version;

const [csv, runs, warmup] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
const header = lines[0].split(',');
const outcome = header.indexOf('overall');
const X = [];
const Y = [];
for (let i = 1; i < lines.length; i++) {
  const values = lines[i].split(',').map(Number);
  Y.push([values[outcome]]);
  values.splice(outcome, 1);
  X.push(values);
}

const fitModel = () => new MultivariateLinearRegression(X, Y, { intercept: true, statistics: true });
for (let i = 0; i < warmup; i++) fitModel();
const ms = [];
let model;
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  model = fitModel();
  ms.push(performance.now() - start);
}
ms.sort((a, b) => a - b);
answer({
  medianMs: Number(ms[Math.floor(ms.length / 2)].toFixed(1)),
  minMs: Number(ms[0].toFixed(1)),
  runs: ms.length,
  version: `ml-regression ${version} on Node ${process.version}`,
  check: { n: X.length, k: X[0].length, residualStdError: model.stdError },
});
