import { describe, expect, it } from 'vitest';
import { HYPOTHESIS_SETS, scenarioForSet } from '../../../src/view/research/hypothesisSets';
import type { Scenario } from '../../../src/engine/scenario/types';

const base: Scenario = {
  version: 1, duration_h: 72, output_step_h: 0.5, regimen: '4.5 mg q24h x 3',
  parameters: { ntx_kd_nm: 2 }, hypotheses: { persistence: 'metabolite', tlr4: 'apparent' },
};

describe('hypothesis sets', () => {
  it('are the 3 × 2 persistence × upregulation combinations, each once', () => {
    expect(HYPOTHESIS_SETS).toHaveLength(6);
    expect(new Set(HYPOTHESIS_SETS.map((s) => `${s.persistence}+${s.upregulation}`)).size).toBe(6);
  });

  it('scenarioForSet() swaps only the two structural choices and drops overrides unless kept', () => {
    const set = HYPOTHESIS_SETS.find((s) => s.id === 'deep_tissue/synthesis')!;
    const s = scenarioForSet(base, set, false);
    expect(s.hypotheses).toEqual({ persistence: 'deep_tissue', upregulation: 'synthesis', tlr4: 'apparent' });
    expect(s.parameters).toBeUndefined();
    expect(s.regimen).toBe(base.regimen);
    expect(scenarioForSet(base, set, true).parameters).toEqual({ ntx_kd_nm: 2 });
    expect(base.hypotheses).toEqual({ persistence: 'metabolite', tlr4: 'apparent' }); // not mutated
  });
});
