/**
 * A horizontal swipe on a touch screen as a step: left is forward, right is back. A touch
 * that starts on the drawing pad or a form control is never a swipe, so a stroke is never taken.
 */
import { useEffect, type RefObject } from 'react';

/** Shortest horizontal travel, in CSS pixels, that counts as a swipe. */
const MIN_TRAVEL = 60;
/** Where a touch belongs to something else. */
const NOT_A_SWIPE = '.draw-pad, input, select, textarea, [data-no-swipe]';

export function useSwipe(
  target: RefObject<HTMLElement | null> | undefined,
  onSwipe: (direction: 1 | -1) => void,
  /** Touches that start inside these are left to someone else (e.g. the stepper inside the lesson). */
  skip?: string,
): void {
  useEffect(() => {
    const el: HTMLElement | Window | null = target ? target.current : window;
    if (!el) return;
    let start: { x: number; y: number } | undefined;
    const onStart = (e: Event) => {
      const touch = (e as TouchEvent).touches[0];
      const from = e.target instanceof Element ? e.target : null;
      const ignored = from?.closest(skip ? `${NOT_A_SWIPE}, ${skip}` : NOT_A_SWIPE);
      start =
        touch && (e as TouchEvent).touches.length === 1 && !ignored
          ? { x: touch.clientX, y: touch.clientY }
          : undefined;
    };
    const onEnd = (e: Event) => {
      const touch = (e as TouchEvent).changedTouches[0];
      if (!start || !touch) return;
      const dx = touch.clientX - start.x;
      const dy = touch.clientY - start.y;
      start = undefined;
      if (Math.abs(dx) >= MIN_TRAVEL && Math.abs(dx) > 2 * Math.abs(dy)) onSwipe(dx < 0 ? 1 : -1);
    };
    el.addEventListener('touchstart', onStart, { passive: true });
    el.addEventListener('touchend', onEnd, { passive: true });
    return () => {
      el.removeEventListener('touchstart', onStart);
      el.removeEventListener('touchend', onEnd);
    };
  }, [target, onSwipe, skip]);
}
