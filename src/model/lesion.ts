/**
 * The lesion study of Veit, Wilber and Belongie (NeurIPS 2016): a trained ResNet with one
 * residual block removed. A removed block keeps its shortcut, so its output becomes
 * relu(shortcut(X)): X itself for an identity block (X ≥ 0, it leaves a ReLU), relu(conv3(X))
 * for a block that downsamples (the notebook's 1×1 projection, which has no batch norm), so
 * every shape downstream still fits.
 *
 * `lesionStudy` measures the accuracy with each block removed in turn. It runs the fused
 * path (batch norm folded into the convolutions, `fused.ts`) in batches, and runs the
 * intact network once per batch: the blocks before a removed one compute exactly what they
 * compute in the intact network, so each lesioned pass starts from the intact pass's input
 * to the removed block.
 */
import * as tf from '@tensorflow/tfjs-core';
import { archStages } from './architecture';
import { blockOutputName } from './blocks';
import { FusedNetwork, type FusedOp } from './fused';
import type { ResNet } from './network';
import type { PlannedOp } from './planRunner';
import type { ArchSpec } from './variants';
import { IMAGE_SIDE } from './fashionMnist';

/** One residual block of a network, as the lesion study names it. */
export interface ResidualBlockRef {
  /** Its path prefix: `b2.0` … `b5.1`. */
  readonly path: string;
  readonly stage: string;
  readonly index: number;
  /** It halves H and W (or changes the channels) through a 1×1 convolution on its shortcut. */
  readonly downsamples: boolean;
}

/** Every residual block of a variant, in order. */
export function residualBlocks(arch: ArchSpec): ResidualBlockRef[] {
  return archStages(arch).flatMap((s) =>
    s.blocks.map((cfg, index) => ({ path: `${s.name}.${index}`, stage: s.name, index, downsamples: cfg.use1x1conv })),
  );
}

/** A block's `Y += X` and what it adds as X: the block's input, or its shortcut convolution (conv3; conv4 in a bottleneck). */
function shortcutOf(blockOps: readonly PlannedOp[]): { add: PlannedOp; shortcut: string } {
  const add = blockOps.find((op) => op.layer.kind === 'add');
  if (!add) throw new Error('the block has no Y += X');
  return { add, shortcut: add.inputs[1] as string };
}

/**
 * The network's plan with block `block` (e.g. `b3.0`) removed: its operations give way to
 * its shortcut (kept as it is) and a ReLU at the block's output path, so the rest of the
 * plan reads relu(shortcut(X)) where it read the block's output.
 */
export function lesionPlan(plan: readonly PlannedOp[], block: string): PlannedOp[] {
  const inBlock = (op: PlannedOp) => op.path.startsWith(`${block}.`);
  const first = plan.findIndex(inBlock);
  if (first < 0) throw new Error(`the network has no block "${block}"`);
  let end = first;
  while (end < plan.length && inBlock(plan[end] as PlannedOp)) end++;
  const blockOps = plan.slice(first, end);
  const { add, shortcut } = shortcutOf(blockOps);
  const output = blockOps[blockOps.length - 1] as PlannedOp;
  if (output === add || output.layer.kind !== 'relu') {
    // a pre-activation block ends in Y + X with no ReLU: removing it is not relu(shortcut(X))
    throw new Error(`block "${block}" does not end in a ReLU after Y += X`);
  }
  // the shortcut's convolution, when it has one; else the shortcut is X itself
  const kept = blockOps.filter((op) => op.path === shortcut);
  const replacement: PlannedOp = {
    path: output.path,
    inputs: [shortcut],
    layer: { kind: 'relu' },
    compute: (t) => tf.relu(t as tf.Tensor),
  };
  return [...plan.slice(0, first), ...kept, replacement, ...plan.slice(end)];
}

/** One row of the study: which block was removed (`null`: none) and what the network predicted. */
export interface LesionRow {
  readonly removed: string | null;
  readonly correct: number;
  /** The predicted class of every image, in the data's order. */
  readonly predictions: Uint8Array;
}

export interface LesionResult {
  readonly images: number;
  /** The intact network first, then each block removed, in order. */
  readonly rows: readonly LesionRow[];
}

