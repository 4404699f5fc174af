import { N_PARAMETERS, P } from './parameterSpecs';

/**
 * Constants the right-hand side needs that depend on the parameters only — rate constants from half-lives,
 * clearances over volumes, association rates from koff/KD — computed once per run and appended to the parameter
 * vector (p[N_PARAMETERS + D.x]), instead of in every RHS call (~16 divisions per call before; the RHS runs ~15,000
 * times in a 28-day run). mrgsolve's $MAIN block plays this role.
 *
 * Each one is formed by exactly the expression the RHS used to form inline, so the RHS values are the same bits.
 */
export const D = {
  /** NTX elimination rate CL/Vc (1/h). */
  ntx_kel: N_PARAMETERS + 0,
  /** Deep-tissue exchange over the central and over the deep volume, Q/Vc and Q/Vd (1/h). */
  ntx_q_c: N_PARAMETERS + 1,
  ntx_q_d: N_PARAMETERS + 2,
  /** Presystemic 6BN fraction fp (pharmacokinetics.ts), other first-pass metabolites 1 − F − fp, other systemic 1 − fm. */
  ntx_fp: N_PARAMETERS + 3,
  ntx_f_other: N_PARAMETERS + 4,
  ntx_fm_other: N_PARAMETERS + 5,
  /** 6BN elimination rate CLm/Vm (1/h). */
  bn_kel: N_PARAMETERS + 6,
  /** Agonist elimination rate CL/V (1/h). */
  ago_kel: N_PARAMETERS + 7,
  /** Baseline signal S0 = e0/(1 + e0). */
  s0: N_PARAMETERS + 8,
  /** Degradation rate of antagonist-bound MOR φ·kdeg (1/h); φ = 1 under the synthesis hypothesis. */
  bound_deg: N_PARAMETERS + 9,
  /** NTX association koff/KD (1/(nM·h)) and its loss rate koff + kiso + φ·kdeg (1/h). */
  ntx_kon: N_PARAMETERS + 10,
  ntx_loss: N_PARAMETERS + 11,
  /** Loss rate of the tight complex krev + φ·kdeg (1/h). */
  tight_loss: N_PARAMETERS + 12,
  /** 6BN association m·koff_m/KD_m (0 when the metabolite does not bind) and loss rate koff_m + φ·kdeg (1/h). */
  bn_kon: N_PARAMETERS + 13,
  bn_loss: N_PARAMETERS + 14,
  /** MOR, endorphin-tone and adaptation turnover rates ln2/t½ (1/h). */
  mor_kdeg: N_PARAMETERS + 15,
  endo_k: N_PARAMETERS + 16,
  adapt_k: N_PARAMETERS + 17,
  /** Microglia deactivation ln2/t½ and activation rate kd·M0/(1 − M0) times the inflammatory drive (1/h). */
  microglia_kd: N_PARAMETERS + 18,
  microglia_act: N_PARAMETERS + 19,
  /** IL-6 and TNF-α elimination rates ln2/t½ (1/h). */
  il6_k: N_PARAMETERS + 20,
  tnf_k: N_PARAMETERS + 21,
} as const;

export const N_DERIVED = 22;

/**
 * Fill p[N_PARAMETERS …] from p[0 … N_PARAMETERS−1] for a model built with these structural switches.
 * synthesisFeedback: 1 under the synthesis hypothesis (bound receptors degraded like free ones), else 0;
 * metaboliteBinds: 1 when 6β-naltrexol binds MOR, else 0.
 */
export function deriveParameters(p: Float64Array, synthesisFeedback: number, metaboliteBinds: number): void {
  p[D.ntx_kel] = p[P.ntx_cl] / p[P.ntx_v_c];
  p[D.ntx_q_c] = p[P.ntx_q_deep] / p[P.ntx_v_c];
  p[D.ntx_q_d] = p[P.ntx_q_deep] / p[P.ntx_v_deep];
  const fp = Math.min(p[P.ntx_f_presys_6bn], 1 - p[P.ntx_f_oral]); // presystemic6bn(p) in pharmacokinetics.ts
  p[D.ntx_fp] = fp;
  p[D.ntx_f_other] = 1 - p[P.ntx_f_oral] - fp;
  p[D.ntx_fm_other] = 1 - p[P.ntx_fm_6bn];
  p[D.bn_kel] = p[P.bn_cl] / p[P.bn_v];
  p[D.ago_kel] = p[P.ago_cl] / p[P.ago_v];
  const e0 = p[P.endo_tone];
  p[D.s0] = e0 / (1 + e0);
  const kdeg = Math.LN2 / p[P.mor_half_life_h];
  const boundDeg = kdeg * (synthesisFeedback === 1 ? 1 : p[P.mor_bound_protection]);
  p[D.bound_deg] = boundDeg;
  p[D.ntx_kon] = p[P.ntx_koff] / p[P.ntx_kd_nm];
  p[D.ntx_loss] = p[P.ntx_koff] + p[P.ntx_k_iso] + boundDeg;
  p[D.tight_loss] = p[P.ntx_k_rev] + boundDeg;
  p[D.bn_kon] = metaboliteBinds * (p[P.bn_koff] / p[P.bn_kd_nm]);
  p[D.bn_loss] = p[P.bn_koff] + boundDeg;
  p[D.mor_kdeg] = kdeg;
  p[D.endo_k] = Math.LN2 / p[P.endorphin_half_life_h];
  p[D.adapt_k] = Math.LN2 / p[P.adaptation_half_life_h];
  const kd = Math.LN2 / p[P.microglia_half_life_h];
  const m0 = p[P.microglia_baseline];
  p[D.microglia_kd] = kd;
  p[D.microglia_act] = ((kd * m0) / (1 - m0)) * p[P.inflammatory_drive];
  p[D.il6_k] = Math.LN2 / p[P.il6_half_life_h];
  p[D.tnf_k] = Math.LN2 / p[P.tnf_half_life_h];
}
