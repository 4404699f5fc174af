import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/engine/scenario/types';
import { simulate } from '../../../src/engine/simulate';
import { FitPanel } from '../../../src/view/research/FitPanel';
import { FIT_EXAMPLE_CSV } from '../../../src/view/research/fitExample';
import { createDirectBackend } from './directBackend';
import { nonFiniteAttributes } from './svgChecks';

// One 50 mg dose followed for 48 h: plasma naltrexone alone identifies clearance (slope) and bioavailability (level).
const single50: Scenario = { version: 1, duration_h: 48, output_step_h: 0.25, regimen: { doses: [{ time_h: 0, amount_mg: 50 }] } };

let panel: FitPanel | null = null;
afterEach(() => {
  panel?.dispose();
  panel?.element.remove();
  panel = null;
});

function mount(scenario: Scenario = single50) {
  const backend = createDirectBackend();
  const applied: Record<string, number>[] = [];
  const files: Array<{ name: string; blob: Blob }> = [];
  panel = new FitPanel({ backend, getScenario: () => scenario, onApplyParameters: (p) => applied.push(p), download: (name, blob) => files.push({ name, blob }) });
  document.body.append(panel.element);
  return { panel, backend, applied, files };
}

/** Noise-free synthetic data: the engine's own prediction at a known truth, written as the CSV a user would paste. */
function syntheticCsv(truth: Record<string, number>, times: number[]): string {
  const run = simulate({ ...single50, parameters: truth });
  const rows = times.map((t) => `${t},naltrexone_ng_per_ml,${run.observables.naltrexone_ng_per_ml[Math.round(t / single50.output_step_h)]}`);
  return ['# synthetic: ntx_cl = 120 L/h, ntx_f_oral = 0.12', 'time_h,observable,value', ...rows].join('\n');
}

