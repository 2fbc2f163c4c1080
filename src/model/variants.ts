/**
 * The networks of the ResNet paper's Table 1 that the app builds, as rows of one table
 * (torchvision's `ResNet(block, layers)`): which block, how many per stage. Everything
 * else — nodes, `state_dict` keys, the forward plan, the initialisation — is generated
 * from a row by `architecture.ts`.
 */

/** The block a stage is built from. */
export type BlockKind = 'basic' | 'bottleneck' | 'preact';

export const ARCH_IDS = [
  'resnet18',
  'resnet34',
  'resnet50',
  'resnet101',
  'resnet152',
  'resnet18-preact',
  'resnet34-preact',
] as const;
export type ArchId = (typeof ARCH_IDS)[number];

/** One row: a variant of the notebook's ResNet. */
export interface ArchSpec {
  readonly id: ArchId;
  /** As a person writes it: `ResNet-50`. */
  readonly name: string;
  readonly block: BlockKind;
  /** Residual blocks in b2, b3, b4, b5. */
  readonly layers: readonly [number, number, number, number];
  /** Depth as the paper counts it: convolutions on the main path plus the linear layer. */
  readonly depth: number;
  /** The paper's Table 1 FLOPs (3 channels, 1000 classes, 224×224; multiply-adds). */
  readonly paperFlops: number;
}

const PAPER_FLOPS: Readonly<Record<number, number>> = { 18: 1.8e9, 34: 3.6e9, 50: 3.8e9, 101: 7.6e9, 152: 11.3e9 };

function row(id: ArchId, block: BlockKind, layers: ArchSpec['layers']): ArchSpec {
  const perBlock = block === 'bottleneck' ? 3 : 2;
  const depth = 1 + perBlock * layers.reduce((a, b) => a + b, 0) + 1;
  const name = `ResNet-${depth}${block === 'preact' ? ' (pre-activation)' : ''}`;
  return { id, name, block, layers, depth, paperFlops: PAPER_FLOPS[depth] as number };
}

/** Every variant, in the order the page lists them. */
export const ARCHITECTURES: readonly ArchSpec[] = [
  row('resnet18', 'basic', [2, 2, 2, 2]),
  row('resnet34', 'basic', [3, 4, 6, 3]),
  row('resnet50', 'bottleneck', [3, 4, 6, 3]),
  row('resnet101', 'bottleneck', [3, 4, 23, 3]),
  row('resnet152', 'bottleneck', [3, 8, 36, 3]),
  row('resnet18-preact', 'preact', [2, 2, 2, 2]),
  row('resnet34-preact', 'preact', [3, 4, 6, 3]),
];

export function isArchId(s: string): s is ArchId {
  return (ARCH_IDS as readonly string[]).includes(s);
}

/** The row of a variant. */
export function archSpec(id: ArchId): ArchSpec {
  return ARCHITECTURES.find((a) => a.id === id) as ArchSpec;
}

/** The notebook's ResNet-18, the default everywhere. */
export const RESNET18: ArchSpec = archSpec('resnet18');

/**
 * The variant for `--arch resnetNN [--preact]`; a message for a person when there is none
 * (pre-activation exists here for ResNet-18 and 34 only).
 */
export function archFromFlags(name: string, preact: boolean): ArchSpec | string {
  const plain = ARCHITECTURES.filter((a) => a.block !== 'preact').map((a) => a.id);
  if (!(plain as string[]).includes(name)) return `unknown architecture "${name}" (one of ${plain.join(', ')})`;
  if (!preact) return archSpec(name as ArchId);
  const id = `${name}-preact`;
  if (!isArchId(id)) return `--preact exists for resnet18 and resnet34 only, not ${name} (a bottleneck network)`;
  return archSpec(id);
}
