import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTenths } from '../../../../src/view/charts/formatTenths';

/** The definition it replaces in path strings (ChartGroup): JavaScript's own text of the value rounded to 0.1. */
const reference = (v: number): string => String(Math.round(v * 10) / 10);

describe('formatTenths', () => {
  it('writes exactly what String(Math.round(v * 10) / 10) writes, for chart-sized and extreme numbers', () => {
    fc.assert(fc.property(fc.double({ min: -5000, max: 5000, noNaN: true }), (v) => formatTenths(v) === reference(v)), { seed: 7, numRuns: 20000 });
    fc.assert(fc.property(fc.double(), (v) => formatTenths(v) === reference(v)), { seed: 8, numRuns: 20000 });
    fc.assert(fc.property(fc.integer({ min: -1e6, max: 1e6 }), (k) => formatTenths(k / 10) === reference(k / 10)), { seed: 9, numRuns: 20000 });
  });

  it('handles the edges: zero, minus zero, halves, negatives, near 1e14 and non-finite values', () => {
    for (const v of [0, -0, 0.04, -0.04, 0.05, -0.05, 0.15, -0.15, 1.25, -1.25, 99.95, -99.95, 123.45, 1e13 + 0.3, 99999999999999.9, 1e14, 1e15, 1e21, -1e21, Infinity, -Infinity, NaN])
      expect(formatTenths(v), String(v)).toBe(reference(v));
    expect(formatTenths(-0.04)).toBe('0'); // not "-0": String(-0) is "0"
    expect(formatTenths(-1.25)).toBe('-1.2'); // Math.round rounds halves up: −12.5 → −12
  });
});
