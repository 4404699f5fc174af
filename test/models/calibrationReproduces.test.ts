import { describe, expect, it } from 'vitest';
import { CALIBRATION } from '../../models/calibration';
import { at, maxOver, readData, runDoses } from './simulateHelpers';
import type { Hypotheses } from '../../models/types';

// The committed calibration (models/calibration.ts, written by scripts/calibrate.ts) must still describe the current
// model: re-simulating every hypothesis set reproduces its recorded fit error, and every set meets the PET criterion.
// Data: Rabiner 2011 via Trøstheim 2022 (PET peak vs dose); Lee 1988 J Nucl Med 29:1207 (50 mg time course).
const pet = readData('pet_occupancy_vs_dose.csv');
const lee = readData('lee1988_occupancy_50mg.csv');

function hypothesesOf(key: string): Hypotheses {
  const [persistence, metab, upregulation] = key.split('|');
  return {
    persistence: persistence as Hypotheses['persistence'],
    metabolite_occupancy: metab === 'metabolite_binds',
    upregulation: upregulation as Hypotheses['upregulation'],
  };
}

describe('committed calibration', () => {
  for (const [key, fit] of Object.entries(CALIBRATION.binding)) {
    const hypotheses = hypothesesOf(key);
    it(`reproduces its recorded occupancy RMSE (${fit.rmse.toFixed(3)}) and the PET criterion (${key})`, () => {
      const peaks = new Map<number, number>();
      for (const dose of new Set(pet.map((r) => r.dose_mg))) {
        peaks.set(dose, maxOver(runDoses([{ time_h: 0, amount_mg: dose }], 8, 0.1, { hypotheses }), 'mor_occupancy', 0, 8));
      }
      const single = runDoses([{ time_h: 0, amount_mg: 50 }], 168, 0.1, { hypotheses });
      let ss = 0;
      for (const r of pet) ss += (peaks.get(r.dose_mg)! - r.occupancy) ** 2;
      for (const r of lee) ss += (at(single, 'mor_occupancy', r.time_h) - r.occupancy) ** 2;
      const rmse = Math.sqrt(ss / (pet.length + lee.length));
      // the recorded value includes the (zero when met) PET-range penalty and a 50 mg-daily penalty: ≥ plain RMSE
      expect(rmse).toBeLessThanOrEqual(fit.rmse + 1e-3);
      expect(rmse).toBeGreaterThan(fit.rmse * 0.5);
      for (const dose of new Set(pet.map((r) => r.dose_mg))) {
        const subjects = pet.filter((r) => r.dose_mg === dose).map((r) => r.occupancy);
        expect(peaks.get(dose)!).toBeGreaterThanOrEqual(Math.min(...subjects) - 0.1);
        expect(peaks.get(dose)!).toBeLessThanOrEqual(Math.max(...subjects) + 0.1);
      }
    });
  }
});
