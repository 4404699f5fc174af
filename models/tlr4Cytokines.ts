import { D } from './derivedParameters';
import { P } from './parameterSpecs';
import { S } from './stateLayout';

/**
 * TLR4 → microglia → IL-6 / TNF-α (indirect-response turnover: Dayneka, Garg & Jusko 1993; Sharma & Jusko 1998).
 *
 *   I  = x/(1 + x),  x = acc·Ce,ntx / IC50                  TLR4 inhibition by naltrexone (both enantiomers act:
 *                                                           Hutchinson 2008 Eur J Neurosci 28:20)
 *   M' = ka·D·(1 − I)·(1 − M) − kd·M                         activated microglia fraction; D = inflammatory drive
 *                                                           (coded as (a + kd)·(M* − M), a = ka·D·(1 − I))
 *   IL6' = k6·(M/M0 − IL6),  TNF' = kT·(M/M0 − TNF)          production-limited cytokines (fast elimination:
 *                                                           Copeland 2005 PMC540200)
 * M0 is the normal-phenotype baseline; ka is set so that M = M0 when D = 1 and I = 0. IL6 and TNF are in units of
 * the normal baseline; il6_rel / tnf_rel divide by the patient's own untreated steady state (1.0 when untreated).
 */
/** Untreated steady-state microglia activation for the patient's drive (closed form of M' = 0 with I = 0). */
export function microgliaSteadyState(p: Float64Array): number {
  const kDeact = Math.LN2 / p[P.microglia_half_life_h];
  const m0 = p[P.microglia_baseline];
  const kAct = (kDeact * m0) / (1 - m0);
  const a = kAct * p[P.inflammatory_drive];
  return a / (a + kDeact);
}

export function tlr4Inhibition(ceNtx: number, p: Float64Array): number {
  const x = (p[P.tlr4_cns_accumulation] * ceNtx) / p[P.tlr4_ic50_nm];
  return x / (1 + x);
}

export function tlr4CytokinesRhs(y: Float64Array, p: Float64Array, dy: Float64Array): void {
  const kDeact = p[D.microglia_kd];
  const m0 = p[P.microglia_baseline];
  // tlr4Inhibition(Ce, p), written out: a helper returning a number that V8 does not inline costs a heap allocation
  // per RHS call.
  const x = (p[P.tlr4_cns_accumulation] * y[S.ntxBrain]) / p[P.tlr4_ic50_nm];
  const inhibition = x / (1 + x);
  // kAct·drive precomputed per run (derivedParameters.ts), the same product microgliaSteadyState forms.
  const a = p[D.microglia_act] * (1 - inhibition);
  // Written as (a + kd)·(M* − M) with M* = a/(a + kd): algebraically the same as a·(1 − M) − kd·M, but at the
  // untreated state M* is computed exactly as init() computes M, so the derivative is exactly 0 (no round-off drift).
  const target = a / (a + kDeact);
  dy[S.microglia] = (a + kDeact) * (target - y[S.microglia]);
  const drive = y[S.microglia] / m0;
  dy[S.il6] = p[D.il6_k] * (drive - y[S.il6]);
  dy[S.tnf] = p[D.tnf_k] * (drive - y[S.tnf]);
}
