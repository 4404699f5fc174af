import { pow } from './math/deterministicMath';
import { D } from './derivedParameters';
import { P } from './parameterSpecs';
import type { ReceptorScratch } from './receptorState';
import { S } from './stateLayout';

/**
 * Homeostatic feedback of the opioid signal on receptor density and endogenous opioid tone (slow, days), the source
 * of upregulation under blockade and of the rebound when blockade clears (Gabrielsson & Peletier 2008 AAPS J 10:70;
 * target binding with feedback on synthesis: J Math Biol 2016, doi 10.1007/s00285-016-1073-6).
 *
 *   g(s) = (1 + h)/(1 + h·sⁿ)      bounded feedback: g(1) = 1 exactly, g(0) = 1 + h, g → 0 for s → ∞
 *   synthesis hypothesis:  R' = kdeg·g_R(s) − kdeg·Ru − kdeg·B      (B = all antagonist-bound receptors)
 *   chaperone hypothesis:  R' = kdeg       − kdeg·Ru − φ·kdeg·B     (antagonist-bound MOR degraded
 *                          more slowly; μ mRNA unchanged under blockade: Unterwald 1995, Yoburn lab)
 *   E' = kE·(g_E(s) − E)                                     endogenous tone follows the same kind of feedback
 *   C' = kad·(s_ago − C)                                      counter-adaptation to an exogenous agonist signal
 * where s = opioid_signal_rel. At the drug-free state s = 1, so every derivative is exactly 0.
 */
/** d g / d s, for the Jacobian. */
export function feedbackGainSlope(s: number, h: number, n: number): number {
  if (s <= 0) return n === 1 ? -h * (1 + h) : 0;
  const d = 1 + h * pow(s, n);
  return (-(1 + h) * h * n * pow(s, n - 1)) / (d * d);
}

export function endogenousFeedbackRhs(
  y: Float64Array, p: Float64Array, dy: Float64Array, r: ReceptorScratch, synthesisFeedback: number,
): void {
  const boundDegradation = p[D.bound_deg];
  const kdeg = p[D.mor_kdeg];
  // g(s) for both gains with sⁿ computed once, written out rather than through a helper: pow is too large for V8 to
  // inline, and each number a non-inlined call returns is a heap allocation. n = 2 (the default) is s·s, exactly
  // what pow returns for it.
  const s = r.signalRel, n = p[P.feedback_hill];
  const sn = n === 2 ? s * s : pow(s, n);
  const hR = p[P.mor_upreg_max], hE = p[P.endorphin_upreg_max];
  const synthesis = synthesisFeedback === 1 ? (1 + hR) / (1 + hR * sn) : 1;
  dy[S.morTotal] = kdeg * synthesis - kdeg * r.unblocked - boundDegradation * (y[S.morNtx] + y[S.morNtxTight] + y[S.morBn]);
  const kE = p[D.endo_k];
  dy[S.endorphin] = kE * ((1 + hE) / (1 + hE * sn) - y[S.endorphin]);
  const kad = p[D.adapt_k];
  dy[S.adaptation] = kad * (r.agonistSignalRel - y[S.adaptation]);
}
