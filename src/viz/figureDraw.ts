/**
 * Figures for slides, the drawing half: the feature-map grid drawn again into a larger
 * canvas with its caption, and an on-screen SVG read into plain data with every element's
 * computed style copied onto it (the file has no stylesheet).
 */
import type { PlainTensor } from '../model/types';
import { renderGridPixels, type GridLayout, type RenderOptions } from './featureMapGrid';
import { CAPTION_LINE, scaleLayout, type SvgNode } from './figureExport';

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

/**
 * The grid drawn again at `width` pixels (the same columns and rows, larger cells) below
 * its caption, on white. `ratio` scales the caption's type with the picture.
 */
export function drawGridFigure(
  canvas: HTMLCanvasElement,
  t: PlainTensor,
  onScreen: GridLayout,
  opts: RenderOptions,
  width: number,
  lines: readonly string[],
  ratio: number,
): void {
  const layout = scaleLayout(onScreen, width);
  const top = Math.round((lines.length * CAPTION_LINE + 8) * ratio);
  canvas.width = width;
  canvas.height = top + layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#222';
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
}
