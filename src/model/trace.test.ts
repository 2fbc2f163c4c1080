import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { archNodes } from './architecture';
import { RESNET18 } from './variants';
import { randomInput } from './input';
import { ResNet } from './network';
import { readNCHW, readPredictions, traceForward, traceForwardStepwise } from './trace';
import { useNodeBackend } from './testBackend';

let net: ResNet;
beforeAll(async () => {
  await useNodeBackend();
  net = ResNet.random(0);
});

describe('the plan', () => {
  it('says what every operation is, with the hyper-parameters of its node', () => {
    const nodes = new Map(archNodes(RESNET18, [1, 1, 64, 64]).map((n) => [n.path, n]));
    for (const op of net.plan()) {
      const node = nodes.get(op.path);
      expect(op.layer.kind, op.path).toBe(node?.op);
      if (op.layer.kind === 'conv' || op.layer.kind === 'maxpool') {
        expect([op.layer.stride, op.layer.padding], op.path).toEqual([node?.params.stride, node?.params.padding]);
      }
      if (op.layer.kind === 'conv') {
        expect(op.layer.weights.weight.shape[3], op.path).toBe(node?.params.outChannels);
      }
    }
  });
});

describe('traceForward', () => {
  it("records every operation, in order, with the notebook's shapes", () => {
    const x = randomInput([1, 1, 224, 224], 0);
    const trace = traceForward(net, x);
    expect(trace.nodes.map((n) => n.path)).toEqual(archNodes(RESNET18, [1, 1, 224, 224]).map((n) => n.path));
    expect(trace.get('b5.1.relu2').shape).toEqual([1, 512, 7, 7]);
    expect(trace.get('b5.1.relu2').tensor.shape).toEqual([1, 7, 7, 512]);
    trace.dispose();
    x.dispose();
  });

  it('gives the same logits as the plain forward, and probabilities that sum to 1', async () => {
    const x = randomInput([2, 1, 64, 64], 5);
    const trace = traceForward(net, x);
    const logits = net.forward(x);
    const a = await logits.array();
    const { logits: b, probabilities } = await readPredictions(trace);
    expect(b).toEqual(a);
    for (const row of probabilities) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    tf.dispose([logits, x]);
    trace.dispose();
  });

  it('reads tensors back in (N, C, H, W) order', async () => {
    const x = randomInput([1, 1, 32, 32], 1);
    const trace = traceForward(net, x);
    const input = await readNCHW(trace.get('input').tensor);
    expect(input.shape).toEqual([1, 1, 32, 32]);
    expect(Array.from(input.data)).toEqual(Array.from(await x.data()));
    const conv = await readNCHW(trace.get('b1.conv').tensor);
    expect(conv.shape).toEqual([1, 64, 16, 16]);
    trace.dispose();
    x.dispose();
  });

  it('returns the tensor count to where it was, over many traces', () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 10; i++) {
      const x = randomInput([1, 1, 64, 64], i);
      const trace = traceForward(net, x);
      trace.dispose();
      x.dispose();
      const small = randomInput([1, 1, 32, 32], i);
      tf.dispose([net.forward(small), small]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stepwise: the same nodes and values, with progress, yielding to the page', async () => {
    const x = randomInput([1, 1, 64, 64], 9);
    const before = tf.memory().numTensors;
    const seen: string[] = [];
    const stepwise = await traceForwardStepwise(net, x, { onProgress: (_d, _t, p) => seen.push(p), sliceMs: 0 });
    const whole = traceForward(net, x);
    expect(seen).toHaveLength(66);
    expect(stepwise.nodes.map((n) => n.path)).toEqual(whole.nodes.map((n) => n.path));
    expect(await stepwise.logits.array()).toEqual(await whole.logits.array());
    expect(Array.from(await stepwise.get('b4.0.conv3').tensor.data())).toEqual(
      Array.from(await whole.get('b4.0.conv3').tensor.data()),
    );
    stepwise.dispose();
    whole.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });

  it('stepwise: gives the page a turn through a message, not a timeout (browsers clamp nested ones to 4 ms)', async () => {
    const x = randomInput([1, 1, 32, 32], 9);
    const timeouts = vi.spyOn(globalThis, 'setTimeout');
    try {
      const trace = await traceForwardStepwise(net, x, { sliceMs: 0 });
      trace.dispose();
      expect(timeouts).not.toHaveBeenCalled();
    } finally {
      timeouts.mockRestore();
      x.dispose();
    }
  });

  it('stepwise: a cancelled trace leaves no tensors behind', async () => {
    const x = randomInput([1, 1, 64, 64], 9);
    const before = tf.memory().numTensors;
    const ctrl = new AbortController();
    const pending = traceForwardStepwise(net, x, {
      sliceMs: 0,
      onProgress: (done) => done === 20 && ctrl.abort(),
      signal: ctrl.signal,
    });
    await expect(pending).rejects.toThrow(/cancelled/);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
