import type { SimulationResult } from '../../engine/result';

/**
 * The curves as CSV with the contract header `time_h,<observable ids…>` (architecture.md, contract 4 — the same
 * columns the CLI writes). Numbers are written in JavaScript's shortest round-trip form, so parsing the file gives
 * back exactly the plotted values.
 */
export function resultToCsv(result: SimulationResult): string {
  const ids = Object.keys(result.observables);
  const cols = ids.map((id) => result.observables[id]);
  const lines = [['time_h', ...ids].join(',')];
  for (let i = 0; i < result.time_h.length; i++) {
    let line = String(result.time_h[i]);
    for (const c of cols) line += `,${String(c[i])}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}
