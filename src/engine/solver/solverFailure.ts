import type { Status, StatusCode } from '../status';
import type { OdeSystem, SolveOptions } from './types';

/** The name of state i for messages: its id when the system declares one, else "y[i]". */
export function stateName(sys: OdeSystem, i: number): string {
  return sys.stateIds?.[i] ?? `y[${i}]`;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(6)).toString() : String(x);
}

/**
 * Builds the status for a failed integration (CVODE / mrgsolve style): what happened, at which t and state,
 * the settings in force, and what to change. Only called on failure, so it may allocate.
 */
export function solverFailure(
  code: Exclude<StatusCode, 'ok'>,
  solver: string,
  sys: OdeSystem,
  t: number,
  stateIndex: number,
  h: number,
  opts: SolveOptions,
): Status {
  const variable = stateIndex >= 0 ? stateName(sys, stateIndex) : undefined;
  const where = `at t = ${fmt(t)} h${variable !== undefined ? ` (state "${variable}")` : ''}`;
  const setting = `solver ${solver}, rtol = ${fmt(opts.rtol)}, step size h = ${fmt(h)} h`;
  let message: string;
  switch (code) {
    case 'NONFINITE':
      message =
        `The solution became non-finite (NaN or Infinity) ${where}; ${setting}. ` +
        `The model overflows or takes an invalid value here: check the parameter values (rates, doses) ` +
        `or shorten duration_h.`;
      break;
    case 'STEP_UNDERFLOW':
      message =
        `The step size fell below what double precision can resolve ${where}; ${setting}. ` +
        `The solution probably grows without bound or jumps here: check the parameter values, or loosen rtol.`;
      break;
    case 'MAX_STEPS':
      message =
        `The solver reached its limit of ${opts.maxSteps ?? 1e6} steps ${where}; ${setting}. ` +
        `Raise solver.maxSteps, loosen rtol, shorten duration_h, or use method "auto" or "rodas4" if the model is stiff.`;
      break;
    case 'STIFFNESS_SUSPECTED':
      message =
        `The problem looks stiff ${where}; ${setting}. The explicit method is limited by stability, not accuracy: ` +
        `use method "auto" or "rodas4".`;
      break;
    default:
      message = `The solver stopped (${code}) ${where}; ${setting}.`;
  }
  const status: { code: StatusCode; message: string; t: number; variable?: string } = { code, message, t };
  if (variable !== undefined) status.variable = variable;
  return status;
}

/** Checks rtol/atol/hmax/maxSteps once per call; returns a message naming the field, or '' when fine. */
export function checkSolveOptions(sys: OdeSystem, opts: SolveOptions): string {
  const { rtol, atol } = opts;
  if (!(Number.isFinite(rtol) && rtol > 0 && rtol < 1)) {
    return `solver.rtol must be a number in (0, 1), e.g. 1e-6; got ${String(rtol)}.`;
  }
  if (typeof atol === 'number') {
    if (!(Number.isFinite(atol) && atol >= 0)) return `solver.atol must be a finite number ≥ 0, e.g. 1e-10; got ${String(atol)}.`;
    if (atol === 0 && rtol <= 0) return 'solver.atol and solver.rtol cannot both be 0.';
  } else {
    if (atol.length !== sys.n) return `solver.atol has ${atol.length} entries but the system has ${sys.n} states.`;
    for (let i = 0; i < atol.length; i++) {
      if (!(Number.isFinite(atol[i]) && atol[i] >= 0)) {
        return `solver.atol[${i}] (state "${stateName(sys, i)}") must be a finite number ≥ 0; got ${String(atol[i])}.`;
      }
    }
  }
  if (opts.hmax !== undefined && !(opts.hmax > 0)) return `solver.hmax must be > 0; got ${String(opts.hmax)}.`;
  if (opts.h0 !== undefined && !(opts.h0 > 0)) return `solver.h0 must be > 0; got ${String(opts.h0)}.`;
  if (opts.maxSteps !== undefined && !(opts.maxSteps >= 1)) {
    return `solver.maxSteps must be ≥ 1; got ${String(opts.maxSteps)}.`;
  }
  return '';
}

/** First grid index in [from, to) with grid[k] > t (binary search; the grid is ascending). */
export function firstGridIndexAfter(grid: Float64Array, from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (grid[mid] > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Index of the first non-finite value among a[0..n), or −1. */
export function firstNonFinite(a: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) if (!Number.isFinite(a[i])) return i;
  return -1;
}

/**
 * The state to blame for a non-finite trial step (failure path only): the first component of f that is non-finite
 * at the last good y and the time of the first failed trial (the RHS itself produced it), else the first
 * non-finite component of the method's trial arrays (an overflow of y). `scratch` receives f.
 */
export function nonfiniteState(sys: OdeSystem, y: Float64Array, tBad: number, scratch: Float64Array, n: number, ...trials: Float64Array[]): number {
  sys.rhs(sys.autonomous === true ? 0 : tBad, y, scratch);
  let i = firstNonFinite(scratch, n);
  for (let k = 0; i < 0 && k < trials.length; k++) i = firstNonFinite(trials[k], n);
  return i;
}

/** The state with the largest scaled error |err_i| / (atol_i + rtol·max(|y_i|, |ynew_i|)) of the last trial step. */
export function worstState(err: Float64Array, y: Float64Array, ynew: Float64Array, atolv: Float64Array, rtol: number, n: number): number {
  let worst = 0;
  let best = -1;
  for (let i = 0; i < n; i++) {
    const r = Math.abs(err[i]) / (atolv[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(ynew[i])));
    if (!(r <= best)) {
      best = r;
      worst = i;
    }
  }
  return worst;
}

/** A segment that cannot be integrated (bad end time or settings) → INVALID_INPUT; null when it can. */
export function invalidSegment(sys: OdeSystem, opts: SolveOptions, t0: number, t1: number): Status | null {
  if (!(t1 >= t0) || !Number.isFinite(t0) || !Number.isFinite(t1)) {
    return { code: 'INVALID_INPUT', message: `The segment end t1 = ${t1} h must be finite and ≥ t0 = ${t0} h.`, t: t0 };
  }
  const bad = checkSolveOptions(sys, opts);
  return bad === '' ? null : { code: 'INVALID_INPUT', message: bad, t: t0, field: 'solver' };
}

/** The per-state absolute tolerances from a scalar or a per-state array. */
export function fillAtol(atolv: Float64Array, atol: number | Float64Array): void {
  if (typeof atol === 'number') atolv.fill(atol);
  else atolv.set(atol);
}

/** How many leading states a segment integrates (OdeSystem.live, clamped to [0, n]; n when absent). */
export function liveCount(sys: OdeSystem): number {
  return sys.live === undefined ? sys.n : Math.max(0, Math.min(sys.n, sys.live));
}

/** The first non-finite component of f, else of y (−1 when both are finite): the state to blame at a segment start. */
export function firstNonFiniteOf(f: Float64Array, y: Float64Array, n: number): number {
  const i = firstNonFinite(f, n);
  return i >= 0 ? i : firstNonFinite(y, n);
}
