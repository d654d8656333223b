// Writes docs/report.schema.json from the built package (run by `npm run build`).
import { writeFileSync } from 'node:fs';
import { reportJsonSchema } from '../dist/index.js';

writeFileSync(new URL('../docs/report.schema.json', import.meta.url), `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
