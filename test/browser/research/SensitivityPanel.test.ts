import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/engine/scenario/types';
import { createModel } from '../../../models/index';
import { SensitivityPanel } from '../../../src/view/research/SensitivityPanel';
import { createDirectBackend } from './directBackend';
import { nonFiniteAttributes } from './svgChecks';

const ldn3days: Scenario = { version: 1, duration_h: 72, output_step_h: 0.5, regimen: '4.5 mg q24h x 3 at 22:00' };
// A handful of parameters from each layer keeps the test quick (2 runs each); ago_cl has no effect without
// co-medication, so it must be counted as "no effect" and get no bar.
const PARAMS = ['ntx_f_oral', 'ntx_cl', 'ntx_v_c', 'ntx_kd_nm', 'bn_kd_nm', 'bn_ke0', 'endo_tone', 'mor_half_life_h', 'il6_half_life_h', 'ago_cl'];

let panel: SensitivityPanel | null = null;
let files: Array<{ name: string; blob: Blob }> = [];
afterEach(() => {
  panel?.dispose();
  panel?.element.remove();
  panel = null;
  files = [];
});

async function mountAndRun(top = 12) {
  const backend = createDirectBackend();
  panel = new SensitivityPanel({ backend, getScenario: () => ldn3days, download: (name, blob) => files.push({ name, blob }) }, { parameterIds: PARAMS, top });
  document.body.append(panel.element);
  await panel.run();
  return panel;
}

const drawn = (p: SensitivityPanel) => [...p.element.querySelectorAll('[data-tornado] g.bar')].map((g) => g.getAttribute('data-parameter'));

describe('SensitivityPanel', () => {
  it('orders the tornado bars by |S|, longest first, and leaves out parameters without effect', async () => {
    const p = await mountAndRun();
    p.setMetric('occupancy_trough_last24h');
    const r = p.result()!;
    const col = r.metricIds.indexOf('occupancy_trough_last24h');
    const s = (id: string) => r.coefficients[r.parameterIds.indexOf(id) * r.metricIds.length + col];
    const ids = drawn(p) as string[];
    expect(ids).not.toContain('ago_cl');
    expect(ids.length).toBeGreaterThanOrEqual(5);
    for (let i = 1; i < ids.length; i++) expect(Math.abs(s(ids[i]))).toBeLessThanOrEqual(Math.abs(s(ids[i - 1])));
    // bar lengths follow the same order, and signs pick the colour side of the zero line
    const widths = [...p.element.querySelectorAll('[data-tornado] g.bar rect:nth-of-type(2)')].map((b) => Number(b.getAttribute('width')));
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThanOrEqual(widths[i - 1] + 1e-9);
    expect(p.element.querySelector('[data-sensitivity-note]')!.textContent).toMatch(/^1 parameter has no effect/);
    expect(nonFiniteAttributes(p.element)).toEqual([]);
  });

  it('finds S = 1 for naltrexone Cmax and AUC with respect to bioavailability (both are proportional to F)', async () => {
    // Linear PK: every plasma naltrexone value scales with F·dose, so (ΔCmax/Cmax)/(ΔF/F) = 1 exactly.
    const p = await mountAndRun();
    for (const metric of ['ntx_cmax_ng_per_ml', 'ntx_auc_ng_h_per_ml']) {
      p.setMetric(metric);
      const bar = p.bars().find((b) => b.parameterId === 'ntx_f_oral')!;
      expect(bar.s).toBeCloseTo(1, 3);
    }
    expect(p.bars()[0].parameterId).toBe('ntx_f_oral');
    // the CSV export holds every parameter × metric, including S(F) = 1 for Cmax
    (p.element.querySelector('[data-action="export-sensitivities"]') as HTMLButtonElement).click();
    const rows = (await files[0].blob.text()).trim().split('\n').filter((l) => !l.startsWith('#'));
    expect(rows).toHaveLength(PARAMS.length + 1);
    const header = rows[0].split(',');
    const fRow = rows.find((l) => l.startsWith('ntx_f_oral,'))!.split(',');
    expect(Number(fRow[header.indexOf('ntx_cmax_ng_per_ml')])).toBeCloseTo(1, 3);
  });

  it('shows only the top N bars and puts label, unit, range and source in each bar’s tooltip', async () => {
    const p = await mountAndRun(3);
    p.setMetric('occupancy_trough_last24h');
    expect(drawn(p)).toHaveLength(3);
    const specs = createModel().parameters;
    for (const g of p.element.querySelectorAll('[data-tornado] g.bar')) {
      const spec = specs.find((x) => x.id === g.getAttribute('data-parameter'))!;
      const title = g.querySelector('title')!.textContent!;
      expect(title).toContain(spec.label ?? spec.id);
      expect(title).toContain(spec.unit);
      expect(title).toContain(`Source: ${spec.source}`);
    }
    const svg = p.element.querySelector('[data-tornado] svg')!;
    expect(document.getElementById(svg.getAttribute('aria-describedby')!)!.textContent).toMatch(/S = -?\d/);
    expect(p.element.querySelector('[data-tornado] svg')!.textContent).toContain('normalised sensitivity S');
    // the same bars as a table (keyboard and screen-reader users cannot hover a title tooltip)
    const tableRows = [...p.element.querySelectorAll('[data-sensitivity-table] tbody tr')];
    expect(tableRows.map((r) => r.getAttribute('data-parameter'))).toEqual(drawn(p));
    const first = specs.find((x) => x.id === drawn(p)[0])!;
    expect(tableRows[0].textContent).toContain(first.source);
  });
});
