/**
 * The distance chart under the function-classes figure: for each class F1…F6, how far
 * its best approximation is from f*, one line per panel. Classes not yet reached by the
 * stepper are drawn faint, so the chart grows with the figure. Drawn by lineChart.ts.
 */
import * as d3 from 'd3';
import type { LineChart } from './lineChart';
import { PALETTE } from './palette';

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

/** The chart of `data`, for `drawLineChart`. */
export function distanceChart(data: DistanceChartData): LineChart {
  const n = Math.max(0, ...data.series.map((s) => s.values.length));
  const top = d3.max(data.series.flatMap((s) => s.values)) ?? 1;
  return {
    width: 520,
    height: 230,
    margin: { top: 14, right: 112, bottom: 44, left: 56 },
    x: { kind: 'point', count: n, padding: 0.3, format: (i) => `F${i}` },
    y: { kind: 'linear', domain: [0, top > 0 ? top : 1], nice: true, ticks: 5 },
    tickFont: { x: 14, y: 13 },
    titles: { x: data.xLabel, y: data.yLabel, offset: { x: 6, y: 16 } },
    band: { x: data.shown, width: 10 },
    series: data.series.map((s) => ({
      name: s.name,
      colour: s.colour,
      points: s.values.map((y, i) => ({ x: i + 1, y })),
      line: { width: 3.5 },
      dots: { r: 5, stroke: 'series', strokeWidth: 2 },
      faint: {
        strong: data.shown,
        line: { width: 2, dash: '3 4', opacity: 0.4 },
        dots: { r: 3, fill: PALETTE.paper, stroke: 'series', strokeWidth: 2 },
      },
    })),
    legend: { kind: 'end', x: 'rightEdge', fontSize: 14 },
  };
}
