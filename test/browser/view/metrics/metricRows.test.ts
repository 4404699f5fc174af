import { describe, expect, it } from 'vitest';
import { METRIC_ROWS, tmaxAfterDose, troughLast24h } from '../../../../src/view/metrics/metricRows';
import type { SimulationResult } from '../../../../src/engine/result';

function result(metrics: Record<string, number>, y?: number[]): SimulationResult {
  const t = y ? Float64Array.from(y, (_, i) => i * 6) : new Float64Array(0);
  return {
    status: { code: 'ok', message: '' }, time_h: t,
    observables: y ? { naltrexone_ng_per_ml: Float64Array.from(y) } : {},
    metrics, doses: [], agonistDoses: [], stats: {} as SimulationResult['stats'],
  };
}
const row = (id: string) => METRIC_ROWS.find((r) => r.id === id)!;

describe('metric rows', () => {
  it('shows fractions as % and _rel means as % change from baseline 1.0', () => {
    const r = result({ occupancy_peak: 0.456, opioid_signal_rel_mean_last24h: 0.8, il6_rel_mean_last24h: 1.0123 });
    expect(row('occ_peak').value(r)).toBeCloseTo(45.6, 12);
    expect(row('signal').format(row('signal').value(r))).toBe('-20.0');
    expect(row('il6').format(row('il6').value(r))).toBe('+1.23');
  });
  it('gives NaN (shown as —) for metrics a result lacks, never a number made up', () => {
    const r = result({});
    for (const m of METRIC_ROWS) if (m.id !== 'ntx_trough') expect(m.format(m.value(r))).toBe('—');
  });
  it('gives Tmax as the time since the last dose before the peak', () => {
    const r = { ...result({ ntx_tmax_h: 145.1 }), doses: [{ time_h: 22, amount_mg: 4.5 }, { time_h: 142, amount_mg: 4.5 }, { time_h: 166, amount_mg: 4.5 }] };
    expect(tmaxAfterDose(r)).toBeCloseTo(3.1, 12);
    expect(tmaxAfterDose(result({ ntx_tmax_h: 5 }))).toBeNaN(); // no dose before the peak
  });
  it('reads the naltrexone trough as the minimum over the last 24 h', () => {
    // samples every 6 h over 48 h; the last 24 h are t = 24…48 → values 5, 3, 4, 6, 7
    expect(troughLast24h(result({}, [1, 9, 9, 9, 5, 3, 4, 6, 7]), 'naltrexone_ng_per_ml')).toBe(3);
  });
});
