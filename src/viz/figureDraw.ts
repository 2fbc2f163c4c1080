/**
 * Figures for slides, the drawing half: the feature-map grid drawn again into a larger
 * canvas with its caption, and an on-screen SVG read into plain data with every element's
 * computed style copied onto it (the file has no stylesheet).
 */
import type { PlainTensor } from '../model/types';
import { renderGridPixels, type GridLayout, type RenderOptions } from './featureMapGrid';
import { CAPTION_LINE, scaleLayout, type SvgNode } from './figureExport';
import type { ColorRange } from './colormap';
import { colourBarLayout } from './figureColourBar';
import { PALETTE } from './palette';
import { slidesGridPlan } from './slidesGrid';

/** Style properties that decide how an SVG mark looks. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'display',
  'visibility',
] as const;

/** The element and its subtree as data, each element carrying its computed style. */
export function svgTreeOf(el: Element, styleOf: (el: Element) => CSSStyleDeclaration): SvgNode {
  const attrs: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) attrs[a.name] = a.value;
  const s = styleOf(el);
  const style = STYLE_PROPS.map((p) => [p, s.getPropertyValue(p)] as const)
    .filter(([, v]) => v !== '')
    .map(([p, v]) => `${p}:${v}`)
    .join(';');
  if (style) attrs.style = style;
  const children = Array.from(el.children).map((c) => svgTreeOf(c, styleOf));
  const text = el.children.length === 0 && el.textContent ? el.textContent : undefined;
  return { tag: el.tagName, attrs, children, ...(text !== undefined ? { text } : {}) };
}

/** The colour bar every exported grid carries: the range it shows and, where channels differ, whose it is. */
export interface GridColourBar {
  readonly range: ColorRange;
  /** Its lines, where there are several, split by newlines. */
  readonly note?: string;
}

/**
 * The grid drawn again `gridWidth` pixels wide (the same columns and rows, larger cells) below
 * its caption, on white, with its colour bar and numbers under it. `ratio` scales the
 * caption's type with the picture. The image is `width` pixels wide.
 */
export function drawGridFigure(
  canvas: HTMLCanvasElement,
  t: PlainTensor,
  onScreen: GridLayout,
  opts: RenderOptions,
  width: number,
  lines: readonly string[],
  ratio: number,
  colourBar: GridColourBar,
  /** The grid's width in the image (less than `width` for a slide, whose height limits the grid). */
  gridWidth = width,
): void {
  const layout = scaleLayout(onScreen, gridWidth);
  const top = Math.round((lines.length * CAPTION_LINE + 8) * ratio);
  const noteLines = colourBar.note?.split('\n') ?? [];
  const bar = colourBarLayout(
    colourBar.range,
    width,
    top + layout.height,
    ratio,
    noteLines.length > 0,
    noteLines.length,
  );
  canvas.width = width;
  canvas.height = Math.ceil(top + layout.height + bar.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = PALETTE.paper;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = PALETTE.ink;
  lines.forEach((line, i) => {
    ctx.font = `${i === 0 ? 'bold ' : ''}${Math.round((i === 0 ? 15 : 13) * ratio)}px sans-serif`;
    ctx.fillText(line, 8 * ratio, (i + 1) * CAPTION_LINE * ratio);
  });
  const pixels = renderGridPixels(t, layout, opts) as Uint8ClampedArray<ArrayBuffer>;
  // putImageData ignores compositing: draw through a second canvas so the gaps stay white
  const grid = document.createElement('canvas');
  grid.width = layout.width;
  grid.height = layout.height;
  grid.getContext('2d')?.putImageData(new ImageData(pixels, layout.width, layout.height), 0, 0);
  ctx.drawImage(grid, Math.floor((width - layout.width) / 2), top);
  const gradient = ctx.createLinearGradient(bar.x, 0, bar.x + bar.w, 0);
  for (const s of bar.stops) gradient.addColorStop(s.offset, s.color);
  ctx.fillStyle = gradient;
  ctx.fillRect(bar.x, bar.y, bar.w, bar.h);
  ctx.strokeStyle = PALETTE.muted;
  ctx.lineWidth = ratio;
  ctx.strokeRect(bar.x, bar.y, bar.w, bar.h);
  ctx.fillStyle = PALETTE.ink;
  ctx.font = `${Math.round(bar.font)}px sans-serif`;
  ctx.textAlign = 'center';
  for (const tk of bar.ticks) {
    ctx.fillRect(tk.x - ratio / 2, bar.y + bar.h, ratio, 3 * ratio);
    ctx.fillText(tk.label, tk.x, tk.y);
  }
  ctx.textAlign = 'left';
  const noteY = bar.noteY;
  if (noteY !== undefined) noteLines.forEach((line, i) => ctx.fillText(line, bar.x, noteY + i * bar.font * 1.5));
}

/** The grid drawn for a 16:9 slide (`slidesGridPlan`): 1,920 pixels wide, its smallest text 19.5 pt there. */
export function drawGridSlide(
  canvas: HTMLCanvasElement,
  t: PlainTensor,
  onScreen: GridLayout,
  opts: RenderOptions,
  lines: readonly string[],
  colourBar: GridColourBar,
): void {
  const plan = slidesGridPlan(onScreen, lines, colourBar.range, colourBar.note);
  const bar = { ...colourBar, ...(plan.note.length > 0 ? { note: plan.note.join('\n') } : {}) };
  drawGridFigure(canvas, t, onScreen, opts, plan.width, plan.lines, plan.ratio, bar, plan.gridWidth);
}
