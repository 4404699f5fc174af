import { describe, expect, it } from 'vitest';
import { createIntegrator } from '../../../src/engine/solver/createIntegrator';
import { newStats, type Integrator, type OdeSystem, type SolveOptions, type SolverMethod } from '../../../src/engine/solver/types';
import { createRng, type Rng } from '../../../src/engine/population/createRng';
import { prepareSimulation, runPrepared } from '../../../src/engine/simulate';
import { oneCmtBolus, oneCmtInfusion, oneCmtOral, twoCmtBolus, twoCmtInfusion, twoCmtOral } from './closedFormPk';

/** A change applied between segments: a dose into a state, or a new infusion rate. */
interface Event {
  t: number;
  apply(y: Float64Array): void;
}

interface PkCase {
  name: string;
  sys: OdeSystem;
  y0: number[];
  events: Event[];
  /** Index of the central compartment, compared with `exact`. */
  central: number;
  exact(t: number): number;
}

const T_END = 72;
const GRID = (() => {
  const g = new Float64Array(145);
  for (let i = 0; i < g.length; i++) g[i] = i * 0.5;
  return g;
})();

/** Integrates segment by segment between events (reset at each), like simulate() does with doses. */
function drive(integ: Integrator, c: PkCase, opts: SolveOptions): { code: string; out: Float64Array } {
  const y = Float64Array.from(c.y0);
  const out = new Float64Array(GRID.length).fill(NaN);
  out[0] = y[c.central];
  const stats = newStats();
  const events = [...c.events].sort((a, b) => a.t - b.t);
  let t = 0, e = 0;
  integ.reset();
  for (;;) {
    while (e < events.length && events[e].t <= t) { events[e].apply(y); e++; integ.reset(); }
    const tNext = e < events.length ? Math.min(events[e].t, T_END) : T_END;
    const s = integ.integrate(c.sys, y, t, tNext, GRID, 0, GRID.length, (k, _t, yy) => { out[k] = yy[c.central]; }, opts, stats);
    if (s.code !== 'ok') return { code: s.code, out };
    t = tNext;
    if (t >= T_END) return { code: 'ok', out };
  }
}

const logU = (rng: Rng, lo: number, hi: number) => Math.exp(Math.log(lo) + rng.uniform() * (Math.log(hi) - Math.log(lo)));

function doses(rng: Rng, count: number): { times: number[]; amount: number } {
  const tau = 6 + rng.uniform() * 18; // 6–24 h
  return { times: Array.from({ length: count }, (_, i) => i * tau), amount: logU(rng, 0.5, 100) };
}

