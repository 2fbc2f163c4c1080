import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlockArgs } from './blocks';
import { nchwToNhwc, nhwcToNchw, toNCHWShape } from './layers';
import { disposeResidualWeights, randomResidualWeights, residualForward } from './residual';
import { randomInput } from './input';
import { useNodeBackend } from './testBackend';

/** The notebook's `Residual(input_channels, num_channels, use_1x1conv=False, strides=1)`. */
const Residual = (inputChannels: number, numChannels: number, use1x1conv = false, strides = 1): BlockArgs => ({
  inputChannels,
  numChannels,
  use1x1conv,
  strides,
});

beforeAll(async () => {
  await useNodeBackend();
});

function runBlock(cfg: ReturnType<typeof Residual>, shape: number[]) {
  const w = randomResidualWeights(cfg, 1);
  const names: string[] = [];
  const out = tf.tidy(() => {
    const x = nchwToNhwc(randomInput(shape, 2));
    return residualForward(cfg, w, x, (name) => names.push(name));
  });
  const result = { shape: toNCHWShape(out.shape), names };
  out.dispose();
  disposeResidualWeights(w);
  return result;
}

describe('Residual', () => {
  it('Residual(3, 3) keeps (4, 3, 6, 6)', () => {
    const r = runBlock(Residual(3, 3), [4, 3, 6, 6]);
    expect(r.shape).toEqual([4, 3, 6, 6]);
    expect(r.names).toEqual(['conv1', 'bn1', 'relu', 'conv2', 'bn2', 'add', 'relu2']);
  });

  it('Residual(3, 6, use_1x1conv=True, strides=2) gives (4, 6, 3, 3)', () => {
    const r = runBlock(Residual(3, 6, true, 2), [4, 3, 6, 6]);
    expect(r.shape).toEqual([4, 6, 3, 3]);
    expect(r.names).toEqual(['conv1', 'bn1', 'relu', 'conv2', 'bn2', 'conv3', 'add', 'relu2']);
  });

  it('Residual(3, 6) without the 1×1 conv cannot add Y and X', () => {
    expect(() => runBlock(Residual(3, 6), [4, 3, 6, 6])).toThrow(/cannot be added/);
  });

  it('adds the shortcut: with the branch zeroed (bn2 γ = β = 0) the block returns relu(x)', () => {
    const cfg = Residual(2, 2);
    const w = randomResidualWeights(cfg, 3);
    const zeroed = {
      ...w,
      bn2: { ...w.bn2, weight: tf.zeros([2]) as tf.Tensor1D, bias: tf.zeros([2]) as tf.Tensor1D },
    };
    const xs = [
      [
        [
          [-1, 2],
          [3, -4],
        ],
        [
          [5, -6],
          [0, 8],
        ],
      ],
    ];
    const y = tf.tidy(() => nhwcToNchw(residualForward(cfg, zeroed, nchwToNhwc(tf.tensor4d(xs)))).arraySync());
    expect(y).toEqual([
      [
        [
          [0, 2],
          [3, 0],
        ],
        [
          [5, 0],
          [0, 8],
        ],
      ],
    ]);
    tf.dispose([zeroed.bn2.weight, zeroed.bn2.bias]);
    disposeResidualWeights(w);
  });

  it('leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) runBlock(Residual(3, 6, true, 2), [2, 3, 6, 6]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
