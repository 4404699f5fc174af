/**
 * One standalone SVG document of all chart panels stacked, with a heading and the "not dosing advice" line, for the
 * SVG and PNG exports. The charts carry their styling as attributes, so the copy looks like the page without CSS.
 * Interactive layers (brush, crosshair) are removed from the copy.
 */
export interface SvgExport {
  readonly text: string;
  readonly width: number;
  readonly height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function chartsToSvg(svgs: readonly SVGSVGElement[], heading: string, footnote: string): SvgExport {
  const shown = svgs.filter((s) => !s.closest('[hidden]'));
  const width = Math.max(320, ...shown.map((s) => Number(s.getAttribute('width')) || 0));
  const headH = 44;
  const footH = 28;
  let y = headH;
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('font-family', 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif');
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('fill', '#FFFFFF');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  root.append(bg);
  const title = document.createElementNS(SVG_NS, 'text');
  title.setAttribute('x', '16');
  title.setAttribute('y', '28');
  title.setAttribute('font-size', '16');
  title.setAttribute('font-weight', '600');
  title.setAttribute('fill', '#1F1F1F');
  title.textContent = heading;
  root.append(title);
  for (const s of shown) {
    const copy = s.cloneNode(true) as SVGSVGElement;
    for (const sel of ['g.brush', 'g.crosshair']) copy.querySelector(sel)?.replaceChildren();
    copy.removeAttribute('role');
    copy.setAttribute('x', '0');
    copy.setAttribute('y', String(y));
    root.append(copy);
    y += Number(s.getAttribute('height')) || 0;
  }
  const foot = document.createElementNS(SVG_NS, 'text');
  foot.setAttribute('x', '16');
  foot.setAttribute('y', String(y + 18));
  foot.setAttribute('font-size', '12');
  foot.setAttribute('fill', '#5C5C5C');
  foot.textContent = footnote;
  root.append(foot);
  const height = y + footH;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
  return { text, width, height };
}
