import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FlatMomentumSGD } from './flatMomentum';
import { mulberry32, symmetricUniform } from './random';
import { useNodeBackend } from './testBackend';

beforeAll(async () => {
  await useNodeBackend();
});

describe('SGD with momentum over every variable at once', () => {
  it("steps exactly as tfjs's own momentum optimiser, and keeps the tensor count flat", async () => {
    const next = mulberry32(9);
    const shapes: number[][] = [[3, 3, 1, 4], [4], [2, 5]];
    const initial = shapes.map((s) =>
      symmetricUniform(
        s.reduce((a, b) => a * b, 1),
        1,
        next,
      ),
    );
    const make = () => shapes.map((s, i) => tf.variable(tf.tensor(initial[i]!, [...s])));
    const [ours, theirs] = [make(), make()];
    const sgd = new FlatMomentumSGD(ours, 0.05, 0.9);
    const reference = tf.train.momentum(0.05, 0.9);
    let before = 0;
    for (let step = 0; step < 3; step++) {
      const grads = shapes.map((s) =>
        tf.tensor(
          symmetricUniform(
            s.reduce((a, b) => a * b, 1),
            2,
            next,
          ),
          [...s],
        ),
      );
      if (step === 1) before = tf.memory().numTensors;
      sgd.applyGradients(Object.fromEntries(ours.map((v, i) => [v.name, grads[i]!])));
      reference.applyGradients(theirs.map((v, i) => ({ name: v.name, tensor: grads[i]! })));
      if (step === 1) expect(tf.memory().numTensors).toBe(before);
      tf.dispose(grads);
    }
    for (const [i, v] of ours.entries()) {
      const [a, b] = [await v.data(), await theirs[i]!.data()];
      a.forEach((x, j) => expect(x).toBeCloseTo(b[j]!, 6));
    }
    expect(() => sgd.applyGradients({})).toThrow(/no gradient for/);
    sgd.dispose();
    reference.dispose();
    tf.dispose([...ours, ...theirs]);
  });
});
