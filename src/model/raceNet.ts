/**
 * The race chapter's network family, after He et al. (2016), section 4.2 (the CIFAR
 * networks), on 28×28 Fashion-MNIST: a stem of 3×3 conv 1 → w, batch norm, ReLU (no
 * max-pool); three stages of n blocks at widths w, 2w, 4w (28×28, 14×14, 7×7); global
 * average pooling; linear to 10 classes. Depth 6n + 2 (the stem, two convolutions per
 * block, the linear layer).
 *
 * The residual family uses the notebook's `Residual` block, each stage change being
 * `Residual(c, 2c, use_1x1conv=True, strides=2)` (the paper used zero-padded identity
 * shortcuts there); the plain family is the same block without `Y += X` and `conv3`.
 *
 * The network is written once, as a table of stages (`RACE_STAGES`) from which the blocks,
 * the cost and the weights follow. Training uses batch statistics in batch norm.
 */
import * as tf from '@tensorflow/tfjs-core';
import { hostBiasBatchNorm, valuesOnHost } from './hostBatchNorm';
import { BN_EPSILON, conv2d, flatten, globalAvgPool, linear, relu } from './layers';
import { mulberry32, symmetricUniform } from './random';

export type RaceFamily = 'plain' | 'residual';
export const RACE_FAMILIES: readonly RaceFamily[] = ['plain', 'residual'];

export const RACE_INPUT_SIDE = 28;
export const RACE_CLASSES = 10;

/** The stages as rows: channel multiple of w and the side of the feature maps. */
export const RACE_STAGES: readonly { readonly widthMultiple: number; readonly side: number }[] = [
  { widthMultiple: 1, side: 28 },
  { widthMultiple: 2, side: 14 },
  { widthMultiple: 4, side: 7 },
];

export interface RaceNetSpec {
  readonly family: RaceFamily;
  /** Blocks per stage. */
  readonly n: number;
  /** Channels of the first stage. */
  readonly width: number;
}

/** One block: the notebook's `Residual(...)` arguments, whether it adds X, and its output side. */
export interface RaceBlock {
  readonly inputChannels: number;
  readonly numChannels: number;
  readonly use1x1conv: boolean;
  readonly strides: number;
  readonly shortcut: boolean;
  readonly side: number;
}

/** Number of weight layers on the main path: 6n + 2. */
export function raceDepth(n: number): number {
  return 6 * n + 2;
}

/** Every block of the network in order, from the stage table. */
export function raceBlocks(spec: RaceNetSpec): RaceBlock[] {
  const blocks: RaceBlock[] = [];
  let c = spec.width;
  RACE_STAGES.forEach((stage, s) => {
    const out = spec.width * stage.widthMultiple;
    for (let i = 0; i < spec.n; i++) {
      const change = s > 0 && i === 0;
      const residual = spec.family === 'residual';
      blocks.push({
        inputChannels: c,
        numChannels: out,
        use1x1conv: residual && change,
        strides: change ? 2 : 1,
        shortcut: residual,
        side: stage.side,
      });
      c = out;
    }
  });
  return blocks;
}

export interface RaceCost {
  /** Learned numbers: weights and biases, batch norm's γ and β. */
  readonly parameters: number;
  /** Multiply-adds of one image's forward pass (convolutions and the linear layer). */
  readonly multiplyAdds: number;
}

/** Parameters and multiply-adds per image, counted from the description. */
export function raceCost(spec: RaceNetSpec): RaceCost {
  const w = spec.width;
  const side0 = RACE_STAGES[0]!.side;
  let parameters = 9 * w + w + 2 * w;
  let multiplyAdds = side0 * side0 * w * 9;
  const conv = (ci: number, co: number, k: number, side: number) => {
    parameters += ci * co * k * k + co;
    multiplyAdds += side * side * ci * co * k * k;
  };
  for (const b of raceBlocks(spec)) {
    conv(b.inputChannels, b.numChannels, 3, b.side);
    conv(b.numChannels, b.numChannels, 3, b.side);
    if (b.use1x1conv) conv(b.inputChannels, b.numChannels, 1, b.side);
    parameters += 4 * b.numChannels;
  }
  const features = w * RACE_STAGES.at(-1)!.widthMultiple;
  parameters += features * RACE_CLASSES + RACE_CLASSES;
  multiplyAdds += features * RACE_CLASSES;
  return { parameters, multiplyAdds };
}

interface ConvVars {
  readonly weight: tf.Variable<tf.Rank.R4>;
  readonly bias: tf.Variable<tf.Rank.R1>;
}

