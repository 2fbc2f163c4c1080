/**
 * What every key of the page is: an action with a name (its i18n key and the button's
 * accessible name), the keys that trigger it, and its effect on a context. Buttons, the
 * keyboard and the `?` overlay all read the same lists, so they cannot disagree.
 */
export interface KeyAction<C> {
  /** i18n key of the action's name. */
  readonly label: string;
  /** `KeyboardEvent.key` values. */
  readonly keys: readonly string[];
  /** Whether it can run now (e.g. "next stop" only in the lesson); always when absent. */
  readonly available?: (ctx: C) => boolean;
  readonly run: (ctx: C) => void;
}

/** A group of actions for the `?` overlay: a heading and the keys with their names. */
export interface KeyGroup {
  /** i18n key of the heading. */
  readonly heading: string;
  /** i18n key of when the keys work, e.g. "while the data path has focus". */
  readonly when?: string;
  readonly actions: readonly { readonly label: string; readonly keys: readonly string[] }[];
}

/** Whether a key press belongs to a text field, a menu or a focused button, not to the page. */
export function isTyping(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  const tag = el?.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || el?.isContentEditable) return true;
  // space and enter on a focused button press that button
  return (tag === 'BUTTON' || el?.getAttribute('role') === 'button') && (e.key === ' ' || e.key === 'Enter');
}

/** The action a key press triggers in `list`, if any can run. */
export function actionForKey<C>(list: readonly KeyAction<C>[], key: string, ctx: C): KeyAction<C> | undefined {
  return list.find((a) => a.keys.includes(key) && (a.available?.(ctx) ?? true));
}
