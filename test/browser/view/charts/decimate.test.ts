import { describe, expect, it } from 'vitest';
import { decimate } from '../../../../src/view/charts/decimate';

describe('decimate()', () => {
  it('keeps every point when there are few per pixel column', () => {
    const x = [0, 1, 2, 3];
    expect(decimate(x, [1, 2, 3, 4], 0, 3, 100)).toEqual([0, 1, 2, 3]);
  });

  it('keeps each column’s first, min, max and last point, so peaks survive', () => {
    // 10 000 points of sin(40 t) over 100 columns: without the extremes the envelope would be lost
    const n = 10_000;
    const x = Array.from({ length: n }, (_, i) => i / (n - 1));
    const y = x.map((t) => Math.sin(40 * t));
    const idx = decimate(x, y, 0, 1, 100);
    expect(idx.length).toBeLessThanOrEqual(4 * 101);
    for (let i = 1; i < idx.length; i++) expect(idx[i]).toBeGreaterThan(idx[i - 1]);
    const kept = idx.map((i) => y[i]);
    expect(Math.max(...kept)).toBe(Math.max(...y));
    expect(Math.min(...kept)).toBe(Math.min(...y));
  });

  it('never returns a non-finite point', () => {
    const n = 5000;
    const x = Array.from({ length: n }, (_, i) => i);
    const y = x.map((i) => (i % 7 === 0 ? NaN : i % 11 === 0 ? Infinity : i));
    for (const cols of [10, 5000]) for (const i of decimate(x, y, 0, n, cols)) expect(Number.isFinite(y[i])).toBe(true);
  });

  it('includes one point either side of a zoom window so the line reaches the edges', () => {
    const x = Array.from({ length: 100 }, (_, i) => i);
    const idx = decimate(x, x, 10.5, 20.5, 500);
    expect(idx[0]).toBe(10);
    expect(idx[idx.length - 1]).toBe(21);
  });
});
