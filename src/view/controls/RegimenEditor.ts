import type { Regimen } from '../../engine/scenario/types';
import type { RegimenPlan, RegimenStep } from '../../engine/regimen/types';
import { parseRegimen } from '../../engine/regimen/parseRegimen';
import { formatRegimen, planFromDoses } from '../../engine/regimen/formatRegimen';
import { REGIMEN_LIMITS } from '../../engine/regimen/limits';
import { h, uniqueId } from '../dom/h';
import { stopPlanAt } from './stopPlanAt';

/**
 * The regimen editor (issue 5, item 1): a builder (steps of dose × interval × count — a titration is several
 * steps —, breaks, clock time, missed doses, stop day, length of the run) and the same regimen as an editable text
 * string, kept in sync both ways. Parsing and formatting are the engine's (src/engine/regimen), so the text here
 * is exactly what a scenario file or the CLI accepts. A field that does not parse is refused with a message naming
 * it; nothing is emitted until the whole regimen is valid again.
 */
export interface RegimenValue {
  readonly regimen: string;
  readonly duration_h: number;
}

export interface RegimenEditorOptions {
  /** A valid regimen and duration were entered; `inputTime` is the input event's performance.now(). */
  readonly onChange: (value: RegimenValue, inputTime: number) => void;
}

interface Row {
  step: RegimenStep;
}

export class RegimenEditor {
  readonly element: HTMLElement;
  private plan: RegimenPlan = { steps: [], skip: [] };
  private duration_h = 168;
  private readonly text: HTMLTextAreaElement;
  private readonly stepsBox: HTMLElement;
  private readonly at: HTMLInputElement;
  private readonly skip: HTMLInputElement;
  private readonly stopDay: HTMLInputElement;
  private readonly days: HTMLInputElement;
  private readonly error: HTMLElement;
  private rows: Row[] = [];

  constructor(private readonly options: RegimenEditorOptions) {
    const textId = uniqueId('regimen-text');
    const errId = uniqueId('regimen-error');
    this.error = h('p', { class: 'field-error', id: errId, role: 'alert', 'data-error-for': 'regimen' });
    // a textarea, so a long titration stays readable; Enter is not needed (every valid edit applies at once)
    this.text = h('textarea', {
      id: textId, rows: 2, class: 'regimen-text', 'data-field': 'regimen', spellcheck: 'false',
      autocomplete: 'off', 'aria-describedby': errId,
      oninput: ((e: Event) => this.onText(e)) as EventListener,
    });
    this.stepsBox = h('div', { class: 'regimen-steps', role: 'list', 'aria-label': 'Regimen steps' });
    const atId = uniqueId('regimen-at');
    this.at = h('input', { id: atId, type: 'time', 'data-field': 'regimen.at', oninput: ((e: Event) => this.onBuilder(e)) as EventListener });
    const skipId = uniqueId('regimen-skip');
    this.skip = h('input', {
      id: skipId, type: 'text', inputmode: 'numeric', placeholder: 'e.g. 3, 8', 'data-field': 'regimen.skip',
      oninput: ((e: Event) => this.onBuilder(e)) as EventListener,
    });
    const stopId = uniqueId('regimen-stop');
    this.stopDay = h('input', {
      id: stopId, type: 'number', min: 1, step: 1, placeholder: 'never', 'data-field': 'regimen.stop_day',
      onchange: ((e: Event) => this.onStop(e)) as EventListener,
    });
    const daysId = uniqueId('duration-days');
    this.days = h('input', {
      id: daysId, type: 'number', min: 1, max: 730, step: 1, 'data-field': 'duration_days',
      oninput: ((e: Event) => this.onBuilder(e)) as EventListener,
    });
    this.element = h(
      'div', { class: 'regimen-editor' },
      h('label', { for: textId, class: 'label' }, 'Regimen (text)'),
      this.text,
      h('p', { class: 'hint' }, 'e.g. “1.5 mg q24h x 14 then 4.5 mg q24h x 14 at 22:00 skip 5”'),
      this.error,
      this.stepsBox,
      h('div', { class: 'row buttons' },
        h('button', { type: 'button', class: 'small', onclick: ((e: Event) => this.addStep('dose', e)) as EventListener }, '+ Dose step'),
        h('button', { type: 'button', class: 'small', onclick: ((e: Event) => this.addStep('off', e)) as EventListener }, '+ Break')),
      h('div', { class: 'grid2' },
        h('label', { for: atId }, 'First dose at (clock)'), this.at,
        h('label', { for: skipId }, 'Missed doses (numbers)'), this.skip,
        h('label', { for: stopId }, 'Stop before day'), this.stopDay,
        h('label', { for: daysId }, 'Simulate (days)'), this.days),
    );
  }

