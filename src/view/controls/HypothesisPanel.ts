import type { Hypotheses } from '../../../models/types';
import type { Patient } from '../../engine/scenario/types';
import { HYPOTHESIS_CHOICES } from '../../engine/scenario/validateScenario';
import { DEFAULT_HYPOTHESES } from '../../../models/index';
import { h, uniqueId } from '../dom/h';

/**
 * Hypothesis switches and the patient phenotype (issue 5, item 2; shared/design/model.md "Hypotheses researchers
 * must be able to compare"). The choices come from the engine's validator, so the UI cannot offer one it refuses.
 */
export interface HypothesisValue {
  readonly hypotheses: Hypotheses;
  readonly patient: Patient;
}

const LABELS: Record<string, { title: string; choices: Record<string, string> }> = {
  persistence: {
    title: 'Why blockade outlasts plasma',
    choices: { slow_dissociation: 'Slow receptor dissociation', deep_tissue: 'Deep tissue compartment', metabolite: '6β-naltrexol' },
  },
  upregulation: {
    title: 'How receptors upregulate',
    choices: { synthesis: 'Synthesis feedback', chaperone: 'Chaperone-like stabilisation' },
  },
  tlr4: {
    title: 'TLR4 potency',
    choices: { published: 'Published in-vitro (µM)', apparent: 'Apparent (user-set)' },
  },
};

export class HypothesisPanel {
  readonly element: HTMLElement;
  private readonly selects = new Map<string, HTMLSelectElement>();
  private readonly metabolite: HTMLSelectElement;
  private readonly phenotype: HTMLSelectElement;

  constructor(onChange: (value: HypothesisValue, inputTime: number) => void) {
    const emit = ((e: Event) => onChange(this.value(), e.timeStamp || performance.now())) as EventListener;
    const rows: HTMLElement[] = [];
    const pid = uniqueId('phenotype');
    this.phenotype = h('select', { id: pid, 'data-field': 'patient.phenotype', onchange: emit },
      h('option', { value: 'normal' }, 'Normal inflammatory markers'),
      h('option', { value: 'inflamed' }, 'Elevated markers (inflamed)'));
    rows.push(h('label', { for: pid }, 'Patient phenotype'), this.phenotype);
    for (const key of ['persistence', 'upregulation', 'tlr4'] as const) {
      const id = uniqueId(key);
      const sel = h('select', { id, 'data-hypothesis': key, onchange: emit },
        h('option', { value: '' }, `Default: ${LABELS[key].choices[DEFAULT_HYPOTHESES[key]] ?? DEFAULT_HYPOTHESES[key]}`),
        ...(HYPOTHESIS_CHOICES[key] as readonly string[]).map((c) => h('option', { value: c }, LABELS[key].choices[c] ?? c)));
      this.selects.set(key, sel);
      rows.push(h('label', { for: id }, LABELS[key].title), sel);
    }
    const mid = uniqueId('metabolite');
    this.metabolite = h('select', { id: mid, 'data-hypothesis': 'metabolite_occupancy', onchange: emit },
      h('option', { value: '' }, `Default: ${DEFAULT_HYPOTHESES.metabolite_occupancy ? 'yes' : 'no'}`), h('option', { value: 'true' }, 'Yes'), h('option', { value: 'false' }, 'No'));
    rows.push(h('label', { for: mid }, '6β-naltrexol occupies MOR'), this.metabolite);
    this.element = h('div', { class: 'hypothesis-panel grid2' }, ...rows);
  }

  set(hypotheses: Hypotheses | undefined, patient: Patient | undefined): void {
    for (const [key, sel] of this.selects) sel.value = String((hypotheses as Record<string, unknown> | undefined)?.[key] ?? '');
    const m = hypotheses?.metabolite_occupancy;
    this.metabolite.value = m === undefined ? '' : String(m);
    this.phenotype.value = patient?.phenotype ?? 'normal';
  }

  value(): HypothesisValue {
    const hyp: Record<string, unknown> = {};
    for (const [key, sel] of this.selects) if (sel.value) hyp[key] = sel.value;
    if (this.metabolite.value) hyp.metabolite_occupancy = this.metabolite.value === 'true';
    return { hypotheses: hyp as Hypotheses, patient: { phenotype: this.phenotype.value as 'normal' | 'inflamed' } };
  }
}
