/**
 * The architecture diagram "for slides": the group the stepper has opened (or the overview)
 * drawn as large boxes in rows of three, reading like text, with its caption, as a standalone
 * SVG. The on-screen diagram is a 1,300-pixel-wide strip whose 11–14 px labels shrink to 8–10 pt
 * on a slide; this one is laid out so its smallest text is at least 18 pt there.
 *
 * Text size on a slide: a 16:9 slide is 13.333 in = 960 pt wide. A figure placed at the slide's
 * full width draws one viewBox unit as 960 / W pt (W: the viewBox width), so text of font size s
 * (viewBox units) is s × 960 / W pt, and "at least 18 pt" means s ≥ 18 × W / 960.
 */
import { path as d3path } from 'd3';
import type { DiagramInput, DiagramNode } from './architectureDiagram';
import { shapeLabel } from './architectureDiagram';
import { PALETTE } from './palette';

/** A 16:9 slide's width in points (13.333 in × 72). */
export const SLIDE_WIDTH_PT = 960;
/** The smallest text a slide may carry. */
export const SLIDE_MIN_PT = 18;

/** Points on a slide of text `fontSize` viewBox units tall in a figure `viewBoxWidth` wide, placed full width. */
export function slidePoints(fontSize: number, viewBoxWidth: number): number {
  return (fontSize / viewBoxWidth) * SLIDE_WIDTH_PT;
}

const COLS = 3;
const BOX_W = 232;
const BOX_H = 100;
const GAP_X = 48;
const GAP_Y = 48;
const PAD = 12;
/** The view box's width: three boxes, two gaps, the margins. */
export const SLIDES_WIDTH = COLS * BOX_W + (COLS - 1) * GAP_X + 2 * PAD;
/** Font sizes (viewBox units): the smallest, the parameters, is 16 → 16 × 960 / 816 ≈ 18.8 pt. */
export const SLIDES_FONT = { title: 20, shape: 18, params: 16, caption: 24, detail: 20 } as const;

