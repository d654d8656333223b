// Regenerates fixtures/zhijiang/zhijiang.csv and spec.json from the published figures with the
// fixed seed (run after `npm run build`): node scripts/reconstruct-zhijiang.mjs
import { writeFileSync } from 'node:fs';
import { reconstructionCsv, reconstructZhijiang, ZHIJIANG_SEED, zhijiangSpec } from '../dist/zhijiang.js';

const result = reconstructZhijiang({ seed: ZHIJIANG_SEED });
if (!result.satisfied) {
  console.error(result.message);
  process.exit(1);
}
writeFileSync(new URL('../fixtures/zhijiang/zhijiang.csv', import.meta.url), reconstructionCsv(result));
writeFileSync(new URL('../fixtures/zhijiang/spec.json', import.meta.url), `${JSON.stringify(zhijiangSpec(), null, 2)}\n`);
console.log(result.message);
for (const c of result.constraints) console.log(`${c.satisfied ? 'ok ' : 'NO '} ${c.description}: ${c.achieved}`);
