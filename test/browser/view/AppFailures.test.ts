/**
 * How the explorer shows failed runs (issue 5: "show a result's error status as a message on the chart"; the last
 * good curve stays). The real worker computes; a thin wrapper turns chosen runs into failures the way the engine
 * reports them (architecture.md: the arrays hold the valid prefix, status says what, where and what to change).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createEngineClient } from '../../../src/view/client/createEngineClient';
import type { EngineClient } from '../../../src/view/client/types';
import type { SimulationResult } from '../../../src/engine/result';
import { mountTestApp, pathOf, until, type TestApp } from './mountTestApp';

const real = createEngineClient();
/** Regimen text decides the failure: "x 3" → MAX_STEPS after half the run; "x 4" → NONFINITE before the first point. */
const client: EngineClient = {
  async simulate(scenario, options) {
    const r = await real.simulate(scenario, options);
    const text = typeof scenario.regimen === 'string' ? scenario.regimen : '';
    if (text.includes('x 3')) {
      const n = Math.floor(r.time_h.length / 2);
      const cut: Record<string, Float64Array> = {};
      for (const [k, v] of Object.entries(r.observables)) cut[k] = v.slice(0, n);
      return { ...r, time_h: r.time_h.slice(0, n), observables: cut, status: { code: 'MAX_STEPS', message: `stopped at t = ${r.time_h[n - 1]} h in ntx_central after 100000 steps; raise solver.max_steps or loosen rtol`, t: r.time_h[n - 1], variable: 'ntx_central' } } as SimulationResult;
    }
    if (text.includes('x 4')) {
      return { ...r, time_h: new Float64Array(0), observables: {}, status: { code: 'NONFINITE', message: 'NaN in mor_bound at t = 0 h: check ntx_kd_nm', t: 0, variable: 'mor_bound' } } as SimulationResult;
    }
    return r;
  },
  dispose() {},
};

afterAll(() => real.dispose());

let t: TestApp | null = null;
afterEach(() => {
  t?.dispose();
  t = null;
});

async function typeRegimen(text: string): Promise<void> {
  const input = t!.root.querySelector<HTMLTextAreaElement>('textarea[data-field="regimen"]')!;
  await userEvent.clear(input);
  await userEvent.type(input, text);
}

describe('failed runs', () => {
  it('draw the valid prefix and put the status message on the chart and in the status line', async () => {
    history.replaceState(null, '', location.pathname + location.search);
    t = mountTestApp({ client, syncUrl: false });
    await until(() => pathOf(t!.root, 'mor_occupancy').length > 0, 'the first curves');
    await typeRegimen('4.5 mg q24h x 3');
    await until(() => (t!.root.querySelector('g.message text')?.textContent ?? '').includes('MAX_STEPS'), 'the message on the chart');
    expect(t.root.querySelector('g.message text')!.textContent).toContain('raise solver.max_steps');
    expect(t.root.querySelector('[data-status]')!.textContent).toMatch(/stopped early \(MAX_STEPS\)/);
    const d = pathOf(t.root, 'mor_occupancy');
    expect(d).not.toMatch(/NaN/);
    expect(d.length).toBeGreaterThan(0);
  });

  it('keep the last good curve when a run fails before its first point', async () => {
    history.replaceState(null, '', location.pathname + location.search);
    t = mountTestApp({ client, syncUrl: false });
    await until(() => pathOf(t!.root, 'mor_occupancy').length > 0, 'the first curves');
    await typeRegimen('4.5 mg q24h x 5');
    await until(() => t!.app.scenario().regimen === '4.5 mg q24h x 5', 'x 5 accepted');
    await new Promise((r) => setTimeout(r, 500));
    const good = pathOf(t.root, 'mor_occupancy');
    await typeRegimen('4.5 mg q24h x 4');
    await until(() => /NONFINITE/.test(t!.root.querySelector('[data-status]')!.textContent ?? ''), 'the failure message');
    expect(t.root.querySelector('[data-status]')!.textContent).toMatch(/last good curves stay/);
    expect(pathOf(t.root, 'mor_occupancy')).toBe(good);
  });
});
