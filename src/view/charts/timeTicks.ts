/**
 * Ticks for the shared time axis. Model time is hours from t = 0 = midnight at the start of day 1
 * (doc/scenario.md), so clock time is t mod 24 and the day number is floor(t / 24) + 1.
 * Wide windows get day ticks ("Day 3"); narrow ones get clock ticks ("06:00") with "Day N" at each midnight.
 */
export interface TimeTicks {
  readonly values: number[];
  /** Label for one tick value. */
  format(t: number): string;
}

const STEPS_H = [1, 2, 3, 6, 12, 24, 48, 72, 96, 168, 336, 672, 1344];

export function timeTicks(domain: readonly [number, number], maxTicks: number): TimeTicks {
  const [a, b] = domain;
  const span = Math.max(b - a, 1e-9);
  const step = STEPS_H.find((s) => span / s <= Math.max(2, maxTicks)) ?? STEPS_H[STEPS_H.length - 1];
  const values: number[] = [];
  for (let t = Math.ceil(a / step - 1e-9) * step; t <= b + 1e-9; t += step) values.push(t + 0); // + 0: no −0
  const format = (t: number): string => {
    if (step >= 24 || isMidnight(t)) return `Day ${Math.floor(t / 24 + 1e-9) + 1}`;
    return clockTime(t);
  };
  return { values, format };
}

function isMidnight(t: number): boolean {
  const r = ((t % 24) + 24) % 24;
  return r < 1e-6 || 24 - r < 1e-6;
}

/** "HH:MM" clock time of model time t (h). */
export function clockTime(t: number): string {
  let minutes = Math.round((((t % 24) + 24) % 24) * 60);
  if (minutes >= 1440) minutes -= 1440;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** "Day 3, 22:00" for model time t (h). */
export function dayAndClock(t: number): string {
  // round to the minute first so 47.9999 h reads "Day 3, 00:00", not "Day 2, 24:00"
  const tm = Math.round(t * 60) / 60;
  return `Day ${Math.floor(tm / 24) + 1}, ${clockTime(tm)}`;
}

/** Sleep windows (23:00–07:00 by default) intersecting [a, b], as [start, end] pairs in model hours. */
export function sleepWindows(domain: readonly [number, number], startClock = 23, endClock = 7): Array<[number, number]> {
  const [a, b] = domain;
  const out: Array<[number, number]> = [];
  const length = (endClock - startClock + 24) % 24 || 24;
  // the window starting on the evening before day 1 covers 00:00–07:00 of day 1
  for (let d = Math.floor(a / 24) - 1; d * 24 + startClock < b; d++) {
    const s = d * 24 + startClock;
    const e = s + length;
    if (e <= a) continue;
    out.push([Math.max(s, a), Math.min(e, b)]);
  }
  return out;
}