  /** Show a regimen (from a preset, the URL or an import) without emitting a change. */
  set(regimen: Regimen, duration_h: number): void {
    const text = typeof regimen === 'string' ? regimen : formatRegimen(regimen.doses);
    const parsed = parseRegimen(text);
    this.plan = parsed.ok ? parsed.plan : typeof regimen === 'string' ? { steps: [], skip: [] } : planFromDoses(regimen.doses);
    this.duration_h = duration_h;
    this.text.value = text;
    this.stopDay.value = '';
    this.clearError();
    this.syncBuilder();
  }

  value(): RegimenValue {
    return { regimen: formatRegimen(this.plan), duration_h: this.duration_h };
  }

  private onText(e: Event): void {
    const parsed = parseRegimen(this.text.value);
    if (!parsed.ok) {
      this.showError(parsed.status.message);
      return;
    }
    this.clearError();
    this.plan = parsed.plan;
    this.syncBuilder();
    this.options.onChange({ regimen: this.text.value.trim(), duration_h: this.duration_h }, e.timeStamp || performance.now());
  }

  private onStop(e: Event): void {
    const v = this.stopDay.value.trim();
    if (v === '') return;
    const day = Number(v);
    if (!Number.isInteger(day) || day < 1) {
      this.showError(`Stop before day: "${v}" is not a day number (1, 2, …).`, this.stopDay);
      return;
    }
    this.plan = stopPlanAt(this.plan, (day - 1) * 24);
    this.syncBuilder();
    this.emitFromPlan(e);
  }

  private addStep(kind: 'dose' | 'off', e: Event): void {
    const last = [...this.plan.steps].reverse().find((s) => s.kind === 'dose');
    const step: RegimenStep = kind === 'off'
      ? { kind: 'off', duration_h: 72 }
      : { kind: 'dose', amount_mg: last && last.kind === 'dose' ? last.amount_mg : 4.5, interval_h: last && last.kind === 'dose' ? last.interval_h : 24, count: 7 };
    this.plan = { ...this.plan, steps: [...this.plan.steps, step] };
    this.syncBuilder();
    this.emitFromPlan(e);
  }

  private removeStep(i: number, e: Event): void {
    this.plan = { ...this.plan, steps: this.plan.steps.filter((_, k) => k !== i), skip: [] };
    this.syncBuilder();
    this.emitFromPlan(e);
  }

  /** Rebuild the plan from the builder fields; refuse (with the field named) what is out of range. */
  private onBuilder(e: Event): void {
    const steps: RegimenStep[] = [];
    const L = REGIMEN_LIMITS;
    for (let i = 0; i < this.rows.length; i++) {
      const row = this.stepsBox.children[i] as HTMLElement;
      const read = (name: string): number => Number((row.querySelector(`[data-part="${name}"]`) as HTMLInputElement).value);
      if (this.rows[i].step.kind === 'off') {
        const d = read('off_h');
        if (!(d > 0 && d <= L.maxOffH)) return this.showError(`Step ${i + 1} break: must be more than 0 and at most ${L.maxOffH} h.`);
        steps.push({ kind: 'off', duration_h: d });
      } else {
        const amount = read('amount_mg');
        const interval = read('interval_h');
        const count = read('count');
        if (!(amount >= L.minAmountMg && amount <= L.maxAmountMg))
          return this.showError(`Step ${i + 1} dose: must be between ${L.minAmountMg} and ${L.maxAmountMg} mg.`);
        if (!(interval >= L.minIntervalH && interval <= L.maxIntervalH))
          return this.showError(`Step ${i + 1} interval: must be between ${L.minIntervalH} and ${L.maxIntervalH} h.`);
        if (!(Number.isInteger(count) && count >= 1))
          return this.showError(`Step ${i + 1} number of doses: must be a whole number ≥ 1.`);
        steps.push({ kind: 'dose', amount_mg: amount, interval_h: interval, count });
      }
    }
    const atText = this.at.value;
    let at_min: number | undefined;
    if (atText) {
      const m = /^(\d{2}):(\d{2})/.exec(atText);
      if (!m) return this.showError('First dose at: use a clock time HH:MM.');
      at_min = Number(m[1]) * 60 + Number(m[2]);
    }
    const skipText = this.skip.value.trim();
    const skip: number[] = [];
    if (skipText) {
      for (const part of skipText.split(/[,\s]+/).filter(Boolean)) {
        const n = Number(part);
        if (!Number.isInteger(n) || n < 1) return this.showError(`Missed doses: "${part}" is not a dose number (1, 2, …).`);
        skip.push(n);
      }
    }
    const days = Number(this.days.value);
    if (!(Number.isFinite(days) && days >= 1 && days <= 730))
      return this.showError('Simulate (days): must be a number of days between 1 and 730.');
    const candidate: RegimenPlan = { steps, at_min, skip: [...new Set(skip)].sort((a, b) => a - b) };
    // round-trip through the engine's parser: it checks what the fields cannot (e.g. skip beyond the last dose)
    const parsed = parseRegimen(formatRegimen(candidate));
    if (!parsed.ok) return this.showError(parsed.status.message.replace(/^regimen: at column \d+, /, 'Regimen: '));
    this.plan = parsed.plan;
    this.duration_h = days * 24;
    this.clearError();
    this.text.value = formatRegimen(this.plan);
    this.options.onChange(this.value(), e.timeStamp || performance.now());
  }

