/**
 * The colour legend of a feature-map grid: gradient stops and tick marks for a colour
 * range, so a reader can tell what blue, white and red (or dark and bright) mean.
 */
import { scaleLinear } from 'd3';
import { colorAt, type ColorRange } from './colormap';

export interface LegendLayout {
  readonly stops: readonly { offset: number; color: string }[];
  readonly ticks: readonly { x: number; label: string }[];
}

/** Stops and ticks for a legend `width` pixels wide. */
export function layoutLegend(range: ColorRange, width: number, count = 5): LegendLayout {
  const stops = Array.from({ length: 11 }, (_, i) => ({ offset: i / 10, color: colorAt(range.colormap, i / 10) }));
  const x = scaleLinear().domain([range.min, range.max]).range([0, width]);
  const fmt = x.tickFormat(count, '~g');
  return { stops, ticks: x.ticks(count).map((v) => ({ x: x(v), label: fmt(v) })) };
}
