import { describe, expect, it } from 'vitest';
import { createAutoIntegrator } from '../../../src/engine/solver/createAutoIntegrator';
import { createDopri5 } from '../../../src/engine/solver/dopri5';
import { createRodas4 } from '../../../src/engine/solver/rodas4';
import { newStats, type Integrator, type OdeSystem } from '../../../src/engine/solver/types';
import { HIRES, ROBER, VDPOL, mescd, type TestProblem } from './stiffTestSet';
import { prepareSimulation, runPrepared } from '../../../src/engine/simulate';

const none = new Float64Array(0);

function solveAuto(p: TestProblem, rtol: number) {
  const integ = createAutoIntegrator();
  const y = Float64Array.from(p.y0);
  const stats = newStats();
  const status = integ.integrate(p.sys, y, 0, p.tEnd, none, 0, 0, () => {}, { rtol, atol: rtol * p.atolPerRtol }, stats);
  return { status, y, stats, integ, digits: mescd(y, p) };
}

describe('createAutoIntegrator', () => {
  for (const p of [ROBER, HIRES, VDPOL]) {
    it(`${p.name}: switches to RODAS4 by itself and reaches the reference to the requested digits minus one`, () => {
      for (const d of [4, 6, 8]) {
        const r = solveAuto(p, 10 ** -d);
        expect(r.status.code).toBe('ok');
        expect(r.integ.switches).toBeGreaterThanOrEqual(1);
        expect(r.digits, `${p.name} rtol 1e-${d}`).toBeGreaterThanOrEqual(d - 1);
      }
    });
  }

  it('costs at most 2.5× the RHS calls of RODAS4 alone on ROBER, HIRES and VDPOL (rtol 1e-4 … 1e-8)', () => {
    for (const p of [ROBER, HIRES, VDPOL]) {
      for (const d of [4, 6, 8]) {
        const rtol = 10 ** -d;
        const a = solveAuto(p, rtol);
        const y = Float64Array.from(p.y0);
        const stats = newStats();
        createRodas4().integrate(p.sys, y, 0, p.tEnd, none, 0, 0, () => {}, { rtol, atol: rtol * p.atolPerRtol }, stats);
        // The price of never asking the user: explicit stretches, detection and the odd failed trial. Observed
        // worst: VDPOL at rtol 1e-4, 2.15× (5,540 vs 2,574 RHS calls); ROBER and HIRES stay within 1.5×.
        expect(a.stats.rhsEvals, `${p.name} rtol 1e-${d}`).toBeLessThan(2.5 * stats.rhsEvals);
      }
    }
  });

  it('stays explicit on a non-stiff problem (one-compartment oral PK): no switch', () => {
    const sys: OdeSystem = { n: 2, autonomous: true, rhs: (_t, y, d) => { d[0] = -1.2 * y[0]; d[1] = 1.2 * y[0] - 0.1 * y[1]; } };
    const integ = createAutoIntegrator();
    const st = integ.integrate(sys, new Float64Array([1, 0]), 0, 72, none, 0, 0, () => {}, { rtol: 1e-6, atol: 1e-10 }, newStats());
    expect(st.code).toBe('ok');
    expect(integ.switches).toBe(0);
    expect(integ.mode).toBe('dopri5');
  });

  it('on HIRES needs under a tenth of the RHS evaluations of DOPRI5 alone', () => {
    const auto = solveAuto(HIRES, 1e-6);
    const y = Float64Array.from(HIRES.y0);
    const stats = newStats();
    createDopri5().integrate(HIRES.sys, y, 0, HIRES.tEnd, none, 0, 0, () => {}, { rtol: 1e-6, atol: 1e-6 }, stats);
    expect(auto.stats.rhsEvals * 10).toBeLessThan(stats.rhsEvals);
  });

  it('switches back and forth on Van der Pol (stiff slow arcs, non-stiff fast jumps)', () => {
    const r = solveAuto(VDPOL, 1e-6);
    expect(r.integ.switches).toBeGreaterThanOrEqual(2);
  });

  it('starts explicit again when time goes backwards (a new run)', () => {
    const integ = createAutoIntegrator();
    const y = Float64Array.from(ROBER.y0);
    integ.integrate(ROBER.sys, y, 0, 100, none, 0, 0, () => {}, { rtol: 1e-6, atol: 1e-12 }, newStats());
    expect(integ.mode).toBe('rodas4');
    const sys: OdeSystem = { n: 1, rhs: (_t, yy, d) => { d[0] = -yy[0]; } };
    integ.integrate(sys, new Float64Array([1]), 0, 1, none, 0, 0, () => {}, { rtol: 1e-6, atol: 1e-12 }, newStats());
    expect(integ.mode).toBe('dopri5');
  });

  /** y1 tracks cos t with rate λ (stiff when λ is large), y2 decays slowly: the accurate step is set by cos t. */
  const tracking = (lambda: number): OdeSystem => ({
    n: 2,
    rhs: (t, y, d) => { d[0] = -lambda * (y[0] - Math.cos(t)); d[1] = -0.1 * y[1]; },
  });
  const countRhs = (integ: Integrator, sys: OdeSystem) => {
    const stats = newStats();
    const st = integ.integrate(sys, new Float64Array([1, 1]), 0, 100, none, 0, 0, () => {}, { rtol: 1e-6, atol: 1e-10 }, stats);
    expect(st.code).toBe('ok');
    return stats.rhsEvals;
  };

  it('catches strong stiffness that sits at DOPRI5\'s stability boundary (λ = 2000): ≥ 5× fewer RHS calls than DOPRI5', () => {
    const auto = createAutoIntegrator();
    const a = countRhs(auto, tracking(2000));
    const d = countRhs(createDopri5(), tracking(2000));
    expect(auto.mode).toBe('rodas4');
    expect(a * 5).toBeLessThan(d);
  });

  it('stays explicit when the stiffness is mild (λ = 50): RODAS4 would not pay for its costlier steps', () => {
    const auto = createAutoIntegrator();
    const a = countRhs(auto, tracking(50));
    const d = countRhs(createDopri5(), tracking(50));
    expect(auto.mode).toBe('dopri5');
    // At most one short trial of RODAS4 on top of DOPRI5's own work.
    expect(a).toBeLessThan(1.1 * d);
  });

  describe('learned (what a run teaches the next one)', () => {
    // The LDN model at rtol 1e-4 is mildly stiff: DOPRI5 runs at its stability limit (receptor binding, |λ| ≈ 8/h)
    // for most of each day, and RODAS4's steps are no longer there, so every stiff trial ends in a hand-back.
    const prepFor = (koff?: number) => {
      const prep = prepareSimulation({ version: 1, duration_h: 672, output_step_h: 1, regimen: '4.5 mg q24h x 28', solver: { rtol: 1e-4 } });
      if (!prep.ok) throw new Error(prep.status.message);
      const p = prep.prepared.p.slice();
      if (koff !== undefined) for (const id of ['ntx_koff', 'bn_koff']) p[prep.prepared.model.parameters.findIndex((s) => s.id === id)] = koff;
      return { prepared: prep.prepared, p };
    };

    it('reports the stiffness below which trials did not pay, and a run started with it makes none', () => {
      const { prepared, p } = prepFor();
      const pilot = createAutoIntegrator();
      const first = runPrepared(prepared, p, { metrics: false, integrator: pilot });
      expect(first.stats.jacEvals).toBeGreaterThan(0); // it tried RODAS4
      expect(pilot.learned).not.toBeNull();
      expect(pilot.learned!.lambda).toBeGreaterThan(0);
      const hinted = runPrepared(prepared, p, { metrics: false, integrator: createAutoIntegrator(pilot.learned) });
      expect(hinted.stats.jacEvals).toBe(0);
      expect(hinted.stats.rhsEvals).toBeLessThan(first.stats.rhsEvals);
      // Same problem, same tolerance, another method path: both within the tolerance of a tight reference
      // (the bound: rtol 1e-4 on each step, ~2,000 steps; measured ≤ 3e-4 of the peak, see POPULATION_RTOL).
      const ref = runPrepared({ ...prepared, options: { ...prepared.options, rtol: 1e-9, atol: 1e-13 } }, p, { metrics: false });
      for (const id of ['mor_occupancy', 'naltrexone_ng_per_ml', 'opioid_signal_rel']) {
        const a = hinted.observables[id], r = ref.observables[id];
        const peak = Math.max(...r);
        for (let k = 0; k < r.length; k++) expect(Math.abs(a[k] - r[k]) / peak, `${id} at ${k} h`).toBeLessThan(1e-3);
      }
    });

    it('still switches when a problem is far stiffer than the one the hint came from', () => {
      const { prepared, p } = prepFor();
      const pilot = createAutoIntegrator();
      runPrepared(prepared, p, { metrics: false, integrator: pilot });
      // koff 1000/h: binding 500× faster at the same KD (|λ| in the thousands per hour, ≫ the learned floor)
      const stiff = prepFor(1000);
      const r = runPrepared(stiff.prepared, stiff.p, { metrics: false, integrator: createAutoIntegrator(pilot.learned) });
      expect(r.status.code).toBe('ok');
      expect(r.stats.jacEvals).toBeGreaterThan(1000);
      expect(r.stats.steps).toBeLessThan(10_000); // DOPRI5 alone would need ~650,000
    });

    it('is null when the stiff method paid (ROBER)', () => {
      const r = solveAuto(ROBER, 1e-6);
      expect(r.stats.jacEvals).toBeGreaterThan(0);
      expect(r.integ.learned).toBeNull();
    });
  });
});