  private emitFromPlan(e: Event): void {
    const parsed = parseRegimen(formatRegimen(this.plan));
    if (!parsed.ok) return this.showError(parsed.status.message);
    this.clearError();
    this.text.value = formatRegimen(this.plan);
    this.options.onChange(this.value(), e.timeStamp || performance.now());
  }

  private syncBuilder(): void {
    this.rows = this.plan.steps.map((step) => ({ step }));
    const onInput = ((e: Event) => this.onBuilder(e)) as EventListener;
    const rows = this.plan.steps.map((step, i) => {
      const remove = h('button', {
        type: 'button', class: 'icon', 'aria-label': `Remove step ${i + 1}`, title: 'Remove this step',
        onclick: ((e: Event) => this.removeStep(i, e)) as EventListener,
      }, '×');
      if (step.kind === 'off') {
        const id = uniqueId('off');
        return h('div', { class: 'step', role: 'listitem', 'data-step': i },
          h('span', { class: 'step-n' }, `${i + 1}.`),
          h('label', { for: id }, 'Break'),
          h('input', { id, type: 'number', min: 0, step: 1, value: step.duration_h, 'data-part': 'off_h', 'aria-label': `Step ${i + 1} break (h)`, oninput: onInput }),
          h('span', { class: 'unit' }, 'h'), remove);
      }
      return h('div', { class: 'step', role: 'listitem', 'data-step': i },
        h('span', { class: 'step-n' }, `${i + 1}.`),
        h('input', { type: 'number', min: REGIMEN_LIMITS.minAmountMg, max: REGIMEN_LIMITS.maxAmountMg, step: 0.5, value: step.amount_mg, 'data-part': 'amount_mg', 'data-field': `regimen.steps[${i}].amount_mg`, 'aria-label': `Step ${i + 1} dose (mg)`, oninput: onInput }),
        h('span', { class: 'unit' }, 'mg every'),
        h('input', { type: 'number', min: 1, max: 168, step: 1, value: step.interval_h, 'data-part': 'interval_h', 'aria-label': `Step ${i + 1} interval (h)`, oninput: onInput }),
        h('span', { class: 'unit' }, 'h ×'),
        h('input', { type: 'number', min: 1, step: 1, value: step.count, 'data-part': 'count', 'aria-label': `Step ${i + 1} number of doses`, oninput: onInput }),
        remove);
    });
    this.stepsBox.replaceChildren(...rows);
    const at = this.plan.at_min;
    this.at.value = at === undefined ? '' : `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
    this.skip.value = this.plan.skip.join(', ');
    this.days.value = String(Math.round((this.duration_h / 24) * 1000) / 1000);
  }

  private showError(message: string, field?: HTMLElement): void {
    this.error.textContent = message;
    this.element.classList.add('invalid');
    field?.setAttribute('aria-invalid', 'true');
  }

  private clearError(): void {
    this.error.textContent = '';
    this.element.classList.remove('invalid');
    for (const el of this.element.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  }
}
