/**
 * A line chart of curves that grow while a race runs: one line per series, x linear
 * (steps or seconds), y linear. Reference series are drawn dashed and thinner. The legend
 * is the page's (HTML); the chart draws only the marks. Drawn by lineChart.ts.
 */
import * as d3 from 'd3';
import type { LineChart } from './lineChart';
import { PALETTE } from './palette';

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

/** The chart of `data`, for `drawLineChart`. */
export function curveChart(data: CurveChartData): LineChart {
  const all = data.series.flatMap((s) => s.points);
  const xMax = data.xMax ?? (d3.max(all, (p) => p.x) || 1);
  const visible = all.filter((p) => p.x <= xMax && Number.isFinite(p.y));
  return {
    width: 560,
    // the height grows with the text so the y axis's title still fits beside the plot
    height: 300,
    heightGrowsWithText: true,
    margin: { top: 14, right: 20, bottom: 50, left: 64 },
    x: { kind: 'linear', domain: [0, xMax], ticks: 6 },
    y: {
      kind: 'linear',
      domain: data.yDomain ?? [0, Math.max(1e-6, (d3.max(visible, (p) => p.y) ?? 1) * 1.05)],
      clamp: true,
      ticks: 5,
      format: data.yFormat ?? d3.format('~g'),
    },
    tickFont: { x: 14, y: 13 },
    titles: { x: data.xLabel, y: data.yLabel, offset: { x: 8, y: 16 } },
    series: data.series.map((s) => ({
      name: s.name,
      colour: s.colour,
      points: s.points,
      line: s.dashed ? { width: 1.5, dash: '6 4', opacity: 0.8 } : { width: 2.5, opacity: 1 },
      ...(s.dots && {
        dots: { r: 4, stroke: 'series', strokeWidth: 1.5, ...(s.dashed && { fill: PALETTE.paper }) },
      }),
    })),
  };
}
