import { releaseProxy, wrap, type Remote } from 'comlink';
import type { SimulationResult } from '../../engine/result';
import type { Scenario } from '../../engine/scenario/types';
import {
  PROTOCOL_VERSION,
  type EngineMethod,
  type EngineWorkerApi,
  type PingReply,
  type PopulationOptions,
  type PopulationResult,
  type SensitivityOptions,
  type SensitivityResult,
  type FitOptions,
  type FitResult,
  type Observation,
} from '../../../workers/protocol';
import { EngineCallError, type CallOptions, type EngineClient } from './types';
import type { WorkerFactory, WorkerLike } from './workerLike';
import { spawnEngineWorker } from './spawnEngineWorker';

export interface EngineClientOptions {
  /** Makes a worker (default: the real engine worker). Tests inject fakes that crash, hang or die. */
  readonly createWorker?: WorkerFactory;
  /** Workers run in parallel; each runs one call at a time, the rest wait in a queue here (default 1). */
  readonly poolSize?: number;
  /** Default wall-clock limit per call (ms), from the call until its answer (default 60 000). */
  readonly timeoutMs?: number;
  /**
   * A worker that crashes before it ever answered counts as a start-up failure; after this many in a row the client
   * stops respawning (a broken worker script would otherwise respawn forever), rejects what is queued with
   * WORKER_CRASH, and tries again only when the next call arrives (default 3).
   */
  readonly maxStartupFailures?: number;
  /**
   * Start one worker now instead of at the first call, so that its script loads, compiles and warms up
   * (engine.worker.ts) while the page is still building itself; the page's first curve then meets a worker that is
   * ready. Default false (tests count the workers they cause).
   */
  readonly prestart?: boolean;
}

/** A snapshot of the supervisor's counters, for tests, the load check and a debug read-out. */
export interface EngineClientCounters {
  /** Workers created, ever. */
  readonly spawned: number;
  /** Workers terminated, ever (crash, hang, cancel, restart, dispose). */
  readonly terminated: number;
  /** Workers created to replace a terminated one. */
  readonly respawns: number;
  /** Workers alive now (spawned − terminated). */
  readonly live: number;
  /** Calls waiting for a worker. */
  readonly queued: number;
  /** Calls running in a worker. */
  readonly running: number;
  /** queued + running: every call not yet settled. */
  readonly inFlight: number;
  /** Calls resolved with an answer. */
  readonly completed: number;
  /** Calls rejected, by code. */
  readonly rejected: Readonly<Record<EngineCallError['code'], number>>;
}

/** The client the app uses: the EngineClient contract plus supervision extras. */
export interface SupervisedEngineClient extends EngineClient {
  population(scenario: Scenario, population: PopulationOptions, options?: CallOptions): Promise<PopulationResult>;
  sensitivity(scenario: Scenario, sensitivity: SensitivityOptions, options?: CallOptions): Promise<SensitivityResult>;
  fit(scenario: Scenario, data: readonly Observation[], fit: FitOptions, options?: CallOptions): Promise<FitResult>;
  /** Round trip to a worker (through the queue like any call). */
  ping(options?: CallOptions): Promise<PingReply>;
  /** Terminate every worker now (calls running in them reject with WORKER_CRASH) and start fresh ones;
   *  queued calls continue on the new workers. For "the worker was killed" — and a page that wants a clean slate. */
  restart(reason?: string): void;
  counters(): EngineClientCounters;
}

const DEFAULT_TIMEOUT_MS = 60_000;

interface Job {
  readonly id: number;
  readonly method: EngineMethod;
  readonly args: readonly unknown[];
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: EngineCallError) => void;
  readonly signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  slot: Slot | undefined;
  settled: boolean;
}

interface Slot {
  readonly id: number;
  readonly worker: WorkerLike;
  readonly remote: Remote<EngineWorkerApi>;
  readonly onFault: (event: Event) => void;
  job: Job | undefined;
  /** Has answered at least one call: a later crash is not a start-up failure. */
  answered: boolean;
  dead: boolean;
}

