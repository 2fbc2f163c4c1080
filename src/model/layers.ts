/**
 * The notebook's layers on tfjs. Tensors flow in tfjs's NHWC layout inside the model;
 * weights are kept in tfjs layout (conv HWIO, linear [in, out]). Shapes shown to a
 * person are always (N, C, H, W): see `toNCHWShape`.
 */
import * as tf from '@tensorflow/tfjs-core';

/** PyTorch's BatchNorm2d default epsilon. */
export const BN_EPSILON = 1e-5;

export interface ConvWeights {
  /** [k, k, C_in, C_out] */
  readonly weight: tf.Tensor4D;
  readonly bias: tf.Tensor1D;
}

export interface BatchNormWeights {
  readonly weight: tf.Tensor1D;
  readonly bias: tf.Tensor1D;
  readonly runningMean: tf.Tensor1D;
  readonly runningVar: tf.Tensor1D;
}

/** `nn.Conv2d(..., stride, padding)` with bias; zero padding on every side. */
export function conv2d(x: tf.Tensor4D, w: ConvWeights, stride: number, padding: number): tf.Tensor4D {
  return tf.add(tf.conv2d(x, w.weight, stride, padding), w.bias);
}

/** `nn.BatchNorm2d` in inference mode: γ·(x − running_mean)/√(running_var + ε) + β. */
export function batchNorm(x: tf.Tensor4D, bn: BatchNormWeights): tf.Tensor4D {
  return tf.batchNorm4d(x, bn.runningMean, bn.runningVar, bn.bias, bn.weight, BN_EPSILON);
}

export function relu<T extends tf.Tensor>(x: T): T {
  return tf.relu(x);
}

/** `nn.MaxPool2d(kernel, stride, padding)`: padded cells never win (PyTorch pads with −∞). */
export function maxPool(x: tf.Tensor4D, kernel: number, stride: number, padding: number): tf.Tensor4D {
  return tf.maxPool(x, kernel, stride, padding);
}

/** `nn.AdaptiveAvgPool2d((1, 1))`: the mean over height and width. */
export function globalAvgPool(x: tf.Tensor4D): tf.Tensor4D {
  return tf.mean(x, [1, 2], true) as tf.Tensor4D;
}

/** `nn.Flatten()` of an (N, 1, 1, C) tensor: (N, C). */
export function flatten(x: tf.Tensor4D): tf.Tensor2D {
  const [n] = x.shape;
  return tf.reshape(x, [n, -1]);
}

/** `nn.Linear`: x·Wᵀ + b, with W stored as [in, out]. */
export function linear(x: tf.Tensor2D, weight: tf.Tensor2D, bias: tf.Tensor1D): tf.Tensor2D {
  return tf.add(tf.matMul(x, weight), bias);
}

/** (N, C, H, W) → (N, H, W, C). */
export function nchwToNhwc(x: tf.Tensor4D): tf.Tensor4D {
  return tf.transpose(x, [0, 2, 3, 1]);
}

/** (N, H, W, C) → (N, C, H, W). */
export function nhwcToNchw(x: tf.Tensor4D): tf.Tensor4D {
  return tf.transpose(x, [0, 3, 1, 2]);
}

/** A tfjs shape as the notebook prints it: NHWC → (N, C, H, W); 2-D shapes unchanged. */
export function toNCHWShape(shape: readonly number[]): number[] {
  if (shape.length !== 4) return [...shape];
  const [n, h, w, c] = shape as [number, number, number, number];
  return [n, c, h, w];
}

/** A PyTorch conv kernel [C_out, C_in, k, k] as tfjs wants it: [k, k, C_in, C_out]. */
export function torchConvToTf(w: tf.Tensor): tf.Tensor4D {
  return tf.transpose(w as tf.Tensor4D, [2, 3, 1, 0]);
}

/** A PyTorch linear weight [out, in] as [in, out]. */
export function torchLinearToTf(w: tf.Tensor): tf.Tensor2D {
  return tf.transpose(w as tf.Tensor2D);
}
