import { describe, expect, it } from 'vitest';
import { createRodas4 } from '../../../src/engine/solver/rodas4';
import { newStats, type OdeSystem } from '../../../src/engine/solver/types';
import { HIRES, ROBER, VDPOL, mescd, type TestProblem } from './stiffTestSet';
import { oneCmtOral } from './closedFormPk';

function solve(p: TestProblem, rtol: number, withJac = true) {
  const y = Float64Array.from(p.y0);
  const stats = newStats();
  const sys: OdeSystem = withJac ? p.sys : { ...p.sys, jac: undefined };
  const status = createRodas4().integrate(sys, y, 0, p.tEnd, new Float64Array(0), 0, 0, () => {}, { rtol, atol: rtol * p.atolPerRtol }, stats);
  return { status, y, stats, digits: mescd(y, p) };
}

describe('createRodas4', () => {
  for (const p of [ROBER, HIRES, VDPOL]) {
    it(`${p.name}: reaches the Bari test-set reference to at least the requested digits minus one (rtol 1e-4 … 1e-10)`, () => {
      for (const d of [4, 6, 8, 10]) {
        const r = solve(p, 10 ** -d);
        expect(r.status.code).toBe('ok');
        expect(r.digits, `${p.name} rtol 1e-${d}`).toBeGreaterThanOrEqual(d - 1);
      }
    });
  }

  it('ROBER with a finite-difference Jacobian gives the same digits as with the analytic one (within 0.5)', () => {
    const a = solve(ROBER, 1e-7, true);
    const fd = solve(ROBER, 1e-7, false);
    expect(fd.status.code).toBe('ok');
    expect(Math.abs(fd.digits - a.digits)).toBeLessThan(0.5);
    // FD costs n extra RHS calls per Jacobian; the analytic path calls none.
    expect(fd.stats.rhsEvals).toBeGreaterThan(a.stats.rhsEvals);
    // One Jacobian at the start and one after every accepted step but the last; rejected steps reuse it.
    expect(a.stats.jacEvals).toBe(a.stats.steps);
  });

  it('takes few steps on a stiff problem: HIRES at rtol 1e-6 in under 200 steps (DOPRI5 needs thousands)', () => {
    const r = solve(HIRES, 1e-6);
    expect(r.stats.steps).toBeLessThan(200);
    expect(r.stats.decompositions).toBe(r.stats.steps + r.stats.rejected);
  });

  it('interpolates between steps with its dense output: Bateman on a grid to 1e-6 of the peak at rtol 1e-8', () => {
    const ka = 1.3, k = 0.15, D = 10;
    const sys: OdeSystem = { n: 2, autonomous: true, rhs: (_t, y, dd) => { dd[0] = -ka * y[0]; dd[1] = ka * y[0] - k * y[1]; } };
    const grid = Float64Array.from({ length: 97 }, (_, i) => i * 0.25);
    let worst = 0, hits = 0;
    const st = createRodas4().integrate(sys, new Float64Array([D, 0]), 0, 24, grid, 0, grid.length, (kk, t, y) => {
      expect(t).toBe(grid[kk]);
      hits++;
      worst = Math.max(worst, Math.abs(y[1] - oneCmtOral(D, ka, k, t)));
    }, { rtol: 1e-8, atol: 1e-12 }, newStats());
    expect(st.code).toBe('ok');
    expect(hits).toBe(96);
    // Peak of D·ka/(ka−k)(e^{−kt} − e^{−ka t}) is ≈ 7.1 here; the order-3 interpolant is held to 1e-6 of it.
    expect(worst).toBeLessThan(1e-6 * 7.1);
  });

  it('handles a time-dependent right-hand side (finite-difference ∂f/∂t): y\' = cos t, y(10) = sin 10', () => {
    const y = new Float64Array([Math.sin(0)]);
    const st = createRodas4().integrate({ n: 1, rhs: (t, _y, d) => { d[0] = Math.cos(t); } }, y, 0, 10, new Float64Array(0), 0, 0, () => {}, { rtol: 1e-9, atol: 1e-12 }, newStats());
    expect(st.code).toBe('ok');
    expect(Math.abs(y[0] - Math.sin(10))).toBeLessThan(1e-7);
  });

  describe('cost test (stopWhenNonstiff, used by auto)', () => {
    /**
     * A fast mode of rate λ slaved to a unit oscillator (started on its slow manifold, y1 ≈ 0.01·y3/λ, so there
     * is no fast transient): the accurate step is ≈ 0.1 whatever λ is.
     */
    const fastAndSlow = (lambda: number): OdeSystem => ({
      n: 4,
      autonomous: true,
      rhs: (_t, y, d) => { d[0] = -lambda * y[0] + 0.01 * y[2]; d[1] = -lambda * y[1]; d[2] = y[3]; d[3] = -y[2]; },
    });
    const run = (lambda: number) => {
      const r = createRodas4({ stopWhenNonstiff: true });
      r.explicitLambda = lambda;
      const stats = newStats();
      const st = r.integrate(fastAndSlow(lambda), new Float64Array([0.01 / lambda, 0, 1, 0]), 0, 200, new Float64Array(0), 0, 0, () => {}, { rtol: 1e-6, atol: 1e-10 }, stats);
      return { st, r, stats };
    };

    it('hands back for cost when its steps are < (3 + n/4)× the explicit stable step (λ = 60: h·λ/3.25 ≈ 2 < 4)', () => {
      const { st, r } = run(60);
      expect(st.code).toBe('ok');
      expect(r.stopReason).toBe('cost');
      expect(r.switchAt).toBeGreaterThan(0);
      expect(r.switchAt).toBeLessThan(200);
    });

    it('keeps going when its steps are far longer than the explicit stable step (λ = 1e4)', () => {
      const { st, r } = run(1e4);
      expect(st.code).toBe('ok');
      expect(Number.isNaN(r.switchAt)).toBe(true);
    });
  });
});
