/** What a step is called in the diagram and the breadcrumb: the seed's own names. */
import type { StepItem } from './steps';

const B1_NAMES: Readonly<Record<string, string>> = {
  'b1.conv': 'Conv2d',
  'b1.bn': 'BatchNorm2d',
  'b1.relu': 'ReLU',
  'b1.maxpool': 'MaxPool2d',
};

const HEAD_NAMES: Readonly<Record<string, string>> = {
  input: 'X',
  pool: 'AdaptiveAvgPool2d',
  flatten: 'Flatten',
  linear: 'Linear',
};

const BLOCK_NAMES: Readonly<Record<string, string>> = { relu2: 'relu(Y)', add: 'Y += X' };

/** The name a step goes by: `b3`, `conv3`, `Y += X`, `MaxPool2d`… (blocks are named by the UI: `Residual 0`). */
export function stepName(item: StepItem): string {
  const { id, kind } = item;
  if (kind === 'stage') return id;
  if (kind === 'block') return `Residual ${item.node.block ?? 0}`;
  const named = B1_NAMES[id] ?? HEAD_NAMES[id];
  if (named) return named;
  const layer = id.split('.').pop() as string;
  return BLOCK_NAMES[layer] ?? layer;
}

/** Window size and stride of a convolution or pooling step, for "(1×1, stride 2)". */
export function stepWindow(item: StepItem): { k: number; s: number } | undefined {
  if (item.kind !== 'op') return undefined;
  const { kernel, stride } = item.node.params;
  return kernel !== undefined && stride !== undefined ? { k: kernel, s: stride } : undefined;
}
