/**
 * The start-up self-test: a backend that starts but computes wrong numbers (a shader bug,
 * a broken driver) is refused before the page trusts it. It runs one residual-style layer of
 * the network's own size — a 3×3 convolution 64 → 64 at 16×16 with bias, batch norm, the
 * shortcut addition and ReLU — through the same layer functions the network uses, and
 * compares it with the same layer computed in plain JavaScript (double precision). On the
 * GPU backends the page's first trace at 64×64 reuses the shaders it compiles (b2 has this
 * very shape), so it adds little to start-up.
 */
import * as tf from '@tensorflow/tfjs-core';
import { BN_EPSILON, batchNorm, conv2d, relu } from './layers';
import { mulberry32, symmetricUniform } from './random';

const SIDE = 16;
const CHANNELS = 64;
const K = 3;
/** ‖a − b‖ / ‖b‖ allowed: float32 sums of 576 products stay far below it on every sound backend. */
export const SELF_TEST_TOLERANCE = 1e-4;

interface LayerData {
  /** NHWC, [1, SIDE, SIDE, CHANNELS] */
  readonly x: Float32Array;
  /** HWIO, [K, K, CHANNELS, CHANNELS] */
  readonly w: Float32Array;
  readonly bias: Float32Array;
  readonly gamma: Float32Array;
  readonly beta: Float32Array;
  readonly mean: Float32Array;
  readonly variance: Float32Array;
}

function layerData(): LayerData {
  const next = mulberry32(2024);
  const bound = 1 / Math.sqrt(CHANNELS * K * K);
  const plusOne = (a: Float32Array) => a.map((v) => 1 + v);
  return {
    x: symmetricUniform(SIDE * SIDE * CHANNELS, 1, next),
    w: symmetricUniform(K * K * CHANNELS * CHANNELS, bound, next),
    bias: symmetricUniform(CHANNELS, bound, next),
    gamma: plusOne(symmetricUniform(CHANNELS, 0.5, next)),
    beta: symmetricUniform(CHANNELS, 0.2, next),
    mean: symmetricUniform(CHANNELS, 0.3, next),
    variance: plusOne(symmetricUniform(CHANNELS, 0.5, next)),
  };
}

/** conv(x) + bias in plain JavaScript (double precision), NHWC, zero padding 1. */
function referenceConv(d: LayerData): Float64Array {
  const out = new Float64Array(SIDE * SIDE * CHANNELS);
  for (let i = 0; i < SIDE; i++) {
    for (let j = 0; j < SIDE; j++) {
      const at = (i * SIDE + j) * CHANNELS;
      for (let co = 0; co < CHANNELS; co++) out[at + co] = d.bias[co] as number;
      for (let ki = 0; ki < K; ki++) {
        const y = i + ki - 1;
        if (y < 0 || y >= SIDE) continue;
        for (let kj = 0; kj < K; kj++) {
          const x = j + kj - 1;
          if (x < 0 || x >= SIDE) continue;
          const xAt = (y * SIDE + x) * CHANNELS;
          const wAt = (ki * K + kj) * CHANNELS * CHANNELS;
          for (let ci = 0; ci < CHANNELS; ci++) {
            const v = d.x[xAt + ci] as number;
            const row = wAt + ci * CHANNELS;
            for (let co = 0; co < CHANNELS; co++)
              out[at + co] = (out[at + co] as number) + v * (d.w[row + co] as number);
          }
        }
      }
    }
  }
  return out;
}

/** relu(bn(conv) + x): the network's layer sequence, from `referenceConv`'s output. */
function referenceLayer(d: LayerData, conv: Float64Array): Float64Array {
  return conv.map((v, k) => {
    const c = k % CHANNELS;
    const bn =
      ((d.gamma[c] as number) * (v - (d.mean[c] as number))) / Math.sqrt((d.variance[c] as number) + BN_EPSILON) +
      (d.beta[c] as number);
    return Math.max(0, bn + (d.x[k] as number));
  });
}

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num += ((a[i] as number) - (b[i] as number)) ** 2;
    den += (b[i] as number) ** 2;
  }
  return Math.sqrt(num / den);
}

/**
 * Refuse a backend that starts but computes wrong numbers: the layer above, on the current
 * tfjs backend, must match plain JavaScript to `SELF_TEST_TOLERANCE`. Rejects with a message
 * for a person; leaves no tensors behind.
 */
export async function checkBackendComputes(): Promise<void> {
  const d = layerData();
  const layer = tf.tidy(() => {
    const x = tf.tensor4d(d.x, [1, SIDE, SIDE, CHANNELS]);
    const conv = { weight: tf.tensor4d(d.w, [K, K, CHANNELS, CHANNELS]), bias: tf.tensor1d(d.bias) };
    const bn = {
      weight: tf.tensor1d(d.gamma),
      bias: tf.tensor1d(d.beta),
      runningMean: tf.tensor1d(d.mean),
      runningVar: tf.tensor1d(d.variance),
    };
    return relu(tf.add(batchNorm(conv2d(x, conv, 1, 1), bn), x));
  });
  try {
    const err = relErr(await layer.data(), referenceLayer(d, referenceConv(d)));
    if (!(err <= SELF_TEST_TOLERANCE)) {
      throw new Error(
        `it computes wrong numbers: a convolution 64 → 64 (3×3, 16×16) with batch norm and a shortcut is off by ${err.toExponential(1)} (relative)`,
      );
    }
  } finally {
    layer.dispose();
  }
}
