/**
 * Public surface of the models layer: createModel(hypotheses) returns the full LDN model with parameter defaults
 * calibrated for that hypothesis set (calibration.ts, re-derived by scripts/calibrate.ts), plus the presets the engine
 * applies before user overrides (co-medication drug, patient phenotype).
 */
import { calibratedDefaults } from './calibratedDefaults';
import { createLdnModel } from './ldnModel';
import type { DescribedModel, Hypotheses } from './types';

export type { Model, Hypotheses, ParameterSpec, StateSpec, ObservableSpec, DoseTarget, DescribedModel, MassBalance } from './types';
export { AGONIST_PRESETS } from './agonistPresets';
export { PHENOTYPE_PRESETS } from './phenotypePresets';
export { PARAMETER_SPECS } from './parameterSpecs';
export { OBSERVABLE_SPECS } from './observableSpecs';
export { withDerived } from './withDerived';

/**
 * The default structural choices. persistence 'metabolite' is the default because, of the three persistence
 * hypotheses calibrated to the same human data, it alone reproduces both the PET peak-vs-dose table and the whole
 * Lee 1988 time course within ±10 points (fit summary in calibration.ts and doc/model.md): 6β-naltrexol has ~10× the
 * plasma exposure of naltrexone, a 13 h half-life and slow brain entry (Ko 2006). upregulation 'chaperone' because
 * μ-receptor upregulation under blockade occurs without a rise in μ mRNA (Unterwald 1995; Yoburn lab), which
 * favours post-translational stabilisation over synthesis feedback. All of these are hypotheses: switch them.
 */
export const DEFAULT_HYPOTHESES: Required<Hypotheses> = {
  persistence: 'metabolite',
  upregulation: 'chaperone',
  tlr4: 'published',
  metabolite_occupancy: true,
};

const PERSISTENCE = ['slow_dissociation', 'deep_tissue', 'metabolite'] as const;
const UPREGULATION = ['synthesis', 'chaperone'] as const;
const TLR4 = ['published', 'apparent'] as const;

/** Fill in defaults and reject unknown values with an error that names the field and the allowed values. */
export function resolveHypotheses(h?: Hypotheses): Required<Hypotheses> {
  const r: Required<Hypotheses> = {
    persistence: h?.persistence ?? DEFAULT_HYPOTHESES.persistence,
    upregulation: h?.upregulation ?? DEFAULT_HYPOTHESES.upregulation,
    tlr4: h?.tlr4 ?? DEFAULT_HYPOTHESES.tlr4,
    metabolite_occupancy: h?.metabolite_occupancy ?? DEFAULT_HYPOTHESES.metabolite_occupancy,
  };
  if (!(PERSISTENCE as readonly string[]).includes(r.persistence)) {
    throw new Error(`hypotheses.persistence: "${String(r.persistence)}" is not one of ${PERSISTENCE.join(', ')}`);
  }
  if (!(UPREGULATION as readonly string[]).includes(r.upregulation)) {
    throw new Error(`hypotheses.upregulation: "${String(r.upregulation)}" is not one of ${UPREGULATION.join(', ')}`);
  }
  if (!(TLR4 as readonly string[]).includes(r.tlr4)) {
    throw new Error(`hypotheses.tlr4: "${String(r.tlr4)}" is not one of ${TLR4.join(', ')}`);
  }
  if (typeof r.metabolite_occupancy !== 'boolean') {
    throw new Error('hypotheses.metabolite_occupancy: must be true or false');
  }
  return r;
}

export function createModel(hypotheses?: Hypotheses): DescribedModel {
  const h = resolveHypotheses(hypotheses);
  return createLdnModel(h, calibratedDefaults(h));
}
