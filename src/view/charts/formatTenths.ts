/**
 * `String(Math.round(v * 10) / 10)` — a chart coordinate rounded to 0.1 px, as path strings carry it — built from
 * integers. Same text for every number (tested against that expression), but V8 turns integers into text several
 * times faster than fractions, and a 28-day redraw formats ~17,000 coordinates per slider step.
 * Why it is the same text: for an integer k with |k| < 1e15, k / 10 is the double nearest to the decimal "w.r"
 * (division is correctly rounded), and doubles below 1e14 are spaced < 0.016 apart, so "w.r" is also the shortest
 * text that reads back as k / 10, which is what String() prints. Other cases (0, −0, huge, non-finite) use String().
 */
export function formatTenths(v: number): string {
  const k = Math.round(v * 10);
  if (k === 0 || !(k < 1e15 && k > -1e15)) return String(k / 10);
  const a = k < 0 ? -k : k;
  const r = a % 10;
  const w = (a - r) / 10;
  return (k < 0 ? '-' : '') + (r === 0 ? String(w) : `${w}.${r}`);
}
