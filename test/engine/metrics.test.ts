import { describe, expect, it } from 'vitest';
import { integrate, timeAbove, computeMetrics } from '../../src/engine/metrics';

const grid = (n: number, dt: number) => Float64Array.from({ length: n }, (_, i) => i * dt);

describe('integrate()', () => {
  it('is exact for a linear function (the trapezoid rule integrates lines exactly)', () => {
    const t = grid(11, 0.5); // 0..5 h
    const y = t.map((x) => 3 * x + 1);
    // ∫_0^5 (3t+1) dt = 1.5·25 + 5 = 42.5
    expect(integrate(t, y, 0, 5)).toBeCloseTo(42.5, 12);
    // a window that cuts grid cells: ∫_0.25^4.6 (3t+1) dt = 1.5(4.6²−0.25²) + 4.35 = 36.0975
    expect(integrate(t, y, 0.25, 4.6)).toBeCloseTo(1.5 * (4.6 ** 2 - 0.25 ** 2) + 4.35, 12);
  });
});

describe('timeAbove()', () => {
  it('finds the crossing of a line exactly', () => {
    const t = grid(3, 5); // 0, 5, 10
    const y = t.map((x) => x / 10); // 0 → 1
    // y ≥ 0.5 for t ≥ 5 → 5 h; y ≥ 0.9 for t ≥ 9 → 1 h
    expect(timeAbove(t, y, 0.5, 0, 10)).toBeCloseTo(5, 12);
    expect(timeAbove(t, y, 0.9, 0, 10)).toBeCloseTo(1, 12);
  });

  it('converges to the exact time above for a sine as the grid is refined', () => {
    // y = sin(2πt/24) over one day: y ≥ 0.5 for t ∈ [2, 10] → 8 h exactly.
    const errors = [100, 1000].map((n) => {
      const t = grid(n, 24 / (n - 1));
      const y = t.map((x) => Math.sin((2 * Math.PI * x) / 24));
      return Math.abs(timeAbove(t, y, 0.5, 0, 24) - 8);
    });
    expect(errors[0]).toBeLessThan(0.01);
    expect(errors[1]).toBeLessThan(errors[0] / 10); // second order: 10× finer → ~100× smaller (grids chosen so no point falls on a crossing)
  });
});

describe('computeMetrics()', () => {
  it('reports Cmax, Tmax and the last-day occupancy statistics of known curves', () => {
    const t = grid(49, 1); // 0..48 h
    const ntx = t.map((x) => Math.exp(-((x - 10) ** 2) / 8)); // peak 1 at t = 10
    const occ = t.map((x) => (x < 24 ? 0.2 : 0.2 + 0.7 * ((x - 24) / 24))); // ramp 0.2 → 0.9 over the last day
    const m = computeMetrics(t, { naltrexone_ng_per_ml: ntx, mor_occupancy: occ }, [{ time_h: 0, amount_mg: 4.5 }]);
    expect(m.ntx_cmax_ng_per_ml).toBe(1);
    expect(m.ntx_tmax_h).toBe(10);
    expect(m.occupancy_trough_last24h).toBeCloseTo(0.2, 12);
    expect(m.occupancy_mean_last24h).toBeCloseTo(0.55, 12); // mean of a line from 0.2 to 0.9
    // occ ≥ 0.5 when 0.2 + 0.7 s ≥ 0.5 → s ≥ 3/7 → (4/7)·24 h
    expect(m.hours_above_50_last24h).toBeCloseTo((4 / 7) * 24, 10);
    expect(m.total_dose_mg).toBe(4.5);
  });
});
