import * as d3 from 'd3';
import { BACKGROUND, GRID, INK, MUTED_INK } from '../theme/palette';

/**
 * A small time-series chart for the research tools (comparison small multiples, population bands, fit overlays):
 * lines, shaded bands and data points on one time axis, axes with units, a legend and a text summary for screen
 * readers. Styling goes in as SVG attributes (as in ChartGroup) so the chart looks the same when exported. Only
 * finite numbers reach an attribute: missing values break a line, non-finite points are left out.
 */
export interface LineSeries {
  readonly label: string;
  readonly color: string;
  readonly t: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly dash?: string;
  readonly width?: number;
  /** Multiply values by this before plotting (e.g. 100 for fractions shown as %). */
  readonly factor?: number;
}

export interface BandSeries {
  readonly label: string;
  readonly color: string;
  readonly t: ArrayLike<number>;
  readonly lo: ArrayLike<number>;
  readonly hi: ArrayLike<number>;
  readonly opacity?: number;
  readonly factor?: number;
}

export interface PointSeries {
  readonly label: string;
  readonly color: string;
  readonly t: readonly number[];
  readonly y: readonly number[];
  readonly factor?: number;
}

export interface LineChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width: number;
  readonly height: number;
  readonly xDomain?: readonly [number, number];
  /** Fixed y range (e.g. 0–100 % so small multiples share a scale); otherwise fitted to the data. */
  readonly yDomain?: readonly [number, number];
  readonly lines?: readonly LineSeries[];
  readonly bands?: readonly BandSeries[];
  readonly points?: readonly PointSeries[];
  /** Horizontal reference lines (e.g. baseline 1.0, 50 % occupancy). */
  readonly refs?: ReadonlyArray<{ readonly y: number; readonly label: string }>;
  /** Text alternative (plain text; set with textContent). */
  readonly summary: string;
  readonly showLegend?: boolean;
}

const MARGIN = { top: 34, right: 14, bottom: 38, left: 58 };
let uid = 0;

