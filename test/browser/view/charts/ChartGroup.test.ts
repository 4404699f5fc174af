/**
 * The chart group on synthetic results with closed-form curves, so every drawn point can be checked against the
 * value it must show: a correct linear (log) chart puts y_px = a + b·v (a + b·log v) for one pair (a, b) per panel.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { ChartGroup, LIVE_IDLE_MS, type ChartData } from '../../../../src/view/charts/ChartGroup';
import { CYTOKINE_PANEL, OCCUPANCY_PANEL, PLASMA_PANEL } from '../../../../src/view/charts/panelSpecs';
import type { SimulationResult } from '../../../../src/engine/result';
import type { Status } from '../../../../src/engine/status';

const OK: Status = { code: 'ok', message: '' };

/** One-compartment decay after doses at 0 and 24 h: C(t) = 10·Σ exp(−(t − tᵢ)/6) (ng/mL); occupancy C/(C + 2). */
function fakeResult(opts: { status?: Status; nanAt?: number[]; scale?: number } = {}): SimulationResult {
  const n = 97; // 0…48 h every 0.5 h
  const t = new Float64Array(n);
  const c = new Float64Array(n);
  const nol = new Float64Array(n);
  const occ = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    t[i] = i * 0.5;
    const ci = (opts.scale ?? 1) * (10 * Math.exp(-t[i] / 6) + (t[i] >= 24 ? 10 * Math.exp(-(t[i] - 24) / 6) : 0));
    c[i] = ci;
    nol[i] = 3 * ci;
    occ[i] = ci / (ci + 2);
  }
  for (const i of opts.nanAt ?? []) c[i] = NaN;
  return {
    status: opts.status ?? OK,
    time_h: t,
    observables: { naltrexone_ng_per_ml: c, naltrexol_ng_per_ml: nol, mor_occupancy: occ },
    metrics: {},
    doses: [{ time_h: 0, amount_mg: 50 }, { time_h: 24, amount_mg: 50 }],
    agonistDoses: [],
    stats: {} as SimulationResult['stats'],
  };
}

function points(d: string): Array<{ move: boolean; x: number; y: number }> {
  return [...d.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)].map((m) => ({ move: m[1] === 'M', x: Number(m[2]), y: Number(m[3]) }));
}

/** Max deviation (px) of the drawn points from the best affine map y = a + b·f(v) through the first and last point. */
function affineError(ys: number[], vs: number[]): { b: number; err: number } {
  const b = (ys[ys.length - 1] - ys[0]) / (vs[vs.length - 1] - vs[0]);
  const a = ys[0] - b * vs[0];
  return { b, err: Math.max(...ys.map((y, i) => Math.abs(y - (a + b * vs[i])))) };
}

let group: ChartGroup | null = null;
let host: HTMLElement | null = null;
function mount(data: ChartData): ChartGroup {
  host = document.createElement('div');
  host.style.width = '900px';
  document.body.append(host);
  group = new ChartGroup(host, { panels: [PLASMA_PANEL, OCCUPANCY_PANEL] });
  group.setData(data);
  return group;
}
afterEach(() => {
  group?.dispose();
  host?.remove();
  group = null;
});
const path = (obs: string, run = 'B') => host!.querySelector(`path[data-observable="${obs}"][data-run="${run}"]`)!.getAttribute('d')!;

