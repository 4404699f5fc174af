import type { PopulationResult } from '../../engine/population/simulatePopulation';
import type { ParameterSpec } from '../../../models/types';
import { OBSERVABLE_SPECS } from '../../../models/index';
import { h, uniqueId } from '../dom/h';
import { PALETTE } from '../theme/palette';
import { formatValue } from '../charts/formatValue';
import { renderLineChart } from './renderLineChart';
import { RunControls, describeError } from './RunControls';
import { displayUnit, observableSpec, parameterSpecsFor, saveFile, type ResearchDeps } from './researchDeps';
import { bandsToCsv } from './researchCsv';
import { LONG_CALL_MS } from './researchBackend';
import type { Scenario } from '../../engine/scenario/types';

/**
 * Virtual population: N subjects whose parameters vary log-normally (one CV for the chosen parameter groups) around
 * the current scenario, summarised as percentile bands (5–95 % and 25–75 %) with the median. The N curves never
 * come back from the worker — only the bands — so 10,000 subjects cost the page no more than 200.
 */
export const MAX_POPULATION = 10_000;
export const POPULATION_PERCENTILES = [5, 25, 50, 75, 95] as const;

export type VariedGroups = 'pk' | 'pk_binding' | 'all';
const VARY_LABELS: Record<VariedGroups, string> = {
  pk: 'Pharmacokinetics (absorption, bioavailability, clearance, volumes)',
  pk_binding: 'Pharmacokinetics + brain binding',
  all: 'Every model parameter',
};

/** Parameters varied for a choice of groups (only positive ones: a log-normal around 0 stays 0). */
export function variedParameters(specs: readonly ParameterSpec[], groups: VariedGroups, values: (s: ParameterSpec) => number): string[] {
  const keep = groups === 'pk' ? ['pk'] : groups === 'pk_binding' ? ['pk', 'binding'] : null;
  return specs.filter((s) => (keep ? keep.includes(s.group) : true) && values(s) > 0).map((s) => s.id);
}

export class PopulationPanel {
  readonly element: HTMLElement;
  private readonly subjects: HTMLInputElement;
  private readonly seed: HTMLInputElement;
  private readonly cv: HTMLInputElement;
  private readonly vary: HTMLSelectElement;
  private readonly observable: HTMLSelectElement;
  private readonly errors: HTMLElement;
  private readonly controls: RunControls;
  private readonly figure: HTMLElement;
  private readonly note: HTMLElement;
  private last: PopulationResult | null = null;
  private lastVaried: string[] = [];
  private lastCv = 0;
  private lastSeed = 0;
  private lastScenario: Scenario | null = null;
  private readonly exportButton: HTMLButtonElement;

  constructor(private readonly deps: ResearchDeps) {
    const ids = { n: uniqueId('pop-n'), seed: uniqueId('pop-seed'), cv: uniqueId('pop-cv'), vary: uniqueId('pop-vary'), obs: uniqueId('pop-obs') };
    this.subjects = h('input', { type: 'number', id: ids.n, min: 1, max: MAX_POPULATION, step: 1, value: 200, 'data-field': 'subjects' });
    this.seed = h('input', { type: 'number', id: ids.seed, step: 1, value: 1, 'data-field': 'seed' });
    this.cv = h('input', { type: 'number', id: ids.cv, min: 0, max: 200, step: 5, value: 30, 'data-field': 'cv' });
    this.vary = h('select', { id: ids.vary, 'data-field': 'vary' },
      ...(Object.keys(VARY_LABELS) as VariedGroups[]).map((k) => h('option', { value: k }, VARY_LABELS[k])));
    this.observable = h('select', { id: ids.obs, 'data-field': 'observable' },
      ...OBSERVABLE_SPECS.map((o) => h('option', { value: o.id, selected: o.id === 'mor_occupancy' }, o.label)));
    this.observable.addEventListener('change', () => this.render());
    this.errors = h('p', { class: 'field-error', role: 'alert' });
    this.controls = new RunControls('Run population', deps.backend.cancellable === true, () => void this.run(),
      'Each subject is the current scenario with its parameters drawn from a log-normal distribution (same seed → same population). ' +
        'N subjects cost N simulations: thousands of subjects of a long scenario take minutes.');
    this.exportButton = this.controls.addButton('Download bands (CSV)', 'export-bands', () => this.exportCsv());
    this.figure = h('figure', { 'data-population-chart': '' });
    this.note = h('p', { class: 'hint', 'data-population-note': '' });
    for (const i of [this.subjects, this.seed, this.cv]) i.style.width = '8em';
    for (const s of [this.vary, this.observable]) s.style.width = 'auto';
    const field = (id: string, label: string, input: HTMLElement, unit = '') => {
      const wrap = h('span', { class: 'research-field' }, input, unit ? h('span', { class: 'unit' }, unit) : null);
      wrap.style.display = 'flex';
      wrap.style.alignItems = 'center';
      wrap.style.gap = '6px';
      return [h('label', { for: id }, label), wrap];
    };
    this.element = h('section', { class: 'research-tool', 'data-tool': 'population' },
      h('div', { class: 'grid2 research-form' },
        ...field(ids.n, 'Subjects', this.subjects, `1–${MAX_POPULATION.toLocaleString('en')}`),
        ...field(ids.seed, 'Random seed', this.seed),
        ...field(ids.cv, 'Variability (CV)', this.cv, '%'),
        ...field(ids.vary, 'Parameters that vary', this.vary),
        ...field(ids.obs, 'Show', this.observable)),
      this.errors, this.controls.element, this.figure, this.note);
  }

