import { OK, type Status } from '../status';
import { exp, log } from '../../../models/math/deterministicMath';
import type { Integrator, OdeSystem, OutputSink, SolveOptions, SolveStats } from './types';
import { firstGridIndexAfter, solverFailure, invalidSegment, fillAtol, liveCount, firstNonFiniteOf, firstNonFinite, nonfiniteState, worstState } from './solverFailure';
import { initialStep } from './initialStep';
import { axpy1, axpy2, axpy3, axpy4, axpy5, combine6, copyInto, denseCoefficients, denseValue, diffSquares, scaledSquares } from './rkKernels';

/*
 * Dormand–Prince 5(4) with FSAL, PI step-size control, Hairer's initial step, 4th-order dense output and
 * stiffness detection — a transcription of Hairer's DOPRI5 (Hairer, Nørsett & Wanner, Solving ODEs I,
 * 2nd ed., Springer 1993, §II.4–II.6; code dopri5.f, version of 2004). Coefficients: Dormand & Prince,
 * J. Comput. Appl. Math. 6 (1980) 19–26; dense output: Shampine, Math. Comp. 46 (1986) 135–150 as in dopri5.f.
 */

const C2 = 0.2, C3 = 0.3, C4 = 0.8, C5 = 8 / 9;
/** c_s of stages 2–5 indexed by the stage loop's s (1–4); stages 6 and 7 are at t + h. */
const STAGE_C = Float64Array.of(0, C2, C3, C4, C5);
const A21 = 0.2;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const A71 = 35 / 384, A73 = 500 / 1113, A74 = 125 / 192, A75 = -2187 / 6784, A76 = 11 / 84;
// Error estimate: 5th-order minus embedded 4th-order weights.
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;
// Dense output (dopri5.f).
const D1 = -12715105075 / 11282082432, D3 = 87487479700 / 32700410799, D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632, D6 = -1453857185 / 822651844, D7 = 69997945 / 29380423;
/** The same weights as arrays for the kernels (rkKernels.ts), for stages 1, 3, 4, 5, 6, 7 (k2's weights are 0). */
const ERR_WEIGHTS = Float64Array.of(E1, E3, E4, E5, E6, E7);
const DENSE_WEIGHTS = Float64Array.of(D1, D3, D4, D5, D6, D7);

// Step-size control as in dopri5.f: safety 0.9, step ratio within [0.2, 10], PI with beta = 0.04.
const SAFE = 0.9;
const FAC1 = 0.2;
const FAC2 = 10;
const BETA = 0.04;
const EXPO1 = 0.2 - BETA * 0.75;
const UROUND = 2.220446049250313e-16;
/** log(1e-4): dopri5.f keeps facold ≥ 1e-4. */
const LOG_FACOLD_MIN = log(1e-4);
/**
 * Stiffness: h·|λ| near the stability boundary (≈ 3.3) on 15 accepted steps (dopri5.f, IASTI). dopri5.f uses
 * 3.25, but the PI controller settles at h·|λ| ≈ 3.1 on a stiff linear test (y' = −2000(y − cos t)), so that
 * threshold is never crossed; 2.8 catches it. A false alarm costs little: 'auto' hands back to DOPRI5 when the
 * stiff steps do not pay (rodas4.ts, cost test).
 */
const STIFF_HLAMB = 2.8;
const STIFF_COUNT = 15;
const NONSTIFF_COUNT = 6;
/** Consecutive non-finite trial steps (each shrinking h tenfold) before giving up. */
const MAX_NONFINITE_RETRIES = 30;

export interface Dopri5Config {
  /**
   * Stop as soon as stiffness is detected (status ok, switchAt = the time reached, y = y(switchAt), the grid
   * filled up to it), so that 'auto' can continue with a stiff method. Default false: keep going.
   */
  readonly stopWhenStiff?: boolean;
}

export interface Dopri5Integrator extends Integrator {
  /** True when the last integrate() call detected stiffness (h·|λ| > 2.8 on 15 accepted steps). */
  readonly stiffDetected: boolean;
  /** With stopWhenStiff: the time at which the last integrate() stopped early for stiffness, else NaN. */
  readonly switchAt: number;
  /** |λ| estimate (1/h) from the last accepted step's stiffness test (h·|λ| / h), 0 before any. */
  readonly lambda: number;
  /** Stiffness is only reported (and stopWhenStiff only stops) when |λ| exceeds this (0 unless suppressed). */
  readonly stiffLambdaFloor: number;
  /**
   * Ignore stiffness up to |λ| = floor for the next `steps` accepted steps. 'auto' calls this after finding the
   * stiff method not worth its cost, so that the explicit method is not interrupted again at once; the floor
   * lapses, so that a wrong call (made in one regime of a problem whose stiffness changes) costs a bounded
   * amount of work.
   */
  suppressStiffness(floor: number, steps: number): void;
}

