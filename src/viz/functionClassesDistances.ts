/**
 * The distance chart under the function-classes figure: for each class F1…F6, how far
 * its best approximation is from f*, one line per panel. Classes not yet reached by the
 * stepper are drawn faint, so the chart grows with the figure.
 */
import * as d3 from 'd3';
import { separateLabels } from './separateLabels';
import { drawAxes, drawAxisTitles } from './chartAxes';
import { scaleMargins } from './textScale';

export interface DistanceSeries {
  readonly name: string;
  readonly colour: string;
  readonly values: readonly number[];
}

export interface DistanceChartData {
  readonly series: readonly DistanceSeries[];
  /** Steps 1…shown are drawn strong. */
  readonly shown: number;
  readonly xLabel: string;
  readonly yLabel: string;
}

const W = 520;
const H = 230;
const MARGIN = { top: 14, right: 112, bottom: 44, left: 56 };

/** Draw (or update) the chart into `svg`, sized by its viewBox; its text at the page's `textScale`. */
export function drawDistanceChart(svg: SVGSVGElement, data: DistanceChartData, textScale = 1): void {
  const k = textScale;
  const M = scaleMargins(MARGIN, k);
  const n = Math.max(0, ...data.series.map((s) => s.values.length));
  const x = d3
    .scalePoint<number>()
    .domain(d3.range(1, n + 1))
    .range([M.left, W - M.right])
    .padding(0.3);
  const top = d3.max(data.series.flatMap((s) => s.values)) ?? 1;
  const y = d3
    .scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice()
    .range([H - M.bottom, M.top]);
  const root = d3.select(svg).attr('viewBox', `0 0 ${W} ${H}`);

  drawAxes(
    root,
    { W, H, M, textScale: k },
    d3.axisBottom(x).tickFormat((i) => `F${i}`),
    d3.axisLeft(y).ticks(5),
  );
  drawAxisTitles(root, { W, H, M, textScale: k }, data.xLabel, data.yLabel, { x: 6, y: 16 });

  root
    .selectAll('line.now')
    .data([data.shown])
    .join('line')
    .attr('class', 'now')
    .attr('x1', (s) => x(s) ?? 0)
    .attr('x2', (s) => x(s) ?? 0)
    .attr('y1', M.top)
    .attr('y2', H - M.bottom)
    .attr('stroke', '#dcd8cf')
    .attr('stroke-width', 10)
    .lower();

  const line = d3
    .line<number>()
    .x((_, i) => x(i + 1) ?? 0)
    .y((v) => y(v));
  const g = root
    .selectAll<SVGGElement, DistanceSeries>('g.series')
    .data(data.series, (s) => s.name)
    .join((enter) => {
      const s = enter.append('g').attr('class', 'series');
      s.append('path').attr('class', 'all');
      s.append('path').attr('class', 'shown');
      s.append('text').attr('class', 'legend');
      return s;
    });
  g.select('path.all')
    .attr('d', (s) => line([...s.values]))
    .attr('fill', 'none')
    .attr('stroke', (s) => s.colour)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', '3 4')
    .attr('opacity', 0.4);
  g.select('path.shown')
    .attr('d', (s) => line(s.values.slice(0, data.shown)))
    .attr('fill', 'none')
    .attr('stroke', (s) => s.colour)
    .attr('stroke-width', 3.5);
  g.selectAll('circle')
    .data((s) => s.values.map((v, i) => ({ v, i, colour: s.colour })))
    .join('circle')
    .attr('cx', (d) => x(d.i + 1) ?? 0)
    .attr('cy', (d) => y(d.v))
    .attr('r', (d) => (d.i < data.shown ? 5 : 3))
    .attr('fill', (d) => (d.i < data.shown ? d.colour : '#ffffff'))
    .attr('stroke', (d) => d.colour)
    .attr('stroke-width', 2);
  g.select('text.legend')
    .attr('x', W - M.right + 10 * k)
    .attr('y', (s) => y(s.values[s.values.length - 1] ?? 0))
    .attr('dominant-baseline', 'middle')
    .attr('font-size', 14 * k)
    .attr('font-weight', 600)
    .attr('fill', (s) => s.colour)
    .text((s) => s.name);
  separateLabels(g.select<SVGTextElement>('text.legend').nodes(), 18 * k);
}
