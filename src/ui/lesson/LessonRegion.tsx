/**
 * The part of a chapter a lesson stop talks about: each chapter wraps its parts in a
 * `LessonRegion`, and the one the current stop names is outlined and scrolled into the room
 * above the lesson bar (its key element, src/ui/lesson/regionKeys.ts, fully so). Its content
 * arrives late (a trace, a chart), so it is placed again whenever it changes size, until the
 * reader scrolls by themselves.
 */
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lessonScrollTarget } from '../../explain/lesson/scrollTarget';
import type { LessonRegion as RegionName } from '../../explain/lesson/stops';

/** The current stop's region and number (a new stop on the same region places it again). */
export const LessonFocus = createContext<
  { readonly region: RegionName; readonly n: number; readonly key: string } | undefined
>(undefined);

interface Props {
  readonly name: RegionName;
  readonly className?: string;
  readonly as?: 'div' | 'aside';
  readonly children: ReactNode;
}

/** Keys and gestures that scroll the page: after one, the reader decides where to look. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', ' ', 'Home', 'End']);

/** The extent covering every element of `selector` in `el` that is drawn; the region's own without one. */
function keyExtent(el: HTMLElement, selector: string): { top: number; bottom: number } {
  const rects = [...el.querySelectorAll<HTMLElement>(selector)]
    .map((k) => k.getBoundingClientRect())
    .filter((r) => r.height > 0);
  if (rects.length === 0) return el.getBoundingClientRect();
  return { top: Math.min(...rects.map((r) => r.top)), bottom: Math.max(...rects.map((r) => r.bottom)) };
}

function place(el: HTMLElement, selector: string): void {
  const bar = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--lesson-bar-height')) || 0;
  const r = el.getBoundingClientRect();
  const k = keyExtent(el, selector);
  const y = lessonScrollTarget({
    scrollY: window.scrollY,
    viewportHeight: window.innerHeight,
    barHeight: bar,
    // a sticky toolbar above the region (the stepper's) is kept free, as its CSS scroll margin says
    topInset: (parseFloat(getComputedStyle(el).scrollMarginTop) || 0) + 4,
    region: r,
    key: k,
  });
  if (Math.abs(y - window.scrollY) > 1) window.scrollTo({ top: y, behavior: 'instant' });
}

export function LessonRegion({ name, className = '', as: Tag = 'div', children }: Props) {
  const { t } = useTranslation();
  const focus = useContext(LessonFocus);
  const focused = focus?.region === name;
  const stopNumber = focused ? focus.n : 0;
  const selector = focused ? focus.key : '';
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!focused || !el) return;
    let frame = requestAnimationFrame(() => place(el, selector));
    const again = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => place(el, selector));
    };
    const sizes = new ResizeObserver(again);
    sizes.observe(el);
    sizes.observe(document.documentElement);
    const stop = () => {
      sizes.disconnect();
      cancelAnimationFrame(frame);
      window.removeEventListener('wheel', stop);
      window.removeEventListener('touchmove', stop);
      window.removeEventListener('keydown', onKey);
    };
    const onKey = (e: KeyboardEvent) => SCROLL_KEYS.has(e.key) && stop();
    window.addEventListener('wheel', stop, { passive: true });
    window.addEventListener('touchmove', stop, { passive: true });
    window.addEventListener('keydown', onKey);
    return stop;
  }, [focused, stopNumber, selector]);
  return (
    <Tag
      ref={ref}
      className={`${className}${focused ? ' lesson-focus' : ''}`.trim() || undefined}
      data-lesson-region={name}
    >
      {focused && <span className="visually-hidden">{t('lesson.here')}</span>}
      {children}
    </Tag>
  );
}
