#!/usr/bin/env node
// npm run bench: bundle bench/bench.ts with esbuild into one ES module and run it with plain Node.
//
// Why a bundle and not `tsx bench/bench.ts`: tsx's loader compiles each module separately and reaches another
// module's exports through getter functions, so every `P.ntx_ka` or `S.ntxGut` in the model's right-hand side
// became a function call that V8 did not always inline — the 1,000-subject population took 13.9 s under tsx and
// 4.2 s as a bundle, and the engine/floor ratio moved with it. The page runs a bundle (vite build), so the bundle
// is also what users get. Arguments after `--` and BENCH_* variables pass through.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'node_modules', '.cache', 'ldn-lab');
const outfile = join(outDir, 'bench.mjs');
mkdirSync(outDir, { recursive: true });
await build({
  entryPoints: [join(root, 'bench', 'bench.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  // mathjs stays an npm import (it is the peer being measured, as installed).
  packages: 'external',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
