/**
 * The one line-chart drawer: the experiment's loss against depth, its fits, the distance
 * chart under the function-classes figure and the race's curves are each a `LineChart`
 * (built from their own data by lossChart.ts, functionClassesFit.ts,
 * functionClassesDistances.ts and curveChart.ts) drawn by `drawLineChart`. Sizes are at
 * the page's normal text; the drawer multiplies every text size and margin by `textScale`.
 */
import * as d3 from 'd3';
import { PALETTE } from './palette';
import { separateLabels } from './separateLabels';
import { scaleMargins } from './textScale';
import type { DotStyle, LineChart, LinePoint, LineSeries, LineStyle } from './lineChartTypes';

export type {
  DotStyle,
  LineChart,
  LineLegend,
  LinePoint,
  LineSeries,
  LineStyle,
  XScale,
  YScale,
} from './lineChartTypes';

type Root = d3.Selection<SVGSVGElement, unknown, null, undefined>;
interface Scales {
  readonly x: (v: number) => number;
  readonly y: (v: number) => number;
  readonly defined: (p: LinePoint) => boolean;
}

function scalesOf(c: LineChart, W: number, H: number, M: LineChart['margin']) {
  const xRange = [M.left, W - M.right];
  const x =
    c.x.kind === 'point'
      ? d3
          .scalePoint<number>()
          .domain(d3.range(1, c.x.count + 1))
          .range(xRange)
          .padding(c.x.padding)
      : (c.x.kind === 'log2' ? d3.scaleLog().base(2) : d3.scaleLinear()).domain(c.x.domain).range(xRange);
  const y = (c.y.kind === 'log10' ? d3.scaleLog() : d3.scaleLinear())
    .domain(c.y.domain)
    .range([H - M.bottom, M.top])
    .clamp(!!c.y.clamp);
  if (c.y.nice) y.nice();
  const [x0, x1] = c.x.kind === 'point' ? [1, c.x.count] : c.x.domain;
  const scales: Scales = {
    x: (v) => x(v) ?? 0,
    y: (v) => y(v),
    defined: (p) => p.x >= x0 && p.x <= x1 && Number.isFinite(p.y) && (c.y.kind === 'linear' || p.y > 0),
  };
  return { x, y, scales };
}

function drawAxes(root: Root, c: LineChart, W: number, H: number, M: LineChart['margin'], k: number): Scales {
  const { x, y, scales } = scalesOf(c, W, H, M);
  const xAxis = d3.axisBottom(x as d3.AxisScale<number>);
  if (c.x.kind === 'linear') xAxis.ticks(c.x.ticks);
  else if (c.x.kind === 'log2')
    xAxis.tickValues([...c.x.tickValues]).tickFormat((v) => (c.x as { format: (v: number) => string }).format(v));
  else xAxis.tickFormat((v) => (c.x as { format: (v: number) => string }).format(v));
  const yAxis = d3.axisLeft(y);
  if (typeof c.y.ticks === 'number') yAxis.ticks(c.y.ticks);
  else yAxis.tickValues([...c.y.ticks]);
  const format = c.y.format;
  if (format) yAxis.tickFormat((v) => format(v as number));
  const axes = [
    {
      cls: 'x-axis',
      transform: `translate(0,${H - M.bottom})`,
      axis: xAxis as d3.Axis<d3.AxisDomain>,
      font: c.tickFont.x,
    },
    { cls: 'y-axis', transform: `translate(${M.left},0)`, axis: yAxis as d3.Axis<d3.AxisDomain>, font: c.tickFont.y },
  ];
  for (const a of axes) {
    root
      .selectAll<SVGGElement, null>(`g.${a.cls}`)
      .data([null])
      .join('g')
      .attr('class', a.cls)
      .attr('transform', a.transform)
      .call(a.axis)
      .attr('font-size', a.font * k);
  }
  const t = c.titles;
  root
    .selectAll('text.axis-label')
    .data(
      t
        ? [
            { text: t.x, x: (M.left + W - M.right) / 2, y: H - t.offset.x * k, rotate: false },
            { text: t.y, x: -(H - M.bottom + M.top) / 2, y: t.offset.y * k, rotate: true },
          ]
        : [],
    )
    .join('text')
    .attr('class', 'axis-label')
    .attr('text-anchor', 'middle')
    .attr('font-size', 14 * k)
    .attr('fill', PALETTE.muted)
    .attr('transform', (d) => (d.rotate ? 'rotate(-90)' : null))
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .text((d) => d.text);
  return scales;
}

type SeriesG = d3.Selection<SVGGElement, LineSeries, SVGSVGElement, unknown>;

