import { SIGNAL_MEAN_WINDOW_H } from './conceptualOutcome';
import { feedbackGainSlope } from './endogenousFeedback';
import { P } from './parameterSpecs';
import { pharmacokineticsJac } from './pharmacokinetics';
import type { ReceptorScratch } from './receptorState';
import { S } from './stateLayout';

/**
 * Analytic Jacobian ∂f/∂y of the full model (row-major n×n), derived term by term from the module equations.
 * test/models/ldnJacobian.test.ts checks it against central finite differences at many random states.
 * `r` must hold computeReceptorState(y, p) (the caller fills it).
 */
export function ldnJacobian(
  y: Float64Array, p: Float64Array, J: Float64Array, n: number, r: ReceptorScratch,
  bd: number, synthesisFeedback: number, metaboliteBinds: number,
): void {
  J.fill(0);
  pharmacokineticsJac(p, J, n);

  // co-medication PK and effect site
  const kaA = p[P.ago_ka];
  const fA = p[P.ago_f_oral];
  const kA = p[P.ago_cl] / p[P.ago_v];
  const ke0A = p[P.ago_ke0];
  J[S.agoGut * n + S.agoGut] = -kaA;
  J[S.agoCentral * n + S.agoGut] = fA * kaA;
  J[S.agoCentral * n + S.agoCentral] = -kA;
  J[S.agoEliminated * n + S.agoGut] = (1 - fA) * kaA;
  J[S.agoEliminated * n + S.agoCentral] = kA;
  J[S.agoBrain * n + S.agoCentral] = (ke0A * 1000) / p[P.ago_v];
  J[S.agoBrain * n + S.agoBrain] = -ke0A;

  // effect compartments
  const ke0 = p[P.ntx_ke0];
  const ke0m = p[P.bn_ke0];
  J[S.ntxBrain * n + S.ntxCentral] = (ke0 * 1000) / p[P.ntx_v_c];
  J[S.ntxBrain * n + S.ntxBrain] = -ke0;
  J[S.bnBrain * n + S.bnCentral] = (ke0m * 1000) / p[P.bn_v];
  J[S.bnBrain * n + S.bnBrain] = -ke0m;

  // receptor-state partials (see receptorState.ts)
  const e0 = p[P.endo_tone];
  const kdA = p[P.ago_kd_ng_ml];
  const eps = p[P.ago_efficacy];
  const inv = r.inv;
  const ru = r.unblocked;
  const aE = r.aE;
  const aA = r.aA;
  const s0 = r.s0;
  const agon = aE + eps * aA;
  // free = Ru·inv
  const dFreeDE = -ru * inv * inv * e0;
  const dFreeDA = (-ru * inv * inv) / kdA;
  // signal
  const sR = (agon * inv) / s0; // ∂/∂R; ∂/∂B = −sR
  const sE = (ru * e0 * inv * (1 - agon * inv)) / s0;
  const sA = ((ru * inv) / (kdA * s0)) * (eps - agon * inv);
  // agonist part of the signal
  const gR = (eps * aA * inv) / s0;
  const gE = (-ru * eps * aA * inv * inv * e0) / s0;
  const gA = ((ru * eps * inv) / (kdA * s0)) * (1 - aA * inv);

  // binding
  const kon = p[P.ntx_koff] / p[P.ntx_kd_nm];
  const konM = (metaboliteBinds * p[P.bn_koff]) / p[P.bn_kd_nm];
  const ce = y[S.ntxBrain];
  const ceM = y[S.bnBrain];
  const kp = p[P.ntx_deep_partition];
  const kdp = p[P.ntx_deep_ke];
  J[S.ntxBrainDeep * n + S.ntxCentral] = (kdp * 1000) / p[P.ntx_v_c];
  J[S.ntxBrainDeep * n + S.ntxBrainDeep] = -kdp;
  const ceEff = ce + kp * y[S.ntxBrainDeep];
  const kiso = p[P.ntx_k_iso];
  const krev = p[P.ntx_k_rev];
  bindingRow(J, n, S.morNtx, S.ntxBrain, kon, ceEff, p[P.ntx_koff] + kiso + bd, r.free, inv, dFreeDE, dFreeDA);
  J[S.morNtx * n + S.ntxBrainDeep] = kon * kp * r.free;
  J[S.morNtx * n + S.morNtxTight] += krev;
  bindingRow(J, n, S.morBn, S.bnBrain, konM, ceM, p[P.bn_koff] + bd, r.free, inv, dFreeDE, dFreeDA);
  J[S.morNtxTight * n + S.morNtx] = kiso;
  J[S.morNtxTight * n + S.morNtxTight] = -(krev + bd);

  // receptor density
  const kdeg = Math.LN2 / p[P.mor_half_life_h];
  const nH = p[P.feedback_hill];
  const sig = r.signalRel;
  const gp = synthesisFeedback === 1 ? kdeg * feedbackGainSlope(sig, p[P.mor_upreg_max], nH) : 0;
  let b = S.morTotal * n;
  J[b + S.morTotal] = gp * sR - kdeg;
  J[b + S.morNtx] = -gp * sR + kdeg - bd;
  J[b + S.morBn] = -gp * sR + kdeg - bd;
  J[b + S.morNtxTight] = -gp * sR + kdeg - bd;
  J[b + S.endorphin] = gp * sE;
  J[b + S.agoBrain] = gp * sA;

  // endogenous tone
  const kE = Math.LN2 / p[P.endorphin_half_life_h];
  const ge = kE * feedbackGainSlope(sig, p[P.endorphin_upreg_max], nH);
  b = S.endorphin * n;
  J[b + S.morTotal] = ge * sR;
  J[b + S.morNtx] = -ge * sR;
  J[b + S.morBn] = -ge * sR;
  J[b + S.morNtxTight] = -ge * sR;
  J[b + S.endorphin] = ge * sE - kE;
  J[b + S.agoBrain] = ge * sA;

  // counter-adaptation
  const kad = Math.LN2 / p[P.adaptation_half_life_h];
  b = S.adaptation * n;
  J[b + S.morTotal] = kad * gR;
  J[b + S.morNtx] = -kad * gR;
  J[b + S.morBn] = -kad * gR;
  J[b + S.morNtxTight] = -kad * gR;
  J[b + S.endorphin] = kad * gE;
  J[b + S.agoBrain] = kad * gA;
  J[b + S.adaptation] = -kad;

  // TLR4 / microglia / cytokines
  const kDeact = Math.LN2 / p[P.microglia_half_life_h];
  const m0 = p[P.microglia_baseline];
  const kAct = (kDeact * m0) / (1 - m0);
  const drive = p[P.inflammatory_drive];
  const acc = p[P.tlr4_cns_accumulation] / p[P.tlr4_ic50_nm];
  const x = acc * ce;
  const inhibition = x / (1 + x);
  const dI = acc / ((1 + x) * (1 + x));
  const m = y[S.microglia];
  b = S.microglia * n;
  J[b + S.ntxBrain] = -kAct * drive * (1 - m) * dI;
  J[b + S.microglia] = -kAct * drive * (1 - inhibition) - kDeact;
  const k6 = Math.LN2 / p[P.il6_half_life_h];
  const kT = Math.LN2 / p[P.tnf_half_life_h];
  J[S.il6 * n + S.microglia] = k6 / m0;
  J[S.il6 * n + S.il6] = -k6;
  J[S.tnf * n + S.microglia] = kT / m0;
  J[S.tnf * n + S.tnf] = -kT;

  // 24-h mean signal
  const w = 1 / SIGNAL_MEAN_WINDOW_H;
  b = S.signalMean * n;
  J[b + S.morTotal] = w * sR;
  J[b + S.morNtx] = -w * sR;
  J[b + S.morBn] = -w * sR;
  J[b + S.morNtxTight] = -w * sR;
  J[b + S.endorphin] = w * sE;
  J[b + S.agoBrain] = w * sA;
  J[b + S.signalMean] = -w;
}

/** Row of B' = k·c·free − loss·B (free = Ru/(1 + aE + aA), Ru = R − B_ntx − B_6bn). */
function bindingRow(
  J: Float64Array, n: number, row: number, ceCol: number, k: number, c: number, loss: number,
  free: number, inv: number, dFreeDE: number, dFreeDA: number,
): void {
  const b = row * n;
  J[b + ceCol] = k * free;
  J[b + S.morTotal] = k * c * inv;
  J[b + S.morNtx] += -k * c * inv;
  J[b + S.morBn] += -k * c * inv;
  J[b + S.morNtxTight] += -k * c * inv;
  J[b + S.endorphin] = k * c * dFreeDE;
  J[b + S.agoBrain] = k * c * dFreeDA;
  J[b + row] += -loss;
}
