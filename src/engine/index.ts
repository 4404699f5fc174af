/** The engine's public surface (architecture.md, contract 2). Pure: no DOM, no I/O. */
export { simulate } from './simulate';
export type { SimulationResult, Metrics } from './result';
export type { Status, StatusCode } from './status';
export type { Scenario, DoseEvent, Regimen, Hypotheses, Patient, Comedication, ResolvedScenario } from './scenario/types';