export function createDopri5(config: Dopri5Config = {}): Dopri5Integrator {
  const stopWhenStiff = config.stopWhenStiff ?? false;
  // Work arrays, sized on first use. integrate() copies them (and n) into locals: V8 then keeps them in registers
  // in the hot loops instead of reloading closure slots on every element.
  let n_ = -1;
  let k1_: Float64Array = new Float64Array(0), k2_ = k1_, k3_ = k1_, k4_ = k1_, k5_ = k1_, k6_ = k1_, k7_ = k1_;
  let y1_ = k1_, ysti_ = k1_, yout_ = k1_, atolv_ = k1_, errv_ = k1_;
  let rc1_ = k1_, rc2_ = k1_, rc3_ = k1_, rc4_ = k1_, rc5_ = k1_;
  /**
   * Controller state that changes every step lives in a Float64Array, not in closure variables: V8 boxes a
   * double held in a closure on every write (a heap allocation per step); a typed-array slot never allocates.
   */
  const ctl = new Float64Array(5);
  /** Step proposed at the end of the previous segment (0: none — estimate one). */
  const H_NEXT = 0;
  /** log of the previous accepted error, at least log 1e-4 (PI controller memory). */
  const FACOLD = 1;
  /** |λ| estimate of the last accepted step. */
  const LAMBDA = 2;
  /** Two slots the kernels write their sums into (rkKernels.ts: a returned number would be allocated). */
  const SUM = 3;
  /** The scalars a kernel needs (h·a_ij, h, θ, rtol), handed over in this array rather than as arguments. */
  const cf = new Float64Array(5);
  ctl[FACOLD] = LOG_FACOLD_MIN;
  let stiff = false;
  let switchAt = NaN;
  let stiffLambdaFloor = 0;
  let floorSteps = 0;

  function allocate(size: number): void {
    n_ = size;
    const a = (): Float64Array => new Float64Array(size);
    k1_ = a(); k2_ = a(); k3_ = a(); k4_ = a(); k5_ = a(); k6_ = a(); k7_ = a();
    y1_ = a(); ysti_ = a(); yout_ = a(); atolv_ = a(); errv_ = a();
    rc1_ = a(); rc2_ = a(); rc3_ = a(); rc4_ = a(); rc5_ = a();
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
    stiff = false;
    switchAt = NaN;
    const invalid = invalidSegment(sys, opts, t0, t1);
    if (invalid) return invalid;
    if (t1 === t0) return OK;
    if (sys.n !== n_) allocate(sys.n);
    // n: the system's size (the error norm's divisor); nl: the states that can change (OdeSystem.live). Every
    // loop of a step runs over the live states only. The constant tail keeps its value in every stage argument.
    const n = n_;
    const nl = liveCount(sys);
    const autonomous = sys.autonomous === true;
    // k1 and k7 swap places after each accepted step (first same as last).
    let k1 = k1_, k7 = k7_;
    const k2 = k2_, k3 = k3_, k4 = k4_, k5 = k5_, k6 = k6_;
    const y1 = y1_, ysti = ysti_, yout = yout_, atolv = atolv_, errv = errv_;
    const rc1 = rc1_, rc2 = rc2_, rc3 = rc3_, rc4 = rc4_, rc5 = rc5_;
    const rtol = opts.rtol;
    fillAtol(atolv, opts.atol);
    const hmax = Math.min(opts.hmax ?? Infinity, t1 - t0);
    const maxSteps = opts.maxSteps ?? 1e6;

    for (let i = nl; i < n; i++) { y1[i] = y[i]; ysti[i] = y[i]; yout[i] = y[i]; errv[i] = 0; }

    let k = firstGridIndexAfter(grid, from, to, t0);
    let t = t0;
    if (autonomous) sys.rhs(0, y, k1);
    else sys.rhs(t, y, k1);
    stats.rhsEvals++;
    const bad0 = firstNonFiniteOf(k1, y, n);
    if (bad0 >= 0) return solverFailure('NONFINITE', 'dopri5', sys, t, bad0, 0, opts);

    let h = opts.h0 !== undefined ? Math.min(opts.h0, hmax) : ctl[H_NEXT] > 0 ? Math.min(ctl[H_NEXT], hmax) : initialStep(sys, t, y, k1, atolv, rtol, hmax, 5, y1, k2, stats);
    let rejectedLast = false;
    let nonfiniteRetries = 0;
    let tBad = t0;
    let iasti = 0, nonsti = 0;

    for (;;) {
      if (stats.steps + stats.rejected >= maxSteps) {
        return solverFailure('MAX_STEPS', 'dopri5', sys, t, worstState(errv, y, y1, atolv, rtol, n), h, opts);
      }
      if (0.1 * h <= Math.abs(t) * UROUND || h < 1e-300) {
        // Shrinking because the trial values overflowed: the cause is the non-finite value, say so.
        if (nonfiniteRetries > 0) return solverFailure('NONFINITE', 'dopri5', sys, t, nonfiniteState(sys, y, tBad, yout, n, y1, k7, errv), h, opts);
        return solverFailure('STEP_UNDERFLOW', 'dopri5', sys, t, worstState(errv, y, y1, atolv, rtol, n), h, opts);
      }
      let last = false;
      if (t + 1.01 * h >= t1) { h = t1 - t; last = true; }

      // Stages 2–7 through one RHS call site (the seventh is f at the new point: first same as last), so that
      // V8 inlines the model's RHS into this loop once, not six times. Stage 6's argument is kept in ysti for the
      // stiffness test. Each stage's argument y + h·Σ_j a_sj k_j is one fused pass (rkKernels.ts), formed left
      // to right from y, so every value is bitwise what separate per-stage passes gave.
      const tph = last ? t1 : t + h;
      for (let s = 1; s < 7; s++) {
        let arg = y1, out = k7;
        switch (s) {
          case 1:
            cf[0] = h * A21;
            axpy1(nl, y, cf, k1, y1);
            out = k2;
            break;
          case 2:
            cf[0] = h * A31; cf[1] = h * A32;
            axpy2(nl, y, cf, k1, k2, y1);
            out = k3;
            break;
          case 3:
            cf[0] = h * A41; cf[1] = h * A42; cf[2] = h * A43;
            axpy3(nl, y, cf, k1, k2, k3, y1);
            out = k4;
            break;
          case 4:
            cf[0] = h * A51; cf[1] = h * A52; cf[2] = h * A53; cf[3] = h * A54;
            axpy4(nl, y, cf, k1, k2, k3, k4, y1);
            out = k5;
            break;
          case 5:
            cf[0] = h * A61; cf[1] = h * A62; cf[2] = h * A63; cf[3] = h * A64; cf[4] = h * A65;
            axpy5(nl, y, cf, k1, k2, k3, k4, k5, ysti);
            arg = ysti; out = k6;
            break;
          default:
            // a_72 = 0: the 5th-order solution does not use k2.
            cf[0] = h * A71; cf[1] = h * A73; cf[2] = h * A74; cf[3] = h * A75; cf[4] = h * A76;
            axpy5(nl, y, cf, k1, k3, k4, k5, k6, y1);
        }
        // An autonomous system does not read t (OdeSystem.autonomous), so it gets the constant 0: a fractional stage
        // time passed to an RHS V8 has not inlined is boxed, a heap allocation per call. The stage time is formed
        // only on the other branch (formed before the test, it was boxed all the same).
        if (autonomous) sys.rhs(0, arg, out);
        else sys.rhs(s < 5 ? t + STAGE_C[s] * h : tph, arg, out);
      }
      stats.rhsEvals += 6;

      // Error norm: RMS of the scaled local error h·Σ e_j k_j (kept in errv for failure reports).
      cf[0] = h;
      combine6(nl, cf, ERR_WEIGHTS, k1, k3, k4, k5, k6, k7, errv);
      cf[0] = rtol;
      scaledSquares(nl, errv, y, y1, atolv, cf, ctl, SUM);
      const err = Math.sqrt(ctl[SUM] / n);

      if (!Number.isFinite(err) || firstNonFinite(k7, nl) >= 0) {
        // An overflow or NaN inside the step: retry smaller; a genuine blow-up ends in NONFINITE or underflow.
        stats.rejected++;
        if (nonfiniteRetries === 0) tBad = last ? t1 : t + h;
        nonfiniteRetries++;
        if (nonfiniteRetries > MAX_NONFINITE_RETRIES) {
          return solverFailure('NONFINITE', 'dopri5', sys, t, nonfiniteState(sys, y, tBad, yout, n, y1, k7, errv), h, opts);
        }
        h *= 0.1;
        rejectedLast = true;
        continue;
      }
      nonfiniteRetries = 0;

      // PI controller (Gustafsson; dopri5.f): hnew = h / clamp(err^(0.2-0.75β) / facold^β / safe).
      // err^0.17 / facold^0.04 as one exp of logs, with log(facold) kept from the last accepted step: one log and
      // one exp per step instead of two of each (deterministic exp/log: the same steps on every JS engine).
      const logErr = log(err);
      let fac = exp(EXPO1 * logErr - BETA * ctl[FACOLD]);
      fac = Math.max(1 / FAC2, Math.min(1 / FAC1, fac / SAFE));
      let hnew = h / fac;

      if (err <= 1) {
        ctl[FACOLD] = Math.max(logErr, LOG_FACOLD_MIN);
        stats.steps++;
        if (floorSteps > 0 && --floorSteps === 0) stiffLambdaFloor = 0;

        // Stiffness detection (dopri5.f): h·|λ| ≈ h·‖k7 − k6‖ / ‖y1 − ysti‖, both at t + h.
        diffSquares(nl, k7, k6, y1, ysti, ctl, SUM);
        const stnum = ctl[SUM], stden = ctl[SUM + 1];
        if (stden > 0) {
          const hlamb = h * Math.sqrt(stnum / stden);
          ctl[LAMBDA] = hlamb / h;
          if (hlamb > STIFF_HLAMB && ctl[LAMBDA] > stiffLambdaFloor) {
            nonsti = 0;
            iasti++;
            if (iasti >= STIFF_COUNT) stiff = true;
          } else {
            nonsti++;
            if (nonsti === NONSTIFF_COUNT) iasti = 0;
          }
        }

        const tOld = t;
        const tNew = last ? t1 : t + h;
        const needDense = k < to && grid[k] <= tNew;
        if (needDense) {
          cf[0] = h;
          denseCoefficients(nl, cf, y, y1, k1, k7, rc1, rc2, rc3, rc4);
          combine6(nl, cf, DENSE_WEIGHTS, k1, k3, k4, k5, k6, k7, rc5);
        }
        copyInto(nl, y1, y);
        const swap = k1; k1 = k7; k7 = swap;
        t = tNew;

        if (needDense) {
          while (k < to && grid[k] <= tNew) {
            const tg = grid[k];
            if (tg === tNew) {
              sink(k, tg, y);
            } else {
              cf[0] = (tg - tOld) / h;
              denseValue(nl, cf, rc1, rc2, rc3, rc4, rc5, yout);
              sink(k, tg, yout);
            }
            k++;
          }
        }

        if (hnew > hmax) hnew = hmax;
        if (rejectedLast) hnew = Math.min(hnew, h);
        rejectedLast = false;
        if (last) {
          ctl[H_NEXT] = hnew;
          return OK;
        }
        if (stiff && stopWhenStiff) {
          ctl[H_NEXT] = hnew;
          switchAt = t;
          return OK;
        }
        h = hnew;
      } else {
        hnew = h / Math.min(1 / FAC1, exp(EXPO1 * logErr) / SAFE);
        rejectedLast = true;
        stats.rejected++;
        h = hnew;
      }
    }
  }

  /** Forget the step-size and controller history (after a dose). */
  function reset(): void {
    ctl[H_NEXT] = 0;
    ctl[FACOLD] = LOG_FACOLD_MIN;
  }

  return {
    name: 'dopri5',
    integrate,
    reset,
    restart(): void {
      reset();
      ctl[LAMBDA] = 0;
      stiff = false;
      switchAt = NaN;
      stiffLambdaFloor = 0;
      floorSteps = 0;
    },
    get stiffDetected(): boolean {
      return stiff;
    },
    get switchAt(): number {
      return switchAt;
    },
    get lambda(): number {
      return ctl[LAMBDA];
    },
    get stiffLambdaFloor(): number {
      return stiffLambdaFloor;
    },
    suppressStiffness(floor: number, steps: number): void {
      stiffLambdaFloor = floor;
      floorSteps = steps;
    },
  };
}
