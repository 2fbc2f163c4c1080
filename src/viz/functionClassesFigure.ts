/**
 * One panel of the function-classes figure (the notebook's ResNet.png) drawn into an SVG:
 * regions F1…F6 as ellipses, the truth f* as a star, and for the current step the best
 * approximation f*_Fi with a dashed line and its distance. Pure drawing: the geometry
 * (nearest points, distances) arrives as plain data; the SVG's viewBox is the figure's
 * own coordinate box, so the caller can map pointer positions with `figurePoint`.
 */
import * as d3 from 'd3';
import { PALETTE } from './palette';

export interface FigurePoint {
  readonly x: number;
  readonly y: number;
}

export interface FigureRegion {
  readonly cx: number;
  readonly cy: number;
  readonly rx: number;
  readonly ry: number;
  /** Radians. */
  readonly angle: number;
  /** Where the region's name goes. */
  readonly labelAt: FigurePoint;
}

export interface FigurePanelData {
  readonly width: number;
  readonly height: number;
  readonly regions: readonly FigureRegion[];
  /** Regions F1…F`shown` are drawn (1-based). */
  readonly shown: number;
  readonly truth: FigurePoint;
  /** The best approximation in each region and its distance to the truth, already formatted. */
  readonly best: readonly { readonly point: FigurePoint; readonly distance: string }[];
  /** Colour family: warm for non-nested, cool for nested. */
  readonly palette: 'warm' | 'cool';
  /** Accessible name of the draggable star. */
  readonly truthLabel: string;
  /** The page's text scale (src/viz/textScale.ts): the labels' size over their normal size; 1 when absent. */
  readonly textScale?: number;
}

const TAU = 2 * Math.PI;

/** A five-pointed star path around (0, 0). */
function starPath(r: number): string {
  const pts = d3.range(10).map((i) => {
    const rr = i % 2 === 0 ? r : r * 0.45;
    const a = (i * TAU) / 10 - Math.PI / 2;
    return [rr * Math.cos(a), rr * Math.sin(a)] as [number, number];
  });
  return `M${pts.map((p) => p.join(',')).join('L')}Z`;
}

function colours(palette: FigurePanelData['palette'], n: number): string[] {
  const interp = palette === 'warm' ? d3.interpolateOranges : d3.interpolateBlues;
  return d3.range(n).map((i) => interp(0.35 + (0.55 * i) / Math.max(1, n - 1)));
}

/**
 * Where the distance goes: beside the middle of the dashed line, on its upper side,
 * far enough from the star when the line is short.
 */
function distanceLabelAt(from: FigurePoint, to: FigurePoint, k: number): FigurePoint {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy);
  if (len < 1e-6) return { x: to.x, y: to.y + 6 };
  let nx = -dy / len;
  let ny = dx / len;
  if (ny > 0) [nx, ny] = [-nx, -ny];
  const along = len < 14 ? 0.5 * len - 2 : 0.5 * len;
  const off = (len < 14 ? 5 : 3.2) * k;
  return { x: from.x + (dx / len) * along + nx * off, y: from.y + (dy / len) * along + ny * off };
}

/**
 * Where the name f*_Fi of the best approximation goes: beside its point, below the dashed
 * line (the distance is above it), on the side the line leaves to, so it stays clear of
 * the region's own name inside the region.
 */
function bestLabelAt(point: FigurePoint, truth: FigurePoint, k: number): FigurePoint & { anchor: 'start' | 'end' } {
  const dx = truth.x - point.x;
  const dy = truth.y - point.y;
  const len = Math.hypot(dx, dy);
  if (len < 1e-6) return { x: point.x - 1.8 * k, y: point.y + 3.6 * k, anchor: 'end' };
  let nx = -dy / len;
  let ny = dx / len;
  if (ny < 0) [nx, ny] = [-nx, -ny];
  const off = 3.4 * k;
  return { x: point.x + nx * off, y: point.y + ny * off + 1.2 * k, anchor: nx >= 0 ? 'start' : 'end' };
}

