/**
 * The live-update loop with a fake engine whose answers the test releases by hand: one run at a time, queued inputs
 * replaced by newer ones never run, answers are drawn in order ending with the newest, and every drawn update leaves
 * one `ldn:update` measure that starts at the input event's time.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createUpdateLoop, UPDATE_MEASURE } from '../../../../src/view/sim/createUpdateLoop';
import type { EngineClient } from '../../../../src/view/client/types';
import type { SimulationResult } from '../../../../src/engine/result';
import type { Scenario } from '../../../../src/engine/scenario/types';

function fakeClient() {
  const pending: Array<{ scenario: Scenario; resolve: (r: SimulationResult) => void }> = [];
  const client: EngineClient = {
    simulate: (scenario) => new Promise((resolve) => pending.push({ scenario, resolve })),
    dispose: () => undefined,
  };
  const answer = (i: number): void => {
    const p = pending[i];
    p.resolve({ status: { code: 'ok', message: '' }, time_h: new Float64Array([0]), observables: {}, metrics: { tag: p.scenario.duration_h }, doses: [], agonistDoses: [], stats: {} as SimulationResult['stats'] });
  };
  return { client, pending, answer };
}
const scenario = (d: number): Scenario => ({ version: 1, duration_h: d, output_step_h: 1, regimen: 'none' });
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => performance.clearMeasures());

describe('createUpdateLoop()', () => {
  it('runs one scenario at a time; a queued input replaced by a newer one never runs; the newest is drawn last', async () => {
    const { client, pending, answer } = fakeClient();
    const drawn: number[] = [];
    const loop = createUpdateLoop(client, { draw: (r) => drawn.push(r.metrics.tag), fail: () => undefined });
    loop.request(scenario(1));
    await tick();
    loop.request(scenario(2)); // waits: 1 is running
    loop.request(scenario(3)); // replaces 2 in the queue
    await tick();
    expect(pending.map((p) => p.scenario.duration_h)).toEqual([1]);
    answer(0); // 1 was overtaken by newer input: still drawn (it is newer than the screen), then 3 starts
    await tick();
    expect(drawn).toEqual([1]);
    expect(pending.map((p) => p.scenario.duration_h)).toEqual([1, 3]);
    answer(1);
    await tick();
    expect(drawn).toEqual([1, 3]); // 2 never ran
    expect(loop.busy).toBe(false);
  });

  it('measures ldn:update from the input event to the end of drawing, once per drawn update', async () => {
    const { client, answer } = fakeClient();
    const loop = createUpdateLoop(client, {
      draw: () => {
        const until = performance.now() + 5; // a 5 ms draw
        while (performance.now() < until) { /* busy */ }
      },
      fail: () => undefined,
    });
    const input = performance.now() - 20; // the input event happened 20 ms ago
    loop.request(scenario(1), input);
    await tick();
    answer(0);
    await tick();
    const [m] = performance.getEntriesByName(UPDATE_MEASURE);
    expect(performance.getEntriesByName(UPDATE_MEASURE)).toHaveLength(1);
    expect(m.startTime).toBeCloseTo(input, 6);
    expect(m.duration).toBeGreaterThanOrEqual(25);
    const [draw] = performance.getEntriesByName(`${UPDATE_MEASURE}:draw`);
    expect(draw.duration).toBeGreaterThanOrEqual(5);
    const [sim] = performance.getEntriesByName(`${UPDATE_MEASURE}:simulate`);
    expect(sim.duration + draw.duration).toBeCloseTo(m.duration, 6);
  });
});
