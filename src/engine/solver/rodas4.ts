import { OK, type Status } from '../status';
import type { Integrator, OdeSystem, OutputSink, SolveOptions, SolveStats } from './types';
import { firstGridIndexAfter, solverFailure, invalidSegment, fillAtol, liveCount, firstNonFiniteOf, nonfiniteState, worstState } from './solverFailure';
import { initialStep } from './initialStep';
import { createLuPattern, luFactor, luSolve, type LuPattern } from './lu';

/*
 * RODAS: a stiffly accurate Rosenbrock method of order 4 with an embedded order-3 solution, 6 stages, one LU
 * per step and its own order-3 dense output — Hairer & Wanner, Solving ODEs II, 2nd ed., Springer 1996,
 * §IV.7 (method on p. 452; code rodas.f, METH = 1). Stage form (transformed variables u_i, identity mass):
 *   (I/(hγ) − J) u_i = f(t + c_i h, y + Σ_j a_ij u_j) + Σ_j (c_ij / h) u_j + h d_i ∂f/∂t,
 * y_embedded = y + Σ a_5j u_j + u_5, y_new = y_embedded + u_6 (u_6 is the error estimate).
 * L-stable and stiffly accurate, so it damps the fast binding modes of the receptor model without ringing.
 */

const C2 = 0.386, C3 = 0.21, C4 = 0.63;
const D1 = 0.25, D2 = -0.1043, D3 = 0.1035, D4 = -0.03620000000000023;
const A21 = 1.544;
const A31 = 0.9466785280815826, A32 = 0.2557011698983284;
const A41 = 3.314825187068521, A42 = 2.896124015972201, A43 = 0.9986419139977817;
const A51 = 1.221224509226641, A52 = 6.019134481288629, A53 = 12.53708332932087, A54 = -0.687886036105895;
const C21 = -5.6688;
const C31 = -2.430093356833875, C32 = -0.2063599157091915;
const C41 = -0.1073529058151375, C42 = -9.594562251023355, C43 = -20.47028614809616;
const C51 = 7.496443313967647, C52 = -10.24680431464352, C53 = -33.99990352819905, C54 = 11.7089089320616;
const C61 = 8.083246795921522, C62 = -7.981132988064893, C63 = -31.52159432874371, C64 = 16.31930543123136;
const C65 = -6.058818238834054;
const GAMMA = 0.25;
// Dense output: y(t_old + s·h) = (1−s)·y_old + s·(y_new + (1−s)·(q1 + s·q2)), q1 = Σ d2j u_j, q2 = Σ d3j u_j.
const D21 = 10.12623508344586, D22 = -7.487995877610167, D23 = -34.80091861555747, D24 = -7.992771707568823;
const D25 = 1.025137723295662;
const D31 = -0.6762803392801253, D32 = 6.087714651680015, D33 = 16.43084320892478, D34 = 24.76722511418386;
const D35 = -6.594389125716872;

/** The stage nodes c_s and the time-derivative weights d_s (index s = stage − 1). */
const STAGE_NODE = new Float64Array([0, C2, C3, C4, 1, 1]);
const STAGE_D = new Float64Array([D1, D2, D3, D4, 0, 0]);

// Step control as in rodas.f: 0.2 ≤ hnew/h ≤ 6, safety 0.9, Gustafsson's predictive controller. The exponent
// 1/4 is taken as sqrt(sqrt(·)): deterministic (sqrt is correctly rounded) and cheaper than pow.
const FAC1 = 5;
const FAC2 = 1 / 6;
const SAFE = 0.9;
const UROUND = 2.220446049250313e-16;
const SQRT_UROUND = Math.sqrt(UROUND);
const MAX_NONFINITE_RETRIES = 30;
const MAX_SINGULAR_RETRIES = 5;
/** Non-stiffness: h·‖J‖∞ below DOPRI5's stability boundary (≈ 3.3) on this many accepted steps in a row. */
const NONSTIFF_HNORM = 3.25;
const NONSTIFF_COUNT = 15;
/** ‖J‖∞ (O(n²)) is refreshed on every this many Jacobians only; it changes slowly. */
const NORM_EVERY = 8;
/**
 * Cost test window: accepted steps over which the work saved is summed before deciding. Long enough to span a
 * dose's absorption transient (where the accuracy-limited step is short) and the smooth stretch after it.
 */
