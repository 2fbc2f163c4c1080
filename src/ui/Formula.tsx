/**
 * A typeset formula. KaTeX writes MathML only (no inline styles, no fonts to load), so it
 * works under a strict Content-Security-Policy and the browser lays it out natively.
 */
import katex from 'katex';
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { fitFormula } from './formulaFit';
import { useTextScale } from './textScale';

/** A displayed formula's type size, as styles.css sets it. */
const DISPLAY_EM = 1.15;

const typeset = (tex: string, display: boolean) =>
  katex.renderToString(tex, { output: 'mathml', displayMode: display, throwOnError: false, strict: 'ignore' });

/** The width a displayed formula's MathML needs at full size, set beside `el` where nothing sees it. */
function naturalWidth(el: HTMLElement, html: string): number {
  const probe = document.createElement('div');
  probe.className = 'formula formula-display formula-probe';
  probe.setAttribute('aria-hidden', 'true');
  probe.innerHTML = html;
  el.after(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  return width;
}

/**
 * A displayed formula fits the width it is given (a narrow column, projector type): stacked
 * before it shrinks, and never shrunk in projector mode (src/ui/formulaFit.ts). Returns the
 * form to show.
 */
function useFitWidth(
  ref: RefObject<HTMLElement | null>,
  enabled: boolean,
  html: string,
  stackedHtml: string | undefined,
  mayShrink: boolean,
): 'line' | 'stacked' {
  const [form, setForm] = useState<'line' | 'stacked'>('line');
  useLayoutEffect(() => {
    const el = ref.current;
    if (!enabled || !el) return;
    let width = -1;
    let font = '';
    const fit = () => {
      // only a new width or type size refits (a new form or size of type changes the height alone)
      const parentFont = getComputedStyle(el.parentElement ?? el).fontSize;
      if (el.clientWidth === width && parentFont === font) return;
      width = el.clientWidth;
      font = parentFont;
      const fit = fitFormula({
        room: width,
        line: naturalWidth(el, html),
        ...(stackedHtml !== undefined ? { stacked: naturalWidth(el, stackedHtml) } : {}),
        mayShrink,
      });
      el.style.fontSize = fit.scale < 1 ? `${DISPLAY_EM * fit.scale}em` : '';
      setForm(fit.form);
    };
    fit();
    const sizes = new ResizeObserver(fit);
    sizes.observe(el);
    return () => sizes.disconnect();
  }, [ref, enabled, html, stackedHtml, mayShrink]);
  return form;
}

interface Props {
  readonly tex: string;
  /** The same formula broken over lines, for a column too narrow for `tex` on one line at full size. */
  readonly stackedTex?: string;
  /** A displayed formula on its own line, or inline in a sentence. */
  readonly display?: boolean;
  /** What the formula says, for the figure's accessible name where it stands alone. */
  readonly label?: string;
}

export function Formula({ tex, stackedTex, display = false, label }: Props) {
  const html = useMemo(() => typeset(tex, display), [tex, display]);
  const stackedHtml = useMemo(
    () => (display && stackedTex !== undefined ? typeset(stackedTex, true) : undefined),
    [stackedTex, display],
  );
  const ref = useRef<HTMLElement>(null);
  // projector mode (a larger text scale) is read from the back of the room: the formula keeps its size
  const form = useFitWidth(ref, display, html, stackedHtml, useTextScale() <= 1);
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      ref={ref as RefObject<HTMLDivElement>}
      className={display ? 'formula formula-display' : 'formula'}
      {...(label ? { role: 'group', 'aria-label': label } : {})}
      // a wide formula scrolls sideways on a phone; the keyboard must reach that scroll too
      {...(display ? { tabIndex: 0 } : {})}
      // KaTeX's MathML of our own TeX strings: no user text reaches it
      dangerouslySetInnerHTML={{ __html: form === 'stacked' && stackedHtml !== undefined ? stackedHtml : html }}
    />
  );
}
