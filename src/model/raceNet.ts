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
 * The network is written once, as a table of stages (`RACE_WIDTH_MULTIPLES`) of the
 * notebook's blocks as src/model/blocks.ts describes them: its layers, cost and weights
 * follow from that. Training uses batch statistics in batch norm.
 */
import * as tf from '@tensorflow/tfjs-core';
import { layerNodes, type LayerSpec } from './architecture';
import { blockLayers, plainBlockLayers, type BlockArgs, type ConvSpec } from './blocks';
import { IMAGE_SIDE, NUM_CLASSES } from './fashionMnist';
import { conv2d, flatten, globalAvgPool, linear, relu } from './layers';
import {
  convBatchNorm,
  updateBatchNormStatistics,
  type BatchNormVars,
  type BatchStatistics,
  type ConvVars,
} from './raceBatchNorm';
import { mulberry32, symmetricUniform } from './random';

export type RaceFamily = 'plain' | 'residual';
export const RACE_FAMILIES: readonly RaceFamily[] = ['plain', 'residual'];

/** The stages' channels as multiples of w; each stage after the first halves the side. */
export const RACE_WIDTH_MULTIPLES: readonly number[] = [1, 2, 4];

export interface RaceNetSpec {
  readonly family: RaceFamily;
  /** Blocks per stage. */
  readonly n: number;
  /** Channels of the first stage. */
  readonly width: number;
}

/** One block: the notebook's `Residual(...)` arguments and whether it adds X. */
export interface RaceBlock extends BlockArgs {
  readonly shortcut: boolean;
}

/** Number of weight layers on the main path: 6n + 2. */
export function raceDepth(n: number): number {
  return 6 * n + 2;
}

/** Every block of the network in order, from the stage table. */
export function raceBlocks(spec: RaceNetSpec): RaceBlock[] {
  const blocks: RaceBlock[] = [];
  let c = spec.width;
  RACE_WIDTH_MULTIPLES.forEach((multiple, s) => {
    const out = spec.width * multiple;
    for (let i = 0; i < spec.n; i++) {
      const change = s > 0 && i === 0;
      const residual = spec.family === 'residual';
      blocks.push({
        inputChannels: c,
        numChannels: out,
        use1x1conv: residual && change,
        strides: change ? 2 : 1,
        shortcut: residual,
      });
      c = out;
    }
  });
  return blocks;
}

/** The stem's 3×3 convolution, 1 → w channels, keeping the side. */
const stemConv = (width: number): ConvSpec => ({ inChannels: 1, outChannels: width, kernel: 3, stride: 1, padding: 1 });

/** The layers of the network in execution order (`stem.conv`, `blocks.0.conv1`, …, `linear`), its blocks from blocks.ts. */
export function raceLayers(spec: RaceNetSpec): LayerSpec[] {
  const w = spec.width;
  const layers: LayerSpec[] = [
    { path: 'stem.conv', op: 'conv', inputs: ['input'], stage: 'stem', conv: stemConv(w), label: 'Conv2d' },
    { path: 'stem.bn', op: 'batchnorm', inputs: ['stem.conv'], stage: 'stem', channels: w, label: 'BatchNorm2d' },
    { path: 'stem.relu', op: 'relu', inputs: ['stem.bn'], stage: 'stem', label: 'ReLU' },
  ];
  let last = 'stem.relu';
  raceBlocks(spec).forEach((b, i) => {
    const prefix = `blocks.${i}`;
    const resolve = (name: string) => (name === 'X' ? last : `${prefix}.${name}`);
    for (const l of b.shortcut ? blockLayers(b) : plainBlockLayers(b)) {
      const { name, op, inputs, label, conv, channels } = l;
      const extra = { ...(conv ? { conv } : {}), ...(channels ? { channels } : {}) };
      layers.push({
        path: `${prefix}.${name}`,
        op,
        inputs: inputs.map(resolve),
        stage: 'blocks',
        block: i,
        label,
        ...extra,
      });
    }
    last = layers.at(-1)!.path;
  });
  const features = w * RACE_WIDTH_MULTIPLES.at(-1)!;
  const head = (l: Omit<LayerSpec, 'inputs' | 'stage'>) => {
    layers.push({ ...l, inputs: [last], stage: 'head' });
    last = l.path;
  };
  head({ path: 'pool', op: 'avgpool', label: 'AdaptiveAvgPool2d' });
  head({ path: 'flatten', op: 'flatten', label: 'Flatten' });
  head({ path: 'linear', op: 'linear', linear: { inFeatures: features, outFeatures: NUM_CLASSES }, label: 'Linear' });
  return layers;
}

export interface RaceCost {
  /** Learned numbers: weights and biases, batch norm's γ and β. */
  readonly parameters: number;
  /** Multiply-adds of one image's forward pass (convolutions and the linear layer). */
  readonly multiplyAdds: number;
}

