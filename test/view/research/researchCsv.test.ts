import { describe, expect, it } from 'vitest';
import { bandsToCsv, comparisonToCsv, sensitivitiesToCsv } from '../../../src/view/research/researchCsv';
import type { PopulationResult } from '../../../src/engine/population/simulatePopulation';
import type { SensitivityResult } from '../../../src/engine/sensitivity';
import type { SimulationResult } from '../../../src/engine/result';

const ok = { code: 'ok', message: '' } as const;

describe('research CSV exports', () => {
  it('comparisonToCsv() writes one row per set with the settings as comments and blanks for missing metrics', () => {
    const result = { status: ok, metrics: { a: 0.1 + 0.2, b: NaN } } as unknown as SimulationResult;
    expect(comparisonToCsv([{ persistence: 'metabolite', upregulation: 'chaperone', result }], ['a', 'b', 'c'], ['scenario: x'])).toBe(
      '# scenario: x\npersistence,upregulation,status,a,b,c\nmetabolite,chaperone,ok,0.30000000000000004,,\n',
    );
  });

  it('bandsToCsv() writes time and each percentile, round-trip exact', () => {
    const r = {
      time_h: Float64Array.from([0, 0.5]), percentiles: [5, 50, 95],
      bands: { x: { 5: Float64Array.from([1, 2]), 50: Float64Array.from([1 / 3, 2]), 95: Float64Array.from([4, 5]) } },
    } as unknown as PopulationResult;
    const csv = bandsToCsv(r, 'x');
    expect(csv).toBe('time_h,p5,p50,p95\n0,1,0.3333333333333333,4\n0.5,2,2,5\n');
    expect(Number(csv.split('\n')[1].split(',')[2])).toBe(1 / 3);
  });

  it('sensitivitiesToCsv() unrolls the row-major coefficients, one parameter per line', () => {
    const r = { parameterIds: ['p', 'q'], metricIds: ['m1', 'm2'], coefficients: Float64Array.from([1, 2, NaN, -0.5]) } as unknown as SensitivityResult;
    expect(sensitivitiesToCsv(r)).toBe('parameter,m1,m2\np,1,2\nq,,-0.5\n');
  });
});
