import { describe, expect, it } from 'vitest';
import { simulatePopulation } from '../../../src/engine/population/simulatePopulation';
import { simulate } from '../../../src/engine/simulate';

const scenario = { version: 1, duration_h: 72, output_step_h: 1, regimen: { doses: [{ time_h: 0, amount_mg: 50 }, { time_h: 24, amount_mg: 50 }] } };

describe('simulatePopulation', () => {
  it('is deterministic for a seed: the same seed gives bit-identical bands, another seed different ones', () => {
    const opts = { subjects: 20, seed: 7, variability: { ntx_cl: 0.3, ntx_ka: 0.4, ntx_koff: 0.5 } };
    const a = simulatePopulation(scenario, opts);
    const b = simulatePopulation(scenario, opts);
    const c = simulatePopulation(scenario, { ...opts, seed: 8 });
    expect(a.status.code).toBe('ok');
    for (const id of Object.keys(a.bands)) {
      for (const q of ['5', '50', '95']) {
        expect(Array.from(b.bands[id][q])).toEqual(Array.from(a.bands[id][q]));
      }
    }
    expect(Array.from(c.bands.naltrexone_ng_per_ml['50'])).not.toEqual(Array.from(a.bands.naltrexone_ng_per_ml['50']));
  });

  it('with only clearance varying, each band equals the subject at the matching clearance order statistic', () => {
    // Plasma naltrexone falls as CL rises at every t > 0 (comparison principle: the central amount obeys
    // A' = input − (CL/V)·A with the input independent of CL). So for N = 101 (type-7 percentiles 5/50/95 fall
    // exactly on order statistics 5, 50, 95) the 5th percentile of concentration is the subject with the 95th
    // percentile of CL, the median the median, and so on — each checked against simulate() at that CL.
    const N = 101;
    // The same tolerance as simulate()'s default, so that identical parameters give identical numbers.
    const r = simulatePopulation(scenario, { subjects: N, seed: 11, variability: { ntx_cl: 0.35 }, rtol: 1e-6 });
    expect(r.status.code).toBe('ok');
    const cl = Float64Array.from(r.parameters.ntx_cl).sort();
    for (const [q, clRank] of [['5', 95], ['50', 50], ['95', 5]] as const) {
      const one = simulate({ ...scenario, parameters: { ntx_cl: cl[clRank] } });
      const band = r.bands.naltrexone_ng_per_ml[q];
      const ref = one.observables.naltrexone_ng_per_ml;
      let worst = 0;
      for (let k = 1; k < ref.length; k++) worst = Math.max(worst, Math.abs(band[k] - ref[k]) / Math.max(ref[k], 1e-3));
      // Both are the same ODE solved at rtol 1e-6; identical parameters give identical numbers.
      expect(worst, `percentile ${q}`).toBeLessThan(1e-9);
    }
  });

  it('solves subjects at rtol 1e-4 by default, within 1e-3 of the peak of bands solved at 1e-7', () => {
    const opts = { subjects: 15, seed: 5, variability: { ntx_cl: 0.3, ntx_ka: 0.3 } };
    const loose = simulatePopulation(scenario, opts);
    const tight = simulatePopulation(scenario, { ...opts, rtol: 1e-7 });
    for (const id of ['naltrexone_ng_per_ml', 'mor_occupancy']) {
      for (const q of ['5', '50', '95']) {
        const a = loose.bands[id][q], b = tight.bands[id][q];
        const peak = Math.max(...b);
        for (let k = 0; k < a.length; k++) expect(Math.abs(a[k] - b[k])).toBeLessThan(1e-3 * peak);
      }
    }
  });

  it('orders its bands: 5th ≤ 50th ≤ 95th everywhere', () => {
    const r = simulatePopulation(scenario, { subjects: 30, seed: 3, variability: { ntx_cl: 0.3, ntx_kd_nm: 0.5, mor_half_life_h: 0.3 } });
    for (const id of Object.keys(r.bands)) {
      const { '5': lo, '50': mid, '95': hi } = r.bands[id];
      for (let k = 0; k < lo.length; k++) {
        expect(lo[k]).toBeLessThanOrEqual(mid[k]);
        expect(mid[k]).toBeLessThanOrEqual(hi[k]);
      }
    }
  });

  it('rejects bad input with the field named', () => {
    expect(simulatePopulation(scenario, { subjects: 0, seed: 1, variability: {} }).status.field).toBe('population.subjects');
    expect(simulatePopulation(scenario, { subjects: 5, seed: 1, variability: { nope: 0.3 } }).status.field).toBe('population.variability.nope');
    expect(simulatePopulation(scenario, { subjects: 5, seed: 1, variability: { ntx_cl: -1 } }).status.field).toBe('population.variability.ntx_cl');
    expect(simulatePopulation(scenario, { subjects: 5, seed: NaN, variability: {} }).status.field).toBe('population.seed');
    expect(simulatePopulation(scenario, { subjects: 5, seed: 1, variability: {}, rtol: 0.5 }).status.field).toBe('population.rtol');
    expect(simulatePopulation({ version: 1 }, { subjects: 5, seed: 1, variability: {} }).status.code).toBe('INVALID_INPUT');
  });
});

describe('simulatePopulation() resources', () => {
  const scenario = { version: 1, duration_h: 24, output_step_h: 1, regimen: '4.5 mg once at 22:00' };

  it('summarises only the observables asked for, with the same numbers as the full summary', async () => {
    const { simulatePopulation } = await import('../../../src/engine/population/simulatePopulation');
    const opts = { subjects: 15, seed: 4, variability: { ntx_cl: 0.3 } };
    const all = simulatePopulation(scenario, opts);
    const some = simulatePopulation(scenario, { ...opts, observables: ['mor_occupancy'] });
    expect(Object.keys(some.bands)).toEqual(['mor_occupancy']);
    expect(Array.from(some.bands.mor_occupancy['50'])).toEqual(Array.from(all.bands.mor_occupancy['50']));
  });

  it('refuses, naming what to reduce, a population whose percentile data would not fit in memory', async () => {
    const { simulatePopulation, MAX_POPULATION_BYTES } = await import('../../../src/engine/population/simulatePopulation');
    // 10,000 subjects × 8,761 hourly points of a year × 1 observable × 8 B = 701 MB fits; × 2 observables does not
    const year = { ...scenario, duration_h: 8760 };
    const r = simulatePopulation(year, { subjects: 10_000, seed: 1, variability: {}, observables: ['mor_occupancy', 'il6_rel'] });
    expect(10_000 * 8761 * 2 * 8).toBeGreaterThan(MAX_POPULATION_BYTES);
    expect(r.status.code).toBe('INVALID_INPUT');
    expect(r.status.field).toBe('population.subjects');
    expect(r.status.message).toMatch(/fewer subjects/);
    const bad = simulatePopulation(scenario, { subjects: 2, seed: 1, variability: {}, observables: ['plasma'] });
    expect(bad.status.field).toBe('population.observables');
  });
});
