/**
 * Worker supervision in real Chromium with real module workers (issue 6 part 4): a worker that throws, one stuck in
 * an endless loop, one terminated mid-call, one that dies silently, one that cannot even load — every call settles
 * with the right code, the dead worker is gone (as Chromium itself counts workers) and a fresh one answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { createEngineClient, type SupervisedEngineClient } from '../../../src/view/client/createEngineClient';
import { EngineCallError } from '../../../src/view/client/types';
import type { Scenario } from '../../../src/engine/scenario/types';
import type { FaultScript } from './fixtures/faulty.worker';
import { uniqueWorkerName } from '../../../src/view/client/spawnEngineWorker';

/** A misbehaving worker; named, so it holds a life lock as the engine worker does. */
const faulty = () =>
  new Worker(new URL('./fixtures/faulty.worker.ts', import.meta.url), { type: 'module', name: uniqueWorkerName('faulty') });
/** The same without a name: no life lock, so only the deadline can notice a silent death. */
const faultyUnnamed = () => new Worker(new URL('./fixtures/faulty.worker.ts', import.meta.url), { type: 'module' });
const broken = () => new Worker(new URL('./fixtures/broken.worker.ts', import.meta.url), { type: 'module', name: 'broken' });
const run = (client: SupervisedEngineClient, s: FaultScript, options?: Parameters<SupervisedEngineClient['simulate']>[1]) =>
  client.simulate(s as unknown as Scenario, options) as unknown as Promise<{ tag: number; values: Float64Array }>;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    expect(e).toBeInstanceOf(EngineCallError);
    return (e as EngineCallError).code;
  }
}

/** Chromium's own count of dedicated workers in this page settles shortly after terminate(). */
async function chromiumWorkers(expected: number): Promise<number> {
  let n = -1;
  for (let i = 0; i < 250; i++) {
    n = await commands.liveWorkerCount();
    if (n === expected) { if (i > 0) console.info(`chromium worker count reached ${expected} after ${i * 20} ms`); return n; }
    await new Promise((r) => setTimeout(r, 20));
  }
  return n;
}

/** The first call waits for the worker's module to load, which on a loaded machine can exceed a short deadline. */
const WARM_UP = { timeoutMs: 20_000 };

let client: SupervisedEngineClient | undefined;
afterEach(() => {
  client?.dispose();
  client = undefined;
});

