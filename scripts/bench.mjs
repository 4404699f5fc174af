#!/usr/bin/env node
// npm run bench: bundle bench/bench.ts into one ES module the way the app's engine worker is bundled, and run it
// with plain Node. Arguments after `--` and BENCH_* variables pass through.
//
// Why a bundle and not `tsx bench/bench.ts`: tsx's loader compiles each module separately and reaches another
// module's exports through getter functions, so every `P.ntx_ka` or `S.ntxGut` in the model's right-hand side
// became a function call that V8 did not always inline (the 1,000-subject population took 13.9 s under tsx, 4.2 s
// as a bundle).
//
// Why Vite with topLevelVar off: the engine runs in the page's worker, and Vite bundles workers (Rolldown) keeping
// top-level `const`. esbuild, and Vite's own main-page build, emit every top-level binding as `var`; Node 20's V8
// does not treat a `var` binding as a constant, so each index lookup in the RHS (`p[P.ntx_ka]`, `y[S.ntxGut]`) stays a load
// of the binding and of the property, where with `const` TurboFan folds it to a number. Measured on the default
// 28-day run: the model's RHS 55 ns as `var`, 37 ns as `const`; the whole run 2.3 ms against 1.9–2.1 ms. (That is
// Node 20's V8; Chromium 156 runs both forms alike, ~1.6 ms in a worker: doc/notes/solver.md, "Fourth pass".)
import { build } from 'vite';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.cache', 'ldn-lab', 'bench');
await build({
  configFile: false, // not the app's config (its test projects and browser settings); only what is set here
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    // An SSR build leaves npm packages as imports: mathjs is the peer being measured, as installed.
    ssr: join(root, 'bench', 'bench.ts'),
    outDir,
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rolldownOptions: { output: { format: 'esm', entryFileNames: 'bench.mjs', topLevelVar: false } },
  },
});
const run = spawnSync(process.execPath, [join(outDir, 'bench.mjs'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
