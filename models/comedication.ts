import { D } from './derivedParameters';
import { P } from './parameterSpecs';
import { S } from './stateLayout';

/**
 * Opioid co-medication (morphine, oxycodone or tramadol; presets in agonistPresets.ts): one-compartment oral PK in
 * mg, an effect compartment in plasma-equivalent ng/mL, and (in receptorState.ts) rapid-equilibrium binding that
 * competes with naltrexone and the endogenous agonist for MOR.
 *
 *   gut' = −ka·gut;  central' = F·ka·gut − (CL/V)·central;  Ce' = ke0·(1000·central/V − Ce)
 *   eliminated' = (1 − F)·ka·gut + (CL/V)·central          (so gut + central + eliminated = dose)
 */
export function comedicationRhs(y: Float64Array, p: Float64Array, dy: Float64Array): void {
  const absorbed = p[P.ago_ka] * y[S.agoGut];
  const f = p[P.ago_f_oral];
  const cleared = p[D.ago_kel] * y[S.agoCentral];
  dy[S.agoGut] = -absorbed;
  dy[S.agoCentral] = f * absorbed - cleared;
  dy[S.agoEliminated] = (1 - f) * absorbed + cleared;
  dy[S.agoBrain] = p[P.ago_ke0] * ((1000 * y[S.agoCentral]) / p[P.ago_v] - y[S.agoBrain]); // agonistPlasmaNgMl, inline
}

/** Agonist plasma concentration (ng/mL = mg/L × 1000). */
export function agonistPlasmaNgMl(y: Float64Array, p: Float64Array): number {
  return (1000 * y[S.agoCentral]) / p[P.ago_v];
}
