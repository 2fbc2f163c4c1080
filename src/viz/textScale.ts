/**
 * The drawings' text follows the page's text. Every size of drawn text (and the room kept
 * for it: margins, rows, label columns) is designed for the page's normal 16 px root font;
 * a drawing takes the page's text scale (its root font over 16 px: 1 normally, larger in
 * projector mode) and multiplies those sizes by it. Sizes set by the stylesheet are in rem
 * and grow on their own; the room for them is what the drawing has to scale.
 */

/** The root font size the drawings' text sizes were designed at. */
export const DESIGN_ROOT_PX = 16;

/** The page's text scale from its root font size in pixels (1 when unreadable). */
export function textScaleFromRootPx(rootPx: number): number {
  return Number.isFinite(rootPx) && rootPx > 0 ? rootPx / DESIGN_ROOT_PX : 1;
}

/** A margin set at text scale 1, at text scale `k`. */
export function scaleMargins<M extends Readonly<Record<'top' | 'right' | 'bottom' | 'left', number>>>(
  m: M,
  k: number,
): M {
  return { ...m, top: m.top * k, right: m.right * k, bottom: m.bottom * k, left: m.left * k };
}
