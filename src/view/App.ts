import type { EngineClient } from './client/types';
import type { SimulationResult } from '../engine/result';
import type { Scenario } from '../engine/scenario/types';
import type { ParameterSpec } from '../../models/types';
import type { Hypotheses } from '../../models/types';
import { validateScenario } from '../engine/scenario/validateScenario';
import { parseScenarioJson } from '../engine/scenario/parseScenarioJson';
import { formatRegimen } from '../engine/regimen/formatRegimen';
import { ChartGroup } from './charts/ChartGroup';
import { ALL_PANELS } from './charts/panelSpecs';
import { h, uniqueId } from './dom/h';
import { createUpdateLoop, type UpdateLoop } from './sim/createUpdateLoop';
import { DEFAULT_CURRENT, DEFAULT_PINNED, PRESETS, presetById } from './presets';
import { RegimenEditor } from './controls/RegimenEditor';
import { ParameterPanel } from './controls/ParameterPanel';
import { HypothesisPanel } from './controls/HypothesisPanel';
import { ComedicationEditor } from './controls/ComedicationEditor';
import { MetricsTable } from './metrics/MetricsTable';
import { decodeUrlState, encodeUrlState } from './state/urlState';
import { loadLastGood, saveLastGood } from './state/autosave';
import { resultToCsv } from './export/resultToCsv';
import { chartsToSvg } from './export/chartsToSvg';
import { svgToPng } from './export/svgToPng';
import { downloadBlob } from './export/downloadBlob';
import { LessonPanel } from './lessons/LessonPanel';

/**
 * The explorer (issue 5). Owns the scenario state (B being edited, A pinned), wires the controls to the update loop
 * and the charts, and keeps the URL and the autosave in step. It never runs the engine itself: every simulation
 * goes through the EngineClient (a Web Worker), so nothing heavy lands on the main thread.
 */
export interface AppOptions {
  readonly client: EngineClient;
  /** The model's parameter specs for a hypothesis set (metadata only: models/index.ts createModel(h).parameters). */
  readonly parameterSpecs: (hypotheses: Hypotheses | undefined) => readonly ParameterSpec[];
  /** Where files go (tests capture them); default: a browser download. */
  readonly download?: (filename: string, blob: Blob) => void;
  /** Keep the URL fragment in step with the state (default true). */
  readonly syncUrl?: boolean;
  /** Read and write the autosave (default true). */
  readonly autosave?: boolean;
  /** Base URL of public/ files (lessons); default "./". */
  readonly publicBase?: string;
}

export const DISCLAIMER = 'For education and research only — not dosing advice.';

interface Run {
  readonly scenario: Scenario;
  readonly result: SimulationResult;
}

export class App {
  readonly element: HTMLElement;
  private current: Scenario;
  private currentRun: Run | null = null;
  private pinned: Run | null = null;
  private pinnedPending: Scenario | null = null;
  private readonly charts: ChartGroup;
  private readonly loop: UpdateLoop;
  private readonly regimen: RegimenEditor;
  private readonly params: ParameterPanel;
  private readonly hyp: HypothesisPanel;
  private readonly comed: ComedicationEditor;
  private readonly metrics: MetricsTable;
  private readonly status: HTMLElement;
  private readonly busy: HTMLElement;
  private readonly presetSelect: HTMLSelectElement;
  private readonly buttons: Record<string, HTMLButtonElement> = {};
  private readonly toggles: Record<string, HTMLInputElement> = {};
  private readonly lessons: LessonPanel;
  /** Where main.ts mounts the research tools (src/view/research): a closed <details> under the metrics. */
  readonly researchHost: HTMLElement;
  private log = false;
  private diff = false;
  private present = false;
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly download: (filename: string, blob: Blob) => void;
  private disposed = false;
  private readonly onHashChange = (): void => {
    this.restoreFromUrl();
  };

