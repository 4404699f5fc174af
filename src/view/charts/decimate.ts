/**
 * Min/max decimation for line charts (the "M4" idea: Jugel et al. 2014, VLDB 7:797): when a series has more
 * points than the chart has pixel columns, keep per column the first, minimum, maximum and last point. The drawn
 * polyline then covers exactly the same pixels, but path strings stay short while a slider is dragged.
 * Returns indices into the input arrays, increasing. Non-finite values are skipped (never plotted).
 */
export function decimate(x: ArrayLike<number>, y: ArrayLike<number>, x0: number, x1: number, columns: number): number[] {
  const n = Math.min(x.length, y.length);
  const out: number[] = [];
  // include one point either side of the window so lines run to the plot edges when zoomed
  let lo = 0;
  while (lo < n - 1 && x[lo + 1] < x0) lo++;
  let hi = n - 1;
  while (hi > 0 && x[hi - 1] > x1) hi--;
  if (hi - lo + 1 <= 4 * columns) {
    for (let i = lo; i <= hi; i++) if (Number.isFinite(y[i]) && Number.isFinite(x[i])) out.push(i);
    return out;
  }
  const width = (x1 - x0) / columns;
  let col = -Infinity;
  let first = -1, last = -1, min = -1, max = -1;
  const flush = (): void => {
    if (first < 0) return;
    const picks = [first, min, max, last].sort((a, b) => a - b);
    for (let k = 0; k < picks.length; k++) if (k === 0 || picks[k] !== picks[k - 1]) out.push(picks[k]);
  };
  for (let i = lo; i <= hi; i++) {
    const yi = y[i];
    if (!Number.isFinite(yi) || !Number.isFinite(x[i])) continue;
    const c = Math.floor((x[i] - x0) / width);
    if (c !== col) {
      flush();
      col = c;
      first = last = min = max = i;
    } else {
      last = i;
      if (yi < y[min]) min = i;
      if (yi > y[max]) max = i;
    }
  }
  flush();
  return out;
}