/** Random linear PK problems with exact solutions: 1- and 2-compartment, bolus / oral / infusion, repeated doses. */
const CASES: Array<(rng: Rng) => PkCase> = [
  (rng) => {
    const k = logU(rng, 0.02, 1);
    const { times, amount } = doses(rng, 3);
    return {
      name: '1-cmt IV bolus ×3', central: 0, y0: [amount], exact: (t) => times.reduce((s, ti) => s + oneCmtBolus(amount, k, t - ti), 0),
      sys: { n: 1, autonomous: true, rhs: (_t, y, d) => { d[0] = -k * y[0]; } },
      events: times.slice(1).map((ti) => ({ t: ti, apply: (y: Float64Array) => { y[0] += amount; } })),
    };
  },
  (rng) => {
    const k = logU(rng, 0.02, 1);
    // One set in four puts ka within 1e-6 relative of k (the Bateman limit).
    const ka = rng.uniform() < 0.25 ? k * (1 + 1e-6 * (rng.uniform() - 0.5)) : logU(rng, 0.1, 5);
    const { times, amount } = doses(rng, 4);
    return {
      name: '1-cmt oral ×4', central: 1, y0: [amount, 0], exact: (t) => times.reduce((s, ti) => s + oneCmtOral(amount, ka, k, t - ti), 0),
      sys: { n: 2, autonomous: true, rhs: (_t, y, d) => { d[0] = -ka * y[0]; d[1] = ka * y[0] - k * y[1]; } },
      events: times.slice(1).map((ti) => ({ t: ti, apply: (y: Float64Array) => { y[0] += amount; } })),
    };
  },
  (rng) => {
    const k = logU(rng, 0.02, 1);
    const R = logU(rng, 0.1, 20);
    const Tinf = 0.5 + rng.uniform() * 24;
    let rate = R;
    return {
      name: '1-cmt infusion', central: 0, y0: [0], exact: (t) => oneCmtInfusion(R, Tinf, k, t),
      sys: { n: 1, autonomous: true, rhs: (_t, y, d) => { d[0] = rate - k * y[0]; } },
      events: [{ t: 0, apply: () => { rate = R; } }, { t: Tinf, apply: () => { rate = 0; } }],
    };
  },
  (rng) => {
    const k10 = logU(rng, 0.02, 1), k12 = logU(rng, 0.01, 2), k21 = logU(rng, 0.01, 2);
    const { times, amount } = doses(rng, 2);
    return {
      name: '2-cmt IV bolus ×2', central: 0, y0: [amount, 0],
      exact: (t) => times.reduce((s, ti) => s + twoCmtBolus(amount, k10, k12, k21, t - ti), 0),
      sys: { n: 2, autonomous: true, rhs: (_t, y, d) => { d[0] = -(k10 + k12) * y[0] + k21 * y[1]; d[1] = k12 * y[0] - k21 * y[1]; } },
      events: times.slice(1).map((ti) => ({ t: ti, apply: (y: Float64Array) => { y[0] += amount; } })),
    };
  },
  (rng) => {
    const k10 = logU(rng, 0.02, 1), k12 = logU(rng, 0.01, 2), k21 = logU(rng, 0.01, 2), ka = logU(rng, 0.1, 5);
    const { times, amount } = doses(rng, 3);
    return {
      name: '2-cmt oral ×3', central: 1, y0: [amount, 0, 0],
      exact: (t) => times.reduce((s, ti) => s + twoCmtOral(amount, ka, k10, k12, k21, t - ti), 0),
      sys: {
        n: 3, autonomous: true,
        rhs: (_t, y, d) => { d[0] = -ka * y[0]; d[1] = ka * y[0] - (k10 + k12) * y[1] + k21 * y[2]; d[2] = k12 * y[1] - k21 * y[2]; },
      },
      events: times.slice(1).map((ti) => ({ t: ti, apply: (y: Float64Array) => { y[0] += amount; } })),
    };
  },
  (rng) => {
    const k10 = logU(rng, 0.02, 1), k12 = logU(rng, 0.01, 2), k21 = logU(rng, 0.01, 2);
    const R = logU(rng, 0.1, 20), Tinf = 0.5 + rng.uniform() * 24;
    let rate = R;
    return {
      name: '2-cmt infusion', central: 0, y0: [0, 0], exact: (t) => twoCmtInfusion(R, Tinf, k10, k12, k21, t),
      sys: { n: 2, autonomous: true, rhs: (_t, y, d) => { d[0] = rate - (k10 + k12) * y[0] + k21 * y[1]; d[1] = k12 * y[0] - k21 * y[1]; } },
      events: [{ t: 0, apply: () => { rate = R; } }, { t: Tinf, apply: () => { rate = 0; } }],
    };
  },
];

/** Largest |numeric − exact| over the grid, relative to the largest exact amount (the peak). */
function errorOfPeak(c: PkCase, out: Float64Array): number {
  let peak = 0, worst = 0;
  for (let i = 0; i < GRID.length; i++) {
    const ex = c.exact(GRID[i]);
    peak = Math.max(peak, Math.abs(ex));
    worst = Math.max(worst, Math.abs(out[i] - ex));
  }
  return worst / peak;
}

const METHODS: SolverMethod[] = ['dopri5', 'rodas4', 'auto'];
const SETS_PER_CASE = 60; // × 6 models × 3 methods = 1,080 random problems

