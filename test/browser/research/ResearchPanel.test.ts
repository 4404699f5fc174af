import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Scenario } from '../../../src/engine/scenario/types';
import { mountResearchPanel, type ResearchPanelHandle } from '../../../src/view/research/ResearchPanel';
import { createDirectBackend } from './directBackend';
import { loadAppCss, nonFiniteAttributes } from './svgChecks';

const ldn3days: Scenario = { version: 1, duration_h: 72, output_step_h: 0.5, regimen: '4.5 mg q24h x 3 at 22:00' };

let handle: ResearchPanelHandle | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  handle?.dispose();
  host?.remove();
  handle = null;
});

function mount() {
  loadAppCss();
  host = document.createElement('div');
  host.style.width = '1000px';
  host.style.padding = '12px';
  document.body.append(host);
  const backend = createDirectBackend();
  handle = mountResearchPanel(host, { backend, getScenario: () => ldn3days },
    { sensitivity: { parameterIds: ['ntx_f_oral', 'ntx_cl', 'ntx_kd_nm', 'bn_kd_nm', 'bn_ke0', 'endo_tone', 'mor_half_life_h', 'mor_bound_protection'] } });
  return handle;
}

const tab = (id: string) => handle!.element.querySelector<HTMLButtonElement>(`[role="tab"][data-tab="${id}"]`)!;
const visiblePanels = () => [...handle!.element.querySelectorAll<HTMLElement>('[role="tabpanel"]')].filter((p) => !p.hidden).map((p) => p.dataset.panel);

describe('mountResearchPanel', () => {
  it('is a tablist operated with the arrow keys, Home and End, with one visible panel and a visible focus ring', async () => {
    const h = mount();
    expect(h.element.querySelector('[role="tablist"]')!.getAttribute('aria-label')).toBe('Research tools');
    expect(visiblePanels()).toEqual(['compare']);
    expect(tab('compare').tabIndex).toBe(0);
    expect(tab('population').tabIndex).toBe(-1);
    tab('compare').focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tab('population'));
    expect(tab('population').getAttribute('aria-selected')).toBe('true');
    expect(tab('compare').getAttribute('aria-selected')).toBe('false');
    expect(visiblePanels()).toEqual(['population']);
    await userEvent.keyboard('{End}');
    expect(visiblePanels()).toEqual(['fit']);
    await userEvent.keyboard('{ArrowRight}');
    expect(visiblePanels()).toEqual(['compare']);
    await userEvent.keyboard('{ArrowLeft}');
    expect(visiblePanels()).toEqual(['fit']);
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(tab('compare'));
    // keyboard focus is visible: the app's :focus-visible outline (public/app.css), 3 px
    const outline = getComputedStyle(tab('compare'));
    expect(outline.outlineStyle).not.toBe('none');
    expect(parseFloat(outline.outlineWidth)).toBeGreaterThanOrEqual(2);
    // each panel is labelled by its tab
    for (const p of h.element.querySelectorAll('[role="tabpanel"]')) {
      expect(document.getElementById(p.getAttribute('aria-labelledby')!)!.getAttribute('aria-controls')).toBe(p.id);
    }
  });

  it('runs every tool on real engine output and draws it without NaN (screenshots in __screenshots__ for a look)', async () => {
    const h = mount();
    h.compare.select(['slow_dissociation/chaperone', 'deep_tissue/chaperone', 'metabolite/chaperone']);
    await h.compare.run();
    // element screenshots are cut at the 720 px fold: take the tall tools in parts
    await page.screenshot({ element: h.element.querySelector('[data-comparison-table]')!, path: '__screenshots__/research-compare-table.png' });
    await page.screenshot({ element: h.element.querySelector('[data-multiples]')!, path: '__screenshots__/research-compare.png' });
    await page.screenshot({ element: h.element.querySelector('[data-overlay]')!, path: '__screenshots__/research-compare-overlay.png' });
    h.select('population');
    h.population.setInputs({ subjects: 60, seed: 1, cvPercent: 30 });
    await h.population.run();
    await page.screenshot({ element: h.element, path: '__screenshots__/research-population.png' });
    h.select('sensitivity');
    await h.sensitivity.run();
    await page.screenshot({ element: h.element, path: '__screenshots__/research-sensitivity.png' });
    h.select('fit');
    h.fit.setCsv('time_h,observable,value\n2,mor_occupancy,0.35\n12,mor_occupancy,0.3\n26,mor_occupancy,0.4\n50,mor_occupancy,0.45\n');
    h.fit.setParameters(['ntx_kd_nm']);
    await h.fit.run();
    await page.screenshot({ element: h.element.querySelector('[data-fit-results]')!, path: '__screenshots__/research-fit-table.png' });
    await page.screenshot({ element: h.element.querySelector('[data-fit-charts]')!, path: '__screenshots__/research-fit.png' });
    expect(h.element.querySelectorAll('svg').length).toBeGreaterThanOrEqual(3 * 2 + 1 + 1 + 1);
    for (const svg of h.element.querySelectorAll('svg')) {
      expect(svg.getAttribute('role')).toBe('img');
      expect(document.getElementById(svg.getAttribute('aria-describedby')!)!.textContent!.length).toBeGreaterThan(20);
    }
    expect(nonFiniteAttributes(h.element)).toEqual([]);
  });

  it('redraws the visible tool at the new width when the page narrows', async () => {
    const h = mount();
    h.select('population');
    h.population.setInputs({ subjects: 5 });
    await h.population.run();
    const svgWidth = () => Number(h.element.querySelector('[data-population-chart] svg')!.getAttribute('width'));
    expect(svgWidth()).toBeGreaterThan(800);
    host!.style.width = '560px';
    await new Promise((r) => setTimeout(r, 100)); // ResizeObserver, then one animation frame
    expect(svgWidth()).toBeLessThanOrEqual(560);
    expect(svgWidth()).toBeGreaterThanOrEqual(320);
  });
});
