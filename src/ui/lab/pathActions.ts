/** Keys of the lab's data path (while it has focus): each names where the selection goes. */
export interface PathPosition {
  readonly index: number;
  readonly count: number;
}

export interface PathAction {
  readonly label: string;
  readonly keys: readonly string[];
  readonly target: (p: PathPosition) => number;
}

export const PATH_ACTIONS: readonly PathAction[] = [
  { label: 'keys.path.previous', keys: ['ArrowLeft'], target: (p) => p.index - 1 },
  { label: 'keys.path.next', keys: ['ArrowRight'], target: (p) => p.index + 1 },
  { label: 'keys.path.first', keys: ['Home'], target: () => 0 },
  { label: 'keys.path.last', keys: ['End'], target: (p) => p.count - 1 },
];