/** One stroke of a series (`cls`: 'faint' under, 'curve' over) and its dots. */
function drawStroke(g: SeriesG, cls: 'faint' | 'curve', s: Scales, pick: (d: LineSeries) => Stroke | undefined): void {
  const line = d3
    .line<LinePoint>()
    .defined(s.defined)
    .x((p) => s.x(p.x))
    .y((p) => s.y(p.y));
  g.selectAll<SVGPathElement, Stroke>(`path.${cls}`)
    .data((d) => {
      const st = pick(d);
      return st?.line ? [st] : [];
    })
    .join('path')
    .attr('class', cls)
    .attr('data-name', (st) => (cls === 'curve' ? st.series.name : null))
    .attr('data-points', (st) => (cls === 'curve' ? st.series.points.length : null))
    .attr('d', (st) => line([...st.linePoints]) ?? '')
    .attr('fill', 'none')
    .attr('stroke', (st) => st.series.colour)
    .attr('stroke-width', (st) => st.line!.width)
    .attr('stroke-dasharray', (st) => st.line!.dash ?? null)
    .attr('opacity', (st) => st.line!.opacity ?? null);
  type Dot = LinePoint & { readonly style: DotStyle; readonly colour: string };
  g.selectAll<SVGCircleElement, Dot>(`circle.${cls}-dot`)
    .data((d) => {
      const st = pick(d);
      const style = st?.dots;
      return style ? st.dotPoints.filter(s.defined).map((p) => ({ ...p, style, colour: d.colour })) : [];
    })
    .join('circle')
    .attr('class', `${cls}-dot`)
    .attr('cx', (p) => s.x(p.x))
    .attr('cy', (p) => s.y(p.y))
    .attr('r', (p) => p.style.r)
    .attr('fill', (p) => p.style.fill ?? p.colour)
    .attr('stroke', (p) => (p.style.stroke === 'series' ? p.colour : (p.style.stroke ?? null)))
    .attr('stroke-width', (p) => p.style.strokeWidth ?? null);
}

interface Stroke {
  readonly series: LineSeries;
  readonly linePoints: readonly LinePoint[];
  readonly dotPoints: readonly LinePoint[];
  readonly line?: LineStyle;
  readonly dots?: DotStyle;
}

function drawLegend(g: SeriesG, c: LineChart, s: Scales, W: number, M: LineChart['margin'], k: number): void {
  const legend = c.legend;
  const named = c.series.filter((d) => d.inLegend !== false);
  g.selectAll<SVGTextElement, LineSeries>('text.legend')
    .data((d) => (legend && d.inLegend !== false ? [d] : []))
    .join('text')
    .attr('class', 'legend')
    .attr('x', (d) => {
      if (legend?.kind === 'row') return M.left + named.indexOf(d) * legend.step * k;
      const last = d.points.at(-1);
      return legend?.x === 'rightEdge' || !last ? W - M.right + 10 * k : s.x(last.x) + 10 * k;
    })
    .attr('y', (d) => {
      if (legend?.kind === 'row') return legend.y * k;
      const last = d.points.at(-1);
      return last ? s.y(last.y) : -100;
    })
    .attr('dominant-baseline', legend?.kind === 'end' ? 'middle' : null)
    .attr('font-size', (legend?.fontSize ?? 0) * k)
    .attr('font-weight', 600)
    .attr('fill', (d) => d.colour)
    .text((d) => d.name);
  if (legend?.kind === 'end') separateLabels(g.select<SVGTextElement>('text.legend').nodes(), 18 * k);
}

/** Draw (or update) the chart into `svg`, sized by its viewBox; its text at the page's `textScale`. */
export function drawLineChart(svg: SVGSVGElement, chart: LineChart, textScale = 1): void {
  const k = textScale;
  const M = scaleMargins(chart.margin, k);
  const W = chart.width;
  const H = chart.heightGrowsWithText ? chart.height * k : chart.height;
  const root = d3.select(svg).attr('viewBox', `0 0 ${W} ${H}`);
  const s = drawAxes(root, chart, W, H, M, k);
  root
    .selectAll('line.band')
    .data(chart.band ? [chart.band] : [])
    .join('line')
    .attr('class', 'band')
    .attr('x1', (b) => s.x(b.x))
    .attr('x2', (b) => s.x(b.x))
    .attr('y1', M.top)
    .attr('y2', H - M.bottom)
    .attr('stroke', PALETTE.rule)
    .attr('stroke-width', (b) => b.width)
    .lower();
  const g: SeriesG = root
    .selectAll<SVGGElement, LineSeries>('g.series')
    .data(chart.series, (d) => d.name)
    .join('g')
    .attr('class', 'series')
    .attr('data-name', (d) => d.name)
    .attr('data-points', (d) => d.points.length)
    .order();
  // the faint stroke's line runs under the whole series, its dots only where the strong ones are not
  drawStroke(
    g,
    'faint',
    s,
    (d) =>
      d.faint && {
        series: d,
        linePoints: d.points,
        dotPoints: d.points.slice(d.faint.strong),
        line: d.faint.line,
        dots: d.faint.dots,
      },
  );
  const strong = (d: LineSeries) => (d.faint ? d.points.slice(0, d.faint.strong) : d.points);
  drawStroke(g, 'curve', s, (d) => ({
    series: d,
    linePoints: strong(d),
    dotPoints: strong(d),
    ...(d.line && { line: d.line }),
    ...(d.dots && { dots: d.dots }),
  }));
  drawLegend(g, chart, s, W, M, k);
}
