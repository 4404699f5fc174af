import type { ParameterGroup, ParameterSpec } from '../../../models/types';
import { h, uniqueId } from '../dom/h';
import { formatValue } from '../charts/formatValue';
import { fromSliderPosition, SLIDER_STEPS, toSliderPosition } from './sliderScale';

/**
 * The parameter panel (issue 5, item 2): one slider + number box per model parameter, grouped by model module
 * (ParameterSpec.group), each with its unit, range and source (the ⓘ button and the tooltip), a reset per parameter
 * and per group. Every slider carries data-param="<parameter id>" for end-to-end tests. A typed value outside the
 * parameter's range is refused with a message naming the parameter; the last good value (and curve) stays.
 */
export interface ParameterPanelOptions {
  /** The overrides changed (only values that differ from the defaults are kept). */
  readonly onChange: (overrides: Record<string, number>, inputTime: number) => void;
}

export const GROUP_LABELS: Readonly<Record<ParameterGroup, string>> = {
  pk: 'Pharmacokinetics',
  binding: 'Brain exposure and MOR binding',
  feedback: 'Endogenous opioids, receptors, rebound',
  tlr4: 'TLR4, microglia, cytokines',
  comedication: 'Opioid co-medication',
  outcome: 'Conceptual outcome (teaching only)',
};

interface Control {
  readonly spec: ParameterSpec;
  readonly slider: HTMLInputElement;
  readonly number: HTMLInputElement;
  readonly reset: HTMLButtonElement;
  readonly row: HTMLElement;
  readonly error: HTMLElement;
}

export class ParameterPanel {
  readonly element: HTMLElement;
  private specs: readonly ParameterSpec[] = [];
  private overrides: Record<string, number> = {};
  private controls = new Map<string, Control>();
  private openGroups = new Set<string>(['pk', 'binding']);

  constructor(private readonly options: ParameterPanelOptions) {
    this.element = h('div', { class: 'parameter-panel' });
  }

  /** Show these parameters with these overrides (no change event). Rebuilds when the parameter list changed. */
  set(specs: readonly ParameterSpec[], overrides: Readonly<Record<string, number>>): void {
    // hypothesis sets share parameter ids but are calibrated separately: a changed default or range is a new panel
    const same = specs.length === this.specs.length && specs.every((s, i) => {
      const o = this.specs[i];
      return s.id === o.id && s.value === o.value && s.min === o.min && s.max === o.max && s.unit === o.unit;
    });
    this.specs = specs;
    this.overrides = {};
    for (const [k, v] of Object.entries(overrides)) if (specs.some((s) => s.id === k)) this.overrides[k] = v;
    if (!same) this.build();
    for (const c of this.controls.values()) this.showValue(c);
  }

  getOverrides(): Record<string, number> {
    return { ...this.overrides };
  }

  private build(): void {
    this.controls.clear();
    const groups = new Map<ParameterGroup, ParameterSpec[]>();
    for (const s of this.specs) {
      const list = groups.get(s.group) ?? [];
      list.push(s);
      groups.set(s.group, list);
    }
    const sections: HTMLElement[] = [];
    for (const [group, specs] of groups) {
      const resetGroup = h('button', {
        type: 'button', class: 'small', 'data-reset-group': group,
        'aria-label': `Reset all ${GROUP_LABELS[group] ?? group} parameters`,
        onclick: ((e: Event) => this.resetGroup(group, e)) as EventListener,
      }, 'Reset group');
      const details = h('details', { class: 'param-group', 'data-group': group },
        h('summary', {}, h('span', {}, GROUP_LABELS[group] ?? group), h('span', { class: 'count' }, ` (${specs.length})`)),
        h('div', { class: 'group-actions' }, resetGroup),
        ...specs.map((s) => this.buildControl(s)));
      if (this.openGroups.has(group)) details.open = true;
      details.addEventListener('toggle', () => {
        if (details.open) this.openGroups.add(group);
        else this.openGroups.delete(group);
      });
      sections.push(details);
    }
    if (sections.length === 0) sections.push(h('p', { class: 'hint' }, 'Model parameters load with the model.'));
    this.element.replaceChildren(...sections);
  }

