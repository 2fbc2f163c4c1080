/** The width of an element, kept up to date as the window resizes. */
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback = 600): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth) || fallback);
    const obs = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth) || fallback));
    obs.observe(el);
    return () => obs.disconnect();
  }, [ref, fallback]);
  return width;
}
