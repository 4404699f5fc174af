import { describe, expect, it } from 'vitest';
import { createDopri5 } from '../../../src/engine/solver/dopri5';
import { newStats, type OdeSystem, type SolveOptions } from '../../../src/engine/solver/types';
import { createRng } from '../../../src/engine/population/createRng';

/**
 * One-compartment model with first-order absorption: gut A_g' = −ka·A_g, central A_c' = ka·A_g − k·A_c.
 * Closed form (Bateman 1910): A_c(t) = D·ka·(e^{−kt} − e^{−ka·t})/(ka − k). Written as
 * D·ka·e^{−kt}·(−expm1(−(ka−k)t))/(ka−k) it stays exact as ka → k, where it tends to D·k·t·e^{−kt}.
 */
function oneCompartmentOral(ka: number, k: number): OdeSystem {
  return {
    n: 2,
    stateIds: ['gut', 'central'],
    rhs(_t, y, dy) {
      dy[0] = -ka * y[0];
      dy[1] = ka * y[0] - k * y[1];
    },
  };
}

function batemanCentral(dose: number, ka: number, k: number, t: number): number {
  const d = ka - k;
  const factor = d === 0 ? t : -Math.expm1(-d * t) / d;
  return dose * ka * Math.exp(-k * t) * factor;
}

function uniformGrid(t1: number, dt: number): Float64Array {
  const m = Math.round(t1 / dt);
  const g = new Float64Array(m + 1);
  for (let i = 0; i <= m; i++) g[i] = i * dt;
  return g;
}

interface RunResult {
  worstRel: number;
  /** max |error| / peak of A_c over the grid. */
  worstOfPeak: number;
  steps: number;
  hits: number;
  yEnd: Float64Array;
}

/** Integrates one dose over [0, T] and returns the worst pointwise relative error of A_c on the grid. */
function runBateman(dose: number, ka: number, k: number, T: number, opts: SolveOptions): RunResult {
  const sys = oneCompartmentOral(ka, k);
  const grid = uniformGrid(T, 0.5);
  const out = new Float64Array(grid.length).fill(NaN);
  const y = new Float64Array([dose, 0]);
  const stats = newStats();
  let hits = 0;
  const status = createDopri5().integrate(sys, y, 0, T, grid, 0, grid.length, (i, t, yy) => {
    expect(t).toBe(grid[i]);
    out[i] = yy[1];
    hits++;
  }, opts, stats);
  expect(status.code).toBe('ok');
  let peak = 0;
  for (let i = 0; i < grid.length; i++) peak = Math.max(peak, batemanCentral(dose, ka, k, grid[i]));
  let worstRel = 0;
  let worstAbs = 0;
  for (let i = 1; i < grid.length; i++) worstAbs = Math.max(worstAbs, Math.abs(out[i] - batemanCentral(dose, ka, k, grid[i])));
  for (let i = 1; i < grid.length; i++) {
    const exact = batemanCentral(dose, ka, k, grid[i]);
    // Pointwise relative error wherever A_c carries at least 1e-6 of its peak (below that the absolute
    // tolerance, not rtol, governs the error by design).
    if (exact >= 1e-6 * peak) worstRel = Math.max(worstRel, Math.abs(out[i] - exact) / exact);
  }
  return { worstRel, worstOfPeak: worstAbs / peak, steps: stats.steps, hits, yEnd: y };
}

/** ka, k log-uniform over the plausible oral PK range; one set in five has ka within 1e-9..1e-3 of k. */
function randomParameters(rng: ReturnType<typeof createRng>): { dose: number; ka: number; k: number } {
  const logU = (lo: number, hi: number) => Math.exp(Math.log(lo) + rng.uniform() * (Math.log(hi) - Math.log(lo)));
  const k = logU(0.02, 1);
  const ka = rng.uniform() < 0.2 ? k * (1 + (rng.uniform() < 0.5 ? -1 : 1) * logU(1e-9, 1e-3)) : logU(0.1, 5);
  return { dose: logU(0.5, 100), ka, k };
}