interface BatchNormVars {
  readonly gamma: tf.Variable<tf.Rank.R1>;
  readonly beta: tf.Variable<tf.Rank.R1>;
  /** Running statistics, updated after each training step (PyTorch's momentum 0.1), used for evaluation. */
  readonly runningMean: tf.Variable<tf.Rank.R1>;
  readonly runningVar: tf.Variable<tf.Rank.R1>;
}

interface BlockVars {
  readonly block: RaceBlock;
  readonly conv1: ConvVars;
  readonly bn1: BatchNormVars;
  readonly conv2: ConvVars;
  readonly bn2: BatchNormVars;
  readonly conv3?: ConvVars;
}

/** A network with trainable variables. Dispose with `disposeRaceNet`. */
export interface RaceNet {
  readonly spec: RaceNetSpec;
  readonly stem: { readonly conv: ConvVars; readonly bn: BatchNormVars };
  readonly blocks: readonly BlockVars[];
  readonly linear: { readonly weight: tf.Variable<tf.Rank.R2>; readonly bias: tf.Variable<tf.Rank.R1> };
}

/** A variable holding `t`'s values; `t` itself is freed (tf.variable would keep it alive). */
function own<R extends tf.Rank>(t: tf.Tensor<R>, trainable = true): tf.Variable<R> {
  const v = tf.variable(t, trainable);
  t.dispose();
  return v;
}

/** PyTorch's default init for Conv2d (weights and biases U(−1/√fan_in, 1/√fan_in)), as variables. */
function convVars(ci: number, co: number, k: number, next: () => number): ConvVars {
  const bound = 1 / Math.sqrt(ci * k * k);
  // drawn in PyTorch's [C_out, C_in, k, k] order, stored as tfjs's [k, k, C_in, C_out]
  const w = tf.tidy(() =>
    tf.transpose(tf.tensor4d(symmetricUniform(co * ci * k * k, bound, next), [co, ci, k, k]), [2, 3, 1, 0]),
  );
  return { weight: own(w), bias: own(tf.tensor1d(symmetricUniform(co, bound, next))) };
}

function batchNormVars(c: number): BatchNormVars {
  return {
    gamma: own(tf.ones([c])),
    beta: own(tf.zeros([c])),
    runningMean: own(tf.zeros([c]), false),
    runningVar: own(tf.ones([c]), false),
  };
}

/** A freshly initialised network; the same spec and seed give the same numbers. */
export function createRaceNet(spec: RaceNetSpec, seed: number): RaceNet {
  const next = mulberry32(seed);
  const stem = { conv: convVars(1, spec.width, 3, next), bn: batchNormVars(spec.width) };
  const blocks = raceBlocks(spec).map((block) => ({
    block,
    conv1: convVars(block.inputChannels, block.numChannels, 3, next),
    bn1: batchNormVars(block.numChannels),
    conv2: convVars(block.numChannels, block.numChannels, 3, next),
    bn2: batchNormVars(block.numChannels),
    ...(block.use1x1conv ? { conv3: convVars(block.inputChannels, block.numChannels, 1, next) } : {}),
  }));
  const features = spec.width * RACE_STAGES.at(-1)!.widthMultiple;
  const bound = 1 / Math.sqrt(features);
  // drawn as PyTorch's [out, in], stored as [in, out]
  const w = tf.tidy(() =>
    tf.transpose(tf.tensor2d(symmetricUniform(RACE_CLASSES * features, bound, next), [RACE_CLASSES, features])),
  );
  const bias = own(tf.tensor1d(symmetricUniform(RACE_CLASSES, bound, next)));
  return { spec, stem, blocks, linear: { weight: own(w), bias } };
}

function batchNormsOf(net: RaceNet): BatchNormVars[] {
  return [net.stem.bn, ...net.blocks.flatMap((b) => [b.bn1, b.bn2])];
}

/**
 * The trainable variables (everything but batch norm's running statistics) with names that
 * say where each sits (`stem.conv.weight`, `blocks.0.bn1.gamma`, `linear.bias`), in the order
 * the optimiser and training/grad_fixtures.py's PyTorch fixtures list them.
 */
