import * as d3 from 'd3';
import type { SensitivityResult } from '../../engine/sensitivity';
import type { ParameterSpec } from '../../../models/types';
import { h, uniqueId } from '../dom/h';
import { BACKGROUND, GRID, INK, MUTED_INK, PALETTE } from '../theme/palette';
import { formatValue } from '../charts/formatValue';
import { formatSignificant } from './formatSignificant';
import { formatSensitivity as formatS } from './formatSensitivity';
import { rankSensitivities, type RankedSensitivity } from './rankSensitivities';
import { RunControls, describeError } from './RunControls';
import { parameterSpecsFor, saveFile, type ResearchDeps } from './researchDeps';
import { sensitivitiesToCsv } from './researchCsv';
import { LONG_CALL_MS } from './researchBackend';
import type { Scenario } from '../../engine/scenario/types';

/**
 * Local sensitivity as a tornado chart: for one summary metric, the normalised coefficient
 * S = (Δm/m)/(Δp/p) of each parameter (central differences around the current scenario), the 12 largest |S| from
 * the top. One run computes every metric in the list, so switching the metric redraws without recomputing.
 */
export interface SensitivityMetric {
  readonly id: string;
  readonly label: string;
}

export const SENSITIVITY_METRICS: readonly SensitivityMetric[] = [
  { id: 'occupancy_trough_last24h', label: 'Trough MOR occupancy, last 24 h' },
  { id: 'occupancy_mean_last24h', label: 'Mean MOR occupancy, last 24 h' },
  { id: 'occupancy_peak', label: 'Peak MOR occupancy' },
  { id: 'hours_above_50_last24h', label: 'Hours ≥ 50 % occupancy, last 24 h' },
  { id: 'opioid_signal_rel_mean_last24h', label: 'Mean opioid signal, last 24 h' },
  { id: 'mor_density_rel_mean_last24h', label: 'Mean MOR density, last 24 h' },
  { id: 'endorphin_rel_mean_last24h', label: 'Mean endorphin tone, last 24 h' },
  { id: 'il6_rel_mean_last24h', label: 'Mean IL-6, last 24 h' },
  { id: 'tnf_rel_mean_last24h', label: 'Mean TNF-α, last 24 h' },
  { id: 'ntx_cmax_ng_per_ml', label: 'Naltrexone Cmax' },
  { id: 'ntx_auc_ng_h_per_ml', label: 'Naltrexone AUC' },
];

export interface SensitivityPanelOptions {
  /** Parameters to perturb (default: every parameter of the scenario's model). */
  readonly parameterIds?: readonly string[];
  /** Bars shown (default 12). */
  readonly top?: number;
}

const ROW = 24;
const LABEL_W = 230;
const MARGIN = { top: 40, right: 56, bottom: 46 };

export class SensitivityPanel {
  readonly element: HTMLElement;
  private readonly metric: HTMLSelectElement;
  private readonly controls: RunControls;
  private readonly figure: HTMLElement;
  private readonly note: HTMLElement;
  private readonly tableHost: HTMLElement;
  private last: SensitivityResult | null = null;
  private specs: readonly ParameterSpec[] = [];
  private lastScenario: Scenario | null = null;
  private readonly exportButton: HTMLButtonElement;

  constructor(private readonly deps: ResearchDeps, private readonly options: SensitivityPanelOptions = {}) {
    const mid = uniqueId('sens-metric');
    this.metric = h('select', { id: mid, 'data-field': 'metric' },
      ...SENSITIVITY_METRICS.map((m) => h('option', { value: m.id }, m.label)));
    this.metric.addEventListener('change', () => this.render());
    this.controls = new RunControls('Compute sensitivities', deps.backend.cancellable === true, () => void this.run(),
      'Each parameter is moved ±0.1 % around the current scenario: two simulations per parameter.');
    this.exportButton = this.controls.addButton('Download all (CSV)', 'export-sensitivities', () => this.exportCsv());
    this.figure = h('figure', { 'data-tornado': '', class: 'chart-panel research-chart' });
    this.note = h('p', { class: 'hint', 'data-sensitivity-note': '' });
    this.tableHost = h('div', { class: 'metrics', 'data-sensitivity-table': '' });
    this.element = h('section', { class: 'research-tool', 'data-tool': 'sensitivity' },
      h('div', { class: 'row' }, h('label', { for: mid }, 'Metric'), this.metric),
      this.controls.element, this.figure, this.note, this.tableHost,
      h('p', { class: 'hint' }, 'S = (Δmetric / metric) ÷ (Δparameter / parameter): S = 0.5 means a 1 % rise in the parameter raises the metric by 0.5 %. ',
        'Local: it holds near the current values, not across a parameter’s whole range. Hover a bar for the parameter’s unit, range and source.'));
  }

  setMetric(id: string): void {
    this.metric.value = id;
    this.render();
  }

  result(): SensitivityResult | null {
    return this.last;
  }

