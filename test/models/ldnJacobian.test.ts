import { describe, expect, it } from 'vitest';
import { createModel, withDerived } from '../../models/index';
import { ALL_PERSISTENCE, ALL_UPREGULATION } from './simulateHelpers';

/** Deterministic pseudo-random numbers (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('analytic Jacobian', () => {
  for (const persistence of ALL_PERSISTENCE) {
    for (const upregulation of ALL_UPREGULATION) {
      it(`matches central finite differences at 20 random states (${persistence}, ${upregulation})`, () => {
        const model = createModel({ persistence, upregulation, metabolite_occupancy: true });
        const n = model.states.length;
        const rand = rng(7);
        const base = new Float64Array(model.parameters.map((s) => s.value));
        const J = new Float64Array(n * n);
        const fp = new Float64Array(n);
        const fm = new Float64Array(n);
        for (let trial = 0; trial < 20; trial++) {
          const p0 = base.slice();
          // exercise the structural terms that are zero in some sets
          p0[model.parameters.findIndex((s) => s.id === 'ntx_k_iso')] = rand();
          p0[model.parameters.findIndex((s) => s.id === 'ntx_deep_partition')] = 10 * rand();
          p0[model.parameters.findIndex((s) => s.id === 'ntx_q_deep')] = 5 * rand();
          const p = withDerived(model, p0);
          const y = new Float64Array(n);
          model.init(p, y);
          for (let i = 0; i < n; i++) y[i] += 2 * rand();
          y[model.states.findIndex((s) => s.id === 'mor_total')] = 1 + rand();
          // bound receptors are a part of the pool (physical states: Ru = R − bound > 0)
          for (const id of ['mor_ntx', 'mor_bn', 'mor_ntx_tight']) y[model.states.findIndex((s) => s.id === id)] = 0.3 * rand();
          y[model.states.findIndex((s) => s.id === 'microglia')] = 0.05 + 0.5 * rand();
          model.jac!(0, y, p, J);
          for (let j = 0; j < n; j++) {
            const h = 1e-6 * Math.max(1, Math.abs(y[j]));
            const yp = y.slice();
            const ym = y.slice();
            yp[j] += h;
            ym[j] -= h;
            model.rhs(0, yp, p, fp);
            model.rhs(0, ym, p, fm);
            for (let i = 0; i < n; i++) {
              const fd = (fp[i] - fm[i]) / (2 * h);
              const tol = 1e-5 * Math.max(1, Math.abs(fd));
              if (Math.abs(fd - J[i * n + j]) > tol) {
                throw new Error(`∂${model.states[i].id}/∂${model.states[j].id}: analytic ${J[i * n + j]} vs FD ${fd}`);
              }
            }
          }
        }
        expect(true).toBe(true);
      });
    }
  }
});
