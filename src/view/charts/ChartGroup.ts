import * as d3 from 'd3';
import type { SimulationResult } from '../../engine/result';
import type { PanelSpec, SeriesSpec } from './panelSpecs';
import { decimate } from './decimate';
import { formatTenths } from './formatTenths';
import { dayAndClock, sleepWindows, timeTicks } from './timeTicks';
import { BACKGROUND, GRID, INK, MUTED_INK, SLEEP_FILL } from '../theme/palette';
import { describePanel } from './describePanel';
import { formatValue } from './formatValue';

/**
 * Linked time-series panels sharing one time axis, one crosshair and one zoom (brush).
 * B is the current scenario (solid lines), A the pinned one (dashed ghost lines). In difference mode each panel
 * shows B − A instead. All styling is set as SVG attributes, not CSS, so an exported SVG/PNG looks the same as
 * the page. Text from users (scenario names) only ever reaches the DOM through textContent.
 */
export interface ChartRun {
  readonly result: SimulationResult;
  readonly label: string;
}

export interface ChartData {
  /** B: the scenario being edited. */
  readonly current: ChartRun | null;
  /** A: the pinned scenario (ghost curves). */
  readonly pinned: ChartRun | null;
}

export interface ChartGroupOptions {
  readonly panels: readonly PanelSpec[];
  /** Height of each panel (px). */
  readonly panelHeight?: number;
  readonly fontSize?: number;
  /** Called when the user zooms (brush, keys) or resets (null). */
  readonly onZoom?: (domain: readonly [number, number] | null) => void;
}

interface PanelView {
  readonly spec: PanelSpec;
  readonly root: HTMLElement;
  readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  readonly summary: HTMLElement;
  log: boolean;
  y: d3.ScaleLinear<number, number> | d3.ScaleLogarithmic<number, number>;
  /** Layout and scales the frame was last drawn for. */
  frameKey?: string;
  /** Size, font size and plot top the svg, its background and its clip were last set for. */
  layoutKey?: string;
  /** What the dose markers were last drawn for (their times, amounts and positions). */
  markerKey?: string;
  /** In or near the viewport (IntersectionObserver; true where there is none). */
  onScreen: boolean;
  /** Skipped by a live render while off screen: draw it when it comes into view or when live mode ends. */
  stale: boolean;
}

const MARGIN = { top: 40, right: 20, bottom: 30, left: 66 };
/** How long after the last change the charts leave live mode (ms): longer than the gap between slider steps. */
export const LIVE_IDLE_MS = 400;
let uid = 0;

export class ChartGroup {
  readonly element: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly key: HTMLElement;
  private readonly panelViews: PanelView[] = [];
  private data: ChartData = { current: null, pinned: null };
  private zoom: [number, number] | null = null;
  private crosshair: number | null = null;
  private diff = false;
  private width = 900;
  private panelHeight: number;
  private fontSize: number;
  private readonly clipId = `ldn-clip-${++uid}`;
  private readonly resizeObserver: ResizeObserver | null;
  private readonly visibility: IntersectionObserver | null;
  private live = false;

