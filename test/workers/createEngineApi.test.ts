import { describe, expect, it } from 'vitest';
import { expose, wrap } from 'comlink';
import { createEngineApi, type EngineFunctions } from '../../workers/createEngineApi';
import type { EngineWorkerApi } from '../../workers/protocol';
import type { SimulationResult } from '../../src/engine/result';
import type { PopulationResult } from '../../src/engine/population/simulatePopulation';
import { simulatePopulation } from '../../src/engine/population/simulatePopulation';
import { simulate } from '../../src/engine/index';
import { localSensitivity } from '../../src/engine/sensitivity';
import { fitToData } from '../../src/engine/fit/fitToData';

/** The worker's API exposed on one end of a MessageChannel, wrapped on the other (comlink's own test set-up). */
function connect(partial: Partial<EngineFunctions>) {
  const unused = (): never => {
    throw new Error('not used by this test');
  };
  const engine: EngineFunctions = { simulate: unused, simulatePopulation: unused, localSensitivity: unused, fitToData: unused, ...partial };
  const { port1, port2 } = new MessageChannel();
  expose(createEngineApi(engine), port2);
  const remote = wrap<EngineWorkerApi>(port1);
  return { remote, close: () => { port1.close(); port2.close(); } };
}

function resultWith(time_h: Float64Array, observables: Record<string, Float64Array>): SimulationResult {
  return {
    status: { code: 'ok', message: '' },
    time_h,
    observables,
    metrics: { cmax: 1.5 },
    doses: [{ time_h: 0, amount_mg: 4.5 }],
    agonistDoses: [],
    stats: { steps: 3, rejected: 0, rhsEvals: 19, jacEvals: 0, decompositions: 0 },
  };
}

