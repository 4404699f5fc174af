/**
 * The array loops of an explicit Runge–Kutta step, each in its own small function.
 *
 * Why not inline in the integrator: V8 runs a function in its interpreter until it has been called (or has looped)
 * enough to be worth optimising, and a large function takes long to get there and long to compile (DOPRI5's
 * integrate: ~30 ms of TurboFan time, finished only after the first 28-day run). These kernels are small and
 * called thousands of times per run, so they are optimised within the first simulated days; the integrator's own
 * loop is then scalar bookkeeping, cheap even when interpreted. Once the integrator is optimised, V8 inlines them.
 *
 * Each sum is formed left to right from y, exactly as the inline loops did, so results are the same bits.
 * Only the first n entries are touched (the live states: OdeSystem.live).
 *
 * Scalars (h·a_ij, h, θ, rtol) come in a small Float64Array `c`, not as arguments: a number passed to a call V8
 * has not inlined is a heap allocation, and with ~35 scalar arguments per step that was 1.5 MB of garbage per
 * 28-day run. Arrays are passed by reference and never allocate.
 */

/** out = y + c0·k1 */
export function axpy1(n: number, y: Float64Array, c: Float64Array, k1: Float64Array, out: Float64Array): void {
  const b1 = c[0];
  for (let i = 0; i < n; i++) out[i] = y[i] + b1 * k1[i];
}

/** out = y + c0·k1 + c1·k2 */
export function axpy2(n: number, y: Float64Array, c: Float64Array, k1: Float64Array, k2: Float64Array, out: Float64Array): void {
  const b1 = c[0], b2 = c[1];
  for (let i = 0; i < n; i++) out[i] = y[i] + b1 * k1[i] + b2 * k2[i];
}

/** out = y + c0·k1 + c1·k2 + c2·k3 */
export function axpy3(n: number, y: Float64Array, c: Float64Array, k1: Float64Array, k2: Float64Array, k3: Float64Array, out: Float64Array): void {
  const b1 = c[0], b2 = c[1], b3 = c[2];
  for (let i = 0; i < n; i++) out[i] = y[i] + b1 * k1[i] + b2 * k2[i] + b3 * k3[i];
}

/** out = y + c0·k1 + c1·k2 + c2·k3 + c3·k4 */
export function axpy4(
  n: number, y: Float64Array, c: Float64Array, k1: Float64Array, k2: Float64Array, k3: Float64Array, k4: Float64Array, out: Float64Array,
): void {
  const b1 = c[0], b2 = c[1], b3 = c[2], b4 = c[3];
  for (let i = 0; i < n; i++) out[i] = y[i] + b1 * k1[i] + b2 * k2[i] + b3 * k3[i] + b4 * k4[i];
}

/** out = y + c0·k1 + c1·k2 + c2·k3 + c3·k4 + c4·k5 */
export function axpy5(
  n: number, y: Float64Array, c: Float64Array, k1: Float64Array, k2: Float64Array, k3: Float64Array, k4: Float64Array, k5: Float64Array,
  out: Float64Array,
): void {
  const b1 = c[0], b2 = c[1], b3 = c[2], b4 = c[3], b5 = c[4];
  for (let i = 0; i < n; i++) out[i] = y[i] + b1 * k1[i] + b2 * k2[i] + b3 * k3[i] + b4 * k4[i] + b5 * k5[i];
}

/**
 * out = h·(w0·k1 + w1·k2 + … + w5·k6) with h = c[0] and constant weights w: the local error estimate or a
 * dense-output coefficient.
 */
export function combine6(
  n: number, c: Float64Array, w: Float64Array, k1: Float64Array, k2: Float64Array, k3: Float64Array, k4: Float64Array,
  k5: Float64Array, k6: Float64Array, out: Float64Array,
): void {
  const h = c[0], a1 = w[0], a2 = w[1], a3 = w[2], a4 = w[3], a5 = w[4], a6 = w[5];
  for (let i = 0; i < n; i++) out[i] = h * (a1 * k1[i] + a2 * k2[i] + a3 * k3[i] + a4 * k4[i] + a5 * k5[i] + a6 * k6[i]);
}

/**
 * Σ_i (e_i / sk_i)² with sk_i = atol_i + rtol·max(|y_i|, |y1_i|), rtol = c[0] (Hairer's scaled error norm, before
 * the mean and the root). Written into out[slot] rather than returned: a returned number is allocated too.
 */
export function scaledSquares(
  n: number, e: Float64Array, y: Float64Array, y1: Float64Array, atolv: Float64Array, c: Float64Array, out: Float64Array, slot: number,
): void {
  const rtol = c[0];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const sk = atolv[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
    const r = e[i] / sk;
    sum += r * r;
  }
  out[slot] = sum;
}

/** ‖a − b‖² and ‖c − d‖² into out[slot], out[slot + 1] (the two halves of DOPRI5's stiffness test). */
export function diffSquares(
  n: number, a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array, out: Float64Array, slot: number,
): void {
  let s1 = 0, s2 = 0;
  for (let i = 0; i < n; i++) {
    const u = a[i] - b[i], v = c[i] - d[i];
    s1 += u * u; s2 += v * v;
  }
  out[slot] = s1;
  out[slot + 1] = s2;
}

/** out = src (the first n entries). */
export function copyInto(n: number, src: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) out[i] = src[i];
}

/**
 * The first four coefficients of DOPRI5's dense output (dopri5.f): rc1 = y, rc2 = y1 − y, rc3 = h·k1 − rc2,
 * rc4 = rc2 − h·k7 − rc3, h = c[0] (the fifth is combine6 of the stages with the D weights).
 */
export function denseCoefficients(
  n: number, c: Float64Array, y: Float64Array, y1: Float64Array, k1: Float64Array, k7: Float64Array,
  rc1: Float64Array, rc2: Float64Array, rc3: Float64Array, rc4: Float64Array,
): void {
  const h = c[0];
  for (let i = 0; i < n; i++) {
    const dy = y1[i] - y[i];
    const bspl = h * k1[i] - dy;
    rc1[i] = y[i];
    rc2[i] = dy;
    rc3[i] = bspl;
    rc4[i] = dy - h * k7[i] - bspl;
  }
}

/** DOPRI5's dense output at θ = c[0] ∈ (0, 1) of the step: rc1 + θ(rc2 + (1−θ)(rc3 + θ(rc4 + (1−θ)rc5))). */
export function denseValue(
  n: number, c: Float64Array, rc1: Float64Array, rc2: Float64Array, rc3: Float64Array, rc4: Float64Array, rc5: Float64Array, out: Float64Array,
): void {
  const theta = c[0];
  const theta1 = 1 - theta;
  for (let i = 0; i < n; i++) out[i] = rc1[i] + theta * (rc2[i] + theta1 * (rc3[i] + theta * (rc4[i] + theta1 * rc5[i])));
}