describe('createIntegrator', () => {
  it('returns the method asked for, and auto by default', () => {
    expect(createIntegrator('dopri5').name).toBe('dopri5');
    expect(createIntegrator('rodas4').name).toBe('rodas4');
    expect(createIntegrator().name).toBe('auto');
  });

  for (const method of METHODS) {
    it(`${method}: restart() makes a used integrator give, bit for bit, what a new one gives`, () => {
      // Use it first on something that leaves state behind: the LDN model at rtol 1e-4 (step-size memory, and for
      // 'auto' failed stiff trials, a backoff and a suppressed stiffness floor) and a stiff run (RODAS's counters).
      const run = (integ: Integrator | undefined, regimen: string, rtol: number, koff?: number) => {
        const prep = prepareSimulation({ version: 1, duration_h: 672, output_step_h: 1, regimen, solver: { rtol, method } });
        if (!prep.ok) throw new Error(prep.status.message);
        const p = prep.prepared.p.slice();
        if (koff !== undefined) for (const id of ['ntx_koff', 'bn_koff']) p[prep.prepared.model.parameters.findIndex((x) => x.id === id)] = koff;
        return runPrepared(prep.prepared, p, { metrics: false, ...(integ ? { integrator: integ } : {}) });
      };
      const used = createIntegrator(method);
      if (method !== 'dopri5') run(used, '50 mg q24h x 28', 1e-6, 1000);
      run(used, '4.5 mg q24h x 28', 1e-4); // last, so that auto ends with a grown backoff
      used.restart();
      const again = run(used, '3 mg q24h x 28 at 21:00', 1e-4);
      const fresh = run(createIntegrator(method), '3 mg q24h x 28 at 21:00', 1e-4);
      expect(again.stats).toEqual(fresh.stats);
      for (const id of Object.keys(fresh.observables)) {
        expect(Array.from(again.observables[id]), id).toEqual(Array.from(fresh.observables[id]));
      }
    });
  }

  for (const method of METHODS) {
    it(`${method}: matches closed-form 1- and 2-compartment PK (bolus, oral, infusion, repeated doses) on ${SETS_PER_CASE * CASES.length} random sets`, () => {
      const rng = createRng(method === 'dopri5' ? 11 : method === 'rodas4' ? 12 : 13);
      const rtol = 1e-8;
      const worstBy: Record<string, number> = {};
      for (let s = 0; s < SETS_PER_CASE; s++) {
        for (const make of CASES) {
          const c = make(rng);
          const r = drive(createIntegrator(method), c, { rtol, atol: 1e-12 });
          expect(r.code).toBe('ok');
          worstBy[c.name] = Math.max(worstBy[c.name] ?? 0, errorOfPeak(c, r.out));
        }
      }
      // Global error of an error-per-step controlled method stays within a small multiple of rtol over a few dozen
      // steps per segment. Acceptance bound: 5·rtol of the peak (observed worst, seeds above: 0.09–0.99·rtol).
      for (const [name, worst] of Object.entries(worstBy)) {
        expect(worst, `${method} ${name}`).toBeLessThan(5 * rtol);
      }
    });

    it(`${method}: the error shrinks as the tolerance tightens (work–precision)`, () => {
      const rng = createRng(99);
      for (const make of CASES) {
        const c = make(rng);
        const errs = [1e-4, 1e-6, 1e-8, 1e-10].map((rtol) => errorOfPeak(c, drive(createIntegrator(method), c, { rtol, atol: rtol * 1e-3 }).out));
        // Each hundredfold tightening must cut the error at least fourfold (~100× expected for DOPRI5, ≥ 10× for
        // the order-4 RODAS); below 1e-13 of the peak the comparison is at round-off and stops.
        for (let j = 1; j < errs.length; j++) {
          if (errs[j - 1] > 1e-13) expect(errs[j], `${method} ${c.name} rtol step ${j}`).toBeLessThan(errs[j - 1] / 4);
        }
      }
    });
  }

  describe.each(METHODS)('%s failure modes: a code, t and the variable, never a hang', (method) => {
    const opts: SolveOptions = { rtol: 1e-6, atol: 1e-10 };
    const none = new Float64Array(0);
    const run = (sys: OdeSystem, y0: number[], t1: number, o: SolveOptions = opts) => {
      const started = performance.now();
      const y = Float64Array.from(y0);
      const status = createIntegrator(method).integrate(sys, y, 0, t1, none, 0, 0, () => {}, o, newStats());
      return { status, ms: performance.now() - started, y };
    };

    it("a blow-up (y' = y², y(0) = 1, singular at t = 1) stops near t = 1 naming the state", () => {
      const { status, ms } = run({ n: 1, stateIds: ['x'], rhs: (_t, y, d) => { d[0] = y[0] * y[0]; } }, [1], 2);
      expect(['STEP_UNDERFLOW', 'NONFINITE']).toContain(status.code);
      // The numerical solution's own singularity sits within about rtol of the true one.
      expect(Math.abs(status.t! - 1)).toBeLessThan(1e-3);
      expect(status.variable).toBe('x');
      expect(status.message).toContain('t = ');
      expect(ms).toBeLessThan(2000);
    });

    it('a NaN from the right-hand side after t = 0.5 gives NONFINITE at t ≈ 0.5 naming the state', () => {
      const sys: OdeSystem = { n: 2, stateIds: ['a', 'b'], rhs: (t, y, d) => { d[0] = -y[0]; d[1] = t > 0.5 ? NaN : -y[1]; } };
      const { status, ms } = run(sys, [1, 1], 3);
      expect(status.code).toBe('NONFINITE');
      expect(status.t).toBeGreaterThan(0.49);
      expect(status.t).toBeLessThanOrEqual(0.5);
      expect(status.variable).toBe('b');
      expect(ms).toBeLessThan(2000);
    });

    it('a NaN at the start gives NONFINITE at t0', () => {
      const { status } = run({ n: 2, rhs: (_t, _y, d) => { d[0] = 0; d[1] = Math.sqrt(-1); } }, [1, 1], 1);
      expect(status.code).toBe('NONFINITE');
      expect(status.t).toBe(0);
      expect(status.variable).toBe('y[1]');
    });

    it('too many steps gives MAX_STEPS with the time reached and what to change', () => {
      // A fast oscillation over many periods needs far more than 50 steps.
      const sys: OdeSystem = { n: 2, stateIds: ['u', 'v'], rhs: (_t, y, d) => { d[0] = 50 * y[1]; d[1] = -50 * y[0]; } };
      const { status, ms } = run(sys, [1, 0], 100, { ...opts, maxSteps: 50 });
      expect(status.code).toBe('MAX_STEPS');
      expect(status.t).toBeGreaterThan(0);
      expect(status.t).toBeLessThan(100);
      expect(['u', 'v']).toContain(status.variable);
      expect(status.message).toMatch(/maxSteps/);
      expect(ms).toBeLessThan(2000);
    });

    it('a bad tolerance gives INVALID_INPUT naming the setting', () => {
      const { status } = run({ n: 1, rhs: (_t, y, d) => { d[0] = -y[0]; } }, [1], 1, { rtol: -1, atol: 1e-10 });
      expect(status.code).toBe('INVALID_INPUT');
      expect(status.message).toContain('solver.rtol');
    });
  });

  for (const method of ['dopri5', 'rodas4', 'auto'] as const) {
    it(`${method}: passes t = 0 to an autonomous system's rhs and jac, and the true times to any other`, () => {
      // y' = −y on [2, 5]. Declared autonomous, the solver may hand over any t (the RHS does not read it) and hands
      // over 0, so that no fractional stage time is boxed per call. Not declared so, every call must see a time in
      // [t0, t1] — and most of them a stage time strictly inside (t0, t1), so the two cases really differ.
      for (const [autonomous, withJac] of [[true, false], [true, true], [false, false], [false, true]]) {
        const ts: number[] = [];
        const sys: OdeSystem = { n: 1, autonomous, rhs: (t, y, d) => { ts.push(t); d[0] = -y[0]; } };
        // With an analytic Jacobian its t is recorded too; without, RODAS forms one by differences of rhs calls.
        if (withJac) sys.jac = (t, _y, J) => { ts.push(t); J[0] = -1; };
        const y = new Float64Array([1]);
        const st = createIntegrator(method).integrate(sys, y, 2, 5, new Float64Array(0), 0, 0, () => {}, { rtol: 1e-8, atol: 1e-12 }, newStats());
        expect(st.code).toBe('ok');
        expect(Math.abs(y[0] - Math.exp(-3)) / Math.exp(-3)).toBeLessThan(1e-6);
        expect(ts.length).toBeGreaterThan(6);
        if (autonomous) expect(ts.every((t) => t === 0)).toBe(true);
        else {
          expect(ts.every((t) => t >= 2 && t <= 5)).toBe(true);
          expect(ts.filter((t) => t > 2 && t < 5).length).toBeGreaterThan(ts.length / 2);
        }
      }
    });
  }
});
