import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { workerTestCommands } from './test/browser/workers/nodeCommands';

// Debian's chromium (or a browser named by CHROMIUM_PATH). As root it needs --no-sandbox; the
// background-networking flags stop it flooding this closed network with refused connections.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export default defineConfig({
  base: './',
  worker: { format: 'es' },
  optimizeDeps: { include: ['d3', 'comlink', 'mathjs'] },
  build: { target: 'es2022', sourcemap: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/e2e/**', 'node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
            viewport: { width: 1280, height: 720 },
            // Node-side helpers for the worker tests (engine run in Node for bit-for-bit checks; live worker count).
            commands: workerTestCommands,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
