import type { SimulationResult } from '../../engine/result';
import { h } from '../dom/h';
import { METRIC_ROWS } from './metricRows';

/** The metrics table for B and (when pinned) A and B − A. Rows a result lacks are left out. */
export class MetricsTable {
  readonly element: HTMLElement;

  constructor() {
    this.element = h('section', { class: 'metrics', 'aria-label': 'Summary metrics' });
  }

  update(current: { result: SimulationResult; label: string } | null, pinned: { result: SimulationResult; label: string } | null): void {
    if (!current) {
      this.element.replaceChildren();
      return;
    }
    const rows = METRIC_ROWS.filter((row) => Number.isFinite(row.value(current.result)) || (pinned && Number.isFinite(row.value(pinned.result))));
    const head = h('tr', {}, h('th', { scope: 'col' }, 'Metric'), h('th', { scope: 'col' }, 'Unit'),
      h('th', { scope: 'col', class: 'num' }, `B: ${current.label}`),
      pinned ? h('th', { scope: 'col', class: 'num' }, `A: ${pinned.label}`) : null,
      pinned ? h('th', { scope: 'col', class: 'num' }, 'B − A') : null);
    const body = rows.map((row) => {
      const b = row.value(current.result);
      const a = pinned ? row.value(pinned.result) : NaN;
      return h('tr', { 'data-metric': row.id },
        h('th', { scope: 'row' }, row.label), h('td', { class: 'unit' }, row.unit === 'clock' ? '' : row.unit),
        h('td', { class: 'num', 'data-run': 'B' }, row.format(b)),
        pinned ? h('td', { class: 'num', 'data-run': 'A' }, row.format(a)) : null,
        pinned ? h('td', { class: 'num diff' }, row.diff && Number.isFinite(a) && Number.isFinite(b) ? signedDiff(b - a, row.format) : '') : null);
    });
    this.element.replaceChildren(
      h('h2', {}, 'Metrics'),
      h('table', {}, h('caption', { class: 'sr-only' }, 'Summary metrics for scenario B and the pinned scenario A'),
        h('thead', {}, head), h('tbody', {}, ...body)));
  }
}

function signedDiff(d: number, format: (v: number) => string): string {
  const s = format(d);
  return d > 0 && !s.startsWith('+') ? `+${s}` : s;
}
