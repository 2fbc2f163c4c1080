/**
 * A typeset formula. KaTeX writes MathML only (no inline styles, no fonts to load), so it
 * works under a strict Content-Security-Policy and the browser lays it out natively.
 */
import katex from 'katex';
import { useLayoutEffect, useMemo, useRef, type RefObject } from 'react';

/** A displayed formula's type size (as styles.css sets it), and the smallest it shrinks to. */
const DISPLAY_EM = 1.15;
const SMALLEST = 0.6;

/**
 * A displayed formula shrinks to the width it is given (a narrow column, projector type)
 * instead of being cut; below 60 % it scrolls sideways.
 */
function useFitWidth(ref: RefObject<HTMLElement | null>, enabled: boolean, content: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return;
    let width = -1;
    const fit = () => {
      if (el.clientWidth === width) return; // only a new width refits (a new size of type changes the height)
      width = el.clientWidth;
      el.style.fontSize = '';
      const over = el.scrollWidth / Math.max(1, el.clientWidth);
      // a little under the exact ratio: glyph widths do not scale exactly with the type size
      if (over > 1.01) el.style.fontSize = `${DISPLAY_EM * Math.max(SMALLEST, 0.96 / over)}em`;
    };
    fit();
    const sizes = new ResizeObserver(fit);
    sizes.observe(el);
    return () => sizes.disconnect();
  }, [ref, enabled, content]);
}

interface Props {
  readonly tex: string;
  /** A displayed formula on its own line, or inline in a sentence. */
  readonly display?: boolean;
  /** What the formula says, for the figure's accessible name where it stands alone. */
  readonly label?: string;
}

export function Formula({ tex, display = false, label }: Props) {
  const html = useMemo(
    () => katex.renderToString(tex, { output: 'mathml', displayMode: display, throwOnError: false, strict: 'ignore' }),
    [tex, display],
  );
  const ref = useRef<HTMLElement>(null);
  useFitWidth(ref, display, html);
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      ref={ref as RefObject<HTMLDivElement>}
      className={display ? 'formula formula-display' : 'formula'}
      {...(label ? { role: 'group', 'aria-label': label } : {})}
      // a wide formula scrolls sideways on a phone; the keyboard must reach that scroll too
      {...(display ? { tabIndex: 0 } : {})}
      // KaTeX's MathML of our own TeX strings: no user text reaches it
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
