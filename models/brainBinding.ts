import { D } from './derivedParameters';
import { P } from './parameterSpecs';
import type { ReceptorScratch } from './receptorState';
import { S } from './stateLayout';

/**
 * Brain exposure and MOR binding of naltrexone (NTX) and 6β-naltrexol (6BN).
 *
 *   Ce'     = ke0·(Cp − Ce)                                 effect compartment (plasma–brain delay, hysteresis:
 *                                                           Rabiner 2011 Mol Psychiatry 16:826)
 *   Cd'     = kd·(Cp − Cd)                                  deep brain-tissue pool (deep_tissue hypothesis; Kp > 0)
 *   B_ntx'  = (koff/KD)·(Ce + Kp·Cd)·free − (koff + kiso + φ·kdeg)·B_ntx + krev·B_tight
 *   B_tight'= kiso·B_ntx − (krev + φ·kdeg)·B_tight          two-step (induced-fit) binding: a tight complex with a long
 *                                                           residence time (slow_dissociation hypothesis; kiso > 0)
 *   B_6bn'  = m·[(koff_m/KD_m)·Ce_m·free] − koff_m·B_6bn − φ·kdeg·B_6bn   (m = 1 when the metabolite binds MOR)
 * KD is an in-vivo apparent constant on the plasma-equivalent scale (in-vitro Ki with plasma levels over-predicts
 * low-dose occupancy: pharmacology.md §2), calibrated per hypothesis to the human PET data (scripts/calibrate.ts).
 * φ·kdeg is the degradation rate of antagonist-bound receptors (φ = 1 unless the chaperone hypothesis holds).
 */
export function brainBindingRhs(
  y: Float64Array, p: Float64Array, dy: Float64Array, r: ReceptorScratch, metaboliteBinds: number,
): void {
  // Plasma levels come in the scratch object (see ReceptorScratch); rate constants from p's derived part.
  const cpNtx = r.cpNtx, cpBn = r.cpBn;
  dy[S.ntxBrain] = p[P.ntx_ke0] * (cpNtx - y[S.ntxBrain]);
  dy[S.bnBrain] = p[P.bn_ke0] * (cpBn - y[S.bnBrain]);
  dy[S.ntxBrainDeep] = p[P.ntx_deep_ke] * (cpNtx - y[S.ntxBrainDeep]);
  const ceNtx = y[S.ntxBrain] + p[P.ntx_deep_partition] * y[S.ntxBrainDeep];
  // Association rates koff/KD and loss rates koff + kiso + φ·kdeg are precomputed per run (derivedParameters.ts);
  // the metabolite's association already includes the switch m.
  dy[S.morNtx] = p[D.ntx_kon] * ceNtx * r.free - p[D.ntx_loss] * y[S.morNtx] + p[P.ntx_k_rev] * y[S.morNtxTight];
  dy[S.morNtxTight] = p[P.ntx_k_iso] * y[S.morNtx] - p[D.tight_loss] * y[S.morNtxTight];
  dy[S.morBn] = p[D.bn_kon] * y[S.bnBrain] * r.free - p[D.bn_loss] * y[S.morBn];
}
