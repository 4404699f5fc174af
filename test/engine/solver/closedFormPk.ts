/**
 * Closed-form solutions of linear compartment models (Gibaldi & Perrier, Pharmacokinetics, 2nd ed., 1982,
 * ch. 1–2; Rowland & Tozer, Clinical Pharmacokinetics, ch. 19), used as exact references for the solvers.
 * Amounts in the central compartment after a single input at t = 0; repeated doses follow by superposition
 * (the models are linear).
 */

/** e^{−kt}·(1 − e^{−(a−k)t})/(a − k) = (e^{−kt} − e^{−at})/(a − k), exact as a → k (limit t·e^{−kt}). */
export function expDiff(a: number, k: number, t: number): number {
  const d = a - k;
  return Math.exp(-k * t) * (d === 0 ? t : -Math.expm1(-d * t) / d);
}

/** One compartment, IV bolus D: A(t) = D·e^{−kt}. */
export function oneCmtBolus(D: number, k: number, t: number): number {
  return t < 0 ? 0 : D * Math.exp(-k * t);
}

/** One compartment, first-order absorption (Bateman): A(t) = D·ka·(e^{−kt} − e^{−ka·t})/(ka − k). */
export function oneCmtOral(D: number, ka: number, k: number, t: number): number {
  return t < 0 ? 0 : D * ka * expDiff(ka, k, t);
}

/**
 * One compartment, zero-order infusion at rate R for Tinf: A = (R/k)(1 − e^{−kt}) while infusing, then
 * A(Tinf)·e^{−k(t−Tinf)}.
 */
export function oneCmtInfusion(R: number, Tinf: number, k: number, t: number): number {
  if (t <= 0) return 0;
  const during = (tt: number) => (R / k) * -Math.expm1(-k * tt);
  return t <= Tinf ? during(t) : during(Tinf) * Math.exp(-k * (t - Tinf));
}

/** Hybrid rate constants of the two-compartment model: α + β = k10 + k12 + k21, α·β = k10·k21, α > β. */
export function twoCmtRates(k10: number, k12: number, k21: number): { alpha: number; beta: number } {
  const s = k10 + k12 + k21;
  const disc = Math.sqrt(s * s - 4 * k10 * k21);
  const alpha = (s + disc) / 2;
  // β from the product avoids cancellation when β ≪ α.
  return { alpha, beta: (k10 * k21) / alpha };
}

/** Two compartments, IV bolus D into central: A1 = D·[(α−k21)e^{−αt} + (k21−β)e^{−βt}]/(α−β). */
export function twoCmtBolus(D: number, k10: number, k12: number, k21: number, t: number): number {
  if (t < 0) return 0;
  const { alpha, beta } = twoCmtRates(k10, k12, k21);
  return (D * ((alpha - k21) * Math.exp(-alpha * t) + (k21 - beta) * Math.exp(-beta * t))) / (alpha - beta);
}

/**
 * Two compartments, first-order absorption (Gibaldi & Perrier eq. 2.?): A1 = D·ka·Σ_λ (k21 − λ)·e^{−λt} / Π_{μ≠λ}(μ − λ)
 * over λ ∈ {α, β, ka} — the residues of ka(s + k21)/((s + ka)(s + α)(s + β)).
 */
export function twoCmtOral(D: number, ka: number, k10: number, k12: number, k21: number, t: number): number {
  if (t < 0) return 0;
  const { alpha, beta } = twoCmtRates(k10, k12, k21);
  const l = [alpha, beta, ka];
  let sum = 0;
  for (let i = 0; i < 3; i++) {
    let den = 1;
    for (let j = 0; j < 3; j++) if (j !== i) den *= l[j] - l[i];
    sum += ((k21 - l[i]) * Math.exp(-l[i] * t)) / den;
  }
  return D * ka * sum;
}

/**
 * Two compartments, zero-order infusion R for Tinf into central: the convolution of R with the unit bolus
 * response c_α e^{−αt} + c_β e^{−βt}: A1 = R·Σ c_λ·(e^{−λ·max(0, t−Tinf)} − e^{−λt})/λ.
 */
export function twoCmtInfusion(R: number, Tinf: number, k10: number, k12: number, k21: number, t: number): number {
  if (t <= 0) return 0;
  const { alpha, beta } = twoCmtRates(k10, k12, k21);
  const ca = (alpha - k21) / (alpha - beta);
  const cb = (k21 - beta) / (alpha - beta);
  const s = Math.max(0, t - Tinf);
  // (e^{−λs} − e^{−λt})/λ = e^{−λs}·(−expm1(−λ(t − s)))/λ, stable for small λ(t − s).
  const term = (lam: number) => (Math.exp(-lam * s) * -Math.expm1(-lam * (t - s))) / lam;
  return R * (ca * term(alpha) + cb * term(beta));
}
