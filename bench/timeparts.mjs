// The parts of the whole analysis timed one by one on a CSV of t1..tk, overall on 1-5 (e.g. from
// bench/ratings.mjs): readSurveyFile, then each part given, with wall and CPU seconds and the RSS
// at the end. Not a benchmark with anchors (see bench/analyze.bench.mjs); a tool for profiling,
// e.g. node --cpu-prof bench/timeparts.mjs big.csv peakEnd.
//   node bench/timeparts.mjs <file.csv> [describe,peakEnd,gestalt,keyDrivers,penaltyReward,analyze] [--k 20]
import { analyze, describeSurvey, gestalt, keyDrivers, peakEnd, penaltyReward } from '../dist/index.js';
import { readSurveyFile } from '../dist/node.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: node bench/timeparts.mjs <file.csv> [parts] [--k 20]');
const at = process.argv.indexOf('--k');
const k = at === -1 ? 20 : Number(process.argv[at + 1]);
const parts = (process.argv[3] && !process.argv[3].startsWith('--') ? process.argv[3] : 'describe,peakEnd,keyDrivers').split(',');
const spec = { touchpoints: Array.from({ length: k }, (_, j) => `t${j + 1}`), overall: 'overall', scale: { min: 1, max: 5 } };
const run = {
  describe: (s) => describeSurvey(s),
  peakEnd: (s) => peakEnd(s, { includePredictions: false }),
  peakEndWithoutGestalt: (s) => peakEnd(s, { includePredictions: false, gestalt: false }),
  gestalt: (s) => gestalt(s),
  keyDrivers: (s) => keyDrivers(s),
  penaltyReward: (s) => penaltyReward(s),
  analyze: (s) => analyze(s),
};
let wall = performance.now();
let cpu = process.cpuUsage();
const lap = (label) => {
  const now = performance.now();
  const used = process.cpuUsage(cpu);
  console.log(`${label.padEnd(24)} ${((now - wall) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`);
  wall = now;
  cpu = process.cpuUsage();
};
const survey = await readSurveyFile(file, spec);
lap('readSurveyFile');
for (const part of parts) {
  if (!(part in run)) throw new Error(`unknown part "${part}"; parts: ${Object.keys(run).join(', ')}`);
  run[part](survey);
  lap(part);
}
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
