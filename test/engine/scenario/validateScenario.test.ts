import { describe, expect, it } from 'vitest';
import type { ParameterSpec } from '../../../models/types';
import { validateScenario, type ValidationResult } from '../../../src/engine/scenario/validateScenario';
import { SCENARIO_LIMITS } from '../../../src/engine/scenario/limits';

const base = { version: 1, duration_h: 48, output_step_h: 1, regimen: '4.5 mg q24h x 2 at 22:00' };

/** Two parameters shaped like models/types.ts ParameterSpec, so overrides can be checked without the model. */
const specs: ParameterSpec[] = [
  { id: 'ka', value: 1, unit: '1/h', min: 0.1, max: 5, source: 'assumed; test', meaning: 'absorption rate constant', group: 'pk' },
  { id: 'kon', value: 1, unit: '1/(nM·h)', min: 0.01, max: 100, source: 'assumed; test', meaning: 'association rate', group: 'binding' },
];

function refused(input: unknown, field: string, pattern?: RegExp): string {
  const r: ValidationResult = validateScenario(input, { parameterSpecs: specs });
  if (r.ok) throw new Error(`expected ${field} to be refused`);
  expect(r.status.code).toBe('INVALID_INPUT');
  expect(r.status.field).toBe(field);
  expect(r.status.message.startsWith(`${field}: `)).toBe(true);
  if (pattern) expect(r.status.message).toMatch(pattern);
  return r.status.message;
}

