import type { Status } from './status';
import type { DoseEvent, Scenario } from './scenario/types';
import type { SolveStats } from './solver/types';

/** Summary numbers for the metrics table (per observable where it says so). */
export interface Metrics {
  readonly [key: string]: number;
}

/**
 * What simulate() returns (architecture.md, contract 2). On failure the arrays hold the valid prefix computed
 * before the failure (never NaN), and status says what, where and what to change.
 */
export interface SimulationResult {
  readonly status: Status;
  /** Output grid (h). */
  readonly time_h: Float64Array;
  /** One array per observable id (same length as time_h). */
  readonly observables: Readonly<Record<string, Float64Array>>;
  /** Summary metrics (Cmax, trough, AUC, hours above 50 % occupancy, ...). */
  readonly metrics: Metrics;
  /** The naltrexone doses actually given (expanded regimen). */
  readonly doses: readonly DoseEvent[];
  /** Co-medication (agonist) doses, if any. */
  readonly agonistDoses: readonly DoseEvent[];
  readonly stats: SolveStats;
  /** The validated scenario, when validation passed. */
  readonly scenario?: Scenario;
}
