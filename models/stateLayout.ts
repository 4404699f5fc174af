/**
 * Index of every state in the full model's state vector (one Float64Array). Units are stated per state; amounts of
 * naltrexone and 6β-naltrexol are in µmol so that the NTX → 6BN conversion is mole for mole and mass balance holds
 * exactly; the co-medication agonist is tracked in mg. Brain (effect-site) concentrations carry no mass: the brain
 * holds a negligible fraction of the dose, so they are excluded from the mass balance by design.
 */
export const S = {
  /** Naltrexone in the gut depot (µmol). */
  ntxGut: 0,
  /** Naltrexone in the central (plasma) compartment (µmol). */
  ntxCentral: 1,
  /** 6β-naltrexol in plasma and its volume (µmol). */
  bnCentral: 2,
  /** Cumulative naltrexone eliminated by routes other than 6β-naltrexol (first-pass and systemic) (µmol). */
  ntxEliminated: 3,
  /** Cumulative 6β-naltrexol eliminated (µmol). */
  bnEliminated: 4,
  /** Naltrexone at the brain effect site, as plasma-equivalent concentration (nM). */
  ntxBrain: 5,
  /** 6β-naltrexol at the brain effect site, as plasma-equivalent concentration (nM). */
  bnBrain: 6,
  /** Naltrexone in a slowly equilibrating deep brain-tissue pool next to the receptors, as plasma-equivalent
   *  concentration (nM); only populated under the deep_tissue hypothesis (ntx_deep_partition > 0). */
  ntxBrainDeep: 7,
  /** Total MOR density relative to the untreated baseline (1). */
  morTotal: 8,
  /** MOR bound by naltrexone (in units of the baseline receptor density). */
  morNtx: 9,
  /** MOR bound by 6β-naltrexol (baseline-density units). */
  morBn: 10,
  /** Endogenous opioid tone (β-endorphin/enkephalin) relative to baseline (1). */
  endorphin: 11,
  /** Fraction of microglia activated (0–1). */
  microglia: 12,
  /** IL-6 relative to the normal-phenotype baseline. */
  il6: 13,
  /** TNF-α relative to the normal-phenotype baseline. */
  tnf: 14,
  /** 24-h running mean of the relative opioid signal (for the conceptual outcome index). */
  signalMean: 15,
  // ---- Optional states from here on (see liveStates in ldnModel.ts): they stay exactly 0 unless their
  // hypothesis or input is switched on, so a run integrates only the states up to the last live one.
  /** MOR held by naltrexone in the tight (isomerised) complex of two-step binding (baseline-density units);
   *  only populated under the slow_dissociation hypothesis (ntx_k_iso > 0). */
  morNtxTight: 16,
  /** Naltrexone in the deep tissue compartment (µmol); empty unless ntx_q_deep > 0 (deep_tissue hypothesis). */
  ntxDeep: 17,
  /** Co-medication agonist in the gut depot (mg). */
  agoGut: 18,
  /** Co-medication agonist in its central compartment (mg). */
  agoCentral: 19,
  /** Agonist at the brain effect site, plasma-equivalent concentration (ng/mL). */
  agoBrain: 20,
  /** Cumulative agonist eliminated (mg). */
  agoEliminated: 21,
  /** Counter-adaptation to an exogenous agonist signal (in baseline-signal units; 0 when not dependent). */
  adaptation: 22,
} as const;

export const N_STATES = 23;
