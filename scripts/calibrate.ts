/**
 * Re-derives the calibrated defaults of the models layer and writes models/calibration.ts.
 *   npx tsx scripts/calibrate.ts            (all hypothesis sets; ~1–3 min on 2 cores)
 *
 * 1. PK (common to all sets), closed form + 1-D root finding against public/data/naltrexone_pk_50mg.csv:
 *    V = CL·t½/ln2 (Meyer 1984 CL, label t½ 4 h); F from the Bateman Cmax 13.3 ng/mL; 6BN volume from its Cmax 108 ng/mL
 *    (bisection with the engine), 6BN CL = V·ln2/13 h.
 * 2. Binding/persistence, per persistence × metabolite-occupancy set: Nelder–Mead in log-parameters minimising the
 *    sum of squared occupancy errors against BOTH human data sets — the PET peak-vs-dose table (Rabiner 2011 via
 *    Trøstheim 2022; model peak over 0–8 h) and the 50 mg time course (Lee 1988, 1–168 h) — plus a penalty if the
 *    trough on 50 mg daily (day 7) falls below 0.90 (Lee 1988: 50 mg/day saturates).
 * 3. TLR4 'apparent': the IC50 (bisection in log) at which LDN 4.5 mg nightly lowers the day-28 daily-mean IL-6 by
 *    20 % under the default hypotheses — the potency the TLR4 hypothesis would need (not a measured value).
 * Everything is integrated with the project engine (simulate), so the calibration and the app agree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { simulate } from '../src/engine/index';
import { DEFAULT_HYPOTHESES } from '../models/index';
import { PARAMETER_SPECS } from '../models/parameterSpecs';
import { calibrationKey } from '../models/calibratedDefaults';
import type { Hypotheses } from '../models/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function readDataCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(join(root, 'public/data', file), 'utf8').split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const head = lines[0].split(',');
  return lines.slice(1).map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(head.map((h, i) => [h, cells[i]]));
  });
}

const pet = readDataCsv('pet_occupancy_vs_dose.csv').map((r) => ({ dose: +r.dose_mg, occ: +r.occupancy }));
const lee = readDataCsv('lee1988_occupancy_50mg.csv').map((r) => ({ t: +r.time_h, occ: +r.occupancy }));
/** dose → [lowest, highest] subject occupancy at that dose. */
const PET_RANGE = new Map<number, [number, number]>();
for (const d of pet) {
  const r = PET_RANGE.get(d.dose);
  PET_RANGE.set(d.dose, r ? [Math.min(r[0], d.occ), Math.max(r[1], d.occ)] : [d.occ, d.occ]);
}
const pk = Object.fromEntries(readDataCsv('naltrexone_pk_50mg.csv').map((r) => [`${r.analyte}_${r.quantity}`, +r.value]));

function run(hyp: Hypotheses, params: Record<string, number>, doses: { time_h: number; amount_mg: number }[], duration: number, step: number) {
  const r = simulate({ version: 1, duration_h: duration, output_step_h: step, regimen: { doses }, hypotheses: hyp, parameters: params });
  if (r.status.code !== 'ok') throw new Error(`simulate failed: ${r.status.message}`);
  return r;
}

// ── 1. PK ────────────────────────────────────────────────────────────────────────────────────────────────
function calibratePk(): Record<string, number> {
  const ka = 2.5; // /h: Tmax ≈ 1 h with t½ 4 h
  const cl = 94; // L/h, Meyer 1984
  const k = Math.LN2 / pk.naltrexone_half_life;
  const v = cl / k;
  const tmax = Math.log(ka / k) / (ka - k);
  const bateman = (ka / (ka - k)) * (Math.exp(-k * tmax) - Math.exp(-ka * tmax));
  const doseUmol = (50 * 1000) / 341.4;
  const f = (pk.naltrexone_cmax / 341.4) * v / (bateman * doseUmol); // Cmax (µmol/L) · V / (Bateman · dose)
  const km = Math.LN2 / pk.naltrexol_half_life;
  const base = { ntx_ka: ka, ntx_cl: cl, ntx_v_c: v, ntx_f_oral: f };
  // 6BN Cmax decreases monotonically with its volume: bisection on log V.
  let lo = Math.log(100);
  let hi = Math.log(1500);
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    const bnV = Math.exp(mid);
    const r = run({}, { ...base, bn_v: bnV, bn_cl: bnV * km }, [{ time_h: 0, amount_mg: 50 }], 12, 0.05);
    const cmax = Math.max(...r.observables.naltrexol_ng_per_ml);
    if (cmax > pk.naltrexol_cmax) lo = mid; else hi = mid;
  }
  const bnV = Math.exp((lo + hi) / 2);
  return { ...base, bn_v: bnV, bn_cl: bnV * km };
}

