import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResNet, randomInput } from '../model';
import { useNodeBackend } from '../model/testBackend';
import { StaleTrace } from '../explain/stepper/traceTypes';
import { StepperSession } from './stepperSession';
import { StepList } from '../explain/stepper/steps';

let net: ResNet;
beforeAll(async () => {
  await useNodeBackend();
  net = ResNet.random(0);
});

describe('StepperSession', () => {
  it('holds exactly one trace while it lives: tensors and bytes stay flat over 20 inputs and 200 steps', async () => {
    const session = new StepperSession(net);
    const before = tf.memory();
    const held: { tensors: number; bytes: number }[] = [];
    for (let input = 0; input < 20; input++) {
      const { nodes } = await session.setInput(randomInput([1, 1, 32, 32], input));
      const steps = new StepList(nodes);
      let id = steps.first();
      for (let s = 0; s < 10; s++) {
        // a mix of moves, like a student: into, over, back, next operation
        const moves = [steps.nextOp, steps.next, steps.into, steps.previous, steps.out] as const;
        id = (moves[(s + input) % moves.length] as (this: StepList, i: string) => string).call(steps, id);
        const t = await session.read(steps.get(id).node.path);
        expect(t.shape).toEqual(steps.get(id).node.shape);
      }
      await session.probabilities();
      if (input % 5 === 0) await session.globalRange();
      const now = tf.memory();
      held.push({ tensors: now.numTensors - before.numTensors, bytes: now.numBytes - before.numBytes });
    }
    // one trace: a tensor per node and the probabilities, whatever the input
    expect(held[0]?.tensors).toBeGreaterThan(60);
    expect(new Set(held.map((h) => h.tensors)).size).toBe(1);
    expect(new Set(held.map((h) => h.bytes)).size).toBe(1);
    session.dispose();
    expect(tf.memory().numTensors).toBe(before.numTensors);
  });

  it('reads fresh arrays of the current trace and refuses reads of a replaced one', async () => {
    const session = new StepperSession(net);
    await session.setInput(randomInput([1, 1, 64, 64], 1));
    const a = await session.read('b1.conv');
    const b = await session.read('b1.conv');
    expect(b).not.toBe(a); // the worker hands each array over to the page
    expect(Array.from(b.data.slice(0, 8))).toEqual(Array.from(a.data.slice(0, 8)));
    const probs = await session.probabilities();
    expect(probs.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5);
    const { min, max } = await session.globalRange();
    expect(min).toBeLessThan(max);
    const pending = session.read('b5.1.relu2');
    const next = session.setInput(randomInput([1, 1, 64, 64], 2));
    await expect(pending).rejects.toBeInstanceOf(StaleTrace);
    await next;
    session.dispose();
  });

  it('lets the newest input win: an older trace in flight is cancelled, never returned', async () => {
    const session = new StepperSession(net);
    const older = session.setInput(randomInput([1, 1, 64, 64], 3));
    const newer = session.setInput(randomInput([1, 1, 32, 32], 4));
    await expect(older).rejects.toBeInstanceOf(StaleTrace);
    expect((await newer).nodes[0]?.shape).toEqual([1, 1, 32, 32]);
    session.dispose();
  });
});
