import type { FitResult } from '../../engine/fit/fitToData';
import type { SimulationResult } from '../../engine/result';
import type { Scenario } from '../../engine/scenario/types';
import type { ParameterGroup, ParameterSpec } from '../../../models/types';
import { OBSERVABLE_SPECS } from '../../../models/index';
import { h, uniqueId } from '../dom/h';
import { PALETTE } from '../theme/palette';
import { formatValue } from '../charts/formatValue';
import { parseObservationsCsv, type ParsedObservation } from './parseObservationsCsv';
import { FIT_EXAMPLE_CSV, exampleParameters, fitExampleScenario } from './fitExample';
import { renderLineChart } from './renderLineChart';
import { formatSignificant } from './formatSignificant';
import { LONG_CALL_MS } from './researchBackend';
import { RunControls, describeError } from './RunControls';
import { displayUnit, observableSpec, parameterSpecsFor, saveFile, type ResearchDeps } from './researchDeps';

/**
 * Fit chosen parameters to the researcher's observations (CSV time_h,observable,value): least squares on a linear
 * or log scale, run in the backend. Shows the estimates against the start, the SSE before and after, and the data
 * over the start and fitted curves. Data files are parsed strictly (a bad row names its line and column) and
 * limited in size; their text only ever reaches the page through textContent and input values.
 */
export const MAX_CSV_CHARS = 200_000;
export const MAX_FIT_PARAMETERS = 6;

const GROUP_LABELS: Record<ParameterGroup, string> = {
  pk: 'Pharmacokinetics', binding: 'Brain exposure and binding', feedback: 'Opioid-system feedback',
  tlr4: 'TLR4 and cytokines', comedication: 'Co-medication', outcome: 'Outcome index (teaching)',
};

export interface FitRun {
  readonly scenario: Scenario;
  readonly data: readonly ParsedObservation[];
  readonly fit: FitResult;
  readonly start: SimulationResult;
  readonly fitted: SimulationResult;
  readonly residualScale: 'linear' | 'log';
}

export class FitPanel {
  readonly element: HTMLElement;
  private readonly csv: HTMLTextAreaElement;
  private readonly file: HTMLInputElement;
  private readonly csvError: HTMLElement;
  private readonly scenarioNote: HTMLElement;
  private readonly useMine: HTMLButtonElement;
  private readonly paramHost: HTMLElement;
  private readonly paramError: HTMLElement;
  private readonly scale: Record<'linear' | 'log', HTMLInputElement>;
  private readonly controls: RunControls;
  private readonly results: HTMLElement;
  private readonly charts: HTMLElement;
  private readonly checked = new Set<string>();
  private exampleScenario: Scenario | null = null;
  private last: FitRun | null = null;
  private readonly exportButton: HTMLButtonElement;

