/**
 * The lesion study on the race's trained networks (Veit, Wilber, Belongie, NeurIPS 2016): each
 * block that keeps the shape (stride 1, as many channels out as in) replaced by the identity,
 * one at a time, in evaluation mode (batch norm's running statistics). A plain network's
 * stage-change blocks have no shortcut, so removing one would break the shapes: they stay.
 * The paper: plain networks collapse when a layer goes, residual ones degrade gracefully.
 */
import * as tf from '@tensorflow/tfjs-core';
import { conv2d, flatten, globalAvgPool, linear, relu } from './layers';
import { convBatchNorm } from './raceBatchNorm';
import type { RaceNet, RaceBlock } from './raceNet';
import { IMAGE_PIXELS, IMAGE_SIDE } from './fashionMnist';

/** The indices of the blocks that can be removed: those whose output has its input's shape. */
export function removableRaceBlocks(blocks: readonly RaceBlock[]): number[] {
  return blocks.flatMap((b, i) => (b.strides === 1 && b.inputChannels === b.numChannels ? [i] : []));
}

/**
 * Evaluation-mode logits for (N, 28, 28, 1) images in [0, 1] with block `removed` replaced by the
 * identity (`undefined`: the whole network, as `raceForward` without statistics). The caller owns the result.
 */
export function raceForwardWithout(net: RaceNet, x: tf.Tensor4D, removed?: number): tf.Tensor2D {
  if (removed !== undefined && !removableRaceBlocks(net.blocks.map((b) => b.block)).includes(removed))
    throw new Error(`block ${removed} changes the shape: it cannot be replaced by the identity`);
  return tf.tidy(() => {
    let h = relu(convBatchNorm(x, net.stem.conv, 1, net.stem.bn));
    net.blocks.forEach((b, i) => {
      if (i === removed) return; // the identity: h passes on unchanged
      const y1 = relu(convBatchNorm(h, b.conv1, b.block.strides, b.bn1));
      const y2 = convBatchNorm(y1, b.conv2, 1, b.bn2);
      if (!b.block.shortcut) h = relu(y2);
      else h = relu(tf.add(y2, b.conv3 ? conv2d(h, b.conv3, b.block.strides, 0) : h));
    });
    return linear(flatten(globalAvgPool(h)), net.linear.weight, net.linear.bias);
  });
}

export interface RaceLesionRow {
  /** The block removed (`null`: none). */
  readonly removed: number | null;
  readonly correct: number;
}

/**
 * Correct answers on `images` (N × 784 bytes) for the intact network and with each removable
 * block replaced by the identity in turn. Every tensor it makes is disposed.
 */
export async function raceLesion(
  net: RaceNet,
  images: Uint8Array,
  labels: Uint8Array,
  opts: { readonly batch?: number; readonly signal?: AbortSignal; readonly yieldEvery?: () => Promise<void> } = {},
): Promise<RaceLesionRow[]> {
  const batch = opts.batch ?? 250;
  const removals = [undefined, ...removableRaceBlocks(net.blocks.map((b) => b.block))];
  const rows = removals.map((r) => ({ removed: r ?? null, correct: 0 }));
  for (let from = 0; from < labels.length; from += batch) {
    const count = Math.min(batch, labels.length - from);
    const x = tf.tidy(() =>
      tf.div(
        tf.tensor4d(Float32Array.from(images.subarray(from * IMAGE_PIXELS, (from + count) * IMAGE_PIXELS)), [
          count,
          IMAGE_SIDE,
          IMAGE_SIDE,
          1,
        ]),
        255,
      ),
    ) as tf.Tensor4D;
    try {
      for (const [i, r] of removals.entries()) {
        if (opts.signal?.aborted) throw new DOMException('The lesion study was cancelled', 'AbortError');
        const predicted = tf.tidy(() => tf.argMax(raceForwardWithout(net, x, r), 1));
        const p = await predicted.data();
        predicted.dispose();
        const row = rows[i] as { correct: number };
        for (let j = 0; j < count; j++) if (p[j] === labels[from + j]) row.correct++;
        await opts.yieldEvery?.();
      }
    } finally {
      x.dispose();
    }
  }
  return rows;
}
