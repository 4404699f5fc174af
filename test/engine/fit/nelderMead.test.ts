import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../../src/engine/fit/nelderMead';

describe('nelderMead()', () => {
  it('finds the minimum of the Rosenbrock function at (1, 1) (the classic test, Lagarias 1998)', () => {
    const r = nelderMead(([x, y]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1], { maxEvaluations: 2000 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });

  it('treats a non-finite objective as a bad point instead of failing', () => {
    const r = nelderMead(([x]) => (x < 0 ? NaN : (x - 2) ** 2), [1], { step: 0.5 });
    expect(r.x[0]).toBeCloseTo(2, 5);
  });
});
