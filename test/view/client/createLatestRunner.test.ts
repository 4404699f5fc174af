import { describe, expect, it } from 'vitest';
import { createLatestRunner, isCancellation } from '../../../src/view/client/createLatestRunner';
import { createEngineClient } from '../../../src/view/client/createEngineClient';
import { EngineCallError, type CallOptions } from '../../../src/view/client/types';
import type { SimulationResult } from '../../../src/engine/result';
import { fakeWorkerFactory, sleep } from './fakeWorker';
import { script, scriptedEngine, tagOf } from './fakeEngine';

/** Lets queued microtasks (the runner starts runs in one) and message hops run. */
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** A run function whose calls the test finishes by hand, recording what was started and what was aborted. */
function manualRun() {
  const started: { input: number; signal: AbortSignal | undefined; finish: (v: number) => void; fail: (e: unknown) => void }[] = [];
  const run = (input: number, options: CallOptions) =>
    new Promise<number>((resolve, reject) => {
      started.push({ input, signal: options.signal, finish: resolve, fail: reject });
      options.signal?.addEventListener('abort', () => reject(new EngineCallError('CANCELLED', 'cancelled')));
    });
  return { run, started };
}

describe('createLatestRunner', () => {
  it('delivers the answer of a lone submission', async () => {
    const { run, started } = manualRun();
    const delivered: number[] = [];
    const runner = createLatestRunner(run, { onResult: (v) => delivered.push(v) });
    const p = runner.submit(1);
    expect(runner.busy).toBe(true);
    await tick();
    started[0].finish(10);
    await expect(p).resolves.toEqual({ kind: 'delivered', value: 10 });
    expect(delivered).toEqual([10]);
    expect(runner.busy).toBe(false);
  });

  it.each([['drop'], ['cancel']] as const)('in %s mode a burst of 100 changes within one task runs only the newest', async (stale) => {
    const { run, started } = manualRun();
    const delivered: number[] = [];
    const runner = createLatestRunner(run, { stale, onResult: (v) => delivered.push(v) });
    const outcomes = Array.from({ length: 100 }, (_, i) => runner.submit(i));
    await tick();
    expect(started.map((s) => s.input)).toEqual([99]);
    started[0].finish(990);
    const settled = await Promise.all(outcomes);
    expect(delivered).toEqual([990]);
    expect(settled.filter((o) => o.kind === 'superseded')).toHaveLength(99);
    expect(runner.counts).toEqual({ submitted: 100, delivered: 1, superseded: 99, failed: 0 });
  });

  it('in drop mode, changes made while a run is in flight cost one more run: the running one finishes and is thrown away', async () => {
    const { run, started } = manualRun();
    const delivered: [number, number][] = [];
    const runner = createLatestRunner(run, { onResult: (v, input) => delivered.push([v, input]) });
    const outcomes = [runner.submit(0)];
    await tick();
    for (let i = 1; i < 100; i++) {
      outcomes.push(runner.submit(i));
      await tick(); // each change in its own task, as slider events arrive
    }
    expect(started.map((s) => s.input)).toEqual([0]); // inputs 1..98 were replaced while waiting, never run
    started[0].finish(0);
    await tick();
    expect(started.map((s) => s.input)).toEqual([0, 99]);
    expect(started[0].signal?.aborted).toBe(false); // let finish, not killed
    started[1].finish(990);
    const settled = await Promise.all(outcomes);
    expect(delivered).toEqual([[990, 99]]);
    expect(settled.filter((o) => o.kind === 'superseded')).toHaveLength(99);
  });

  it('with progressive delivery, a run overtaken while it ran is still shown, in order, and the newest comes last', async () => {
    const { run, started } = manualRun();
    const shown: [number, boolean][] = [];
    const runner = createLatestRunner(run, { progressive: true, onResult: (v, _input, info) => shown.push([v, info.latest]) });
    const outcomes = [runner.submit(0)];
    await tick();
    outcomes.push(runner.submit(1));
    await tick();
    outcomes.push(runner.submit(2)); // replaces 1, which never runs
    await tick();
    started[0].finish(0);
    await tick();
    expect(shown).toEqual([[0, false]]);
    expect(started.map((s) => s.input)).toEqual([0, 2]);
    started[1].finish(20);
    await Promise.all(outcomes);
    expect(shown).toEqual([[0, false], [20, true]]);
    expect(runner.counts).toEqual({ submitted: 3, delivered: 2, superseded: 2, failed: 0 });
  });

  it('in cancel mode each change made in a later task aborts the running one and starts at once', async () => {
    const { run, started } = manualRun();
    const delivered: number[] = [];
    const runner = createLatestRunner(run, { stale: 'cancel', onResult: (v) => delivered.push(v) });
    const outcomes: Promise<{ kind: string }>[] = [];
    for (const i of [0, 1, 2]) {
      outcomes.push(runner.submit(i));
      await tick();
    }
    expect(started.map((s) => [s.input, s.signal?.aborted])).toEqual([[0, true], [1, true], [2, false]]);
    started[2].finish(2);
    expect((await Promise.all(outcomes)).map((o) => o.kind)).toEqual(['superseded', 'superseded', 'delivered']);
    expect(delivered).toEqual([2]);
  });

  it('reports a failure of the newest submission through onError, and not its own cancellation', async () => {
    const { run, started } = manualRun();
    const errors: unknown[] = [];
    const runner = createLatestRunner(run, { onError: (e) => errors.push(e), stale: 'cancel' });
    const first = runner.submit(1);
    await tick();
    const second = runner.submit(2); // first is cancelled: no onError for it
    await tick();
    started[1].fail(new EngineCallError('TIMEOUT', 'too slow'));
    expect((await first).kind).toBe('superseded');
    const o = await second;
    expect(o.kind).toBe('failed');
    expect(errors).toHaveLength(1);
    expect((errors[0] as EngineCallError).code).toBe('TIMEOUT');
  });

  it('cancel() settles everything as superseded and delivers nothing more', async () => {
    const { run, started } = manualRun();
    const delivered: number[] = [];
    const runner = createLatestRunner(run, { onResult: (v) => delivered.push(v) });
    const a = runner.submit(1);
    await tick();
    const b = runner.submit(2);
    runner.cancel();
    expect(runner.busy).toBe(false);
    expect(started[0].signal?.aborted).toBe(true);
    expect([(await a).kind, (await b).kind]).toEqual(['superseded', 'superseded']);
    expect(delivered).toEqual([]);
  });

  it('drives a supervised client: 100 rapid changes deliver only the last result, and no worker is left behind', async () => {
    const factory = fakeWorkerFactory((i) => scriptedEngine(i));
    const client = createEngineClient({ createWorker: factory.create });
    for (const stale of ['drop', 'cancel'] as const) {
      const delivered: SimulationResult[] = [];
      const runner = createLatestRunner(client, { stale, onResult: (r) => delivered.push(r) });
      const outcomes = Array.from({ length: 100 }, (_, i) => runner.submit(script({ kind: 'slow', tag: i, ms: 2 })));
      await Promise.all(outcomes);
      expect(delivered.map(tagOf)).toEqual([99]);
      expect(client.counters()).toMatchObject({ inFlight: 0, live: 1 });
      expect(factory.made.filter((w) => !w.terminated)).toHaveLength(1);
    }
    client.dispose();
  });

  it('isCancellation() recognises only the client’s CANCELLED error', () => {
    expect(isCancellation(new EngineCallError('CANCELLED', ''))).toBe(true);
    expect(isCancellation(new EngineCallError('TIMEOUT', ''))).toBe(false);
    expect(isCancellation(new Error('CANCELLED'))).toBe(false);
  });
});
