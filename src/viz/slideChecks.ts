/**
 * Checks of a standalone SVG figure for slides, by reading its text (so the tests run in Node):
 * its view box, its smallest text, which rectangles (borders included) leave the view box, and
 * which labels would. Written for files whose marks carry no transforms (the slides diagram, the
 * captions of src/viz/slidesFigure.ts); a figure nested at one unit per unit counts as drawn
 * there. A label's extent is estimated (0.62 em a Latin character, 1 em a CJK one), as the
 * browser's is not at hand; e2e/slides.spec.ts measures the real boxes in Chromium.
 */

export interface SlideDocumentChecks {
  readonly viewBox: { readonly width: number; readonly height: number };
  readonly texts: number;
  readonly smallestFont: number;
  readonly boxes: number;
  /** Rectangles whose border reaches outside the view box, as `x,y,w,h`. */
  readonly outside: readonly string[];
  /** Labels (texts with their own x and y, not rotated) that would reach outside it, as their text. */
  readonly labelsOutside: readonly string[];
}

const num = (attrs: string, name: string) => Number(new RegExp(`\\s${name}="([-\\d.]+)"`).exec(attrs)?.[1] ?? NaN);
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** A text's font size: its attribute, or its inlined style's (the exported figures' computed styles). */
function fontOf(attrs: string): number | undefined {
  const style = /font-size\s*:\s*([\d.]+)px/.exec(attr(attrs, 'style') ?? '');
  const size = Number(style?.[1] ?? attr(attrs, 'font-size') ?? NaN);
  return Number.isFinite(size) ? size : undefined;
}

/** A label's width at `font`: CJK characters are square, Latin ones narrower (generous: 0.62 em). */
export const estimatedWidth = (text: string, font: number): number =>
  [...text].reduce((w, c) => w + ((c.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.62), 0) * font;

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

export function slideDocumentChecks(svg: string): SlideDocumentChecks {
  const vb = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const width = Number(vb?.[1]);
  const height = Number(vb?.[2]);
  // the labels a reader sees: texts with something to read (an empty one takes no room)
  const textTags = [...svg.matchAll(/<text(\s[^>]*)?>([^<]*)</g)]
    .map((m) => ({ attrs: m[1] ?? '', text: unescape(m[2] ?? '') }))
    .filter((t) => t.text.trim() !== '');
  const fonts = textTags.map((t) => fontOf(t.attrs)).filter((f): f is number => f !== undefined);
  const texts = textTags.length;
  const rects = [...svg.matchAll(/<rect(\s[^>]*)\/?>/g)].map((m) => m[1] ?? '').filter((a) => !/width="100%"/.test(a));
  const outside = rects
    .filter((a) => {
      const half = (Number.isNaN(num(a, 'stroke-width')) ? 1 : num(a, 'stroke-width')) / 2;
      const [x, y, w, h] = [num(a, 'x'), num(a, 'y'), num(a, 'width'), num(a, 'height')];
      return x - half < 0 || y - half < 0 || x + w + half > width || y + h + half > height;
    })
    .map((a) => ['x', 'y', 'width', 'height'].map((k) => num(a, k)).join(','));
  const labelsOutside = textTags
    .filter((t) => !/transform=/.test(t.attrs))
    .filter((t) => {
      const [x, y, font] = [num(t.attrs, 'x'), num(t.attrs, 'y'), fontOf(t.attrs) ?? 16];
      if (Number.isNaN(x) || Number.isNaN(y)) return false;
      const w = estimatedWidth(t.text, font);
      const anchor = attr(t.attrs, 'text-anchor') ?? /text-anchor\s*:\s*(\w+)/.exec(attr(t.attrs, 'style') ?? '')?.[1];
      const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
      // the baseline is at y: ascenders reach about 0.8 em above it, descenders 0.25 em below
      return left < 0 || left + w > width || y - 0.8 * font < 0 || y + 0.25 * font > height;
    })
    .map((t) => t.text);
  return {
    viewBox: { width, height },
    texts,
    // a text without its own size would be the viewer's default (16): count it as unknown, i.e. 0
    smallestFont: fonts.length === texts ? Math.min(...fonts) : 0,
    boxes: rects.length,
    outside,
    labelsOutside,
  };
}
