import type { ParameterSpec } from './types';

/**
 * Every parameter of the full model, in the order of the parameter vector p. Values here are the defaults of the
 * default hypothesis set; the calibrated binding/persistence values per hypothesis set come from calibration.ts
 * (re-derived by scripts/calibrate.ts) and replace these in createModel(). Each entry: unit, plausible range, source.
 * Molar masses: naltrexone 341.4 g/mol, 6β-naltrexol 343.4 g/mol (1 ng/mL NTX = 2.93 nM).
 */
const A = 'assumed; explore it';

export const PARAMETER_SPECS: readonly ParameterSpec[] = [
  // ── pharmacokinetics (pk) ──────────────────────────────────────────────────────────────────────────────
  { id: 'ntx_ka', value: 2.5, unit: '1/h', min: 0.3, max: 6, scale: 'log', group: 'pk', label: 'NTX absorption rate',
    source: 'Derived: Tmax ≈ 1 h (US label, ReVia) with t½ 4 h gives ka ≈ 2.5/h; Licko 1981 NIDA Res Monogr 28:161 reports 0.72/h',
    meaning: 'First-order absorption rate of oral naltrexone from the gut depot.' },
  { id: 'ntx_f_oral', value: 0.176, unit: 'fraction', min: 0.05, max: 0.4, group: 'pk', label: 'NTX oral bioavailability',
    source: 'Derived (scripts/calibrate.ts): Cmax 13.3 ng/mL after 50 mg (Swiss product information) with CL 94 L/h; label range 5–40 %',
    meaning: 'Fraction of an oral dose reaching the systemic circulation as unchanged naltrexone.' },
  { id: 'ntx_f_presys_6bn', value: 0.6, unit: 'fraction', min: 0.3, max: 0.9, group: 'pk', label: 'Presystemic 6BN formation',
    source: 'Assumed from >98 % metabolism mainly to 6β-naltrexol (US label) and ~95 % first-pass extraction; explore it',
    meaning: 'Fraction of an oral dose converted to 6β-naltrexol during first pass (the rest of the non-bioavailable dose forms other metabolites).' },
  { id: 'ntx_cl', value: 94, unit: 'L/h', min: 40, max: 250, scale: 'log', group: 'pk', label: 'NTX clearance',
    source: 'Meyer 1984, J Clin Psychiatry 45:15 (~94 L/h); Licko 1981 ~211 L/h unconjugated',
    meaning: 'Systemic clearance of naltrexone from plasma.' },
  { id: 'ntx_v_c', value: 542.3, unit: 'L', min: 150, max: 1500, scale: 'log', group: 'pk', label: 'NTX central volume',
    source: 'Derived: CL / k with t½ 4 h (US label); label V 1350 L after IV',
    meaning: 'Apparent volume of the plasma (central) compartment of naltrexone.' },
  { id: 'ntx_fm_6bn', value: 0.8, unit: 'fraction', min: 0.4, max: 1, group: 'pk', label: 'Systemic 6BN fraction',
    source: 'Assumed: 6β-naltrexol is the major metabolite (dihydrodiol dehydrogenase; US label); explore it',
    meaning: 'Fraction of systemic naltrexone clearance that forms 6β-naltrexol.' },
  { id: 'ntx_q_deep', value: 0, unit: 'L/h', min: 0, max: 50, group: 'pk', label: 'Deep tissue exchange',
    source: 'Assumed 0 (explore it): a slow plasma phase (Licko 1981; ~96 h terminal phase cited by Lee 1988) large enough to explain the blockade would keep plasma NTX near Cmax for days, which plasma data do not show',
    meaning: 'Intercompartmental clearance between plasma and a slowly equilibrating deep tissue pool of naltrexone.' },
  { id: 'ntx_v_deep', value: 1000, unit: 'L', min: 10, max: 50000, scale: 'log', group: 'pk', label: 'Deep tissue volume',
    source: 'Assumed (explore it); Licko 1981 slow IV phase',
    meaning: 'Apparent volume of the deep tissue pool (its release half-life is ln2·V/Q).' },
  { id: 'bn_v', value: 269.6, unit: 'L', min: 100, max: 1500, scale: 'log', group: 'pk', label: '6BN volume',
    source: 'Derived (scripts/calibrate.ts): 6BN Cmax ~108 ng/mL after 50 mg (Swiss product information) within mass balance',
    meaning: 'Apparent volume of 6β-naltrexol.' },
  { id: 'bn_cl', value: 14.38, unit: 'L/h', min: 5, max: 80, scale: 'log', group: 'pk', label: '6BN clearance',
    source: 'Derived: V·ln2/13 h (t½ 13 h, US label; ~12 h Meyer 1984); Dunbar 2007 apparent CL 65 L/h',
    meaning: 'Clearance of 6β-naltrexol.' },

  // ── brain exposure and MOR binding (binding) ───────────────────────────────────────────────────────────
  { id: 'ntx_ke0', value: 1, unit: '1/h', min: 0.01, max: 5, scale: 'log', group: 'binding', label: 'NTX brain equilibration',
    source: 'Calibrated per hypothesis to Rabiner 2011 (via Trøstheim 2022) and Lee 1988; hysteresis: Rabiner 2011 Mol Psychiatry 16:826. Upper bound 5/h (t½ ≈ 8 min): lipophilic opioid antagonists reach the brain within minutes (assumed)',
    meaning: 'Rate constant of the plasma → brain delay for naltrexone (effect compartment).' },
  { id: 'ntx_kd_nm', value: 5, unit: 'nM (plasma-equivalent)', min: 0.05, max: 100, scale: 'log', group: 'binding', label: 'NTX apparent KD',
    source: 'Calibrated per hypothesis to the PET dose–occupancy data (Rabiner 2011 via Trøstheim 2022); in vitro Ki 1.15–2.71 nM (Majumdar 2014)',
    meaning: 'In-vivo apparent dissociation constant of naltrexone at MOR, expressed as a plasma concentration.' },
  { id: 'ntx_koff', value: 2, unit: '1/h', min: 0.001, max: 20, scale: 'log', group: 'binding', label: 'NTX dissociation rate',
    source: 'Not found in the literature [NF]; calibrated per hypothesis (slow_dissociation) to Lee 1988, else assumed fast',
    meaning: 'Dissociation rate constant of naltrexone from MOR (kon = koff / KD).' },
  { id: 'bn_ke0', value: 0.2, unit: '1/h', min: 0.001, max: 20, scale: 'log', group: 'binding', label: '6BN brain equilibration',
    source: 'Calibrated (metabolite hypothesis) to Lee 1988; else assumed (6BN enters the brain slowly: Ko 2006 JPET 316:772)',
    meaning: 'Rate constant of the plasma → brain delay for 6β-naltrexol.' },
  { id: 'bn_kd_nm', value: 500, unit: 'nM (plasma-equivalent)', min: 1, max: 5000, scale: 'log', group: 'binding', label: '6BN apparent KD',
    source: 'Calibrated (metabolite hypothesis); else 100 × NTX (in vivo pA2 6.5 vs 8.5, Ko 2006 JPET 316:772)',
    meaning: 'In-vivo apparent dissociation constant of 6β-naltrexol at MOR, as a plasma concentration.' },
  { id: 'bn_koff', value: 2, unit: '1/h', min: 0.001, max: 20, scale: 'log', group: 'binding', label: '6BN dissociation rate',
    source: 'Not found [NF]; assumed equal to the naltrexone value of the hypothesis set',
    meaning: 'Dissociation rate constant of 6β-naltrexol from MOR.' },
  { id: 'ntx_k_iso', value: 0, unit: '1/h', min: 0, max: 20, group: 'binding', label: 'NTX isomerisation rate',
    source: 'Calibrated (slow_dissociation) to Lee 1988; two-step induced-fit binding (residence-time model); 0 otherwise',
    meaning: 'Rate at which bound naltrexone enters a tight, slowly dissociating receptor complex.' },
  { id: 'ntx_k_rev', value: 0.01, unit: '1/h', min: 0.00001, max: 5, scale: 'log', group: 'binding', label: 'NTX tight-complex release',
    source: 'Calibrated (slow_dissociation) to Lee 1988 (blockade half-time 72–108 h); [NF] in vitro',
    meaning: 'Rate at which the tight complex returns to the loosely bound state (sets the residence time).' },
  { id: 'ntx_deep_ke', value: 0.02, unit: '1/h', min: 0.001, max: 2, scale: 'log', group: 'binding', label: 'Deep brain pool equilibration',
    source: 'Calibrated (deep_tissue) to Lee 1988; terminal plasma phase ~96 h cited there; Licko 1981 slow phase',
    meaning: 'Rate constant with which a deep brain-tissue pool of naltrexone follows plasma.' },
  { id: 'ntx_deep_partition', value: 0, unit: 'ratio', min: 0, max: 1000, group: 'binding', label: 'Deep brain pool partition',
    source: 'Calibrated (deep_tissue) to Lee 1988; 0 otherwise (assumed; explore it)',
    meaning: 'How much more naltrexone the deep pool presents to the receptors than plasma at equilibrium.' },
  { id: 'endo_tone', value: 0.25, unit: 'ratio', min: 0.02, max: 2, scale: 'log', group: 'binding', label: 'Endogenous tone',
    source: A + ' (β-endorphin Ki ~9 nM, Schoffelmeer 1991 JPET 258:237; baseline brain level unknown)',
    meaning: 'Baseline endogenous agonist concentration over its MOR dissociation constant (0.25 → 20 % of free MOR agonist-bound).' },

  // ── endogenous opioid system, receptor turnover, rebound (feedback) ────────────────────────────────────
  { id: 'mor_half_life_h', value: 48, unit: 'h', min: 12, max: 240, scale: 'log', group: 'feedback', label: 'MOR turnover half-life',
    source: A + ' (day-by-day onset [NF]; chosen so 8 days of continuous blockade give +55–81 % as in the Yoburn lab data)',
    meaning: 'Half-life of MOR protein turnover (sets how fast density follows a change in synthesis or degradation).' },
  { id: 'mor_upreg_max', value: 0.7, unit: 'fraction', min: 0, max: 2, group: 'feedback', label: 'Max receptor upregulation (synthesis)',
    source: 'Yoburn lab 1988–1995: μ Bmax +55 % to +81 % after 8 days of continuous naltrexone (mice)',
    meaning: 'Synthesis hypothesis: the fractional increase of MOR synthesis when the opioid signal is absent.' },
  { id: 'mor_bound_protection', value: 0.5, unit: 'fraction', min: 0.2, max: 1, group: 'feedback', label: 'Degradation of antagonist-bound MOR',
    source: 'Chaperone hypothesis; 0.5 gives ≈ +70 % after 8 days at > 95 % occupancy, as Yoburn +55–81 %; μ mRNA unchanged (Unterwald 1995)',
    meaning: 'Chaperone hypothesis: degradation rate of antagonist-bound receptors relative to free ones.' },
  { id: 'feedback_hill', value: 2, unit: '1', min: 0.5, max: 4, group: 'feedback', label: 'Feedback steepness',
    source: A, meaning: 'Hill exponent of the homeostatic feedback of the opioid signal on synthesis.' },
  { id: 'endorphin_half_life_h', value: 48, unit: 'h', min: 2, max: 240, scale: 'log', group: 'feedback', label: 'Endorphin tone half-life',
    source: A, meaning: 'Time constant of the endogenous opioid tone (synthesis/storage) following its feedback.' },
  { id: 'endorphin_upreg_max', value: 0.5, unit: 'fraction', min: 0, max: 2, group: 'feedback', label: 'Max endorphin upregulation',
    source: A + ' (tissue β-endorphin/Met-enkephalin rise under blockade: Zagon & McLaughlin, Brain Res 1989)',
    meaning: 'Fractional increase of endogenous opioid tone when the opioid signal is absent.' },
  { id: 'adaptation_half_life_h', value: 48, unit: 'h', min: 6, max: 500, scale: 'log', group: 'feedback', label: 'Dependence adaptation half-life',
    source: A, meaning: 'Time constant with which counter-adaptation (dependence) follows an excess opioid signal.' },

  // ── TLR4 / microglia / cytokines (tlr4) ────────────────────────────────────────────────────────────────
  { id: 'tlr4_ic50_nm', value: 14000, unit: 'nM', min: 0.1, max: 200000, scale: 'log', group: 'tlr4', label: 'TLR4 IC50',
    source: 'Published micromolar potency: Kd ~14 µM, IC50 ~100 µM ([S], unverified; Hutchinson 2008 Eur J Neurosci 28:20)',
    meaning: 'Concentration of naltrexone that halves TLR4 signalling.' },
  { id: 'tlr4_cns_accumulation', value: 1, unit: 'ratio', min: 1, max: 1000, scale: 'log', group: 'tlr4', label: 'CNS accumulation factor',
    source: A + ' (no human CNS data); the apparent-potency hypothesis explores it',
    meaning: 'Ratio of the naltrexone concentration at microglia to the plasma-equivalent brain concentration.' },
  { id: 'inflammatory_drive', value: 1, unit: 'rel', min: 0.2, max: 10, scale: 'log', group: 'tlr4', label: 'Inflammatory drive',
    source: A + ' (patient phenotype: 1 normal, 3 inflamed)',
    meaning: 'TLR4 stimulus (e.g. DAMPs, LPS-like drive) relative to a normal phenotype.' },
  { id: 'microglia_baseline', value: 0.1, unit: 'fraction', min: 0.01, max: 0.5, group: 'tlr4', label: 'Baseline activated microglia',
    source: A, meaning: 'Fraction of microglia activated at the normal-phenotype baseline.' },
  { id: 'microglia_half_life_h', value: 14, unit: 'h', min: 1, max: 240, scale: 'log', group: 'tlr4', label: 'Microglia deactivation half-life',
    source: A, meaning: 'Half-life with which activated microglia return to rest.' },
  { id: 'il6_half_life_h', value: 1, unit: 'h', min: 0.1, max: 6, scale: 'log', group: 'tlr4', label: 'IL-6 half-life',
    source: 'Copeland 2005 (human endotoxin challenge, PMC540200): IL-6 peaks 1.5–3 h, baseline by 4–6 h',
    meaning: 'Elimination half-life of IL-6 (production-limited turnover).' },
  { id: 'tnf_half_life_h', value: 0.27, unit: 'h', min: 0.05, max: 3, scale: 'log', group: 'tlr4', label: 'TNF-α half-life',
    source: 'TNF-α plasma t½ ~16 min [S]; Copeland 2005 PMC540200',
    meaning: 'Elimination half-life of TNF-α.' },
  { id: 'il6_baseline_pg_ml', value: 1.5, unit: 'pg/mL', min: 0.2, max: 20, scale: 'log', group: 'tlr4', label: 'IL-6 normal baseline',
    source: A + ' (typical healthy plasma IL-6 1–5 pg/mL)', meaning: 'Plasma IL-6 of the normal phenotype, for the absolute read-out.' },
  { id: 'tnf_baseline_pg_ml', value: 1.5, unit: 'pg/mL', min: 0.2, max: 20, scale: 'log', group: 'tlr4', label: 'TNF-α normal baseline',
    source: A + ' (typical healthy plasma TNF-α 1–3 pg/mL)', meaning: 'Plasma TNF-α of the normal phenotype, for the absolute read-out.' },

  // ── opioid co-medication (comedication), morphine defaults; see AGONIST_PRESETS ─────────────────────────
  { id: 'ago_ka', value: 1.0, unit: '1/h', min: 0.1, max: 6, scale: 'log', group: 'comedication', label: 'Agonist absorption rate',
    source: 'Morphine IR, Tmax ~1 h (product information) [S]', meaning: 'Absorption rate of the oral agonist.' },
  { id: 'ago_f_oral', value: 0.3, unit: 'fraction', min: 0.05, max: 1, group: 'comedication', label: 'Agonist bioavailability',
    source: 'Morphine oral F 20–40 % (product information) [S]', meaning: 'Oral bioavailability of the agonist.' },
  { id: 'ago_v', value: 245, unit: 'L', min: 50, max: 1000, scale: 'log', group: 'comedication', label: 'Agonist volume',
    source: 'Morphine 3.5 L/kg × 70 kg [S]', meaning: 'Apparent volume of distribution of the agonist.' },
  { id: 'ago_cl', value: 72, unit: 'L/h', min: 5, max: 200, scale: 'log', group: 'comedication', label: 'Agonist clearance',
    source: 'Morphine ~1.2 L/min (t½ ≈ 2.4 h) [S]', meaning: 'Clearance of the agonist.' },
  { id: 'ago_ke0', value: 0.25, unit: '1/h', min: 0.02, max: 10, scale: 'log', group: 'comedication', label: 'Agonist brain equilibration',
    source: 'Morphine t½ke0 ~2.8 h (Lötsch, Clin Pharmacokinet) [S]', meaning: 'Plasma → brain delay of the agonist.' },
  { id: 'ago_kd_ng_ml', value: 30, unit: 'ng/mL (plasma-equivalent)', min: 0.5, max: 2000, scale: 'log', group: 'comedication', label: 'Agonist apparent KD',
    source: A + ' (morphine analgesic plasma levels 10–40 ng/mL)', meaning: 'Plasma-equivalent concentration at which the agonist binds half of the free MOR.' },
  { id: 'ago_efficacy', value: 1, unit: 'rel', min: 0, max: 2, group: 'comedication', label: 'Agonist efficacy',
    source: A, meaning: 'Signal per bound receptor relative to the endogenous agonist.' },

  // ── conceptual outcome (outcome) ───────────────────────────────────────────────────────────────────────
  { id: 'outcome_w_signal', value: 0.5, unit: '1', min: 0, max: 1, group: 'outcome', label: 'Outcome weight: opioid signal',
    source: 'Conceptual (teaching only); ' + A, meaning: 'Weight of the 24-h mean opioid signal in the conceptual outcome index.' },
  { id: 'outcome_w_cytokine', value: 0.5, unit: '1', min: 0, max: 1, group: 'outcome', label: 'Outcome weight: cytokines',
    source: 'Conceptual (teaching only); ' + A, meaning: 'Weight of the cytokine level in the conceptual outcome index.' },
];

