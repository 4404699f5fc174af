/**
 * The worker boundary (architecture.md, contract 5): the one file of message types between the page and the engine
 * worker. comlink carries the calls; this file says what may cross. Everything returned is structured-cloneable and
 * every Float64Array in a result is TRANSFERRED (its buffer moves, it is not copied), so a long run costs the page a
 * pointer swap, not a copy.
 *
 * Calls are supervised on the page side (src/view/client/createEngineClient.ts): each one can be cancelled, and a worker
 * that crashes or hangs is terminated and respawned while its pending calls are rejected — comlink alone would leave
 * them pending forever.
 */
import type { SimulationResult } from '../src/engine/result';
import type { PopulationOptions, PopulationResult } from '../src/engine/population/simulatePopulation';
import type { SensitivityOptions, SensitivityResult } from '../src/engine/sensitivity';
import type { FitOptions, FitResult, Observation } from '../src/engine/fit/fitToData';

export type { PopulationOptions, PopulationResult, SensitivityOptions, SensitivityResult, FitOptions, FitResult, Observation };

/** Bumped when a message shape changes incompatibly; ping() reports it so a stale cached worker is detected. */
export const PROTOCOL_VERSION = 1 as const;

export interface PingReply {
  readonly protocol: typeof PROTOCOL_VERSION;
  /** performance.now() inside the worker when it answered (ms): proves the worker's event loop is free. */
  readonly at_ms: number;
  /**
   * Name of the Web Lock the worker holds for as long as it lives (workers/holdLifeLock.ts), or null. The page
   * queues for it: being granted it means the worker is gone, even if it died without a word.
   */
  readonly lock?: string | null;
}

/**
 * What the engine worker exposes. Methods are written synchronously here (what the worker implements);
 * the page sees them through comlink's Remote<EngineWorkerApi>, where each returns a Promise.
 */
export interface EngineWorkerApi {
  /** Liveness and version check; answers only once the worker holds its life lock (if it has one). */
  ping(): PingReply | Promise<PingReply>;
  /**
   * Runs the engine's simulate() (src/engine/index.ts). The scenario is validated inside the engine, so it is typed
   * `unknown` here: bad input comes back as a result with status INVALID_INPUT, never as an exception.
   */
  simulate(scenario: unknown): SimulationResult;
  /**
   * A virtual population (src/engine/population/simulatePopulation.ts): N subjects of one scenario, summarised as
   * percentile bands. Only the summary crosses the boundary (bands, the grid, the sampled parameters — all
   * transferred), never the N individual curves. Bad input → a result with status INVALID_INPUT.
   */
  population(scenario: unknown, options: PopulationOptions): PopulationResult;
  /** Local normalised sensitivities of the metrics (src/engine/sensitivity.ts); coefficients transferred. */
  sensitivity(scenario: unknown, options: SensitivityOptions): SensitivityResult;
  /** Least-squares fit of chosen parameters to observations (src/engine/fit/fitToData.ts); predictions transferred. */
  fit(scenario: unknown, data: readonly Observation[], options: FitOptions): FitResult;
}

/** Names of the calls the client may make (used for per-method counters and error messages). */
export type EngineMethod = keyof EngineWorkerApi;
