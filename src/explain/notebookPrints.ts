/**
 * What the notebook's notebook prints, rebuilt from a trace: cell 9 runs
 *
 *     for layer in resnet_18:
 *         X = layer(X)
 *         print(layer.__class__.__name__, 'output shape:\t', X.shape)
 *
 * and every `Residual.forward` prints `Y.shape` and `X.shape` before `Y += X`.
 */
import type { NodeInfo, Shape } from '../model/types';

/** PyTorch's way of printing a shape: `torch.Size([1, 64, 56, 56])`. */
export function torchSize(shape: Shape): string {
  return `torch.Size([${shape.join(', ')}])`;
}

/** One printed line, tied to the node whose shape it shows. */
export interface PrintedLine {
  readonly text: string;
  /** The node whose shape the line prints. */
  readonly path: string;
  /** A block's print: the addition it precedes (the line appears when the block reaches it). */
  readonly beforeAdd?: string;
}

/** The lines a residual block prints before its addition: Y's shape, then X's. */
export function blockPrints(nodes: readonly NodeInfo[], blockPrefix: string): PrintedLine[] {
  const add = nodes.find((n) => n.path === `${blockPrefix}.add`);
  if (!add) throw new Error(`No block "${blockPrefix}" in the trace`);
  const [yPath, xPath] = add.inputs as [string, string];
  const shapeOf = (p: string) => (nodes.find((n) => n.path === p) as NodeInfo).shape;
  return [
    { text: torchSize(shapeOf(yPath)), path: yPath, beforeAdd: add.path },
    { text: torchSize(shapeOf(xPath)), path: xPath, beforeAdd: add.path },
  ];
}

/**
 * The notebook's cell-9 output for a traced network, line by line: each stage b1 … b5 is an
 * `nn.Sequential` (its blocks print first), then every layer of the head by its class.
 */
export function seedCell9Lines(nodes: readonly NodeInfo[]): PrintedLine[] {
  const lines: PrintedLine[] = [];
  const stages = [...new Set(nodes.map((n) => n.stage))].filter((s) => s !== 'input' && s !== 'head');
  for (const stage of stages) {
    const inStage = nodes.filter((n) => n.stage === stage);
    const blocks = [...new Set(inStage.filter((n) => n.block !== undefined).map((n) => n.block as number))];
    for (const b of blocks) lines.push(...blockPrints(nodes, `${stage}.${b}`));
    const last = inStage[inStage.length - 1] as NodeInfo;
    lines.push({ text: `Sequential output shape:\t ${torchSize(last.shape)}`, path: last.path });
  }
  for (const n of nodes.filter((m) => m.stage === 'head')) {
    lines.push({ text: `${n.label} output shape:\t ${torchSize(n.shape)}`, path: n.path });
  }
  return lines;
}
