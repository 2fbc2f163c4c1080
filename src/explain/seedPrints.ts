/**
 * What the seed's notebook prints, rebuilt from a trace: cell 9 runs
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

/** The top-level layers of `resnet_18 = nn.Sequential(b1, …, b5, pool, flatten, linear)`. */
const TOP_LEVEL: readonly { stage: string; lastPath?: string; className: string }[] = [
  { stage: 'b1', className: 'Sequential' },
  { stage: 'b2', className: 'Sequential' },
  { stage: 'b3', className: 'Sequential' },
  { stage: 'b4', className: 'Sequential' },
  { stage: 'b5', className: 'Sequential' },
  { stage: 'head', lastPath: 'pool', className: 'AdaptiveAvgPool2d' },
  { stage: 'head', lastPath: 'flatten', className: 'Flatten' },
  { stage: 'head', lastPath: 'linear', className: 'Linear' },
];

/** One printed line, tied to the node whose shape it shows. */
export interface PrintedLine {
  readonly text: string;
  /** The node whose shape the line prints. */
  readonly path: string;
}

/** The lines a residual block prints before its addition: Y's shape, then X's. */
export function blockPrints(nodes: readonly NodeInfo[], blockPrefix: string): PrintedLine[] {
  const add = nodes.find((n) => n.path === `${blockPrefix}.add`);
  if (!add) throw new Error(`No block "${blockPrefix}" in the trace`);
  const [yPath, xPath] = add.inputs as [string, string];
  const shapeOf = (p: string) => (nodes.find((n) => n.path === p) as NodeInfo).shape;
  return [
    { text: torchSize(shapeOf(yPath)), path: yPath },
    { text: torchSize(shapeOf(xPath)), path: xPath },
  ];
}

/** The seed's cell-9 output for a traced ResNet-18, line by line (24 lines). */
export function seedCell9Lines(nodes: readonly NodeInfo[]): PrintedLine[] {
  const lines: PrintedLine[] = [];
  for (const layer of TOP_LEVEL) {
    let last: NodeInfo | undefined;
    if (layer.lastPath) {
      last = nodes.find((n) => n.path === layer.lastPath);
    } else {
      const inStage = nodes.filter((n) => n.stage === layer.stage);
      const blocks = [...new Set(inStage.filter((n) => n.block !== undefined).map((n) => n.block as number))];
      for (const b of blocks) lines.push(...blockPrints(nodes, `${layer.stage}.${b}`));
      last = inStage[inStage.length - 1];
    }
    if (!last) throw new Error(`No output for ${layer.className} (${layer.stage})`);
    lines.push({ text: `${layer.className} output shape:\t ${torchSize(last.shape)}`, path: last.path });
  }
  return lines;
}
