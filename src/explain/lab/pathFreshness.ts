/**
 * Whether the lab's data path shows the line on screen. When a typed line fails, the lab keeps
 * the last line that ran: its outcome, and the data path's shapes and maps, belong to that line
 * and are marked out of date (the outcome panel's note says so too). While the block runs again
 * for new arguments, the shapes are already the new ones (shape arithmetic needs no run) and the
 * maps wait for the run: `useBlockRun` never hands over a previous configuration's tensors.
 */
export type PathFreshness =
  /** The path is the line on screen, maps included. */
  | 'current'
  /** The edited line did not run: everything shown is the last line that ran. */
  | 'lineNotRun'
  /** The arguments changed: new shapes, maps on their way. */
  | 'mapsPending';

export function pathFreshness(s: { readonly lineFailed: boolean; readonly running: boolean }): PathFreshness {
  if (s.lineFailed) return 'lineNotRun';
  return s.running ? 'mapsPending' : 'current';
}
