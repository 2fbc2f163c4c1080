/** The presenter's tools as state: the key overlay, fullscreen, and the keys that drive them and the lesson. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Lesson } from '../lesson/useLesson';
import type { TaskRegistry } from '../lesson/lessonTasks';
import type { PageProps } from '../pages/pageProps';
import { APP_ACTIONS, type AppContext } from './appActions';
import { useKeyActions } from './useKeyActions';
import { useSwipe } from './useSwipe';

export interface Presenter {
  readonly ctx: AppContext;
  readonly helpOpen: boolean;
  readonly closeHelp: () => void;
  readonly fullscreen: boolean;
}

function useFullscreen(): [boolean, () => void] {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = useCallback(() => {
    // a refused request (no user gesture, an iframe without permission) leaves the page as it is
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);
  return [on, toggle];
}

export function usePresenter(
  { state, update }: Pick<PageProps, 'state' | 'update'>,
  lesson: Lesson,
  tasks: TaskRegistry,
): Presenter {
  const [helpOpen, setHelpOpen] = useState(false);
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const projector = state.projector;
  const ctx = useMemo<AppContext>(
    () => ({
      inLesson: lesson.stop !== undefined,
      lessonStep: lesson.step,
      startLesson: () => lesson.goTo(1),
      hasTask: lesson.stop?.task !== undefined,
      lessonTask: () => {
        const task = lesson.stop?.task;
        return task !== undefined && tasks.perform(task);
      },
      toggleHelp: () => setHelpOpen((open) => !open),
      toggleFullscreen,
      toggleProjector: () => update({ projector: !projector }),
    }),
    [lesson, tasks, toggleFullscreen, update, projector],
  );
  useKeyActions(APP_ACTIONS, ctx);
  // a press held for a stop's task belongs to that stop only
  useEffect(() => tasks.drop(), [tasks, lesson.stop]);
  // in the lesson a swipe moves a stop, except on the stepper, where it moves a step
  const lessonSwipe = useCallback((d: 1 | -1) => ctx.inLesson && ctx.lessonStep(d), [ctx]);
  useSwipe(undefined, lessonSwipe, '.stepper');
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  return { ctx, helpOpen, closeHelp, fullscreen };
}
