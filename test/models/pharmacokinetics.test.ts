import { describe, expect, it } from 'vitest';
// Reference values: public/data/naltrexone_pk_50mg.csv (US label; Swiss product information; Meyer 1984).
import { createModel, withDerived } from '../../models/index';
import { at, maxOver, runDoses } from './simulateHelpers';


describe('pharmacokinetics after a single 50 mg tablet', () => {
  const run = runDoses([{ time_h: 0, amount_mg: 50 }], 72, 0.05);

  it('reaches a naltrexone Cmax of 13.3 ng/mL (Swiss product information) within 15 %, near 1 h', () => {
    const cmax = maxOver(run, 'naltrexone_ng_per_ml', 0, 12);
    expect(Math.abs(cmax - 13.3) / 13.3).toBeLessThan(0.15);
    const k = run.o.naltrexone_ng_per_ml.indexOf(cmax);
    expect(run.t[k]).toBeGreaterThan(0.5);
    expect(run.t[k]).toBeLessThan(2);
  });

  it('reaches a 6β-naltrexol Cmax of ~108 ng/mL (Swiss product information) within 15 %, within 3 h', () => {
    const cmax = maxOver(run, 'naltrexol_ng_per_ml', 0, 12);
    expect(Math.abs(cmax - 108) / 108).toBeLessThan(0.15);
    const k = run.o.naltrexol_ng_per_ml.indexOf(cmax);
    expect(run.t[k]).toBeLessThan(3);
  });

  it('eliminates naltrexone with t½ ≈ 4 h (US label) and 6β-naltrexol with t½ ≈ 13 h (label; ~12 h Meyer 1984)', () => {
    // log-linear slope between 8 and 16 h (post-absorption) for NTX, 24 and 48 h for 6BN
    const tNtx = (8 * Math.LN2) / Math.log(at(run, 'naltrexone_ng_per_ml', 8) / at(run, 'naltrexone_ng_per_ml', 16));
    const tBn = (24 * Math.LN2) / Math.log(at(run, 'naltrexol_ng_per_ml', 24) / at(run, 'naltrexol_ng_per_ml', 48));
    expect(tNtx).toBeGreaterThan(3.5);
    expect(tNtx).toBeLessThan(4.5);
    expect(tBn).toBeGreaterThan(11.5);
    expect(tBn).toBeLessThan(14.5);
  });
});

describe('pharmacokinetic linearity', () => {
  it('scales plasma concentrations exactly with dose (linear PK: 4.5 mg is 9 % of 50 mg at every time)', () => {
    const a = runDoses([{ time_h: 0, amount_mg: 4.5 }], 48, 0.5);
    const b = runDoses([{ time_h: 0, amount_mg: 50 }], 48, 0.5);
    for (let k = 2; k < a.t.length; k += 7) {
      for (const id of ['naltrexone_ng_per_ml', 'naltrexol_ng_per_ml']) {
        expect(a.o[id][k]).toBeCloseTo((b.o[id][k] * 4.5) / 50, 6);
      }
    }
  });

  it('superposes two doses: the curve of 4.5 mg at 0 h and 24 h is the sum of two shifted single-dose curves', () => {
    const two = runDoses([{ time_h: 0, amount_mg: 4.5 }, { time_h: 24, amount_mg: 4.5 }], 72, 0.5);
    const one = runDoses([{ time_h: 0, amount_mg: 4.5 }], 72, 0.5);
    const shift = 48; // 24 h on a 0.5 h grid
    for (let k = shift; k < two.t.length; k += 5) {
      const expected = one.o.naltrexol_ng_per_ml[k] + one.o.naltrexol_ng_per_ml[k - shift];
      expect(Math.abs(two.o.naltrexol_ng_per_ml[k] - expected)).toBeLessThan(1e-6 * Math.max(1, expected));
    }
  });
});

describe('mass balance', () => {
  it('keeps every dosed µmol of naltrexone in a compartment or eliminated, to 1e-9 of the dose', () => {
    const model = createModel();
    const p0 = new Float64Array(model.parameters.map((s) => s.value));
    const p = withDerived(model, p0);
    const y = new Float64Array(model.states.length);
    const dy = new Float64Array(model.states.length);
    model.init(p, y);
    const target = model.doseTargets.naltrexone;
    const dose = 50 * target.scale;
    y[target.state] += dose;
    // classic RK4 with a small step: exact conservation holds for any consistent integrator because d/dt Σ = 0
    const h = 0.01;
    const k1 = new Float64Array(y.length), k2 = new Float64Array(y.length), k3 = new Float64Array(y.length), k4 = new Float64Array(y.length);
    const tmp = new Float64Array(y.length);
    for (let i = 0; i < 200 * 100; i++) {
      model.rhs(0, y, p, k1);
      for (let j = 0; j < y.length; j++) tmp[j] = y[j] + 0.5 * h * k1[j];
      model.rhs(0, tmp, p, k2);
      for (let j = 0; j < y.length; j++) tmp[j] = y[j] + 0.5 * h * k2[j];
      model.rhs(0, tmp, p, k3);
      for (let j = 0; j < y.length; j++) tmp[j] = y[j] + h * k3[j];
      model.rhs(0, tmp, p, k4);
      for (let j = 0; j < y.length; j++) y[j] += (h / 6) * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
    }
    const total = model.massBalance.naltrexone.reduce((s, i) => s + y[i], 0);
    expect(Math.abs(total - dose) / dose).toBeLessThan(1e-9);
    // and the rate of change of the total is zero at any state
    model.rhs(0, y, p, dy);
    expect(Math.abs(model.massBalance.naltrexone.reduce((s, i) => s + dy[i], 0))).toBeLessThan(1e-12 * dose);
    void dy;
  });

  it('keeps every dosed mg of the co-medication agonist accounted for', () => {
    const model = createModel();
    const p0 = new Float64Array(model.parameters.map((s) => s.value));
    const p = withDerived(model, p0);
    const y = new Float64Array(model.states.length).fill(0.3);
    const dy = new Float64Array(model.states.length);
    model.rhs(0, y, p, dy);
    const rate = model.massBalance.agonist.reduce((s, i) => s + dy[i], 0);
    expect(Math.abs(rate)).toBeLessThan(1e-15);
  });
});

describe('pharmacokinetics at the edges of the parameter ranges', () => {
  it('never lets the first-pass split exceed the dose: F = 0.4 with presystemic 6BN 0.9 keeps every elimination flux ≥ 0', () => {
    const model = createModel();
    const p0 = new Float64Array(model.parameters.map((s) => s.value));
    p0[model.parameters.findIndex((s) => s.id === 'ntx_f_oral')] = 0.4;
    p0[model.parameters.findIndex((s) => s.id === 'ntx_f_presys_6bn')] = 0.9;
    const p = withDerived(model, p0);
    const y = new Float64Array(model.states.length);
    const dy = new Float64Array(model.states.length);
    model.init(p, y);
    y[model.doseTargets.naltrexone.state] = 100;
    model.rhs(0, y, p, dy);
    const elim = model.states.findIndex((s) => s.id === 'ntx_eliminated');
    expect(dy[elim]).toBeGreaterThanOrEqual(0);
    expect(Math.abs(model.massBalance.naltrexone.reduce((s, i) => s + dy[i], 0))).toBeLessThan(1e-12);
  });
});
