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
 * Rearranges a[left..right] so that a[k] holds the value it would have if the range were sorted, with smaller or
 * equal values before it and larger or equal after (Wirth's selection, "Algorithms + Data Structures = Programs",
 * 1976). Both scans stop on values equal to the pivot, so a column of ties — an observable that is the same in
 * every subject, such as an absent co-medication — costs O(n), not the O(n²) of a one-sided partition.
 */
function selectKth(a: Float64Array, left: number, right: number, k: number): void {
  while (left < right) {
    const x = a[k];
    let i = left;
    let j = right;
    do {
      while (a[i] < x) i++;
      while (x < a[j]) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) left = i;
    if (k < i) right = j;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Bands over time from a matrix of values stored time-major (values[k·count + s] = subject s at grid point k):
 * for each requested percentile, one Float64Array over the grid. Each column is not sorted but partially
 * selected: the two order statistics around each percentile (type 7) are found by quickselect, in increasing
 * order so that each selection works only on the part right of the previous one — the same numbers as a full
 * sort (order statistics are unique values), in O(n) per column instead of O(n log n).
 */
export function percentileBands(
  values: Float64Array,
  gridLength: number,
  count: number,
  percentiles: readonly number[],
): Float64Array[] {
  const bands = percentiles.map(() => new Float64Array(gridLength));
  const column = new Float64Array(count);
  // visit the percentiles in increasing order of their lower order statistic
  const order = percentiles.map((_, i) => i).sort((a, b) => percentiles[a] - percentiles[b]);
  for (let k = 0; k < gridLength; k++) {
    // Copy the column, noting whether it is constant: an observable that is the same in every subject (an absent
    // co-medication, the pre-dose baseline) has every percentile equal to that value, with no selection at all.
    const base = k * count;
    const first = values[base];
    let constant = true;
    for (let i = 0; i < count; i++) {
      const v = values[base + i];
      column[i] = v;
      if (v !== first) constant = false;
    }
    if (constant) {
      for (let q = 0; q < bands.length; q++) bands[q][k] = first;
      continue;
    }
    let from = 0;
    for (const q of order) {
      const h = ((count - 1) * percentiles[q]) / 100;
      const lo = Math.floor(h);
      if (lo >= from) {
        selectKth(column, from, count - 1, lo);
        from = lo;
      }
      let next = column[lo];
      if (lo + 1 < count) {
        // the next order statistic is the smallest value right of lo
        next = column[lo + 1];
        for (let i = lo + 2; i < count; i++) if (column[i] < next) next = column[i];
      }
      bands[q][k] = column[lo] + (h - lo) * (next - column[lo]);
    }
  }
  return bands;
}
