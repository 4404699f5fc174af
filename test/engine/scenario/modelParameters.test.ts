import { describe, expect, it } from 'vitest';
import { createModel } from '../../../models/index';
import { validateScenario } from '../../../src/engine/scenario/validateScenario';

/** The validator against the model's real parameter table (models/index.ts createModel().parameters). */
const specs = createModel().parameters;
const base = { version: 1, duration_h: 24, output_step_h: 1, regimen: 'none' };

describe('validateScenario with the model\'s parameter table', () => {
  it('accepts every parameter at its default, its min and its max', () => {
    for (const s of specs) {
      for (const v of [s.value, s.min, s.max]) {
        const r = validateScenario({ ...base, parameters: { [s.id]: v } }, { parameterSpecs: specs });
        if (!r.ok) throw new Error(`${s.id} = ${v}: ${r.status.message}`);
      }
    }
  });

  it('refuses every parameter just outside its range, naming it with its unit and range', () => {
    for (const s of specs) {
      // Above max by 1 % of the range (or 1 when the range is a point); below min likewise.
      const step = Math.max((s.max - s.min) * 0.01, Number.EPSILON * Math.abs(s.max) * 4, 1e-300);
      for (const v of [s.max + step, s.min - step]) {
        const r = validateScenario({ ...base, parameters: { [s.id]: v } }, { parameterSpecs: specs });
        expect(r.ok, `${s.id} = ${v}`).toBe(false);
        if (r.ok) continue;
        expect(r.status.field).toBe(`parameters.${s.id}`);
        expect(r.status.message).toContain(`from ${s.min} to ${s.max} ${s.unit}`);
      }
    }
  });
});
