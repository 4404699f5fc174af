import { describe, expect, it } from 'vitest';
import { omegaForCv, sampleParameters } from '../../../src/engine/population/sampleParameters';
import { createRng } from '../../../src/engine/population/createRng';
import type { ParameterSpec } from '../../../models/types';

const spec = (id: string, value: number, min: number, max: number): ParameterSpec =>
  ({ id, value, unit: '1/h', min, max, source: 'test', meaning: 'test', group: 'pk' });

describe('sampleParameters', () => {
  it('draws log-normal values with median θ and the requested CV (N = 20,000)', () => {
    const params = [spec('a', 2, 1e-6, 1e6), spec('b', 50, 1e-6, 1e6)];
    const N = 20_000;
    const out = new Float64Array(N * 2);
    sampleParameters(new Float64Array([2, 50]), params, [{ index: 0, id: 'a', cv: 0.3 }, { index: 1, id: 'b', cv: 0.8 }], N, createRng(5), out);
    for (const [j, theta, cv] of [[0, 2, 0.3], [1, 50, 0.8]] as const) {
      const logs = Array.from({ length: N }, (_, s) => Math.log(out[s * 2 + j]));
      const mean = logs.reduce((a, b) => a + b, 0) / N;
      const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (N - 1));
      const omega = omegaForCv(cv); // sqrt(ln(1 + CV²)): 0.2936 for 30 %, 0.7030 for 80 %
      // ln θ_i ~ N(ln θ, ω²): SE of the mean ω/√N, SE of the sd ≈ ω/√(2N); allow 4 SE.
      expect(Math.abs(mean - Math.log(theta))).toBeLessThan((4 * omega) / Math.sqrt(N));
      expect(Math.abs(sd - omega)).toBeLessThan((4 * omega) / Math.sqrt(2 * N));
      // And the CV of θ itself is the CV asked for: CV² = e^{ω²} − 1 (checked on the formula).
      expect(Math.sqrt(Math.expm1(omega * omega))).toBeCloseTo(cv, 12);
    }
  });

  it('keeps every value inside the parameter range (truncated log-normal)', () => {
    const params = [spec('k', 1, 0.8, 1.25)];
    const out = new Float64Array(5000);
    sampleParameters(new Float64Array([1]), params, [{ index: 0, id: 'k', cv: 1 }], 5000, createRng(9), out);
    for (const v of out) {
      expect(v).toBeGreaterThanOrEqual(0.8);
      expect(v).toBeLessThanOrEqual(1.25);
    }
  });
});
