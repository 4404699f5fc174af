import { describe, expect, it } from 'vitest';
import { percentileBands, percentileOfSorted } from '../../../src/engine/population/percentileBands';

describe('percentileOfSorted', () => {
  it('follows Hyndman–Fan type 7 (R quantile() default): quantile(1:5, c(.05,.5,.95)) = 1.2, 3, 4.8', () => {
    const x = new Float64Array([1, 2, 3, 4, 5]);
    expect(percentileOfSorted(x, 5)).toBeCloseTo(1.2, 14);
    expect(percentileOfSorted(x, 50)).toBe(3);
    expect(percentileOfSorted(x, 95)).toBeCloseTo(4.8, 14);
    expect(percentileOfSorted(x, 0)).toBe(1);
    expect(percentileOfSorted(x, 100)).toBe(5);
  });
});

describe('percentileBands', () => {
  it('sorts each grid point separately (time-major input)', () => {
    // Two grid points × three subjects: k = 0 → [3, 1, 2], k = 1 → [10, 30, 20].
    const values = new Float64Array([3, 1, 2, 10, 30, 20]);
    const [p0, p50, p100] = percentileBands(values, 2, 3, [0, 50, 100]);
    expect(Array.from(p0)).toEqual([1, 10]);
    expect(Array.from(p50)).toEqual([2, 20]);
    expect(Array.from(p100)).toEqual([3, 30]);
  });
});