describe('supervised engine client with real workers', () => {
  it('answers through a real module worker', async () => {
    client = createEngineClient({ createWorker: faulty });
    const r = await run(client, { kind: 'answer', tag: 5 });
    expect(r.tag).toBe(5);
    expect(r.values).toBeInstanceOf(Float64Array);
    expect(await chromiumWorkers(1)).toBe(1);
  });

  it('a worker that throws an uncaught error mid-call: WORKER_CRASH, replaced, nothing left pending', async () => {
    client = createEngineClient({ createWorker: faulty });
    await run(client, { kind: 'answer', tag: 1 }, WARM_UP); // warm: the crash below is not a start-up failure
    const code = await codeOf(run(client, { kind: 'uncaught' }));
    expect(code).toBe('WORKER_CRASH');
    expect(client.counters()).toMatchObject({ respawns: 1, terminated: 1, live: 1, inFlight: 0 });
    expect((await run(client, { kind: 'answer', tag: 2 })).tag).toBe(2);
    expect(await chromiumWorkers(1)).toBe(1);
  });

  it('a worker stuck in an endless loop: TIMEOUT after timeoutMs, terminated, and the next call answers', async () => {
    client = createEngineClient({ createWorker: faulty, timeoutMs: 300 });
    await run(client, { kind: 'answer', tag: 1 }, WARM_UP);
    const t0 = performance.now();
    expect(await codeOf(run(client, { kind: 'hang' }))).toBe('TIMEOUT');
    const waited = performance.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(299);
    expect(waited).toBeLessThan(300 + 200);
    expect((await run(client, { kind: 'answer', tag: 3 }, WARM_UP)).tag).toBe(3);
    expect(client.counters()).toMatchObject({ respawns: 1, live: 1, inFlight: 0 });
    // The spinning thread is really gone: Chromium sees one worker, not two.
    expect(await chromiumWorkers(1)).toBe(1);
  });

  it('a worker terminated mid-call (restart): the running call rejects WORKER_CRASH, the queued one answers', async () => {
    client = createEngineClient({ createWorker: faulty });
    const running = run(client, { kind: 'spin', ms: 5000, tag: 1 });
    const queued = run(client, { kind: 'answer', tag: 2 });
    await new Promise((r) => setTimeout(r, 50));
    client.restart('killed by the test');
    expect(await codeOf(running)).toBe('WORKER_CRASH');
    expect((await queued).tag).toBe(2);
    expect(await chromiumWorkers(1)).toBe(1);
  });

  it('a worker that closes itself mid-call (no event reaches the page) is noticed through its life lock: WORKER_CRASH at once', async () => {
    client = createEngineClient({ createWorker: faulty, timeoutMs: 30_000 });
    // The worker's ping answers only once it holds its lock, after the client's own first ping (sent at spawn):
    // from here on the client is queued for the lock. (A worker dying in its first milliseconds, before it holds
    // the lock, is caught by the deadline only.)
    await client.ping();
    await run(client, { kind: 'answer', tag: 1 }, WARM_UP);
    const t0 = performance.now();
    const p = run(client, { kind: 'selfclose' });
    let message = '';
    expect(await codeOf(p.catch((e: Error) => { message = e.message; throw e; }))).toBe('WORKER_CRASH');
    const noticedAfter = performance.now() - t0;
    expect(message).toContain('without a word');
    expect(noticedAfter).toBeLessThan(1000); // not the 30 s deadline
    console.info(`silent self-close noticed after ${noticedAfter.toFixed(1)} ms`);
    expect(client.counters()).toMatchObject({ respawns: 1, live: 1, inFlight: 0 });
    expect((await run(client, { kind: 'answer', tag: 4 }, WARM_UP)).tag).toBe(4);
  });

  it('without a life lock, a silent death is still caught by the deadline: TIMEOUT', async () => {
    client = createEngineClient({ createWorker: faultyUnnamed, timeoutMs: 300 });
    await run(client, { kind: 'answer', tag: 1 }, WARM_UP);
    expect(await codeOf(run(client, { kind: 'selfclose' }))).toBe('TIMEOUT');
    expect((await run(client, { kind: 'answer', tag: 4 }, WARM_UP)).tag).toBe(4);
  });

  it('cancelling a 5 s computation returns to idle within 200 ms and the next call answers', async () => {
    client = createEngineClient({ createWorker: faulty });
    await run(client, { kind: 'answer', tag: 1 }, WARM_UP);
    const controller = new AbortController();
    const p = run(client, { kind: 'spin', ms: 5000, tag: 1 }, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 100)); // the worker is now deep in its synchronous loop
    const t0 = performance.now();
    controller.abort();
    const code = await codeOf(p);
    const elapsed = performance.now() - t0;
    expect(code).toBe('CANCELLED');
    expect(elapsed).toBeLessThan(200);
    expect(client.counters()).toMatchObject({ inFlight: 0, running: 0 });
    const t1 = performance.now();
    expect((await run(client, { kind: 'answer', tag: 6 })).tag).toBe(6);
    // The replacement was spawned at the cancel, so it is warm or nearly: report how long the first answer took.
    console.info(`cancel → rejected in ${elapsed.toFixed(1)} ms; next answer after ${(performance.now() - t1).toFixed(1)} ms`);
    expect(await chromiumWorkers(1)).toBe(1);
  });

  it('a worker script that fails to load is retried a bounded number of times, then calls reject WORKER_CRASH', async () => {
    client = createEngineClient({ createWorker: broken, maxStartupFailures: 3 });
    const codes = await Promise.all([1, 2].map(() => codeOf(client!.ping({ timeoutMs: 5000 }))));
    expect(codes).toEqual(['WORKER_CRASH', 'WORKER_CRASH']);
    await new Promise((r) => setTimeout(r, 300)); // no respawn loop in the background
    expect(client.counters()).toMatchObject({ spawned: 3, live: 0, inFlight: 0 });
    expect(await chromiumWorkers(0)).toBe(0);
  });
});
