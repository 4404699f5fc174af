/**
 * The bars of a tornado chart: the sensitivities of one metric to each parameter, largest |S| first.
 * Coefficients are row-major [parameter][metric] as localSensitivity returns them. Undefined coefficients (NaN: the
 * metric is 0 at baseline) cannot be ranked and are counted apart; ties keep the parameter table's order, so the
 * chart is the same every time.
 */
export interface RankedSensitivity {
  readonly parameterId: string;
  readonly s: number;
}

export interface RankedSensitivities {
  readonly bars: readonly RankedSensitivity[];
  /** Parameters whose coefficient is exactly 0 (the metric does not depend on them here). */
  readonly zero: number;
  /** Parameters whose coefficient is undefined (NaN). */
  readonly undefinedCount: number;
}

export function rankSensitivities(
  parameterIds: readonly string[],
  metricIds: readonly string[],
  coefficients: ArrayLike<number>,
  metricId: string,
  top = 12,
): RankedSensitivities {
  const c = metricIds.indexOf(metricId);
  if (c < 0) return { bars: [], zero: 0, undefinedCount: parameterIds.length };
  const all: Array<RankedSensitivity & { order: number }> = [];
  let zero = 0;
  let undefinedCount = 0;
  parameterIds.forEach((id, r) => {
    const s = coefficients[r * metricIds.length + c];
    if (!Number.isFinite(s)) undefinedCount++;
    else if (s === 0) zero++;
    else all.push({ parameterId: id, s, order: r });
  });
  all.sort((a, b) => Math.abs(b.s) - Math.abs(a.s) || a.order - b.order);
  return { bars: all.slice(0, Math.max(0, top)).map(({ parameterId, s }) => ({ parameterId, s })), zero, undefinedCount };
}
