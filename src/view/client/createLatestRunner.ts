import type { CallOptions, EngineClient } from './types';
import { EngineCallError } from './types';
import type { SimulationResult } from '../../engine/result';
import type { Scenario } from '../../engine/scenario/types';

/** How a submission ended. `superseded`: a newer submission arrived first, so this one's answer was not delivered. */
export type LatestOutcome<R> =
  | { readonly kind: 'delivered'; readonly value: R }
  | { readonly kind: 'superseded' }
  | { readonly kind: 'failed'; readonly error: unknown };

export interface LatestRunnerOptions<I, R> {
  /**
   * Called with the answer of the newest submission — and, with `progressive`, with answers that a newer
   * submission overtook while they ran (then `latest` is false). Never with an answer older than one already given.
   */
  readonly onResult?: (value: R, input: I, info: { readonly latest: boolean }) => void;
  /** Called when the newest submission fails (a rejection other than its own supersession). */
  readonly onError?: (error: unknown, input: I) => void;
  /**
   * What to do with a run that became stale while running:
   *  - 'drop' (default): let it finish in the worker and throw its answer away. Only one run is in flight and at most
   *    one input waits (each new input replaces the waiting one), so a burst of N changes costs at most 2 runs (1 when
   *    the burst happens within one task) and no worker restarts. Best when a run is short (a single simulation).
   *  - 'cancel': abort it at once (its worker is terminated and respawned) and start the newest now. Best when a run
   *    is long (a population) and waiting for it would be felt.
   */
  readonly stale?: 'drop' | 'cancel';
  /**
   * In 'drop' mode, also deliver a run that finished after newer input arrived (default false). During a continuous
   * drag whose changes come faster than one run, plain latest-wins shows nothing until the drag pauses; progressive
   * delivery shows a curve per finished run (about one per run time) and still ends on the newest input.
   */
  readonly progressive?: boolean;
  /** Per-call options passed through (timeoutMs). */
  readonly timeoutMs?: number;
}

export interface LatestRunner<I, R> {
  /** Start (or queue) a run for `input`; any older submission is superseded. Never rejects. */
  submit(input: I): Promise<LatestOutcome<R>>;
  /** Supersede everything: the running call is aborted, the waiting input dropped; nothing more is delivered. */
  cancel(): void;
  /** Is a submission still unsettled? (false = the UI is idle) */
  readonly busy: boolean;
  readonly counts: {
    readonly submitted: number;
    /** Answers handed to onResult (progressive ones included). */
    readonly delivered: number;
    /** Submissions whose answer was not delivered as the latest (progressive deliveries included). */
    readonly superseded: number;
    readonly failed: number;
  };
}

type RunFn<I, R> = (input: I, options: CallOptions) => Promise<R>;

interface Submission<I, R> {
  readonly seq: number;
  readonly input: I;
  readonly done: (outcome: LatestOutcome<R>) => void;
}

/**
 * Latest-wins for live controls (a slider fires dozens of changes a second): only the newest submission's answer is
 * delivered, stale ones are dropped or cancelled, and every submission's promise settles (as 'superseded' at worst).
 * Accepts an EngineClient (runs simulate) or any `(input, {signal}) => Promise` function.
 */
export function createLatestRunner(
  client: EngineClient,
  options?: LatestRunnerOptions<Scenario, SimulationResult>,
): LatestRunner<Scenario, SimulationResult>;
export function createLatestRunner<I, R>(run: RunFn<I, R>, options?: LatestRunnerOptions<I, R>): LatestRunner<I, R>;
export function createLatestRunner<I, R>(
  target: RunFn<I, R> | EngineClient,
  options: LatestRunnerOptions<I, R> = {},
): LatestRunner<I, R> {
  const run: RunFn<I, R> =
    typeof target === 'function'
      ? target
      : (input, callOptions) => target.simulate(input as Scenario, callOptions) as Promise<R>;
  const mode = options.stale ?? 'drop';
  let seq = 0;
  let running: (Submission<I, R> & { readonly controller: AbortController }) | undefined;
  let waiting: Submission<I, R> | undefined;
  const counts = { submitted: 0, delivered: 0, superseded: 0, failed: 0 };

  let scheduled = false;
  /**
   * Start the waiting input at the end of the current task's microtasks, not inside submit(): a burst of changes
   * made in one task (a programmatic update, a pasted link) then costs one run and — in cancel mode — no worker
   * terminated and respawned per change (measured: 100 synchronous respawns make a ≥ 50 ms long task).
   */
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!running && waiting) {
        const next = waiting;
        waiting = undefined;
        start(next);
      }
    });
  }

  function supersede(s: Submission<I, R>): void {
    counts.superseded++;
    s.done({ kind: 'superseded' });
  }

  function start(s: Submission<I, R>): void {
    const controller = new AbortController();
    const current = { ...s, controller };
    running = current;
    const callOptions: CallOptions = { signal: controller.signal, timeoutMs: options.timeoutMs };
    let promise: Promise<R>;
    try {
      promise = run(s.input, callOptions);
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (value) => finish(current, { kind: 'delivered', value }),
      (error: unknown) => finish(current, { kind: 'failed', error }),
    );
  }

  function finish(s: Submission<I, R> & { readonly controller: AbortController }, outcome: LatestOutcome<R>): void {
    if (running === s) running = undefined;
    const newest = s.seq === seq;
    const cancelledByUs = s.controller.signal.aborted;
    if (!newest || cancelledByUs) {
      if (options.progressive && !cancelledByUs && outcome.kind === 'delivered') {
        // Newer than anything shown so far (runs start in submission order, one at a time in drop mode).
        counts.delivered++;
        options.onResult?.(outcome.value, s.input, { latest: false });
      }
      supersede(s);
    } else if (outcome.kind === 'delivered') {
      counts.delivered++;
      options.onResult?.(outcome.value, s.input, { latest: true });
      s.done(outcome);
    } else if (outcome.kind === 'failed') {
      counts.failed++;
      options.onError?.(outcome.error, s.input);
      s.done(outcome);
    }
    if (!running && waiting) schedule();
  }

  return {
    submit(input: I): Promise<LatestOutcome<R>> {
      counts.submitted++;
      return new Promise<LatestOutcome<R>>((done) => {
        const s: Submission<I, R> = { seq: ++seq, input, done };
        if (waiting) supersede(waiting);
        waiting = s;
        if (running && mode === 'cancel') {
          running.controller.abort(); // its rejection (CANCELLED) comes back through finish() as superseded
          running = undefined;
        }
        schedule();
      });
    },
    cancel(): void {
      seq++; // nothing submitted so far is the newest any more
      if (waiting) {
        supersede(waiting);
        waiting = undefined;
      }
      running?.controller.abort();
      running = undefined;
    },
    get busy(): boolean {
      return running !== undefined || waiting !== undefined;
    },
    get counts() {
      return { ...counts };
    },
  };
}

/** True when an error is the client's own CANCELLED rejection (for callers that handle cancel silently). */
export function isCancellation(error: unknown): boolean {
  return error instanceof EngineCallError && error.code === 'CANCELLED';
}
