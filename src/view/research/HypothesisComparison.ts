import type { SimulationResult } from '../../engine/result';
import { h, uniqueId } from '../dom/h';
import { PALETTE } from '../theme/palette';
import { formatValue } from '../charts/formatValue';
import { HYPOTHESIS_SETS, PERSISTENCE_LABELS, UPREGULATION_LABELS, scenarioForSet, type HypothesisSet } from './hypothesisSets';
import { renderLineChart } from './renderLineChart';
import { RunControls, describeError } from './RunControls';
import { saveFile, type ResearchDeps } from './researchDeps';
import { comparisonToCsv } from './researchCsv';
import type { Scenario } from '../../engine/scenario/types';

/**
 * Hypothesis comparison: the current scenario under each structural hypothesis set (persistence × upregulation),
 * as small multiples on shared axes and a table of the numbers a researcher would quote. Runs go one after the
 * other through the backend (the worker), so the page stays responsive and Cancel stops between or inside runs.
 */
export interface ComparisonRow {
  readonly set: HypothesisSet;
  readonly result: SimulationResult;
}

export const CALIBRATION_NOTE =
  'Every set is calibrated to the same human PET data — peak occupancy vs dose (Rabiner 2011 via Trøstheim 2022) ' +
  'and the blockade time course after 50 mg (Lee 1988) — so the sets agree where data exist and differ where they do not.';

interface Column {
  readonly key: string;
  readonly label: string;
  readonly unit: string;
  readonly factor: number;
  readonly digits: number;
}

export const COMPARISON_COLUMNS: readonly Column[] = [
  { key: 'occupancy_trough_last24h', label: 'Trough occupancy, last 24 h', unit: '%', factor: 100, digits: 1 },
  { key: 'occupancy_peak', label: 'Peak occupancy', unit: '%', factor: 100, digits: 1 },
  { key: 'hours_above_50_last24h', label: 'Hours ≥ 50 % occupancy, last 24 h', unit: 'h', factor: 1, digits: 1 },
  { key: 'opioid_signal_rel_mean_last24h', label: 'Mean opioid signal, last 24 h', unit: 'rel. to baseline', factor: 1, digits: 3 },
];

export class HypothesisComparison {
  readonly element: HTMLElement;
  private readonly boxes = new Map<string, HTMLInputElement>();
  private readonly keepOverrides: HTMLInputElement;
  private readonly controls: RunControls;
  private readonly charts: HTMLElement;
  private readonly overlay: HTMLElement;
  private readonly tableHost: HTMLElement;
  private rows: ComparisonRow[] = [];
  private ranOn: Scenario | null = null;
  private readonly exportButton: HTMLButtonElement;

  constructor(private readonly deps: ResearchDeps) {
    const setsId = uniqueId('hyp-sets');
    const fieldset = h('fieldset', { class: 'research-fieldset', 'aria-describedby': setsId },
      h('legend', {}, 'Hypothesis sets to compare'),
      h('p', { class: 'hint', id: setsId }, 'Persistence: why blockade outlasts plasma. Upregulation: how receptors increase under blockade.'),
      ...(['slow_dissociation', 'deep_tissue', 'metabolite'] as const).map((p) =>
        h('div', { class: 'row' }, h('span', { class: 'research-set-group' }, PERSISTENCE_LABELS[p]),
          ...HYPOTHESIS_SETS.filter((s) => s.persistence === p).map((s) => {
            const box = h('input', { type: 'checkbox', checked: true, 'data-set': s.id });
            this.boxes.set(s.id, box);
            return h('label', { class: 'toggle' }, box, UPREGULATION_LABELS[s.upregulation]);
          }))));
    this.keepOverrides = h('input', { type: 'checkbox', 'data-control': 'keep-overrides' });
    this.controls = new RunControls('Run comparison', deps.backend.cancellable === true, () => void this.run());
    this.exportButton = this.controls.addButton('Download table (CSV)', 'export-comparison', () => this.exportCsv());
    this.overlay = h('div', { class: 'research-overlay', 'data-overlay': '' });
    this.charts = h('div', { class: 'research-multiples', 'data-multiples': '' });
    this.charts.style.display = 'grid';
    this.charts.style.gap = '8px 12px';
    this.tableHost = h('div', { class: 'metrics research-table' });
    this.tableHost.style.overflowX = 'auto';
    this.element = h('section', { class: 'research-tool', 'data-tool': 'compare' },
      h('p', { class: 'research-note', 'data-calibration-note': '' }, CALIBRATION_NOTE),
      fieldset,
      h('label', { class: 'toggle' }, this.keepOverrides,
        'Keep my parameter overrides in every set (unchecked: each set runs with its own calibrated defaults)'),
      this.controls.element, this.tableHost, this.overlay, this.charts);
  }

  /** Select the sets to run by id ("metabolite/chaperone", …). */
  select(ids: readonly string[]): void {
    for (const [id, box] of this.boxes) box.checked = ids.includes(id);
  }

