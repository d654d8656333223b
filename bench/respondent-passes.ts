// CPU time of the per-respondent passes of the analysis (issue 20): gestaltFeatureColumns(survey)
// and respondentPass(...) as peakEnd calls it, warm, median of 5 runs each, on a CSV of t1..tk,
// overall on 1-5 read with readSurveyFile. They are internal, so this script is bundled from the
// sources (it is not a benchmark of dist):
//   npx esbuild bench/respondent-passes.ts --bundle --platform=node --format=esm --outfile=/tmp/rp.mjs
//   node /tmp/rp.mjs /tmp/big.csv [--k 20]
// Bundle a snapshot of the sources (git archive) the same way to compare builds, alternating runs.
import { gestaltFeatureColumns } from '../src/experience/gestalt-features.js';
import { respondentPass } from '../src/experience/respondent-scores.js';
import { readSurveyFile } from '../src/ingest/read-survey-file.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: node rp.mjs <file.csv> [--k 20]');
const at = process.argv.indexOf('--k');
const k = at === -1 ? 20 : Number(process.argv[at + 1]);
const names = Array.from({ length: k }, (_, j) => `t${j + 1}`);
const survey = await readSurveyFile(file, { touchpoints: names, overall: 'overall', scale: { min: 1, max: 5 } });
const columns = names.map((c) => survey.ratings.get(c) as Float64Array);
const notApplicable = names.map((c) => survey.notApplicable.get(c) ?? null);
const neutral = survey.spec.scale.neutral;

/** CPU milliseconds (user + system) of each of `runs` calls after one warm-up call. */
function cpuTimes(f: () => unknown, runs = 5): number[] {
  f();
  return Array.from({ length: runs }, () => {
    const before = process.cpuUsage();
    f();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  });
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const parts: Record<string, () => unknown> = {
  gestaltFeatureColumns: () => gestaltFeatureColumns(survey),
  'respondentPass most-intense': () => respondentPass(columns, survey.n, { rule: 'most-intense', neutral, weight: 0.5, endIndex: k - 1, notApplicable, walkBackEnd: true }),
  'respondentPass both': () => respondentPass(columns, survey.n, { rule: 'both', neutral, weight: 0.5, endIndex: k - 1, notApplicable, walkBackEnd: true }),
};
for (const [label, f] of Object.entries(parts)) {
  const times = cpuTimes(f);
  console.log(`${label.padEnd(28)} median ${median(times).toFixed(0)} ms CPU (${times.map((t) => t.toFixed(0)).join(', ')})`);
}
