import type { SimulationResult } from '../../engine/result';
import { h } from '../dom/h';
import { METRIC_ROWS } from './metricRows';

/** The metrics table for B and (when pinned) A and B − A. Rows a result lacks are left out. */
export class MetricsTable {
  readonly element: HTMLElement;

  constructor() {
    this.element = h('section', { class: 'metrics', 'aria-label': 'Summary metrics' });
  }

  /** The rows and headers now shown, and their value cells: while only the numbers change, only their text is set. */
  private shown: { readonly key: string; readonly cells: ReadonlyArray<readonly HTMLElement[]> } | null = null;

  update(current: { result: SimulationResult; label: string } | null, pinned: { result: SimulationResult; label: string } | null): void {
    if (!current) {
      this.shown = null;
      this.element.replaceChildren();
      return;
    }
    const rows = METRIC_ROWS.filter((row) => Number.isFinite(row.value(current.result)) || (pinned && Number.isFinite(row.value(pinned.result))));
    const texts = rows.map((row) => {
      const b = row.value(current.result);
      const a = pinned ? row.value(pinned.result) : NaN;
      return pinned
        ? [row.format(b), row.format(a), row.diff && Number.isFinite(a) && Number.isFinite(b) ? signedDiff(b - a, row.format) : '']
        : [row.format(b)];
    });
    const key = JSON.stringify([rows.map((r) => r.id), current.label, pinned ? pinned.label : null]);
    if (this.shown?.key === key) {
      // Same table, new numbers (a slider step): rebuilding it would lay out and repaint the whole table each time.
      this.shown.cells.forEach((cells, i) => cells.forEach((cell, j) => {
        if (cell.textContent !== texts[i][j]) cell.textContent = texts[i][j];
      }));
      return;
    }
    const head = h('tr', {}, h('th', { scope: 'col' }, 'Metric'), h('th', { scope: 'col' }, 'Unit'),
      h('th', { scope: 'col', class: 'num' }, `B: ${current.label}`),
      pinned ? h('th', { scope: 'col', class: 'num' }, `A: ${pinned.label}`) : null,
      pinned ? h('th', { scope: 'col', class: 'num' }, 'B − A') : null);
    const cells: HTMLElement[][] = [];
    const body = rows.map((row, i) => {
      const [b, a, diff] = texts[i];
      const valueCells = [h('td', { class: 'num', 'data-run': 'B' }, b)];
      if (pinned) valueCells.push(h('td', { class: 'num', 'data-run': 'A' }, a), h('td', { class: 'num diff' }, diff));
      cells.push(valueCells);
      return h('tr', { 'data-metric': row.id },
        h('th', { scope: 'row' }, row.label), h('td', { class: 'unit' }, row.unit === 'clock' ? '' : row.unit),
        ...valueCells);
    });
    this.shown = { key, cells };
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
