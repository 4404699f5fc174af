import { transfer } from 'comlink';
import type { SimulationResult } from '../src/engine/result';
import { PROTOCOL_VERSION, type EngineWorkerApi, type PopulationOptions, type PopulationResult } from './protocol';
import { populationTransferables, transferablesOf } from './transferablesOf';
import type { LifeLock } from './holdLifeLock';

/** The engine functions the worker exposes (injected, so the boundary can be tested over a MessageChannel in Node). */
export interface EngineFunctions {
  simulate(scenario: unknown): SimulationResult;
  simulatePopulation(scenario: unknown, options: PopulationOptions): PopulationResult;
}

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
  };
}
