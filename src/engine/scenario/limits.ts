import { REGIMEN_LIMITS } from '../regimen/limits';

/**
 * Sane bounds for a scenario (doc/scenario.md lists them). They keep every accepted scenario cheap enough to run
 * in a browser tab and rule out values that can only be typos (a 5-year simulation, a 50 g dose).
 */
export const SCENARIO_LIMITS = Object.freeze({
  /** Largest JSON text accepted by parseScenarioJson (characters): 1 MB. */
  maxJsonChars: 1_000_000,
  /** Longest simulation (h): two years. */
  maxDurationH: 17_520,
  /** Most output points (duration / output step + 1). */
  maxOutputPoints: 200_000,
  /** Dose bounds (mg), the same as for regimen strings. */
  minAmountMg: REGIMEN_LIMITS.minAmountMg,
  maxAmountMg: REGIMEN_LIMITS.maxAmountMg,
  /** Most doses in an explicit dose list. */
  maxDoses: REGIMEN_LIMITS.maxDoses,
  /** Longest regimen string (characters). */
  maxRegimenChars: REGIMEN_LIMITS.maxLength,
  maxNameChars: 200,
  maxDescriptionChars: 5_000,
  /** Most parameter overrides. */
  maxParameters: 500,
  /** Solver tolerance bounds. */
  minRtol: 1e-13,
  maxRtol: 1e-2,
  minAtol: 1e-20,
  maxAtol: 1,
});
