import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts', zhijiang: 'src/zhijiang.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    // Dependencies stay external: users install them alongside peak-end.
    external: [/^node:/],
    // peak-end/node finds its worker script from __filename in CommonJS and import.meta.url in
    // ESM (src/parallel/pool.ts); the CommonJS build never reads import.meta.
    esbuildOptions(options, context) {
      if (context.format === 'cjs') options.define = { ...options.define, 'import.meta.url': 'undefined' };
    },
  },
  {
    // The worker-thread script of 'peak-end/node' (src/parallel/), started by file name from
    // dist/node.js (ESM) or dist/node.cjs (CommonJS); self-contained, Node only, no types.
    entry: { 'parallel-worker': 'src/parallel/worker.ts' },
    format: ['esm', 'cjs'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
