/**
 * What the line-chart drawer (lineChart.ts) draws: a chart's size, scales, axes, series
 * and legend as plain data. Sizes are at the page's normal text.
 */

export interface LinePoint {
  readonly x: number;
  readonly y: number;
}

/** How a series' line is stroked (width at any text scale: marks do not grow with text). */
export interface LineStyle {
  readonly width: number;
  readonly dash?: string;
  readonly opacity?: number;
}

/** A mark at each point. */
export interface DotStyle {
  readonly r: number;
  /** The series' colour when absent. */
  readonly fill?: string;
  /** No outline when absent; 'series' for the series' colour. */
  readonly stroke?: string;
  readonly strokeWidth?: number;
}

export interface LineSeries {
  readonly name: string;
  readonly colour: string;
  readonly points: readonly LinePoint[];
  /** No line when absent (points only). */
  readonly line?: LineStyle;
  readonly dots?: DotStyle;
  /**
   * Only points before `strong` are drawn with `line` and `dots`; the whole series is drawn
   * under them with `line` and `dots` of its own (e.g. faint, for steps not reached yet).
   */
  readonly faint?: { readonly strong: number; readonly line: LineStyle; readonly dots: DotStyle };
  /** Named in the legend (default true). */
  readonly inLegend?: boolean;
}

/** Where each series' name goes. */
export type LineLegend =
  | {
      /** Beside the series' last point, or beside the plot's right edge at its last point's height. */
      readonly kind: 'end';
      readonly x: 'lastPoint' | 'rightEdge';
      readonly fontSize: number;
    }
  /** A row above the plot, where no line goes, `step` apart. */
  | { readonly kind: 'row'; readonly step: number; readonly y: number; readonly fontSize: number };

export type XScale =
  | { readonly kind: 'linear'; readonly domain: readonly [number, number]; readonly ticks: number }
  | {
      readonly kind: 'log2';
      readonly domain: readonly [number, number];
      readonly tickValues: readonly number[];
      readonly format: (v: number) => string;
    }
  /** Evenly spaced categories 1…n, e.g. the function classes. */
  | {
      readonly kind: 'point';
      readonly count: number;
      readonly padding: number;
      readonly format: (i: number) => string;
    };

export interface YScale {
  readonly kind: 'linear' | 'log10';
  readonly domain: readonly [number, number];
  readonly nice?: boolean;
  /** Values outside the domain are drawn at its edge. */
  readonly clamp?: boolean;
  /** A tick count, or the ticks themselves. */
  readonly ticks: number | readonly number[];
  readonly format?: (v: number) => string;
}

export interface LineChart {
  readonly width: number;
  /** At text scale 1; `heightGrowsWithText` makes room for the y axis's title in projector mode. */
  readonly height: number;
  readonly heightGrowsWithText?: boolean;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  readonly x: XScale;
  readonly y: YScale;
  /** The tick labels' font sizes. */
  readonly tickFont: { readonly x: number; readonly y: number };
  /** Axis titles, each with its baseline's distance from the chart's bottom (x) and left (y) edge. */
  readonly titles?: {
    readonly x: string;
    readonly y: string;
    readonly offset: { readonly x: number; readonly y: number };
  };
  readonly series: readonly LineSeries[];
  readonly legend?: LineLegend;
  /** A broad vertical band behind the lines at this x, e.g. the current step. */
  readonly band?: { readonly x: number; readonly width: number };
}
