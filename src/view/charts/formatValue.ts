/** A number for people: fixed decimals in the usual range, exponent notation for very small/large, "—" for non-finite. */
export function formatValue(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a < 10 ** -digits || a >= 1e6)) return v.toExponential(2);
  return v.toFixed(digits);
}
