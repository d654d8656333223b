// Development only: runs a worker-thread entry written in TypeScript (src/parallel/worker.ts) when
// the library itself runs from its sources under vitest. The built package never uses this file;
// it starts dist/parallel-worker.js (or .cjs). Usage: new Worker(thisFile, { argv: [entryUrl] }).
import { register } from 'node:module';

register(new URL('./typescript-hooks.mjs', import.meta.url));
await import(process.argv[2]);
