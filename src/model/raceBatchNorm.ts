/**
 * The race network's convolution and batch norm in training and evaluation mode: the
 * variables they read, and batch norm's forward and backward pass written out (raceNet.ts
 * builds the network from them).
 */
import * as tf from '@tensorflow/tfjs-core';
import { hostBiasBatchNorm, valuesOnHost } from './hostBatchNorm';
import { BN_EPSILON } from './layers';

export interface ConvVars {
  readonly weight: tf.Variable<tf.Rank.R4>;
  readonly bias: tf.Variable<tf.Rank.R1>;
}

export interface BatchNormVars {
  readonly gamma: tf.Variable<tf.Rank.R1>;
  readonly beta: tf.Variable<tf.Rank.R1>;
  /** Running statistics, updated after each training step (PyTorch's momentum 0.1), used for evaluation. */
  readonly runningMean: tf.Variable<tf.Rank.R1>;
  readonly runningVar: tf.Variable<tf.Rank.R1>;
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

/** PyTorch's running-statistics update of these batch norms (momentum 0.1, unbiased variance); disposes `stats`. */
export function updateBatchNormStatistics(bns: readonly BatchNormVars[], stats: BatchStatistics): void {
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
