/**
 * Layout of the class-probability bar chart: one horizontal bar a class, the predicted
 * class and the true label marked. d3 computes the scales; React draws the marks.
 */
import { scaleBand, scaleLinear } from 'd3';

export interface ProbabilityBar {
  readonly index: number;
  readonly name: string;
  readonly p: number;
  readonly y: number;
  readonly h: number;
  readonly w: number;
  readonly predicted: boolean;
  readonly truth: boolean;
}

export interface ProbabilityLayout {
  readonly width: number;
  readonly height: number;
  /** Where bars start (after the class names). */
  readonly x0: number;
  readonly bars: readonly ProbabilityBar[];
  readonly ticks: readonly { x: number; value: number }[];
}

/**
 * Bars for probabilities `p` (summing to 1) with class `names`; `truth` is the true label if
 * known. Rows, the names' column and the room for the values grow with the page's `textScale`.
 */
export function layoutProbabilities(
  p: readonly number[],
  names: readonly string[],
  width: number,
  truth?: number,
  textScale = 1,
): ProbabilityLayout {
  const rowH = 26 * textScale;
  const labelW = 120 * textScale;
  const predicted = p.reduce((best, v, i) => (v > (p[best] as number) ? i : best), 0);
  const height = p.length * rowH + 22 * textScale;
  const y = scaleBand<number>()
    .domain(p.map((_, i) => i))
    .range([0, p.length * rowH])
    .padding(0.2);
  const x = scaleLinear()
    .domain([0, 1])
    .range([0, width - labelW - 62 * textScale]);
  const bars = p.map((v, i) => ({
    index: i,
    name: names[i] ?? String(i),
    p: v,
    y: y(i) as number,
    h: y.bandwidth(),
    w: x(v),
    predicted: i === predicted,
    truth: i === truth,
  }));
  return { width, height, x0: labelW, bars, ticks: x.ticks(2).map((value) => ({ x: labelW + x(value), value })) };
}
