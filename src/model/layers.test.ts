import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNorm, conv2d, maxPool, nchwToNhwc, nhwcToNchw } from './layers';
import { useNodeBackend } from './testBackend';

beforeAll(async () => {
  await useNodeBackend();
});

/** Run f on an NCHW array and return the NCHW result as nested arrays. */
function nchw(values: number[][][][], f: (x: tf.Tensor4D) => tf.Tensor4D): number[][][][] {
  return tf.tidy(() => nhwcToNchw(f(nchwToNhwc(tf.tensor4d(values))))).arraySync() as number[][][][];
}

describe('conv2d (nn.Conv2d with padding and stride)', () => {
  it('3×3, padding 1, stride 2 on a 4×4 image matches a hand computation', () => {
    // x = 1..16 in a 4×4 grid; kernel of all ones, bias 0.5 → each output is a padded 3×3 window sum + 0.5
    const x = [
      [
        [
          [1, 2, 3, 4],
          [5, 6, 7, 8],
          [9, 10, 11, 12],
          [13, 14, 15, 16],
        ],
      ],
    ];
    const y = nchw(x, (t) =>
      tf.tidy(() => conv2d(t, { weight: tf.ones([3, 3, 1, 1]), bias: tf.tensor1d([0.5]) }, 2, 1)),
    );
    // windows centred on (0,0), (0,2), (2,0), (2,2):
    // (0,0): 1+2+5+6 = 14; (0,2): 2+3+4+6+7+8 = 30; (2,0): 5+6+9+10+13+14 = 57; (2,2): 6+7+8+10+11+12+14+15+16 = 99
    expect(y).toEqual([
      [
        [
          [14.5, 30.5],
          [57.5, 99.5],
        ],
      ],
    ]);
  });

  it('mixes channels with the kernel layout C_out, C_in (two in, one out)', () => {
    const x = [
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [10, 20],
          [30, 40],
        ],
      ],
    ];
    // 1×1 conv: out = 2·c0 − 1·c1
    const y = nchw(x, (t) =>
      tf.tidy(() => conv2d(t, { weight: tf.tensor4d([2, -1], [1, 1, 2, 1]), bias: tf.tensor1d([0]) }, 1, 0)),
    );
    expect(y).toEqual([
      [
        [
          [-8, -16],
          [-24, -32],
        ],
      ],
    ]);
  });
});

describe('batchNorm (inference mode)', () => {
  it('uses the running statistics: γ·(x − μ)/√(σ² + ε) + β', () => {
    const x = [[[[1, 3]], [[-2, 4]]]];
    const y = nchw(x, (t) =>
      tf.tidy(() =>
        batchNorm(t, {
          weight: tf.tensor1d([2, 0.5]),
          bias: tf.tensor1d([1, -1]),
          runningMean: tf.tensor1d([1, 0]),
          runningVar: tf.tensor1d([4, 1]),
        }),
      ),
    );
    const s0 = 2 / Math.sqrt(4 + 1e-5);
    const s1 = 0.5 / Math.sqrt(1 + 1e-5);
    const flat = y.flat(3);
    const expected = [1 + 0 * s0, 1 + 2 * s0, -1 - 2 * s1, -1 + 4 * s1];
    flat.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 5));
  });
});

describe('maxPool (nn.MaxPool2d(3, 2, 1))', () => {
  it('pads with −∞, so a negative image keeps its own maxima', () => {
    const x = [
      [
        [
          [-1, -2, -3, -4],
          [-5, -6, -7, -8],
          [-9, -10, -11, -12],
          [-13, -14, -15, -16],
        ],
      ],
    ];
    const y = nchw(x, (t) => maxPool(t, 3, 2, 1));
    // windows centred on (0,0), (0,2), (2,0), (2,2)
    expect(y).toEqual([
      [
        [
          [-1, -2],
          [-5, -6],
        ],
      ],
    ]);
  });

  it('gives ⌊(H + 2p − k)/s⌋ + 1 outputs', () => {
    const y = tf.tidy(() => maxPool(tf.zeros([1, 112, 111, 2]), 3, 2, 1));
    expect(y.shape).toEqual([1, 56, 56, 2]);
    y.dispose();
  });
});
