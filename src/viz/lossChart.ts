/**
 * Final training loss against depth, one line per network family: log₂ depth across,
 * log₁₀ loss up. Points arrive while the experiment runs; the chart redraws with
 * whatever is there. Drawn by the line-chart drawer (lineChart.ts).
 */
import * as d3 from 'd3';
import type { LineChart } from './lineChart';
import { PALETTE } from './palette';

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

/** The chart of `data`, for `drawLineChart`. */
export function lossChart(data: LossChartData): LineChart {
  const depths = data.depths.length ? data.depths : [1];
  const losses = data.series.flatMap((s) => s.points.map((p) => p.loss)).filter((l) => l > 0 && Number.isFinite(l));
  const lo = d3.min(losses) ?? 1e-3;
  const hi = d3.max(losses) ?? 1;
  const yDomain = [lo / 1.6, hi * 1.6] as const;
  // ticks at powers of ten only, unless fewer than two of them fit
  const all = d3.scaleLog().domain(yDomain).ticks(6);
  const decades = all.filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  const dmin = d3.min(depths)!;
  return {
    width: 560,
    height: 330,
    margin: { top: 16, right: 100, bottom: 50, left: 70 },
    x: {
      kind: 'log2',
      domain: [dmin, Math.max(d3.max(depths)!, dmin * 2)],
      tickValues: depths,
      format: (d) => String(d),
    },
    y: {
      kind: 'log10',
      domain: yDomain,
      ticks: decades.length >= 2 ? decades : d3.scaleLog().domain(yDomain).ticks(4),
      format: d3.format('.0e'),
    },
    tickFont: { x: 14, y: 13 },
    titles: { x: data.xLabel, y: data.yLabel, offset: { x: 8, y: 18 } },
    series: data.series.map((s) => ({
      name: s.name,
      colour: s.colour,
      points: s.points.map((p) => ({ x: p.depth, y: p.loss })),
      line: { width: 3 },
      dots: { r: 5, stroke: PALETTE.paper, strokeWidth: 1.5 },
    })),
    legend: { kind: 'end', x: 'lastPoint', fontSize: 15 },
  };
}
