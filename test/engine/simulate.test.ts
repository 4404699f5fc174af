import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { simulate, prepareSimulation, runPrepared, type PreparedSimulation } from '../../src/engine/simulate';
import { outputGrid } from '../../src/engine/outputGrid';
import type { Model } from '../../models/types';
import { batemanModel, batemanConcentration } from './testModels';

function prepared(model: Model, doses: { time_h: number; amount_mg: number }[], duration: number, step: number, rtol = 1e-10): PreparedSimulation {
  const scenario = { version: 1 as const, duration_h: duration, output_step_h: step, regimen: { doses } };
  return {
    scenario,
    resolved: { scenario, doses, agonistDoses: [] },
    model,
    p: Float64Array.from(model.parameters.map((s) => s.value)),
    grid: outputGrid(duration, step),
    options: { rtol, atol: 1e-14, method: 'dopri5' },
  };
}

describe('simulate() event handling', () => {
  it('stops exactly at each dose time: doses off the grid match the closed-form superposition to 1e-8', () => {
    const model = batemanModel();
    // dose times deliberately between grid points and close together
    const doses = [
      { time_h: 0, amount_mg: 4.5 },
      { time_h: 7.3, amount_mg: 3 },
      { time_h: 7.31, amount_mg: 1.5 },
      { time_h: 30.123, amount_mg: 50 },
    ];
    const r = runPrepared(prepared(model, doses, 72, 0.5));
    expect(r.status.code).toBe('ok');
    const c = r.observables.conc;
    let worst = 0;
    for (let k = 0; k < r.time_h.length; k++) {
      const exact = batemanConcentration(r.time_h[k], doses, 1.2, 0.17, 10);
      if (exact > 1e-6) worst = Math.max(worst, Math.abs(c[k] - exact) / exact);
    }
    expect(worst).toBeLessThan(1e-8);
  });

  it('adds doses given at the same time', () => {
    const model = batemanModel();
    const a = runPrepared(prepared(model, [{ time_h: 2, amount_mg: 1 }, { time_h: 2, amount_mg: 2 }], 24, 1));
    const b = runPrepared(prepared(model, [{ time_h: 2, amount_mg: 3 }], 24, 1));
    for (let k = 0; k < a.time_h.length; k++) expect(a.observables.conc[k]).toBeCloseTo(b.observables.conc[k], 12);
  });

  it('shows the state just before a dose at a grid point that coincides with the dose (left limit)', () => {
    const model = batemanModel();
    const r = runPrepared(prepared(model, [{ time_h: 5, amount_mg: 10 }], 10, 1));
    expect(r.observables.conc[5]).toBe(0); // nothing absorbed yet at t = 5
    expect(r.observables.conc[6]).toBeGreaterThan(0);
  });

  it('returns NONFINITE with t and the observable, and only the finite prefix, when a model blows up', () => {
    const base = batemanModel();
    const broken: Model = { ...base, observe: (t, y, p, out) => { out[0] = t > 3.2 ? NaN : y[1] / p[2]; } };
    const r = runPrepared(prepared(broken, [{ time_h: 0, amount_mg: 1 }], 10, 0.5));
    expect(r.status.code).toBe('NONFINITE');
    expect(r.status.variable).toBe('conc');
    expect(r.status.t).toBe(3.5);
    expect(r.time_h.length).toBe(7); // 0 … 3.0 h
    expect(Array.from(r.observables.conc).every(Number.isFinite)).toBe(true);
  });
});

