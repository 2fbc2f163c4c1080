import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBackendComputes } from './selfTest';

type KernelFunc = tf.KernelConfig['kernelFunc'];

/**
 * A backend that is tfjs's CPU backend except for one kernel, which `breakKernel` wraps:
 * the way a GPU driver or shader bug looks to the page.
 */
function registerBrokenBackend(name: string, kernelName: string, breakKernel: (f: KernelFunc) => KernelFunc): void {
  tf.registerBackend(name, () => new MathBackendCPU());
  for (const k of tf.getKernelsForBackend('cpu')) {
    const kernelFunc = k.kernelName === kernelName ? breakKernel(k.kernelFunc) : k.kernelFunc;
    tf.registerKernel({ ...k, backendName: name, kernelFunc });
  }
}

/** Adds `delta` to the first output value, only when the input has at least `minChannels` channels. */
const offByOne =
  (delta: number, minChannels: number) =>
  (f: KernelFunc): KernelFunc =>
  (args) => {
    const out = f(args) as tf.TensorInfo;
    const x = (args.inputs as { x: tf.TensorInfo }).x;
    if ((x.shape[x.shape.length - 1] as number) >= minChannels) {
      const values = (args.backend as MathBackendCPU).data.get(out.dataId).values as Float32Array;
      values[0] = (values[0] as number) + delta;
    }
    return out;
  };

describe('the start-up self-test', () => {
  beforeAll(async () => {
    await import('@tensorflow/tfjs-backend-cpu');
    // a convolution wrong only at realistic sizes (64 input channels), as a shader bug can be
    registerBrokenBackend('broken-conv', 'Conv2D', offByOne(0.5, 64));
    registerBrokenBackend('broken-batchnorm', 'FusedBatchNorm', offByOne(0.05, 1));
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
    for (const b of ['broken-conv', 'broken-batchnorm']) tf.removeBackend(b);
  });

  it('accepts a backend that computes right, leaving no tensors behind', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    await expect(checkBackendComputes()).resolves.toBeUndefined();
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each([
    ['broken-conv', /a convolution 64 → 64 .* is off by/],
    ['broken-batchnorm', /a convolution 64 → 64 .* is off by/],
  ])('refuses %s with a message', async (backend, message) => {
    await tf.setBackend(backend);
    const before = tf.memory().numTensors;
    await expect(checkBackendComputes()).rejects.toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("catches what yesterday's 2×2 convolution check could not", async () => {
    await tf.setBackend('broken-conv');
    const small = tf.tidy(() =>
      tf.conv2d(tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]), tf.tensor4d([1, 1, 1, 1], [2, 2, 1, 1]), 1, 'valid'),
    );
    expect(await small.data()).toEqual(new Float32Array([10]));
    small.dispose();
    await expect(checkBackendComputes()).rejects.toThrow(/off by/);
  });
});
