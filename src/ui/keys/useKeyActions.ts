/** Run a list of key actions on the window's key presses, except while the reader types. */
import { useEffect } from 'react';
import { actionForKey, isTyping, type KeyAction } from './keyAction';

export function useKeyActions<C>(list: readonly KeyAction<C>[], ctx: C): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented || isTyping(e)) return;
      const action = actionForKey(list, e.key, ctx);
      if (!action) return;
      e.preventDefault();
      action.run(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [list, ctx]);
}
