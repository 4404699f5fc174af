/** Regimen strings: parse, expand, format (grammar in doc/scenario.md). */
export { parseRegimen, type ParseRegimenResult } from './parseRegimen';
export { formatRegimen, planFromDoses } from './formatRegimen';
export { expandRegimen, countPlannedDoses } from './expandRegimen';
export { REGIMEN_LIMITS } from './limits';
export type { RegimenPlan, RegimenStep, DoseStep, OffStep } from './types';
