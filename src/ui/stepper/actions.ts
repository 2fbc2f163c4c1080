/**
 * The stepper's actions, one object each: a name (its i18n key and accessible name),
 * the keys that trigger it, and its effect. The buttons and the keyboard map both read
 * this list, so they cannot disagree.
 */
import type { StepList } from '../../explain/stepper/steps';

export interface StepContext {
  readonly steps: StepList;
  readonly current: string;
  readonly playing: boolean;
  go(id: string): void;
  setPlaying(playing: boolean): void;
}

export interface StepAction {
  /** Key under `stepper.actions`. */
  readonly name: 'first' | 'previousOp' | 'previous' | 'out' | 'into' | 'next' | 'nextOp' | 'last' | 'play';
  /** `KeyboardEvent.key` values. */
  readonly keys: readonly string[];
  /** What the button shows. */
  readonly glyph: string;
  /** Where the action would go, or undefined when it cannot move. */
  readonly target?: (ctx: StepContext) => string;
  readonly run: (ctx: StepContext) => void;
}

function move(
  name: StepAction['name'],
  keys: string[],
  glyph: string,
  target: (ctx: StepContext) => string,
): StepAction {
  return {
    name,
    keys,
    glyph,
    target,
    run: (ctx) => {
      ctx.setPlaying(false);
      ctx.go(target(ctx));
    },
  };
}

export const STEP_ACTIONS: readonly StepAction[] = [
  move('first', ['Home'], '«', (c) => c.steps.first()),
  move('previousOp', ['['], '‹', (c) => c.steps.previousOp(c.current)),
  move('previous', ['ArrowLeft'], '◀', (c) => c.steps.previous(c.current)),
  move('out', ['ArrowUp'], '⤴', (c) => c.steps.out(c.current)),
  move('into', ['ArrowDown'], '⤵', (c) => c.steps.into(c.current)),
  move('next', ['ArrowRight'], '▶', (c) => c.steps.next(c.current)),
  move('nextOp', [']'], '›', (c) => c.steps.nextOp(c.current)),
  move('last', ['End'], '»', (c) => c.steps.last()),
  {
    name: 'play',
    keys: [' '],
    glyph: '►',
    run: (ctx) => {
      // playing from the end starts again from the input
      if (!ctx.playing && ctx.steps.nextOp(ctx.current) === ctx.current) ctx.go(ctx.steps.first());
      ctx.setPlaying(!ctx.playing);
    },
  },
];

/** The action a key press triggers, if any. */
export function actionForKey(key: string): StepAction | undefined {
  return STEP_ACTIONS.find((a) => a.keys.includes(key));
}
