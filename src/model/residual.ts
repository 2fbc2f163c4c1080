/**
 * The seed's `Residual` block on tfjs:
 *
 *     Y = F.relu(self.bn1(self.conv1(X)))
 *     Y = self.bn2(self.conv2(Y))
 *     if self.conv3: X = self.conv3(X)
 *     Y += X
 *     return F.relu(Y)
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ResidualConfig } from './architecture';
import { batchNorm, conv2d, relu, torchConvToTf, type BatchNormWeights, type ConvWeights } from './layers';
import { mulberry32, symmetricUniform } from './random';

/** A residual block's weights in tfjs layout. */
export interface ResidualWeights {
  readonly conv1: ConvWeights;
  readonly bn1: BatchNormWeights;
  readonly conv2: ConvWeights;
  readonly bn2: BatchNormWeights;
  readonly conv3?: ConvWeights;
}

/** Called with each intermediate tensor (NHWC) and its layer name inside the block. */
export type Recorder = (name: string, tensor: tf.Tensor) => void;

/** The block's layer names in the order the seed's `forward` produces them. */
export const RESIDUAL_STEPS = ['conv1', 'bn1', 'relu', 'conv2', 'bn2', 'conv3', 'add', 'relu2'] as const;
export type ResidualStep = (typeof RESIDUAL_STEPS)[number];

/**
 * Run one residual block on an NHWC tensor. `record`, when given, sees every
 * intermediate; the caller decides whether to keep them (inside `tf.tidy`).
 * Throws, like PyTorch, when Y and X cannot be added.
 */
export function residualForward(
  cfg: ResidualConfig,
  w: ResidualWeights,
  x: tf.Tensor4D,
  record?: Recorder,
): tf.Tensor4D {
  const rec = (name: string, t: tf.Tensor4D) => {
    record?.(name, t);
    return t;
  };
  const c1 = rec('conv1', conv2d(x, w.conv1, cfg.strides, 1));
  const b1 = rec('bn1', batchNorm(c1, w.bn1));
  const r1 = rec('relu', relu(b1));
  const c2 = rec('conv2', conv2d(r1, w.conv2, 1, 1));
  const y = rec('bn2', batchNorm(c2, w.bn2));
  let shortcut = x;
  if (cfg.use1x1conv) {
    if (!w.conv3) throw new Error('use_1x1conv=True but the block has no conv3 weights');
    shortcut = rec('conv3', conv2d(x, w.conv3, cfg.strides, 0));
  }
  if (!tf.util.arraysEqual(y.shape, shortcut.shape)) {
    const [n, h, wd, c] = y.shape;
    const [n2, h2, w2, c2s] = shortcut.shape;
    throw new Error(
      `Y has shape (${n}, ${c}, ${h}, ${wd}) but X has shape (${n2}, ${c2s}, ${h2}, ${w2}): they cannot be added`,
    );
  }
  const sum = rec('add', tf.add(y, shortcut));
  return rec('relu2', relu(sum));
}

/** PyTorch's default init for Conv2d: U(−1/√fan_in, 1/√fan_in) for weight and bias. */
function randomConv(ci: number, co: number, k: number, next: () => number): ConvWeights {
  const bound = 1 / Math.sqrt(ci * k * k);
  return tf.tidy(() => ({
    weight: torchConvToTf(tf.tensor4d(symmetricUniform(co * ci * k * k, bound, next), [co, ci, k, k])),
    bias: tf.tensor1d(symmetricUniform(co, bound, next)),
  }));
}

/** PyTorch's default BatchNorm2d: γ = 1, β = 0, running mean 0, running variance 1. */
function freshBatchNorm(c: number): BatchNormWeights {
  return {
    weight: tf.ones([c]),
    bias: tf.zeros([c]),
    runningMean: tf.zeros([c]),
    runningVar: tf.ones([c]),
  };
}

/** A freshly initialised block, as `Residual(...)` gives in PyTorch, from a seed. */
export function randomResidualWeights(cfg: ResidualConfig, seed: number): ResidualWeights {
  const next = mulberry32(seed);
  const { inputChannels: ci, numChannels: co } = cfg;
  const conv1 = randomConv(ci, co, 3, next);
  const conv2 = randomConv(co, co, 3, next);
  const conv3 = cfg.use1x1conv ? randomConv(ci, co, 1, next) : undefined;
  const base = { conv1, bn1: freshBatchNorm(co), conv2, bn2: freshBatchNorm(co) };
  return conv3 ? { ...base, conv3 } : base;
}

/** Every tensor held by a block's weights. */
export function residualTensors(w: ResidualWeights): tf.Tensor[] {
  const convs = [w.conv1, w.conv2, ...(w.conv3 ? [w.conv3] : [])];
  const bns = [w.bn1, w.bn2];
  return [
    ...convs.flatMap((c) => [c.weight, c.bias]),
    ...bns.flatMap((b) => [b.weight, b.bias, b.runningMean, b.runningVar]),
  ];
}

export function disposeResidualWeights(w: ResidualWeights): void {
  tf.dispose(residualTensors(w));
}
