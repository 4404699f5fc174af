import { D } from './derivedParameters';
import { P } from './parameterSpecs';
import { S } from './stateLayout';

/**
 * Oral naltrexone and 6β-naltrexol pharmacokinetics (linear; amounts in µmol, time in h).
 *
 *   gut'      = −ka·gut
 *   NTX_c'    = F·ka·gut − (CL/Vc)·NTX_c − Qd·(NTX_c/Vc − NTX_d/Vd)
 *   NTX_d'    = Qd·(NTX_c/Vc − NTX_d/Vd)                                   (deep tissue; Qd = 0 unless deep_tissue)
 *   6BN'      = fp·ka·gut + fm·(CL/Vc)·NTX_c − (CLm/Vm)·6BN                 (presystemic + systemic formation)
 *   elimNTX'  = (1 − F − fp)·ka·gut + (1 − fm)·(CL/Vc)·NTX_c                (other metabolites, first pass + systemic)
 *   elim6BN'  = (CLm/Vm)·6BN
 * so d/dt of the sum of all six is 0: dose = compartments + eliminated (mass balance).
 * Structure: US label (first pass ~95 %, metabolism mainly to 6BN); Meyer 1984 J Clin Psychiatry 45:15.
 */
export function pharmacokineticsRhs(y: Float64Array, p: Float64Array, dy: Float64Array): void {
  // Rate constants and fractions come precomputed (derivedParameters.ts): p[D.ntx_kel] = CL/Vc, and so on.
  const absorbed = p[P.ntx_ka] * y[S.ntxGut];
  const cleared = p[D.ntx_kel] * y[S.ntxCentral];
  const toDeep = p[D.ntx_q_c] * y[S.ntxCentral] - p[D.ntx_q_d] * y[S.ntxDeep];
  const bnCleared = p[D.bn_kel] * y[S.bnCentral];
  dy[S.ntxGut] = -absorbed;
  dy[S.ntxCentral] = p[P.ntx_f_oral] * absorbed - cleared - toDeep;
  dy[S.ntxDeep] = toDeep;
  dy[S.bnCentral] = p[D.ntx_fp] * absorbed + p[P.ntx_fm_6bn] * cleared - bnCleared;
  dy[S.ntxEliminated] = p[D.ntx_f_other] * absorbed + p[D.ntx_fm_other] * cleared;
  dy[S.bnEliminated] = bnCleared;
}

/**
 * Presystemic 6BN fraction, limited to what first pass leaves (1 − F): with F and fp both at the top of their
 * ranges (a sampled virtual subject) the other-metabolite flux would otherwise turn negative.
 */
export function presystemic6bn(p: Float64Array): number {
  return Math.min(p[P.ntx_f_presys_6bn], 1 - p[P.ntx_f_oral]);
}

/** Analytic ∂f/∂y of the PK block (row-major n×n, only the nonzero PK entries are written). */
export function pharmacokineticsJac(p: Float64Array, J: Float64Array, n: number): void {
  const ka = p[P.ntx_ka];
  const f = p[P.ntx_f_oral];
  const fp = presystemic6bn(p);
  const kel = p[P.ntx_cl] / p[P.ntx_v_c];
  const qc = p[P.ntx_q_deep] / p[P.ntx_v_c];
  const qd = p[P.ntx_q_deep] / p[P.ntx_v_deep];
  const fm = p[P.ntx_fm_6bn];
  const km = p[P.bn_cl] / p[P.bn_v];
  J[S.ntxGut * n + S.ntxGut] = -ka;
  J[S.ntxCentral * n + S.ntxGut] = f * ka;
  J[S.ntxCentral * n + S.ntxCentral] = -kel - qc;
  J[S.ntxCentral * n + S.ntxDeep] = qd;
  J[S.ntxDeep * n + S.ntxCentral] = qc;
  J[S.ntxDeep * n + S.ntxDeep] = -qd;
  J[S.bnCentral * n + S.ntxGut] = fp * ka;
  J[S.bnCentral * n + S.ntxCentral] = fm * kel;
  J[S.bnCentral * n + S.bnCentral] = -km;
  J[S.ntxEliminated * n + S.ntxGut] = (1 - f - fp) * ka;
  J[S.ntxEliminated * n + S.ntxCentral] = (1 - fm) * kel;
  J[S.bnEliminated * n + S.bnCentral] = km;
}