  constructor(private readonly deps: ResearchDeps) {
    const csvId = uniqueId('fit-csv');
    const fileId = uniqueId('fit-file');
    const scaleName = uniqueId('fit-scale');
    this.csv = h('textarea', { id: csvId, rows: 7, spellcheck: 'false', 'data-field': 'csv', class: 'research-csv', placeholder: 'time_h,observable,value\n1,mor_occupancy,0.95' });
    this.csv.style.width = '100%';
    this.csv.style.fontFamily = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace';
    this.csv.style.fontSize = '0.85rem';
    this.csv.addEventListener('input', () => this.clearCsvError());
    this.file = h('input', { type: 'file', id: fileId, accept: '.csv,text/csv,text/plain', class: 'visually-hidden-file', 'data-control': 'csv-file' });
    this.file.addEventListener('change', () => void this.loadFile());
    this.csvError = h('p', { class: 'field-error', role: 'alert', 'data-csv-error': '' });
    this.scenarioNote = h('p', { class: 'hint', 'data-fit-scenario': '' });
    this.useMine = h('button', { type: 'button', class: 'small', 'data-action': 'use-page-scenario', onclick: () => this.usePageScenario() }, 'Use the page’s scenario instead');
    this.paramHost = h('div', { class: 'research-params', 'data-fit-parameters': '' });
    this.paramError = h('p', { class: 'field-error', role: 'alert' });
    this.scale = {
      linear: h('input', { type: 'radio', name: scaleName, value: 'linear', checked: true, 'data-field': 'scale-linear' }),
      log: h('input', { type: 'radio', name: scaleName, value: 'log', 'data-field': 'scale-log' }),
    };
    this.controls = new RunControls('Fit', deps.backend.cancellable === true, () => void this.run(),
      'Nelder–Mead on log-parameters, each kept inside its range; predictions are interpolated on the output grid.');
    this.exportButton = this.controls.addButton('Download fit (JSON)', 'export-fit', () => this.exportJson());
    this.results = h('div', { class: 'metrics', 'data-fit-results': '' });
    this.charts = h('div', { 'data-fit-charts': '' });
    this.element = h('section', { class: 'research-tool', 'data-tool': 'fit' },
      h('h3', {}, '1. Observations'),
      h('p', { class: 'hint' }, 'CSV with a header time_h,observable,value; one observation per line; # starts a comment (put the source there). ',
        `Times in hours from the first dose of the scenario below. Up to ${MAX_CSV_CHARS.toLocaleString('en')} characters.`),
      h('label', { for: csvId, class: 'label' }, 'Data (CSV)'), this.csv, this.csvError,
      h('div', { class: 'row' },
        h('label', { class: 'button small', for: fileId }, 'Load a CSV file…'), this.file,
        h('button', { type: 'button', class: 'small', 'data-action': 'load-example', onclick: () => this.loadExample() }, 'Load example (Lee 1988 PET, 50 mg)')),
      h('div', { class: 'row' }, this.scenarioNote, this.useMine),
      h('h3', {}, '2. Parameters to estimate'),
      h('p', { class: 'hint' }, `Choose 1–${MAX_FIT_PARAMETERS}. Start values are the scenario’s; parameters at 0 cannot be fitted on the log scale.`),
      this.paramHost, this.paramError,
      h('fieldset', { class: 'research-fieldset' }, h('legend', {}, 'Residuals'),
        h('label', { class: 'toggle' }, this.scale.linear, 'linear (values of similar size, e.g. occupancy)'),
        h('label', { class: 'toggle' }, this.scale.log, 'log (concentrations spanning decades; values must be > 0)')),
      this.controls.element, this.results, this.charts);
    this.usePageScenario();
  }

  /** Rebuild the parameter list for the scenario the fit will use (call when the tool is shown). */
  refresh(): void {
    const scenario = this.fitScenario();
    this.scenarioNote.textContent = this.exampleScenario
      ? `Fitting against the example’s dosing: one 50 mg dose, followed for 168 h (hypotheses from the page).`
      : `Fitting against the page’s scenario: ${describeScenario(scenario)}.`;
    this.useMine.style.display = this.exampleScenario ? '' : 'none';
    const specs = parameterSpecsFor(this.deps, scenario.hypotheses);
    const value = (s: ParameterSpec) => scenario.parameters?.[s.id] ?? s.value;
    const groups = [...new Set(specs.map((s) => s.group))];
    this.paramHost.replaceChildren(...groups.map((g) => {
      const inGroup = specs.filter((s) => s.group === g);
      const n = inGroup.filter((s) => this.checked.has(s.id)).length;
      const list = h('div', { class: 'research-param-list' });
      list.style.display = 'grid';
      list.style.gridTemplateColumns = 'repeat(auto-fill, minmax(300px, 1fr))';
      list.style.gap = '2px 12px';
      list.append(...inGroup.map((s) => {
          const box = h('input', { type: 'checkbox', value: s.id, 'data-parameter': s.id, checked: this.checked.has(s.id), disabled: !(value(s) > 0) });
          box.addEventListener('change', () => {
            if (box.checked) this.checked.add(s.id);
            else this.checked.delete(s.id);
            this.paramError.textContent = '';
          });
          return h('label', { class: 'toggle research-param', title: `${s.meaning}\nRange ${formatValue(s.min, 4)}–${formatValue(s.max, 4)} ${s.unit}\nSource: ${s.source}` },
            box, `${s.label ?? s.id} `, h('span', { class: 'unit' }, `${formatSignificant(value(s))} ${s.unit}`));
        }));
      return h('details', { class: 'param-group', open: n > 0 || g === 'binding' },
        h('summary', {}, GROUP_LABELS[g] ?? g, ' ', h('span', { class: 'count' }, `(${inGroup.length})`)), list);
    }));
  }

