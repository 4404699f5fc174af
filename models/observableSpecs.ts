import type { ObservableSpec } from './types';

/** Observables of the full model; the first nine are the architecture.md contract ids (names and meanings fixed). */
export const OBSERVABLE_SPECS: readonly ObservableSpec[] = [
  { id: 'naltrexone_ng_per_ml', unit: 'ng/mL', label: 'Naltrexone (plasma)', meaning: 'Plasma naltrexone concentration.' },
  { id: 'naltrexol_ng_per_ml', unit: 'ng/mL', label: '6β-naltrexol (plasma)', meaning: 'Plasma 6β-naltrexol concentration.' },
  { id: 'mor_occupancy', unit: 'fraction', label: 'MOR occupancy', meaning: 'Fraction (0–1) of mu-opioid receptors bound by naltrexone + 6β-naltrexol.' },
  { id: 'mor_density_rel', unit: 'rel', label: 'MOR density', meaning: 'Total mu-opioid receptor density relative to the untreated baseline.' },
  { id: 'endorphin_rel', unit: 'rel', label: 'Endorphin tone', meaning: 'Endogenous opioid (β-endorphin/enkephalin) tone relative to baseline.' },
  { id: 'opioid_signal_rel', unit: 'rel', label: 'Opioid signal', meaning: 'Total MOR agonist signal (endogenous + co-medication) relative to the untreated baseline.' },
  { id: 'microglia_activation', unit: 'fraction', label: 'Microglia activation', meaning: 'Fraction of microglia activated (0–1).' },
  { id: 'il6_rel', unit: 'rel', label: 'IL-6', meaning: "IL-6 relative to the patient's untreated baseline." },
  { id: 'tnf_rel', unit: 'rel', label: 'TNF-α', meaning: "TNF-α relative to the patient's untreated baseline." },
  { id: 'agonist_ng_per_ml', unit: 'ng/mL', label: 'Opioid co-medication (plasma)', meaning: 'Plasma concentration of the co-medication agonist.' },
  { id: 'agonist_signal_rel', unit: 'rel', label: 'Co-medication signal', meaning: 'MOR signal carried by the co-medication, in units of the baseline endogenous signal (analgesia proxy).' },
  { id: 'withdrawal_index', unit: 'rel', label: 'Withdrawal indicator', meaning: 'Adapted agonist signal that is suddenly missing (baseline-signal units); 0 when not opioid-dependent. Precipitated withdrawal shows as a jump.' },
  { id: 'tlr4_inhibition', unit: 'fraction', label: 'TLR4 inhibition', meaning: 'Fraction of TLR4 signalling blocked by naltrexone.' },
  { id: 'naltrexone_occupancy', unit: 'fraction', label: 'MOR occupancy by NTX', meaning: 'Fraction of MOR bound by naltrexone.' },
  { id: 'naltrexol_occupancy', unit: 'fraction', label: 'MOR occupancy by 6BN', meaning: 'Fraction of MOR bound by 6β-naltrexol.' },
  { id: 'il6_pg_per_ml', unit: 'pg/mL', label: 'IL-6 (absolute)', meaning: 'IL-6 on an absolute scale (normal-phenotype baseline assumed).' },
  { id: 'tnf_pg_per_ml', unit: 'pg/mL', label: 'TNF-α (absolute)', meaning: 'TNF-α on an absolute scale (normal-phenotype baseline assumed).' },
  { id: 'outcome_index_conceptual', unit: 'index', label: 'Outcome index (conceptual)', meaning: 'CONCEPTUAL teaching index (not a clinical prediction): 24-h opioid signal up and cytokines down score positive; 0 = untreated.' },
];

export const O = {
  naltrexone_ng_per_ml: 0, naltrexol_ng_per_ml: 1, mor_occupancy: 2, mor_density_rel: 3, endorphin_rel: 4,
  opioid_signal_rel: 5, microglia_activation: 6, il6_rel: 7, tnf_rel: 8, agonist_ng_per_ml: 9, agonist_signal_rel: 10,
  withdrawal_index: 11, tlr4_inhibition: 12, naltrexone_occupancy: 13, naltrexol_occupancy: 14, il6_pg_per_ml: 15,
  tnf_pg_per_ml: 16, outcome_index_conceptual: 17,
} as const;

for (const [id, i] of Object.entries(O)) {
  if (OBSERVABLE_SPECS[i]?.id !== id) throw new Error(`observableSpecs: index of ${id} is out of sync`);
}
