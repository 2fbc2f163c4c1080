import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FusedNetwork } from './fused';
import { dropResidualBranch, lesionBatch, lesionPlan, lesionStudy, residualBlocks } from './lesion';
import { traceForwardStepwise } from './trace';
import { ResNet } from './network';
import { runPlan } from './planRunner';
import { useNodeBackend } from './testBackend';
import { RESNET18, archSpec } from './variants';

let net: ResNet;
const N = 12;
const SIZE = 32;
const images = Uint8Array.from({ length: N * 784 }, (_, i) => (i * 37 + (i >> 5) * 11) % 256);
const labels = Uint8Array.from({ length: N }, (_, i) => i % 10);

beforeAll(async () => {
  await useNodeBackend();
  net = ResNet.random(3);
});
afterAll(() => net.dispose());

describe('residualBlocks', () => {
  it('names ResNet-18’s 8 blocks, the first of b3, b4, b5 downsampling', () => {
    const blocks = residualBlocks(RESNET18);
    expect(blocks.map((b) => b.path)).toEqual(['b2.0', 'b2.1', 'b3.0', 'b3.1', 'b4.0', 'b4.1', 'b5.0', 'b5.1']);
    expect(blocks.filter((b) => b.downsamples).map((b) => b.path)).toEqual(['b3.0', 'b4.0', 'b5.0']);
  });
});

describe('lesionPlan', () => {
  const outputs = (block: string) => {
    const x = lesionBatch(images, 0, 2, SIZE);
    const values = runPlan(lesionPlan(net.plan(), block), new Map([['input', x]]));
    return { values, dispose: () => tf.dispose([x, ...values.values()]) };
  };

  it('an identity block removed hands the next block its own input X', async () => {
    const { values, dispose } = outputs('b3.1');
    expect(values.has('b3.1.conv1')).toBe(false);
    expect(await (values.get('b3.1.relu2') as tf.Tensor).array()).toEqual(
      await (values.get('b3.0.relu2') as tf.Tensor).array(),
    );
    dispose();
  });

  it('a downsampling block removed keeps its shortcut: relu(conv3(X)), the shape the next block expects', async () => {
    const { values, dispose } = outputs('b4.0');
    expect(values.has('b4.0.conv1')).toBe(false);
    const out = values.get('b4.0.relu2') as tf.Tensor;
    const conv3 = values.get('b4.0.conv3') as tf.Tensor;
    expect(out.shape).toEqual([2, 2, 2, 256]);
    const want = tf.relu(conv3);
    expect(await out.array()).toEqual(await want.array());
    // the projection's output has negative values that the ReLU removes
    expect((await conv3.data()).some((v) => v < 0)).toBe(true);
    want.dispose();
    dispose();
  });

  it('refuses a block the network does not have, and a pre-activation block (no ReLU after Y + X)', () => {
    expect(() => lesionPlan(net.plan(), 'b6.0')).toThrow(/no block "b6.0"/);
    const preact = ResNet.random(1, undefined, archSpec('resnet18-preact'));
    expect(() => lesionPlan(preact.plan(), 'b2.0')).toThrow(/does not end in a ReLU/);
    preact.dispose();
  });
});

describe('lesionStudy', () => {
  it('gives each row what a whole lesioned forward pass predicts, and keeps no tensor', async () => {
    const before = tf.memory().numTensors;
    const data = { images, labels };
    const progress: number[] = [];
    const result = await lesionStudy(net, data, SIZE, { batch: 5, onProgress: (d) => progress.push(d) });
    expect(result.rows).toHaveLength(9);
    expect(progress.at(-1)).toBe(9 * N);
    expect(tf.memory().numTensors).toBe(before);
    for (const row of result.rows) {
      const fused = FusedNetwork.fromPlan(row.removed ? lesionPlan(net.plan(), row.removed) : net.plan());
      const x = lesionBatch(images, 0, N, SIZE);
      const predicted = tf.tidy(() => tf.argMax(fused.forward(tf.transpose(x, [0, 3, 1, 2]) as tf.Tensor4D), 1));
      expect([...row.predictions], row.removed ?? 'intact').toEqual([...(await predicted.data())]);
      expect(row.correct).toBe([...row.predictions].filter((p, i) => p === labels[i]).length);
      tf.dispose([x, predicted]);
      fused.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when cancelled, disposing what it made', async () => {
    const before = tf.memory().numTensors;
    const stop = new AbortController();
    const run = lesionStudy(net, { images, labels }, SIZE, {
      batch: 4,
      signal: stop.signal,
      onProgress: (done) => done >= 8 && stop.abort(),
    });
    await expect(run).rejects.toThrow(/cancelled/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('stepping through with a block removed', () => {
  it('traces every node, the block adding nothing of Y, and predicts what the lesioned network predicts', async () => {
    const before = tf.memory().numTensors;
    const x = tf.tidy(() => tf.transpose(lesionBatch(images, 0, 2, SIZE), [0, 3, 1, 2]) as tf.Tensor4D);
    const trace = await traceForwardStepwise(net, x, { removed: 'b3.0' });
    const intact = await traceForwardStepwise(net, x);
    // the branch is still there to look at, as in the intact network
    expect(await trace.get('b3.0.bn2').tensor.array()).toEqual(await intact.get('b3.0.bn2').tensor.array());
    // Y += X adds nothing of Y: the block hands on its shortcut
    expect(await trace.get('b3.0.add').tensor.array()).toEqual(await trace.get('b3.0.conv3').tensor.array());
    const fused = FusedNetwork.fromPlan(lesionPlan(net.plan(), 'b3.0'));
    const want = fused.forward(x);
    const got = await trace.logits.data();
    const diff = Math.max(...Array.from(await want.data(), (v, i) => Math.abs(v - (got[i] as number))));
    expect(diff).toBeLessThan(1e-3);
    // and differs from the intact network's
    const full = await intact.logits.data();
    expect(Math.max(...Array.from(full, (v, i) => Math.abs(v - (got[i] as number))))).toBeGreaterThan(1e-4);
    tf.dispose([x, want]);
    fused.dispose();
    trace.dispose();
    intact.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a block the network does not have', () => {
    expect(() => dropResidualBranch(net.plan(), 'b5.7')).toThrow(/no block "b5.7"/);
  });
});
