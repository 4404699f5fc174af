import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/engine/simulate';
import { fitToData, type Observation } from '../../../src/engine/fit/fitToData';

// A 48 h single 50 mg dose: plasma naltrexone and 6β-naltrexol only matter here, so the fit is quick.
const scenario = { version: 1, duration_h: 48, output_step_h: 0.25, regimen: { doses: [{ time_h: 0, amount_mg: 50 }] } };

describe('fitToData()', () => {
  it('recovers known clearance and bioavailability from noise-free synthetic plasma data to 1 %', () => {
    // Truth: values away from the defaults; the data are the model's own predictions at the truth, so the fit must
    // return the truth (identifiable: CL from the slope, F from the level).
    const truth = { ntx_cl: 120, ntx_f_oral: 0.12 };
    const truthRun = simulate({ ...scenario, parameters: truth });
    const times = [0.5, 1, 2, 4, 8, 12, 24];
    const data: Observation[] = times.map((t) => ({
      time_h: t, observable: 'naltrexone_ng_per_ml', value: truthRun.observables.naltrexone_ng_per_ml[Math.round(t / 0.25)],
    }));
    const fit = fitToData(scenario, data, { parameterIds: ['ntx_cl', 'ntx_f_oral'], residualScale: 'log' });
    expect(fit.status.code).toBe('ok');
    expect(fit.sse).toBeLessThan(fit.sseStart);
    expect(fit.estimates.ntx_cl / truth.ntx_cl).toBeCloseTo(1, 2);
    expect(fit.estimates.ntx_f_oral / truth.ntx_f_oral).toBeCloseTo(1, 2);
  });

  it('names the row and field of a bad observation', () => {
    const fit = fitToData(scenario, [{ time_h: 1, observable: 'plasma', value: 3 }], { parameterIds: ['ntx_cl'] });
    expect(fit.status.code).toBe('INVALID_INPUT');
    expect(fit.status.field).toBe('data[0].observable');
  });
});