describe('FitPanel', () => {
  it('recovers clearance and bioavailability from synthetic plasma data to 1 % and overlays data, start and fit', async () => {
    const truth = { ntx_cl: 120, ntx_f_oral: 0.12 };
    const { panel, applied, files } = mount();
    panel.setCsv(syntheticCsv(truth, [0.5, 1, 2, 4, 8, 12, 24]));
    panel.setParameters(['ntx_cl', 'ntx_f_oral']);
    panel.setResidualScale('log');
    await panel.run();
    const run = panel.lastRun()!;
    expect(run.fit.status.code).toBe('ok');
    expect(run.fit.estimates.ntx_cl / truth.ntx_cl).toBeCloseTo(1, 2);
    expect(run.fit.estimates.ntx_f_oral / truth.ntx_f_oral).toBeCloseTo(1, 2);
    expect(run.fit.sse).toBeLessThan(run.fit.sseStart / 100);
    // the table shows start (default 94 L/h, Meyer 1984) and the estimate
    const row = panel.element.querySelector('[data-fit-table] tr[data-parameter="ntx_cl"]')!;
    expect(Number(row.querySelector('[data-start]')!.textContent)).toBe(94);
    expect(Number(row.querySelector('[data-estimate]')!.textContent) / 120).toBeCloseTo(1, 2);
    expect(panel.element.querySelector('[data-sse]')!.textContent).toMatch(/at the start → .* fitted/);
    // overlay: 7 data points, a dashed start curve and the fitted curve, axes with units
    const fig = panel.element.querySelector('[data-fit-charts] figure[data-observable="naltrexone_ng_per_ml"]')!;
    expect(fig.querySelectorAll('[data-points] circle')).toHaveLength(7);
    expect(fig.querySelector('path[data-line="start"]')!.getAttribute('stroke-dasharray')).toBe('6 4');
    expect(fig.querySelector('path[data-line="fitted"]')!.getAttribute('d')!.length).toBeGreaterThan(100);
    expect([...fig.querySelectorAll('text')].map((t) => t.textContent)).toContain('Naltrexone (plasma) (ng/mL)');
    expect(nonFiniteAttributes(panel.element)).toEqual([]);
    // apply hands the estimates to the page
    (panel.element.querySelector('[data-action="apply-estimates"]') as HTMLButtonElement).click();
    expect(applied).toEqual([run.fit.estimates]);
    // the JSON export carries what is needed to repeat the fit
    (panel.element.querySelector('[data-action="export-fit"]') as HTMLButtonElement).click();
    expect(files.map((f) => f.name)).toEqual(['ldn-fit.json']);
    const doc = JSON.parse(await files[0].blob.text());
    expect(doc.scenario).toEqual(single50);
    expect(doc.data).toHaveLength(7);
    expect(doc.residualScale).toBe('log');
    expect(doc.estimates).toEqual(run.fit.estimates);
  });

  it('refuses a bad row naming its line and column, and never calls the engine', async () => {
    const { panel, backend } = mount();
    panel.setParameters(['ntx_cl']);
    panel.setCsv('time_h,observable,value\n1,naltrexone_ng_per_ml,3.2\n2,naltrexone_ng_per_ml,abc\n');
    await panel.run();
    expect(panel.element.querySelector('[data-csv-error]')!.textContent).toBe('Line 3, column 3 (value): "abc" is not a number.');
    expect(panel.element.querySelector('[data-field="csv"]')!.getAttribute('aria-invalid')).toBe('true');
    panel.setCsv('time_h,observable,value\n1,naltrexone_ng_per_ml,3.2\n72,naltrexone_ng_per_ml,0.1\n');
    await panel.run();
    expect(panel.element.querySelector('[data-csv-error]')!.textContent).toMatch(/^Line 3, column time_h: 72 h is after the end of the scenario \(48 h\)/);
    panel.setCsv('time_h,observable,value\n1,mor_occupancy,0.5\n2,mor_occupancy,95\n');
    await panel.run();
    expect(panel.element.querySelector('[data-csv-error]')!.textContent).toBe('Line 3, column value: mor_occupancy is a fraction from 0 to 1; 95 is outside it (for 95 % write 0.95).');
    panel.setCsv('time_h,observable,value\n1,naltrexone_ng_per_ml,0\n');
    panel.setResidualScale('log');
    await panel.run();
    expect(panel.element.querySelector('[data-csv-error]')!.textContent).toMatch(/^Line 2, column value: 0 cannot be used with log residuals/);
    expect(backend.calls).toEqual([]);
  });

  it('asks for parameters before fitting, and for at least as many observations as parameters', async () => {
    const { panel, backend } = mount();
    panel.setCsv('time_h,observable,value\n1,naltrexone_ng_per_ml,3.2\n');
    panel.setParameters([]);
    await panel.run();
    expect(panel.element.textContent).toContain('Choose at least one parameter to estimate.');
    panel.setParameters(['ntx_cl', 'ntx_f_oral']);
    await panel.run();
    expect(panel.element.textContent).toContain('1 observation cannot determine 2 parameters: add data or estimate fewer parameters.');
    expect(backend.calls).toEqual([]);
  });

  it('loads the Lee 1988 example with its citation, its 50 mg dosing and suggested parameters', () => {
    const ldn: Scenario = { version: 1, duration_h: 72, output_step_h: 0.5, regimen: '4.5 mg q24h x 3', hypotheses: { persistence: 'slow_dissociation' } };
    const { panel } = mount(ldn);
    (panel.element.querySelector('[data-action="load-example"]') as HTMLButtonElement).click();
    const csv = (panel.element.querySelector('[data-field="csv"]') as HTMLTextAreaElement).value;
    expect(csv).toBe(FIT_EXAMPLE_CSV);
    expect(csv).toContain('J Nucl Med 29:1207');
    expect(panel.element.querySelector('[data-fit-scenario]')!.textContent).toMatch(/one 50 mg dose, followed for 168 h/);
    const checked = [...panel.element.querySelectorAll<HTMLInputElement>('[data-fit-parameters] input:checked')].map((b) => b.value);
    expect(checked.sort()).toEqual(['ntx_k_rev', 'ntx_kd_nm']);
    // a parameter at 0 cannot be fitted on the log scale: deep-tissue exchange ntx_q_deep defaults to 0 (assumed)
    expect((panel.element.querySelector('[data-fit-parameters] input[data-parameter="ntx_q_deep"]') as HTMLInputElement).disabled).toBe(true);
    expect((panel.element.querySelector('[data-fit-parameters] input[data-parameter="ntx_cl"]') as HTMLInputElement).disabled).toBe(false);
    (panel.element.querySelector('[data-action="use-page-scenario"]') as HTMLButtonElement).click();
    expect(panel.element.querySelector('[data-fit-scenario]')!.textContent).toMatch(/page’s scenario: 4.5 mg q24h x 3, 72 h/);
  });
});
