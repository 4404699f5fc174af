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
 */

/** out = y + b1·k1 */
export function axpy1(n: number, y: Float64Array, b1: number, k1: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) out[i] = y[i] + b1 * k1[i];
}

/** out = y + b1·k1 + b2·k2 */
export function axpy2(n: number, y: Float64Array, b1: number, k1: Float64Array, b2: number, k2: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) out[i] = y[i] + b1 * k1[i] + b2 * k2[i];
}

/** out = y + b1·k1 + b2·k2 + b3·k3 */
export function axpy3(
  n: number, y: Float64Array, b1: number, k1: Float64Array, b2: number, k2: Float64Array, b3: number, k3: Float64Array, out: Float64Array,
): void {
  for (let i = 0; i < n; i++) out[i] = y[i] + b1 * k1[i] + b2 * k2[i] + b3 * k3[i];
}

/** out = y + b1·k1 + b2·k2 + b3·k3 + b4·k4 */
export function axpy4(
  n: number, y: Float64Array, b1: number, k1: Float64Array, b2: number, k2: Float64Array, b3: number, k3: Float64Array,
  b4: number, k4: Float64Array, out: Float64Array,
): void {
  for (let i = 0; i < n; i++) out[i] = y[i] + b1 * k1[i] + b2 * k2[i] + b3 * k3[i] + b4 * k4[i];
}

/** out = y + b1·k1 + b2·k2 + b3·k3 + b4·k4 + b5·k5 */
export function axpy5(
  n: number, y: Float64Array, b1: number, k1: Float64Array, b2: number, k2: Float64Array, b3: number, k3: Float64Array,
  b4: number, k4: Float64Array, b5: number, k5: Float64Array, out: Float64Array,
): void {
  for (let i = 0; i < n; i++) out[i] = y[i] + b1 * k1[i] + b2 * k2[i] + b3 * k3[i] + b4 * k4[i] + b5 * k5[i];
}

/** Σ_i a_i·k_i over six stage vectors, times h, into out: the local error estimate or a dense-output coefficient. */
export function combine6(
  n: number, h: number, a1: number, k1: Float64Array, a2: number, k2: Float64Array, a3: number, k3: Float64Array,
  a4: number, k4: Float64Array, a5: number, k5: Float64Array, a6: number, k6: Float64Array, out: Float64Array,
): void {
  for (let i = 0; i < n; i++) out[i] = h * (a1 * k1[i] + a2 * k2[i] + a3 * k3[i] + a4 * k4[i] + a5 * k5[i] + a6 * k6[i]);
}

/**
 * Σ_i (e_i / sk_i)² with sk_i = atol_i + rtol·max(|y_i|, |y1_i|) (Hairer's scaled error norm, before the mean and
 * the root). Written into out[slot] rather than returned: a number returned by a call V8 has not inlined is a heap
 * allocation.
 */
export function scaledSquares(
  n: number, e: Float64Array, y: Float64Array, y1: Float64Array, atolv: Float64Array, rtol: number, out: Float64Array, slot: number,
): void {
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
 * rc4 = rc2 − h·k7 − rc3 (the fifth is combine6 of the stages with the D weights).
 */
export function denseCoefficients(
  n: number, h: number, y: Float64Array, y1: Float64Array, k1: Float64Array, k7: Float64Array,
  rc1: Float64Array, rc2: Float64Array, rc3: Float64Array, rc4: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const dy = y1[i] - y[i];
    const bspl = h * k1[i] - dy;
    rc1[i] = y[i];
    rc2[i] = dy;
    rc3[i] = bspl;
    rc4[i] = dy - h * k7[i] - bspl;
  }
}

/** DOPRI5's dense output at θ ∈ (0, 1) of the step: rc1 + θ(rc2 + (1−θ)(rc3 + θ(rc4 + (1−θ)rc5))). */
export function denseValue(
  n: number, theta: number, rc1: Float64Array, rc2: Float64Array, rc3: Float64Array, rc4: Float64Array, rc5: Float64Array, out: Float64Array,
): void {
  const theta1 = 1 - theta;
  for (let i = 0; i < n; i++) out[i] = rc1[i] + theta * (rc2[i] + theta1 * (rc3[i] + theta * (rc4[i] + theta1 * rc5[i])));
}
