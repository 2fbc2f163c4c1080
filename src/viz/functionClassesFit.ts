/**
 * The target function of the depth experiment, its training points, and (after a run)
 * what the trained networks compute, on the same axes. Drawn by lineChart.ts.
 */
import * as d3 from 'd3';
import type { LineChart, LinePoint } from './lineChart';
import { PALETTE } from './palette';

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

function pointsOf(c: { xs: ArrayLike<number>; ys: ArrayLike<number> }): LinePoint[] {
  return Array.from({ length: c.xs.length }, (_, i) => ({ x: c.xs[i]!, y: c.ys[i]! }));
}

/** The chart of `data`, for `drawLineChart`. */
export function fitChart(data: FitChartData): LineChart {
  const curves = [data.target, ...data.fits];
  const [ylo, yhi] = d3.extent(Array.from(data.target.ys)) as [number, number];
  const pad = (yhi - ylo) * 0.15;
  return {
    width: 560,
    height: 330,
    margin: { top: 40, right: 16, bottom: 40, left: 50 },
    x: { kind: 'linear', domain: d3.extent(curves.flatMap((c) => Array.from(c.xs))) as [number, number], ticks: 5 },
    y: { kind: 'linear', domain: [ylo - pad, yhi + pad], clamp: true, ticks: 5 },
    tickFont: { x: 13, y: 13 },
    series: [
      {
        name: data.target.name,
        colour: data.target.colour,
        points: pointsOf(data.target),
        line: { width: 6, opacity: 0.35 },
      },
      ...data.fits.map((f) => ({
        name: f.name,
        colour: f.colour,
        points: pointsOf(f),
        line: { width: 3, opacity: 1, ...(f.dashed && { dash: '7 5' }) },
      })),
      // the training points: dots only, not named
      { name: '', colour: PALETTE.ink, points: pointsOf(data.points), dots: { r: 2.2 }, inLegend: false },
    ],
    // the legend is a row above the plot, where no curve goes
    legend: { kind: 'row', step: 130, y: 18, fontSize: 15 },
  };
}
