import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomInput, readNCHW } from '../../model';
import { nchwToNhwc } from '../../model/layers';
import { disposeResidualWeights, randomResidualWeights, residualForward } from '../../model/residual';
import { useNodeBackend } from '../../model/testBackend';
import { identityExperiment, identityShapeFor } from './identity';
import { maxAbsDiff, runBlock } from './runBlock';
import { LAB_STAGES, type BlockArgs } from './types';
import { RESIDUAL_STEPS } from '../../model/blocks';

beforeAll(async () => {
  await useNodeBackend();
});

const now = () => Promise.resolve();
const preset1: BlockArgs = { inputChannels: 3, numChannels: 3, use1x1conv: false, strides: 1 };
const preset2: BlockArgs = { inputChannels: 3, numChannels: 6, use1x1conv: true, strides: 2 };

async function reference(args: BlockArgs, shape: number[], seed: number) {
  const w = randomResidualWeights(args, seed);
  const x = tf.tidy(() => nchwToNhwc(randomInput(shape, seed + 1)));
  const out = residualForward(args, w, x);
  const plain = await readNCHW(out);
  tf.dispose([x, out]);
  disposeResidualWeights(w);
  return plain;
}

describe('runBlock', () => {
  it.each([
    ['Residual(3, 3)', preset1, [4, 3, 6, 6], [4, 3, 6, 6]],
    ['Residual(3, 6, use_1x1conv=True, strides=2)', preset2, [4, 3, 6, 6], [4, 6, 3, 3]],
  ] as const)("%s: the notebook's shapes, the same numbers as residualForward", async (_n, args, shape, out) => {
    const run = await runBlock(args, shape, { seed: 5, pause: now });
    expect(run.output.shape).toEqual(out);
    const ref = await reference(args, [...shape], 5);
    expect(maxAbsDiff(run.output, ref)).toBe(0);
  });

  it("broadcasts X's single channel over Y's four, as PyTorch does for Residual(1, 4)", async () => {
    const run = await runBlock({ inputChannels: 1, numChannels: 4, use1x1conv: false, strides: 1 }, [2, 1, 5, 5], {
      seed: 1,
      pause: now,
    });
    expect(run.output.shape).toEqual([2, 4, 5, 5]);
    const bn2 = run.steps.find((s) => s.step === 'bn2')?.tensor;
    const add = run.steps.find((s) => s.step === 'add')?.tensor;
    // channel 2 of sample 1 at (3, 4): bn2 + x[1, 0, 3, 4]
    const at = (c: number, n = 1, i = 3, j = 4, C = 4) => ((n * C + c) * 5 + i) * 5 + j;
    const xv = run.input.data[((1 * 1 + 0) * 5 + 3) * 5 + 4] as number;
    expect(add?.data[at(2)]).toBeCloseTo((bn2?.data[at(2)] as number) + xv, 6);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      await runBlock(preset2, [2, 3, 6, 6], { seed: i, pause: now, zeroBranch: i === 1 });
      await runBlock(preset1, [2, 3, 6, 6], { seed: i, pause: now, shortcut: false });
    }
    await identityExperiment([4, 3, 6, 6], 0, now);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the identity, measured', () => {
  it('a residual block with its branch zeroed outputs exactly x; a regular block outputs 0', async () => {
    const r = await identityExperiment([4, 3, 6, 6], 0, now);
    expect(r.minInput).toBeGreaterThanOrEqual(0);
    expect(r.residual.maxDiff).toBe(0);
    expect(r.residual.maxOut).toBeGreaterThan(0.5);
    expect(r.regular.maxOut).toBe(0);
    expect(r.regular.maxDiff).toBeGreaterThan(0.5);
    expect(r.regular.maxDiff).toBe(r.residual.maxOut);
  });
  it('holds for other shapes (one channel, larger maps)', async () => {
    const r = await identityExperiment([2, 1, 9, 7], 3, now);
    expect(r.residual.maxDiff).toBe(0);
    expect(r.regular.maxOut).toBe(0);
  });
});

describe('a partial run, up to where PyTorch raises', () => {
  it('Residual(3, 6) runs conv1 … bn2 and stops before Y += X', async () => {
    const before = tf.memory().numTensors;
    const run = await runBlock({ inputChannels: 3, numChannels: 6, use1x1conv: false, strides: 1 }, [4, 3, 6, 6], {
      seed: 0,
      pause: now,
      maxSteps: 5,
    });
    expect(run.steps.map((s) => s.step)).toEqual(['conv1', 'bn1', 'relu', 'conv2', 'bn2']);
    expect(run.output.shape).toEqual([4, 6, 6, 6]);
    expect(run.input.shape).toEqual([4, 3, 6, 6]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('identityShapeFor', () => {
  it("uses the lab's X when Residual(C, C) can run on it, else the notebook's", () => {
    expect(identityShapeFor([2, 1, 5, 5])).toEqual([2, 1, 5, 5]);
    expect(identityShapeFor([4, 3.5, 6, 6])).toEqual([4, 3, 6, 6]);
    expect(identityShapeFor([3, 6, 6])).toEqual([4, 3, 6, 6]);
    expect(identityShapeFor([64, 3, 224, 224])).toEqual([4, 3, 6, 6]);
  });
});

describe("the lab's steps", () => {
  it("are the notebook's block as the model describes it (one list of names)", () => {
    expect(LAB_STAGES.slice(2)).toEqual(RESIDUAL_STEPS);
  });
});
