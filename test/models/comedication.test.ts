import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/index';
import { at, maxOver } from './simulateHelpers';

// Contraindication (pharmacology.md §6): naltrexone blocks an opioid agonist and, in a dependent patient,
// precipitates withdrawal. Morphine 30 mg every 6 h for 30 days as the co-medication (preset: F 0.3, t½ ≈ 2.4 h);
// 'dependent' makes the engine run its first 28 days in before t = 0.
const morphine = (dependent: boolean) => ({
  drug: 'morphine' as const,
  regimen: { doses: Array.from({ length: 4 * 30 }, (_, i) => ({ time_h: 6 * i, amount_mg: 30 })) },
  dependent,
});

function run(naltrexoneMg: number, dependent: boolean) {
  const r = simulate({
    // duration ≥ 28 days: the engine builds the run-in from the agonist doses inside the simulated window
    version: 1, duration_h: 30 * 24, output_step_h: 0.25,
    regimen: { doses: naltrexoneMg > 0 ? [{ time_h: 2, amount_mg: naltrexoneMg }] : [] },
    comedication: morphine(dependent),
  });
  if (r.status.code !== 'ok') throw new Error(r.status.message);
  return { t: r.time_h, o: r.observables as Record<string, Float64Array>, step: 0.25 };
}

describe('opioid co-medication', () => {
  it('blocks more than 80 % of the morphine signal after 50 mg naltrexone', () => {
    const without = run(0, false);
    const withNtx = run(50, false);
    expect(at(withNtx, 'agonist_signal_rel', 8)).toBeLessThan(0.2 * at(without, 'agonist_signal_rel', 8));
  });

  it('flags precipitated withdrawal when naltrexone starts in an opioid-dependent patient, and none otherwise', () => {
    const dependent = run(50, true);
    const naive = run(50, false);
    const before = at(dependent, 'withdrawal_index', 1.75);
    const after = maxOver(dependent, 'withdrawal_index', 2, 8);
    expect(after).toBeGreaterThan(before + 0.5);
    expect(maxOver(naive, 'withdrawal_index', 0, 8)).toBeLessThan(0.5 * after);
  });

  it('adapts a dependent patient: receptor density or endorphin tone below baseline at t = 0', () => {
    const dependent = run(0, true);
    expect(Math.min(dependent.o.endorphin_rel[0], dependent.o.mor_density_rel[0])).toBeLessThan(0.95);
  });
});
