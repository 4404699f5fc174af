import type { PopulationResult } from '../../engine/population/simulatePopulation';
import type { SensitivityResult } from '../../engine/sensitivity';
import type { SimulationResult } from '../../engine/result';

/**
 * CSV exports of the research tools' results, so a researcher can take the numbers elsewhere (R, a paper's
 * table). Numbers in JavaScript's shortest round-trip form (parsing gives back exactly the plotted values); the
 * settings that produced them go first as # comment lines, so a file explains itself. Every cell written here is a
 * number or an id/label of ours — no user text — so no cell can start a spreadsheet formula.
 */
const num = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : String(v));

/** One row per hypothesis set: persistence, upregulation, then the given metric keys. */
export function comparisonToCsv(
  rows: ReadonlyArray<{ readonly persistence: string; readonly upregulation: string; readonly result: SimulationResult }>,
  metricKeys: readonly string[],
  comments: readonly string[] = [],
): string {
  const lines = [...comments.map((c) => `# ${c}`), ['persistence', 'upregulation', 'status', ...metricKeys].join(',')];
  for (const r of rows) {
    lines.push([r.persistence, r.upregulation, r.result.status.code, ...metricKeys.map((k) => num(r.result.metrics[k]))].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** time_h then one column per percentile (p5, p25, …) of one observable. */
export function bandsToCsv(result: PopulationResult, observableId: string, comments: readonly string[] = []): string {
  const b = result.bands[observableId] ?? {};
  const qs = result.percentiles.filter((q) => b[String(q)]);
  const lines = [...comments.map((c) => `# ${c}`), ['time_h', ...qs.map((q) => `p${q}`)].join(',')];
  for (let i = 0; i < result.time_h.length; i++) {
    lines.push([num(result.time_h[i]), ...qs.map((q) => num(b[String(q)][i]))].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** parameter then one column per metric: the normalised coefficients S (empty where undefined). */
export function sensitivitiesToCsv(result: SensitivityResult, comments: readonly string[] = []): string {
  const m = result.metricIds.length;
  const lines = [...comments.map((c) => `# ${c}`), ['parameter', ...result.metricIds].join(',')];
  result.parameterIds.forEach((id, r) => {
    lines.push([id, ...result.metricIds.map((_, c) => num(result.coefficients[r * m + c]))].join(','));
  });
  return `${lines.join('\n')}\n`;
}
