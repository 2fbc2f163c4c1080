import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPlan, runPlanStepwise, type RunnableOp } from './planRunner';
import { useNodeBackend } from './testBackend';

beforeAll(async () => {
  await useNodeBackend();
});

/** x → double → plus one → add(double, plusOne). */
const plan: RunnableOp[] = [
  { path: 'double', inputs: ['x'], compute: (x) => tf.mul(x as tf.Tensor, 2) },
  { path: 'plusOne', inputs: ['double'], compute: (d) => tf.add(d as tf.Tensor, 1) },
  { path: 'sum', inputs: ['double', 'plusOne'], compute: (a, b) => tf.add(a as tf.Tensor, b as tf.Tensor) },
];

describe('runPlan', () => {
  it('computes every operation from the values it names, in order', () => {
    const out = tf.tidy(() => {
      const values = runPlan(plan, new Map([['x', tf.tensor1d([1, 2])]]));
      return values.get('sum') as tf.Tensor;
    });
    expect(Array.from(out.dataSync())).toEqual([5, 9]);
    out.dispose();
  });
  it('names the value an operation needs when it is missing', () => {
    expect(() =>
      tf.tidy(() => {
        runPlan(plan.slice(1), new Map([['x', tf.scalar(1)]]));
      }),
    ).toThrow('"plusOne" needs "double", which has not been computed');
  });
});

describe('runPlanStepwise', () => {
  it('gives the same values as runPlan, reports progress and gives a turn after every slice', async () => {
    const x = tf.tensor1d([1, 2]);
    const progress: string[] = [];
    let turns = 0;
    const values = await runPlanStepwise(plan, new Map([['x', x]]), {
      sliceMs: 0,
      yieldTurn: async () => {
        turns++;
      },
      onProgress: (done, total, path) => progress.push(`${done}/${total} ${path}`),
    });
    expect(Array.from(await (values.get('sum') as tf.Tensor).data())).toEqual([5, 9]);
    expect(progress).toEqual(['1/3 double', '2/3 plusOne', '3/3 sum']);
    expect(turns).toBe(3);
    tf.dispose([...values.values()]);
  });

  it('stops when cancelled, disposing what it computed and never the starting tensors', async () => {
    const x = tf.tensor1d([1, 2]);
    const before = tf.memory().numTensors;
    const abort = new AbortController();
    const run = runPlanStepwise(plan, new Map([['x', x]]), {
      onOutput: (path) => {
        if (path === 'plusOne') abort.abort();
      },
      signal: abort.signal,
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
    expect(x.isDisposed).toBe(false);
    x.dispose();
  });

  it('runs only the first steps when asked, awaiting each output', async () => {
    const x = tf.tensor1d([3]);
    const seen: number[] = [];
    const values = await runPlanStepwise(plan, new Map([['x', x]]), {
      maxSteps: 2,
      onOutput: async (_p, t) => {
        seen.push(((await t.data()) as Float32Array)[0] as number);
      },
    });
    expect(seen).toEqual([6, 7]);
    expect(values.has('sum')).toBe(false);
    tf.dispose([...values.values()]);
  });
});
