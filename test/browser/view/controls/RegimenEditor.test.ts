/**
 * The regimen editor on its own, driven with real keyboard and pointer input: the builder (titration steps, clock
 * time, missed doses, stop day, run length) and the text line stay in sync, and each valid change is emitted once
 * with a string the engine parses back to the same doses.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { RegimenEditor, type RegimenValue } from '../../../../src/view/controls/RegimenEditor';
import { parseRegimen } from '../../../../src/engine/regimen/parseRegimen';

let editor: RegimenEditor;
let emitted: RegimenValue[];
beforeEach(() => {
  emitted = [];
  editor = new RegimenEditor({ onChange: (v) => emitted.push(v) });
  document.body.append(editor.element);
  editor.set('4.5 mg q24h x 7 at 22:00', 168);
});
afterEach(() => editor.element.remove());

const q = <T extends Element>(sel: string) => editor.element.querySelector<T>(sel)!;
const last = () => emitted[emitted.length - 1];
const doseTimes = (text: string) => {
  const r = parseRegimen(text);
  if (!r.ok) throw new Error(r.status.message);
  return r.doses.map((d) => `${d.time_h}:${d.amount_mg}`);
};

describe('RegimenEditor', () => {
  it('shows a regimen in both the builder and the text line without emitting', () => {
    expect(q<HTMLTextAreaElement>('textarea[data-field="regimen"]').value).toBe('4.5 mg q24h x 7 at 22:00');
    expect(q<HTMLInputElement>('[data-part="amount_mg"]').value).toBe('4.5');
    expect(q<HTMLInputElement>('[data-field="regimen.at"]').value).toBe('22:00');
    expect(q<HTMLInputElement>('[data-field="duration_days"]').value).toBe('7');
    expect(emitted).toEqual([]);
  });

  it('builds a titration with "+ Dose step" and edits its dose, keeping the text in sync', async () => {
    await userEvent.click(editor.element.querySelector<HTMLButtonElement>('.buttons button')!); // + Dose step
    expect(last().regimen).toBe('4.5 mg q24h x 7 then 4.5 mg q24h x 7 at 22:00');
    const amounts = editor.element.querySelectorAll<HTMLInputElement>('[data-part="amount_mg"]');
    await userEvent.clear(amounts[0]);
    await userEvent.type(amounts[0], '1.5');
    expect(last().regimen).toBe('1.5 mg q24h x 7 then 4.5 mg q24h x 7 at 22:00');
    expect(q<HTMLTextAreaElement>('textarea[data-field="regimen"]').value).toBe(last().regimen);
  });

  it('marks missed doses and stops dosing before a given day; the emitted string expands to the expected doses', async () => {
    await userEvent.type(q('[data-field="regimen.skip"]'), '3');
    expect(last().regimen).toBe('4.5 mg q24h x 7 at 22:00 skip 3');
    const stop = q<HTMLInputElement>('[data-field="regimen.stop_day"]');
    await userEvent.type(stop, '5');
    stop.blur(); // 'change' fires on leaving the field
    // doses at 22:00 on days 1–4 (t = 22, 46, 70, 94 h), the 3rd missed
    expect(doseTimes(last().regimen)).toEqual(['22:4.5', '46:4.5', '94:4.5']);
  });

  it('changes the clock time and the run length', async () => {
    const at = q<HTMLInputElement>('[data-field="regimen.at"]');
    at.focus();
    await userEvent.keyboard('08'); // hours field of the time input
    await userEvent.keyboard('00');
    await userEvent.keyboard('AM');
    expect(last().regimen).toMatch(/at 08:00$/);
    const days = q<HTMLInputElement>('[data-field="duration_days"]');
    await userEvent.clear(days);
    await userEvent.type(days, '14');
    expect(last().duration_h).toBe(336);
  });

  it('refuses an out-of-range step dose with the step named, and emits nothing for it', async () => {
    const before = emitted.length;
    const amount = q<HTMLInputElement>('[data-part="amount_mg"]');
    await userEvent.clear(amount);
    await userEvent.type(amount, '5000');
    expect(q('[data-error-for="regimen"]').textContent).toMatch(/^Step 1 dose: must be between/);
    expect(emitted.slice(before).every((v) => !v.regimen.startsWith('5000'))).toBe(true);
  });
});