/** Render (or re-render) a chart into `figure`, replacing what was there. Returns the SVG element. */
export function renderLineChart(figure: HTMLElement, spec: LineChartSpec): SVGSVGElement {
  const id = `rc-${++uid}`;
  figure.replaceChildren();
  figure.classList.add('chart-panel', 'research-chart');
  const width = Math.max(200, Math.floor(finiteOr(spec.width, 600)));
  const height = Math.max(120, Math.floor(finiteOr(spec.height, 220)));
  const legendItems: LegendItem[] = spec.showLegend === false ? [] : [
    ...(spec.lines ?? []).map((l) => ({ label: l.label, color: l.color, kind: 'line' as const, dash: l.dash })),
    ...(spec.bands ?? []).map((b) => ({ label: b.label, color: b.color, kind: 'band' as const, opacity: b.opacity })),
    ...(spec.points ?? []).map((p) => ({ label: p.label, color: p.color, kind: 'point' as const })),
  ];
  const legend = layoutLegend(legendItems, width);
  const top = MARGIN.top + 14 * Math.max(0, legend.rows - 1);
  const iw = width - MARGIN.left - MARGIN.right;
  const ih = height - top - MARGIN.bottom;

  const xs: number[] = [];
  const ys: number[] = [];
  for (const l of spec.lines ?? []) collect(l.t, l.y, l.factor ?? 1, xs, ys);
  for (const b of spec.bands ?? []) {
    collect(b.t, b.lo, b.factor ?? 1, xs, ys);
    collect(b.t, b.hi, b.factor ?? 1, xs, ys);
  }
  for (const p of spec.points ?? []) collect(p.t, p.y, p.factor ?? 1, xs, ys);
  for (const r of spec.refs ?? []) if (Number.isFinite(r.y)) ys.push(r.y);

  const xDom = safeDomain(spec.xDomain ?? [d3.min(xs) ?? 0, d3.max(xs) ?? 1], false);
  const yDom = safeDomain(spec.yDomain ?? [d3.min(ys) ?? 0, d3.max(ys) ?? 1], true);
  const x = d3.scaleLinear().domain(xDom).range([0, iw]);
  const y = d3.scaleLinear().domain(yDom).range([ih, 0]);
  if (!spec.yDomain) y.nice(5);

  const svg = d3
    .select(figure)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-labelledby', `${id}-title`)
    .attr('aria-describedby', `${id}-summary`)
    .attr('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif')
    .attr('font-size', 11);
  svg.append('title').attr('id', `${id}-title`).text(spec.title);
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', BACKGROUND);
  svg.append('text').attr('x', MARGIN.left).attr('y', 13).attr('font-weight', 600).attr('font-size', 12).attr('fill', INK).text(spec.title);

  const g = svg.append('g').attr('transform', `translate(${MARGIN.left},${top})`);
  const clip = `${id}-clip`;
  g.append('clipPath').attr('id', clip).append('rect').attr('width', iw).attr('height', ih);

  // grid + axes
  const yTicks = y.ticks(Math.max(2, Math.floor(ih / 35)));
  g.append('g').selectAll('line').data(yTicks).join('line')
    .attr('x1', 0).attr('x2', iw).attr('y1', (d) => y(d)).attr('y2', (d) => y(d)).attr('stroke', GRID);
  const xTickValues = timeTickValues(xDom, iw);
  const xAxis = g.append('g').attr('transform', `translate(0,${ih})`)
    .call(d3.axisBottom(x).tickValues(xTickValues).tickFormat((d) => formatTick(Number(d))));
  const yAxis = g.append('g').call(d3.axisLeft(y).tickValues(yTicks).tickFormat((d) => formatTick(Number(d))));
  for (const a of [xAxis, yAxis]) {
    a.selectAll('text').attr('fill', INK);
    a.selectAll('line,path').attr('stroke', MUTED_INK);
  }
  g.append('text').attr('x', iw / 2).attr('y', ih + 32).attr('text-anchor', 'middle').attr('fill', INK).text(spec.xLabel);
  g.append('text').attr('transform', `translate(${-44},${ih / 2}) rotate(-90)`).attr('text-anchor', 'middle').attr('fill', INK).text(spec.yLabel);

  const plot = g.append('g').attr('clip-path', `url(#${clip})`);
  for (const r of spec.refs ?? []) {
    if (!Number.isFinite(r.y) || r.y < yDom[0] || r.y > yDom[1]) continue;
    plot.append('line').attr('x1', 0).attr('x2', iw).attr('y1', y(r.y)).attr('y2', y(r.y))
      .attr('stroke', MUTED_INK).attr('stroke-dasharray', '2 3');
    plot.append('text').attr('x', 4).attr('y', y(r.y) < 12 ? y(r.y) + 11 : y(r.y) - 3).attr('text-anchor', 'start').attr('fill', MUTED_INK).attr('font-size', 10).text(r.label);
  }
  for (const b of spec.bands ?? []) {
    const f = b.factor ?? 1;
    const idx = d3.range(Math.min(b.t.length, b.lo.length, b.hi.length));
    const area = d3.area<number>()
      .defined((i) => Number.isFinite(b.t[i]) && Number.isFinite(b.lo[i]) && Number.isFinite(b.hi[i]))
      .x((i) => x(b.t[i])).y0((i) => y(b.lo[i] * f)).y1((i) => y(b.hi[i] * f));
    plot.append('path').attr('d', area(idx) ?? '').attr('fill', b.color).attr('fill-opacity', b.opacity ?? 0.2).attr('stroke', 'none').attr('data-band', b.label);
  }
  for (const l of spec.lines ?? []) {
    const f = l.factor ?? 1;
    const idx = d3.range(Math.min(l.t.length, l.y.length));
    const line = d3.line<number>()
      .defined((i) => Number.isFinite(l.t[i]) && Number.isFinite(l.y[i]))
      .x((i) => x(l.t[i])).y((i) => y(l.y[i] * f));
    const path = plot.append('path').attr('d', line(idx) ?? '').attr('fill', 'none').attr('stroke', l.color)
      .attr('stroke-width', l.width ?? 2).attr('stroke-linejoin', 'round').attr('data-line', l.label);
    if (l.dash) path.attr('stroke-dasharray', l.dash);
  }
  for (const p of spec.points ?? []) {
    const f = p.factor ?? 1;
    const pts = p.t.map((t, i) => [t, p.y[i] * f] as const).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
    // points are not clipped: a datum outside a fixed y range should still show where it lies
    g.append('g').attr('data-points', p.label).selectAll('circle').data(pts).join('circle')
      .attr('cx', (d) => x(d[0])).attr('cy', (d) => Math.max(0, Math.min(ih, y(d[1])))).attr('r', 4)
      .attr('fill', BACKGROUND).attr('stroke', p.color).attr('stroke-width', 2);
  }

  drawLegend(svg, legend.placed);

  const summary = document.createElement('p');
  summary.className = 'sr-only';
  summary.id = `${id}-summary`;
  summary.textContent = spec.summary;
  figure.append(summary);
  return svg.node()!;
}

