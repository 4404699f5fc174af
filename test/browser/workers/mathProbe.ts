/**
 * The elementary functions the engine leans on (exp, log, pow, with integer and fractional exponents), evaluated on a
 * fixed pseudo-random set of arguments. Run in Node and in Chromium, it tells whether the two JavaScript engines'
 * Math libraries agree to the bit: if they do not, no ODE code that calls them can be bitwise identical across the two.
 */
export function mathProbe(): Float64Array {
  let s = 12345;
  // Park–Miller-style LCG: deterministic arguments without depending on the engine's RNG.
  const next = (): number => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
  const n = 4000;
  const out = new Float64Array(5 * n);
  for (let i = 0; i < n; i++) {
    const x = next() * 10;
    const y = next() * 4;
    out[5 * i] = Math.exp(x - 5);
    out[5 * i + 1] = Math.log(x);
    out[5 * i + 2] = Math.pow(x, y);
    out[5 * i + 3] = Math.pow(x, 3);
    out[5 * i + 4] = Math.expm1(y - 2);
  }
  return out;
}