  setInputs(v: { subjects?: number; seed?: number; cvPercent?: number; vary?: VariedGroups; observable?: string }): void {
    if (v.subjects !== undefined) this.subjects.value = String(v.subjects);
    if (v.seed !== undefined) this.seed.value = String(v.seed);
    if (v.cvPercent !== undefined) this.cv.value = String(v.cvPercent);
    if (v.vary) this.vary.value = v.vary;
    if (v.observable) {
      this.observable.value = v.observable;
      this.render();
    }
  }

  result(): PopulationResult | null {
    return this.last;
  }

  /** Read and check the form; null (and a message naming the field) when something is off. */
  private readInputs(): { subjects: number; seed: number; cv: number } | null {
    const bad = (input: HTMLInputElement, message: string) => {
      input.setAttribute('aria-invalid', 'true');
      this.errors.textContent = message;
      input.focus();
      return null;
    };
    for (const i of [this.subjects, this.seed, this.cv]) i.removeAttribute('aria-invalid');
    this.errors.textContent = '';
    const n = Number(this.subjects.value);
    if (this.subjects.value.trim() === '' || !Number.isInteger(n) || n < 1 || n > MAX_POPULATION) {
      return bad(this.subjects, `Subjects must be a whole number from 1 to ${MAX_POPULATION.toLocaleString('en')}; got "${this.subjects.value}".`);
    }
    const seed = Number(this.seed.value);
    if (this.seed.value.trim() === '' || !Number.isInteger(seed) || Math.abs(seed) > 2 ** 31) {
      return bad(this.seed, `Random seed must be a whole number (e.g. 1); got "${this.seed.value}".`);
    }
    const cv = Number(this.cv.value);
    if (this.cv.value.trim() === '' || !Number.isFinite(cv) || cv < 0 || cv > 200) {
      return bad(this.cv, `Variability (CV) must be between 0 and 200 %; got "${this.cv.value}".`);
    }
    return { subjects: n, seed, cv: cv / 100 };
  }