/** Draw (or update) one panel into `svg`. */
export function drawFunctionClassesPanel(svg: SVGSVGElement, data: FigurePanelData): void {
  const root = d3.select(svg).attr('viewBox', `0 0 ${data.width} ${data.height}`);
  const colour = colours(data.palette, data.regions.length);
  const k = data.textScale ?? 1;

  root
    .selectAll('rect.bg')
    .data([0])
    .join('rect')
    .attr('class', 'bg')
    .attr('width', data.width)
    .attr('height', data.height)
    .attr('rx', 2)
    .attr('fill', PALETTE.paper);

  const regions = root
    .selectAll<SVGGElement, FigureRegion>('g.region')
    .data(data.regions)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'region');
      g.append('ellipse');
      g.append('text').attr('class', 'region-label');
      return g;
    })
    .attr('opacity', (_, i) => (i < data.shown ? 1 : 0))
    .attr('aria-hidden', 'true');
  regions
    .select('ellipse')
    .attr('transform', (r) => `translate(${r.cx},${r.cy}) rotate(${(r.angle * 180) / Math.PI})`)
    .attr('rx', (r) => r.rx)
    .attr('ry', (r) => r.ry)
    .attr('fill', (_, i) => colour[i]!)
    .attr('fill-opacity', (_, i) => (i === data.shown - 1 ? 0.28 : 0.12))
    .attr('stroke', (_, i) => colour[i]!)
    .attr('stroke-width', (_, i) => (i === data.shown - 1 ? 0.9 : 0.45));
  regions
    .select('text')
    .attr('x', (r) => r.labelAt.x)
    .attr('y', (r) => r.labelAt.y)
    .attr('text-anchor', 'middle')
    .attr('dominant-baseline', 'middle')
    .attr('font-size', 3.6 * k)
    .attr('font-weight', (_, i) => (i === data.shown - 1 ? 700 : 400))
    .attr('fill', PALETTE.ink)
    .text((_, i) => `F${i + 1}`);

  // Earlier best approximations as a faint trail, the current one marked.
  const current = data.best[data.shown - 1];
  root
    .selectAll('circle.trail')
    .data(data.best.slice(0, Math.max(0, data.shown - 1)))
    .join('circle')
    .attr('class', 'trail')
    .attr('cx', (b) => b.point.x)
    .attr('cy', (b) => b.point.y)
    .attr('r', 0.8)
    .attr('fill', PALETTE.muted)
    .attr('opacity', 0.6);

  // When f* is inside the class the best approximation is f* itself: nothing to mark.
  const link = root
    .selectAll('g.best')
    .data(current && current.distance !== '0' ? [current] : [])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'best').attr('aria-hidden', 'true');
      g.append('line');
      g.append('circle');
      g.append('text').attr('class', 'best-label');
      g.append('text').attr('class', 'distance-label');
      return g;
    });
  link
    .select('line')
    .attr('x1', (b) => b.point.x)
    .attr('y1', (b) => b.point.y)
    .attr('x2', data.truth.x)
    .attr('y2', data.truth.y)
    .attr('stroke', PALETTE.ink)
    .attr('stroke-width', 0.45)
    .attr('stroke-dasharray', '1.2 0.9');
  link
    .select('circle')
    .attr('cx', (b) => b.point.x)
    .attr('cy', (b) => b.point.y)
    .attr('r', 1.3)
    .attr('fill', PALETTE.ink);
  link
    .select('text.best-label')
    .attr('x', (b) => bestLabelAt(b.point, data.truth, k).x)
    .attr('y', (b) => bestLabelAt(b.point, data.truth, k).y)
    .attr('text-anchor', (b) => bestLabelAt(b.point, data.truth, k).anchor)
    .attr('font-size', 3.2 * k)
    .attr('fill', PALETTE.ink)
    .selectAll('tspan')
    .data([
      ['f*', false],
      [`F${data.shown}`, true],
    ] as const)
    .join('tspan')
    .attr('baseline-shift', ([, sub]) => (sub ? 'sub' : null))
    .attr('font-size', ([, sub]) => (sub ? 2.4 : 3.2) * k)
    .attr('font-style', ([, sub]) => (sub ? null : 'italic'))
    .text(([t]) => t);
  link
    .select('text.distance-label')
    .attr('x', (b) => distanceLabelAt(b.point, data.truth, k).x)
    .attr('y', (b) => distanceLabelAt(b.point, data.truth, k).y)
    .attr('text-anchor', 'middle')
    .attr('dominant-baseline', 'middle')
    .attr('font-size', 3.4 * k)
    .attr('font-weight', 700)
    .attr('fill', PALETTE.ink)
    .attr('paint-order', 'stroke')
    .attr('stroke', PALETTE.paper)
    .attr('stroke-width', k)
    .text((b) => b.distance);

  const star = root
    .selectAll<SVGGElement, FigurePoint>('g.truth')
    .data([data.truth])
    .join((enter) => {
      const g = enter.append('g').attr('class', 'truth').attr('tabindex', 0).attr('role', 'button');
      g.append('circle').attr('class', 'hit').attr('r', 5).attr('fill', 'transparent');
      g.append('path')
        .attr('d', starPath(2.8))
        .attr('fill', PALETTE.plain)
        .attr('stroke', PALETTE.ink)
        .attr('stroke-width', 0.3);
      g.append('text').attr('font-style', 'italic').attr('fill', PALETTE.ink).text('f*');
      return g;
    })
    .attr('transform', (p) => `translate(${p.x},${p.y})`)
    .attr('aria-label', data.truthLabel)
    .style('cursor', 'grab');
  star
    .select('text')
    .attr('x', 3.4 * k)
    .attr('y', -2.4 * k)
    .attr('font-size', 3.8 * k);
  star.raise();
}

/** The figure coordinates under a pointer (client pixels) for an SVG drawn by this module. */
export function figurePoint(svg: SVGSVGElement, clientX: number, clientY: number): FigurePoint | undefined {
  const m = svg.getScreenCTM();
  if (!m) return undefined;
  const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
  return { x: p.x, y: p.y };
}
