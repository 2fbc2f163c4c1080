/**
 * Layout of the lesion study's chart: one vertical bar per network (intact, then each block
 * removed), accuracy from 0 to 100 % up, a dashed line at the intact network's accuracy and
 * one at chance. d3 computes the scales; React draws (src/ui/lesion/LesionChart.tsx).
 */
import { scaleBand, scaleLinear } from 'd3';
import { PALETTE } from './palette';

export interface LesionChartBar {
  /** Tick label under the bar (`none`, `b2.0`, …). */
  readonly label: string;
  /** 0…1 */
  readonly accuracy: number;
  /** The intact network's bar. */
  readonly intact: boolean;
  /** A block that downsamples (drawn in the second colour). */
  readonly downsamples: boolean;
}

export interface LesionChartLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  readonly bars: readonly (LesionChartBar & {
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
    readonly colour: string;
    /** Centre of the bar, for its label. */
    readonly cx: number;
  })[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  /** Where the intact accuracy's and chance's lines are. */
  readonly intactY: number;
  readonly chanceY: number;
}

/** The bars' colours: intact, keeps the shape, downsamples. */
export const LESION_COLOURS = { intact: PALETTE.muted, same: PALETTE.residual, down: PALETTE.plain } as const;

const NORMAL_H = 300;
const MARGIN = { top: 16, right: 116, bottom: 56, left: 64 };

/** The chart `width` pixels wide; its text and margins at the page's `textScale` (projector mode: larger). */
export function layoutLesionChart(
  bars: readonly LesionChartBar[],
  chance: number,
  width: number,
  textScale = 1,
): LesionChartLayout {
  const k = textScale;
  const height = NORMAL_H * k;
  const plot = {
    left: MARGIN.left * k,
    right: width - MARGIN.right * k,
    top: MARGIN.top * k,
    bottom: height - MARGIN.bottom * k,
  };
  const x = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([plot.left, plot.right])
    .padding(0.25);
  const y = scaleLinear().domain([0, 1]).range([plot.bottom, plot.top]);
  const intact = bars.find((b) => b.intact)?.accuracy ?? 0;
  return {
    width,
    height,
    plot,
    bars: bars.map((b, i) => ({
      ...b,
      x: x(i) as number,
      w: x.bandwidth(),
      y: y(b.accuracy),
      h: plot.bottom - y(b.accuracy),
      cx: (x(i) as number) + x.bandwidth() / 2,
      colour: b.intact ? LESION_COLOURS.intact : b.downsamples ? LESION_COLOURS.down : LESION_COLOURS.same,
    })),
    yTicks: y.ticks(5).map((v) => ({ y: y(v), label: `${Math.round(100 * v)} %` })),
    intactY: y(intact),
    chanceY: y(chance),
  };
}
