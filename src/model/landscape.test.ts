/**
 * The landscape's evaluator folds batch norm into the convolutions once per plane: held here to
 * the unfolded network (raceForward in evaluation mode, its weights moved to the point) with
 * every batch norm parameter drawn away from its initial 1 and 0, which the PyTorch fixture
 * (fresh γ = 1, β = 0) cannot tell apart.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LandscapeEvaluator, landscapeDirections } from './landscape';
import {
  createRaceNet,
  disposeRaceNet,
  raceForward,
  raceNamedParameters,
  raceNamedStatistics,
  type RaceNet,
  type RaceNetSpec,
} from './raceNet';
import { mulberry32 } from './random';
import { useNodeBackend } from './testBackend';

beforeAll(async () => {
  await useNodeBackend();
});

/** A network whose γ, β, running mean and variance are all drawn, not the initial 1, 0, 0, 1. */
function drawnNetwork(spec: RaceNetSpec): RaceNet {
  const net = createRaceNet(spec, 3);
  const next = mulberry32(11);
  const draw = (size: number, lo: number, hi: number) =>
    Float32Array.from({ length: size }, () => lo + (hi - lo) * next());
  for (const p of raceNamedParameters(net)) {
    if (p.name.endsWith('gamma')) tf.tidy(() => p.variable.assign(tf.tensor1d(draw(p.variable.size, 0.5, 1.5))));
    if (p.name.endsWith('beta')) tf.tidy(() => p.variable.assign(tf.tensor1d(draw(p.variable.size, -0.3, 0.3))));
  }
  for (const s of raceNamedStatistics(net)) {
    const [lo, hi] = s.name.endsWith('runningMean') ? [-0.2, 0.2] : [0.3, 1.7];
    tf.tidy(() => s.variable.assign(tf.tensor1d(draw(s.variable.size, lo, hi))));
  }
  return net;
}

/** The loss at (a, b) the slow way: the network's own weights moved there, batch norm as its own op. */
async function unfoldedLoss(net: RaceNet, x: tf.Tensor4D, y: tf.Tensor2D, a: number, b: number): Promise<number> {
  const params = raceNamedParameters(net);
  const values = await Promise.all(
    params.map(async (p) => ({
      name: p.name,
      shape: p.variable.shape,
      data: (await p.variable.data()) as Float32Array,
    })),
  );
  const [dx, dy] = landscapeDirections(values);
  const saved = params.map((p) => tf.clone(p.variable));
  params.forEach((p, i) => {
    const d = dx[i];
    const e = dy[i];
    if (d && e)
      tf.tidy(() =>
        p.variable.assign(
          tf.add(
            saved[i]!,
            tf.add(tf.mul(tf.tensor(d, p.variable.shape), a), tf.mul(tf.tensor(e, p.variable.shape), b)),
          ),
        ),
      );
  });
  const loss = tf.tidy(() => tf.losses.softmaxCrossEntropy(y, raceForward(net, x)));
  const out = (await loss.data())[0]!;
  loss.dispose();
  params.forEach((p, i) => p.variable.assign(saved[i]!));
  tf.dispose(saved);
  return out;
}

describe('the landscape evaluator with batch norm folded into the convolutions', () => {
  const specs: RaceNetSpec[] = [
    { family: 'plain', n: 1, width: 4 },
    // n = 1 residual: stage changes with a 1×1 projection (no batch norm after it)
    { family: 'residual', n: 1, width: 4 },
  ];
  for (const spec of specs) {
    it(`${spec.family}-${spec.n}: the same loss as the unfolded network at several points, tensors flat`, async () => {
      const net = drawnNetwork(spec);
      const next = mulberry32(5);
      const x = tf.tensor4d(
        Float32Array.from({ length: 16 * 784 }, () => next()),
        [16, 28, 28, 1],
      );
      const y = tf.oneHot(
        tf.tensor1d(
          Array.from({ length: 16 }, (_, i) => i % 10),
          'int32',
        ),
        10,
      ) as tf.Tensor2D;
      const before = tf.memory().numTensors;
      const evaluator = await LandscapeEvaluator.create(net, x, y);
      for (const [a, b] of [
        [0, 0],
        [0.5, -0.25],
        [-1, 1],
      ] as const) {
        const folded = await evaluator.lossAt(a, b);
        const unfolded = await unfoldedLoss(net, x, y, a, b);
        expect(Math.abs(folded - unfolded) / unfolded, `(${a}, ${b}): ${folded} vs ${unfolded}`).toBeLessThan(1e-4);
      }
      evaluator.dispose();
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x, y]);
      disposeRaceNet(net);
    }, 120_000);
  }
});