  constructor(container: HTMLElement, private readonly options: ChartGroupOptions) {
    this.panelHeight = options.panelHeight ?? 190;
    this.fontSize = options.fontSize ?? 12;
    this.element = document.createElement('div');
    this.element.className = 'chart-group';
    this.element.tabIndex = 0;
    this.element.setAttribute('role', 'group');
    this.element.setAttribute(
      'aria-label',
      'Linked charts. Arrow keys move the read-out (Shift: by a day), + and − zoom, [ and ] pan, 0 resets the zoom, Escape hides the read-out.',
    );
    this.readout = document.createElement('div');
    this.readout.className = 'readout';
    this.readout.setAttribute('aria-live', 'polite');
    this.key = document.createElement('p');
    this.key.className = 'scenario-key';
    this.element.append(this.key, this.readout);
    for (const spec of options.panels) this.panelViews.push(this.createPanel(spec));
    container.append(this.element);
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    this.width = Math.max(320, Math.floor(container.clientWidth || 900));
    this.resizeObserver =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            const w = Math.max(320, Math.floor(this.element.clientWidth));
            if (w && Math.abs(w - this.width) > 1) {
              this.width = w;
              this.render();
            }
          });
    this.resizeObserver?.observe(this.element);
    // While a slider moves, panels out of view are not redrawn (their drawing and its raster competed with the
    // worker for the CPU on every step); they catch up as they scroll into view, or when the slider stops.
    this.visibility =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            let due = false;
            for (const e of entries) {
              const p = this.panelViews.find((v) => v.root === e.target);
              if (!p) continue;
              p.onScreen = e.isIntersecting;
              if (p.onScreen && p.stale) due = true;
            }
            if (due) this.render();
          }, { rootMargin: '64px 0px' });
    for (const p of this.panelViews) this.visibility?.observe(p.root);
    this.renderReadout();
  }

  private liveTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Say that the data is about to change again and again (a slider is moving): until LIVE_IDLE_MS pass without a
   * call, the group carries the class "live", which gives each panel its own compositing layer (public/app.css) so
   * that an update re-rasterises less. Leaving live mode restores the exact resting rendering.
   */
  markLive(): void {
    this.element.classList.add('live');
    this.live = true;
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => {
      this.element.classList.remove('live');
      this.live = false;
      if (this.panelViews.some((p) => p.stale)) this.render();
    }, LIVE_IDLE_MS);
  }

  setData(data: ChartData): void {
    this.data = data;
    const d = this.duration();
    if (this.zoom && (this.zoom[0] >= d || this.zoom[1] > d)) this.zoom = null;
    this.render();
  }

  setLog(panelId: string, on: boolean): void {
    const p = this.panelViews.find((v) => v.spec.id === panelId);
    if (!p || !p.spec.logAllowed) return;
    p.log = on;
    this.render();
  }

  isLog(panelId: string): boolean {
    return this.panelViews.find((v) => v.spec.id === panelId)?.log ?? false;
  }

  setDifference(on: boolean): void {
    this.diff = on;
    this.render();
  }

  setZoom(domain: readonly [number, number] | null, notify = true): void {
    const d = this.duration();
    if (domain) {
      const a = Math.max(0, Math.min(domain[0], domain[1]));
      const b = Math.min(d, Math.max(domain[0], domain[1]));
      // rounded to 0.001 h (3.6 s), the precision the URL keeps, so a reloaded link shows exactly this window
      const r = (v: number): number => Math.round(v * 1000) / 1000;
      this.zoom = b - a >= 0.5 ? [r(a), r(b)] : null;
    } else this.zoom = null;
    this.render();
    if (notify) this.options.onZoom?.(this.zoom);
  }

  getZoom(): readonly [number, number] | null {
    return this.zoom;
  }

  setCrosshair(t: number | null): void {
    this.crosshair = t;
    this.renderCrosshair();
  }

  setAppearance(panelHeight: number, fontSize: number): void {
    this.panelHeight = panelHeight;
    this.fontSize = fontSize;
    this.render();
  }

  /** The SVG elements of the panels (for export). */
  /** Ids of the panels last reported in or near the viewport (the ones a live render draws). */
  panelsOnScreen(): string[] {
    return this.panelViews.filter((p) => p.onScreen).map((p) => p.spec.id);
  }

  /** The panels' svg elements, every one up to date (an export must not carry a panel skipped while live). */
  svgs(): SVGSVGElement[] {
    if (this.panelViews.some((p) => p.stale)) this.render(true);
    return this.panelViews.map((p) => p.svg.node()!);
  }

  dispose(): void {
    clearTimeout(this.summaryTimer);
    clearTimeout(this.liveTimer);
    this.resizeObserver?.disconnect();
    this.visibility?.disconnect();
    this.element.remove();
  }

  private duration(): number {
    const c = this.data.current?.result.time_h;
    const p = this.data.pinned?.result.time_h;
    const dc = c && c.length ? c[c.length - 1] : 0;
    const dp = p && p.length ? p[p.length - 1] : 0;
    return Math.max(dc, dp, 1);
  }

  private domain(): [number, number] {
    return this.zoom ?? [0, this.duration()];
  }

  private createPanel(spec: PanelSpec): PanelView {
    const root = document.createElement('figure');
    root.className = 'chart-panel';
    root.dataset.panel = spec.id;
    const titleId = `${this.clipId}-${spec.id}-title`;
    const summaryId = `${this.clipId}-${spec.id}-summary`;
    const svg = d3
      .select(root)
      .append('svg')
      .attr('xmlns', 'http://www.w3.org/2000/svg')
      .attr('role', 'img')
      .attr('aria-labelledby', titleId)
      .attr('aria-describedby', summaryId)
      .attr('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif');
    svg.append('title').attr('id', titleId).text(spec.title);
    svg.append('rect').attr('class', 'bg').attr('fill', BACKGROUND);
    svg.append('defs').append('clipPath').attr('id', `${this.clipId}-${spec.id}`).append('rect');
    for (const layer of ['sleep', 'grid', 'baseline', 'refs', 'lines-pinned', 'lines-current', 'doses', 'axis-x', 'axis-y', 'head', 'crosshair', 'brush', 'message'])
      svg.append('g').attr('class', layer);
    const summary = document.createElement('p');
    summary.className = 'sr-only';
    summary.id = summaryId;
    root.append(summary);
    this.element.append(root);
    const view: PanelView = { spec, root, svg, summary, log: false, y: d3.scaleLinear(), onScreen: true, stale: false };

    svg.on('pointermove', (event: PointerEvent) => {
      this.announce = false; // pointer hovering: do not flood a screen reader with read-outs
      const [px] = d3.pointer(event, svg.node());
      const x = this.xScale();
      if (px < x.range()[0] || px > x.range()[1]) return;
      this.crosshair = x.invert(px);
      this.renderCrosshair();
    });
    svg.on('pointerleave', () => {
      this.crosshair = null;
      this.renderCrosshair();
    });
    svg.on('dblclick', () => this.setZoom(null));
    // Shift + drag pans a zoomed window (the brush ignores Shift, see its filter); Ctrl/⌘ + wheel zooms around the
    // pointer (plain wheel keeps scrolling the page)
    svg.on('pointerdown.pan', (event: PointerEvent) => {
      if (!event.shiftKey || event.button !== 0 || !this.zoom) return;
      event.preventDefault();
      const node = svg.node()!;
      node.setPointerCapture?.(event.pointerId);
      const x = this.xScale();
      const k = (x.domain()[1] - x.domain()[0]) / (x.range()[1] - x.range()[0]); // hours per px
      const startPx = event.clientX;
      const [a0, b0] = this.zoom;
      const move = (e: PointerEvent): void => {
        const w = b0 - a0;
        const a = Math.min(Math.max(0, a0 - (e.clientX - startPx) * k), this.duration() - w);
        this.setZoom([a, a + w]);
      };
      const up = (): void => {
        node.removeEventListener('pointermove', move);
        node.removeEventListener('pointerup', up);
        node.removeEventListener('pointercancel', up);
      };
      node.addEventListener('pointermove', move);
      node.addEventListener('pointerup', up);
      node.addEventListener('pointercancel', up);
    });
    svg.on('wheel.zoom', (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const x = this.xScale();
      const [px] = d3.pointer(event, svg.node());
      const c = x.invert(Math.min(Math.max(px, x.range()[0]), x.range()[1]));
      const [a, b] = this.domain();
      const f = Math.exp(Math.sign(event.deltaY) * 0.25); // one notch: ×1.28 out or ÷1.28 in
      const na = c - (c - a) * f;
      const nb = c + (b - c) * f;
      this.setZoom(nb - na >= this.duration() ? null : [Math.max(0, na), Math.min(this.duration(), nb)]);
    }, { passive: false } as unknown as boolean);
    return view;
  }

  private xScale(): d3.ScaleLinear<number, number> {
    return d3.scaleLinear().domain(this.domain()).range([MARGIN.left, this.right()]);
  }

  /** Right edge of the plot: leaves room for half of the last tick label ("Day 8") at any font size. */
  private right(): number {
    return this.width - Math.max(MARGIN.right, this.fontSize * 2.2);
  }

  /** The values a series shows: its own, or B − A in difference mode (A interpolated onto B's grid). */
  private readonly valueCache = new WeakMap<object, Map<string, Float64Array>>();
  private readonly decimateCache = new WeakMap<Float64Array, { key: string; idx: number[] }>();

  /** decimate(), remembered per series array and window (A's ghost curves are not re-scanned while B changes). */
  private decimated(t: Float64Array, y: Float64Array, x0: number, x1: number, columns: number): number[] {
    const key = `${x0}|${x1}|${columns}`;
    const hit = this.decimateCache.get(y);
    if (hit && hit.key === key) return hit.idx;
    const idx = decimate(t, y, x0, x1, columns);
    this.decimateCache.set(y, { key, idx });
    return idx;
  }

  private seriesValues(run: ChartRun, s: SeriesSpec, forPinned: boolean): { t: Float64Array; y: Float64Array } | null {
    const r = run.result;
    const diffing = this.diff && !forPinned && !!this.data.pinned;
    if (!diffing) {
      // display values of a result never change: compute them once per result and series
      let m = this.valueCache.get(r);
      if (!m) this.valueCache.set(r, (m = new Map()));
      const hit = m.get(s.observable);
      if (hit) return { t: r.time_h, y: hit };
      const raw = r.observables[s.observable];
      if (!raw || !r.time_h.length) return null;
      const f = s.factor ?? 1;
      let y = raw;
      if (f !== 1) {
        y = new Float64Array(raw.length); // a plain loop: TypedArray.map calls a function per point
        for (let i = 0; i < raw.length; i++) y[i] = raw[i] * f;
      }
      m.set(s.observable, y);
      return { t: r.time_h, y };
    }
    const raw = r.observables[s.observable];
    if (!raw || !r.time_h.length) return null;
    const f = s.factor ?? 1;
    const y = new Float64Array(raw.length);
    for (let i = 0; i < raw.length; i++) y[i] = raw[i] * f;
    if (this.diff && !forPinned && this.data.pinned) {
      const a = this.data.pinned.result;
      const ay = a.observables[s.observable];
      if (!ay || !a.time_h.length) return null;
      for (let i = 0; i < y.length; i++) y[i] -= interpolate(a.time_h, ay, r.time_h[i]) * f;
    }
    return { t: r.time_h, y };
  }

  /** Which line style is which scenario (text only: labels may come from users). */
  private renderKey(): void {
    const items: HTMLElement[] = [];
    const add = (style: string, tag: string, text: string): void => {
      const span = document.createElement('span');
      span.className = `key-item key-${style}`;
      span.dataset.run = tag;
      const sample = document.createElement('i');
      sample.className = `key-line ${style}`;
      const b = document.createElement('b');
      b.textContent = `${tag}:`;
      span.append(sample, b, ` ${text}`);
      items.push(span);
    };
    if (this.data.current) add('solid', 'B', this.data.current.label);
    if (this.data.pinned) add('dashed', 'A', `${this.data.pinned.label} (pinned)`);
    if (this.diff && this.data.pinned && this.data.current) {
      const note = document.createElement('span');
      note.className = 'key-item';
      note.textContent = 'Showing the difference B − A';
      items.push(note);
    }
    // the key changes when a label does, not on every slider step: leave the DOM alone when it would read the same
    const signature = items.map((i) => `${i.className}|${i.dataset.run ?? ''}|${i.textContent}`).join('\n');
    if (signature === this.keySignature) return;
    this.keySignature = signature;
    this.key.replaceChildren(...items);
  }

  private keySignature = '';

  /** Draws every panel; while live (markLive), panels off screen are left stale unless `all`. */
  render(all = false): void {
    this.renderKey();
    const x = this.xScale();
    const [x0, x1] = x.domain() as [number, number];
    const h = this.panelHeight;
    const fs = this.fontSize;
    const diffMode = this.diff && !!this.data.pinned && !!this.data.current;
    for (const p of this.panelViews) {
      if (this.live && !all && !p.onScreen) {
        p.stale = true;
        continue;
      }
      p.stale = false;
      const { svg, spec } = p;
      const top = MARGIN.top + Math.max(0, fs - 12) * 1.5 + (this.headRows(spec, diffMode) - 1) * fs * 1.6;
      const yRange: [number, number] = [h - MARGIN.bottom, top];
      // Set the size, background and clip only when the layout changed: writing even an unchanged value to the svg's
      // viewBox or to the clip path's rect invalidates the clip resource, so the browser repaints and re-rasterises
      // the whole panel (and every tile it touches) on each slider step (measured in the update trace: all 31 tiles
      // of the page re-rasterised per update).
      const layoutKey = `${this.width}|${h}|${fs}|${top}`;
      if (p.layoutKey !== layoutKey) {
        p.layoutKey = layoutKey;
        svg.attr('width', this.width).attr('height', h).attr('viewBox', `0 0 ${this.width} ${h}`).attr('font-size', fs);
        svg.select('rect.bg').attr('width', this.width).attr('height', h);
        svg.select(`#${this.clipId}-${spec.id} rect`)
          .attr('x', MARGIN.left).attr('y', top - 2)
          .attr('width', this.right() - MARGIN.left).attr('height', yRange[0] - top + 4);
      }

      // series values (display units), visible extent for the y domain
      const lines: Array<{ s: SeriesSpec; run: 'current' | 'pinned'; t: Float64Array; y: Float64Array }> = [];
      for (const s of spec.series) {
        if (this.data.current) {
          const v = this.seriesValues(this.data.current, s, false);
          if (v) lines.push({ s, run: 'current', ...v });
        }
        if (this.data.pinned && !diffMode) {
          const v = this.seriesValues(this.data.pinned, s, true);
          if (v) lines.push({ s, run: 'pinned', ...v });
        }
      }
      const hasComed = !!(this.data.current?.result.agonistDoses.length || this.data.pinned?.result.agonistDoses.length);
      p.root.hidden = (lines.length === 0 && this.data.current !== null) || (!!spec.requiresComedication && !hasComed);
      if (p.root.hidden) continue;
      const useLog = p.log && !diffMode;
      // decimate first (one min/max column per 2 px keeps every extreme), then take the y extent over the kept
      // points only: one full pass over each series instead of two
      const columns = Math.max(50, Math.floor((this.right() - MARGIN.left) / 2));
      const kept = lines.map((l) => this.decimated(l.t, l.y, x0, x1, columns));
      let lo = Infinity, hi = -Infinity, minPos = Infinity;
      for (let k = 0; k < lines.length; k++) {
        const l = lines[k];
        for (const i of kept[k]) {
          if (l.t[i] < x0 || l.t[i] > x1) continue;
          const v = l.y[i];
          if (!Number.isFinite(v)) continue;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
          if (v > 0 && v < minPos) minPos = v;
        }
      }
      if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
      let y: d3.ScaleLinear<number, number> | d3.ScaleLogarithmic<number, number>;
      if (useLog) {
        const top10 = Number.isFinite(hi) && hi > 0 ? hi * 1.5 : 1;
        const bottom = Math.max(Number.isFinite(minPos) ? minPos : top10 / 1e3, top10 / 1e4);
        y = d3.scaleLog().domain([bottom, top10]).range(yRange).clamp(true);
      } else if (spec.yDomain && !diffMode) {
        y = d3.scaleLinear().domain([spec.yDomain[0], Math.max(spec.yDomain[1], hi)]).range(yRange);
      } else {
        if (spec.baseline !== undefined && !diffMode) {
          lo = Math.min(lo, spec.baseline);
          hi = Math.max(hi, spec.baseline);
        }
        if (!diffMode && spec.baseline === undefined) lo = Math.min(0, lo);
        if (diffMode) { lo = Math.min(0, lo); hi = Math.max(0, hi); }
        if (spec.minSpan && hi - lo < spec.minSpan) {
          const centre = diffMode ? 0 : spec.baseline ?? (lo + hi) / 2;
          lo = Math.min(lo, centre - spec.minSpan / 2);
          hi = Math.max(hi, centre + spec.minSpan / 2);
        }
        const pad = (hi - lo) * 0.08 || Math.max(Math.abs(hi) * 0.05, 0.01);
        // non-negative quantities never get a negative axis just for padding
        const bottom = lo >= 0 && !diffMode ? Math.max(0, lo - pad) : lo - pad;
        y = d3.scaleLinear().domain([bottom, hi + pad]).range(yRange).nice(5);
      }
      p.y = y;

      // the frame (sleep bands, grid, axes, reference lines, title/legend, brush) depends only on the scales and the
      // layout: while a slider moves B and the axes stay put, it is left as it is
      const [fy0, fy1] = y.domain();
      const frameKey = `${this.width}|${h}|${top}|${fs}|${x0}|${x1}|${fy0}|${fy1}|${useLog}|${diffMode}|${!!this.data.pinned}`;
      const frameChanged = p.frameKey !== frameKey;
      p.frameKey = frameKey;
      if (frameChanged) {
        // sleep shading 23:00–07:00
        const sleep = sleepWindows([x0, x1]);
        svg.select('g.sleep').selectAll('rect').data(sleep).join('rect')
          .attr('x', (d) => x(d[0])).attr('width', (d) => Math.max(0, x(d[1]) - x(d[0])))
          .attr('y', top).attr('height', yRange[0] - top).attr('fill', SLEEP_FILL);

        // grid + axes
        const yTicks = useLog ? (y as d3.ScaleLogarithmic<number, number>).ticks(4) : (y as d3.ScaleLinear<number, number>).ticks(Math.max(3, Math.round(h / 50)));
        // log axes: 1-2-5 ticks when they fit (about one per 28 px), otherwise powers of ten only
        const ticks125 = yTicks.filter((v) => /^(1|2|5)(\.0+)?e/.test(v.toExponential()));
        const decades = yTicks.filter((v) => /^1(\.0+)?e/.test(v.toExponential()));
        const yTicksShown = useLog ? (ticks125.length * 28 <= yRange[0] - top ? ticks125 : decades) : yTicks;
        svg.select('g.grid').selectAll('line').data(yTicksShown).join('line')
          .attr('x1', MARGIN.left).attr('x2', this.right())
          .attr('y1', (d) => y(d)).attr('y2', (d) => y(d)).attr('stroke', GRID).attr('stroke-width', 1);
        const ticks = timeTicks([x0, x1], Math.floor((this.right() - MARGIN.left) / (fs * 7)));
        const gx = svg.select<SVGGElement>('g.axis-x').attr('transform', `translate(0,${yRange[0]})`);
        gx.call(d3.axisBottom(x).tickValues(ticks.values).tickFormat((t) => ticks.format(+t)).tickSizeOuter(0));
        const gy = svg.select<SVGGElement>('g.axis-y').attr('transform', `translate(${MARGIN.left},0)`);
        gy.call(d3.axisLeft(y).tickValues(yTicksShown).tickFormat((v) => formatTick(+v)).tickSizeOuter(0));
        for (const g of [gx, gy]) {
          g.attr('font-size', fs).attr('font-family', null);
          g.selectAll('text').attr('fill', INK);
          g.selectAll('line,path').attr('stroke', MUTED_INK);
        }
        // axis label: unit (and what difference mode shows)
        const unitLabel = diffMode ? `B − A (${spec.unit})` : spec.unit;
        gy.selectAll('text.unit').data([unitLabel]).join('text').attr('class', 'unit')
          .attr('x', -MARGIN.left + 4).attr('y', top - 8).attr('text-anchor', 'start').attr('fill', MUTED_INK)
          .text((d) => d);

        // baseline and reference lines
        const baseVals = diffMode ? [0] : spec.baseline !== undefined ? [spec.baseline] : [];
        svg.select('g.baseline').selectAll('line').data(baseVals).join('line')
          .attr('x1', MARGIN.left).attr('x2', this.right()).attr('y1', (d) => y(d)).attr('y2', (d) => y(d))
          .attr('stroke', MUTED_INK).attr('stroke-width', 1);
        const refs = diffMode || useLog ? [] : (spec.referenceLines ?? []);
        const gr = svg.select('g.refs').selectAll<SVGGElement, unknown>('g.ref').data(refs).join((e) => {
          const g = e.append('g').attr('class', 'ref');
          g.append('line');
          g.append('text');
          return g;
        });
        gr.select('line').attr('x1', MARGIN.left).attr('x2', this.right())
          .attr('y1', (d) => y(d.value)).attr('y2', (d) => y(d.value))
          .attr('stroke', MUTED_INK).attr('stroke-dasharray', '2 3').attr('stroke-width', 1);
        gr.select('text').attr('x', this.right() - 4).attr('y', (d) => y(d.value) - 3)
          .attr('text-anchor', 'end').attr('fill', MUTED_INK).attr('font-size', fs * 0.9)
          .attr('stroke', BACKGROUND).attr('stroke-width', 3).attr('paint-order', 'stroke').text((d) => d.label);
      }

      // curves. Paths are rebuilt only when what they show changed (while a slider is dragged, A's ghost curves keep
      // their path strings), and points are mapped with the scales' affine form instead of calling d3 per point.
      const [yd0, yd1] = y.domain();
      const scaleKey = `${this.width}|${h}|${top}|${x0}|${x1}|${yd0}|${yd1}|${useLog}|${diffMode}`;
      const line = (l: (typeof lines)[number]): string => {
        const idx = kept[lines.indexOf(l)];
        const [r0, r1] = x.range();
        const kx = (r1 - r0) / (x1 - x0);
        const [q0, q1] = y.range();
        const f = useLog ? Math.log : (v: number) => v;
        const fd0 = f(yd0);
        const ky = (q1 - q0) / (f(yd1) - fd0);
        const parts: string[] = [];
        let pen = false;
        let last = -1;
        for (const i of idx) {
          // a missing (non-finite) sample between two kept ones breaks the line instead of bridging it
          if (pen && i - last > 1) for (let k = last + 1; k < i; k++) if (!Number.isFinite(l.y[k])) { pen = false; break; }
          last = i;
          const v = l.y[i];
          if (useLog && !(v > 0)) { pen = false; continue; }
          const px = r0 + (l.t[i] - x0) * kx;
          let py = q0 + (f(v) - fd0) * ky;
          if (useLog) py = Math.min(q0, Math.max(q1, py)); // the log scale clamps, as d3's does
          if (!Number.isFinite(px) || !Number.isFinite(py)) { pen = false; continue; }
          parts.push(`${pen ? 'L' : 'M'}${formatTenths(px)},${formatTenths(py)}`); // = Math.round(v * 10) / 10
          pen = true;
        }
        return parts.join('');
      };
      for (const run of ['pinned', 'current'] as const) {
        const data = lines.filter((l) => l.run === run);
        const source = run === 'current' ? this.data.current : this.data.pinned;
        const other = diffMode && run === 'current' ? this.data.pinned?.result : undefined; // B − A depends on A too
        const group = svg.select<SVGGElement>(`g.lines-${run}`);
        setIfChanged(group.node(), 'clip-path', `url(#${this.clipId}-${spec.id})`);
        // attributes are written only when they differ: rewriting a presentation attribute with its own value still
        // restyles and repaints the path (A's ghost curves would be repainted on every slider step)
        group.selectAll<SVGPathElement, (typeof lines)[number]>('path').data(data, (d) => d.s.observable).join('path')
          .each(function (d) {
            setIfChanged(this, 'data-observable', d.s.observable);
            setIfChanged(this, 'data-run', run === 'current' ? 'B' : 'A');
            setIfChanged(this, 'fill', 'none');
            setIfChanged(this, 'stroke', d.s.color);
            setIfChanged(this, 'stroke-width', String((run === 'current' ? 2.25 : 2) * Math.max(1, fs / 14))); // thicker on a projector
            setIfChanged(this, 'stroke-dasharray', run === 'pinned' ? '6 4' : null);
            setIfChanged(this, 'stroke-opacity', run === 'pinned' ? '0.75' : '1');
            setIfChanged(this, 'stroke-linejoin', 'round');
          })
          .each(function (d) {
            const el = this as SVGPathElement & { __ldnKey?: string; __ldnResult?: unknown; __ldnOther?: unknown };
            const key = `${scaleKey}|${d.s.observable}`;
            if (el.__ldnKey === key && el.__ldnResult === source?.result && el.__ldnOther === other) return;
            el.__ldnKey = key;
            el.__ldnResult = source?.result;
            el.__ldnOther = other;
            el.setAttribute('d', line(d));
          });
      }

      // dose markers: filled triangles for B, hollow for A, along the bottom of the plot
      const markers: Array<{ t: number; mg: number; run: 'B' | 'A' }> = [];
      for (const [run, r] of [['B', this.data.current], ['A', diffMode ? null : this.data.pinned]] as const)
        for (const d of r?.result.doses ?? []) if (d.time_h >= x0 && d.time_h <= x1) markers.push({ t: d.time_h, mg: d.amount_mg, run });
      const by = yRange[0];
      // unchanged markers (a parameter slider moves the curves, not the doses) are left alone: rewriting their
      // attributes repaints them in every panel
      const markerKey = `${x0}|${x1}|${this.width}|${fs}|${by}|${markers.map((d) => `${d.t},${d.mg},${d.run}`).join(';')}`;
      if (p.markerKey !== markerKey) {
        p.markerKey = markerKey;
        svg.select('g.doses').selectAll('path').data(markers).join((e) => {
          const m = e.append('path');
          m.append('title');
          return m;
        })
          .attr('d', (d) => `M${x(d.t).toFixed(1)},${by - (d.run === 'B' ? 0 : 9)}l-4,-7h8z`)
          .attr('fill', (d) => (d.run === 'B' ? INK : BACKGROUND))
          .attr('stroke', INK).attr('stroke-width', 1)
          .attr('class', 'dose-marker')
          .select('title').text((d) => `${d.run === 'B' ? 'B' : 'A'}: ${formatValue(d.mg, 3)} mg at ${dayAndClock(d.t)}`);
      }

      // title and legend (in the SVG so exports carry them)
      if (frameChanged) this.renderHead(p, top, diffMode);

      // status message of a failed run (its valid prefix is still drawn)
      const msgs: string[] = [];
      for (const [tag, r] of [['B', this.data.current], ['A', this.data.pinned]] as const)
        if (r && r.result.status.code !== 'ok') msgs.push(`${tag}: ${r.result.status.code} — ${r.result.status.message}`);
      const mg = svg.select('g.message').selectAll('text').data(msgs).join('text')
        .attr('x', MARGIN.left + 8).attr('y', (_, i) => top + 16 + i * (fs + 4))
        .attr('fill', '#A00000').attr('font-weight', 600).attr('font-size', fs)
        .attr('role', 'alert')
        .text((d) => (d.length > 160 ? `${d.slice(0, 157)}…` : d));
      mg.attr('data-status', 'error');

      if (frameChanged) {
        // brush for zoom (the overlay also feeds the crosshair through pointermove on the svg)
        const brush = d3.brushX<unknown>()
          .filter((event: MouseEvent) => !event.ctrlKey && !event.shiftKey && !event.button) // Shift + drag pans
          .extent([[MARGIN.left, top], [this.right(), yRange[0]]])
          .on('end', (event: d3.D3BrushEvent<unknown>) => {
            if (!event.sourceEvent || !event.selection) return;
            const [s0, s1] = event.selection as [number, number];
            svg.select<SVGGElement>('g.brush').call(brush.move, null);
            if (Math.abs(s1 - s0) > 4) this.setZoom([x.invert(s0), x.invert(s1)]);
          });
        svg.select<SVGGElement>('g.brush').call(brush);
        svg.select('g.brush rect.selection').attr('fill', MUTED_INK).attr('fill-opacity', 0.15).attr('stroke', 'none');
      }

    }
    this.scheduleSummaries([x0, x1], diffMode);
    this.renderCrosshair();
  }

  private summaryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Screen-reader summaries follow the data with a short delay: no need to rewrite them on every slider step. */
  private scheduleSummaries(window: readonly [number, number], diffMode: boolean): void {
    clearTimeout(this.summaryTimer);
    const write = (): void => {
      for (const p of this.panelViews) if (!p.root.hidden) p.summary.textContent = describePanel(p.spec, this.data, window, diffMode);
    };
    // the first summary is written at once (a reader may be waiting for it); later ones after 250 ms of calm
    if (this.panelViews.every((p) => !p.summary.textContent)) write();
    else this.summaryTimer = setTimeout(write, 250);
  }

  /** Approximate text widths (px) of the title and the legend at the current font size. */
  private headWidths(spec: PanelSpec, diffMode: boolean): { title: number; legend: number[] } {
    const fs = this.fontSize;
    const showA = !!this.data.pinned && !diffMode;
    const sw = fs * 2;
    const titleText = diffMode ? `${spec.title} — difference B − A` : spec.title;
    const title = this.textWidth(titleText, fs * 1.1, true);
    const legend = spec.series.map((s) => this.textWidth(s.label, fs, false) + sw * (showA ? 2.3 : 1.2) + fs);
    return { title, legend };
  }

  private readonly widthCache = new Map<string, number>();
  private measurer: SVGTextElement | null = null;

  /** Rendered width of a text (px), measured once per text and size in a hidden SVG; estimated when not laid out. */
  private textWidth(text: string, size: number, bold: boolean): number {
    const key = `${size}|${bold}|${text}`;
    const hit = this.widthCache.get(key);
    if (hit !== undefined) return hit;
    const estimate = text.length * size * (bold ? 0.6 : 0.56);
    if (!this.measurer) {
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('aria-hidden', 'true');
      svg.setAttribute('width', '0');
      svg.setAttribute('height', '0');
      svg.style.position = 'absolute';
      svg.style.visibility = 'hidden';
      svg.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif');
      this.measurer = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      svg.append(this.measurer);
      this.element.append(svg);
    }
    this.measurer.setAttribute('font-size', String(size));
    this.measurer.setAttribute('font-weight', bold ? '600' : '400');
    this.measurer.textContent = text;
    let w = 0;
    try {
      w = this.measurer.getComputedTextLength();
    } catch {
      w = 0;
    }
    if (!(w > 0)) return estimate; // not laid out yet (detached or hidden): do not cache the estimate
    this.widthCache.set(key, w);
    return w;
  }

  /** One header row (title left, legend right) or two when they would overlap. */
  private headRows(spec: PanelSpec, diffMode: boolean): number {
    const w = this.headWidths(spec, diffMode);
    const legend = w.legend.reduce((a, b) => a + b, 0);
    return MARGIN.left + w.title + 16 + legend > this.right() ? 2 : 1;
  }

  private renderHead(p: PanelView, top: number, diffMode: boolean): void {
    const { svg, spec } = p;
    const fs = this.fontSize;
    const head = svg.select('g.head');
    head.selectAll('text.title').data([diffMode ? `${spec.title} — difference B − A` : spec.title]).join('text')
      .attr('class', 'title').attr('x', MARGIN.left)
      .attr('y', top - 22 - Math.max(0, fs - 12) * 0.2 - (this.headRows(spec, diffMode) - 1) * fs * 1.6)
      .attr('fill', INK).attr('font-weight', 600).attr('font-size', fs * 1.1).text((d) => d);
    // legend at the right: one entry per series (solid = B; a dashed sample when A is shown)
    const items = spec.series.filter((s) => this.data.current?.result.observables[s.observable] || this.data.pinned?.result.observables[s.observable]);
    const entries = head.selectAll<SVGGElement, SeriesSpec>('g.legend').data(items, (d) => d.observable).join((e) => {
      const g = e.append('g').attr('class', 'legend');
      g.append('line').attr('class', 'solid');
      g.append('line').attr('class', 'dashed');
      g.append('text');
      return g;
    });
    const showA = !!this.data.pinned && !diffMode;
    const sw = fs * 2;
    let xr = this.right();
    const widths = items.map((s) => this.textWidth(s.label, fs, false) + sw * (showA ? 2.3 : 1.2) + fs);
    const xs: number[] = [];
    const twoRows = this.headRows(spec, diffMode) === 2;
    if (twoRows) {
      let xl = MARGIN.left;
      for (let i = 0; i < items.length; i++) { xs[i] = xl; xl += widths[i]; }
    } else for (let i = items.length - 1; i >= 0; i--) { xr -= widths[i]; xs[i] = xr; }
    const ly = top - 22 - Math.max(0, fs - 12) * 0.2;
    entries.attr('transform', (_, i) => `translate(${xs[i]},${ly})`);
    entries.select('line.solid').attr('x1', 0).attr('x2', sw).attr('y1', -fs * 0.35).attr('y2', -fs * 0.35)
      .attr('stroke', (d) => d.color).attr('stroke-width', 2.5);
    entries.select('line.dashed').attr('x1', sw * 1.15).attr('x2', sw * 2.15).attr('y1', -fs * 0.35).attr('y2', -fs * 0.35)
      .attr('stroke', (d) => d.color).attr('stroke-width', 2).attr('stroke-dasharray', '6 4')
      .attr('display', showA ? null : 'none');
    entries.select('text').attr('x', sw * (showA ? 2.3 : 1.2)).attr('y', 0).attr('fill', INK).attr('font-size', fs)
      .text((d) => d.label);
  }

  private renderCrosshair(): void {
    const t = this.crosshair;
    const x = this.xScale();
    for (const p of this.panelViews) {
      const g = p.svg.select('g.crosshair');
      const [yb, yt] = p.y.range();
      const shown = t !== null && this.data.current !== null;
      g.selectAll('line').data(shown ? [t!] : []).join('line')
        .attr('x1', (d) => x(d)).attr('x2', (d) => x(d)).attr('y1', yt).attr('y2', yb)
        .attr('stroke', INK).attr('stroke-width', 1).attr('pointer-events', 'none');
      const dots: Array<{ cx: number; cy: number; color: string }> = [];
      if (shown) {
        for (const s of p.spec.series) {
          const r = this.data.current!.result;
          const arr = r.observables[s.observable];
          if (!arr || !r.time_h.length) continue;
          let v = interpolate(r.time_h, arr, t!) * (s.factor ?? 1);
          if (this.diff && this.data.pinned) {
            const a = this.data.pinned.result.observables[s.observable];
            if (a) v -= interpolate(this.data.pinned.result.time_h, a, t!) * (s.factor ?? 1);
          }
          const cy = p.y(v);
          if (Number.isFinite(cy)) dots.push({ cx: x(t!), cy, color: s.color });
        }
      }
      g.selectAll('circle').data(dots).join('circle')
        .attr('cx', (d) => d.cx).attr('cy', (d) => d.cy).attr('r', 3.5)
        .attr('fill', (d) => d.color).attr('stroke', BACKGROUND).attr('stroke-width', 1.5).attr('pointer-events', 'none');
    }
    this.renderReadout();
  }

  /** The hover read-out: the time and every series' value in every panel, for B and (when pinned) A. */
  /** Whether read-out changes are announced (keyboard) or silent (pointer hover). */
  private announce = true;

  private renderReadout(): void {
    const t = this.crosshair;
    const el = this.readout;
    setIfChanged(el, 'aria-live', this.announce ? 'polite' : 'off');
    if (t === null || !this.data.current) {
      const text = this.data.current
        ? 'Hover or use the arrow keys for values · drag across a chart to zoom, Shift + drag to pan, Ctrl + wheel to zoom · double-click to reset'
        : 'Waiting for the first simulation…';
      // the same hint after each slider step: leave it (a rebuilt line is re-laid out and repainted)
      if (el.childElementCount === 1 && el.firstElementChild?.className === 'hint' && el.textContent === text) return;
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = text;
      el.replaceChildren(hint);
      return;
    }
    el.replaceChildren();
    const time = document.createElement('strong');
    time.className = 'readout-time';
    time.textContent = dayAndClock(t);
    el.append(time);
    for (const p of this.panelViews) {
      if (p.root.hidden) continue;
      for (const s of p.spec.series) {
        const b = valueAt(this.data.current.result, s, t);
        if (b === null) continue;
        const a = this.data.pinned ? valueAt(this.data.pinned.result, s, t) : null;
        const item = document.createElement('span');
        item.className = 'readout-item';
        item.dataset.observable = s.observable;
        const sw = document.createElement('i');
        sw.className = 'swatch';
        sw.style.backgroundColor = s.color;
        const unit = p.spec.unit === 'relative' ? '' : ` ${p.spec.unit}`;
        const digits = p.spec.digits ?? 3;
        item.append(sw, `${s.label}: `);
        const bv = document.createElement('b');
        bv.textContent = `${formatValue(b, digits)}${unit}`;
        item.append(bv);
        if (a !== null) item.append(` (A ${formatValue(a, digits)})`);
        el.append(item);
      }
    }
  }

  private onKey(e: KeyboardEvent): void {
    this.announce = true; // keyboard exploration: read-outs are announced
    const r = this.data.current?.result;
    if (!r || !r.time_h.length) return;
    const [a, b] = this.domain();
    const step = e.shiftKey ? 24 : Math.max((b - a) / 100, r.time_h.length > 1 ? r.time_h[1] - r.time_h[0] : 1);
    const t = this.crosshair ?? a;
    let handled = true;
    switch (e.key) {
      case 'ArrowRight': this.setCrosshair(Math.min(b, t + step)); break;
      case 'ArrowLeft': this.setCrosshair(Math.max(a, t - step)); break;
      case 'Home': this.setCrosshair(a); break;
      case 'End': this.setCrosshair(b); break;
      case '+': case '=': {
        const c = this.crosshair ?? (a + b) / 2;
        const half = (b - a) / 4;
        this.setZoom([c - half, c + half]);
        break;
      }
      case '-': case '_': {
        const c = (a + b) / 2;
        const half = (b - a);
        this.setZoom(half * 2 >= this.duration() ? null : [Math.max(0, c - half), c + half]);
        break;
      }
      case '[': case ']': {
        // pan by half the window, staying inside the run
        const w = b - a;
        const shift = (e.key === ']' ? 1 : -1) * w / 2;
        const start = Math.min(Math.max(0, a + shift), this.duration() - w);
        if (this.zoom) this.setZoom([start, start + w]);
        break;
      }
      case '0': this.setZoom(null); break;
      case 'Escape': this.setCrosshair(null); break;
      default: handled = false;
    }
    if (handled) e.preventDefault();
  }
}

/** Linear interpolation of y(t) on a sorted grid (clamped at the ends). */
export function interpolate(t: Float64Array, y: Float64Array, at: number): number {
  const n = Math.min(t.length, y.length);
  if (n === 0) return NaN;
  if (at <= t[0]) return y[0];
  if (at >= t[n - 1]) return y[n - 1];
  const i = d3.bisectRight(t, at);
  const t0 = t[i - 1], t1 = t[i];
  const w = t1 > t0 ? (at - t0) / (t1 - t0) : 0;
  return y[i - 1] + w * (y[i] - y[i - 1]);
}

function valueAt(r: SimulationResult, s: SeriesSpec, t: number): number | null {
  const arr = r.observables[s.observable];
  if (!arr || !r.time_h.length || t > r.time_h[r.time_h.length - 1]) return null;
  const v = interpolate(r.time_h, arr, t) * (s.factor ?? 1);
  return Number.isFinite(v) ? v : null;
}

function formatTick(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1000 || a < 0.01) return d3.format('.0e')(v);
  return d3.format('~g')(v);
}

/** setAttribute (or removeAttribute for null) only when the value differs: an unchanged write still invalidates. */
function setIfChanged(el: Element | null, name: string, value: string | null): void {
  if (!el || el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}
