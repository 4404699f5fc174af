import { CALIBRATION } from './calibration';
import type { Hypotheses } from './types';

/** Key of a persistence × metabolite-occupancy × upregulation calibration in calibration.ts. */
export function calibrationKey(h: Required<Hypotheses>): string {
  return `${h.persistence}|${h.metabolite_occupancy ? 'metabolite_binds' : 'no_metabolite'}|${h.upregulation}`;
}

/**
 * Calibrated parameter values for a hypothesis set: the persistence/binding fit (same human PET data for every set)
 * and, under tlr4 = 'apparent', the apparent TLR4 potency that would give LDN a 20 % IL-6 reduction.
 */
export function calibratedDefaults(h: Required<Hypotheses>): Readonly<Record<string, number>> {
  const fit = CALIBRATION.binding[calibrationKey(h)];
  if (!fit) throw new Error(`No calibration for hypotheses ${calibrationKey(h)}: run npx tsx scripts/calibrate.ts`);
  return h.tlr4 === 'apparent' ? { ...fit.values, ...CALIBRATION.tlr4Apparent } : fit.values;
}