  results(): readonly ComparisonRow[] {
    return this.rows;
  }

  async run(): Promise<void> {
    const sets = HYPOTHESIS_SETS.filter((s) => this.boxes.get(s.id)?.checked);
    if (sets.length === 0) {
      this.controls.setStatus('Choose at least one hypothesis set.', true);
      return;
    }
    const base = this.deps.getScenario();
    const { signal, token } = this.controls.begin(`Running ${sets.length} hypothesis set${sets.length > 1 ? 's' : ''}…`);
    const rows: ComparisonRow[] = [];
    try {
      for (const [i, set] of sets.entries()) {
        this.controls.setStatus(`Running set ${i + 1} of ${sets.length}: ${set.label}…`);
        const result = await this.deps.backend.simulate(scenarioForSet(base, set, this.keepOverrides.checked), { signal });
        if (!this.controls.isLatest(token)) return;
        rows.push({ set, result });
      }
    } catch (e) {
      if (this.controls.isLatest(token)) this.controls.end(token, `The comparison could not run: ${describeError(e)}`, true);
      return;
    }
    this.rows = rows;
    this.ranOn = base;
    this.exportButton.disabled = false;
    this.render();
    const failed = rows.filter((r) => r.result.status.code !== 'ok');
    this.controls.end(token, failed.length
      ? `${rows.length - failed.length} of ${rows.length} sets finished; ${failed.map((r) => `${r.set.label}: ${r.result.status.message}`).join(' ')}`
      : `Compared ${rows.length} hypothesis set${rows.length > 1 ? 's' : ''} over ${formatValue(base.duration_h, 0)} h.`, failed.length > 0);
  }

  /** Draw the last results again at the current width (after a resize or when the tab is shown). */
  redraw(): void {
    if (this.element.clientWidth > 0) this.render();
  }

  private render(): void {
    this.renderTable();
    const rows = this.rows;
    const duration = Math.max(1, ...rows.map((r) => lastOf(r.result.time_h)));
    // shared opioid-signal scale across sets (always including the baseline 1.0)
    let lo = 1;
    let hi = 1;
    for (const r of rows) {
      const y = r.result.observables.opioid_signal_rel;
      if (!y) continue;
      for (const v of y) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    }
    const pad = (hi - lo) * 0.06 || 0.05;
    this.renderOverlay(duration, [lo - pad, hi + pad]);
    const cols = Math.min(3, rows.length);
    this.charts.style.gridTemplateColumns = `repeat(${cols}, minmax(0, 1fr))`;
    const total = this.element.clientWidth || 900;
    const width = Math.max(220, Math.floor((total - 12 * (cols - 1)) / cols));
    this.charts.replaceChildren();
    for (const r of rows) {
      const cell = h('div', { class: 'research-multiple', 'data-set': r.set.id });
      cell.append(h('h4', { class: 'research-multiple-title' }, r.set.label));
      const occ = h('figure', {});
      const sig = h('figure', {});
      cell.append(occ, sig);
      this.charts.append(cell);
      const t = r.result.time_h;
      const o = r.result.observables.mor_occupancy ?? new Float64Array(0);
      const s = r.result.observables.opioid_signal_rel ?? new Float64Array(0);
      const m = r.result.metrics;
      renderLineChart(occ, {
        title: 'MOR occupancy', xLabel: 'time (h)', yLabel: 'occupancy (%)', width, height: 170,
        xDomain: [0, duration], yDomain: [0, 100], showLegend: false,
        lines: [{ label: 'MOR occupancy', color: PALETTE.blue, t, y: o, factor: 100 }],
        refs: [{ y: 50, label: '50 %' }],
        summary: `${r.set.label}: MOR occupancy. Peak ${pct(m.occupancy_peak)}, trough over the last 24 h ${pct(m.occupancy_trough_last24h)}, ` +
          `${formatValue(m.hours_above_50_last24h, 1)} h at or above 50 % in the last 24 h.`,
      });
      renderLineChart(sig, {
        title: 'Opioid signal', xLabel: 'time (h)', yLabel: 'signal (rel. to baseline)', width, height: 170,
        xDomain: [0, duration], yDomain: [lo - pad, hi + pad], showLegend: false,
        lines: [{ label: 'Opioid signal', color: PALETTE.vermillion, t, y: s }],
        refs: [{ y: 1, label: 'baseline' }],
        summary: `${r.set.label}: opioid signal relative to the untreated baseline; mean over the last 24 h ${formatValue(m.opioid_signal_rel_mean_last24h, 3)}.`,
      });
    }
  }