describe('simulate() on the LDN model', () => {
  const example = JSON.parse(readFileSync('scenarios/single-50mg-7d.json', 'utf8'));

  it('is deterministic: two runs are bitwise identical', () => {
    const a = simulate(example);
    const b = simulate(example);
    expect(a.status.code).toBe('ok');
    for (const id of Object.keys(a.observables)) expect(Buffer.from(a.observables[id].buffer)).toEqual(Buffer.from(b.observables[id].buffer));
  });

  it('integrates only the states the model reports live, with results bit for bit those of all 23 states', () => {
    // Model.liveStates: the optional states (tight complex, deep tissue, co-medication) are exactly 0 unless switched
    // on. One scenario per switch, plus the default; each is run with and without pruning and compared byte by byte.
    const scenarios = [
      { version: 1, duration_h: 96, output_step_h: 0.5, regimen: '4.5 mg q24h x 4' },
      { version: 1, duration_h: 96, output_step_h: 0.5, regimen: '50 mg q24h x 4', solver: { method: 'dopri5' } },
      { version: 1, duration_h: 96, output_step_h: 0.5, regimen: '4.5 mg q24h x 4', solver: { method: 'rodas4' } },
      { version: 1, duration_h: 96, output_step_h: 0.5, regimen: '4.5 mg q24h x 4', hypotheses: { persistence: 'slow_dissociation' } },
      { version: 1, duration_h: 96, output_step_h: 0.5, regimen: '4.5 mg q24h x 4', hypotheses: { persistence: 'deep_tissue' } },
      { version: 1, duration_h: 96, output_step_h: 0.5, regimen: '4.5 mg q24h x 4', parameters: { ntx_q_deep: 5 } },
      { version: 1, duration_h: 96, output_step_h: 0.5, regimen: '4.5 mg q24h x 4', comedication: { drug: 'morphine', regimen: '10 mg q8h x 12', dependent: true } },
    ];
    const lives: number[] = [];
    for (const sc of scenarios) {
      const prep = prepareSimulation(sc);
      if (!prep.ok) throw new Error(prep.status.message);
      const pruned = runPrepared(prep.prepared);
      const full = runPrepared(prep.prepared, undefined, { allStates: true });
      expect(pruned.status.code).toBe('ok');
      expect(pruned.stats).toEqual(full.stats);
      for (const id of Object.keys(full.observables)) {
        expect(Buffer.from(pruned.observables[id].buffer)).toEqual(Buffer.from(full.observables[id].buffer));
      }
      const m = prep.prepared.model;
      const p = new Float64Array(m.parameters.length + (m.derivedCount ?? 0));
      p.set(prep.prepared.p);
      m.derive?.(p);
      lives.push(m.liveStates!(p, sc.comedication ? ['naltrexone', 'agonist'] : ['naltrexone']));
    }
    // default 16 of 23; tight complex +1; deep-tissue hypothesis (brain pool only) 16; Q_deep > 0: 18; co-medication all
    expect(lives).toEqual([16, 16, 16, 17, 16, 18, 23]);

    // The stiff case the auto method hands to RODAS4 (fast binding, koff 1000/h): same bits, same switches.
    const prep = prepareSimulation(scenarios[0]);
    if (!prep.ok) throw new Error(prep.status.message);
    const p = prep.prepared.p.slice();
    for (const id of ['ntx_koff', 'bn_koff']) p[prep.prepared.model.parameters.findIndex((s) => s.id === id)] = 1000;
    const pruned = runPrepared(prep.prepared, p);
    const full = runPrepared(prep.prepared, p, { allStates: true });
    expect(pruned.stats.jacEvals).toBeGreaterThan(0);
    expect(pruned.stats).toEqual(full.stats);
    for (const id of Object.keys(full.observables)) {
      expect(Buffer.from(pruned.observables[id].buffer)).toEqual(Buffer.from(full.observables[id].buffer));
    }
  });

  it('emits every contract observable on the output grid', () => {
    const r = simulate(example);
    for (const id of ['naltrexone_ng_per_ml', 'naltrexol_ng_per_ml', 'mor_occupancy', 'mor_density_rel', 'endorphin_rel',
      'opioid_signal_rel', 'microglia_activation', 'il6_rel', 'tnf_rel']) {
      expect(r.observables[id], id).toBeInstanceOf(Float64Array);
      expect(r.observables[id].length).toBe(r.time_h.length);
    }
    expect(r.time_h.length).toBe(Math.round(example.duration_h / example.output_step_h) + 1);
  });

  it('refuses a bad scenario with INVALID_INPUT naming the field, and empty arrays', () => {
    const r = simulate({ ...example, duration_h: -5 });
    expect(r.status.code).toBe('INVALID_INPUT');
    expect(r.status.field).toBe('duration_h');
    expect(r.time_h.length).toBe(0);
  });

  it('refuses a parameter override outside its range, naming the parameter', () => {
    const r = simulate({ ...example, parameters: { ntx_cl: -1 } });
    expect(r.status.code).toBe('INVALID_INPUT');
    expect(r.status.field).toContain('ntx_cl');
  });

  it('applies a user override on top of the calibrated defaults (halving F halves the naltrexone AUC: linear PK)', () => {
    const prep = prepareSimulation(example);
    if (!prep.ok) throw new Error(prep.status.message);
    const i = prep.prepared.model.parameters.findIndex((s) => s.id === 'ntx_f_oral');
    const f = prep.prepared.p[i];
    const a = simulate(example).metrics.ntx_auc_ng_h_per_ml;
    const b = simulate({ ...example, parameters: { ntx_f_oral: f / 2 } }).metrics.ntx_auc_ng_h_per_ml;
    expect(b / a).toBeCloseTo(0.5, 4);
  });
});

describe('dependenceRunIn()', () => {
  it('repeats the first agonist dose at the first interval for 28 days before the first dose, whatever the duration', async () => {
    const { dependenceRunIn, DEPENDENCE_RUN_IN_H } = await import('../../src/engine/simulate');
    const pre = dependenceRunIn([{ time_h: 0, amount_mg: 10 }, { time_h: 4, amount_mg: 10 }]);
    expect(pre.length).toBe(DEPENDENCE_RUN_IN_H / 4); // 168 doses q4h over 672 h
    expect(pre[0].time_h).toBe(-DEPENDENCE_RUN_IN_H);
    expect(pre[pre.length - 1].time_h).toBe(-4);
    expect(pre.every((d) => d.amount_mg === 10)).toBe(true);
    // a single dose: daily
    expect(dependenceRunIn([{ time_h: 8, amount_mg: 30 }]).length).toBe(28);
  });

  it('makes a short (48 h) dependent scenario start adapted: receptor signal from morphine is already in place at t = 0', () => {
    const base = { version: 1, duration_h: 48, output_step_h: 1, regimen: '50 mg q24h x 2 at 08:00' };
    const dep = simulate({ ...base, comedication: { drug: 'morphine', regimen: '10 mg q4h x 12', dependent: true } });
    const naive = simulate({ ...base, comedication: { drug: 'morphine', regimen: '10 mg q4h x 12', dependent: false } });
    expect(dep.status.code).toBe('ok');
    // At t = 0 the dependent patient carries morphine from the run-in; the naive one has none.
    expect(dep.observables.agonist_ng_per_ml[0]).toBeGreaterThan(0);
    expect(naive.observables.agonist_ng_per_ml[0]).toBe(0);
  });
});
