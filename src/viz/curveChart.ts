/**
 * A line chart of curves that grow while a race runs: one line per series, x linear
 * (steps or seconds), y linear or log. Reference series are drawn dashed and thinner.
 * The legend is the page's (HTML); the chart draws only the marks.
 */
import * as d3 from 'd3';
import { drawAxes, drawAxisTitles } from './chartAxes';
import { scaleMargins } from './textScale';

export interface CurveSeries {
  readonly name: string;
  readonly colour: string;
  readonly dashed?: boolean;
  /** Mark every point with a dot (sparse series such as accuracy measured every 50 steps). */
  readonly dots?: boolean;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface CurveChartData {
  readonly series: readonly CurveSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Right end of the x axis (e.g. the step budget); the data's largest x when absent. */
  readonly xMax?: number;
  /** Fixed y range, e.g. [0, 1] for an accuracy; from the data when absent. */
  readonly yDomain?: readonly [number, number];
  readonly yFormat?: (y: number) => string;
}

const W = 560;
/** The height at the page's normal text; it grows with the text so the y axis's title still fits beside the plot. */
const NORMAL_H = 300;
const MARGIN = { top: 14, right: 20, bottom: 50, left: 64 };

/** Draw (or update) the chart into `svg`, sized by its viewBox; its text at the page's `textScale`. */
export function drawCurveChart(svg: SVGSVGElement, data: CurveChartData, textScale = 1): void {
  const M = scaleMargins(MARGIN, textScale);
  const H = NORMAL_H * textScale;
  const root = d3.select(svg).attr('viewBox', `0 0 ${W} ${H}`);
  const all = data.series.flatMap((s) => s.points);
  const xMax = data.xMax ?? (d3.max(all, (p) => p.x) || 1);
  const x = d3
    .scaleLinear()
    .domain([0, xMax])
    .range([M.left, W - M.right]);
  const visible = all.filter((p) => p.x <= xMax && Number.isFinite(p.y));
  const yDomain = data.yDomain ?? [0, Math.max(1e-6, (d3.max(visible, (p) => p.y) ?? 1) * 1.05)];
  const y = d3
    .scaleLinear()
    .domain(yDomain)
    .range([H - M.bottom, M.top])
    .clamp(true);
  drawAxes(
    root,
    { W, H, M, textScale },
    d3.axisBottom(x).ticks(6),
    d3
      .axisLeft(y)
      .ticks(5)
      .tickFormat((v) => (data.yFormat ?? d3.format('~g'))(v as number)),
  );
  drawAxisTitles(root, { W, H, M, textScale }, data.xLabel, data.yLabel, { x: 8, y: 16 });
  const line = d3
    .line<{ x: number; y: number }>()
    .defined((p) => p.x <= xMax && Number.isFinite(p.y))
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  root
    .selectAll<SVGPathElement, CurveSeries>('path.curve')
    .data(data.series, (s) => s.name)
    .join('path')
    .attr('class', 'curve')
    .attr('data-name', (s) => s.name)
    .attr('data-points', (s) => s.points.length)
    .attr('d', (s) => line([...s.points]) ?? '')
    .attr('fill', 'none')
    .attr('stroke', (s) => s.colour)
    .attr('stroke-width', (s) => (s.dashed ? 1.5 : 2.5))
    .attr('stroke-dasharray', (s) => (s.dashed ? '6 4' : null))
    .attr('opacity', (s) => (s.dashed ? 0.8 : 1));
  const dots = data.series
    .filter((s) => s.dots)
    .flatMap((s) =>
      s.points
        .filter((p) => p.x <= xMax && Number.isFinite(p.y))
        .map((p, i) => ({ key: `${s.name}:${i}`, colour: s.colour, hollow: !!s.dashed, ...p })),
    );
  root
    .selectAll<SVGCircleElement, (typeof dots)[number]>('circle.dot')
    .data(dots, (d) => d.key)
    .join('circle')
    .attr('class', 'dot')
    .attr('cx', (d) => x(d.x))
    .attr('cy', (d) => y(d.y))
    .attr('r', 4)
    .attr('fill', (d) => (d.hollow ? '#ffffff' : d.colour))
    .attr('stroke', (d) => d.colour)
    .attr('stroke-width', 1.5);
}
