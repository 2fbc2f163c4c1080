import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from './testBackend';
import { timeVariant } from './timing';
import { archSpec } from './variants';

beforeAll(async () => {
  await useNodeBackend();
});

describe('time per image of a variant', () => {
  it('times passes on random weights and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const t = await timeVariant(archSpec('resnet18-preact'), 32, 1);
    expect(t.passes).toBe(1);
    expect(t.ms).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
