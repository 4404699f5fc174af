import type { StateSpec } from './types';

/** The states of the full model, in the order of stateLayout.ts (S). */
export const STATE_SPECS: readonly StateSpec[] = [
  { id: 'ntx_gut', unit: 'µmol', meaning: 'Naltrexone in the gut depot.' },
  { id: 'ntx_central', unit: 'µmol', meaning: 'Naltrexone in plasma (central compartment).' },
  { id: 'bn_central', unit: 'µmol', meaning: '6β-naltrexol in plasma.' },
  { id: 'ntx_eliminated', unit: 'µmol', meaning: 'Cumulative naltrexone eliminated by routes other than 6β-naltrexol.' },
  { id: 'bn_eliminated', unit: 'µmol', meaning: 'Cumulative 6β-naltrexol eliminated.' },
  { id: 'ntx_brain', unit: 'nM', meaning: 'Naltrexone at the brain effect site (plasma-equivalent).' },
  { id: 'bn_brain', unit: 'nM', meaning: '6β-naltrexol at the brain effect site (plasma-equivalent).' },
  { id: 'ntx_brain_deep', unit: 'nM', meaning: 'Naltrexone in the deep brain-tissue pool (plasma-equivalent; deep_tissue).' },
  { id: 'mor_total', unit: 'rel', meaning: 'Total MOR density (1 = untreated).' },
  { id: 'mor_ntx', unit: 'rel', meaning: 'MOR bound by naltrexone (baseline-density units).' },
  { id: 'mor_bn', unit: 'rel', meaning: 'MOR bound by 6β-naltrexol (baseline-density units).' },
  { id: 'endorphin', unit: 'rel', meaning: 'Endogenous opioid tone (1 = untreated).' },
  { id: 'microglia', unit: 'fraction', meaning: 'Activated microglia fraction.' },
  { id: 'il6', unit: 'rel', meaning: 'IL-6 in units of the normal-phenotype baseline.' },
  { id: 'tnf', unit: 'rel', meaning: 'TNF-α in units of the normal-phenotype baseline.' },
  { id: 'signal_mean', unit: 'rel', meaning: '24-h running mean of the relative opioid signal.' },
  { id: 'mor_ntx_tight', unit: 'rel', meaning: 'MOR in the tight naltrexone complex (two-step binding; slow_dissociation).' },
  { id: 'ntx_deep', unit: 'µmol', meaning: 'Naltrexone in the deep tissue pool (deep_tissue hypothesis).' },
  { id: 'ago_gut', unit: 'mg', meaning: 'Co-medication agonist in the gut depot.' },
  { id: 'ago_central', unit: 'mg', meaning: 'Co-medication agonist in its central compartment.' },
  { id: 'ago_brain', unit: 'ng/mL', meaning: 'Agonist at the brain effect site (plasma-equivalent).' },
  { id: 'ago_eliminated', unit: 'mg', meaning: 'Cumulative agonist eliminated (including first pass).' },
  { id: 'adaptation', unit: 'rel', meaning: 'Counter-adaptation to the exogenous agonist signal (dependence).' },
];
