import { afterEach, describe, expect, it } from 'vitest';
import { renderLineChart } from '../../../src/view/research/renderLineChart';
import { nonFiniteAttributes } from './svgChecks';

let fig: HTMLElement | null = null;
afterEach(() => {
  fig?.remove();
  fig = null;
});

function figure(): HTMLElement {
  fig = document.createElement('figure');
  document.body.append(fig);
  return fig;
}

describe('renderLineChart()', () => {
  it('breaks a line at NaN and ±Infinity and leaves non-finite points out, so no attribute holds NaN', () => {
    const t = Float64Array.from([0, 1, 2, 3, 4, 5]);
    const y = Float64Array.from([1, NaN, 2, Infinity, 3, -Infinity]);
    const svg = renderLineChart(figure(), {
      title: 'broken', xLabel: 'time (h)', yLabel: 'value (ng/mL)', width: 400, height: 200, summary: 'a chart with gaps',
      lines: [{ label: 'series', color: '#0072B2', t, y }],
      bands: [{ label: 'band', color: '#0072B2', t, lo: y, hi: y.map((v) => v + 1) }],
      points: [{ label: 'data', color: '#1F1F1F', t: [0, 1, 2, NaN], y: [1, NaN, 2, 3] }],
    });
    expect(nonFiniteAttributes(svg)).toEqual([]);
    // three finite values, separated by gaps: three "M" (move-to) segments
    expect(svg.querySelector('path[data-line="series"]')!.getAttribute('d')!.match(/M/g)).toHaveLength(3);
    expect(svg.querySelectorAll('[data-points] circle')).toHaveLength(2);
  });

  it('draws a flat or empty series on a usable scale instead of a zero-height one', () => {
    const svg = renderLineChart(figure(), {
      title: 'flat', xLabel: 'time (h)', yLabel: 'relative', width: NaN, height: -5, summary: 'flat',
      lines: [{ label: 'flat', color: '#0072B2', t: [0, 1, 2], y: [1, 1, 1] }, { label: 'empty', color: '#B34D00', t: [], y: [] }],
    });
    expect(nonFiniteAttributes(svg)).toEqual([]);
    expect(Number(svg.getAttribute('width'))).toBe(600); // fallback for a non-finite width
    expect(svg.querySelectorAll('.tick').length).toBeGreaterThan(2);
  });

  it('labels the axes with units, titles the SVG and links the text summary', () => {
    const svg = renderLineChart(figure(), {
      title: 'MOR occupancy', xLabel: 'time (h)', yLabel: 'occupancy (%)', width: 500, height: 220, summary: 'Peak 45 %.',
      yDomain: [0, 100], lines: [{ label: 'occ', color: '#0072B2', t: [0, 24], y: [0.1, 0.45], factor: 100 }],
    });
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('time (h)');
    expect(texts).toContain('occupancy (%)');
    expect(texts).toContain('occ'); // legend
    expect(svg.querySelector('title')!.textContent).toBe('MOR occupancy');
    expect(document.getElementById(svg.getAttribute('aria-describedby')!)!.textContent).toBe('Peak 45 %.');
  });
});
