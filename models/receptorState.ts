import { D } from './derivedParameters';
import { P } from './parameterSpecs';
import { S } from './stateLayout';

/**
 * The MOR pool at an instant: antagonist-bound receptors are states (kinetic binding, slow enough to matter), while
 * the endogenous agonist and the exogenous agonist bind the remaining free receptors in rapid equilibrium and compete
 * for them (Gaddum competition). Everything is in units of the untreated receptor density (1).
 *
 *   Ru = R − B_ntx − B_tight − B_6bn          receptors not held by an antagonist
 *   aE = endo_tone·E,  aA = C_ago,brain / KD_ago   agonist concentrations over their dissociation constants
 *   free = Ru / (1 + aE + aA)                 receptors an antagonist can bind
 *   signal = Ru·(aE + ε·aA)/(1 + aE + aA),    baseline signal S0 = e0/(1 + e0) so opioid_signal_rel = signal/S0
 * The receptor-occupancy theory of agonist action (Clark/Gaddum); β-endorphin Ki ~9 nM (Schoffelmeer 1991).
 * Results are written into a reusable scratch object, so nothing is allocated per call.
 */
export interface ReceptorScratch {
  /** Receptors not bound by an antagonist (baseline-density units). */
  unblocked: number;
  /** Receptors free of any ligand (available to the antagonists). */
  free: number;
  /** Total opioid signal over its baseline. */
  signalRel: number;
  /** Exogenous-agonist part of the signal over the baseline signal. */
  agonistSignalRel: number;
  /** Derivative helpers for the Jacobian: 1/(1+aE+aA), aE, aA. */
  inv: number;
  aE: number;
  aA: number;
  s0: number;
  /**
   * Inputs of the binding module, set by the model's RHS before it calls it: plasma NTX and 6BN (nM). They travel in this object rather than as
   * arguments because a number passed to (or returned from) a call V8 has not inlined is boxed on the heap: as
   * arguments they cost ~10 allocations per RHS call, and the garbage collection that follows.
   */
  cpNtx: number;
  cpBn: number;
}

export function newReceptorScratch(): ReceptorScratch {
  return { unblocked: 1, free: 1, signalRel: 1, agonistSignalRel: 0, inv: 1, aE: 0, aA: 0, s0: 1, cpNtx: 0.5, cpBn: 0.5 };
}

export function computeReceptorState(y: Float64Array, p: Float64Array, r: ReceptorScratch): void {
  const e0 = p[P.endo_tone];
  const aE = e0 * y[S.endorphin];
  const aA = y[S.agoBrain] / p[P.ago_kd_ng_ml];
  const inv = 1 / (1 + aE + aA);
  const ru = y[S.morTotal] - y[S.morNtx] - y[S.morNtxTight] - y[S.morBn];
  const s0 = p[D.s0];
  r.unblocked = ru;
  r.free = ru * inv;
  r.signalRel = (ru * (aE + p[P.ago_efficacy] * aA) * inv) / s0;
  r.agonistSignalRel = (ru * p[P.ago_efficacy] * aA * inv) / s0;
  r.inv = inv;
  r.aE = aE;
  r.aA = aA;
  r.s0 = s0;
}