  private buildControl(spec: ParameterSpec): HTMLElement {
    const id = uniqueId(`param-${spec.id}`);
    const infoId = uniqueId('info');
    const errId = uniqueId('err');
    const label = spec.label ?? spec.id;
    const tooltip = `${spec.meaning}\nUnit: ${spec.unit} · range ${formatValue(spec.min, 4)}–${formatValue(spec.max, 4)} · default ${formatValue(spec.value, 4)}\nSource: ${spec.source}`;
    const slider = h('input', {
      id, type: 'range', min: 0, max: SLIDER_STEPS, step: 1, 'data-param': spec.id,
      'aria-describedby': infoId, title: tooltip,
    });
    const number = h('input', {
      type: 'number', class: 'param-number', 'data-param-input': spec.id, step: 'any',
      min: spec.min, max: spec.max, 'aria-label': `${label} (${spec.unit})`, 'aria-describedby': errId,
    });
    const reset = h('button', { type: 'button', class: 'icon', 'data-reset': spec.id, 'aria-label': `Reset ${label} to ${formatValue(spec.value, 4)} ${spec.unit}`, title: 'Reset to default' }, '↺');
    const info = h('p', { class: 'param-info', id: infoId, hidden: true },
      spec.meaning, h('br'),
      `Range ${formatValue(spec.min, 4)}–${formatValue(spec.max, 4)} ${spec.unit}; default ${formatValue(spec.value, 4)}.`, h('br'),
      h('span', { class: 'source' }, `Source: ${spec.source}`));
    const infoButton = h('button', { type: 'button', class: 'icon', 'aria-expanded': 'false', 'aria-controls': infoId, 'aria-label': `About ${label}`, title: tooltip }, 'i');
    infoButton.addEventListener('click', () => {
      info.hidden = !info.hidden;
      infoButton.setAttribute('aria-expanded', String(!info.hidden));
    });
    const error = h('p', { class: 'field-error', id: errId, role: 'alert', 'data-error-for': spec.id });
    const row = h('div', { class: 'param', 'data-param-row': spec.id },
      h('div', { class: 'param-head' }, h('label', { for: id, title: tooltip }, label), infoButton),
      h('div', { class: 'param-body' }, slider, number, h('span', { class: 'unit' }, spec.unit), reset,
        // the slider's range under its ends (the slider itself announces its value with aria-valuetext)
        h('div', { class: 'param-range', 'aria-hidden': 'true' },
          h('span', {}, trimZeros(formatValue(spec.min, 4))),
          h('span', {}, `${spec.scale === 'log' ? 'log scale · ' : ''}${trimZeros(formatValue(spec.max, 4))}`))),
      info, error);
    const control: Control = { spec, slider, number, reset, row, error };
    this.controls.set(spec.id, control);

    slider.addEventListener('input', (e) => {
      const v = fromSliderPosition(spec, Number(slider.value));
      this.setValue(control, v, e.timeStamp || performance.now());
    });
    number.addEventListener('change', (e) => this.onTyped(control, e));
    number.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.onTyped(control, e);
    });
    reset.addEventListener('click', (e) => {
      delete this.overrides[spec.id];
      this.showValue(control);
      this.options.onChange(this.getOverrides(), e.timeStamp || performance.now());
    });
    return row;
  }

  private onTyped(c: Control, e: Event): void {
    const text = c.number.value.trim();
    const v = Number(text);
    const label = c.spec.label ?? c.spec.id;
    if (text === '' || !Number.isFinite(v) || v < c.spec.min || v > c.spec.max) {
      c.error.textContent = `${label} (${c.spec.id}): “${text || c.number.validationMessage || 'empty'}” refused — enter a number from ${formatValue(c.spec.min, 4)} to ${formatValue(c.spec.max, 4)} ${c.spec.unit}.`;
      c.number.setAttribute('aria-invalid', 'true');
      c.row.classList.add('invalid');
      return;
    }
    this.setValue(c, v, e.timeStamp || performance.now());
  }

  private setValue(c: Control, v: number, inputTime: number): void {
    if (v === c.spec.value) delete this.overrides[c.spec.id];
    else this.overrides[c.spec.id] = v;
    this.showValue(c);
    this.options.onChange(this.getOverrides(), inputTime);
  }

  private showValue(c: Control): void {
    const v = this.overrides[c.spec.id] ?? c.spec.value;
    const pos = String(toSliderPosition(c.spec, v));
    if (c.slider.value !== pos) c.slider.value = pos;
    if (document.activeElement !== c.number || c.number.value === '') c.number.value = String(Number(v.toPrecision(4)));
    c.slider.setAttribute('aria-valuetext', `${formatValue(v, 4)} ${c.spec.unit}`);
    const modified = c.spec.id in this.overrides;
    c.row.classList.toggle('modified', modified);
    c.reset.disabled = !modified;
    c.error.textContent = '';
    c.number.removeAttribute('aria-invalid');
    c.row.classList.remove('invalid');
  }

  private resetGroup(group: ParameterGroup, e: Event): void {
    for (const s of this.specs) if (s.group === group) delete this.overrides[s.id];
    for (const c of this.controls.values()) this.showValue(c);
    this.options.onChange(this.getOverrides(), e.timeStamp || performance.now());
  }
}

/** "0.0500" → "0.05", "250.0000" → "250" (exponent forms are left alone). */
function trimZeros(text: string): string {
  return /e/.test(text) || !text.includes('.') ? text : text.replace(/\.?0+$/, '');
}