// ── 2. binding ───────────────────────────────────────────────────────────────────────────────────────────
interface FitSpec {
  readonly free: readonly string[];
  readonly start: Record<string, number>;
  /** Parameters tied to fitted ones. */
  readonly tie: (x: Record<string, number>) => Record<string, number>;
}

const FAST_KOFF = 2; // /h (t½ 21 min): "fast" binding for the hypotheses that do not rely on slow dissociation
const FIT: Record<string, FitSpec> = {
  slow_dissociation: {
    // two-step binding: fast loose complex (KD, koff) isomerising into a tight complex (kiso, krev)
    free: ['ntx_ke0', 'ntx_kd_nm', 'ntx_k_iso', 'ntx_k_rev'],
    start: { ntx_ke0: 2, ntx_kd_nm: 4, ntx_k_iso: 0.1, ntx_k_rev: 0.01 },
    // 6BN: fast, 100-fold weaker in vivo than NTX (Ko 2006 pA2 6.5 vs 8.5), brain entry 0.2/h (assumed).
    tie: (x) => ({ ntx_koff: FAST_KOFF, bn_koff: FAST_KOFF, bn_kd_nm: 100 * x.ntx_kd_nm, bn_ke0: 0.2, ntx_deep_partition: 0 }),
  },
  deep_tissue: {
    free: ['ntx_ke0', 'ntx_kd_nm', 'ntx_deep_ke', 'ntx_deep_partition'],
    start: { ntx_ke0: 2, ntx_kd_nm: 4, ntx_deep_ke: 0.03, ntx_deep_partition: 10 },
    tie: (x) => ({ ntx_koff: FAST_KOFF, bn_koff: FAST_KOFF, bn_kd_nm: 100 * x.ntx_kd_nm, bn_ke0: 0.2, ntx_k_iso: 0 }),
  },
  metabolite: {
    free: ['ntx_ke0', 'ntx_kd_nm', 'bn_ke0', 'bn_kd_nm'],
    start: { ntx_ke0: 2, ntx_kd_nm: 4, bn_ke0: 0.03, bn_kd_nm: 10 },
    tie: () => ({ ntx_koff: FAST_KOFF, bn_koff: FAST_KOFF, ntx_k_iso: 0, ntx_deep_partition: 0 }),
  },
};

const RANGE = Object.fromEntries(PARAMETER_SPECS.map((s) => [s.id, [s.min, s.max] as const]));

export interface OccupancyPrediction {
  pet: number[];
  lee: number[];
  dailyTrough: number;
}

export function predictOccupancy(hyp: Hypotheses, params: Record<string, number>): OccupancyPrediction {
  const peaks = new Map<number, number>();
  for (const dose of [...new Set(pet.map((d) => d.dose))]) {
    if (dose === 50) continue;
    const r = run(hyp, params, [{ time_h: 0, amount_mg: dose }], 8, 0.1);
    peaks.set(dose, Math.max(...r.observables.mor_occupancy));
  }
  const single = run(hyp, params, [{ time_h: 0, amount_mg: 50 }], 168, 0.1);
  const occ = single.observables.mor_occupancy;
  peaks.set(50, Math.max(...occ.subarray(0, 81)));
  const at = (t: number) => occ[Math.round(t / 0.1)];
  const daily = run(hyp, params, Array.from({ length: 7 }, (_, i) => ({ time_h: 24 * i, amount_mg: 50 })), 168, 0.5);
  const o7 = daily.observables.mor_occupancy;
  return {
    pet: pet.map((d) => peaks.get(d.dose)!),
    lee: lee.map((d) => at(d.t)),
    dailyTrough: Math.min(...o7.subarray(o7.length - 48)),
  };
}