  /**
   * All sets on one pair of axes, where small differences between mechanisms are easiest to see: colour = why
   * blockade persists (Okabe–Ito blue, vermillion, green), line style = how receptors upregulate (solid chaperone,
   * dashed synthesis), so each set stays distinguishable without relying on colour alone.
   */
  private renderOverlay(duration: number, signalDomain: readonly [number, number]): void {
    const color = { slow_dissociation: PALETTE.blue, deep_tissue: PALETTE.vermillion, metabolite: PALETTE.green } as const;
    const dash = (u: string) => (u === 'synthesis' ? '7 4' : undefined);
    const width = Math.max(320, Math.min(1100, this.element.clientWidth || 900));
    const occ = h('figure', { 'data-overlay-chart': 'occupancy' });
    const sig = h('figure', { 'data-overlay-chart': 'signal' });
    this.overlay.replaceChildren(occ, sig);
    const line = (id: 'mor_occupancy' | 'opioid_signal_rel', factor: number) => this.rows.map((r) => ({
      label: r.set.label, color: color[r.set.persistence], dash: dash(r.set.upregulation), width: 1.8, factor,
      t: r.result.time_h, y: r.result.observables[id] ?? new Float64Array(0),
    }));
    const spread = (key: string, f: number, d: number, unit: string) => {
      const v = this.rows.map((r) => r.result.metrics[key] * f).filter(Number.isFinite);
      return v.length ? `from ${formatValue(Math.min(...v), d)} to ${formatValue(Math.max(...v), d)}${unit}` : 'not available';
    };
    renderLineChart(occ, {
      title: 'MOR occupancy, all sets', xLabel: 'time (h)', yLabel: 'occupancy (%)', width, height: 250,
      xDomain: [0, duration], yDomain: [0, 100], refs: [{ y: 50, label: '50 %' }],
      lines: line('mor_occupancy', 100),
      summary: `MOR occupancy under ${this.rows.length} hypothesis sets. Trough over the last 24 h ranges ${spread('occupancy_trough_last24h', 100, 1, ' %')} across sets; ` +
        `peak ${spread('occupancy_peak', 100, 1, ' %')}.`,
    });
    renderLineChart(sig, {
      title: 'Opioid signal, all sets', xLabel: 'time (h)', yLabel: 'signal (rel. to baseline)', width, height: 250,
      xDomain: [0, duration], yDomain: signalDomain, refs: [{ y: 1, label: 'baseline' }],
      lines: line('opioid_signal_rel', 1),
      summary: `Opioid signal relative to the untreated baseline under ${this.rows.length} hypothesis sets; its mean over the last 24 h ranges ` +
        `${spread('opioid_signal_rel_mean_last24h', 1, 3, '')} across sets.`,
    });
  }

  private renderTable(): void {
    const anyFailed = this.rows.some((r) => r.result.status.code !== 'ok');
    const table = h('table', { 'data-comparison-table': '' },
      h('caption', { class: 'research-caption' }, 'Each row: the same scenario under one hypothesis set (each calibrated to the same PET data).'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Hypothesis set'),
        ...COMPARISON_COLUMNS.map((c) => {
          // not class "num": that keeps text on one line (app.css), and these headers must wrap
          const th = h('th', { scope: 'col' }, c.label, h('br', {}), h('span', { class: 'unit' }, `(${c.unit})`));
          th.style.textAlign = 'right';
          th.style.verticalAlign = 'bottom';
          return th;
        }),
        anyFailed ? h('th', { scope: 'col' }, 'Status') : null)),
      h('tbody', {}, ...this.rows.map((r) => h('tr', { 'data-set': r.set.id },
        h('th', { scope: 'row' }, PERSISTENCE_LABELS[r.set.persistence], h('br', {}), h('span', { class: 'unit' }, UPREGULATION_LABELS[r.set.upregulation])),
        ...COMPARISON_COLUMNS.map((c) => h('td', { class: 'num', 'data-metric': c.key }, formatValue((r.result.metrics[c.key] ?? NaN) * c.factor, c.digits))),
        anyFailed ? h('td', {}, r.result.status.code === 'ok' ? 'ok' : `${r.result.status.code}: ${r.result.status.message}`) : null))));
    this.tableHost.replaceChildren(table);
  }

  private exportCsv(): void {
    const csv = comparisonToCsv(this.rows.map((r) => ({ persistence: r.set.persistence, upregulation: r.set.upregulation, result: r.result })),
      COMPARISON_COLUMNS.map((c) => c.key), [
        'LDN Lab: one scenario under each hypothesis set (fractions 0-1, hours, signal relative to baseline)',
        `parameter overrides ${this.keepOverrides.checked ? 'kept' : 'dropped (each set at its calibrated defaults)'}`,
        `scenario: ${JSON.stringify(this.ranOn)}`,
      ]);
    saveFile(this.deps, 'ldn-hypothesis-comparison.csv', csv, 'text/csv');
  }

  dispose(): void {
    this.controls.dispose();
  }
}

function lastOf(a: Float64Array): number {
  return a.length ? a[a.length - 1] : 0;
}

function pct(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '—' : `${formatValue(v * 100, 1)} %`;
}
