import { describe, expect, it } from 'vitest';
import { populationTransferables, transferablesOf } from '../../workers/transferablesOf';
import type { SimulationResult } from '../../src/engine/result';

const base = {
  status: { code: 'ok', message: '' },
  metrics: {},
  doses: [],
  agonistDoses: [],
  stats: { steps: 0, rejected: 0, rhsEvals: 0, jacEvals: 0, decompositions: 0 },
} as const;

describe('transferablesOf', () => {
  it('lists the buffer of time_h and of every observable', () => {
    const r: SimulationResult = { ...base, time_h: new Float64Array(3), observables: { a: new Float64Array(3), b: new Float64Array(3) } };
    const list = transferablesOf(r);
    expect(list).toHaveLength(3);
    expect(new Set(list)).toEqual(new Set([r.time_h.buffer, r.observables.a.buffer, r.observables.b.buffer]));
  });

  it('lists a buffer shared by several arrays once (postMessage rejects duplicates)', () => {
    const shared = new ArrayBuffer(64);
    const r: SimulationResult = {
      ...base,
      time_h: new Float64Array(shared, 0, 2),
      observables: { a: new Float64Array(shared, 16, 2), b: new Float64Array(shared, 32, 4) },
    };
    expect(transferablesOf(r)).toEqual([shared]);
  });

  it('skips empty buffers (a failed validation returns empty arrays)', () => {
    const r: SimulationResult = { ...base, time_h: new Float64Array(0), observables: {} };
    expect(transferablesOf(r)).toEqual([]);
  });

  it('lists every band, the grid and every sampled-parameter column of a population, once each', () => {
    const grid = new Float64Array(2);
    const shared = new ArrayBuffer(32);
    const list = populationTransferables({
      status: { code: 'ok', message: '' },
      time_h: grid,
      bands: { a: { '5': new Float64Array(shared, 0, 2), '95': new Float64Array(shared, 16, 2) }, b: { '50': new Float64Array(2) } },
      percentiles: [5, 50, 95],
      parameters: { ntx_cl: new Float64Array(3) },
      subjects: 3,
      failed: 0,
      rhsEvals: 0,
    });
    expect(list).toHaveLength(4); // grid, shared, b's band, the parameter column
    expect(list).toContain(grid.buffer);
    expect(list).toContain(shared);
  });
});