  constructor(root: HTMLElement, private readonly options: AppOptions) {
    this.download = options.download ?? downloadBlob;
    this.current = DEFAULT_CURRENT;

    // ---------- header ----------
    this.presetSelect = h('select', { id: 'preset', 'data-control': 'preset', 'aria-label': 'Load a preset scenario' },
      h('option', { value: '' }, 'Load a preset…'),
      ...PRESETS.map((p) => h('option', { value: p.id }, p.label)));
    this.presetSelect.addEventListener('change', (e) => {
      const p = presetById(this.presetSelect.value);
      this.presetSelect.value = '';
      if (p) this.load(p.scenario, e.timeStamp);
    });
    const header = h('header', { class: 'app-header' },
      h('div', { class: 'brand' },
        h('h1', {}, 'LDN Lab'),
        h('p', { class: 'tagline' }, 'Naltrexone at low (LDN) and standard doses: plasma, receptor blockade, the opioid system and inflammation')),
      h('p', { class: 'disclaimer', 'data-disclaimer': '' }, DISCLAIMER),
      h('div', { class: 'header-actions' },
        this.button('present', 'Presentation mode', () => this.setPresentation(!this.present), 'Large fonts for projectors (P)'),
        this.button('controls', 'Hide controls', () => this.toggleControls())));

    // ---------- sidebar: scenario controls ----------
    this.regimen = new RegimenEditor({ onChange: (v, t) => this.edit({ regimen: v.regimen, duration_h: v.duration_h, name: undefined }, t) });
    this.hyp = new HypothesisPanel((v, t) => this.edit({ hypotheses: v.hypotheses, patient: v.patient }, t));
    this.comed = new ComedicationEditor((c, t) => this.edit({ comedication: c ?? undefined }, t));
    this.params = new ParameterPanel({ onChange: (o, t) => this.edit({ parameters: o }, t) });
    const importId = uniqueId('import-json');
    const importInput = h('input', { type: 'file', accept: 'application/json,.json', id: importId, class: 'visually-hidden-file', 'data-control': 'import' });
    importInput.addEventListener('change', () => void this.importFile(importInput));
    const sidebar = h('aside', { class: 'controls', 'aria-label': 'Scenario controls' },
      h('section', { class: 'card' }, h('h2', {}, 'Scenario B'), this.presetSelect,
        h('div', { class: 'row buttons' },
          importInput, h('label', { class: 'button small', for: importId }, 'Import JSON…'))),
      h('section', { class: 'card' }, h('h2', {}, 'Naltrexone regimen'), this.regimen.element),
      h('section', { class: 'card' }, h('h2', {}, 'Patient and hypotheses'), this.hyp.element),
      h('section', { class: 'card' }, h('h2', {}, 'Opioid co-medication'),
        h('p', { class: 'hint' }, 'Naltrexone blocks opioid analgesics and can precipitate withdrawal: shown for teaching.'),
        this.comed.element),
      h('section', { class: 'card' }, h('h2', {}, 'Model parameters'),
        h('p', { class: 'hint' }, 'Hover a name or press its “i” button for the meaning, range and source.'),
        this.resetAllButton(), this.params.element));

    // ---------- main: toolbar, charts, metrics ----------
    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-status': '' });
    this.busy = h('span', { class: 'busy', 'aria-hidden': 'true', hidden: true }, 'Simulating…');
    const toolbar = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Chart and comparison tools' },
      h('div', { class: 'tool-group' },
        this.button('pin', 'Pin B as A', () => this.pin(), 'Keep the current curves as dashed ghost curves (A) to compare against'),
        this.button('swap', 'Swap A ↔ B', () => this.swap()),
        this.button('unpin', 'Clear A', () => this.unpin()),
        this.toggle('diff', 'Difference B − A', (on) => { this.diff = on; this.charts.setDifference(on); this.scheduleUrl(); })),
      h('div', { class: 'tool-group' },
        this.toggle('log', 'Log scale (plasma)', (on) => { this.log = on; this.charts.setLog('plasma', on); this.scheduleUrl(); }),
        this.button('reset-zoom', 'Reset zoom', () => this.charts.setZoom(null))),
      h('div', { class: 'tool-group' },
        h('span', { class: 'tool-label' }, 'Export'),
        this.button('export-png', 'PNG', () => void this.exportPng()),
        this.button('export-svg', 'SVG', () => this.exportSvg()),
        this.button('export-csv', 'CSV', () => this.exportCsv()),
        this.button('export-json', 'JSON', () => this.exportJson()),
        this.button('copy-link', 'Copy link', () => void this.copyLink())),
      this.busy);
    const chartHost = h('div', { class: 'chart-host' });
    this.metrics = new MetricsTable();
    this.lessons = new LessonPanel({
      base: options.publicBase ?? './',
      onStep: (step) => {
        if (step.pinned) this.setPinnedScenario(step.pinned);
        else if (step.pinned === null) this.unpin();
        if (step.scenario) this.load(step.scenario, performance.now());
        if (step.log !== undefined) this.setLog(step.log);
      },
    });
    this.researchHost = h('div', { class: 'research-host' });
    const research = h('details', { class: 'research card', 'data-section': 'research' },
      h('summary', {}, h('span', { class: 'summary-title' }, 'Research tools'),
        h('span', { class: 'hint' }, ' — compare hypotheses, populations, sensitivity, fit to data')),
      this.researchHost);
    const main = h('main', { class: 'workspace', id: 'main' }, toolbar, this.status, chartHost, this.metrics.element, this.lessons.element, research,
      h('footer', { class: 'app-footer' }, h('p', {}, DISCLAIMER), h('p', { class: 'hint' },
        'Model time starts at midnight of day 1. Shaded bands: sleep window 23:00–07:00. Triangles: doses (filled B, hollow A). ',
        'Solid lines: scenario B; dashed: pinned scenario A.')));

