import type { Status } from '../status';

/** A first-order system y' = f(t, y) of n states, with an optional analytic Jacobian (row-major n×n). */
export interface OdeSystem {
  readonly n: number;
  rhs(t: number, y: Float64Array, dy: Float64Array): void;
  jac?(t: number, y: Float64Array, J: Float64Array): void;
  /** Names of the states, for error messages. */
  readonly stateIds?: readonly string[];
  /**
   * True when rhs does not depend on t (within a segment). Lets the Rosenbrock solver skip the finite-difference
   * ∂f/∂t (one RHS evaluation per step), and the solvers then call rhs and jac with t = 0: a fractional time
   * passed to a function V8 has not inlined is boxed, a heap allocation per call. Default false: t is passed.
   */
  readonly autonomous?: boolean;
  /**
   * States 0 … live−1 can change; the states from `live` on are constant over the segment (their derivative is
   * exactly 0: a model's switched-off options, Model.liveStates). DOPRI5 and RODAS4 then form stages, error, dense
   * output (and RODAS its LU) for the live states only, and still divide the error norm by n — the constant states
   * would add exact zeros — so the steps and the results are bit for bit those of the full system. Default n.
   */
  readonly live?: number;
}

export type SolverMethod = 'auto' | 'dopri5' | 'rodas4';

export interface SolveOptions {
  /** Relative tolerance (default 1e-6). */
  readonly rtol: number;
  /** Absolute tolerance, scalar or per state (default 1e-10). */
  readonly atol: number | Float64Array;
  /** Largest step (h); default: the segment length. */
  readonly hmax?: number;
  /** Initial step; default: estimated (Hairer's algorithm). */
  readonly h0?: number;
  /** Maximum accepted+rejected steps over the whole run (default 1e6). */
  readonly maxSteps?: number;
  readonly method?: SolverMethod;
}

/** Counters, accumulated over a run (for benchmarks and the RHS-only floor). */
export interface SolveStats {
  steps: number;
  rejected: number;
  rhsEvals: number;
  jacEvals: number;
  /** LU decompositions (implicit / Rosenbrock methods). */
  decompositions: number;
}

export function newStats(): SolveStats {
  return { steps: 0, rejected: 0, rhsEvals: 0, jacEvals: 0, decompositions: 0 };
}

/**
 * Receives the solution at output grid point k (dense output); y must be copied, not kept.
 */
export type OutputSink = (k: number, t: number, y: Float64Array) => void;

/**
 * Integrates one event-free segment: y (in place) from t0 to t1, and calls sink for every grid index k in
 * [from, to) whose time grid[k] lies in (t0, t1] — grid points exactly at t0 are the caller's business.
 * On success y holds y(t1) and the status is ok. On failure the status says t and the state involved.
 * An integrator object keeps its work arrays between calls (no allocation per segment), and its last
 * accepted step size, which the caller may reset after a discontinuity (a dose).
 */
export interface Integrator {
  readonly name: string;
  integrate(
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
  ): Status;
  /** Forget the step-size history (call after a discontinuity such as a dose). */
  reset(): void;
  /**
   * Forget everything: behave from now on exactly as a newly created integrator (bit for bit). Lets a caller keep
   * one integrator for many runs — a new one per run gives V8 a new closure to compile each time (runs 2–4 of a
   * session took 20–40 ms instead of ~5 while it did).
   */
  restart(): void;
}
