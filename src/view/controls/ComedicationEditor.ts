import type { Comedication } from '../../engine/scenario/types';
import { parseRegimen } from '../../engine/regimen/parseRegimen';
import { formatRegimen } from '../../engine/regimen/formatRegimen';
import { h, uniqueId } from '../dom/h';

/**
 * Optional opioid co-medication (shared/design/model.md, module 5): the drug, its regimen string and whether the
 * patient is opioid-dependent at the start. Shown to teach the main contraindication: naltrexone blocks the
 * agonist and can precipitate withdrawal. A regimen that does not parse is refused with the field named.
 */
const DEFAULT_REGIMEN: Record<Comedication['drug'], string> = {
  morphine: '10 mg q4h x 42',
  oxycodone: '5 mg q6h x 28',
  tramadol: '50 mg q6h x 28',
};

export class ComedicationEditor {
  readonly element: HTMLElement;
  private readonly drug: HTMLSelectElement;
  private readonly regimen: HTMLInputElement;
  private readonly dependent: HTMLInputElement;
  private readonly error: HTMLElement;

  constructor(onChange: (value: Comedication | null, inputTime: number) => void) {
    const drugId = uniqueId('comed-drug');
    const regId = uniqueId('comed-regimen');
    const depId = uniqueId('comed-dependent');
    const errId = uniqueId('comed-error');
    this.error = h('p', { class: 'field-error', id: errId, role: 'alert', 'data-error-for': 'comedication.regimen' });
    this.drug = h('select', { id: drugId, 'data-field': 'comedication.drug' },
      h('option', { value: '' }, 'None'),
      h('option', { value: 'morphine' }, 'Morphine'),
      h('option', { value: 'oxycodone' }, 'Oxycodone'),
      h('option', { value: 'tramadol' }, 'Tramadol'));
    this.regimen = h('input', { id: regId, type: 'text', class: 'regimen-text', 'data-field': 'comedication.regimen', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': errId });
    this.dependent = h('input', { id: depId, type: 'checkbox', 'data-field': 'comedication.dependent' });
    const emit = (e: Event): void => {
      const drug = this.drug.value as Comedication['drug'] | '';
      this.regimen.disabled = this.dependent.disabled = drug === '';
      if (drug === '') {
        this.error.textContent = '';
        onChange(null, e.timeStamp || performance.now());
        return;
      }
      if (e.target === this.drug && !this.regimen.value.trim()) this.regimen.value = DEFAULT_REGIMEN[drug];
      const parsed = parseRegimen(this.regimen.value, 'comedication.regimen');
      if (!parsed.ok) {
        this.error.textContent = parsed.status.message;
        this.regimen.setAttribute('aria-invalid', 'true');
        return;
      }
      this.error.textContent = '';
      this.regimen.removeAttribute('aria-invalid');
      onChange({ drug, regimen: this.regimen.value.trim(), dependent: this.dependent.checked }, e.timeStamp || performance.now());
    };
    this.drug.addEventListener('change', emit);
    this.regimen.addEventListener('input', emit);
    this.dependent.addEventListener('change', emit);
    this.element = h('div', { class: 'comedication-editor grid2' },
      h('label', { for: drugId }, 'Opioid agonist'), this.drug,
      h('label', { for: regId }, 'Its regimen'), this.regimen,
      h('label', { for: depId }, 'Opioid-dependent at start'), h('span', {}, this.dependent),
      h('span', {}), this.error);
    this.set(null);
  }

  set(c: Comedication | null | undefined): void {
    this.drug.value = c?.drug ?? '';
    this.regimen.value = c ? (typeof c.regimen === 'string' ? c.regimen : formatRegimen(c.regimen.doses)) : '';
    this.dependent.checked = !!c?.dependent;
    this.regimen.disabled = this.dependent.disabled = !c;
    this.error.textContent = '';
  }
}
