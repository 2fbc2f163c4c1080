/**
 * Ties the stepper's position to the notebook's code: which line produced the current
 * tensor, and which of the notebook's printed lines a console would show by now.
 */
import type { NodeInfo } from '../../model/types';
import { seedCell9Lines } from '../notebookPrints';
import { NOTEBOOK_CODE, type CodeLine } from './notebookCode';
import type { StepItem } from './steps';

/** The code lines to highlight: `current` produced the tensor, `context` says where we are. */
export interface CodeHighlight {
  readonly current: readonly string[];
  readonly context: readonly string[];
}

const FORWARD = [
  'fwd.def',
  'fwd.y1',
  'fwd.y2',
  'fwd.y3',
  'fwd.shortcut',
  'fwd.printY',
  'fwd.printX',
  'fwd.add',
  'fwd.relu',
];

/** The line of the network's definition each layer of the head is on. */
const HEAD_LINES: Readonly<Record<string, string>> = { bn: 'headbn', relu: 'headbn', pool: 'pool' };

/**
 * Which `resnet_block` line built a block: the first block of b3 … b5 has a shortcut; so
 * does b2's first when it widens b1's 64 channels (a bottleneck's 256).
 */
function builderLine(item: StepItem): string {
  const { stage, block, shape } = item.node;
  return block === 0 && (stage !== 'b2' || shape[1] !== 64) ? 'blk.first' : 'blk.other';
}

/** The code's line(s) behind a step, by the ids of `code` (the notebook's by default). */
export function codeLinesFor(item: StepItem, code: readonly CodeLine[] = NOTEBOOK_CODE): CodeHighlight {
  const { id, kind, node } = item;
  if (id === 'input') return { current: ['input'], context: [] };
  if (node.stage === 'head') return { current: [HEAD_LINES[id] ?? 'head'], context: ['resnet18'] };
  if (node.stage === 'b1') {
    if (kind === 'stage') return { current: ['b1.conv', 'b1.bn', 'b1.maxpool'], context: ['resnet18'] };
    const line = id === 'b1.conv' ? 'b1.conv' : id === 'b1.maxpool' ? 'b1.maxpool' : 'b1.bn';
    return { current: [line], context: [] };
  }
  if (kind === 'stage') return { current: [node.stage], context: ['resnet18'] };
  if (kind === 'block') {
    // the whole forward of this block's class (a bottleneck has a third line, pre-activation no final ReLU)
    const forward = FORWARD.filter((id) => code.some((l) => l.id === id));
    return { current: forward, context: [node.stage, builderLine(item)] };
  }
  const line = node.line ?? 'fwd.def';
  return {
    current: line === 'fwd.add' ? ['fwd.printY', 'fwd.printX', line] : [line],
    context: [node.stage, builderLine(item)],
  };
}

/** A line the notebook prints, and the execution position from which it has been printed. */
export interface ConsoleLine {
  readonly text: string;
  /** Index in execution order of the step that prints it. */
  readonly printedAt: number;
}

/**
 * Everything cell 9 prints for these nodes, each line with the position that prints it:
 * a block prints `Y.shape` and `X.shape` just before `Y += X`; the loop prints a layer's
 * output shape once the layer is done.
 */
export function consoleLines(nodes: readonly NodeInfo[]): ConsoleLine[] {
  const order = new Map(nodes.map((n, i) => [n.path, i]));
  const lines = seedCell9Lines(nodes);
  return lines.map((line) => ({
    text: line.text,
    printedAt: order.get(line.beforeAdd ?? line.path) as number,
  }));
}