/** Position of each parameter in p (kept in sync with PARAMETER_SPECS; checked at load time). */
export const P = {
  ntx_ka: 0, ntx_f_oral: 1, ntx_f_presys_6bn: 2, ntx_cl: 3, ntx_v_c: 4, ntx_fm_6bn: 5, ntx_q_deep: 6, ntx_v_deep: 7,
  bn_v: 8, bn_cl: 9,
  ntx_ke0: 10, ntx_kd_nm: 11, ntx_koff: 12, bn_ke0: 13, bn_kd_nm: 14, bn_koff: 15,
  ntx_k_iso: 16, ntx_k_rev: 17, ntx_deep_ke: 18, ntx_deep_partition: 19, endo_tone: 20,
  mor_half_life_h: 21, mor_upreg_max: 22, mor_bound_protection: 23, feedback_hill: 24, endorphin_half_life_h: 25,
  endorphin_upreg_max: 26, adaptation_half_life_h: 27,
  tlr4_ic50_nm: 28, tlr4_cns_accumulation: 29, inflammatory_drive: 30, microglia_baseline: 31, microglia_half_life_h: 32,
  il6_half_life_h: 33, tnf_half_life_h: 34, il6_baseline_pg_ml: 35, tnf_baseline_pg_ml: 36,
  ago_ka: 37, ago_f_oral: 38, ago_v: 39, ago_cl: 40, ago_ke0: 41, ago_kd_ng_ml: 42, ago_efficacy: 43,
  outcome_w_signal: 44, outcome_w_cytokine: 45,
} as const;

export type ParameterId = keyof typeof P;

for (const [id, i] of Object.entries(P)) {
  if (PARAMETER_SPECS[i]?.id !== id) throw new Error(`parameterSpecs: index of ${id} is out of sync`);
}
if (PARAMETER_SPECS.length !== Object.keys(P).length) throw new Error('parameterSpecs: P and PARAMETER_SPECS differ in length');

/** Length of the parameter vector proper; derived constants follow it (derivedParameters.ts). */
export const N_PARAMETERS = PARAMETER_SPECS.length;

export const MW_NTX = 341.4;
export const MW_BN = 343.4;
