import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { nodeBackendLoaders } from './nodeBackends';
import { BN_EPSILON } from './layers';
import { mulberry32, symmetricUniform } from './random';
import {
  createRaceNet,
  disposeRaceNet,
  raceBlocks,
  raceCost,
  raceDepth,
  raceForward,
  raceLayerWeights,
  raceTrainableVariables,
  updateRunningStatistics,
} from './raceNet';
import {
  biasBatchNormOnBatch as biasBatchNormOnBatchHere,
  tensorBiasBatchNorm,
  type BatchStatistics,
} from './raceBatchNorm';

beforeAll(async () => {
  await selectBackend(nodeBackendLoaders, 'cpu');
});

describe('the race family', () => {
  it('has 6n + 2 main-path layers, stage changes with a 1×1 conv only when residual', () => {
    for (const family of ['plain', 'residual'] as const) {
      const blocks = raceBlocks({ family, n: 3, width: 4 });
      expect(blocks).toHaveLength(9);
      expect(blocks.map((b) => b.numChannels)).toEqual([4, 4, 4, 8, 8, 8, 16, 16, 16]);
      expect(blocks.map((b) => b.strides)).toEqual([1, 1, 1, 2, 1, 1, 2, 1, 1]);
      expect(blocks.filter((b) => b.use1x1conv)).toHaveLength(family === 'residual' ? 2 : 0);
      const net = createRaceNet({ family, n: 3, width: 4 }, 1);
      expect(raceLayerWeights(net)).toHaveLength(raceDepth(3));
      disposeRaceNet(net);
    }
  });

  it('counts parameters as the variables hold them, and multiply-adds by hand for n = 1', () => {
    for (const family of ['plain', 'residual'] as const) {
      const net = createRaceNet({ family, n: 1, width: 4 }, 1);
      const held = raceTrainableVariables(net).reduce((s, v) => s + v.size, 0);
      expect(raceCost(net.spec).parameters).toBe(held);
      disposeRaceNet(net);
    }
    // stem 28²·4·9; stage 1: 2 × 28²·4·4·9; stage 2: 14²·(4·8 + 8·8)·9 (+ 14²·4·8 for the 1×1);
    // stage 3: 7²·(8·16 + 16·16)·9 (+ 7²·8·16); linear 16·10
    const plain = 28 * 28 * 36 + 2 * 28 * 28 * 144 + 14 * 14 * 96 * 9 + 7 * 7 * 384 * 9 + 160;
    expect(raceCost({ family: 'plain', n: 1, width: 4 }).multiplyAdds).toBe(plain);
    expect(raceCost({ family: 'residual', n: 1, width: 4 }).multiplyAdds).toBe(plain + 14 * 14 * 32 + 7 * 7 * 128);
  });

  it('maps a batch to 10 logits per image; the same seed gives the same network', async () => {
    const x = tf.randomUniform([2, 28, 28, 1], 0, 1, 'float32', 3) as tf.Tensor4D;
    const a = createRaceNet({ family: 'residual', n: 1, width: 4 }, 5);
    const b = createRaceNet({ family: 'residual', n: 1, width: 4 }, 5);
    const c = createRaceNet({ family: 'residual', n: 1, width: 4 }, 6);
    const [ya, yb, yc] = [a, b, c].map((n) => raceForward(n, x));
    expect(ya!.shape).toEqual([2, 10]);
    expect(await ya!.data()).toEqual(await yb!.data());
    expect(await ya!.data()).not.toEqual(await yc!.data());
    tf.dispose([x, ya!, yb!, yc!]);
    [a, b, c].forEach(disposeRaceNet);
  });
});

