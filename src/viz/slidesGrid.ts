/**
 * A feature-map grid "for slides": a PNG as wide as a 16:9 slide at two image pixels a point
 * (1,920 × 1,080 for 960 × 540 pt), its type (caption, colour bar numbers, note) drawn at three
 * image pixels per CSS pixel, so its smallest text, 13 px, is 39 px = 19.5 pt when the image
 * fills the slide's width. The grid is as large as the slide's height leaves room for.
 */
import { colourBarLayout } from './figureColourBar';
import type { ColorRange } from './colormap';
import { CAPTION_LINE } from './figureExport';
import type { GridLayout } from './featureMapGrid';
import { SLIDE_WIDTH_PT, wrapLine } from './slidesDiagram';

/** The slide's size in image pixels: 16:9 at two pixels a point. */
export const SLIDES_PNG = { width: 1920, height: 1080 } as const;
/** Image pixels per CSS pixel of the figure's type. */
export const SLIDES_PNG_RATIO = 3;
/** Sizes of the caption's type at one image pixel per CSS pixel (figureDraw.ts). */
const CAPTION_FONT = { title: 15, detail: 13 } as const;

/** Points on the slide of text `px` image pixels tall in an image `imageWidth` pixels wide, placed full width. */
export const pngPoints = (px: number, imageWidth: number): number => (px / imageWidth) * SLIDE_WIDTH_PT;

export interface SlidesGridPlan {
  /** The image's width (the slide's), its pixels per CSS pixel of type, and the grid's width in it. */
  readonly width: number;
  readonly ratio: number;
  readonly gridWidth: number;
  /** The caption, and the colour bar's note, wrapped to the image's width. */
  readonly lines: readonly string[];
  readonly note: readonly string[];
  /** The smallest type drawn, in image pixels. */
  readonly smallestFont: number;
}

/**
 * How to draw `onScreen`'s grid for a slide: the caption wrapped to the slide's width, and the
 * grid as wide as fits the rest of the slide's height (at least a third of its width, so a grid
 * of many rows stays legible; such an image is taller than the slide).
 */
export function slidesGridPlan(
  onScreen: GridLayout,
  lines: readonly string[],
  range: ColorRange,
  note: string | undefined,
): SlidesGridPlan {
  const { width, height } = SLIDES_PNG;
  const ratio = SLIDES_PNG_RATIO;
  const margin = 8 * ratio;
  const wrapped = lines.flatMap((line, i) =>
    wrapLine(line, (i === 0 ? CAPTION_FONT.title : CAPTION_FONT.detail) * ratio, width - 2 * margin),
  );
  const top = (wrapped.length * CAPTION_LINE + 8) * ratio;
  const first = colourBarLayout(range, width, 0, ratio, note !== undefined);
  const noteLines = note === undefined ? [] : wrapLine(note, first.font, width - first.x - margin);
  const bar = colourBarLayout(range, width, 0, ratio, note !== undefined, noteLines.length).height;
  const room = height - top - bar;
  const fitted = (room * onScreen.width) / Math.max(1, onScreen.height);
  const gridWidth = Math.floor(Math.min(width - 2 * margin, Math.max(width / 3, fitted)));
  return {
    width,
    ratio,
    gridWidth,
    lines: wrapped,
    note: noteLines,
    smallestFont: Math.min(CAPTION_FONT.title, CAPTION_FONT.detail, 13) * ratio,
  };
}