export function raceNamedParameters(net: RaceNet): { readonly name: string; readonly variable: tf.Variable }[] {
  const conv = (at: string, c: ConvVars) => [
    { name: `${at}.weight`, variable: c.weight },
    { name: `${at}.bias`, variable: c.bias },
  ];
  const bn = (at: string, b: BatchNormVars) => [
    { name: `${at}.gamma`, variable: b.gamma },
    { name: `${at}.beta`, variable: b.beta },
  ];
  return [
    ...conv('stem.conv', net.stem.conv),
    ...bn('stem.bn', net.stem.bn),
    ...net.blocks.flatMap((b, i) => [
      ...conv(`blocks.${i}.conv1`, b.conv1),
      ...bn(`blocks.${i}.bn1`, b.bn1),
      ...conv(`blocks.${i}.conv2`, b.conv2),
      ...bn(`blocks.${i}.bn2`, b.bn2),
      ...(b.conv3 ? conv(`blocks.${i}.conv3`, b.conv3) : []),
    ]),
    { name: 'linear.weight', variable: net.linear.weight },
    { name: 'linear.bias', variable: net.linear.bias },
  ];
}

/** The trainable variables in `raceNamedParameters`' order. */
export function raceTrainableVariables(net: RaceNet): tf.Variable[] {
  return raceNamedParameters(net).map((p) => p.variable);
}

/** Every batch norm's running statistics (`stem.bn.runningMean`, …), in order. */
export function raceNamedStatistics(net: RaceNet): { readonly name: string; readonly variable: tf.Variable }[] {
  const names = ['stem.bn', ...net.blocks.flatMap((_, i) => [`blocks.${i}.bn1`, `blocks.${i}.bn2`])];
  return batchNormsOf(net).flatMap((bn, i) => [
    { name: `${names[i]!}.runningMean`, variable: bn.runningMean },
    { name: `${names[i]!}.runningVar`, variable: bn.runningVar },
  ]);
}

/** The weight of each main-path layer in order (6n + 2 of them), for the gradient-norm probe. */
export function raceLayerWeights(net: RaceNet): tf.Variable[] {
  return [net.stem.conv.weight, ...net.blocks.flatMap((b) => [b.conv1.weight, b.conv2.weight]), net.linear.weight];
}

/** Batch statistics of one training forward pass, one entry per batch norm, in order. */
export type BatchStatistics = { readonly mean: tf.Tensor1D; readonly variance: tf.Tensor1D; readonly count: number }[];

/**
 * Σ over images, rows and columns, per channel, on a GPU backend: each image's sum first, then
 * their sum, so that no float32 sum runs over all N·H·W values (batch norm's backward pass
 * subtracts such sums from each other). Where the values are in this thread's memory the whole
 * batch norm runs on the host in double precision (hostBatchNorm.ts).
 */
function channelSum(x: tf.Tensor4D): tf.Tensor1D {
  return tf.sum(tf.sum(x, [1, 2]), 0);
}

/**
 * A convolution's bias and the batch norm after it, on the batch's own statistics (PyTorch's
 * training mode), with the backward pass written out: dβ = Σdy, dγ = Σdy·x̂,
 * dx = γ/(σ·M)·(M·dy − dβ − x̂·dγ) over the M = N·H·W values of each channel. The bias is not
 * added to the feature maps: batch norm subtracts the batch mean, so it changes nothing there,
 * and its gradient is exactly 0 (Σdx = 0 per channel); it only shifts the recorded mean. Autodiff
 * of the same pass took about three times as many kernels, most of a small network's training
 * step on WASM. The batch's mean (bias included) and biased variance are pushed to `stats`
 * (kept: the caller disposes them). On WASM and the CPU backend the same pass runs on the host,
 * with no kernels (hostBatchNorm.ts).
 */
export function biasBatchNormOnBatch(
  x: tf.Tensor4D,
  bias: tf.Tensor1D,
  bn: Pick<BatchNormVars, 'gamma' | 'beta'>,
  stats: BatchStatistics,
): tf.Tensor4D {
  if (valuesOnHost()) return hostBiasBatchNorm(x, bias, bn.gamma, bn.beta, stats);
  return tensorBiasBatchNorm(x, bias, bn, stats);
}

