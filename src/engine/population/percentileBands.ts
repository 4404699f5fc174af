/**
 * Percentile p (0–100) of sorted values by linear interpolation between order statistics — Hyndman & Fan
 * (1996) definition 7, the default of R's quantile() and NumPy's percentile(): h = (N − 1)·p/100,
 * Q = x_⌊h⌋ + (h − ⌊h⌋)·(x_⌊h⌋+1 − x_⌊h⌋).
 */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Bands over time from a matrix of values stored time-major (values[k·count + s] = subject s at grid point k):
 * for each requested percentile, one Float64Array over the grid.
 */
export function percentileBands(
  values: Float64Array,
  gridLength: number,
  count: number,
  percentiles: readonly number[],
): Float64Array[] {
  const bands = percentiles.map(() => new Float64Array(gridLength));
  const column = new Float64Array(count);
  for (let k = 0; k < gridLength; k++) {
    column.set(values.subarray(k * count, (k + 1) * count));
    column.sort();
    for (let q = 0; q < percentiles.length; q++) bands[q][k] = percentileOfSorted(column, percentiles[q]);
  }
  return bands;
}
