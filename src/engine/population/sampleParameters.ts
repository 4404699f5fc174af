import type { ParameterSpec } from '../../../models/types';
import type { Rng } from './createRng';
import { exp, log } from '../../../models/math/deterministicMath';

/**
 * Log-normal inter-individual variability (the NONMEM / mrgsolve convention): θ_i = θ_typ · e^{η_i},
 * η_i ~ N(0, ω²) with ω² = ln(1 + CV²), so that θ has median θ_typ and coefficient of variation CV exactly
 * (for a log-normal, CV² = e^{ω²} − 1). Values outside the parameter's [min, max] are redrawn (a truncated
 * log-normal), so that no virtual subject leaves the range the model is meant for.
 */
export interface VariabilitySpec {
  /** Index in the parameter vector. */
  readonly index: number;
  readonly id: string;
  /** Coefficient of variation (fraction, e.g. 0.3 for 30 %). */
  readonly cv: number;
}

/** Redraws before giving up and clamping (only reached when the range holds a tiny part of the distribution). */
const MAX_REDRAWS = 100;

/** Standard deviation of η for a log-normal with this CV: ω = sqrt(ln(1 + CV²)). */
export function omegaForCv(cv: number): number {
  return Math.sqrt(log(1 + cv * cv));
}

/**
 * Fills out (subjects × specs.length, row-major by subject) with sampled values, drawing subject by subject in
 * spec order so that a seed reproduces the population exactly.
 */
export function sampleParameters(
  base: Float64Array,
  parameters: readonly ParameterSpec[],
  specs: readonly VariabilitySpec[],
  subjects: number,
  rng: Rng,
  out: Float64Array,
): void {
  const m = specs.length;
  for (let s = 0; s < subjects; s++) {
    for (let j = 0; j < m; j++) {
      const { index, cv } = specs[j];
      const typical = base[index];
      const omega = omegaForCv(cv);
      const { min, max } = parameters[index];
      let v = typical * exp(omega * rng.normal());
      for (let r = 0; r < MAX_REDRAWS && (v < min || v > max); r++) v = typical * exp(omega * rng.normal());
      out[s * m + j] = Math.min(max, Math.max(min, v));
    }
  }
}
