/**
 * Dense LU decomposition with partial pivoting, in place on a row-major n×n Float64Array (Doolittle with row
 * interchanges, P·A = L·U as in LAPACK's dgetrf/dgetrs), for the Rosenbrock solver's iteration matrix (rodas4.ts
 * factors J − I/(hγ), the negative of E = I/(hγ) − J).
 *
 * The model Jacobians are sparse (≈ 15 % nonzero: most states feed a few others), so the factorisation
 * updates only the nonzero columns of each pivot row, and the solves — six per Rosenbrock step against one
 * factorisation — walk the row lists of L and U recorded while factorising (LuPattern). Dense
 * storage keeps fill-in automatic; the work is proportional to the nonzeros.
 */

/**
 * Row patterns of the factors, recorded by luFactor as it eliminates: row i of L (unit diagonal, columns < i) is
 * lcols[i·n … i·n + lcnt[i]), row k of U (columns > k) is ucols[k·n … k·n + ucnt[k]), each in ascending column order.
 */
export interface LuPattern {
  readonly lcols: Int32Array;
  readonly lcnt: Int32Array;
  readonly ucols: Int32Array;
  readonly ucnt: Int32Array;
}

export function createLuPattern(n: number): LuPattern {
  return { lcols: new Int32Array(n * n), lcnt: new Int32Array(n), ucols: new Int32Array(n * n), ucnt: new Int32Array(n) };
}

/**
 * Factors a = P·L·U in place (L unit lower, U upper, both stored in a); piv[k] is the row swapped with k.
 * Fills pattern with the nonzero structure for luSolve. Returns the first column with a zero pivot (the matrix
 * is singular), or -1 on success. `ld` is the row stride of a (LAPACK's leading dimension, default n): with ld > n
 * the leading n×n block of a larger matrix is factored in place — the solver's live states (OdeSystem.live).
 *
 * The patterns are written while eliminating rather than found by scanning the finished factors: the pivot row's
 * nonzero columns (needed for the update anyway) are U's row, and each multiplier is appended to its row of L
 * (rows swap their lists with their values). A multiplier is final once written and a pivot row once it is the
 * pivot, so the patterns hold exactly the nonzeros a scan would find (a multiplier that underflows to 0 is kept:
 * it adds 0 to a sum). Three O(n²) scans per factorisation fewer.
 */
export function luFactor(a: Float64Array, n: number, piv: Int32Array, pattern: LuPattern, ld: number = n): number {
  const { lcols, lcnt, ucols, ucnt } = pattern;
  lcnt.fill(0);
  for (let k = 0; k < n; k++) {
    // Pivot: the largest |a[i][k]| for i ≥ k.
    let p = k;
    let max = Math.abs(a[k * ld + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * ld + k]);
      if (v > max) { max = v; p = i; }
    }
    piv[k] = p;
    if (max === 0 || !Number.isFinite(max)) return k;
    const rk = k * ld;
    if (p !== k) {
      const rp = p * ld;
      for (let j = 0; j < n; j++) { const t = a[rk + j]; a[rk + j] = a[rp + j]; a[rp + j] = t; }
      // The multipliers moved with their rows: so do their column lists (both hold columns < k only).
      const ck = lcnt[k], cp = lcnt[p];
      const m = ck > cp ? ck : cp;
      for (let q = 0; q < m; q++) { const t = lcols[rk + q]; lcols[rk + q] = lcols[rp + q]; lcols[rp + q] = t; }
      lcnt[k] = cp;
      lcnt[p] = ck;
    }
    let cnt = 0;
    for (let j = k + 1; j < n; j++) if (a[rk + j] !== 0) ucols[rk + cnt++] = j;
    ucnt[k] = cnt;
    const inv = 1 / a[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * ld;
      const aik = a[ri + k];
      if (aik === 0) continue;
      const m = aik * inv;
      a[ri + k] = m;
      lcols[ri + lcnt[i]++] = k;
      for (let q = rk, e = rk + cnt; q < e; q++) { const j = ucols[q]; a[ri + j] -= m * a[rk + j]; }
    }
  }
  return -1;
}

/** Solves (P·L·U) x = b in place (b becomes x), with a, piv, pattern (and ld) from luFactor. */
export function luSolve(a: Float64Array, n: number, piv: Int32Array, pattern: LuPattern, b: Float64Array, ld: number = n): void {
  const { lcols, lcnt, ucols, ucnt } = pattern;
  // The factorisation swapped whole rows (multipliers included), so apply all the swaps to b first.
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) { const t = b[k]; b[k] = b[p]; b[p] = t; }
  }
  // Forward substitution with L (unit diagonal).
  for (let i = 1; i < n; i++) {
    const ri = i * ld;
    let s = b[i];
    for (let q = ri, e = ri + lcnt[i]; q < e; q++) { const j = lcols[q]; s -= a[ri + j] * b[j]; }
    b[i] = s;
  }
  // Back substitution with U.
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * ld;
    let s = b[i];
    for (let q = ri, e = ri + ucnt[i]; q < e; q++) { const j = ucols[q]; s -= a[ri + j] * b[j]; }
    b[i] = s / a[ri + i];
  }
}
