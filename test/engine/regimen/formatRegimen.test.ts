import { describe, expect, it } from 'vitest';
import { parseRegimen } from '../../../src/engine/regimen/parseRegimen';
import { formatRegimen } from '../../../src/engine/regimen/formatRegimen';
import { expandRegimen } from '../../../src/engine/regimen/expandRegimen';

function canonical(text: string): string {
  const r = parseRegimen(text);
  if (!r.ok) throw new Error(r.status.message);
  return formatRegimen(r.plan);
}

describe('formatRegimen', () => {
  it('writes the canonical form: "<amount> mg q<interval>h x <count>" joined by "then", then "at" and "skip"', () => {
    expect(canonical('1.5MG daily ×14 then 3 mg qd x 14 then 4.50 mg q24h for 4 weeks skip 9,3 at 22:00'))
      .toBe('1.5 mg q24h x 14 then 3 mg q24h x 14 then 4.5 mg q24h x 28 at 22:00 skip 3,9');
    expect(canonical('1 mg bid x 2 then off 2d then 50 mg once')).toBe('1 mg q12h x 2 then off 48h then 50 mg q24h x 1');
    expect(canonical('4.5 mg q24h x 2 then stop')).toBe('4.5 mg q24h x 2');
    expect(canonical('none')).toBe('none');
  });

  it('is stable: formatting the canonical text again gives the same text and the same plan', () => {
    for (const s of [
      '4.5 mg q24h x 14 at 22:00',
      '0.5 mg q6.5h x 3 then off 12.25h then 1000 mg q8760h x 2 at 23:59 skip 1,5',
      '0.001 mg q0.01h x 20000',
    ]) {
      const once = canonical(s);
      expect(canonical(once)).toBe(once);
      const a = parseRegimen(s), b = parseRegimen(once);
      expect(a.ok && b.ok && b.plan).toEqual(a.ok && a.plan);
    }
  });

  it('compresses a dose list into steps of equal amount and spacing, starting at the first dose time', () => {
    const doses = [
      { time_h: 22, amount_mg: 1.5 }, { time_h: 46, amount_mg: 1.5 },
      { time_h: 70, amount_mg: 3 }, { time_h: 94, amount_mg: 3 },
    ];
    const text = formatRegimen(doses);
    expect(text).toBe('1.5 mg q24h x 2 then 3 mg q24h x 2 at 22:00');
    const r = parseRegimen(text);
    expect(r.ok && r.doses).toEqual(doses);
  });

  it('writes a first dose after day 1 as a leading gap, and an empty list as "none"', () => {
    expect(formatRegimen([{ time_h: 50, amount_mg: 50 }])).toBe('off 50h then 50 mg q24h x 1');
    expect(formatRegimen([])).toBe('none');
  });

  it('combines doses given at the same time (amounts add)', () => {
    expect(formatRegimen([{ time_h: 0, amount_mg: 1 }, { time_h: 0, amount_mg: 2 }])).toBe('3 mg q24h x 1 at 00:00');
  });

  it('expands a formatted plan to the same doses as the plan it came from', () => {
    const r = parseRegimen('2 mg q12h x 3 then off 5h then 1 mg q7h x 4 at 06:15 skip 2,6');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const again = parseRegimen(formatRegimen(r.plan));
    expect(again.ok && expandRegimen(again.plan)).toEqual(r.doses);
  });
});
