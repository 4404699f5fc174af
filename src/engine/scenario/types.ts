/**
 * Scenario v1: the JSON document that fully describes one simulation (architecture.md, contract 1).
 * The app, the URL codec, imports and the CLI all go through one validator (validateScenario).
 */

export const SCENARIO_VERSION = 1 as const;

/** One oral dose. */
export interface DoseEvent {
  /** Hours from the start of the simulation (t = 0). */
  readonly time_h: number;
  /** Amount in mg (0 < amount ≤ limit set by the validator). */
  readonly amount_mg: number;
}

/**
 * Either an explicit list of doses or a regimen string, e.g.
 * "1.5 mg q24h x 14 then 3 mg q24h x 14 then 4.5 mg q24h x 28 at 22:00".
 */
export type Regimen = { readonly doses: readonly DoseEvent[] } | string;

export type { Hypotheses } from '../../../models/types';
import type { Hypotheses } from '../../../models/types';

export interface Patient {
  /** Inflammatory phenotype: normal markers or elevated markers (higher TLR4 drive). */
  readonly phenotype?: 'normal' | 'inflamed';
}

export interface Comedication {
  readonly drug: 'morphine' | 'oxycodone' | 'tramadol';
  readonly regimen: Regimen;
  /** Opioid-dependent at t = 0: the agonist has been taken long enough for the system to adapt. */
  readonly dependent?: boolean;
}

export interface SolverSettings {
  readonly rtol?: number;
  readonly atol?: number;
  readonly method?: 'auto' | 'dopri5' | 'rodas4';
}

export interface Scenario {
  readonly version: typeof SCENARIO_VERSION;
  readonly name?: string;
  readonly description?: string;
  /** Length of the simulation (h), > 0. */
  readonly duration_h: number;
  /** Spacing of the output grid (h), > 0. */
  readonly output_step_h: number;
  /** Naltrexone regimen. */
  readonly regimen: Regimen;
  /** Overrides by parameter id (each within the parameter's range). */
  readonly parameters?: Readonly<Record<string, number>>;
  readonly hypotheses?: Hypotheses;
  readonly patient?: Patient;
  readonly comedication?: Comedication | null;
  readonly solver?: SolverSettings;
}

/** A validated scenario with every regimen expanded into dose lists (sorted by time, within duration). */
export interface ResolvedScenario {
  readonly scenario: Scenario;
  readonly doses: readonly DoseEvent[];
  readonly agonistDoses: readonly DoseEvent[];
}
