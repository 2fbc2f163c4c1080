import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResNet18, randomInput } from '../../model';
import { useNodeBackend } from '../../model/testBackend';
import { StepperSession } from './StepperSession';
import type { StepList } from './steps';

let net: ResNet18;
beforeAll(async () => {
  await useNodeBackend();
  net = ResNet18.random(0);
});

describe('StepperSession', () => {
  it('keeps the tensor count flat over 200 steps and 20 input changes', async () => {
    const session = new StepperSession(net, 4 * 1024 * 1024);
    const before = tf.memory().numTensors;
    let steps: StepList | undefined;
    let id = '';
    for (let input = 0; input < 20; input++) {
      ({ steps } = await session.setInput(randomInput([1, 1, 32, 32], input)));
      id = steps.first();
      for (let s = 0; s < 10; s++) {
        // a mix of moves, like a student: into, over, back, next operation
        const moves = [steps.nextOp, steps.next, steps.into, steps.previous, steps.out] as const;
        id = (moves[(s + input) % moves.length] as (this: StepList, i: string) => string).call(steps, id);
        const t = await session.read(steps.get(id).node.path);
        expect(t.shape).toEqual(steps.get(id).node.shape);
      }
      await session.probabilities();
      if (input % 5 === 0) await session.globalRange();
    }
    expect(id).not.toBe('');
    session.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reads each node once and serves repeats from a bounded cache', async () => {
    const session = new StepperSession(net, 1024 * 1024);
    const { steps } = await session.setInput(randomInput([1, 1, 64, 64], 1));
    const a = await session.read('b1.conv');
    expect(await session.read('b1.conv')).toBe(a);
    for (const p of steps.ops) await session.read(p);
    const bytes = session.cachedPaths.reduce(
      (sum, p) => sum + steps.get(p).node.shape.reduce((x, y) => x * y, 1) * 4,
      0,
    );
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(session.cachedPaths).toContain('linear');
    const probs = await session.probabilities();
    expect(probs.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5);
    const { min, max } = await session.globalRange();
    expect(min).toBeLessThan(max);
    session.dispose();
  });
});
