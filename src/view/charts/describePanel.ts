import type { ChartData, ChartRun } from './ChartGroup';
import type { PanelSpec } from './panelSpecs';
import { dayAndClock } from './timeTicks';
import { formatValue } from './formatValue';

/**
 * The text alternative of one chart for screen readers: for each series in the visible window, its range and when
 * it peaks, for B and (if pinned) A. Plain text only (it is set with textContent).
 */
export function describePanel(spec: PanelSpec, data: ChartData, window: readonly [number, number], diff: boolean): string {
  const unit = spec.unit === 'relative' ? ' (relative to baseline)' : ` ${spec.unit}`;
  const parts: string[] = [`${spec.title}, from ${dayAndClock(window[0])} to ${dayAndClock(window[1])}.`];
  if (!data.current) return `${parts[0]} No simulation yet.`;
  if (diff && data.pinned) parts.push('Showing the difference B minus A.');
  const runs: Array<[string, ChartRun | null]> = [['B', data.current], ['A', diff ? null : data.pinned]];
  for (const [tag, run] of runs) {
    if (!run) continue;
    const r = run.result;
    parts.push(`${tag} (${run.label}):`);
    if (r.status.code !== 'ok') parts.push(`the simulation stopped with ${r.status.code}: ${r.status.message}`);
    for (const s of spec.series) {
      const y = r.observables[s.observable];
      if (!y) continue;
      const f = s.factor ?? 1;
      let lo = Infinity, hi = -Infinity, tHi = NaN;
      for (let i = 0; i < r.time_h.length; i++) {
        const t = r.time_h[i];
        if (t < window[0] || t > window[1] || !Number.isFinite(y[i])) continue;
        const v = y[i] * f;
        if (v < lo) lo = v;
        if (v > hi) { hi = v; tHi = t; }
      }
      if (!Number.isFinite(hi)) continue;
      const d = spec.digits ?? 3;
      parts.push(`${s.label} ranges from ${formatValue(lo, d)} to ${formatValue(hi, d)}${unit}, highest at ${dayAndClock(tHi)}.`);
    }
    const doses = r.doses.filter((x) => x.time_h >= window[0] && x.time_h <= window[1]);
    if (doses.length) parts.push(`${doses.length} dose${doses.length > 1 ? 's' : ''} in this window.`);
  }
  return parts.join(' ');
}
