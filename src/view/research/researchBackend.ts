import type { Scenario } from '../../engine/scenario/types';
import type { SimulationResult } from '../../engine/result';
import type { PopulationOptions, PopulationResult } from '../../engine/population/simulatePopulation';
import type { SensitivityOptions, SensitivityResult } from '../../engine/sensitivity';
import type { FitOptions, FitResult, Observation } from '../../engine/fit/fitToData';

export type { Scenario, SimulationResult, PopulationOptions, PopulationResult, SensitivityOptions, SensitivityResult, FitOptions, FitResult, Observation };

/** Per-call options. A backend that honours `signal` rejects promptly when it is aborted. */
export interface ResearchCallOptions {
  readonly signal?: AbortSignal;
  /**
   * Wall-clock limit (ms) for backends that enforce one (the worker client's default is 60 s, too short for a
   * 10,000-subject population of a long scenario); the tools pass LONG_CALL_MS for their heavy calls.
   */
  readonly timeoutMs?: number;
}

/** Limit for populations, sensitivities and fits: long enough for 10,000 subjects of a 4-week run; Cancel stops sooner. */
export const LONG_CALL_MS = 20 * 60_000;

/**
 * The research panel's only door to the engine. The app passes a worker-backed implementation (heavy work never
 * runs on the main thread); tests pass one that calls the engine functions directly. Every method resolves with the
 * engine's result (whose status may be an error) or rejects (cancelled, timed out, worker crashed).
 */
export interface ResearchBackend {
  simulate(scenario: Scenario, call?: ResearchCallOptions): Promise<SimulationResult>;
  population(scenario: Scenario, options: PopulationOptions, call?: ResearchCallOptions): Promise<PopulationResult>;
  sensitivity(scenario: Scenario, options: SensitivityOptions, call?: ResearchCallOptions): Promise<SensitivityResult>;
  fit(scenario: Scenario, data: readonly Observation[], options: FitOptions, call?: ResearchCallOptions): Promise<FitResult>;
  /** True when an aborted signal stops the work (a worker is terminated); the panels then show a Cancel button. */
  readonly cancellable?: boolean;
}