  setCsv(text: string): void {
    this.csv.value = text;
    this.clearCsvError();
  }

  setParameters(ids: readonly string[]): void {
    this.checked.clear();
    for (const id of ids) this.checked.add(id);
    this.refresh();
  }

  setResidualScale(scale: 'linear' | 'log'): void {
    this.scale[scale].checked = true;
  }

  loadExample(): void {
    const scenario = this.deps.getScenario();
    this.exampleScenario = fitExampleScenario(scenario.hypotheses);
    this.setCsv(FIT_EXAMPLE_CSV);
    this.setResidualScale('linear');
    this.setParameters(exampleParameters(scenario.hypotheses));
  }

  usePageScenario(): void {
    this.exampleScenario = null;
    this.refresh();
  }

  lastRun(): FitRun | null {
    return this.last;
  }

  private fitScenario(): Scenario {
    return this.exampleScenario ?? this.deps.getScenario();
  }

  private clearCsvError(): void {
    this.csvError.textContent = '';
    this.csv.removeAttribute('aria-invalid');
  }

  private showCsvError(message: string): void {
    this.csvError.textContent = message;
    this.csv.setAttribute('aria-invalid', 'true');
  }

  private async loadFile(): Promise<void> {
    const f = this.file.files?.[0];
    this.file.value = '';
    if (!f) return;
    if (f.size > MAX_CSV_CHARS * 4) {
      this.showCsvError(`"${f.name}" is ${Math.round(f.size / 1024)} kB; the limit is about ${Math.round(MAX_CSV_CHARS / 1000)} kB of text.`);
      return;
    }
    this.setCsv(await f.text());
    const parsed = parseObservationsCsv(this.csv.value, { maxChars: MAX_CSV_CHARS, observableIds: OBSERVABLE_SPECS.map((o) => o.id) });
    if (!parsed.ok) this.showCsvError(parsed.message);
  }