  /** The bars currently drawn, top first. */
  bars(): readonly RankedSensitivity[] {
    const r = this.last;
    if (!r) return [];
    return rankSensitivities(r.parameterIds, r.metricIds, r.coefficients, this.metric.value, this.options.top ?? 12).bars;
  }

  async run(): Promise<void> {
    const scenario = this.deps.getScenario();
    this.specs = parameterSpecsFor(this.deps, scenario.hypotheses);
    const parameterIds = this.options.parameterIds ?? this.specs.map((s) => s.id);
    const { signal, token } = this.controls.begin(`Perturbing ${parameterIds.length} parameters (${2 * parameterIds.length + 1} simulations)…`);
    let r: SensitivityResult;
    try {
      r = await this.deps.backend.sensitivity(scenario, { parameterIds, metricIds: SENSITIVITY_METRICS.map((m) => m.id) }, { signal, timeoutMs: LONG_CALL_MS });
    } catch (e) {
      if (this.controls.isLatest(token)) this.controls.end(token, `The sensitivities could not be computed: ${describeError(e)}`, true);
      return;
    }
    if (!this.controls.isLatest(token)) return;
    if (r.status.code !== 'ok') {
      this.controls.end(token, `The sensitivities could not be computed: ${r.status.message}`, true);
      return;
    }
    this.last = r;
    this.lastScenario = scenario;
    this.exportButton.disabled = false;
    this.render();
    this.controls.end(token, `Sensitivities of ${SENSITIVITY_METRICS.length} metrics to ${r.parameterIds.length} parameters.`);
  }

  /** Draw the last results again at the current width (after a resize or when the tab is shown). */
  redraw(): void {
    if (this.element.clientWidth > 0) this.render();
  }