export interface LesionImages {
  /** N × 28 × 28 gray bytes. */
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

export interface LesionOptions {
  /** Images per forward pass (default 50). */
  readonly batch?: number;
  /** Stop early: everything computed so far is disposed and the promise rejects with an AbortError. */
  readonly signal?: AbortSignal;
  /** After each batch of each row: how many image-passes of how many are done. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Give the caller a turn between passes (a worker its messages); default: none. */
  readonly yieldEvery?: () => Promise<void>;
  /** The blocks to remove (default: every residual block). */
  readonly blocks?: readonly string[];
}

/** Gray bytes → an NHWC batch at `size` × `size`: pixels / 255, bilinear (align_corners=False), as training/data.py. */
export function lesionBatch(images: Uint8Array, from: number, count: number, size: number): tf.Tensor4D {
  return tf.tidy(() => {
    const bytes = images.subarray(from * IMAGE_SIDE * IMAGE_SIDE, (from + count) * IMAGE_SIDE * IMAGE_SIDE);
    const x = tf.div(tf.tensor4d(Float32Array.from(bytes), [count, IMAGE_SIDE, IMAGE_SIDE, 1]), 255) as tf.Tensor4D;
    return size === IMAGE_SIDE ? x : tf.image.resizeBilinear(x, [size, size], false, true);
  });
}

/** Run fused operations from index `from` with the given starting values; returns the last one's output. Call inside `tf.tidy`. */
function runFrom(ops: readonly FusedOp[], from: number, start: ReadonlyMap<string, tf.Tensor>): tf.Tensor {
  const values = new Map(start);
  let out: tf.Tensor | undefined;
  for (const op of ops.slice(from)) {
    const args = op.inputs.map((p) => {
      const v = values.get(p);
      if (!v) throw new Error(`"${op.path}" needs "${p}", which has not been computed`);
      return v;
    });
    out = op.compute(...args);
    values.set(op.path, out);
  }
  return out as tf.Tensor;
}

/**
 * The network's accuracy intact and with each residual block removed in turn, on `data`
 * resized to `size`. Every tensor it makes is disposed, also when cancelled.
 */
export async function lesionStudy(
  net: ResNet,
  data: LesionImages,
  size: number,
  opts: LesionOptions = {},
): Promise<LesionResult> {
  const n = data.labels.length;
  const batch = Math.max(1, opts.batch ?? 50);
  const plan = net.plan();
  const blocks = opts.blocks ?? residualBlocks(net.arch).map((b) => b.path);
  const networks = [FusedNetwork.fromPlan(plan), ...blocks.map((b) => FusedNetwork.fromPlan(lesionPlan(plan, b)))];
  // where each lesioned pass starts (its first operation of the removed block), and what it reads there
  const starts = blocks.map((b, i) => {
    const ops = (networks[i + 1] as FusedNetwork).ops;
    const at = ops.findIndex((op) => op.replaces.some((p) => p.startsWith(`${b}.`)));
    const produced = new Set(ops.slice(at).map((op) => op.path));
    return { at, reads: [...new Set(ops.slice(at).flatMap((op) => op.inputs))].filter((p) => !produced.has(p)) };
  });
  const rows = networks.map((_, i) => ({
    removed: i === 0 ? null : (blocks[i - 1] as string),
    correct: 0,
    predictions: new Uint8Array(n),
  }));
  const total = n * networks.length;
  let done = 0;
  const abort = () => {
    if (opts.signal?.aborted) throw new DOMException('The lesion study was cancelled', 'AbortError');
  };
  const record = async (row: (typeof rows)[number], from: number, predicted: tf.Tensor) => {
    const p = await predicted.data();
    predicted.dispose();
    for (let j = 0; j < p.length; j++) {
      row.predictions[from + j] = p[j] as number;
      if (p[j] === data.labels[from + j]) row.correct++;
    }
    done += p.length;
    opts.onProgress?.(done, total);
    await opts.yieldEvery?.();
    abort();
  };
  try {
    for (let from = 0; from < n; from += batch) {
      abort();
      const count = Math.min(batch, n - from);
      const kept = new Map<string, tf.Tensor>();
      const intact = tf.tidy(() => {
        const ops = (networks[0] as FusedNetwork).ops;
        const values = new Map<string, tf.Tensor>([['input', lesionBatch(data.images, from, count, size)]]);
        const needed = new Set(starts.flatMap((s) => s.reads));
        if (needed.has('input')) kept.set('input', tf.keep(values.get('input') as tf.Tensor));
        for (const op of ops) {
          const out = op.compute(...op.inputs.map((p) => values.get(p) as tf.Tensor));
          values.set(op.path, out);
          if (needed.has(op.path)) kept.set(op.path, tf.keep(out));
        }
        return tf.argMax(values.get(ops[ops.length - 1]?.path as string) as tf.Tensor, 1);
      });
      try {
        await record(rows[0] as (typeof rows)[number], from, intact);
        for (let i = 0; i < blocks.length; i++) {
          const { at, reads } = starts[i] as (typeof starts)[number];
          const start = new Map(reads.map((p) => [p, kept.get(p) as tf.Tensor]));
          const predicted = tf.tidy(() => tf.argMax(runFrom((networks[i + 1] as FusedNetwork).ops, at, start), 1));
          await record(rows[i + 1] as (typeof rows)[number], from, predicted);
        }
      } finally {
        tf.dispose([...kept.values()]);
      }
    }
  } finally {
    for (const f of networks) f.dispose();
  }
  return { images: n, rows };
}

/** The block's output path (`b3.0.relu2`), where the page's stepper shows what the next block receives. */
export function blockOutputPath(arch: ArchSpec, block: string): string {
  const ref = residualBlocks(arch).find((b) => b.path === block);
  if (!ref) throw new Error(`the network has no block "${block}"`);
  const stage = archStages(arch).find((s) => s.name === ref.stage);
  return `${block}.${blockOutputName(stage?.blocks[ref.index] as Parameters<typeof blockOutputName>[0])}`;
}

/**
 * The plan for stepping through the network with block `block` removed: every operation
 * is still there to look at, but the block's `Y += X` adds nothing of Y (its branch F(X) is
 * dropped), so the block hands on relu(shortcut(X)), as `lesionPlan` computes it.
 */
export function dropResidualBranch(plan: readonly PlannedOp[], block: string): PlannedOp[] {
  const blockOps = plan.filter((op) => op.path.startsWith(`${block}.`));
  if (blockOps.length === 0) throw new Error(`the network has no block "${block}"`);
  const { add } = shortcutOf(blockOps);
  // a new tensor (not X itself): the trace owns and disposes every node's output once
  return plan.map((op) => (op === add ? { ...op, compute: (_y, x) => tf.clone(x as tf.Tensor) } : op));
}
