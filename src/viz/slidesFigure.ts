/**
 * Any SVG figure "for slides": the figure drawn again with its text enlarged by its own text
 * scale (the drawing makes room for larger text, as in projector mode) until its smallest text
 * is at least 18 pt when the figure fills a 16:9 slide, then written at one view-box unit per
 * figure unit under a caption of the same size. (The architecture diagram has its own layout,
 * src/viz/slidesDiagram.ts; the feature-map grid is a PNG, `slidesGridSize`.)
 *
 * Why redraw: enlarging a finished picture enlarges its text with it, so the text's size on the
 * slide (font size × 960 pt / view-box width) stays what it was; only a drawing that gives its
 * text more of its width, at a larger text scale, gets there.
 */
import { PALETTE } from './palette';
import { escapeXml, writeNode, type SvgNode } from './figureExport';
import { SLIDE_MIN_PT, SLIDE_WIDTH_PT, slidePoints, wrapLine } from './slidesDiagram';

/** The view box of an exported figure: its viewBox attribute, else its width and height. */
export function figureViewBox(figure: SvgNode): { width: number; height: number } {
  const vb = /^\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*$/.exec(figure.attrs['viewBox'] ?? '');
  if (vb) return { width: Number(vb[1]), height: Number(vb[2]) };
  return { width: parseFloat(figure.attrs['width'] ?? '0'), height: parseFloat(figure.attrs['height'] ?? '0') };
}

/** A text's font size from its inlined style (`font-size: 13px`) or its attribute, in figure units. */
export function fontSizeOf(node: SvgNode): number | undefined {
  const style = /(?:^|;)\s*font-size\s*:\s*([\d.]+)px/.exec(node.attrs['style'] ?? '');
  const size = Number(style?.[1] ?? node.attrs['font-size'] ?? NaN);
  return Number.isFinite(size) ? size : undefined;
}

/** The smallest font of the figure's non-empty texts (Infinity when it has none). */
export function smallestFont(figure: SvgNode): number {
  let smallest = Infinity;
  const visit = (n: SvgNode) => {
    if (n.tag.toLowerCase() === 'text' && (n.text ?? '').trim() !== '')
      smallest = Math.min(smallest, fontSizeOf(n) ?? 0);
    n.children.forEach(visit);
  };
  visit(figure);
  return smallest;
}

/** The figure's smallest text in points on a slide it fills. */
export const figureSlidePoints = (figure: SvgNode): number =>
  slidePoints(smallestFont(figure), figureViewBox(figure).width);

/**
 * The text scale to draw at next: fonts grow with the text scale, so the scale that reaches
 * 18 pt is the current one times the shortfall (a little over, for rounding; a drawing whose
 * width grows with its text is drawn again until it is there).
 */
export function nextSlidesScale(k: number, points: number): number {
  return points >= SLIDE_MIN_PT ? k : k * (SLIDE_MIN_PT / Math.max(points, 0.1)) * 1.03;
}

/** Caption sizes relative to the smallest size a slide may carry. */
const TITLE_EM = 1.3;
const DETAIL_EM = 1.1;

/**
 * The standalone SVG file for a slide: the caption (title bold, then shape and step), wrapped to
 * the figure's width at 18 pt or more, then the figure at one unit per unit.
 */
export function slidesFigureDocument(figure: SvgNode, lines: readonly string[]): string {
  const { width, height } = figureViewBox(figure);
  const min = (SLIDE_MIN_PT * width) / SLIDE_WIDTH_PT;
  const pad = min * 0.6;
  let y = pad;
  const caption = lines
    .flatMap((line, i) => {
      const size = min * (i === 0 ? TITLE_EM : DETAIL_EM);
      return wrapLine(line, size, width - 2 * pad).map((text) => ({ text, size, bold: i === 0 }));
    })
    .map(({ text, size, bold }) => {
      y += size * 1.3;
      return (
        `<text x="${r(pad)}" y="${r(y)}" font-family="sans-serif" font-size="${r(size)}"` +
        `${bold ? ' font-weight="bold"' : ''} fill="${PALETTE.ink}">${escapeXml(text)}</text>`
      );
    })
    .join('');
  const top = y + pad;
  // its place and size are set here; its style loses the page's sizing
  const SET = new Set(['viewBox', 'width', 'height', 'x', 'y', 'style']);
  const attrs = Object.fromEntries(Object.entries(figure.attrs).filter(([k]) => !SET.has(k)));
  const style = figure.attrs['style'];
  const inner = writeNode({
    ...figure,
    attrs: {
      ...attrs,
      // a figure sized by the page's stylesheet (max-width, width: 100 %) is sized here by its view box
      ...(style ? { style: withoutSize(style) } : {}),
      x: '0',
      y: r(top),
      width: r(width),
      height: r(height),
      viewBox: figure.attrs['viewBox'] ?? `0 0 ${r(width)} ${r(height)}`,
      overflow: 'hidden',
    },
  });
  const total = top + height;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r(width)}" height="${r(total)}" viewBox="0 0 ${r(width)} ${r(total)}">` +
    `<title>${escapeXml(lines.join(' — '))}</title>` +
    `<rect width="100%" height="100%" fill="${PALETTE.paper}"/>${caption}${inner}</svg>`
  );
}

/** An inlined style without the properties that size the element on the page. */
const withoutSize = (style: string) =>
  style
    .split(';')
    .filter((p) => p.trim() !== '' && !/^\s*(?:width|height|max-width|min-width|max-height|min-height)\s*:/.test(p))
    .join(';');

const r = (v: number) => String(Math.round(v * 100) / 100);