export interface SlidesWords {
  /** "1,234 params" in the page's language. */
  readonly params: (n: number) => string;
  /** The shortcut's label, "skip connection". */
  readonly skip: string;
  /** What a box says in place of its shape, where it has none (a step that failed or did not run). */
  readonly noShape?: (node: DiagramNode) => string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Splits a caption line into lines that fit `width` at `font` (at most 0.62 em a Latin character, 1 em a CJK one). */
export function wrapLine(text: string, font: number, width: number): string[] {
  const em = (c: string) => ((c.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.62);
  const room = width / font;
  const lines: string[] = [];
  let line = '';
  let used = 0;
  // break after spaces, or between any two CJK characters
  for (const token of text.match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/gu) ?? []) {
    const w = [...token].reduce((a, c) => a + em(c), 0);
    if (used + w > room && line.trim()) {
      lines.push(line.trim());
      line = '';
      used = 0;
    }
    line += token;
    used += w;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/** What the slide shows: the opened group, or the overview when nothing is opened. */
function slideNodes(input: DiagramInput): DiagramNode[] {
  const nodes = input.detail && input.detail.nodes.length > 0 ? input.detail.nodes : input.overview;
  // a block's shortcut joins just before the addition it feeds
  const main = nodes.filter((n) => !n.shortcut);
  const shortcut = nodes.filter((n) => n.shortcut);
  const add = main.findIndex((n) => n.op === 'add');
  return add < 0 ? [...main, ...shortcut] : [...main.slice(0, add), ...shortcut, ...main.slice(add)];
}

export interface SlidesBox {
  readonly node: DiagramNode;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** An arrow from box a to box b: along a row, or down from a, across, and down into b on a later row. */
function route(a: SlidesBox, b: SlidesBox, lane = 0): string {
  const p = d3path();
  if (b.y === a.y && b.x > a.x && b.x - (a.x + a.w) <= GAP_X) {
    p.moveTo(a.x + a.w, a.y + a.h / 2);
    p.lineTo(b.x - 4, b.y + b.h / 2);
  } else if (b.y === a.y) {
    // along the same row past other boxes: under them
    const below = a.y + a.h + GAP_Y / 2 + lane;
    p.moveTo(a.x + a.w / 2, a.y + a.h);
    p.lineTo(a.x + a.w / 2, below);
    p.lineTo(b.x + b.w / 2, below);
    p.lineTo(b.x + b.w / 2, b.y + b.h + 4);
  } else {
    // down from a, back along the gap under its row, down into b
    const mid = a.y + a.h + GAP_Y / 2 + lane;
    p.moveTo(a.x + a.w / 2, a.y + a.h);
    p.lineTo(a.x + a.w / 2, mid);
    p.lineTo(b.x + b.w / 2, mid);
    p.lineTo(b.x + b.w / 2, b.y - 4);
  }
  return p.toString();
}

export interface SlidesEdge {
  readonly d: string;
  readonly skip: boolean;
}

/**
 * Boxes in rows of three under a caption `top` units tall. The main path's arrows run along a
 * row and down to the next; a block's 1×1 shortcut (which takes the block's input X) has no
 * arrow from the box before it, only its dashed one into the addition.
 */
export function layoutSlides(
  input: DiagramInput,
  top: number,
): { boxes: SlidesBox[]; height: number; edges: SlidesEdge[] } {
  const nodes = slideNodes(input);
  const boxes = nodes.map((node, i) => ({
    node,
    x: PAD + (i % COLS) * (BOX_W + GAP_X),
    y: top + Math.floor(i / COLS) * (BOX_H + GAP_Y),
    w: BOX_W,
    h: BOX_H,
  }));
  const main = boxes.filter((b) => !b.node.shortcut);
  const edges: SlidesEdge[] = main.slice(1).map((b, i) => ({ d: route(main[i] as SlidesBox, b), skip: false }));
  const add = boxes.find((b) => b.node.op === 'add');
  for (const s of boxes.filter((b) => b.node.shortcut)) if (add) edges.push({ d: route(s, add, 8), skip: true });
  const last = boxes[boxes.length - 1];
  return { boxes, edges, height: (last ? last.y + last.h : top) + PAD };
}

/** The standalone SVG file for a slide: caption (title bold, then shape and step), then the boxes. */
export function slidesDiagramSvg(input: DiagramInput, caption: readonly string[], words: SlidesWords): string {
  const textWidth = SLIDES_WIDTH - 2 * PAD;
  const captionLines = caption.flatMap((line, i) =>
    wrapLine(line, i === 0 ? SLIDES_FONT.caption : SLIDES_FONT.detail, textWidth).map((text) => ({
      text,
      first: i === 0,
    })),
  );
  let y = PAD;
  const captionSvg = captionLines
    .map((l) => {
      const size = l.first ? SLIDES_FONT.caption : SLIDES_FONT.detail;
      y += size * 1.3;
      return `<text x="${PAD}" y="${y}" font-size="${size}"${l.first ? ' font-weight="bold"' : ''} fill="${PALETTE.ink}">${esc(l.text)}</text>`;
    })
    .join('');
  const { boxes, edges, height } = layoutSlides(input, y + 24);
  const boxSvg = boxes
    .map((b) => {
      const current = b.node.id === input.current;
      const ancestor = !current && input.ancestors.includes(b.node.id);
      const fill = current ? PALETTE.residual : ancestor ? PALETTE.highlight : PALETTE.paper;
      const ink = current ? PALETTE.paper : PALETTE.ink;
      const dash = b.node.shortcut ? ' stroke-dasharray="8 5"' : '';
      const cx = b.x + b.w / 2;
      const title = b.node.op === 'add' ? 'Y + X' : b.node.label;
      const lines = [
        `<text x="${cx}" y="${b.y + 30}" font-size="${SLIDES_FONT.title}" font-weight="bold" fill="${ink}" text-anchor="middle">${esc(title)}</text>`,
        `<text x="${cx}" y="${b.y + 58}" font-size="${SLIDES_FONT.shape}" font-family="monospace" fill="${ink}" text-anchor="middle">${esc(b.node.shape.length === 0 && words.noShape ? words.noShape(b.node) : shapeLabel(b.node.shape))}</text>`,
        b.node.shortcut
          ? `<text x="${cx}" y="${b.y + 84}" font-size="${SLIDES_FONT.params}" fill="${ink}" text-anchor="middle">${esc(words.skip)}</text>`
          : b.node.params > 0
            ? `<text x="${cx}" y="${b.y + 84}" font-size="${SLIDES_FONT.params}" fill="${ink}" text-anchor="middle">${esc(words.params(b.node.params))}</text>`
            : '',
      ];
      return (
        `<g><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="10" fill="${fill}" stroke="${PALETTE.muted}" stroke-width="2"${dash}/>` +
        `${lines.join('')}</g>`
      );
    })
    .join('');
  const edgeSvg = edges
    .map(
      (e) =>
        `<path d="${e.d}" fill="none" stroke="${e.skip ? PALETTE.plain : PALETTE.muted}" stroke-width="2"` +
        `${e.skip ? ' stroke-dasharray="8 5"' : ''} marker-end="url(#slides-arrow)"/>`,
    )
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SLIDES_WIDTH}" height="${height}" viewBox="0 0 ${SLIDES_WIDTH} ${height}" font-family="sans-serif">` +
    `<title>${esc(caption.join(' — '))}</title>` +
    `<defs><marker id="slides-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="${PALETTE.muted}"/></marker></defs>` +
    `<rect width="100%" height="100%" fill="${PALETTE.paper}"/>${captionSvg}${edgeSvg}${boxSvg}</svg>`
  );
}
