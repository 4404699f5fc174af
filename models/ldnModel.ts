import { brainBindingRhs } from './brainBinding';
import { comedicationRhs, agonistPlasmaNgMl } from './comedication';
import { conceptualOutcome, conceptualOutcomeRhs } from './conceptualOutcome';
import { endogenousFeedbackRhs } from './endogenousFeedback';
import { ldnJacobian } from './ldnJacobian';
import { OBSERVABLE_SPECS, O } from './observableSpecs';
import { D, N_DERIVED, deriveParameters } from './derivedParameters';
import { MW_BN, MW_NTX, N_PARAMETERS, P, PARAMETER_SPECS } from './parameterSpecs';
import { pharmacokineticsRhs } from './pharmacokinetics';
import { computeReceptorState, newReceptorScratch } from './receptorState';
import { N_STATES, S } from './stateLayout';
import { STATE_SPECS } from './stateSpecs';
import { microgliaSteadyState, tlr4CytokinesRhs, tlr4Inhibition } from './tlr4Cytokines';
import type { DescribedModel, Hypotheses, ParameterSpec } from './types';

/**
 * The full LDN model: PK + 6β-naltrexol → brain binding → endogenous feedback/rebound → TLR4/cytokines → co-medication
 * → conceptual outcome, composed into one in-place right-hand side. The structural hypotheses are fixed when the
 * model is built (no branching on strings per call); parameter defaults are the calibrated ones for that set.
 */
