/**
 * Figures for slides: the pure parts of "Download" — the file name, the caption lines, a
 * feature-map grid laid out at a larger size, and an SVG tree written out as a standalone
 * file (the page's stylesheet is not in the file, so each element carries its own style).
 */
import type { GridLayout } from './featureMapGrid';
import { PALETTE } from './palette';

/** What a downloaded figure says about itself. */
export interface FigureInfo {
  readonly title: string;
  readonly shape?: readonly number[];
  /** The stepper's step (or the figure's step), where one applies. */
  readonly step?: string;
}

/** The words around the numbers, in the page's language. */
export interface CaptionWords {
  readonly shape: string;
  readonly step: string;
}

/** The caption drawn into the image: the title, then the shape and the step where they apply. */
export function captionLines(info: FigureInfo, words: CaptionWords): string[] {
  const detail = [
    info.shape ? `${words.shape} (${info.shape.join(', ')})` : undefined,
    info.step ? `${words.step} ${info.step}` : undefined,
  ].filter((s): s is string => s !== undefined);
  return detail.length > 0 ? [info.title, detail.join(' · ')] : [info.title];
}

/** A file name from the title and step: letters (any script), digits and dots, joined by dashes. */
export function figureFileName(info: FigureInfo, ext: 'png' | 'svg'): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}.]+/gu, '-')
      .replace(/^-+|-+$/g, '');
  const parts = [slug(info.title), info.step ? slug(info.step) : ''].filter((p) => p.length > 0);
  return `${parts.join('-') || 'figure'}.${ext}`;
}

/**
 * The same grid (same columns and rows) with cells and gaps scaled to fill `width` pixels:
 * the figure is drawn again at that size, not an enlarged bitmap. The result is at most
 * `width` wide (cells are whole pixels).
 */
export function scaleLayout(layout: GridLayout, width: number): GridLayout {
  const k = width / layout.width;
  const gap = layout.gap === 0 ? 0 : Math.max(1, Math.round(layout.gap * k));
  const cell = Math.max(1, Math.floor((width - gap * (layout.cols - 1)) / layout.cols));
  return {
    ...layout,
    cell,
    gap,
    width: layout.cols * cell + (layout.cols - 1) * gap,
    height: layout.rows * cell + (layout.rows - 1) * gap,
  };
}

/** An SVG element as plain data: its tag, attributes (styles already inlined), children and text. */
export interface SvgNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly SvgNode[];
  readonly text?: string;
}

export const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Attributes that belong to the page, not to the picture. */
const DROPPED = /^(on|aria-|role$|tabindex$|class$|data-)/i;

/** The element and its subtree as SVG text, without the page's own attributes. */
export function writeNode(n: SvgNode): string {
  const attrs = Object.entries(n.attrs)
    .filter(([k]) => !DROPPED.test(k))
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const inner = (n.text !== undefined ? escapeXml(n.text) : '') + n.children.map(writeNode).join('');
  return inner ? `<${n.tag}${attrs}>${inner}</${n.tag}>` : `<${n.tag}${attrs}/>`;
}

export const CAPTION_LINE = 20;

/**
 * A standalone SVG file: the figure below its caption (first line bold), with an SVG
 * <title> for screen readers and image viewers. `figure` is the on-screen <svg>, whose
 * width and height are its size in the file.
 */
export function svgDocument(figure: SvgNode, lines: readonly string[], width: number, height: number): string {
  const top = lines.length * CAPTION_LINE + 8;
  const caption = lines
    .map(
      (line, i) =>
        `<text x="8" y="${(i + 1) * CAPTION_LINE}" font-family="sans-serif" font-size="${i === 0 ? 15 : 13}"` +
        `${i === 0 ? ' font-weight="bold"' : ''} fill="${PALETTE.ink}">${escapeXml(line)}</text>`,
    )
    .join('');
  const inner = writeNode({
    ...figure,
    attrs: { ...figure.attrs, x: '0', y: String(top), width: String(width), height: String(height) },
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + top}" ` +
    `viewBox="0 0 ${width} ${height + top}">` +
    `<title>${escapeXml(lines.join(' — '))}</title>` +
    `<rect width="100%" height="100%" fill="${PALETTE.paper}"/>${caption}${inner}</svg>`
  );
}
