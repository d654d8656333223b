import { defineConfig } from 'tsup';

/**
 * The self-contained Node bundles (the CLI and the worker script) with shorter syntax, names and
 * lines kept (readable stack traces; publint reads the lines to tell ESM from CommonJS): less for
 * V8 to parse at every start (docs/performance.md).
 */
function compactBundle(options: { minifySyntax?: boolean }): void {
  options.minifySyntax = true;
}

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts', zhijiang: 'src/zhijiang.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // No source maps: they would more than double the installed size (docs/performance.md).
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    // Dependencies stay external: users install them alongside peak-end.
    // '#csv-parse-sync' is resolved where the package is used (package.json "imports": csv-parse's
    // browser build under the "browser" condition, its Node build otherwise).
    external: [/^node:/, '#csv-parse-sync'],
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
    sourcemap: false,
    target: 'node20',
    platform: 'node',
    // Bundled, as in the binary: resolving @stdlib's many small files would slow every worker's start.
    noExternal: [/^@stdlib\//],
    esbuildOptions: compactBundle,
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    // The binary bundles its dependencies: @stdlib's special functions alone are some 340 small
    // CommonJS files, and resolving and compiling them one by one made every command start slowly;
    // zod, simple-statistics and csv-parse bundled start some 30 ms sooner than resolved.
    noExternal: [/^@stdlib\//, 'zod', 'simple-statistics', 'csv-parse'],
    banner: { js: '#!/usr/bin/env node' },
    esbuildOptions: compactBundle,
  },
]);
