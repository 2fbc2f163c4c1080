/**
 * Checks of a standalone SVG figure written without transforms (the slides diagram): its
 * view box, its smallest text, and which rectangles (borders included) leave the view box.
 * Plain string reading, so the tests run in Node.
 */

export interface SlideDocumentChecks {
  readonly viewBox: { readonly width: number; readonly height: number };
  readonly texts: number;
  readonly smallestFont: number;
  readonly boxes: number;
  /** Rectangles whose border reaches outside the view box, as `x,y,w,h`. */
  readonly outside: readonly string[];
}

const num = (attrs: string, name: string) => Number(new RegExp(`\\s${name}="([-\\d.]+)"`).exec(attrs)?.[1] ?? NaN);

export function slideDocumentChecks(svg: string): SlideDocumentChecks {
  const vb = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  const width = Number(vb?.[1]);
  const height = Number(vb?.[2]);
  const fonts = [...svg.matchAll(/<text[^>]*\sfont-size="([\d.]+)"/g)].map((m) => Number(m[1]));
  const texts = (svg.match(/<text\b/g) ?? []).length;
  const rects = [...svg.matchAll(/<rect(\s[^>]*)\/?>/g)].map((m) => m[1] ?? '').filter((a) => !/width="100%"/.test(a));
  const outside = rects
    .filter((a) => {
      const half = (Number.isNaN(num(a, 'stroke-width')) ? 1 : num(a, 'stroke-width')) / 2;
      const [x, y, w, h] = [num(a, 'x'), num(a, 'y'), num(a, 'width'), num(a, 'height')];
      return x - half < 0 || y - half < 0 || x + w + half > width || y + h + half > height;
    })
    .map((a) => ['x', 'y', 'width', 'height'].map((k) => num(a, k)).join(','));
  return {
    viewBox: { width, height },
    texts,
    // a text without its own size would be the viewer's default (16): count it as unknown, i.e. 0
    smallestFont: fonts.length === texts ? Math.min(...fonts) : 0,
    boxes: rects.length,
    outside,
  };
}
