import { describe, expect, it } from 'vitest';
import { stopPlanAt } from '../../../../src/view/controls/stopPlanAt';
import { parseRegimen } from '../../../../src/engine/regimen/parseRegimen';
import { expandRegimen } from '../../../../src/engine/regimen/expandRegimen';

function plan(text: string) {
  const r = parseRegimen(text);
  if (!r.ok) throw new Error(r.status.message);
  return r.plan;
}

describe('stopPlanAt()', () => {
  it('removes exactly the doses at or after the stop time', () => {
    const p = plan('1.5 mg q24h x 7 then 4.5 mg q24h x 21 at 22:00');
    const stop = 10 * 24; // start of day 11
    const kept = expandRegimen(stopPlanAt(p, stop));
    const expected = expandRegimen(p).filter((d) => d.time_h < stop);
    expect(kept).toEqual(expected);
    expect(kept.length).toBe(10); // doses at 22:00 on days 1…10
  });
  it('drops the missed-dose numbers that no longer exist', () => {
    const p = plan('4.5 mg q24h x 14 skip 3,12');
    expect(stopPlanAt(p, 5 * 24).skip).toEqual([3]);
  });
  it('leaves a plan that ends before the stop time unchanged', () => {
    const p = plan('50 mg q24h x 7 at 08:00');
    expect(stopPlanAt(p, 30 * 24)).toEqual(p);
  });
  it('stops everything when the stop is before the first dose', () => {
    expect(stopPlanAt(plan('50 mg q24h x 7 at 08:00'), 4).steps).toEqual([]);
  });
});
