import type { SimulationResult } from './result';

/**
 * CSV of a result (contract 4): header `time_h,<observable ids…>` in the model's observable order, one row per
 * output time. Numbers use JavaScript's shortest round-trip form, so the CSV reproduces the doubles exactly.
 */
export function toCsv(result: SimulationResult, ids: readonly string[] = Object.keys(result.observables)): string {
  const cols = ids.map((id) => result.observables[id]);
  const lines: string[] = [['time_h', ...ids].join(',')];
  const t = result.time_h;
  for (let k = 0; k < t.length; k++) {
    let line = String(t[k]);
    for (const c of cols) line += ',' + String(c[k]);
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}