  async run(): Promise<void> {
    const scenario = this.fitScenario();
    const parsed = parseObservationsCsv(this.csv.value, { maxChars: MAX_CSV_CHARS, observableIds: OBSERVABLE_SPECS.map((o) => o.id) });
    if (!parsed.ok) {
      this.showCsvError(parsed.message);
      this.csv.focus();
      return;
    }
    const late = parsed.rows.find((r) => r.time_h > scenario.duration_h);
    if (late) {
      this.showCsvError(`Line ${late.line}, column time_h: ${late.time_h} h is after the end of the scenario (${scenario.duration_h} h); lengthen the scenario or remove the row.`);
      return;
    }
    // fractions (occupancy, microglia, TLR4 inhibition) are 0–1 in the model; 95 is almost surely "95 %"
    const percent = parsed.rows.find((r) => observableSpec(r.observable)?.unit === 'fraction' && (r.value > 1 || r.value < 0));
    if (percent) {
      this.showCsvError(`Line ${percent.line}, column value: ${percent.observable} is a fraction from 0 to 1; ${percent.value} is outside it` +
        `${percent.value > 1 && percent.value <= 100 ? ` (for ${percent.value} % write ${percent.value / 100})` : ''}.`);
      return;
    }
    const log = this.scale.log.checked;
    const nonPositive = log ? parsed.rows.find((r) => !(r.value > 0)) : undefined;
    if (nonPositive) {
      this.showCsvError(`Line ${nonPositive.line}, column value: ${nonPositive.value} cannot be used with log residuals (values must be > 0); choose linear residuals.`);
      return;
    }
    const parameterIds = [...this.checked];
    if (parameterIds.length === 0 || parameterIds.length > MAX_FIT_PARAMETERS) {
      this.paramError.textContent = parameterIds.length === 0
        ? 'Choose at least one parameter to estimate.'
        : `Choose at most ${MAX_FIT_PARAMETERS} parameters (${parameterIds.length} chosen): a fit with more is rarely identifiable.`;
      return;
    }
    if (parsed.rows.length < parameterIds.length) {
      this.paramError.textContent = `${parsed.rows.length} observation${parsed.rows.length === 1 ? '' : 's'} cannot determine ${parameterIds.length} parameters: ` +
        'add data or estimate fewer parameters.';
      return;
    }
    this.paramError.textContent = '';
    const { signal, token } = this.controls.begin(`Fitting ${parameterIds.length} parameter${parameterIds.length > 1 ? 's' : ''} to ${parsed.rows.length} observations…`);
    let fit: FitResult;
    let start: SimulationResult;
    let fitted: SimulationResult;
    try {
      fit = await this.deps.backend.fit(scenario, parsed.rows.map(({ time_h, observable, value }) => ({ time_h, observable, value })),
        { parameterIds, residualScale: log ? 'log' : 'linear' }, { signal, timeoutMs: LONG_CALL_MS });
      if (!this.controls.isLatest(token)) return;
      if (fit.status.code !== 'ok') {
        const m = /^data\[(\d+)\]\.(\w+)$/.exec(fit.status.field ?? '');
        const where = m ? `Line ${parsed.rows[Number(m[1])]?.line}, column ${m[2]}: ` : '';
        this.controls.end(token, `The fit could not run: ${where}${fit.status.message}`, true);
        return;
      }
      this.controls.setStatus('Simulating the start and fitted curves…');
      start = await this.deps.backend.simulate(scenario, { signal });
      fitted = await this.deps.backend.simulate({ ...scenario, parameters: { ...scenario.parameters, ...fit.estimates } }, { signal });
    } catch (e) {
      if (this.controls.isLatest(token)) this.controls.end(token, `The fit could not run: ${describeError(e)}`, true);
      return;
    }
    if (!this.controls.isLatest(token)) return;
    this.last = { scenario, data: parsed.rows, fit, start, fitted, residualScale: log ? 'log' : 'linear' };
    this.exportButton.disabled = false;
    this.render();
    this.controls.end(token, `Fit ${fit.converged ? 'converged' : 'stopped at the evaluation limit (not converged)'} after ${fit.evaluations} simulations; ` +
      `SSE ${formatSignificant(fit.sseStart)} → ${formatSignificant(fit.sse)}.`, !fit.converged);
  }

  private render(): void {
    const run = this.last;
    if (!run) return;
    const { fit, scenario } = run;
    const specs = parameterSpecsFor(this.deps, scenario.hypotheses);
    const rows = Object.entries(fit.estimates).map(([id, est]) => {
      const s = specs.find((x) => x.id === id);
      const start = scenario.parameters?.[id] ?? s?.value ?? NaN;
      const atLimit = s && (Math.abs(est - s.min) <= 1e-9 * Math.abs(s.min || 1) || Math.abs(est - s.max) <= 1e-9 * Math.abs(s.max || 1));
      return h('tr', { 'data-parameter': id },
        h('th', { scope: 'row', title: s?.meaning ?? '' }, s?.label ?? id),
        h('td', { class: 'unit' }, s?.unit ?? ''),
        h('td', { class: 'num', 'data-start': '' }, formatSignificant(start)),
        h('td', { class: 'num', 'data-estimate': '' }, formatSignificant(est)),
        h('td', { class: 'num' }, formatValue(est / start, 3)),
        h('td', {}, atLimit ? 'at the range limit: the data may want a value outside the plausible range' : ''));
    });
    const apply = this.deps.onApplyParameters
      ? h('button', { type: 'button', 'data-action': 'apply-estimates', onclick: () => this.deps.onApplyParameters?.({ ...fit.estimates }) }, 'Apply estimates to the scenario')
      : null;
    this.results.replaceChildren(
      h('table', { 'data-fit-table': '' },
        h('caption', { class: 'research-caption' }, 'Estimates (least squares) against the start values'),
        h('thead', {}, h('tr', {}, ...['Parameter', 'Unit', 'Start', 'Estimate', 'Estimate ÷ start', ''].map((t, i) => {
          const th = h('th', { scope: 'col' }, t);
          if (i >= 2 && i <= 4) th.style.textAlign = 'right';
          return th;
        }))),
        h('tbody', {}, ...rows)),
      h('p', { 'data-sse': '' }, `Sum of squared residuals (${run.residualScale} scale): `,
        h('strong', {}, formatSignificant(fit.sseStart)), ' at the start → ', h('strong', {}, formatSignificant(fit.sse)), ' fitted',
        ` (${fit.evaluations} simulations, ${fit.converged ? 'converged' : 'not converged'}).`),
      h('div', { class: 'row' }, apply));
    this.renderCharts();
  }

