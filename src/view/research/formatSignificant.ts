/**
 * A parameter value for people: 4 significant digits without trailing zeros (94 → "94", 0.176026 → "0.176",
 * 14000 → "14000", 0.0278722 → "0.02787"), "—" for non-finite. Tables and tooltips of the research tools use it so
 * a clearance of 94 L/h does not read "94.0000".
 */
export function formatSignificant(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return String(Number(v.toPrecision(4)));
}
