/**
 * A typeset formula. KaTeX writes MathML only (no inline styles, no fonts to load), so it
 * works under a strict Content-Security-Policy and the browser lays it out natively.
 */
import katex from 'katex';
import { useMemo } from 'react';

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
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      className={display ? 'formula formula-display' : 'formula'}
      {...(label ? { role: 'group', 'aria-label': label } : {})}
      // a wide formula scrolls sideways on a phone; the keyboard must reach that scroll too
      {...(display ? { tabIndex: 0 } : {})}
      // KaTeX's MathML of our own TeX strings: no user text reaches it
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
