/**
 * Layout of the logits as a labelled bar chart: one horizontal bar a class from a zero
 * line, negative to the left, positive to the right. d3 computes the scale; React draws.
 */
import { scaleBand, scaleLinear } from 'd3';

export interface LogitBar {
  readonly name: string;
  readonly value: number;
  readonly y: number;
  readonly h: number;
  /** Left edge and width of the bar. */
  readonly x: number;
  readonly w: number;
  readonly largest: boolean;
}

export interface LogitsLayout {
  readonly width: number;
  readonly height: number;
  /** Where the zero line is. */
  readonly zero: number;
  readonly bars: readonly LogitBar[];
}

/** Bars for `values` named `names`, `width` pixels wide; rows and the name and value columns grow with the page's `textScale`. */
export function layoutLogits(
  values: ArrayLike<number>,
  names: readonly string[],
  width: number,
  textScale = 1,
): LogitsLayout {
  const rowH = 24 * textScale;
  const labelW = 110 * textScale;
  const v = Array.from(values);
  const extent = Math.max(1e-6, ...v.map(Math.abs));
  const lo = Math.min(0, ...v);
  const hi = Math.max(0, ...v);
  const x = scaleLinear()
    .domain([lo === 0 ? -extent * 0.05 : lo, hi === 0 ? extent * 0.05 : hi])
    .range([labelW, width - 56 * textScale]);
  const y = scaleBand<number>()
    .domain(v.map((_, i) => i))
    .range([0, v.length * rowH])
    .padding(0.2);
  const best = v.reduce((b, val, i) => (val > (v[b] as number) ? i : b), 0);
  const zero = x(0);
  return {
    width,
    height: v.length * rowH,
    zero,
    bars: v.map((value, i) => ({
      name: names[i] ?? String(i),
      value,
      y: y(i) as number,
      h: y.bandwidth(),
      x: Math.min(zero, x(value)),
      w: Math.abs(x(value) - zero),
      largest: i === best,
    })),
  };
}
