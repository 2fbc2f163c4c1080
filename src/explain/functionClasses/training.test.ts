import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../model/testBackend';
import { makeDataset } from './experimentSetup';
import { appendLayer, cloneMlp, createMlp, disposeMlp, layerVariables, mlpVariables } from './mlp';
import { endTraining, lossOf, predict, resumeTraining, startTraining, train, trainSteps } from './training';

beforeAll(async () => {
  await useNodeBackend();
});

const none = async () => {};

function data(n: number) {
  const { xs, ys } = makeDataset(n);
  return { x: tf.tensor2d(xs, [n, 1]), y: tf.tensor2d(ys, [n, 1]) };
}

describe('resuming training on a copy', () => {
  it('carries on where the original would, and leaves the original as it was', async () => {
    const d = data(32);
    const net = createMlp('residual', 3, 8, 4);
    const t = startTraining(net, 0.01);
    await trainSteps(t, net, d, 40, 40, none);
    const trained = await predict(net, d.x);

    const copy = cloneMlp(net);
    const resumed = await resumeTraining(t, mlpVariables(copy), [], 0.01);
    await trainSteps(resumed, copy, d, 20, 20, none);
    expect(await predict(net, d.x)).toEqual(trained);

    await trainSteps(t, net, d, 20, 20, none);
    // Not bit for bit: the resumed Adam computes β^steps with one power, the original by repeated products.
    const a = await predict(copy, d.x);
    const b = await predict(net, d.x);
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))).toBeLessThan(1e-5);
    expect(a).not.toEqual(trained);
    [t, resumed].forEach(endTraining);
    [net, copy].forEach(disposeMlp);
    d.x.dispose();
    d.y.dispose();
  });

  it('does not knock a trained network off its minimum, as a fresh Adam does', async () => {
    const d = data(32);
    const net = createMlp('plain', 8, 8, 4);
    const t = startTraining(net, 0.003);
    const trained = await trainSteps(t, net, d, 200, 200, none);
    const fresh = cloneMlp(net);
    const freshLoss = await train(fresh, d, 5, { learningRate: 0.003, chunk: 5 }, none);
    const copy = cloneMlp(net);
    const resumed = await resumeTraining(t, mlpVariables(copy), [], 0.003);
    const resumedLoss = await trainSteps(resumed, copy, d, 5, 5, none);
    // A fresh Adam's first steps move every weight by about the learning rate, whatever the gradient.
    expect(freshLoss).toBeGreaterThan(5 * trained);
    expect(resumedLoss).toBeLessThan(1.1 * trained);
    expect(await lossOf(net, d)).toBe(trained);
    [t, resumed].forEach(endTraining);
    [net, fresh, copy].forEach(disposeMlp);
    d.x.dispose();
    d.y.dispose();
  });

  it('trains the appended layer too, and frees every tensor it made', async () => {
    const d = data(16);
    const before = tf.memory().numTensors;
    const net = createMlp('residual', 2, 8, 1);
    const t = startTraining(net, 0.01);
    await trainSteps(t, net, d, 5, 5, none);
    const copy = cloneMlp(net);
    const deeper = appendLayer(copy, 'residualZero');
    const resumed = await resumeTraining(t, mlpVariables(copy), layerVariables(deeper.added.at(-1)!), 0.01);
    await trainSteps(resumed, deeper, d, 5, 5, none);
    // The appended block trains too: its last layer has left zero.
    expect(Math.max(...deeper.added.at(-1)!.out!.w.dataSync().map(Math.abs))).toBeGreaterThan(0);
    [t, resumed].forEach(endTraining);
    [net, deeper].forEach(disposeMlp);
    expect(tf.memory().numTensors).toBe(before);
    d.x.dispose();
    d.y.dispose();
  });
});
