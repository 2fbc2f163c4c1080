import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { nodeBackendLoaders } from './nodeBackends';
import { mulberry32, symmetricUniform } from './random';
import { setFilterGradientMethod, type FilterGradientMethod } from './trainingKernels';

beforeAll(async () => {
  await selectBackend(nodeBackendLoaders, 'cpu');
  await selectBackend(nodeBackendLoaders, 'wasm');
});
afterAll(() => setFilterGradientMethod('conv2d'));

/** The race's convolutions: 3×3 with PyTorch's padding=1 and 1×1 shortcuts with padding=0, at 28, 14 and 7. */
const CASES = [
  { name: '3×3, stride 1, 28→28', side: 28, k: 3, stride: 1, pad: 1, ci: 4, co: 4 },
  { name: '3×3, stride 1, 28→28, one input channel (the stem)', side: 28, k: 3, stride: 1, pad: 1, ci: 1, co: 8 },
  { name: '3×3, stride 1, 14→14, batch 64', side: 14, k: 3, stride: 1, pad: 1, ci: 8, co: 8, batch: 64 },
  { name: '3×3, stride 2, 28→14, batch 32', side: 28, k: 3, stride: 2, pad: 1, ci: 4, co: 8, batch: 32 },
  { name: '3×3, stride 1, 7→7, batch 64', side: 7, k: 3, stride: 1, pad: 1, ci: 16, co: 16, batch: 64 },
  { name: '3×3, stride 2, 28→14', side: 28, k: 3, stride: 2, pad: 1, ci: 4, co: 8 },
  { name: '3×3, stride 2, 14→7', side: 14, k: 3, stride: 2, pad: 1, ci: 8, co: 16 },
  { name: '1×1, stride 2, 28→14', side: 28, k: 1, stride: 2, pad: 0, ci: 4, co: 8 },
  { name: '1×1, stride 2, 14→7', side: 14, k: 1, stride: 2, pad: 0, ci: 8, co: 16 },
  { name: '3×3, stride 1, 7→7', side: 7, k: 3, stride: 1, pad: 1, ci: 16, co: 16 },
  { name: "3×3, stride 2, 'same', 15→8", side: 15, k: 3, stride: 2, pad: 'same' as const, ci: 3, co: 5 },
] as const;

type Case = (typeof CASES)[number];

/** The filter gradient of `c` on the current backend for seeded x and dy, as plain numbers. */
async function filterGradient(c: Case, seed: number): Promise<Float32Array> {
  const next = mulberry32(seed);
  const batch = 'batch' in c ? c.batch : 5;
  const out = c.pad === 'same' ? Math.ceil(c.side / c.stride) : Math.floor((c.side + 2 * c.pad - c.k) / c.stride) + 1;
  const g = tf.tidy(() => {
    const x = tf.tensor4d(symmetricUniform(batch * c.side * c.side * c.ci, 1, next), [batch, c.side, c.side, c.ci]);
    const dy = tf.tensor4d(symmetricUniform(batch * out * out * c.co, 1, next), [batch, out, out, c.co]);
    const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape: [c.k, c.k, c.ci, c.co] };
    return tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as never) as tf.Tensor4D;
  });
  const values = (await g.data()) as Float32Array;
  g.dispose();
  return values;
}

/** The input gradient of `c` on the current backend for seeded dy and filter, as plain numbers. */
async function inputGradient(c: Case, seed: number): Promise<Float32Array> {
  const next = mulberry32(seed);
  const batch = 'batch' in c ? c.batch : 3;
  const out = c.pad === 'same' ? Math.ceil(c.side / c.stride) : Math.floor((c.side + 2 * c.pad - c.k) / c.stride) + 1;
  const g = tf.tidy(() => {
    const dy = tf.tensor4d(symmetricUniform(batch * out * out * c.co, 1, next), [batch, out, out, c.co]);
    const filter = tf.tensor4d(symmetricUniform(c.k * c.k * c.ci * c.co, 1, next), [c.k, c.k, c.ci, c.co]);
    const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', inputShape: [batch, c.side, c.side, c.ci] };
    return tf.engine().runKernel('Conv2DBackpropInput', { dy, filter }, attrs as never) as tf.Tensor4D;
  });
  const values = (await g.data()) as Float32Array;
  g.dispose();
  return values;
}

function worstError(got: Float32Array, expected: Float32Array): { worst: number; scale: number } {
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < got.length; i++) {
    worst = Math.max(worst, Math.abs(got[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return { worst, scale };
}

async function on<T>(backend: string, f: () => Promise<T>): Promise<T> {
  await tf.setBackend(backend);
  return f();
}

describe("the WASM backend's convolution gradients", () => {
  for (const method of ['conv2d', 'conv3d'] as FilterGradientMethod[])
    for (const c of CASES)
      it(`matches the CPU backend: ${c.name}, by ${method}`, async () => {
        setFilterGradientMethod(method);
        const expected = await on('cpu', () => filterGradient(c, 7));
        const before = await on('wasm', async () => tf.memory().numTensors);
        const got = await filterGradient(c, 7);
        expect(tf.memory().numTensors).toBe(before);
        expect(got.length).toBe(expected.length);
        const { worst, scale } = worstError(got, expected);
        expect(scale).toBeGreaterThan(1);
        expect(worst).toBeLessThan(1e-5 * scale);
      });

  for (const c of CASES)
    it(`computes the input gradient as the CPU backend does: ${c.name}`, async () => {
      const expected = await on('cpu', () => inputGradient(c, 11));
      const before = await on('wasm', async () => tf.memory().numTensors);
      const got = await inputGradient(c, 11);
      expect(tf.memory().numTensors).toBe(before);
      expect(got.length).toBe(expected.length);
      const { worst, scale } = worstError(got, expected);
      expect(scale).toBeGreaterThan(1);
      expect(worst).toBeLessThan(1e-5 * scale);
    });

  it('frees its intermediate buffers in the WASM heap', async () => {
    await tf.setBackend('wasm');
    setFilterGradientMethod('conv2d');
    await filterGradient(CASES[1], 1);
    await inputGradient(CASES[1], 1);
    const bytes = tf.memory().numBytes;
    const dataIds = (tf.backend() as unknown as { dataIdMap: { numDataIds(): number } }).dataIdMap.numDataIds();
    for (let i = 0; i < 3; i++) await filterGradient(CASES[1], 1);
    for (let i = 0; i < 3; i++) await inputGradient(CASES[1], 1);
    expect(tf.memory().numBytes).toBe(bytes);
    expect((tf.backend() as unknown as { dataIdMap: { numDataIds(): number } }).dataIdMap.numDataIds()).toBe(dataIds);
  });
});