  async run(): Promise<void> {
    const inputs = this.readInputs();
    if (!inputs) return;
    const scenario = this.deps.getScenario();
    const specs = parameterSpecsFor(this.deps, scenario.hypotheses);
    const overrides = scenario.parameters ?? {};
    const varied = variedParameters(specs, this.vary.value as VariedGroups, (s) => overrides[s.id] ?? s.value);
    const variability = Object.fromEntries(varied.map((id) => [id, inputs.cv]));
    const { signal, token } = this.controls.begin(`Simulating ${inputs.subjects.toLocaleString('en')} subjects…`);
    let result: PopulationResult;
    try {
      result = await this.deps.backend.population(scenario, {
        subjects: inputs.subjects, seed: inputs.seed, variability, percentiles: [...POPULATION_PERCENTILES],
      }, { signal, timeoutMs: LONG_CALL_MS });
    } catch (e) {
      if (this.controls.isLatest(token)) this.controls.end(token, `The population could not run: ${describeError(e)}`, true);
      return;
    }
    if (!this.controls.isLatest(token)) return;
    if (result.status.code !== 'ok') {
      this.controls.end(token, `The population could not run: ${result.status.message}`, true);
      return;
    }
    this.last = result;
    this.lastVaried = varied;
    this.lastCv = inputs.cv;
    this.lastSeed = inputs.seed;
    this.lastScenario = scenario;
    this.exportButton.disabled = false;
    this.render();
    const ok = result.subjects - result.failed;
    this.controls.end(token, `${ok.toLocaleString('en')} of ${result.subjects.toLocaleString('en')} subjects simulated` +
      (result.failed ? `; ${result.failed} failed and are left out of the bands (first: ${result.firstFailure?.message ?? 'unknown'}).` : '.'),
    result.failed > 0);
  }

  /** Draw the last results again at the current width (after a resize or when the tab is shown). */
  redraw(): void {
    if (this.element.clientWidth > 0) this.render();
  }

  private render(): void {
    const r = this.last;
    if (!r) return;
    const id = this.observable.value;
    const spec = observableSpec(id);
    const { unit, factor } = displayUnit(spec);
    const b = r.bands[id];
    if (!b) {
      this.figure.replaceChildren(h('p', { class: 'hint' }, `No bands for ${id}.`));
      return;
    }
    const label = spec?.label ?? id;
    const width = Math.max(320, Math.min(1100, this.element.clientWidth || 800));
    const t = r.time_h;
    const end = t.length - 1;
    const n = r.subjects - r.failed;
    const d = factor === 100 ? 1 : 3;
    const at = (q: number, i: number) => formatValue(b[String(q)][i] * factor, d);
    let peakI = 0;
    const med = b['50'];
    for (let i = 1; i < med.length; i++) if (med[i] > med[peakI]) peakI = i;
    renderLineChart(this.figure, {
      title: `${label}: ${n.toLocaleString('en')} virtual subjects`,
      xLabel: 'time (h)',
      yLabel: unit ? `${label} (${unit})` : label,
      width, height: 300,
      yDomain: spec?.unit === 'fraction' ? [0, 100] : undefined,
      bands: [
        { label: '5–95 % of subjects', color: PALETTE.blue, t, lo: b['5'], hi: b['95'], opacity: 0.16, factor },
        { label: '25–75 %', color: PALETTE.blue, t, lo: b['25'], hi: b['75'], opacity: 0.3, factor },
      ],
      lines: [{ label: 'median', color: PALETTE.blue, t, y: med, factor }],
      refs: spec?.unit === 'rel' ? [{ y: 1, label: 'baseline' }] : spec?.id === 'mor_occupancy' ? [{ y: 50, label: '50 %' }] : [],
      summary: `${label} in ${n} virtual subjects over 0–${formatValue(t[end], 0)} h. The median peaks at ${at(50, peakI)} ${unit} at ${formatValue(t[peakI], 1)} h ` +
        `(90 % of subjects between ${at(5, peakI)} and ${at(95, peakI)}). At the end the median is ${at(50, end)} ${unit}, ` +
        `90 % of subjects between ${at(5, end)} and ${at(95, end)}.`,
    });
    this.note.textContent = `Varied (CV ${formatValue(this.lastCv * 100, 0)} %): ${this.lastVaried.join(', ')}. ` +
      'Band = 5th–95th percentile at each time point (not the curve of any one subject).';
  }

  private exportCsv(): void {
    const r = this.last;
    if (!r) return;
    const id = this.observable.value;
    const spec = observableSpec(id);
    const csv = bandsToCsv(r, id, [
      `LDN Lab virtual population: percentiles of ${id} (${spec?.unit ?? ''}) at each time`,
      `subjects ${r.subjects} (failed ${r.failed}), seed ${this.lastSeed}, CV ${this.lastCv} on ${this.lastVaried.join(' ')}`,
      `scenario: ${JSON.stringify(this.lastScenario)}`,
    ]);
    saveFile(this.deps, `ldn-population-${id}.csv`, csv, 'text/csv');
  }

  dispose(): void {
    this.controls.dispose();
  }
}