/** `biasBatchNormOnBatch` in tfjs kernels, as a GPU backend runs it (exported for its test on WASM). */
export function tensorBiasBatchNorm(
  x: tf.Tensor4D,
  bias: tf.Tensor1D,
  bn: Pick<BatchNormVars, 'gamma' | 'beta'>,
  stats: BatchStatistics,
): tf.Tensor4D {
  const [n, h, w] = x.shape;
  const count = n * h * w;
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, b, gamma, beta] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
    const save = args[4] as tf.GradSaveFunc;
    const mean = tf.div(channelSum(input), count);
    const variance = tf.div(channelSum(tf.square(tf.sub(input, mean)) as tf.Tensor4D), count);
    stats.push({ mean: tf.keep(tf.add(mean, b) as tf.Tensor1D), variance: tf.keep(variance as tf.Tensor1D), count });
    const rstd = tf.rsqrt(tf.add(variance, BN_EPSILON));
    const xhat = tf.mul(tf.sub(input, mean), rstd);
    save([xhat, rstd, gamma]);
    return {
      value: tf.add(tf.mul(xhat, gamma), beta),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const g = dy as tf.Tensor4D;
        const [xh, rs, ga] = saved as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D];
        const dBeta = channelSum(g);
        const dGamma = channelSum(tf.mul(g, xh));
        const scale = tf.mul(tf.mul(ga, rs), 1 / count);
        const dx = tf.mul(scale, tf.sub(tf.sub(tf.mul(g, count), dBeta), tf.mul(xh, dGamma)));
        return [dx, tf.zerosLike(dBeta), dGamma, dBeta];
      },
    };
  });
  return f(x, bias, bn.gamma, bn.beta) as tf.Tensor4D;
}

/**
 * `nn.Conv2d` (with bias) then `nn.BatchNorm2d`: with `stats` (training) on the batch's own
 * statistics, pushed to `stats`; without (evaluation) on the running statistics, the bias folded
 * into the running mean (x + b − μ = x − (μ − b)), so neither pass adds it to the feature maps.
 */
export function convBatchNorm(
  x: tf.Tensor4D,
  conv: ConvVars,
  stride: number,
  bn: BatchNormVars,
  stats?: BatchStatistics,
): tf.Tensor4D {
  const y = tf.conv2d(x, conv.weight, stride, 1);
  if (stats) return biasBatchNormOnBatch(y, conv.bias, bn, stats);
  return tf.batchNorm4d(
    y,
    tf.sub(bn.runningMean, conv.bias) as tf.Tensor1D,
    bn.runningVar,
    bn.beta,
    bn.gamma,
    BN_EPSILON,
  );
}

/**
 * Logits for a batch of images (N, 28, 28, 1) in [0, 1]. Pass `stats` to train (batch
 * statistics, recorded there for `updateRunningStatistics`); leave it out to evaluate.
 */
export function raceForward(net: RaceNet, x: tf.Tensor4D, stats?: BatchStatistics): tf.Tensor2D {
  return tf.tidy(() => {
    let h = relu(convBatchNorm(x, net.stem.conv, 1, net.stem.bn, stats));
    for (const b of net.blocks) {
      const y1 = relu(convBatchNorm(h, b.conv1, b.block.strides, b.bn1, stats));
      const y2 = convBatchNorm(y1, b.conv2, 1, b.bn2, stats);
      if (!b.block.shortcut) h = relu(y2);
      else h = relu(tf.add(y2, b.conv3 ? conv2d(h, b.conv3, b.block.strides, 0) : h));
    }
    return linear(flatten(globalAvgPool(h)), net.linear.weight, net.linear.bias);
  });
}

/** PyTorch's running-statistics update (momentum 0.1, unbiased variance); disposes `stats`. */
export function updateRunningStatistics(net: RaceNet, stats: BatchStatistics): void {
  const bns = batchNormsOf(net);
  if (stats.length !== bns.length) throw new Error(`expected ${bns.length} batch statistics, got ${stats.length}`);
  // every batch norm at once, on the statistics laid end to end: a handful of kernels a step
  // where one update per batch norm took six each
  const sizes = bns.map((b) => b.runningMean.size);
  const unbias = Float32Array.from(
    stats.flatMap((s, i) => Array<number>(sizes[i]!).fill(s.count / Math.max(1, s.count - 1))),
  );
  tf.tidy(() => {
    const mean = tf.add(
      tf.mul(tf.concat(bns.map((b) => b.runningMean)), 0.9),
      tf.mul(tf.concat(stats.map((s) => s.mean)), 0.1),
    );
    const variance = tf.add(
      tf.mul(tf.concat(bns.map((b) => b.runningVar)), 0.9),
      tf.mul(tf.mul(tf.concat(stats.map((s) => s.variance)), tf.tensor1d(unbias)), 0.1),
    );
    const means = tf.split(mean, sizes);
    const variances = tf.split(variance, sizes);
    bns.forEach((bn, i) => {
      bn.runningMean.assign(means[i] as tf.Tensor1D);
      bn.runningVar.assign(variances[i] as tf.Tensor1D);
    });
  });
  tf.dispose(stats.flatMap((s) => [s.mean, s.variance]));
}

export function disposeRaceNet(net: RaceNet): void {
  tf.dispose([...raceTrainableVariables(net), ...batchNormsOf(net).flatMap((b) => [b.runningMean, b.runningVar])]);
}