describe('validateScenario', () => {
  it('accepts a minimal scenario and expands its regimen string into doses within [0, duration_h]', () => {
    const r = validateScenario(base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario).toEqual(base);
    // 22 h and 46 h are inside 48 h.
    expect(r.resolved.doses).toEqual([{ time_h: 22, amount_mg: 4.5 }, { time_h: 46, amount_mg: 4.5 }]);
    expect(r.resolved.agonistDoses).toEqual([]);
  });

  it('drops regimen doses after duration_h and keeps a dose exactly at duration_h', () => {
    const r = validateScenario({ ...base, duration_h: 46, regimen: '1 mg q23h x 5' });
    // 0, 23, 46 are in [0, 46]; 69 and 92 are not.
    expect(r.ok && r.resolved.doses.map((d) => d.time_h)).toEqual([0, 23, 46]);
  });

  it('sorts an explicit dose list and combines doses at the same time', () => {
    const r = validateScenario({ ...base, regimen: { doses: [
      { time_h: 24, amount_mg: 1 }, { time_h: 0, amount_mg: 2 }, { time_h: 24, amount_mg: 0.5 },
    ] } });
    expect(r.ok && r.resolved.doses).toEqual([{ time_h: 0, amount_mg: 2 }, { time_h: 24, amount_mg: 1.5 }]);
    // The scenario itself keeps the list as written (so it round-trips exactly).
    expect(r.ok && r.scenario.regimen).toEqual({ doses: [
      { time_h: 24, amount_mg: 1 }, { time_h: 0, amount_mg: 2 }, { time_h: 24, amount_mg: 0.5 },
    ] });
  });

  it('accepts an empty dose list and "none" (no drug)', () => {
    expect(validateScenario({ ...base, regimen: { doses: [] } }).ok).toBe(true);
    const r = validateScenario({ ...base, regimen: 'none' });
    expect(r.ok && r.resolved.doses).toEqual([]);
  });

  it('expands the co-medication regimen into agonistDoses', () => {
    const r = validateScenario({ ...base, comedication: { drug: 'morphine', regimen: '10 mg q4h x 20', dependent: true } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // q4h from 0: 0, 4, …, 48 → 13 doses inside 48 h (52 onward dropped).
    expect(r.resolved.agonistDoses).toHaveLength(13);
    expect(r.resolved.agonistDoses[12]).toEqual({ time_h: 48, amount_mg: 10 });
    expect(validateScenario({ ...base, comedication: null }).ok).toBe(true);
  });

  it('returns a frozen copy holding only the known keys, not the caller\'s object', () => {
    const input = { ...base, parameters: { ka: 2 } };
    const r = validateScenario(input, { parameterSpecs: specs });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario).not.toBe(input);
    expect(Object.isFrozen(r.scenario)).toBe(true);
    expect(Object.isFrozen(r.scenario.parameters)).toBe(true);
    expect(Object.isFrozen(r.resolved.doses)).toBe(true);
  });

  it('refuses a missing or unsupported version with the reason and what to write', () => {
    refused({ duration_h: 1 }, 'version', /missing.*"version": 1/);
    refused({ ...base, version: 2 }, 'version', /newer than this version/);
    refused({ ...base, version: 0 }, 'version', /not a known scenario version/);
    refused({ ...base, version: '1' }, 'version', /whole number 1, got "1"/);
  });

  it('refuses unknown keys at every level, naming the path and the allowed keys', () => {
    refused({ ...base, durations_h: 3 }, 'durations_h', /unknown key "durations_h".*allowed keys: version, name/);
    refused({ ...base, patient: { phenotype: 'normal', age: 40 } }, 'patient.age', /unknown key "age" in patient/);
    refused({ ...base, regimen: { doses: [{ time_h: 0, amount_mg: 1, route: 'iv' }] } }, 'regimen.doses[0].route');
    refused({ ...base, solver: { rtol: 1e-6, maxSteps: 5 } }, 'solver.maxSteps');
    refused({ ...base, comedication: { drug: 'morphine', regimen: 'none', extra: 1 } }, 'comedication.extra');
  });

  it('refuses __proto__, constructor and prototype keys anywhere', () => {
    refused(JSON.parse('{"version":1,"duration_h":1,"output_step_h":1,"regimen":"none","__proto__":{"polluted":1}}'), '__proto__', /not allowed/);
    refused(JSON.parse('{"version":1,"duration_h":1,"output_step_h":1,"regimen":"none","parameters":{"constructor":1}}'), 'parameters.constructor');
    refused(JSON.parse('{"version":1,"duration_h":1,"output_step_h":1,"regimen":{"doses":[{"prototype":1}]}}'), 'regimen.doses[0].prototype');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses wrong types, NaN and ±Infinity, naming the field and the allowed range', () => {
    refused({ ...base, duration_h: '48' }, 'duration_h', /expected the simulation length as a number \(more than 0 and at most 17520 h\), got "48"/);
    refused({ ...base, duration_h: NaN }, 'duration_h', /NaN is not a finite number/);
    refused({ ...base, duration_h: Infinity }, 'duration_h', /Infinity is not a finite number/);
    refused({ ...base, output_step_h: -Infinity }, 'output_step_h', /-Infinity/);
    refused({ ...base, regimen: 42 }, 'regimen', /expected a regimen string/);
    refused({ ...base, regimen: [] }, 'regimen', /got a list/);
    refused({ ...base, regimen: { doses: {} } }, 'regimen.doses', /expected a list of doses/);
    refused({ ...base, comedication: { drug: 'morphine', regimen: 'none', dependent: 'yes' } }, 'comedication.dependent');
    refused([], 'scenario', /JSON object/);
    refused(null, 'scenario');
    refused('{"version":1}', 'scenario');
  });

  it('refuses negative, zero and absurd values (the example of the brief: a dose of -5 mg)', () => {
    const doses = [{ time_h: 0, amount_mg: 4.5 }, { time_h: 24, amount_mg: 4.5 }, { time_h: 48, amount_mg: -5 }];
    refused({ ...base, duration_h: 72, regimen: { doses } }, 'regimen.doses[2].amount_mg', /-5 is out of range; a dose must be from 0.001 to 1000 mg/);
    refused({ ...base, regimen: { doses: [{ time_h: -1, amount_mg: 1 }] } }, 'regimen.doses[0].time_h', /from 0 to 17520 h/);
    refused({ ...base, regimen: { doses: [{ time_h: 0, amount_mg: 5000 }] } }, 'regimen.doses[0].amount_mg');
    refused({ ...base, duration_h: 0 }, 'duration_h', /more than 0/);
    refused({ ...base, duration_h: -48 }, 'duration_h');
    refused({ ...base, duration_h: SCENARIO_LIMITS.maxDurationH + 1 }, 'duration_h', /at most 17520 h/);
    refused({ ...base, output_step_h: 0 }, 'output_step_h');
    refused({ ...base, output_step_h: 49 }, 'output_step_h', /at most 48 h/);
    refused({ ...base, regimen: '-5 mg q24h x 2' }, 'regimen', /minus sign/);
    refused({ ...base, solver: { rtol: 0.5 } }, 'solver.rtol');
    refused({ ...base, solver: { method: 'euler' } }, 'solver.method', /"auto", "dopri5", "rodas4"/);
  });

  it('refuses an output grid of more than 200,000 points and says which step would fit', () => {
    // 17520 h / 0.05 h = 350,400 intervals → 350,401 points.
    refused({ ...base, duration_h: 17520, output_step_h: 0.05 }, 'output_step_h', /350401 output points.*at least 0\.087601 h/);
    // 17520 / 0.1 + 1 = 175,201 points: allowed.
    expect(validateScenario({ ...base, duration_h: 17520, output_step_h: 0.1 }).ok).toBe(true);
  });

  it('refuses too many listed doses before reading them', () => {
    const doses = Array.from({ length: SCENARIO_LIMITS.maxDoses + 1 }, () => ({ time_h: 0, amount_mg: 1 }));
    refused({ ...base, regimen: { doses } }, 'regimen.doses', /20001 doses listed; at most 20000/);
  });

  it('checks parameter overrides against the model: unknown ids (with a suggestion) and values outside [min, max]', () => {
    refused({ ...base, parameters: { kaa: 1 } }, 'parameters.kaa', /not a parameter of this model \(did you mean "ka"\?\)/);
    refused({ ...base, parameters: { ka: 50 } }, 'parameters.ka', /50 is out of range.*from 0.1 to 5 1\/h/);
    refused({ ...base, parameters: { ka: NaN } }, 'parameters.ka', /NaN/);
    const r = validateScenario({ ...base, parameters: { kon: 100, ka: 0.1 } }, { parameterSpecs: specs });
    expect(r.ok && r.scenario.parameters).toEqual({ ka: 0.1, kon: 100 });
  });

  it('takes the parameter table as a function of the hypotheses, for models whose parameters depend on them', () => {
    const byHypotheses = (h: { persistence?: string }) =>
      h.persistence === 'deep_tissue' ? [...specs, { ...specs[0], id: 'k_tissue' }] : specs;
    const deep = { ...base, hypotheses: { persistence: 'deep_tissue' }, parameters: { k_tissue: 1 } };
    expect(validateScenario(deep, { parameterSpecs: byHypotheses }).ok).toBe(true);
    const r = validateScenario({ ...deep, hypotheses: { persistence: 'metabolite' } }, { parameterSpecs: byHypotheses });
    expect(!r.ok && r.status.field).toBe('parameters.k_tissue');
    const boom = validateScenario(deep, { parameterSpecs: () => { throw new Error('no such combination'); } });
    expect(!boom.ok && boom.status.message).toBe('hypotheses: these hypotheses cannot be combined: no such combination.');
  });

  it('without parameter specs still requires snake_case ids and finite numbers', () => {
    expect(validateScenario({ ...base, parameters: { anything_goes: 3 } }).ok).toBe(true);
    const r = validateScenario({ ...base, parameters: { 'Bad Id': 3 } });
    expect(!r.ok && r.status.field).toBe('parameters["Bad Id"]');
  });

  it('checks hypotheses, patient and co-medication choices against their lists', () => {
    refused({ ...base, hypotheses: { persistence: 'magic' } }, 'hypotheses.persistence', /"slow_dissociation", "deep_tissue", "metabolite"/);
    refused({ ...base, hypotheses: { metabolite_occupancy: 'yes' } }, 'hypotheses.metabolite_occupancy');
    refused({ ...base, hypotheses: { cure: true } }, 'hypotheses.cure');
    refused({ ...base, patient: { phenotype: 'sick' } }, 'patient.phenotype', /"normal", "inflamed"/);
    refused({ ...base, comedication: { drug: 'heroin', regimen: 'none' } }, 'comedication.drug');
    refused({ ...base, comedication: { drug: 'morphine' } }, 'comedication.regimen', /missing/);
    refused({ ...base, comedication: { drug: 'morphine', regimen: '10 mg q4h' } }, 'comedication.regimen', /number of doses/);
    const r = validateScenario({ ...base, hypotheses: { persistence: 'metabolite', upregulation: 'chaperone', tlr4: 'apparent', metabolite_occupancy: false }, patient: { phenotype: 'inflamed' } });
    expect(r.ok).toBe(true);
  });

  it('refuses control characters and unpaired surrogates in names (they cannot round-trip through a link)', () => {
    refused({ ...base, name: 'a\u0000b' }, 'name', /control character/);
    refused({ ...base, description: 'x\ud800y' }, 'description', /unpaired surrogate/);
    refused({ ...base, name: 'x'.repeat(201) }, 'name', /at most 200/);
    expect(validateScenario({ ...base, name: 'LDN ☃ 😀', description: 'line 1\nline 2\ttab' }).ok).toBe(true);
  });

  it('never throws, even on hostile objects (throwing getters, proxies, class instances)', () => {
    const getter = { ...base };
    Object.defineProperty(getter, 'duration_h', { enumerable: true, get() { throw new Error('boom'); } });
    const r1 = validateScenario(getter);
    expect(!r1.ok && r1.status.code).toBe('INVALID_INPUT');
    const proxy = new Proxy({}, { ownKeys() { throw new Error('trap'); } });
    const r2 = validateScenario(proxy);
    expect(!r2.ok && r2.status.field).toBe('scenario');
    refused(new (class { version = 1; })(), 'scenario', /JSON object/);
    refused({ ...base, regimen: { doses: [new Date()] } }, 'regimen.doses[0]');
  });

  it('normalises -0 to 0 so that the JSON text of the result reads back identically', () => {
    const r = validateScenario({ ...base, regimen: { doses: [{ time_h: -0, amount_mg: 1 }] } });
    expect(r.ok && Object.is((r.scenario.regimen as { readonly doses: readonly { time_h: number }[] }).doses[0].time_h, 0)).toBe(true);
  });
});
