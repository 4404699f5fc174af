import { createModel } from '../../../models/index';
import type { Hypotheses } from '../../../models/types';
import { createEngineClient } from '../../../src/view/client/createEngineClient';
import { App, type AppOptions } from '../../../src/view/App';
import { UPDATE_MEASURE } from '../../../src/view/sim/createUpdateLoop';

/** Mount the real explorer (real worker, real model metadata) into the test page, capturing downloads. */
export interface TestApp {
  readonly app: App;
  readonly root: HTMLElement;
  readonly downloads: Array<{ name: string; blob: Blob }>;
  /** How many charts updates have been measured so far (performance entries 'ldn:update'). */
  updates(): number;
  /** Wait until at least n updates have been measured. */
  waitForUpdates(n: number, timeoutMs?: number): Promise<void>;
  dispose(): void;
}

export function parameterSpecs(h: Hypotheses | undefined) {
  return createModel(h).parameters;
}

export function mountTestApp(options: Partial<AppOptions> = {}): TestApp {
  const root = document.createElement('div');
  root.style.width = '1280px';
  root.style.height = '720px';
  document.body.append(root);
  const client = options.client ?? createEngineClient();
  const downloads: Array<{ name: string; blob: Blob }> = [];
  const app = new App(root, {
    client,
    parameterSpecs,
    download: (name, blob) => downloads.push({ name, blob }),
    autosave: false,
    publicBase: '/',
    ...options,
  });
  const updates = (): number => performance.getEntriesByName(UPDATE_MEASURE).length;
  return {
    app,
    root,
    downloads,
    updates,
    async waitForUpdates(n, timeoutMs = 20_000) {
      const t0 = performance.now();
      while (updates() < n) {
        if (performance.now() - t0 > timeoutMs) throw new Error(`only ${updates()} of ${n} chart updates after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    dispose() {
      app.dispose();
      if (!options.client) client.dispose();
      root.remove();
    },
  };
}

/** The `d` of B's (or A's) line for an observable. */
export function pathOf(root: ParentNode, observable: string, run: 'A' | 'B' = 'B'): string {
  return root.querySelector(`path[data-observable="${observable}"][data-run="${run}"]`)?.getAttribute('d') ?? '';
}

export async function until(cond: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
