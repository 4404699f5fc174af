import { describe, expect, it } from 'vitest';
import { createLuPattern, luFactor, luSolve } from '../../../src/engine/solver/lu';
import { createRng } from '../../../src/engine/population/createRng';

describe('luFactor / luSolve', () => {
  it('solves random systems A·x = b to round-off (residual ≤ 1e-12·‖A‖·‖x‖, n = 1…20)', () => {
    const rng = createRng(3);
    for (let n = 1; n <= 20; n++) {
      const A = Float64Array.from({ length: n * n }, () => rng.normal());
      const x = Float64Array.from({ length: n }, () => rng.normal());
      const b = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += A[i * n + j] * x[j];
      const lu = A.slice();
      const piv = new Int32Array(n);
      const pat = createLuPattern(n);
      expect(luFactor(lu, n, piv, pat)).toBe(-1);
      const sol = b.slice();
      luSolve(lu, n, piv, pat, sol);
      let res = 0, normA = 0, normX = 0;
      for (let i = 0; i < n; i++) {
        let s = -b[i];
        for (let j = 0; j < n; j++) s += A[i * n + j] * sol[j];
        res = Math.max(res, Math.abs(s));
        normX = Math.max(normX, Math.abs(sol[i]));
        let row = 0;
        for (let j = 0; j < n; j++) row += Math.abs(A[i * n + j]);
        normA = Math.max(normA, row);
      }
      expect(res).toBeLessThanOrEqual(1e-12 * normA * normX);
    }
  });

  it('needs the pivoting: [[0, 1], [1, 0]]·x = (2, 3) gives x = (3, 2)', () => {
    const a = new Float64Array([0, 1, 1, 0]);
    const piv = new Int32Array(2);
    const pat = createLuPattern(2);
    expect(luFactor(a, 2, piv, pat)).toBe(-1);
    const b = new Float64Array([2, 3]);
    luSolve(a, 2, piv, pat, b);
    expect(Array.from(b)).toEqual([3, 2]);
  });

  it('reports the column of a zero pivot for a singular matrix', () => {
    // Second row = 2 × first row: elimination leaves a zero in column 1.
    const a = new Float64Array([1, 2, 2, 4]);
    expect(luFactor(a, 2, new Int32Array(2), createLuPattern(2))).toBe(1);
  });

  it('solves sparse systems (≈ 15 % nonzero plus a full diagonal, n = 23) exactly like the dense product says', () => {
    const rng = createRng(17);
    for (let rep = 0; rep < 50; rep++) {
      const n = 23;
      const A = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        if (i === j) A[i * n + j] = 5 + rng.uniform();
        else if (rng.uniform() < 0.15) A[i * n + j] = rng.normal();
      }
      const x = Float64Array.from({ length: n }, () => rng.normal());
      const b = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += A[i * n + j] * x[j];
      const lu = A.slice(), piv = new Int32Array(n), pat = createLuPattern(n);
      expect(luFactor(lu, n, piv, pat)).toBe(-1);
      luSolve(lu, n, piv, pat, b);
      for (let i = 0; i < n; i++) expect(Math.abs(b[i] - x[i])).toBeLessThan(1e-12 * (1 + Math.abs(x[i])));
    }
  });

  it('factors the leading n×n block of a larger matrix in place (leading dimension) exactly as the block alone', () => {
    // RODAS4 factors the live states' block inside a copy of the full Jacobian; the other entries must not matter.
    const rng = createRng(9);
    for (const [n, ld] of [[5, 9], [16, 23], [1, 4]]) {
      const block = Float64Array.from({ length: n * n }, () => rng.normal());
      const big = Float64Array.from({ length: ld * ld }, () => 1e6 * rng.normal()); // junk outside the block
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) big[i * ld + j] = block[i * n + j];
      const pivA = new Int32Array(n), pivB = new Int32Array(ld);
      const patA = createLuPattern(n), patB = createLuPattern(ld);
      expect(luFactor(block, n, pivA, patA)).toBe(-1);
      expect(luFactor(big, n, pivB, patB, ld)).toBe(-1);
      const b = Float64Array.from({ length: n }, () => rng.normal());
      const xa = b.slice(), xb = new Float64Array(ld);
      xb.set(b);
      luSolve(block, n, pivA, patA, xa);
      luSolve(big, n, pivB, patB, xb, ld);
      expect(Array.from(xb.subarray(0, n))).toEqual(Array.from(xa));
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(big[i * ld + j]).toBe(block[i * n + j]);
    }
  });
});