    this.element = h('div', { class: 'app' }, header, h('div', { class: 'app-body' }, sidebar, main));
    root.replaceChildren(this.element);
    this.charts = new ChartGroup(chartHost, { panels: ALL_PANELS, onZoom: () => this.scheduleUrl() });

    this.loop = createUpdateLoop(options.client, {
      draw: (result, scenario) => this.onResult(result, scenario),
      fail: (error) => {
        this.updateBusy();
        this.setStatus(`The simulation could not run: ${error instanceof Error ? error.message : String(error)}. The last good curves stay.`, true);
      },
    });

    document.addEventListener('keydown', this.onGlobalKey);
    if (options.syncUrl !== false) window.addEventListener('hashchange', this.onHashChange);
    this.start();
  }

  /** The scenario being edited (B), as last accepted. */
  scenario(): Scenario {
    return this.current;
  }

  /** Merge parameter values into scenario B (the research Fit tool's "apply"); refused like any edit if invalid. */
  applyParameters(values: Readonly<Record<string, number>>): void {
    const parameters = { ...(this.current.parameters ?? {}), ...values };
    this.params.set(this.specsFor(this.current.hypotheses), parameters);
    this.edit({ parameters }, performance.now());
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.busyTimer);
    this.loop.cancel();
    clearTimeout(this.urlTimer);
    document.removeEventListener('keydown', this.onGlobalKey);
    window.removeEventListener('hashchange', this.onHashChange);
    this.charts.dispose();
    this.element.remove();
  }

  // ---------- start-up: URL → autosave → defaults ----------
  private start(): void {
    if (this.options.syncUrl !== false && location.hash.length > 1 && this.restoreFromUrl()) return;
    const saved = this.options.autosave === false ? null : loadLastGood();
    if (saved) {
      const c = this.validate(saved.current);
      if (c.ok) {
        const p = saved.pinned ? this.validate(saved.pinned) : null;
        if (p && p.ok) this.setPinnedScenario(p.scenario);
        this.load(c.scenario, performance.now());
        this.setStatus('Restored your last scenario.');
        return;
      }
    }
    // opening view (issue 2): LDN vs 50 mg; plasma on a log scale so the 10-fold lower LDN curve is visible
    this.setLog(true);
    this.setPinnedScenario(DEFAULT_PINNED);
    this.load(DEFAULT_CURRENT, performance.now());
  }

  /** Apply the state in location.hash; false when it holds no usable scenario. */
  private restoreFromUrl(): boolean {
    const hash = location.hash;
    if (hash === this.lastHash) return true;
    const specs = this.options.parameterSpecs(undefined);
    const d = decodeUrlState(hash, { parameterSpecs: specs });
    if (!d.current) return false;
    if (!d.current.ok) {
      this.setStatus(`The link could not be opened — ${d.current.status.message} Showing the default scenarios instead.`, true, true);
      return false;
    }
    const cur = this.validate(d.current.scenario);
    if (!cur.ok) {
      this.setStatus(`The link could not be opened — ${cur.status.message} Showing the default scenarios instead.`, true, true);
      return false;
    }
    this.setLog(d.log);
    this.diff = d.diff;
    this.toggles.diff.checked = d.diff;
    this.charts.setDifference(d.diff);
    this.setPresentation(d.present);
    this.pendingZoom = d.zoom;
    if (d.pinned?.ok) {
      const p = this.validate(d.pinned.scenario);
      if (p.ok) this.setPinnedScenario(p.scenario);
    } else if (!d.pinned) this.unpin(false);
    this.load(cur.scenario, performance.now(), false);
    this.lastHash = hash;
    return true;
  }

  private lastHash = '';
  private pendingZoom: readonly [number, number] | null = null;

  // ---------- editing ----------
  private validate(doc: unknown): ReturnType<typeof validateScenario> {
    const hypotheses = (doc && typeof doc === 'object' ? (doc as { hypotheses?: Hypotheses }).hypotheses : undefined);
    let specs: readonly ParameterSpec[] = [];
    try {
      specs = this.options.parameterSpecs(hypotheses);
    } catch {
      /* unknown hypotheses: validateScenario reports them */
    }
    return validateScenario(doc, { parameterSpecs: specs });
  }

  /** Load a whole scenario into the controls and run it. */
  private load(scenario: Scenario, inputTime: number, updateUrl = true): void {
    const v = this.validate(scenario);
    if (!v.ok) {
      this.setStatus(`Refused: ${v.status.message}`, true);
      return;
    }
    this.current = v.scenario;
    this.regimen.set(v.scenario.regimen, v.scenario.duration_h);
    this.hyp.set(v.scenario.hypotheses, v.scenario.patient);
    this.comed.set(v.scenario.comedication);
    this.params.set(this.specsFor(v.scenario.hypotheses), v.scenario.parameters ?? {});
    this.loop.request(v.scenario, inputTime);
    this.updateBusy();
    if (updateUrl) this.scheduleUrl();
  }

  private specsFor(h: Hypotheses | undefined): readonly ParameterSpec[] {
    try {
      return this.options.parameterSpecs(h);
    } catch {
      return [];
    }
  }

  /** One control changed part of the scenario: validate the whole, refuse with the field named, or run it. */
  private edit(patch: Partial<Scenario>, inputTime: number): void {
    const next: Record<string, unknown> = { ...this.current, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    if ('hypotheses' in patch) {
      // a new hypothesis set can have other parameters: keep only the overrides it knows
      const specs = this.specsFor(patch.hypotheses);
      const kept: Record<string, number> = {};
      for (const [k, val] of Object.entries(this.current.parameters ?? {})) if (specs.some((s) => s.id === k)) kept[k] = val;
      next.parameters = kept;
      this.params.set(specs, kept);
    }
    if (next.parameters && Object.keys(next.parameters as object).length === 0) delete next.parameters;
    if (next.hypotheses && Object.keys(next.hypotheses as object).length === 0) delete next.hypotheses;
    const v = this.validate(next);
    if (!v.ok) {
      this.setStatus(`Refused — ${v.status.message} The last good curves stay.`, true);
      return;
    }
    this.setStatus('');
    this.current = v.scenario;
    this.charts.markLive(); // more edits are likely to follow (a slider): cheaper redraws until they stop
    this.loop.request(v.scenario, inputTime);
    this.updateBusy();
    this.scheduleUrl();
  }

  private onResult(result: SimulationResult, scenario: Scenario): void {
    if (this.disposed) return;
    this.updateBusy();
    if (result.status.code === 'INVALID_INPUT' || result.time_h.length === 0) {
      // nothing to draw: keep the last good curves and say why
      const why = result.status.code === 'INVALID_INPUT'
        ? `Refused — ${result.status.message}`
        : `The simulation failed (${result.status.code}) before its first output point: ${result.status.message || 'no data came back.'}`;
      this.setStatus(`${why} The last good curves stay.`, true);
      return;
    }
    this.currentRun = { scenario, result };
    if (result.status.code === 'ok') {
      if (this.statusIsError && !this.statusSticky) this.setStatus('');
      if (this.options.autosave !== false) saveLastGood({ current: scenario, pinned: this.pinned?.scenario });
    } else {
      this.setStatus(`The simulation stopped early (${result.status.code}): ${result.status.message} The part computed before the failure is drawn.`, true);
    }
    this.redraw();
    if (this.pendingZoom) {
      this.charts.setZoom(this.pendingZoom, false);
      this.pendingZoom = null;
    }
  }

  private redraw(): void {
    const cur = this.currentRun ? { result: this.currentRun.result, label: labelOf(this.currentRun.scenario) } : null;
    const pin = this.pinned ? { result: this.pinned.result, label: labelOf(this.pinned.scenario) } : null;
    this.charts.setData({ current: cur, pinned: pin });
    this.metrics.update(cur, pin);
    this.buttons.unpin.disabled = !this.pinned;
    this.buttons.swap.disabled = !this.pinned;
    this.toggles.diff.disabled = !this.pinned;
  }

  // ---------- compare A/B ----------
  private pin(): void {
    if (!this.currentRun) return;
    this.pinned = this.currentRun;
    this.pinnedPending = null;
    this.redraw();
    this.scheduleUrl();
    this.setStatus(`Pinned “${labelOf(this.pinned.scenario)}” as A. Change B to compare.`);
  }

  private unpin(updateUrl = true): void {
    this.pinned = null;
    this.pinnedPending = null;
    if (this.diff) {
      this.diff = false;
      this.toggles.diff.checked = false;
      this.charts.setDifference(false);
    }
    this.redraw();
    if (updateUrl) this.scheduleUrl();
  }

  private swap(): void {
    if (!this.pinned || !this.currentRun) return;
    const a = this.pinned;
    this.pinned = this.currentRun;
    this.load(a.scenario, performance.now());
  }

  /** Pin a scenario that has not run yet (presets, links, lessons): run it once through the client. */
  private setPinnedScenario(s: Scenario): void {
    const v = this.validate(s);
    if (!v.ok) return;
    this.pinnedPending = v.scenario;
    this.options.client.simulate(v.scenario).then(
      (result) => {
        if (this.disposed || this.pinnedPending !== v.scenario) return;
        this.pinnedPending = null;
        if (result.time_h.length === 0) {
          this.setStatus(`Scenario A could not run: ${result.status.message}`, true);
          return;
        }
        this.pinned = { scenario: v.scenario, result };
        this.redraw();
      },
      (error: unknown) => this.setStatus(`Scenario A could not run: ${error instanceof Error ? error.message : String(error)}`, true),
    );
  }

  // ---------- view options ----------
  private setLog(on: boolean): void {
    this.log = on;
    this.toggles.log.checked = on;
    this.charts.setLog('plasma', on);
  }

  private setPresentation(on: boolean): void {
    this.present = on;
    document.documentElement.classList.toggle('presentation', on);
    this.buttons.present.setAttribute('aria-pressed', String(on));
    this.charts.setAppearance(on ? 250 : 190, on ? 18 : 12);
    // a projector shows the charts; the controls come back with "Show controls" or on leaving the mode
    this.element.classList.toggle('controls-hidden', on);
    this.buttons.controls.textContent = on ? 'Show controls' : 'Hide controls';
    this.buttons.controls.setAttribute('aria-pressed', String(on));
    this.scheduleUrl();
  }

  private toggleControls(): void {
    const hidden = this.element.classList.toggle('controls-hidden');
    this.buttons.controls.textContent = hidden ? 'Show controls' : 'Hide controls';
    this.buttons.controls.setAttribute('aria-pressed', String(hidden));
  }

  private readonly onGlobalKey = (e: KeyboardEvent): void => {
    const t = e.target as HTMLElement | null;
    if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))) return;
    if (e.key === 'p' && !e.ctrlKey && !e.metaKey && !e.altKey) this.setPresentation(!this.present);
  };

  // ---------- URL and status ----------
  private scheduleUrl(): void {
    if (this.options.syncUrl === false) return;
    clearTimeout(this.urlTimer);
    // replaceState is rate-limited by browsers: write at most every 150 ms while a slider is dragged
    this.urlTimer = setTimeout(() => {
      const hash = encodeUrlState({
        current: this.current,
        pinned: this.pinned?.scenario ?? this.pinnedPending ?? undefined,
        log: this.log, diff: this.diff, zoom: this.charts.getZoom() ?? this.pendingZoom, present: this.present,
      });
      this.lastHash = hash;
      history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
    }, 150);
  }

  private statusIsError = false;
  /** A sticky message (a broken link) stays until the user changes something, not just until the next run. */
  private statusSticky = false;
  private setStatus(text: string, error = false, sticky = false): void {
    this.statusSticky = sticky;
    this.status.textContent = text;
    this.statusIsError = error && text !== '';
    this.status.classList.toggle('error', this.statusIsError);
  }

  // ---------- export / import ----------
  private fileBase(): string {
    return (labelOf(this.current).replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-|-$/g, '') || 'scenario').slice(0, 60);
  }

  private svgExport(): ReturnType<typeof chartsToSvg> {
    const heading = `LDN Lab — B: ${labelOf(this.current)}${this.pinned ? `  ·  A (dashed): ${labelOf(this.pinned.scenario)}` : ''}`;
    return chartsToSvg(this.charts.svgs(), heading, DISCLAIMER);
  }

  private exportSvg(): void {
    this.download(`ldn-lab-${this.fileBase()}.svg`, new Blob([this.svgExport().text], { type: 'image/svg+xml' }));
  }

  private async exportPng(): Promise<void> {
    try {
      this.download(`ldn-lab-${this.fileBase()}.png`, await svgToPng(this.svgExport()));
    } catch (e) {
      this.setStatus(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`, true);
    }
  }

  private exportCsv(): void {
    if (!this.currentRun) return;
    this.download(`ldn-lab-${this.fileBase()}.csv`, new Blob([resultToCsv(this.currentRun.result)], { type: 'text/csv' }));
    if (this.pinned) this.download(`ldn-lab-A-${this.fileBase()}.csv`, new Blob([resultToCsv(this.pinned.result)], { type: 'text/csv' }));
  }

  private exportJson(): void {
    this.download(`ldn-lab-${this.fileBase()}.json`, new Blob([`${JSON.stringify(this.current, null, 2)}\n`], { type: 'application/json' }));
  }

  private async copyLink(): Promise<void> {
    const hash = encodeUrlState({ current: this.current, pinned: this.pinned?.scenario, log: this.log, diff: this.diff, zoom: this.charts.getZoom(), present: this.present });
    const url = `${location.origin}${location.pathname}${hash}`;
    try {
      await navigator.clipboard.writeText(url);
      this.setStatus('Link copied: it reopens this exact view.');
    } catch {
      this.setStatus(`Copy this link: ${url}`);
    }
  }

  /** Import a scenario file: validated like everything else; a bad file is refused with the reason. */
  async importText(text: string, source = 'the file'): Promise<boolean> {
    const specs = this.specsFor(undefined);
    let r = parseScenarioJson(text, { parameterSpecs: specs });
    if (r.ok && r.scenario.hypotheses) r = this.validate(r.scenario);
    if (!r.ok) {
      this.setStatus(`Import refused — ${source}: ${r.status.message}`, true);
      return false;
    }
    this.load(r.scenario, performance.now());
    this.setStatus(`Imported ${labelOf(r.scenario)}.`);
    return true;
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > 1_000_000) {
      this.setStatus(`Import refused — ${file.name} is ${file.size} bytes; scenario files are at most 1 MB.`, true);
      return;
    }
    await this.importText(await file.text(), file.name);
  }

  /** "Simulating…" appears only when a run takes longer than 200 ms, so quick updates do not make it flicker. */
  private busyTimer: ReturnType<typeof setTimeout> | undefined;
  private updateBusy(): void {
    clearTimeout(this.busyTimer);
    if (!this.loop.busy) {
      this.busy.hidden = true;
      return;
    }
    this.busyTimer = setTimeout(() => {
      this.busy.hidden = !this.loop.busy || this.disposed;
    }, 200);
  }

  // ---------- small builders ----------
  private resetAllButton(): HTMLElement {
    const b = h('button', { type: 'button', class: 'small', 'data-control': 'reset-all-parameters' }, 'Reset all parameters');
    b.addEventListener('click', (e) => {
      this.params.set(this.specsFor(this.current.hypotheses), {});
      this.edit({ parameters: undefined }, e.timeStamp || performance.now());
    });
    return h('div', { class: 'group-actions' }, b);
  }

  private button(id: string, text: string, onClick: () => void, title?: string): HTMLButtonElement {
    const b = h('button', { type: 'button', 'data-control': id, title }, text);
    b.addEventListener('click', onClick);
    this.buttons[id] = b;
    return b;
  }

  private toggle(id: string, text: string, onChange: (on: boolean) => void): HTMLLabelElement {
    const input = h('input', { type: 'checkbox', 'data-control': id });
    input.addEventListener('change', () => onChange(input.checked));
    this.toggles[id] = input;
    return h('label', { class: 'toggle' }, input, text);
  }
}

/** A short human label for a scenario: its name, or its regimen. */
export function labelOf(s: Scenario): string {
  if (s.name) return s.name;
  const r = typeof s.regimen === 'string' ? s.regimen : formatRegimen(s.regimen.doses);
  return r.length > 48 ? `${r.slice(0, 47)}…` : r;
}
