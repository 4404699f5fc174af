import { OK, type Status } from '../status';
import type { Integrator, OdeSystem, OutputSink, SolveOptions, SolveStats } from './types';
import { createDopri5 } from './dopri5';
import { createRodas4 } from './rodas4';

/** Explicit steps before a failed stiff trial may be retried (doubling per failure up to BACKOFF_MAX). */
const BACKOFF_START = 500;
const BACKOFF_MAX = 64_000;

/** Which method 'auto' is using now, and how often it switched (for benchmarks and tests). */
export interface AutoIntegrator extends Integrator {
  readonly mode: 'dopri5' | 'rodas4';
  readonly switches: number;
}

/**
 * Automatic stiffness switching (the idea of LSODA — Petzold 1983 — with Hairer's detectors): integrate with
 * DOPRI5 while the step is set by accuracy; when DOPRI5's h·|λ| test says stability limits the step, continue
 * from that point with RODAS. Go back when RODAS finds the problem non-stiff (h·‖J‖∞ < 3.25), or when its steps
 * are not at least rodasCostRatio(n) times DOPRI5's stable step 3.25/|λ| — mild stiffness, where the cheaper
 * explicit steps win; DOPRI5 then ignores stiffness until |λ| has doubled or for a number of steps that starts
 * at 500 and doubles with every failed trial (no ping-pong, and a bounded price for a wrong call when the
 * stiffness varies along the solution, as in Van der Pol).
 * The mode persists across segments (a dose does not change stiffness), and everything restarts explicit when
 * time goes backwards (a new run).
 */
export function createAutoIntegrator(): AutoIntegrator {
  const explicit = createDopri5({ stopWhenStiff: true });
  const stiff = createRodas4({ stopWhenNonstiff: true });
  let mode: 'dopri5' | 'rodas4' = 'dopri5';
  let lastEnd = -Infinity;
  let switches = 0;
  /** Explicit steps to stay explicit after a failed stiff trial; doubles per failure, resets when RODAS pays. */
  let backoff = BACKOFF_START;
  let wonAtSwitch = 0;

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
    if (t0 < lastEnd) {
      mode = 'dopri5';
      explicit.reset();
      stiff.reset();
      explicit.suppressStiffness(0, 0);
      backoff = BACKOFF_START;
    }
    let t = t0;
    // Each pass either finishes the segment or switches once; the cap only guards against a detector loop.
    for (let pass = 0; pass < 1000; pass++) {
      const solver = mode === 'dopri5' ? explicit : stiff;
      const status = solver.integrate(sys, y, t, t1, grid, from, to, sink, opts, stats);
      if (status.code !== 'ok') return status;
      const at = solver.switchAt;
      if (Number.isNaN(at)) {
        lastEnd = t1;
        return OK;
      }
      t = at;
      if (mode === 'dopri5') {
        stiff.explicitLambda = explicit.lambda;
        wonAtSwitch = stiff.windowsWon;
        mode = 'rodas4';
      } else {
        if (stiff.windowsWon > wonAtSwitch) backoff = BACKOFF_START;
        if (stiff.stopReason === 'cost') {
          // Not worth it at this |λ|: stay explicit until the problem is twice as stiff, or for `backoff` steps.
          explicit.suppressStiffness(2 * stiff.explicitLambda, backoff);
          backoff = Math.min(2 * backoff, BACKOFF_MAX);
        }
        mode = 'dopri5';
      }
      switches++;
    }
    // Unreachable in practice: finish with the stiff method, which never needs to switch.
    lastEnd = t1;
    return createRodas4().integrate(sys, y, t, t1, grid, from, to, sink, opts, stats);
  }

  return {
    name: 'auto',
    integrate,
    reset(): void {
      explicit.reset();
      stiff.reset();
    },
    get mode() {
      return mode;
    },
    get switches() {
      return switches;
    },
  };
}
