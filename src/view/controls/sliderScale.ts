import type { ParameterSpec } from '../../../models/types';

/**
 * Slider positions 0…SLIDER_STEPS map onto [min, max], linearly or logarithmically (ParameterSpec.scale — log for
 * quantities spanning decades, where equal slider travel should mean equal ratios). Values read from a slider are
 * rounded to 6 significant digits so the URL stays readable; that rounding (≤ 5e-6 relative) is far below half a
 * slider step (≥ 1/2000 of the range, or 0.05 % in ratio for a log slider over ≤ 40 decades), so every position
 * maps back to itself and the arrow keys never get stuck.
 */
export const SLIDER_STEPS = 1000;

export function fromSliderPosition(spec: Pick<ParameterSpec, 'min' | 'max' | 'scale'>, pos: number): number {
  const f = Math.min(1, Math.max(0, pos / SLIDER_STEPS));
  const raw = isLog(spec) ? spec.min * (spec.max / spec.min) ** f : spec.min + (spec.max - spec.min) * f;
  const v = Number(raw.toPrecision(6));
  return Math.min(spec.max, Math.max(spec.min, v));
}

export function toSliderPosition(spec: Pick<ParameterSpec, 'min' | 'max' | 'scale'>, value: number): number {
  if (!(spec.max > spec.min)) return 0;
  const f = isLog(spec)
    ? Math.log(value / spec.min) / Math.log(spec.max / spec.min)
    : (value - spec.min) / (spec.max - spec.min);
  return Math.round(Math.min(1, Math.max(0, Number.isFinite(f) ? f : 0)) * SLIDER_STEPS);
}

function isLog(spec: Pick<ParameterSpec, 'min' | 'max' | 'scale'>): boolean {
  return spec.scale === 'log' && spec.min > 0 && spec.max > spec.min;
}
