import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/population/createRng';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const xa = Array.from({ length: 100 }, () => a.uniform());
    const xb = Array.from({ length: 100 }, () => b.uniform());
    const xc = Array.from({ length: 100 }, () => c.uniform());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
  });

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12 (within 4 standard errors, N = 100,000)', () => {
    const rng = createRng(1);
    const N = 100_000;
    let s = 0, s2 = 0, outside = 0;
    for (let i = 0; i < N; i++) {
      const u = rng.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      s += u; s2 += u * u;
    }
    expect(outside).toBe(0);
    const mean = s / N, variance = s2 / N - mean * mean;
    // SE of the mean = sqrt(1/12 / N) ≈ 9.1e-4; SE of the variance ≈ sqrt((1/80 − 1/144)/N) ≈ 2.4e-4.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * 9.1e-4);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * 2.4e-4);
  });

  it('draws normals with mean 0 and variance 1 (within 4 standard errors, N = 100,000)', () => {
    const rng = createRng(2);
    const N = 100_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < N; i++) { const z = rng.normal(); s += z; s2 += z * z; }
    const mean = s / N, variance = s2 / N - mean * mean;
    // SE of the mean = 1/sqrt(N) ≈ 3.2e-3; SE of the variance = sqrt(2/N) ≈ 4.5e-3.
    expect(Math.abs(mean)).toBeLessThan(4 * 3.2e-3);
    expect(Math.abs(variance - 1)).toBeLessThan(4 * 4.5e-3);
  });
});
