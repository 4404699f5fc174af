/**
 * The parameter panel on the real model metadata: one slider per parameter with data-param, grouped by module, with
 * unit, range and source reachable from the keyboard; typed values outside the range are refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ParameterPanel } from '../../../../src/view/controls/ParameterPanel';
import { createModel } from '../../../../models/index';

const specs = createModel(undefined).parameters;
let panel: ParameterPanel;
let changes: Array<Record<string, number>>;
beforeEach(() => {
  changes = [];
  panel = new ParameterPanel({ onChange: (o) => changes.push(o) });
  document.body.append(panel.element);
  panel.set(specs, {});
});
afterEach(() => panel.element.remove());

describe('ParameterPanel', () => {
  it('has exactly one data-param slider per model parameter, inside its module group', () => {
    const sliders = [...panel.element.querySelectorAll<HTMLInputElement>('input[type="range"][data-param]')];
    expect(sliders.map((s) => s.dataset.param).sort()).toEqual(specs.map((s) => s.id).sort());
    for (const s of specs) {
      const group = panel.element.querySelector(`input[data-param="${s.id}"]`)!.closest('[data-group]')!;
      expect(group.getAttribute('data-group'), s.id).toBe(s.group);
    }
  });

  it('gives every parameter its unit, range and source in the tooltip and the keyboard-reachable info', async () => {
    for (const s of specs) {
      const slider = panel.element.querySelector<HTMLInputElement>(`input[data-param="${s.id}"]`)!;
      expect(slider.title, s.id).toContain(s.unit);
      expect(slider.title, s.id).toContain(s.source);
    }
    const s = specs[0];
    const row = panel.element.querySelector(`[data-param-row="${s.id}"]`)!;
    const info = row.querySelector<HTMLButtonElement>('button[aria-controls]')!;
    info.focus();
    await userEvent.keyboard('{Enter}');
    expect(info.getAttribute('aria-expanded')).toBe('true');
    const text = document.getElementById(info.getAttribute('aria-controls')!)!;
    expect(text.hidden).toBe(false);
    expect(text.textContent).toContain(s.source);
    expect(text.textContent).toContain(s.meaning);
  });

  it('moves a log-scale slider by equal ratios with the arrow keys and reports only changed values', async () => {
    const s = specs.find((p) => p.scale === 'log')!;
    const slider = panel.element.querySelector<HTMLInputElement>(`input[data-param="${s.id}"]`)!;
    slider.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    const [v1, v2] = changes.map((c) => c[s.id]);
    // one step of a 1000-step log slider multiplies by (max/min)^(1/1000), to the 6 significant digits kept
    const ratio = (s.max / s.min) ** (1 / 1000);
    expect(v2 / v1).toBeCloseTo(ratio, 4);
    expect(Object.keys(changes[1])).toEqual([s.id]);
  });

  it('refuses a typed value outside the range, naming the parameter and the allowed range', async () => {
    const s = specs[0];
    const box = panel.element.querySelector<HTMLInputElement>(`input[data-param-input="${s.id}"]`)!;
    await userEvent.clear(box);
    await userEvent.type(box, `${s.max * 10}{Enter}`);
    expect(changes).toEqual([]);
    const err = panel.element.querySelector(`[data-error-for="${s.id}"]`)!.textContent!;
    expect(err).toContain(s.id);
    expect(err).toContain(s.unit);
    await userEvent.clear(box);
    await userEvent.type(box, `${s.min}{Enter}`);
    expect(changes.at(-1)).toEqual({ [s.id]: s.min });
    expect(panel.element.querySelector(`[data-error-for="${s.id}"]`)!.textContent).toBe('');
  });
});
