/**
 * Batch norm on batch statistics where a backend keeps its tensors in this thread's memory
 * (WASM, the CPU backend): forward and backward in plain loops over the values, in double
 * precision, with no tfjs kernel at all. Each kernel launch has a fixed cost on WASM, and the
 * same pass written with tensors took about twenty kernels a batch norm (the subtractions,
 * products and sums of the forward and backward passes), most of a small network's step. The
 * values are read once each way (the forward keeps its copy of the input for the backward pass);
 * the sums are in double precision, as PyTorch accumulates them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BN_EPSILON } from './layers';

/** Whether the current backend's tensors are in this thread's memory, so reading one is a copy, not a GPU round trip. */
export function valuesOnHost(): boolean {
  const backend = tf.getBackend();
  return backend === 'wasm' || backend === 'cpu';
}

/** One batch norm's statistics of a training pass (raceBatchNorm.ts `BatchStatistics`). */
interface BatchStatistic {
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
  readonly count: number;
}

/**
 * `biasBatchNormOnBatch` (raceBatchNorm.ts) on the host: x̂ = (x − μ)/√(σ² + ε), y = γ·x̂ + β per
 * channel over the M = N·H·W values; backward dβ = Σdy, dγ = Σdy·x̂,
 * dx = γ/(σ·M)·(M·dy − dβ − x̂·dγ), and 0 for the bias. Pushes the batch's mean (bias included)
 * and biased variance to `stats` (kept: the caller disposes them).
 */
export function hostBiasBatchNorm(
  x: tf.Tensor4D,
  bias: tf.Tensor1D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  stats: BatchStatistic[],
): tf.Tensor4D {
  const shape = x.shape;
  const c = shape[3];
  const count = shape[0] * shape[1] * shape[2];
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, b, g, be] = args as [tf.Tensor4D, tf.Tensor1D, tf.Tensor1D, tf.Tensor1D];
    // a copy on WASM; the CPU backend's own array, only read
    const xs = input.dataSync() as Float32Array;
    const [gv, bv, biasv] = [g.dataSync(), be.dataSync(), b.dataSync()];
    const mean = new Float64Array(c);
    const m2 = new Float64Array(c);
    for (let i = 0; i < xs.length; i += c) for (let k = 0; k < c; k++) mean[k]! += xs[i + k]!;
    for (let k = 0; k < c; k++) mean[k]! /= count;
    for (let i = 0; i < xs.length; i += c)
      for (let k = 0; k < c; k++) {
        const d = xs[i + k]! - mean[k]!;
        m2[k]! += d * d;
      }
    const rstd = m2.map((s) => 1 / Math.sqrt(s / count + BN_EPSILON));
    const scale = rstd.map((r, k) => r * gv[k]!);
    const out = new Float32Array(xs.length);
    for (let i = 0; i < xs.length; i += c)
      for (let k = 0; k < c; k++) out[i + k] = (xs[i + k]! - mean[k]!) * scale[k]! + bv[k]!;
    stats.push({
      mean: tf.keep(tf.tensor1d(Float32Array.from(mean, (m, k) => m + biasv[k]!))),
      variance: tf.keep(tf.tensor1d(Float32Array.from(m2, (s) => s / count))),
      count,
    });
    return {
      value: tf.tensor4d(out, shape),
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) => {
        const gs = (dy as tf.Tensor).dataSync() as Float32Array;
        const sumG = new Float64Array(c);
        const sumGX = new Float64Array(c); // Σ dy·(x − μ)
        for (let i = 0; i < xs.length; i += c)
          for (let k = 0; k < c; k++) {
            sumG[k]! += gs[i + k]!;
            sumGX[k]! += gs[i + k]! * (xs[i + k]! - mean[k]!);
          }
        const dGamma = sumGX.map((s, k) => s * rstd[k]!);
        // dx = γ·rstd·(dy − dβ/M − (x − μ)·rstd²·Σdy·(x − μ)/M)
        const shift = sumG.map((s) => s / count);
        const slope = sumGX.map((s, k) => (s * rstd[k]! * rstd[k]!) / count);
        const dx = new Float32Array(xs.length);
        for (let i = 0; i < xs.length; i += c)
          for (let k = 0; k < c; k++)
            dx[i + k] = scale[k]! * (gs[i + k]! - shift[k]! - (xs[i + k]! - mean[k]!) * slope[k]!);
        return [
          tf.tensor4d(dx, shape),
          tf.zeros([c]),
          tf.tensor1d(Float32Array.from(dGamma)),
          tf.tensor1d(Float32Array.from(sumG)),
        ];
      },
    };
  });
  return f(x, bias, gamma, beta) as tf.Tensor4D;
}
