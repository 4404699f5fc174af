/** Scenario v1: types, the one validator, JSON text and share-link codecs (doc/scenario.md). */
export * from './types';
export { validateScenario, HYPOTHESIS_CHOICES, type ValidationResult, type ValidateOptions } from './validateScenario';
export { parseScenarioJson } from './parseScenarioJson';
export { encodeScenario, decodeScenario, URL_CODEC_PREFIX } from './urlCodec';
export { migrateScenario, MIGRATIONS } from './migrateScenario';
export { SCENARIO_LIMITS } from './limits';
