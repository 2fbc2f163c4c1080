/** The numbers a convolution step's sentence fills in: ⌊(H + 2p − k)/s⌋ + 1 with this step's values. */
import type { WindowArithmetic } from '../formulas';
import type { TraceSummary } from './traceTypes';
import type { StepItem } from './steps';

/** The numbers of this step's convolution (or 1×1 shortcut), for the sentence that fills in ⌊(H + 2p − k)/s⌋ + 1. */
export function convArithmetic(
  item: StepItem,
  summary: TraceSummary,
): (WindowArithmetic & { cin: number; cout: number }) | undefined {
  if (item.kind !== 'op' || item.node.op !== 'conv') return undefined;
  const { kernel: k, stride: s, padding: p, inChannels: cin, outChannels: cout } = item.node.params;
  const input = summary.nodes.find((n) => n.path === item.node.inputs[0]);
  if (k === undefined || s === undefined || p === undefined || cin === undefined || cout === undefined || !input) {
    return undefined;
  }
  return { k, s, p, cin, cout, h: input.shape[2] as number, h2: item.node.shape[2] as number };
}
