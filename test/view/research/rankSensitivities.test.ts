import { describe, expect, it } from 'vitest';
import { rankSensitivities } from '../../../src/view/research/rankSensitivities';

// 4 parameters × 2 metrics, row-major [parameter][metric] as localSensitivity returns them.
const params = ['a', 'b', 'c', 'd'];
const metrics = ['m1', 'm2'];
const coefficients = Float64Array.from([
  0.2, 1,   // a
  -0.9, 0,  // b
  0.5, NaN, // c
  -0.2, -3, // d
]);

describe('rankSensitivities()', () => {
  it('orders bars by |S|, largest first, keeping the sign', () => {
    expect(rankSensitivities(params, metrics, coefficients, 'm1').bars).toEqual([
      { parameterId: 'b', s: -0.9 },
      { parameterId: 'c', s: 0.5 },
      { parameterId: 'a', s: 0.2 },
      { parameterId: 'd', s: -0.2 },
    ]);
  });

  it('breaks ties in |S| by the parameter table order (a before d for ±0.2)', () => {
    const bars = rankSensitivities(params, metrics, coefficients, 'm1').bars;
    expect(bars.slice(2).map((b) => b.parameterId)).toEqual(['a', 'd']);
    const reversed = rankSensitivities(['d', 'c', 'b', 'a'], metrics, Float64Array.from([-0.2, -3, 0.5, NaN, -0.9, 0, 0.2, 1]), 'm1').bars;
    expect(reversed.slice(2).map((b) => b.parameterId)).toEqual(['d', 'a']);
  });

  it('keeps the top N and counts zero and undefined coefficients apart', () => {
    const r = rankSensitivities(params, metrics, coefficients, 'm2', 1);
    expect(r.bars).toEqual([{ parameterId: 'd', s: -3 }]);
    expect(r.zero).toBe(1);
    expect(r.undefinedCount).toBe(1);
  });

  it('returns no bars for a metric that was not computed', () => {
    expect(rankSensitivities(params, metrics, coefficients, 'm3')).toEqual({ bars: [], zero: 0, undefinedCount: 4 });
  });
});
