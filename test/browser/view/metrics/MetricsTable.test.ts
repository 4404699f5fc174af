/**
 * The metrics table keeps its DOM while only the numbers change (a slider step), and shows the same numbers as a
 * table built from scratch.
 */
import { describe, expect, it } from 'vitest';
import { MetricsTable } from '../../../../src/view/metrics/MetricsTable';
import type { SimulationResult } from '../../../../src/engine/result';

/** A result with just two metrics: Cmax and AUC of naltrexone (values are arbitrary; only their text is compared). */
function result(cmax: number, auc: number): SimulationResult {
  return {
    status: { code: 'ok', message: '' },
    time_h: new Float64Array(0),
    observables: {},
    metrics: { ntx_cmax_ng_per_ml: cmax, ntx_auc_ng_h_per_ml: auc },
    doses: [],
    agonistDoses: [],
    stats: {} as SimulationResult['stats'],
  };
}
const cell = (t: MetricsTable, metric: string, run: string): string =>
  t.element.querySelector(`tr[data-metric="${metric}"] td[data-run="${run}"]`)!.textContent!;

describe('MetricsTable', () => {
  it('updates the numbers in place while the rows and labels stay, and reads like a table built from scratch', () => {
    const t = new MetricsTable();
    t.update({ result: result(1.5, 20), label: 'B' }, { result: result(1, 10), label: 'A' });
    const table = t.element.querySelector('table');
    t.update({ result: result(2.25, 30), label: 'B' }, { result: result(1, 10), label: 'A' });
    expect(t.element.querySelector('table')).toBe(table); // not rebuilt
    const fresh = new MetricsTable();
    fresh.update({ result: result(2.25, 30), label: 'B' }, { result: result(1, 10), label: 'A' });
    expect(t.element.textContent).toBe(fresh.element.textContent);
    expect(cell(t, 'ntx_cmax', 'B')).toBe('2.25'); // fixed(2)
    expect(cell(t, 'ntx_auc', 'A')).toBe('10.0'); // fixed(1)
  });

  it('rebuilds when the rows or labels change (A unpinned, a new label)', () => {
    const t = new MetricsTable();
    t.update({ result: result(1.5, 20), label: 'B' }, { result: result(1, 10), label: 'A' });
    const table = t.element.querySelector('table');
    t.update({ result: result(1.5, 20), label: 'B2' }, null);
    expect(t.element.querySelector('table')).not.toBe(table);
    expect(t.element.querySelector('td[data-run="A"]')).toBeNull();
    expect(t.element.querySelector('th.num')!.textContent).toBe('B: B2');
  });
});
