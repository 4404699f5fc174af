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
  /**
   * What the runs so far taught about this problem: after a stiff trial that did not pay, the stiffness below
   * which DOPRI5 should keep going and for how many steps (the current backoff); null when every trial paid or
   * none was made. A population passes its typical subject's lesson to every subject (AutoHint), so that 1,000
   * similar runs do not each repeat the same failed trials.
   */
  readonly learned: AutoHint | null;
  /** As Integrator.restart, optionally with a new hint (by default the one it was created with). */
  restart(hint?: AutoHint | null): void;
}

/** Start-up advice for 'auto' (see AutoIntegrator.learned): ignore stiffness up to |λ| = lambda for `steps` steps. */
export interface AutoHint {
  readonly lambda: number;
  readonly steps: number;
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
export function createAutoIntegrator(initialHint: AutoHint | null = null): AutoIntegrator {
  let hint = initialHint;
  const explicit = createDopri5({ stopWhenStiff: true });
  const stiff = createRodas4({ stopWhenNonstiff: true });
  let mode: 'dopri5' | 'rodas4' = 'dopri5';
  let lastEnd = -Infinity;
  let switches = 0;
  /** Explicit steps to stay explicit after a failed stiff trial; doubles per failure, resets when RODAS pays. */
  let backoff = BACKOFF_START;
  let wonAtSwitch = 0;
  let learned: AutoHint | null = null;
  /** A new run starts explicit, with the hint's suppression if there is one (a problem much stiffer still switches). */
  const startRun = (): void => {
    explicit.suppressStiffness(hint ? hint.lambda : 0, hint ? hint.steps : 0);
  };
  startRun();

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
      startRun();
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
        if (stiff.windowsWon > wonAtSwitch) {
          backoff = BACKOFF_START;
          learned = null;
        }
        if (stiff.stopReason === 'cost') {
          // Not worth it at this |λ|: stay explicit until the problem is twice as stiff, or for `backoff` steps.
          explicit.suppressStiffness(2 * stiff.explicitLambda, backoff);
          backoff = Math.min(2 * backoff, BACKOFF_MAX);
          learned = { lambda: 2 * stiff.explicitLambda, steps: backoff };
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
    restart(newHint?: AutoHint | null): void {
      if (newHint !== undefined) hint = newHint;
      explicit.restart();
      stiff.restart();
      mode = 'dopri5';
      lastEnd = -Infinity;
      switches = 0;
      backoff = BACKOFF_START;
      wonAtSwitch = 0;
      learned = null;
      startRun();
    },
    get mode() {
      return mode;
    },
    get switches() {
      return switches;
    },
    get learned() {
      return learned;
    },
  };
}