export function createLdnModel(hypotheses: Required<Hypotheses>, defaults: Readonly<Record<string, number>>): DescribedModel {
  const parameters: ParameterSpec[] = PARAMETER_SPECS.map((spec) => {
    const v = defaults[spec.id];
    return v === undefined ? spec : { ...spec, value: v };
  });
  // Structural switches, as numbers the RHS multiplies by.
  const synthesisFeedback = hypotheses.upregulation === 'synthesis' ? 1 : 0;
  const metaboliteBinds = hypotheses.metabolite_occupancy ? 1 : 0;
  const scratch = newReceptorScratch();

  const id = `ldn-full:${hypotheses.persistence}|${hypotheses.upregulation}|${hypotheses.tlr4}|${hypotheses.metabolite_occupancy ? 'metab' : 'nometab'}`;

  return {
    id,
    name: 'LDN Lab full model (PK + 6BN, MOR binding, feedback/rebound, TLR4/cytokines, co-medication)',
    parameters,
    states: STATE_SPECS,
    observables: OBSERVABLE_SPECS,
    hypotheses,
    doseTargets: {
      naltrexone: { state: S.ntxGut, scale: 1000 / MW_NTX },
      agonist: { state: S.agoGut, scale: 1 },
    },
    massBalance: {
      naltrexone: [S.ntxGut, S.ntxCentral, S.ntxDeep, S.bnCentral, S.ntxEliminated, S.bnEliminated],
      agonist: [S.agoGut, S.agoCentral, S.agoEliminated],
    },

    derivedCount: N_DERIVED,
    derive(p: Float64Array): void {
      deriveParameters(p, synthesisFeedback, metaboliteBinds);
    },

    init(p: Float64Array, y: Float64Array): void {
      // Once per run: a parameter vector without its derived constants would make the RHS read undefined (NaN).
      if (p.length !== N_PARAMETERS + N_DERIVED) {
        throw new Error(`${id}: p has ${p.length} entries, expected ${N_PARAMETERS + N_DERIVED} (parameters + derived constants: use withDerived(model, p))`);
      }
      y.fill(0);
      y[S.morTotal] = 1;
      y[S.endorphin] = 1;
      const m = microgliaSteadyState(p);
      y[S.microglia] = m;
      y[S.il6] = m / p[P.microglia_baseline];
      y[S.tnf] = m / p[P.microglia_baseline];
      y[S.signalMean] = 1;
    },

    // The optional states sit at the end of the layout (stateLayout.ts), in this order: each is exactly 0 for the
    // whole run unless its switch is on — 0·(…) in its derivative, and it starts at 0 — so only the states up to the
    // last switched-on one are integrated (16 of the 23 for the default hypothesis set).
    liveStates(p: Float64Array, dosed: readonly string[]): number {
      if (dosed.includes('agonist')) return N_STATES; // agonist depot … adaptation
      if (p[P.ntx_q_deep] !== 0) return S.ntxDeep + 1;
      if (p[P.ntx_k_iso] !== 0) return S.morNtxTight + 1;
      return S.morNtxTight;
    },

    // Doses arrive as events from the engine and nothing in the RHS reads the clock.
    autonomous: true,

    rhs(_t: number, y: Float64Array, p: Float64Array, dy: Float64Array): void {
      pharmacokineticsRhs(y, p, dy);
      comedicationRhs(y, p, dy);
      computeReceptorState(y, p, scratch);
      // Plasma NTX and 6BN in nM (µmol/L × 1000) for the binding module, written out here rather than by helpers
      // that return numbers (see tlr4CytokinesRhs).
      scratch.cpNtx = (1000 * y[S.ntxCentral]) / p[P.ntx_v_c];
      scratch.cpBn = (1000 * y[S.bnCentral]) / p[P.bn_v];
      brainBindingRhs(y, p, dy, scratch, metaboliteBinds);
      endogenousFeedbackRhs(y, p, dy, scratch, synthesisFeedback);
      tlr4CytokinesRhs(y, p, dy);
      conceptualOutcomeRhs(y, dy, scratch);
    },

    jac(_t: number, y: Float64Array, p: Float64Array, J: Float64Array): void {
      computeReceptorState(y, p, scratch);
      ldnJacobian(y, p, J, N_STATES, scratch, p[D.bound_deg], synthesisFeedback, metaboliteBinds);
    },

    observe(_t: number, y: Float64Array, p: Float64Array, out: Float64Array): void {
      computeReceptorState(y, p, scratch);
      const r = y[S.morTotal];
      out[O.naltrexone_ng_per_ml] = (y[S.ntxCentral] / p[P.ntx_v_c]) * MW_NTX;
      out[O.naltrexol_ng_per_ml] = (y[S.bnCentral] / p[P.bn_v]) * MW_BN;
      out[O.mor_occupancy] = r > 0 ? (y[S.morNtx] + y[S.morNtxTight] + y[S.morBn]) / r : 0;
      out[O.mor_density_rel] = r;
      out[O.endorphin_rel] = y[S.endorphin];
      out[O.opioid_signal_rel] = scratch.signalRel;
      out[O.microglia_activation] = y[S.microglia];
      const base = microgliaSteadyState(p) / p[P.microglia_baseline];
      const il6Rel = y[S.il6] / base;
      const tnfRel = y[S.tnf] / base;
      out[O.il6_rel] = il6Rel;
      out[O.tnf_rel] = tnfRel;
      out[O.agonist_ng_per_ml] = agonistPlasmaNgMl(y, p);
      out[O.agonist_signal_rel] = scratch.agonistSignalRel;
      out[O.withdrawal_index] = Math.max(0, y[S.adaptation] - scratch.agonistSignalRel);
      out[O.tlr4_inhibition] = tlr4Inhibition(y[S.ntxBrain], p);
      out[O.naltrexone_occupancy] = r > 0 ? (y[S.morNtx] + y[S.morNtxTight]) / r : 0;
      out[O.naltrexol_occupancy] = r > 0 ? y[S.morBn] / r : 0;
      out[O.il6_pg_per_ml] = y[S.il6] * p[P.il6_baseline_pg_ml];
      out[O.tnf_pg_per_ml] = y[S.tnf] * p[P.tnf_baseline_pg_ml];
      out[O.outcome_index_conceptual] = conceptualOutcome(y, p, il6Rel, tnfRel);
    },
  };
}
