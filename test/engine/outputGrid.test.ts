import { describe, expect, it } from 'vitest';
import { outputGrid } from '../../src/engine/outputGrid';

describe('outputGrid()', () => {
  it('is k·Δ without drift over a year at a 0.1 h step', () => {
    const g = outputGrid(8760, 0.1);
    expect(g.length).toBe(87601);
    expect(g[87600]).toBe(87600 * 0.1);
    expect(g[12345]).toBe(12345 * 0.1);
  });
  it('ends exactly at the duration when the step does not divide it', () => {
    const g = outputGrid(10, 3);
    expect(Array.from(g)).toEqual([0, 3, 6, 9, 10]);
  });
});
