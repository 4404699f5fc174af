import { describe, expect, it } from 'vitest';
import { createModel, withDerived } from '../../models/index';
import { D, N_DERIVED } from '../../models/derivedParameters';
import { N_PARAMETERS, P } from '../../models/parameterSpecs';

describe('derived parameters (computed once per run, read by the RHS)', () => {
  const values = (m: ReturnType<typeof createModel>) => new Float64Array(m.parameters.map((s) => s.value));

  it('derive() gives each constant by its definition: CL/V, ln2/t½, koff/KD, e0/(1 + e0), kd·M0/(1 − M0)·drive', () => {
    const m = createModel({ upregulation: 'chaperone', metabolite_occupancy: true });
    const p0 = values(m);
    p0[P.ntx_q_deep] = 3; // non-zero, so Q/Vc and Q/Vd are exercised
    const p = withDerived(m, p0);
    expect(p.length).toBe(N_PARAMETERS + N_DERIVED);
    expect(Array.from(p.subarray(0, N_PARAMETERS))).toEqual(Array.from(p0));
    expect(p[D.ntx_kel]).toBe(p0[P.ntx_cl] / p0[P.ntx_v_c]);
    expect(p[D.ntx_q_c]).toBe(3 / p0[P.ntx_v_c]);
    expect(p[D.ntx_q_d]).toBe(3 / p0[P.ntx_v_deep]);
    expect(p[D.ntx_fp] + p[D.ntx_f_other] + p0[P.ntx_f_oral]).toBeCloseTo(1, 15);
    expect(p[D.bn_kel]).toBe(p0[P.bn_cl] / p0[P.bn_v]);
    expect(p[D.s0]).toBe(p0[P.endo_tone] / (1 + p0[P.endo_tone]));
    expect(p[D.mor_kdeg]).toBe(Math.LN2 / p0[P.mor_half_life_h]);
    // chaperone hypothesis: bound receptors are degraded at φ·kdeg
    expect(p[D.bound_deg]).toBe((Math.LN2 / p0[P.mor_half_life_h]) * p0[P.mor_bound_protection]);
    expect(p[D.ntx_kon]).toBe(p0[P.ntx_koff] / p0[P.ntx_kd_nm]);
    expect(p[D.bn_kon]).toBe(p0[P.bn_koff] / p0[P.bn_kd_nm]);
    expect(p[D.tnf_k]).toBe(Math.LN2 / p0[P.tnf_half_life_h]);
  });

  it('follows the structural switches: synthesis → φ = 1; a metabolite that does not bind has no association rate', () => {
    const m = createModel({ upregulation: 'synthesis', metabolite_occupancy: false });
    const p = withDerived(m, values(m));
    expect(p[D.bound_deg]).toBe(p[D.mor_kdeg]);
    expect(p[D.bn_kon]).toBe(0);
  });

  it('init() refuses a parameter vector without its derived constants, naming the fix', () => {
    const m = createModel();
    expect(() => m.init(values(m), new Float64Array(m.states.length))).toThrow(/withDerived/);
  });

  it('withDerived() refuses a vector of the wrong length and reuses a buffer of the right one', () => {
    const m = createModel();
    expect(() => withDerived(m, new Float64Array(3))).toThrow(new RegExp(`expected ${N_PARAMETERS} parameters`));
    const buf = new Float64Array(N_PARAMETERS + N_DERIVED);
    expect(withDerived(m, values(m), buf)).toBe(buf);
  });
});
