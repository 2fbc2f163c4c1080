/**
 * The variants side by side, and whether a variant's activations fit this device: the
 * numbers come from the description (`archNodes`), never typed in.
 */
import { ARCHITECTURES, archNodes, networkCost, type ArchSpec, type NodeInfo } from '../../model';

/** One row of the comparison table. */
export interface VariantRow {
  readonly arch: ArchSpec;
  readonly depth: number;
  readonly params: number;
  /** Multiply-adds for one (1, 1, size, size) image. */
  readonly multiplyAdds: number;
  /** Bytes of every node's output for one image at float32 (what a trace holds). */
  readonly activationBytes: number;
  /** The paper's Table 1 FLOPs (3 channels, 1000 classes, 224×224). */
  readonly paperFlops: number;
}

/** Every variant's cost for one (1, 1, size, size) image. */
export function compareVariants(size: number): VariantRow[] {
  return ARCHITECTURES.map((arch) => {
    const { total } = networkCost(archNodes(arch, [1, 1, size, size]));
    return {
      arch,
      depth: arch.depth,
      params: total.params,
      multiplyAdds: total.multiplyAdds,
      activationBytes: total.bytes,
      paperFlops: arch.paperFlops,
    };
  });
}

/** Page's budget for one trace's activations when the device does not say its memory. */
export const DEFAULT_ACTIVATION_BUDGET = 256 * 2 ** 20;

/**
 * How many bytes of activations this page lets one trace hold: an eighth of the memory
 * the browser reports (`navigator.deviceMemory`, in GiB, capped by the browser at 8),
 * at most 256 MiB — a trace keeps every tensor on the GPU at once, beside the weights.
 */
export function activationBudget(deviceMemoryGiB: number | undefined): number {
  if (!deviceMemoryGiB || !Number.isFinite(deviceMemoryGiB)) return DEFAULT_ACTIVATION_BUDGET;
  return Math.min(DEFAULT_ACTIVATION_BUDGET, (deviceMemoryGiB * 2 ** 30) / 8);
}

/** Why a trace is refused, or nothing when it fits. */
export interface MemoryRefusal {
  readonly needBytes: number;
  readonly budgetBytes: number;
}

/** Refuse a variant at a size whose activations exceed the budget, before anything is allocated. */
export function checkActivationMemory(arch: ArchSpec, size: number, budgetBytes: number): MemoryRefusal | undefined {
  const needBytes = networkCost(archNodes(arch, [1, 1, size, size])).total.bytes;
  return needBytes > budgetBytes ? { needBytes, budgetBytes } : undefined;
}

/** The columns of the per-layer cost table. */
export type CostColumn = 'order' | 'path' | 'params' | 'multiplyAdds' | 'bytes';

/** Nodes sorted for the cost table: by a column, descending for numbers (largest first), with execution order breaking ties. */
export function sortNodes(nodes: readonly NodeInfo[], by: CostColumn, descending: boolean): NodeInfo[] {
  const order = new Map(nodes.map((n, i) => [n.path, i]));
  const key = (n: NodeInfo): number | string =>
    by === 'order'
      ? (order.get(n.path) as number)
      : by === 'path'
        ? n.path
        : by === 'params'
          ? n.params.paramCount
          : n[by];
  const sign = descending ? -1 : 1;
  return [...nodes].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = typeof ka === 'string' ? ka.localeCompare(kb as string) : ka - (kb as number);
    return c !== 0 ? sign * c : (order.get(a.path) as number) - (order.get(b.path) as number);
  });
}

/** MB as the page shows them (10⁶ bytes). */
export function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}
