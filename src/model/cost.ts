/**
 * What a network costs: learned parameters, multiply-adds and the memory its activations
 * take, per node (see `archNodes`), per stage and in total.
 */
import type { NodeInfo } from './types';

/** The cost of a group of nodes. */
export interface Cost {
  /** Learned parameters: weights, biases, batch norm's γ and β (running statistics not counted). */
  readonly params: number;
  /** Multiply-adds of the convolutions (shortcuts included) and the linear layer. */
  readonly multiplyAdds: number;
  /** Bytes of the outputs at float32. */
  readonly bytes: number;
}

export interface StageCost extends Cost {
  /** `input`, `b1` … `b5`, `head`. */
  readonly name: string;
}

export interface NetworkCost {
  readonly total: Cost;
  /** Per stage, in execution order. */
  readonly stages: readonly StageCost[];
}

/** Sum the costs of some nodes. */
export function sumCost(nodes: readonly NodeInfo[]): Cost {
  let params = 0;
  let multiplyAdds = 0;
  let bytes = 0;
  for (const n of nodes) {
    params += n.params.paramCount;
    multiplyAdds += n.multiplyAdds;
    bytes += n.bytes;
  }
  return { params, multiplyAdds, bytes };
}

/**
 * Per-stage and total cost of a network's nodes. The activation memory (`total.bytes`)
 * is the sum of every node's output, the input included: what a trace that keeps every
 * tensor holds.
 */
export function networkCost(nodes: readonly NodeInfo[]): NetworkCost {
  const names = [...new Set(nodes.map((n) => n.stage))];
  return {
    total: sumCost(nodes),
    stages: names.map((name) => ({ name, ...sumCost(nodes.filter((n) => n.stage === name)) })),
  };
}
