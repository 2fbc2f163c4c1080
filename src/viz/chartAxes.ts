/** The axes and axis titles that the line charts share (loss vs depth, distances, fits). */
import type { Axis, AxisDomain, Selection } from 'd3';

/** A chart's size in viewBox units and its margins. */
export interface ChartFrame {
  readonly W: number;
  readonly H: number;
  readonly M: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

type Root = Selection<SVGSVGElement, unknown, null, undefined>;

/** Draw (or update) the bottom and left axes. */
export function drawAxes<X extends AxisDomain, Y extends AxisDomain>(
  root: Root,
  f: ChartFrame,
  xAxis: Axis<X>,
  yAxis: Axis<Y>,
  fontSize: { readonly x: number; readonly y: number } = { x: 14, y: 13 },
): void {
  root
    .selectAll<SVGGElement, null>('g.x-axis')
    .data([null])
    .join('g')
    .attr('class', 'x-axis')
    .attr('transform', `translate(0,${f.H - f.M.bottom})`)
    .call(xAxis)
    .attr('font-size', fontSize.x);
  root
    .selectAll<SVGGElement, null>('g.y-axis')
    .data([null])
    .join('g')
    .attr('class', 'y-axis')
    .attr('transform', `translate(${f.M.left},0)`)
    .call(yAxis)
    .attr('font-size', fontSize.y);
}

/** Draw (or update) the axis titles: x centred below the plot, y rotated beside it. */
export function drawAxisTitles(
  root: Root,
  f: ChartFrame,
  xLabel: string,
  yLabel: string,
  offset: { readonly x: number; readonly y: number },
): void {
  root
    .selectAll('text.axis-label')
    .data([
      { text: xLabel, x: (f.M.left + f.W - f.M.right) / 2, y: f.H - offset.x, rotate: false },
      { text: yLabel, x: -(f.H - f.M.bottom + f.M.top) / 2, y: offset.y, rotate: true },
    ])
    .join('text')
    .attr('class', 'axis-label')
    .attr('text-anchor', 'middle')
    .attr('font-size', 14)
    .attr('fill', '#5b6070')
    .attr('transform', (d) => (d.rotate ? 'rotate(-90)' : null))
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .text((d) => d.text);
}
