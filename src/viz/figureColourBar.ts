/**
 * The colour bar of a downloaded feature-map grid, as plain data: a slide that shows the maps
 * must say what the colours mean, so every exported grid carries the bar and its numbers
 * (drawn under the grid by src/viz/figureDraw.ts).
 */
import type { ColorRange } from './colormap';
import { layoutLegend } from './legend';

/** Sizes at one image pixel per CSS pixel; the drawing multiplies them by the export's ratio. */
const BAR = { margin: 8, gap: 14, height: 16, tickFont: 13, tickGap: 4, noteFont: 13, maxWidth: 420 } as const;

export interface ColourBarLayout {
  /** The bar's rectangle, in image pixels. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly stops: readonly { offset: number; color: string }[];
  /** Tick labels with their x (image pixels) and baseline. */
  readonly ticks: readonly { x: number; y: number; label: string }[];
  readonly font: number;
  /** Whose range the bar shows, where each channel has its own (its first line's baseline, lines 1.5 em apart; none without a note). */
  readonly noteY?: number;
  /** Image pixels the bar, its numbers and its note take below `top`. */
  readonly height: number;
}

/** A label's width in pixels at `font`, estimated generously (0.62 em a character: digits, signs, dots). */
export const labelWidth = (label: string, font: number): number => [...label].length * 0.62 * font;

/** The bar under a grid that ends at `top`, in an image `width` pixels wide at `ratio` image pixels per CSS pixel. */
export function colourBarLayout(
  range: ColorRange,
  width: number,
  top: number,
  ratio: number,
  withNote: boolean,
  /** Lines the note takes (a slide's note is wrapped to the image's width). */
  noteLines = 1,
): ColourBarLayout {
  const r = ratio;
  const font = BAR.tickFont * r;
  // the end ticks' labels are centred on the bar's ends: inset the bar so they stay in the image
  const half = Math.max(0, ...layoutLegend(range, 1).ticks.map((tk) => labelWidth(tk.label, font) / 2));
  const x = BAR.margin * r + half;
  const w = Math.max(40 * r, Math.min(BAR.maxWidth * r, width - 2 * x));
  const y = top + BAR.gap * r;
  const tickY = y + BAR.height * r + BAR.tickGap * r + font;
  const legend = layoutLegend(range, w);
  const noteY = withNote ? tickY + BAR.noteFont * r * 1.5 : undefined;
  return {
    x,
    y,
    w,
    h: BAR.height * r,
    stops: legend.stops,
    ticks: legend.ticks.map((tk) => ({ x: x + tk.x, y: tickY, label: tk.label })),
    font,
    ...(noteY !== undefined ? { noteY } : {}),
    height: (noteY === undefined ? tickY : noteY + (noteLines - 1) * font * 1.5) + BAR.margin * r - top,
  };
}
