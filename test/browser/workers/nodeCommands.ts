/**
 * Server-side (Node) helpers for the browser tests of the worker boundary, registered as vitest browser `commands`
 * in vite.config.ts. They run in the Vite/Vitest process, not in the page.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BrowserCommand } from 'vitest/node';
import type { NodeRun } from './encodedResult';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const runner = fileURLToPath(new URL('./runEngineInNode.ts', import.meta.url));

/** simulate() in a separate Node process (tsx, like the CLI) — the reference for "bit for bit in the worker". */
const engineInNode: BrowserCommand<[scenarios: unknown[]]> = (_ctx, scenarios) =>
  new Promise<NodeRun>((resolve, reject) => {
    const child = spawn(process.execPath, [`${root}node_modules/tsx/dist/cli.mjs`, runner], { cwd: root });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as NodeRun);
      else reject(new Error(`engine in Node exited ${code}: ${Buffer.concat(err).toString('utf8')}`));
    });
    child.stdin.end(JSON.stringify(scenarios));
  });

/** Dedicated workers alive in the test page, as Chromium (via Playwright) counts them — not as our client counts. */
const liveWorkerCount: BrowserCommand<[]> = (ctx) => ctx.page.workers().length;

export const workerTestCommands = { engineInNode, liveWorkerCount };

declare module 'vitest/browser' {
  interface BrowserCommands {
    engineInNode: (scenarios: unknown[]) => Promise<NodeRun>;
    liveWorkerCount: () => Promise<number>;
  }
}
