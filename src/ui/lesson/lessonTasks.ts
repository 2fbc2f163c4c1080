/**
 * A stop's click task on the clicker: the part of the page that owns the task (the
 * experiment's Run button, the data path, the identity measurement) registers how to do it;
 * the presenter's PageDown and Enter ask for it. `perform` returns whether it did something
 * (false: nothing left to do here, so PageDown moves on).
 */
import { createContext, useContext, useEffect, useRef } from 'react';
import type { LessonTask } from '../../explain/lesson/stops';

export type TaskRegistry = Map<LessonTask, () => boolean>;

export const LessonTasks = createContext<TaskRegistry | undefined>(undefined);

/** The page's one registry (made by the app's frame). */
export function useTaskRegistry(): TaskRegistry {
  return useRef<TaskRegistry>(new Map()).current;
}

/** Offer `task` on the clicker while this component is on screen. */
export function useLessonTask(task: LessonTask, perform: () => boolean): void {
  const registry = useContext(LessonTasks);
  // the latest closure, without re-registering on every render
  const latest = useRef(perform);
  latest.current = perform;
  useEffect(() => {
    if (!registry) return;
    const run = () => latest.current();
    registry.set(task, run);
    return () => {
      if (registry.get(task) === run) registry.delete(task);
    };
  }, [registry, task]);
}
