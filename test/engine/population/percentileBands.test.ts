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

  it('gives exactly the numbers of a full sort (type 7) for random columns with ties, in any percentile order', () => {
    // quickselect finds the same order statistics a sort does, so the bands must agree bit for bit
    let seed = 99;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (const count of [1, 2, 3, 10, 101, 1000]) {
      const T = 7;
      const values = Float64Array.from({ length: T * count }, () => Math.round(rand() * 50) / 7); // many ties
      const ps = [95, 5, 50, 25, 75, 0, 100, 33.3];
      const bands = percentileBands(values, T, count, ps);
      for (let k = 0; k < T; k++) {
        const sorted = values.slice(k * count, (k + 1) * count).sort();
        ps.forEach((p, i) => expect(bands[i][k]).toBe(percentileOfSorted(sorted, p)));
      }
    }
  });

  it('gives a constant column its value at every percentile', () => {
    // Grid point 0: every subject 0.25 (as an absent co-medication or a pre-dose baseline); point 1: 1, 2, 3.
    const values = new Float64Array([0.25, 0.25, 0.25, 1, 2, 3]);
    const [p5, p50, p95] = percentileBands(values, 2, 3, [5, 50, 95]);
    expect([p5[0], p50[0], p95[0]]).toEqual([0.25, 0.25, 0.25]);
    // type 7 on [1, 2, 3]: h = 2·p/100 → 1.1, 2, 2.9
    expect(p5[1]).toBeCloseTo(1.1, 14);
    expect(p50[1]).toBe(2);
    expect(p95[1]).toBeCloseTo(2.9, 14);
  });
});