/** Best-effort text from an 'error' / 'messageerror' event (module load failures carry none). */
function describeFault(event: Event): string {
  const message = (event as ErrorEvent).message;
  if (typeof message === 'string' && message !== '') return message;
  return event.type === 'messageerror'
    ? 'a message from the worker could not be deserialized'
    : 'no detail (the worker script may have failed to load, or run out of memory)';
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Creates the supervised engine client (architecture.md, contract 5).
 *
 * comlink turns worker calls into promises, but a promise whose worker died is never settled: comlink has no notion
 * of a dead peer. This supervisor gives every call an id, a deadline and an abort path, and owns the workers' life:
 *  - the worker fires 'error' or 'messageerror', or the engine throws → the worker is terminated and respawned, the
 *    call running in it rejects with WORKER_CRASH;
 *  - the deadline passes → the same, with TIMEOUT (a synchronous simulate() cannot be interrupted, only killed);
 *  - the signal aborts → a queued call is dropped, a running one has its worker terminated and respawned; either
 *    way the call rejects with CANCELLED at once (synchronously in the abort event);
 *  - dispose() → every worker terminated, every call rejected with CANCELLED.
 * So no call is ever left pending. Each worker runs one call at a time; waiting calls stay here, not in the worker's
 * message queue, so cancelling or timing out a waiting call never costs a worker.
 */
export function createEngineClient(options: EngineClientOptions = {}): SupervisedEngineClient {
  const createWorker = options.createWorker ?? spawnEngineWorker;
  const poolSize = Math.max(1, Math.floor(options.poolSize ?? 1));
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxStartupFailures = Math.max(1, options.maxStartupFailures ?? 3);

  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextJobId = 1;
  let nextSlotId = 1;
  let disposed = false;
  let startupFailures = 0;
  let lastStartupFault = '';
  const count = {
    spawned: 0,
    terminated: 0,
    respawns: 0,
    completed: 0,
    rejected: { CANCELLED: 0, TIMEOUT: 0, WORKER_CRASH: 0 } as Record<EngineCallError['code'], number>,
  };

  /**
   * A new worker, or undefined when none can be made (new Worker() throws: a Content-Security-Policy without
   * worker-src, no module-worker support). Then every waiting call rejects with WORKER_CRASH saying why.
   */
  function spawn(): Slot | undefined {
    let worker: WorkerLike;
    try {
      worker = createWorker();
    } catch (error) {
      const waiting = queue.splice(0, queue.length);
      for (const w of waiting) {
        settle(w, {
          error: new EngineCallError(
            'WORKER_CRASH',
            `The engine worker could not be started (${errorText(error)}). ` +
              "Check that the page's Content-Security-Policy allows worker-src 'self' and that the browser supports module workers.",
          ),
        });
      }
      return undefined;
    }
    const slot: Slot = {
      id: nextSlotId++,
      worker,
      remote: wrap<EngineWorkerApi>(worker),
      onFault: (event: Event) => {
        // Handled here: keep the browser from also reporting it as an uncaught error of the page.
        event.preventDefault?.();
        kill(slot, 'WORKER_CRASH', `The engine worker crashed: ${describeFault(event)}.`, true);
      },
      job: undefined,
      answered: false,
      dead: false,
    };
    worker.addEventListener('error', slot.onFault);
    worker.addEventListener('messageerror', slot.onFault);
    slots.push(slot);
    count.spawned++;
    handshake(slot);
    return slot;
  }

  /**
   * First words with a new worker: a ping, sent before any call. Its answer proves the worker started (not a
   * start-up failure any more) and names the worker's life lock, which the worker already holds; queueing for that
   * lock turns a silent death (self.close(), a killed thread) into an immediate WORKER_CRASH instead of a wait for
   * the timeout. Calls are not held back for this answer (it would delay every first call); a worker that dies
   * silently before answering it — its first milliseconds — is caught by the call's deadline instead.
   */
  function handshake(slot: Slot): void {
    slot.remote.ping().then(
      (reply) => {
        if (slot.dead) return;
        if (reply?.protocol !== PROTOCOL_VERSION) {
          // A worker script from another build (a stale cache after a deploy): its messages cannot be trusted.
          kill(
            slot,
            'WORKER_CRASH',
            `The engine worker speaks protocol ${String(reply?.protocol)}, this page expects ${PROTOCOL_VERSION}: ` +
              'reload the page to get matching files.',
            true,
          );
          return;
        }
        slot.answered = true;
        startupFailures = 0;
        const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
        if (!reply || typeof reply.lock !== 'string' || !locks) return;
        void locks.request(reply.lock, () => {
          kill(slot, 'WORKER_CRASH', 'The engine worker ended without a word (it closed itself or was killed).', true);
        });
      },
      () => {
        /* a worker that cannot answer a ping is caught by its error event or by the call's timeout */
      },
    );
  }

  /** Settle a job exactly once, and forget its timer and abort listener (nothing may keep it alive). */
  function settle(job: Job, outcome: { value: unknown } | { error: EngineCallError }): void {
    if (job.settled) return;
    job.settled = true;
    if (job.timer !== undefined) clearTimeout(job.timer);
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    job.onAbort = undefined;
    job.timer = undefined;
    job.slot = undefined;
    if ('error' in outcome) {
      count.rejected[outcome.error.code]++;
      job.reject(outcome.error);
    } else {
      count.completed++;
      job.resolve(outcome.value);
    }
  }

  /**
   * Terminate a worker; the call running in it (if any) rejects with `code`. A replacement is spawned unless the
   * client is disposed or the worker keeps dying before it can answer anything.
   */
  function kill(slot: Slot, code: EngineCallError['code'], message: string, isCrash: boolean): void {
    if (slot.dead) return;
    slot.dead = true;
    slot.worker.removeEventListener('error', slot.onFault);
    slot.worker.removeEventListener('messageerror', slot.onFault);
    slot.worker.terminate();
    // Release comlink's side too. comlink keeps each endpoint in a FinalizationRegistry (as the held value) until the
    // proxy is collected — but the endpoint's message listener holds the pending calls, whose callbacks hold this
    // slot, which holds the proxy: the proxy could never be collected, and every worker killed with a call pending
    // leaked ~1.7 kB with its call's arguments (measured). Releasing unregisters the proxy and drops the pending calls.
    slot.remote[releaseProxy]();
    count.terminated++;
    slots.splice(slots.indexOf(slot), 1);
    const job = slot.job;
    slot.job = undefined;
    if (job) settle(job, { error: new EngineCallError(code, message) });
    if (disposed) return;

    if (isCrash && !slot.answered) {
      startupFailures++;
      lastStartupFault = message;
    }
    if (startupFailures >= maxStartupFailures) {
      // Stop the respawn loop; fail what waits, and let the next call try again from scratch.
      startupFailures = 0;
      const waiting = queue.splice(0, queue.length);
      for (const w of waiting) {
        settle(w, {
          error: new EngineCallError(
            'WORKER_CRASH',
            `The engine worker failed to start ${maxStartupFailures} times in a row (last: ${lastStartupFault}) ` +
              'Reload the page; if it persists, the browser may lack module-worker support.',
          ),
        });
      }
      return;
    }
    // Respawn now, not at the next call: a module worker takes a while to load, so keep one warm.
    if (spawn()) count.respawns++;
    pump();
  }

  function run(slot: Slot, job: Job): void {
    slot.job = job;
    job.slot = slot;
    const call = slot.remote[job.method] as unknown as (...args: readonly unknown[]) => Promise<unknown>;
    call(...job.args).then(
      (value) => {
        if (slot.job !== job || slot.dead) return; // already rejected (timeout/cancel/crash): drop the late answer
        slot.job = undefined;
        slot.answered = true;
        startupFailures = 0;
        settle(job, { value });
        pump();
      },
      (error: unknown) => {
        if (slot.job !== job || slot.dead) return;
        const notSent = error instanceof Error && error.name === 'DataCloneError';
        if (notSent) {
          // The arguments could not be copied to the worker: the worker itself is fine.
          slot.job = undefined;
          settle(job, {
            error: new EngineCallError(
              'WORKER_CRASH',
              `${job.method}() could not send its input to the worker (${errorText(error)}); pass plain JSON data.`,
            ),
          });
          pump();
          return;
        }
        // The engine is pure and reports failures in its result status; an exception is a bug, and whatever state
        // the worker holds (caches) is suspect: replace it.
        slot.answered = true; // it answered, so this is not a start-up failure
        kill(slot, 'WORKER_CRASH', `The engine threw in ${job.method}(): ${errorText(error)}.`, true);
      },
    );
  }

  /** Hand waiting calls to idle workers, spawning up to poolSize. */
  function pump(): void {
    while (queue.length > 0 && !disposed) {
      let slot = slots.find((s) => s.job === undefined && !s.dead);
      if (!slot) {
        if (slots.length >= poolSize) return;
        slot = spawn();
        if (!slot) return; // the queue was failed with the reason
      }
      const job = queue.shift()!;
      run(slot, job);
    }
  }

  function call<T>(method: EngineMethod, args: readonly unknown[], callOptions: CallOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        id: nextJobId++,
        method,
        args,
        resolve: resolve as (value: unknown) => void,
        reject,
        signal: callOptions.signal,
        onAbort: undefined,
        timer: undefined,
        slot: undefined,
        settled: false,
      };
      if (disposed) {
        settle(job, { error: new EngineCallError('CANCELLED', `${method}() was called after the engine client was disposed.`) });
        return;
      }
      const signal = callOptions.signal;
      if (signal?.aborted) {
        settle(job, { error: new EngineCallError('CANCELLED', `${method}() was cancelled before it started.`) });
        return;
      }
      if (signal) {
        job.onAbort = () => cancel(job, `${method}() was cancelled.`);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      const timeoutMs = callOptions.timeoutMs ?? defaultTimeoutMs;
      if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
        job.timer = setTimeout(() => {
          const message =
            `${method}() took longer than ${timeoutMs} ms and was stopped. ` +
            'Shorten duration_h, coarsen output_step_h or loosen the solver tolerance, or allow a longer timeout.';
          if (job.slot) kill(job.slot, 'TIMEOUT', message, false);
          else dequeue(job, new EngineCallError('TIMEOUT', message));
        }, timeoutMs);
      }
      queue.push(job);
      pump();
    });
  }

  function dequeue(job: Job, error: EngineCallError): void {
    const i = queue.indexOf(job);
    if (i >= 0) queue.splice(i, 1);
    settle(job, { error });
  }

  function cancel(job: Job, message: string): void {
    if (job.settled) return;
    // A running synchronous simulate() cannot be interrupted: terminate its worker (a fresh one is spawned).
    if (job.slot) kill(job.slot, 'CANCELLED', message, false);
    else dequeue(job, new EngineCallError('CANCELLED', message));
  }

  if (options.prestart) spawn();

  return {
    simulate(scenario: Scenario, callOptions?: CallOptions): Promise<SimulationResult> {
      return call<SimulationResult>('simulate', [scenario], callOptions);
    },
    population(scenario: Scenario, population: PopulationOptions, callOptions?: CallOptions): Promise<PopulationResult> {
      return call<PopulationResult>('population', [scenario, population], callOptions);
    },
    sensitivity(scenario: Scenario, sensitivity: SensitivityOptions, callOptions?: CallOptions): Promise<SensitivityResult> {
      return call<SensitivityResult>('sensitivity', [scenario, sensitivity], callOptions);
    },
    fit(scenario: Scenario, data: readonly Observation[], fit: FitOptions, callOptions?: CallOptions): Promise<FitResult> {
      return call<FitResult>('fit', [scenario, data, fit], callOptions);
    },
    ping(callOptions?: CallOptions): Promise<PingReply> {
      return call<PingReply>('ping', [], callOptions);
    },
    restart(reason = 'restart() was called'): void {
      if (disposed) return;
      startupFailures = 0;
      for (const slot of [...slots]) {
        kill(slot, 'WORKER_CRASH', `The engine worker was terminated while running (${reason}).`, false);
      }
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      for (const slot of [...slots]) kill(slot, 'CANCELLED', 'The engine client was disposed.', false);
      for (const job of queue.splice(0, queue.length)) {
        settle(job, { error: new EngineCallError('CANCELLED', 'The engine client was disposed.') });
      }
    },
    counters(): EngineClientCounters {
      const running = slots.filter((s) => s.job !== undefined).length;
      return {
        spawned: count.spawned,
        terminated: count.terminated,
        respawns: count.respawns,
        live: count.spawned - count.terminated,
        queued: queue.length,
        running,
        inFlight: queue.length + running,
        completed: count.completed,
        rejected: { ...count.rejected },
      };
    },
  };
}
