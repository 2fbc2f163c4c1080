/**
 * A layer of the description turned into an operation of a forward plan: the same code
 * builds the network's plan and the block lab's.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { LayerSpec } from './architecture';
import {
  batchNorm,
  conv2d,
  flatten,
  globalAvgPool,
  linear,
  maxPool,
  relu,
  type BatchNormWeights,
  type ConvWeights,
} from './layers';
import type { PlannedLayer, PlannedOp } from './planRunner';

/** A linear layer's weights in tfjs layout ([in, out]). */
export interface LinearWeights {
  readonly weight: tf.Tensor2D;
  readonly bias: tf.Tensor1D;
}

/** The weights of one layer, by its `state_dict` prefix. */
export type WeightsOf = (key: string) => ConvWeights | BatchNormWeights | LinearWeights;

/** What a plan needs of a layer description. */
export type PlanLayer = Pick<LayerSpec, 'path' | 'op' | 'inputs' | 'key' | 'conv' | 'pool'>;

export interface OpOptions {
  /** `Y += X` broadcasting X as PyTorch does (the block lab); else the shapes must match. */
  readonly broadcast?: boolean;
}

/** The operation that computes one layer. */
export function plannedOp(l: PlanLayer, weightsOf: WeightsOf, opts: OpOptions = {}): PlannedOp {
  const t4 = (t: tf.Tensor) => t as tf.Tensor4D;
  const layer = plannedLayer(l, weightsOf);
  const base = { path: l.path, inputs: l.inputs, layer };
  switch (layer.kind) {
    case 'conv': {
      const { weights, stride, padding } = layer;
      return { ...base, compute: (x) => conv2d(t4(x), weights, stride, padding) };
    }
    case 'batchnorm':
      return { ...base, compute: (x) => batchNorm(t4(x), layer.weights) };
    case 'relu':
      return { ...base, compute: (x) => relu(x) };
    case 'maxpool':
      return { ...base, compute: (x) => maxPool(t4(x), layer.kernel, layer.stride, layer.padding) };
    case 'avgpool':
      return { ...base, compute: (x) => globalAvgPool(t4(x)) };
    case 'flatten':
      return { ...base, compute: (x) => flatten(t4(x)) };
    case 'linear':
      return { ...base, compute: (x) => linear(x as tf.Tensor2D, layer.weight, layer.bias) };
    case 'add':
      return { ...base, compute: (y, x) => (opts.broadcast ? tf.add(t4(y), t4(x)) : addSameShape(t4(y), t4(x))) };
  }
}

function plannedLayer(l: PlanLayer, weightsOf: WeightsOf): PlannedLayer {
  switch (l.op) {
    case 'conv': {
      const { stride, padding } = l.conv as NonNullable<PlanLayer['conv']>;
      return { kind: 'conv', weights: weightsOf(l.key as string) as ConvWeights, stride, padding };
    }
    case 'batchnorm':
      return { kind: 'batchnorm', weights: weightsOf(l.key as string) as BatchNormWeights };
    case 'maxpool':
      return { kind: 'maxpool', ...(l.pool as NonNullable<PlanLayer['pool']>) };
    case 'linear': {
      const { weight, bias } = weightsOf(l.key as string) as LinearWeights;
      return { kind: 'linear', weight, bias };
    }
    default:
      return { kind: l.op };
  }
}

/** `Y += X` where the shapes must match (every network here); the lab broadcasts instead. */
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
