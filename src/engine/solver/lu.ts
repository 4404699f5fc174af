/**
 * Dense LU decomposition with partial pivoting, in place on a row-major n×n Float64Array (Doolittle with
 * row interchanges, P·A = L·U as in LAPACK's dgetrf/dgetrs). Used by the Rosenbrock solver for (1/(hγ)·I − J); n is small (≈ 10–30),
 * so a dense factorisation (n³/3 flops) is cheaper than any sparse bookkeeping.
 */

/**
 * Factors a = P·L·U in place (L unit lower, U upper, both stored in a); piv[k] is the row swapped with k.
 * Returns the first column with a zero pivot (the matrix is singular), or -1 on success.
 */
export function luFactor(a: Float64Array, n: number, piv: Int32Array): number {
  for (let k = 0; k < n; k++) {
    // Pivot: the largest |a[i][k]| for i ≥ k.
    let p = k;
    let max = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > max) { max = v; p = i; }
    }
    piv[k] = p;
    if (max === 0 || !Number.isFinite(max)) return k;
    if (p !== k) {
      const rk = k * n, rp = p * n;
      for (let j = 0; j < n; j++) { const t = a[rk + j]; a[rk + j] = a[rp + j]; a[rp + j] = t; }
    }
    const rk = k * n;
    const inv = 1 / a[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const m = a[ri + k] * inv;
      a[ri + k] = m;
      if (m !== 0) for (let j = k + 1; j < n; j++) a[ri + j] -= m * a[rk + j];
    }
  }
  return -1;
}

/** Solves (P·L·U) x = b in place (b becomes x), with a and piv from luFactor. */
export function luSolve(a: Float64Array, n: number, piv: Int32Array, b: Float64Array): void {
  // The factorisation swapped whole rows (multipliers included, P·A = L·U as in LAPACK's getrf), so apply all
  // the swaps to b first, then forward substitution with L (unit diagonal).
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) { const t = b[k]; b[k] = b[p]; b[p] = t; }
  }
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let j = 0; j < i; j++) s -= a[ri + j] * b[j];
    b[i] = s;
  }
  // Back substitution with U.
  for (let k = n - 1; k >= 0; k--) {
    const rk = k * n;
    let s = b[k];
    for (let j = k + 1; j < n; j++) s -= a[rk + j] * b[j];
    b[k] = s / a[rk + k];
  }
}