  private render(): void {
    const r = this.last;
    if (!r) return;
    const metric = SENSITIVITY_METRICS.find((m) => m.id === this.metric.value) ?? SENSITIVITY_METRICS[0];
    const ranked = rankSensitivities(r.parameterIds, r.metricIds, r.coefficients, metric.id, this.options.top ?? 12);
    const bars = ranked.bars;
    const base = r.baseline[metric.id];
    const specOf = (id: string) => this.specs.find((s) => s.id === id);
    const labelOf = (id: string) => specOf(id)?.label ?? id;

    this.figure.replaceChildren();
    const id = uniqueId('tornado');
    const width = Math.max(480, Math.min(980, this.element.clientWidth || 800));
    const height = MARGIN.top + Math.max(1, bars.length) * ROW + MARGIN.bottom;
    const iw = width - LABEL_W - MARGIN.right;
    const maxAbs = d3.max(bars, (b) => Math.abs(b.s)) ?? 1;
    const lim = Number.isFinite(maxAbs) && maxAbs > 0 ? maxAbs * 1.08 : 1;
    const x = d3.scaleLinear().domain([-lim, lim]).range([0, iw]).nice();
    const svg = d3.select(this.figure).append('svg')
      .attr('xmlns', 'http://www.w3.org/2000/svg')
      .attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`)
      .attr('role', 'img').attr('aria-labelledby', `${id}-title`).attr('aria-describedby', `${id}-summary`)
      .attr('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif').attr('font-size', 11);
    const title = `Sensitivity of ${metric.label} (baseline ${formatValue(base, 3)}) to the ${bars.length} most influential parameters`;
    svg.append('title').attr('id', `${id}-title`).text(title);
    svg.append('rect').attr('width', width).attr('height', height).attr('fill', BACKGROUND);
    svg.append('text').attr('x', 8).attr('y', 14).attr('font-weight', 600).attr('font-size', 12).attr('fill', INK).text(title);
    // legend
    const legend = svg.append('g').attr('transform', `translate(8, 30)`).attr('font-size', 10.5).attr('fill', INK);
    [['raises the metric', PALETTE.blue], ['lowers the metric', PALETTE.vermillion]].forEach(([text, color], i) => {
      const g = legend.append('g').attr('transform', `translate(${i * 190},0)`);
      g.append('rect').attr('y', -9).attr('width', 14).attr('height', 10).attr('fill', color);
      g.append('text').attr('x', 19).attr('y', 0).text(`${text} (S ${i === 0 ? '> 0' : '< 0'})`);
    });
    const g = svg.append('g').attr('transform', `translate(${LABEL_W},${MARGIN.top})`);
    const ih = Math.max(1, bars.length) * ROW;
    g.append('g').selectAll('line').data(x.ticks(6)).join('line')
      .attr('x1', (d) => x(d)).attr('x2', (d) => x(d)).attr('y1', 0).attr('y2', ih).attr('stroke', GRID);
    const axis = g.append('g').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x).ticks(6));
    axis.selectAll('text').attr('fill', INK);
    axis.selectAll('line,path').attr('stroke', MUTED_INK);
    g.append('text').attr('x', iw / 2).attr('y', ih + 34).attr('text-anchor', 'middle').attr('fill', INK)
      .text('normalised sensitivity S (% change in metric per % change in parameter)');
    const rows = g.selectAll('g.bar').data(bars).join('g').attr('class', 'bar')
      .attr('data-parameter', (d) => d.parameterId)
      .attr('transform', (_, i) => `translate(0,${i * ROW})`);
    rows.append('title').text((d) => tooltip(d, specOf(d.parameterId)));
    rows.append('rect').attr('x', -LABEL_W).attr('width', LABEL_W + iw).attr('height', ROW).attr('fill', 'transparent');
    rows.append('rect')
      .attr('x', (d) => Math.min(x(0), x(d.s))).attr('width', (d) => Math.max(1, Math.abs(x(d.s) - x(0))))
      .attr('y', 4).attr('height', ROW - 8)
      .attr('fill', (d) => (d.s > 0 ? PALETTE.blue : PALETTE.vermillion));
    rows.append('text').attr('x', -8).attr('y', ROW / 2 + 4).attr('text-anchor', 'end').attr('fill', INK)
      .text((d) => clipText(labelOf(d.parameterId), 36));
    rows.append('text').attr('class', 'value')
      .attr('x', (d) => (d.s > 0 ? x(d.s) + 4 : x(d.s) - 4)).attr('y', ROW / 2 + 4)
      .attr('text-anchor', (d) => (d.s > 0 ? 'start' : 'end')).attr('fill', INK)
      .text((d) => formatS(d.s));
    g.append('line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', 0).attr('y2', ih).attr('stroke', INK);

    const summary = document.createElement('p');
    summary.className = 'sr-only';
    summary.id = `${id}-summary`;
    summary.textContent = bars.length
      ? `${title}. ` + bars.slice(0, 5).map((b) => `${labelOf(b.parameterId)}: S = ${formatS(b.s)} (a 1 % rise ${b.s > 0 ? 'raises' : 'lowers'} it by ${formatS(Math.abs(b.s))} %)`).join('; ') + '.'
      : `${title}: no parameter changes this metric.`;
    this.figure.append(summary);
    this.renderTable(bars, specOf, metric.label);
    const rest = r.parameterIds.length - bars.length - ranked.zero - ranked.undefinedCount;
    this.note.textContent = [
      rest > 0 ? `${rest} smaller non-zero sensitivities not shown.` : '',
      ranked.zero ? `${ranked.zero} parameter${ranked.zero === 1 ? ' has' : 's have'} no effect on this metric here.` : '',
      ranked.undefinedCount ? `${ranked.undefinedCount} undefined (the parameter or the metric is 0 at baseline, so a relative change has no meaning).` : '',
    ].filter(Boolean).join(' ');
  }

  /**
   * The bars as a table in a disclosure: the same numbers for keyboard and screen-reader users (a title tooltip
   * needs a mouse), plus each parameter's value, unit and source in full.
   */
  private renderTable(bars: readonly RankedSensitivity[], specOf: (id: string) => ParameterSpec | undefined, metricLabel: string): void {
    const scenario = this.lastScenario;
    const rows = bars.map((b) => {
      const s = specOf(b.parameterId);
      const value = scenario?.parameters?.[b.parameterId] ?? s?.value ?? NaN;
      return h('tr', { 'data-parameter': b.parameterId },
        h('th', { scope: 'row' }, s?.label ?? b.parameterId, h('br', {}), h('span', { class: 'unit' }, b.parameterId)),
        h('td', { class: 'num' }, formatS(b.s)),
        h('td', { class: 'num' }, formatSignificant(value)),
        h('td', { class: 'unit' }, s?.unit ?? ''),
        h('td', { class: 'hint' }, s?.source ?? ''));
    });
    const open = this.tableHost.querySelector('details')?.open ?? false;
    this.tableHost.replaceChildren(h('details', { open },
      h('summary', {}, 'The bars as a table, with each parameter’s value and source'),
      h('table', {},
        h('caption', { class: 'research-caption' }, `Normalised sensitivity S of ${metricLabel}`),
        h('thead', {}, h('tr', {}, ...['Parameter', 'S', 'Value', 'Unit', 'Source'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...rows))));
  }

  private exportCsv(): void {
    if (!this.last) return;
    const csv = sensitivitiesToCsv(this.last, [
      'LDN Lab local sensitivity: S = (dm/m)/(dp/p) by central differences (relative step 1e-3); empty = undefined (metric 0 at baseline)',
      `scenario: ${JSON.stringify(this.lastScenario)}`,
    ]);
    saveFile(this.deps, 'ldn-sensitivities.csv', csv, 'text/csv');
  }

  dispose(): void {
    this.controls.dispose();
  }
}

function tooltip(d: RankedSensitivity, spec: ParameterSpec | undefined): string {
  if (!spec) return `${d.parameterId}: S = ${formatValue(d.s, 3)}`;
  return `${spec.label ?? spec.id} (${spec.id}): S = ${formatValue(d.s, 3)}\n` +
    `Default ${formatSignificant(spec.value)} ${spec.unit}; range ${formatSignificant(spec.min)}–${formatSignificant(spec.max)} ${spec.unit}\n` +
    `${spec.meaning}\nSource: ${spec.source}`;
}

function clipText(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
