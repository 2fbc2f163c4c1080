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

/** The tick labels' type at text scale 1 (inputs.css), and the room a label "100 %" needs, with a gap, in em. */
const TICK_FONT = 12;
const TICK_LABEL_EM = 4;

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
  // where the bars are short (a narrow column, projector mode's larger type) the middle tick's
  // label would run into its neighbours ("50 %100 %"): only the ends are labelled then
  const all = x.ticks(2);
  const room = TICK_LABEL_EM * TICK_FONT * textScale;
  const spaced = all.length < 2 || x(all[1] as number) - x(all[0] as number) >= room;
  const ticks = (spaced ? all : all.filter((v) => v === 0 || v === 1)).map((value) => ({
    x: labelW + x(value),
    value,
  }));
  return { width, height, x0: labelW, bars, ticks };
}
