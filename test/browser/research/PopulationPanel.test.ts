import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/engine/scenario/types';
import { simulate } from '../../../src/engine/simulate';
import { POPULATION_RTOL } from '../../../src/engine/population/simulatePopulation';
import { PopulationPanel, POPULATION_PERCENTILES } from '../../../src/view/research/PopulationPanel';
import { createDirectBackend } from './directBackend';
import { nonFiniteAttributes } from './svgChecks';

const ldn3days: Scenario = { version: 1, duration_h: 72, output_step_h: 0.5, regimen: '4.5 mg q24h x 3 at 22:00' };

let panel: PopulationPanel | null = null;
afterEach(() => {
  panel?.dispose();
  panel?.element.remove();
  panel = null;
});

function mount(scenario: Scenario = ldn3days) {
  const backend = createDirectBackend();
  const files: Array<{ name: string; blob: Blob }> = [];
  panel = new PopulationPanel({ backend, getScenario: () => scenario, download: (name, blob) => files.push({ name, blob }) });
  document.body.append(panel.element);
  return { panel, backend, files };
}

describe('PopulationPanel', () => {
  it('draws the 5–95 % and 25–75 % bands and the median of 40 subjects, ordered at every time, with no NaN', async () => {
    const { panel } = mount();
    panel.setInputs({ subjects: 40, seed: 7, cvPercent: 30 });
    await panel.run();
    const r = panel.result()!;
    expect(r.status.code).toBe('ok');
    expect(r.subjects).toBe(40);
    // percentiles of one sample are non-decreasing in the percentile (type-7 interpolation is monotone)
    const b = r.bands.mor_occupancy;
    for (let i = 0; i < r.time_h.length; i++) {
      const q = POPULATION_PERCENTILES.map((p) => b[String(p)][i]);
      for (let k = 1; k < q.length; k++) expect(q[k]).toBeGreaterThanOrEqual(q[k - 1]);
    }
    const fig = panel.element.querySelector('[data-population-chart]')!;
    expect(fig.querySelectorAll('path[data-band]')).toHaveLength(2);
    expect(fig.querySelector('path[data-line="median"]')!.getAttribute('d')!.length).toBeGreaterThan(100);
    expect(fig.querySelector('svg title')!.textContent).toContain('40 virtual subjects');
    const summary = document.getElementById(fig.querySelector('svg')!.getAttribute('aria-describedby')!)!;
    expect(summary.textContent).toMatch(/90 % of subjects between/);
    expect([...fig.querySelectorAll('text')].map((t) => t.textContent)).toContain('MOR occupancy (%)');
    expect(nonFiniteAttributes(panel.element)).toEqual([]);
  });

  it('collapses every band onto the single-subject curve when the CV is 0', async () => {
    // With no variability every subject is the scenario itself: every percentile is the same curve, bit for bit,
    // and it is simulate(scenario) solved at the population's tolerance (POPULATION_RTOL). Not bit for bit: the
    // subjects start 'auto' with what the typical subject's run learned (no stiff trials where they did not pay),
    // so their steps differ from a lone run's. Both are rtol-1e-4 solutions of the same problem, each within
    // 3.3e-4 of the peak of a rtol-1e-8 reference (the worst band error measured at rtol 1e-4, doc/notes/solver.md),
    // so they may differ by up to twice that: 6.6e-4 of occupancy's peak (≤ 1). Measured: 3.0e-5.
    const { panel } = mount();
    panel.setInputs({ subjects: 5, seed: 1, cvPercent: 0 });
    await panel.run();
    const b = panel.result()!.bands.mor_occupancy;
    for (const p of POPULATION_PERCENTILES) expect(Array.from(b[String(p)])).toEqual(Array.from(b['50']));
    const direct = simulate({ ...ldn3days, solver: { rtol: POPULATION_RTOL } }).observables.mor_occupancy;
    for (const p of POPULATION_PERCENTILES) {
      for (let i = 0; i < direct.length; i += 7) expect(Math.abs(b[String(p)][i] - direct[i])).toBeLessThan(6.6e-4);
    }
  });

  it('gives the same bands for the same seed and different ones for another seed', async () => {
    const { panel } = mount();
    panel.setInputs({ subjects: 20, seed: 3, cvPercent: 40 });
    await panel.run();
    const a = panel.result()!.bands.naltrexone_ng_per_ml['95'].slice();
    await panel.run();
    expect(panel.result()!.bands.naltrexone_ng_per_ml['95']).toEqual(a);
    panel.setInputs({ seed: 4 });
    await panel.run();
    expect(panel.result()!.bands.naltrexone_ng_per_ml['95']).not.toEqual(a);
  });

  it('switches the observable shown without running again', async () => {
    const { panel, backend } = mount();
    panel.setInputs({ subjects: 10 });
    await panel.run();
    panel.setInputs({ observable: 'naltrexone_ng_per_ml' });
    expect(backend.calls).toEqual(['population']);
    const texts = [...panel.element.querySelectorAll('[data-population-chart] text')].map((t) => t.textContent);
    expect(texts).toContain('Naltrexone (plasma) (ng/mL)');
  });

  it('refuses 0 and 10,001 subjects with a message naming the field, without calling the engine', async () => {
    const { panel, backend } = mount();
    for (const n of [0, 10_001]) {
      panel.setInputs({ subjects: n });
      await panel.run();
      expect(panel.element.querySelector('.field-error')!.textContent).toMatch(/^Subjects must be a whole number from 1 to 10,000/);
      expect(panel.element.querySelector('[data-field="subjects"]')!.getAttribute('aria-invalid')).toBe('true');
    }
    panel.setInputs({ subjects: 10, cvPercent: 250 });
    await panel.run();
    expect(panel.element.querySelector('.field-error')!.textContent).toMatch(/^Variability \(CV\) must be between 0 and 200 %/);
    expect(backend.calls).toEqual([]);
  });

  it('offers Cancel when the backend can stop work; a cancelled run keeps the last bands and says so', async () => {
    // A backend like the worker client: the call settles only when its signal aborts (rejecting as the client does).
    const direct = createDirectBackend();
    let started = 0;
    const timeouts: Array<number | undefined> = [];
    const backend = {
      ...direct,
      cancellable: true,
      population: (_s: Scenario, _o: unknown, call?: { signal?: AbortSignal; timeoutMs?: number }) => {
        started++;
        timeouts.push(call?.timeoutMs);
        return new Promise<never>((_, reject) => call?.signal?.addEventListener('abort', () => reject(new Error('CANCELLED'))));
      },
    };
    panel = new PopulationPanel({ backend, getScenario: () => ldn3days });
    document.body.append(panel.element);
    const cancel = panel.element.querySelector<HTMLButtonElement>('[data-action="cancel"]')!;
    expect(cancel.disabled).toBe(true);
    panel.setInputs({ subjects: 10_000 });
    const running = panel.run();
    expect(started).toBe(1);
    // the worker client's 60 s default would stop a 10,000-subject run; the panel asks for 20 min (Cancel is sooner)
    expect(timeouts).toEqual([20 * 60_000]);
    expect(cancel.disabled).toBe(false);
    expect(panel.element.querySelector('[data-status]')!.textContent).toBe('Simulating 10,000 subjects…');
    cancel.click();
    await running;
    expect(panel.element.querySelector('[data-status]')!.textContent).toBe('Cancelled.');
    expect(cancel.disabled).toBe(true);
    expect(panel.result()).toBeNull();
  });

  it('exports the shown observable’s bands as CSV, one row per output time, exact to the last bit', async () => {
    const { panel, files } = mount();
    panel.setInputs({ subjects: 8, seed: 2, observable: 'il6_rel' });
    await panel.run();
    (panel.element.querySelector('[data-action="export-bands"]') as HTMLButtonElement).click();
    expect(files[0].name).toBe('ldn-population-il6_rel.csv');
    const rows = (await files[0].blob.text()).trim().split('\n').filter((l) => !l.startsWith('#'));
    expect(rows[0]).toBe('time_h,p5,p25,p50,p75,p95');
    const r = panel.result()!;
    expect(rows).toHaveLength(r.time_h.length + 1); // 72 h / 0.5 h + 1 = 145 times
    expect(r.time_h.length).toBe(145);
    expect(Number(rows[100].split(',')[3])).toBe(r.bands.il6_rel['50'][99]);
  });
});
