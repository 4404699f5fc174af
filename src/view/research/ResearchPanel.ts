import { h, uniqueId } from '../dom/h';
import { HypothesisComparison } from './HypothesisComparison';
import { PopulationPanel } from './PopulationPanel';
import { SensitivityPanel, type SensitivityPanelOptions } from './SensitivityPanel';
import { FitPanel } from './FitPanel';
import type { ResearchDeps } from './researchDeps';

/**
 * The researchers' tools in one tabbed panel: hypothesis comparison, virtual population, sensitivity, fit to data.
 * Tabs follow the WAI-ARIA tabs pattern (roving tabindex; ←/→ move between tabs, Home/End jump, activation follows
 * focus). Every tool talks only to deps.backend (a worker in the app), never to the engine.
 */
export type ResearchTabId = 'compare' | 'population' | 'sensitivity' | 'fit';

export interface ResearchPanelHandle {
  readonly element: HTMLElement;
  readonly compare: HypothesisComparison;
  readonly population: PopulationPanel;
  readonly sensitivity: SensitivityPanel;
  readonly fit: FitPanel;
  select(tab: ResearchTabId, focus?: boolean): void;
  selected(): ResearchTabId;
  dispose(): void;
}

export interface ResearchPanelOptions {
  /** Sensitivity: limit the perturbed parameters (tests use a few; the app perturbs all). */
  readonly sensitivity?: SensitivityPanelOptions;
}

const TABS: ReadonlyArray<{ id: ResearchTabId; label: string; intro: string }> = [
  { id: 'compare', label: 'Compare hypotheses', intro: 'The current scenario under each structural hypothesis.' },
  { id: 'population', label: 'Population', intro: 'Between-subject variability: percentile bands over virtual subjects.' },
  { id: 'sensitivity', label: 'Sensitivity', intro: 'Which parameters move a summary metric most, near the current values.' },
  { id: 'fit', label: 'Fit to data', intro: 'Estimate parameters from your own observations.' },
];

export function mountResearchPanel(container: HTMLElement, deps: ResearchDeps, options: ResearchPanelOptions = {}): ResearchPanelHandle {
  const compare = new HypothesisComparison(deps);
  const population = new PopulationPanel(deps);
  const sensitivity = new SensitivityPanel(deps, options.sensitivity);
  const fit = new FitPanel(deps);
  const tools: Record<ResearchTabId, { element: HTMLElement; redraw(): void }> = { compare, population, sensitivity, fit };

  const base = uniqueId('research');
  const tabs = new Map<ResearchTabId, HTMLButtonElement>();
  const panels = new Map<ResearchTabId, HTMLElement>();
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Research tools', class: 'research-tablist' });
  tablist.style.display = 'flex';
  tablist.style.flexWrap = 'wrap';
  tablist.style.gap = '4px';
  tablist.style.borderBottom = '2px solid var(--line, #d9d9d4)';
  tablist.style.margin = '6px 0 10px';
  for (const t of TABS) {
    const tab = h('button', {
      type: 'button', role: 'tab', id: `${base}-tab-${t.id}`, 'aria-controls': `${base}-panel-${t.id}`,
      'aria-selected': 'false', tabindex: -1, 'data-tab': t.id, class: 'research-tab',
    }, t.label);
    tab.style.borderRadius = '6px 6px 0 0';
    tab.style.marginBottom = '-2px';
    tab.addEventListener('click', () => select(t.id));
    tabs.set(t.id, tab);
    tablist.append(tab);
    const panel = h('div', {
      role: 'tabpanel', id: `${base}-panel-${t.id}`, 'aria-labelledby': tab.id, tabindex: 0, hidden: true,
      'data-panel': t.id, class: 'research-tabpanel',
    }, h('p', { class: 'hint' }, t.intro), tools[t.id].element);
    panels.set(t.id, panel);
  }
  tablist.addEventListener('keydown', (e) => {
    const order = TABS.map((t) => t.id);
    const i = order.indexOf(current);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (i + 1) % order.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + order.length) % order.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = order.length - 1;
    if (next === null) return;
    e.preventDefault();
    select(order[next], true);
  });

  let current: ResearchTabId = 'compare';
  function select(id: ResearchTabId, focus = false): void {
    current = id;
    for (const [tid, tab] of tabs) {
      const on = tid === id;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      // selected tab: the accent colours the app uses for pressed buttons (public/app.css)
      tab.style.background = on ? 'var(--accent, #0072b2)' : '';
      tab.style.color = on ? 'var(--accent-ink, #ffffff)' : '';
      tab.style.borderColor = on ? 'var(--accent, #0072b2)' : '';
      tab.style.fontWeight = on ? '600' : '';
      panels.get(tid)!.hidden = !on;
    }
    if (id === 'fit') fit.refresh();
    // charts drawn while their tab was hidden had no width to measure: draw them again now
    tools[id].redraw();
    if (focus) tabs.get(id)!.focus();
  }

  const element = h('section', { class: 'research card', 'aria-labelledby': `${base}-heading`, 'data-research': '' },
    h('h2', { id: `${base}-heading` }, 'Research tools'),
    h('p', { class: 'hint' }, 'Hypotheses, populations, sensitivity and fitting, on the scenario being edited. ',
      'For education and research only — not dosing advice.'),
    tablist, ...panels.values());
  container.append(element);
  select('compare');

  // follow the page's width (sidebar hidden, window resized, presentation mode): redraw the visible tool
  let width = element.clientWidth;
  let frame = 0;
  const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
    const w = element.clientWidth;
    if (Math.abs(w - width) < 8) return;
    width = w;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => tools[current].redraw());
  });
  resize?.observe(element);

  return {
    element, compare, population, sensitivity, fit,
    select,
    selected: () => current,
    dispose() {
      resize?.disconnect();
      cancelAnimationFrame(frame);
      compare.dispose();
      population.dispose();
      sensitivity.dispose();
      fit.dispose();
      element.remove();
    },
  };
}