function objective(pred: OccupancyPrediction): number {
  let s = 0;
  pet.forEach((d, i) => {
    const r = pred.pet[i] - d.occ;
    s += r ** 2;
  });
  // Acceptance criterion (issue 2): at each dose the peak lies within 10 points of the range of the subjects
  // (2 mg 27 %, 5 mg 43–58 %, 15 mg 61 %, 50 mg 92–98 %). A steep penalty beyond 9 points keeps every set inside.
  for (const [dose, [lo, hi]] of PET_RANGE) {
    const v = pred.pet[pet.findIndex((d) => d.dose === dose)];
    s += 1e4 * Math.max(0, lo - 0.09 - v, v - hi - 0.09) ** 2;
  }
  lee.forEach((d, i) => (s += (pred.lee[i] - d.occ) ** 2));
  s += 10 * Math.min(0, pred.dailyTrough - 0.9) ** 2;
  return s;
}

function nelderMead(f: (x: number[]) => number, x0: number[], step: number, iters: number): { x: number[]; fx: number } {
  const n = x0.length;
  let simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))];
  let values = simplex.map(f);
  for (let it = 0; it < iters; it++) {
    const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    if (values[n] - values[0] < 1e-9) break;
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((s, x) => s + x[j], 0) / n);
    const along = (a: number) => centroid.map((c, j) => c + a * (simplex[n][j] - c));
    const xr = along(-1);
    const fr = f(xr);
    if (fr < values[0]) {
      const xe = along(-2);
      const fe = f(xe);
      [simplex[n], values[n]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < values[n - 1]) {
      [simplex[n], values[n]] = [xr, fr];
    } else {
      const xc = along(fr < values[n] ? -0.5 : 0.5);
      const fc = f(xc);
      if (fc < Math.min(fr, values[n])) {
        [simplex[n], values[n]] = [xc, fc];
      } else {
        simplex = simplex.map((x) => x.map((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j])));
        values = simplex.map(f);
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], fx: values[best] };
}

function fitBinding(
  persistence: 'slow_dissociation' | 'deep_tissue' | 'metabolite', metab: boolean, upregulation: 'synthesis' | 'chaperone',
  pkValues: Record<string, number>,
) {
  const spec = FIT[persistence];
  // Upregulation matters for occupancy only through the degradation of bound receptors, but it does matter (most under
  // slow dissociation, where receptor turnover can outlast the complex), so every combination is fitted.
  const hyp: Hypotheses = { persistence, metabolite_occupancy: metab, upregulation, tlr4: 'published' };
  const toParams = (x: number[]) => {
    const fitted: Record<string, number> = {};
    spec.free.forEach((id, i) => {
      const [lo, hi] = RANGE[id];
      fitted[id] = Math.min(hi, Math.max(lo, Math.exp(x[i])));
    });
    return { ...pkValues, ...fitted, ...spec.tie(fitted) };
  };
  const f = (x: number[]) => {
    try {
      return objective(predictOccupancy(hyp, toParams(x)));
    } catch {
      return 1e6;
    }
  };
  // Two restarts from the best point shake the simplex out of a collapsed state.
  let best = nelderMead(f, spec.free.map((id) => Math.log(spec.start[id])), 0.7, 120);
  best = nelderMead(f, best.x, 0.3, 120);
  best = nelderMead(f, best.x, 0.1, 80);
  const values = toParams(best.x);
  const pred = predictOccupancy(hyp, values);
  const nRes = pet.length + lee.length;
  return { values, rmse: Math.sqrt(objective(pred) / nRes), pred };
}

