/** The lesson's position (`?lesson=N`) and moves: to a stop, one stop on or back, out of the lesson. */
import { useCallback, useEffect, useRef } from 'react';
import { LESSON_STOPS, lessonStop, type LessonStop } from '../../explain/lesson/stops';
import type { PageProps } from '../pages/pageProps';
import { stopPatch } from './lessonView';
import { namedRoute } from '../routes';

export interface Lesson {
  /** 1-based; 0 outside the lesson. */
  readonly n: number;
  readonly total: number;
  readonly stop?: LessonStop;
  readonly goTo: (n: number) => void;
  readonly step: (delta: 1 | -1) => void;
  /** Leave the lesson; the page keeps the view of the last stop, as the reader left it. */
  readonly leave: () => void;
}

export function useLesson({ state, update }: Pick<PageProps, 'state' | 'update'>): Lesson {
  const n = state.lesson;
  const stop = lessonStop(n);
  const goTo = useCallback(
    (m: number) => {
      const next = lessonStop(m);
      if (!next) return;
      const hash = `#/${next.chapter}`;
      if (window.location.hash !== hash) window.location.hash = hash;
      update(stopPatch(next, m));
    },
    [update],
  );
  // a link to `?lesson=N` opens stop N: its view was read with the link (the stop's pinned one
  // under what the link gives); its chapter, unless the link names one
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    if (stop && namedRoute(window.location.hash) === undefined) window.location.hash = `#/${stop.chapter}`;
  }, [stop]);
  const step = useCallback((delta: 1 | -1) => goTo(Math.min(LESSON_STOPS.length, Math.max(1, n + delta))), [goTo, n]);
  const leave = useCallback(() => update({ lesson: 0 }), [update]);
  return { n, total: LESSON_STOPS.length, ...(stop ? { stop } : {}), goTo, step, leave };
}