  /** Draw the last results again at the current width (after a resize or when the tab is shown). */
  redraw(): void {
    if (this.element.clientWidth > 0) this.renderCharts();
  }

  private renderCharts(): void {
    const run = this.last;
    if (!run) return;
    const ids = [...new Set(run.data.map((d) => d.observable))].slice(0, 4);
    const width = Math.max(320, Math.min(1100, this.element.clientWidth || 800));
    this.charts.replaceChildren();
    for (const id of ids) {
      const spec = observableSpec(id);
      const { unit, factor } = displayUnit(spec);
      const label = spec?.label ?? id;
      const pts = run.data.filter((d) => d.observable === id);
      const fig = h('figure', { 'data-observable': id });
      this.charts.append(fig);
      const fStart = run.start.observables[id] ?? new Float64Array(0);
      const fFit = run.fitted.observables[id] ?? new Float64Array(0);
      const d = factor === 100 ? 1 : 3;
      renderLineChart(fig, {
        title: `${label}: data and model`,
        xLabel: 'time since start (h)',
        yLabel: unit ? `${label} (${unit})` : label,
        width, height: 280,
        yDomain: spec?.unit === 'fraction' ? [0, 100] : undefined,
        lines: [
          // fitted first, the dashed start on top: where the fit changed little both stay visible
          { label: 'fitted', color: PALETTE.blue, t: run.fitted.time_h, y: fFit, factor },
          { label: 'start', color: PALETTE.ochre, t: run.start.time_h, y: fStart, factor, dash: '6 4', width: 1.8 },
        ],
        points: [{ label: `data (n = ${pts.length})`, color: PALETTE.black, t: pts.map((p) => p.time_h), y: pts.map((p) => p.value), factor }],
        summary: `${label}: ${pts.length} observations with the model before and after the fit. ` +
          pts.map((p) => `At ${formatValue(p.time_h, 1)} h: observed ${formatValue(p.value * factor, d)}, fitted ${formatValue(run.fit.predictions[run.data.indexOf(p)] * factor, d)}${unit ? ` ${unit}` : ''}`)
            .slice(0, 12).join('; ') + '.',
      });
    }
  }

  /** Everything needed to repeat the fit: scenario, data, choices, and what came out. */
  private exportJson(): void {
    const r = this.last;
    if (!r) return;
    const doc = {
      tool: 'LDN Lab fit (Nelder–Mead on log-parameters, range-clamped)',
      scenario: r.scenario,
      data: r.data.map(({ time_h, observable, value }) => ({ time_h, observable, value })),
      parameterIds: Object.keys(r.fit.estimates),
      residualScale: r.residualScale,
      estimates: r.fit.estimates,
      sseStart: r.fit.sseStart,
      sse: r.fit.sse,
      evaluations: r.fit.evaluations,
      converged: r.fit.converged,
      predictions: Array.from(r.fit.predictions),
    };
    saveFile(this.deps, 'ldn-fit.json', `${JSON.stringify(doc, null, 2)}\n`, 'application/json');
  }

  dispose(): void {
    this.controls.dispose();
  }
}

function describeScenario(s: Scenario): string {
  const regimen = typeof s.regimen === 'string' ? s.regimen : `${s.regimen.doses.length} dose${s.regimen.doses.length === 1 ? '' : 's'}`;
  return `${s.name ? `${s.name}, ` : ''}${regimen}, ${s.duration_h} h`;
}