describe('ChartGroup', () => {
  it('draws every sample of each series on a linear scale, each at y = a + b·value (to the 0.1 px rounding)', () => {
    const r = fakeResult();
    mount({ current: { result: r, label: 'B' }, pinned: null });
    for (const [id, f] of [['naltrexone_ng_per_ml', 1], ['mor_occupancy', 100]] as const) {
      const pts = points(path(id));
      expect(pts.length).toBe(97);
      const v = [...r.observables[id]].map((x) => x * f);
      const { b, err } = affineError(pts.map((p) => p.y), v);
      expect(b).toBeLessThan(0); // larger values are higher up
      expect(err).toBeLessThanOrEqual(0.11);
      // x is affine in time too
      expect(affineError(pts.map((p) => p.x), [...r.time_h]).err).toBeLessThanOrEqual(0.11);
    }
  });

  it('puts 100 % occupancy on the top of the occupancy axis and the 50 %/90 % lines between', () => {
    mount({ current: { result: fakeResult(), label: 'B' }, pinned: null });
    const svg = host!.querySelector('[data-panel="occupancy"] svg')!;
    const labels = [...svg.querySelectorAll('g.refs text')].map((t) => t.textContent);
    expect(labels).toEqual(['50 %', '90 % blockade']);
    const [y50, y90] = [...svg.querySelectorAll('g.refs line')].map((l) => Number(l.getAttribute('y1')));
    expect(y90).toBeLessThan(y50);
  });

  it('uses y = a + b·log(value) on the log scale', () => {
    const r = fakeResult();
    const g = mount({ current: { result: r, label: 'B' }, pinned: null });
    g.setLog('plasma', true);
    const pts = points(path('naltrexone_ng_per_ml'));
    const { err } = affineError(pts.map((p) => p.y), [...r.observables.naltrexone_ng_per_ml].map(Math.log));
    expect(err).toBeLessThanOrEqual(0.11);
  });

  it('never plots NaN: the line breaks at missing values', () => {
    mount({ current: { result: fakeResult({ nanAt: [10, 50] }), label: 'B' }, pinned: null });
    const d = path('naltrexone_ng_per_ml');
    expect(d).not.toMatch(/NaN|Infinity/);
    expect(points(d).filter((p) => p.move).length).toBe(3);
    expect(points(d).length).toBe(95);
  });

  it('draws A dashed beside B, and B − A in difference mode', () => {
    const a = fakeResult();
    const b = fakeResult({ scale: 2 });
    const g = mount({ current: { result: b, label: 'B' }, pinned: { result: a, label: 'A' } });
    expect(host!.querySelector('path[data-run="A"]')!.getAttribute('stroke-dasharray')).toBe('6 4');
    g.setDifference(true);
    expect(host!.querySelector('path[data-run="A"]')).toBeNull();
    // B − A = C_A here, so the difference line is affine in A's values
    const pts = points(path('naltrexone_ng_per_ml'));
    expect(affineError(pts.map((p) => p.y), [...a.observables.naltrexone_ng_per_ml]).err).toBeLessThanOrEqual(0.11);
    expect(host!.textContent).toContain('difference B − A');
  });

  it('shows a failed run’s status on the chart and still draws the valid prefix', () => {
    const status: Status = { code: 'MAX_STEPS', message: 'stopped at t = 30 h in naltrexone_central; raise max_steps', t: 30 };
    mount({ current: { result: fakeResult({ status }), label: 'B' }, pinned: null });
    const msg = host!.querySelector('g.message text')!;
    expect(msg.textContent).toContain('MAX_STEPS');
    expect(msg.textContent).toContain('raise max_steps');
    expect(points(path('mor_occupancy')).length).toBe(97);
  });

  it('zooms with +, pans with [ and ], and resets with 0 from the keyboard, and labels clock times when zoomed in', async () => {
    const g = mount({ current: { result: fakeResult(), label: 'B' }, pinned: null });
    (host!.querySelector('.chart-group') as HTMLElement).focus();
    await userEvent.keyboard('{Home}+'); // zoom ×2 around the read-out at t = 0: [0 − 12, 0 + 12] clipped
    expect(g.getZoom()).toEqual([0, 12]);
    const ticks = [...host!.querySelectorAll('[data-panel="plasma"] g.axis-x text')].map((t) => t.textContent);
    expect(ticks).toContain('06:00');
    await userEvent.keyboard(']'); // pan right by half the 12 h window
    expect(g.getZoom()).toEqual([6, 18]);
    await userEvent.keyboard('[[');
    expect(g.getZoom()).toEqual([0, 12]); // stops at the start of the run
    await userEvent.keyboard('0');
    expect(g.getZoom()).toBeNull();
  });

  it('keeps a negligible change looking negligible: a 0.1 % cytokine dip spans under 3 px, not the whole panel', () => {
    const r = fakeResult();
    const il6 = Float64Array.from(r.time_h, (t) => 1 - 0.001 * Math.sin((Math.PI * t) / 48)); // dips to 0.999
    host = document.createElement('div');
    host.style.width = '900px';
    document.body.append(host);
    group = new ChartGroup(host, { panels: [CYTOKINE_PANEL] });
    group.setData({ current: { result: { ...r, observables: { il6_rel: il6, tnf_rel: il6 } }, label: 'B' }, pinned: null });
    const ys = points(path('il6_rel')).map((p) => p.y);
    // minSpan 0.1 around the baseline 1.0: 0.001 of a ≥ 0.1 domain over a ~120 px plot is ≤ 1.2 px
    expect(Math.max(...ys) - Math.min(...ys)).toBeLessThan(3);
  });

  it('never lets a panel title and its legend overlap, at normal and projector font sizes and narrow widths', () => {
    for (const [width, fs] of [[900, 12], [600, 12], [900, 18], [700, 18]] as const) {
      group?.dispose();
      host?.remove();
      host = document.createElement('div');
      host.style.width = `${width}px`;
      document.body.append(host);
      group = new ChartGroup(host, { panels: [PLASMA_PANEL, OCCUPANCY_PANEL, CYTOKINE_PANEL], fontSize: fs });
      const r = fakeResult();
      group.setData({ current: { result: r, label: 'B' }, pinned: { result: r, label: 'A' } });
      const shown = [...host.querySelectorAll('svg[role="img"]')].filter((el) => !el.closest('[hidden]'));
      expect(shown.length).toBe(2); // plasma and occupancy (the fake result has no cytokines)
      for (const svg of shown) {
        const title = (svg.querySelector('g.head text.title') as SVGTextElement).getBBox();
        for (const g of svg.querySelectorAll<SVGGElement>('g.head g.legend')) {
          const box = g.getBBox();
          const m = g.transform.baseVal.consolidate()!.matrix;
          const left = box.x + m.e, top = box.y + m.f, bottom = top + box.height;
          const apart = left >= title.x + title.width || top >= title.y + title.height || bottom <= title.y;
          expect(apart, `${width}px/${fs}px: legend at ${left},${top} vs title ending at ${title.x + title.width}`).toBe(true);
        }
      }
    }
  });

  it('changes only the curves when only the data changed: size, clip, dose markers and key are not rewritten', async () => {
    // Rewriting even an unchanged viewBox or clip rect makes the browser repaint and re-rasterise the whole panel on
    // every slider step (doc/notes/view.md, "Live update latency"): a new result with the same doses and axes must
    // touch nothing but the `d` of the B curves.
    const a = fakeResult();
    mount({ current: { result: a, label: 'B' }, pinned: { result: a, label: 'A' } });
    const before = path('naltrexone_ng_per_ml');
    const changed: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target instanceof Element ? r.target : r.target.parentElement;
        const what = `${el?.tagName}.${el?.getAttribute('class') ?? ''}[${el?.getAttribute('data-run') ?? ''}] ${r.type} ${r.attributeName ?? ''}`;
        if (!(r.type === 'attributes' && r.attributeName === 'd' && el?.getAttribute('data-run') === 'B')) changed.push(what);
      }
    });
    observer.observe(host!, { subtree: true, attributes: true, childList: true, characterData: true });
    // 2 % more drug: every curve of B moves (by ≤ 2 %), the 50 mg doses and the axes do not (the plasma axis is
    // 0…10.18·1.02 + 8 % padding, niced to the same ticks)
    group!.setData({ current: { result: fakeResult({ scale: 1.02 }), label: 'B' }, pinned: { result: a, label: 'A' } });
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(path('naltrexone_ng_per_ml')).not.toBe(before);
    expect(changed).toEqual([]);
  });

  it('is "live" (one compositing layer per panel) from a change until LIVE_IDLE_MS after the last one, then rests', () => {
    mount({ current: { result: fakeResult(), label: 'B' }, pinned: null });
    const g = host!.querySelector('.chart-group')!;
    expect(g.classList.contains('live')).toBe(false);
    vi.useFakeTimers();
    try {
      group!.markLive();
      expect(g.classList.contains('live')).toBe(true);
      vi.advanceTimersByTime(LIVE_IDLE_MS - 1);
      group!.markLive(); // a further step restarts the wait
      vi.advanceTimersByTime(LIVE_IDLE_MS - 1);
      expect(g.classList.contains('live')).toBe(true);
      vi.advanceTimersByTime(1);
      expect(g.classList.contains('live')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('while live, leaves a panel off screen as it was and draws it when it scrolls into view, when live ends, or for an export', async () => {
    // A spacer pushes the group below the viewport: both panels are off screen. IntersectionObserver reports come
    // a frame or more after a change, so the test waits for the group to have heard of each one.
    const seen = async (visible: boolean): Promise<void> => {
      const want = visible ? ['plasma', 'occupancy'] : [];
      for (let i = 0; i < 200 && JSON.stringify(group!.panelsOnScreen()) !== JSON.stringify(want); i++) {
        await new Promise((r) => requestAnimationFrame(r));
      }
      expect(group!.panelsOnScreen()).toEqual(want);
    };
    const spacer = document.createElement('div');
    spacer.style.height = '4000px';
    document.body.prepend(spacer);
    try {
      mount({ current: { result: fakeResult(), label: 'B' }, pinned: null });
      await seen(false);
      const before = path('naltrexone_ng_per_ml');
      group!.markLive();
      group!.setData({ current: { result: fakeResult({ scale: 1.5 }), label: 'B' }, pinned: null });
      expect(path('naltrexone_ng_per_ml')).toBe(before); // skipped: off screen while live
      // an export asks for the svgs: they must be current
      group!.svgs();
      const current = path('naltrexone_ng_per_ml');
      expect(current).not.toBe(before);
      // the next live change off screen is skipped again, then drawn once the panel scrolls into view
      group!.markLive();
      group!.setData({ current: { result: fakeResult({ scale: 2 }), label: 'B' }, pinned: null });
      expect(path('naltrexone_ng_per_ml')).toBe(current);
      host!.scrollIntoView();
      await seen(true);
      const shown = path('naltrexone_ng_per_ml');
      expect(shown).not.toBe(current);
      // and with the panels off screen again, the end of live mode brings a skipped panel up to date
      window.scrollTo(0, 0);
      await seen(false);
      group!.markLive();
      group!.setData({ current: { result: fakeResult({ scale: 3 }), label: 'B' }, pinned: null });
      expect(path('naltrexone_ng_per_ml')).toBe(shown);
      await new Promise((r) => setTimeout(r, LIVE_IDLE_MS + 50));
      expect(path('naltrexone_ng_per_ml')).not.toBe(shown);
    } finally {
      spacer.remove();
    }
  });

  it('describes each chart in text for screen readers', () => {
    mount({ current: { result: fakeResult(), label: 'fake 50 mg' }, pinned: null });
    const svg = host!.querySelector('[data-panel="plasma"] svg')!;
    const summary = document.getElementById(svg.getAttribute('aria-describedby')!)!;
    // peak of C(t) is at t = 24 h: 10 e^(−4) + 10 = 10.18 ng/mL
    expect(summary.textContent).toContain('Naltrexone ranges from');
    expect(summary.textContent).toContain(`to ${(10 + 10 * Math.exp(-4)).toFixed(2)} ng/mL, highest at Day 2, 00:00`);
    expect(summary.textContent).toContain('2 doses');
  });
});
