import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { raceForwardWithout, raceLesion, removableRaceBlocks } from './raceLesion';
import { createRaceNet, disposeRaceNet, raceBlocks, raceForward } from './raceNet';
import { useNodeBackend } from './testBackend';

beforeAll(async () => {
  await useNodeBackend();
});

const images = Uint8Array.from({ length: 6 * 784 }, (_, i) => (i * 53 + (i >> 4) * 7) % 256);
const labels = Uint8Array.from([0, 1, 2, 3, 4, 5]);

describe('the race networks with one block removed', () => {
  it('removes only the blocks that keep the shape: stage changes stay', () => {
    // n = 3: blocks 0, 1, 2 | 3 (change), 4, 5 | 6 (change), 7, 8
    for (const family of ['plain', 'residual'] as const)
      expect(removableRaceBlocks(raceBlocks({ family, n: 3, width: 4 }))).toEqual([0, 1, 2, 4, 5, 7, 8]);
  });

  it('computes the whole network as raceForward does, and another one with a block gone', async () => {
    const net = createRaceNet({ family: 'residual', n: 3, width: 4 }, 1);
    const x = tf.tidy(() => tf.div(tf.tensor4d(Float32Array.from(images), [6, 28, 28, 1]), 255)) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const a = raceForward(net, x);
    const b = raceForwardWithout(net, x);
    const c = raceForwardWithout(net, x, 4);
    expect(await b.array()).toEqual(await a.array());
    const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(c, a))).dataSync()[0] as number);
    expect(diff).toBeGreaterThan(1e-6);
    expect(() => raceForwardWithout(net, x, 3)).toThrow(/changes the shape/);
    tf.dispose([a, b, c]);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    disposeRaceNet(net);
  });

  it('counts correct answers per removal and keeps no tensor', async () => {
    const net = createRaceNet({ family: 'plain', n: 3, width: 4 }, 2);
    const before = tf.memory().numTensors;
    const rows = await raceLesion(net, images, labels, { batch: 4 });
    expect(rows.map((r) => r.removed)).toEqual([null, 0, 1, 2, 4, 5, 7, 8]);
    for (const r of rows) expect(r.correct).toBeLessThanOrEqual(6);
    expect(tf.memory().numTensors).toBe(before);
    disposeRaceNet(net);
  });
});