describe('createDopri5', () => {
  it('matches the closed-form one-compartment oral solution to 1e-8 relative error at rtol 1e-10 (300 random sets, ka close to k included)', () => {
    const rng = createRng(20240501);
    let worst = 0;
    for (let s = 0; s < 300; s++) {
      const { dose, ka, k } = randomParameters(rng);
      const r = runBateman(dose, ka, k, 48, { rtol: 1e-10, atol: 1e-14 * dose });
      worst = Math.max(worst, r.worstRel);
    }
    expect(worst).toBeLessThanOrEqual(1e-8);
  });

  it('handles ka exactly equal to k (the D·k·t·e^{−kt} limit)', () => {
    const r = runBateman(10, 0.3, 0.3, 48, { rtol: 1e-10, atol: 1e-13 });
    expect(r.worstRel).toBeLessThanOrEqual(1e-8);
  });

  it('error shrinks as the tolerance tightens (work–precision)', () => {
    const rng = createRng(7);
    for (let s = 0; s < 20; s++) {
      const { dose, ka, k } = randomParameters(rng);
      const errs = [1e-4, 1e-6, 1e-8, 1e-10].map((rtol) => runBateman(dose, ka, k, 48, { rtol, atol: rtol * 1e-3 * dose }).worstOfPeak);
      // Each hundredfold tightening must cut the worst error (relative to the peak) at least tenfold: DOPRI5's
      // global error scales roughly like rtol, so ~100× is expected; 10× leaves room for tolerance proportionality noise.
      for (let j = 1; j < errs.length; j++) expect(errs[j]).toBeLessThan(errs[j - 1] / 10);
    }
  });

  it('calls the sink once for every grid point in (t0, t1], at the exact grid time, in order', () => {
    const sys = oneCompartmentOral(1.2, 0.1);
    const grid = new Float64Array([0, 0.1, 0.25, 1, 2, 3.5, 5, 7]);
    const seen: number[] = [];
    const y = new Float64Array([1, 0]);
    const st = createDopri5().integrate(sys, y, 0.1, 5, grid, 0, grid.length, (kk, t) => {
      expect(t).toBe(grid[kk]);
      seen.push(kk);
    }, { rtol: 1e-6, atol: 1e-10 }, newStats());
    expect(st.code).toBe('ok');
    // 0.1 is t0 (the caller's business) and 7 lies beyond t1: indices 2..6 only.
    expect(seen).toEqual([2, 3, 4, 5, 6]);
  });

  it('ends the segment exactly at t1 and the sink at t1 receives y(t1) itself', () => {
    const sys = oneCompartmentOral(0.7, 0.05);
    const grid = new Float64Array([10 / 3]);
    const y = new Float64Array([5, 0]);
    let atEnd: Float64Array | null = null;
    const st = createDopri5().integrate(sys, y, 0, 10 / 3, grid, 0, 1, (_k, _t, yy) => { atEnd = yy.slice(); }, { rtol: 1e-8, atol: 1e-12 }, newStats());
    expect(st.code).toBe('ok');
    expect(atEnd).not.toBeNull();
    expect(Array.from(atEnd!)).toEqual(Array.from(y));
    expect(Math.abs(y[1] - batemanCentral(5, 0.7, 0.05, 10 / 3)) / y[1]).toBeLessThan(1e-7);
  });

  it('gives the same answer segment by segment as in one go (restart after reset)', () => {
    const sys = oneCompartmentOral(1.1, 0.2);
    const opts = { rtol: 1e-10, atol: 1e-14 };
    const integ = createDopri5();
    const y = new Float64Array([3, 0]);
    const none = new Float64Array(0);
    for (const [a, b] of [[0, 2], [2, 7.5], [7.5, 24]] as const) {
      integ.reset();
      expect(integ.integrate(sys, y, a, b, none, 0, 0, () => {}, opts, newStats()).code).toBe('ok');
    }
    expect(Math.abs(y[1] - batemanCentral(3, 1.1, 0.2, 24)) / y[1]).toBeLessThan(1e-8);
  });

  it('integrates only the live states when told the rest are constant, and gives bit for bit the full result', () => {
    // The oral model plus three states with derivative 0 (constants, one of them non-zero): with live = 2 the
    // solver skips them in every stage, error norm, stiffness test and interpolation, yet divides the error norm by
    // n = 5 as before — the skipped terms are exact zeros — so the steps, the grid values and y(t1) are identical.
    const base = oneCompartmentOral(1.3, 0.15);
    const padded = (live?: number): OdeSystem => ({
      n: 5,
      live,
      rhs(t, y, dy) {
        base.rhs(t, y, dy);
        dy[2] = 0; dy[3] = 0; dy[4] = 0;
      },
    });
    const grid = uniformGrid(30, 0.7);
    const run = (sys: OdeSystem) => {
      const y = Float64Array.from([5, 0, 0, 2.5, 0]);
      const seen: number[] = [];
      const stats = newStats();
      const status = createDopri5().integrate(sys, y, 0, 30, grid, 0, grid.length, (_k, _t, yk) => seen.push(...yk), { rtol: 1e-7, atol: 1e-10 }, stats);
      return { status, y: Array.from(y), seen, steps: stats.steps, rejected: stats.rejected };
    };
    const full = run(padded());
    const live = run(padded(2));
    expect(full.status.code).toBe('ok');
    expect(live).toEqual(full);
    expect(live.seen.filter((_, i) => i % 5 === 3).every((v) => v === 2.5)).toBe(true);
    // and it is a real solution: A_c(30 h) against the Bateman closed form
    expect(Math.abs(live.y[1] - batemanCentral(5, 1.3, 0.15, 30)) / live.y[1]).toBeLessThan(1e-6);
  });
});
