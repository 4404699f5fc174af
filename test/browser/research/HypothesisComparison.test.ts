import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/engine/scenario/types';
import { HypothesisComparison, CALIBRATION_NOTE } from '../../../src/view/research/HypothesisComparison';
import { HYPOTHESIS_SETS } from '../../../src/view/research/hypothesisSets';
import { createDirectBackend } from './directBackend';
import { nonFiniteAttributes } from './svgChecks';

// Rabiner 2011 Mol Psychiatry 16:826 via Trøstheim 2022 Table 1: 92 % and 98 % MOR occupancy < 8 h after 50 mg.
// Every set is calibrated to these within ±10 points (test/models/occupancyCalibration.test.ts uses the same band).
const PET_50MG = [0.92, 0.98];
const single50: Scenario = { version: 1, duration_h: 8, output_step_h: 0.25, regimen: { doses: [{ time_h: 0, amount_mg: 50 }] } };
const ldn3days: Scenario = { version: 1, duration_h: 72, output_step_h: 0.5, regimen: '4.5 mg q24h x 3 at 22:00' };

let tool: HypothesisComparison | null = null;
afterEach(() => {
  tool?.dispose();
  tool?.element.remove();
  tool = null;
});

function mount(scenario: Scenario) {
  const backend = createDirectBackend();
  const files: Array<{ name: string; blob: Blob }> = [];
  tool = new HypothesisComparison({ backend, getScenario: () => scenario, download: (name, blob) => files.push({ name, blob }) });
  document.body.append(tool.element);
  return { tool, backend, files };
}

describe('HypothesisComparison', () => {
  it('runs all six persistence × upregulation sets and tabulates each within 10 points of the 50 mg PET peak', async () => {
    const { tool } = mount(single50);
    await tool.run();
    const rows = [...tool.element.querySelectorAll('[data-comparison-table] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-set'))).toEqual(HYPOTHESIS_SETS.map((s) => s.id));
    for (const row of rows) {
      const peak = Number(row.querySelector('[data-metric="occupancy_peak"]')!.textContent) / 100;
      expect(peak).toBeGreaterThanOrEqual(Math.min(...PET_50MG) - 0.1);
      expect(peak).toBeLessThanOrEqual(Math.max(...PET_50MG) + 0.1);
    }
    expect(tool.element.querySelector('[data-calibration-note]')!.textContent).toBe(CALIBRATION_NOTE);
  });

  it('draws occupancy and opioid signal for each set on shared axes, with summaries and no NaN in any attribute', async () => {
    const { tool } = mount(ldn3days);
    await tool.run();
    const cells = [...tool.element.querySelectorAll('.research-multiple')];
    expect(cells).toHaveLength(6);
    const svgs = [...tool.element.querySelectorAll('.research-multiple svg')];
    expect(svgs).toHaveLength(12);
    // shared axes: every occupancy chart has the same x and y tick labels (0–100 %, 0–72 h in days)
    const ticks = (svg: Element) => [...svg.querySelectorAll('.tick text')].map((t) => t.textContent).join('|');
    const occ = svgs.filter((_, i) => i % 2 === 0).map(ticks);
    expect(new Set(occ).size).toBe(1);
    expect(occ[0]).toContain('100');
    expect(occ[0]).toContain('72');
    const sig = svgs.filter((_, i) => i % 2 === 1).map(ticks);
    expect(new Set(sig).size).toBe(1);
    for (const svg of tool.element.querySelectorAll('svg')) {
      const summary = document.getElementById(svg.getAttribute('aria-describedby')!);
      expect(summary?.textContent?.length).toBeGreaterThan(20);
      expect(svg.querySelector('path[data-line]')!.getAttribute('d')!.length).toBeGreaterThan(100);
    }
    expect(nonFiniteAttributes(tool.element)).toEqual([]);
  });

  it('overlays all sets on one pair of axes, each told apart by colour and line style, with a legend', async () => {
    const { tool } = mount(ldn3days);
    await tool.run();
    for (const kind of ['occupancy', 'signal']) {
      const svg = tool.element.querySelector(`[data-overlay-chart="${kind}"] svg`)!;
      const lines = [...svg.querySelectorAll('path[data-line]')];
      expect(lines.map((l) => l.getAttribute('data-line'))).toEqual(HYPOTHESIS_SETS.map((s) => s.label));
      const styles = lines.map((l) => `${l.getAttribute('stroke')} ${l.getAttribute('stroke-dasharray') ?? 'solid'}`);
      expect(new Set(styles).size).toBe(6);
      const legend = [...svg.querySelectorAll('.legend text')].map((t) => t.textContent);
      expect(legend).toEqual(HYPOTHESIS_SETS.map((s) => s.label));
    }
    const summary = tool.element.querySelector('[data-overlay-chart="occupancy"] .sr-only')!.textContent!;
    expect(summary).toMatch(/^MOR occupancy under 6 hypothesis sets\. Trough over the last 24 h ranges from \d+\.\d to \d+\.\d %/);
  });

  it('runs only the chosen subset, and drops parameter overrides unless asked to keep them', async () => {
    const withOverride: Scenario = { ...ldn3days, parameters: { endo_tone: 0.5 } };
    const { tool, backend } = mount(withOverride);
    tool.select(['metabolite/chaperone', 'slow_dissociation/synthesis']);
    await tool.run();
    expect(backend.calls).toEqual(['simulate', 'simulate']);
    expect(tool.results().map((r) => r.set.id)).toEqual(['slow_dissociation/synthesis', 'metabolite/chaperone']);
    expect(tool.results()[0].result.scenario?.parameters).toBeUndefined();
    (tool.element.querySelector('[data-control="keep-overrides"]') as HTMLInputElement).click();
    await tool.run();
    expect(tool.results()[0].result.scenario?.parameters).toEqual({ endo_tone: 0.5 });
    expect(tool.results()[1].result.scenario?.hypotheses).toMatchObject({ persistence: 'metabolite', upregulation: 'chaperone' });
  });

  it('asks for a choice instead of running nothing', async () => {
    const { tool, backend } = mount(ldn3days);
    tool.select([]);
    await tool.run();
    expect(backend.calls).toEqual([]);
    expect(tool.element.querySelector('[data-status]')!.textContent).toMatch(/at least one/);
  });

  it('exports the table as CSV with the scenario in a comment line, values equal to the run metrics', async () => {
    const { tool, files } = mount(ldn3days);
    const button = tool.element.querySelector<HTMLButtonElement>('[data-action="export-comparison"]')!;
    expect(button.disabled).toBe(true);
    tool.select(['deep_tissue/synthesis']);
    await tool.run();
    button.click();
    const lines = (await files[0].blob.text()).trim().split('\n');
    expect(lines.filter((l) => l.startsWith('#')).join('\n')).toContain(JSON.stringify(ldn3days));
    const [header, row] = lines.filter((l) => !l.startsWith('#'));
    expect(header).toBe('persistence,upregulation,status,occupancy_trough_last24h,occupancy_peak,hours_above_50_last24h,opioid_signal_rel_mean_last24h');
    const m = tool.results()[0].result.metrics;
    expect(row.split(',').slice(3).map(Number)).toEqual([m.occupancy_trough_last24h, m.occupancy_peak, m.hours_above_50_last24h, m.opioid_signal_rel_mean_last24h]);
  });
});
