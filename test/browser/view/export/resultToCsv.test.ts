import { describe, expect, it } from 'vitest';
import * as d3 from 'd3';
import { resultToCsv } from '../../../../src/view/export/resultToCsv';
import type { SimulationResult } from '../../../../src/engine/result';

describe('resultToCsv()', () => {
  it('writes the contract header and values that parse back to exactly the same numbers', () => {
    const t = Float64Array.from([0, 0.1, 0.2]);
    const c = Float64Array.from([0, 1 / 3, 1e-17]);
    const o = Float64Array.from([0, 0.123456789012345, 0.999999999]);
    const r = { status: { code: 'ok', message: '' }, time_h: t, observables: { naltrexone_ng_per_ml: c, mor_occupancy: o }, metrics: {}, doses: [], agonistDoses: [], stats: {} } as unknown as SimulationResult;
    const rows = d3.csvParse(resultToCsv(r));
    expect(rows.columns).toEqual(['time_h', 'naltrexone_ng_per_ml', 'mor_occupancy']);
    expect(rows.map((x) => Number(x.naltrexone_ng_per_ml))).toEqual([...c]);
    expect(rows.map((x) => Number(x.mor_occupancy))).toEqual([...o]);
    expect(rows.map((x) => Number(x.time_h))).toEqual([...t]);
  });
});
