/**
 * The keys of every page: the lesson's next and previous stop (what presentation clickers
 * send), the key overlay, fullscreen and projector mode. The header's and the lesson bar's
 * buttons run these same objects.
 */
import type { KeyAction } from './keyAction';

export interface AppContext {
  readonly inLesson: boolean;
  readonly lessonStep: (delta: 1 | -1) => void;
  /** Outside the lesson: start it at its first stop. */
  readonly startLesson: () => void;
  /** The current stop has a click task the clicker can do. */
  readonly hasTask: boolean;
  /** Do the current stop's task; false when there is nothing (left) to do. */
  readonly lessonTask: () => boolean;
  readonly toggleHelp: () => void;
  readonly toggleFullscreen: () => void;
  readonly toggleProjector: () => void;
}

/** A clicker's forward key in the lesson: the stop's click task first, if it has one left, then the next stop. */
export const NEXT_STOP: KeyAction<AppContext> = {
  label: 'lesson.next',
  keys: ['PageDown'],
  available: (c) => c.inLesson,
  run: (c) => {
    if (!c.lessonTask()) c.lessonStep(1);
  },
};

/** The same key outside the lesson, in any chapter: a teacher with only a clicker can begin. */
export const START_LESSON: KeyAction<AppContext> = {
  label: 'lesson.start',
  keys: ['PageDown'],
  available: (c) => !c.inLesson,
  run: (c) => c.startLesson(),
};

/** The stop's click task (run the experiment, walk the data path, measure the identity) without the mouse. */
export const DO_TASK: KeyAction<AppContext> = {
  label: 'lesson.doTask',
  keys: ['Enter'],
  available: (c) => c.inLesson && c.hasTask,
  run: (c) => void c.lessonTask(),
};

export const PREVIOUS_STOP: KeyAction<AppContext> = {
  label: 'lesson.previous',
  keys: ['PageUp'],
  available: (c) => c.inLesson,
  run: (c) => c.lessonStep(-1),
};

export const SHOW_KEYS: KeyAction<AppContext> = {
  label: 'keys.show',
  keys: ['?'],
  run: (c) => c.toggleHelp(),
};

export const FULLSCREEN: KeyAction<AppContext> = {
  label: 'keys.fullscreen',
  keys: ['f'],
  run: (c) => c.toggleFullscreen(),
};

export const PROJECTOR: KeyAction<AppContext> = {
  label: 'app.projector',
  keys: ['p'],
  run: (c) => c.toggleProjector(),
};

export const APP_ACTIONS: readonly KeyAction<AppContext>[] = [
  NEXT_STOP,
  START_LESSON,
  PREVIOUS_STOP,
  DO_TASK,
  SHOW_KEYS,
  FULLSCREEN,
  PROJECTOR,
];
