/** The axes and axis titles that the line charts share (loss vs depth, distances, fits). */
import type { Axis, AxisDomain, Selection } from 'd3';

/** A chart's size in viewBox units, its margins, and the page's text scale (src/viz/textScale.ts). */
export interface ChartFrame {
  readonly W: number;
  readonly H: number;
  readonly M: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  /** The axes' text is this many times its size at the page's normal text (1 when absent). */
  readonly textScale?: number;
}

type Root = Selection<SVGSVGElement, unknown, null, undefined>;

/** Draw (or update) the bottom and left axes; `fontSize` is the tick labels' size at text scale 1. */
export function drawAxes<X extends AxisDomain, Y extends AxisDomain>(
  root: Root,
  f: ChartFrame,
  xAxis: Axis<X>,
  yAxis: Axis<Y>,
  fontSize: { readonly x: number; readonly y: number } = { x: 14, y: 13 },
): void {
  const k = f.textScale ?? 1;
  root
    .selectAll<SVGGElement, null>('g.x-axis')
    .data([null])
    .join('g')
    .attr('class', 'x-axis')
    .attr('transform', `translate(0,${f.H - f.M.bottom})`)
    .call(xAxis)
    .attr('font-size', fontSize.x * k);
  root
    .selectAll<SVGGElement, null>('g.y-axis')
    .data([null])
    .join('g')
    .attr('class', 'y-axis')
    .attr('transform', `translate(${f.M.left},0)`)
    .call(yAxis)
    .attr('font-size', fontSize.y * k);
}

/**
 * Draw (or update) the axis titles: x centred below the plot, y rotated beside it; `offset`
 * is each title's baseline from the chart's bottom and left edge at text scale 1.
 */
export function drawAxisTitles(
  root: Root,
  f: ChartFrame,
  xLabel: string,
  yLabel: string,
  offset: { readonly x: number; readonly y: number },
): void {
  const k = f.textScale ?? 1;
  root
    .selectAll('text.axis-label')
    .data([
      { text: xLabel, x: (f.M.left + f.W - f.M.right) / 2, y: f.H - offset.x * k, rotate: false },
      { text: yLabel, x: -(f.H - f.M.bottom + f.M.top) / 2, y: offset.y * k, rotate: true },
    ])
    .join('text')
    .attr('class', 'axis-label')
    .attr('text-anchor', 'middle')
    .attr('font-size', 14 * k)
    .attr('fill', '#5b6070')
    .attr('transform', (d) => (d.rotate ? 'rotate(-90)' : null))
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .text((d) => d.text);
}
