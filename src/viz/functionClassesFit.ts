/**
 * The target function of the depth experiment, its training points, and (after a run)
 * what the trained networks compute, on the same axes.
 */
import * as d3 from 'd3';
import { drawAxes } from './chartAxes';
import { scaleMargins } from './textScale';

export interface FitCurve {
  readonly name: string;
  readonly colour: string;
  readonly xs: ArrayLike<number>;
  readonly ys: ArrayLike<number>;
  readonly dashed?: boolean;
}

export interface FitChartData {
  /** The target, drawn thick and grey, with its training points as dots. */
  readonly target: FitCurve;
  readonly points: { readonly xs: ArrayLike<number>; readonly ys: ArrayLike<number> };
  readonly fits: readonly FitCurve[];
}

const W = 560;
const H = 330;
const MARGIN = { top: 40, right: 16, bottom: 40, left: 50 };

function pairs(c: { xs: ArrayLike<number>; ys: ArrayLike<number> }): [number, number][] {
  return Array.from({ length: c.xs.length }, (_, i) => [c.xs[i]!, c.ys[i]!]);
}

/** Draw (or update) the chart into `svg`, sized by its viewBox; its text at the page's `textScale`. */
export function drawFitChart(svg: SVGSVGElement, data: FitChartData, textScale = 1): void {
  const k = textScale;
  const M = scaleMargins(MARGIN, k);
  const root = d3.select(svg).attr('viewBox', `0 0 ${W} ${H}`);
  const all = [data.target, ...data.fits].flatMap((c) => pairs(c));
  const x = d3
    .scaleLinear()
    .domain(d3.extent(all, (p) => p[0]) as [number, number])
    .range([M.left, W - M.right]);
  const [ylo, yhi] = d3.extent(data.target.ys as ArrayLike<number> & Iterable<number>) as [number, number];
  const pad = (yhi - ylo) * 0.15;
  const y = d3
    .scaleLinear()
    .domain([ylo - pad, yhi + pad])
    .range([H - M.bottom, M.top])
    .clamp(true);
  drawAxes(root, { W, H, M, textScale: k }, d3.axisBottom(x).ticks(5), d3.axisLeft(y).ticks(5), { x: 13, y: 13 });

  const line = d3
    .line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const curves = [
    { ...data.target, width: 6, opacity: 0.35 },
    ...data.fits.map((f) => ({ ...f, width: 3, opacity: 1 })),
  ];
  root
    .selectAll('path.curve')
    .data(curves, (c) => (c as FitCurve).name)
    .join('path')
    .attr('class', 'curve')
    .attr('d', (c) => line(pairs(c)))
    .attr('fill', 'none')
    .attr('stroke', (c) => c.colour)
    .attr('stroke-width', (c) => c.width)
    .attr('stroke-dasharray', (c) => (c.dashed ? '7 5' : null))
    .attr('opacity', (c) => c.opacity);
  root
    .selectAll('circle.pt')
    .data(pairs(data.points))
    .join('circle')
    .attr('class', 'pt')
    .attr('cx', (p) => x(p[0]))
    .attr('cy', (p) => y(p[1]))
    .attr('r', 2.2)
    .attr('fill', '#1d1f24');
  // The legend is a row above the plot, where no curve goes.
  root
    .selectAll('text.legend')
    .data(curves)
    .join('text')
    .attr('class', 'legend')
    .attr('x', (_, i) => M.left + i * 130 * k)
    .attr('y', 18 * k)
    .attr('font-size', 15 * k)
    .attr('font-weight', 600)
    .attr('fill', (c) => c.colour)
    .text((c) => c.name);
}
