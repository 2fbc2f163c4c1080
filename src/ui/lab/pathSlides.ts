/**
 * The lab's data path "for slides": the block's steps as the architecture diagram's slide
 * (src/viz/slidesDiagram.ts: boxes in rows of three, each with its shape), so its shapes are at
 * least 18 pt on a 16:9 slide. The on-screen strip of ten boxes cannot be: ten shapes of twelve
 * characters side by side need about 1,300 pt at 18 pt. The shortcut (X itself, or its 1×1
 * convolution) is a dashed box whose dashed arrow joins the addition.
 */
import type { DiagramInput, DiagramNode } from '../../model/types';

export interface PathStepForSlides {
  readonly id: string;
  readonly shape?: readonly number[];
}

const LABELS: Record<string, string> = { input: 'X', relu2: 'relu', output: 'out' };
const ORDER = ['input', 'conv1', 'bn1', 'relu', 'conv2', 'bn2', 'conv3', 'add', 'relu2', 'output'];

/** The slide's diagram input: every step of the block in order, a step that did not run without a shape. */
export function pathSlidesInput(
  steps: readonly PathStepForSlides[],
  use1x1conv: boolean,
  selected: string,
): DiagramInput {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const node = (id: string, extra: Partial<DiagramNode> = {}): DiagramNode => ({
    id,
    label: LABELS[id] ?? id,
    shape: [...(byId.get(id)?.shape ?? [])],
    params: 0,
    ...(id === 'add' ? { op: 'add' as const } : {}),
    ...extra,
  });
  const nodes = ORDER.filter((id) => id !== 'conv3' || use1x1conv).map((id) =>
    id === 'conv3' ? node(id, { shortcut: true }) : node(id),
  );
  // the identity shortcut: X itself, carried to the addition
  const shortcut = use1x1conv ? [] : [node('input', { id: 'shortcut', shortcut: true })];
  return {
    overview: [],
    detail: { kind: 'block', parentId: 'block', nodes: [...nodes, ...shortcut] },
    current: selected === 'input' ? 'input' : selected,
    ancestors: [],
  };
}
