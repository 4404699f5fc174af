/** The output grid: 0, Δ, 2Δ, … and the end time itself when Δ does not divide the duration. */
export function outputGrid(duration: number, step: number): Float64Array {
  const n = Math.floor(duration / step + 1e-9) + 1;
  const last = (n - 1) * step;
  const extra = duration - last > 1e-9 * Math.max(1, duration) ? 1 : 0;
  const grid = new Float64Array(n + extra);
  for (let k = 0; k < n; k++) grid[k] = k * step; // k*step, not a running sum: no drift over long runs
  if (extra) grid[n] = duration;
  return grid;
}