// ── 3. TLR4 apparent potency ─────────────────────────────────────────────────────────────────────────────
export function ldnIl6DailyMeanDay28(hyp: Hypotheses, params: Record<string, number>): number {
  const doses = Array.from({ length: 28 }, (_, i) => ({ time_h: 22 + 24 * i, amount_mg: 4.5 }));
  const r = run(hyp, params, doses, 28 * 24 + 24, 0.25);
  const il6 = r.observables.il6_rel;
  const from = Math.round((27 * 24) / 0.25);
  let s = 0;
  for (let k = from; k < from + 96; k++) s += il6[k];
  return s / 96;
}

function calibrateTlr4(binding: Record<string, number>): Record<string, number> {
  let lo = Math.log(1e-2);
  let hi = Math.log(2e5);
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    const mean = ldnIl6DailyMeanDay28(DEFAULT_HYPOTHESES, { ...binding, tlr4_ic50_nm: Math.exp(mid) });
    if (mean < 0.8) lo = mid; else hi = mid; // larger IC50 → weaker effect → higher IL-6
  }
  return { tlr4_ic50_nm: Math.exp((lo + hi) / 2) };
}

function fmt(v: number): string {
  return Number(v.toPrecision(6)).toString();
}

function main(): void {
  const t0 = Date.now();
  const pkValues = calibratePk();
  console.log('PK', pkValues);
  const binding: Record<string, { values: Record<string, number>; rmse: number }> = {};
  const lines: string[] = [];
  for (const persistence of ['slow_dissociation', 'deep_tissue', 'metabolite'] as const) {
    for (const metab of [true, false]) for (const upregulation of ['synthesis', 'chaperone'] as const) {
      const key = `${persistence}|${metab ? 'metabolite_binds' : 'no_metabolite'}|${upregulation}`;
      const fit = fitBinding(persistence, metab, upregulation, pkValues);
      binding[key] = fit;
      const report = `${key}: rmse ${fit.rmse.toFixed(3)} pet ${fit.pred.pet.map((v) => v.toFixed(2)).join(' ')} | lee ${fit.pred.lee.map((v) => v.toFixed(2)).join(' ')} | 50mg daily trough ${fit.pred.dailyTrough.toFixed(3)}`;
      console.log(report, JSON.stringify(Object.fromEntries(Object.entries(fit.values).map(([k, v]) => [k, fmt(v)]))));
      lines.push(report);
    }
  }
  const defKey = calibrationKey(DEFAULT_HYPOTHESES);
  const tlr4 = calibrateTlr4(binding[defKey].values);
  console.log('TLR4 apparent', tlr4);

  const body = Object.entries(binding).map(([key, fit]) =>
    `    '${key}': {\n      values: { ${Object.entries(fit.values).map(([k, v]) => `${k}: ${fmt(v)}`).join(', ')} },\n      rmse: ${fmt(fit.rmse)},\n    },`,
  ).join('\n');
  const text = `/**
 * GENERATED by scripts/calibrate.ts on ${new Date().toISOString().slice(0, 10)} — do not edit by hand; re-run \`npx tsx scripts/calibrate.ts\`.
 * Each persistence × metabolite-occupancy × upregulation set is fitted to the same human occupancy data (Rabiner 2011 PET peak vs
 * dose via Trøstheim 2022; Lee 1988 J Nucl Med 29:1207 time course after 50 mg). PK values are common to all sets.
 * Fit summary (occupancy, model):
${lines.map((l) => ` *   ${l}`).join('\n')}
 */
export interface BindingFit {
  readonly values: Readonly<Record<string, number>>;
  /** Root-mean-square occupancy error over the ${pet.length + lee.length} data points (fraction). */
  readonly rmse: number;
}

export const CALIBRATION: {
  readonly binding: Readonly<Record<string, BindingFit>>;
  readonly tlr4Apparent: Readonly<Record<string, number>>;
} = {
  binding: {
${body}
  },
  tlr4Apparent: { tlr4_ic50_nm: ${fmt(tlr4.tlr4_ic50_nm)} },
};
`;
  writeFileSync(join(root, 'models/calibration.ts'), text);
  console.log(`wrote models/calibration.ts in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
