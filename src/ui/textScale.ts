/**
 * The page's text scale for the drawings (see src/viz/textScale.ts): read from the root's
 * font size, which projector mode raises, and handed down so a drawing redraws, with its
 * text and the room for it scaled, when the mode changes.
 */
import { createContext, useContext } from 'react';
import { textScaleFromRootPx } from '../viz/textScale';

export const TextScaleContext = createContext(1);

/** The page's text scale now: 1 normally, larger in projector mode. */
export const useTextScale = (): number => useContext(TextScaleContext);

/** Read the text scale from the document's root font size (call after the mode's attribute is set). */
export function readPageTextScale(): number {
  return textScaleFromRootPx(parseFloat(getComputedStyle(document.documentElement).fontSize));
}