const COST_WINDOW = 200;
/**
 * Hand back at once when the loss in the current window exceeds this many of our own steps. 5 (was 15): a trial
 * on a mildly stiff stretch — the LDN model's receptor binding at rtol 1e-4, where RODAS's steps are no longer than
 * DOPRI5's stable ones — now ends after ~8 steps instead of ~24; with three trials per 28-day run that was 15 % of
 * a virtual subject's time. ROBER, HIRES and VDPOL keep their digits and the auto/RODAS cost bound (tests).
 */
const COST_LOSS = 5;

/**
 * How many DOPRI5 steps one RODAS step costs, roughly: both make 6 RHS calls, RODAS adds a Jacobian, one sparse
 * LU and six sparse solves. Measured with npm run bench on the 23-state LDN model: 7.4 µs vs 2.2 µs per step,
 * ≈ 3.4 (after the hot-loop work of 696db0c: 4.1 vs 1.3 µs, ≈ 3.1); 2 + n/16 gives that at n = 23 and grows with n as the linear algebra does.
 */
export function rodasCostRatio(n: number): number {
  return 2 + n / 16;
}

export interface Rodas4Config {
  /**
   * Stop (status ok, switchAt = the time reached) when the explicit method would be cheaper: either the problem
   * has become non-stiff (h·‖J‖∞ < 3.25 — ‖J‖∞ bounds the spectral radius, so an explicit method would be
   * stable at this h), or the steps this method takes are not much longer than the explicit method's stability
   * limit 3.25/|λ| (explicitLambda), so its costlier steps do not pay (stopReason tells which). Default false.
   */
  readonly stopWhenNonstiff?: boolean;
}

export interface Rodas4Integrator extends Integrator {
  /** With stopWhenNonstiff: the time at which the last integrate() stopped early, else NaN. */
  readonly switchAt: number;
  /** Why it stopped early: 'nonstiff' (h·‖J‖∞ small) or 'cost' (steps too short to pay for themselves). */
  readonly stopReason: 'nonstiff' | 'cost' | '';
  /** Cost windows closed with a net saving so far (for 'auto': evidence that the stiff method pays). */
  readonly windowsWon: number;
  /**
   * |λ| (1/h) that limits the explicit method, as estimated by it when it detected stiffness; 0 disables the
   * cost test. Setting it starts a new cost window. Set by 'auto'.
   */
  explicitLambda: number;
}

