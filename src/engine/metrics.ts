import type { Metrics } from './result';
import type { DoseEvent } from './scenario/types';

/**
 * Summary metrics for the metrics table and the CLI. Windows: the whole run, and the last 24 h (the steady-state
 * day when a regimen has run long enough). Integrals are trapezoidal on the output grid; "hours above" interpolates
 * linearly where a curve crosses the threshold, so it does not depend on the grid step to first order.
 */

/** Trapezoidal ∫ y dt over [a, b] (clipped to the grid). */
export function integrate(t: Float64Array, y: Float64Array, a: number, b: number): number {
  let s = 0;
  for (let i = Math.max(1, firstAfter(t, a)), e = intervalsEnd(t, b); i < e; i++) {
    const t0 = Math.max(t[i - 1], a);
    const t1 = Math.min(t[i], b);
    if (t1 <= t0) continue;
    const y0 = lerp(t, y, i, t0);
    const y1 = lerp(t, y, i, t1);
    s += 0.5 * (y0 + y1) * (t1 - t0);
  }
  return s;
}

/** Time (h) within [a, b] during which y ≥ level, with linear interpolation inside each grid interval. */
export function timeAbove(t: Float64Array, y: Float64Array, level: number, a: number, b: number): number {
  let s = 0;
  for (let i = Math.max(1, firstAfter(t, a)), e = intervalsEnd(t, b); i < e; i++) {
    const t0 = Math.max(t[i - 1], a);
    const t1 = Math.min(t[i], b);
    if (t1 <= t0) continue;
    const y0 = lerp(t, y, i, t0) - level;
    const y1 = lerp(t, y, i, t1) - level;
    if (y0 >= 0 && y1 >= 0) s += t1 - t0;
    else if (y0 >= 0 || y1 >= 0) {
      // one crossing inside: the fraction of the interval on the upper side
      const f = y0 >= 0 ? y0 / (y0 - y1) : y1 / (y1 - y0);
      s += f * (t1 - t0);
    }
  }
  return s;
}

/*
 * Window bounds on the (increasing) grid by binary search: the last-24-h and sleep-window metrics then visit the
 * 241 points of their window, not the whole run (6,721 points for 28 days at 0.1 h). Intervals or points outside a
 * window contributed nothing before either, so every metric is bitwise what a full pass gave.
 */
/** First index i with t[i] > x (t.length if none). */
function firstAfter(t: Float64Array, x: number): number {
  let lo = 0, hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** First index i with t[i] ≥ x (t.length if none). */
function firstAtOrAfter(t: Float64Array, x: number): number {
  let lo = 0, hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** One past the last interval [t[i−1], t[i]] that starts before b: intervals i < end have t[i−1] < b. */
function intervalsEnd(t: Float64Array, b: number): number {
  return Math.min(t.length, firstAtOrAfter(t, b) + 1);
}

function lerp(t: Float64Array, y: Float64Array, i: number, x: number): number {
  const dt = t[i] - t[i - 1];
  if (dt <= 0) return y[i];
  const w = (x - t[i - 1]) / dt;
  return y[i - 1] + w * (y[i] - y[i - 1]);
}

function extremum(t: Float64Array, y: Float64Array, a: number, b: number, sign: 1 | -1): { v: number; t: number } {
  let best = NaN;
  let at = NaN;
  for (let i = firstAtOrAfter(t, a), e = firstAfter(t, b); i < e; i++) {
    if (t[i] < a || t[i] > b) continue;
    if (Number.isNaN(best) || sign * (y[i] - best) > 0) {
      best = y[i];
      at = t[i];
    }
  }
  return { v: best, t: at };
}

/** Sleep window 23:00–07:00 (clock time; t = 0 is midnight of day 1). */
export const SLEEP_START_H = 23;
export const SLEEP_END_H = 7;

export function computeMetrics(
  time: Float64Array,
  obs: Readonly<Record<string, Float64Array>>,
  doses: readonly DoseEvent[],
): Metrics {
  const m: Record<string, number> = {};
  const n = time.length;
  if (n < 2) return m;
  const end = time[n - 1];
  const start = time[0];
  const dayStart = Math.max(start, end - 24);
  const span = end - start;

  // Plasma exposure: Cmax, Tmax and AUC of each drug (metric keys keep their published names).
  for (const [id, key] of [['naltrexone_ng_per_ml', 'ntx'], ['naltrexol_ng_per_ml', 'naltrexol']] as const) {
    const c = obs[id];
    if (!c) continue;
    const mx = extremum(time, c, start, end, 1);
    m[`${key}_cmax_ng_per_ml`] = mx.v;
    m[`${key}_tmax_h`] = mx.t;
    m[`${key}_auc_ng_h_per_ml`] = integrate(time, c, start, end);
  }
  const occ = obs.mor_occupancy;
  if (occ) {
    m.occupancy_peak = extremum(time, occ, start, end, 1).v;
    m.occupancy_trough_last24h = extremum(time, occ, dayStart, end, -1).v;
    m.occupancy_mean_last24h = integrate(time, occ, dayStart, end) / (end - dayStart);
    // hours per day above the 50 % and 90 % blockade lines: over the last 24 h, and averaged over the whole run
    m.hours_above_50_last24h = timeAbove(time, occ, 0.5, dayStart, end) * (24 / (end - dayStart));
    m.hours_above_90_last24h = timeAbove(time, occ, 0.9, dayStart, end) * (24 / (end - dayStart));
    m.hours_above_50_per_day = (timeAbove(time, occ, 0.5, start, end) * 24) / span;
    m.hours_above_90_per_day = (timeAbove(time, occ, 0.9, start, end) * 24) / span;
    // mean occupancy during the last complete sleep window (23:00–07:00) inside the run
    const lastNight = Math.floor((end - SLEEP_END_H) / 24) * 24 + SLEEP_END_H; // end of the last sleep window ≤ end
    const nightStart = lastNight - (24 - SLEEP_START_H + SLEEP_END_H);
    if (nightStart >= start) m.occupancy_mean_sleep_last_night = integrate(time, occ, nightStart, lastNight) / (lastNight - nightStart);
  }
  for (const id of ['opioid_signal_rel', 'mor_density_rel', 'endorphin_rel', 'il6_rel', 'tnf_rel', 'microglia_activation']) {
    const y = obs[id];
    if (!y) continue;
    m[`${id}_mean_last24h`] = integrate(time, y, dayStart, end) / (end - dayStart);
    m[`${id}_max`] = extremum(time, y, start, end, 1).v;
    m[`${id}_min`] = extremum(time, y, start, end, -1).v;
  }
  m.doses_given = doses.length;
  m.total_dose_mg = doses.reduce((s, d) => s + d.amount_mg, 0);
  return m;
}
