/** Keys of the function-classes figure's f* (while it has focus): the arrows move it, with Shift five times as far. */
export const TRUTH_ACTIONS = [
  { label: 'keys.truth.move', keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], far: false },
  { label: 'keys.truth.moveFar', keys: ['Shift', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], far: true },
] as const;

/** Whether a key press moves f*. */
export function movesTruth(key: string): boolean {
  return TRUTH_ACTIONS[0].keys.some((k) => k === key);
}