describe('createEngineApi (the worker side, over a MessageChannel)', () => {
  it('simulate() hands the scenario to the engine untouched and returns its result', async () => {
    const seen: unknown[] = [];
    const { remote, close } = connect({
      simulate: (s) => {
        seen.push(s);
        return resultWith(Float64Array.of(0, 0.5), { mor_occupancy: Float64Array.of(0, 0.25) });
      },
    });
    const scenario = { version: 1, duration_h: 1, output_step_h: 0.5, regimen: { doses: [] } };
    const r = await remote.simulate(scenario);
    expect(seen).toEqual([scenario]);
    expect(r.time_h).toBeInstanceOf(Float64Array);
    expect(Array.from(r.time_h)).toEqual([0, 0.5]);
    expect(Array.from(r.observables.mor_occupancy)).toEqual([0, 0.25]);
    expect(r.metrics).toEqual({ cmax: 1.5 });
    expect(r.doses).toEqual([{ time_h: 0, amount_mg: 4.5 }]);
    close();
  });

  it('transfers every result buffer instead of copying it: the worker’s arrays are detached after the answer', async () => {
    const time_h = new Float64Array(1000).fill(1);
    const occ = new Float64Array(1000).fill(0.5);
    const { remote, close } = connect({ simulate: () => resultWith(time_h, { mor_occupancy: occ }) });
    const r = await remote.simulate({});
    expect(time_h.byteLength).toBe(0); // a transferred buffer is detached on the sending side
    expect(occ.byteLength).toBe(0);
    expect(r.time_h.length).toBe(1000);
    expect(r.observables.mor_occupancy[999]).toBe(0.5);
    close();
  });

  it('transfers a buffer shared by two observables once, keeping both views', async () => {
    const buffer = new ArrayBuffer(4 * 8);
    const all = new Float64Array(buffer);
    all.set([1, 2, 3, 4]);
    const a = new Float64Array(buffer, 0, 2);
    const b = new Float64Array(buffer, 16, 2);
    const { remote, close } = connect({ simulate: () => resultWith(Float64Array.of(0, 1), { a, b }) });
    const r = await remote.simulate({});
    expect(Array.from(r.observables.a)).toEqual([1, 2]);
    expect(Array.from(r.observables.b)).toEqual([3, 4]);
    expect(r.observables.a.buffer).toBe(r.observables.b.buffer); // still one buffer on the page side
    close();
  });

  it('ping() answers with the protocol version and the worker clock', async () => {
    const { remote, close } = connect({ simulate: () => { throw new Error('unused'); } });
    const reply = await remote.ping();
    expect(reply.protocol).toBe(1);
    expect(reply.at_ms).toBeGreaterThan(0);
    close();
  });

  it('an exception in the engine reaches the caller as a rejection carrying its message', async () => {
    const { remote, close } = connect({ simulate: () => { throw new RangeError('negative volume'); } });
    await expect(remote.simulate({})).rejects.toThrow('negative volume');
    close();
  });

  it('population() passes scenario and options through and transfers the bands, the grid and the sampled parameters', async () => {
    const seen: unknown[] = [];
    const time_h = Float64Array.of(0, 1);
    const p5 = Float64Array.of(0.1, 0.2);
    const p95 = Float64Array.of(0.3, 0.4);
    const cl = Float64Array.of(90, 110, 100);
    const summary: PopulationResult = {
      status: { code: 'ok', message: '' },
      time_h,
      bands: { mor_occupancy: { '5': p5, '95': p95 } },
      percentiles: [5, 95],
      parameters: { ntx_cl: cl },
      subjects: 3,
      failed: 0,
      rhsEvals: 42,
    };
    const { remote, close } = connect({
      simulatePopulation: (scenario, options) => {
        seen.push(scenario, options);
        return summary;
      },
    });
    const options = { subjects: 3, seed: 7, variability: { ntx_cl: 0.3 } };
    const r = await remote.population({ version: 1 }, options);
    expect(seen).toEqual([{ version: 1 }, options]);
    expect(Array.from(r.bands.mor_occupancy['95'])).toEqual([0.3, 0.4]);
    expect(Array.from(r.parameters.ntx_cl)).toEqual([90, 110, 100]);
    expect([time_h, p5, p95, cl].map((a) => a.byteLength)).toEqual([0, 0, 0, 0]); // all moved, none copied
    close();
  });

  it('leaves the real engine intact after its buffers were transferred: the same call twice gives the same bits', async () => {
    // Transferring detaches buffers in the worker; if the engine kept one (a cache, a shared constant), its next
    // call would read a detached (empty) array. Run each call twice and compare.
    const { remote, close } = connect({ simulate, simulatePopulation });
    const scenario = { version: 1, duration_h: 24, output_step_h: 1, regimen: '4.5 mg q24h x 1 at 22:00' };
    const [a, b] = [await remote.simulate(scenario), await remote.simulate(scenario)];
    expect(a.status.code).toBe('ok');
    expect(a.time_h.length).toBe(25);
    for (const id of Object.keys(a.observables)) expect(Array.from(b.observables[id])).toEqual(Array.from(a.observables[id]));
    const bad = await remote.simulate({ ...scenario, output_step_h: 0 });
    const bad2 = await remote.simulate({ ...scenario, output_step_h: 0 });
    expect([bad.status.code, bad2.status.code]).toEqual(['INVALID_INPUT', 'INVALID_INPUT']);
    const options = { subjects: 20, seed: 3, variability: { ntx_cl: 0.3 } };
    const [p, q] = [await remote.population(scenario, options), await remote.population(scenario, options)];
    expect(p.status.code).toBe('ok');
    expect(Array.from(q.bands.mor_occupancy['50'])).toEqual(Array.from(p.bands.mor_occupancy['50']));
    expect((await remote.simulate(scenario)).time_h.length).toBe(25);
    close();
  });

  it('sensitivity() and fit() run the real engine and transfer their arrays (same numbers as a direct call)', async () => {
    const { remote, close } = connect({ localSensitivity, fitToData });
    const scenario = { version: 1, duration_h: 24, output_step_h: 0.5, regimen: '50 mg once' };
    const options = { parameterIds: ['ntx_f_oral'], metricIds: ['ntx_auc_ng_h_per_ml'] };
    const s = await remote.sensitivity(scenario, options);
    expect(s.status.code).toBe('ok');
    expect(Array.from(s.coefficients)).toEqual(Array.from(localSensitivity(scenario, options).coefficients));
    // AUC ∝ F in linear PK: S = 1
    expect(s.coefficients[0]).toBeCloseTo(1, 4);
    const truth = simulate({ ...scenario, parameters: { ntx_cl: 120 } });
    const data = [2, 4, 8, 12].map((t) => ({ time_h: t, observable: 'naltrexone_ng_per_ml', value: truth.observables.naltrexone_ng_per_ml[t * 2] }));
    const f = await remote.fit(scenario, data, { parameterIds: ['ntx_cl'], residualScale: 'log' });
    expect(f.status.code).toBe('ok');
    expect(f.estimates.ntx_cl / 120).toBeCloseTo(1, 2);
    expect(f.predictions).toBeInstanceOf(Float64Array);
    expect(f.predictions.length).toBe(4);
    close();
  });
});
