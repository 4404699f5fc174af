import type { SimulationResult } from '../../engine/result';
import type { Scenario } from '../../engine/scenario/types';

/**
 * The one door from the view to the engine: every heavy computation runs in a supervised Web Worker.
 * Calls never stay pending: they resolve with a result (whose status may be an error) or reject with an
 * EngineCallError whose code is CANCELLED, TIMEOUT or WORKER_CRASH.
 */
export interface EngineClient {
  simulate(scenario: Scenario, options?: CallOptions): Promise<SimulationResult>;
  /** Stop every worker; pending calls reject with CANCELLED. */
  dispose(): void;
}

export interface CallOptions {
  /** Abort → the call rejects with CANCELLED within 200 ms and the worker is freed (terminated if busy). */
  readonly signal?: AbortSignal;
  /** Wall-clock limit (ms); past it the worker is terminated and respawned, the call rejects with TIMEOUT. */
  readonly timeoutMs?: number;
}

export class EngineCallError extends Error {
  constructor(
    readonly code: 'CANCELLED' | 'TIMEOUT' | 'WORKER_CRASH',
    message: string,
  ) {
    super(message);
    this.name = 'EngineCallError';
  }
}
