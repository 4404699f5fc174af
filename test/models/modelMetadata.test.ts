import { describe, expect, it } from 'vitest';
import { AGONIST_PRESETS, createModel, DEFAULT_HYPOTHESES, PHENOTYPE_PRESETS } from '../../models/index';
import { ALL_PERSISTENCE, ALL_UPREGULATION } from './simulateHelpers';

// architecture.md, contract 3: fixed observable ids.
const CONTRACT = ['naltrexone_ng_per_ml', 'naltrexol_ng_per_ml', 'mor_occupancy', 'mor_density_rel', 'endorphin_rel',
  'opioid_signal_rel', 'microglia_activation', 'il6_rel', 'tnf_rel'];

describe('model metadata', () => {
  it('exposes every contract observable with a unit', () => {
    const model = createModel();
    const ids = model.observables.map((o) => o.id);
    for (const id of CONTRACT) expect(ids).toContain(id);
    for (const o of model.observables) expect(o.unit.length).toBeGreaterThan(0);
  });

  for (const persistence of ALL_PERSISTENCE) {
    for (const upregulation of ALL_UPREGULATION) {
      for (const tlr4 of ['published', 'apparent'] as const) {
        it(`annotates every parameter with unit, range containing the calibrated value, source and meaning (${persistence}, ${upregulation}, ${tlr4})`, () => {
          const model = createModel({ persistence, upregulation, tlr4 });
          const seen = new Set<string>();
          for (const s of model.parameters) {
            expect(seen.has(s.id)).toBe(false);
            seen.add(s.id);
            expect(s.id).toMatch(/^[a-z0-9_]+$/);
            expect(s.unit.length).toBeGreaterThan(0);
            expect(s.source.length).toBeGreaterThan(5);
            expect(s.meaning.length).toBeGreaterThan(5);
            expect(Number.isFinite(s.value)).toBe(true);
            expect(s.value).toBeGreaterThanOrEqual(s.min);
            expect(s.value).toBeLessThanOrEqual(s.max);
          }
        });
      }
    }
  }

  it('gives presets only for existing parameters, inside their ranges', () => {
    const model = createModel();
    const byId = new Map(model.parameters.map((s) => [s.id, s]));
    for (const preset of [...Object.values(AGONIST_PRESETS), ...Object.values(PHENOTYPE_PRESETS)]) {
      for (const [id, v] of Object.entries(preset)) {
        const s = byId.get(id);
        expect(s, id).toBeDefined();
        expect(v).toBeGreaterThanOrEqual(s!.min);
        expect(v).toBeLessThanOrEqual(s!.max);
      }
    }
  });

  it('rejects an unknown hypothesis with an error naming the field and the allowed values', () => {
    expect(() => createModel({ persistence: 'magic' as never })).toThrow(/hypotheses\.persistence.*slow_dissociation/);
  });

  it('has naltrexone and agonist dose targets in mg → state units (341.4 g/mol → µmol)', () => {
    const model = createModel(DEFAULT_HYPOTHESES);
    expect(model.doseTargets.naltrexone.scale).toBeCloseTo(1000 / 341.4, 12);
    expect(model.doseTargets.agonist.scale).toBe(1);
  });
});
