/**
 * The keys of every page: the lesson's next and previous stop (what presentation clickers
 * send), the key overlay, fullscreen and projector mode. The header's and the lesson bar's
 * buttons run these same objects.
 */
import type { KeyAction } from './keyAction';

export interface AppContext {
  readonly inLesson: boolean;
  readonly lessonStep: (delta: 1 | -1) => void;
  readonly toggleHelp: () => void;
  readonly toggleFullscreen: () => void;
  readonly toggleProjector: () => void;
}

export const NEXT_STOP: KeyAction<AppContext> = {
  label: 'lesson.next',
  keys: ['PageDown'],
  available: (c) => c.inLesson,
  run: (c) => c.lessonStep(1),
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
  PREVIOUS_STOP,
  SHOW_KEYS,
  FULLSCREEN,
  PROJECTOR,
];
