/**
 * Ties the stepper's position to the seed's code: which line produced the current
 * tensor, and which of the notebook's printed lines a console would show by now.
 */
import type { NodeInfo } from '../../model/types';
import { seedCell9Lines } from '../seedPrints';
import type { StepItem } from './steps';

/** The code lines to highlight: `current` produced the tensor, `context` says where we are. */
export interface CodeHighlight {
  readonly current: readonly string[];
  readonly context: readonly string[];
}

const BLOCK_LINES: Readonly<Record<string, string>> = {
  conv1: 'fwd.y1',
  bn1: 'fwd.y1',
  relu: 'fwd.y1',
  conv2: 'fwd.y2',
  bn2: 'fwd.y2',
  conv3: 'fwd.conv3',
  add: 'fwd.add',
  relu2: 'fwd.relu',
};

const FORWARD = ['fwd.def', 'fwd.y1', 'fwd.y2', 'fwd.conv3', 'fwd.printY', 'fwd.printX', 'fwd.add', 'fwd.relu'];

/** Which `resnet_block` line built a block: b2's blocks and every second block are plain. */
function builderLine(item: StepItem): string {
  const { stage, block } = item.node;
  return block === 0 && stage !== 'b2' ? 'blk.first' : 'blk.other';
}

/** The seed's line(s) behind a step, by the ids of `SEED_CODE`. */
export function codeLinesFor(item: StepItem): CodeHighlight {
  const { id, kind, node } = item;
  if (id === 'input') return { current: ['input'], context: [] };
  if (node.stage === 'head') return { current: [id === 'pool' ? 'pool' : 'head'], context: ['resnet18'] };
  if (node.stage === 'b1') {
    if (kind === 'stage') return { current: ['b1.conv', 'b1.bn', 'b1.maxpool'], context: ['resnet18'] };
    const line = id === 'b1.conv' ? 'b1.conv' : id === 'b1.maxpool' ? 'b1.maxpool' : 'b1.bn';
    return { current: [line], context: [] };
  }
  if (kind === 'stage') return { current: [node.stage], context: ['resnet18'] };
  if (kind === 'block') return { current: FORWARD, context: [node.stage, builderLine(item)] };
  const layer = id.split('.').pop() as string;
  const line = BLOCK_LINES[layer] as string;
  return {
    current: layer === 'add' ? ['fwd.printY', 'fwd.printX', line] : [line],
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
  return lines.map((line, i) => {
    if (line.text.includes('output shape')) return { text: line.text, printedAt: order.get(line.path) as number };
    // Y's line prints a block's bn2; X's line follows it: both print at that block's addition
    const yLine = line.path.endsWith('.bn2') ? line : (lines[i - 1] as typeof line);
    const prefix = yLine.path.slice(0, -'.bn2'.length);
    return { text: line.text, printedAt: order.get(`${prefix}.add`) as number };
  });
}
