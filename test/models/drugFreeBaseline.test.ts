import { describe, expect, it } from 'vitest';
import { createModel, withDerived } from '../../models/index';
import { PHENOTYPE_PRESETS } from '../../models/phenotypePresets';
import { ALL_PERSISTENCE, ALL_UPREGULATION, runDoses } from './simulateHelpers';

const REL = ['mor_density_rel', 'endorphin_rel', 'opioid_signal_rel', 'il6_rel', 'tnf_rel'];

describe('the untreated steady state', () => {
  for (const persistence of ALL_PERSISTENCE) {
    for (const upregulation of ALL_UPREGULATION) {
      it(`is a true steady state: rhs(init) = 0 exactly (${persistence}, ${upregulation})`, () => {
        for (const phenotype of ['normal', 'inflamed'] as const) {
          const model = createModel({ persistence, upregulation });
          const p0 = new Float64Array(model.parameters.map((s) => s.value));
          const drive = PHENOTYPE_PRESETS[phenotype].inflammatory_drive;
          p0[model.parameters.findIndex((s) => s.id === 'inflammatory_drive')] = drive;
          const p = withDerived(model, p0);
          const y = new Float64Array(model.states.length);
          const dy = new Float64Array(model.states.length);
          model.init(p, y);
          model.rhs(0, y, p, dy);
          for (let i = 0; i < dy.length; i++) expect(Math.abs(dy[i])).toBe(0);
          const out = new Float64Array(model.observables.length);
          model.observe(0, y, p, out);
          for (const id of REL) expect(out[model.observables.findIndex((o) => o.id === id)]).toBe(1);
        }
      });
    }
  }

  for (const phenotype of ['normal', 'inflamed'] as const) {
    it(`keeps every _rel observable at 1.0 within 1e-9 over a drug-free simulated year (${phenotype})`, () => {
      const run = runDoses([], 365 * 24, 24, { patient: { phenotype } });
      for (const id of REL) for (const v of run.o[id]) expect(Math.abs(v - 1)).toBeLessThan(1e-9);
      for (const v of run.o.mor_occupancy) expect(v).toBe(0);
      for (const v of run.o.withdrawal_index) expect(v).toBe(0);
    });
  }

  it('starts the inflamed phenotype with more activated microglia and 2.5-fold IL-6 on the absolute scale', () => {
    const normal = runDoses([], 24, 24);
    const inflamed = runDoses([], 24, 24, { patient: { phenotype: 'inflamed' } });
    // M = a·D/(a·D + kd) with a = kd·M0/(1 − M0), M0 = 0.1, D = 3 → 0.25 (derivation in tlr4Cytokines.ts)
    expect(inflamed.o.microglia_activation[0]).toBeCloseTo(0.25, 12);
    expect(normal.o.microglia_activation[0]).toBeCloseTo(0.1, 12);
    expect(inflamed.o.il6_pg_per_ml[0] / normal.o.il6_pg_per_ml[0]).toBeCloseTo(2.5, 12);
  });
});
