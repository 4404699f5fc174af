import { transfer } from 'comlink';
import type { SimulationResult } from '../src/engine/result';
import {
  PROTOCOL_VERSION,
  type EngineWorkerApi,
  type FitOptions,
  type FitResult,
  type Observation,
  type PopulationOptions,
  type PopulationResult,
  type SensitivityOptions,
  type SensitivityResult,
} from './protocol';
import { populationTransferables, transferablesOf } from './transferablesOf';
import type { LifeLock } from './holdLifeLock';

/** The engine functions the worker exposes (injected, so the boundary can be tested over a MessageChannel in Node). */
export interface EngineFunctions {
  simulate(scenario: unknown): SimulationResult;
  simulatePopulation(scenario: unknown, options: PopulationOptions): PopulationResult;
  localSensitivity(scenario: unknown, options: SensitivityOptions): SensitivityResult;
  fitToData(scenario: unknown, data: readonly Observation[], options: FitOptions): FitResult;
}

/** A buffer may be transferred once, and an empty one is never worth it (it may be shared). */
const buffersOf = (...arrays: Float64Array[]): ArrayBuffer[] =>
  arrays.filter((a) => a.byteLength > 0).map((a) => a.buffer as ArrayBuffer);

/** Clock for ping(); performance.now exists in workers, pages and Node ≥ 16. */
const now = (): number => globalThis.performance.now();

/**
 * Builds the object the worker exposes with comlink: the engine's functions unchanged, except that every result's
 * Float64Array buffers are marked for transfer. Nothing else happens here — no state, no caching, no validation
 * (the engine validates), so the worker stays a thin boundary.
 */
export function createEngineApi(engine: EngineFunctions, life: LifeLock | null = null): EngineWorkerApi {
  return {
    async ping() {
      if (life) await life.held; // name the lock only once it is really held
      return { protocol: PROTOCOL_VERSION, at_ms: now(), lock: life?.name ?? null };
    },
    simulate(scenario: unknown): SimulationResult {
      const result = engine.simulate(scenario);
      return transfer(result, transferablesOf(result));
    },
    population(scenario: unknown, options: PopulationOptions): PopulationResult {
      const result = engine.simulatePopulation(scenario, options);
      return transfer(result, populationTransferables(result));
    },
    sensitivity(scenario: unknown, options: SensitivityOptions): SensitivityResult {
      const result = engine.localSensitivity(scenario, options);
      return transfer(result, buffersOf(result.coefficients));
    },
    fit(scenario: unknown, data: readonly Observation[], options: FitOptions): FitResult {
      const result = engine.fitToData(scenario, data, options);
      return transfer(result, buffersOf(result.predictions));
    },
  };
}
