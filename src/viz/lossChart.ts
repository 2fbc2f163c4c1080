/**
 * Final training loss against depth, one line per network family: log₂ depth across,
 * log₁₀ loss up. Points arrive while the experiment runs; the chart redraws with
 * whatever is there.
 */
import * as d3 from 'd3';
import { separateLabels } from './separateLabels';
import { drawAxes, drawAxisTitles } from './chartAxes';
import { scaleMargins } from './textScale';

export interface LossSeries {
  readonly name: string;
  readonly colour: string;
  readonly points: readonly { readonly depth: number; readonly loss: number }[];
}

export interface LossChartData {
  readonly depths: readonly number[];
  readonly series: readonly LossSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
}

const W = 560;
const H = 330;
const MARGIN = { top: 16, right: 100, bottom: 50, left: 70 };

/** Draw (or update) the chart into `svg`, sized by its viewBox; its text at the page's `textScale`. */
export function drawLossChart(svg: SVGSVGElement, data: LossChartData, textScale = 1): void {
  const k = textScale;
  const M = scaleMargins(MARGIN, k);
  const root = d3.select(svg).attr('viewBox', `0 0 ${W} ${H}`);
  const depths = data.depths.length ? data.depths : [1];
  const x = d3
    .scaleLog()
    .base(2)
    .domain([d3.min(depths)!, Math.max(d3.max(depths)!, d3.min(depths)! * 2)])
    .range([M.left, W - M.right]);
  const losses = data.series.flatMap((s) => s.points.map((p) => p.loss)).filter((l) => l > 0 && Number.isFinite(l));
  const lo = d3.min(losses) ?? 1e-3;
  const hi = d3.max(losses) ?? 1;
  const y = d3
    .scaleLog()
    .domain([lo / 1.6, hi * 1.6])
    .range([H - M.bottom, M.top]);

  const yTicks = y.ticks(6).filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  drawAxes(
    root,
    { W, H, M, textScale: k },
    d3
      .axisBottom(x)
      .tickValues([...depths])
      .tickFormat((d) => String(d)),
    d3
      .axisLeft(y)
      .tickValues(yTicks.length >= 2 ? yTicks : y.ticks(4))
      .tickFormat((d) => d3.format('.0e')(d as number)),
  );
  drawAxisTitles(root, { W, H, M, textScale: k }, data.xLabel, data.yLabel, { x: 8, y: 18 });

  const line = d3
    .line<{ depth: number; loss: number }>()
    .x((p) => x(p.depth))
    .y((p) => y(p.loss));
  const g = root
    .selectAll<SVGGElement, LossSeries>('g.series')
    .data(data.series, (s) => s.name)
    .join((enter) => {
      const s = enter.append('g').attr('class', 'series');
      s.append('path');
      s.append('text').attr('class', 'legend');
      return s;
    })
    .attr('data-points', (s) => s.points.length);
  g.select('path')
    .attr('d', (s) => line([...s.points]) ?? '')
    .attr('fill', 'none')
    .attr('stroke', (s) => s.colour)
    .attr('stroke-width', 3);
  g.selectAll('circle')
    .data((s) => s.points.map((p) => ({ ...p, colour: s.colour })))
    .join('circle')
    .attr('cx', (p) => x(p.depth))
    .attr('cy', (p) => y(p.loss))
    .attr('r', 5)
    .attr('fill', (p) => p.colour)
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 1.5);
  g.select('text.legend')
    .attr('x', (s) => x(s.points.at(-1)?.depth ?? depths[0]!) + 10 * k)
    .attr('y', (s) => (s.points.length ? y(s.points.at(-1)!.loss) : -100))
    .attr('dominant-baseline', 'middle')
    .attr('font-size', 15 * k)
    .attr('font-weight', 600)
    .attr('fill', (s) => s.colour)
    .text((s) => s.name);
  separateLabels(g.select<SVGTextElement>('text.legend').nodes(), 18 * k);
}
