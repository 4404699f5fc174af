/**
 * A normalised sensitivity for a bar label: two decimals, or two significant digits below 0.01 (0.0084 rather
 * than 8.38e-3 or 0.01), "—" when undefined.
 */
export function formatSensitivity(s: number): string {
  if (!Number.isFinite(s)) return '—';
  return Math.abs(s) >= 0.01 || s === 0 ? s.toFixed(2) : String(Number(s.toPrecision(2)));
}
