import type { SimulationResult } from '../../engine/result';

/**
 * The rows of the metrics table (issue 5, item 6). Values come from result.metrics (src/engine/metrics.ts: whole
 * run, or the last 24 h = the steady-state day when the regimen has run long enough); the naltrexone trough is
 * read from the curve here (minimum over the last 24 h). `_rel` observables are shown as % change from the
 * untreated baseline (value 1.0): (x − 1) × 100.
 */
export interface MetricRow {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** Value for one result, in display units; NaN when the result lacks it. */
  value(r: SimulationResult): number;
  /** Display text for a value. */
  format(v: number): string;
  /** Whether B − A is meaningful (not for clock times). */
  readonly diff: boolean;
}

const m = (key: string, scale = 1, offset = 0) => (r: SimulationResult): number => {
  const v = r.metrics[key];
  return typeof v === 'number' && Number.isFinite(v) ? (v + offset) * scale : NaN;
};
const fixed = (d: number) => (v: number): string => (Number.isFinite(v) ? v.toFixed(d) : '—');
const signed = (d: number) => (v: number): string => (Number.isFinite(v) ? `${v > 0 ? '+' : ''}${v.toFixed(d)}` : '—');

/** Minimum of an observable over the last 24 h of the run. */
export function troughLast24h(r: SimulationResult, id: string): number {
  const y = r.observables[id];
  const t = r.time_h;
  if (!y || t.length < 2) return NaN;
  const from = t[t.length - 1] - 24;
  let lo = Infinity;
  for (let i = 0; i < t.length; i++) if (t[i] >= from && Number.isFinite(y[i]) && y[i] < lo) lo = y[i];
  return Number.isFinite(lo) ? lo : NaN;
}

/** Time from the last dose at or before the highest naltrexone concentration to that peak (h). */
export function tmaxAfterDose(r: SimulationResult): number {
  const t = r.metrics.ntx_tmax_h;
  if (typeof t !== 'number' || !Number.isFinite(t)) return NaN;
  let dose = -Infinity;
  for (const d of r.doses) if (d.time_h <= t && d.time_h > dose) dose = d.time_h;
  return Number.isFinite(dose) ? t - dose : NaN;
}

/** Highest withdrawal indicator over the run; NaN without an opioid co-medication (the row is then left out). */
export function withdrawalPeak(r: SimulationResult): number {
  const y = r.observables.withdrawal_index;
  if (!y || r.agonistDoses.length === 0) return NaN;
  let hi = -Infinity;
  for (let i = 0; i < y.length; i++) if (Number.isFinite(y[i]) && y[i] > hi) hi = y[i];
  return Number.isFinite(hi) ? hi : NaN;
}

export const METRIC_ROWS: readonly MetricRow[] = [
  { id: 'ntx_cmax', label: 'Naltrexone Cmax', unit: 'ng/mL', value: m('ntx_cmax_ng_per_ml'), format: fixed(2), diff: true },
  { id: 'ntx_tmax', label: 'Naltrexone Tmax (after the dose before the peak)', unit: 'h', value: tmaxAfterDose, format: fixed(2), diff: true },
  { id: 'ntx_trough', label: 'Naltrexone trough (last 24 h)', unit: 'ng/mL', value: (r) => troughLast24h(r, 'naltrexone_ng_per_ml'), format: fixed(3), diff: true },
  { id: 'ntx_auc', label: 'Naltrexone AUC (whole run)', unit: 'ng·h/mL', value: m('ntx_auc_ng_h_per_ml'), format: fixed(1), diff: true },
  { id: 'nol_cmax', label: '6β-naltrexol Cmax', unit: 'ng/mL', value: m('naltrexol_cmax_ng_per_ml'), format: fixed(2), diff: true },
  { id: 'nol_auc', label: '6β-naltrexol AUC (whole run)', unit: 'ng·h/mL', value: m('naltrexol_auc_ng_h_per_ml'), format: fixed(1), diff: true },
  { id: 'occ_peak', label: 'Peak MOR occupancy', unit: '%', value: m('occupancy_peak', 100), format: fixed(1), diff: true },
  { id: 'occ_trough', label: 'Occupancy trough (last 24 h)', unit: '%', value: m('occupancy_trough_last24h', 100), format: fixed(1), diff: true },
  { id: 'h50', label: 'Hours per day above 50 %', unit: 'h/day', value: m('hours_above_50_per_day'), format: fixed(1), diff: true },
  { id: 'h90', label: 'Hours per day above 90 %', unit: 'h/day', value: m('hours_above_90_per_day'), format: fixed(1), diff: true },
  { id: 'occ_sleep', label: 'Occupancy during sleep (last night, 23–07)', unit: '%', value: m('occupancy_mean_sleep_last_night', 100), format: fixed(1), diff: true },
  { id: 'signal', label: 'Opioid signal, last-day mean vs baseline', unit: '%', value: m('opioid_signal_rel_mean_last24h', 100, -1), format: signed(1), diff: true },
  { id: 'density', label: 'Receptor density, peak change', unit: '%', value: m('mor_density_rel_max', 100, -1), format: signed(1), diff: true },
  { id: 'il6', label: 'IL-6, last-day mean vs baseline', unit: '%', value: m('il6_rel_mean_last24h', 100, -1), format: signed(2), diff: true },
  { id: 'tnf', label: 'TNF-α, last-day mean vs baseline', unit: '%', value: m('tnf_rel_mean_last24h', 100, -1), format: signed(2), diff: true },
  { id: 'withdrawal', label: 'Withdrawal indicator, peak (co-medication)', unit: 'baseline signal', value: withdrawalPeak, format: fixed(3), diff: true },
  { id: 'total_dose', label: 'Total naltrexone given', unit: 'mg', value: m('total_dose_mg'), format: fixed(1), diff: true },
];
