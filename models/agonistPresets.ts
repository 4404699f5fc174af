/**
 * Co-medication presets (parameter id → value) the engine applies before user overrides. Literature values are
 * secondary ([S]: product information / reviews); the MOR apparent KDs are assumptions to explore.
 * Tramadol acts at MOR mainly through O-desmethyltramadol (M1); its KD here is a parent-plasma-equivalent lump.
 */
export const AGONIST_PRESETS: Record<'morphine' | 'oxycodone' | 'tramadol', Record<string, number>> = {
  // morphine: F 20–40 %, V ~3.5 L/kg, CL ~1.2 L/min (t½ ≈ 2.4 h), t½ke0 ≈ 2.8 h
  morphine: { ago_ka: 1.0, ago_f_oral: 0.3, ago_v: 245, ago_cl: 72, ago_ke0: 0.25, ago_kd_ng_ml: 30, ago_efficacy: 1 },
  // oxycodone: F 60–87 %, V ~2.6 L/kg, t½ ≈ 3–4 h, fast brain equilibration
  oxycodone: { ago_ka: 1.0, ago_f_oral: 0.75, ago_v: 180, ago_cl: 40, ago_ke0: 0.7, ago_kd_ng_ml: 40, ago_efficacy: 1 },
  // tramadol: F ~70 %, V ~2.7 L/kg, t½ ≈ 6 h; weak MOR action via M1
  tramadol: { ago_ka: 1.0, ago_f_oral: 0.7, ago_v: 190, ago_cl: 22, ago_ke0: 0.3, ago_kd_ng_ml: 600, ago_efficacy: 0.8 },
};