export function createRodas4(config: Rodas4Config = {}): Rodas4Integrator {
  const stopWhenNonstiff = config.stopWhenNonstiff ?? false;
  // Work arrays, sized on first use. integrate() copies them (and n) into locals: V8 then keeps them in registers
  // in the hot loops instead of reloading closure slots on every element.
  let n_ = -1;
  let dy1_: Float64Array = new Float64Array(0), dy_ = dy1_, fx_ = dy1_, ynew_ = dy1_, tmp_ = dy1_, atolv_ = dy1_, yout_ = dy1_;
  let ak1_ = dy1_, ak2_ = dy1_, ak3_ = dy1_, ak4_ = dy1_, ak5_ = dy1_, ak6_ = dy1_;
  let rc0_ = dy1_, rc1_ = dy1_, rc2_ = dy1_, rc3_ = dy1_;
  let jac_ = dy1_, lu_ = dy1_;
  let piv_ = new Int32Array(0);
  let pattern_: LuPattern = createLuPattern(0);
  /**
   * Controller state that changes every step lives in a Float64Array, not in closure variables: V8 boxes a
   * double held in a closure on every write (a heap allocation per step); a typed-array slot never allocates.
   */
  const ctl = new Float64Array(4);
  /** Step proposed at the end of the previous segment (0: none). */
  const H_NEXT = 0;
  /** Gustafsson controller memory: last accepted step and error. */
  const HACC = 1;
  const ERRACC = 2;
  /** Cost window: explicit steps saved minus what our steps cost. */
  const SAVED = 3;
  ctl[ERRACC] = 1;
  let switchAt = NaN;
  let stopReason: 'nonstiff' | 'cost' | '' = '';
  let explicitLambda = 0;
  let jacCount = 0;
  /** Cost window length in accepted steps (persists across segments; its sum is ctl[SAVED]). */
  let windowSteps = 0;
  let windowsWon = 0;

  function allocate(size: number): void {
    n_ = size;
    const a = (): Float64Array => new Float64Array(size);
    dy1_ = a(); dy_ = a(); fx_ = a(); ynew_ = a(); tmp_ = a(); atolv_ = a(); yout_ = a();
    ak1_ = a(); ak2_ = a(); ak3_ = a(); ak4_ = a(); ak5_ = a(); ak6_ = a();
    rc0_ = a(); rc1_ = a(); rc2_ = a(); rc3_ = a();
    jac_ = new Float64Array(size * size); lu_ = new Float64Array(size * size);
    piv_ = new Int32Array(size);
    pattern_ = createLuPattern(size);
  }

  /**
   * ∂f/∂y at (t, y) into jac (row-major, jac[i·n + j] = ∂f_i/∂y_j): analytic when the system has one, else
   * forward differences, n RHS calls. Increment δ_j = sqrt(u)·max(|y_j|, atol_j) (1e-5 if both are 0): relative
   * to the state's own scale, as CVODE's difference-quotient Jacobian does. Hairer's sqrt(u·max(1e-5, |y_j|))
   * assumes states of order ≥ 1e-5 and, on ROBER (y2 ≈ 1e-13), makes ∂f3/∂y2 300× too large, which a
   * Rosenbrock method (it needs the exact Jacobian for its order) pays for with 25× more steps.
   */
  function jacobian(sys: OdeSystem, t: number, y: Float64Array, stats: SolveStats): void {
    stats.jacEvals++;
    if (sys.jac) {
      sys.jac(t, y, jac_);
      return;
    }
    for (let j = 0; j < n_; j++) {
      const ysafe = y[j];
      const scale = Math.max(Math.abs(ysafe), atolv_[j]);
      const delta = SQRT_UROUND * (scale > 0 ? scale : 1e-5);
      y[j] = ysafe + delta;
      sys.rhs(t, y, tmp_);
      y[j] = ysafe;
      const inv = 1 / delta;
      for (let i = 0; i < n_; i++) jac_[i * n_ + j] = (tmp_[i] - dy1_[i]) * inv;
    }
    stats.rhsEvals += n_;
  }

  /** ‖J‖∞ = max_i Σ_j |J_ij| ≥ spectral radius. */
  function jacNormInf(): number {
    let m = 0;
    for (let i = 0; i < n_; i++) {
      let s = 0;
      const r = i * n_;
      for (let j = 0; j < n_; j++) s += Math.abs(jac_[r + j]);
      if (s > m) m = s;
    }
    return m;
  }

  function integrate(
    sys: OdeSystem,
    y: Float64Array,
    t0: number,
    t1: number,
    grid: Float64Array,
    from: number,
    to: number,
    sink: OutputSink,
    opts: SolveOptions,
    stats: SolveStats,
  ): Status {
    switchAt = NaN;
    stopReason = '';
    const invalid = invalidSegment(sys, opts, t0, t1);
    if (invalid) return invalid;
    if (t1 === t0) return OK;
    if (sys.n !== n_) allocate(sys.n);
    // n: the system's size (error-norm divisor, Jacobian stride); nl: the live states (OdeSystem.live). Stages,
    // error, dense output and the LU run over the live block only: the constant states' rows of J are zero in the
    // live columns and their right-hand sides are zero, so the live block's solution is the full solution's, and
    // pivoting picks the same rows (the zeros never win) — bit for bit the full system's steps (tested).
    const n = n_;
    const nl = liveCount(sys);
    const dy1 = dy1_, dy = dy_, fx = fx_, ynew = ynew_, tmp = tmp_, atolv = atolv_, yout = yout_;
    const ak1 = ak1_, ak2 = ak2_, ak3 = ak3_, ak4 = ak4_, ak5 = ak5_, ak6 = ak6_;
    const rc0 = rc0_, rc1 = rc1_, rc2 = rc2_, rc3 = rc3_;
    const jac = jac_, lu = lu_, piv = piv_, pattern = pattern_;
    const rtol = opts.rtol;
    fillAtol(atolv, opts.atol);
    const hmax = Math.min(opts.hmax ?? Infinity, t1 - t0);
    const maxSteps = opts.maxSteps ?? 1e6;
    const autonomous = sys.autonomous === true;

    for (let i = nl; i < n; i++) { ynew[i] = y[i]; yout[i] = y[i]; ak6[i] = 0; }

    let k = firstGridIndexAfter(grid, from, to, t0);
    let t = t0;
    if (autonomous) sys.rhs(0, y, dy1);
    else sys.rhs(t, y, dy1);
    stats.rhsEvals++;
    const bad0 = firstNonFiniteOf(dy1, y, n);
    if (bad0 >= 0) return solverFailure('NONFINITE', 'rodas4', sys, t, bad0, 0, opts);
    let h = opts.h0 !== undefined ? Math.min(opts.h0, hmax) : ctl[H_NEXT] > 0 ? Math.min(ctl[H_NEXT], hmax) : initialStep(sys, t, y, dy1, atolv, rtol, hmax, 4, ynew, dy, stats);
    let reject = false;
    let needJac = true;
    let nonfiniteRetries = 0;
    let tBad = t0;
    let singularRetries = 0;
    let nonstiffRun = 0;
    let jnorm = Infinity;
    const costRatio = rodasCostRatio(n);

    for (;;) {
      if (stats.steps + stats.rejected >= maxSteps) {
        return solverFailure('MAX_STEPS', 'rodas4', sys, t, worstState(ak6, y, ynew, atolv, rtol, n), h, opts);
      }
      if (0.1 * h <= Math.abs(t) * UROUND || h < 1e-300) {
        // Shrinking because the trial values overflowed: the cause is the non-finite value, say so.
        if (nonfiniteRetries > 0) return solverFailure('NONFINITE', 'rodas4', sys, t, nonfiniteState(sys, y, tBad, tmp, n, ynew, dy), h, opts);
        return solverFailure('STEP_UNDERFLOW', 'rodas4', sys, t, worstState(ak6, y, ynew, atolv, rtol, n), h, opts);
      }
      let last = false;
      if (t + 1.0001 * h >= t1) { h = t1 - t; last = true; }

      if (needJac) {
        // dy1 = f(t, y) is current (computed at segment start or after the last accepted step).
        if (autonomous) jacobian(sys, 0, y, stats);
        else jacobian(sys, t, y, stats);
        if (stopWhenNonstiff && jacCount++ % NORM_EVERY === 0) jnorm = jacNormInf();
        if (!autonomous) {
          const delt = Math.sqrt(UROUND * Math.max(1e-5, Math.abs(t)));
          sys.rhs(t + delt, y, tmp);
          stats.rhsEvals++;
          for (let i = 0; i < n; i++) fx[i] = (tmp[i] - dy1[i]) / delt;
        }
        needJac = false;
      }

      // E = I/(hγ) − J, factored once per step — as its negative J − I/(hγ): a plain copy of J (a memcpy, where
      // negating n² entries was the costliest loop of the step) and n diagonal updates. Negation is exact in
      // floating point and partial pivoting compares magnitudes, so the factors are exactly L and −U; the stage
      // right-hand sides below are negated to match, which gives bit for bit the u_s of factoring E itself.
      const fac = 1 / (h * GAMMA);
      // Only the leading nl×nl block (the live states) is factored, in place with row stride n.
      lu.set(jac);
      for (let i = 0; i < nl; i++) lu[i * n + i] -= fac;
      stats.decompositions++;
      if (luFactor(lu, nl, piv, pattern, n) >= 0) {
        singularRetries++;
        if (singularRetries >= MAX_SINGULAR_RETRIES) {
          const s = solverFailure('STEP_UNDERFLOW', 'rodas4', sys, t, -1, h, opts);
          return { ...s, message: `The iteration matrix I/(hγ) − J stayed singular after ${MAX_SINGULAR_RETRIES} step reductions. ${s.message}` };
        }
        h *= 0.5;
        reject = true;
        continue;
      }
      singularRetries = 0;

      // Stage 1, then stages 2–6 through one RHS call site and one solve (one call site keeps the optimised
      // code small: V8 inlines the model's RHS once rather than five times, so the first run compiles sooner).
      // Stage s: arg = y + Σ a_sj u_j (stage 6's arg is the embedded solution: a_6j = a_5j, a_65 = 1),
      // (I/(hγ) − J) u_s = f(t + c_s h, arg) + Σ (c_sj/h) u_j + h·d_s·∂f/∂t.
      // Each sum is one fused pass (coefficients and arrays in locals), formed left to right in the same order
      // as one pass per earlier stage would: the same values, bit for bit, at about half the memory traffic.
      const invH = 1 / h;
      for (let i = 0; i < nl; i++) ak1[i] = -(dy1[i] + (autonomous ? 0 : h * D1) * fx[i]);
      luSolve(lu, nl, piv, pattern, ak1, n);
      for (let s = 1; s < 6; s++) {
        let u = ak2;
        switch (s) {
          case 1:
            for (let i = 0; i < nl; i++) ynew[i] = y[i] + A21 * ak1[i];
            break;
          case 2:
            for (let i = 0; i < nl; i++) ynew[i] = y[i] + A31 * ak1[i] + A32 * ak2[i];
            u = ak3;
            break;
          case 3:
            for (let i = 0; i < nl; i++) ynew[i] = y[i] + A41 * ak1[i] + A42 * ak2[i] + A43 * ak3[i];
            u = ak4;
            break;
          case 4:
            for (let i = 0; i < nl; i++) ynew[i] = y[i] + A51 * ak1[i] + A52 * ak2[i] + A53 * ak3[i] + A54 * ak4[i];
            u = ak5;
            break;
          default:
            for (let i = 0; i < nl; i++) ynew[i] = y[i] + A51 * ak1[i] + A52 * ak2[i] + A53 * ak3[i] + A54 * ak4[i] + ak5[i];
            u = ak6;
        }
        // t = 0 for an autonomous system (OdeSystem.autonomous; a fractional time passed to the RHS is boxed).
        if (autonomous) sys.rhs(0, ynew, dy);
        else sys.rhs(t + STAGE_NODE[s] * h, ynew, dy);
        const hd = autonomous ? 0 : h * STAGE_D[s];
        switch (s) {
          case 1: {
            const c1 = C21 * invH;
            if (hd === 0) for (let i = 0; i < nl; i++) u[i] = -(dy[i] + c1 * ak1[i]);
            else for (let i = 0; i < nl; i++) u[i] = -(dy[i] + hd * fx[i] + c1 * ak1[i]);
            break;
          }
          case 2: {
            const c1 = C31 * invH, c2 = C32 * invH;
            if (hd === 0) for (let i = 0; i < nl; i++) u[i] = -(dy[i] + c1 * ak1[i] + c2 * ak2[i]);
            else for (let i = 0; i < nl; i++) u[i] = -(dy[i] + hd * fx[i] + c1 * ak1[i] + c2 * ak2[i]);
            break;
          }
          case 3: {
            const c1 = C41 * invH, c2 = C42 * invH, c3 = C43 * invH;
            if (hd === 0) for (let i = 0; i < nl; i++) u[i] = -(dy[i] + c1 * ak1[i] + c2 * ak2[i] + c3 * ak3[i]);
            else for (let i = 0; i < nl; i++) u[i] = -(dy[i] + hd * fx[i] + c1 * ak1[i] + c2 * ak2[i] + c3 * ak3[i]);
            break;
          }
          case 4: {
            const c1 = C51 * invH, c2 = C52 * invH, c3 = C53 * invH, c4 = C54 * invH;
            if (hd === 0) for (let i = 0; i < nl; i++) u[i] = -(dy[i] + c1 * ak1[i] + c2 * ak2[i] + c3 * ak3[i] + c4 * ak4[i]);
            else for (let i = 0; i < nl; i++) u[i] = -(dy[i] + hd * fx[i] + c1 * ak1[i] + c2 * ak2[i] + c3 * ak3[i] + c4 * ak4[i]);
            break;
          }
          default: {
            const c1 = C61 * invH, c2 = C62 * invH, c3 = C63 * invH, c4 = C64 * invH, c5 = C65 * invH;
            if (hd === 0) for (let i = 0; i < nl; i++) u[i] = -(dy[i] + c1 * ak1[i] + c2 * ak2[i] + c3 * ak3[i] + c4 * ak4[i] + c5 * ak5[i]);
            else for (let i = 0; i < nl; i++) u[i] = -(dy[i] + hd * fx[i] + c1 * ak1[i] + c2 * ak2[i] + c3 * ak3[i] + c4 * ak4[i] + c5 * ak5[i]);
          }
        }
        luSolve(lu, nl, piv, pattern, u, n);
      }
      for (let i = 0; i < nl; i++) ynew[i] += ak6[i];
      stats.rhsEvals += 5;

      // Error: u_6 = y_new − y_embedded.
      let err = 0;
      for (let i = 0; i < nl; i++) {
        const sk = atolv[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(ynew[i]));
        const r = ak6[i] / sk;
        err += r * r;
      }
      err = Math.sqrt(err / n); // n, not nl: the constant states add exact zeros

      if (!Number.isFinite(err)) {
        stats.rejected++;
        if (nonfiniteRetries === 0) tBad = last ? t1 : t + h;
        nonfiniteRetries++;
        if (nonfiniteRetries > MAX_NONFINITE_RETRIES) {
          return solverFailure('NONFINITE', 'rodas4', sys, t, nonfiniteState(sys, y, tBad, tmp, n, ynew, dy), h, opts);
        }
        h *= 0.1;
        reject = true;
        continue;
      }
      nonfiniteRetries = 0;

      let facc = Math.max(FAC2, Math.min(FAC1, Math.sqrt(Math.sqrt(err)) / SAFE));
      let hnew = h / facc;

      if (err <= 1) {
        stats.steps++;
        // Gustafsson's predictive controller (rodas.f, IWORK(3) = 1).
        if (ctl[HACC] > 0) {
          let facgus = (ctl[HACC] / h) * Math.sqrt(Math.sqrt((err * err) / ctl[ERRACC])) / SAFE;
          facgus = Math.max(FAC2, Math.min(FAC1, facgus));
          facc = Math.max(facc, facgus);
          hnew = h / facc;
        }
        ctl[HACC] = h;
        ctl[ERRACC] = Math.max(0.01, err);

        const tOld = t;
        const tNew = last ? t1 : t + h;
        const needDense = k < to && grid[k] <= tNew;
        if (needDense) {
          for (let i = 0; i < nl; i++) {
            rc0[i] = y[i];
            rc1[i] = ynew[i];
            rc2[i] = D21 * ak1[i] + D22 * ak2[i] + D23 * ak3[i] + D24 * ak4[i] + D25 * ak5[i];
            rc3[i] = D31 * ak1[i] + D32 * ak2[i] + D33 * ak3[i] + D34 * ak4[i] + D35 * ak5[i];
          }
        }
        if (nl === n) y.set(ynew);
        else for (let i = 0; i < nl; i++) y[i] = ynew[i];
        t = tNew;
        if (needDense) {
          while (k < to && grid[k] <= tNew) {
            const tg = grid[k];
            if (tg === tNew) {
              sink(k, tg, y);
            } else {
              const s = (tg - tOld) / h;
              const s1 = 1 - s;
              for (let i = 0; i < nl; i++) yout[i] = rc0[i] * s1 + s * (rc1[i] + s1 * (rc2[i] + s * rc3[i]));
              sink(k, tg, yout);
            }
            k++;
          }
        }

        if (hnew > hmax) hnew = hmax;
        if (reject) hnew = Math.min(hnew, h);
        reject = false;
        if (stopWhenNonstiff) {
          // Non-stiff: an explicit method would be stable at the step we take. Counted only once the step has
          // settled (hnew < 1.2h): while it ramps up after a start or a dose it is short for other reasons.
          if (h * jnorm >= NONSTIFF_HNORM) nonstiffRun = 0;
          else if (hnew < 1.2 * h) nonstiffRun++;
          // Cost test: this step of length h would have taken the explicit method h·|λ|/3.25 steps (its
          // stability limit) and costs us costRatio of them. |λ| is the explicit method's own estimate when it
          // detected stiffness: it sees the directions the solution actually moves in. (Neither the spectral
          // radius of J nor |λ| along our error vector will do: states that sit at exactly zero — the agonist
          // compartments without co-medication — have fast modes that cannot grow, so the explicit method steps
          // past their limit unharmed; and an L-stable method's error vector has no stiff component at all.)
          if (explicitLambda > 0) {
            const gain = (h * explicitLambda) / NONSTIFF_HNORM;
            if (gain >= 1 || (hnew < 1.2 * h && hnew * 1.2 > h)) {
              ctl[SAVED] += Math.max(gain, 1) - costRatio;
              windowSteps++;
            }
          }
        }
        if (last) {
          ctl[H_NEXT] = hnew;
          return OK;
        }
        // Costly: a net loss over a full window, or already more than COST_LOSS of our steps' worth of work.
        let costly = ctl[SAVED] < -COST_LOSS * costRatio;
        if (windowSteps >= COST_WINDOW) {
          costly ||= ctl[SAVED] < 0;
          if (ctl[SAVED] >= 0) windowsWon++;
          ctl[SAVED] = 0;
          windowSteps = 0;
        }
        if (stopWhenNonstiff && (nonstiffRun >= NONSTIFF_COUNT || costly)) {
          ctl[H_NEXT] = hnew;
          switchAt = t;
          stopReason = nonstiffRun >= NONSTIFF_COUNT ? 'nonstiff' : 'cost';
          return OK;
        }
        h = hnew;
        if (autonomous) sys.rhs(0, y, dy1);
        else sys.rhs(t, y, dy1);
        stats.rhsEvals++;
        needJac = true;
      } else {
        reject = true;
        stats.rejected++;
        h = hnew;
      }
    }
  }

  /** Forget the step-size and controller history (after a dose). */
  function reset(): void {
    ctl[H_NEXT] = 0;
    ctl[HACC] = 0;
    ctl[ERRACC] = 1;
  }

  return {
    name: 'rodas4',
    integrate,
    reset,
    restart(): void {
      reset();
      ctl[SAVED] = 0;
      switchAt = NaN;
      stopReason = '';
      explicitLambda = 0;
      jacCount = 0;
      windowSteps = 0;
      windowsWon = 0;
    },
    get switchAt(): number {
      return switchAt;
    },
    get stopReason() {
      return stopReason;
    },
    get windowsWon(): number {
      return windowsWon;
    },
    get explicitLambda(): number {
      return explicitLambda;
    },
    set explicitLambda(v: number) {
      explicitLambda = v;
      ctl[SAVED] = 0;
      windowSteps = 0;
    },
  };
}
