/**
 * A stop's click task on the clicker: the part of the page that owns the task (the
 * experiment's Run button, the data path, the identity measurement) registers how to do it;
 * the presenter's PageDown and Enter ask for it. `perform` returns whether it did something
 * (false: nothing left to do here, so PageDown moves on).
 *
 * A press that comes while the stop's chapter is still loading (its owner not yet on screen)
 * is held and done when the owner arrives, so a teacher's first click is never lost to a slow
 * page; a second press while it is still held moves on, so the clicker never gets stuck.
 */
import { createContext, useContext, useEffect, useRef } from 'react';
import type { LessonTask } from '../../explain/lesson/stops';

export class TaskRegistry {
  private readonly owners = new Map<LessonTask, () => boolean>();
  private held: LessonTask | undefined;

  /** `task` can be done by `run` from now on; returns how to withdraw it. A held press for it is done now. */
  offer(task: LessonTask, run: () => boolean): () => void {
    this.owners.set(task, run);
    if (this.held === task) {
      this.held = undefined;
      run();
    }
    return () => {
      if (this.owners.get(task) === run) this.owners.delete(task);
    };
  }

  /** Do `task` (a press asks for it): true when the press was used, false when it should move on. */
  perform(task: LessonTask): boolean {
    const run = this.owners.get(task);
    if (run) {
      this.held = undefined;
      return run();
    }
    if (this.held === task) {
      this.held = undefined;
      return false;
    }
    this.held = task;
    return true;
  }

  /** The stop changed: a press held for the one before is dropped. */
  drop(): void {
    this.held = undefined;
  }
}

export const LessonTasks = createContext<TaskRegistry | undefined>(undefined);

/** The page's one registry (made by the app's frame). */
export function useTaskRegistry(): TaskRegistry {
  return useRef(new TaskRegistry()).current;
}

/** Offer `task` on the clicker while this component is on screen. */
export function useLessonTask(task: LessonTask, perform: () => boolean): void {
  const registry = useContext(LessonTasks);
  // the latest closure, without re-registering on every render
  const latest = useRef(perform);
  latest.current = perform;
  useEffect(() => {
    if (!registry) return;
    return registry.offer(task, () => latest.current());
  }, [registry, task]);
}