/** Parameters and multiply-adds per image, counted from the layers (as the networks' diagram counts them). */
export function raceCost(spec: RaceNetSpec): RaceCost {
  const nodes = layerNodes(raceLayers(spec), [1, 1, IMAGE_SIDE, IMAGE_SIDE], 'the race network');
  return {
    parameters: nodes.reduce((s, n) => s + n.params.paramCount, 0),
    multiplyAdds: nodes.reduce((s, n) => s + n.multiplyAdds, 0),
  };
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
  /** Every convolution's and batch norm's variables by the path of its layer (`raceLayers`), in execution order. */
  readonly layers: ReadonlyMap<string, ConvVars | BatchNormVars>;
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

/**
 * A freshly initialised network; the same spec and seed give the same numbers. The weights are
 * drawn layer by layer in execution order, which for a block's convolutions is also its
 * `__init__` order (conv1, conv2, conv3), as training/grad_fixtures.py draws them.
 */
export function createRaceNet(spec: RaceNetSpec, seed: number): RaceNet {
  const next = mulberry32(seed);
  const layers = new Map<string, ConvVars | BatchNormVars>();
  let head: RaceNet['linear'] | undefined;
  for (const l of raceLayers(spec)) {
    if (l.conv) layers.set(l.path, convVars(l.conv.inChannels, l.conv.outChannels, l.conv.kernel, next));
    else if (l.channels !== undefined) layers.set(l.path, batchNormVars(l.channels));
    else if (l.linear) head = linearVars(l.linear.inFeatures, l.linear.outFeatures, next);
  }
  const conv = (path: string) => layers.get(path) as ConvVars;
  const bn = (path: string) => layers.get(path) as BatchNormVars;
  const blocks = raceBlocks(spec).map((block, i) => {
    const at = `blocks.${i}`;
    const conv3 = layers.get(`${at}.conv3`) as ConvVars | undefined;
    const main = { conv1: conv(`${at}.conv1`), bn1: bn(`${at}.bn1`), conv2: conv(`${at}.conv2`), bn2: bn(`${at}.bn2`) };
    return { block, ...main, ...(conv3 ? { conv3 } : {}) };
  });
  const stem = { conv: conv('stem.conv'), bn: bn('stem.bn') };
  return { spec, stem, blocks, linear: head!, layers };
}

/** PyTorch's default init for Linear, drawn as PyTorch's [out, in] and stored as [in, out]. */
function linearVars(features: number, classes: number, next: () => number): RaceNet['linear'] {
  const bound = 1 / Math.sqrt(features);
  const w = tf.tidy(() =>
    tf.transpose(tf.tensor2d(symmetricUniform(classes * features, bound, next), [classes, features])),
  );
  return { weight: own(w), bias: own(tf.tensor1d(symmetricUniform(classes, bound, next))) };
}

/** The batch norms' layers and variables, in execution order. */
function batchNormLayers(net: RaceNet): [string, BatchNormVars][] {
  return [...net.layers].filter((e): e is [string, BatchNormVars] => 'gamma' in e[1]);
}

function batchNormsOf(net: RaceNet): BatchNormVars[] {
  return batchNormLayers(net).map(([, b]) => b);
}

/**
 * The trainable variables (everything but batch norm's running statistics) with names that
 * say where each sits (`stem.conv.weight`, `blocks.0.bn1.gamma`, `linear.bias`), in the order
 * the optimiser and training/grad_fixtures.py's PyTorch fixtures list them.
 */
export function raceNamedParameters(net: RaceNet): { readonly name: string; readonly variable: tf.Variable }[] {
  const named = (at: string, v: ConvVars | BatchNormVars) =>
    'gamma' in v
      ? [
          { name: `${at}.gamma`, variable: v.gamma },
          { name: `${at}.beta`, variable: v.beta },
        ]
      : [
          { name: `${at}.weight`, variable: v.weight },
          { name: `${at}.bias`, variable: v.bias },
        ];
  return [
    ...[...net.layers].flatMap(([at, v]) => named(at, v)),
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
  return batchNormLayers(net).flatMap(([at, bn]) => [
    { name: `${at}.runningMean`, variable: bn.runningMean },
    { name: `${at}.runningVar`, variable: bn.runningVar },
  ]);
}

/** The weight of each main-path layer in order (6n + 2 of them), for the gradient-norm probe. */
export function raceLayerWeights(net: RaceNet): tf.Variable[] {
  return [net.stem.conv.weight, ...net.blocks.flatMap((b) => [b.conv1.weight, b.conv2.weight]), net.linear.weight];
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

/** PyTorch's running-statistics update of every batch norm (momentum 0.1, unbiased variance); disposes `stats`. */
export function updateRunningStatistics(net: RaceNet, stats: BatchStatistics): void {
  updateBatchNormStatistics(batchNormsOf(net), stats);
}

export function disposeRaceNet(net: RaceNet): void {
  tf.dispose([...raceTrainableVariables(net), ...batchNormsOf(net).flatMap((b) => [b.runningMean, b.runningVar])]);
}