interface LegendItem {
  readonly label: string;
  readonly color: string;
  readonly kind: 'line' | 'band' | 'point';
  readonly dash?: string;
  readonly opacity?: number;
}

interface PlacedItem extends LegendItem {
  readonly x: number;
  readonly y: number;
}

/** Place legend items left to right under the title, wrapping to a new row when the width runs out. */
function layoutLegend(items: readonly LegendItem[], width: number): { placed: PlacedItem[]; rows: number } {
  const placed: PlacedItem[] = [];
  let cx = MARGIN.left;
  let row = 0;
  for (const it of items) {
    const w = 26 + it.label.length * 5.8;
    if (cx + w > width - 4 && cx > MARGIN.left) {
      cx = MARGIN.left;
      row++;
    }
    placed.push({ ...it, x: cx, y: 27 + 14 * row });
    cx += w + 10;
  }
  return { placed, rows: items.length ? row + 1 : 0 };
}

function drawLegend(svg: d3.Selection<SVGSVGElement, unknown, null, undefined>, items: readonly PlacedItem[]): void {
  const g = svg.append('g').attr('class', 'legend').attr('font-size', 10.5).attr('fill', INK);
  for (const it of items) {
    const item = g.append('g').attr('transform', `translate(${it.x},${it.y})`);
    if (it.kind === 'line') {
      const l = item.append('line').attr('x1', 0).attr('x2', 18).attr('y1', -4).attr('y2', -4).attr('stroke', it.color).attr('stroke-width', 2.5);
      if (it.dash) l.attr('stroke-dasharray', it.dash);
    } else if (it.kind === 'band') {
      item.append('rect').attr('x', 0).attr('y', -9).attr('width', 18).attr('height', 10).attr('fill', it.color).attr('fill-opacity', it.opacity ?? 0.2);
    } else {
      item.append('circle').attr('cx', 9).attr('cy', -4).attr('r', 4).attr('fill', BACKGROUND).attr('stroke', it.color).attr('stroke-width', 2);
    }
    item.append('text').attr('x', 22).attr('y', 0).text(it.label);
  }
}

function collect(t: ArrayLike<number>, v: ArrayLike<number>, f: number, xs: number[], ys: number[]): void {
  const n = Math.min(t.length, v.length);
  for (let i = 0; i < n; i++) {
    const a = t[i];
    const b = v[i] * f;
    if (Number.isFinite(a) && Number.isFinite(b)) {
      xs.push(a);
      ys.push(b);
    }
  }
}

function safeDomain(d: readonly [number, number], pad: boolean): [number, number] {
  let [a, b] = d;
  if (!Number.isFinite(a)) a = 0;
  if (!Number.isFinite(b)) b = a + 1;
  if (b < a) [a, b] = [b, a];
  if (b - a < 1e-12) {
    const m = Math.abs(a) || 1;
    return pad ? [a - 0.05 * m, b + 0.05 * m] : [a, a + 1];
  }
  return [a, b];
}

function finiteOr(v: number, fallback: number): number {
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Hour ticks at whole days (or multiples of days) for runs of several days, so days read at a glance. */
export function timeTickValues(domain: readonly [number, number], pixels: number): number[] {
  const [a, b] = domain;
  const span = b - a;
  const maxTicks = Math.max(2, Math.floor(pixels / 55));
  if (span < 48) return d3.ticks(a, b, maxTicks);
  const steps = [24, 48, 72, 168, 336, 672, 1344];
  const step = steps.find((s) => span / s <= maxTicks) ?? steps[steps.length - 1];
  const out: number[] = [];
  for (let v = Math.ceil(a / step) * step; v <= b + 1e-9; v += step) out.push(v);
  return out;
}

function formatTick(v: number): string {
  if (!Number.isFinite(v)) return '';
  const a = Math.abs(v);
  if (a !== 0 && (a < 0.01 || a >= 1e5)) return v.toExponential(0);
  return String(Number(v.toPrecision(4)));
}
