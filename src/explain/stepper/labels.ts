/** What a step is called in the diagram and the breadcrumb: the notebook's own names. */
import type { StepItem } from './steps';

/** The name a step goes by: `b3`, `conv3`, `Y += X`, `MaxPool2d`… (blocks are named by the UI: `Residual 0`). */
export function stepName(item: StepItem): string {
  const { id, kind } = item;
  if (kind === 'stage') return id;
  if (kind === 'block') return `Residual ${item.node.block ?? 0}`;
  return item.node.label;
}

/** Window size and stride of a convolution or pooling step, for "(1×1, stride 2)". */
export function stepWindow(item: StepItem): { k: number; s: number } | undefined {
  if (item.kind !== 'op') return undefined;
  const { kernel, stride } = item.node.params;
  return kernel !== undefined && stride !== undefined ? { k: kernel, s: stride } : undefined;
}
