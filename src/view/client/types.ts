import type { SimulationResult } from '../../engine/result';
import type { Scenario } from '../../engine/scenario/types';
import type { PopulationOptions, PopulationResult } from '../../engine/population/simulatePopulation';

/**
 * The one door from the view to the engine: every heavy computation runs in a supervised Web Worker.
 * Calls never stay pending: they resolve with a result (whose status may be an error) or reject with an
 * EngineCallError whose code is CANCELLED, TIMEOUT or WORKER_CRASH.
 */
export interface EngineClient {
  simulate(scenario: Scenario, options?: CallOptions): Promise<SimulationResult>;
  /**
   * A virtual population in the worker; only percentile bands come back (transferred). Optional in this interface
   * so hand-made fakes need not implement it; createEngineClient() always does.
   */
  population?(scenario: Scenario, population: PopulationOptions, options?: CallOptions): Promise<PopulationResult>;
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
