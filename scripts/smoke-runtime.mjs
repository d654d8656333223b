// Imports the packed and installed package (by the specifier given as the first argument: 'peak-end',
// 'npm:peak-end@0.1.0', a mapped name, or a path), reads a small survey, fits a regression by
// cross-products (WebAssembly kernel) and asks a chart for its notebook display (Vega-Lite and
// inline SVG). Run by scripts/smoke.mjs under Node, Deno (--allow-read only) and Bun; prints one
// JSON line that the driver checks.
const specifier = process.argv[2] ?? globalThis.Deno?.args[0] ?? 'peak-end';
const { analyze, describeSurvey, journeyChart, ols, readSurvey } = await import(specifier);

const survey = readSurvey('price,delivery,overall\n4,5,5\n3,,4\n2,3,3\n', {
  touchpoints: ['price', 'delivery'],
  overall: 'overall',
  scale: { min: 1, max: 5 },
});
const d = describeSurvey(survey);
// The normal-equations solver loads its WebAssembly kernel in every runtime.
const fit = ols([[1], [2], [3], [4]], [2.1, 3.9, 6.2, 7.8], { algorithm: 'cholesky' });
const slope = { algorithm: fit.algorithm, slope: Number(fit.coefficients[1].estimate.toFixed(10)) };
// Notebook display: Deno's Jupyter kernel calls this method; the chart is drawn by Vega (a dynamic import).
const bundle = await journeyChart(analyze(survey))[Symbol.for('Jupyter.display')]();
const display = { bundle: Object.keys(bundle).sort(), svg: /<svg[\s>]/.test(bundle['text/html']) };
console.log(JSON.stringify({ n: survey.n, meanPrice: d.items[0].mean, rowsRead: survey.report.rowsRead, ...slope, ...display }));
