/**
 * Dense LU decomposition with partial pivoting, in place on a row-major n×n Float64Array (Doolittle with row
 * interchanges, P·A = L·U as in LAPACK's dgetrf/dgetrs), for the Rosenbrock solver's I/(hγ) − J.
 *
 * The model Jacobians are sparse (≈ 15 % nonzero: most states feed a few others), so the factorisation
 * updates only the nonzero columns of each pivot row, and the solves — six per Rosenbrock step against one
 * factorisation — walk compressed row lists of L and U built once per factorisation (LuPattern). Dense
 * storage keeps fill-in automatic; the work is proportional to the nonzeros.
 */

/** Compressed rows of the factors (built by luFactor): L strictly below, U strictly above the diagonal. */
export interface LuPattern {
  /** Row i of L: cols[start[i] … start[i+1]); row i of U: cols[start[n+i] … start[n+i+1]). Length 2n+1. */
  readonly start: Int32Array;
  /** Column indices, at most n·n. */
  readonly cols: Int32Array;
  /** Scratch: nonzero columns of the current pivot row. */
  readonly scratch: Int32Array;
}

export function createLuPattern(n: number): LuPattern {
  return { start: new Int32Array(2 * n + 1), cols: new Int32Array(n * n), scratch: new Int32Array(n) };
}

/**
 * Factors a = P·L·U in place (L unit lower, U upper, both stored in a); piv[k] is the row swapped with k.
 * Fills pattern with the nonzero structure for luSolve. Returns the first column with a zero pivot (the matrix
 * is singular), or -1 on success.
 */
export function luFactor(a: Float64Array, n: number, piv: Int32Array, pattern: LuPattern): number {
  const nz = pattern.scratch;
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
    const rk = k * n;
    if (p !== k) {
      const rp = p * n;
      for (let j = 0; j < n; j++) { const t = a[rk + j]; a[rk + j] = a[rp + j]; a[rp + j] = t; }
    }
    let cnt = 0;
    for (let j = k + 1; j < n; j++) if (a[rk + j] !== 0) nz[cnt++] = j;
    const inv = 1 / a[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const aik = a[ri + k];
      if (aik === 0) continue;
      const m = aik * inv;
      a[ri + k] = m;
      for (let q = 0; q < cnt; q++) { const j = nz[q]; a[ri + j] -= m * a[rk + j]; }
    }
  }
  // Compressed rows of L and U for the solves.
  const { start, cols } = pattern;
  let c = 0;
  for (let i = 0; i < n; i++) {
    start[i] = c;
    const ri = i * n;
    for (let j = 0; j < i; j++) if (a[ri + j] !== 0) cols[c++] = j;
  }
  for (let i = 0; i < n; i++) {
    start[n + i] = c;
    const ri = i * n;
    for (let j = i + 1; j < n; j++) if (a[ri + j] !== 0) cols[c++] = j;
  }
  start[2 * n] = c;
  return -1;
}

/** Solves (P·L·U) x = b in place (b becomes x), with a, piv and pattern from luFactor. */
export function luSolve(a: Float64Array, n: number, piv: Int32Array, pattern: LuPattern, b: Float64Array): void {
  const { start, cols } = pattern;
  // The factorisation swapped whole rows (multipliers included), so apply all the swaps to b first.
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) { const t = b[k]; b[k] = b[p]; b[p] = t; }
  }
  // Forward substitution with L (unit diagonal).
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let q = start[i], e = start[i + 1]; q < e; q++) { const j = cols[q]; s -= a[ri + j] * b[j]; }
    b[i] = s;
  }
  // Back substitution with U.
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = b[i];
    for (let q = start[n + i], e = start[n + i + 1]; q < e; q++) { const j = cols[q]; s -= a[ri + j] * b[j]; }
    b[i] = s / a[ri + i];
  }
}
