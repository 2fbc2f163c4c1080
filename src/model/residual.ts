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
 * What an operation of a plan is, with the weights it uses (tfjs layout), so a transform
 * over the plan (e.g. folding batch norm into the convolution before it) can rebuild it.
 */
export type PlannedLayer =
  | { readonly kind: 'conv'; readonly weights: ConvWeights; readonly stride: number; readonly padding: number }
  | { readonly kind: 'batchnorm'; readonly weights: BatchNormWeights }
  | { readonly kind: 'relu' }
  | { readonly kind: 'add' }
  | { readonly kind: 'maxpool'; readonly kernel: number; readonly stride: number; readonly padding: number }
  | { readonly kind: 'avgpool' }
  | { readonly kind: 'flatten' }
  | { readonly kind: 'linear'; readonly weight: tf.Tensor2D; readonly bias: tf.Tensor1D };

/** One operation of a forward pass: its path, the paths it reads, what it is and how to compute it. */
export interface PlannedOp {
  readonly path: string;
  readonly inputs: readonly string[];
  readonly layer: PlannedLayer;
  /** Computes the output from the inputs' tensors; call inside `tf.tidy`. */
  readonly compute: (...inputs: tf.Tensor[]) => tf.Tensor;
}

export interface ResidualPlanOptions {
  /** `false`: a regular block, no shortcut and no `Y += X` (the left of the seed's ResNet2.png). */
  readonly shortcut?: boolean;
  /**
   * `Y += X` broadcasting X as PyTorch does (the block lab, for configurations PyTorch
   * accepts); by default the shapes must match, as they do everywhere in ResNet-18.
   */
  readonly broadcast?: boolean;
}

/**
 * The seed's `Residual.forward` as a list of operations, so the same code runs all at
 * once (`residualForward`) or one operation at a time (tracing that yields to the page,
 * the block lab). `prefix` is prepended to the layer names (`b3.0.` → `b3.0.conv1`),
 * `inputPath` names X.
 */
export function residualPlan(
  cfg: ResidualConfig,
  w: ResidualWeights,
  prefix: string,
  inputPath: string,
  opts: ResidualPlanOptions = {},
): PlannedOp[] {
  const p = (name: string) => `${prefix}${name}`;
  const t4 = (t: tf.Tensor) => t as tf.Tensor4D;
  const ops: PlannedOp[] = [
    {
      path: p('conv1'),
      inputs: [inputPath],
      layer: { kind: 'conv', weights: w.conv1, stride: cfg.strides, padding: 1 },
      compute: (x) => conv2d(t4(x), w.conv1, cfg.strides, 1),
    },
    {
      path: p('bn1'),
      inputs: [p('conv1')],
      layer: { kind: 'batchnorm', weights: w.bn1 },
      compute: (x) => batchNorm(t4(x), w.bn1),
    },
    { path: p('relu'), inputs: [p('bn1')], layer: { kind: 'relu' }, compute: (x) => relu(x) },
    {
      path: p('conv2'),
      inputs: [p('relu')],
      layer: { kind: 'conv', weights: w.conv2, stride: 1, padding: 1 },
      compute: (x) => conv2d(t4(x), w.conv2, 1, 1),
    },
    {
      path: p('bn2'),
      inputs: [p('conv2')],
      layer: { kind: 'batchnorm', weights: w.bn2 },
      compute: (x) => batchNorm(t4(x), w.bn2),
    },
  ];
  if (opts.shortcut === false) {
    ops.push({ path: p('relu2'), inputs: [p('bn2')], layer: { kind: 'relu' }, compute: (x) => relu(x) });
    return ops;
  }
  let shortcut = inputPath;
  if (cfg.use1x1conv) {
    const conv3 = w.conv3;
    if (!conv3) throw new Error('use_1x1conv=True but the block has no conv3 weights');
    ops.push({
      path: p('conv3'),
      inputs: [inputPath],
      layer: { kind: 'conv', weights: conv3, stride: cfg.strides, padding: 0 },
      compute: (x) => conv2d(t4(x), conv3, cfg.strides, 0),
    });
    shortcut = p('conv3');
  }
  ops.push(
    {
      path: p('add'),
      inputs: [p('bn2'), shortcut],
      layer: { kind: 'add' },
      compute: (y, x) => (opts.broadcast ? tf.add(t4(y), t4(x)) : addSameShape(t4(y), t4(x))),
    },
    { path: p('relu2'), inputs: [p('add')], layer: { kind: 'relu' }, compute: (x) => relu(x) },
  );
  return ops;
}

/** `Y += X` where the shapes must match (ResNet-18's case); the lab handles broadcasting itself. */
function addSameShape(y: tf.Tensor4D, x: tf.Tensor4D): tf.Tensor4D {
  if (!tf.util.arraysEqual(y.shape, x.shape)) {
    const [n, h, wd, c] = y.shape;
    const [n2, h2, w2, c2] = x.shape;
    throw new Error(
      `Y has shape (${n}, ${c}, ${h}, ${wd}) but X has shape (${n2}, ${c2}, ${h2}, ${w2}): they cannot be added`,
    );
  }
  return tf.add(y, x);
}

/** Run a plan on named starting tensors; `record` sees every output. Call inside `tf.tidy`. */
export function runPlan(
  ops: readonly PlannedOp[],
  start: ReadonlyMap<string, tf.Tensor>,
  record?: Recorder,
): Map<string, tf.Tensor> {
  const values = new Map(start);
  for (const op of ops) {
    const args = op.inputs.map((i) => {
      const v = values.get(i);
      if (!v) throw new Error(`"${op.path}" needs "${i}", which has not been computed`);
      return v;
    });
    const out = op.compute(...args);
    values.set(op.path, out);
    record?.(op.path, out);
  }
  return values;
}

/**
 * Run one residual block on an NHWC tensor. `record`, when given, sees every
 * intermediate by layer name; the caller decides whether to keep them (inside `tf.tidy`).
 * Throws, like PyTorch, when Y and X cannot be added.
 */
export function residualForward(
  cfg: ResidualConfig,
  w: ResidualWeights,
  x: tf.Tensor4D,
  record?: Recorder,
): tf.Tensor4D {
  const values = runPlan(residualPlan(cfg, w, '', 'X'), new Map([['X', x]]), record);
  return values.get('relu2') as tf.Tensor4D;
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