describe("a convolution's bias and batch norm, with the backward pass written out", () => {
  // WASM runs it on the host (hostBatchNorm.ts); a GPU backend in tfjs kernels
  for (const [where, biasBatchNormOnBatch] of [
    ['on the host', biasBatchNormOnBatchHere],
    ['in tfjs kernels', tensorBiasBatchNorm],
  ] as const)
    it(`give the gradients autodiff gives for x + b then batch norm, and the batch statistics (${where})`, async () => {
      const next = mulberry32(4);
      const x = tf.tensor4d(symmetricUniform(3 * 5 * 5 * 4, 2, next), [3, 5, 5, 4]);
      const r = tf.tensor4d(symmetricUniform(3 * 5 * 5 * 4, 1, next), [3, 5, 5, 4]);
      const gamma = tf.variable(tf.tensor1d([0.5, 1.5, -1, 2]));
      const beta = tf.variable(tf.tensor1d([0.1, -0.2, 0.3, 0]));
      const bias = tf.variable(tf.tensor1d([0.7, -0.4, 0.05, 1.2]));
      const before = tf.memory().numTensors;
      const stats: BatchStatistics = [];
      const written = tf.variableGrads(
        () => tf.sum(tf.mul(biasBatchNormOnBatch(x, bias, { gamma, beta }, stats), r)) as tf.Scalar,
        [gamma, beta, bias],
      );
      const dxWritten = tf.grad((xx: tf.Tensor) =>
        tf.sum(tf.mul(biasBatchNormOnBatch(xx as tf.Tensor4D, bias, { gamma, beta }, stats), r)),
      )(x);
      const reference = (xx: tf.Tensor) => {
        const xb = tf.add(xx, bias);
        const { mean, variance } = tf.moments(xb, [0, 1, 2]);
        const y = tf.add(tf.mul(tf.mul(tf.sub(xb, mean), tf.rsqrt(tf.add(variance, BN_EPSILON))), gamma), beta);
        return tf.sum(tf.mul(y, r)) as tf.Scalar;
      };
      const autodiff = tf.variableGrads(() => reference(x), [gamma, beta, bias]);
      const dxAutodiff = tf.grad(reference)(x);
      const close = async (a: tf.Tensor, b: tf.Tensor) => {
        const [av, bv] = [await a.data(), await b.data()];
        expect(av.length).toBe(bv.length);
        av.forEach((v, i) => expect(v).toBeCloseTo(bv[i]!, 4));
      };
      await close(written.value, autodiff.value);
      for (const v of [gamma, beta, bias]) await close(written.grads[v.name]!, autodiff.grads[v.name]!);
      await close(dxWritten, dxAutodiff);
      expect(Array.from(await written.grads[bias.name]!.data())).toEqual([0, 0, 0, 0]);
      expect(stats).toHaveLength(2);
      const meanWithBias = tf.mean(tf.add(x, bias), [0, 1, 2]);
      await close(stats[0]!.mean, meanWithBias);
      expect(stats[0]!.count).toBe(75);
      tf.dispose([written.value, autodiff.value, dxWritten, dxAutodiff, meanWithBias, ...Object.values(written.grads)]);
      tf.dispose([...Object.values(autodiff.grads), ...stats.flatMap((s) => [s.mean, s.variance])]);
      expect(tf.memory().numTensors).toBe(before + 1); // the sum made inside meanWithBias's tf.add
      tf.dispose([x, r, gamma, beta, bias]);
    });
});

describe('the running statistics', () => {
  it("follow PyTorch's update for every batch norm: 0.9·old + 0.1·batch, the variance unbiased", async () => {
    const net = createRaceNet({ family: 'residual', n: 1, width: 4 }, 2);
    const x = tf.randomUniform([6, 28, 28, 1], 0, 1, 'float32', 5) as tf.Tensor4D;
    const bns = [net.stem.bn, ...net.blocks.flatMap((b) => [b.bn1, b.bn2])];
    // a first update, so "old" is not the initial 0 and 1
    const first: BatchStatistics = [];
    tf.dispose(raceForward(net, x, first));
    updateRunningStatistics(net, first);
    const before = tf.memory().numTensors;
    const old = await Promise.all(bns.map(async (b) => [await b.runningMean.data(), await b.runningVar.data()]));
    const stats: BatchStatistics = [];
    const half = tf.mul(x, 0.5) as tf.Tensor4D;
    tf.dispose([raceForward(net, half, stats), half]);
    const batch = await Promise.all(
      stats.map(async (s) => [await s.mean.data(), await s.variance.data(), s.count] as const),
    );
    updateRunningStatistics(net, stats);
    expect(tf.memory().numTensors).toBe(before);
    for (const [i, bn] of bns.entries()) {
      const [mean, variance, count] = batch[i]!;
      const [oldMean, oldVar] = old[i]!;
      const m = await bn.runningMean.data();
      const v = await bn.runningVar.data();
      m.forEach((got, c) => expect(got).toBeCloseTo(0.9 * oldMean![c]! + 0.1 * mean[c]!, 5));
      v.forEach((got, c) => expect(got).toBeCloseTo(0.9 * oldVar![c]! + (0.1 * variance[c]! * count) / (count - 1), 5));
    }
    x.dispose();
    disposeRaceNet(net);
  });
});
